//! The document templates: built into the binary, overridable per file from
//! the case repository's `templates/` folder.
//!
//! Markdown templates (`<lang>/<name>.md`) and the HTML layout
//! (`layout.html`) live in two Tera instances, because each escapes values
//! for its own format: Markdown escaping for `.md`, HTML escaping for the
//! layout. Templates never escape by hand.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tera::{Context, ErrorKind, Kwargs, State, Tera, TeraResult};

use super::escape;
use crate::repo::slash_path;

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("layout.html", include_str!("../../templates/layout.html")),
    (
        "en/checklist.md",
        include_str!("../../templates/en/checklist.md"),
    ),
    (
        "en/invitation.md",
        include_str!("../../templates/en/invitation.md"),
    ),
    ("en/plan.md", include_str!("../../templates/en/plan.md")),
    (
        "en/calendar.txt",
        include_str!("../../templates/en/calendar.txt"),
    ),
    (
        "en/declaration.md",
        include_str!("../../templates/en/declaration.md"),
    ),
    (
        "nl/checklist.md",
        include_str!("../../templates/nl/checklist.md"),
    ),
    (
        "nl/invitation.md",
        include_str!("../../templates/nl/invitation.md"),
    ),
    ("nl/plan.md", include_str!("../../templates/nl/plan.md")),
    (
        "nl/calendar.txt",
        include_str!("../../templates/nl/calendar.txt"),
    ),
    (
        "nl/declaration.md",
        include_str!("../../templates/nl/declaration.md"),
    ),
];

/// The template of the description in an invitation's calendar file, in
/// each language's folder: plain text, not escaped (a calendar file's text
/// is escaped as it is written).
pub const CALENDAR: &str = "calendar.txt";

/// The name of the HTML layout template.
pub const LAYOUT: &str = "layout.html";

/// A user template larger than this is refused, like a case file.
const MAX_TEMPLATE_BYTES: u64 = crate::repo::MAX_FILE_SIZE;

/// The three kinds of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocumentKind {
    Invitation,
    Checklist,
    Plan,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Invitation => "invitation",
            DocumentKind::Checklist => "checklist",
            DocumentKind::Plan => "plan",
        }
    }

    /// The template for this kind in `lang`: `nl/invitation.md`.
    pub fn template(self, lang: &str) -> String {
        format!("{lang}/{}.md", self.as_str())
    }
}

/// The variables every Markdown template receives (docs/templates.md).
const COMMON_VARIABLES: &[&str] = &[
    "lang",
    "today",
    "case",
    "coordinator",
    "conference",
    "central",
    "central_known",
    "acceptor",
    "contact",
];

/// The variables a template receives besides the common ones.
fn own_variables(name: &str) -> Option<&'static [&'static str]> {
    if name == LAYOUT {
        return Some(&["lang", "kind", "case_id", "title", "body"]);
    }
    let file = name.rsplit('/').next()?;
    Some(match file {
        // The description in an invitation's calendar file.
        "invitation.md" | CALENDAR => &["participant", "others"],
        "checklist.md" => &[
            "phase",
            "due",
            "tasks",
            "participants",
            "warnings",
            "followup",
            "safety",
        ],
        "plan.md" => &["plan", "participants", "followup"],
        // Not a case's document: `kring declare` (docs/templates.md).
        "declaration.md" => &["declaration"],
        // A partial, included by the others: any of their variables.
        _ => return None,
    })
}

/// Where a template came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    /// A file in the repository, relative to its root.
    File(PathBuf),
}

/// A template that could not be read, parsed or rendered, with the place to
/// look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The file (`templates/nl/invitation.md`) or the built-in template
    /// (`built-in nl/invitation.md`).
    pub template: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.template)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for TemplateError {}

/// Every template a render uses.
pub struct Templates {
    markdown: Tera,
    layout: Tera,
    origins: BTreeMap<String, Origin>,
    /// The text of every template, by name.
    sources: BTreeMap<String, String>,
}

