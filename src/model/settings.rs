//! `kring.toml`: repository settings (DESIGN §2).

use std::path::{Component, Path};

use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, de::Error};

/// The repository's settings; every key is optional.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The organisation that runs the conferences, shown on the documents.
    pub organisation: Option<String>,
    /// The default document language (nl and en are built in).
    pub language: String,
    /// IANA time zone of the conferences, e.g. "Europe/Amsterdam".
    #[serde(deserialize_with = "timezone")]
    #[schemars(with = "String")]
    pub timezone: Tz,
    /// The folder with one TOML file per conference, relative to the root.
    #[serde(deserialize_with = "relative_folder")]
    pub cases: String,
    /// The folder for rendered documents, relative to the root (keep it out of git).
    #[serde(deserialize_with = "relative_folder")]
    pub out: String,
    /// The follow-up is due this many days after the conference.
    pub followup_days: u32,
    /// How long a closed case may keep personal data, in days.
    pub retention_days: u32,
    /// The language of kring's own messages for this team: nl or en (else
    /// the user's locale; --lang and KRING_LANG go first).
    #[serde(deserialize_with = "message_language")]
    #[schemars(with = "Option<String>")]
    pub messages: Option<String>,
    /// Optional: how to reach the organisation; letters show it when a case has no coordinator contact.
    pub contact: Option<Contact>,
    /// Optional: what the coordinators are paid, in euros (for `kring declare`).
    pub rates: Option<Rates>,
    /// Optional: who pays for conferences, by key (`request.funder` names one).
    pub funders: std::collections::BTreeMap<String, Funder>,
    /// Optional: how `kring send` delivers documents.
    pub send: Option<SendSettings>,
}

/// `[rates]` in kring.toml: euros per hour, per kilometre and per held
/// conference; each optional.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rates {
    /// Optional: euros per hour worked
    pub hour: Option<f64>,
    /// Optional: euros per kilometre travelled
    pub km: Option<f64>,
    /// Optional: a fixed fee per conference held
    pub conference: Option<f64>,
}

/// `[funders.<key>]` in kring.toml.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funder {
    /// The funder's name as the documents show it
    pub name: String,
}

/// `[send]` in kring.toml (DESIGN §9.2). The SMTP password is never here:
/// it comes from `KRING_SMTP_PASSWORD` or `KRING_SMTP_PASSWORD_FILE`.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SendSettings {
    /// smtp | sendmail | outbox (default: outbox)
    pub transport: Option<Transport>,
    /// Optional: the From address (default: the case coordinator's email)
    pub from: Option<String>,
    /// The SMTP server's host name
    pub smtp_host: Option<String>,
    /// Optional: the SMTP port (default 587 for starttls, 465 for tls, 25 for none)
    pub smtp_port: Option<u16>,
    /// starttls (default) | tls | none ("none" only to a loopback host)
    pub smtp_security: Option<Security>,
    /// Optional: the SMTP user name
    pub smtp_user: Option<String>,
    /// Optional: the sendmail program (default /usr/sbin/sendmail)
    pub sendmail: Option<String>,
    /// Optional: the folder for .eml files, relative to the root (default "outbox")
    pub outbox: Option<String>,
    /// Optional: at most this many messages a minute
    pub per_minute: Option<u32>,
    /// Optional: reminders go this many days before the conference (default 2)
    pub reminder_days: Option<u32>,
}

/// How `kring send` hands messages over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Transport {
    Smtp,
    Sendmail,
    #[default]
    Outbox,
}

/// The connection security of the SMTP transport.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Security {
    #[default]
    Starttls,
    Tls,
    None,
}

/// `[contact]` in kring.toml: the organisation's own contact details.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Optional: phone number
    pub phone: Option<String>,
    /// Optional: email address
    pub email: Option<String>,
    /// Optional: postal address
    pub address: Option<String>,
    /// Optional: website
    pub website: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            organisation: None,
            language: "nl".into(),
            timezone: chrono_tz::Europe::Amsterdam,
            cases: "cases".into(),
            out: "out".into(),
            followup_days: 28,
            retention_days: 365,
            messages: None,
            contact: None,
            rates: None,
            funders: Default::default(),
            send: None,
        }
    }
}

impl Settings {
    pub fn parse(text: &str) -> Result<Settings, toml::de::Error> {
        toml::from_str(text)
    }
}

fn timezone<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Tz, D::Error> {
    let name = String::deserialize(deserializer)?;
    name.parse().map_err(|_| {
        D::Error::custom(format!(
            "unknown time zone `{name}`: use an IANA name like \"Europe/Amsterdam\""
        ))
    })
}

fn message_language<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let language = String::deserialize(deserializer)?;
    match language.as_str() {
        "nl" | "en" => Ok(Some(language)),
        _ => Err(D::Error::custom(format!(
            "kring speaks nl and en, not `{language}`"
        ))),
    }
}

/// A folder inside the repository: relative, without `..`.
fn relative_folder<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let folder = String::deserialize(deserializer)?;
    let inside = !folder.is_empty()
        && Path::new(&folder)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside {
        Ok(folder)
    } else {
        Err(D::Error::custom(format!(
            "`{folder}` must be a folder inside the repository (relative, without `..`)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_overrides() {
        let s = Settings::parse("").unwrap();
        assert_eq!(s.language, "nl");
        assert_eq!(s.followup_days, 28);
        let s = Settings::parse("timezone = \"Europe/London\"\nretention_days = 30\n").unwrap();
        assert_eq!(s.timezone, chrono_tz::Europe::London);
        assert_eq!(s.retention_days, 30);
        let s = Settings::parse("[contact]\nphone = \"038-1234567\"\n").unwrap();
        assert_eq!(s.contact.unwrap().phone.as_deref(), Some("038-1234567"));
        assert!(Settings::parse("[contact]\nfax = \"1\"\n").is_err());
    }

    #[test]
    fn rejects_unknown_keys_zones_and_escaping_folders() {
        assert!(Settings::parse("colour = \"red\"").is_err());
        assert!(Settings::parse("timezone = \"Mars/Olympus\"").is_err());
        assert!(Settings::parse("out = \"../elsewhere\"").is_err());
        assert!(Settings::parse("cases = \"/etc\"").is_err());
    }
}
