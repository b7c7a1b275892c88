//! `kring send` against a real SMTP server on loopback (`smtp.rs`): what
//! it sends, what the case files record, faults, kills and hostile names.
//! Every message is read back by Python's `email` package, not by kring.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use serde_json::json;

use crate::smtp::{Received, SmtpOptions, SmtpServer};
use crate::support::{copy_tree, demo_dir, kring, read, write};

const TODAY: &str = "2026-11-22";

/// A `kring` for this server: its password and certificate, quick retries.
fn kring_for(server: &SmtpServer, root: &Path) -> assert_cmd::Command {
    let mut cmd = kring();
    cmd.current_dir(root)
        .env("KRING_TODAY", TODAY)
        .env("KRING_SEND_RETRY_MS", "20")
        .env("KRING_SMTP_TIMEOUT", "3");
    for (k, v) in server.kring_env() {
        cmd.env(k, v);
    }
    cmd
}

/// Adds the server's `[send]` table to kring.toml, without `from`: the
/// coordinator of each case is the sender.
fn use_server(root: &Path, server: &SmtpServer) {
    let settings: String = server
        .send_settings("starttls", "unused@example.org")
        .lines()
        .filter(|l| !l.starts_with("from ="))
        .map(|l| format!("{l}\n"))
        .collect();
    let path = root.join("kring.toml");
    let text = format!("{}\n{settings}", read(&path));
    std::fs::write(path, text).unwrap();
}

/// Every case file of a repository, parsed.
fn cases(root: &Path) -> Vec<toml::Table> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("cases")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "toml") {
            found.push(toml::from_str(&read(entry.path())).unwrap());
        }
    }
    found
}

fn people(case: &toml::Table) -> Vec<&toml::Table> {
    case.get("participant")
        .and_then(|p| p.as_array())
        .map(|a| a.iter().filter_map(|p| p.as_table()).collect())
        .unwrap_or_default()
}

fn text<'a>(table: &'a toml::Table, key: &str) -> Option<&'a str> {
    table.get(key).and_then(|v| v.as_str())
}

/// The `[[sent]]` entries of all cases: (case, to, what, state).
fn record(root: &Path) -> Vec<(String, String, String, String)> {
    let mut entries = Vec::new();
    for case in cases(root) {
        for s in case
            .get("sent")
            .and_then(|s| s.as_array())
            .into_iter()
            .flatten()
        {
            let s = s.as_table().unwrap();
            entries.push((
                text(&case, "id").unwrap().to_string(),
                text(s, "to").unwrap().to_string(),
                text(s, "what").unwrap().to_string(),
                text(s, "state").unwrap().to_string(),
            ));
        }
    }
    entries.sort();
    entries
}

/// The one recipient of a message, from its envelope, checked against its
/// To header; no Cc, no Bcc.
fn only_recipient(m: &Received) -> String {
    let envelope = m.envelope_to();
    assert_eq!(envelope.len(), 1, "{envelope:?}");
    assert_eq!(m.addresses("to"), envelope, "To header");
    for header in ["cc", "bcc"] {
        let listed = m.summary["headers"][header].as_array().map_or(0, Vec::len);
        assert_eq!(listed, 0, "{header} in {}", m.eml.display());
    }
    envelope[0].to_lowercase()
}

