//! The commented roster file `kring new ID --coordinator` writes: one
//! coordinator of the regional office, for `kring match`, `kring status --by
//! coordinator` and the roster rules (K6xx).

use crate::edit::format::toml_string;

/// `coordinators/<id>.toml` for the coordinator `id` named `name`: the keys
/// `kring match` weighs, explained, the optional ones commented out.
pub fn coordinator_skeleton(id: &str, name: Option<&str>) -> String {
    let name = toml_string(name.unwrap_or("TODO: full name"));
    let id = toml_string(id);
    format!(
        "# A coordinator of the roster: `kring match` ranks them for a case, `kring status\n\
         # --by coordinator` shows their load. A case names them with `coordinator.id`.\n\
         # The roster is personal data too: keep it in the case repository only.\n\
         # `kring schema --roster` lists every key.\n\
         \n\
         id = {id}  # Unique in the roster: a-z, 0-9 and -\n\
         name = {name}  # The coordinator's name\n\
         languages = [\"nl\"]  # Languages the coordinator speaks\n\
         training = [\"part1\"]  # Training done: part1 (family, learning), part2 (restorative, community too)\n\
         # email = \"...\"  # Optional: email address\n\
         # phone = \"...\"  # Optional: phone number\n\
         # gender = \"...\"  # Optional: as the coordinator describes it (matched with the family's wishes)\n\
         # born = 1980  # Optional: year of birth\n\
         # background = \"...\"  # Optional: cultural background, free text\n\
         # religion = \"...\"  # Optional: religion or belief, free text\n\
         # region = \"...\"  # Optional: the region the coordinator works in\n\
         # weekdays = [\"monday\", \"tuesday\", \"thursday\"]  # Optional: the days they work (default: every day)\n\
         # ties = [\"...\"]  # Optional: organisations they must not work with (independence)\n\
         \n\
         # [[away]]  # Optional: one per period away\n\
         # from = 2026-07-20  # First day away\n\
         # to = 2026-08-09  # Last day away\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_is_a_valid_roster_file_and_every_key_is_in_the_schema() {
        let text = coordinator_skeleton("anouk-visser", Some("Anouk \"An\" Visser"));
        let roster = crate::repo::roster_from(vec![(
            "coordinators/anouk-visser.toml".into(),
            text.clone().into_bytes(),
        )]);
        assert!(roster.problems.is_empty(), "{:?}", roster.problems);
        assert_eq!(roster.coordinators[0].name, "Anouk \"An\" Visser");
        // The commented keys, uncommented, are valid too.
        let all: String = text
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|r| r.contains(" = ") || r.starts_with("[["))
                    .unwrap_or(l)
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let roster =
            crate::repo::roster_from(vec![("coordinators/x.toml".into(), all.into_bytes())]);
        assert!(roster.problems.is_empty(), "{:?}", roster.problems);
    }
}
