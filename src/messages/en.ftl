# kring's messages in English. Every id here is in nl.ftl too (a test holds
# them equal). Plurals are selected in each message.


## The words of the terminal

level-error = error
level-warning = warning
level-help = help
prefix-error = error: { $text }
prefix-warning = warning: { $text }

## Summaries and notes

checked = checked { $files ->
        [one] 1 file
       *[other] { $files } files
    } ({ $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }): { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
no-case-files = no case files found (looked in { $folder })
no-cases = no cases found
cannot-read = cannot read { $what }
template-error = template { $error }
unreadable = { $file } cannot be read; run `kring check` to see why
unreadable-not-counted = { $file } cannot be read and is not counted; run `kring check` to see why
unreadable-not-exported = { $file } cannot be read and is not exported; run `kring check` to see why
rendered = rendered { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }: { $written ->
        [one] 1 file
       *[other] { $written } files
    } written, { $unchanged } unchanged{ $removed ->
        [0] {""}
       *[other] , { $removed } removed
    }{ $skipped ->
        [0] {""}
       *[other] , { $skipped } skipped for errors
    }
render-checked = { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }: { $unchanged ->
        [one] 1 file
       *[other] { $unchanged } files
    } up to date, { $missing } missing, { $stale } stale, { $orphans } no longer produced{ $skipped ->
        [0] {""}
       *[other] , { $skipped } skipped for errors
    }
render-skipped = skipped { $file }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } (run `kring check` for details)
render-waiting = waiting for another kring render into the same folder to finish
render-note = { $case }: { $note }
# Rule texts: the summary (the heading of the rule's section in docs/rules.md)
# and the help shown under each diagnostic.