#[test]
fn the_demo_goes_out_once_with_one_recipient_a_calendar_and_nobody_elses_details() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&demo_dir(), dir.path());
    let _ = std::fs::remove_dir_all(dir.path().join("out"));
    use_server(dir.path(), &server);
    let root = dir.path();

    let run = kring_for(&server, root).arg("send").output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("8 messages sent"), "{stderr}");

    let messages = server.messages();
    assert_eq!(messages.len(), 8);
    // What each case knows of each person, to look for in the others'
    // messages.
    let mut by_email: BTreeMap<String, (String, toml::Table)> = BTreeMap::new();
    let mut coordinators = BTreeMap::new();
    for case in cases(root) {
        let id = text(&case, "id").unwrap().to_string();
        if let Some(email) = case
            .get("coordinator")
            .and_then(|c| c.as_table())
            .and_then(|c| text(c, "email"))
        {
            coordinators.insert(id.clone(), email.to_string());
        }
        for p in people(&case) {
            if let Some(email) = text(p, "email") {
                by_email.insert(email.to_lowercase(), (id.clone(), case.clone()));
            }
        }
    }
    let mut invitations = 0;
    for m in &messages {
        let to = only_recipient(m);
        let (case_id, case) = by_email
            .get(&to)
            .unwrap_or_else(|| panic!("{to} is nobody's address: {:?}", by_email.keys()));
        assert_eq!(m.addresses("from"), [coordinators[case_id].clone()]);
        let types = m.content_types();
        assert!(
            types.contains(&"multipart/alternative".to_string()),
            "{types:?}"
        );
        assert!(types.contains(&"text/plain".to_string()), "{types:?}");
        assert!(types.contains(&"text/html".to_string()), "{types:?}");
        if let Some(calendar) = m.calendar() {
            invitations += 1;
            assert_eq!(calendar["method"], "REQUEST");
            assert_eq!(calendar["content_type_method"], "REQUEST");
            let event = &calendar["events"][0];
            assert_eq!(event["sequence"], 0);
            let uid = event["uid"].as_str().unwrap();
            assert!(
                uid.starts_with(&format!("{case_id}.")) && uid.ends_with("@kring"),
                "{uid}"
            );
            let attendees = event["attendees"].as_array().unwrap();
            assert_eq!(attendees.len(), 1);
            assert_eq!(attendees[0]["address"].as_str().unwrap().to_lowercase(), to);
            assert_eq!(
                event["organizer"]["address"].as_str().unwrap(),
                coordinators[case_id]
            );
        }
        // Nobody else's email, phone or birth date, anywhere in it.
        let mut others = Vec::new();
        for p in people(case) {
            if text(p, "email").is_some_and(|e| e.to_lowercase() == to) {
                continue;
            }
            others.extend(text(p, "email").map(str::to_string));
            others.extend(text(p, "phone").map(str::to_string));
            others.extend(p.get("born").map(|b| b.to_string()));
        }
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        assert_eq!(
            m.forbidden(&others),
            Vec::<String>::new(),
            "{}",
            m.eml.display()
        );
    }
    assert_eq!(
        invitations, 8,
        "the invitations carry a calendar, the plans none"
    );

    let sent = record(root);
    assert_eq!(sent.len(), 8);
    assert!(
        sent.iter().all(|(_, _, _, state)| state == "sent"),
        "{sent:?}"
    );
    // Invitations sent: nobody invited is still `proposed`.
    for case in cases(root) {
        for p in people(&case) {
            let invited = sent.iter().any(|(c, to, what, _)| {
                c == text(&case, "id").unwrap()
                    && to == text(p, "id").unwrap()
                    && what == "invitation"
            });
            if invited {
                assert_ne!(text(p, "status"), Some("proposed"), "{p:?}");
                assert!(text(p, "status").is_some(), "{p:?}");
            }
        }
    }

    // The status and the checklist read the record.
    let status = kring_for(&server, root).arg("status").output().unwrap();
    let status = String::from_utf8_lossy(&status.stdout).to_string();
    let smit = status
        .lines()
        .find(|l| l.starts_with("2026-041-smit"))
        .unwrap();
    assert!(smit.ends_with(" 5 of 8"), "{status}");
    kring_for(&server, root)
        .args(["render", "--only", "checklist", "--format", "md"])
        .assert()
        .success();
    let checklist = read(&root.join("out/2026-041-smit/checklist.md"));
    assert!(
        checklist.contains("sent: invitation by email on 22 Nov")
            || checklist.contains("verstuurd: uitnodiging per e-mail op 22 nov"),
        "{checklist}"
    );

    let agenda = kring_for(&server, root)
        .args(["agenda", "--days", "120"])
        .output()
        .unwrap();
    let agenda = String::from_utf8_lossy(&agenda.stdout).to_string();
    assert!(agenda.contains("; invited: 5 of 8"), "{agenda}");

    // The password is nowhere: not in what kring said, the record or a message.
    let (_, password) = server.credentials().unwrap();
    assert!(!stderr.contains(password) && !String::from_utf8_lossy(&run.stdout).contains(password));
    for case in walkdir::WalkDir::new(root.join("cases")) {
        let case = case.unwrap();
        if case.file_type().is_file() {
            assert!(
                !read(case.path()).contains(password),
                "{}",
                case.path().display()
            );
        }
    }
    assert!(
        server
            .messages()
            .iter()
            .all(|m| m.forbidden(&[password]).is_empty())
    );

    // Nothing unchanged goes twice.
    let again = kring_for(&server, root).arg("send").output().unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(server.messages().len(), 8);
    assert_eq!(record(root).len(), 8);

    // A new place is an update: the same UID, SEQUENCE 1, said in the subject.
    let case = root.join("cases/2026/2026-041-smit.toml");
    let moved = read(&case).replacen("\nlocation = \"", "\nlocation = \"Nieuwe plek: ", 1);
    assert_ne!(moved, read(&case), "the demo case has a place to move");
    std::fs::write(&case, moved).unwrap();
    let update = kring_for(&server, root).arg("send").output().unwrap();
    assert_eq!(
        update.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&update.stderr)
    );
    let messages = server.messages();
    let updates: Vec<&Received> = messages[8..].iter().collect();
    assert_eq!(
        updates.len(),
        5,
        "the five invited by email in the moved case"
    );
    for m in updates {
        // In the recipient's own language.
        let subject = m.subject().unwrap();
        assert!(
            subject.starts_with("Gewijzigd: ") || subject.starts_with("Changed: "),
            "{subject}"
        );
        let event = &m.calendar().unwrap()["events"][0];
        assert_eq!(event["sequence"], 1);
        assert!(event["uid"].as_str().unwrap().starts_with("2026-041-smit."));
    }
}

