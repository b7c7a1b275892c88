//! A real SMTP server on loopback for the tests of `kring send`, and the
//! self-tests that prove it works: `tests/smtp/server.py` (aiosmtpd, in the
//! venv `.ci/run` makes), with STARTTLS, implicit TLS, AUTH and fault
//! injection; stored messages read back by `tests/smtp/check_message.py`
//! (Python's `email` package, not kring's). docs/testing.md describes both.
//!
//! ```ignore
//! let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else { return };
//! server.set_faults(json!({"recipients": {"oma@example.org": [
//!     {"at": "rcpt", "reply": "451 4.7.1 try again later", "times": 2}]}}));
//! // write server.send_settings("starttls") into kring.toml, run kring with
//! // server.kring_env(), then:
//! let messages = server.messages();
//! assert_eq!(server.attempts_of("oma@example.org").rcpt, 3);
//! ```

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// `tests/smtp/`, where the server and the parser are.
pub fn smtp_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp")
}

/// Where `.ci/run` puts the venv with aiosmtpd.
fn default_python() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/smtp-venv/bin/python")
}

/// Whether `CI` is set (to anything but empty, `0` or `false`).
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// The interpreter to use: `from_env` (`KRING_TEST_PYTHON`) if given, else
/// `default`; an error says why neither will do. `runs` tells whether an
/// interpreter has the packages (`import aiosmtpd, cryptography`).
fn choose_python(
    from_env: Option<OsString>,
    default: PathBuf,
    runs: impl Fn(&Path) -> bool,
) -> Result<PathBuf, String> {
    let (python, named_by) = match from_env {
        Some(p) if !p.is_empty() => (PathBuf::from(p), "KRING_TEST_PYTHON"),
        _ => (default, "the default path (KRING_TEST_PYTHON is not set)"),
    };
    if !python.exists() {
        return Err(format!(
            "no Python for the SMTP test server at {} ({named_by}); make the venv as .ci/run does: \
             bash scripts/smtp-venv.sh",
            python.display()
        ));
    }
    if !runs(&python) {
        return Err(format!(
            "{} ({named_by}) cannot import aiosmtpd and cryptography; install tests/smtp/requirements.txt \
             into it (bash scripts/smtp-venv.sh does for the default venv)",
            python.display()
        ));
    }
    Ok(python)
}

fn has_packages(python: &Path) -> bool {
    Command::new(python)
        .args(["-c", "import aiosmtpd, cryptography"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The Python that runs the server: `KRING_TEST_PYTHON`, else
/// `target/smtp-venv/bin/python`, if it can import aiosmtpd. When there is
/// none: a panic when `CI` is set, else `None` after a note on stderr (the
/// caller skips its test).
pub fn python() -> Option<PathBuf> {
    static PYTHON: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let found = PYTHON.get_or_init(|| {
        choose_python(
            std::env::var_os("KRING_TEST_PYTHON"),
            default_python(),
            has_packages,
        )
    });
    match found {
        Ok(python) => Some(python.clone()),
        Err(why) if in_ci() => panic!("CI is set and {why}"),
        Err(why) => {
            // Once, and past the test harness's capture of eprintln!, so
            // that a skip does not pass unseen.
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                let note = format!("note: skipping the SMTP tests: {why}\n");
                let _ = std::io::stderr().write_all(note.as_bytes());
            });
            None
        }
    }
}

/// How to start a server. `default()`: STARTTLS required, AUTH as
/// `kring`/`geheim`, an implicit TLS port too, no faults.
#[derive(Debug, Clone)]
pub struct SmtpOptions {
    /// Offer STARTTLS on the main port (with the test certificate).
    pub starttls: bool,
    /// Refuse everything but EHLO, NOOP, QUIT and STARTTLS before STARTTLS.
    pub require_starttls: bool,
    /// Also listen on a second port that speaks TLS from the first byte.
    pub implicit_tls: bool,
    /// Offer AUTH PLAIN/LOGIN with this user and password, and require it
    /// (after TLS on the main port).
    pub auth: Option<(String, String)>,
    /// The fault file's content from the start (see [`SmtpServer::set_faults`]).
    pub faults: Option<Value>,
    /// Seconds before the server drops an idle client.
    pub idle_timeout: f64,
}

impl Default for SmtpOptions {
    fn default() -> Self {
        SmtpOptions {
            starttls: true,
            require_starttls: true,
            implicit_tls: true,
            auth: Some(("kring".into(), "geheim".into())),
            faults: None,
            idle_timeout: 300.0,
        }
    }
}

impl SmtpOptions {
    /// No TLS and no AUTH: for `smtp_security = "none"` to loopback.
    pub fn plain() -> Self {
        SmtpOptions {
            starttls: false,
            require_starttls: false,
            implicit_tls: false,
            auth: None,
            ..SmtpOptions::default()
        }
    }

    pub fn auth(mut self, user: &str, password: &str) -> Self {
        self.auth = Some((user.into(), password.into()));
        self
    }

    pub fn no_auth(mut self) -> Self {
        self.auth = None;
        self
    }

    pub fn faults(mut self, faults: Value) -> Self {
        self.faults = Some(faults);
        self
    }
}

/// How often the server saw a recipient: RCPT commands, DATA transactions
/// that reached the end of the data, and messages stored for it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Attempts {
    pub rcpt: u64,
    pub data: u64,
    pub accepted: u64,
}