impl Templates {
    /// The built-in templates only.
    pub fn builtin() -> Result<Templates, TemplateError> {
        Templates::build(
            BUILTIN
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string(), Origin::BuiltIn)),
        )
    }

    /// The built-in templates with the files in `<root>/templates/` laid
    /// over them: `layout.html` and `<lang>/<name>.md`.
    pub fn load(root: &Path) -> Result<Templates, TemplateError> {
        let mut all: BTreeMap<String, (String, Origin)> = BUILTIN
            .iter()
            .map(|(name, text)| (name.to_string(), (text.to_string(), Origin::BuiltIn)))
            .collect();
        for (name, relative) in override_files(root)? {
            let text = read_template(root, &relative)?;
            all.insert(name, (text, Origin::File(relative)));
        }
        Templates::build(
            all.into_iter()
                .map(|(name, (text, origin))| (name, text, origin)),
        )
    }

    fn build(
        templates: impl Iterator<Item = (String, String, Origin)>,
    ) -> Result<Templates, TemplateError> {
        let mut origins = BTreeMap::new();
        let mut sources = BTreeMap::new();
        for (name, text, origin) in templates {
            sources.insert(name.clone(), text);
            origins.insert(name, origin);
        }
        let markdown_sources: Vec<(&String, &String)> =
            sources.iter().filter(|(name, _)| *name != LAYOUT).collect();
        let layout_source = sources.get(LAYOUT).cloned().unwrap_or_default();

        let mut markdown = Tera::new();
        markdown.autoescape_on([".md"]);
        markdown.set_escape_fn(escape::markdown);
        markdown.register_filter("date", date_filter);
        let mut layout = Tera::new();
        layout.autoescape_on([".html"]);
        layout.register_filter("date", date_filter);

        let markdown_result = markdown.add_raw_templates(markdown_sources);
        let mut templates = Templates {
            markdown,
            layout,
            origins,
            sources,
        };
        markdown_result.map_err(|e| templates.error(e))?;
        let result = templates.layout.add_raw_template(LAYOUT, &layout_source);
        result.map_err(|e| templates.error(e))?;
        Ok(templates)
    }

    /// The languages that have a template for `kind`.
    pub fn languages(&self, kind: DocumentKind) -> BTreeSet<String> {
        let suffix = format!("/{}.md", kind.as_str());
        self.origins
            .keys()
            .filter_map(|name| name.strip_suffix(&suffix))
            .map(str::to_string)
            .collect()
    }

    /// Whether there is a template for `kind` in `lang`.
    pub fn has(&self, kind: DocumentKind, lang: &str) -> bool {
        self.origins.contains_key(&kind.template(lang))
    }

    /// Every template with its origin, by name.
    pub fn origins(&self) -> &BTreeMap<String, Origin> {
        &self.origins
    }

    /// The text of a template.
    pub fn source(&self, name: &str) -> Option<&str> {
        self.sources.get(name).map(String::as_str)
    }

    /// Adds every template's name and text to a key: documents depend on
    /// nothing else of the templates.
    pub fn add_to_key(&self, key: &mut super::manifest::KeyBuilder) {
        for (name, text) in &self.sources {
            key.part(name).part(text);
        }
    }

    /// Whether any template may read `today` (the word appears in it), so
    /// that documents can change from one day to the next without their
    /// case changing.
    pub fn uses_today(&self) -> bool {
        self.sources.values().any(|text| text.contains("today"))
    }

    /// Checks the repository's own templates for variables that no document
    /// provides (a misspelt `{{ partcipant.name }}`), with the line of
    /// their first use. Syntax errors and unknown filters are found when
    /// the templates are loaded.
    pub fn unknown_variables(&self) -> Vec<TemplateError> {
        let mut errors = Vec::new();
        for (name, origin) in &self.origins {
            let Origin::File(path) = origin else { continue };
            let (tera, known): (&Tera, Vec<&str>) = match own_variables(name) {
                Some(own) if name == LAYOUT => (&self.layout, own.to_vec()),
                Some(own) => (
                    &self.markdown,
                    COMMON_VARIABLES.iter().chain(own).copied().collect(),
                ),
                None => (&self.markdown, all_markdown_variables()),
            };
            let Ok(used) = tera.get_template_variables(name) else {
                continue;
            };
            let mut unknown: Vec<&str> = used.into_iter().filter(|v| !known.contains(v)).collect();
            unknown.sort_unstable();
            let source = self
                .sources
                .get(name)
                .map(String::as_str)
                .unwrap_or_default();
            for variable in unknown {
                let (line, column) = first_use(source, variable).unzip();
                errors.push(TemplateError {
                    template: slash_path(path),
                    line,
                    column,
                    message: format!(
                        "`{variable}` is not a variable of this template; see docs/templates.md"
                    ),
                });
            }
        }
        errors
    }

    /// Renders the Markdown document of `kind` in `lang`.
    pub fn markdown(
        &self,
        kind: DocumentKind,
        lang: &str,
        context: &Context,
    ) -> Result<String, TemplateError> {
        self.markdown
            .render(&kind.template(lang), context)
            .map_err(|e| self.error(e))
    }

    /// Renders the description of an invitation's calendar file in `lang`
    /// from the invitation's own context, when `lang` has a
    /// `calendar.txt`; its lines without trailing spaces, and no empty
    /// lines at either end.
    pub fn calendar(&self, lang: &str, context: &Context) -> Option<Result<String, TemplateError>> {
        let name = format!("{lang}/{CALENDAR}");
        if !self.sources.contains_key(&name) {
            return None;
        }
        Some(
            self.markdown
                .render(&name, context)
                .map(|text| {
                    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
                    lines.join("\n").trim_matches('\n').to_string()
                })
                .map_err(|e| self.error(e)),
        )
    }

    /// Renders the declaration (`kring declare`) in `lang`: the repository's
    /// `<lang>/declaration.md`, else the built-in one, else English.
    pub fn declaration(&self, lang: &str, context: &Context) -> Result<String, TemplateError> {
        let name = format!("{lang}/declaration.md");
        let name = if self.sources.contains_key(&name) {
            name
        } else {
            "en/declaration.md".to_string()
        };
        self.markdown
            .render(&name, context)
            .map_err(|e| self.error(e))
    }

    /// Renders the HTML layout around a document body.
    pub fn layout(&self, context: &Context) -> Result<String, TemplateError> {
        self.layout
            .render(LAYOUT, context)
            .map_err(|e| self.error(e))
    }

    fn display_name(&self, name: &str) -> String {
        match self.origins.get(name) {
            Some(Origin::File(path)) => slash_path(path),
            _ => format!("built-in {name}"),
        }
    }

    fn error(&self, error: tera::Error) -> TemplateError {
        match error.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                let span = report.span();
                TemplateError {
                    template: self.display_name(report.filename()),
                    line: Some(span.start_line),
                    column: Some(span.start_col + 1),
                    message: report.message().to_string(),
                }
            }
            // Checks across templates (unknown filters, tests, blocks)
            // come as rendered reports: `error: message\n --> name:line:col`.
            ErrorKind::Msg(report) => match parse_report(report) {
                Some((message, name, line, column, more)) => TemplateError {
                    template: self.display_name(name),
                    line: Some(line),
                    column: Some(column),
                    message: if more > 0 {
                        format!("{message} (and {more} more)")
                    } else {
                        message.to_string()
                    },
                },
                None => TemplateError {
                    template: "templates".to_string(),
                    line: None,
                    column: None,
                    message: report.clone(),
                },
            },
            _ => TemplateError {
                template: "templates".to_string(),
                line: None,
                column: None,
                message: error.to_string(),
            },
        }
    }
}

