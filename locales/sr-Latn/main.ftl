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
section-empty = Za ovo još nemamo službu na spisku. Za savet možete pozvati ASTRA SOS.
entry-distance = { $km } km, { $town }
entry-checked = provereno: { $date }
entry-undated = izvor bez datuma
entry-unconfirmed = još nije potvrđeno iz drugog izvora
call-note = 📵 Pozivi ostaju u listi poziva i na računu. Obrišite ih iz liste ako neko drugi gleda vaš telefon.
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

svc-name-police-192 = Policija
svc-name-ambulance-194 = Hitna pomoć
svc-name-fire-193 = Vatrogasci i spasioci
svc-name-astra-sos = ASTRA SOS telefon (trgovina ljudima i eksploatacija)
svc-name-nadel-116111 = Nacionalna dečja linija NADEL
svc-name-astra-116000 = ASTRA linija za nestalu decu
svc-name-national-sos-women = Nacionalna SOS linija za žene
svc-name-labour-inspection = Inspekcija rada: prijava neisplaćenog ili rada na crno
svc-name-centre-protection-trafficking = Centar za zaštitu žrtava trgovine ljudima: linija za prijavu
svc-name-police-ukp = Uprava kriminalističke policije (prijava trgovine ljudima)
svc-name-atina = Udruženje Atina: podrška i sigurno stanovanje

## Dalje

btn-other-help = Druga pomoć
btn-other-town = Drugo mesto
btn-language = 🌐 Jezik
btn-leave = 🚪 Izađi
help = Putokaz anonimno pokazuje gde možete naći pomoć. Koristite dugmad, a naziv mesta napišite kad vas pitamo. /start počinje ispočetka, /language menja jezik, /leave završava razgovor.
goodbye = 👋

## Odgovori na neočekivan unos

hint-use-buttons = Molimo, koristite dugmad ispod.
hint-cannot-read = Mogu da pročitam samo tekst i dugmad.
hint-old-button = To dugme je iz ranije poruke. Evo gde smo:
group-only-private = Ovaj bot razgovara samo u privatnim porukama. Prijatno.
btn-erase-later = ⏳ Obriši za 1 sat
erase-scheduled = ⏳ Ovaj razgovor biće obrisan za 1 sat. Ako se bot pre toga ponovo pokrene, brisanje se otkazuje: za brisanje odmah izaberite 🚪 Izađi.
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
involvement-ask = Pre nego što kažete ime, možete pitati da li obaveštavaju policiju ili centar za socijalni rad.
access-step-free = pristup bez stepenica
access-sign-language = znakovni jezik

## "A number did not work?": counts only (service, week), nothing about the person

service-option = { $name }
btn-number-failed = ☎️ Broj ne radi?
btn-back-to-list = ↩️ Nazad na spisak
number-failed = Koji broj nije radio? Dodirnite ga. Beležimo samo to, ništa o vama, da bismo ga proverili.
number-failed-thanks = Hvala. Proverićemo taj broj.
