//! Work shared out over the machine's cores, with the results in the order
//! of the work: the one pool of threads (rayon's) and the rule for when
//! work is worth a second thread. Reading a plan's files, parsing them and
//! checking its cards go through [`in_order`], so a plan of 100,000 tasks is
//! read on every core and a small one on this thread alone; a site's pages
//! and the partners' request files go through [`each`].

use rayon::prelude::*;
use std::sync::{Once, OnceLock};

/// Splits `items` into consecutive runs of about equal `weight`, one a
/// thread of the pool, runs `work` on each run, and returns the results in
/// order. With one core, or less than `least` weight in all, it runs `work`
/// once on this thread and starts no pool (threads cost more than they
/// save).
pub fn in_order<T: Send, R: Send>(
    items: Vec<T>,
    least: usize,
    weight: impl Fn(&T) -> usize,
    work: impl Fn(usize, Vec<T>) -> R + Sync,
) -> Vec<R> {
    let total: usize = items.iter().map(&weight).sum();
    if items.len() < 2 || total < least || cores() < 2 {
        return vec![work(0, items)];
    }
    let threads = pool();
    let runs = runs(items, total.div_ceil(threads), threads, weight);
    let mut results: Vec<Option<R>> = runs.iter().map(|_| None).collect();
    let work = &work;
    rayon::in_place_scope(|scope| {
        let mut runs = runs.into_iter().zip(&mut results);
        let first = runs.next();
        for ((first, run), result) in runs {
            scope.spawn(move |_| *result = Some(work(first, run)));
        }
        // This thread takes the first run itself rather than wait: what it
        // makes stays in its own allocator's pages (measured: handing every
        // run to the pool cost 10 to 14% more peak memory at 10k and 100k).
        if let Some(((first, run), result)) = first {
            *result = Some(work(first, run));
        }
    });
    // The scope returns once every run is done (or re-raises its panic).
    results.into_iter().flatten().collect()
}

/// `make` of every job on the pool, each job taken by whichever thread is
/// free (jobs of unequal size: a site's pages); the results in the jobs'
/// order.
pub fn each<J: Sync, T: Send>(jobs: &[J], make: impl Fn(&J) -> T + Sync) -> Vec<T> {
    if jobs.len() < 2 || cores() < 2 {
        return jobs.iter().map(make).collect();
    }
    pool();
    jobs.par_iter().map(&make).collect()
}

/// The cores this process may use, asked once (the answer costs a dozen
/// reads of the system's files).
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Starts rayon's pool, one thread a core, the first time there is work to
/// share (told the count, rather than asking the system again), and
/// returns its size.
fn pool() -> usize {
    static POOL: Once = Once::new();
    POOL.call_once(|| {
        // Fails only when the pool is already running (a test used rayon
        // first): then that pool serves.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(cores())
            .build_global();
    });
    rayon::current_num_threads()
}

/// Consecutive runs of `items` of at least `share` weight each (the last
/// takes what is left), at most `most` of them; each with the index of its
/// first item.
fn runs<T>(
    items: Vec<T>,
    share: usize,
    most: usize,
    weight: impl Fn(&T) -> usize,
) -> Vec<(usize, Vec<T>)> {
    let mut runs = Vec::new();
    let mut run = Vec::new();
    let mut first = 0;
    let mut size = 0;
    for (i, item) in items.into_iter().enumerate() {
        size += weight(&item);
        run.push(item);
        if size >= share && runs.len() + 1 < most {
            runs.push((first, std::mem::take(&mut run)));
            first = i + 1;
            size = 0;
        }
    }
    if !run.is_empty() || runs.is_empty() {
        runs.push((first, run));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_consecutive_and_know_where_they_start() {
        let runs = runs((0..10).collect(), 4, 3, |_| 1);
        let firsts: Vec<usize> = runs.iter().map(|(first, _)| *first).collect();
        assert_eq!(firsts, [0, 4, 8]);
        let all: Vec<i32> = runs.into_iter().flat_map(|(_, run)| run).collect();
        assert_eq!(all, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn results_come_back_in_order_whatever_the_weights() {
        let items: Vec<usize> = (0..1000).collect();
        let out = in_order(items, 0, |&n| n % 7, |first, run: Vec<usize>| (first, run));
        let mut next = 0;
        for (first, run) in out {
            assert_eq!(first, next);
            next += run.len();
            assert!(run.iter().enumerate().all(|(i, &n)| n == first + i));
        }
        assert_eq!(next, 1000);
    }

    #[test]
    fn little_work_stays_on_this_thread() {
        let here = std::thread::current().id();
        let out = in_order(
            vec![1, 2, 3],
            100,
            |&n: &i32| n as usize,
            |_, run: Vec<i32>| (std::thread::current().id(), run),
        );
        assert_eq!(out, [(here, vec![1, 2, 3])]);
    }

    #[test]
    fn each_gives_the_results_in_the_jobs_order() {
        let jobs: Vec<u64> = (0..500).collect();
        let out = each(&jobs, |&n| {
            // Unequal jobs, so threads finish out of order.
            (0..n * 100).fold(n, |a, b| a.wrapping_add(b % 3))
                - (0..n * 100).map(|b| b % 3).sum::<u64>()
        });
        assert_eq!(out, jobs);
    }
}