fn all_markdown_variables() -> Vec<&'static str> {
    let mut all: Vec<&str> = COMMON_VARIABLES.to_vec();
    for kind in ["invitation.md", "checklist.md", "plan.md"] {
        all.extend(own_variables(kind).unwrap_or_default());
    }
    all
}

/// The line and column (1-based) where `variable` is first used as a name
/// inside a `{{ }}` or `{% %}` tag.
fn first_use(source: &str, variable: &str) -> Option<(usize, usize)> {
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    let mut in_tag = false;
    for (number, line) in source.lines().enumerate() {
        for (i, _) in line.char_indices() {
            let rest = &line[i..];
            if rest.starts_with("{{") || rest.starts_with("{%") {
                in_tag = true;
            } else if rest.starts_with("}}") || rest.starts_with("%}") {
                in_tag = false;
            }
            let Some(after) = rest.strip_prefix(variable) else {
                continue;
            };
            let before = line[..i].chars().next_back();
            if in_tag
                && !before.is_some_and(|c| is_name(c) || c == '.')
                && !after.chars().next().is_some_and(is_name)
            {
                return Some((number + 1, line[..i].chars().count() + 1));
            }
        }
    }
    None
}

/// The first error of a Tera report: its message, template name, line and
/// column, and how many more errors follow.
fn parse_report(report: &str) -> Option<(&str, &str, usize, usize, usize)> {
    let mut lines = report.lines();
    let message = lines.next()?.strip_prefix("error: ")?;
    let place = lines.next()?.trim_start().strip_prefix("--> ")?;
    let mut pieces = place.rsplitn(3, ':');
    let column = pieces.next()?.parse().ok()?;
    let line = pieces.next()?.parse().ok()?;
    let name = pieces.next()?;
    let more = report.matches("\nerror: ").count();
    Some((message, name, line, column, more))
}

