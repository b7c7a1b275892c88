//! Calendar files (RFC 5545) for invitations: one event for one
//! participant's own part of the conference.
//!
//! Written with calcard, which also builds the VTIMEZONE (with its STANDARD
//! and DAYLIGHT observances) from the IANA time zone database, so that a
//! calendar shows the right local time wherever it is opened. calcard does
//! all the iCalendar syntax: escaping, line folding at 75 octets, CRLF.
//!
//! Choices:
//! - The VTIMEZONE covers a year either side of the event's date, so it
//!   holds the observance in force on that date and the rules around it.
//! - "UTC" and "Etc/UTC" are treated like any other zone: a VTIMEZONE with
//!   a single STANDARD observance at +0000, and local times with TZID. That
//!   is valid RFC 5545 and keeps one code path.
//! - A local time that does not exist in the zone (the hour skipped when
//!   daylight saving time starts) is still written as is, with TZID;
//!   RFC 5545 (3.3.5) says how calendars read it.
//! - A zone calcard does not know (it should not happen: the zone was
//!   validated) gets no VTIMEZONE, and the times are written as floating
//!   local times, without TZID, so that the file stays valid.
//! - Text keeps line breaks and tabs; other control characters have no
//!   place in a calendar and are dropped. Nothing here panics.

use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarMethod,
    ICalendarParameter, ICalendarProperty, ICalendarValue,
};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// How far the VTIMEZONE reaches either side of the event, in seconds.
const ZONE_MARGIN: i64 = 366 * 24 * 3600;

/// One participant's own time at a conference.
pub struct Event<'a> {
    /// `<case id>.<participant id>@kring`: stable, so that a calendar
    /// updates the event when the invitation is sent again.
    pub uid: &'a str,
    /// The conference date.
    pub date: NaiveDate,
    /// When this participant's first part starts.
    pub start: NaiveTime,
    /// When this participant's last part ends (after `start`).
    pub end: NaiveTime,
    /// DTSTAMP is this date at 00:00:00 UTC. It comes from the case, not
    /// the clock, so that the same case always gives the same bytes.
    pub stamp: NaiveDate,
    /// The title of the event.
    pub summary: &'a str,
    /// Location and address, already joined; no LOCATION when `None`.
    pub location: Option<&'a str>,
    /// Free text: any Unicode, line breaks, commas, semicolons, backslashes.
    pub description: &'a str,
}

/// What the calendar files of one conference share: the VCALENDAR and the
/// VTIMEZONE for its date, built and written once. Each participant's
/// VEVENT, written by calcard on its own, goes before the END:VCALENDAR
/// line; calcard writes a VCALENDAR's children in order, so the bytes are
/// the same as those of the whole calendar written at once.
pub struct Calendar {
    calendar: ICalendar,
    /// The written calendar without its last line, `END:VCALENDAR`.
    head: Option<String>,
    /// The TZID, when calcard knows the zone.
    zone: Option<String>,
}

impl Calendar {
    /// The VTIMEZONE covers a year either side of `date`.
    pub fn new(timezone: &str, date: NaiveDate) -> Calendar {
        let mut calendar = ICalendar {
            components: vec![root("-//kring//kring//EN", None)],
        };
        let at = date.and_time(NaiveTime::MIN).and_utc().timestamp();
        let zone = calendar
            .add_timezone(
                timezone,
                at.saturating_sub(ZONE_MARGIN),
                at.saturating_add(ZONE_MARGIN),
            )
            .map(|_| timezone.to_string());
        let head = written(&calendar)
            .strip_suffix(CALENDAR_END)
            .map(str::to_string);
        Calendar {
            calendar,
            head,
            zone,
        }
    }

