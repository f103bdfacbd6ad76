//! One lane of the timeline: its title (with a note when it shows only part of the scenario),
//! the row labels, and each environment's row of bars: idle lifetime, init phases, handler runs,
//! the cold request's snowflake and latency, and the scroll indicator.

use egui::{Align2, Color32, CornerRadius, Painter, Rect, Stroke, Ui, pos2, vec2};

use super::geometry::{LaneGeometry, SCROLLBAR_W, TimeAxis};
use crate::model::cold_start::{ColdStartRun, Environment, PhaseKind, WindowStart};
use crate::model::format::{clock, group};
use crate::ui::cold_start::format::{fmt_duration, fmt_latency_short};
use crate::ui::cold_start::lane::Lane;
use crate::ui::cold_start::marks::{handler_color, hatch, phase_color, snowflake, text_on};
use crate::ui::theme::Theme;

/// Narrowest an environment's whole init is drawn, so a cold start stays visible zoomed out.
const MIN_INIT_PX: f32 = 3.0;
/// Handler runs closer than this many points are drawn as one bar.
const MERGE_PX: f32 = 1.0;
/// Narrowest a handler bar is drawn, points.
const MIN_BAR_PX: f32 = 1.5;

/// One lane: its title, row labels, and every visible environment's bars.
pub(super) fn draw_lane(
    ui: &Ui,
    lane: &Lane<'_>,
    titled: bool,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    theme: &Theme,
) {
    let envs = &lane.run.timeline.environments;
    draw_lane_title(ui, lane, titled, geometry, theme);
    let labels = ui.painter_at(geometry.labels);
    let plot = ui.painter_at(geometry.rows);
    let window = lane.run.timeline_window;
    if envs.is_empty() {
        plot.text(
            geometry.rows.center(),
            Align2::CENTER_CENTER,
            "No environment in the timeline window",
            theme.font(16.0),
            theme.weak_text,
        );
    }
    // Every bar of the lane goes into one mesh, beneath the lines and text: thousands of
    // plain rects cost next to nothing that way, where shapes would each be tessellated.
    let fills = plot.add(egui::Shape::Noop);
    let mut mesh = egui::Mesh::default();
    for row in geometry.visible_rows() {
        let Some(env) = envs.get(row) else {
            continue;
        };
        draw_row_label(&labels, geometry, row, env, theme);
        draw_environment(&plot, &mut mesh, geometry, axis, row, env, window, theme);
    }
    plot.set(fills, mesh);
    draw_scrollbar(ui, geometry, theme);
}

/// A lane's title: which runtime (when comparing), how many environments, and which part of the
/// scenario the timeline shows when that is only its start.
fn draw_lane_title(ui: &Ui, lane: &Lane<'_>, titled: bool, geometry: &LaneGeometry, theme: &Theme) {
    let painter = ui.painter_at(geometry.title);
    let count = lane.run.timeline.environments.len();
    let title = if titled {
        let role = if lane.comparison {
            "comparison"
        } else {
            "this scenario"
        };
        format!("{} ({role}) · {count} environments", lane.name)
    } else {
        format!("{count} environments in the timeline")
    };
    let left = geometry.title.left() + 6.0;
    let right = geometry.rows.right();
    let center_y = geometry.title.center().y;
    let mut title = painter.layout_no_wrap(title, theme.font(16.0), theme.strong_text);
    // Without the note, a timeline of the first second of a steady day shows nothing but cold
    // starts while the figures say almost none were: it wins over the title when space is short.
    let note = window_note(lane.run).map(|(long, short)| {
        let room = right - left - title.size().x - 16.0;
        let long = painter.layout_no_wrap(long, theme.font(14.0), theme.dropped);
        if long.size().x <= room {
            long
        } else {
            painter.layout_no_wrap(short, theme.font(14.0), theme.dropped)
        }
    });
    if let Some(note) = note {
        if note.size().x > right - left - title.size().x - 16.0 {
            title = painter.layout_no_wrap(String::new(), theme.font(16.0), theme.strong_text);
        }
        let x = (right - note.size().x).max(left);
        painter.galley(pos2(x, center_y - note.size().y / 2.0), note, theme.dropped);
    }
    painter.galley(
        pos2(left, center_y - title.size().y / 2.0),
        title,
        theme.strong_text,
    );
}