/// The `date` filter: `{{ conference.date | date(format="%A %-d %B %Y") }}`
/// formats an ISO date with the month and day names of the document's
/// language (the context's `lang`). Without `format`, `%-d %B %Y`.
fn date_filter(value: &str, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| tera::Error::message(format!("`{value}` is not a date (YYYY-MM-DD)")))?;
    let format = kwargs.get::<&str>("format")?.unwrap_or("%-d %B %Y");
    let lang: Option<String> = state.get("lang")?;
    let locale = locale(lang.as_deref().unwrap_or("en"));
    let items = chrono::format::StrftimeItems::new_with_locale(format, locale);
    let items = items
        .parse()
        .map_err(|_| tera::Error::message(format!("`{format}` is not a valid date format")))?;
    Ok(date
        .format_localized_with_items(items.iter(), locale)
        .to_string())
}

/// A date the way a letter in `lang` says it: "zaterdag 10 oktober 2026".
pub fn long_date(date: NaiveDate, lang: &str) -> String {
    date.format_localized("%A %-d %B %Y", locale(lang))
        .to_string()
}

/// The locale for a document language: `nl` → `nl_NL`, `en` → `en_GB`
/// (day before month), `tr` → `tr_TR`; English names when unknown.
pub(super) fn locale(lang: &str) -> chrono::Locale {
    let candidates = match lang {
        // The built-in languages, without looking them up.
        "nl" => return chrono::Locale::nl_NL,
        "en" => return chrono::Locale::en_GB,
        _ => {
            let (base, region) = lang.split_once('-').unwrap_or((lang, ""));
            let mut c = Vec::new();
            if !region.is_empty() {
                c.push(format!("{base}_{}", region.to_ascii_uppercase()));
            }
            c.push(format!("{base}_{}", base.to_ascii_uppercase()));
            c
        }
    };
    candidates
        .iter()
        .find_map(|name| chrono::Locale::try_from(name.as_str()).ok())
        .unwrap_or(chrono::Locale::en_GB)
}

/// `templates/` files that override or add templates, as (template name,
/// path relative to the root). Links are not followed; other files (such
/// as `templates/README.md`) are not templates.
fn override_files(root: &Path) -> Result<Vec<(String, PathBuf)>, TemplateError> {
    let folder = root.join("templates");
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    let walker = walkdir::WalkDir::new(&folder)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| TemplateError {
            template: "templates".to_string(),
            line: None,
            column: None,
            message: e.to_string(),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(&folder) else {
            continue;
        };
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let name = parts.join("/");
        let is_template = match parts.as_slice() {
            [file] => file == LAYOUT,
            [lang, rest @ ..] => {
                is_language(lang)
                    && !rest.is_empty()
                    && (name.ends_with(".md") || rest == [CALENDAR])
            }
            [] => false,
        };
        if is_template {
            found.push((name, Path::new("templates").join(relative)));
        }
    }
    Ok(found)
}

