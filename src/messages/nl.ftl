# De berichten van kring in het Nederlands. Elke id staat ook in en.ftl
# (een test houdt ze gelijk). Meervouden worden per bericht gekozen.


## De woorden van de terminal

level-error = fout
level-warning = waarschuwing
level-help = tip
prefix-error = fout: { $text }
prefix-warning = waarschuwing: { $text }

## Samenvattingen en meldingen

checked = { $files ->
        [one] 1 bestand
       *[other] { $files } bestanden
    } gecontroleerd ({ $cases ->
        [one] 1 zaak
       *[other] { $cases } zaken
    }): { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }
no-case-files = geen zaakbestanden gevonden (gezocht in { $folder })
no-cases = geen zaken gevonden
cannot-read = niet te lezen: { $what }
template-error = sjabloon { $error }
unreadable = { $file } is niet te lezen; `kring check` zegt waarom
unreadable-not-counted = { $file } is niet te lezen en telt niet mee; `kring check` zegt waarom
unreadable-not-exported = { $file } is niet te lezen en komt niet in de export; `kring check` zegt waarom
rendered = documenten gemaakt voor { $cases ->
        [one] 1 zaak
       *[other] { $cases } zaken
    }: { $written ->
        [one] 1 bestand
       *[other] { $written } bestanden
    } geschreven, { $unchanged } ongewijzigd{ $removed ->
        [0] {""}
       *[other] , { $removed } verwijderd
    }{ $skipped ->
        [0] {""}
       *[other] , { $skipped } overgeslagen vanwege fouten
    }
render-checked = { $cases ->
        [one] 1 zaak
       *[other] { $cases } zaken
    }: { $unchanged ->
        [one] 1 bestand
       *[other] { $unchanged } bestanden
    } actueel, { $missing } ontbrekend, { $stale } verouderd, { $orphans } niet meer nodig{ $skipped ->
        [0] {""}
       *[other] , { $skipped } overgeslagen vanwege fouten
    }
render-skipped = { $file } overgeslagen: { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    } (zie `kring check`)
render-waiting = even wachten: een andere `kring render` in dezelfde map is nog bezig
render-note = { $case }: { $note }

## Regels: de samenvatting (de kop van de regel in docs/rules.nl.md) en de tip
## onder elke melding.

