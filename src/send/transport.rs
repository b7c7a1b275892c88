//! Handing a message over: SMTP (lettre), the system's sendmail, or the
//! outbox folder (DESIGN §9.2).
//!
//! SMTP requires TLS with certificate checking (STARTTLS or TLS from the
//! start), except to a loopback host. The password comes only from
//! `KRING_SMTP_PASSWORD` or the file `KRING_SMTP_PASSWORD_FILE` names,
//! which must lie outside the repository; it is never part of an error.

use std::net::ToSocketAddrs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use lettre::Transport as _;
use lettre::transport::sendmail::SendmailTransport;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::{SmtpTransport, response::Response};

use crate::fsutil::{Mode, write_atomic};
use crate::model::{Security, SendSettings, Transport};

/// Where a message went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handed {
    /// The server accepted it; its answer.
    Accepted(String),
    /// Written to the outbox folder.
    Written(PathBuf),
}

/// Why a message did not go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Worth trying again (a 4xx answer, a dropped connection, a time-out).
    Transient(String),
    /// Not worth trying again with this message (a 5xx answer).
    Permanent(String),
}

impl Refused {
    pub fn answer(&self) -> &str {
        match self {
            Refused::Transient(a) | Refused::Permanent(a) => a,
        }
    }
}

/// A configuration that cannot send.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("`[send] smtp_host` is missing in kring.toml")]
    NoHost,
    #[error(
        "`smtp_security = \"none\"` is only allowed to a loopback host (localhost, 127.0.0.1, ::1), not to `{0}`"
    )]
    PlainNotLoopback(String),
    #[error(
        "`[send] smtp_user` is set but no password: set KRING_SMTP_PASSWORD or KRING_SMTP_PASSWORD_FILE"
    )]
    NoPassword,
    #[error("KRING_SMTP_PASSWORD_FILE must name a file outside the repository, not {0}")]
    PasswordInRepository(String),
    #[error("cannot read the password file {0}: {1}")]
    PasswordFile(String, std::io::Error),
    #[error("cannot read the certificate file {0}: {1}")]
    CaFile(String, String),
    #[error("cannot set up TLS to {0}: {1}")]
    Tls(String, String),
}

/// The way messages are handed over in this run.
pub enum Courier {
    Smtp(Box<SmtpTransport>),
    Sendmail(SendmailTransport),
    Outbox(PathBuf),
}

impl Courier {
    pub fn transport(settings: Option<&SendSettings>) -> Transport {
        settings.and_then(|s| s.transport).unwrap_or_default()
    }

    /// The courier `[send]` describes. `root` is the repository's root.
    pub fn new(settings: Option<&SendSettings>, root: &Path) -> Result<Courier, SetupError> {
        let default = SendSettings::default();
        let s = settings.unwrap_or(&default);
        match s.transport.unwrap_or_default() {
            Transport::Outbox => Ok(Courier::Outbox(
                root.join(s.outbox.as_deref().unwrap_or("outbox")),
            )),
            Transport::Sendmail => Ok(Courier::Sendmail(SendmailTransport::new_with_command(
                s.sendmail.as_deref().unwrap_or("/usr/sbin/sendmail"),
            ))),
            Transport::Smtp => smtp(s, root).map(|t| Courier::Smtp(Box::new(t))),
        }
    }

    /// Hands `message` over once.
    pub fn hand(&self, message: &lettre::Message, name: &str) -> Result<Handed, Refused> {
        match self {
            Courier::Smtp(smtp) => match smtp.send(message) {
                Ok(response) => Ok(Handed::Accepted(answer(&response))),
                Err(e) => Err(refused(&e)),
            },
            Courier::Sendmail(sendmail) => match sendmail.send(message) {
                Ok(()) => Ok(Handed::Accepted("sendmail".into())),
                Err(e) => Err(Refused::Permanent(one_line(&e.to_string()))),
            },
            Courier::Outbox(folder) => {
                let path = folder.join(format!("{name}.eml"));
                match write_atomic(&path, &message.formatted(), Mode::Private) {
                    Ok(()) => Ok(Handed::Written(path)),
                    Err(e) => Err(Refused::Permanent(format!("{e:#}"))),
                }
            }
        }
    }
}

