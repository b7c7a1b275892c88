//! A progress bar on stderr for work that takes a while.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Ui;
use crate::msg;

/// Work shorter than this shows no bar.
const DELAY: Duration = Duration::from_secs(1);

/// Counts finished items from any thread. The bar appears only on a
/// terminal, not under `--quiet`, and only once the work has taken a
/// second; it is cleared when done.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// A bar for `items` items, labelled `what` (in the user's words).
    pub fn new(ui: &Ui, items: usize, what: String) -> Progress {
        let bar = (ui.interactive && !ui.quiet).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(items as u64), ProgressDrawTarget::hidden());
            // indicatif fills in `{eta}`; the words around it are the user's.
            let left = ui.t(&msg!("progress-left", eta = "{eta}"));
            let style = ProgressStyle::with_template(&format!(
                "{{msg}} [{{bar:30}}] {{pos}}/{{len}} ({left})"
            ))
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message(what);
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// One more item done.
    pub fn inc(&self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() >= DELAY
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Clears the bar, before the summary is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The bar of a render, and the note while another render holds the
/// output folder.
pub struct RenderProgress<'a> {
    ui: &'a Ui,
    bar: Progress,
}

impl<'a> RenderProgress<'a> {
    pub fn new(ui: &'a Ui, cases: usize) -> Self {
        RenderProgress {
            ui,
            bar: Progress::new(ui, cases, ui.t(&msg!("progress-rendering"))),
        }
    }

    pub fn finish(&self) {
        self.bar.finish();
    }
}

impl crate::render::build::Progress for RenderProgress<'_> {
    fn waiting(&self) {
        self.ui.say(msg!("render-waiting"));
    }

    fn case_done(&self) {
        self.bar.inc();
    }
}
