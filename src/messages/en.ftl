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
K210-summary = in a learning case, someone else than the pupil invited a participant
K210-help = in a learning conference the pupil decides who is invited: set `invited_by` to the pupil
K211-summary = the circle has fewer than 3 people
K211-help = widen the circle: ask everyone who else can help, and add them as participants
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