/// One stored message: its file, its bytes as received, and
/// `check_message.py`'s summary of it (docs/testing.md lists the keys).
#[derive(Debug, Clone)]
pub struct Received {
    pub eml: PathBuf,
    pub raw: Vec<u8>,
    pub summary: Value,
    python: PathBuf,
}

impl Received {
    /// MAIL FROM.
    pub fn mail_from(&self) -> &str {
        self.summary["envelope"]["mail_from"].as_str().unwrap()
    }

    /// The envelope's RCPT TO addresses.
    pub fn envelope_to(&self) -> Vec<String> {
        strings(&self.summary["envelope"]["rcpt_tos"])
    }

    /// The addresses of a header (`from`, `to`, `cc`, `bcc`, `reply_to`, `sender`).
    pub fn addresses(&self, header: &str) -> Vec<String> {
        self.summary["headers"][header]
            .as_array()
            .unwrap_or_else(|| panic!("no address header {header:?} in the summary"))
            .iter()
            .map(|a| a["address"].as_str().unwrap().to_string())
            .collect()
    }

    /// The decoded Subject.
    pub fn subject(&self) -> Option<&str> {
        self.summary["headers"]["subject"].as_str()
    }

    /// The first text/plain body, decoded, with `\n` line ends.
    pub fn text(&self) -> Option<&str> {
        self.summary["text"].as_str()
    }

    /// The first text/html body, decoded, with `\n` line ends.
    pub fn html(&self) -> Option<&str> {
        self.summary["html"].as_str()
    }

