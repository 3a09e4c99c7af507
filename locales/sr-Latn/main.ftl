### status: draft
### Srpski (latinica) — referentni jezik: operateri prvo pišu ovde. Nije još pregledao izvorni govornik.
### sr-Cyrl se izvodi iz ovog fajla preslovljavanjem; poruka upisana u locales/sr-Cyrl/ ima prednost.
### Poruke neka budu kratke. Nikad ne zovemo osobu „žrtvom“ i ne ponavljamo šta je otkucala.

## Izbor jezika (prikazuje se pre izbora: ostaje na svih pet jezika)

choose-language = Izaberite jezik · Изаберите језик · Alosar i čhib · Zgjidhni gjuhën · Choose a language
language-name = Srpski (latinica)

## Privatnost i opasnost

privacy =
    🔒 Ovaj razgovor je anoniman: ništa što napišete ne čuvamo i nikome ne prijavljujemo.{ $typed ->
        [deleted] {" "}Ono što otkucate brišemo čim ga pročitamo.
       *[kept] {""}
    }
    🚪 „Izađi“ briše ovaj razgovor iz četa. Ne može da ukloni čet sa vašeg spiska niti sa Telegramovih servera, na koje ne možemo da utičemo: obrišite i sam čet ili uključite automatsko brisanje u Telegramu (najmanje 1 dan).
privacy-short = 🔒 Anonimno: ništa što napišete se ne čuva.
btn-privacy = 🔒 Koliko je ovo privatno?
ask-danger = Da li ste sada u opasnosti?
danger-yes = Da
danger-no = Ne
emergency = 🚨 Ako ste u opasnosti, pozovite odmah:
emergency-children = Za decu i mlade:

## Kakva pomoć

ask-need = Kakva vam pomoć treba?
need-shelter = 🏠 Sigurno mesto za boravak
need-talk = 💬 Razgovor sa nekim
need-health = 🩺 Zdravstvena pomoć
need-legal = ⚖️ Pravna pomoć, dokumenti
need-work = 💼 Problemi na poslu (plata, dokumenti, dug)
need-child = 🧒 Pomoć za dete ili mladu osobu
need-foreigner = 🧭 Povratak kući / pomoć za strance
need-report = 📣 Prijava krivičnog dela
need-unsure = ❓ Nisam siguran/sigurna

## Gde

ask-town = U kom gradu ili opštini? Napišite naziv ili izaberite „Radije ne bih rekao/la“.
pick-town = Odgovara više mesta. Koje?
town-option = { $town }
town-not-found = Nisam našao to mesto. Napišite ponovo naziv opštine (na primer „Niš“) ili izaberite „Radije ne bih rekao/la“.
btn-rather-not-say = Radije ne bih rekao/la
btn-type-again = ✏️ Napišite ponovo

## Odgovor

answer = { $town ->
    [none] Pomoć u celoj Srbiji: { $what }
   *[other] Pomoć za { $town }: { $what }
}
section-local = U mestu { $town }:
section-local-none = Za ovo još nemamo lokalnu službu u mestu { $town }.
section-nearby = U blizini:
section-national = U celoj Srbiji:
section-empty = Za ovo još nemamo službu na spisku. Za savet:
entry-distance = { $km } km, { $town }
entry-confirmed = potvrđeno telefonom, { $month } { $year }
entry-public = javni izvor, { $year }
entry-news = novinski izvor, { $year }
entry-public-undated = javni izvor bez datuma
entry-news-undated = novinski izvor bez datuma
entry-may-have-changed = možda se promenilo
for-women = za žene
for-children = za decu
for-women-children = za žene i decu
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
call-note = 📵 Pozivi ostaju u listi poziva: obrišite ih ako neko drugi gleda vaš telefon.
phone-sms = { $number } (SMS)
phone-24h = { $number } (0–24)
phone-viber = { $number } (Viber)
hours-always = radi 0–24, svaki dan
hours-span = { $days } { $from }–{ $to }
flag-free = besplatno
flag-anonymous = anonimno
flag-languages = jezici: { $languages }
day-mon = pon
day-tue = uto
day-wed = sre
day-thu = čet
day-fri = pet
day-sat = sub
day-sun = ned
spoken-sr = srpski
spoken-en = engleski
spoken-hu = mađarski
spoken-rom = romski
spoken-sq = albanski
spoken-ro = rumunski
spoken-sk = slovački
spoken-bg = bugarski

