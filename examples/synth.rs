//! A synthetic case repository for benchmarks and load tests.
//!
//! ```sh
//! cargo run --release --example synth -- DIR COUNT [--seed N] [--today YYYY-MM-DD]
//! ```
//!
//! Writes `DIR/kring.toml`, a roster under `DIR/coordinators/` and `COUNT`
//! case files under `DIR/cases/<year>/`. The cases are realistic and valid
//! for `today` (default 2026-11-22): all four variants, 6 to 19 participants
//! each (12.5 on average), half of them held with a recorded plan, the rest
//! spread over the earlier phases or closed without a conference. Each case
//! has its registration (requester, topics, funder), the coordinator's hours
//! (25 to 30 for a held conference) and expenses, and a held conference
//! whose follow-up is done has evaluations; one case in 25 `follows` an
//! earlier one; kring.toml has `[rates]` and `[funders]`. The books come
//! from their own random streams, so that they leave the rest of a case as
//! it was before they were added. The same seed gives the same repository,
//! byte for byte. Everyone in it is made up.
//!
//! `kring check --today <the same date> DIR` reports no errors; the only
//! warnings are the ones a real office has too (a follow-up or plan late,
//! for a few cases).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

const FIRST: &[&str] = &[
    "Anna", "Bram", "Carmen", "Daan", "Esra", "Fleur", "Gijs", "Hatice", "Iris", "Jesse", "Kim",
    "Lars", "Mila", "Noah", "Olga", "Pim", "Quinten", "Roos", "Sem", "Tess", "Umut", "Vera",
    "Wout", "Xandra", "Yara", "Zeynep", "Mohamed", "Fatima", "Shanti", "Rajesh", "Ilse", "Joost",
    "Marloes", "Kees", "Henk", "Ria", "Gerda", "Ayoub", "Nadia", "Priya", "Ruben", "Sanne",
    "Thijs", "Lotte", "Femke", "Milan", "Julia", "Luuk", "Emma", "Finn", "Sara", "Youssef",
    "Anouk", "Bas", "Chantal", "Dewi", "Erik", "Hanna", "Ismail", "Jolanda",
];

const LAST: &[&str] = &[
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Yılmaz",
    "El Amrani",
    "Ramdin",
    "Kaya",
    "Öztürk",
    "Bouzid",
    "Tahiri",
    "Sewnandan",
    "Postma",
    "Kuipers",
    "Veenstra",
    "Wolters",
    "Haddou",
    "Oosterveld",
    "Huisman",
    "Scholten",
    "Prins",
    "Kok",
    "Jacobs",
    "Vermeulen",
    "Koster",
    "Willems",
    "van Vliet",
    "Hoekstra",
    "Maas",
];

const TOWNS: &[(&str, &str)] = &[
    ("Zwolle", "80"),
    ("Deventer", "74"),
    ("Kampen", "82"),
    ("Apeldoorn", "73"),
    ("Raalte", "81"),
    ("Hardenberg", "77"),
];

const STREETS: &[&str] = &[
    "Populierenstraat",
    "Kerkstraat",
    "Molenweg",
    "Dorpsstraat",
    "Schoolstraat",
    "Lindelaan",
    "Beukenlaan",
    "Stationsweg",
    "Esdoornhof",
    "Havenkade",
];

const PLACES: &[&str] = &[
    "Wijkcentrum De Pierik, zaal 2",
    "Buurthuis Het Zandpad, zaal 1",
    "Dorpshuis De Schakel",
    "Bibliotheek, vergaderzaal",
    "Thuis bij de familie",
    "Kerkelijk centrum De Ark, zaal 3",
];

const AGENCIES: &[(&str, &str)] = &[
    ("jeugdbeschermer", "Jeugdbescherming Regio IJsselland"),
    ("gezinscoach", "Wijkteam"),
    ("huisarts", "Huisartsenpraktijk De Linde"),
    ("wijkagent", "Politie Oost-Nederland"),
    ("reclasseringswerker", "Reclassering Nederland"),
    ("schuldhulpverlener", "Schuldhulpverlening gemeente"),
];

const FAMILY: &[&str] = &[
    "moeder", "vader", "oma", "opa", "tante", "oom", "zus", "broer", "neef", "nicht",
];

const COORDINATORS: usize = 80;