K001-summary = the file is not valid TOML
K001-help = fix the TOML syntax at the marked place
K002-summary = a key is missing, unknown, of the wrong type or has an unknown value
K002-help = see `kring new` or docs/design.md for the keys a case file takes
K003-summary = an id does not match the identifier pattern
K003-help = use lowercase letters, digits and `-`, starting with a letter or digit, at most 63 characters
K004-summary = two files share a case id
K004-help = give each case its own id; the file name does not matter, the `id` does
K005-summary = the file is not UTF-8 or is larger than 1 MiB
K005-help = a case file is plain UTF-8 text well under 1 MiB; split off attachments
K006-summary = a value still holds a placeholder that `kring new` wrote
K006-help = replace the placeholder with the real value, or remove the key if it is optional
K007-summary = a case file's name is not its id
K007-help = rename the file to `<id>.toml`, so that people and tools find the case by its id
K008-summary = a case file lies outside the case folder
K008-help = move the file into the case folder (as `<id>.toml`), or remove it: kring does not check or render it where it is
K101-summary = two participants share an id
K101-help = give every participant of the case its own id
K102-summary = a reference names no participant of the case
K102-help = use the `id` of a participant listed in this case
K201-summary = a family or learning case has no central participant
K201-help = add a participant with role = "central": the person the plan is for
K202-summary = a restorative case lacks a harmed or a responsible participant
K202-help = add participants with role = "harmed" and role = "responsible"
K203-summary = a learning case has no school participant
K203-help = add the mentor or another teacher with role = "school"
K204-summary = the pupil's age is outside 4 to 19 or unknown
K204-help = set the pupil's `born` date; learning conferences are for pupils aged 4 to 19
K205-summary = a professional attends family time
K205-help = remove "family-time" from this participant's `parts`: family time is for the circle alone
K206-summary = an invited participant cannot be reached
K206-help = add an `email`, `phone` or `address` for this participant
K207-summary = the conference is near and a participant is not prepared
K207-help = prepare this participant and record the date in `prepared`
K208-summary = the coordinator is not independent
K208-help = assign a coordinator with no tie to any deciding or helping agency in this case
K209-summary = a participant's language is not covered
K209-help = add the language to the coordinator's `languages`, or add an interpreter
K210-summary = in a learning case, someone other than the pupil invited a participant
K210-help = in a learning conference the pupil decides who is invited: set `invited_by` to the pupil
K211-summary = the circle has fewer than 3 people
K211-help = widen the circle: ask everyone who else can help, and add them as participants
K212-summary = a document language has no translation of the case's own text
K212-help = add `[translations.<lang>]` with the question and the arrangements in that language
K213-summary = a child under 12 is invited by someone else and no supporter takes part
K214-summary = an email address is not a valid address
K213-help = add a participant with role = "supporter" who sits with the child, or record who invited the child
K214-help = correct the address (name@example.org), or remove it and set `post = true`; `kring send` does not send to it
K301-summary = dates are out of order
K301-help = correct the date: the steps of a conference follow each other in time
K302-summary = conference times are inconsistent
K302-help = make every part start after the previous one ends, within the conference's start and end
K303-summary = a learning conference lasts more than 2 hours
K303-help = plan a learning conference of at most two hours
K304-summary = a participant is invited before the question is written down
K304-help = write the question in `request.question` before inviting anyone
K305-summary = the conference is past and no plan is recorded
K305-help = record the plan in a [plan] table, or close the case with [closed]
K306-summary = the plan was not sent within 2 days
K306-help = send the plan to all participants and record the date in `plan.sent`
K307-summary = the follow-up is overdue
K307-help = ask a few participants how the plan is going and record it in [followup]
K308-summary = a plan is recorded but the conference has no date
K308-help = set `conference.date`
K309-summary = the conference has a date but no location
K309-help = set `conference.location`
K310-summary = a participant is invited before consent is recorded
K310-help = record in `request.consent` the date the person(s) concerned agreed to the conference
K311-summary = a closed case keeps personal data past the retention period
K311-help = anonymise the case: replace names, contact details and birth dates
K401-summary = an agreement has no what or no who
K401-help = say what is agreed in `what` and who does it in `who`
K402-summary = compulsory help without an accepting professional or acceptance
K402-help = name the professional who accepts the plan in `request.acceptor` and record [plan.acceptance]
K403-summary = an agreement names a participant who declined
K403-help = agree this with someone who takes part
K404-summary = a learning plan has no strengths or no goals
K404-help = record what the pupil is good at in `strengths` and wants to learn in `goals`
K405-summary = a plan has no contingency or no review date
K405-help = record what the circle does if things go differently (`contingency`) and when it looks back (`review`)
K406-summary = a plan was not accepted and no reason is given
K406-help = record why the plan was not accepted in `plan.acceptance.reason`
K501-summary = people who must not meet attend the same part without a safety arrangement
K501-help = describe in [safety] arrangement how they are kept apart, or change their `parts`
K502-summary = a participant avoids itself
K502-help = remove the participant's own id from its `avoid` list
K601-summary = a coordinator file is not valid
K601-help = fix the TOML or the key at the marked place; `kring schema --roster` lists the keys
K602-summary = a coordinator id is not valid or is used twice
K602-help = give every coordinator file its own id of a-z, 0-9 and -
K603-summary = a case's coordinator is not in the roster
K603-help = set `coordinator.id` to the id of a file in coordinators/, or add the coordinator
K604-summary = a case's coordinator is not trained for its variant
K604-help = assign a coordinator with the training the variant needs, or record the training

## What each rule found

