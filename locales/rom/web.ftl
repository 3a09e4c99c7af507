### status: draft
### Romani (Balkan Romani, Latin script). The web door's words (bot/webdoor.py). Written without a native speaker: please review.

web-title = Putokaz
web-exit = Sigo avri
web-exit-hint = Akana mukhel kava rig thaj phravel o vremeno. Pe tastatura: duj var Esc.
web-type-label = Ramos o anav e thanesko
web-send = Bičhal
web-slow = Kodo sas but sigo: ažuker jekh cikno thaj dodirisar palem.
web-start-again = Kerel palem andar o anglunipe
web-expired = Kava rig phandadilo pala jekh vreme bizo koristipe. Khanči lestar na ačhilo.
web-privacy =
    🔒 Kava rig si anonimno: bizo nalogo, bizo anav, thaj khanči so ramos na arakhas thaj khanikase na prijavisaras.
    🚪 „Džav avri“ bistrel kava razgovoro thaj na sikavel les palem, ni e butonesa Palpale. „Sigo avri“ (opre desno) akana phravel o vremeno. O privatno (inkognito) prozori mukhel majcera trago.
web-help = O Putokaz sikavel anonimno kaj šaj arakhes žutipe. Dodirisar e butone, thaj ramos o anav e thanesko kana pučas tut. 🚪 Džav avri agorisarel o razgovoro thaj bistrel les; „Sigo avri“ akana mukhel o rig.
web-erase-scheduled = ⏳ Kava razgovoro ka bistrel pe pala 1 sahato (angleder, te na koristisarel pe). Te aves sigurno, agorisar les akana: 🚪 Džav avri.
