//! Request dots: requests flowing into a lane at a rate proportional to demand, and the ones
//! turned away.

use egui::{CornerRadius, Rect, Stroke, pos2};

use crate::model::rng::SplitMix64;
use crate::model::scaling::{Sample, ScalingRun};
use crate::model::scenario::HostingModel;
use crate::ui::theme::Theme;

use super::figures::RunStats;

/// Request dots: slots per second of playback at the timeline's peak demand, and the seconds of
/// playback a dot takes to cross its lane. Both are in wall time so dots stay visible at 100×.
const DOT_SLOTS_PER_S: f64 = 14.0;
const DOT_TRAVEL_S: f64 = 1.6;

/// Where the dots are: a function of the playhead and the speed only, so a paused frame (and a
/// snapshot) is always the same.
#[derive(Clone, Debug)]
pub(super) struct DotClock {
    /// Playback time, s: simulated time since the start divided by the speed.
    tau_s: f64,
    peak_rps: f64,
    /// Requests one dot stands for at the peak.
    pub(super) requests_per_dot: f64,
}

impl DotClock {
    pub(super) fn new(run: &ScalingRun, stats: &RunStats, t_s: f64, speed: f64) -> Self {
        let peak_rps = stats.peak_demand_rps;
        Self {
            tau_s: (t_s - run.start_s) / speed,
            peak_rps,
            requests_per_dot: peak_rps * speed / DOT_SLOTS_PER_S,
        }
    }
}

/// One dot: how far it has travelled (0..1), its height in the band (0..1), whether it is
/// dropped at the gate.
pub(super) struct Dot {
    progress: f32,
    lane_y: f32,
    dropped: bool,
}

/// The dots of one model at the clock's time. Dots move with the playhead, but how many there
/// are and which are dropped follow the current sample, so the band always shows "now".
fn dots_of(x: &Sample, clock: &DotClock) -> impl Iterator<Item = Dot> {
    let first = ((clock.tau_s - DOT_TRAVEL_S) * DOT_SLOTS_PER_S).floor() as i64;
    let last = (clock.tau_s * DOT_SLOTS_PER_S).floor() as i64;
    // Even at low demand about one dot shows, so a trickle of requests stays visible.
    let floor_share = 1.0 / (DOT_SLOTS_PER_S * DOT_TRAVEL_S);
    let share = if x.demand_rps > 0.0 && clock.peak_rps > 0.0 {
        (x.demand_rps / clock.peak_rps).max(floor_share)
    } else {
        0.0
    };
    let dropped_share = if x.demand_rps > 0.0 {
        x.dropped_rps / x.demand_rps
    } else {
        0.0
    };
    (first..=last).filter_map(move |k| {
        let progress = (clock.tau_s - k as f64 / DOT_SLOTS_PER_S) / DOT_TRAVEL_S;
        // The slot number seeds the dot's draws (wrapping negative ones is fine), so a dot keeps
        // its height and fate from frame to frame.
        let mut rng = SplitMix64(k as u64);
        let (keep, fate, height) = (rng.unit(), rng.unit(), rng.unit());
        if !(0.0..1.0).contains(&progress) || keep >= share {
            return None;
        }
        Some(Dot {
            progress: progress as f32,
            lane_y: height as f32,
            dropped: fate < dropped_share,
        })
    })
}

/// Paints the flow band: dots travel to the gate; served ones pass, dropped ones fall away.
pub(super) fn paint_flow(
    painter: &egui::Painter,
    theme: &Theme,
    model: HostingModel,
    x: &Sample,
    clock: &DotClock,
    band: Rect,
) {
    let color = theme.model(model);
    let painter = painter.with_clip_rect(band.expand(2.0));
    painter.rect_filled(band, CornerRadius::same(4), theme.background);
    let gate_x = band.left() + GATE_AT * band.width();
    let radius = (band.height() / 9.0).clamp(2.5, 5.0);
    let lane_top = band.top() + radius + 2.0;
    let lane_h = band.height() * 0.5 - radius;
    for dot in dots_of(x, clock) {
        let x = band.left() + dot.progress * band.width();
        let y = lane_top + dot.lane_y * lane_h;
        if dot.dropped && x > gate_x {
            // Past the gate a dropped request slows, falls and fades.
            let v = (dot.progress - GATE_AT) / (1.0 - GATE_AT);
            let fx = gate_x + v * 0.35 * (band.right() - gate_x);
            let fy = y + v * v * (band.bottom() - y + radius * 2.0);
            painter.circle_filled(
                pos2(fx, fy),
                radius,
                theme.dropped.gamma_multiply(1.0 - 0.7 * v),
            );
        } else {
            // Served requests keep their colour: only the dropped ones change, so the two can
            // never be confused (on-premises' colour is close to the dropped colour).
            painter.circle_filled(pos2(x, y), radius, theme.demand);
        }
    }
    painter.line_segment(
        [pos2(gate_x, band.top()), pos2(gate_x, band.bottom())],
        Stroke::new(theme.line_width + 1.0, color),
    );
}

/// Where along the flow band requests meet the model's capacity (the gate), as a fraction.
pub(super) const GATE_AT: f32 = 0.58;