K101-twice = participant id `{ $id }` is used twice in this case
K102-unknown = `{ $key }` names `{ $id }`, who is not a participant of this case
K401-what = this agreement does not say what is agreed
K401-who = this agreement does not say who does it
K402-no-acceptor = help is compulsory, but no `request.acceptor` is named to accept the plan
K402-not-professional = the acceptor { $name } has the role "{ $role }", not "professional"
K402-declined = the acceptor { $name } has declined
K402-absent = the acceptor { $name } does not attend the `{ $part }` part
K402-no-acceptance = help is compulsory, but the plan has no [plan.acceptance] by `{ $id }`
K402-other = the plan was accepted by `{ $by }`, not by the acceptor `{ $id }`
K403-declined = this agreement names { $name }, who declined to take part
K404-missing = the learning plan has no `{ $key }`
K404-both = the learning plan has no `strengths` and no `goals`
K405-contingency = the plan has no `contingency` (what happens if things go differently)
K405-review = the plan has no `review` date
K405-both = the plan has no `contingency` (what happens if things go differently) and no `review` date
K406-no-reason = the plan was not accepted, and no `reason` is given
K501-meet = { $name } and { $other } must not meet, but both attend { $parts }, and there is no [safety] arrangement
K502-self = { $name } lists their own id `{ $id }` in `avoid`
K301-before = `{ $key }` ({ $date }) is before `{ $other }` ({ $other_date })
K301-prepared = { $name } was prepared on { $date }, after the conference on { $conference }
K301-reply-by = `conference.reply_by` ({ $date }) is after `conference.date` ({ $conference })
K302-conference-end = the conference ends at { $end }, not after its start at { $start }
K302-twice = the part `{ $part }` is listed twice
K302-order = the part `{ $part }` is listed after `{ $previous }`; parts go information, family-time, plan
K302-part-end = the part `{ $part }` ends at { $end }, not after its start at { $start }
K302-part-early = the part `{ $part }` starts at { $start }, before the conference starts at { $conference }
K302-part-late = the part `{ $part }` ends at { $end }, after the conference ends at { $conference }
K302-overlap = the part `{ $part }` starts at { $start }, before the previous part ends at { $previous }
K303-long = the conference lasts { $hours } h { $minutes } min ({ $start } to { $end }); a learning conference takes at most 2 hours
K304-no-question = { $name } is { $status }, but the request has no question yet
K305-no-plan = the conference was on { $date } and no plan is recorded
K306-late = the plan was sent on { $sent }, more than { $days } days after the conference on { $date }
K306-not-sent = the conference was on { $date } and the plan has not been sent yet
K307-overdue = the follow-up was due on { $due } and is not recorded as done
K308-no-date = a plan is recorded, but the conference has no date
K309-no-location = the conference is on { $date } but has no location
K310-no-consent = { $name } is { $status }, but no consent to the conference is recorded
K311-kept = the case closed on { $closed }; its personal data could be kept until { $until } (retention_days = { $days })
K311-anonymise = anonymise the case: `kring anonymise { $id }` (try `--dry-run` first)
K001-syntax = invalid TOML: { $message }
K003-case = case id `{ $id }` is not a valid identifier
K003-participant = participant id `{ $id }` is not a valid identifier
K004-twice = case id `{ $id }` is also used by { $others }
K005-large = the file is { $size } bytes, larger than the limit of { $limit }
K005-utf8 = the file is not valid UTF-8 (first bad byte on line { $line })
K005-utf8-help = save the file as UTF-8 in your editor
K201-no-central = { $variant } case without a participant with role "central"
K202-missing = restorative case without a participant with role "{ $role }"
K202-both = restorative case without a participant with role "harmed" or "responsible"
K203-no-school = learning case without a participant with role "school"
K204-no-born = the pupil { $name } has no `born` date, so the age cannot be checked
K204-age = the pupil { $name } is { $age } years old on { $date }, outside 4 to 19
K204-unborn = the pupil { $name } is not yet born on { $date }
K205-family-time = { $name } ({ $role }) attends family time, which is for the circle alone
K206-unreachable = { $name } is { $status } but has no email, phone or address
K207-unprepared = { $name } has not been prepared, and the conference is on { $date }
K208-not-declared = the coordinator has not declared independence (`independent` is not true)
K208-same-organisation = { $name } works for `{ $organisation }`, the coordinator's own organisation
K209-language = { $name } speaks `{ $language }`, which the coordinator does not ({ $spoken }), and no interpreter takes part
K210-invited-by = { $name } was invited by `{ $by }`, not by the pupil
K211-small = the conference is planned with { $people ->
        [one] 1 person
       *[other] { $people } people
    } from the circle; at least 3 are expected
K601-unreadable = cannot read the file: { $error }
K601-large = the file is larger than { $limit }
K601-utf8 = the file is not UTF-8
K601-shape = the file does not have the keys of a coordinator file
K602-pattern = coordinator id `{ $id }` must match ^[a-z0-9][a-z0-9-]{"{"}0,62{"}"}$
K602-twice = coordinator id `{ $id }` is also used by { $other }
K603-id = coordinator id `{ $id }` is not in the roster (coordinators/)
K603-name = coordinator "{ $name }" is not in the roster (coordinators/)
K604-training = { $name } has not done the training part a { $variant } conference needs ({ $training })

## The shape of a file (K002)

unknown-key = unknown key `{ $key }`, expected one of { $expected }
unknown-value = unknown value `{ $value }`, expected one of { $expected }
missing-key = missing key `{ $key }`
date-quotes = a date is written without quotes, as year-month-day: { $date }
not-a-date = expected a date like 2026-10-12 (year-month-day), found { $found }
did-you-mean = did you mean `{ $name }`?
write-date = write `{ $key } = { $date }`
K006-placeholder = `{ $key }` still holds the placeholder "{ $text }"
K212-translation = { $name }'s documents are in `{ $language }`, but the case has no `[translations.{ $language }]` for its question and arrangements
K214-address = `{ $email }` is not an email address
K213-child = { $name } is under 12 and was invited by { $by }, not by the central person or a parent, and no supporter takes part

