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
privacy-short = 🔒 Anonimno: ništa so ramosareja na ačhol.
btn-privacy = 🔒 Kobor privatno si kava?
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
section-empty = Panda nane amen služba vaš kava. Vaš savet:
entry-distance = { $km } km, { $town }
entry-confirmed = potvrdimo telefonesa, { $month } { $year }
entry-public = javno izvori, { $year }
entry-news = novinako izvori, { $year }
entry-public-undated = javno izvori bizo datumo
entry-news-undated = novinako izvori bizo datumo
entry-may-have-changed = šaj te parudilo
for-women = vaš džuvlja
for-children = vaš čhavre
for-women-children = vaš džuvlja thaj čhavre
month-1 = jan
month-2 = feb
month-3 = mar
month-4 = apr
month-5 = maj
month-6 = jun
month-7 = jul
month-8 = avg
month-9 = sep
month-10 = okt
month-11 = nov
month-12 = dec
btn-more = ➕ Još
call-note = 📵 E akharipa ačhen ando spisko: khos len te vareko avro dikhel ćiro telefono.
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


## Moving on

btn-other-help = Avro žutipe
btn-other-town = Avro than
btn-language = 🌐 Čhib
btn-leave = 🚪 Džav avri
help = O Putokaz sikavel anonimno kaj šaj arakhes žutipe. Koristisar e butone, thaj ramos o anav e thanesko kana pučas tut. /start kerel palem andar o anglunipe, /language parruvel i čhib, /leave agorisarel o razgovoro.
goodbye = 👋 Ačhen Devlesa.

## Replies to unexpected input

hint-use-buttons = Mangas tut, koristisar e butone tele.
hint-unclear = Na hajovav savo butoni mangen: maren les tele.
hint-choose-language = 👇 Izaberite jezik ispod · Изаберите језик испод · Alosar i čhib tele · Zgjidhni gjuhën më poshtë · Choose a language below
btn-leave-picker = 🚪 Izađi · Džav avri · Dil · Leave
hint-cannot-read = Šaj drabarav samo tekst thaj butone.
hint-old-button = Kava butono si andar jekh purano mesaži. Akate sam:
group-only-private = Kava bot vakerel samo ande privatno mesažura. Ačhen Devlesa.
btn-erase-later = ⏳ Khos pala 1 sahato
erase-scheduled = ⏳ Kava razgovoro ka khosel pe pala 1 sahato (angleder, te o bot startuil palem). Te aves sigurno, khos les akana: 🚪 Džav avri.
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
involvement-ask = Angleder so phenes ćiro anav, puč te phenen li e policijake.
access-step-free = bizo skale
access-sign-language = čhib e vastenca (znakovno)

## "A number did not work?": counts only (service, week), nothing about the person

service-option = { $name }
btn-number-failed = ☎️ O numero na kerdas buti?
btn-back-to-list = ↩️ Palpale ko spisko
number-failed = Savo numero na kerdas buti? Čhuv o naj opre. Ramosaras samo kava, khanči pa tute, te šaj proveras les.
number-failed-thanks = Najis. Proverisaja kava numero.

## Not sure this is your situation? An unscored self-check (questions: ILO indicators of forced labour,
## 2012 — see dialogs/main.toml). No verdict on the person, ever.

