//! The time axis under the timeline: its unit, ticks, grid lines and title.

use egui::{Align2, Painter, Rect, Stroke, pos2};

use super::geometry::{AXIS_H, Geometry};
use crate::model::format::{group, nice_step};
use crate::ui::cold_start::format::fmt_clock_tick;
use crate::ui::theme::Theme;

/// Time-axis units: the largest that still gives several ticks.
fn time_unit(span_s: f64) -> (f64, &'static str) {
    if span_s >= 3.0 * 3600.0 {
        (3600.0, "h")
    } else if span_s >= 1200.0 {
        (60.0, "min")
    } else {
        (1.0, "s")
    }
}

/// Ticks, grid lines and the axis title.
pub(super) fn draw_axis(painter: &Painter, geometry: &Geometry, rect: Rect, theme: &Theme) {
    let axis = geometry.axis;
    let s = theme.text_scale;
    let (unit_s, unit) = time_unit(axis.end_s - axis.start_s);
    // Seconds hours into a scenario read better on a clock: "12:31:59.5", not "45,119.5".
    let clock = unit_s == 1.0 && axis.start_s >= 3600.0;
    let spacing = if clock { 110.0 } else { 80.0 };
    let span_units = (axis.end_s - axis.start_s) / unit_s;
    let target_ticks = f64::from(((axis.right - axis.left) / (spacing * s)).max(2.0));
    let step = nice_step(span_units / target_ticks);
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    let axis_y = rect.bottom() - AXIS_H * s;
    let top = geometry.strip.top();
    painter.line_segment(
        [pos2(axis.left, axis_y), pos2(axis.right, axis_y)],
        Stroke::new(1.0, theme.weak_text),
    );
    // The title first, in the label column: a tick label that would run into it is left out.
    let title = if clock {
        "Time".to_owned()
    } else {
        format!("Time ({unit})")
    };
    let title_rect = painter.text(
        pos2(rect.left() + 6.0, axis_y + 6.0),
        Align2::LEFT_TOP,
        title,
        theme.font(14.0),
        theme.strong_text,
    );
    // A label is kept clear of the one before it, and one at the right end moves left to stay
    // whole.
    let mut free_from = title_rect.right() + 6.0;
    let first = (axis.start_s / unit_s / step).ceil() as i64;
    let last = (axis.end_s / unit_s / step).floor() as i64;
    for i in first..=last.min(first + 200) {
        let value = i as f64 * step;
        let x = axis.x_from_secs(value * unit_s);
        painter.line_segment(
            [pos2(x, top), pos2(x, axis_y)],
            Stroke::new(1.0, theme.grid),
        );
        painter.line_segment(
            [pos2(x, axis_y), pos2(x, axis_y + 5.0)],
            Stroke::new(1.0, theme.weak_text),
        );
        let label = if clock {
            fmt_clock_tick(value, decimals)
        } else {
            group(value, decimals)
        };
        let galley = painter.layout_no_wrap(label, theme.font(14.0), theme.strong_text);
        let width = galley.size().x;
        let left = (x - width / 2.0).min(painter.clip_rect().right() - width);
        if left >= free_from {
            free_from = left + width + 6.0;
            painter.galley(pos2(left, axis_y + 6.0), galley, theme.strong_text);
        }
    }
}