/// The funders of kring.toml: key and name.
const FUNDERS: &[(&str, &str)] = &[
    ("gemeente-zwolle", "Gemeente Zwolle"),
    ("gemeente-deventer", "Gemeente Deventer"),
    ("gemeente-kampen", "Gemeente Kampen"),
    ("gemeente-hardenberg", "Gemeente Hardenberg"),
    ("provincie-overijssel", "Provincie Overijssel"),
];

/// Topics a family conference is about.
const FAMILY_TOPICS: &[&str] = &[
    "parenting",
    "parenting",
    "divorce",
    "domestic-violence",
    "child-protection",
    "debt",
    "mental-health",
    "addiction",
    "illness",
    "elderly",
    "eviction",
    "homelessness",
    "disability",
    "work",
];
const ORGANISATION: &str = "Eigen Kracht Regio Synthese";

fn main() {
    if let Err(message) = run() {
        eprintln!("error: {message}");
        eprintln!(
            "usage: cargo run --release --example synth -- DIR COUNT [--seed N] [--today YYYY-MM-DD]"
        );
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut seed = 1u64;
    let mut today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => {
                let value = args.next().ok_or("--seed needs a number")?;
                seed = value.parse().map_err(|_| format!("bad seed {value:?}"))?;
            }
            "--today" => {
                let value = args.next().ok_or("--today needs a date")?;
                today = value.parse().map_err(|_| format!("bad date {value:?}"))?;
            }
            _ => positional.push(arg),
        }
    }
    let [dir, count] = positional.as_slice() else {
        return Err("expected DIR and COUNT".into());
    };
    let count: usize = count.parse().map_err(|_| format!("bad count {count:?}"))?;
    let dir = PathBuf::from(dir);
    if dir.exists()
        && std::fs::read_dir(&dir)
            .map_err(|e| e.to_string())?
            .next()
            .is_some()
    {
        return Err(format!("{} exists and is not empty", dir.display()));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    write(
        &dir,
        "kring.toml",
        &format!(
            "# A synthetic repository made by `cargo run --example synth` (seed {seed}).\n\
             organisation = \"{ORGANISATION}\"\nlanguage = \"nl\"\ntimezone = \"Europe/Amsterdam\"\n\n\
             [rates]\nhour = 47.50\nkm = 0.23\nconference = 125.00\n{}",
            FUNDERS
                .iter()
                .map(|(key, name)| format!("\n[funders.{key}]\nname = \"{name}\"\n"))
                .collect::<String>()
        ),
    )?;
    write(&dir, ".gitignore", "out/\n")?;
    let roster: Vec<(String, String)> = (0..COORDINATORS)
        .map(|i| {
            let name = format!("{} {}", pick(&mut rng, FIRST), pick(&mut rng, LAST));
            (format!("{}-{i:02}", slug(&name)), name)
        })
        .collect();
    for (id, name) in &roster {
        let text = format!(
            "id = \"{id}\"\nname = {}\nemail = \"{id}@example.org\"\nlanguages = [\"nl\", \"en\"]\n\
             training = [\"part1\", \"part2\"]\n\
             weekdays = [\"monday\", \"tuesday\", \"wednesday\", \"thursday\", \"friday\", \"saturday\"]\n",
            quote(name)
        );
        write(&dir, &format!("coordinators/{id}.toml"), &text)?;
    }
    let mut participants = 0;
    // Some conferences continue an earlier case of the repository (`follows`).
    let mut links = StdRng::seed_from_u64(seed ^ 0x5eed_f011);
    let mut earlier: Vec<String> = Vec::with_capacity(count);
    for serial in 0..count {
        let mut books = StdRng::seed_from_u64(seed.rotate_left(32) ^ serial as u64);
        let mut case = Generator {
            rng: &mut rng,
            books: &mut books,
            today,
            roster: &roster,
        }
        .case(serial);
        participants += case.participants;
        if !earlier.is_empty() && links.random_bool(0.04) {
            let followed = &earlier[links.random_range(0..earlier.len())];
            if followed[..4] <= case.id[..4] {
                let at = case
                    .text
                    .find("\nvariant = ")
                    .and_then(|start| Some(start + 1 + case.text[start + 1..].find('\n')? + 1));
                if let Some(at) = at {
                    case.text
                        .insert_str(at, &format!("follows = \"{followed}\"\n"));
                }
            }
        }
        earlier.push(case.id.clone());
        let year = &case.id[..4];
        let path = format!("cases/{year}/{}.toml", case.id);
        write(&dir, &path, &std::mem::take(&mut case.text))?;
    }
    println!(
        "{}: {count} cases, {participants} participants, {COORDINATORS} coordinators (seed {seed}, today {today})",
        dir.display()
    );
    Ok(())
}

