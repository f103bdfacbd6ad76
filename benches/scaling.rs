//! How long the scaling simulation takes: 10 minutes and 24 hours of traffic at 10,000 requests
//! per second, and 24 hours at 10 requests per second. Its cost should grow with the simulated
//! length (24 h / 10 min ≈ 144×) and not with the request rate.
#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::hint::black_box;
use std::time::Instant;

use serverless_explorer::model::scaling::ScalingRun;
use serverless_explorer::model::scenario::Scenario;

/// Ten minutes, s.
const TEN_MINUTES_S: f64 = 600.0;
/// One day, s.
const DAY_S: f64 = 86_400.0;

/// A scenario whose traffic is `points`, with limits raised so every model can follow 10,000 rps.
fn scenario(points: Vec<(f64, f64)>) -> Scenario {
    let mut s = Scenario {
        traffic: points,
        ..Scenario::default()
    };
    s.lambda.account_concurrency_limit = 100_000;
    s.vm.max_instances = 10_000;
    s.containers.max_tasks = 100_000;
    s
}

/// A spike from 1 rps to `peak_rps` at 60 s that holds for the rest of `duration_s`, so every
/// model scales and then runs at the peak.
fn spike(duration_s: f64, peak_rps: f64) -> Scenario {
    scenario(vec![
        (0.0, 1.0),
        (60.0, 1.0),
        (65.0, peak_rps),
        (duration_s, peak_rps),
    ])
}

/// Median and 95th percentile of `runs` timed simulations, ms.
fn time_ms(s: &Scenario, runs: usize) -> (f64, f64) {
    // One untimed run warms caches and the allocator.
    black_box(ScalingRun::simulate(black_box(s)));
    let mut times_ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(ScalingRun::simulate(black_box(s)));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times_ms.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let i = ((times_ms.len() as f64 - 1.0) * q).round() as usize;
        times_ms.get(i).copied().unwrap_or(f64::NAN)
    };
    (at(0.5), at(0.95))
}

fn main() {
    let cases = [
        ("10 min at 10,000 rps", spike(TEN_MINUTES_S, 10_000.0), 200),
        ("24 h at 10,000 rps", spike(DAY_S, 10_000.0), 20),
        ("24 h at 10 rps", spike(DAY_S, 10.0), 20),
    ];
    println!("scaling simulation (ScalingRun::simulate, all four models)");
    let mut medians = Vec::new();
    for (label, s, runs) in &cases {
        let (median, p95) = time_ms(s, *runs);
        println!("  {label:<22} median {median:>8.3} ms   p95 {p95:>8.3} ms   ({runs} runs)");
        medians.push(median);
    }
    if let [ten_min, day_fast, day_slow] = medians.as_slice() {
        println!(
            "  24 h / 10 min at 10,000 rps: {:.1}x (length ratio 144x)",
            day_fast / ten_min
        );
        println!(
            "  24 h at 10,000 rps / 24 h at 10 rps: {:.2}x (1x = independent of the rate)",
            day_fast / day_slow
        );
    }
}