    /// The calendar file for one event on this calendar's date, in its
    /// zone: a VCALENDAR (VERSION 2.0, CALSCALE GREGORIAN, METHOD PUBLISH)
    /// with the VTIMEZONE of the zone and one VEVENT whose DTSTART and
    /// DTEND refer to it. The event's `date` is the calendar's. The same
    /// event always gives the same bytes.
    pub fn with_event(&self, event: &Event<'_>) -> String {
        let zone = self.zone.as_deref();
        let start = event.date.and_time(event.start);
        let end = event.date.and_time(event.end);
        let mut vevent = vec![
            entry(ICalendarProperty::Uid, text(event.uid)),
            entry(
                ICalendarProperty::Dtstamp,
                date_time(event.stamp.and_time(NaiveTime::MIN), true),
            ),
            zoned(ICalendarProperty::Dtstart, start, zone),
            zoned(ICalendarProperty::Dtend, end, zone),
            entry(ICalendarProperty::Summary, text(event.summary)),
        ];
        if let Some(location) = event.location {
            vevent.push(entry(ICalendarProperty::Location, text(location)));
        }
        vevent.push(entry(
            ICalendarProperty::Description,
            text(event.description),
        ));
        match &self.head {
            Some(head) => {
                let vevent_only = ICalendar {
                    components: vec![component(ICalendarComponentType::VEvent, vevent)],
                };
                // Room for the folded, escaped text at once: calcard writes
                // a character at a time, and a growing String copies.
                let room = head.len() + event.description.len() * 9 / 8 + 1024;
                let mut ics = String::with_capacity(room);
                ics.push_str(head);
                // Straight into the String, as in `written`. Writing into a
                // String cannot fail.
                let _ = vevent_only.write_to(&mut ics);
                ics.push_str(CALENDAR_END);
                ics
            }
            None => {
                let mut calendar = self.calendar.clone();
                push_event(&mut calendar, vevent);
                written(&calendar)
            }
        }
    }
}

/// The calendar as calcard writes it, straight into a String (not through
/// a `Formatter`, as its `Display` would: calcard writes a character at a
/// time, and through a Formatter each is a call through a vtable).
fn written(calendar: &ICalendar) -> String {
    let mut ics = String::with_capacity(4096);
    // Writing into a String cannot fail.
    let _ = calendar.write_to(&mut ics);
    ics
}

/// The last line calcard writes for a VCALENDAR.
const CALENDAR_END: &str = "END:VCALENDAR\r\n";

/// The VCALENDAR component, with its fixed properties.
fn root(prodid: &str, name: Option<&str>) -> ICalendarComponent {
    let mut entries = vec![
        entry(ICalendarProperty::Version, text("2.0")),
        entry(ICalendarProperty::Prodid, text(prodid)),
        entry(
            ICalendarProperty::Calscale,
            ICalendarValue::CalendarScale(calcard::common::CalendarScale::Gregorian),
        ),
        entry(
            ICalendarProperty::Method,
            ICalendarValue::Method(ICalendarMethod::Publish),
        ),
    ];
    if let Some(name) = name {
        entries.push(entry(ICalendarProperty::Name, text(name)));
    }
    component(ICalendarComponentType::VCalendar, entries)
}

/// Adds a VEVENT as the last child of the VCALENDAR (component 0).
fn push_event(calendar: &mut ICalendar, entries: Vec<ICalendarEntry>) {
    let id = u32::try_from(calendar.components.len()).unwrap_or(u32::MAX);
    calendar
        .components
        .push(component(ICalendarComponentType::VEvent, entries));
    if let Some(root) = calendar.components.first_mut() {
        root.component_ids.push(id);
    }
}

/// One entry of a calendar feed (`kring agenda --ics`): a whole day, or a
/// time span in the feed's zone.
pub struct FeedEvent<'a> {
    pub uid: String,
    pub date: NaiveDate,
    pub times: Option<(NaiveTime, NaiveTime)>,
    pub summary: String,
    pub location: Option<&'a str>,
    pub description: String,
}

