//! What a user feels while editing a long scenario: a month of traffic at up to 100,000
//! requests a second, imported from a per-minute metric file (31 days, 44,640 rows, reduced to
//! the import's 10,000 points at most), the memory size dragged through 64 MB steps, one new
//! value every frame.
//!
//! - `Derived::compute` of that scenario: what every edit cost the frame before results moved to
//!   a worker thread.
//! - The frame time (`run_ui` + `tessellate`, 1920×1080, scenario editor open) while the value is
//!   dragged, frames paced at 60 a second: with results computed in the background (what the
//!   window does) and, for comparison, in the frame.
//! - The time from one edit to the frame that draws all its results, after a quiet moment, and
//!   the same for a price edit, which re-prices without simulating again.
//!
//! Run with `cargo bench --bench edit`; `EDIT_BENCH_FRAMES=600` drags longer.
#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use egui::{Context, Pos2, RawInput, Rect, vec2};
use serverless_explorer::app::{ExplorerApp, Settings, StartOptions};
use serverless_explorer::command::{Command, ViewId};
use serverless_explorer::derived::Derived;
use serverless_explorer::model::scenario::Scenario;
use serverless_explorer::model::traffic_import::{self, ImportOptions};

/// Minutes in 31 days.
const MONTH_MINUTES: u32 = 31 * 24 * 60;
/// The busiest moment's request rate.
const PEAK_RPS: f64 = 100_000.0;
/// A frame at 60 frames a second.
const FRAME: Duration = Duration::from_micros(16_667);

/// 31 days of a daily cycle between 10,000 and 100,000 requests a second, as a per-minute
/// `timestamp,requests` file imported, with the account's concurrency and the fleets raised so
/// every model can follow it.
fn month() -> Scenario {
    let mut csv = String::from("timestamp,requests\n");
    for minute in 0..MONTH_MINUTES {
        let t_s = f64::from(minute) * 60.0;
        let day = (t_s / 86_400.0 * std::f64::consts::TAU).sin();
        // A little jitter, as real minutes have, so quiet stretches do not merge.
        let jitter = 1.0 + 0.01 * f64::from(minute % 7);
        let requests = (PEAK_RPS * (0.55 + 0.45 * day) * 60.0 / 1.06 * jitter).round();
        let (d, h, m) = (1 + minute / 1440, minute / 60 % 24, minute % 60);
        let _ = writeln!(csv, "2026-12-{d:02}T{h:02}:{m:02}:00Z,{requests}");
    }
    let imported =
        traffic_import::read_bytes("month.csv", csv.as_bytes(), &ImportOptions::default())
            .unwrap_or_else(|e| panic!("the bench's month does not import: {e}"));
    let mut s = Scenario {
        name: "A month at 100,000 requests a second".to_owned(),
        ..Scenario::default()
    }
    .with_imported_traffic(&imported);
    s.lambda.account_concurrency_limit = 100_000;
    s.vm.max_instances = 10_000;
    s.containers.max_tasks = 100_000;
    s
}

/// Median, 95th percentile and largest of `times`, ms.
fn stats_ms(times: &[Duration]) -> (f64, f64, f64) {
    let mut ms: Vec<f64> = times.iter().map(|t| t.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let i = ((ms.len() as f64 - 1.0) * q).round() as usize;
        ms.get(i).copied().unwrap_or(f64::NAN)
    };
    (at(0.5), at(0.95), ms.last().copied().unwrap_or(f64::NAN))
}

/// The app on `scenario`, showing the cost view with the editor open, its results computed in
/// the background or in the frame.
struct Window {
    ctx: Context,
    app: ExplorerApp,
    frame: u64,
}

impl Window {
    fn new(scenario: &Scenario, background: bool) -> Self {
        let ctx = Context::default();
        let mut app = ExplorerApp::with_settings(
            Settings::default(),
            StartOptions {
                scenario: Some((
                    serverless_explorer::model::origin::Origin::Clipboard,
                    scenario.clone(),
                )),
                fresh: true,
                view: Some(ViewId::Cost),
                ..StartOptions::default()
            },
        );
        if background {
            app.compute_in_background(&ctx);
        }
        let mut window = Self { ctx, app, frame: 0 };
        for _ in 0..30 {
            window.frame();
        }
        window
    }

