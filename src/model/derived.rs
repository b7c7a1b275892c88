//! Values derived from a case, never stored in it (DESIGN §3, "Derived values").

use chrono::{Days, NaiveDate};

use super::{Case, Date, PartKind, Participant, Role, Status, Variant};

/// The parts a professional or school participant attends by default.
pub const ROLE_PROFESSIONAL_PARTS: [PartKind; 2] = [PartKind::Information, PartKind::Plan];

const CLASSIC_PARTS: [PartKind; 3] = [PartKind::Information, PartKind::FamilyTime, PartKind::Plan];

/// Where a case stands; derived from its dates and today, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Request,
    Preparation,
    Scheduled,
    Plan,
    FollowUp,
    Closed,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Request => "request",
            Phase::Preparation => "preparation",
            Phase::Scheduled => "scheduled",
            Phase::Plan => "plan",
            Phase::FollowUp => "follow-up",
            Phase::Closed => "closed",
        }
    }
}

impl Variant {
    /// The parts a conference of this variant has when the case lists none.
    pub fn default_parts(self) -> &'static [PartKind] {
        match self {
            Variant::Learning => &[PartKind::Conversation],
            _ => &CLASSIC_PARTS,
        }
    }
}

impl Participant {
    pub fn status(&self) -> Status {
        self.status
            .as_ref()
            .map_or(Status::Proposed, |s| *s.get_ref())
    }

    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    pub fn role(&self) -> Role {
        *self.role.get_ref()
    }

    pub fn declined(&self) -> bool {
        self.status() == Status::Declined
    }

    /// Invited or confirmed: the person has been asked to come.
    pub fn is_invited(&self) -> bool {
        matches!(self.status(), Status::Invited | Status::Confirmed)
    }

    pub fn has_contact(&self) -> bool {
        [self.email(), self.phone.as_deref(), self.address.as_deref()]
            .iter()
            .any(|field| !super::is_blank(*field))
    }

    /// The email address, as written.
    pub fn email(&self) -> Option<&str> {
        self.email.as_ref().map(|e| e.get_ref().as_str())
    }

    /// The name the person goes by: `known_as`, else the first word of
    /// `name` (DESIGN §9.1).
    pub fn known_as(&self) -> &str {
        match &self.known_as {
            Some(k) if !k.get_ref().trim().is_empty() => k.get_ref().trim(),
            _ => {
                let name = self.name.get_ref().trim();
                name.split_whitespace().next().unwrap_or(name)
            }
        }
    }

    /// Whether letters say "u" (true) or "je" (false): `formal`, else true
    /// for professional, school and interpreter.
    pub fn is_formal(&self) -> bool {
        self.formal
            .unwrap_or(self.role().is_professional() || self.role() == Role::Interpreter)
    }

    /// Age in whole years on `on`, when `born` is known.
    pub fn age_on(&self, on: NaiveDate) -> Option<u32> {
        on.years_since(self.born.as_ref()?.get_ref().0)
    }

    /// A child under 12 on `on` (DESIGN §9.1), when `born` is known.
    pub fn is_child_on(&self, on: Option<NaiveDate>) -> bool {
        on.and_then(|on| self.age_on(on))
            .is_some_and(|age| age < 12)
    }

    /// Whether this person takes part in a part of the given kind.
    ///
    /// Declined participants attend nothing; everyone else attends a
    /// `conversation`; otherwise the person's own `parts` list decides, or the
    /// role's default parts when there is none.
    pub fn attends(&self, kind: PartKind) -> bool {
        if self.declined() {
            return false;
        }
        if kind == PartKind::Conversation {
            return true;
        }
        match &self.parts {
            Some(parts) => parts.get_ref().contains(&kind),
            None if self.role().is_professional() => ROLE_PROFESSIONAL_PARTS.contains(&kind),
            None => true,
        }
    }
}

impl Case {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    pub fn variant(&self) -> Variant {
        *self.variant.get_ref()
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants
            .iter()
            .map(|p| p.get_ref())
            .find(|p| p.id() == id)
    }

    /// Participants who have not declined.
    pub fn attendees(&self) -> impl Iterator<Item = &Participant> {
        self.participants
            .iter()
            .map(|p| p.get_ref())
            .filter(|p| !p.declined())
    }

    /// The kinds of the conference's parts: the listed ones, else the variant's default.
    pub fn part_kinds(&self) -> Vec<PartKind> {
        match self.conference.as_ref().map(|c| &c.get_ref().parts) {
            Some(parts) if !parts.is_empty() => {
                parts.iter().map(|p| *p.get_ref().kind.get_ref()).collect()
            }
            _ => self.variant().default_parts().to_vec(),
        }
    }

    pub fn conference_date(&self) -> Option<NaiveDate> {
        let conference = self.conference.as_ref()?.get_ref();
        conference.date.as_ref().map(|d| d.get_ref().0)
    }