K001-summary = het bestand is geen geldige TOML
K001-help = herstel de TOML op de aangewezen plek
K002-summary = een veld ontbreekt of is onbekend, of een waarde is van de verkeerde soort of onbekend
K002-help = zie `kring new` of docs/design.md voor de velden van een zaakbestand
K003-summary = een id heeft niet de goede vorm
K003-help = gebruik kleine letters, cijfers en `-`, begin met een letter of cijfer, hoogstens 63 tekens
K004-summary = twee zaakbestanden hebben hetzelfde id
K004-help = geef elke zaak een eigen id; het gaat om het `id`, niet om de naam van het bestand
K005-summary = het bestand is geen UTF-8-tekst of is groter dan 1 MB
K005-help = een zaakbestand is gewone UTF-8-tekst, veel kleiner dan 1 MB; bewaar bijlagen apart
K006-summary = een waarde is nog de voorbeeldtekst die `kring new` schreef
K006-help = vul de echte waarde in, of haal het veld weg als het niet nodig is
K007-summary = de naam van een zaakbestand is niet het id van de zaak
K007-help = geef het bestand de naam `<id>.toml`, zodat mensen en programma's de zaak op haar id vinden
K008-summary = een zaakbestand staat buiten de map met zaken
K008-help = zet het bestand in de map met zaken (als `<id>.toml`), of haal het weg: kring controleert het daar niet en maakt er geen documenten van
K101-summary = twee deelnemers hebben hetzelfde id
K101-help = geef elke deelnemer van de zaak een eigen id
K102-summary = een verwijzing noemt geen deelnemer van deze zaak
K102-help = gebruik het `id` van een deelnemer uit deze zaak
K201-summary = bij een familie- of leerplanzaak staat niemand centraal
K201-help = zet de persoon voor wie het plan is erbij als deelnemer met `role = "central"`
K202-summary = bij een herstelgerichte zaak ontbreekt wie schade ondervond of wie de schade veroorzaakte
K202-help = zet deelnemers erbij met `role = "harmed"` en met `role = "responsible"`
K203-summary = een leerplanzaak heeft niemand van school
K203-help = zet de mentor of een andere leraar erbij met `role = "school"`
K204-summary = de leeftijd van de leerling ligt niet tussen 4 en 19 of is onbekend
K204-help = vul de geboortedatum (`born`) van de leerling in; een leerplangesprek is voor leerlingen van 4 tot 19 jaar
K205-summary = een professional is aanwezig bij de eigen tijd van de kring
K205-help = haal `family-time` weg uit de `parts` van deze deelnemer: de eigen tijd is alleen voor de kring
K206-summary = een uitgenodigde deelnemer is niet te bereiken
K206-help = vul voor deze deelnemer een `email`, `phone` of `address` in
K207-summary = de conferentie is binnenkort en een deelnemer is nog niet voorbereid
K207-help = bereid deze deelnemer voor en zet de datum in `prepared`
K208-summary = de coördinator is niet onafhankelijk
K208-help = vraag de regiomanager om een coördinator zonder band met een organisatie die in deze zaak beslist of hulp geeft
K209-summary = de coördinator spreekt de taal van een deelnemer niet, en er is geen tolk
K209-help = zet de taal bij de `languages` van de coördinator als die de taal spreekt, of zet er een tolk bij
K210-summary = bij een leerplangesprek heeft iemand anders dan de leerling een deelnemer uitgenodigd
K210-help = de leerling kiest wie er komt: vraag het de leerling en zet dan bij `invited_by` het id van de leerling
K211-summary = er zitten minder dan 3 mensen in de kring
K211-help = vergroot de kring: vraag iedereen wie er nog meer kan helpen, en zet die mensen erbij als deelnemer
K212-summary = een taal van de documenten heeft geen vertaling van de eigen tekst van de zaak
K212-help = voeg `[translations.<taal>]` toe met de vraag en de afspraken in die taal
K213-summary = een kind onder de 12 is uitgenodigd door iemand anders en er is geen steunfiguur
K214-summary = een e-mailadres is geen geldig adres
K213-help = voeg een steunfiguur toe die naast het kind zit (`role = "supporter"`), of leg vast wie het kind uitnodigde
K214-help = verbeter het adres (naam@voorbeeld.nl), of haal het weg en zet `post = true`; `kring send` stuurt niets naar dit adres
K301-summary = datums staan in de verkeerde volgorde
K301-help = verbeter de datum: de stappen van een conferentie volgen elkaar op in de tijd
K302-summary = de tijden van de conferentie kloppen niet
K302-help = laat elk deel pas beginnen als het vorige klaar is, binnen de begin- en eindtijd van de conferentie
K303-summary = een leerplangesprek duurt langer dan 2 uur
K303-help = plan een leerplangesprek van hoogstens twee uur
K304-summary = een deelnemer is uitgenodigd voordat de vraagstelling is opgeschreven
K304-help = schrijf eerst de vraagstelling in `request.question` en nodig daarna pas mensen uit
K305-summary = de conferentie is geweest en er is geen plan vastgelegd
K305-help = leg het plan vast in een blok `[plan]`, of sluit de zaak af met `[closed]`
K306-summary = het plan is niet binnen 2 dagen verstuurd
K306-help = stuur het plan naar alle deelnemers en zet de datum in `plan.sent`
K307-summary = de opvolging na vier weken is te laat
K307-help = vraag een paar deelnemers hoe het met het plan gaat en leg dat vast in `[followup]`
K308-summary = er is een plan vastgelegd, maar de conferentie heeft geen datum
K308-help = zet de dag van de conferentie in `conference.date`
K309-summary = de conferentie heeft een datum maar geen plaats
K309-help = vul de plaats in bij `conference.location`
K310-summary = een deelnemer is uitgenodigd voordat de toestemming is vastgelegd
K310-help = zet in `request.consent` de datum waarop de betrokkenen ja zeiden tegen de conferentie
K311-summary = een afgesloten zaak bevat na de bewaartermijn nog persoonsgegevens
K311-help = maak de zaak anoniem met `kring anonymise`: namen, contactgegevens en geboortedatums gaan eruit
K401-summary = een afspraak zegt niet wat er gebeurt of wie het doet
K401-help = zet in `what` wat er is afgesproken en in `who` wie het doet
K402-summary = bij verplichte hulp ontbreekt wie het plan accepteert, of de acceptatie zelf
K402-help = zet in `request.acceptor` het id van de professional die het plan accepteert, en leg `[plan.acceptance]` vast
K403-summary = een afspraak noemt een deelnemer die heeft afgezegd
K403-help = maak deze afspraak met iemand die meedoet
K404-summary = een leerplan zegt niet waar de leerling goed in is of wat die wil leren
K404-help = zet in `strengths` waar de leerling goed in is en in `goals` wat die wil leren
K405-summary = een plan zegt niet wat de kring doet als het anders loopt, of wanneer de kring terugkijkt
K405-help = zet in `contingency` wat de kring doet als het anders loopt, en in `review` wanneer de kring terugkijkt
K406-summary = het plan is niet geaccepteerd en er staat geen reden bij
K406-help = zet in `plan.acceptance.reason` waarom het plan niet is geaccepteerd
K501-summary = mensen die elkaar niet mogen ontmoeten, zijn bij hetzelfde deel zonder veiligheidsafspraak
K501-help = beschrijf in `[safety]` bij `arrangement` hoe ze uit elkaar blijven, of pas hun `parts` aan
K502-summary = een deelnemer staat in de eigen `avoid`-lijst
K502-help = haal het eigen id van de deelnemer uit de `avoid`-lijst
K601-summary = een bestand van een coördinator is niet goed
K601-help = herstel de TOML of het veld op de aangewezen plek; `kring schema --roster` laat de velden zien
K602-summary = het id van een coördinator is niet goed of wordt twee keer gebruikt
K602-help = geef elk coördinatorbestand een eigen id van kleine letters, cijfers en `-`
K603-summary = de coördinator van een zaak staat niet in de map met coördinatoren
K603-help = zet in `coordinator.id` het id van een bestand in `coordinators/`, of maak een bestand voor de coördinator
K604-summary = de coördinator van een zaak heeft niet de opleiding voor deze variant
K604-help = vraag de regiomanager om een coördinator met de opleiding voor deze variant, of zet de opleiding bij `training`

## Wat elke regel vond

