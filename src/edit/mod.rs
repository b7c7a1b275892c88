//! Everything that rewrites a case file, keeping its layout and comments
//! (toml_edit): `kring fmt`, the skeleton of `kring new`, the delivery
//! record of `kring send` and `kring letters`, and `kring anonymise`.

pub mod anonymise;
pub mod coordinator;
pub mod format;
#[allow(dead_code)] // `kring send` and `kring letters` use it; they are being built
pub mod record;
pub mod retention;
pub mod skeleton;
