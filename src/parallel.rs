//! Work split over the cores: a big file's runs of lines, a document's sessions, grep's
//! pieces.

use std::collections::BTreeMap;
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, OnceLock, mpsc};

/// How many threads can run at once: asked once (it reads the process's CPU quota and
/// affinity, a few system calls).
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Into how many shares `len` units of work go on `threads` threads (0: one a core),
/// each of `per_thread` units at least: one when there are fewer than two shares' worth,
/// without asking how many cores there are.
fn shares(len: usize, threads: usize, per_thread: usize) -> usize {
    let per_thread = per_thread.max(1);
    let threads = match threads {
        _ if len < 2 * per_thread => 1,
        0 => cores(),
        n => n,
    };
    threads.min(len / per_thread).max(1)
}

/// `src` cut into runs of whole lines, one a thread (`threads`; 0: one a core), each of
/// `per_thread` bytes at least: one run when `src` is smaller than two, without asking
/// how many cores there are. A run ends just after a `\n`, or at the end.
pub fn line_runs(src: &[u8], threads: usize, per_thread: usize) -> Vec<Range<usize>> {
    let runs = shares(src.len(), threads, per_thread);
    let mut starts = vec![0];
    for k in 1..runs {
        let from = (src.len() / runs * k).max(starts[starts.len() - 1]);
        if let Some(nl) = memchr::memchr(b'\n', &src[from..]) {
            starts.push(from + nl + 1);
        }
    }
    starts.dedup();
    starts.push(src.len());
    starts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// `f` of every item, on up to `threads` threads (0: one a core) when each has at least
/// `per_thread` items, a run of items each; the results run by run, in order (not
/// joined, which would hold them twice). Small inputs are done here, without asking
/// how many cores there are.
pub fn map_runs<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    per_thread: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<Vec<R>> {
    let threads = shares(items.len(), threads, per_thread);
    let run = |part: &[T]| part.iter().map(&f).collect::<Vec<_>>();
    let mut parts = items.chunks(items.len().div_ceil(threads).max(1));
    let last = parts.next_back().unwrap_or_default();
    std::thread::scope(|scope| {
        // The last run is done here; a run whose thread cannot start is too.
        let spawned: Vec<_> = parts
            .map(|part| {
                // The main thread's stack, not a spawned thread's smaller default.
                let thread = std::thread::Builder::new()
                    .stack_size(8 << 20)
                    .spawn_scoped(scope, move || run(part));
                (part, thread.ok())
            })
            .collect();
        let last = run(last);
        let mut all = Vec::with_capacity(threads);
        for (part, thread) in spawned {
            match thread.map(|t| t.join()) {
                Some(Ok(results)) => all.push(results),
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => all.push(run(part)),
            }
        }
        all.push(last);
        all
    })
}

/// `each` of `f` of every item, in order, as they come: `f` runs on `threads` threads
/// (0: one a core; on this one when that is one), on up to `ahead` items at a time,
/// while this thread makes the items and takes the results. The first error of `each`
/// stops it.
pub fn map_in_order<T: Send, R: Send, E>(
    mut items: impl Iterator<Item = T>,
    threads: usize,
    ahead: usize,
    f: impl Fn(T) -> R + Sync,
    mut each: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let workers = match threads {
        0 => cores(),
        n => n,
    };
    if workers <= 1 {
        return items.map(f).try_for_each(each);
    }
    let ahead = ahead.max(1);
    let (jobs, job) = mpsc::sync_channel::<(usize, T)>(ahead);
    let job = &Mutex::new(job);
    let f = &f;
    // `jobs` moves into the scope, so is dropped, which ends the threads, before they
    // are waited for.
    std::thread::scope(move |scope| {
        let next_job = || {
            job.lock()
                .unwrap_or_else(|e| e.into_inner())
                .try_recv()
                .ok()
        };
        let (done, results) = mpsc::channel();
        let mut started = 0;
        for _ in 0..workers {
            let done = done.clone();
            let worker = move || {
                loop {
                    // (The lock is let go before the work, not held through it.)
                    let next = job.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((i, item)) = next else {
                        return;
                    };
                    let result = panic::catch_unwind(AssertUnwindSafe(|| f(item)));
                    if done.send((i, result)).is_err() {
                        return;
                    }
                }
            };
            // The main thread's stack, not a spawned thread's smaller default.
            let spawned = std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn_scoped(scope, worker);
            started += usize::from(spawned.is_ok());
        }
        drop(done);
        if started == 0 {
            return items.map(f).try_for_each(&mut each);
        }
        let (mut sent, mut next) = (0, 0);
        let mut waiting = BTreeMap::new();
        let mut give = |waiting: &mut BTreeMap<usize, _>, next: &mut usize| {
            while let Some(result) = waiting.remove(next) {
                *next += 1;
                match result {
                    Ok(result) => each(result)?,
                    Err(panic) => panic::resume_unwind(panic),
                }
            }
            Ok(())
        };
        loop {
            while sent - next < ahead
                && let Some(item) = items.next()
            {
                // The threads wait for jobs until `jobs` is dropped.
                if let Err(mpsc::SendError((i, item))) = jobs.send((sent, item)) {
                    waiting.insert(i, Ok(f(item)));
                }
                sent += 1;
            }
            if next == sent {
                return Ok(());
            }
            match results.recv() {
                Ok((i, result)) => {
                    waiting.insert(i, result);
                }
                // Every thread has ended, which they do not while there are jobs: the
                // jobs left are done here.
                Err(_) => {
                    while let Some((i, item)) = next_job() {
                        waiting.insert(i, Ok(f(item)));
                    }
                    next = waiting.keys().next().copied().unwrap_or(sent);
                }
            }
            give(&mut waiting, &mut next)?;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_keep_the_order_of_the_items() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 3, 7] {
            let runs = map_runs(&items, threads, 10, |&i| i * 2);
            assert_eq!(runs.len(), threads);
            let all: Vec<usize> = runs.into_iter().flatten().collect();
            assert_eq!(all, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn line_runs_end_at_line_ends_and_cover_the_text() {
        let src: Vec<u8> = b"a line of text\n".repeat(1000);
        for threads in [1, 2, 3] {
            let runs = line_runs(&src, threads, 1000);
            assert_eq!(runs.len(), threads);
            assert_eq!(runs.first().map(|r| r.start), Some(0));
            assert_eq!(runs.last().map(|r| r.end), Some(src.len()));
            for pair in runs.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
                assert_eq!(src[pair[0].end - 1], b'\n');
            }
        }
        assert_eq!(
            line_runs(b"short", 0, 1000),
            vec![Range { start: 0, end: 5 }]
        );
        assert_eq!(
            line_runs(&[b'x'; 5000], 2, 1000),
            vec![Range {
                start: 0,
                end: 5000
            }],
            "no line end to cut at"
        );
        assert_eq!(line_runs(b"", 2, 1000), vec![Range { start: 0, end: 0 }]);
    }

    #[test]
    fn results_come_in_the_order_of_the_items() {
        for threads in [1, 2, 3] {
            let mut got = Vec::new();
            let done = map_in_order(
                0..500usize,
                threads,
                7,
                |i| i * 3,
                |r| {
                    got.push(r);
                    Ok::<(), ()>(())
                },
            );
            assert_eq!(done, Ok(()));
            assert_eq!(got, (0..500).map(|i| i * 3).collect::<Vec<_>>());
        }
    }

    #[test]
    fn the_first_error_stops_the_results() {
        let mut got = Vec::new();
        let done = map_in_order(
            0..500usize,
            2,
            4,
            |i| i,
            |r| {
                got.push(r);
                if r == 10 { Err(r) } else { Ok(()) }
            },
        );
        assert_eq!(done, Err(10));
        assert_eq!(got, (0..=10).collect::<Vec<_>>());
    }

    #[test]
    fn few_items_are_one_run() {
        assert_eq!(map_runs(&[1, 2, 3], 4, 10, |&i| i).len(), 1);
        assert_eq!(
            map_runs::<u8, u8>(&[], 4, 10, |&i| i),
            vec![Vec::<u8>::new()]
        );
    }
}
