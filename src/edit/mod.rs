//! Everything that rewrites a case file, keeping its layout and comments
//! (toml_edit): `kring fmt`, the skeleton of `kring new`, and `kring
//! anonymise`.

pub mod anonymise;
pub mod coordinator;
pub mod format;
pub mod retention;
pub mod skeleton;
