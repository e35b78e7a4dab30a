//! Work over many inputs on every core, with the results handed back in the
//! order the inputs were given.
//!
//! Each worker takes the next input as soon as it is free, so a long input
//! holds up only the worker reading it, not a whole batch; and a worker
//! starts an input only while fewer than a window's worth of results wait
//! to be handed back, so memory stays bounded whatever the number of inputs
//! and however slowly the results are written.

use std::collections::VecDeque;
use std::ops::ControlFlow;
use std::sync::{mpsc, Condvar, Mutex, MutexGuard, PoisonError};

/// Runs `work` on each of `items` on `threads` threads of its own and hands
/// each result to `sink`, on the calling thread, in the order of `items`.
///
/// An item is started only while it is fewer than `window` places ahead of
/// the last result handed over, so at most `window` results are held at
/// once. `sink` stops the run by returning [`ControlFlow::Break`]: items not
/// yet started are skipped, and results not yet handed over are dropped. A
/// panic in `work` or `sink` stops the others and is passed on.
pub fn map_in_order<T, R, W, S>(items: &[T], threads: usize, window: usize, work: W, mut sink: S)
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    S: FnMut(R) -> ControlFlow<()>,
{
    let gate = Gate::new(items.len(), window.max(1));
    let workers = threads.clamp(1, items.len().max(1));
    let (results, received) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let mut spawned = 0;
        for _ in 0..workers {
            let (results, gate, work) = (results.clone(), &gate, &work);
            let worker = move || {
                let _closer = CloseOnDrop(gate);
                while let Some(i) = gate.next() {
                    if results.send((i, work(&items[i]))).is_err() {
                        break;
                    }
                }
            };
            match std::thread::Builder::new().spawn_scoped(scope, worker) {
                Ok(_) => spawned += 1,
                Err(_) => break,
            }
        }
        drop(results);
        if spawned == 0 {
            // No thread could be had: the work is done here, in order.
            for item in items {
                if sink(work(item)).is_break() {
                    return;
                }
            }
            return;
        }
        // However this thread leaves (done, stopped or panicking), workers
        // waiting for room are let go, so the scope can end.
        let _closer = CloseOnDrop(&gate);
        // Results that came early, by place after the last one handed over.
        let mut early: VecDeque<Option<R>> = VecDeque::new();
        let mut handed = 0;
        while handed < items.len() {
            // Every sender gone before the end: a worker panicked.
            let Ok((i, result)) = received.recv() else { break };
            let place = i - handed;
            if early.len() <= place {
                early.resize_with(place + 1, || None);
            }
            early[place] = Some(result);
            while let Some(Some(_)) = early.front() {
                let Some(Some(result)) = early.pop_front() else { break };
                handed += 1;
                gate.handed(handed);
                if sink(result).is_break() {
                    return;
                }
            }
        }
    });
}

/// Which item is next, and how far ahead of the results handed over the
/// workers may go.
struct Gate {
    state: Mutex<GateState>,
    moved: Condvar,
    len: usize,
    window: usize,
}

struct GateState {
    next: usize,
    handed: usize,
    closed: bool,
}

impl Gate {
    fn new(len: usize, window: usize) -> Gate {
        Gate { state: Mutex::new(GateState { next: 0, handed: 0, closed: false }), moved: Condvar::new(), len, window }
    }

    /// The state, even after a panic elsewhere (it holds plain counters).
    fn lock(&self) -> MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next item to work on, waiting while the window is full; `None`
    /// when every item is taken or the run was stopped.
    fn next(&self) -> Option<usize> {
        let mut state = self.lock();
        loop {
            if state.closed || state.next >= self.len {
                return None;
            }
            if state.next < state.handed + self.window {
                state.next += 1;
                return Some(state.next - 1);
            }
            state = self.moved.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Records that `handed` results have been handed over.
    fn handed(&self, handed: usize) {
        self.lock().handed = handed;
        self.moved.notify_all();
    }

    fn close(&self) {
        self.lock().closed = true;
        self.moved.notify_all();
    }
}

/// Closes the gate when dropped, so no worker waits for room that will never come.
struct CloseOnDrop<'a>(&'a Gate);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Keeps every result, in the order handed over.
    fn collect<T: Sync, R: Send>(items: &[T], threads: usize, window: usize, work: impl Fn(&T) -> R + Sync) -> Vec<R> {
        let mut seen = Vec::new();
        map_in_order(items, threads, window, work, |r| {
            seen.push(r);
            ControlFlow::Continue(())
        });
        seen
    }

    #[test]
    fn results_come_in_the_order_given_whatever_the_threads_and_window() {
        let items: Vec<u64> = (0..300).collect();
        for threads in [1, 2, 4] {
            for window in [1, 3, 64, 1000] {
                // Uneven work, so that later items often finish first.
                let seen = collect(&items, threads, window, |&n| {
                    let spin = (n * 7919) % 5000;
                    std::hint::black_box((0..spin).fold(n, |a, b| a.wrapping_mul(31).wrapping_add(b)));
                    n
                });
                assert_eq!(seen, items, "{threads} threads, window {window}");
            }
        }
    }

    #[test]
    fn no_item_is_started_more_than_a_window_ahead_of_what_was_handed_over() {
        let items: Vec<usize> = (0..200).collect();
        let handed = AtomicUsize::new(0);
        let furthest_ahead = AtomicUsize::new(0);
        map_in_order(
            &items,
            4,
            5,
            |&i| {
                furthest_ahead.fetch_max(i - handed.load(Ordering::SeqCst), Ordering::SeqCst);
                i
            },
            |_| {
                handed.fetch_add(1, Ordering::SeqCst);
                ControlFlow::Continue(())
            },
        );
        // Room is made just before a result goes to the sink, so the count
        // kept here may lag by the one result being handed over.
        let ahead = furthest_ahead.load(Ordering::SeqCst);
        assert!(ahead <= 5, "an item started {ahead} places ahead");
    }

    #[test]
    fn a_stop_from_the_sink_skips_the_rest() {
        let items: Vec<usize> = (0..10_000).collect();
        let started = AtomicUsize::new(0);
        let mut seen = Vec::new();
        map_in_order(
            &items,
            2,
            8,
            |&i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| {
                seen.push(i);
                if i == 20 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(seen, (0..=20).collect::<Vec<_>>());
        assert!(started.load(Ordering::SeqCst) <= 21 + 8);
    }

    #[test]
    fn no_items_one_item_and_no_threads() {
        assert_eq!(collect(&[] as &[u8], 2, 4, |&b| b), Vec::<u8>::new());
        assert_eq!(collect(&[7u8], 2, 4, |&b| b + 1), vec![8]);
        assert_eq!(collect(&[1u8, 2, 3], 0, 0, |&b| b * 2), vec![2, 4, 6]);
    }

    #[test]
    fn a_panic_in_the_work_is_passed_on_without_hanging() {
        let items: Vec<usize> = (0..100).collect();
        let outcome = std::panic::catch_unwind(|| {
            collect(&items, 2, 4, |&i| {
                assert!(i != 30, "item 30 fails");
                i
            })
        });
        assert!(outcome.is_err());
    }

    #[test]
    fn a_panic_in_the_sink_is_passed_on_without_hanging() {
        let items: Vec<usize> = (0..100).collect();
        let outcome = std::panic::catch_unwind(|| {
            map_in_order(
                &items,
                2,
                4,
                |&i| i,
                |i| {
                    assert!(i != 10, "the sink fails at 10");
                    ControlFlow::Continue(())
                },
            )
        });
        assert!(outcome.is_err());
    }
}
