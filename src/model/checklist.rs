//! The coordinator's tasks (DESIGN §1 and §6), each ticked from the case file.
//!
//! `kring status` shows the first open task; the rendered checklist shows all.

use chrono::NaiveDate;
use serde::Serialize;

use crate::messages::{Lang, Message};
use crate::model::{Case, Date, Participant, Phase, Role, Spanned, Tasks, add_days, is_blank};

/// One task of the coordinator's checklist.
///
/// What is missing is given as keys and names, not as sentences, so that a
/// document template can say it in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    /// Stable key: `inventory`, `consent`, `chosen` (learning), `informed`,
    /// `circle`, `question`, `practical`, `professionals`, `information`,
    /// `conference`, `accepted` (compulsory help), `sent`, `workplan`
    /// (learning), `follow-up`, `registration`.
    pub key: &'static str,
    pub done: bool,
    /// What an open task still lacks, as keys: `participants`, `question`,
    /// `agreement`, `date`, `location`, `arrangements` (nothing arranged
    /// yet), `practical` (arrangements listed, `tasks.practical` not set),
    /// `acceptor`, `coordinator`, `requester`, `topics`, `evaluation`.
    /// Empty when the task key says it all.
    pub missing: Vec<&'static str>,
    /// The people an open task still waits for (names): participants not yet
    /// prepared.
    pub people: Vec<String>,
    /// When the task was done, if the case file says.
    pub date: Option<NaiveDate>,
}

impl Task {
    fn new(key: &'static str, done: bool) -> Self {
        Task {
            key,
            done,
            missing: Vec::new(),
            people: Vec::new(),
            date: None,
        }
    }

    /// A task that is done once the case file records its date.
    fn on(key: &'static str, date: Option<NaiveDate>) -> Self {
        Task {
            date,
            ..Task::new(key, date.is_some())
        }
    }

    fn dated(mut self, date: Option<NaiveDate>) -> Self {
        self.date = if self.done { date } else { None };
        self
    }

    fn waiting(key: &'static str, missing: Vec<&'static str>, people: Vec<String>) -> Self {
        Task {
            key,
            done: missing.is_empty() && people.is_empty(),
            missing,
            people,
            date: None,
        }
    }
}

/// Every task's key, in the order of the checklist.
pub const TASK_KEYS: [&str; 15] = [
    "inventory",
    "consent",
    "chosen",
    "informed",
    "circle",
    "question",
    "practical",
    "professionals",
    "information",
    "conference",
    "accepted",
    "sent",
    "workplan",
    "follow-up",
    "registration",
];

/// A task's words in the checklist, short enough for a column of
/// `kring status`, in `lang` (message `task-<key>`); `None` for an
/// unknown key.
pub fn short_title(key: &str, lang: Lang) -> Option<String> {
    TASK_KEYS
        .contains(&key)
        .then(|| Message::dynamic(format!("task-{key}")).in_lang(lang))
}