K101-twice = deelnemer-id `{ $id }` komt twee keer voor in deze zaak
K102-unknown = `{ $key }` noemt `{ $id }`, maar die is geen deelnemer van deze zaak
K401-what = bij deze afspraak staat niet wat er is afgesproken
K401-who = bij deze afspraak staat niet wie het doet
K402-no-acceptor = de hulp is verplicht, maar in `request.acceptor` staat niemand die het plan accepteert
K402-not-professional = { $name } moet het plan accepteren, maar heeft de rol "{ $role }" en is geen professional
K402-declined = { $name } moet het plan accepteren, maar heeft afgezegd
K402-absent = { $name } moet het plan accepteren, maar is niet bij het deel `{ $part }`
K402-no-acceptance = de hulp is verplicht, maar bij het plan staat geen `[plan.acceptance]` van `{ $id }`
K402-other = het plan is geaccepteerd door `{ $by }`, maar `{ $id }` moet het accepteren
K403-declined = deze afspraak noemt { $name }, maar die heeft afgezegd
K404-missing = bij het leerplan staat geen `{ $key }`
K404-both = bij het leerplan staan geen `strengths` en geen `goals`
K405-contingency = bij het plan staat geen `contingency` (wat de kring doet als het anders loopt)
K405-review = bij het plan staat geen `review`-datum
K405-both = bij het plan staan geen `contingency` (wat de kring doet als het anders loopt) en geen `review`-datum
K406-no-reason = het plan is niet geaccepteerd, en er staat geen `reason` bij
K501-meet = { $name } en { $other } mogen elkaar niet ontmoeten, maar zijn allebei bij { $parts }, en er is geen afspraak in `[safety]`
K502-self = { $name } noemt het eigen id `{ $id }` bij `avoid`
K301-before = `{ $key }` ({ $date }) ligt vóór `{ $other }` ({ $other_date })
K301-prepared = { $name } is op { $date } voorbereid, na de conferentie van { $conference }
K301-reply-by = `conference.reply_by` ({ $date }) ligt na `conference.date` ({ $conference })
K302-conference-end = de conferentie eindigt om { $end }, maar dat is niet later dan het begin om { $start }
K302-twice = het deel `{ $part }` staat er twee keer in
K302-order = het deel `{ $part }` staat na `{ $previous }`; de volgorde is information, family-time, plan
K302-part-end = het deel `{ $part }` eindigt om { $end }, maar dat is niet later dan het begin om { $start }
K302-part-early = het deel `{ $part }` begint om { $start }, vóór het begin van de conferentie om { $conference }
K302-part-late = het deel `{ $part }` eindigt om { $end }, na het einde van de conferentie om { $conference }
K302-overlap = het deel `{ $part }` begint om { $start }, voordat het deel ervoor eindigt om { $previous }
K303-long = de conferentie duurt { $hours } uur { $minutes } min ({ $start } tot { $end }); een leerplangesprek duurt hoogstens 2 uur
K304-no-question = { $name } is { $status ->
        [invited] uitgenodigd
       *[confirmed] uitgenodigd en komt
    }, maar er is nog geen vraagstelling
K305-no-plan = de conferentie was op { $date } en er is geen plan vastgelegd
K306-late = het plan is verstuurd op { $sent }, meer dan { $days } dagen na de conferentie op { $date }
K306-not-sent = de conferentie was op { $date } en het plan is nog niet verstuurd
K307-overdue = de opvolging had op { $due } moeten gebeuren en is nog niet vastgelegd
K308-no-date = er is een plan vastgelegd, maar de conferentie heeft geen datum
K309-no-location = de conferentie is op { $date }, maar er staat geen plaats bij
K310-no-consent = { $name } is { $status ->
        [invited] uitgenodigd
       *[confirmed] uitgenodigd en komt
    }, maar de toestemming voor de conferentie is nog niet vastgelegd
K311-kept = de zaak is op { $closed } afgesloten; de persoonsgegevens mochten tot { $until } blijven (retention_days = { $days })
K311-anonymise = maak de zaak anoniem: `kring anonymise { $id }` (probeer eerst `--dry-run`)
K001-syntax = geen geldige TOML: { $message }
K003-case = het zaak-id `{ $id }` heeft niet de goede vorm
K003-participant = het deelnemer-id `{ $id }` heeft niet de goede vorm
K004-twice = het zaak-id `{ $id }` staat ook in { $others }
K005-large = het bestand is { $size } bytes, groter dan de grens van { $limit }
K005-utf8 = het bestand is geen geldige UTF-8-tekst (het eerste foute teken staat op regel { $line })
K005-utf8-help = sla het bestand in je editor op als UTF-8
K201-no-central = deze { $variant ->
        [learning] leerplanzaak
        [community] buurtzaak
       *[other] familiezaak
    } heeft geen deelnemer met de rol "central"
K202-missing = deze herstelgerichte zaak heeft geen deelnemer met de rol "{ $role }"
K202-both = deze herstelgerichte zaak heeft geen deelnemer met de rol "harmed" en geen met de rol "responsible"
K203-no-school = deze leerplanzaak heeft geen deelnemer met de rol "school"
K204-no-born = bij de leerling { $name } staat geen `born`, dus de leeftijd is niet te controleren
K204-age = de leerling { $name } is { $age } jaar op { $date }, niet tussen 4 en 19
K204-unborn = de leerling { $name } is op { $date } nog niet geboren
K205-family-time = { $name } ({ $role }) is bij de eigen tijd, die is alleen voor de kring
K206-unreachable = { $name } is { $status ->
        [invited] uitgenodigd
       *[confirmed] uitgenodigd en komt
    }, maar er staat geen e-mailadres, telefoonnummer of adres bij
K207-unprepared = { $name } is nog niet voorbereid, en de conferentie is op { $date }
K208-not-declared = de coördinator heeft niet verklaard onafhankelijk te zijn (`independent` is niet true)
K208-same-organisation = { $name } werkt bij `{ $organisation }`, de eigen organisatie van de coördinator
K209-language = { $name } spreekt `{ $language }`, maar de coördinator niet (die spreekt { $spoken }), en er is geen tolk
K210-invited-by = { $name } is uitgenodigd door `{ $by }`, niet door de leerling
K211-small = de conferentie is gepland met { $people ->
        [one] 1 persoon
       *[other] { $people } mensen
    } uit de kring; er worden er minstens 3 verwacht
K601-unreadable = kan het bestand niet lezen: { $error }
K601-large = het bestand is groter dan { $limit }
K601-utf8 = het bestand is geen UTF-8-tekst
K601-shape = het bestand heeft niet de velden van een coördinatorbestand
K602-pattern = het coördinator-id `{ $id }` heeft niet de goede vorm (^[a-z0-9][a-z0-9-]{"{"}0,62{"}"}$)
K602-twice = het coördinator-id `{ $id }` staat ook in { $other }
K603-id = coördinator-id `{ $id }` staat niet in de map met coördinatoren (coordinators/)
K603-name = coördinator "{ $name }" staat niet in de map met coördinatoren (coordinators/)
K604-training = { $name } heeft deel `{ $training }` van de opleiding niet gedaan, en dat is nodig voor een zaak met de variant `{ $variant }`