/// A note, long and short, when the timeline shows only part of the scenario: which part, and
/// why there.
fn window_note(run: &ColdStartRun) -> Option<(String, String)> {
    let (h0, h1) = run.horizon_s;
    let (w0, w1) = run.timeline_window;
    if w1 - w0 >= 0.5 * (h1 - h0) {
        return None;
    }
    let (window, horizon) = (fmt_duration(w1 - w0), fmt_duration(h1 - h0));
    let figures = format!("the figures cover all {horizon}");
    Some(match run.window_start {
        WindowStart::Beginning => (
            format!(
                "Only the first {window} of {horizon}, where every environment is new; {figures}"
            ),
            format!("Only the first {window} of {horizon}"),
        ),
        WindowStart::Spike => (
            format!("{window} from {}, as demand spikes; {figures}", clock(w0)),
            format!("{window} from {}, as demand spikes", clock(w0)),
        ),
        WindowStart::Typical => (
            format!(
                "{window} from {}, a typical moment: {} environments already warm; {figures}",
                clock(w0),
                group(run.timeline.warm_at_start as f64, 0)
            ),
            format!("{window} from {}, a typical moment", clock(w0)),
        ),
    })
}

/// "env 3", with a "PC" badge on provisioned environments.
fn draw_row_label(
    painter: &Painter,
    geometry: &LaneGeometry,
    row: usize,
    env: &Environment,
    theme: &Theme,
) {
    let y = geometry.row_top(row) + geometry.row_h / 2.0;
    // The row height already includes the text scale; `theme.font` applies it once more.
    let font = theme.font((geometry.row_h / theme.text_scale * 0.62).clamp(12.0, 18.0));
    if !geometry.holds_text(y, painter.fonts_mut(|f| f.row_height(&font))) {
        return;
    }
    let right = geometry.labels.right();
    let text = format!("env {}", env.id + 1);
    if env.provisioned {
        let badge = painter.layout_no_wrap("PC".to_owned(), font.clone(), theme.on_fill);
        let badge_rect = Rect::from_min_size(
            pos2(right - badge.size().x - 8.0, y - badge.size().y / 2.0),
            badge.size() + vec2(6.0, 0.0),
        );
        let fill = phase_color(PhaseKind::Restore, theme);
        painter.rect_filled(badge_rect, CornerRadius::same(3), fill);
        painter.text(
            badge_rect.center(),
            Align2::CENTER_CENTER,
            "PC",
            font.clone(),
            text_on(fill, theme),
        );
        painter.text(
            pos2(badge_rect.left() - 4.0, y),
            Align2::RIGHT_CENTER,
            text,
            font,
            theme.strong_text,
        );
    } else {
        painter.text(
            pos2(right, y),
            Align2::RIGHT_CENTER,
            text,
            font,
            theme.strong_text,
        );
    }
}

/// When the environment is ready for requests, and when it is gone (reclaimed or window end).
pub(super) fn lifetime(env: &Environment, window: (f64, f64)) -> (f64, f64) {
    let ready_s = env.init.last().map_or(
        if env.provisioned {
            window.0
        } else {
            env.created_at_s
        },
        |p| p.end_s,
    );
    (ready_s, env.reclaimed_at_s.unwrap_or(window.1))
}

/// When the environment's last handler run ended (or when it became ready, with none).
fn last_busy_end(env: &Environment, ready_s: f64) -> f64 {
    env.busy.last().map_or(ready_s, |b| b.end_s)
}

