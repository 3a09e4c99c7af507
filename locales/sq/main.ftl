### status: draft
### Shqip. Shkruar pa një folës amtar: ju lutemi rishikojeni.

## Language picker

choose-language = Izaberite jezik · Изаберите језик · Alosar i čhib · Zgjidhni gjuhën · Choose a language
language-name = Shqip

## Privacy and danger

privacy =
    🔒 Kjo bisedë është anonime: asgjë që shkruani nuk ruhet dhe nuk i raportohet askujt.{ $typed ->
        [deleted] {" "}Çfarë shkruani fshihet sapo lexohet.
       *[kept] {""}
    }
    🚪 „Dil“ e fshin këtë bisedë. Nuk mund ta heqë bisedën nga lista juaj ose nga serverët e Telegram-it, që janë jashtë kontrollit tonë: fshijeni edhe vetë bisedën, ose vendosni fshirjen automatike në Telegram (të paktën 1 ditë).
privacy-short = 🔒 Anonime: asgjë që shkruani nuk ruhet.
btn-privacy = 🔒 Sa privat është kjo?
ask-danger = A jeni në rrezik tani?
danger-yes = Po
danger-no = Jo
emergency = 🚨 Nëse jeni në rrezik, telefononi tani:
emergency-children = Për fëmijë dhe të rinj:

## What kind of help

ask-need = Çfarë ndihme kërkoni?
need-shelter = 🏠 Një vend i sigurt për të qëndruar
need-talk = 💬 Dikë për të folur
need-health = 🩺 Kujdes shëndetësor
need-legal = ⚖️ Ndihmë juridike, dokumente
need-work = 💼 Probleme në punë (paga, dokumente, borxh)
need-child = 🧒 Ndihmë për një fëmijë ose të ri
need-foreigner = 🧭 Kthim në shtëpi / ndihmë si i huaj
need-report = 📣 Denonco një krim
need-unsure = ❓ Nuk jam i/e sigurt

## Where

ask-town = Në cilin qytet ose komunë? Shkruani emrin, ose zgjidhni „Më mirë të mos e them“.
pick-town = Përputhen disa vende. Cili?
town-option = { $town }
town-not-found = Nuk e gjeta këtë vend. Shkruani sërish emrin e komunës (p.sh. „Preshevë“), ose zgjidhni „Më mirë të mos e them“.
btn-rather-not-say = Më mirë të mos e them
btn-type-again = ✏️ Shkruajeni sërish

## The answer

answer = { $town ->
    [none] Ndihmë në gjithë Serbinë: { $what }
   *[other] Ndihmë për { $town }: { $what }
}
section-local = Në { $town }:
section-local-none = Ende nuk kemi shërbim vendor për këtë në { $town }.
section-nearby = Afër:
section-national = Në gjithë Serbinë:
section-empty = Ende nuk kemi shërbim për këtë në listë. Për këshillë:
entry-distance = { $km } km, { $town }
entry-confirmed = konfirmuar me telefon, { $month } { $year }
entry-public = burim publik, { $year }
entry-news = lajm, { $year }
entry-public-undated = burim publik pa datë
entry-news-undated = lajm pa datë
entry-may-have-changed = mund të ketë ndryshuar
for-women = për gra
for-children = për fëmijë
for-women-children = për gra dhe fëmijë
month-1 = jan
month-2 = shk
month-3 = mar
month-4 = pri
month-5 = maj
month-6 = qer
month-7 = korr
month-8 = gush
month-9 = sht
month-10 = tet
month-11 = nën
month-12 = dhj
btn-more = ➕ Më shumë
call-note = 📵 Thirrjet mbeten në listën e thirrjeve: fshijini nëse dikush tjetër ua kontrollon telefonin.
phone-sms = { $number } (SMS)
phone-24h = { $number } (24 orë)
phone-viber = { $number } (Viber)
hours-always = hapur 24/7
hours-span = { $days } { $from }–{ $to }
flag-free = falas
flag-anonymous = anonim
flag-languages = gjuhët: { $languages }
day-mon = Hën
day-tue = Mar
day-wed = Mër
day-thu = Enj
day-fri = Pre
day-sat = Sht
day-sun = Die
spoken-sr = serbisht
spoken-en = anglisht
spoken-hu = hungarisht
spoken-rom = romisht
spoken-sq = shqip
spoken-ro = rumanisht
spoken-sk = sllovakisht
spoken-bg = bullgarisht


## Moving on

btn-other-help = Ndihmë tjetër
btn-other-town = Vend tjetër
btn-language = 🌐 Gjuha
btn-leave = 🚪 Dil
help = Putokaz tregon në mënyrë anonime ku të gjeni ndihmë. Përdorni butonat dhe shkruani emrin e vendit kur ju pyesim. /start fillon nga e para, /language ndryshon gjuhën, /leave mbyll bisedën.
goodbye = 👋 Mirupafshim.

## Replies to unexpected input