/// How long one SMTP command may take before it counts as a time-out
/// (`KRING_SMTP_TIMEOUT`, seconds, for tests; default 60).
fn timeout() -> Duration {
    let seconds = std::env::var("KRING_SMTP_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(60.0);
    Duration::from_secs_f64(seconds)
}

fn smtp(s: &SendSettings, root: &Path) -> Result<SmtpTransport, SetupError> {
    let host = s
        .smtp_host
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .ok_or(SetupError::NoHost)?;
    let security = s.smtp_security.unwrap_or_default();
    let port = s.smtp_port.unwrap_or(match security {
        Security::Starttls => 587,
        Security::Tls => 465,
        Security::None => 25,
    });
    let tls = match security {
        Security::None => {
            if !is_loopback(host, port) {
                return Err(SetupError::PlainNotLoopback(host.to_string()));
            }
            Tls::None
        }
        Security::Starttls => Tls::Required(tls_parameters(host)?),
        Security::Tls => Tls::Wrapper(tls_parameters(host)?),
    };
    let mut builder = SmtpTransport::builder_dangerous(host)
        .port(port)
        .tls(tls)
        .timeout(Some(timeout()));
    if let Some(user) = s.smtp_user.as_deref().filter(|u| !u.trim().is_empty()) {
        builder = builder.credentials(Credentials::new(user.to_string(), password(root)?));
    }
    Ok(builder.build())
}

/// TLS with certificate checking against the system's certificates, plus
/// the one in `KRING_SMTP_CA_FILE` if set (a private CA, or the tests'
/// own server).
fn tls_parameters(host: &str) -> Result<TlsParameters, SetupError> {
    let mut builder = TlsParameters::builder(host.to_string());
    if let Some(file) = std::env::var_os("KRING_SMTP_CA_FILE") {
        let shown = PathBuf::from(&file).display().to_string();
        let pem =
            std::fs::read(&file).map_err(|e| SetupError::CaFile(shown.clone(), e.to_string()))?;
        let cert =
            Certificate::from_pem(&pem).map_err(|e| SetupError::CaFile(shown, e.to_string()))?;
        builder = builder.add_root_certificate(cert);
    }
    builder
        .build_rustls()
        .map_err(|e| SetupError::Tls(host.to_string(), e.to_string()))
}

/// The SMTP password, from the environment only.
fn password(root: &Path) -> Result<String, SetupError> {
    if let Ok(password) = std::env::var("KRING_SMTP_PASSWORD")
        && !password.is_empty()
    {
        return Ok(password);
    }
    let Some(file) = std::env::var_os("KRING_SMTP_PASSWORD_FILE") else {
        return Err(SetupError::NoPassword);
    };
    let file = PathBuf::from(file);
    let shown = file.display().to_string();
    let real = file
        .canonicalize()
        .map_err(|e| SetupError::PasswordFile(shown.clone(), e))?;
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if real.starts_with(&root) {
        return Err(SetupError::PasswordInRepository(shown));
    }
    let text = std::fs::read_to_string(&real).map_err(|e| SetupError::PasswordFile(shown, e))?;
    // The file's last line break is not part of the password.
    Ok(text.trim_end_matches(['\r', '\n']).to_string())
}

/// Whether `host` is this machine: every address it names is a loopback
/// address.
fn is_loopback(host: &str, port: u16) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return ip.is_loopback();
    }
    match (host, port).to_socket_addrs() {
        Ok(addrs) => {
            let addrs: Vec<_> = addrs.collect();
            !addrs.is_empty() && addrs.iter().all(|a| a.ip().is_loopback())
        }
        Err(_) => false,
    }
}

fn answer(response: &Response) -> String {
    let text: Vec<&str> = response.message().collect();
    one_line(&format!("{} {}", response.code(), text.join(" ")))
}

/// An SMTP error as an answer for the record: 5xx is permanent, anything
/// else (4xx, a dropped connection, a time-out, a TLS failure) transient.
fn refused(e: &lettre::transport::smtp::Error) -> Refused {
    use std::error::Error as _;
    // The server's own words, as it said them: "550 5.1.1 user unknown".
    let text = match (e.status(), e.source()) {
        (Some(code), Some(words)) => one_line(&format!("{code} {words}")),
        _ => one_line(&e.to_string()),
    };
    if e.is_permanent() {
        Refused::Permanent(text)
    } else {
        Refused::Transient(text)
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_smtp_only_to_this_machine() {
        assert!(is_loopback("localhost", 25));
        assert!(is_loopback("127.0.0.1", 25));
        assert!(is_loopback("[::1]", 25));
        assert!(!is_loopback("192.0.2.1", 25));
        let settings = SendSettings {
            transport: Some(Transport::Smtp),
            smtp_host: Some("192.0.2.1".into()),
            smtp_security: Some(Security::None),
            ..SendSettings::default()
        };
        let err = Courier::new(Some(&settings), Path::new("/nonexistent"))
            .err()
            .unwrap();
        assert!(matches!(err, SetupError::PlainNotLoopback(_)), "{err}");
    }

    #[test]
    fn the_outbox_is_the_default() {
        let courier = Courier::new(None, Path::new("/repo")).ok().unwrap();
        assert!(matches!(courier, Courier::Outbox(p) if p == Path::new("/repo/outbox")));
    }
}