/// All tasks of a case, in the order a coordinator does them.
pub fn tasks(case: &Case) -> Vec<Task> {
    let request = case.request.get_ref();
    let conference = case.conference.as_ref().map(|c| c.get_ref());
    let done_on = case.tasks.as_ref().map(|t| t.get_ref());
    let plan = case.plan.as_ref().map(|p| p.get_ref());
    let attendees: Vec<_> = case.attendees().collect();
    let name = |p: &&Participant| p.name.get_ref().clone();

    // Names the requester gave are not yet an inventory: it is done once a
    // coordinator has asked someone beyond the central person.
    let inventory =
        Task::new(
            "inventory",
            case.coordinator.is_some()
                && case.participants.iter().map(|p| p.get_ref()).any(|p| {
                    p.role() != Role::Central && p.status() != crate::model::Status::Proposed
                }),
        );
    let consent = Task::on("consent", day_of(&request.consent));
    let learning = case.variant() == crate::model::Variant::Learning;
    let pupil = attendees.iter().find(|p| p.role() == Role::Central);
    let chosen = pupil.map(|pupil| {
        let others: Vec<&&Participant> = attendees
            .iter()
            .filter(|p| p.role() != Role::Central && !p.role().is_professional())
            .collect();
        let not_chosen = others.iter().filter(|p| {
            p.invited_by
                .as_ref()
                .is_none_or(|by| by.get_ref() != pupil.id())
        });
        let people: Vec<String> = not_chosen.map(|p| name(p)).collect();
        let missing = if others.is_empty() {
            vec!["participants"]
        } else {
            Vec::new()
        };
        Task::waiting("chosen", missing, people)
    });

    let informed = if attendees.is_empty() {
        Task::waiting("informed", vec!["participants"], Vec::new())
    } else {
        let unprepared = attendees.iter().filter(|p| p.prepared.is_none());
        Task::waiting("informed", Vec::new(), unprepared.map(name).collect())
    };

    let day = day_of;
    let done_date = |pick: fn(&Tasks) -> &Option<Spanned<Date>>| done_on.and_then(|t| day(pick(t)));
    let circle = Task::on("circle", done_date(|t| &t.circle));

    let question = if is_blank(request.question.as_ref().map(|q| q.get_ref().as_str())) {
        vec!["question"]
    } else if request.question_agreed.is_none() {
        vec!["agreement"]
    } else {
        Vec::new()
    };
    let question =
        Task::waiting("question", question, Vec::new()).dated(day(&request.question_agreed));

    let mut practical = Vec::new();
    if conference.and_then(|c| c.date.as_ref()).is_none() {
        practical.push("date");
    }
    if is_blank(
        conference
            .and_then(|c| c.location.as_ref())
            .map(|l| l.get_ref().as_str()),
    ) {
        practical.push("location");
    }
    if done_on.and_then(|t| t.practical.as_ref()).is_none() {
        let listed = conference.is_some_and(|c| !c.arrangements.is_empty());
        practical.push(if listed { "practical" } else { "arrangements" });
    }
    let practical =
        Task::waiting("practical", practical, Vec::new()).dated(done_date(|t| &t.practical));

    let mut to_prepare: Vec<&Participant> = attendees
        .iter()
        .copied()
        .filter(|p| p.role().is_professional() && p.prepared.is_none())
        .collect();
    let mut professionals_missing = Vec::new();
    if case.is_compulsory() {
        let acceptor = request
            .acceptor
            .as_ref()
            .and_then(|a| case.participant(a.get_ref()));
        match acceptor {
            None => professionals_missing.push("acceptor"),
            Some(p) if p.prepared.is_none() && !to_prepare.iter().any(|q| q.id() == p.id()) => {
                to_prepare.push(p);
            }
            Some(_) => {}
        }
    }
    if case.coordinator.is_none() {
        professionals_missing.push("coordinator");
    }
    let professionals = Task::waiting(
        "professionals",
        professionals_missing,
        to_prepare.iter().map(name).collect(),
    );

    let information = Task::on("information", done_date(|t| &t.information));
    let recorded = Task::on("conference", plan.map(|p| p.recorded.get_ref().0));
    let accepted = case.is_compulsory().then(|| {
        let acceptance = plan
            .and_then(|p| p.acceptance.as_ref())
            .map(|a| a.get_ref());
        let yes = acceptance.filter(|a| *a.accepted.get_ref());
        Task::new("accepted", yes.is_some()).dated(yes.and_then(|a| day(&a.date)))
    });
    let sent = Task::on("sent", case.plan_sent());
    let workplan = learning.then(|| Task::on("workplan", done_date(|t| &t.workplan)));
    let followup = Task::on("follow-up", case.followup_done());
    // Registered: who asked and what it is about, and after a conference
    // (its plan recorded) the evaluation, or the date it was registered
    // elsewhere (`tasks.registration`).
    let registered_on = done_date(|t| &t.registration);
    let mut registration = Vec::new();
    if request.requester.is_none() {
        registration.push("requester");
    }
    if request.topics.is_empty() {
        registration.push("topics");
    }
    if plan.is_some() && case.evaluations.is_empty() && registered_on.is_none() {
        registration.push("evaluation");
    }
    let registration = Task::waiting("registration", registration, Vec::new()).dated(registered_on);

    let mut all = vec![inventory, consent];
    all.extend(chosen.filter(|_| learning));
    all.extend([
        informed,
        circle,
        question,
        practical,
        professionals,
        information,
        recorded,
    ]);
    all.extend(accepted);
    all.push(sent);
    all.extend(workplan);
    all.extend([followup, registration]);
    all
}

fn day_of(d: &Option<Spanned<Date>>) -> Option<NaiveDate> {
    d.as_ref().map(|d| d.get_ref().0)
}