hint-use-buttons = Ju lutemi përdorni butonat më poshtë.
hint-unclear = Nuk është e qartë cilin buton keni parasysh: prekeni më poshtë.
hint-choose-language = 👇 Izaberite jezik ispod · Изаберите језик испод · Alosar i čhib tele · Zgjidhni gjuhën më poshtë · Choose a language below
btn-leave-picker = 🚪 Izađi · Džav avri · Dil · Leave
hint-cannot-read = Mund të lexoj vetëm tekst dhe butona.
hint-old-button = Ky buton është nga një mesazh i mëparshëm. Ja ku jemi:
group-only-private = Ky bot flet vetëm në biseda private. Mirupafshim.
btn-erase-later = ⏳ Fshije pas 1 ore
erase-scheduled = ⏳ Kjo bisedë do të fshihet pas 1 ore (më herët nëse boti riniset). Për të qenë i sigurt, fshijeni tani: 🚪 Dil.
hint-no-personal-data = Ju lutemi mos dërgoni të dhëna personale si numra telefoni. E fshiva mesazhin.
hint-location-not-needed = Këtu nuk më duhet vendndodhja juaj; e fshiva.
hint-start-over = Le të fillojmë nga e para.

## Telegram's command menu

cmd-start = Fillo nga e para
cmd-help = Si funksionon
cmd-language = Ndrysho gjuhën
cmd-leave = Dil

## Register details: opening now, whether a service informs others, access

phone-whatsapp = { $number } (WhatsApp)
open-now = hapur tani
closed-now = mbyllur tani, hapet { $day } në { $time }
involvement-none = Nuk e njoftojnë policinë as qendrën për punë sociale.
involvement-with-consent = E njoftojnë policinë ose qendrën për punë sociale vetëm me pëlqimin tuaj.
involvement-mandatory = Janë të detyruar të njoftojnë policinë ose qendrën për punë sociale.
involvement-ask = Para se të thoni emrin, pyesni nëse e njoftojnë policinë.
access-step-free = hyrje pa shkallë
access-sign-language = gjuha e shenjave

## "A number did not work?": counts only (service, week), nothing about the person

service-option = { $name }
btn-number-failed = ☎️ Nuk funksionoi një numër?
btn-back-to-list = ↩️ Kthehu te lista
number-failed = Cili numër nuk funksionoi? Prekeni. Numërojmë vetëm këtë, asgjë për ju, që ta kontrollojmë.
number-failed-thanks = Faleminderit. Do ta kontrollojmë atë numër.

## Not sure this is your situation? An unscored self-check (questions: ILO indicators of forced labour,
## 2012 — see dialogs/main.toml). No verdict on the person, ever.

btn-self-check = 🔎 Nuk jeni të sigurt nëse kjo është situata juaj?
btn-rights = ⚖️ Të drejtat tuaja
btn-yes = Po
btn-no = Jo
btn-selfcheck-start = Fillo (7 pyetje)
btn-back-to-needs = ↩️ Kthehu te llojet e ndihmës
selfcheck-intro = Shtatë pyetje të shkurtra (po/jo) për punën ose për mënyrën si jetoni. Nuk ka pikë dhe asgjë nuk ruhet: përgjigjet harrohen kur dilni. Mund të ndaleni kur të doni.
sc-documents = A ua mban dikush tjetër pasaportën ose letërnjoftimin kundër vullnetit tuaj?
sc-debt = A i keni borxh para një punëdhënësi ose një ndërmjetësi, që nuk mund t'i ktheni?
sc-cannot-leave = A ju pengon dikush të largoheni nga vendi ku punoni ose jetoni, ose të ndërroni punë?
sc-threats = A ju ka kërcënuar dikush juve ose familjen tuaj, ose ju ka lënduar?
sc-pay = A paguheni më pak se sa ju premtuan, me vonesë, ose aspak?
sc-control = A i kontrollon dikush tjetër paratë, telefonin ose se ku shkoni?
sc-deceived = A është puna ose vendi ndryshe nga ajo që ju premtuan?
selfcheck-result = Faleminderit. Asnjë nga këto nuk lejohet, pavarësisht dokumenteve apo borxheve, dhe nuk është faji juaj. Ndihma ekziston, falas dhe konfidenciale. Më poshtë është një linjë që mund ta telefononi dhe llojet e ndihmës që u përshtaten përgjigjeve tuaja.

## Know your rights. Each screen under 600 characters. Sources (stored copies read on 2026-11-28):
## [A] ASTRA, "Services for victims of trafficking", https://astra.rs/en/services-for-victims-of-trafficking/
##     (undated): centres for social work must inform about help, protection, legal advice and
##     interpretation; urgent intervention, available 24 hours a day.
## [G] Council of Europe, GRETA news item on Serbia, https://coe.int/en/web/portal/-/serbia-urged-to-strengthen-criminal-justice-response-to-human-trafficking-improve-assistance-to-victims
##     (undated): the Law on Foreigners introduced a recovery and reflection period and a temporary
##     residence permit on humanitarian grounds; the Law on Health Care and the Law on Free Legal Aid
##     contain provisions for victims of trafficking.
## [C] Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197, ratified
##     by Serbia): Art. 4(d) a child is anyone under 18; Art. 10(3) presumed a child while the age is
##     uncertain; Art. 12(6) assistance not conditional on being a witness; Art. 13 recovery and reflection period.
## [R] Republic Health Insurance Fund (RFZO), https://www.eng.rfzo.rs/index.php/37-uncategorised : foreign
##     citizens are entitled to urgent medical care; citizens of countries without an agreement pay for it.
##     EURAXESS Serbia, https://www.euraxess.rs/serbia/information-assistance/health-insurance : ambulance 194, 24 hours.
## [L] Free legal aid: data/services.csv row free-legal-aid (ehons.org 2021-05-17; kurir.rs, ekonomski.net
##     2026-03-13): Law on Free Legal Aid (Sl. glasnik RS 87/2018) applies from 1 Oct 2019; requests go to the
##     legal aid service of the local self-government.