## Commands

anonymised = anonymised { $file }: { $changes ->
        [one] 1 change
       *[other] { $changes } changes
    }
anonymised-renamed = anonymised { $file } → { $to }: { $changes ->
        [one] 1 change
       *[other] { $changes } changes
    }
anonymised-documents = removed its documents in out/{ $id }/
anonymised-already = { $file }: already anonymised
anonymised-refused = { $file }: not anonymised: { $reason }
anonymise-summary = { $done ->
        [one] 1 case
       *[other] { $done } cases
    } anonymised, { $already } already anonymised, { $refused } refused
anonymise-dry-run-summary = { $done ->
        [one] 1 case
       *[other] { $done } cases
    } would be anonymised, { $already } already anonymised, { $refused } refused
fmt-refused = { $file }: not formatted: { $reason } (run kring check)
fmt-not-toml = { $file }: not formatted: { $message }
fmt-changed = { $file } changed while formatting; not written
formatted = formatted { $files ->
        [one] 1 file
       *[other] { $files } files
    }: { $changed } changed, { $unchanged } unchanged{ $refused ->
        [0] {""}
        [one] ; 1 file left alone for errors
       *[other] ; { $refused } files left alone for errors
    }
fmt-checked = { $files ->
        [one] 1 file
       *[other] { $files } files
    }: { $changed } would change, { $unchanged } unchanged{ $refused ->
        [0] {""}
        [one] ; 1 file left alone for errors
       *[other] ; { $refused } files left alone for errors
    }
init-created = created a case repository in { $folder }
init-git = it is not under git yet; start with:
    {"  "}cd { $folder } && git init && git add . && git commit -m "Start case repository"
init-next = next: kring new 2026-001-name --variant family
match-no-case = { $case }: no case file
match-unreadable = { $file } cannot be read as a case (run kring check)
match-no-roster = the repository has no roster: add coordinators/<id>.toml files (kring schema --roster)
match-heading = Coordinators for { $case }:
match-none = No coordinator meets the conditions.
match-excluded = Not suitable:
explain-unknown = no rule `{ $code }`; `kring explain --list` shows them all

## kring stats

stats-as-of = As of { $date }.
stats-requests = requests received
stats-held = conferences held
stats-participants-mean = participants per conference, mean
stats-participants-median = participants per conference, median
stats-plans = reached a recorded plan
stats-compulsory = compulsory help
stats-accepted = {"  "}of which plan accepted
stats-days-median = days from request to conference, median
stats-followups-on-time = follow-ups done on time
stats-followups-overdue = follow-ups overdue today
K007-name = the file is named `{ $name }` but its id is `{ $id }`; name it `{ $id }.toml`
K008-outside = this file is outside the case folder `{ $folder }/`, so kring does not check or render it

## kring status

status-id = ID
status-variant = VARIANT
status-phase = PHASE
status-next = NEXT
status-due = DUE
status-invited = INVITED
status-invited-count = { $sent } of { $of }{ $post ->
        [0] {""}
       *[other] ; { $post } by post
    }
status-no-coordinator = no coordinator yet
status-load = { $who }: { $open } open
status-load-next = { $who }: { $open } open, next { $next }
task-inventory = find who can attend
task-consent = record consent
task-chosen = the pupil chooses who comes
task-informed = inform everyone
task-circle = widen the circle
task-question = agree the question
task-practical = arrange the practical side
task-professionals = prepare the professionals
task-information = professionals' information
task-conference = hold the conference
task-accepted = plan accepted
task-sent = send the plan
task-workplan = work plan made
task-follow-up = ask how the plan goes
task-registration = register the conference
hook-kept = kept your existing hook as { $file }; it still runs before kring's
hook-installed = installed { $file }
hook-unformatted = kring: not formatted: { $files }
    {"  "}run `kring fmt { $args }` and stage the result
