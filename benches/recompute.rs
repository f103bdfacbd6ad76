//! What an edit costs outside the frame: `Derived::compute` (all four models, cost curves, the
//! scaling simulation and the cold starts) for 10 minutes and 24 hours of traffic at 10,000
//! requests per second, the `report` subcommand's output end to end, and one offscreen export of a view, PNG-encoded
//! (not written).
//! Run with `cargo bench --bench recompute`.
#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::hint::black_box;
use std::time::Instant;

use serverless_explorer::command::ViewId;
use serverless_explorer::derived::Derived;
use serverless_explorer::export;
use serverless_explorer::model::scenario::Scenario;
use serverless_explorer::render::{self, Offscreen};
use serverless_explorer::report::{self, ReportFormat};
use serverless_explorer::ui::theme::ThemeKind;

/// Ten minutes, s.
const TEN_MINUTES_S: f64 = 600.0;
/// One day, s.
const DAY_S: f64 = 86_400.0;
/// The request rate of both traffic timelines.
const PEAK_RPS: f64 = 10_000.0;

/// A spike from 1 to 10,000 requests per second at 60 s that holds until `duration_s`, with the
/// account's concurrency limit and the fleets raised so every model can follow it.
fn spike(duration_s: f64) -> Scenario {
    let mut s = Scenario {
        traffic: vec![
            (0.0, 1.0),
            (60.0, 1.0),
            (65.0, PEAK_RPS),
            (duration_s, PEAK_RPS),
        ],
        ..Scenario::default()
    };
    s.lambda.account_concurrency_limit = 100_000;
    s.vm.max_instances = 10_000;
    s.containers.max_tasks = 100_000;
    s
}

/// Runs `work` once untimed, then `runs` times, and prints the median and 95th percentile, ms.
fn measure<T>(label: &str, runs: usize, mut work: impl FnMut() -> T) {
    black_box(work());
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let i = ((ms.len() as f64 - 1.0) * q).round() as usize;
        ms.get(i).copied().unwrap_or(f64::NAN)
    };
    println!(
        "  {label:<44} median {:>9.3} ms   p95 {:>9.3} ms   ({runs} runs)",
        at(0.5),
        at(0.95)
    );
}

fn main() {
    println!("recompute and output (release build)");
    let ten_minutes = spike(TEN_MINUTES_S);
    let day = spike(DAY_S);
    for (label, scenario) in [("10 min", &ten_minutes), ("24 h", &day)] {
        if let Err(e) = scenario.validate() {
            println!("  {label}: scenario refused ({e}); not measured");
        }
    }
    measure("Derived::compute, 10 min at 10,000 rps", 100, || {
        Derived::compute(black_box(&ten_minutes))
    });
    measure("Derived::compute, 24 h at 10,000 rps", 10, || {
        Derived::compute(black_box(&day))
    });

    let default = Scenario::default();
    let derived = Derived::compute(&default);
    for (label, format) in [
        ("report --format json (render only)", ReportFormat::Json),
        ("report --format text (render only)", ReportFormat::Text),
    ] {
        measure(label, 200, || {
            report::render(black_box(&default), black_box(&derived), format)
        });
    }
    measure("report end to end (compute + json)", 100, || {
        let derived = Derived::compute(black_box(&default));
        report::render(&default, &derived, ReportFormat::Json)
    });

    let start = Instant::now();
    match Offscreen::new() {
        Ok(mut renderer) => {
            println!(
                "  offscreen renderer created in {:.0} ms",
                start.elapsed().as_secs_f64() * 1000.0
            );
            let path = std::path::Path::new("scaling.png");
            measure("export scaling view, 1920x1080 at 2x, PNG", 5, || {
                let derived = Derived::compute(&default);
                export::render_slide(
                    &mut renderer,
                    &default,
                    &derived,
                    export::ImageSpec {
                        view: ViewId::Scaling,
                        size_points: egui::vec2(1920.0, 1080.0),
                        scale: 2.0,
                        theme: ThemeKind::Light,
                    },
                )
                .map(|image| render::png_bytes(&image, path).map(|png| png.len()))
            });
        }
        Err(e) => println!("  export not measured: {e}"),
    }
}
