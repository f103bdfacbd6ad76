//! Soak: simulated animation frames through a headless `egui::Context` (dt 1/60 s), the scaling
//! view playing and starting again at the end of its timeline, the pointer wandering on a seeded
//! path, and every minute of simulated time a short visit to the other views. After a warm-up the
//! process's resident memory, egui's textures, its galley cache and its per-widget memory are
//! recorded; at the end none may have grown beyond a small bound. No NaN may reach the painter.
//!
//! The default run is short (`SOAK_FRAMES`, default 12,000 frames: 200 s of animation);
//! `SOAK_FRAMES=216000 cargo test --release --test soak` is the full simulated hour.

mod perf_support;

use egui::{Context, Event, Pos2, RawInput, Rect, pos2, vec2};
use serverless_explorer::app::{ExplorerApp, Settings, StartOptions};
use serverless_explorer::command::ViewId;

/// Frames in the default run.
const DEFAULT_FRAMES: u64 = 12_000;
/// Frames before the first measurement (one simulated minute, so every view has been shown):
/// caches, fonts and the allocator settle.
const WARMUP_FRAMES: u64 = 3_600;
/// Frames per second of simulated time.
const FPS: u64 = 60;
/// Allowed growth of resident memory between the first and the last measurement, bytes.
const RSS_GROWTH_LIMIT: u64 = 20 * 1024 * 1024;

/// SplitMix64: a small seeded generator.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f32 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 40) as f32 / (1_u64 << 24) as f32
    }
}

/// Resident memory of this process, bytes (Linux only).
fn rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// What is measured at the start and the end.
#[derive(Debug, Clone, Copy)]
struct Sample {
    rss: Option<u64>,
    textures: usize,
    galleys: usize,
    memory_entries: usize,
}

fn sample(ctx: &Context) -> Sample {
    Sample {
        rss: rss_bytes(),
        textures: ctx.tex_manager().read().num_allocated(),
        #[expect(
            clippy::redundant_closure_for_method_calls,
            reason = "the method path does not satisfy the lifetime bound of `fonts`"
        )]
        galleys: ctx.fonts(|f| f.num_galleys_in_cache()),
        memory_entries: ctx.memory(|m| m.data.len()),
    }
}

#[test]
fn an_hour_of_animation_does_not_grow() {
    let frames = std::env::var("SOAK_FRAMES")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(DEFAULT_FRAMES)
        .max(WARMUP_FRAMES + 1);
    let size = vec2(1920.0, 1080.0);
    let mut app = ExplorerApp::with_settings(
        Settings::default(),
        StartOptions {
            fresh: true,
            ..StartOptions::default()
        },
    );
    app.settings.view = ViewId::Scaling;
    let ctx = Context::default();
    let mut rng = Rng(0x50A4);
    let mut pointer = pos2(size.x * 0.5, size.y * 0.5);
    let mut restarts = 0_u32;
    let mut start = None;

    for frame in 0..frames {
        if frame == WARMUP_FRAMES {
            start = Some(sample(&ctx));
        }
        // Each simulated minute: 2 s on each other view, then back to the animation.
        let second_of_minute = (frame / FPS) % 60;
        app.settings.view = match second_of_minute {
            52..54 => ViewId::Stack,
            54..56 => ViewId::ColdStart,
            56..58 => ViewId::Cost,
            _ => ViewId::Scaling,
        };
        if app.settings.view == ViewId::Scaling && !app.settings.views.scaling.is_playing() {
            app.settings.views.scaling.set_time(0.0);
            app.settings.views.scaling.playing = true;
            restarts += 1;
        }
        // A seeded random walk, kept on screen: hover read-outs and tooltips come and go.
        pointer += vec2(rng.unit() - 0.5, rng.unit() - 0.5) * 40.0;
        pointer = pointer.clamp(Pos2::ZERO, pos2(size.x - 1.0, size.y - 1.0));
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
            time: Some(frame as f64 / FPS as f64),
            predicted_dt: 1.0 / FPS as f32,
            events: vec![Event::PointerMoved(pointer)],
            focused: true,
            ..RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| app.draw(ui));
        if frame % 10 == 0
            && let Some(problem) = perf_support::first_non_finite(&output.shapes)
        {
            let problem: String = problem.chars().take(600).collect();
            panic!("frame {frame}: {problem}");
        }
        let primitives =
            ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        drop(primitives);
        // No renderer takes the texture uploads; dropping them unapplied trips a debug check.
        output.textures_delta.clear();
    }

    let start = start.expect("warm-up is shorter than the run");
    let end = sample(&ctx);
    eprintln!(
        "soak: {frames} frames ({:.0} s simulated), {restarts} playbacks started\n  start {start:?}\n  end   {end:?}",
        frames as f64 / FPS as f64
    );
    assert!(restarts >= 1, "the animation never played");
    if let (Some(before), Some(after)) = (start.rss, end.rss) {
        let growth = after.saturating_sub(before);
        assert!(
            growth < RSS_GROWTH_LIMIT,
            "resident memory grew by {:.1} MB (from {:.1} MB to {:.1} MB)",
            growth as f64 / 1e6,
            before as f64 / 1e6,
            after as f64 / 1e6
        );
    }
    assert!(
        end.textures <= start.textures + 2,
        "textures grew from {} to {}",
        start.textures,
        end.textures
    );
    assert!(
        end.galleys <= start.galleys * 2 + 200,
        "the galley cache grew from {} to {}",
        start.galleys,
        end.galleys
    );
    assert!(
        end.memory_entries <= start.memory_entries * 2 + 200,
        "egui's per-widget memory grew from {} to {} entries",
        start.memory_entries,
        end.memory_entries
    );
}