hook-stopped = kring: commit stopped: { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    } in the staged files (kring check, kring fmt; git commit --no-verify skips this)
new-bad-case-id = `{ $id }` is not a valid case id: use lowercase letters, digits and `-` (at most 63), e.g. 2026-014-sam
new-bad-coordinator-id = `{ $id }` is not a valid coordinator id: use lowercase letters, digits and `-` (at most 63), e.g. anouk-visser
new-bad-title = a title is one line of text, without tabs or line breaks
new-bad-name = a name is one line of text, without tabs or line breaks
new-case-taken = case id `{ $id }` is already used by { $file }
new-coordinator-taken = coordinator id `{ $id }` is already used by { $name }
new-case-created = created { $file }; fill it in, then run `kring check`
new-coordinator-created = created { $file }; fill it in, then run `kring match <case>`
templates-unknown-language = `{ $lang }` is not a built-in language (those are nl and en); to start a new one, export nl and copy { $folder }/nl to { $folder }/{ $lang }
templates-kept = kept { $file } (it differs from the built-in one)
templates-exported = exported to { $folder }: { $written ->
        [one] 1 template
       *[other] { $written } templates
    } written, { $same } already the same, { $kept } kept as edited
agenda-empty = nothing on the agenda from { $from } for { $days } days
agenda-written = wrote { $file } ({ $events } events)
man-written = wrote { $pages } manual pages to { $folder }
repo-settings = invalid { $file }: { $message }
repo-not-found = { $what }: no such file, folder or case id
repo-link = { $what } is a symbolic link; kring does not follow links
repo-two-roots = { $first } and { $second } belong to different case repositories
exported = exported { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    } to { $file }

## How to set a syntax error right (K001)

syntax-date-form = a date is written as year-month-day: `{ $key } = { $date }`
syntax-table-twice = { $header } is already on line { $line }: a table is given once; move these keys there

## Date arguments (--today, agenda --from)

date-arg-form = a date is written as year-month-day: { $date }
date-arg-not-a-date = expected a date as year-month-day, like 2026-12-01

## kring match: why a coordinator fits or not

match-tied = tied to { $organisation }, which takes part
match-not-trained = not trained for a { $variant } conference
match-not-available = not available on { $date }
match-speaks = +3 speaks { $language }, as the family wishes
match-does-not-speak = -3 does not speak { $language }, a participant's language
match-wish = +2 { $what }: { $wish }, as the family wishes
match-open-cases = -{ $open } has { $open ->
        [one] 1 open case
       *[other] { $open } open cases
    }
match-no-open-cases = ±0 no open cases
match-same-day = -{ $points } has another conference on { $date }

## kring agenda: what each item says

agenda-conference = { $variant } conference{ $location ->
        [none] {""}
       *[other] {" "}at { $location }
    }
agenda-invited = ; invited: { $sent } of { $of }{ $post ->
        [0] {""}
       *[other] , { $post } by post
    }
agenda-prepare = prepare before the conference on { $date }: { $people }
agenda-people = { $count ->
        [one] 1 person
       *[other] { $count } people
    }
agenda-send-plan = send the plan to all participants
agenda-record-plan = record the plan and send it to all participants
agenda-due = { $what } (due { $due })
agenda-followup = ask a few people how the plan is going
agenda-review = the circle looks back on its plan
agenda-overdue = {"OVERDUE: "}
agenda-kind = { $kind ->
        [conference] conference
        [prepare] prepare
        [plan] plan
        [follow-up] follow-up
       *[review] review
    }

## issue 16: send

send-what = { $what ->
        [invitation] invitation
        [update] update
        [reminder] reminder
        [plan] plan
       *[cancellation] cancellation
    }
send-why = { $why ->
        [new] new
        [changed] changed
        [failed-before] failed last time
        [soon] the conference is near
        [cancelled] the conference is off
       *[uncertain] uncertain: may have arrived already
    }
send-by-post = by post
send-dry-run = dry run: { $messages ->
        [one] 1 message
       *[other] { $messages } messages
    } due in { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }{ $post ->
        [0] {""}
       *[other] , { $post } of them by post (`kring letters`)
    }; nothing was sent
send-waiting = another `kring send` is running in this repository; waiting for it to finish
send-outbox = nothing sent: { $messages ->
        [one] 1 message is
       *[other] { $messages } messages are
    } in { $folder } for review; nothing was recorded in the case files. Set `transport` under [send] in kring.toml to send for real.
