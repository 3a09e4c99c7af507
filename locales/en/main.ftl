### status: draft
### English. Not yet reviewed by a native speaker.
### Every word the bot shows. Keep messages short: people may read them on a phone someone else checks.
### Never call the person a victim; never repeat what they typed (a matched town name is fine).

## Language picker (shown before a language is chosen: keep it in all five languages)

choose-language = Izaberite jezik · Изаберите језик · Alosar i čhib · Zgjidhni gjuhën · Choose a language
language-name = English

## Privacy and danger

privacy =
    🔒 This chat is anonymous: nothing you write is stored or reported to anyone.{ $typed ->
        [deleted] {" "}What you type is deleted as soon as it is read.
       *[kept] {""}
    }
    🚪 “Leave” deletes this conversation from the chat. It cannot remove the chat from your chat list or from Telegram's servers, which are outside our control: delete the chat yourself too, or set Telegram's auto-delete timer (1 day at least).
ask-danger = Are you in danger right now?
danger-yes = Yes
danger-no = No
emergency = 🚨 If you are in danger, call now:
emergency-children = For children and young people:

## What kind of help

ask-need = What kind of help are you looking for?
need-shelter = 🏠 A safe place to stay
need-talk = 💬 Someone to talk to
need-health = 🩺 Health care
need-legal = ⚖️ Legal help, documents
need-work = 💼 Problems at work (pay, documents, debt)
need-child = 🧒 Help for a child or young person
need-foreigner = 🧭 Going home / help as a foreigner
need-report = 📣 Report a crime
need-unsure = ❓ Not sure

## Where

ask-town = In which town or municipality? Type its name, or choose “Rather not say”.
pick-town = Several places fit. Which one?
town-option = { $town }
town-not-found = I could not find that place. Type the name of the municipality again (for example “Niš”), or choose “Rather not say”.
btn-rather-not-say = Rather not say
btn-type-again = ✏️ Type it again

## The answer

answer = { $town ->
    [none] Help across Serbia: { $what }
   *[other] Help for { $town }: { $what }
}
section-local = In { $town }:
section-local-none = No local service for this in { $town } in our list yet.
section-nearby = Nearby:
section-national = Across Serbia:
section-empty = Our list has no service for this yet. You can call ASTRA SOS for advice.
entry-distance = { $km } km, { $town }
entry-checked = checked: { $date }
entry-undated = source undated
entry-unconfirmed = not yet confirmed by a second source
call-note = 📵 Calls show in your phone's call log and on the bill. Delete them from the log if someone else checks your phone.
phone-sms = { $number } (SMS)
phone-24h = { $number } (24 h)
phone-viber = { $number } (Viber)
hours-always = open 24/7
hours-span = { $days } { $from }–{ $to }
flag-free = free
flag-anonymous = anonymous
flag-languages = speaks: { $languages }
day-mon = Mon
day-tue = Tue
day-wed = Wed
day-thu = Thu
day-fri = Fri
day-sat = Sat
day-sun = Sun
spoken-sr = Serbian
spoken-en = English
spoken-hu = Hungarian
spoken-rom = Romani
spoken-sq = Albanian
spoken-ro = Romanian
spoken-sk = Slovak
spoken-bg = Bulgarian

## Names of national lines (the register keeps the official names)

svc-name-police-192 = Police
svc-name-ambulance-194 = Ambulance
svc-name-fire-193 = Fire and rescue
svc-name-astra-sos = ASTRA SOS line (trafficking and exploitation)
svc-name-nadel-116111 = National children's line NADEL
svc-name-astra-116000 = ASTRA line for missing children
svc-name-national-sos-women = National SOS line for women
svc-name-labour-inspection = Labour inspection: report unpaid or undeclared work
svc-name-centre-protection-trafficking = Centre for Protection of Victims of Trafficking (state): reporting line
svc-name-police-ukp = Criminal Police Directorate (reports of trafficking)
svc-name-atina = Atina (NGO): support and safe housing

## Moving on

btn-other-help = Other help
btn-other-town = Other town
btn-language = 🌐 Language
btn-leave = 🚪 Leave
help = Putokaz shows where to find help, anonymously. Use the buttons, or type the name of a town when asked. /start begins again, /language changes the language, /leave ends the chat.
goodbye = 👋

## Replies to unexpected input

hint-use-buttons = Please use the buttons below.
hint-cannot-read = I can only read text and buttons.
hint-old-button = That button is from an earlier message. Here is where we are:
group-only-private = This bot only talks in private chats. Goodbye.
btn-erase-later = ⏳ Erase in 1 hour
erase-scheduled = ⏳ This chat will be erased in 1 hour. If the bot restarts before then, this is cancelled: use 🚪 Leave to erase now.
hint-no-personal-data = Please do not send personal data such as phone numbers. I deleted it.
hint-location-not-needed = I don't need your location here, and I deleted it.
hint-start-over = Let's start again.

## Telegram's command menu

cmd-start = Start again
cmd-help = How this works
cmd-language = Change language
cmd-leave = Leave

## Register details: opening now, whether a service informs others, access

phone-whatsapp = { $number } (WhatsApp)
open-now = open now
closed-now = closed now, opens { $day } { $time }
involvement-none = They do not inform the police or social services.
involvement-with-consent = They inform the police or social services only if you agree.
involvement-mandatory = They must inform the police or social services.
involvement-ask = Before you give your name, you can ask whether they inform the police or social services.
access-step-free = step-free access
access-sign-language = sign language

## "A number did not work?": counts only (service, week), nothing about the person

service-option = { $name }
btn-number-failed = ☎️ A number did not work?
btn-back-to-list = ↩️ Back to the list
number-failed = Which number did not work? Tap it. We count only that, nothing about you, so that we can check it.
number-failed-thanks = Thank you. We will check that number.