fn write(dir: &Path, rel: &str, text: &str) -> Result<(), String> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn pick<'a>(rng: &mut StdRng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// "Gijs van der Meer" → "gijs-van-der-meer"
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'ı' => out.push('i'),
            'Ö' | 'ö' => out.push('o'),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Where a case stands on `today`.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    /// A request without a coordinator.
    Request,
    /// A coordinator, no conference date yet.
    Preparation,
    /// The conference is ahead.
    Scheduled,
    /// Held, plan recorded (and sent, followed up and closed as time allows).
    Held,
    /// Closed without a conference.
    Stopped,
}

#[derive(Clone, Copy, PartialEq)]
enum Variant {
    Family,
    Restorative,
    Community,
    Learning,
}

impl Variant {
    fn as_str(self) -> &'static str {
        match self {
            Variant::Family => "family",
            Variant::Restorative => "restorative",
            Variant::Community => "community",
            Variant::Learning => "learning",
        }
    }
}

struct Person {
    id: String,
    name: String,
    role: &'static str,
    relation: String,
    born: Option<NaiveDate>,
    organisation: Option<&'static str>,
    invited_by: Option<String>,
    declined: bool,
    avoid: Option<String>,
}

struct Case {
    id: String,
    text: String,
    participants: usize,
}

struct Generator<'a> {
    rng: &'a mut StdRng,
    /// The books' own random stream (see the module's comment).
    books: &'a mut StdRng,
    today: NaiveDate,
    roster: &'a [(String, String)],
}