btn-self-check = 🔎 Na džanes si li kava ćiri situacija?
btn-rights = ⚖️ Ćire hakaja (prava)
btn-yes = Va
btn-no = Na
btn-selfcheck-start = Startuj (7 pučiba)
btn-back-to-needs = ↩️ Palpale ko žutipa
selfcheck-intro = Efta cikne pučiba (va/na) pa i buti vaj sar dživdes. Nane bodurja thaj khanči na ačhol: o odgovorja bisterdžona kana ikljos. Šaj ačhes kana kames.
sc-documents = Vareko avro ićerel ćiro pasoši vaj ličnokarta, a tu na kames?
sc-debt = Si tut dugo e gazdaske vaj e maškarutneske, so našti te poćines?
sc-cannot-leave = Ačhavel tut vareko te na mukhes o than kaj keres buti vaj kaj dživdes, vaj te na paruves i buti?
sc-threats = Vareko daravda tut vaj ćira familija, vaj dukhavda tut?
sc-pay = Poćinen tut hari nego so phende, kasno, vaj khanči?
sc-control = Vareko avro kontrolišel ćire love, ćiro telefono vaj kaj džas?
sc-deceived = Si li i buti vaj o than aver nego so phende tuće?
selfcheck-result = Najis. Khanči andar kava nane slobodno, te si tut lila vaj dugo, thaj nane ćiri bang. Žutipe si, bizo love thaj poverlivo. Tele si jek linija savi šaj akhares, thaj o žutipa so džan ćire odgovorjenca.

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
rights-social = 🏛 O centro vaš socijalno buti ande ćiri opština musaj te žutil kana ćiro dživdipe, sastipe vaj baripe si ande opasnost; ande hitno situacije reagujil 24 sahatja ko dive. Musaj te phenel tuće savo žutipe thaj zaštita si, kaj šaj les pravno savet, thaj šaj li te avel tut prevodioco. Tu lea kotor ande sako odluka pa ćiri podrška.
# [L] [G]
rights-legal-aid = ⚖️ Pravno žutipe bizo love si savet thaj advokato so poćinel o štato kana tu našti. O zahtevo des ande opštinsko vaj gradsko uprava: roden i služba vaš besplatno pravno žutipe (besplatna pravna pomoć). O Zakono vaš besplatno pravno žutipe si le odredbe vaš o manuša save nakhle trgovina manušencar.
# [R] [G]
rights-health = 🏥 Ande hitno slučajo akhar i hitno žutipe, { $ambulance }, 24 sahatja ko dive, vaj dža ande hitno služba ko maj paše dom zdravlja. Vi o strano državljanja si len hako pe hitno medicinsko žutipe; sar i phuv, šaj te poćinen les pale. O Zakono vaš sastipe si le odredbe vaš o manuša save nakhle trgovina manušencar.
# [C] Art. 12(6), 13; [G]
rights-recovery = 🕊 Te nakhlan trgovina manušencar, si tut vrama te sastos thaj te odlučis hoće li vakere la policijasa. O žutipe na zavisil katar kava: šaj les podrška vi te na sian svedoko. Vaš o strano državljanja, o Zakono vaš o strancija del kava vrama vaš sastipe thaj odlučiba thaj privremeno boravko.
# [G] [A] [R]
rights-foreigners = 🌍 Te na sian državljanin e Srbijako, šaj les žutipe, te si tut lila vaj na. O Zakono vaš o strancija del e manušenge save nakhle trgovina manušencar vrama vaš sastipe thaj odlučiba thaj privremeno boravko vaš humanitarno razlozja. O centro vaš socijalno buti musaj te phenel tuće šaj li te avel tut prevodioco. O hitno medicinsko žutipe si vi vaš o strano državljanja.
# [C] Art. 4(d), 10(3); [A]
rights-children = 🧒 Sako so si le tikneder 18 berš, zaštitimo si sar čhavo. Te ćire berša nane sigurno, dikhen tut sar čhavo dži kaj te džanen. Kana o čhavo si ande opasnost, o centro vaš socijalno buti musaj sigate te reagujil, 24 sahatja ko dive.
rights-intro = Hakaja so si tut ande Srbija, te si tut lila vaj na. Alosar jek tema.
btn-rights-social = Centro vaš socijalno buti
btn-rights-legal-aid = Pravno žutipe bizo love
btn-rights-health = Sastipe
btn-rights-recovery = Vrama te sastos
btn-rights-foreigners = Te na sian andar i Srbija
btn-rights-children = Čhavore
btn-rights-list = ↩️ Hakaja

## Outreach: Telegram's description (before the first message) and the flyer. Neutral words only:
## someone else may see the screen. bot-description ≤ 512 characters, bot-short-description ≤ 120.

bot-description = Putokaz sikavel kaj te arakhes žutipe ande Srbija: hitno numerja, linije vaš žutipe thaj službe paše tute. Bizo love thaj anonimno: na pučel anav thaj khanči na ićerel. San ande opasnost akana? Akhar { $police } (policija) vaj { $ambulance } (hitno žutipe).
bot-short-description = Kaj te arakhes žutipe ande Srbija: numerja thaj službe paše tute. Bizo love, anonimno.
flyer-name = Putokaz
flyer-what = Kaj te arakhes žutipe ande Srbija — ande ćiro telefono, ande ćiri čhib.
flyer-free = Bizo love thaj anonimno. Bizo anav, khanči na ačhol.
flyer-emergency = Ande opasnost? Akhar:
flyer-scan = Skeniraj la kamerasa e telefonoske
# Sent only where an operator has added a recording: data/audio/<language>/<message id>.ogg
btn-listen = 🔊 Šun