## De vorm van een bestand (K002)

unknown-key = onbekende sleutel `{ $key }`; kies uit { $expected }
unknown-value = onbekende waarde `{ $value }`; kies uit { $expected }
missing-key = het veld `{ $key }` ontbreekt
date-quotes = een datum schrijf je zonder aanhalingstekens, als jaar-maand-dag: { $date }
not-a-date = hier hoort een datum als 2026-10-12 (jaar-maand-dag), maar er staat { $found }
did-you-mean = bedoel je `{ $name }`?
write-date = schrijf `{ $key } = { $date }`
K006-placeholder = bij `{ $key }` staat nog de voorbeeldtekst "{ $text }"
K212-translation = { $name } krijgt de documenten in de taal `{ $language }`, maar de zaak heeft geen `[translations.{ $language }]` met de vraag en de afspraken
K214-address = `{ $email }` is geen e-mailadres
K213-child = { $name } is jonger dan 12 en is uitgenodigd door { $by }, niet door de centrale persoon of een ouder, en er is geen steunfiguur

## Opdrachten

anonymised = { $file } is anoniem gemaakt: { $changes ->
        [one] 1 wijziging
       *[other] { $changes } wijzigingen
    }
anonymised-renamed = { $file } is anoniem gemaakt en heet nu { $to }: { $changes ->
        [one] 1 wijziging
       *[other] { $changes } wijzigingen
    }
anonymised-documents = de documenten in out/{ $id }/ zijn weggehaald
anonymised-already = { $file }: is al anoniem
anonymised-refused = { $file }: niet anoniem gemaakt: { $reason }
anonymise-summary = { $done ->
        [one] 1 zaak
       *[other] { $done } zaken
    } anoniem gemaakt, { $already } al anoniem, { $refused } geweigerd
anonymise-dry-run-summary = { $done ->
        [one] 1 zaak zou
       *[other] { $done } zaken zouden
    } anoniem gemaakt worden, { $already } al anoniem, { $refused } geweigerd
fmt-refused = { $file }: niet opgemaakt: { $reason } (zie `kring check`)
fmt-not-toml = { $file }: niet opgemaakt: { $message }
fmt-changed = { $file } is veranderd terwijl kring het opmaakte; niet opgeslagen
formatted = { $files ->
        [one] 1 bestand
       *[other] { $files } bestanden
    } opgemaakt: { $changed } veranderd, { $unchanged } ongewijzigd{ $refused ->
        [0] {""}
        [one] ; 1 bestand overgeslagen vanwege fouten
       *[other] ; { $refused } bestanden overgeslagen vanwege fouten
    }
fmt-checked = { $files ->
        [one] 1 bestand
       *[other] { $files } bestanden
    }: { $changed } nog op te maken, { $unchanged } ongewijzigd{ $refused ->
        [0] {""}
        [one] ; 1 bestand overgeslagen vanwege fouten
       *[other] ; { $refused } bestanden overgeslagen vanwege fouten
    }
init-created = een map voor zaken gemaakt in { $folder }
init-git = de map staat nog niet in git; begin zo:
    {"  "}cd { $folder } && git init && git add . && git commit -m "Begin met de zaken"
init-next = en dan: kring new 2026-001-naam --variant family
match-no-case = { $case }: geen zaakbestand
match-unreadable = { $file } is niet te lezen als zaak (zie `kring check`)
match-no-roster = er is geen map met coördinatoren: maak per coördinator een bestand coordinators/<id>.toml (zie `kring schema --roster`)
match-heading = Coördinatoren voor { $case }:
match-none = Geen coördinator voldoet aan de voorwaarden.
match-excluded = Niet geschikt:
explain-unknown = er is geen regel `{ $code }`; `kring explain --list` laat ze allemaal zien

## kring stats

stats-as-of = Stand op { $date }.
stats-requests = aanvragen ontvangen
stats-held = conferenties gehouden
stats-participants-mean = deelnemers per conferentie, gemiddeld
stats-participants-median = deelnemers per conferentie, mediaan
stats-plans = conferenties met een vastgelegd plan
stats-compulsory = verplichte hulp
stats-accepted = {"  "}waarvan het plan is geaccepteerd
stats-days-median = dagen van aanvraag tot conferentie, mediaan
stats-followups-on-time = opvolging op tijd gedaan
stats-followups-overdue = opvolging nu te laat
K007-name = het bestand heet `{ $name }`, maar het id is `{ $id }`; noem het `{ $id }.toml`
K008-outside = dit bestand staat buiten de map met zaken `{ $folder }/`, dus kring controleert het niet en maakt er geen documenten van

## kring status

status-id = ID
status-variant = VARIANT
status-phase = FASE
status-next = VOLGENDE
status-due = WANNEER
status-invited = UITGENODIGD
status-invited-count = { $sent } van { $of }{ $post ->
        [0] {""}
       *[other] ; { $post } per post
    }
status-no-coordinator = nog geen coördinator
status-load = { $who }: { $open } open
status-load-next = { $who }: { $open } open, eerstvolgend { $next }
task-inventory = nagaan wie er kan komen
task-consent = toestemming vastleggen
task-chosen = leerling kiest wie er komt
task-informed = iedereen voorbereiden
task-circle = de kring vergroten
task-question = vraagstelling afspreken
task-practical = het praktische regelen
task-professionals = professionals voorbereiden
task-information = informatie van professionals
task-conference = de conferentie houden
task-accepted = plan geaccepteerd
task-sent = plan versturen
task-workplan = werkplan gemaakt
task-follow-up = vragen hoe het plan gaat
task-registration = de conferentie registreren
hook-kept = je eigen hook staat nu in { $file }; die draait nog steeds vóór die van kring
hook-installed = { $file } geïnstalleerd
hook-unformatted = kring: niet opgemaakt: { $files }
    {"  "}doe `kring fmt { $args }` en zet het resultaat klaar (git add)
