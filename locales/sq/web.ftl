### status: draft
### Shqip. Fjalët e faqes në internet (bot/webdoor.py). Shkruar pa një folës amtar: ju lutemi rishikojeni.

web-title = Putokaz
web-exit = Dalje e shpejtë
web-exit-hint = Largohet menjëherë nga kjo faqe dhe hap parashikimin e motit. Me tastierë: shtypni Esc dy herë.
web-type-label = Shkruani emrin e vendit
web-send = Dërgo
web-slow = Ishte shumë shpejt: prisni një çast dhe prekni përsëri.
web-start-again = Fillo nga e para
web-expired = Kjo faqe u mbyll pas një kohe pa përdorim. Asgjë prej saj nuk ruhet.
web-privacy =
    🔒 Kjo faqe është anonime: pa llogari, pa emër, dhe asgjë që shkruani nuk ruhet dhe nuk i raportohet askujt.
    🚪 „Dil“ e harron këtë bisedë dhe nuk e tregon më, as me butonin Prapa. „Dalje e shpejtë“ (lart djathtas) hap menjëherë parashikimin e motit. Dritarja private (inkognito) lë më pak gjurmë në historikun e shfletuesit.
web-help = Putokaz tregon në mënyrë anonime ku të gjeni ndihmë. Prekni butonat dhe shkruani emrin e vendit kur ju pyesim. 🚪 Dil e mbyll bisedën dhe e harron; „Dalje e shpejtë“ largohet menjëherë nga faqja.
web-erase-scheduled = ⏳ Kjo bisedë do të harrohet pas 1 ore (më herët nëse nuk përdoret). Për të qenë i sigurt, mbylleni tani: 🚪 Dil.