send-summary = { $sent ->
        [one] 1 message
       *[other] { $sent } messages
    } sent{ $failed ->
        [0] {""}
       *[other] , { $failed } failed
    }{ $uncertain ->
        [0] {""}
       *[other] , { $uncertain } uncertain (not sent again)
    }{ $post ->
        [0] {""}
       *[other] , { $post } by post (`kring letters`)
    }
send-failed = { $case }: the { $what } to `{ $participant }` was not sent: { $answer }
send-uncertain = { $case }: the { $what } to `{ $participant }` was handed over before, but the server's answer was never recorded. It may have arrived. Ask, and use `--resend-uncertain` to send it again.
send-post = { $case }: the { $what } for `{ $participant }` goes by post; print it with `kring letters`
send-unreachable = { $case }: the { $what } for `{ $participant }` cannot go: { $reason ->
        [bad-address] the email address is not valid (K214)
       *[no-address] there is no email address and no postal address; deliver it yourself or call
    }
send-case-errors = { $case }: nothing sent, because the case file has { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } (`kring check`)
send-no-sender = { $case }: nothing sent, because there is no sender: set `email` under [coordinator], or `from` under [send] in kring.toml
send-record-failed = { $case }: cannot record what was sent, so this case stops here: { $error }
send-not-built = { $case }: the message for `{ $participant }` cannot be made: { $error }
send-no-host = `smtp_host` is missing under [send] in kring.toml
send-plain-not-loopback = `smtp_security = "none"` is only allowed to this machine (localhost, 127.0.0.1, ::1), not to `{ $host }`: use "starttls" or "tls"
send-no-password = `smtp_user` is set under [send] but there is no password: put it in KRING_SMTP_PASSWORD, or in a file outside the repository named by KRING_SMTP_PASSWORD_FILE
send-password-in-repository = KRING_SMTP_PASSWORD_FILE must name a file outside the repository, or the password ends up in git: { $file }
send-password-file = cannot read the password file { $file }: { $error }
send-ca-file = cannot read the certificate in { $file }: { $error }
send-tls = cannot set up a secure connection to { $host }: { $error }
mail-subject-update = Changed: { $title }
mail-subject-reminder = Reminder: { $title }
mail-subject-cancellation = Cancelled: { $title }
mail-update = Something has changed. The new invitation is below. Please check the date, the time and the place.
mail-reminder = A reminder: the conference is on { $date }. I am glad you are coming. The invitation is below once more.
mail-cancellation = Dear { $name },

    The conference{ $date ->
        [none] {""}
       *[other] {" "}on { $date }
    } will not take place. You do not need to come. If you have any questions, please get in touch with me.

    Kind regards,
    { $coordinator }
send-sent = { $case }: { $what } sent to `{ $participant }` ({ $address })
send-written = { $case }: { $what } for `{ $participant }` written to { $file }
send-case-done = { $case }: { $written ->
        [0] { $sent } sent
       *[other] { $written } written to the outbox
    }{ $failed ->
        [0] {""}
       *[other] , { $failed } failed
    }{ $uncertain ->
        [0] {""}
       *[other] , { $uncertain } uncertain
    }
## issue 16: letters

letters-title = Letters of { $date }
letters-none = no letters are due
letters-written = wrote { $file }: { $letters ->
        [one] 1 letter
       *[other] { $letters } letters
    } for { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    }; print at 100%, one-sided, and fold in three for a window envelope
letters-recorded = recorded { $letters ->
        [one] 1 letter
       *[other] { $letters } letters
    } as sent by post on { $date } in { $cases ->
        [one] 1 case file
       *[other] { $cases } case files
    }
letters-record-failed = { $case }: the letters were printed but not recorded: { $error }
letters-unchecked = { $file } has errors: no letters from it (see `kring check`)
letters-no-address = { $case }: { $count ->
        [one] { $participants } gets
       *[other] { $participants } get
    } post but no address: no { $what ->
        [invitation] invitation
        [update] changed invitation
        [cancellation] cancellation
       *[plan] plan
    } letter (add an `address`, or an `email`)
letters-long-address = { $case }: the address of { $participant } has { $lines } lines with the name, more than the window holds (6): no { $what ->
        [invitation] invitation
        [update] changed invitation
        [cancellation] cancellation
       *[plan] plan
    } letter
letters-plan-sent = { $case }: the plan went to everyone on { $date } (`plan.sent`): no plan letters
letters-no-reminder = { $case }: reminders go by email only, a letter would arrive too late: none for { $participants }
## issue 17: books

