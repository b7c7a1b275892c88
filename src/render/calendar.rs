//! Calendar files (RFC 5545) for invitations: one event for one
//! participant's own part of the conference.
//!
//! Written with calcard, which also builds the VTIMEZONE (with its STANDARD
//! and DAYLIGHT observances) from the IANA time zone database, so that a
//! calendar shows the right local time wherever it is opened.

use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarMethod,
    ICalendarParameter, ICalendarProperty, ICalendarValue,
};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// One participant's own time at a conference.
pub struct Event<'a> {
    /// `<case id>.<participant id>@kring`: stable, so that a calendar
    /// updates the event when the invitation is sent again.
    pub uid: &'a str,
    /// An IANA time zone name, already validated.
    pub timezone: &'a str,
    pub date: NaiveDate,
    /// When this participant's first part starts.
    pub start: NaiveTime,
    /// When this participant's last part ends.
    pub end: NaiveTime,
    /// DTSTAMP is this date at 00:00:00 UTC. It comes from the case, not
    /// the clock, so that the same case always gives the same bytes.
    pub stamp: NaiveDate,
    pub summary: &'a str,
    /// Location and address.
    pub location: Option<&'a str>,
    pub description: &'a str,
}

/// The calendar file for `event`: a VCALENDAR with the VTIMEZONE of the
/// event's zone and one VEVENT whose times refer to it.
pub fn to_ics(event: &Event<'_>) -> String {
    let mut calendar = ICalendar {
        components: vec![component(
            ICalendarComponentType::VCalendar,
            vec![
                entry(ICalendarProperty::Version, text("2.0")),
                entry(ICalendarProperty::Prodid, text("-//kring//kring//EN")),
                entry(
                    ICalendarProperty::Calscale,
                    ICalendarValue::CalendarScale(calcard::common::CalendarScale::Gregorian),
                ),
                entry(
                    ICalendarProperty::Method,
                    ICalendarValue::Method(ICalendarMethod::Publish),
                ),
            ],
        )],
    };

    let start = event.date.and_time(event.start);
    let end = event.date.and_time(event.end);
    let mut vevent = vec![
        entry(ICalendarProperty::Uid, text(event.uid)),
        entry(
            ICalendarProperty::Dtstamp,
            date_time(event.stamp.and_time(NaiveTime::MIN), true),
        ),
        zoned(ICalendarProperty::Dtstart, start, event.timezone),
        zoned(ICalendarProperty::Dtend, end, event.timezone),
        entry(ICalendarProperty::Summary, text(event.summary)),
    ];
    if let Some(location) = event.location {
        vevent.push(entry(ICalendarProperty::Location, text(location)));
    }
    vevent.push(entry(
        ICalendarProperty::Description,
        text(event.description),
    ));
    calendar
        .components
        .push(component(ICalendarComponentType::VEvent, vevent));
    calendar.components[0].component_ids.push(1);

    // The observances in force from a year before to a year after the
    // event: enough for any calendar to place it.
    let year = 366 * 24 * 3600;
    let at = start.and_utc().timestamp();
    calendar.add_timezone(event.timezone, at - year, at + year);
    calendar.to_string()
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
        components: vec![component(
            ICalendarComponentType::VCalendar,
            vec![
                entry(ICalendarProperty::Version, text("2.0")),
                entry(
                    ICalendarProperty::Prodid,
                    text("-//kring//kring agenda//EN"),
                ),
                entry(
                    ICalendarProperty::Calscale,
                    ICalendarValue::CalendarScale(calcard::common::CalendarScale::Gregorian),
                ),
                entry(
                    ICalendarProperty::Method,
                    ICalendarValue::Method(ICalendarMethod::Publish),
                ),
                entry(ICalendarProperty::Name, text(name)),
            ],
        )],
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
                    timezone,
                ));
                entries.push(zoned(
                    ICalendarProperty::Dtend,
                    event.date.and_time(end),
                    timezone,
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
        let id = calendar.components.len() as u32;
        calendar
            .components
            .push(component(ICalendarComponentType::VEvent, entries));
        calendar.components[0].component_ids.push(id);
    }
    if let Some(first) = events
        .iter()
        .filter(|e| e.times.is_some())
        .map(|e| e.date)
        .min()
    {
        let last = events.iter().map(|e| e.date).max().unwrap_or(first);
        let year = 366 * 24 * 3600;
        calendar.add_timezone(
            timezone,
            first.and_time(NaiveTime::MIN).and_utc().timestamp() - year,
            last.and_time(NaiveTime::MIN).and_utc().timestamp() + year,
        );
    }
    calendar.to_string()
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

/// A local date-time that refers to the VTIMEZONE `tzid`.
fn zoned(name: ICalendarProperty, at: NaiveDateTime, tzid: &str) -> ICalendarEntry {
    ICalendarEntry {
        name,
        params: vec![ICalendarParameter::tzid(tzid.to_string())],
        values: vec![date_time(at, false)],
    }
}

/// Text as iCalendar text: the writer escapes commas, semicolons,
/// backslashes and line breaks; other control characters have no place in
/// a calendar and are dropped.
fn text(value: &str) -> ICalendarValue {
    let clean: String = value
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect();
    ICalendarValue::Text(clean)
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
    use chrono::{Offset, TimeZone};
    use icalendar::parser::{Component, read_calendar, unfold};

    fn event<'a>(
        timezone: &'a str,
        date: &str,
        summary: &'a str,
        description: &'a str,
    ) -> Event<'a> {
        Event {
            uid: "2026-041-smit.hannah@kring",
            timezone,
            date: date.parse().unwrap(),
            start: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(21, 30, 0).unwrap(),
            stamp: date.parse().unwrap(),
            summary,
            location: Some("Buurthuis Het Zandpad, zaal 1; Zandpad 12, 7413 KR Deventer"),
            description,
        }
    }

    /// A property's value, unescaped, and its TZID parameter.
    fn prop(component: &Component<'_>, name: &str) -> (String, Option<String>) {
        let p = component
            .find_prop(name)
            .unwrap_or_else(|| panic!("no {name}"));
        let tzid = p
            .params
            .iter()
            .find(|param| param.key == "TZID")
            .and_then(|param| param.val.as_ref().map(|v| v.as_str().to_string()));
        (p.val.clone().unescape_text().as_str().to_string(), tzid)
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

    /// Parses `ics` with the independent `icalendar` crate and checks what
    /// every calendar file must hold.
    fn parse_and_check(ics: &str, e: &Event<'_>) {
        for line in ics.split_inclusive('\n') {
            assert!(line.ends_with("\r\n"), "{line:?}");
            assert!(line.len() <= 77, "{} octets: {line:?}", line.len() - 2);
        }
        let unfolded = unfold(ics);
        let calendar = read_calendar(&unfolded).expect("parses");
        let root = Component {
            name: "VCALENDAR".into(),
            properties: calendar.properties.clone(),
            components: calendar.components.clone(),
        };
        assert_eq!(prop(&root, "VERSION").0, "2.0");
        let events = sub(&root, "VEVENT");
        assert_eq!(events.len(), 1, "one event");
        let ev = events[0];
        assert_eq!(prop(ev, "UID").0, e.uid);
        let (start, start_zone) = prop(ev, "DTSTART");
        let (end, end_zone) = prop(ev, "DTEND");
        assert_eq!(
            start,
            e.date.and_time(e.start).format("%Y%m%dT%H%M%S").to_string()
        );
        assert_eq!(
            end,
            e.date.and_time(e.end).format("%Y%m%dT%H%M%S").to_string()
        );
        assert_eq!(start_zone.as_deref(), Some(e.timezone));
        assert_eq!(end_zone.as_deref(), Some(e.timezone));
        assert_eq!(
            prop(ev, "DTSTAMP").0,
            e.stamp.format("%Y%m%dT000000Z").to_string()
        );
        assert_eq!(prop(ev, "SUMMARY").0, e.summary);
        assert_eq!(prop(ev, "LOCATION").0, e.location.unwrap());
        assert_eq!(prop(ev, "DESCRIPTION").0, e.description);

        // The zone, and the offset in force at the start of the event.
        let zones = sub(&root, "VTIMEZONE");
        assert_eq!(zones.len(), 1);
        assert_eq!(prop(zones[0], "TZID").0, e.timezone);
        let local = e.date.and_time(e.start);
        let mut in_force = None;
        for observance in &zones[0].components {
            assert!(observance.find_prop("DTSTAMP").is_none());
            assert!(observance.find_prop("UID").is_none());
            let begins =
                NaiveDateTime::parse_from_str(&prop(observance, "DTSTART").0, "%Y%m%dT%H%M%S")
                    .unwrap();
            // Yearly rules repeat; the observance that began last before the
            // event, counting repeats, is in force.
            let mut onset = begins;
            if observance.find_prop("RRULE").is_some() {
                while let Some(next) = onset.with_year(onset.year() + 1) {
                    if next > local {
                        break;
                    }
                    onset = next;
                }
            }
            if onset <= local && in_force.is_none_or(|(when, _)| onset > when) {
                in_force = Some((onset, seconds(&prop(observance, "TZOFFSETTO").0)));
            }
        }
        let tz: chrono_tz::Tz = e.timezone.parse().unwrap();
        let expected = tz
            .from_local_datetime(&local)
            .earliest()
            .unwrap()
            .offset()
            .fix()
            .local_minus_utc();
        assert_eq!(in_force.map(|(_, offset)| offset), Some(expected), "{ics}");
    }

    #[test]
    fn winter_and_summer_in_amsterdam() {
        for date in ["2027-03-09", "2027-07-01", "2026-10-24", "2026-10-26"] {
            let e = event("Europe/Amsterdam", date, "Uitnodiging", "Tekst");
            parse_and_check(&to_ics(&e), &e);
        }
    }

    #[test]
    fn a_zone_without_daylight_saving_time() {
        let e = event("Asia/Tokyo", "2027-03-09", "Invitation", "Text");
        parse_and_check(&to_ics(&e), &e);
        let e = event("UTC", "2027-03-09", "Invitation", "Text");
        parse_and_check(&to_ics(&e), &e);
    }

    #[test]
    fn text_round_trips_exactly() {
        let long = "Fatima El Amrani — ğüşıö 家族; a,b\\c\n".repeat(20);
        let summary = "Uitnodiging: conferentie, deel 1; \"Sam\" \\ 家族";
        let e = event("Europe/Amsterdam", "2027-02-10", summary, &long);
        let ics = to_ics(&e);
        parse_and_check(&ics, &e);
        assert!(ics.contains("\r\n "), "long lines are folded");
    }

    #[test]
    fn the_same_event_gives_the_same_bytes() {
        let e = event("Europe/Amsterdam", "2027-02-10", "Uitnodiging", "Tekst");
        assert_eq!(to_ics(&e), to_ics(&e));
    }

    #[test]
    fn nasty_text_does_not_panic() {
        let huge = "x".repeat(100_000);
        for text in [
            "",
            "\r\n\t\u{0}\u{7f}",
            huge.as_str(),
            "END:VEVENT\nBEGIN:VEVENT",
        ] {
            let e = event("Europe/Amsterdam", "2027-02-10", text, text);
            let ics = to_ics(&e);
            assert!(!ics.contains('\u{0}'));
            assert_eq!(ics.matches("\r\nBEGIN:VEVENT\r\n").count(), 1);
            let unfolded = unfold(&ics);
            let calendar = read_calendar(&unfolded).expect("parses");
            let events = calendar.components.iter().filter(|c| c.name == "VEVENT");
            assert_eq!(events.count(), 1);
        }
    }
}