/// An environment's row: idle lifetime, idle-until-reclaimed hatching, init phases, handler runs
/// and the cold request's marker. Only what falls in the visible range is drawn.
#[expect(
    clippy::too_many_arguments,
    reason = "one environment's row needs the painter, the mesh, both mappings and its data"
)]
fn draw_environment(
    painter: &Painter,
    mesh: &mut egui::Mesh,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    row: usize,
    env: &Environment,
    window: (f64, f64),
    theme: &Theme,
) {
    let (t0, t1) = (axis.start_s, axis.end_s);
    let (ready_s, gone_s) = lifetime(env, window);
    if gone_s > t0 && ready_s < t1 {
        let bar = geometry.bar(row, axis.x_from_secs(ready_s), axis.x_from_secs(gone_s));
        mesh.add_colored_rect(bar, theme.warm_idle);
        if let Some(reclaimed_s) = env.reclaimed_at_s {
            let idle_from = axis.x_from_secs(last_busy_end(env, ready_s));
            let x = axis.x_from_secs(reclaimed_s);
            hatch(painter, bar.with_min_x(idle_from).with_max_x(x), theme);
            painter.line_segment(
                [pos2(x, bar.top() - 2.0), pos2(x, bar.bottom() + 2.0)],
                Stroke::new(theme.line_width, theme.weak_text),
            );
        }
    }
    draw_init(painter, mesh, geometry, axis, row, env, theme);
    draw_busy(mesh, geometry, axis, row, env, theme);
}

/// A frame of `width` around `rect`, as four rects of the mesh.
fn outline(mesh: &mut egui::Mesh, rect: Rect, width: f32, color: Color32) {
    let outer = rect.expand(width);
    for side in [
        Rect::from_min_max(outer.min, pos2(outer.max.x, rect.min.y)),
        Rect::from_min_max(pos2(outer.min.x, rect.max.y), outer.max),
        Rect::from_min_max(pos2(outer.min.x, rect.min.y), pos2(rect.min.x, rect.max.y)),
        Rect::from_min_max(pos2(rect.max.x, rect.min.y), pos2(outer.max.x, rect.max.y)),
    ] {
        mesh.add_colored_rect(side, color);
    }
}

/// The init phases of a cold start, at least [`MIN_INIT_PX`] wide in all.
fn draw_init(
    painter: &Painter,
    mesh: &mut egui::Mesh,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    row: usize,
    env: &Environment,
    theme: &Theme,
) {
    let (Some(first), Some(last)) = (env.init.first(), env.init.last()) else {
        return;
    };
    let (x0, x1) = (
        axis.x_from_secs(first.start_s),
        axis.x_from_secs(last.end_s),
    );
    if x1 < axis.left - MIN_INIT_PX || x0 > axis.right {
        return;
    }
    if x1 - x0 < MIN_INIT_PX {
        // Too narrow to show each phase: one block in the colour of the longest.
        let longest = env
            .init
            .iter()
            .max_by(|a, b| (a.end_s - a.start_s).total_cmp(&(b.end_s - b.start_s)))
            .map_or(PhaseKind::Environment, |p| p.kind);
        let bar = geometry.bar(row, x0, x0 + MIN_INIT_PX);
        mesh.add_colored_rect(bar, phase_color(longest, theme));
    } else {
        for phase in &env.init {
            let bar = geometry.bar(
                row,
                axis.x_from_secs(phase.start_s),
                axis.x_from_secs(phase.end_s),
            );
            mesh.add_colored_rect(bar, phase_color(phase.kind, theme));
        }
    }
    draw_cold_label(painter, geometry, axis, row, env, theme);
}

