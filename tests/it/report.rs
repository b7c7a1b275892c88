//! `kring report`: the year on one HTML page (tests/fixtures/figures, whose
//! figures tests/it/figures.rs works out by hand), with every figure over
//! fewer than five cases withheld, in the text, the tables and the charts.

use std::path::Path;

use crate::support::{TODAY, copy_tree, fixture_dir, kring, write};

/// The bars' colour in the charts (src/region/charts.rs).
const BAR: &str = "fill=\"#1F5A96\"";

fn report(dir: &Path, args: &[&str]) -> String {
    let out = dir.join("page.html");
    kring()
        .arg("report")
        .arg(dir)
        .args(["--year", "2026", "--today", TODAY, "--out"])
        .arg(&out)
        .args(args)
        .assert()
        .success();
    std::fs::read_to_string(out).unwrap()
}

fn region() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("figures"), dir.path());
    dir
}

/// The charts' SVG, in the order of the page.
fn charts(page: &str) -> Vec<&str> {
    page.split("<svg")
        .skip(1)
        .map(|svg| &svg[..svg.find("</svg>").unwrap()])
        .collect()
}

/// The value shown for a key figure, by its label.
fn key_figure(page: &str, label: &str) -> String {
    let start = page
        .find(&format!("<dt>{label}</dt><dd>"))
        .unwrap_or_else(|| panic!("no key figure {label}"));
    let rest = &page[start + label.len() + 13..];
    rest[..rest.find("</dd>").unwrap()].to_string()
}

#[test]
fn key_figures_in_the_language_of_kring_toml_with_small_ones_withheld() {
    let dir = region();
    let page = report(dir.path(), &[]);
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
        "{page}"
    );
    assert!(page.contains("<h1>Eigen Kracht-conferenties 2026</h1>"));
    assert_eq!(key_figure(&page, "aanvragen ontvangen"), "9");
    assert_eq!(key_figure(&page, "conferenties gehouden"), "6");
    // 6 of 6: part and whole at least five.
    assert_eq!(
        key_figure(&page, "conferenties met een vastgelegd plan"),
        "100%"
    );
    // 19 / 6 = 3.17.
    assert_eq!(
        key_figure(&page, "aanwezigen per conferentie, gemiddeld"),
        "3,2"
    );
    // Minors 3 of 5 known: a part below five.
    assert_eq!(key_figure(&page, "met minderjarigen"), "&lt; 5");
    assert_eq!(
        key_figure(&page, "dagen van aanvraag tot conferentie, mediaan"),
        "32,5"
    );
    assert_eq!(
        key_figure(&page, "dagen van aanvraag tot conferentie, kortst"),
        "20"
    );
    // Meeting scores of all groups: 8, 6, 9, 7, 9, 8, 8 (F's 11 left out) =
    // 55 / 7 = 7.86; plan 7, 6, 8, 7, 9, 9, 8 = 54 / 7 = 7.71. Seven scores,
    // but from fewer than five cases: a family's own scores could be read
    // back, so both are withheld (`kring stats` shows them to the office).
    assert_eq!(
        key_figure(&page, "gemiddeld cijfer voor de bijeenkomst"),
        "&lt; 5"
    );
    assert_eq!(
        key_figure(&page, "gemiddeld cijfer voor het plan"),
        "&lt; 5"
    );
    assert_eq!(
        key_figure(&page, "kosten per gehouden conferentie, gemiddeld"),
        "€ 567,02"
    );
    // Two cases stopped: a count below five.
    assert_eq!(key_figure(&page, "gestopt zonder conferentie"), "&lt; 5");
    // Every family figure rests on four conferences.
    let family_row = page
        .lines()
        .find(|l| l.starts_with("<tr><th scope=\"row\">conferenties gehouden</th>"))
        .unwrap();
    assert_eq!(
        family_row,
        "<tr><th scope=\"row\">conferenties gehouden</th><td>&lt; 5</td><td>&lt; 5</td>\
         <td>&lt; 5</td><td>&lt; 5</td><td>6</td></tr>"
    );
    assert!(!page.contains("< 5"), "every \"< 5\" is escaped");
}