/// A small repository of `cases` cases, each with `people` participants
/// who all have an email address at example.org.
fn repository(root: &Path, cases: usize, people: usize) {
    write(
        root,
        "kring.toml",
        "organisation = \"Eigen Kracht Centrale\"\nlanguage = \"nl\"\n",
    );
    for c in 0..cases {
        let id = format!("2026-{:03}-test", c + 1);
        let mut text = format!(
            "id = \"{id}\"\nvariant = \"family\"\n\n[request]\nreceived = 2026-10-01\nquestion = \"Hoe zorgen we samen voor Sam?\"\nconsent = 2026-10-02\n\n\
             [coordinator]\nname = \"Fatima El Amrani\"\nassigned = 2026-10-03\nemail = \"f.elamrani@example.org\"\nindependent = true\n\n\
             [conference]\ndate = 2026-12-19\nstart = 14:00\nend = 17:00\nlocation = \"Buurthuis De Kern\"\n"
        );
        for p in 0..people {
            let role = if p == 0 { "central" } else { "family" };
            text.push_str(&format!(
                "\n[[participant]]\nid = \"p{p}\"\nname = \"Persoon {p} van zaak {c}\"\nrole = \"{role}\"\nemail = \"c{c}p{p}@example.org\"\n"
            ));
        }
        write(root, &format!("cases/{id}.toml"), &text);
    }
}

