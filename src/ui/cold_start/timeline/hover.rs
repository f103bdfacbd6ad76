//! What the pointer is over on the timeline ([`Hit`]): finding it, outlining it, and its tooltip
//! with the numbers behind it.

use egui::{CornerRadius, Painter, Pos2, RichText, Stroke, StrokeKind, Ui, pos2};

use super::geometry::{Geometry, lane_at};
use super::rows::lifetime;
use crate::model::cold_start::{Environment, PhaseKind};
use crate::model::format::group;
use crate::model::traffic::Traffic;
use crate::ui::cold_start::format::{fmt_duration, fmt_ms, fmt_rate, fmt_time};
use crate::ui::cold_start::lane::Lane;
use crate::ui::cold_start::marks::phase_meaning;
use crate::ui::theme::Theme;

/// How far from a bar the pointer may be and still hover it, points.
const HIT_PX: f32 = 4.0;

/// What the pointer is over on the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Hit {
    /// An init phase of an environment.
    Phase {
        lane: usize,
        env: usize,
        kind: PhaseKind,
        start_s: f64,
        end_s: f64,
    },
    /// A handler run (one request).
    Handler {
        lane: usize,
        env: usize,
        start_s: f64,
        end_s: f64,
        cold: bool,
    },
    /// A warm environment waiting; `reclaimed_s` is set on its last stretch before reclamation.
    Idle {
        lane: usize,
        env: usize,
        from_s: f64,
        to_s: f64,
        reclaimed_s: Option<f64>,
    },
    /// The row label of an environment.
    Row { lane: usize, env: usize },
    /// The traffic strip.
    Traffic { t_s: f64 },
}

/// What is under the pointer.
pub(super) fn hit_test(pos: Pos2, geometry: &Geometry, lanes: &[Lane<'_>]) -> Option<Hit> {
    let axis = geometry.axis;
    if geometry.strip.contains(pos) {
        return Some(Hit::Traffic {
            t_s: axis.secs_from_x(pos.x),
        });
    }
    let index = lane_at(geometry, pos)?;
    let lane_geometry = (*geometry.lanes.get(index)?)?;
    let lane = lanes.get(index)?;
    let row = lane_geometry.row_at(pos.y)?;
    let env = lane.run.timeline.environments.get(row)?;
    if lane_geometry.labels.contains(pos) {
        return Some(Hit::Row {
            lane: index,
            env: row,
        });
    }
    if !lane_geometry.rows.contains(pos) {
        return None;
    }
    let t_s = axis.secs_from_x(pos.x);
    let tolerance_s = f64::from(HIT_PX) * axis.secs_per_point();
    hit_environment(index, row, env, t_s, tolerance_s, lane.run.timeline_window)
}

/// The bar of one environment at `t_s`: the nearest phase or handler run within `tolerance_s`,
/// else its idle stretch.
fn hit_environment(
    lane: usize,
    row: usize,
    env: &Environment,
    t_s: f64,
    tolerance_s: f64,
    window: (f64, f64),
) -> Option<Hit> {
    let distance = |a: f64, b: f64| {
        if t_s < a {
            a - t_s
        } else if t_s > b {
            t_s - b
        } else {
            0.0
        }
    };
    let mut best: Option<(f64, Hit)> = None;
    let mut consider = |d: f64, hit: Hit| {
        if d <= tolerance_s && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, hit));
        }
    };
    for phase in &env.init {
        consider(
            distance(phase.start_s, phase.end_s),
            Hit::Phase {
                lane,
                env: row,
                kind: phase.kind,
                start_s: phase.start_s,
                end_s: phase.end_s,
            },
        );
    }
    let first = env.busy.partition_point(|b| b.end_s < t_s - tolerance_s);
    for b in env
        .busy
        .iter()
        .skip(first)
        .take_while(|b| b.start_s <= t_s + tolerance_s)
    {
        consider(
            distance(b.start_s, b.end_s),
            Hit::Handler {
                lane,
                env: row,
                start_s: b.start_s,
                end_s: b.end_s,
                cold: b.cold,
            },
        );
    }
    if let Some((_, hit)) = best {
        return Some(hit);
    }
    let (ready_s, gone_s) = lifetime(env, window);
    if t_s < ready_s || t_s > gone_s {
        return None;
    }
    // The idle gap around `t_s`: from the run before it to the run after it (or reclamation).
    let after = env.busy.partition_point(|b| b.start_s <= t_s);
    let from_s = after
        .checked_sub(1)
        .and_then(|i| env.busy.get(i))
        .map_or(ready_s, |b| b.end_s);
    let next = env.busy.get(after).map(|b| b.start_s);
    Some(Hit::Idle {
        lane,
        env: row,
        from_s,
        to_s: next.unwrap_or(gone_s),
        reclaimed_s: if next.is_none() {
            env.reclaimed_at_s
        } else {
            None
        },
    })
}

