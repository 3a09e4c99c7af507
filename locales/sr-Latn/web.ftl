### status: draft
### Srpski (latinica). Reči veb-stranice (bot/webdoor.py). Nije još pregledao izvorni govornik.
### Poruka web-<id> ovde zamenjuje <id> samo na veb-stranici (npr. web-privacy umesto privacy).

web-title = Putokaz
web-exit = Brzi izlaz
web-exit-hint = Odmah napušta ovu stranicu i otvara vremensku prognozu. Na tastaturi: dvaput Esc.
web-type-label = Napišite naziv mesta
web-send = Pošalji
web-slow = To je bilo veoma brzo: sačekajte trenutak pa dodirnite ponovo.
web-start-again = Počni ispočetka
web-expired = Ova stranica je zatvorena posle nekog vremena bez korišćenja. Ništa od nje nije sačuvano.
web-privacy =
    🔒 Ova stranica je anonimna: bez naloga, bez imena, a ništa što napišete ne čuvamo i nikome ne prijavljujemo.
    🚪 „Izađi“ zaboravlja ovaj razgovor i više ga ne prikazuje, ni dugmetom Nazad. „Brzi izlaz“ (gore desno) odmah otvara vremensku prognozu. Privatni (inkognito) prozor ostavlja najmanje traga u istoriji pregledača.
web-help = Putokaz anonimno pokazuje gde možete naći pomoć. Dodirujte dugmad, a naziv mesta napišite kad vas pitamo. 🚪 Izađi završava razgovor i zaboravlja ga; „Brzi izlaz“ odmah napušta stranicu.
web-erase-scheduled = ⏳ Ovaj razgovor biće zaboravljen za 1 sat (ranije ako se ne koristi). Da biste bili sigurni, završite ga odmah: 🚪 Izađi.