hook-stopped = kring: vastleggen gestopt: { $problems ->
        [one] 1 probleem
       *[other] { $problems } problemen
    } in de klaargezette bestanden (kring check, kring fmt; git commit --no-verify slaat dit over)
new-bad-case-id = `{ $id }` is geen geldig zaak-id: gebruik kleine letters, cijfers en `-` (hoogstens 63), bijvoorbeeld 2026-014-sam
new-bad-coordinator-id = `{ $id }` is geen geldig coördinator-id: gebruik kleine letters, cijfers en `-` (hoogstens 63), bijvoorbeeld anouk-visser
new-bad-title = een titel is één regel tekst, zonder tabs of regeleinden
new-bad-name = een naam is één regel tekst, zonder tabs of regeleinden
new-case-taken = het zaak-id `{ $id }` staat al in { $file }
new-coordinator-taken = het coördinator-id `{ $id }` is al van { $name }
new-case-created = { $file } gemaakt; vul het in en doe dan `kring check`
new-coordinator-created = { $file } gemaakt; vul het in en doe dan `kring match <zaak>`
templates-unknown-language = `{ $lang }` is geen ingebouwde taal (dat zijn nl en en); voor een nieuwe taal: exporteer nl en kopieer { $folder }/nl naar { $folder }/{ $lang }
templates-kept = { $file } bewaard (het wijkt af van het ingebouwde sjabloon)
templates-exported = geëxporteerd naar { $folder }: { $written ->
        [one] 1 sjabloon
       *[other] { $written } sjablonen
    } geschreven, { $same } al gelijk, { $kept } bewaard omdat ze zijn aangepast
agenda-empty = niets op de agenda vanaf { $from }, { $days } dagen lang
agenda-written = { $file } geschreven ({ $events } afspraken)
man-written = { $pages } handleidingpagina's geschreven in { $folder }
repo-settings = { $file } klopt niet: { $message }
repo-not-found = { $what }: geen bestand, map of zaak-id met die naam
repo-link = { $what } is een symbolische koppeling; kring volgt geen koppelingen
repo-two-roots = { $first } en { $second } horen bij verschillende mappen met zaken
exported = { $cases ->
        [one] 1 zaak
       *[other] { $cases } zaken
    } geëxporteerd naar { $file }

## Hoe je een fout in de TOML herstelt (K001)

syntax-date-form = schrijf een datum als jaar-maand-dag: `{ $key } = { $date }`
syntax-table-twice = { $header } staat al op regel { $line }: een tabel komt maar één keer voor; zet deze sleutels daar

## Datums op de opdrachtregel (--today, agenda --from)

date-arg-form = schrijf een datum als jaar-maand-dag: { $date }
date-arg-not-a-date = dit is geen datum; schrijf jaar-maand-dag, bijvoorbeeld 2026-12-01

## kring match: waarom een coördinator past of niet

match-tied = heeft een band met { $organisation }, en die doet mee
match-not-trained = niet opgeleid voor { $variant ->
        [family] een familieconferentie
        [restorative] een herstelgerichte conferentie
        [community] een conferentie in een buurt of groep
       *[learning] een leerconferentie
    }
match-not-available = niet beschikbaar op { $date }
match-speaks = +3 spreekt { $language }, zoals de familie wil
match-does-not-speak = -3 spreekt geen { $language }, de taal van een deelnemer
match-wish = +2 { $what ->
        [gender] geslacht
        [background] achtergrond
       *[religion] geloof
    }: { $wish }, zoals de familie wil
match-open-cases = -{ $open } heeft { $open ->
        [one] 1 open zaak
       *[other] { $open } open zaken
    }
match-no-open-cases = ±0 geen open zaken
match-same-day = -{ $points } heeft op { $date } al een andere conferentie

## kring agenda: wat elk punt zegt

agenda-conference = conferentie ({ $variant }){ $location ->
        [none] {""}
       *[other] {" "}in { $location }
    }
agenda-invited = ; uitgenodigd: { $sent } van { $of }{ $post ->
        [0] {""}
       *[other] , { $post } per post
    }
agenda-prepare = voorbereiden vóór de conferentie van { $date }: { $people }
agenda-people = { $count ->
        [one] 1 persoon
       *[other] { $count } mensen
    }
agenda-send-plan = het plan naar alle deelnemers sturen
agenda-record-plan = het plan vastleggen en naar alle deelnemers sturen
agenda-due = { $what } (dat moest op { $due })
agenda-followup = een paar mensen vragen hoe het plan loopt
agenda-review = de kring kijkt terug op het plan
agenda-overdue = {"TE LAAT: "}
agenda-kind = { $kind ->
        [conference] conferentie
        [prepare] voorbereiden
        [plan] plan
        [follow-up] opvolging
       *[review] terugblik
    }

## issue 16: send

send-what = { $what ->
        [invitation] uitnodiging
        [update] wijziging
        [reminder] herinnering
        [plan] plan
       *[cancellation] afzegging
    }
send-why = { $why ->
        [new] nieuw
        [changed] gewijzigd
        [failed-before] vorige keer mislukt
        [soon] de bijeenkomst is binnenkort
        [cancelled] de bijeenkomst gaat niet door
       *[uncertain] onzeker: misschien al aangekomen
    }
send-by-post = per post
send-dry-run = alleen een proef: { $messages ->
        [one] 1 bericht
       *[other] { $messages } berichten
    } te versturen voor { $cases ->
        [one] 1 zaak
       *[other] { $cases } zaken
    }{ $post ->
        [0] {""}
       *[other] , waarvan { $post } per post (`kring letters`)
    }; er is niets verstuurd
send-waiting = er loopt al een `kring send` in deze map; ik wacht tot die klaar is
send-outbox = niets verstuurd: { $messages ->
        [one] 1 bericht staat
       *[other] { $messages } berichten staan
    } in { $folder } om na te kijken. Er is niets vastgelegd in de zaakbestanden. Wil je echt versturen? Zet dan `transport` onder [send] in kring.toml.