    /// Every MIME part's content type, in order (the root first).
    pub fn content_types(&self) -> Vec<String> {
        self.summary["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["content_type"].as_str().unwrap().to_string())
            .collect()
    }

    /// The first calendar part, parsed (method, content_type_method, events
    /// with uid, sequence, organizer, attendees, description, ...).
    pub fn calendar(&self) -> Option<&Value> {
        Some(&self.summary["calendar"]).filter(|c| !c.is_null())
    }

    /// Which of `texts` occur anywhere in the message (raw, headers, every
    /// part decoded), each as "TEXT: where, where".
    pub fn forbidden(&self, texts: &[&str]) -> Vec<String> {
        let list = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(list.path(), serde_json::to_vec(texts).unwrap()).unwrap();
        let summary = check_message(&self.python, &self.eml, Some(list.path()));
        summary["forbidden"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let text = f["text"].as_str().unwrap();
                format!("{text}: {}", strings(&f["where"]).join(", "))
            })
            .collect()
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// `check_message.py` on one message: its summary.
fn check_message(python: &Path, eml: &Path, forbid_file: Option<&Path>) -> Value {
    let mut cmd = Command::new(python);
    cmd.arg(smtp_dir().join("check_message.py"));
    if let Some(list) = forbid_file {
        cmd.arg("--forbid-file").arg(list);
    }
    let output = cmd.arg(eml).output().expect("check_message.py runs");
    assert!(
        output.status.success(),
        "check_message.py {}: {}",
        eml.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("check_message.py prints JSON")
}

/// A running `tests/smtp/server.py` in a temporary folder of its own. It
/// stops when dropped (its standard input closes, and it exits).
pub struct SmtpServer {
    child: Option<Child>,
    dir: tempfile::TempDir,
    python: PathBuf,
    port: u16,
    tls_port: Option<u16>,
    ca: Option<PathBuf>,
    auth: Option<(String, String)>,
}

impl SmtpServer {
    /// Starts a server; panics without a Python that has aiosmtpd (see
    /// [`python`], which skips instead outside CI: use [`Self::start_or_skip`]).
    pub fn start(options: SmtpOptions) -> SmtpServer {
        Self::start_or_skip(options).expect(
            "no Python with aiosmtpd for the SMTP test server: run .ci/run's setup, or set KRING_TEST_PYTHON",
        )
    }

    /// Starts a server, or `None` (after a note) when there is no Python
    /// with aiosmtpd and `CI` is not set; then the test returns early.
    pub fn start_or_skip(options: SmtpOptions) -> Option<SmtpServer> {
        let python = python()?;
        let dir = tempfile::tempdir().unwrap();
        let port_file = dir.path().join("port.json");
        let faults = dir.path().join("faults.json");
        let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
        let mut cmd = Command::new(&python);
        cmd.arg(smtp_dir().join("server.py"))
            .arg("--state-dir")
            .arg(dir.path())
            .arg("--port-file")
            .arg(&port_file)
            .arg("--maildir")
            .arg(dir.path().join("mail"))
            .arg("--faults")
            .arg(&faults)
            .arg("--stats")
            .arg(dir.path().join("stats.json"))
            .arg("--idle-timeout")
            .arg(options.idle_timeout.to_string())
            .arg("--exit-on-stdin-eof")
            .arg("--verbose");
        if options.starttls {
            cmd.arg("--starttls");
        }
        if options.require_starttls {
            cmd.arg("--require-starttls");
        }
        if options.implicit_tls {
            cmd.arg("--implicit-tls");
        }
        if let Some((user, password)) = &options.auth {
            cmd.arg("--auth").arg(format!("{user}:{password}"));
        }
        let child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("{} cannot start: {e}", python.display()));
        let mut server = SmtpServer {
            child: Some(child),
            dir,
            python,
            port: 0,
            tls_port: None,
            ca: None,
            auth: options.auth.clone(),
        };
        if let Some(faults) = options.faults {
            server.set_faults(faults);
        }
        let ready = server.wait_for_port_file(&port_file);
        server.port = ready["port"].as_u64().unwrap() as u16;
        server.tls_port = ready["tls_port"].as_u64().map(|p| p as u16);
        server.ca = ready["ca"].as_str().map(PathBuf::from);
        Some(server)
    }

    fn wait_for_port_file(&mut self, port_file: &Path) -> Value {
        let start = Instant::now();
        loop {
            // The server renames the file into place: it is whole when seen.
            if let Ok(text) = std::fs::read_to_string(port_file) {
                return serde_json::from_str(&text).unwrap();
            }
            let child = self.child.as_mut().unwrap();
            if let Some(status) = child.try_wait().unwrap() {
                panic!("the SMTP test server exited ({status}):\n{}", self.log());
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the SMTP test server wrote no port file in 30 s:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The host to connect to: the server listens on 127.0.0.1 only (its
    /// certificate also names `localhost`).
    pub fn host(&self) -> &'static str {
        "127.0.0.1"
    }

    /// The main port: plain, with STARTTLS when offered.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The implicit TLS port; panics when the server has none.
    pub fn tls_port(&self) -> u16 {
        self.tls_port
            .expect("this server has no implicit TLS port (SmtpOptions::implicit_tls)")
    }

    /// The PEM file of the test CA that signed the server's certificate (for
    /// `KRING_SMTP_CA_FILE`); panics when the server has no TLS.
    pub fn ca_cert_path(&self) -> &Path {
        self.ca
            .as_deref()
            .expect("this server has no TLS (SmtpOptions::starttls / implicit_tls)")
    }

    /// The AUTH user and password, if the server requires AUTH.
    pub fn credentials(&self) -> Option<(&str, &str)> {
        self.auth.as_ref().map(|(u, p)| (u.as_str(), p.as_str()))
    }

    /// The `[send]` table of a kring.toml that sends through this server;
    /// `security` is `starttls` (the main port), `tls` (the implicit TLS
    /// port) or `none` (the main port, no TLS).
    pub fn send_settings(&self, security: &str, from: &str) -> String {
        let port = match security {
            "tls" => self.tls_port(),
            "starttls" | "none" => self.port,
            other => panic!("unknown smtp_security {other:?}"),
        };
        let user = self
            .auth
            .as_ref()
            .map(|(u, _)| format!("smtp_user = {u:?}\n"))
            .unwrap_or_default();
        format!(
            "[send]\ntransport = \"smtp\"\nfrom = {from:?}\nsmtp_host = {:?}\nsmtp_port = {port}\n\
             smtp_security = {security:?}\n{user}",
            self.host()
        )
    }

    /// The environment kring needs for this server: `KRING_SMTP_PASSWORD`
    /// (with AUTH) and `KRING_SMTP_CA_FILE` (with TLS).
    pub fn kring_env(&self) -> Vec<(String, String)> {
        let mut env = Vec::new();
        if let Some((_, password)) = &self.auth {
            env.push(("KRING_SMTP_PASSWORD".into(), password.clone()));
        }
        if let Some(ca) = &self.ca {
            env.push(("KRING_SMTP_CA_FILE".into(), ca.display().to_string()));
        }
        env
    }

    /// The folder of stored messages (`NNNNNN.eml` with `NNNNNN.json`).
    pub fn maildir(&self) -> PathBuf {
        self.dir.path().join("mail")
    }

    /// Every stored message, in the order received, parsed by
    /// `check_message.py`.
    pub fn messages(&self) -> Vec<Received> {
        let mut emls: Vec<PathBuf> = match std::fs::read_dir(self.maildir()) {
            Ok(entries) => entries
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "eml")
                        && !p.file_name().unwrap().to_string_lossy().starts_with('.')
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        emls.sort();
        if emls.is_empty() {
            return Vec::new();
        }
        let output = Command::new(&self.python)
            .arg(smtp_dir().join("check_message.py"))
            .args(&emls)
            .output()
            .expect("check_message.py runs");
        assert!(
            output.status.success(),
            "check_message.py: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let summaries: Vec<Value> = String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(summaries.len(), emls.len(), "one summary per message");
        emls.into_iter()
            .zip(summaries)
            .map(|(eml, summary)| Received {
                raw: std::fs::read(&eml).unwrap(),
                eml,
                summary,
                python: self.python.clone(),
            })
            .collect()
    }

    /// Whether the server would accept `faults` as its fault file; the
    /// error says what is wrong.
    pub fn check_faults(&self, faults: &Value) -> Result<(), String> {
        let file = tempfile::NamedTempFile::new_in(self.dir.path()).unwrap();
        std::fs::write(file.path(), serde_json::to_vec_pretty(faults).unwrap()).unwrap();
        let output = Command::new(&self.python)
            .arg(smtp_dir().join("server.py"))
            .arg("--check-faults")
            .arg(file.path())
            .output()
            .unwrap();
        if output.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).into_owned())
        }
    }

    /// Replaces the fault file (checked first; a bad one panics). The server
    /// reads it again at each connection and each command of a transaction;
    /// how often each rule has fired restarts when the content changes.
    /// Shape and meaning: docs/testing.md.
    pub fn set_faults(&self, faults: Value) {
        if let Err(why) = self.check_faults(&faults) {
            panic!("bad fault file: {why}");
        }
        let mut tmp = tempfile::NamedTempFile::new_in(self.dir.path()).unwrap();
        tmp.write_all(&serde_json::to_vec_pretty(&faults).unwrap())
            .unwrap();
        tmp.persist(self.dir.path().join("faults.json")).unwrap();
    }

    /// No more faults.
    pub fn clear_faults(&self) {
        self.set_faults(json!({}));
    }

    /// The server's counts: `connections`, `messages`, `auth` {ok, failed},
    /// `recipients` {address: {rcpt, data, accepted}} and `fired` {rule: n}.
    pub fn stats(&self) -> Value {
        let text = std::fs::read_to_string(self.dir.path().join("stats.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    /// [`Attempts`] per recipient address (lower case).
    pub fn attempts(&self) -> BTreeMap<String, Attempts> {
        let stats = self.stats();
        let Some(recipients) = stats["recipients"].as_object() else {
            return BTreeMap::new();
        };
        recipients
            .iter()
            .map(|(address, n)| {
                let count = |k: &str| n[k].as_u64().unwrap();
                let attempts = Attempts {
                    rcpt: count("rcpt"),
                    data: count("data"),
                    accepted: count("accepted"),
                };
                (address.clone(), attempts)
            })
            .collect()
    }

    /// [`Attempts`] for one address (zero if never seen).
    pub fn attempts_of(&self, address: &str) -> Attempts {
        self.attempts()
            .get(&address.to_lowercase())
            .copied()
            .unwrap_or_default()
    }

    /// What the server logged (each transaction and each fault fired).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// Sends SIGTERM and waits (at most 10 s) for the server to exit.
    pub fn stop(mut self) -> ExitStatus {
        let mut child = self.child.take().unwrap();
        let status = Command::new("kill")
            .arg("-TERM")
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success(), "kill -TERM failed");
        let start = Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the SMTP test server ignored SIGTERM:\n{}", self.log());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("--- SMTP test server log ---\n{}", self.log());
        }
        let Some(mut child) = self.child.take() else {
            return;
        };
        drop(child.stdin.take()); // the server exits when its stdin closes
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

// ------------------------------------------------------------- self-tests

/// `tests/smtp/send.py` (smtplib) against `server`: its JSON answer, and
/// how long it took.
fn send(server: &SmtpServer, args: &[&str]) -> (Value, Duration) {
    let start = Instant::now();
    let output = Command::new(&server.python)
        .arg(smtp_dir().join("send.py"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "send.py: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answer = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "send.py printed no JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    (answer, start.elapsed())
}

/// One message to `to` over STARTTLS with AUTH and the test CA.
fn send_secure(server: &SmtpServer, to: &str, extra: &[&str]) -> Value {
    let port = server.port().to_string();
    let ca = server.ca_cert_path().display().to_string();
    let (user, password) = server.credentials().unwrap();
    let mut args: Vec<&str> = vec![
        "--port",
        &port,
        "--ca",
        &ca,
        "--user",
        user,
        "--password",
        password,
        "--from",
        "f.elamrani@example.org",
        "--to",
        to,
    ];
    args.extend_from_slice(extra);
    send(server, &args).0
}

/// One message to `to` without TLS or AUTH (a `plain()` server).
fn send_plain(server: &SmtpServer, to: &str, timeout: &str) -> (Value, Duration) {
    let port = server.port().to_string();
    let args: &[&str] = &[
        "--port",
        &port,
        "--security",
        "none",
        "--timeout",
        timeout,
        "--from",
        "f@example.org",
        "--to",
        to,
    ];
    send(server, args)
}

fn assert_refused(answer: &Value, stage: &str, code: u64, reply: &str) {
    assert_eq!(answer["ok"], false, "{answer}");
    assert_eq!(answer["stage"], stage, "{answer}");
    assert_eq!(answer["code"], code, "{answer}");
    assert_eq!(answer["reply"], reply, "{answer}");
}

fn assert_ok(answer: &Value) {
    assert_eq!(answer, &json!({"ok": true}));
}

#[test]
fn a_message_over_starttls_with_auth_is_stored_byte_for_byte_and_parsed() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    let sample = smtp_dir().join("sample-invitation.eml");
    let sample_path = sample.display().to_string();
    assert_ok(&send_secure(
        &server,
        "zoe@example.org",
        &["--file", &sample_path],
    ));

    let messages = server.messages();
    assert_eq!(messages.len(), 1);
    let m = &messages[0];
    assert_eq!(m.raw, std::fs::read(&sample).unwrap(), "stored as received");
    assert_eq!(m.mail_from(), "f.elamrani@example.org");
    assert_eq!(m.envelope_to(), ["zoe@example.org"]);
    assert_eq!(m.summary["envelope"]["tls"], true);
    assert_eq!(m.summary["envelope"]["auth_user"], "kring");
    assert_eq!(m.summary["envelope"]["port"], server.port());
    assert_eq!(m.addresses("from"), ["f.elamrani@example.org"]);
    assert_eq!(m.addresses("to"), ["zoe@example.org"]);
    assert_eq!(m.summary["headers"]["to"][0]["name"], "Zoë de Vries");
    assert!(m.addresses("cc").is_empty() && m.addresses("bcc").is_empty());
    assert_eq!(
        m.subject(),
        Some("Uitnodiging: familiegroepsconferentie voor Zoë")
    );
    assert_eq!(m.summary["header_counts"]["to"], 1);
    assert_eq!(
        m.content_types(),
        [
            "multipart/alternative",
            "text/plain",
            "text/html",
            "text/calendar"
        ]
    );
    assert_eq!(m.summary["parts"][1]["charset"], "utf-8");
    assert!(m.text().unwrap().starts_with("Beste Zoë,\n\nje bent"));
    assert!(m.html().unwrap().contains("<p>Beste Zo&euml;,</p>"));

    let calendar = m.calendar().unwrap();
    assert_eq!(calendar["method"], "REQUEST");
    assert_eq!(calendar["content_type_method"], "REQUEST");
    let event = &calendar["events"][0];
    assert_eq!(event["uid"], "2026-014-devries-conference@kring.test");
    assert_eq!(event["sequence"], 2);
    assert_eq!(event["organizer"]["address"], "f.elamrani@example.org");
    assert_eq!(event["organizer"]["params"]["CN"], "El Amrani, Fatima");
    let attendees: Vec<&Value> = event["attendees"].as_array().unwrap().iter().collect();
    assert_eq!(attendees.len(), 1);
    assert_eq!(attendees[0]["address"], "zoe@example.org", "folded line");
    assert_eq!(attendees[0]["params"]["PARTSTAT"], "NEEDS-ACTION");
    assert_eq!(
        event["description"],
        "Deel 1: informatie.\nGeboren 2011-04-05 (hoort hier niet)."
    );
    assert_eq!(event["location"], "Buurthuis De Linde; zaal 2");

    // Each forbidden text is hidden by an encoding: a soft line break of
    // quoted-printable, base64 plus an HTML entity, iCalendar folding.
    assert_eq!(
        m.forbidden(&[
            "oma.jansen@example.org",
            "06-12345678",
            "2011-04-05",
            "peter@example.org"
        ]),
        [
            "oma.jansen@example.org: part 1 text/plain",
            "06-12345678: part 2 text/html (entities decoded)",
            "2011-04-05: part 3 text/calendar (unfolded), part 3 text/calendar (unescaped)",
        ]
    );
    assert!(m.forbidden(&["Zoë de Vries"])[0].contains("raw"));
    assert_eq!(server.stats()["auth"], json!({"ok": 1, "failed": 0}));
}

#[test]
fn auth_tls_and_the_certificate_are_required() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    let port = server.port().to_string();
    let ca = server.ca_cert_path().display().to_string();
    let to = ["--from", "f@example.org", "--to", "zoe@example.org"];
    let with = |args: &[&str]| send(&server, &[args, &to[..]].concat()).0;

    let no_auth = with(&["--port", &port, "--ca", &ca]);
    assert_refused(&no_auth, "mail", 530, "5.7.0 Authentication required");
    let wrong = with(&[
        "--port",
        &port,
        "--ca",
        &ca,
        "--user",
        "kring",
        "--password",
        "fout",
    ]);
    assert_refused(
        &wrong,
        "auth",
        535,
        "5.7.8 Authentication credentials invalid",
    );
    // Without STARTTLS, AUTH is not even offered.
    let plain = with(&[
        "--port",
        &port,
        "--security",
        "none",
        "--user",
        "kring",
        "--password",
        "geheim",
    ]);
    assert_eq!(plain["stage"], "auth", "{plain}");
    assert_eq!(plain["error"], "SMTPNotSupportedError", "{plain}");
    let plain_mail = with(&["--port", &port, "--security", "none"]);
    assert_refused(
        &plain_mail,
        "mail",
        530,
        "Must issue a STARTTLS command first",
    );
    // The system's roots do not trust the test CA.
    let untrusted = with(&["--port", &port, "--user", "kring", "--password", "geheim"]);
    assert_eq!(untrusted["stage"], "starttls", "{untrusted}");
    assert_eq!(
        untrusted["error"], "SSLCertVerificationError",
        "{untrusted}"
    );

    assert!(server.messages().is_empty());
    assert_eq!(server.stats()["auth"], json!({"ok": 0, "failed": 1}));
    assert_eq!(server.attempts_of("zoe@example.org"), Attempts::default());
}

#[test]
fn the_implicit_tls_port_checks_the_name_localhost() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    let port = server.tls_port().to_string();
    assert_ne!(server.tls_port(), server.port());
    let ca = server.ca_cert_path().display().to_string();
    let answer = send(
        &server,
        &[
            "--host",
            "localhost",
            "--port",
            &port,
            "--security",
            "tls",
            "--ca",
            &ca,
            "--user",
            "kring",
            "--password",
            "geheim",
            "--from",
            "f@example.org",
            "--to",
            "sam@example.org",
        ],
    )
    .0;
    assert_ok(&answer);
    let messages = server.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].summary["envelope"]["tls"], true);
    assert_eq!(messages[0].summary["envelope"]["port"], server.tls_port());
    assert_eq!(messages[0].summary["envelope"]["auth_user"], "kring");
}

#[test]
fn a_recipient_gets_451_twice_then_is_accepted() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    // Set after the start: the server reads the file again.
    server.set_faults(json!({"recipients": {"Oma@Example.org": [
        {"at": "rcpt", "reply": "451 4.7.1 try again later", "times": 2}
    ]}}));
    for _ in 0..2 {
        let answer = send_secure(&server, "oma@example.org", &[]);
        assert_refused(&answer, "rcpt", 451, "4.7.1 try again later");
    }
    assert!(server.messages().is_empty());
    assert_ok(&send_secure(&server, "oma@example.org", &[]));
    assert_ok(&send_secure(&server, "oma@example.org", &[]));
    assert_eq!(
        server.attempts_of("oma@example.org"),
        Attempts {
            rcpt: 4,
            data: 2,
            accepted: 2
        }
    );
    assert_eq!(server.messages().len(), 2);
    assert_eq!(server.stats()["fired"], json!({"oma@example.org#0": 2}));
}

#[test]
fn a_550_recipient_is_always_refused_and_others_are_not() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::plain()) else {
        return;
    };
    server.set_faults(json!({"recipients": {"nobody@example.org": [
        {"at": "rcpt", "reply": "550 5.1.1 user unknown"}
    ], "moeder@example.org": [
        {"at": "data", "reply": "554 5.6.0 message refused"}
    ]}}));
    for _ in 0..3 {
        let (answer, _) = send_plain(&server, "nobody@example.org", "10");
        assert_refused(&answer, "rcpt", 550, "5.1.1 user unknown");
    }
    let (answer, _) = send_plain(&server, "moeder@example.org", "10");
    assert_refused(&answer, "data", 554, "5.6.0 message refused");
    assert_ok(&send_plain(&server, "sam@example.org", "10").0);
    let attempts = server.attempts();
    assert_eq!(
        attempts["nobody@example.org"],
        Attempts {
            rcpt: 3,
            data: 0,
            accepted: 0
        }
    );
    assert_eq!(
        attempts["moeder@example.org"],
        Attempts {
            rcpt: 1,
            data: 1,
            accepted: 0
        }
    );
    let messages = server.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].envelope_to(), ["sam@example.org"]);
    assert_eq!(messages[0].summary["envelope"]["tls"], false);

    server.clear_faults();
    assert_ok(&send_plain(&server, "nobody@example.org", "10").0);
    assert_eq!(server.attempts_of("nobody@example.org").accepted, 1);
}