    pub fn is_compulsory(&self) -> bool {
        self.request
            .get_ref()
            .compulsory
            .as_ref()
            .is_some_and(|c| *c.get_ref())
    }

    pub fn plan_sent(&self) -> Option<NaiveDate> {
        let plan = self.plan.as_ref()?.get_ref();
        plan.sent.as_ref().map(|d| d.get_ref().0)
    }

    pub fn followup_done(&self) -> Option<NaiveDate> {
        let followup = self.followup.as_ref()?.get_ref();
        followup.done.as_ref().map(|d| d.get_ref().0)
    }

    /// The date the four-week check is due: conference date + `followup_days`.
    pub fn followup_due(&self, followup_days: u32) -> Option<NaiveDate> {
        add_days(self.conference_date()?, followup_days)
    }

    /// The follow-up's due date is before `today` and no follow-up is
    /// recorded (the documents' `followup.overdue`; rule K307 also asks
    /// that the case is not closed).
    pub fn followup_overdue(&self, followup_days: u32, today: NaiveDate) -> bool {
        self.followup_done().is_none()
            && self
                .followup_due(followup_days)
                .is_some_and(|due| due < today)
    }

    /// The date of the conference when it counts as held as of `today`: it
    /// has a date before today or a recorded plan, and the case was not
    /// closed as cancelled or withdrawn without a plan. The same test as
    /// `kring stats` makes (`region::stats::facts`).
    pub fn held_conference(&self, today: NaiveDate) -> Option<NaiveDate> {
        let date = self.conference_date()?;
        let took_place = date < today || self.plan.is_some();
        let called_off = self.closed.as_ref().is_some_and(|c| {
            matches!(
                c.get_ref().reason,
                Some(super::ClosingReason::Cancelled | super::ClosingReason::Withdrawn)
            )
        });
        (took_place && (self.plan.is_some() || !called_off)).then_some(date)
    }

    /// `closed.date`, else `followup.done`.
    pub fn closing_date(&self) -> Option<NaiveDate> {
        self.closed
            .as_ref()
            .and_then(|c| c.get_ref().date.as_ref().map(|d| d.get_ref().0))
            .or_else(|| self.followup_done())
    }

    /// Closed: a `[closed]` table, or the follow-up done. Phase
    /// [`Phase::Closed`] and every count of open cases follow this.
    pub fn is_closed(&self) -> bool {
        self.closed.is_some() || self.followup_done().is_some()
    }

    pub fn is_open(&self) -> bool {
        !self.is_closed()
    }

    pub fn phase(&self, today: NaiveDate) -> Phase {
        if self.is_closed() {
            Phase::Closed
        } else if self.coordinator.is_none() {
            Phase::Request
        } else {
            match self.conference_date() {
                None => Phase::Preparation,
                Some(date) if date >= today => Phase::Scheduled,
                Some(_) if self.plan_sent().is_none() => Phase::Plan,
                Some(_) => Phase::FollowUp,
            }
        }
    }

    /// The language of this participant's documents: their own, else the
    /// case's, else the repository's.
    pub fn language_of<'a>(&'a self, participant: &'a Participant, default: &'a str) -> &'a str {
        participant
            .language
            .as_ref()
            .or(self.language.as_ref())
            .map_or(default, |l| l.get_ref().as_str())
    }

    /// How far the invitations went, from the `[[sent]]` record: of the
    /// participants not declined, how many were sent an invitation (or an
    /// update), and how many of those by post.
    pub fn invitations_sent(&self) -> Delivery {
        let mut delivery = Delivery::default();
        for p in self.attendees() {
            delivery.of += 1;
            let last = self.sent.iter().map(|s| s.get_ref()).rfind(|s| {
                s.to.get_ref() == p.id()
                    && *s.state.get_ref() == super::SentState::Sent
                    && matches!(
                        s.what.get_ref(),
                        super::SentWhat::Invitation | super::SentWhat::Update
                    )
            });
            if let Some(s) = last {
                delivery.sent += 1;
                if *s.via.get_ref() == super::Via::Post {
                    delivery.by_post += 1;
                }
            }
        }
        delivery
    }

    /// Whether minors are involved (DESIGN §9.3): `request.minors` when
    /// given; else whether a participant (whatever their status) was under
    /// 18 on the conference date, or on the request date when there is
    /// none. `None` when it is not given and no participant has a `born` on
    /// or before that date.
    pub fn minors(&self) -> Option<bool> {
        let request = self.request.get_ref();
        if let Some(minors) = request.minors {
            return Some(minors);
        }
        let on = self
            .conference_date()
            .unwrap_or(request.received.get_ref().0);
        let mut ages = self
            .participants
            .iter()
            .filter_map(|p| p.get_ref().age_on(on))
            .peekable();
        ages.peek()?;
        Some(ages.any(|age| age < 18))
    }

    /// The languages the coordinator speaks (`["nl"]` when not given).
    pub fn coordinator_languages(&self) -> Option<Vec<&str>> {
        let coordinator = self.coordinator.as_ref()?.get_ref();
        Some(match &coordinator.languages {
            Some(list) => list.get_ref().iter().map(String::as_str).collect(),
            None => vec!["nl"],
        })
    }
}