# [A]
rights-social = 🏛 Qendra për punë sociale në komunën tuaj duhet t'ju ndihmojë kur jeta, shëndeti ose zhvillimi juaj janë në rrezik; në situata urgjente reagon 24 orë në ditë. Duhet t'ju tregojë çfarë ndihme dhe mbrojtjeje ka, ku mund të merrni këshillë juridike dhe nëse mund të keni përkthyes. Ju merrni pjesë në çdo vendim për mbështetjen tuaj.
# [L] [G]
rights-legal-aid = ⚖️ Ndihma juridike falas do të thotë këshillë dhe avokat që i paguan shteti kur ju nuk mund të paguani. Kërkesën e bëni në administratën e komunës ose të qytetit: kërkoni shërbimin për ndihmë juridike falas (besplatna pravna pomoć). Ligji për ndihmën juridike falas ka dispozita për personat që janë trafikuar.
# [R] [G]
rights-health = 🏥 Në rast urgjence telefononi ambulancën, { $ambulance }, 24 orë në ditë, ose shkoni në shërbimin urgjent të shtëpisë së shëndetit më të afërt. Edhe shtetasit e huaj kanë të drejtë për ndihmë mjekësore urgjente; varësisht nga vendi, mund t'u duhet ta paguajnë më vonë. Ligji për kujdesin shëndetësor ka dispozita për personat që janë trafikuar.
# [C] Art. 12(6), 13; [G]
rights-recovery = 🕊 Nëse jeni trafikuar, keni kohë të rikuperoheni dhe të vendosni nëse do të flisni me policinë. Ndihma nuk varet nga kjo: mund të merrni mbështetje edhe pa qenë dëshmitar. Për shtetasit e huaj, Ligji për të huajt parashikon këtë periudhë rikuperimi dhe reflektimi dhe një leje qëndrimi të përkohshme.
# [G] [A] [R]
rights-foreigners = 🌍 Nëse nuk jeni shtetas i Serbisë, prapë mund të merrni ndihmë, pavarësisht dokumenteve. Ligji për të huajt u jep personave që janë trafikuar një periudhë rikuperimi dhe reflektimi dhe qëndrim të përkohshëm për arsye humanitare. Qendra për punë sociale duhet t'ju tregojë nëse mund të keni përkthyes. Ndihma mjekësore urgjente është edhe për shtetasit e huaj.
# [C] Art. 4(d), 10(3); [A]
rights-children = 🧒 Çdokush nën 18 vjeç mbrohet si fëmijë. Nëse mosha juaj nuk është e sigurt, trajtoheni si fëmijë derisa të vërtetohet. Kur një fëmijë është në rrezik, qendra për punë sociale duhet të veprojë menjëherë, 24 orë në ditë.
rights-intro = Të drejtat që keni në Serbi, pavarësisht dokumenteve ose statusit. Zgjidhni një temë.
btn-rights-social = Qendra për punë sociale
btn-rights-legal-aid = Ndihmë juridike falas
btn-rights-health = Kujdesi shëndetësor
btn-rights-recovery = Kohë për t'u rikuperuar
btn-rights-foreigners = Nëse nuk jeni nga Serbia
btn-rights-children = Fëmijët
btn-rights-list = ↩️ Të drejtat

## Outreach: Telegram's description (before the first message) and the flyer. Neutral words only:
## someone else may see the screen. bot-description ≤ 512 characters, bot-short-description ≤ 120.

bot-description = Putokaz tregon ku të gjeni ndihmë në Serbi: numrat e urgjencës, linjat ndihmëse dhe shërbimet pranë jush. Falas dhe anonim: nuk kërkon emër dhe nuk ruan asgjë. Në rrezik tani? Telefononi { $police } (policia) ose { $ambulance } (ambulanca).
bot-short-description = Ku të gjeni ndihmë në Serbi: numra dhe shërbime pranë jush. Falas dhe anonim.
flyer-name = Putokaz
flyer-what = Ku të gjeni ndihmë në Serbi — në telefonin tuaj, në gjuhën tuaj.
flyer-free = Falas dhe anonim. Pa emër, asgjë nuk ruhet.
flyer-emergency = Në rrezik? Telefononi:
flyer-scan = Skanoni me kamerën e telefonit
# Sent only where an operator has added a recording: data/audio/<language>/<message id>.ogg
btn-listen = 🔊 Dëgjoni