/// A calendar with one VEVENT per entry; timed entries refer to the
/// VTIMEZONE of `timezone`. DTSTAMP is each entry's own date, so that the
/// same agenda gives the same bytes.
pub fn feed(events: &[FeedEvent<'_>], timezone: &str, name: &str) -> String {
    let mut calendar = ICalendar {
        components: vec![root("-//kring//kring agenda//EN", Some(name))],
    };
    for event in events {
        let mut entries = vec![
            entry(ICalendarProperty::Uid, text(&event.uid)),
            entry(
                ICalendarProperty::Dtstamp,
                date_time(event.date.and_time(NaiveTime::MIN), true),
            ),
        ];
        match event.times {
            Some((start, end)) => {
                entries.push(zoned(
                    ICalendarProperty::Dtstart,
                    event.date.and_time(start),
                    Some(timezone),
                ));
                entries.push(zoned(
                    ICalendarProperty::Dtend,
                    event.date.and_time(end),
                    Some(timezone),
                ));
            }
            None => {
                entries.push(whole_day(ICalendarProperty::Dtstart, event.date));
                let next = event.date.succ_opt().unwrap_or(event.date);
                entries.push(whole_day(ICalendarProperty::Dtend, next));
            }
        }
        entries.push(entry(ICalendarProperty::Summary, text(&event.summary)));
        if let Some(location) = event.location {
            entries.push(entry(ICalendarProperty::Location, text(location)));
        }
        entries.push(entry(
            ICalendarProperty::Description,
            text(&event.description),
        ));
        push_event(&mut calendar, entries);
    }
    if let Some(first) = events
        .iter()
        .filter(|e| e.times.is_some())
        .map(|e| e.date)
        .min()
    {
        let last = events.iter().map(|e| e.date).max().unwrap_or(first);
        let midnight = |date: NaiveDate| date.and_time(NaiveTime::MIN).and_utc().timestamp();
        calendar.add_timezone(
            timezone,
            midnight(first).saturating_sub(ZONE_MARGIN),
            midnight(last).saturating_add(ZONE_MARGIN),
        );
    }
    written(&calendar)
}

/// What makes a calendar file a scheduling message (RFC 5546) for one
/// recipient: an invitation or update (`REQUEST`), or a cancellation
/// (`CANCEL`), from the coordinator to one attendee.
pub struct Schedule<'a> {
    pub cancel: bool,
    /// Raised on every update; a calendar ignores a message with a lower
    /// SEQUENCE than the one it has.
    pub sequence: u32,
    /// The coordinator: name and email address.
    pub organizer: (&'a str, &'a str),
    /// The one recipient: name and email address.
    pub attendee: (&'a str, &'a str),
    /// When the message is made (DTSTAMP, UTC).
    pub stamp: NaiveDateTime,
}

/// The calendar file of an invitation ([`Calendar::with_event`]) made into
/// a scheduling message: METHOD REQUEST or CANCEL, the coordinator as
/// ORGANIZER, the recipient as the only ATTENDEE, SEQUENCE, STATUS, and
/// DTSTAMP now. `None` when `ics` is not a calendar with one event.
pub fn scheduled(ics: &str, schedule: &Schedule<'_>) -> Option<String> {
    use calcard::icalendar::{
        ICalendarParticipationRole, ICalendarParticipationStatus, ICalendarStatus, Uri,
    };
    let mut calendar = ICalendar::parse(ics).ok()?;
    let method = if schedule.cancel {
        ICalendarMethod::Cancel
    } else {
        ICalendarMethod::Request
    };
    let root = calendar.components.first_mut()?;
    let entry_of = |c: &mut ICalendarComponent, name: ICalendarProperty| {
        c.entries.iter().position(|e| e.name == name)
    };
    let at = entry_of(root, ICalendarProperty::Method)?;
    root.entries[at].values = vec![ICalendarValue::Method(method)];
    let mut events = calendar
        .components
        .iter_mut()
        .filter(|c| c.component_type == ICalendarComponentType::VEvent);
    let event = events.next()?;
    if events.next().is_some() {
        return None;
    }
    let stamp = entry_of(event, ICalendarProperty::Dtstamp)?;
    event.entries[stamp] = entry(ICalendarProperty::Dtstamp, date_time(schedule.stamp, true));
    let person = |property, (name, email): (&str, &str), attendee: bool| {
        let mut params = vec![ICalendarParameter::cn(clean_text(name))];
        if attendee {
            params.push(ICalendarParameter::role(
                ICalendarParticipationRole::ReqParticipant,
            ));
            params.push(ICalendarParameter::partstat(
                ICalendarParticipationStatus::NeedsAction,
            ));
            params.push(ICalendarParameter::rsvp(!schedule.cancel));
        }
        ICalendarEntry {
            name: property,
            params,
            values: vec![ICalendarValue::Uri(Uri::Location(format!(
                "mailto:{}",
                clean_text(email)
            )))],
        }
    };
    event.entries.push(person(
        ICalendarProperty::Organizer,
        schedule.organizer,
        false,
    ));
    event
        .entries
        .push(person(ICalendarProperty::Attendee, schedule.attendee, true));
    event.entries.push(entry(
        ICalendarProperty::Sequence,
        ICalendarValue::Integer(i64::from(schedule.sequence)),
    ));
    event.entries.push(entry(
        ICalendarProperty::Status,
        ICalendarValue::Status(if schedule.cancel {
            ICalendarStatus::Cancelled
        } else {
            ICalendarStatus::Confirmed
        }),
    ));
    Some(written(&calendar))
}