K701-summary = hours, an amount, kilometres or a score are out of range
K701-help = hours are above 0 and at most 24 per entry, amounts and kilometres are not negative, scores run from 1 to 10
K701-hours = { $hours } hours in one entry; it must be above 0 and at most 24 (split longer work over several days)
K701-negative = `{ $key }` is { $value }; it cannot be negative
K701-no-amount = this expense has no `amount` (and, for travel, no `km`)
K701-score = the `{ $key }` score is { $score }; scores run from 1 to 10
K702-summary = a closed case with a held conference lacks its registration
K702-help = add `requester` and `topics` to `[request]`, so that the region can count the case
K702-missing = the case is closed and its conference was held, but `[request]` has no { $missing ->
        [requester] `requester`
        [topics] `topics`
       *[both] `requester` and no `topics`
    }
K703-summary = `follows` names no case of the repository
K703-help = give the id of the earlier case, as its file says it (`kring status` lists them)
K703-unknown = this case follows `{ $id }`, but the repository has no case with that id
K703-itself = a case cannot follow itself; give the id of the earlier case
K704-summary = `funder` is not one of the funders in kring.toml
K704-help = use a key of `[funders]` in kring.toml, or add the funder there
K704-unknown = the funder `{ $funder }` is not in `[funders]` of kring.toml (known: { $keys })
K705-summary = hours or an expense dated before the request or long after closing
K705-help = check the date; hours and expenses belong between the request and { 60 } days after `closed.date`
K705-before = this entry of { $date } is before the request came in ({ $received })
K705-after = this entry of { $date } is more than { $days } days after the case was closed ({ $closed })
unreadable-not-declared = { $file } cannot be read; its hours and expenses are not declared
declare-nothing = nothing to declare for { $month }: no hours, expenses or conferences held that month
declare-nothing-for = nothing to declare for { $month } by { $coordinator }: no hours, expenses or conferences held that month
declare-refused = no declaration for { $coordinator }: fix the errors in their cases first
declare-written = wrote { $files ->
        [one] 1 file
       *[other] { $files } files
    } for { $coordinators ->
        [one] 1 coordinator
       *[other] { $coordinators } coordinators
    } to { $folder }
## render: notes while rendering, and the progress bar

render-bad-case-id = case id `{ $id }` is not valid; nothing rendered
render-no-template = no { $kind ->
        [invitation] invitation
        [checklist] checklist
       *[plan] plan
    } template for language `{ $wanted }`; { $kind ->
        [invitation] the invitation of `{ $participant }` is
        [checklist] the checklist is
       *[plan] the plan is
    } in `{ $chosen }`
progress-rendering = rendering
progress-left = { $eta } left

## Errors of files, folders and git

cannot-create-folder = cannot create folder { $folder }
cannot-open = cannot open { $file }
cannot-lock = cannot lock { $file }
cannot-read-folder = cannot read folder { $folder }
cannot-write = cannot write { $file }
cannot-remove = cannot remove { $file }
cannot-make-temp-folder = cannot create a temporary folder in { $folder }
cannot-make-temp-file = cannot create a temporary file in { $folder }
cannot-set-mode = cannot set the mode of { $file }
cannot-write-csv = cannot write CSV
cannot-write-stdout = cannot write to standard output
already-exists = { $file } already exists; not overwriting it
lock-is-link = { $file } is a symbolic link; not using it as a lock
out-is-link = { $path } is a symbolic link; kring does not write through links in the output folder
not-a-folder = { $path } is not a folder
internal-no-document = internal error: a report without its document
internal-outside-case = internal error: a document outside its case's folder
init-exists = { $folder } already holds a kring.toml; not changing it
git-hook-taken = { $hook } exists and is not kring's, and { $previous } is taken too; not replacing either
git-cannot-move = cannot move { $file } aside
git-cannot-make-executable = cannot make { $file } executable
git-cannot-run = cannot run git
git-not-installed = cannot run git; is it installed?
git-no-pipe = cannot talk to git (no pipe)
git-write-failed = writing to git failed
git-cannot-show = git cannot show the staged { $file }: { $answer }
git-not-a-repository = { $folder } is not in a git repository; start one with `git init`
git-failed = git { $command } failed: { $message }
git-not-utf8 = git printed something that is not UTF-8

