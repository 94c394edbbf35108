//! Work shared among the machine's cores, with results in the order a
//! single thread would give them.

use std::num::NonZero;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread::ScopedJoinHandle;

/// The most threads a check uses.
const MAX_THREADS: usize = 8;

/// How many threads to share work among: the cores there are, up to
/// [`MAX_THREADS`].
#[must_use]
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, NonZero::get).min(MAX_THREADS)
}

/// Bytes of text below which one thread reads it faster than several.
pub const PARALLEL_BYTES: usize = 1 << 20;

/// How many threads to share the reading of `bytes` bytes of text among:
/// one for a short text, [`threads`] for a long one.
#[must_use]
pub fn threads_for(bytes: usize) -> usize {
    if bytes < PARALLEL_BYTES { 1 } else { threads() }
}

/// The result of a scoped thread; a panic in it goes on in the caller.
#[must_use]
pub fn join<T>(handle: ScopedJoinHandle<'_, T>) -> T {
    handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// `f(0), f(1), … f(n - 1)` on `threads` threads, in that order, telling
/// `done` (on the calling thread) how many are finished each time one is.
///
/// # Panics
/// When `f` panics, on whichever thread.
pub fn map<T: Send>(n: usize, threads: usize, f: impl Fn(usize) -> T + Sync, done: &mut dyn FnMut(usize)) -> Vec<T> {
    let threads = threads.clamp(1, n.max(1));
    if threads == 1 {
        return (0..n)
            .map(|i| {
                let out = f(i);
                done(i + 1);
                out
            })
            .collect();
    }
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(n).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let tx = tx.clone();
                let (next, f) = (&next, &f);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break;
                        }
                        if tx.send((i, f(i))).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(tx);
        for (count, (i, out)) in rx.iter().enumerate() {
            slots[i] = Some(out);
            done(count + 1);
        }
        handles.into_iter().for_each(join);
    });
    slots.into_iter().map(|slot| slot.expect("every index is done")).collect()
}

/// `f` of each of `threads` stretches of about equal length that together
/// make `0..len`, in order.
pub fn map_chunks<T: Send>(len: usize, threads: usize, f: impl Fn(Range<usize>) -> T + Sync) -> Vec<T> {
    let chunk = len.div_ceil(threads.max(1)).max(1);
    map(len.div_ceil(chunk), threads, |part| f(part * chunk..len.min((part + 1) * chunk)), &mut |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_threads() {
        for threads in [1, 2, 3, 16] {
            let mut told = Vec::new();
            let squares = map(50, threads, |i| i * i, &mut |done| told.push(done));
            assert_eq!(squares, (0..50).map(|i| i * i).collect::<Vec<_>>(), "{threads} threads");
            assert_eq!(told, (1..=50).collect::<Vec<_>>(), "{threads} threads");
        }
        assert!(map(0, 2, |i| i, &mut |_| {}).is_empty());
    }

    #[test]
    fn chunks_cover_the_whole_in_order() {
        for (len, threads) in [(10, 3), (9, 3), (2, 8), (1, 1), (100, 2)] {
            let chunks = map_chunks(len, threads, |range| range);
            assert!(chunks.len() <= threads, "{len} in {threads}");
            assert_eq!(chunks.into_iter().flatten().collect::<Vec<_>>(), (0..len).collect::<Vec<_>>());
        }
        assert!(map_chunks(0, 2, |range| range).is_empty());
    }

    #[test]
    #[should_panic(expected = "index 7")]
    fn a_panic_in_a_thread_goes_on_in_the_caller() {
        map(20, 2, |i| assert!(i != 7, "index {i}"), &mut |_| {});
    }
}