/// Outlines the hovered bar.
pub(super) fn highlight(
    painter: &Painter,
    hit: Hit,
    geometry: &Geometry,
    lanes: &[Lane<'_>],
    theme: &Theme,
) {
    let axis = geometry.axis;
    let (lane, env, a, b) = match hit {
        Hit::Phase {
            lane,
            env,
            start_s,
            end_s,
            ..
        }
        | Hit::Handler {
            lane,
            env,
            start_s,
            end_s,
            ..
        } => (lane, env, start_s, end_s),
        Hit::Idle {
            lane,
            env,
            from_s,
            to_s,
            ..
        } => (lane, env, from_s, to_s),
        Hit::Row { lane, env } => {
            let Some(e) = lanes
                .get(lane)
                .and_then(|l| l.run.timeline.environments.get(env))
            else {
                return;
            };
            let window = lanes
                .get(lane)
                .map_or((0.0, 0.0), |l| l.run.timeline_window);
            (lane, env, e.created_at_s, lifetime(e, window).1)
        }
        Hit::Traffic { t_s } => {
            let x = axis.x_from_secs(t_s);
            painter.line_segment(
                [
                    pos2(x, geometry.strip.top()),
                    pos2(x, geometry.strip.bottom()),
                ],
                Stroke::new(1.0, theme.highlight),
            );
            return;
        }
    };
    let Some(Some(lane_geometry)) = geometry.lanes.get(lane) else {
        return;
    };
    let x0 = axis.x_from_secs(a).max(axis.left - 2.0);
    let x1 = axis.x_from_secs(b).min(axis.right + 2.0).max(x0 + 3.0);
    painter
        .with_clip_rect(lane_geometry.rows.expand(3.0))
        .rect_stroke(
            lane_geometry.bar(env, x0, x1).expand(2.0),
            CornerRadius::same(2),
            Stroke::new(2.0, theme.highlight),
            StrokeKind::Outside,
        );
}

/// The tooltip of a hovered element: what it is, with its numbers.
pub(super) fn hit_ui(
    ui: &mut Ui,
    hit: Hit,
    lanes: &[Lane<'_>],
    traffic: Option<&Traffic>,
    theme: &Theme,
) {
    let lane_name = |lane: usize| lanes.get(lane).map_or("", |l| l.name.as_str());
    let environment = |lane: usize, env: usize| {
        lanes
            .get(lane)
            .and_then(|l| l.run.timeline.environments.get(env))
    };
    match hit {
        Hit::Phase {
            lane,
            env,
            kind,
            start_s,
            end_s,
        } => {
            ui.label(RichText::new(format!("{} · env {}", kind.label(), env + 1)).strong());
            ui.label(format!(
                "{}: starts at {}, lasts {}",
                lane_name(lane),
                fmt_time(start_s),
                fmt_ms((end_s - start_s) * 1000.0)
            ));
            ui.label(RichText::new(phase_meaning(kind)).color(theme.weak_text));
        }
        Hit::Handler {
            lane,
            env,
            start_s,
            end_s,
            cold,
        } => handler_tooltip(
            ui,
            lane_name(lane),
            environment(lane, env),
            (start_s, end_s),
            cold,
            theme,
        ),
        Hit::Idle {
            lane,
            env,
            from_s,
            to_s,
            reclaimed_s,
        } => {
            let title = if reclaimed_s.is_some() {
                "Idle until reclaimed"
            } else {
                "Warm, idle"
            };
            ui.label(RichText::new(format!("{title} · env {}", env + 1)).strong());
            ui.label(format!(
                "{}: waiting for a request from {} to {} ({})",
                lane_name(lane),
                fmt_time(from_s),
                fmt_time(to_s),
                fmt_duration(to_s - from_s)
            ));
            let note = match reclaimed_s {
                Some(r) => format!(
                    "No request came in the idle reclaim time: Lambda reclaimed the environment \
                     at {}. The next request it would have served starts a new one, cold",
                    fmt_time(r)
                ),
                None => "Initialised and ready: the next request it takes is warm. Idle time is \
                         not billed (except provisioned concurrency)"
                    .to_owned(),
            };
            ui.label(RichText::new(note).color(theme.weak_text));
        }
        Hit::Row { lane, env } => {
            let window_s = lanes.get(lane).map_or(0.0, |l| l.run.timeline_window.0);
            row_tooltip(ui, lane_name(lane), environment(lane, env), window_s);
        }
        Hit::Traffic { t_s } => {
            ui.label(RichText::new("Traffic").strong());
            let rps = traffic.map_or(0.0, |t| t.rate_at(t_s));
            ui.label(format!(
                "At {}: {} requests per second arriving",
                fmt_time(t_s),
                fmt_rate(rps)
            ));
        }
    }
}

/// The tooltip of a handler run.
fn handler_tooltip(
    ui: &mut Ui,
    lane_name: &str,
    env: Option<&Environment>,
    (start_s, end_s): (f64, f64),
    cold: bool,
    theme: &Theme,
) {
    let id = env.map_or(0, |e| e.id + 1);
    let run_ms = (end_s - start_s) * 1000.0;
    if cold {
        let arrived_s = env.map_or(start_s, |e| e.created_at_s);
        let wait_ms = (start_s - arrived_s) * 1000.0;
        ui.label(RichText::new(format!("Cold request · env {id}")).strong());
        ui.label(format!(
            "{lane_name}: arrived at {}, found no free warm environment, and waited {} for \
             this one to start",
            fmt_time(arrived_s),
            fmt_ms(wait_ms)
        ));
        ui.label(format!(
            "Handler ran {} from {} · latency {}",
            fmt_ms(run_ms),
            fmt_time(start_s),
            fmt_ms(wait_ms + run_ms)
        ));
    } else {
        ui.label(RichText::new(format!("Warm request · env {id}")).strong());
        ui.label(format!(
            "{lane_name}: arrived at {} and ran at once on a warm environment",
            fmt_time(start_s)
        ));
        ui.label(format!(
            "Handler ran {} · latency {}",
            fmt_ms(run_ms),
            fmt_ms(run_ms)
        ));
    }
    ui.label(
        RichText::new("Latency here is time inside Lambda: no network or API Gateway time")
            .color(theme.weak_text),
    );
}

/// The tooltip of a row label: the environment's story.
fn row_tooltip(ui: &mut Ui, lane_name: &str, env: Option<&Environment>, window_s: f64) {
    let Some(env) = env else {
        return;
    };
    ui.label(RichText::new(format!("Environment {} · {lane_name}", env.id + 1)).strong());
    if env.provisioned {
        ui.label("Provisioned concurrency: initialised before the window, never reclaimed");
    } else if env.created_at_s < window_s {
        ui.label(format!(
            "Created at {} by a cold request, before the window: warm when it opened",
            fmt_time(env.created_at_s)
        ));
    } else {
        ui.label(format!(
            "Created at {} by a cold request",
            fmt_time(env.created_at_s)
        ));
    }
    ui.label(format!(
        "Served {} requests in the window",
        group(env.busy.len() as f64, 0)
    ));
    match env.reclaimed_at_s {
        Some(r) => ui.label(format!("Reclaimed after idling, at {}", fmt_time(r))),
        None => ui.label("Still warm at the end of the window"),
    };
}
