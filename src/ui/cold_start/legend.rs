//! Legend swatches (a fill, a cold request, a hatched idle stretch) with their labels, and the
//! legend of the timeline's marks.

use egui::{Color32, CornerRadius, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use super::lane::Lane;
use super::marks::{handler_color, hatch, phase_color, phase_meaning, snowflake};
use crate::model::cold_start::PhaseKind;
use crate::model::runtime::InitPhases;
use crate::ui::theme::Theme;

/// How a legend swatch is drawn.
#[derive(Clone, Copy)]
pub(super) enum Mark {
    /// A plain fill.
    Fill(Color32),
    /// A handler bar outlined as a cold request.
    Cold,
    /// An idle bar hatched as idle until reclaimed.
    Hatched,
}

/// A swatch and its label, kept together on one line of a wrapping row.
pub(super) fn legend_item(ui: &mut Ui, mark: Mark, text: &str, hover: &str, theme: &Theme) {
    let s = theme.text_scale;
    let swatch_size = match mark {
        // Room for a snowflake left of the outlined bar.
        Mark::Cold => vec2(36.0 * s, 14.0 * s),
        Mark::Fill(_) | Mark::Hatched => vec2(18.0 * s, 14.0 * s),
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_w = ui
        .painter()
        .layout_no_wrap(text.to_owned(), font, theme.strong_text)
        .size()
        .x;
    let needed = swatch_size.x + ui.spacing().item_spacing.x + text_w;
    if ui.available_size_before_wrap().x < needed && ui.cursor().min.x > ui.max_rect().left() + 1.0
    {
        ui.end_row();
    }
    let (rect, response) = ui.allocate_exact_size(swatch_size, Sense::hover());
    let painter = ui.painter();
    match mark {
        Mark::Fill(color) => {
            painter.rect_filled(rect, CornerRadius::same(2), color);
        }
        Mark::Cold => {
            let radius = rect.height() * 0.45;
            snowflake(
                painter,
                pos2(rect.left() + radius, rect.center().y),
                radius,
                theme.strong_text,
            );
            let rect = rect.with_min_x(rect.right() - 18.0 * s);
            painter.rect_filled(rect, CornerRadius::ZERO, handler_color(theme));
            painter.rect_stroke(
                rect,
                CornerRadius::same(2),
                Stroke::new(theme.line_width, theme.highlight),
                StrokeKind::Inside,
            );
        }
        Mark::Hatched => {
            painter.rect_filled(rect, CornerRadius::ZERO, theme.warm_idle);
            hatch(&painter.with_clip_rect(rect), rect, theme);
        }
    }
    response.on_hover_text(hover);
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend))
        .on_hover_text(hover);
    ui.add_space(4.0);
}

/// The legend of the timeline's marks.
pub(super) fn legend_ui(ui: &mut Ui, lanes: &[Lane<'_>], theme: &Theme) {
    let any = |f: fn(&InitPhases) -> f64| lanes.iter().any(|l| f(&l.phases) > 0.0);
    ui.horizontal_wrapped(|ui| {
        let phases = [
            (PhaseKind::Environment, true),
            (PhaseKind::Extensions, any(|p| p.extensions_ms)),
            (PhaseKind::Runtime, any(|p| p.runtime_ms)),
            (PhaseKind::Function, any(|p| p.function_ms)),
            (PhaseKind::Restore, any(|p| p.restore_ms)),
        ];
        for (kind, shown) in phases {
            if shown {
                let mark = Mark::Fill(phase_color(kind, theme));
                legend_item(ui, mark, kind.label(), phase_meaning(kind), theme);
            }
        }
        legend_item(
            ui,
            Mark::Fill(handler_color(theme)),
            "Handler run",
            "The handler serving one request; runs closer than a pixel merge into one bar",
            theme,
        );
        legend_item(
            ui,
            Mark::Cold,
            "Cold request",
            "A request that found no free warm environment and waited for a new one's init. The \
             snowflake and time left of it give its whole latency, from arrival to response",
            theme,
        );
        legend_item(
            ui,
            Mark::Fill(theme.warm_idle),
            "Warm, idle",
            "Initialised and waiting: the next request it takes is warm",
            theme,
        );
        legend_item(
            ui,
            Mark::Hatched,
            "Idle until reclaimed",
            "The last idle stretch: after the idle reclaim time Lambda reclaims the environment \
             (the bar ends with a line)",
            theme,
        );
    });
}
