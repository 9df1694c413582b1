//! Parallel downloads, reported with progress bars on a terminal and plain
//! lines otherwise; the spinner of resolution and the bar of installation.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
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

/// Work done on each file as soon as it is fetched (unpacking it), in the
/// fetching thread, so that it overlaps the other downloads.
pub struct AfterFetch<'a> {
    /// Given a file and its `Client::location`: true when the file is not
    /// needed (what it holds is already unpacked), so it is not fetched.
    pub skip: &'a (dyn Fn(&DistFile, &Path) -> bool + Sync),
    /// Whether a file not in the cache is downloaded into memory and handed
    /// over as bytes without being written to the cache.
    pub in_memory: &'a (dyn Fn(&DistFile) -> bool + Sync),
    /// Takes each file fetched: its location, and its bytes if it was kept
    /// in memory (else it is at that location).
    pub take: &'a (dyn Fn(&DistFile, &Path, Option<Vec<u8>>) + Sync),
}

/// Fetches every file (downloading those not yet cached), several at a
/// time, the largest first; results are in the order of `files`: where the
/// file is, or would be in the cache for those skipped or kept in memory.
pub fn fetch_all(client: &Client, files: &[DistFile], quiet: bool, after: Option<&AfterFetch>) -> Vec<Result<PathBuf, String>> {
    let results: Vec<Mutex<Option<Result<PathBuf, String>>>> = files.iter().map(|_| Mutex::new(None)).collect();
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(files[i].size.unwrap_or(0)));
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
                let Some(&i) = order.get(i) else { break };
                let f = &files[i];
                let place = client.location(f);
                let skipped = after.is_some_and(|a| (a.skip)(f, &place));
                let cached = skipped || client.is_cached(f);
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
                let progress = |done, total: Option<u64>| {
                    if let Some(b) = &bar {
                        if let Some(t) = total {
                            b.set_length(t);
                        }
                        b.set_position(done);
                    }
                };
                let r = match after {
                    _ if skipped => Ok(place),
                    Some(a) if !cached && (a.in_memory)(f) => client.fetch_bytes(f, &progress).map(|data| {
                        (a.take)(f, &place, Some(data));
                        place
                    }),
                    _ => client.fetch_with_progress(f, &progress).inspect(|path| {
                        if let Some(a) = after {
                            (a.take)(f, path, None);
                        }
                    }),
                };
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

/// Runs `work` on every item, `workers` at a time, in the order given;
/// the results are in the items' order.
pub fn parallel<T: Sync, R: Send>(items: &[T], workers: usize, work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..workers.min(items.len()).max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = work(item);
                *results[i].lock().unwrap() = Some(r);
            });
        }
    });
    results.into_iter().map(|m| m.into_inner().unwrap().expect("every item was worked on")).collect()
}
