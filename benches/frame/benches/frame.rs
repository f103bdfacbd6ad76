//! Frame cost of the whole app, headless: `ctx.run_ui` plus `ctx.tessellate`, with a fixed input
//! sequence (time advancing 1/60 s a frame, the pointer moving on a fixed path), for each of the
//! four views (and the scaling view in presentation mode) at 1920×1080 and 3840×2160 points, and
//! the same harness over egui_demo_lib's `DemoWindows`, the reference every egui developer knows.
//! Prints the median and 95th percentile per frame of each, and ends with `frame ratio: R`: our
//! scaling view (animation playing) at 1920×1080 over the egui demo at 1920×1080.
//!
//! Run with `cargo bench --bench frame`; `FRAME_BENCH_ROUNDS=30` measures longer, and
//! `FRAME_BENCH_ONLY="demo (DemoWindows) 1920"` keeps only the subjects whose name and size
//! ("… 1920x1080") contain that text, to profile one under callgrind (benches/frame_callgrind.sh);
//! the ratio line then needs both the app's scaling view and the demo at 1920×1080.
#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::f32::consts::TAU;
use std::hint::black_box;
use std::time::{Duration, Instant};

use egui::{Context, Event, Pos2, RawInput, Rect, Vec2, pos2, vec2};
use serverless_explorer::app::{ExplorerApp, Settings, StartOptions};
use serverless_explorer::command::{Command, ViewId};

/// Untimed frames per subject before measuring: fonts, galley caches and layout settle.
const WARMUP_FRAMES: u64 = 120;
/// Rounds, by default; every round runs each subject for `FRAMES_PER_ROUND` frames in turn, so
/// a noisy moment on a shared machine falls on every subject alike.
const DEFAULT_ROUNDS: usize = 20;
/// Frames per subject per round.
const FRAMES_PER_ROUND: usize = 60;
/// Untimed frames each subject runs at the start of its turn in a round: a running app has its
/// own data in the CPU caches, not the data of the subject measured before it.
const REWARM_FRAMES: usize = 2;
/// Seconds of simulated time per frame.
const DT_S: f32 = 1.0 / 60.0;

/// The window sizes measured, points at one pixel per point.
const SIZES: [Vec2; 2] = [vec2(1920.0, 1080.0), vec2(3840.0, 2160.0)];

/// One thing being measured: a context of its own and the code that draws a frame.
struct Subject {
    name: String,
    size: Vec2,
    ctx: Context,
    frame: u64,
    draw: Box<dyn FnMut(&mut egui::Ui)>,
    times: Vec<Duration>,
    /// The `tessellate` part of each timed frame.
    tessellate_times: Vec<Duration>,
    vertices: usize,
    primitives: usize,
}

impl Subject {
    fn new(name: String, size: Vec2, draw: Box<dyn FnMut(&mut egui::Ui)>) -> Self {
        Self {
            name,
            size,
            ctx: Context::default(),
            frame: 0,
            draw,
            times: Vec::new(),
            tessellate_times: Vec::new(),
            vertices: 0,
            primitives: 0,
        }
    }

    /// Runs one frame and returns how long `run_ui` and `tessellate` took together, and
    /// `tessellate` alone.
    fn frame(&mut self) -> (Duration, Duration) {
        let input = fixed_input(self.size, self.frame);
        self.frame += 1;
        let draw = &mut self.draw;
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| draw(ui));
        let tessellate_start = Instant::now();
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        let (elapsed, tessellate) = (start.elapsed(), tessellate_start.elapsed());
        self.vertices = primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        self.primitives = primitives.len();
        black_box(primitives);
        // No renderer takes the texture uploads; dropping them unapplied would trip a debug check.
        output.textures_delta.clear();
        (elapsed, tessellate)
    }

    /// Median and 95th percentile of the timed frames, ms.
    fn stats_ms(&self) -> (f64, f64) {
        percentiles_ms(&self.times)
    }
}

/// Median and 95th percentile of `times`, ms.
fn percentiles_ms(times: &[Duration]) -> (f64, f64) {
    let mut ms: Vec<f64> = times.iter().map(|t| t.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let i = ((ms.len() as f64 - 1.0) * q).round() as usize;
        ms.get(i).copied().unwrap_or(f64::NAN)
    };
    (at(0.5), at(0.95))
}

