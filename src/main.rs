use std::process::ExitCode;

use clap::FromArgMatches;
use kring::{Cli, Outcome, command, run};

// Rendering thousands of documents allocates many small strings and maps;
// mimalloc does that with far less time than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`, which its Rust bindings do not name:
/// the option between `eager_commit_delay` (14) and `use_numa_nodes` (16).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = libmimalloc_sys::mi_option_use_numa_nodes - 1;

/// kring runs for a second or two: giving freed memory back to the system
/// while it runs only costs time in the kernel (a third of `kring check`'s
/// time on 10,000 cases), so it is kept until the process ends.
fn keep_freed_memory() {
    // SAFETY: sets a plain integer option; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

fn main() -> ExitCode {
    keep_freed_memory();
    // `COMPLETE=bash kring` prints a completion script that completes case
    // ids too; the shell then calls kring back with COMPLETE set.
    clap_complete::CompleteEnv::with_factory(command).complete();
    let cli = match Cli::from_arg_matches(&command().get_matches()) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    match run(cli) {
        Outcome::Clean => ExitCode::SUCCESS,
        Outcome::Problems => ExitCode::from(1),
        Outcome::Failed => ExitCode::from(2),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_option_is_the_one_named() {
        // Its default in the mimalloc kring builds with is 1000 ms.
        let get = |option| unsafe { libmimalloc_sys::mi_option_get(option) };
        assert_eq!(get(super::PURGE_DELAY), 1000);
        super::keep_freed_memory();
        assert_eq!(get(super::PURGE_DELAY), -1);
    }
}