impl Generator<'_> {
    fn days(&mut self, low: u64, high: u64) -> u64 {
        self.rng.random_range(low..=high)
    }

    fn after(&mut self, date: NaiveDate, low: u64, high: u64) -> NaiveDate {
        let n = self.days(low, high);
        date + Days::new(n)
    }

    fn name(&mut self, last: &str) -> String {
        format!("{} {last}", pick(self.rng, FIRST))
    }

    /// Someone from outside the family.
    fn stranger(&mut self) -> String {
        let last = pick(self.rng, LAST);
        self.name(last)
    }

    fn phone(&mut self) -> String {
        format!(
            "06-{:08}",
            self.rng.random_range(10_000_000..100_000_000u32)
        )
    }

    fn address(&mut self) -> String {
        let (town, postcode) = TOWNS[self.rng.random_range(0..TOWNS.len())];
        let letters: String = (0..2)
            .map(|_| char::from(b'A' + self.rng.random_range(0..26u8)))
            .collect();
        format!(
            "{} {}, {postcode}{:02} {letters} {town}",
            pick(self.rng, STREETS),
            self.rng.random_range(1..200u32),
            self.rng.random_range(10..100u32),
        )
    }

    fn case(&mut self, serial: usize) -> Case {
        let variant = match self.rng.random_range(0..100u32) {
            0..55 => Variant::Family,
            55..75 => Variant::Learning,
            75..90 => Variant::Restorative,
            _ => Variant::Community,
        };
        let stage = match self.rng.random_range(0..100u32) {
            0..50 => Stage::Held,
            50..58 => Stage::Request,
            58..70 => Stage::Preparation,
            70..92 => Stage::Scheduled,
            _ => Stage::Stopped,
        };
        // The conference date (or, without one, where the case stands in time),
        // and the request some weeks before it. Held conferences lie within the
        // last 330 days, so that no closed case is past its retention period.
        let conference = match stage {
            Stage::Held => self.today - Days::new(self.days(3, 330)),
            Stage::Scheduled => self.today + Days::new(self.days(1, 120)),
            _ => self.today - Days::new(self.days(0, 200)),
        };
        let received = match stage {
            Stage::Request => conference - Days::new(self.days(0, 10)),
            Stage::Preparation => conference - Days::new(self.days(14, 40)),
            Stage::Stopped => conference - Days::new(self.days(40, 90)),
            Stage::Held | Stage::Scheduled => conference - Days::new(self.days(35, 100)),
        }
        .min(self.today);
        let lead = &self.roster[self.rng.random_range(0..self.roster.len())];
        let family_name = pick(self.rng, LAST);
        let id = format!(
            "{}-{serial:05}-{}",
            received.format("%Y"),
            slug(family_name)
        );
        let people = self.people(variant, family_name, stage, conference);
        let compulsory =
            matches!(variant, Variant::Family | Variant::Restorative) && self.rng.random_bool(0.35);
        let acceptor = people
            .iter()
            .find(|p| p.role == "professional" && !p.declined)
            .map(|p| p.id.clone());
        let compulsory = compulsory && acceptor.is_some();

        let mut t = String::with_capacity(6 * 1024);
        let title = match variant {
            Variant::Learning => format!("Leerplan {}", people[0].name),
            Variant::Restorative => "Herstelgerichte conferentie".to_string(),
            Variant::Community => "Buurtconferentie".to_string(),
            Variant::Family => format!("Eigen Kracht-conferentie {}", people[0].name),
        };
        let _ = writeln!(t, "# Synthetic case {serial}: everyone in it is made up.\n");
        let _ = writeln!(t, "id = \"{id}\"");
        let _ = writeln!(t, "variant = \"{}\"", variant.as_str());
        let _ = writeln!(t, "title = {}", quote(&title));

        let consent = self.after(received, 0, 6).min(self.today);
        let assigned = self.after(received, 1, 7).min(self.today);
        let agreed = self.after(assigned, 1, 7).min(self.today);
        let has_coordinator = stage != Stage::Request;
        let has_question = stage != Stage::Request;
        let _ = writeln!(t, "\n[request]\nreceived = {received}");
        let by = people
            .iter()
            .find(|p| p.role == "professional")
            .map_or_else(|| people[0].id.clone(), |p| p.id.clone());
        let _ = writeln!(t, "by = \"{by}\"");
        if has_question {
            let _ = writeln!(
                t,
                "question = {}",
                quote(&format!(
                    "Wat is er nodig zodat {} weer verder kan, en wie helpt daarbij?",
                    people[0].name
                ))
            );
            let _ = writeln!(t, "question_agreed = {}", agreed.max(assigned));
            let _ = writeln!(t, "consent = {consent}");
        }
        if compulsory {
            let acceptor = acceptor.as_deref().unwrap_or_default();
            let _ = writeln!(t, "compulsory = true\nacceptor = \"{acceptor}\"");
        }
        self.registration(&mut t, variant);

        if has_coordinator {
            let (roster_id, roster_name) = lead;
            let _ = writeln!(
                t,
                "\n[coordinator]\nid = \"{roster_id}\"\nname = {}\nassigned = {assigned}\n\
                 email = \"{roster_id}@example.org\"\nphone = \"{}\"\nlanguages = [\"nl\", \"en\"]\n\
                 organisation = \"{ORGANISATION}\"\nindependent = true",
                quote(roster_name),
                self.phone()
            );
        }

        let dated = matches!(stage, Stage::Held | Stage::Scheduled);
        if dated {
            let learning = variant == Variant::Learning;
            let start = if self.rng.random_bool(0.5) { 10 } else { 19 };
            let _ = writeln!(t, "\n[conference]\ndate = {conference}");
            let (end_h, end_m) = if learning {
                (start + 1, 45)
            } else {
                (start + 3, 0)
            };
            let _ = writeln!(
                t,
                "start = {start:02}:00:00\nend = {end_h:02}:{end_m:02}:00"
            );
            let _ = writeln!(t, "location = {}", quote(pick(self.rng, PLACES)));
            let _ = writeln!(t, "address = {}", quote(&self.address()));
            let _ = writeln!(t, "arrangements = [\"koffie en thee\"]");
            if !learning {
                for (kind, from, to) in [
                    ("information", (start, 0), (start, 40)),
                    ("family-time", (start, 50), (start + 2, 0)),
                    ("plan", (start + 2, 15), (start + 3, 0)),
                ] {
                    let _ = writeln!(
                        t,
                        "\n[[conference.part]]\nkind = \"{kind}\"\nstart = {:02}:{:02}:00\nend = {:02}:{:02}:00",
                        from.0, from.1, to.0, to.1
                    );
                }
            }
        }

        let invited = has_question;
        let prepared_all = matches!(stage, Stage::Held)
            || (stage == Stage::Scheduled && conference <= self.today + Days::new(21));
        for p in &people {
            let _ = writeln!(t, "\n[[participant]]\nid = \"{}\"", p.id);
            let _ = writeln!(t, "name = {}", quote(&p.name));
            let _ = writeln!(t, "role = \"{}\"", p.role);
            let _ = writeln!(t, "relation = {}", quote(&p.relation));
            if let Some(born) = p.born {
                let _ = writeln!(t, "born = {born}");
            }
            if p.role == "professional" || p.role == "school" {
                let _ = writeln!(t, "email = \"{}@example.org\"", p.id);
            } else if self.rng.random_bool(0.6) {
                let _ = writeln!(t, "email = \"{}.{}@example.nl\"", p.id, serial);
            }
            let _ = writeln!(t, "phone = \"{}\"", self.phone());
            if self.rng.random_bool(0.4) {
                let _ = writeln!(t, "address = {}", quote(&self.address()));
            }
            if let Some(org) = p.organisation {
                let _ = writeln!(t, "organisation = \"{org}\"");
            }
            if let Some(by) = &p.invited_by {
                let _ = writeln!(t, "invited_by = \"{by}\"");
            }
            let status = match (invited, p.declined, dated) {
                (false, _, _) => "proposed",
                (true, true, _) => "declined",
                (true, false, true) => "confirmed",
                (true, false, false) => "invited",
            };
            let _ = writeln!(t, "status = \"{status}\"");
            if !p.declined && (prepared_all || (dated && self.rng.random_bool(0.5))) {
                let latest = conference.min(self.today);
                let prepared = self.after(agreed.max(assigned), 0, 20).min(latest);
                let _ = writeln!(t, "prepared = {prepared}");
            }
            if let Some(other) = &p.avoid {
                let _ = writeln!(t, "avoid = [\"{other}\"]");
            }
        }
        if people.iter().any(|p| p.avoid.is_some()) {
            let _ = writeln!(
                t,
                "\n[safety]\narrangement = \"Aparte ingangen en wachtruimtes; de coördinator spreekt vooraf een stopteken af.\""
            );
        }

        if stage == Stage::Held || stage == Stage::Scheduled {
            let circle = self.after(agreed, 0, 10).min(self.today).min(conference);
            let _ = writeln!(t, "\n[tasks]\ncircle = {circle}");
            if stage == Stage::Held {
                let practical = conference - Days::new(self.days(3, 10));
                let information = conference - Days::new(self.days(1, 5));
                let _ = writeln!(
                    t,
                    "practical = {}\ninformation = {}",
                    practical.max(circle),
                    information.max(circle)
                );
            }
        }

        if stage == Stage::Held {
            self.plan(
                &mut t,
                variant,
                &people,
                conference,
                compulsory,
                acceptor.as_deref(),
            );
        }
        if stage == Stage::Stopped {
            let date = self.after(agreed, 1, 30).min(self.today);
            let reason = if self.rng.random_bool(0.5) {
                "cancelled"
            } else {
                "withdrawn"
            };
            let _ = writeln!(t, "\n[closed]\ndate = {date}\nreason = \"{reason}\"");
            let stopped = pick(
                self.books,
                &[
                    "plan-already-made",
                    "situation-changed",
                    "situation-changed",
                    "network-too-small",
                    "not-voluntary",
                    "other",
                ],
            );
            let _ = writeln!(t, "stopped = \"{stopped}\"");
        }
        if has_coordinator {
            let minor = people[0]
                .born
                .is_some_and(|born| conference.years_since(born).is_some_and(|age| age < 18));
            self.books(&mut t, stage, assigned, conference, minor);
        }
        Case {
            id,
            text: t,
            participants: people.len(),
        }
    }

    /// `requester`, `topics` and `funder` in `[request]`.
    fn registration(&mut self, t: &mut String, variant: Variant) {
        let r = self.books.random_range(0..100u32);
        let requester = match (variant, r) {
            (Variant::Learning, 0..70) => "school",
            (_, 0..45) => "professional",
            (_, 45..65) => "family",
            (_, 65..80) => "person",
            (_, 80..88) => "school",
            _ => "other",
        };
        let mut topics: Vec<&str> = match variant {
            Variant::Family => vec![pick(self.books, FAMILY_TOPICS)],
            Variant::Learning => vec!["school"],
            Variant::Restorative => vec!["harm"],
            Variant::Community => vec!["neighbourhood"],
        };
        for _ in 0..self.books.random_range(0..=2u32) {
            let more = match variant {
                Variant::Family | Variant::Learning => pick(self.books, FAMILY_TOPICS),
                Variant::Restorative | Variant::Community => pick(
                    self.books,
                    &["conflict", "neighbourhood", "addiction", "debt"],
                ),
            };
            if !topics.contains(&more) {
                topics.push(more);
            }
        }
        let topics: Vec<String> = topics.iter().map(|t| format!("\"{t}\"")).collect();
        let funder = FUNDERS[self.books.random_range(0..FUNDERS.len())].0;
        let _ = writeln!(
            t,
            "requester = \"{requester}\"\ntopics = [{}]\nfunder = \"{funder}\"",
            topics.join(", ")
        );
    }

    /// Hours in quarters, from `low` to `high` quarters.
    fn quarters(&mut self, low: u32, high: u32) -> String {
        let q = self.books.random_range(low..=high);
        format!("{}.{:02}", q / 4, q % 4 * 25)
    }

    /// Euros with cents, from `low` to `high` euros.
    fn euros(&mut self, low: u32, high: u32) -> String {
        let cents = self.books.random_range(low * 100..=high * 100);
        format!("{}.{:02}", cents / 100, cents % 100)
    }

    /// The coordinator's `[[time]]` and `[[expense]]` entries up to today,
    /// and for a held conference whose follow-up is done, `[[evaluation]]`s.
    fn books(
        &mut self,
        t: &mut String,
        stage: Stage,
        assigned: NaiveDate,
        conference: NaiveDate,
        minor: bool,
    ) {
        let today = self.today;
        let mut time = |g: &mut Self, date: NaiveDate, hours: String, activity: &str| {
            if date <= today {
                let _ = writeln!(
                    t,
                    "\n[[time]]\ndate = {date}\nhours = {hours}\nactivity = \"{activity}\""
                );
                if g.books.random_bool(0.3) {
                    let _ = writeln!(t, "note = \"huisbezoek\"");
                }
            }
        };
        let intake = (assigned + Days::new(self.days_books(0, 3))).min(today);
        let hours = self.quarters(6, 10);
        time(self, intake, hours, "intake");
        let (visits, until) = match stage {
            Stage::Request => return,
            // Closed within weeks of the request; its last visit is not long after.
            Stage::Stopped => (
                self.books.random_range(1..=3u32),
                (intake + Days::new(20)).min(today),
            ),
            Stage::Preparation => (self.books.random_range(1..=4u32), today),
            Stage::Scheduled | Stage::Held => (self.books.random_range(6..=8u32), conference),
        };
        let span = (until - intake).num_days().max(1) as u64;
        let mut visit_days = Vec::new();
        for n in 0..visits {
            let day = intake + Days::new(span * u64::from(n + 1) / u64::from(visits + 1));
            visit_days.push(day);
            let hours = self.quarters(6, 10);
            time(self, day, hours, "preparation");
            if n % 2 == 0 {
                let hours = self.quarters(2, 5);
                time(self, day, hours, "travel");
            }
        }
        let mut expenses: Vec<(NaiveDate, &str, Option<String>, Option<u32>)> = visit_days
            .iter()
            .step_by(2)
            .map(|day| {
                (
                    *day,
                    "travel",
                    None,
                    Some(self.books.random_range(8..=70u32)),
                )
            })
            .collect();
        if stage == Stage::Held {
            let hours = self.quarters(12, 18);
            time(self, conference, hours, "conference");
            let hours = self.quarters(3, 6);
            time(self, conference, hours, "travel");
            let hours = self.quarters(3, 6);
            time(self, conference + Days::new(1), hours, "other");
            let follow_up = conference + Days::new(self.days_books(21, 30));
            let hours = self.quarters(4, 8);
            time(self, follow_up, hours, "follow-up");
            expenses.push((
                conference,
                "travel",
                None,
                Some(self.books.random_range(10..=60)),
            ));
            expenses.push((conference, "venue", Some(self.euros(40, 150)), None));
            expenses.push((conference, "food", Some(self.euros(25, 110)), None));
            if self.books.random_bool(0.2) {
                expenses.push((conference, "childcare", Some(self.euros(30, 60)), None));
            }
            if self.books.random_bool(0.1) {
                expenses.push((conference, "interpreter", Some(self.euros(60, 180)), None));
            }
        }
        for (date, kind, amount, km) in expenses {
            if date > today {
                continue;
            }
            let _ = writeln!(t, "\n[[expense]]\ndate = {date}\nkind = \"{kind}\"");
            if let Some(amount) = amount {
                let _ = writeln!(t, "amount = {amount}");
            }
            if let Some(km) = km {
                let _ = writeln!(t, "km = {km}");
            }
        }
        let evaluated = stage == Stage::Held && conference + Days::new(30) < today;
        if evaluated && self.books.random_bool(0.8) {
            let groups: &[&str] = if minor {
                &["central-minor", "central-adult", "network", "professional"]
            } else {
                &["central-adult", "network", "network", "professional"]
            };
            for group in groups {
                if !self.books.random_bool(0.75) {
                    continue;
                }
                // Mostly 7 to 9, now and then lower.
                let score = |g: &mut Self| {
                    g.books
                        .random_range(5..=10u32)
                        .max(g.books.random_range(6..=10))
                };
                let (meeting, plan, coordinator) = (score(self), score(self), score(self));
                let _ = writeln!(
                    t,
                    "\n[[evaluation]]\ngroup = \"{group}\"\nmeeting = {meeting}\nplan = {plan}\ncoordinator = {coordinator}"
                );
            }
        }
    }

    fn days_books(&mut self, low: u64, high: u64) -> u64 {
        self.books.random_range(low..=high)
    }

    /// The circle: 6 to 19 people, by variant.
    fn people(
        &mut self,
        variant: Variant,
        family_name: &str,
        stage: Stage,
        conference: NaiveDate,
    ) -> Vec<Person> {
        let total = self.rng.random_range(6..=19usize);
        let mut people: Vec<Person> = Vec::with_capacity(total);
        let age = |g: &mut Self, low: u64, high: u64| {
            let years = g.days(low, high);
            let day = g.days(0, 364);
            Some(conference - Days::new(years * 365 + years / 4 + day))
        };
        match variant {
            Variant::Family => {
                let born = age(self, 1, 17);
                let name = self.name(family_name);
                add(&mut people, "kind", name, "central", "zelf".into(), born);
            }
            Variant::Learning => {
                let born = age(self, 6, 18);
                let name = self.name(family_name);
                add(
                    &mut people,
                    "leerling",
                    name,
                    "central",
                    "zelf".into(),
                    born,
                );
                let name = self.stranger();
                let i = add(&mut people, "mentor", name, "school", "mentor".into(), None);
                people[i].organisation = Some("Het Lindenhof College");
            }
            Variant::Restorative => {
                let name = self.stranger();
                add(
                    &mut people,
                    "gedupeerde",
                    name,
                    "harmed",
                    "gedupeerde".into(),
                    None,
                );
                let name = self.name(family_name);
                let born = age(self, 14, 30);
                add(
                    &mut people,
                    "dader",
                    name,
                    "responsible",
                    "veroorzaker".into(),
                    born,
                );
                let name = self.stranger();
                let i = add(
                    &mut people,
                    "steun",
                    name,
                    "supporter",
                    "steunpersoon".into(),
                    None,
                );
                if self.rng.random_bool(0.15) {
                    people[i].avoid = Some(people[1].id.clone());
                }
            }
            Variant::Community => {
                let name = self.name(family_name);
                add(
                    &mut people,
                    "bewoner",
                    name,
                    "resident",
                    "bewoner".into(),
                    None,
                );
            }
        }
        let professionals = match variant {
            Variant::Learning => 0,
            _ => self.rng.random_range(1..=2usize),
        };
        for _ in 0..professionals {
            let (what, org) = AGENCIES[self.rng.random_range(0..AGENCIES.len())];
            let name = self.stranger();
            let i = add(&mut people, "prof", name, "professional", what.into(), None);
            people[i].organisation = Some(org);
        }
        while people.len() < total {
            let roll = self.rng.random_range(0..10u32);
            let (role, relation, last) = match roll {
                _ if variant == Variant::Community && roll < 7 => {
                    ("resident", "buurtbewoner".to_string(), None)
                }
                0..6 => (
                    "family",
                    pick(self.rng, FAMILY).to_string(),
                    Some(family_name),
                ),
                6..8 => ("friend", "vriend".to_string(), None),
                _ => ("network", "buurman".to_string(), None),
            };
            let last = last.map_or_else(|| pick(self.rng, LAST).to_string(), str::to_string);
            let name = self.name(&last);
            let i = add(&mut people, role, name, role, relation, None);
            // The first person (the central one, a harmed or a resident)
            // brought most of the others in; in a learning case only the
            // pupil invites.
            if self.rng.random_bool(0.7) || variant == Variant::Learning {
                people[i].invited_by = Some(people[0].id.clone());
            }
            // A few people decline, but never the people a variant needs.
            people[i].declined = stage != Stage::Request && self.rng.random_bool(0.06);
        }
        people
    }

    fn plan(
        &mut self,
        t: &mut String,
        variant: Variant,
        people: &[Person],
        conference: NaiveDate,
        compulsory: bool,
        acceptor: Option<&str>,
    ) {
        let sent = self.after(conference, 0, 2);
        let _ = writeln!(t, "\n[plan]\nrecorded = {conference}");
        if sent <= self.today {
            let _ = writeln!(t, "sent = {sent}");
        }
        if variant == Variant::Learning {
            let _ = writeln!(
                t,
                "strengths = [\"doorzetten\", \"goed met dieren\"]\ngoals = [\"rekenen bijhouden\", \"op tijd op school\"]"
            );
        }
        let _ = writeln!(
            t,
            "contingency = \"Als een afspraak niet lukt, belt wie het merkt binnen een week de coördinator van de kring.\""
        );
        let _ = writeln!(t, "review = {}", conference + Days::new(90));
        let attending: Vec<&Person> = people
            .iter()
            .filter(|p| !p.declined && p.role != "school" && p.role != "professional")
            .collect();
        let agreements = self.rng.random_range(3..=7usize);
        for n in 0..agreements {
            let who = attending[self.rng.random_range(0..attending.len())];
            let checks = attending[self.rng.random_range(0..attending.len())];
            let _ = writeln!(
                t,
                "\n[[plan.agreement]]\nwhat = {}\nwho = [\"{}\"]\nwhen = \"elke week\"\nchecks = \"{}\"",
                quote(&format!(
                    "{} helpt met afspraak {} van het plan.",
                    who.name,
                    n + 1
                )),
                who.id,
                checks.id
            );
            if self.rng.random_bool(0.5) {
                let _ = writeln!(t, "by = {}", conference + Days::new(self.days(7, 60)));
            }
        }
        if compulsory && let Some(acceptor) = acceptor {
            let _ = writeln!(
                t,
                "\n[plan.acceptance]\nby = \"{acceptor}\"\ndate = {conference}\naccepted = {}",
                self.rng.random_bool(0.9)
            );
            if t.ends_with("accepted = false\n") {
                let _ = writeln!(
                    t,
                    "reason = \"Het plan regelt nog niet wie de zorg overneemt.\""
                );
            }
        }
        let due = conference + Days::new(28);
        if due < self.today && sent <= self.today {
            let done = conference + Days::new(self.days(20, 30));
            if done <= self.today {
                let first = &people[0].id;
                let _ = writeln!(
                    t,
                    "\n[followup]\ndone = {done}\ncontacted = [\"{first}\"]\nnotes = \"De afspraken lopen.\""
                );
                let closed = self.after(done, 0, 14);
                if closed <= self.today {
                    let _ = writeln!(t, "\n[closed]\ndate = {closed}\nreason = \"completed\"");
                }
            }
        }
    }
}

/// Adds a person to the circle and returns their index.
fn add(
    people: &mut Vec<Person>,
    id_hint: &str,
    name: String,
    role: &'static str,
    relation: String,
    born: Option<NaiveDate>,
) -> usize {
    let id = format!("{id_hint}-{}", people.len() + 1);
    people.push(Person {
        id,
        name,
        role,
        relation,
        born,
        organisation: None,
        invited_by: None,
        declined: false,
        avoid: None,
    });
    people.len() - 1
}