/// The input of frame `frame`: time advancing by `DT_S`, the pointer on a slow Lissajous path
/// over the whole window (so hover states, tooltips and the canvases' hover read-outs all run).
fn fixed_input(size: Vec2, frame: u64) -> RawInput {
    let phase = (frame % 100_000) as f32;
    let pointer = pos2(
        size.x * (0.5 + 0.45 * (phase * TAU / 420.0).sin()),
        size.y * (0.5 + 0.45 * (phase * TAU / 290.0).cos()),
    );
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
        time: Some(frame as f64 * f64::from(DT_S)),
        predicted_dt: DT_S,
        events: vec![Event::PointerMoved(pointer)],
        focused: true,
        ..RawInput::default()
    }
}

/// The app from a fresh start, showing `view` (in presentation mode if `present`: projector
/// theme, large type, no editor); the scaling view's animation plays and loops.
fn app_subject(view: ViewId, size: Vec2, present: bool) -> Subject {
    let mut app = ExplorerApp::with_settings(
        Settings::default(),
        StartOptions {
            fresh: true,
            ..StartOptions::default()
        },
    );
    app.settings.view = view;
    if present {
        // Applied at the end of the first frame, as the F5 key would be.
        app.push_command(Command::TogglePresentation);
    }
    let name = match (view, present) {
        (ViewId::Scaling, false) => format!("app: {} (playing)", view.label()),
        (ViewId::Scaling, true) => format!("app: {} (playing, presenting)", view.label()),
        _ => format!("app: {}", view.label()),
    };
    let draw = move |ui: &mut egui::Ui| {
        if view == ViewId::Scaling && !app.settings.views.scaling.is_playing() {
            // Playback stops at the end of the timeline: start again, as a presenter would.
            app.settings.views.scaling.set_time(0.0);
            app.settings.views.scaling.playing = true;
        }
        app.draw(ui);
    };
    Subject::new(name, size, Box::new(draw))
}

/// egui_demo_lib's demo windows as they open by default.
fn demo_subject(size: Vec2) -> Subject {
    let mut demo = egui_demo_lib::DemoWindows::default();
    Subject::new(
        "egui demo (DemoWindows)".to_owned(),
        size,
        Box::new(move |ui| demo.ui(ui)),
    )
}

fn main() {
    let rounds = std::env::var("FRAME_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&r| r > 0)
        .unwrap_or(DEFAULT_ROUNDS);
    let mut subjects: Vec<Subject> = Vec::new();
    for size in SIZES {
        // The two subjects of the ratio run back to back in every round, so a shared machine
        // that slows down for a few seconds slows both alike.
        subjects.push(app_subject(ViewId::Scaling, size, false));
        subjects.push(demo_subject(size));
        for view in [ViewId::Stack, ViewId::ColdStart, ViewId::Cost] {
            subjects.push(app_subject(view, size, false));
        }
        subjects.push(app_subject(ViewId::Scaling, size, true));
    }
    if let Ok(only) = std::env::var("FRAME_BENCH_ONLY") {
        subjects.retain(|s| format!("{} {}x{}", s.name, s.size.x, s.size.y).contains(&only));
    }
    for subject in &mut subjects {
        for _ in 0..WARMUP_FRAMES {
            black_box(subject.frame());
        }
    }
    for _ in 0..rounds {
        for subject in &mut subjects {
            for _ in 0..REWARM_FRAMES {
                black_box(subject.frame());
            }
            for _ in 0..FRAMES_PER_ROUND {
                let (elapsed, tessellate) = subject.frame();
                subject.times.push(elapsed);
                subject.tessellate_times.push(tessellate);
            }
        }
    }

    println!(
        "frame cost, headless (ctx.run_ui + ctx.tessellate, pixels_per_point 1), {} frames \
         each after {WARMUP_FRAMES} warm-up frames",
        rounds * FRAMES_PER_ROUND
    );
    let mut ours = f64::NAN;
    let mut demo = f64::NAN;
    for subject in &subjects {
        let (median, p95) = subject.stats_ms();
        let (tessellate, _) = percentiles_ms(&subject.tessellate_times);
        println!(
            "  {:<34} {:>4}x{:<4}  median {median:>7.3} ms   p95 {p95:>7.3} ms   \
             (tessellate {tessellate:.3} ms; {} vertices, {} meshes)",
            subject.name, subject.size.x, subject.size.y, subject.vertices, subject.primitives
        );
        if subject.size == SIZES[0] {
            if subject.name == "app: Scaling (playing)" {
                ours = median;
            } else if subject.name.starts_with("egui demo") {
                demo = median;
            }
        }
    }
    println!("frame ratio: {:.2}", ours / demo);
}
