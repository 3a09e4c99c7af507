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
privacy-short = 🔒 Anonymous: nothing you write is stored.
btn-privacy = 🔒 How private is this?
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
section-empty = Our list has no service for this yet. For advice:
entry-distance = { $km } km, { $town }
entry-confirmed = confirmed by phone, { $month } { $year }
entry-public = public source, { $year }
entry-news = news report, { $year }
entry-public-undated = public source, undated
entry-news-undated = news report, undated
entry-may-have-changed = may have changed
for-women = for women
for-children = for children
for-women-children = for women and children
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
btn-more = ➕ More
call-note = 📵 Calls stay in the call log: delete them if someone else checks your phone.
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


## Moving on

btn-other-help = Other help
btn-other-town = Other town
btn-language = 🌐 Language
btn-leave = 🚪 Leave
help = Putokaz shows where to find help, anonymously. Use the buttons, or type the name of a town when asked. /start begins again, /language changes the language, /leave ends the chat.
goodbye = 👋 Goodbye.

## Replies to unexpected input

hint-use-buttons = Please use the buttons below.
hint-unclear = It is not clear which button you mean: please tap it below.
hint-choose-language = 👇 Izaberite jezik ispod · Изаберите језик испод · Alosar i čhib tele · Zgjidhni gjuhën më poshtë · Choose a language below
btn-leave-picker = 🚪 Izađi · Džav avri · Dil · Leave
hint-cannot-read = I can only read text and buttons.
hint-old-button = That button is from an earlier message. Here is where we are:
group-only-private = This bot only talks in private chats. Goodbye.
btn-erase-later = ⏳ Erase in 1 hour
erase-scheduled = ⏳ This chat will be erased in 1 hour (sooner if the bot restarts). To be sure, erase it now: 🚪 Leave.
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
involvement-ask = Before you give your name, ask whether they inform the police.
access-step-free = step-free access
access-sign-language = sign language

## "A number did not work?": counts only (service, week), nothing about the person

service-option = { $name }
btn-number-failed = ☎️ A number did not work?
btn-back-to-list = ↩️ Back to the list
number-failed = Which number did not work? Tap it. We count only that, nothing about you, so that we can check it.
number-failed-thanks = Thank you. We will check that number.

## Not sure this is your situation? An unscored self-check (questions: ILO indicators of forced labour,
## 2012 — see dialogs/main.toml). No verdict on the person, ever.

btn-self-check = 🔎 Not sure this is your situation?
btn-rights = ⚖️ Your rights
btn-yes = Yes
btn-no = No
btn-selfcheck-start = Start (7 questions)
btn-back-to-needs = ↩️ Back to the kinds of help
selfcheck-intro = Seven short yes/no questions about work or the way you live. There is no score and nothing is saved: the answers are forgotten when you leave. You can stop at any time.
sc-documents = Does someone else keep your passport or ID card against your will?
sc-debt = Do you owe money to an employer or a go-between that you cannot pay off?
sc-cannot-leave = Does someone stop you from leaving the place where you work or live, or from changing your job?
sc-threats = Has someone threatened you or your family, or hurt you?
sc-pay = Are you paid less than you were promised, late, or not at all?
sc-control = Does someone else control your money, your phone or where you go?
sc-deceived = Is the work or the place different from what you were promised?
selfcheck-result = Thank you. None of these things are allowed, whatever your papers or debts, and it is not your fault. Help exists, free and confidential. Below is a line you can call, and the kinds of help that fit your answers.

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
rights-social = 🏛 The centre for social work in your municipality must help when your life, health or development is in danger; in urgent situations it responds 24 hours a day. It must tell you what help and protection exist, where to get legal advice, and whether you can have an interpreter. You take part in every decision about your support.
# [L] [G]
rights-legal-aid = ⚖️ Free legal aid means advice and a lawyer paid by the state when you cannot pay. Apply to your municipality or city administration: ask for the free legal aid service (besplatna pravna pomoć). The Law on Free Legal Aid has provisions for people who have been trafficked.
# [R] [G]
rights-health = 🏥 In an emergency call the ambulance, { $ambulance }, 24 hours a day, or go to the emergency service of the nearest health centre. Foreign citizens have the right to urgent medical care too; depending on the country, it may have to be paid later. The Law on Health Care has provisions for people who have been trafficked.
# [C] Art. 12(6), 13; [G]
rights-recovery = 🕊 If you have been trafficked, you have time to recover and to decide whether to talk to the police. Help does not depend on it: you can get support without being a witness. For foreign citizens, Serbia's Law on Foreigners sets this recovery and reflection period and a temporary residence permit.
# [G] [A] [R]
rights-foreigners = 🌍 If you are not a citizen of Serbia, you can still get help, whatever your documents. The Law on Foreigners gives people who have been trafficked a recovery and reflection period and temporary residence on humanitarian grounds. The centre for social work must tell you whether you can have an interpreter. Urgent medical care is for foreign citizens too.
# [C] Art. 4(d), 10(3); [A]
rights-children = 🧒 Anyone under 18 is protected as a child. If your age is not certain, you are treated as a child until it is known. When a child is in danger, the centre for social work must act at once, 24 hours a day.
rights-intro = Rights you have in Serbia, whatever your documents or status. Choose a topic.
btn-rights-social = Centre for social work
btn-rights-legal-aid = Free legal aid
btn-rights-health = Health care
btn-rights-recovery = Time to recover
btn-rights-foreigners = If you are not from Serbia
btn-rights-children = Children
btn-rights-list = ↩️ Rights

## Outreach: Telegram's description (before the first message) and the flyer. Neutral words only:
## someone else may see the screen. bot-description ≤ 512 characters, bot-short-description ≤ 120.

bot-description = Putokaz shows where to find help in Serbia: emergency numbers, helplines and services near you. Free and anonymous: it asks no name and keeps nothing. In danger now? Call { $police } (police) or { $ambulance } (ambulance).
bot-short-description = Where to find help in Serbia: numbers and services near you. Free and anonymous.
flyer-name = Putokaz
flyer-what = Where to find help in Serbia — on your phone, in your language.
flyer-free = Free and anonymous. No name, nothing kept.
flyer-emergency = In danger? Call:
flyer-scan = Scan with your phone's camera
# Sent only where an operator has added a recording: data/audio/<language>/<message id>.ogg
btn-listen = 🔊 Listen