send-summary = { $sent ->
        [one] 1 bericht
       *[other] { $sent } berichten
    } verstuurd{ $failed ->
        [0] {""}
       *[other] , { $failed } mislukt
    }{ $uncertain ->
        [0] {""}
       *[other] , { $uncertain } onzeker (niet opnieuw verstuurd)
    }{ $post ->
        [0] {""}
       *[other] , { $post } per post (`kring letters`)
    }
send-failed = { $case }: { $what } aan `{ $participant }` is niet verstuurd: { $answer }
send-uncertain = { $case }: { $what } aan `{ $participant }` is al eerder aan de mailserver gegeven, maar het antwoord van de server is nooit vastgelegd. Misschien is het bericht al aangekomen. Vraag het na. Gebruik `--resend-uncertain` om het opnieuw te sturen.
send-post = { $case }: { $what } voor `{ $participant }` gaat per post; maak de brief met `kring letters` en druk hem af
send-unreachable = { $case }: { $what } voor `{ $participant }` kan niet verstuurd worden: { $reason ->
        [bad-address] het e-mailadres klopt niet (K214)
       *[no-address] er is geen e-mailadres en geen postadres; breng het zelf langs of bel
    }
send-case-errors = { $case }: niets verstuurd, want het zaakbestand heeft { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    } (`kring check`)
send-no-sender = { $case }: niets verstuurd, want er is geen afzender: zet `email` bij [coordinator], of `from` onder [send] in kring.toml
send-record-failed = { $case }: kan niet vastleggen wat er is verstuurd, dus ik stop met deze zaak: { $error }
send-not-built = { $case }: het bericht voor `{ $participant }` kan niet gemaakt worden: { $error }
send-no-host = `smtp_host` ontbreekt onder [send] in kring.toml
send-plain-not-loopback = `smtp_security = "none"` mag alleen naar deze computer zelf (localhost, 127.0.0.1, ::1), niet naar `{ $host }`: gebruik "starttls" of "tls"
send-no-password = `smtp_user` staat onder [send], maar er is geen wachtwoord: zet het in KRING_SMTP_PASSWORD, of in een bestand buiten de map met zaken, en zet de naam van dat bestand in KRING_SMTP_PASSWORD_FILE
send-password-in-repository = KRING_SMTP_PASSWORD_FILE moet een bestand buiten de map met zaken zijn, anders komt het wachtwoord in git: { $file }
send-password-file = kan het wachtwoordbestand { $file } niet lezen: { $error }
send-ca-file = kan het certificaat in { $file } niet lezen: { $error }
send-tls = kan geen beveiligde verbinding opzetten met { $host }: { $error }
mail-subject-update = Gewijzigd: { $title }
mail-subject-reminder = Herinnering: { $title }
mail-subject-cancellation = Gaat niet door: { $title }
mail-update = { $formal ->
        [yes] Er is iets veranderd. Hieronder staat de nieuwe uitnodiging. Kijkt u goed naar de datum, de tijd en de plek.
       *[other] Er is iets veranderd. Hieronder staat de nieuwe uitnodiging. Kijk goed naar de datum, de tijd en de plek.
    }
mail-reminder = { $formal ->
        [yes] Een herinnering: de bijeenkomst is op { $date }. Fijn dat u komt. Hieronder staat de uitnodiging nog een keer.
       *[other] Een herinnering: de bijeenkomst is op { $date }. Fijn dat je komt. Hieronder staat de uitnodiging nog een keer.
    }
mail-cancellation = { $formal ->
        [yes] Beste { $name },

    De bijeenkomst{ $date ->
        [none] {""}
       *[other] {" "}op { $date }
    } gaat niet door. U hoeft niet te komen. Heeft u vragen? Neem dan contact met mij op.

    Met vriendelijke groet,
    { $coordinator }
       *[other] Beste { $name },

    De bijeenkomst{ $date ->
        [none] {""}
       *[other] {" "}op { $date }
    } gaat niet door. Je hoeft niet te komen. Heb je vragen? Neem dan contact met mij op.

    Groeten,
    { $coordinator }
    }
send-sent = { $case }: { $what } verstuurd aan `{ $participant }` ({ $address })
send-written = { $case }: { $what } voor `{ $participant }` klaargezet in { $file }
send-case-done = { $case }: { $written ->
        [0] { $sent } verstuurd
       *[other] { $written } klaargezet om na te kijken
    }{ $failed ->
        [0] {""}
       *[other] , { $failed } mislukt
    }{ $uncertain ->
        [0] {""}
       *[other] , { $uncertain } onzeker
    }
## issue 16: letters

letters-title = Brieven van { $date }
letters-none = er zijn geen brieven te versturen
letters-written = { $file } geschreven: { $letters ->
        [one] 1 brief
       *[other] { $letters } brieven
    } voor { $cases ->
        [one] 1 zaak
       *[other] { $cases } zaken
    }. Druk af op 100% en op één kant van het papier. Vouw elke brief in drieën voor een envelop met venster.
letters-recorded = { $letters ->
        [one] 1 brief
       *[other] { $letters } brieven
    } per post verstuurd op { $date }; dat staat nu in { $cases ->
        [one] 1 zaakbestand
       *[other] { $cases } zaakbestanden
    }
letters-record-failed = { $case }: de brieven zijn gemaakt, maar dat staat niet in het zaakbestand: { $error }
letters-unchecked = { $file } heeft fouten, dus daar komen geen brieven uit (zie `kring check`)
letters-no-address = { $case }: { $count ->
        [one] { $participants } krijgt post, maar heeft
       *[other] { $participants } krijgen post, maar hebben
    } geen adres. Dus geen brief met { $what ->
        [invitation] de uitnodiging
        [update] de gewijzigde uitnodiging
        [cancellation] het bericht dat het niet doorgaat
       *[plan] het plan
    } (vul `address` in, of een `email`)
