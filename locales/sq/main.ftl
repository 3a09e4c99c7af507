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
section-empty = Ende nuk kemi shërbim për këtë në listë. Për këshillë mund të telefononi ASTRA SOS.
entry-distance = { $km } km, { $town }
entry-checked = kontrolluar: { $date }
entry-undated = burim pa datë
entry-unconfirmed = ende pa konfirmim nga një burim i dytë
call-note = 📵 Thirrjet shfaqen në listën e thirrjeve dhe në faturë. Fshijini nga lista nëse dikush tjetër ua kontrollon telefonin.
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

## Names of national lines

svc-name-police-192 = Policia
svc-name-ambulance-194 = Ndihma e shpejtë
svc-name-fire-193 = Zjarrfikësit dhe shpëtimi
svc-name-astra-sos = Linja ASTRA SOS (trafikim dhe shfrytëzim)
svc-name-nadel-116111 = Linja kombëtare për fëmijë NADEL
svc-name-astra-116000 = Linja e ASTRA-s për fëmijë të zhdukur
svc-name-national-sos-women = Linja kombëtare SOS për gra
svc-name-labour-inspection = Inspektorati i punës: punë e papaguar ose e padeklaruar
svc-name-centre-protection-trafficking = Qendra për Mbrojtjen e Viktimave të Trafikimit (shtetërore): linjë për denoncim
svc-name-police-ukp = Drejtoria e Policisë Kriminale (denoncim i trafikimit)
svc-name-atina = Atina (OJQ): mbështetje dhe strehim i sigurt

## Moving on

btn-other-help = Ndihmë tjetër
btn-other-town = Vend tjetër
btn-language = 🌐 Gjuha
btn-leave = 🚪 Dil
help = Putokaz tregon në mënyrë anonime ku të gjeni ndihmë. Përdorni butonat dhe shkruani emrin e vendit kur ju pyesim. /start fillon nga e para, /language ndryshon gjuhën, /leave mbyll bisedën.
goodbye = 👋

## Replies to unexpected input

hint-use-buttons = Ju lutemi përdorni butonat më poshtë.
hint-cannot-read = Mund të lexoj vetëm tekst dhe butona.
hint-old-button = Ky buton është nga një mesazh i mëparshëm. Ja ku jemi:
group-only-private = Ky bot flet vetëm në biseda private. Mirupafshim.
btn-erase-later = ⏳ Fshije pas 1 ore
erase-scheduled = ⏳ Kjo bisedë do të fshihet pas 1 ore. Nëse boti riniset para kësaj, fshirja anulohet: për ta fshirë tani zgjidhni 🚪 Dil.
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
involvement-ask = Para se të thoni emrin, mund të pyesni nëse e njoftojnë policinë ose qendrën për punë sociale.
access-step-free = hyrje pa shkallë
access-sign-language = gjuha e shenjave

## "A number did not work?": counts only (service, week), nothing about the person

service-option = { $name }
btn-number-failed = ☎️ Nuk funksionoi një numër?
btn-back-to-list = ↩️ Kthehu te lista
number-failed = Cili numër nuk funksionoi? Prekeni. Numërojmë vetëm këtë, asgjë për ju, që ta kontrollojmë.
number-failed-thanks = Faleminderit. Do ta kontrollojmë atë numër.
