//! TOML local dates and times as chrono values.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer, de::Error};
use toml::value::Datetime;

/// A TOML local date (`2026-10-12`): no time, no offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

/// A TOML local time (`15:00:00`): no date, no offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub NaiveTime);

/// A value that should be a TOML date or time: the date or time itself, or
/// what was written instead, for a message that shows the right form.
#[derive(Deserialize)]
#[serde(untagged)]
enum Written {
    Datetime(Datetime),
    Text(String),
    Other(toml::Value),
}

/// The start of the message for a date written in quotes; the right form
/// follows.
pub const DATE_WITHOUT_QUOTES: &str = "a date is written without quotes, as year-month-day: ";

/// The start of the message for something else where a date belongs.
pub const NOT_A_DATE: &str = "expected a date like 2026-10-12 (year-month-day), found ";

/// What a date was written as, in words, with the right form when kring can
/// tell which date was meant.
fn not_a_date(written: &Written) -> String {
    match written {
        Written::Text(text) => match loose_date(text) {
            Some(date) => format!(
                "a date is written without quotes, as year-month-day: {}",
                date.format("%Y-%m-%d")
            ),
            None => format!(
                "expected a date like 2026-10-12 (year-month-day), found the text \"{text}\""
            ),
        },
        Written::Datetime(value) => {
            format!("expected a date like 2026-10-12 (year-month-day), found `{value}`")
        }
        Written::Other(value) => format!(
            "expected a date like 2026-10-12 (year-month-day), found {}",
            value.type_str()
        ),
    }
}

fn not_a_time(written: &Written) -> String {
    match written {
        Written::Text(text) => match loose_time(text) {
            Some(time) => format!(
                "a time is written without quotes, as hours:minutes:seconds: {}",
                time.format("%H:%M:%S")
            ),
            None => format!("expected a time like 15:00:00, found the text \"{text}\""),
        },
        Written::Datetime(value) => format!("expected a time like 15:00:00, found `{value}`"),
        Written::Other(value) => {
            format!("expected a time like 15:00:00, found {}", value.type_str())
        }
    }
}

/// A date written in one of the forms people use (`12-10-2026`,
/// `12/10/2026`, `12.10.2026`, `2026/10/12`, `2026-10-12`): day-month-year
/// unless the year comes first.
pub fn loose_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.trim().split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    let (year, month, day) = if a > 31 { (a, b, c) } else { (c, b, a) };
    if year < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A time written as `15:00`, `15.00` or `15:00:00`.
pub fn loose_time(text: &str) -> Option<NaiveTime> {
    let parts: Vec<u32> = text
        .trim()
        .split([':', '.'])
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [h, m] => NaiveTime::from_hms_opt(*h, *m, 0),
        [h, m, s] => NaiveTime::from_hms_opt(*h, *m, *s),
        _ => None,
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = match Written::deserialize(deserializer)? {
            Written::Datetime(value) => value,
            other => return Err(D::Error::custom(not_a_date(&other))),
        };
        match (value.date, value.time, value.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .map(Date)
                    .ok_or_else(|| D::Error::custom(format!("`{value}` is not a calendar date")))
            }
            _ => Err(D::Error::custom(not_a_date(&Written::Datetime(value)))),
        }
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = match Written::deserialize(deserializer)? {
            Written::Datetime(value) => value,
            other => return Err(D::Error::custom(not_a_time(&other))),
        };
        match (value.date, value.time, value.offset) {
            (None, Some(t), None) => NaiveTime::from_hms_nano_opt(
                u32::from(t.hour),
                u32::from(t.minute),
                u32::from(t.second.unwrap_or(0)),
                t.nanosecond.unwrap_or(0),
            )
            .map(Time)
            .ok_or_else(|| D::Error::custom(format!("`{value}` is not a time of day"))),
            _ => Err(D::Error::custom(not_a_time(&Written::Datetime(value)))),
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl std::fmt::Display for Time {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
    }
}

/// In a JSON Schema a TOML local date is a string, as editors such as taplo
/// present it.
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "description": "A local date such as 2026-10-12 (no quotes in TOML)"
        })
    }
}

/// A TOML local time, as a string in a JSON Schema.
impl schemars::JsonSchema for Time {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Time".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "partial-time",
            "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$",
            "description": "A local time such as 15:00:00 (no quotes in TOML)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_in_the_forms_people_write() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(loose_date("12-10-2026"), date(2026, 10, 12));
        assert_eq!(loose_date("1/12/2026"), date(2026, 12, 1));
        assert_eq!(loose_date("12.10.2026"), date(2026, 10, 12));
        assert_eq!(loose_date("2026-10-12"), date(2026, 10, 12));
        assert_eq!(loose_date("2026/10/12"), date(2026, 10, 12));
        assert_eq!(loose_date("31-02-2026"), None);
        assert_eq!(loose_date("12-10-26"), None);
        assert_eq!(loose_date("morgen"), None);
        assert_eq!(loose_time("15:00"), NaiveTime::from_hms_opt(15, 0, 0));
        assert_eq!(loose_time("9.30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(loose_time("25:00"), None);
    }

    #[test]
    fn a_date_in_quotes_is_told_its_right_form_and_never_about_times() {
        let message = |toml: &str| {
            #[derive(Debug, Deserialize)]
            #[allow(dead_code)]
            struct T {
                d: Date,
            }
            toml::from_str::<T>(toml).unwrap_err().message().to_string()
        };
        let quoted = message("d = \"2026-12-01\"");
        assert!(
            quoted.contains("without quotes") && quoted.contains("2026-12-01"),
            "{quoted}"
        );
        assert!(!quoted.contains("time"), "{quoted}");
        let other = message("d = \"12-10-2026\"");
        assert!(other.ends_with("2026-10-12"), "{other}");
        let time = message("d = 15:00:00");
        assert!(time.contains("year-month-day"), "{time}");
    }
}