letters-long-address = { $case }: het adres van { $participant } is met de naam erbij { $lines } regels. Dat past niet in het venster van de envelop (hoogstens 6). Dus geen brief met { $what ->
        [invitation] de uitnodiging
        [update] de gewijzigde uitnodiging
        [cancellation] het bericht dat het niet doorgaat
       *[plan] het plan
    }
letters-plan-sent = { $case }: het plan is op { $date } al naar iedereen gegaan (`plan.sent`), dus geen brieven met het plan
letters-no-reminder = { $case }: herinneringen gaan alleen per e-mail, want een brief komt te laat. Dus geen herinnering voor { $participants }
## issue 17: books

K701-summary = uren, een bedrag, kilometers of een cijfer vallen buiten de grenzen
K701-help = uren: meer dan 0 en hoogstens 24 per regel; bedragen en kilometers: niet lager dan 0; cijfers: van 1 tot en met 10
K701-hours = er staat { $hours } uur in één regel; dat moet meer dan 0 en hoogstens 24 zijn (verdeel langer werk over meer dagen)
K701-negative = `{ $key }` is { $value }; dat mag niet lager zijn dan 0
K701-no-amount = deze onkosten hebben geen `amount` (en bij reiskosten geen `km`)
K701-score = het cijfer bij `{ $key }` is { $score }; cijfers gaan van 1 tot en met 10
K702-summary = een gesloten zaak met een gehouden conferentie is niet helemaal geregistreerd
K702-help = zet `requester` en `topics` bij `[request]`, zodat de regio de zaak kan meetellen
K702-missing = de zaak is gesloten en de conferentie is gehouden, maar bij `[request]` staat geen { $missing ->
        [requester] `requester`
        [topics] `topics`
       *[both] `requester` en geen `topics`
    }
K703-summary = `follows` noemt geen zaak van deze map
K703-help = geef het id van de eerdere zaak, zoals het in dat bestand staat (`kring status` laat alle zaken zien)
K703-unknown = deze zaak volgt op `{ $id }`, maar in deze map is geen zaak met dat id
K703-itself = een zaak kan niet op zichzelf volgen; geef het id van de eerdere zaak
K704-summary = `funder` staat niet bij de financiers in kring.toml
K704-help = gebruik een van de namen onder `[funders]` in kring.toml, of zet de financier daar bij
K704-unknown = de financier `{ $funder }` staat niet bij `[funders]` in kring.toml (daar staan: { $keys })
K705-summary = uren of onkosten van voor de aanvraag of lang na het sluiten
K705-help = kijk de datum na; uren en onkosten horen tussen de aanvraag en { 60 } dagen na `closed.date`
K705-before = deze regel is van { $date }; dat is voordat de aanvraag binnenkwam ({ $received })
K705-after = deze regel is van { $date }; dat is meer dan { $days } dagen nadat de zaak is gesloten ({ $closed })
unreadable-not-declared = { $file } is niet te lezen; de uren en onkosten daarin staan niet in de declaratie
declare-nothing = niets te declareren in { $month }: geen uren, onkosten of gehouden conferenties in die maand
declare-nothing-for = niets te declareren in { $month } voor { $coordinator }: geen uren, onkosten of gehouden conferenties in die maand
declare-refused = geen declaratie voor { $coordinator }: verbeter eerst de fouten in de zaken
declare-written = { $files ->
        [one] 1 bestand
       *[other] { $files } bestanden
    } voor { $coordinators ->
        [one] 1 coördinator
       *[other] { $coordinators } coördinatoren
    } geschreven in { $folder }
## render: meldingen tijdens het maken van documenten, en de voortgangsbalk

render-bad-case-id = het zaak-id `{ $id }` is niet geldig; er zijn geen documenten gemaakt
render-no-template = er is geen sjabloon voor { $kind ->
        [invitation] de uitnodiging
        [checklist] de checklist
       *[plan] het plan
    } in de taal `{ $wanted }`; { $kind ->
        [invitation] de uitnodiging van `{ $participant }` is
        [checklist] de checklist is
       *[plan] het plan is
    } daarom in de taal `{ $chosen }`
progress-rendering = documenten maken
progress-left = nog { $eta }

## Fouten bij bestanden, mappen en git

cannot-create-folder = kring kan de map { $folder } niet maken
cannot-open = kring kan { $file } niet openen
cannot-lock = kring kan { $file } niet vergrendelen
cannot-read-folder = kring kan de map { $folder } niet lezen
cannot-write = kring kan { $file } niet schrijven
cannot-remove = kring kan { $file } niet weghalen
cannot-make-temp-folder = kring kan geen tijdelijke map maken in { $folder }
cannot-make-temp-file = kring kan geen tijdelijk bestand maken in { $folder }
cannot-set-mode = kring kan de rechten van { $file } niet instellen
cannot-write-csv = kring kan de CSV niet schrijven
cannot-write-stdout = kring kan niet naar de standaarduitvoer schrijven
already-exists = { $file } bestaat al; kring schrijft er niet overheen
lock-is-link = { $file } is een symbolische koppeling; kring gebruikt die niet als slot
out-is-link = { $path } is een symbolische koppeling; kring schrijft in de map met documenten niet via koppelingen
not-a-folder = { $path } is geen map
internal-no-document = fout in kring: een verslag zonder document
internal-outside-case = fout in kring: een document buiten de map van de zaak
init-exists = in { $folder } staat al een kring.toml; kring verandert die niet
git-hook-taken = { $hook } bestaat al en is niet van kring, en { $previous } bestaat ook al; kring vervangt ze geen van beide
git-cannot-move = kring kan { $file } niet opzijzetten
git-cannot-make-executable = kring kan { $file } niet uitvoerbaar maken
git-cannot-run = kring kan git niet starten
git-not-installed = kring kan git niet starten; is git geïnstalleerd?
git-no-pipe = kring kan niet met git praten (geen pijp)
git-write-failed = schrijven naar git is mislukt
git-cannot-show = git kan het klaargezette bestand { $file } niet laten zien: { $answer }
git-not-a-repository = { $folder } staat niet in een git-repository; begin er een met `git init`
git-failed = git { $command } is mislukt: { $message }
git-not-utf8 = git gaf tekst terug die geen UTF-8 is

