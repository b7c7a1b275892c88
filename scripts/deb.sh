#!/usr/bin/env bash
# Builds the Debian package of kring: target/debian/kring_<version>-1_<arch>.deb.
# Needs cargo-deb (`cargo install cargo-deb --locked`); CARGO_DEB may name
# its binary. The release build, the manual pages and the shell completions
# go into target/; Cargo.toml's [package.metadata.deb] says where each file
# lands in the package.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo_deb=${CARGO_DEB:-cargo-deb}

cargo build --release --locked
assets=target/deb-assets
rm -rf "$assets"
mkdir -p "$assets/completions"
target/release/kring man "$assets/man" -q
# The completions kring answers itself (case ids included), registered
# under the name `kring` as found on the PATH, not this build's path.
for shell in bash zsh fish; do
  PATH="$PWD/target/release:$PATH" COMPLETE=$shell kring >"$assets/completions/kring.$shell"
done
"$cargo_deb" --no-build --locked
ls target/debian/*.deb