/// A snowflake and "9.0 s" left of a cold start: how long its request took in all.
fn draw_cold_label(
    painter: &Painter,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    row: usize,
    env: &Environment,
    theme: &Theme,
) {
    let Some(first) = env.busy.first().filter(|b| b.cold) else {
        return;
    };
    if geometry.row_h < 14.0 {
        return;
    }
    let latency_ms = (first.end_s - env.created_at_s) * 1000.0;
    let font = theme.font((geometry.row_h / theme.text_scale * 0.6).clamp(12.0, 17.0));
    let galley = painter.layout_no_wrap(fmt_latency_short(latency_ms), font, theme.strong_text);
    let radius = galley.size().y * 0.3;
    let width = galley.size().x + 2.0 * radius + 4.0;
    // Clear of the cold run's outline, which is drawn outside its bar.
    let x = axis.x_from_secs(env.created_at_s) - theme.line_width - 4.0;
    // Left of the cold start is empty (the environment did not exist yet); skip if too narrow.
    if x - width < axis.left || x > axis.right + width {
        return;
    }
    let center_y = geometry.row_top(row) + geometry.row_h / 2.0;
    if !geometry.holds_text(center_y, galley.size().y) {
        return;
    }
    let text_x = x - galley.size().x;
    snowflake(
        painter,
        pos2(text_x - 4.0 - radius, center_y),
        radius,
        theme.strong_text,
    );
    painter.galley(
        pos2(text_x, center_y - galley.size().y / 2.0),
        galley,
        theme.strong_text,
    );
}

/// Handler runs in the visible range, merged where closer than a point, and the cold one
/// outlined.
fn draw_busy(
    mesh: &mut egui::Mesh,
    geometry: &LaneGeometry,
    axis: &TimeAxis,
    row: usize,
    env: &Environment,
    theme: &Theme,
) {
    let color = handler_color(theme);
    let mut flush = |(start_s, end_s): (f64, f64)| {
        let x0 = axis.x_from_secs(start_s);
        let x1 = axis.x_from_secs(end_s).max(x0 + MIN_BAR_PX);
        mesh.add_colored_rect(geometry.bar(row, x0, x1), color);
    };
    // Merged in time, not screen space: an environment may hold thousands of runs, and this
    // loop is the only per-run work of a frame.
    let merge_s = f64::from(MERGE_PX) * axis.secs_per_point();
    let first = env.busy.partition_point(|b| b.end_s < axis.start_s);
    let mut span: Option<(f64, f64)> = None;
    for b in env.busy.iter().skip(first) {
        if b.start_s > axis.end_s {
            break;
        }
        span = match span {
            Some((a, e)) if b.start_s <= e + merge_s => Some((a, e.max(b.end_s))),
            Some(done) => {
                flush(done);
                Some((b.start_s, b.end_s))
            }
            None => Some((b.start_s, b.end_s)),
        };
    }
    if let Some(done) = span {
        flush(done);
    }
    if let Some(cold) = env.busy.first().filter(|b| b.cold)
        && cold.end_s >= axis.start_s
        && cold.start_s <= axis.end_s
    {
        let x0 = axis.x_from_secs(cold.start_s);
        let x1 = axis.x_from_secs(cold.end_s).max(x0 + 4.0);
        outline(
            mesh,
            geometry.bar(row, x0, x1).expand(1.0),
            theme.line_width,
            theme.highlight,
        );
    }
}

/// A scroll indicator right of the rows when they overflow.
fn draw_scrollbar(ui: &Ui, geometry: &LaneGeometry, theme: &Theme) {
    let content = geometry.count as f32 * geometry.row_h;
    let visible = geometry.rows.height();
    if content <= visible + 0.5 {
        return;
    }
    let track = Rect::from_min_max(
        pos2(geometry.rows.right() + 3.0, geometry.rows.top()),
        pos2(geometry.rows.right() + SCROLLBAR_W, geometry.rows.bottom()),
    );
    let thumb_h = (visible / content * visible).max(16.0);
    let top = track.top() + geometry.scroll / (content - visible) * (visible - thumb_h);
    let thumb = Rect::from_min_size(pos2(track.left(), top), vec2(track.width(), thumb_h));
    let painter = ui.painter();
    painter.rect_filled(track, CornerRadius::same(3), theme.warm_idle);
    painter.rect_filled(thumb, CornerRadius::same(3), theme.booting);
}
