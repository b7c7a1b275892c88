//! `kring letters` on `tests/fixtures/letters/`: who gets a letter, what
//! `--record` writes, and the printed page checked as a printer would,
//! with headless Chromium and `pdftotext -bbox` (docs/post.md).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{TODAY, copy_tree, fixture_dir, kring, read};

/// A copy of the letters fixture.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("letters"), dir.path());
    dir
}

/// Runs `kring letters` in `dir` with `args`; its stdout and stderr.
fn letters(dir: &Path, args: &[&str]) -> (String, String) {
    let output = kring()
        .current_dir(dir)
        .args(["letters", "--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{stdout}\n{stderr}");
    (stdout, stderr)
}

/// The letters of the fixture on TODAY, as `kring letters` lists them.
const LISTING: &str = "\
2026-060-jansen\tsem\tinvitation\tnl\tSem Jansen
2026-060-jansen\tvader\tinvitation\tnl\tMark Jansen
2026-060-jansen\toma-gerda\tinvitation\tnl\tGerda Jansen-de Boer
2026-060-jansen\thannah\tinvitation\ten\tHannah Brown
2026-061-bos\tdaan\tplan\tnl\tDaan de Bos
2026-061-bos\topa\tplan\tnl\tHendrik de Bos
";

/// Who gets post: no email, or `post = true`; not declined; the plan to
/// those who took part. The neighbour has no address and is named.
#[test]
fn letters_go_to_everyone_who_gets_post() {
    let dir = fixture();
    let (stdout, stderr) = letters(dir.path(), &[]);
    assert_eq!(stdout, LISTING);
    assert!(
        stderr.contains("2026-060-jansen: `buurman` gets post but no address"),
        "{stderr}"
    );
    assert!(
        stderr.contains("wrote out/letters-2026-11-22.html: 6 letters for 2 cases"),
        "{stderr}"
    );
    let html = read(&dir.path().join("out/letters-2026-11-22.html"));
    assert_eq!(html.matches("<article").count(), 6);
    // Hannah's letter is the English invitation, the others Dutch.
    assert!(html.contains("<article class=\"letter invitation\" lang=\"en\">"));
    assert!(html.contains("Gerda Jansen-de Boer<br>Dorpsstraat 5<br>9761 AB  EELDE"));
    // The coordinator of Bos has no contact of her own: the organisation's.
    let bos = html.split("<article").nth(5).unwrap();
    assert!(bos.contains("Postbus 12<br>9700 AA Groningen"), "{bos}");
    assert!(!bos.contains("m.dijkman@example.org"));
}

#[cfg(unix)]
#[test]
fn the_letters_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = fixture();
    letters(dir.path(), &["--out", "post/today.html"]);
    let mode = std::fs::metadata(dir.path().join("post/today.html"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// `--record` writes each letter into `[[sent]]`, moves a proposed
/// participant to invited, and a second run prints nothing: nothing
/// unchanged goes twice. A changed invitation goes again, as an update.
#[test]
fn recorded_letters_are_not_printed_again() {
    let dir = fixture();
    let (_, stderr) = letters(dir.path(), &["--record"]);
    assert!(
        stderr.contains("recorded 6 letters as sent by post on 2026-11-22 in 2 case files"),
        "{stderr}"
    );
    let jansen_path = dir.path().join("cases/2026-060-jansen.toml");
    let jansen: toml::Table = toml::from_str(&read(&jansen_path)).unwrap();
    let sent = jansen["sent"].as_array().unwrap();
    assert_eq!(sent.len(), 4);
    for entry in sent {
        assert_eq!(entry["via"].as_str(), Some("post"));
        assert_eq!(entry["state"].as_str(), Some("sent"));
        assert_eq!(entry["date"].to_string(), "2026-11-22");
        assert_eq!(entry["version"].as_str().unwrap().len(), 16);
    }
    let hannah = jansen["participant"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"].as_str() == Some("hannah"))
        .unwrap();
    assert_eq!(
        hannah["status"].as_str(),
        Some("invited"),
        "proposed → invited"
    );
    // Tom gets the plan by email, so the plan is not yet sent to all.
    let bos = read(&dir.path().join("cases/2026-061-bos.toml"));
    assert!(!bos.contains("\nsent = "), "{bos}");

    let (stdout, stderr) = letters(dir.path(), &["--record"]);
    assert_eq!(stdout, "");
    assert!(stderr.contains("no letters are due"), "{stderr}");
    let again = read(&jansen_path);
    assert_eq!(
        toml::from_str::<toml::Table>(&again).unwrap()["sent"]
            .as_array()
            .unwrap()
            .len(),
        4
    );

    // The conference moves to the afternoon: every invitation changes.
    let text = read(&jansen_path).replace("start = 10:00:00", "start = 14:00:00");
    let text = text.replace("end = 13:00:00", "end = 17:00:00");
    std::fs::write(&jansen_path, text).unwrap();
    let (stdout, _) = letters(dir.path(), &[]);
    assert_eq!(
        stdout.lines().filter(|l| l.contains("\tupdate\t")).count(),
        4,
        "{stdout}"
    );
}

/// The plan is sent once everyone who took part has it, by email or by
/// post: when the last of them get it by post, `plan.sent` is set.
#[test]
fn the_last_plan_letter_sets_plan_sent() {
    let dir = fixture();
    let bos = dir.path().join("cases/2026-061-bos.toml");
    // Tom now gets post too: nobody waits for an email.
    let text = read(&bos).replace(
        "email = \"tom.kuiper@example.nl\"",
        "address = \"Vlietstraat 3, 9725 BB  GRONINGEN\"",
    );
    std::fs::write(&bos, text).unwrap();
    let (stdout, _) = letters(dir.path(), &["2026-061-bos", "--record"]);
    assert_eq!(
        stdout.lines().filter(|l| l.contains("\tplan\t")).count(),
        3,
        "{stdout}"
    );
    let case: toml::Table = toml::from_str(&read(&bos)).unwrap();
    assert_eq!(case["plan"]["sent"].to_string(), "2026-11-22");
    let (stdout, stderr) = letters(dir.path(), &["2026-061-bos"]);
    assert_eq!(stdout, "", "{stderr}");
}

/// A case that does not check without errors gets no letters, and the run
/// says so and exits 1.
#[test]
fn a_case_with_errors_gets_no_letters() {
    let dir = fixture();
    let bos = dir.path().join("cases/2026-061-bos.toml");
    std::fs::write(
        &bos,
        read(&bos).replace("variant = \"family\"", "variant = \"famliy\""),
    )
    .unwrap();
    let output = kring()
        .current_dir(dir.path())
        .args(["letters", "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("2026-061-bos"), "{stdout}");
    assert_eq!(stdout.lines().count(), 4);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cases/2026-061-bos.toml has errors: no letters from it"),
        "{stderr}"
    );
}

// ─── As a printer would ─────────────────────────────────────────────────

/// One word of a PDF page as `pdftotext -bbox` gives it, in millimetres
/// from the top left corner of the sheet.
#[derive(Debug, Clone)]
struct Word {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

/// A rectangle on the sheet, in millimetres: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

/// Where kring prints the address (docs/post.md): inside what the window
/// of a DL envelope shows however the folded sheet lies in it.
const ADDRESS_BOX: Rect = (25.0, 55.0, 95.0, 85.0);
/// Every part of the sheet the window can show, the sheet sliding 10 mm
/// sideways and 5 mm up and down in the envelope: nothing else may be
/// printed here.
const WINDOW_REACH: Rect = (10.0, 45.0, 110.0, 95.0);

impl Word {
    /// Inside `r`, give or take a tenth of a millimetre of rounding.
    fn inside(&self, r: Rect) -> bool {
        let e = 0.1;
        self.x0 >= r.0 - e && self.y0 >= r.1 - e && self.x1 <= r.2 + e && self.y1 <= r.3 + e
    }

    fn touches(&self, r: Rect) -> bool {
        self.x0 < r.2 && self.x1 > r.0 && self.y0 < r.3 && self.y1 > r.1
    }
}

/// A program the test needs, found by running it with `version` (its
/// version flag); `None` (the test is skipped) only outside CI.
fn tool(names: &[&str], version: &str, package: &str) -> Option<PathBuf> {
    let found = names.iter().find_map(|name| {
        let ok = Command::new(name)
            .arg(version)
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| PathBuf::from(name))
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is needed in CI (Debian package {package}; .ci/run installs it)",
            names[0]
        );
        eprintln!(
            "skipped: {} is not installed (Debian package {package}); CI runs this test",
            names[0]
        );
    }
    found
}

/// The pages of a PDF, each as its words.
fn pages(pdf: &Path) -> Vec<Vec<Word>> {
    let output = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let mm = 25.4 / 72.0;
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse::<f64>().unwrap() * mm
    };
    text.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|word| {
                    let (tag, rest) = word.split_once('>').unwrap();
                    let text = rest.split("</word>").next().unwrap();
                    let text = text
                        .replace("&amp;", "&")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">");
                    Word {
                        x0: attr(tag, "xMin"),
                        y0: attr(tag, "yMin"),
                        x1: attr(tag, "xMax"),
                        y1: attr(tag, "yMax"),
                        text,
                    }
                })
                .collect()
        })
        .collect()
}

