//! Benchmark of the cold-start model: a small scenario simulated request by request, and a day at
//! 10,000 requests per second in aggregate. Prints the median and p95 wall time of each.
#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::hint::black_box;
use std::time::Instant;

use serverless_explorer::model::cold_start::ColdStartRun;
use serverless_explorer::model::scenario::Scenario;

/// Runs `f` `runs` times after one warm-up and prints the median and p95 in ms.
fn measure(name: &str, runs: usize, f: impl Fn() -> ColdStartRun) {
    black_box(f());
    let mut times_ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times_ms.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let rank = ((q * times_ms.len() as f64).ceil() as usize).clamp(1, times_ms.len());
        times_ms.get(rank - 1).copied().unwrap_or(f64::NAN)
    };
    println!(
        "{name:<40} median {:>9.3} ms   p95 {:>9.3} ms   ({runs} runs)",
        at(0.5),
        at(0.95)
    );
}

fn main() {
    let small = Scenario {
        traffic: vec![(0.0, 10.0), (600.0, 10.0)],
        ..Scenario::default()
    };
    let run = ColdStartRun::simulate(&small);
    println!(
        "10 min at 10 rps: {:?}, {} requests, cold share {:.5}",
        run.method, run.latency.requests, run.latency.cold_ratio
    );
    measure("cold start, 10 min at 10 rps", 50, || {
        ColdStartRun::simulate(black_box(&small))
    });

    let mut large = Scenario {
        traffic: vec![(0.0, 10_000.0), (86_400.0, 10_000.0)],
        ..Scenario::default()
    };
    large.lambda.account_concurrency_limit = 100_000;
    let run = ColdStartRun::simulate(&large);
    println!(
        "24 h at 10,000 rps: {:?}, {:.0} requests, cold share {:.2e}",
        run.method, run.latency.requests, run.latency.cold_ratio
    );
    measure("cold start, 24 h at 10,000 rps", 20, || {
        ColdStartRun::simulate(black_box(&large))
    });
}
