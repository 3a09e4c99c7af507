### status: draft
### English. The web door's own words (bot/webdoor.py). Not yet reviewed by a native speaker.
### A message here named web-<id> replaces <id> on the web page only (e.g. web-privacy for privacy).

web-title = Putokaz
web-exit = Quick exit
web-exit-hint = Leaves this page at once for a weather page. With a keyboard: press Esc twice.
web-type-label = Write the name of the town
web-send = Send
web-slow = That was very fast: please wait a moment and tap again.
web-start-again = Start again
web-expired = This page was closed after a while without use. Nothing of it is kept.
web-privacy =
    🔒 This page is anonymous: no account, no name, and nothing you write is stored or reported to anyone.
    🚪 “Leave” forgets this conversation and shows nothing of it again, not even with the Back button. “Quick exit” (top right) leaves at once for a weather page. Private or incognito browsing leaves the least in your browser's history.
web-help = Putokaz shows where to find help, anonymously. Tap the buttons, or write the name of a town when asked. 🚪 Leave ends the conversation and forgets it; “Quick exit” leaves the page at once.
web-erase-scheduled = ⏳ This conversation will be forgotten in 1 hour (sooner if no one uses it). To be sure, end it now: 🚪 Leave.