## Nazivi nacionalnih linija


## Dalje

btn-other-help = Druga pomoć
btn-other-town = Drugo mesto
btn-language = 🌐 Jezik
btn-leave = 🚪 Izađi
help = Putokaz anonimno pokazuje gde možete naći pomoć. Koristite dugmad, a naziv mesta napišite kad vas pitamo. /start počinje ispočetka, /language menja jezik, /leave završava razgovor.
goodbye = 👋 Doviđenja.

## Odgovori na neočekivan unos

hint-use-buttons = Molimo, koristite dugmad ispod.
hint-unclear = Nije jasno koje dugme mislite: dodirnite ga ispod.
hint-choose-language = 👇 Izaberite jezik ispod · Изаберите језик испод · Alosar i čhib tele · Zgjidhni gjuhën më poshtë · Choose a language below
btn-leave-picker = 🚪 Izađi · Džav avri · Dil · Leave
hint-cannot-read = Mogu da pročitam samo tekst i dugmad.
hint-old-button = To dugme je iz ranije poruke. Evo gde smo:
group-only-private = Ovaj bot razgovara samo u privatnim porukama. Prijatno.
btn-erase-later = ⏳ Obriši za 1 sat
erase-scheduled = ⏳ Ovaj razgovor biće obrisan za 1 sat (ranije ako se bot ponovo pokrene). Da biste bili sigurni, obrišite ga odmah: 🚪 Izađi.
hint-no-personal-data = Molimo, ne šaljite lične podatke kao što su brojevi telefona. Obrisao sam poruku.
hint-location-not-needed = Ovde mi ne treba vaša lokacija; obrisao sam je.
hint-start-over = Počnimo ispočetka.

## Meni komandi u Telegramu

cmd-start = Počni ispočetka
cmd-help = Kako ovo radi
cmd-language = Promeni jezik
cmd-leave = Izađi

## Register details: opening now, whether a service informs others, access

phone-whatsapp = { $number } (WhatsApp)
open-now = sada radi
closed-now = sada ne radi, otvara { $day } u { $time }
involvement-none = Ne obaveštavaju policiju ni centar za socijalni rad.
involvement-with-consent = Policiju ili centar za socijalni rad obaveštavaju samo uz vašu saglasnost.
involvement-mandatory = Moraju da obaveste policiju ili centar za socijalni rad.
involvement-ask = Pre nego što kažete ime, pitajte da li obaveštavaju policiju.
access-step-free = pristup bez stepenica
access-sign-language = znakovni jezik

## "A number did not work?": counts only (service, week), nothing about the person

service-option = { $name }
btn-number-failed = ☎️ Broj ne radi?
btn-back-to-list = ↩️ Nazad na spisak
number-failed = Koji broj nije radio? Dodirnite ga. Beležimo samo to, ništa o vama, da bismo ga proverili.
number-failed-thanks = Hvala. Proverićemo taj broj.

## Not sure this is your situation? An unscored self-check (questions: ILO indicators of forced labour,
## 2012 — see dialogs/main.toml). No verdict on the person, ever.