## De sleutel van de export

export-make-a-key = maak er één keer een, buiten de map met zaken, die alleen jij kunt lezen:
    {"  "}mkdir -p ~/.config/kring && (umask 077; head -c 32 /dev/urandom | base64 > ~/.config/kring/export.key)
    Geef kring daarna het pad met --key-file ~/.config/kring/export.key of met KRING_EXPORT_KEY_FILE
    (of de sleutel zelf in KRING_EXPORT_KEY). Gebruik bij elke export dezelfde sleutel. Dan houdt
    elke zaak hetzelfde pseudoniem.
export-no-key = er is geen sleutel voor de pseudoniemen; { $help }
export-key-missing = het sleutelbestand { $file } bestaat niet. Is dit je eerste export? Maak het dan één keer, buiten de map met zaken, zo dat alleen jij het kunt lezen:
    {"  "}{ $mkdir }(umask 077; head -c 32 /dev/urandom | base64 > { $file })
    Geef kring daarna weer hetzelfde pad. Heb je al eerder een sleutel gemaakt? Geef dan het pad daarvan. Gebruik bij elke export dezelfde sleutel. Dan houdt elke zaak hetzelfde pseudoniem.
export-key-unreadable = kring kan het sleutelbestand { $file } niet lezen
export-key-inside = het sleutelbestand { $file } staat in de map met zaken. Zo komt het in git, en naast de gegevens die het moet beschermen. Zet het ergens anders, bijvoorbeeld in ~/.config/kring/export.key
export-anonymised-only = kring export schrijft alleen anonieme gegevens; voeg --anonymised toe (een export met namen bestaat niet)
export-key-too-large = { $file } is te groot voor een sleutelbestand; { $help }
export-key-too-short = de sleutel is { $length } bytes lang; dat moeten er minstens { $least } zijn (maak er een met `head -c 32 /dev/urandom | base64`)

## Fasen en varianten in de tabellen van status en stats (JSON houdt de sleutels)

phase-request = aanvraag
phase-preparation = voorbereiding
phase-scheduled = gepland
phase-plan = plan
phase-follow-up = opvolging
phase-closed = afgesloten
variant-family = familie
variant-restorative = herstel
variant-community = buurt
variant-learning = leren
variant-all = alle
## issue 17: figures and report

figures-attendees-mean = aanwezigen per conferentie, gemiddeld
figures-minors = met minderjarigen
figures-days-shortest = dagen van aanvraag tot conferentie, kortst
figures-hours = uren per gehouden conferentie, gemiddeld
figures-cost = kosten per gehouden conferentie, gemiddeld
figures-requesters = aanvragen per aanvrager
figures-topics = onderwerpen (aandeel van de gehouden conferenties)
figures-scores = cijfers, gemiddeld (aantal cijfers)
figures-stopped = gestopt zonder conferentie
figures-not-recorded = niet vastgelegd
figures-requester-person = de persoon zelf
figures-requester-family = familie
figures-requester-school = school
figures-requester-professional = professional
figures-requester-other = anders
figures-topic-elderly = ouderen
figures-topic-parenting = opvoeding
figures-topic-divorce = scheiding
figures-topic-domestic-violence = huiselijk geweld
figures-topic-child-protection = kinderbescherming
figures-topic-disability = beperking
figures-topic-harm = schade en herstel
figures-topic-homelessness = dakloosheid
figures-topic-illness = ziekte
figures-topic-mental-health = psychische problemen
figures-topic-addiction = verslaving
figures-topic-eviction = huisuitzetting
figures-topic-debt = schulden
figures-topic-work = werk
figures-topic-school = school
figures-topic-neighbourhood = buurt
figures-topic-conflict = conflict
figures-topic-other = anders
figures-stopped-plan-already-made = er was al een plan
figures-stopped-situation-changed = de situatie veranderde
figures-stopped-network-too-small = het netwerk was te klein
figures-stopped-not-voluntary = niet vrijwillig
figures-stopped-other = anders
figures-group-central-minor = centrale persoon (minderjarig)
figures-group-central-adult = centrale persoon (volwassen)
figures-group-network = netwerk
figures-group-professional = professionals
figures-score-meeting = bijeenkomst
figures-score-plan = plan
figures-score-coordinator = coördinator
figures-variant-family = familie
figures-variant-restorative = herstelgericht
figures-variant-community = buurt
figures-variant-learning = leerplan
figures-all = alle
report-title = Eigen Kracht-conferenties { $year }
report-as-of = De cijfers zijn van { $date } en komen uit de dossiers.
report-small = Gaat een cijfer over minder dan vijf zaken? Dan staat er „< 5”, zodat niemand te herkennen is. De grafieken laten zulke staven weg.
report-key-figures = Kerncijfers
report-score-meeting = gemiddeld cijfer voor de bijeenkomst
report-score-plan = gemiddeld cijfer voor het plan
report-score-coordinator = gemiddeld cijfer voor de coördinator
report-months = jan feb mrt apr mei jun jul aug sep okt nov dec
report-per-month = Gehouden conferenties per maand
report-topics = Onderwerpen van de gehouden conferenties
report-scores = Gemiddelde cijfers per groep, van 1 tot 10
report-days = Dagen van aanvraag tot conferentie
report-variants = Gehouden conferenties per variant
report-by-variant = Cijfers per variant
report-number = aantal
report-share = aandeel van de gehouden conferenties
report-scores-table = Gemiddelde cijfers per groep (aantal cijfers)
report-footer = Gemaakt met kring, uit de dossiers van de coördinatoren. Een conferentie telt mee in het jaar van haar datum. Een aanvraag telt mee in het jaar waarin ze binnenkwam. Wat elk cijfer precies betekent, staat in docs/stats.md van kring.
report-written = { $file } geschreven
