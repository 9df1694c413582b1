//! Parallel downloads, reported with progress bars on a terminal and plain
//! lines otherwise; the spinner of resolution and the bar of installation.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Mutex;

use krait_index::{Client, DistFile};

/// Set by `--progress-bar off`: plain lines even on a terminal.
pub static BARS_OFF: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether bars are drawn: on a terminal, not quiet, not turned off.
fn bars(quiet: bool) -> bool {
    !quiet && !BARS_OFF.load(std::sync::atomic::Ordering::Relaxed) && std::io::stderr().is_terminal()
}

/// How many downloads run at once.
const PARALLEL: usize = 8;

/// Fetches every file (downloading those not yet cached), several at a
/// time; results are in the order of `files`.
pub fn fetch_all(client: &Client, files: &[DistFile], quiet: bool) -> Vec<Result<PathBuf, String>> {
    let results: Vec<Mutex<Option<Result<PathBuf, String>>>> = files.iter().map(|_| Mutex::new(None)).collect();
    let next = Mutex::new(0usize);
    let bars = bars(quiet).then(indicatif::MultiProgress::new);
    let workers = PARALLEL.min(files.len()).max(1);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    let i = *n;
                    *n += 1;
                    i
                };
                let Some(f) = files.get(i) else { break };
                let cached = client.is_cached(f);
                let bar = match &bars {
                    Some(m) if !cached => {
                        let b = m.add(indicatif::ProgressBar::new(0));
                        b.set_style(
                            indicatif::ProgressStyle::with_template("  {msg} {bar:30.green/dim} {bytes}/{total_bytes} {bytes_per_sec}")
                                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                        );
                        b.set_message(f.filename.clone());
                        Some(b)
                    }
                    _ => None,
                };
                if !quiet && bars.is_none() && f.url.contains("://") && !f.url.starts_with("file://") {
                    if cached {
                        println!("  Using cached {}", f.filename);
                    } else {
                        println!("  Downloading {}", f.filename);
                    }
                }
                let r = client.fetch_with_progress(f, &|done, total| {
                    if let Some(b) = &bar {
                        if let Some(t) = total {
                            b.set_length(t);
                        }
                        b.set_position(done);
                    }
                });
                if let Some(b) = bar {
                    b.finish_and_clear();
                }
                *results[i].lock().unwrap() = Some(r);
            });
        }
    });
    results.into_iter().map(|m| m.into_inner().unwrap().unwrap_or_else(|| Err("download did not run".into()))).collect()
}

/// A spinner with `message` on a terminal (None otherwise or when quiet).
pub fn spinner(quiet: bool, message: &str) -> Option<indicatif::ProgressBar> {
    if !bars(quiet) {
        return None;
    }
    let s = indicatif::ProgressBar::new_spinner();
    s.set_message(message.to_string());
    s.enable_steady_tick(std::time::Duration::from_millis(80));
    Some(s)
}

/// A bar counting `total` steps, on a terminal (None otherwise or when quiet).
pub fn counter(quiet: bool, total: usize, prefix: &str) -> Option<indicatif::ProgressBar> {
    if !bars(quiet) {
        return None;
    }
    let b = indicatif::ProgressBar::new(total as u64);
    b.set_style(
        indicatif::ProgressStyle::with_template("{prefix} {bar:30.cyan/dim} {pos}/{len} {msg}").unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    b.set_prefix(prefix.to_string());
    b.tick();
    Some(b)
}