#[test]
fn faults_are_retried_or_recorded_and_a_rerun_sends_only_what_did_not_go() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    repository(root, 2, 4);
    use_server(root, &server);
    server.set_faults(json!({"recipients": {
        "c0p1@example.org": [{"at": "rcpt", "reply": "451 4.7.1 try again later", "times": 2}],
        "c0p2@example.org": [{"at": "rcpt", "reply": "550 5.1.1 user unknown"}],
        "c0p3@example.org": [{"at": "data", "drop": true, "times": 1}],
        "c1p1@example.org": [{"at": "data", "hang": 30}],
    }}));
    let run = kring_for(&server, root).arg("send").output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("550 5.1.1 user unknown"), "{stderr}");

    let attempts = |a: &str| server.attempts_of(a);
    assert_eq!(
        attempts("c0p1@example.org").rcpt,
        3,
        "451 twice, then accepted"
    );
    assert_eq!(attempts("c0p1@example.org").accepted, 1);
    assert_eq!(
        attempts("c0p2@example.org").rcpt,
        1,
        "550 is not tried again"
    );
    assert_eq!(
        attempts("c0p3@example.org").accepted,
        1,
        "a dropped DATA is tried again"
    );
    assert_eq!(attempts("c1p1@example.org").accepted, 0);
    assert_eq!(
        attempts("c1p1@example.org").data,
        4,
        "a time-out is tried 3 more times"
    );

    let record = record(root);
    let state = |case: &str, to: &str| {
        record
            .iter()
            .filter(|(c, t, _, _)| c == case && t == to)
            .map(|(_, _, _, s)| s.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(state("2026-001-test", "p1"), ["sent"]);
    assert_eq!(state("2026-001-test", "p2"), ["failed"]);
    assert_eq!(state("2026-001-test", "p3"), ["sent"]);
    assert_eq!(state("2026-002-test", "p1"), ["failed"]);
    let answer = read(&root.join("cases/2026-001-test.toml"));
    assert!(
        answer.contains("answer = \"550 5.1.1 user unknown\""),
        "{answer}"
    );

    // The server mends; the rerun sends exactly the two that did not go.
    server.clear_faults();
    let before = server.messages().len();
    let rerun = kring_for(&server, root).arg("send").output().unwrap();
    assert_eq!(
        rerun.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let messages = server.messages();
    let new: Vec<String> = messages[before..].iter().map(only_recipient).collect();
    assert_eq!(new, ["c0p2@example.org", "c1p1@example.org"]);
    let mut copies: BTreeMap<String, usize> = BTreeMap::new();
    for m in &messages {
        *copies.entry(only_recipient(m)).or_default() += 1;
    }
    assert!(copies.values().all(|n| *n == 1), "{copies:?}");
    assert_eq!(copies.len(), 8);
}

#[test]
fn a_hostile_name_stays_a_name_and_adds_no_recipient() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    repository(root, 1, 3);
    let path = root.join("cases/2026-001-test.toml");
    let hostile = read(&path)
        .replace(
            "name = \"Persoon 1 van zaak 0\"",
            "name = \"Jan\\r\\nBcc: evil@example.org\\r\\nSubject: gehackt\"",
        )
        .replace("name = \"Persoon 2 van zaak 0\"", "name = \"Ayşe Yıldız\"");
    std::fs::write(&path, hostile).unwrap();
    use_server(root, &server);
    let run = kring_for(&server, root).arg("send").output().unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let messages = server.messages();
    assert_eq!(messages.len(), 3);
    for m in &messages {
        only_recipient(m);
        assert_ne!(m.subject(), Some("gehackt"));
    }
    assert_eq!(server.attempts_of("evil@example.org").rcpt, 0);
    let jan = messages
        .iter()
        .find(|m| only_recipient(m) == "c0p1@example.org")
        .unwrap();
    let to = &jan.summary["headers"]["to"][0];
    assert_eq!(to["address"], "c0p1@example.org");
    assert!(to["name"].as_str().unwrap().starts_with("Jan"), "{to}");
    let ayse = messages
        .iter()
        .find(|m| only_recipient(m) == "c0p2@example.org")
        .unwrap();
    assert_eq!(ayse.summary["headers"]["to"][0]["name"], "Ayşe Yıldız");
    let raw = String::from_utf8_lossy(&ayse.raw);
    let headers = raw.split("\r\n\r\n").next().unwrap();
    assert!(headers.is_ascii(), "a non-ASCII name is encoded: {headers}");
}

/// A small deterministic generator of kill moments.
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn killed_at_any_moment_kring_send_never_sends_a_message_twice() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Enough messages (100) that each round still finds work to be killed
    // in, also on a fast machine.
    repository(root, 10, 10);
    use_server(root, &server);
    let bin = assert_cmd::cargo::cargo_bin("kring");
    let mut moments = Moments(0x6b72696e67);
    let mut kills = 0;
    for _ in 0..40 {
        let mut cmd = std::process::Command::new(&bin);
        cmd.arg("send")
            .current_dir(root)
            .env("KRING_TODAY", TODAY)
            .env("KRING_SEND_RETRY_MS", "20")
            .env_remove("KRING_LANG")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in server.kring_env() {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(moments.next_ms(400)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            kills += 1;
        }
        child.wait().unwrap();
    }
    // Then runs until nothing is due, sending what a kill left uncertain
    // only when asked.
    let finish = kring_for(&server, root).arg("send").output().unwrap();
    let stderr = String::from_utf8_lossy(&finish.stderr).to_string();

    let messages = server.messages();
    let mut copies: BTreeMap<String, usize> = BTreeMap::new();
    for m in &messages {
        *copies.entry(only_recipient(m)).or_default() += 1;
    }
    let twice: Vec<_> = copies.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "sent twice: {twice:?}");
    // Every message recorded as sent is on the server.
    let record = record(root);
    for (case, to, _, state) in &record {
        if state == "sent" {
            let c: usize = case[5..8].parse::<usize>().unwrap() - 1;
            let address = format!("c{c}{to}@example.org");
            assert_eq!(
                copies.get(&address),
                Some(&1),
                "{case} {to} recorded as sent"
            );
        }
    }
    let pending = record.iter().filter(|(_, _, _, s)| s == "pending").count();
    eprintln!(
        "kill test: {kills} kills, {} messages on the server, {} recorded sent, {pending} left uncertain",
        messages.len(),
        record.iter().filter(|(_, _, _, s)| s == "sent").count()
    );
    assert!(kills >= 10, "only {kills} runs were killed");
    if pending > 0 {
        assert_eq!(finish.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("--resend-uncertain"), "{stderr}");
    } else {
        assert_eq!(copies.len(), 100, "{stderr}");
    }
    // Asked to, kring sends what was uncertain, and then everyone has it.
    let resend = kring_for(&server, root)
        .args(["send", "--resend-uncertain"])
        .output()
        .unwrap();
    assert_eq!(
        resend.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&resend.stderr)
    );
    let mut reached = std::collections::BTreeSet::new();
    for m in server.messages() {
        reached.insert(only_recipient(&m));
    }
    assert_eq!(reached.len(), 100);
    let again = kring_for(&server, root).arg("send").output().unwrap();
    assert_eq!(
        again.status.code(),
        Some(0),
        "nothing is uncertain any more"
    );
}

