//! Times `read_bytes` on a 1,000,000-row plain CSV (one row a second) and a 1,000,000-line
//! combined access log (about 12 lines a second), both made in memory. Run with `cargo bench --bench import`.
#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use serverless_explorer::model::traffic_import::{ImportOptions, read_bytes};

/// Timed runs per measurement, after one untimed warm-up run.
const RUNS: usize = 7;

/// Rows of the CSV and lines of the log.
const ROWS: usize = 1_000_000;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A CSV of `ROWS` seconds from 2026-12-01T00:00:00Z, a daily cycle of requests.
fn csv() -> String {
    let mut text = String::with_capacity(ROWS * 32);
    text.push_str("timestamp,requests\n");
    for s in 0..ROWS {
        let (day, rest) = (1 + s / 86_400, s % 86_400);
        let requests = 100 + (s * 7919) % 50;
        let _ = writeln!(
            text,
            "2026-12-{day:02}T{:02}:{:02}:{:02}Z,{requests}",
            rest / 3600,
            rest / 60 % 60,
            rest % 60
        );
    }
    text
}

/// A combined log of `ROWS` lines from 05/Dec/2026:00:00:00, 6 to 18 lines a second.
fn log() -> String {
    let mut text = String::with_capacity(ROWS * 100);
    let (mut lines, mut second) = (0, 0_usize);
    while lines < ROWS {
        let (day, rest) = (5 + second / 86_400, second % 86_400);
        let month = MONTHS.get(11).copied().unwrap_or("Dec");
        for _ in 0..(6 + (second * 7) % 13).min(ROWS - lines) {
            let _ = writeln!(
                text,
                "203.0.113.{} - - [{day:02}/{month}/2026:{:02}:{:02}:{:02} +0000] \"GET /api/orders/{} \
                 HTTP/1.1\" 200 512 \"-\" \"curl/8.5\"",
                lines % 250,
                rest / 3600,
                rest / 60 % 60,
                rest % 60,
                lines % 1000
            );
            lines += 1;
        }
        second += 1;
    }
    text
}

/// Runs `work` once untimed and `RUNS` times timed; prints the median and the range, ms.
fn measure<T>(name: &str, mut work: impl FnMut() -> T) {
    black_box(work());
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let ms = |i: usize| times.get(i).map_or(f64::NAN, |t| t.as_secs_f64() * 1e3);
    println!(
        "{name}: median {:.1} ms (min {:.1}, max {:.1}) over {RUNS} runs",
        ms(RUNS / 2),
        ms(0),
        ms(RUNS - 1)
    );
}

fn main() {
    let options = ImportOptions::default();
    let csv = csv();
    let log = log();
    for (name, text) in [("plain CSV", &csv), ("access log", &log)] {
        match read_bytes("bench", text.as_bytes(), &options) {
            Ok(t) => println!(
                "{name}: {:.1} MB, {} rows, {} periods, {} points, total {}",
                text.len() as f64 / 1e6,
                t.source.rows,
                t.source.periods,
                t.points.len(),
                t.source.total_requests
            ),
            Err(e) => println!("{name}: refused: {e}"),
        }
        measure(name, || read_bytes("bench", text.as_bytes(), &options));
    }
}