/// A parameter value without control characters or quotes (calcard quotes
/// a value with `:`, `;` or `,`, and a DQUOTE cannot be in one).
fn clean_text(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect()
}

/// A DATE value (`DTSTART;VALUE=DATE:20270210`).
fn whole_day(name: ICalendarProperty, date: NaiveDate) -> ICalendarEntry {
    ICalendarEntry {
        name,
        params: vec![ICalendarParameter::value(
            calcard::icalendar::ICalendarValueType::Date,
        )],
        values: vec![ICalendarValue::PartialDateTime(Box::new(PartialDateTime {
            year: u16::try_from(date.year()).ok(),
            month: u8::try_from(date.month()).ok(),
            day: u8::try_from(date.day()).ok(),
            ..PartialDateTime::default()
        }))],
    }
}

fn component(kind: ICalendarComponentType, entries: Vec<ICalendarEntry>) -> ICalendarComponent {
    ICalendarComponent {
        component_type: kind,
        entries,
        component_ids: Vec::new(),
    }
}

fn entry(name: ICalendarProperty, value: ICalendarValue) -> ICalendarEntry {
    ICalendarEntry {
        name,
        params: Vec::new(),
        values: vec![value],
    }
}

/// A local date-time that refers to the VTIMEZONE `tzid`, or a floating
/// local time when there is none.
fn zoned(name: ICalendarProperty, at: NaiveDateTime, tzid: Option<&str>) -> ICalendarEntry {
    ICalendarEntry {
        name,
        params: tzid
            .map(|tzid| ICalendarParameter::tzid(tzid.to_string()))
            .into_iter()
            .collect(),
        values: vec![date_time(at, false)],
    }
}

/// Text as iCalendar text: the writer escapes commas, semicolons,
/// backslashes and line breaks. Any line break (CRLF, CR, LF) becomes LF,
/// which is what `\n` in a calendar means; tabs stay; other control
/// characters have no place in a calendar and are dropped.
fn text(value: &str) -> ICalendarValue {
    if is_clean(value) {
        return ICalendarValue::Text(value.to_string());
    }
    let clean: String = value
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    ICalendarValue::Text(clean)
}

/// Whether `value` has no control characters but line feeds and tabs:
/// [`char::is_control`] for every character, read a byte at a time (the
/// control characters are U+0000–U+001F, U+007F and U+0080–U+009F, the
/// last written 0xC2 0x80–0x9F in UTF-8).
fn is_clean(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'\n' | b'\t' => true,
        0..=0x1f | 0x7f => false,
        0xc2 => !matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        _ => true,
    })
}

