//! kring: checks the case files of family group conferences and says what is left to do.
//!
//! The domain (`model`, `check`, `repo`) knows nothing about the terminal;
//! `cli` turns it into commands.

/// `eprintln!` that does not panic when stderr is gone (a pipe whose reader
/// has left): a message that cannot be shown is not a reason to crash.
#[macro_export]
macro_rules! ewriteln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprint!` that does not panic when stderr is gone.
#[macro_export]
macro_rules! ewrite {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod edit;
pub mod fsutil;
pub mod model;
pub mod region;
pub mod render;
pub mod repo;
