//! kring: checks the case files of family group conferences and says what is left to do.
//!
//! The layers point one way: `cli` (one file per command) calls the domain
//! (`check`, `render`, `edit`, `region`), which works on `model` (every file
//! format), `repo` (finding, reading and creating a repository: case files,
//! the roster, git's index), `diagnostic` and `fsutil` (atomic writes).
//! Nothing below `cli` prints. CONTRIBUTING.md has the module map.

/// `eprintln!` that does not panic when stderr is gone (a pipe whose reader
/// has left): a message that cannot be shown is not a reason to crash. For
/// `cli::Ui`, the one place that writes to the terminal.
macro_rules! ewriteln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprint!` that does not panic when stderr is gone.
macro_rules! ewrite {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

// The modules are the crate's own; rustc reports what none of them uses.
mod check;
mod cli;
mod diagnostic;
mod edit;
mod fsutil;
mod messages;
mod model;
mod region;
mod render;
mod repo;
mod send;

// The public surface: what the binary, the integration tests and the fuzz
// target use.
pub use check::{Report, cases as check_cases};
pub use cli::{Cli, Outcome, command, run};
pub use diagnostic::{Code, Diagnostic, HumanRenderer, RULES, Rule, Severity};
pub use edit::format::format;
pub use edit::skeleton::skeleton;
pub use messages::{Lang, Message};
pub use model::checklist::{Task, tasks as checklist_tasks};
pub use model::{Case, Settings, Variant, is_valid_id};
pub use render::{Formats, Rendered, Scope, TemplateError, Templates, render_case};
pub use repo::{Loaded, MAX_FILE_SIZE, Repo, load_case, parse_case, parse_case_bytes};