btn-self-check = 🔎 Niste sigurni da li se ovo odnosi na vas?
btn-rights = ⚖️ Vaša prava
btn-yes = Da
btn-no = Ne
btn-selfcheck-start = Počni (7 pitanja)
btn-back-to-needs = ↩️ Nazad na vrste pomoći
selfcheck-intro = Sedam kratkih pitanja (da/ne) o poslu ili o tome kako živite. Nema bodova i ništa se ne čuva: odgovori se zaboravljaju kada izađete. Možete stati kad god želite.
sc-documents = Da li neko drugi drži vaš pasoš ili ličnu kartu protiv vaše volje?
sc-debt = Da li dugujete novac poslodavcu ili posredniku, a ne možete da ga vratite?
sc-cannot-leave = Da li vas neko sprečava da napustite mesto gde radite ili živite, ili da promenite posao?
sc-threats = Da li je neko pretio vama ili vašoj porodici, ili vas povredio?
sc-pay = Da li dobijate manje nego što vam je obećano, kasno, ili ništa?
sc-control = Da li neko drugi kontroliše vaš novac, vaš telefon ili kuda idete?
sc-deceived = Da li su posao ili mesto drugačiji od onoga što vam je obećano?
selfcheck-result = Hvala. Ništa od ovoga nije dozvoljeno, bez obzira na papire ili dugove, i niste vi krivi. Pomoć postoji, besplatna i poverljiva. Ispod je linija koju možete pozvati i vrste pomoći koje odgovaraju vašim odgovorima.

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
rights-social = 🏛 Centar za socijalni rad u vašoj opštini mora da pomogne kada su vaš život, zdravlje ili razvoj ugroženi; u hitnim situacijama reaguje 24 sata dnevno. Mora da vam kaže koja pomoć i zaštita postoje, gde možete dobiti pravni savet i da li možete imati prevodioca. Učestvujete u svakoj odluci o vašoj podršci.
# [L] [G]
rights-legal-aid = ⚖️ Besplatna pravna pomoć znači savet i advokata koje plaća država kada vi ne možete. Zahtev podnosite opštinskoj ili gradskoj upravi: tražite službu za besplatnu pravnu pomoć. Zakon o besplatnoj pravnoj pomoći ima odredbe za osobe koje su preživele trgovinu ljudima.
# [R] [G]
rights-health = 🏥 U hitnom slučaju pozovite hitnu pomoć, { $ambulance }, 24 sata dnevno, ili idite u hitnu službu najbližeg doma zdravlja. I strani državljani imaju pravo na hitnu medicinsku pomoć; zavisno od zemlje, možda će morati kasnije da je plate. Zakon o zdravstvenoj zaštiti ima odredbe za osobe koje su preživele trgovinu ljudima.
# [C] Art. 12(6), 13; [G]
rights-recovery = 🕊 Ako ste preživeli trgovinu ljudima, imate vremena da se oporavite i odlučite da li ćete razgovarati sa policijom. Pomoć ne zavisi od toga: podršku možete dobiti i ako niste svedok. Za strane državljane Zakon o strancima predviđa taj rok za oporavak i odlučivanje i privremeni boravak.
# [G] [A] [R]
rights-foreigners = 🌍 Ako niste državljanin Srbije, i dalje možete dobiti pomoć, bez obzira na dokumenta. Zakon o strancima osobama koje su preživele trgovinu ljudima daje rok za oporavak i odlučivanje i privremeni boravak iz humanitarnih razloga. Centar za socijalni rad mora da vam kaže da li možete imati prevodioca. Hitna medicinska pomoć je i za strane državljane.
# [C] Art. 4(d), 10(3); [A]
rights-children = 🧒 Svako mlađi od 18 godina zaštićen je kao dete. Ako vaše godine nisu sigurne, smatraju vas detetom dok se ne utvrde. Kada je dete u opasnosti, centar za socijalni rad mora odmah da reaguje, 24 sata dnevno.
rights-intro = Prava koja imate u Srbiji, bez obzira na dokumenta ili status. Izaberite temu.
btn-rights-social = Centar za socijalni rad
btn-rights-legal-aid = Besplatna pravna pomoć
btn-rights-health = Zdravstvena zaštita
btn-rights-recovery = Vreme za oporavak
btn-rights-foreigners = Ako niste iz Srbije
btn-rights-children = Deca
btn-rights-list = ↩️ Prava

## Outreach: Telegram's description (before the first message) and the flyer. Neutral words only:
## someone else may see the screen. bot-description ≤ 512 characters, bot-short-description ≤ 120.

bot-description = Putokaz pokazuje gde da nađete pomoć u Srbiji: hitne brojeve, linije za pomoć i službe u vašoj blizini. Besplatno i anonimno: ne traži ime i ništa ne čuva. U opasnosti ste sada? Pozovite { $police } (policija) ili { $ambulance } (hitna pomoć).
bot-short-description = Gde naći pomoć u Srbiji: brojevi i službe blizu vas. Besplatno i anonimno.
flyer-name = Putokaz
flyer-what = Gde naći pomoć u Srbiji — na vašem telefonu, na vašem jeziku.
flyer-free = Besplatno i anonimno. Bez imena, ništa se ne čuva.
flyer-emergency = U opasnosti? Pozovite:
flyer-scan = Skenirajte kamerom telefona
# Sent only where an operator has added a recording: data/audio/<language>/<message id>.ogg
btn-listen = 🔊 Poslušajte