#[test]
fn a_connection_dropped_in_data_stores_nothing_unless_told_to() {
    let faults = json!({"recipients": {
        "sam@example.org": [{"at": "data", "drop": true, "times": 1}],
        // The server took the message, but its answer was lost.
        "oma@example.org": [{"at": "data", "drop": true, "deliver": true, "times": 1}]
    }});
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default().faults(faults)) else {
        return;
    };
    let dropped = send_secure(&server, "sam@example.org", &[]);
    assert_eq!(dropped["stage"], "data", "{dropped}");
    assert_eq!(dropped["error"], "SMTPServerDisconnected", "{dropped}");
    assert!(server.messages().is_empty());
    assert_ok(&send_secure(&server, "sam@example.org", &[]));
    assert_eq!(server.messages().len(), 1);

    let lost = send_secure(&server, "oma@example.org", &[]);
    assert_eq!(lost["error"], "SMTPServerDisconnected", "{lost}");
    let messages = server.messages();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[1].envelope_to(), ["oma@example.org"]);
    assert_eq!(
        server.attempts_of("sam@example.org"),
        Attempts {
            rcpt: 2,
            data: 2,
            accepted: 1
        }
    );
}

#[test]
fn a_hang_outlasts_the_clients_timeout_and_blocks_no_one_else() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::plain()) else {
        return;
    };
    server.set_faults(json!({
        "connect": [{"hang": 60, "times": 1}],
        "recipients": {
            "slow@example.org": [{"at": "rcpt", "hang": 60}],
            "*": [{"at": "data", "hang": 60, "times": 1}]
        }
    }));
    // No greeting: the client times out after 1 s, while it waits.
    let (answer, took) = send_plain(&server, "x@example.org", "1");
    assert_eq!(answer["stage"], "connect", "{answer}");
    assert!(
        answer["reply"].as_str().unwrap().contains("timed out"),
        "{answer}"
    );
    assert!(took >= Duration::from_millis(900), "{took:?}");

    // No answer to DATA: nothing stored; the rule for all fired once.
    let (answer, _) = send_plain(&server, "x@example.org", "1");
    assert_eq!(answer["stage"], "data", "{answer}");
    assert!(server.messages().is_empty());

    // A client stuck at RCPT does not hold up the next one.
    let port = server.port().to_string();
    let stuck = Command::new(&server.python)
        .arg(smtp_dir().join("send.py"))
        .args(["--port", &port, "--security", "none", "--timeout", "8"])
        .args(["--from", "f@example.org", "--to", "slow@example.org"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while server.attempts_of("slow@example.org").rcpt == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let (answer, took) = send_plain(&server, "x@example.org", "10");
    assert_ok(&answer);
    assert!(took < Duration::from_secs(6), "{took:?}");
    let stuck = stuck.wait_with_output().unwrap();
    let stuck: Value = serde_json::from_slice(&stuck.stdout).unwrap();
    assert_eq!(stuck["stage"], "rcpt", "{stuck}");
    assert!(stuck["reply"].as_str().unwrap().contains("timed out"));

    assert_eq!(server.messages().len(), 1);
    assert_eq!(
        server.stats()["fired"],
        json!({"connect#0": 1, "*#0": 1, "slow@example.org#0": 1})
    );
}

#[test]
fn sigterm_stops_the_server_even_with_a_hanging_client() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::plain()) else {
        return;
    };
    server.set_faults(json!({"connect": [{"hang": 600}]}));
    let port = server.port();
    let hanging = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let start = Instant::now();
    while server.stats()["connections"] == 0 {
        assert!(start.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = server.stop();
    assert!(status.success(), "{status}");
    // The hanging connection was closed: a read sees the end.
    use std::io::Read;
    hanging
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut buf = [0u8; 16];
    assert!(matches!((&hanging).read(&mut buf), Ok(0) | Err(_)));
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
}

#[test]
fn bad_fault_files_are_refused_before_the_server_sees_them() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::plain()) else {
        return;
    };
    let bad = [
        json!({"recipient": {}}),
        json!({"recipients": {"a@example.org": [{"at": "rcpt"}]}}),
        json!({"recipients": {"a@example.org": [{"at": "mail", "reply": "451 x"}]}}),
        json!({"recipients": {"a@example.org": [{"at": "rcpt", "reply": "hello"}]}}),
        json!({"recipients": {"a@example.org": [{"at": "rcpt", "hang": 1, "times": 0}]}}),
        json!({"recipients": {"a@example.org": [{"at": "rcpt", "drop": true, "deliver": true}]}}),
        json!({"connect": [{"hang": 1, "at": "rcpt"}]}),
    ];
    for faults in bad {
        assert!(server.check_faults(&faults).is_err(), "accepted: {faults}");
    }
    assert_eq!(server.check_faults(&json!({})), Ok(()));
    // A file broken behind the harness's back: the server answers 421 and
    // says why, rather than ignoring it.
    std::fs::write(server.dir.path().join("faults.json"), "{\"connect\": [").unwrap();
    let (answer, _) = send_plain(&server, "x@example.org", "10");
    assert_eq!(answer["code"], 421, "{answer}");
    assert!(
        answer["reply"].as_str().unwrap().contains("bad fault file"),
        "{answer}"
    );
}