/// A folder name that can be a language: `nl`, `en`, `pt-br`.
fn is_language(name: &str) -> bool {
    let mut pieces = name.split('-');
    let base = pieces.next().unwrap_or_default();
    (2..=3).contains(&base.len())
        && base.chars().all(|c| c.is_ascii_lowercase())
        && pieces
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn read_template(root: &Path, relative: &Path) -> Result<String, TemplateError> {
    let error = |message: String| TemplateError {
        template: slash_path(relative),
        line: None,
        column: None,
        message,
    };
    let path = root.join(relative);
    let size = std::fs::metadata(&path)
        .map_err(|e| error(e.to_string()))?
        .len();
    if size > MAX_TEMPLATE_BYTES {
        return Err(error(format!(
            "the template is larger than {}",
            crate::repo::max_file_size_text()
        )));
    }
    let bytes = std::fs::read(&path).map_err(|e| error(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| error("the template is not UTF-8".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_parse() {
        let templates = Templates::builtin().expect("built-in templates parse");
        for kind in [
            DocumentKind::Invitation,
            DocumentKind::Checklist,
            DocumentKind::Plan,
        ] {
            assert_eq!(
                templates.languages(kind).into_iter().collect::<Vec<_>>(),
                ["en", "nl"]
            );
        }
        for lang in ["en", "nl"] {
            assert!(templates.source(&format!("{lang}/{CALENDAR}")).is_some());
        }
        assert!(templates.calendar("fy", &Context::new()).is_none());
    }

    #[test]
    fn dates_follow_the_document_language() {
        let mut tera = Tera::new();
        tera.register_filter("date", date_filter);
        tera.add_raw_template("t", "{{ d | date(format=\"%A %-d %B %Y\") }}")
            .unwrap();
        let mut context = Context::new();
        context.insert("d", "2026-10-12");
        for (lang, expected) in [
            ("nl", "maandag 12 oktober 2026"),
            ("en", "Monday 12 October 2026"),
            ("tr", "Pazartesi 12 Ekim 2026"),
            ("xx", "Monday 12 October 2026"),
        ] {
            context.insert("lang", lang);
            assert_eq!(tera.render("t", &context).unwrap(), expected, "{lang}");
        }
        context.insert("d", "12-10-2026");
        let error = tera.render("t", &context).unwrap_err();
        assert!(error.to_string().contains("is not a date"), "{error}");
    }

    #[test]
    fn languages_are_short_codes() {
        for good in ["nl", "en", "tur", "pt-br", "zh-hant"] {
            assert!(is_language(good), "{good}");
        }
        for bad in ["NL", "n", "dutch", "nl_", "nl-", "../x", ""] {
            assert!(!is_language(bad), "{bad}");
        }
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates/nl")).unwrap();
        std::fs::write(
            dir.path().join("templates/nl/plan.md"),
            "# Plan\n\n{{ plan.recorded \n",
        )
        .unwrap();
        let error = Templates::load(dir.path()).err().expect("a syntax error");
        assert_eq!(error.template, "templates/nl/plan.md");
        assert_eq!(error.line, Some(3));

        std::fs::write(
            dir.path().join("templates/nl/plan.md"),
            "# Plan\n\n{{ nothing }}\n",
        )
        .unwrap();
        let templates = Templates::load(dir.path()).expect("parses");
        let error = templates
            .markdown(DocumentKind::Plan, "nl", &Context::new())
            .unwrap_err();
        assert_eq!(error.template, "templates/nl/plan.md");
        assert_eq!(error.line, Some(3));
        assert!(error.message.contains("nothing"), "{}", error.message);
    }

    #[test]
    fn a_new_language_is_a_new_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates/fy")).unwrap();
        std::fs::write(dir.path().join("templates/README.md"), "not a template").unwrap();
        std::fs::write(
            dir.path().join("templates/fy/invitation.md"),
            "Hoi {{ name }}",
        )
        .unwrap();
        let templates = Templates::load(dir.path()).unwrap();
        assert!(templates.has(DocumentKind::Invitation, "fy"));
        assert!(!templates.has(DocumentKind::Plan, "fy"));
        assert!(!templates.origins().contains_key("README.md"));
        let mut context = Context::new();
        context.insert("name", "*Jan*");
        let text = templates
            .markdown(DocumentKind::Invitation, "fy", &context)
            .unwrap();
        assert_eq!(text, "Hoi \\*Jan\\*");
    }

    #[test]
    fn first_use_handles_any_text() {
        assert_eq!(first_use("één {{ x }}", "x"), Some((1, 8)));
        assert_eq!(first_use("x {{ xy }} {% if x %}", "x"), Some((1, 18)));
        assert_eq!(first_use("{{ a.x }}", "x"), None);
        assert_eq!(first_use("ééé", "é"), None);
    }

    #[test]
    fn unknown_variables_are_found_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates/nl")).unwrap();
        std::fs::write(
            dir.path().join("templates/nl/invitation.md"),
            "# Hoi {{ participant.name }}\n\n{% set x = 1 %}{{ x }}\n{% if partcipant %}{{ today }}{% endif %}\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("templates/layout.html"),
            "<p>{{ body | safe }} {{ sidebar }}</p>",
        )
        .unwrap();
        let templates = Templates::load(dir.path()).unwrap();
        let errors = templates.unknown_variables();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0].template, "templates/layout.html");
        assert_eq!((errors[0].line, errors[0].column), (Some(1), Some(25)));
        assert_eq!(errors[1].template, "templates/nl/invitation.md");
        assert_eq!((errors[1].line, errors[1].column), (Some(4), Some(7)));
        assert!(errors[1].message.contains("`partcipant`"));
        // The built-in templates, as a user's copy, use only what they receive.
        let copy = tempfile::tempdir().unwrap();
        for (name, text) in BUILTIN {
            let path = copy.path().join("templates").join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let templates = Templates::load(copy.path()).unwrap();
        assert!(templates.origins().values().all(|o| *o != Origin::BuiltIn));
        assert_eq!(templates.unknown_variables(), []);
    }
}
