//! Times the cost model on the default scenario: the chart's curves with every break-even point,
//! and the four line-by-line bills. Run with `cargo bench --bench cost`.
#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use serverless_explorer::model::cost::{CostCurves, bills};
use serverless_explorer::model::scenario::Scenario;

/// Timed runs per measurement, after as many untimed warm-up runs.
const RUNS: usize = 500;

/// Runs `work` `RUNS` times and prints the median and 95th percentile in microseconds.
fn measure<T>(name: &str, mut work: impl FnMut() -> T) {
    for _ in 0..RUNS {
        black_box(work());
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let at = |q: f64| {
        let index = ((times.len() - 1) as f64 * q).round() as usize;
        times.get(index).map_or(f64::NAN, |t| t.as_secs_f64() * 1e6)
    };
    println!(
        "{name}: median {:.1} µs, p95 {:.1} µs over {RUNS} runs",
        at(0.5),
        at(0.95)
    );
}

fn main() {
    let scenario = Scenario::default();
    let curves = CostCurves::compute(&scenario);
    println!(
        "default scenario: {} samples, {} break-even points",
        curves.requests_per_month.len(),
        curves.break_evens.len()
    );
    measure("CostCurves::compute (curves + break-evens)", || {
        CostCurves::compute(black_box(&scenario))
    });
    measure("bills (four bills with line details)", || {
        bills(black_box(&scenario))
    });
}