/// The words of a text, as the PDF has them.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}

/// The fixture's letters printed to PDF: on each letter's first page the
/// recipient's name and address lie inside the window and nothing else
/// does; each letter starts on a page of its own, and every page keeps the
/// letter's margins.
#[test]
fn printed_letters_show_the_address_in_the_window_and_nothing_else() {
    let Some(chromium) = tool(&["chromium", "chromium-browser"], "--version", "chromium") else {
        return;
    };
    if tool(&["pdftotext"], "-v", "poppler-utils").is_none() {
        return;
    }
    let dir = fixture();
    letters(dir.path(), &["--out", "letters.html"]);
    let html = dir.path().join("letters.html");
    let pdf = dir.path().join("letters.pdf");
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(pdf.is_file(), "{}", String::from_utf8_lossy(&status.stderr));
    let pages = pages(&pdf);

    // Each letter's recipient, from the file itself, and its last words.
    let source = read(&html);
    let articles: Vec<&str> = source.split("<article").skip(1).collect();
    assert_eq!(articles.len(), 6);
    let recipients: Vec<Vec<String>> = articles
        .iter()
        .map(|a| {
            let lines = a.split("<p class=\"recipient\">").nth(1).unwrap();
            let lines = lines.split("</p>").next().unwrap();
            words(&lines.replace("<br>", " "))
        })
        .collect();
    assert_eq!(
        recipients[2],
        words("Gerda Jansen-de Boer Dorpsstraat 5 9761 AB EELDE")
    );

    // The first page of each letter: the page whose window shows exactly
    // that letter's recipient.
    let mut starts = Vec::new();
    let mut windows = Vec::new();
    for (number, page) in pages.iter().enumerate() {
        let in_window: Vec<&Word> = page.iter().filter(|w| w.touches(WINDOW_REACH)).collect();
        let shown: Vec<String> = in_window.iter().map(|w| w.text.clone()).collect();
        windows.push(format!("page {}: {}", number + 1, shown.join(" ")));
        let Some(letter) = recipients.iter().position(|r| *r == shown) else {
            continue;
        };
        for word in &in_window {
            assert!(
                word.inside(ADDRESS_BOX),
                "page {}: {word:?} is outside the address box",
                number + 1
            );
        }
        starts.push((number, letter));
    }
    let order: Vec<usize> = starts.iter().map(|(_, letter)| *letter).collect();
    assert_eq!(
        order,
        [0, 1, 2, 3, 4, 5],
        "every letter once, in order: {starts:?}; in the window:\n{}",
        windows.join("\n")
    );
    assert_eq!(starts[0].0, 0, "the first letter starts on the first page");

    // Each letter ends on the page before the next one starts (the last
    // page for the last): no letter shares a page with another.
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .map(|(page, _)| page - 1)
        .chain([pages.len() - 1])
        .collect();
    for (article, end) in articles.iter().zip(&ends) {
        let text = crate::support::visible_text(&format!("<body>{article}"));
        let last = words(&text).pop().unwrap();
        let page_last = &pages[*end].last().unwrap().text;
        assert_eq!(page_last, &last, "page {} ends its letter", end + 1);
    }
    println!(
        "{} pages; letters start on pages {:?}",
        pages.len(),
        starts.iter().map(|(p, _)| p + 1).collect::<Vec<_>>()
    );

    // The letter's own margins on every page: 25 mm left, 20 mm right,
    // top and bottom (a word's box reaches a little above its letters).
    for (number, page) in pages.iter().enumerate() {
        for word in page {
            assert!(
                word.inside((24.5, 19.5, 190.5, 277.5)),
                "page {}: {word:?} is in the margin",
                number + 1
            );
        }
    }
}

