//! The coordinator's tasks (DESIGN §1 and §6), each ticked from the case file.
//!
//! `kring status` shows the first open task; the rendered checklist shows all.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Case, Phase, Role, add_days, is_blank};

/// One task of the coordinator's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    /// Stable key: `inventory`, `informed`, `circle`, `question`, `practical`,
    /// `professionals`, `information`, `conference`, `sent`, `follow-up`,
    /// `registration`.
    pub key: &'static str,
    pub done: bool,
    /// What is missing, for an open task.
    pub missing: Option<String>,
}

fn task(key: &'static str, missing: Option<String>) -> Task {
    Task {
        key,
        done: missing.is_none(),
        missing,
    }
}

/// All tasks of a case, in the order a coordinator does them.
pub fn tasks(case: &Case) -> Vec<Task> {
    let request = case.request.get_ref();
    let conference = case.conference.as_ref().map(|c| c.get_ref());
    let tasks_done = case.tasks.as_ref().map(|t| t.get_ref());
    let plan = case.plan.as_ref().map(|p| p.get_ref());
    let attendees: Vec<_> = case.attendees().collect();

    let inventory = (!case.attendees().any(|p| p.role() != Role::Central))
        .then(|| "list the people around the central person as participants".to_string());

    let unprepared: Vec<&str> = attendees
        .iter()
        .filter(|p| p.prepared.is_none())
        .map(|p| p.name.get_ref().as_str())
        .collect();
    let informed = if attendees.is_empty() {
        Some("no participants yet".to_string())
    } else {
        (!unprepared.is_empty()).then(|| format!("not yet prepared: {}", unprepared.join(", ")))
    };

    let circle = tasks_done
        .and_then(|t| t.circle.as_ref())
        .is_none()
        .then(|| "ask everyone who else can help, then set `tasks.circle`".to_string());

    let question_missing = is_blank(request.question.as_ref().map(|q| q.get_ref().as_str()));
    let question = match (question_missing, request.question_agreed.is_some()) {
        (true, _) => Some("write down the question in `request.question`".to_string()),
        (false, false) => Some(
            "agree the question with the requester, then set `request.question_agreed`".to_string(),
        ),
        (false, true) => None,
    };

    let mut practical_missing = Vec::new();
    if conference.and_then(|c| c.date.as_ref()).is_none() {
        practical_missing.push("a date");
    }
    if is_blank(
        conference
            .and_then(|c| c.location.as_ref())
            .map(|l| l.get_ref().as_str()),
    ) {
        practical_missing.push("a location");
    }
    if tasks_done.and_then(|t| t.practical.as_ref()).is_none() {
        practical_missing.push("food, drink and other arrangements (`tasks.practical`)");
    }
    let practical = (!practical_missing.is_empty())
        .then(|| format!("still needed: {}", practical_missing.join(", ")));

    let mut professionals_missing: Vec<String> = attendees
        .iter()
        .filter(|p| p.role().is_professional() && p.prepared.is_none())
        .map(|p| format!("prepare {}", p.name.get_ref()))
        .collect();
    if case.is_compulsory() {
        let acceptor = request
            .acceptor
            .as_ref()
            .and_then(|a| case.participant(a.get_ref()));
        match acceptor {
            None => professionals_missing
                .push("name the professional who accepts the plan (`request.acceptor`)".into()),
            Some(p) if p.prepared.is_none() && !p.role().is_professional() => professionals_missing
                .push(format!(
                    "prepare {}, who accepts the plan",
                    p.name.get_ref()
                )),
            Some(_) => {}
        }
    }
    let professionals =
        (!professionals_missing.is_empty()).then(|| professionals_missing.join("; "));

    let information = tasks_done
        .and_then(|t| t.information.as_ref())
        .is_none()
        .then(|| {
            "make sure the professionals' information is ready, then set `tasks.information`"
                .to_string()
        });

    let recorded = plan
        .is_none()
        .then(|| "hold the conference and record the plan in [plan]".to_string());
    let sent = plan
        .and_then(|p| p.sent.as_ref())
        .is_none()
        .then(|| "send the plan to all participants, then set `plan.sent`".to_string());
    let followup = case.followup_done().is_none().then(|| {
        "after four weeks, ask a few people how the plan is going; record it in [followup]"
            .to_string()
    });
    let registration = tasks_done
        .and_then(|t| t.registration.as_ref())
        .is_none()
        .then(|| "register the conference, then set `tasks.registration`".to_string());

    vec![
        task("inventory", inventory),
        task("informed", informed),
        task("circle", circle),
        task("question", question),
        task("practical", practical),
        task("professionals", professionals),
        task("information", information),
        task("conference", recorded),
        task("sent", sent),
        task("follow-up", followup),
        task("registration", registration),
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
        assert_eq!(t[1].missing.as_deref(), Some("not yet prepared: Oma"));
        let today = "2026-09-30".parse().unwrap();
        assert_eq!(due(&c, c.phase(today), 28), None, "no coordinator yet");
    }
}
