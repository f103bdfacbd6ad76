//! The traffic strip above the timeline's rows: requests per second over the visible time, with
//! the quiet stretches named.

use egui::{Align2, Painter, Pos2, Stroke, pos2};

use super::geometry::Geometry;
use crate::model::traffic::Traffic;
use crate::ui::cold_start::format::{fmt_duration, fmt_rate};
use crate::ui::theme::Theme;

/// The traffic strip: requests per second over the visible time, as the scenario defines it.
pub(super) fn draw_traffic(
    painter: &Painter,
    geometry: &Geometry,
    traffic: &Traffic,
    theme: &Theme,
) {
    let axis = geometry.axis;
    let strip = geometry.strip;
    let points = traffic.points();
    let from = points.partition_point(|p| p.0 <= axis.start_s);
    let to = points.partition_point(|p| p.0 < axis.end_s);
    let inner = points.get(from..to).unwrap_or(&[]);
    let start = (axis.start_s, traffic.rate_at(axis.start_s));
    let end = (axis.end_s, traffic.rate_at(axis.end_s));
    let peak = inner.iter().map(|p| p.1).fold(start.1.max(end.1), f64::max);
    let label_x = strip.left() - 8.0;
    painter.text(
        pos2(label_x, strip.top()),
        Align2::RIGHT_TOP,
        "Requests/s",
        theme.font(13.0),
        theme.strong_text,
    );
    painter.text(
        pos2(label_x, strip.bottom()),
        Align2::RIGHT_BOTTOM,
        format!("max {}", fmt_rate(peak)),
        theme.font(13.0),
        theme.weak_text,
    );
    let base = strip.bottom();
    // Headroom above the peak keeps a flat line visible below the strip's top.
    let height = (strip.height() - 4.0) / 1.1;
    let y_of = |rps: f64| {
        if peak > 0.0 {
            base - (rps / peak) as f32 * height
        } else {
            base
        }
    };
    let fill = theme.demand.gamma_multiply(0.18);
    let stroke = Stroke::new(theme.line_width, theme.demand);
    let mut mesh = egui::Mesh::default();
    let mut previous: Option<Pos2> = None;
    let mut column: Option<(f32, f64)> = None;
    // Points closer than a point of screen merge into one (keeping the highest rate), so a long
    // series costs at most one segment per column of pixels.
    let mut emit = |x: f32, rps: f64, mesh: &mut egui::Mesh| {
        let p = pos2(x, y_of(rps));
        if let Some(q) = previous {
            let index = mesh.vertices.len() as u32;
            for v in [q, p, pos2(p.x, base), pos2(q.x, base)] {
                mesh.colored_vertex(v, fill);
            }
            mesh.add_triangle(index, index + 1, index + 2);
            mesh.add_triangle(index, index + 2, index + 3);
            painter.line_segment([q, p], stroke);
        }
        previous = Some(p);
    };
    for &(t_s, rps) in std::iter::once(&start)
        .chain(inner)
        .chain(std::iter::once(&end))
    {
        let x = axis.x_from_secs(t_s);
        match column {
            Some((cx, crps)) if x - cx < 1.0 => column = Some((cx, crps.max(rps))),
            Some((cx, crps)) => {
                emit(cx, crps, &mut mesh);
                column = Some((x, rps));
            }
            None => column = Some((x, rps)),
        }
    }
    if let Some((cx, crps)) = column {
        emit(cx, crps, &mut mesh);
    }
    painter.add(mesh);
    // Name the quiet stretches: they are why environments are reclaimed and requests go cold.
    for pair in points.windows(2) {
        let (Some(&(a_s, a_rps)), Some(&(b_s, b_rps))) = (pair.first(), pair.get(1)) else {
            continue;
        };
        let (x0, x1) = (
            axis.x_from_secs(a_s).max(strip.left()),
            axis.x_from_secs(b_s).min(strip.right()),
        );
        if a_rps <= 0.0 && b_rps <= 0.0 && x1 - x0 > 140.0 * theme.text_scale {
            painter.text(
                pos2(0.5 * (x0 + x1), strip.bottom() - 6.0),
                Align2::CENTER_BOTTOM,
                format!("no requests for {}", fmt_duration(b_s - a_s)),
                theme.font(14.0),
                theme.weak_text,
            );
        }
    }
}