/// Names and addresses print literally: a `<b>` in a case file stays text.
#[test]
fn names_and_addresses_print_literally() {
    let dir = fixture();
    let jansen = dir.path().join("cases/2026-060-jansen.toml");
    let text = read(&jansen)
        .replace(
            "name = \"Hannah Brown\"",
            "name = \"Hannah <b>Brown</b> & Co\"",
        )
        .replace("Vinkenstraat 16,", "Vinkenstraat <i>16</i>,");
    std::fs::write(&jansen, text).unwrap();
    letters(dir.path(), &[]);
    let html = read(&dir.path().join("out/letters-2026-11-22.html"));
    assert!(
        html.contains(
            "Hannah &lt;b&gt;Brown&lt;/b&gt; &amp; Co<br>Vinkenstraat &lt;i&gt;16&lt;/i&gt;<br>"
        ),
        "{html}"
    );
    assert!(!html.contains("<b>") && !html.contains("<i>"));
}

/// An address that does not fit the window (more than six lines with the
/// name) is named and not printed; the date is in the letter's language.
#[test]
fn an_address_too_long_for_the_window_is_named() {
    let dir = fixture();
    let jansen = dir.path().join("cases/2026-060-jansen.toml");
    let text = read(&jansen).replace(
        "address = \"Zuiderdiep 40-2, 9711 HJ Groningen\"",
        "address = \"p/a Kamer 12, Zorgcentrum De Linde, Afdeling Oost, Zuiderdiep 40-2, 9711 HJ Groningen, Nederland\"",
    );
    std::fs::write(&jansen, text).unwrap();
    let (stdout, stderr) = letters(dir.path(), &[]);
    assert!(!stdout.contains("\tvader\t"), "{stdout}");
    assert!(
        stderr.contains("2026-060-jansen: the address of `vader` has 7 lines with the name"),
        "{stderr}"
    );
    let html = read(&dir.path().join("out/letters-2026-11-22.html"));
    let english = html.split("<article").nth(3).unwrap();
    assert!(english.contains("lang=\"en\""), "{english}");
    assert!(english.contains("<p class=\"date\">22 November 2026</p>"));
    assert!(html.contains("<p class=\"date\">22 november 2026</p>"));
}

