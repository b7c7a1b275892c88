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

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Datetime::deserialize(deserializer)?;
        match (value.date, value.time, value.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .map(Date)
                    .ok_or_else(|| D::Error::custom(format!("`{value}` is not a calendar date")))
            }
            _ => Err(D::Error::custom(format!(
                "expected a local date like 2026-10-12, found `{value}`"
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Datetime::deserialize(deserializer)?;
        match (value.date, value.time, value.offset) {
            (None, Some(t), None) => NaiveTime::from_hms_nano_opt(
                u32::from(t.hour),
                u32::from(t.minute),
                u32::from(t.second.unwrap_or(0)),
                t.nanosecond.unwrap_or(0),
            )
            .map(Time)
            .ok_or_else(|| D::Error::custom(format!("`{value}` is not a time of day"))),
            _ => Err(D::Error::custom(format!(
                "expected a local time like 15:00:00, found `{value}`"
            ))),
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