#[test]
fn plan_sent_is_set_once_everyone_who_took_part_has_the_plan() {
    let Some(server) = SmtpServer::start_or_skip(SmtpOptions::default()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    repository(root, 1, 3);
    let path = root.join("cases/2026-001-test.toml");
    // The conference was held on 19 November; the plan is recorded.
    let held = read(&path).replace("date = 2026-12-19", "date = 2026-11-19")
        + "\n[plan]\nrecorded = 2026-11-19\n\n[[plan.agreement]]\nwhat = \"Oma haalt Sam op dinsdag van school\"\nwho = [\"p1\"]\n";
    std::fs::write(&path, held).unwrap();
    use_server(root, &server);
    let first = kring_for(&server, root)
        .args(["send", "--only", "plan", "--to", "p0"])
        .output()
        .unwrap();
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(server.messages().len(), 1);
    let plan = |text: &str| {
        let case: toml::Table = toml::from_str(text).unwrap();
        case["plan"]
            .as_table()
            .unwrap()
            .get("sent")
            .map(|d| d.to_string())
    };
    assert_eq!(plan(&read(&path)), None, "one of three has the plan");
    kring_for(&server, root).arg("send").assert().success();
    assert_eq!(server.messages().len(), 3);
    assert_eq!(plan(&read(&path)).as_deref(), Some(TODAY));
    assert!(server.messages().iter().all(|m| m.calendar().is_none()));
}
