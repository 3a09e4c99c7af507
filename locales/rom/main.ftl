### status: draft
### Romani (Balkan Romani, Latin script). Written without a native speaker: please review.
### Babel has no Romani locale: plural rules follow Serbian on purpose (bot/i18n.py).

## Language picker

choose-language = Izaberite jezik · Изаберите језик · Alosar i čhib · Zgjidhni gjuhën · Choose a language
language-name = Romani

## Privacy and danger

privacy =
    🔒 Kava razgovoro si anonimno: khanči so ramos na arakhas thaj khanikase na prijavisaras.{ $typed ->
        [deleted] {" "}So ramos, khosas sar drabaras les.
       *[kept] {""}
    }
    🚪 „Džav avri“ khosel kava razgovoro. Naštik te khosel o čet andar ćiro spisko vaj andar e Telegramese serverura, save naštik te kontrolisaras: khos vi o čet korkoro, vaj čhuv o automatsko khosipe ando Telegram (minimum 1 dive).
ask-danger = Sian li akana ande opasnost?
danger-yes = Va
danger-no = Na
emergency = 🚨 Te sian ande opasnost, akhar akana:
emergency-children = Vaš e čhavre thaj e terne:

## What kind of help

ask-need = Savo žutipe trebul tuke?
need-shelter = 🏠 Sigurno than kaj šaj te ačhes
need-talk = 💬 Te vakeres vareksaja
need-health = 🩺 Sastipasko žutipe
need-legal = ⚖️ Pravno žutipe, dokumentura
need-work = 💼 Problemura ki buti (love, dokumentura, dug)
need-child = 🧒 Žutipe vaš čhavo vaj terno manuš
need-foreigner = 🧭 Irisaripe khere / žutipe vaš avrethemutne
need-report = 📣 Prijava e kriminalesi
need-unsure = ❓ Na džanav

## Where

ask-town = Ande savo foro vaj opština? Ramos o anav, vaj alosar „Na kamav te phenav“.
pick-town = Maj but thana odgovarinen. Savo?
town-option = { $town }
town-not-found = Na arakhlem kava than. Ramos palem o anav e opštinako (sar „Niš“), vaj alosar „Na kamav te phenav“.
btn-rather-not-say = Na kamav te phenav
btn-type-again = ✏️ Ramos palem

## The answer

answer = { $town ->
    [none] Žutipe ande sasti Srbija: { $what }
   *[other] Žutipe vaš { $town }: { $what }
}
section-local = Ande { $town }:
section-local-none = Ande { $town } panda nane amen lokalno služba vaš kava.
section-nearby = Paše:
section-national = Ande sasti Srbija:
section-empty = Panda nane amen služba vaš kava. Šaj akhares ASTRA SOS vaš savet.
entry-distance = { $km } km, { $town }
entry-checked = proverimo: { $date }
entry-undated = o izvor bizo datumo
entry-unconfirmed = panda na potvrdimo andar aver izvor
call-note = 📵 E akharipa ačhen ando spisko e akharipnengo thaj ando računo. Khos len andar o spisko te vareko avro dikhel ćiro telefono.
phone-sms = { $number } (SMS)
phone-24h = { $number } (0–24)
phone-viber = { $number } (Viber)
hours-always = kerel buti 0–24, sako dives
hours-span = { $days } { $from }–{ $to }
flag-free = bizo love
flag-anonymous = anonimno
flag-languages = čhiba: { $languages }
day-mon = Luj
day-tue = Mar
day-wed = Tet
day-thu = Žoj
day-fri = Par
day-sat = Sav
day-sun = Kur
spoken-sr = serbikani
spoken-en = anglikani
spoken-hu = ungrikani
spoken-rom = romani
spoken-sq = albanikani
spoken-ro = rumunikani
spoken-sk = slovakikani
spoken-bg = bugarikani

## Names of national lines

svc-name-police-192 = Policija
svc-name-ambulance-194 = Sigutno sastipasko žutipe (hitna pomoć)
svc-name-fire-193 = Vatrogasura thaj spasiteljura
svc-name-astra-sos = ASTRA SOS telefono (trgovina manušenca thaj eksploatacija)
svc-name-nadel-116111 = Nacionalno linija vaš čhavre NADEL
svc-name-astra-116000 = ASTRA linija vaš našade čhavre
svc-name-national-sos-women = Nacionalno SOS linija vaš džuvlja
svc-name-labour-inspection = Inspekcija e butjaki: buti bizo love vaj bizo ugovoro
svc-name-centre-protection-trafficking = Centar za zaštitu žrtava trgovine ljudima (državno): linija vaš prijava
svc-name-police-ukp = Uprava kriminalističke policije (prijava e trgovinaki manušenca)
svc-name-atina = Atina (udruženje): podrška thaj sigurno than

## Moving on

btn-other-help = Avro žutipe
btn-other-town = Avro than
btn-language = 🌐 Čhib
btn-leave = 🚪 Džav avri
help = O Putokaz sikavel anonimno kaj šaj arakhes žutipe. Koristisar e butone, thaj ramos o anav e thanesko kana pučas tut. /start kerel palem andar o anglunipe, /language parruvel i čhib, /leave agorisarel o razgovoro.
goodbye = 👋

## Replies to unexpected input

hint-use-buttons = Mangas tut, koristisar e butone tele.
hint-cannot-read = Šaj drabarav samo tekst thaj butone.
hint-old-button = Kava butono si andar jekh purano mesaži. Akate sam:
group-only-private = Kava bot vakerel samo ande privatno mesažura. Ačhen Devlesa.
btn-erase-later = ⏳ Khos pala 1 sahato
erase-scheduled = ⏳ Kava razgovoro ka khosel pe pala 1 sahato. Te o bot startuil pe palem anglal, o khosipe na ka kerel pe: te khoses akana, alosar 🚪 Džav avri.
hint-no-personal-data = Mangas tut, na bičhal personalno podatkura sar telefonosko numero. Khosljem i poruka.
hint-location-not-needed = Akate na trebul manga ćiri lokacija; khosljem la.
hint-start-over = Kerasa palem andar o anglunipe.

## Telegram's command menu

cmd-start = Ker palem
cmd-help = Sar kerel buti
cmd-language = Parruv i čhib
cmd-leave = Džav avri

## Register details: opening now, whether a service informs others, access

phone-whatsapp = { $number } (WhatsApp)
open-now = akana kerel buti
closed-now = akana na kerel buti, putrel { $day } ko { $time }
involvement-none = Na phenen e policijake ni e centroske vaš socijalno buti.
involvement-with-consent = Phenen e policijake vaj e centroske vaš socijalno buti samo te tu kames.
involvement-mandatory = Musaj te phenen e policijake vaj e centroske vaš socijalno buti.
involvement-ask = Angleder so phenes ćiro anav, šaj pučes te phenen li e policijake vaj e centroske vaš socijalno buti.
access-step-free = bizo skale
access-sign-language = čhib e vastenca (znakovno)

## "A number did not work?": counts only (service, week), nothing about the person

service-option = { $name }
btn-number-failed = ☎️ O numero na kerdas buti?
btn-back-to-list = ↩️ Palpale ko spisko
number-failed = Savo numero na kerdas buti? Čhuv o naj opre. Ramosaras samo kava, khanči pa tute, te šaj proveras les.
number-failed-thanks = Najis. Proverisaja kava numero.