/// The next date that matters for a case in its phase: the conference while
/// it is ahead, the plan's deadline after it, the follow-up once the plan is
/// out; none before a date is set or after closing.
pub fn due(case: &Case, phase: Phase, followup_days: u32) -> Option<NaiveDate> {
    match phase {
        Phase::Request | Phase::Preparation | Phase::Closed => None,
        Phase::Scheduled => case.conference_date(),
        Phase::Plan => add_days(case.conference_date()?, 2),
        Phase::FollowUp => case.followup_due(followup_days),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_task_has_its_short_title() {
        for lang in Lang::ALL {
            let ids = crate::messages::ids(lang);
            for key in TASK_KEYS {
                assert!(
                    ids.contains(&format!("task-{key}")),
                    "task-{key} in {}",
                    lang.as_str()
                );
            }
        }
        let keys = [
            "inventory",
            "consent",
            "informed",
            "circle",
            "question",
            "practical",
            "professionals",
            "information",
            "conference",
            "sent",
            "follow-up",
            "registration",
        ];
        for key in keys {
            assert!(TASK_KEYS.contains(&key), "{key}");
        }
        assert_eq!(
            short_title("sent", Lang::Nl).as_deref(),
            Some("plan versturen")
        );
        let case: Case = toml::from_str(
            "id = \"c\"\nvariant = \"community\"\n[request]\nreceived = 2026-09-01\n",
        )
        .unwrap();
        let got: Vec<&str> = tasks(&case).iter().map(|t| t.key).collect();
        assert_eq!(got, keys);
    }

    fn case(src: &str) -> Case {
        toml::from_str(src).expect("test case parses")
    }

    #[test]
    fn a_new_request_starts_with_the_inventory() {
        let c = case("id = \"c\"\nvariant = \"family\"\n[request]\nreceived = 2026-09-01\n");
        let t = tasks(&c);
        assert_eq!(t.len(), 12);
        assert_eq!(t[0].key, "inventory");
        let done: Vec<_> = t.iter().filter(|t| t.done).map(|t| t.key).collect();
        assert!(done.is_empty(), "nothing is ticked by default: {done:?}");
        let c = case(concat!(
            "id = \"c\"\nvariant = \"learning\"\n[request]\nreceived = 2026-09-01\ncompulsory = true\n",
            "[[participant]]\nid = \"sam\"\nname = \"Sam\"\nrole = \"central\"\n",
            "[[participant]]\nid = \"oma\"\nname = \"Oma\"\nrole = \"family\"\ninvited_by = \"sam\"\n",
        ));
        let keys: Vec<_> = tasks(&c).iter().map(|t| t.key).collect();
        assert!(
            keys.contains(&"chosen") && keys.contains(&"workplan") && keys.contains(&"accepted")
        );
        assert!(tasks(&c).iter().find(|t| t.key == "chosen").unwrap().done);
    }

    #[test]
    fn ticks_follow_the_file() {
        let c = case(concat!(
            "id = \"c\"\nvariant = \"family\"\n",
            "[request]\nreceived = 2026-09-01\nquestion = \"Hoe verder?\"\nquestion_agreed = 2026-09-05\n",
            "[conference]\ndate = 2026-10-01\nlocation = \"Buurthuis\"\n",
            "[tasks]\ncircle = 2026-09-10\npractical = 2026-09-20\n",
            "[[participant]]\nid = \"sam\"\nname = \"Sam\"\nrole = \"central\"\nprepared = 2026-09-10\n",
            "[[participant]]\nid = \"oma\"\nname = \"Oma\"\nrole = \"family\"\n",
            "[coordinator]\nname = \"C\"\nassigned = 2026-09-02\nindependent = true\n",
        ));
        let t = tasks(&c);
        let open: Vec<_> = t.iter().filter(|t| !t.done).map(|t| t.key).collect();
        assert_eq!(
            open,
            [
                "inventory",
                "consent",
                "informed",
                "information",
                "conference",
                "sent",
                "follow-up",
                "registration"
            ]
        );
        assert_eq!(t[2].people, ["Oma"]);
        assert_eq!(t[4].missing, Vec::<&str>::new());
        assert_eq!(t[5].missing, Vec::<&str>::new());
    }

    #[test]
    fn registration_asks_for_requester_topics_and_after_the_plan_an_evaluation() {
        let registration = |extra: &str| {
            let text = format!(
                "id = \"c\"\nvariant = \"community\"\n[request]\nreceived = 2026-09-01\n{extra}"
            );
            let case: Case = toml::from_str(&text).unwrap();
            let task = tasks(&case).pop().unwrap();
            assert_eq!(task.key, "registration");
            (task.done, task.missing, task.date)
        };
        assert_eq!(registration(""), (false, vec!["requester", "topics"], None));
        let asked = "requester = \"school\"\ntopics = [\"school\"]\n";
        assert_eq!(registration(asked), (true, vec![], None));
        let planned = format!("{asked}[plan]\nrecorded = 2026-10-01\n");
        assert_eq!(registration(&planned), (false, vec!["evaluation"], None));
        let evaluated = format!("{planned}[[evaluation]]\ngroup = \"network\"\nmeeting = 8\n");
        assert_eq!(registration(&evaluated), (true, vec![], None));
        let registered =
            format!("{asked}[tasks]\nregistration = 2026-10-20\n[plan]\nrecorded = 2026-10-01\n");
        let day = NaiveDate::from_ymd_opt(2026, 10, 20);
        assert_eq!(registration(&registered), (true, vec![], day));
    }
}