#[test]
fn kring_is_told_the_server_its_port_and_its_ca() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    let settings: toml::Value =
        toml::from_str(&server.send_settings("starttls", "f.elamrani@example.org")).unwrap();
    let send = &settings["send"];
    assert_eq!(send["smtp_host"].as_str(), Some("127.0.0.1"));
    assert_eq!(send["smtp_port"].as_integer(), Some(server.port().into()));
    assert_eq!(send["smtp_security"].as_str(), Some("starttls"));
    assert_eq!(send["smtp_user"].as_str(), Some("kring"));
    let tls: toml::Value = toml::from_str(&server.send_settings("tls", "f@example.org")).unwrap();
    assert_eq!(
        tls["send"]["smtp_port"].as_integer(),
        Some(server.tls_port().into())
    );
    let env: BTreeMap<String, String> = server.kring_env().into_iter().collect();
    assert_eq!(env["KRING_SMTP_PASSWORD"], "geheim");
    let ca = std::fs::read_to_string(&env["KRING_SMTP_CA_FILE"]).unwrap();
    assert!(ca.starts_with("-----BEGIN CERTIFICATE-----"));
    assert!(
        SmtpServer::start(SmtpOptions::plain())
            .kring_env()
            .is_empty()
    );
}

#[test]
fn auth_can_be_left_out_or_given_another_user() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default().no_auth()) else {
        return;
    };
    assert_eq!(server.credentials(), None);
    let port = server.port().to_string();
    let ca = server.ca_cert_path().display().to_string();
    let to = ["--from", "f@example.org", "--to", "zoe@example.org"];
    assert_ok(
        &send(
            &server,
            &[&["--port", &port, "--ca", &ca][..], &to[..]].concat(),
        )
        .0,
    );
    assert_eq!(
        server.messages()[0].summary["envelope"]["auth_user"],
        Value::Null
    );

    let server = SmtpServer::start(SmtpOptions::default().auth("coordinator", "s3cr:et"));
    assert_eq!(server.credentials(), Some(("coordinator", "s3cr:et")));
    assert_ok(&send_secure(&server, "zoe@example.org", &[]));
    assert_ok(&send_secure(
        &server,
        "zoe@example.org",
        &["--mechanism", "LOGIN"],
    ));
    let messages = server.messages();
    assert_eq!(messages.len(), 2);
    for m in messages {
        assert_eq!(m.summary["envelope"]["auth_user"], "coordinator");
    }
    assert_eq!(server.stats()["auth"], json!({"ok": 2, "failed": 0}));
}

#[test]
fn the_python_is_found_or_the_reason_given() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let missing = PathBuf::from("/nonexistent/python");
    let yes = |_: &Path| true;
    let no = |_: &Path| false;
    assert_eq!(
        choose_python(Some(here.clone().into()), missing.clone(), yes),
        Ok(here.clone())
    );
    assert_eq!(
        choose_python(None, here.clone(), yes),
        Ok(here.clone()),
        "the default"
    );
    assert_eq!(
        choose_python(Some("".into()), here.clone(), yes),
        Ok(here.clone())
    );
    let err = choose_python(Some(missing.clone().into()), here.clone(), yes).unwrap_err();
    assert!(
        err.contains("/nonexistent/python") && err.contains("KRING_TEST_PYTHON"),
        "{err}"
    );
    let err = choose_python(None, missing, yes).unwrap_err();
    assert!(err.contains("bash scripts/smtp-venv.sh"), "{err}");
    let err = choose_python(None, here, no).unwrap_err();
    assert!(err.contains("cannot import aiosmtpd"), "{err}");
}