/// `kring letters` prints exactly what `kring send` leaves for the post.
#[test]
fn letters_print_what_send_leaves_for_the_post() {
    let dir = fixture();
    let output = kring()
        .current_dir(dir.path())
        .args(["send", "--dry-run", "--today", TODAY, "2026-060-jansen"])
        .output()
        .unwrap();
    let dry_run = String::from_utf8_lossy(&output.stdout);
    let by_post: Vec<String> = dry_run
        .lines()
        .filter(|l| l.contains("by post"))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            format!("{} {} {}", f[0], f[1], f[4])
        })
        .collect();
    assert_eq!(by_post.len(), 4, "{dry_run}");
    let (stdout, _) = letters(dir.path(), &["2026-060-jansen"]);
    let printed: Vec<String> = stdout
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            format!("{} {} {}", f[0], f[1], f[2])
        })
        .collect();
    assert_eq!(printed, by_post);
}

/// A case cancelled before its conference: everyone who got the invitation
/// by post gets a letter that it does not take place.
#[test]
fn a_cancelled_conference_is_cancelled_by_post() {
    let dir = fixture();
    letters(dir.path(), &["2026-060-jansen", "--record"]);
    let jansen = dir.path().join("cases/2026-060-jansen.toml");
    // K301 wants `closed.date` after `conference.date`: a conference called
    // off before its day loses its date.
    let mut text = read(&jansen).replace("date = 2026-12-12\n", "");
    text.push_str("\n[closed]\ndate = 2026-11-22\nreason = \"cancelled\"\n");
    std::fs::write(&jansen, text).unwrap();
    let (stdout, _) = letters(dir.path(), &["2026-060-jansen"]);
    let cancelled: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("\tcancellation\t"))
        .collect();
    assert_eq!(cancelled.len(), 4, "{stdout}");
    let html = read(&dir.path().join("out/letters-2026-11-22.html"));
    let oma = html.split("<article").nth(3).unwrap();
    assert!(
        oma.contains("Gerda Jansen-de Boer<br>Dorpsstraat 5"),
        "{oma}"
    );
    assert!(oma.contains("gaat niet door"), "{oma}");
    assert!(
        html.contains("will not take place"),
        "Hannah's is in English"
    );
}