## export key

export-make-a-key = make one once, outside the case repository, readable by you only:
    {"  "}mkdir -p ~/.config/kring && (umask 077; head -c 32 /dev/urandom | base64 > ~/.config/kring/export.key)
    then give kring its path with --key-file ~/.config/kring/export.key or KRING_EXPORT_KEY_FILE
    (or the key itself in KRING_EXPORT_KEY). Use the same key for every export, so that each case
    keeps its pseudonym.
export-no-key = no key for the pseudonyms; { $help }
export-key-missing = the key file { $file } does not exist. If this is your first export, make it once, outside the case repository, readable by you only:
    {"  "}{ $mkdir }(umask 077; head -c 32 /dev/urandom | base64 > { $file })
    and give kring the same path again. If you made a key before, give its path: use the same key for every export, so that each case keeps its pseudonym.
export-key-unreadable = cannot read the key file { $file }
export-key-inside = the key file { $file } lies inside the case repository, where it would end up in git and next to the data it protects; move it out, e.g. to ~/.config/kring/export.key
export-anonymised-only = kring export writes anonymised data only; add --anonymised (there is no export with names)
export-key-too-large = { $file } is too large to be a key file; { $help }
export-key-too-short = the key is { $length } bytes long; it must be at least { $least } (make one with `head -c 32 /dev/urandom | base64`)

## Phases and variants in the tables of status and stats (JSON keeps the keys)

phase-request = request
phase-preparation = preparation
phase-scheduled = scheduled
phase-plan = plan
phase-follow-up = follow-up
phase-closed = closed
variant-family = family
variant-restorative = restorative
variant-community = community
variant-learning = learning
variant-all = all
## issue 17: figures and report

figures-attendees-mean = attendees per conference, mean
figures-minors = minors involved
figures-days-shortest = days from request to conference, shortest
figures-hours = hours per conference held, mean
figures-cost = cost per conference held, mean
figures-requesters = requests by requester
figures-topics = topics (share of conferences held)
figures-scores = scores, mean (number of scores)
figures-stopped = closed without a conference
figures-not-recorded = not recorded
figures-requester-person = the person themselves
figures-requester-family = family
figures-requester-school = school
figures-requester-professional = professional
figures-requester-other = other
figures-topic-elderly = elderly
figures-topic-parenting = parenting
figures-topic-divorce = divorce
figures-topic-domestic-violence = domestic violence
figures-topic-child-protection = child protection
figures-topic-disability = disability
figures-topic-harm = harm (restorative)
figures-topic-homelessness = homelessness
figures-topic-illness = illness
figures-topic-mental-health = mental health
figures-topic-addiction = addiction
figures-topic-eviction = eviction
figures-topic-debt = debt
figures-topic-work = work
figures-topic-school = school
figures-topic-neighbourhood = neighbourhood
figures-topic-conflict = conflict
figures-topic-other = other
figures-stopped-plan-already-made = a plan was already made
figures-stopped-situation-changed = the situation changed
figures-stopped-network-too-small = the network was too small
figures-stopped-not-voluntary = not voluntary
figures-stopped-other = other
figures-group-central-minor = central person (minor)
figures-group-central-adult = central person (adult)
figures-group-network = network
figures-group-professional = professionals
figures-score-meeting = meeting
figures-score-plan = plan
figures-score-coordinator = coordinator
figures-variant-family = family
figures-variant-restorative = restorative
figures-variant-community = community
figures-variant-learning = learning
figures-all = all
report-title = Family group conferences { $year }
report-as-of = Figures as of { $date }, from the case files.
report-small = Any figure that rests on fewer than five cases is shown as “< 5”, so that no one can be recognised; the charts leave such bars out.
report-key-figures = Key figures
report-score-meeting = mean score for the meeting
report-score-plan = mean score for the plan
report-score-coordinator = mean score for the coordinator
report-months = Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
report-per-month = Conferences held per month
report-topics = Topics of the conferences held
report-scores = Mean scores per group, from 1 to 10
report-days = Days from request to conference
report-variants = Conferences held per variant
report-by-variant = Figures per variant
report-number = number
report-share = share of conferences held
report-scores-table = Mean scores per group (number of scores)
report-footer = Made with kring from the coordinators' case files. A conference counts in the year of its date, a request in the year it came in. The definitions are in kring's docs/stats.md.
report-written = wrote { $file }