/// How far a case's invitations went ([`Case::invitations_sent`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Delivery {
    /// Participants sent an invitation.
    pub sent: usize,
    /// Participants not declined.
    pub of: usize,
    /// Of those sent, how many by post.
    pub by_post: usize,
}

/// `date + days`, or `None` past the end of the calendar.
pub fn add_days(date: NaiveDate, days: u32) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(u64::from(days)))
}

impl From<Date> for NaiveDate {
    fn from(date: Date) -> Self {
        date.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(extra: &str) -> Case {
        let src =
            format!("id = \"c\"\nvariant = \"family\"\n[request]\nreceived = 2026-09-01\n{extra}");
        toml::from_str(&src).expect("test case parses")
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn phases_follow_the_dates() {
        let today = day("2026-10-01");
        assert_eq!(case("").phase(today), Phase::Request);
        let coordinator =
            "[coordinator]\nname = \"F\"\nassigned = 2026-09-02\nindependent = true\n";
        assert_eq!(case(coordinator).phase(today), Phase::Preparation);
        let scheduled = format!("{coordinator}[conference]\ndate = 2026-10-01\n");
        assert_eq!(case(&scheduled).phase(today), Phase::Scheduled);
        assert_eq!(case(&scheduled).phase(day("2026-10-02")), Phase::Plan);
        let sent = format!("{scheduled}[plan]\nrecorded = 2026-10-01\nsent = 2026-10-02\n");
        assert_eq!(case(&sent).phase(day("2026-10-05")), Phase::FollowUp);
        let done = format!("{sent}[followup]\ndone = 2026-10-29\n");
        assert_eq!(case(&done).phase(day("2026-10-30")), Phase::Closed);
        assert_eq!(
            case("[closed]\nreason = \"withdrawn\"\n").phase(today),
            Phase::Closed
        );
    }

    #[test]
    fn attendance_by_role_and_parts() {
        let c = case(concat!(
            "[[participant]]\nid = \"a\"\nname = \"A\"\nrole = \"professional\"\n",
            "[[participant]]\nid = \"b\"\nname = \"B\"\nrole = \"family\"\n",
            "[[participant]]\nid = \"c\"\nname = \"C\"\nrole = \"family\"\nparts = [\"plan\"]\n",
            "[[participant]]\nid = \"d\"\nname = \"D\"\nrole = \"family\"\nstatus = \"declined\"\n",
        ));
        let [a, b, c2, d] = [0, 1, 2, 3].map(|i| c.participants[i].get_ref());
        assert!(a.attends(PartKind::Information) && !a.attends(PartKind::FamilyTime));
        assert!(b.attends(PartKind::FamilyTime));
        assert!(c2.attends(PartKind::Plan) && !c2.attends(PartKind::Information));
        assert!(a.attends(PartKind::Conversation));
        assert!(!d.attends(PartKind::Plan) && !d.attends(PartKind::Conversation));
        assert_eq!(b.known_as(), "B");
        assert!(a.is_formal() && !b.is_formal());
    }

    #[test]
    fn names_forms_of_address_and_age() {
        let c = case(concat!(
            "[[participant]]\nid = \"a\"\nname = \"Anaïs Bakker-van der Velde\"\nrole = \"family\"\nborn = 2016-04-03\n",
            "[[participant]]\nid = \"b\"\nname = \"Riet de Groot\"\nknown_as = \"oma Riet\"\nrole = \"family\"\nformal = true\n",
            "[[participant]]\nid = \"c\"\nname = \"Eva\"\nrole = \"interpreter\"\nformal = false\n",
        ));
        let [a, b, c2] = [0, 1, 2].map(|i| c.participants[i].get_ref());
        assert_eq!(a.known_as(), "Anaïs");
        assert_eq!(b.known_as(), "oma Riet");
        assert!(!a.is_formal() && b.is_formal() && !c2.is_formal());
        assert_eq!(a.age_on(day("2026-09-19")), Some(10));
        assert!(a.is_child_on(Some(day("2028-04-02"))));
        assert!(!a.is_child_on(Some(day("2028-04-03"))));
        assert!(!b.is_child_on(Some(day("2026-01-01"))));
        assert!(!a.is_child_on(None));
    }

    #[test]
    fn followup_due_and_default_parts() {
        let c = case("[conference]\ndate = 2026-10-12\n");
        assert_eq!(c.followup_due(28), Some(day("2026-11-09")));
        assert_eq!(c.part_kinds(), CLASSIC_PARTS.to_vec());
        assert_eq!(Variant::Learning.default_parts(), &[PartKind::Conversation]);
    }
}