    /// Runs one frame; returns its CPU time (`run_ui` + `tessellate`).
    fn frame(&mut self) -> Duration {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
            time: Some(self.frame as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            focused: true,
            ..RawInput::default()
        };
        self.frame += 1;
        let start = Instant::now();
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.draw(ui));
        black_box(
            self.ctx
                .tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point),
        );
        let elapsed = start.elapsed();
        output.textures_delta.clear();
        elapsed
    }

    /// Drags the memory size one 64 MB step a frame for `frames` frames at 60 frames a second;
    /// returns every frame's CPU time.
    fn drag_memory(&mut self, frames: usize) -> Vec<Duration> {
        let mut times = Vec::with_capacity(frames);
        for i in 0..frames {
            let started = Instant::now();
            let mut edited = self.app.scenario.clone();
            // Up and down between 1,024 and 4,096 MB, as a hand on a slider does.
            let step = (i % 96) as u32;
            let up = if step < 48 { step } else { 96 - step };
            edited.workload.memory_mb = 1024 + 64 * up;
            self.app
                .push_command(Command::SetScenario(Box::new(edited)));
            times.push(self.frame());
            std::thread::sleep(FRAME.saturating_sub(started.elapsed()));
        }
        times
    }

    /// Frames until the results of the scenario are all drawn, after `edit` is applied to it;
    /// returns the time from the edit to the end of that frame.
    fn edit_until_updated(&mut self, edit: impl FnOnce(&mut Scenario)) -> Duration {
        let mut edited = self.app.scenario.clone();
        edit(&mut edited);
        let start = Instant::now();
        self.app
            .push_command(Command::SetScenario(Box::new(edited)));
        self.frame();
        while self.app.is_updating() {
            std::thread::sleep(Duration::from_millis(1));
            self.frame();
        }
        start.elapsed()
    }
}

fn main() {
    let frames = std::env::var("EDIT_BENCH_FRAMES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&f| f > 0)
        .unwrap_or(300);
    let scenario = month();
    println!(
        "a month at up to {PEAK_RPS} requests a second ({} traffic points), memory dragged \
         1,024-4,096 MB in 64 MB steps, one step a frame, frames paced at 60 a second, 1920x1080",
        scenario.traffic.len()
    );

    let mut computes = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        black_box(Derived::compute(black_box(&scenario)));
        computes.push(start.elapsed());
    }
    let (median, _, max) = stats_ms(&computes);
    println!(
        "  Derived::compute, all results              median {median:>8.1} ms   max {max:>8.1} ms"
    );

    for (label, background) in [
        ("results in the background", true),
        ("results in the frame", false),
    ] {
        let mut window = Window::new(&scenario, background);
        let frames = if background { frames } else { frames.min(30) };
        let times = window.drag_memory(frames);
        let (median, p95, max) = stats_ms(&times);
        let slow = times.iter().filter(|t| **t > FRAME).count();
        println!(
            "  frame while dragging, {label:<26} median {median:>6.2} ms   p95 {p95:>6.2} ms   \
             max {max:>7.2} ms   over 16.7 ms: {slow} of {frames}"
        );
    }

    let mut window = Window::new(&scenario, true);
    let mut memory = Vec::new();
    let mut price = Vec::new();
    for i in 0..8_u32 {
        std::thread::sleep(Duration::from_millis(50));
        memory.push(window.edit_until_updated(|s| s.workload.memory_mb = 1024 + 128 * (i + 1)));
        std::thread::sleep(Duration::from_millis(50));
        price.push(window.edit_until_updated(|s| {
            s.rates.lambda_request_usd_per_million = 0.20 + 0.01 * f64::from(i + 1);
        }));
    }
    let (median, _, max) = stats_ms(&memory);
    println!(
        "  edit to all views updated, memory size     median {median:>8.1} ms   max {max:>8.1} ms"
    );
    let (median, _, max) = stats_ms(&price);
    println!(
        "  edit to all views updated, a price         median {median:>8.1} ms   max {max:>8.1} ms"
    );
}
