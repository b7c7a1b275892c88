//! The coordinator's tasks (DESIGN §1 and §6), each ticked from the case file.
//!
//! `kring status` shows the first open task; the rendered checklist shows all.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Case, Date, Participant, Phase, Role, Spanned, Tasks, add_days, is_blank};

/// One task of the coordinator's checklist.
///
/// What is missing is given as keys and names, not as sentences, so that a
/// document template can say it in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    /// Stable key: `inventory`, `informed`, `circle`, `question`, `practical`,
    /// `professionals`, `information`, `conference`, `sent`, `follow-up`,
    /// `registration`.
    pub key: &'static str,
    pub done: bool,
    /// What an open task still lacks, as keys: `participants`, `question`,
    /// `agreement`, `date`, `location`, `arrangements`, `acceptor`. Empty when
    /// the task key says it all.
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

/// A task's words in the checklist, short enough for a column of
/// `kring status` (the checklist's own words, in English, kring's voice on
/// the terminal); `None` for an unknown key.
pub fn short_title(key: &str) -> Option<&'static str> {
    Some(match key {
        "inventory" => "find who can attend",
        "informed" => "inform everyone",
        "circle" => "widen the circle",
        "question" => "agree the question",
        "practical" => "arrange the practical side",
        "professionals" => "prepare the professionals",
        "information" => "professionals' information",
        "conference" => "hold the conference",
        "sent" => "send the plan",
        "follow-up" => "ask how the plan goes",
        "registration" => "register the conference",
        _ => return None,
    })
}

/// All tasks of a case, in the order a coordinator does them.
pub fn tasks(case: &Case) -> Vec<Task> {
    let request = case.request.get_ref();
    let conference = case.conference.as_ref().map(|c| c.get_ref());
    let done_on = case.tasks.as_ref().map(|t| t.get_ref());
    let plan = case.plan.as_ref().map(|p| p.get_ref());
    let attendees: Vec<_> = case.attendees().collect();
    let name = |p: &&Participant| p.name.get_ref().clone();

    let inventory = Task::new(
        "inventory",
        attendees.iter().any(|p| p.role() != Role::Central),
    );

    let informed = if attendees.is_empty() {
        Task::waiting("informed", vec!["participants"], Vec::new())
    } else {
        let unprepared = attendees.iter().filter(|p| p.prepared.is_none());
        Task::waiting("informed", Vec::new(), unprepared.map(name).collect())
    };

    let day = |d: &Option<Spanned<Date>>| d.as_ref().map(|d| d.get_ref().0);
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
        practical.push("arrangements");
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
    let professionals = Task::waiting(
        "professionals",
        professionals_missing,
        to_prepare.iter().map(name).collect(),
    );

    let information = Task::on("information", done_date(|t| &t.information));
    let recorded = Task::on("conference", plan.map(|p| p.recorded.get_ref().0));
    let sent = Task::on("sent", case.plan_sent());
    let followup = Task::on("follow-up", case.followup_done());
    let registration = Task::on("registration", done_date(|t| &t.registration));

    vec![
        inventory,
        informed,
        circle,
        question,
        practical,
        professionals,
        information,
        recorded,
        sent,
        followup,
        registration,
    ]
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
        let keys = [
            "inventory",
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
            assert!(short_title(key).is_some(), "{key}");
        }
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
        assert_eq!(t.len(), 11);
        assert_eq!(t[0].key, "inventory");
        let done: Vec<_> = t.iter().filter(|t| t.done).map(|t| t.key).collect();
        assert_eq!(done, ["professionals"], "no professionals to prepare yet");
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
        ));
        let t = tasks(&c);
        let open: Vec<_> = t.iter().filter(|t| !t.done).map(|t| t.key).collect();
        assert_eq!(
            open,
            [
                "informed",
                "information",
                "conference",
                "sent",
                "follow-up",
                "registration"
            ]
        );
        assert_eq!(t[1].people, ["Oma"]);
        assert_eq!(t[3].missing, Vec::<&str>::new());
        assert_eq!(t[4].missing, Vec::<&str>::new());
        let today = "2026-09-30".parse().unwrap();
        assert_eq!(due(&c, c.phase(today), 28), None, "no coordinator yet");
    }
}