fn date_time(at: NaiveDateTime, utc: bool) -> ICalendarValue {
    let zero = utc.then_some(0);
    ICalendarValue::PartialDateTime(Box::new(PartialDateTime {
        year: u16::try_from(at.year()).ok(),
        month: u8::try_from(at.month()).ok(),
        day: u8::try_from(at.day()).ok(),
        hour: u8::try_from(at.hour()).ok(),
        minute: u8::try_from(at.minute()).ok(),
        second: u8::try_from(at.second()).ok(),
        tz_hour: zero,
        tz_minute: zero,
        tz_minus: false,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Offset, TimeDelta, TimeZone};
    use icalendar::parser::{Component, read_calendar, unfold};

    const LOCATION: &str = "Buurthuis Het Zandpad, zaal 1; Zandpad 12, 7413 KR Deventer";

    /// An event with the zone of its calendar.
    struct Zoned<'a> {
        timezone: &'a str,
        event: Event<'a>,
    }

    impl<'a> std::ops::Deref for Zoned<'a> {
        type Target = Event<'a>;
        fn deref(&self) -> &Event<'a> {
            &self.event
        }
    }

    impl std::ops::DerefMut for Zoned<'_> {
        fn deref_mut(&mut self) -> &mut Self::Target {
            &mut self.event
        }
    }

    fn to_ics(e: &Zoned<'_>) -> String {
        Calendar::new(e.timezone, e.date).with_event(e)
    }

    fn event<'a>(
        timezone: &'a str,
        date: &str,
        summary: &'a str,
        description: &'a str,
    ) -> Zoned<'a> {
        let event = Event {
            uid: "2026-041-smit.hannah@kring",
            date: date.parse().unwrap(),
            start: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(21, 30, 0).unwrap(),
            stamp: date.parse().unwrap(),
            summary,
            location: Some(LOCATION),
            description,
        };
        Zoned { timezone, event }
    }

    #[test]
    fn an_event_written_on_its_own_gives_the_whole_calendars_bytes() {
        for zone in [
            "Europe/Amsterdam",
            "UTC",
            "America/New_York",
            "Nowhere/Else",
        ] {
            let e = event(zone, "2027-03-28", "Uitnodiging", "Regel 1\nRegel; 2, \\ 3");
            let calendar = Calendar::new(zone, e.date);
            assert!(calendar.head.is_some() || zone == "Nowhere/Else");
            let whole = Calendar {
                head: None,
                ..Calendar::new(zone, e.date)
            };
            assert_eq!(calendar.with_event(&e), whole.with_event(&e), "{zone}");
        }
    }

    /// The output read back by the independent `icalendar` parser, as one
    /// VCALENDAR component.
    fn parse(ics: &str) -> Component<'static> {
        let unfolded: &'static str = Box::leak(unfold(ics).into_boxed_str());
        let calendar = read_calendar(unfolded).expect("parses");
        Component {
            name: "VCALENDAR".into(),
            properties: calendar.properties,
            components: calendar.components,
        }
    }

    /// A property's value and its TZID parameter. The parser unescapes
    /// TEXT values itself (by property name), so this does not again.
    fn prop(component: &Component<'_>, name: &str) -> (String, Option<String>) {
        let p = component
            .find_prop(name)
            .unwrap_or_else(|| panic!("no {name}"));
        let tzid = p
            .params
            .iter()
            .find(|param| param.key == "TZID")
            .and_then(|param| param.val.as_ref().map(|v| v.as_str().to_string()));
        (p.val.as_str().to_string(), tzid)
    }

    fn sub<'c, 'a>(component: &'c Component<'a>, name: &str) -> Vec<&'c Component<'a>> {
        component
            .components
            .iter()
            .filter(|c| c.name == name)
            .collect()
    }

    /// Offsets like `+0100` in seconds.
    fn seconds(offset: &str) -> i32 {
        let sign = if offset.starts_with('-') { -1 } else { 1 };
        let hours: i32 = offset[1..3].parse().unwrap();
        let minutes: i32 = offset[3..5].parse().unwrap();
        sign * (hours * 3600 + minutes * 60)
    }

    /// Every physical line ends in CRLF and holds at most 75 octets.
    fn check_lines(ics: &str) {
        assert!(ics.ends_with("\r\n"));
        for line in ics.split_inclusive('\n') {
            assert!(line.ends_with("\r\n"), "{line:?}");
            assert!(line.len() - 2 <= 75, "{} octets: {line:?}", line.len() - 2);
            assert!(!line[..line.len() - 2].contains('\r'), "{line:?}");
        }
    }

    /// The onsets of a yearly rule like `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`
    /// (the only kind calcard writes) from `first` up to `until`.
    fn yearly_onsets(rule: &str, first: NaiveDateTime, until: NaiveDateTime) -> Vec<NaiveDateTime> {
        let part = |key: &str| {
            rule.split(';')
                .find_map(|p| p.strip_prefix(key)?.strip_prefix('='))
                .unwrap_or_else(|| panic!("{key} in {rule}"))
        };
        assert_eq!(part("FREQ"), "YEARLY", "{rule}");
        let month: u32 = part("BYMONTH").parse().unwrap();
        let byday = part("BYDAY");
        let (nth, weekday) = byday.split_at(byday.len() - 2);
        let nth: i32 = nth.trim_start_matches('+').parse().unwrap();
        let weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            .iter()
            .position(|day| *day == weekday)
            .unwrap();
        let mut onsets = Vec::new();
        for year in first.year()..=until.year() {
            let days: Vec<NaiveDate> = (1..=31)
                .filter_map(|day| NaiveDate::from_ymd_opt(year, month, day))
                .filter(|date| date.weekday().num_days_from_monday() as usize == weekday)
                .collect();
            let index = if nth > 0 {
                nth - 1
            } else {
                days.len() as i32 + nth
            };
            let onset = days[index as usize].and_time(first.time());
            if onset >= first && onset <= until {
                onsets.push(onset);
            }
        }
        onsets
    }

    /// The offset the VTIMEZONE puts in force at `local`: that of the
    /// observance onset, counting yearly repeats, that came last before it.
    fn offset_in_force(zone: &Component<'_>, local: NaiveDateTime) -> Option<i32> {
        let mut in_force: Option<(NaiveDateTime, i32)> = None;
        for observance in &zone.components {
            let begins =
                NaiveDateTime::parse_from_str(&prop(observance, "DTSTART").0, "%Y%m%dT%H%M%S")
                    .unwrap();
            let offset = seconds(&prop(observance, "TZOFFSETTO").0);
            let onsets = match observance.find_prop("RRULE") {
                Some(rule) => yearly_onsets(rule.val.as_str(), begins, local),
                None => vec![begins],
            };
            for onset in onsets {
                if onset <= local && in_force.is_none_or(|(when, _)| onset > when) {
                    in_force = Some((onset, offset));
                }
            }
        }
        in_force.map(|(_, offset)| offset)
    }

    /// chrono-tz's offset at `local`. A local time skipped by a change to
    /// daylight saving time gets the offset after the change, which is what
    /// the observance that began at the change says too.
    fn chrono_offset(timezone: &str, local: NaiveDateTime) -> i32 {
        let tz: chrono_tz::Tz = timezone.parse().unwrap();
        let at = tz
            .from_local_datetime(&local)
            .earliest()
            .or_else(|| {
                tz.from_local_datetime(&(local + TimeDelta::hours(1)))
                    .earliest()
            })
            .unwrap();
        at.offset().fix().local_minus_utc()
    }

    /// Parses `ics` with the independent `icalendar` crate and checks what
    /// every calendar file must hold; returns the offset in force at the
    /// start of the event.
    fn parse_and_check(ics: &str, e: &Zoned<'_>) -> i32 {
        check_lines(ics);
        let root = parse(ics);
        assert_eq!(prop(&root, "VERSION").0, "2.0");
        assert_eq!(prop(&root, "PRODID").0, "-//kring//kring//EN");
        assert_eq!(prop(&root, "CALSCALE").0, "GREGORIAN");
        assert_eq!(prop(&root, "METHOD").0, "PUBLISH");
        assert_eq!(root.components.len(), 2, "a VTIMEZONE and a VEVENT");

        let events = sub(&root, "VEVENT");
        assert_eq!(events.len(), 1, "one event");
        let ev = events[0];
        assert_eq!(prop(ev, "UID").0, e.uid);
        let (start, start_zone) = prop(ev, "DTSTART");
        let (end, end_zone) = prop(ev, "DTEND");
        let local = |time: NaiveTime| e.date.and_time(time).format("%Y%m%dT%H%M%S").to_string();
        assert_eq!(start, local(e.start));
        assert_eq!(end, local(e.end));
        assert_eq!(start_zone.as_deref(), Some(e.timezone));
        assert_eq!(end_zone.as_deref(), Some(e.timezone));
        let (stamp, stamp_zone) = prop(ev, "DTSTAMP");
        assert_eq!(stamp, e.stamp.format("%Y%m%dT000000Z").to_string());
        assert_eq!(stamp_zone, None);
        assert_eq!(prop(ev, "SUMMARY").0, e.summary);
        match e.location {
            Some(location) => assert_eq!(prop(ev, "LOCATION").0, location),
            None => assert!(ev.find_prop("LOCATION").is_none()),
        }
        assert_eq!(prop(ev, "DESCRIPTION").0, e.description);

        // The zone, and the offset in force at the start of the event.
        let zones = sub(&root, "VTIMEZONE");
        assert_eq!(zones.len(), 1);
        let zone = zones[0];
        assert_eq!(prop(zone, "TZID").0, e.timezone);
        assert!(!zone.components.is_empty());
        for part in std::iter::once(zone).chain(&zone.components) {
            assert!(part.find_prop("DTSTAMP").is_none(), "{ics}");
            assert!(part.find_prop("UID").is_none(), "{ics}");
        }
        for observance in &zone.components {
            assert!(
                observance.name == "STANDARD" || observance.name == "DAYLIGHT",
                "{}",
                observance.name.as_str()
            );
        }
        let local = e.date.and_time(e.start);
        let offset = offset_in_force(zone, local);
        assert_eq!(offset, Some(chrono_offset(e.timezone, local)), "{ics}");
        offset.unwrap()
    }

    #[test]
    fn winter_and_summer_in_amsterdam() {
        for (date, offset) in [
            ("2027-01-15", 3600),
            ("2027-03-09", 3600),
            ("2027-07-01", 7200),
            ("2026-10-24", 7200),
            ("2026-10-26", 3600),
        ] {
            let e = event("Europe/Amsterdam", date, "Uitnodiging", "Tekst");
            assert_eq!(parse_and_check(&to_ics(&e), &e), offset, "{date}");
        }
    }

    #[test]
    fn zones_without_daylight_saving_time() {
        for (zone, offset) in [("Asia/Tokyo", 9 * 3600), ("UTC", 0), ("Etc/UTC", 0)] {
            let e = event(zone, "2027-03-09", "Invitation", "Text");
            let ics = to_ics(&e);
            assert_eq!(parse_and_check(&ics, &e), offset, "{zone}");
            let root = parse(&ics);
            let observances = &sub(&root, "VTIMEZONE")[0].components;
            assert!(observances.iter().all(|o| o.name == "STANDARD"), "{ics}");
        }
    }

    #[test]
    fn local_times_the_zone_skips_or_repeats_are_written_as_is() {
        // 02:30 does not exist on 2027-03-28 in Amsterdam, and happens
        // twice on 2026-10-25.
        for date in ["2027-03-28", "2026-10-25"] {
            let mut e = event("Europe/Amsterdam", date, "Uitnodiging", "Tekst");
            e.start = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
            let ics = to_ics(&e);
            parse_and_check(&ics, &e);
        }
    }

    #[test]
    fn clean_is_no_control_character_but_newline_and_tab() {
        for c in ['\0', '\r', '\u{1b}', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}'] {
            assert!(!is_clean(&format!("a{c}b")), "{:?}", c);
        }
        for c in ['\n', '\t', '\u{a0}', '\u{c2}', 'é', '家', '\u{2028}'] {
            assert_eq!(
                is_clean(&format!("a{c}b")),
                !c.is_control() || c == '\n' || c == '\t'
            );
        }
        let every: String = (0..0x3000u32).filter_map(char::from_u32).collect();
        for c in every.chars() {
            let one = c.to_string();
            assert_eq!(
                is_clean(&one),
                !c.is_control() || matches!(c, '\n' | '\t'),
                "{:?}",
                c
            );
        }
    }

    #[test]
    fn text_round_trips_exactly() {
        let long = "Fatima El Amrani — ğüşıö 家族; a,b\\c\n".repeat(20);
        let summary = "Uitnodiging: conferentie, deel 1; \"Sam\" \\ 家族 ".repeat(5);
        let location = "Fatima El Amrani — ğüşıö 家族, Zandpad 12; Deventer ".repeat(5);
        let mut e = event("Europe/Amsterdam", "2027-02-10", &summary, &long);
        e.location = Some(&location);
        let ics = to_ics(&e);
        parse_and_check(&ics, &e);
        assert!(ics.contains("\r\n "), "long lines are folded");

        let tabs = "# Kop\n\n\tcode, ook; \\n is geen regeleinde\n\n- punt\n";
        let e = event("Europe/Amsterdam", "2027-02-10", "", tabs);
        parse_and_check(&to_ics(&e), &e);
    }

    #[test]
    fn every_line_break_becomes_a_newline() {
        let e = event(
            "Europe/Amsterdam",
            "2027-02-10",
            "a\rb",
            "een\r\ntwee\rdrie\n",
        );
        let root = parse(&to_ics(&e));
        let ev = sub(&root, "VEVENT")[0];
        assert_eq!(prop(ev, "SUMMARY").0, "a\nb");
        assert_eq!(prop(ev, "DESCRIPTION").0, "een\ntwee\ndrie\n");
    }

    #[test]
    fn no_location_no_location_property() {
        let mut e = event("Europe/Amsterdam", "2027-02-10", "Uitnodiging", "Tekst");
        e.location = None;
        let ics = to_ics(&e);
        parse_and_check(&ics, &e);
        assert!(!ics.contains("LOCATION"));
    }

    #[test]
    fn the_same_event_gives_the_same_bytes() {
        let e = event("Europe/Amsterdam", "2027-02-10", "Uitnodiging", "Tekst");
        let ics = to_ics(&e);
        assert_eq!(ics, to_ics(&e));
        assert!(ics.contains("\r\nDTSTAMP:20270210T000000Z\r\n"), "{ics}");
    }

    #[test]
    fn nasty_text_does_not_panic() {
        let huge = "x".repeat(100_000);
        let unicode = "ğüşıö 家族 😀 \u{200b}\u{feff}".repeat(2_000);
        for text in [
            "",
            "\r\n\t\u{0}\u{7f}\u{1b}[31m",
            huge.as_str(),
            unicode.as_str(),
            "END:VEVENT\nBEGIN:VEVENT",
            "\\",
            "\"",
        ] {
            let mut e = event("Europe/Amsterdam", "2027-02-10", text, text);
            e.uid = text;
            e.location = Some(text);
            let ics = to_ics(&e);
            check_lines(&ics);
            assert!(!ics.contains('\u{0}'));
            assert!(!ics.contains('\u{1b}'));
            assert_eq!(ics.matches("\r\nBEGIN:VEVENT\r\n").count(), 1);
            let root = parse(&ics);
            assert_eq!(sub(&root, "VEVENT").len(), 1);
        }
    }

    #[test]
    fn odd_zones_and_dates_do_not_panic() {
        // Zones are validated before they get here; an unknown one still
        // gives a valid file, with floating times and no VTIMEZONE.
        for zone in [
            "",
            "Nowhere/Atlantis",
            "Europe/Amsterdam\r\nX:Y",
            "a;b:c\"d",
        ] {
            let e = event(zone, "2027-02-10", "Uitnodiging", "Tekst");
            let ics = to_ics(&e);
            check_lines(&ics);
            assert!(!ics.contains("TZID"), "{ics}");
            let root = parse(&ics);
            assert!(sub(&root, "VTIMEZONE").is_empty());
            let ev = sub(&root, "VEVENT")[0];
            assert_eq!(prop(ev, "DTSTART"), ("20270210T190000".to_string(), None));
        }
        for date in [NaiveDate::MIN, NaiveDate::MAX, NaiveDate::default()] {
            let mut e = event("Europe/Amsterdam", "2027-02-10", "Uitnodiging", "Tekst");
            e.date = date;
            e.stamp = date;
            check_lines(&to_ics(&e));
        }
    }
}
