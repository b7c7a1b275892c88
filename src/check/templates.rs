//! The repository's own templates, rendered against sample cases before a
//! real render meets them: a misspelt attribute (`{{ p.naam }}` inside the
//! loop over participants) is found only when a template runs, so `kring
//! check` runs each one on a sample case of every variant, in every
//! language the repository has templates for.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::model::{Case, Settings, Spanned};
use crate::render::templates::Origin;
use crate::render::{Scope, TemplateError, Templates, render_case};
use crate::repo::parse_case;

/// Cases of every variant, with a plan, a declined participant, a learning
/// plan and a participant in another language: the demo's.
const SAMPLES: [&str; 5] = [
    include_str!("../../examples/demo/cases/2026/2026-031-bakker.toml"),
    include_str!("../../examples/demo/cases/2026/2026-038-yildiz.toml"),
    include_str!("../../examples/demo/cases/2026/2026-041-smit.toml"),
    include_str!("../../examples/demo/cases/2026/2026-044-wilgenhof.toml"),
    include_str!("../../examples/demo/cases/2026/2026-047-de-groot.toml"),
];

/// Days on which the samples are in different phases: before the
/// conferences, and after them with plans and follow-ups due.
const DAYS: [(i32, u32, u32); 2] = [(2026, 11, 22), (2027, 6, 1)];

/// What fails when the repository's templates render the sample cases,
/// once per place; nothing when the repository has no templates of its
/// own. Templates named in `known` (already reported) are left out.
pub fn sample_renders(
    templates: &Templates,
    settings: &Settings,
    known: &[TemplateError],
) -> Vec<TemplateError> {
    let own: BTreeSet<&str> = templates
        .origins()
        .iter()
        .filter(|(_, origin)| matches!(origin, Origin::File(_)))
        .map(|(name, _)| name.as_str())
        .collect();
    if own.is_empty() {
        return Vec::new();
    }
    // The languages of the repository's own templates (`nl/plan.md`), and
    // the default one (for `layout.html`).
    let mut languages: BTreeSet<&str> = own
        .iter()
        .filter_map(|n| n.split_once('/'))
        .map(|(l, _)| l)
        .collect();
    languages.insert(settings.language.as_str());

    let samples: Vec<Case> = SAMPLES
        .iter()
        .filter_map(|text| parse_case("sample.toml", text).case.ok())
        .collect();
    let reported: BTreeSet<&str> = known.iter().map(|e| e.template.as_str()).collect();
    let mut seen = BTreeSet::new();
    let mut errors = Vec::new();
    for lang in languages {
        for sample in &samples {
            let mut case = sample.clone();
            case.language = Some(Spanned::new(0..0, lang.to_string()));
            for (y, m, d) in DAYS {
                let Some(today) = NaiveDate::from_ymd_opt(y, m, d) else {
                    continue;
                };
                let Err(error) = render_case(&case, settings, templates, &Scope::ALL, today, &[])
                else {
                    continue;
                };
                if reported.contains(error.template.as_str()) {
                    continue;
                }
                let place = (error.template.clone(), error.line, error.column);
                if seen.insert(place) {
                    errors.push(error);
                }
            }
        }
    }
    errors
}
