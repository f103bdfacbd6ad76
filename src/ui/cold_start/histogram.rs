//! The latency histogram of the figures panel: log-spaced bins of every request's latency, warm
//! and cold stacked, counts on a log scale, with a tooltip per bin and a legend.

use egui::{Align2, CornerRadius, Rect, RichText, Role, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

use super::format::fmt_ms;
use super::legend::{Mark, legend_item};
use super::marks::{cold_color, handler_color};
use crate::model::cold_start::LatencyHistogram;
use crate::model::format::group;
use crate::ui::theme::Theme;

/// Height of the latency histogram, points before the text scale.
const HISTOGRAM_H: f32 = 110.0;

/// A small latency histogram: log-spaced bins, warm and cold stacked, counts on a log scale.
pub(super) fn histogram_ui(ui: &mut Ui, histogram: &LatencyHistogram, theme: &Theme) {
    let s = theme.text_scale;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, HISTOGRAM_H * s), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, "Latency histogram"));
    let painter = ui.painter_at(rect);
    let label_h = 18.0 * s;
    let plot = Rect::from_min_max(rect.min, pos2(rect.right(), rect.bottom() - label_h));
    painter.rect_filled(plot, CornerRadius::same(2), theme.card);
    painter.line_segment(
        [plot.left_bottom(), plot.right_bottom()],
        Stroke::new(1.0, theme.weak_text),
    );
    let bins = histogram.warm.len().min(histogram.cold.len());
    let totals = || {
        histogram
            .warm
            .iter()
            .zip(&histogram.cold)
            .map(|(w, c)| (*w, *c))
    };
    let max_total = totals().map(|(w, c)| w + c).fold(0.0, f64::max);
    let bar_w = plot.width() / bins.max(1) as f32;
    let log_max = (1.0 + max_total).ln().max(f64::MIN_POSITIVE);
    let mut mesh = egui::Mesh::default();
    for (i, (warm, cold)) in totals().enumerate() {
        let total = warm + cold;
        if total <= 0.0 {
            continue;
        }
        // Counts span orders of magnitude (thousands warm, a handful cold): a log scale keeps
        // the rare cold requests visible.
        let h = ((1.0 + total).ln() / log_max) as f32 * (plot.height() - 4.0);
        let h = h.max(2.0);
        let cold_h = h * (cold / total) as f32;
        let x0 = plot.left() + i as f32 * bar_w + 0.5;
        let x1 = x0 + bar_w - 1.0;
        let warm_rect = Rect::from_min_max(
            pos2(x0, plot.bottom() - h + cold_h),
            pos2(x1, plot.bottom()),
        );
        let cold_rect = Rect::from_min_max(
            pos2(x0, plot.bottom() - h),
            pos2(x1, plot.bottom() - h + cold_h),
        );
        mesh.add_colored_rect(warm_rect, handler_color(theme));
        mesh.add_colored_rect(cold_rect, cold_color(theme));
    }
    painter.add(mesh);
    let edges = &histogram.edges_ms;
    let last = edges.len().saturating_sub(1);
    for (index, align) in [
        (0, Align2::LEFT_TOP),
        (last / 2, Align2::CENTER_TOP),
        (last, Align2::RIGHT_TOP),
    ] {
        if let Some(&edge) = edges.get(index) {
            let x = plot.left() + index as f32 * bar_w;
            painter.text(
                pos2(x, plot.bottom() + 2.0),
                align,
                fmt_ms(edge),
                theme.font(12.0),
                theme.weak_text,
            );
        }
    }
    let hovered_bin = response
        .hover_pos()
        .map(|p| ((p.x - plot.left()) / bar_w).floor().max(0.0) as usize);
    response.on_hover_ui_at_pointer(|ui| {
        if let Some(bin) = hovered_bin {
            histogram_bin_ui(ui, histogram, bin);
        }
    });
    histogram_legend_ui(ui, theme);
}

/// The tooltip of one histogram bin.
fn histogram_bin_ui(ui: &mut Ui, histogram: &LatencyHistogram, bin: usize) {
    let edges = &histogram.edges_ms;
    if let (Some(lo), Some(hi), Some(w), Some(c)) = (
        edges.get(bin),
        edges.get(bin + 1),
        histogram.warm.get(bin),
        histogram.cold.get(bin),
    ) {
        ui.label(format!(
            "{} to {}: {} warm, {} cold requests",
            fmt_ms(*lo),
            fmt_ms(*hi),
            group(*w, 0),
            group(*c, 0)
        ));
    }
}

/// The legend under a histogram.
fn histogram_legend_ui(ui: &mut Ui, theme: &Theme) {
    ui.horizontal_wrapped(|ui| {
        legend_item(
            ui,
            Mark::Fill(handler_color(theme)),
            "warm",
            "Requests served by an environment that was already initialised",
            theme,
        );
        legend_item(
            ui,
            Mark::Fill(cold_color(theme)),
            "cold",
            "Requests that waited for a new environment's init",
            theme,
        );
        ui.label(RichText::new("log scales").color(theme.weak_text))
            .on_hover_text(
                "Bins are log-spaced from the fastest warm to the slowest cold request; bar \
                 heights grow with the logarithm of the count, so a handful of cold requests \
                 stays visible next to thousands of warm ones",
            );
    });
}