#[test]
fn the_charts_draw_no_bar_over_fewer_than_five_cases() {
    let dir = region();
    let page = report(dir.path(), &[]);
    assert_eq!(page.matches("<svg role=\"img\"").count(), 5, "five charts");
    // In this region every month, topic, score, day bin and variant has
    // fewer than five: not one bar.
    assert!(!page.contains(BAR), "a bar over fewer than five cases");
    let withheld_in_charts = charts(&page)
        .iter()
        .map(|svg| svg.matches("&lt; 5").count())
        .sum::<usize>();
    assert_eq!(withheld_in_charts, 12 + 18 + 12 + 6 + 4);

    // Four more family conferences in March make five that month: one bar
    // in the months chart; family reaches eight, still no bar for
    // restorative, community or learning.
    for i in 1..=4 {
        write(
            dir.path(),
            &format!("cases/2026/2026-11{i}-extra.toml"),
            &format!(
                "id = \"2026-11{i}-extra\"\nvariant = \"family\"\n[request]\nreceived = 2026-02-0{i}\n\
                 [conference]\ndate = 2026-03-1{i}\n[plan]\nrecorded = 2026-03-1{i}\n"
            ),
        );
    }
    let page = report(dir.path(), &[]);
    let charts = charts(&page);
    let bars = |svg: &str| svg.matches(BAR).count();
    assert_eq!(bars(charts[0]), 1, "March");
    assert_eq!(bars(charts[4]), 1, "family (8); the others stay below five");
}

#[test]
fn the_page_names_no_one() {
    let dir = region();
    let page = report(dir.path(), &[]);
    for word in [
        "Ahmadi",
        "Sara",
        "Çelik",
        "Anouk",
        "anouk-visser",
        "Carla",
        "2026-101",
        "zwolle",
        "Zwolle",
        "De Schakel",
        "Wat is er nodig",
    ] {
        assert!(!page.contains(word), "the page names {word}");
    }
}

#[test]
fn default_place_language_and_escaping() {
    let dir = region();
    let settings = dir.path().join("kring.toml");
    let text = std::fs::read_to_string(&settings)
        .unwrap()
        .replace("language = \"nl\"", "language = \"en\"")
        .replace(
            "Eigen Kracht Regio Toetsland",
            "Regio <script>alert(1)</script> & \\\"Oost\\\"",
        );
    std::fs::write(&settings, text).unwrap();
    let output = kring()
        .arg("report")
        .arg(dir.path())
        .args(["--year", "2026", "--today", TODAY])
        .env("KRING_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let path = dir.path().join("out/report-2026.html");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("out/report-2026.html"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let page = std::fs::read_to_string(&path).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<h1>Family group conferences 2026</h1>"));
    assert!(page.contains("<dt>conferences held</dt><dd>6</dd>"));
    assert!(page.contains("<th scope=\"row\">parenting</th>"));
    assert!(!page.contains("<script>"), "the organisation is escaped");
    assert!(page.contains("Regio &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Oost&quot;"));
    // No leftovers of the atomic write.
    let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["report-2026.html"]);
}

#[test]
fn a_year_is_required_and_a_year_without_cases_is_all_withheld() {
    let dir = region();
    kring().arg("report").arg(dir.path()).assert().code(2);
    let out = dir.path().join("empty.html");
    kring()
        .arg("report")
        .arg(dir.path())
        .args(["--year", "2019", "--today", TODAY, "--out"])
        .arg(&out)
        .assert()
        .success();
    let page = std::fs::read_to_string(out).unwrap();
    assert!(page.contains("<dt>conferenties gehouden</dt><dd>&lt; 5</dd>"));
    assert!(!page.contains(BAR));
    assert!(!page.contains("NaN"));
}

/// A case file that cannot be read is named, not counted, and makes the
/// exit code 1; the page is still written from the others.
#[test]
fn an_unreadable_case_is_named_and_the_page_still_written() {
    let dir = region();
    write(
        dir.path(),
        "cases/2026/kapot.toml",
        "id = \"2026-099-kapot\nvariant = \n",
    );
    let out = dir.path().join("page.html");
    let output = kring()
        .arg("report")
        .arg(dir.path())
        .args(["--year", "2026", "--today", TODAY, "--out"])
        .arg(&out)
        .env("KRING_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cases/2026/kapot.toml cannot be read"),
        "{stderr}"
    );
    let page = std::fs::read_to_string(out).unwrap();
    assert!(page.contains("<dt>conferenties gehouden</dt><dd>6</dd>"));
}
