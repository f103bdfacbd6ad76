//! The phases bar above the timeline: one cold start as a stacked bar of its init phases and
//! first handler run, with a label under it and a tooltip saying where each figure comes from
//! (one bar per runtime, on one scale, when comparing).

use egui::{
    Align2, Color32, CornerRadius, Rect, RichText, Role, Sense, Ui, WidgetInfo, pos2, vec2,
};

use super::format::fmt_ms;
use super::lane::Lane;
use super::legend::{Mark, legend_item};
use super::marks::{handler_color, phase_color, text_on};
use crate::model::cold_start::PhaseKind;
use crate::model::format::group;
use crate::model::runtime::{INIT_SOURCE, InitPhases, package_load_ms};
use crate::model::scenario::Scenario;
use crate::ui::theme::Theme;

/// One segment of the breakdown bar.
struct Segment {
    label: &'static str,
    ms: f64,
    color: Color32,
}

/// The segments of one cold start: init phases, then the first handler run.
fn segments(phases: &InitPhases, handler_ms: f64, theme: &Theme) -> [Segment; 6] {
    [
        Segment {
            label: PhaseKind::Environment.label(),
            ms: phases.environment_ms,
            color: phase_color(PhaseKind::Environment, theme),
        },
        Segment {
            label: PhaseKind::Extensions.label(),
            ms: phases.extensions_ms,
            color: phase_color(PhaseKind::Extensions, theme),
        },
        Segment {
            label: PhaseKind::Runtime.label(),
            ms: phases.runtime_ms,
            color: phase_color(PhaseKind::Runtime, theme),
        },
        Segment {
            label: PhaseKind::Function.label(),
            ms: phases.function_ms,
            color: phase_color(PhaseKind::Function, theme),
        },
        Segment {
            label: PhaseKind::Restore.label(),
            ms: phases.restore_ms,
            color: phase_color(PhaseKind::Restore, theme),
        },
        Segment {
            label: "Handler",
            ms: phases.first_invoke_extra_ms + handler_ms,
            color: handler_color(theme),
        },
    ]
}

/// One cold start of the function as a stacked bar with ms labels (one bar per runtime, on one
/// scale, when comparing).
pub(super) fn breakdown_ui(ui: &mut Ui, lanes: &[Lane<'_>], scenario: &Scenario, theme: &Theme) {
    let handler_ms = scenario.workload.avg_duration_ms;
    let total = |phases: &InitPhases| phases.total_ms() + phases.first_invoke_extra_ms + handler_ms;
    let scale_ms = lanes
        .iter()
        .map(|l| total(&l.phases))
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let s = theme.text_scale;
    for lane in lanes {
        let title = if lanes.len() > 1 {
            lane.name.clone()
        } else {
            "One cold start".to_owned()
        };
        let all = segments(&lane.phases, handler_ms, theme);
        ui.horizontal(|ui| {
            let (label_rect, _) = ui.allocate_exact_size(vec2(150.0 * s, 26.0 * s), Sense::hover());
            ui.painter().text(
                label_rect.left_center(),
                Align2::LEFT_CENTER,
                title,
                theme.font(16.0),
                theme.strong_text,
            );
            let width = ui.available_width();
            let (rect, response) = ui.allocate_exact_size(vec2(width, 26.0 * s), Sense::hover());
            response.widget_info(|| {
                WidgetInfo::labeled(
                    Role::Image,
                    true,
                    format!(
                        "One cold start of {}: {}",
                        lane.name,
                        fmt_ms(total(&lane.phases))
                    ),
                )
            });
            let painter = ui.painter_at(rect);
            let mut x = rect.left();
            for segment in all.iter().filter(|seg| seg.ms > 0.0) {
                let w = (segment.ms / scale_ms) as f32 * rect.width();
                let seg_rect = Rect::from_min_max(pos2(x, rect.top()), pos2(x + w, rect.bottom()));
                painter.rect_filled(seg_rect, CornerRadius::ZERO, segment.color);
                let galley = painter.layout_no_wrap(
                    fmt_ms(segment.ms),
                    theme.font(14.0),
                    text_on(segment.color, theme),
                );
                if galley.size().x + 8.0 < w {
                    let pos = seg_rect.center() - galley.size() / 2.0;
                    painter.galley(pos, galley, theme.strong_text);
                }
                x += w;
            }
            response.on_hover_ui(|ui| breakdown_tooltip(ui, lane, scenario, theme));
        });
        ui.horizontal_wrapped(|ui| {
            // The total sits under the title, so the legend's line stays short.
            let (total_rect, total_response) = ui.allocate_exact_size(
                vec2(150.0 * s, ui.spacing().interact_size.y),
                Sense::hover(),
            );
            ui.painter().text(
                total_rect.left_center(),
                Align2::LEFT_CENTER,
                format!("= {} in all", fmt_ms(total(&lane.phases))),
                theme.font(16.0),
                theme.strong_text,
            );
            total_response.on_hover_text("From the request's arrival to its response");
            for segment in all.iter().filter(|seg| seg.ms > 0.0) {
                let text = format!("{} {}", segment.label, fmt_ms(segment.ms));
                legend_item(
                    ui,
                    Mark::Fill(segment.color),
                    &text,
                    "Hover the bar for where each figure comes from",
                    theme,
                );
            }
        });
    }
}

/// Where each phase of one cold start comes from.
fn breakdown_tooltip(ui: &mut Ui, lane: &Lane<'_>, scenario: &Scenario, theme: &Theme) {
    let cs = &scenario.cold_start;
    let p = &lane.phases;
    ui.label(RichText::new(format!("One cold start of {}", lane.name)).strong());
    ui.label(format!(
        "Environment {}: creating it and loading the code, {} (an editable assumption) plus {} \
         for a {} MB package (measured on Node.js 20, applied to every runtime); not billed",
        fmt_ms(p.environment_ms),
        fmt_ms(cs.environment_ms),
        fmt_ms(package_load_ms(cs.package_size_mb)),
        group(cs.package_size_mb, 1)
    ));
    if p.extensions_ms > 0.0 {
        ui.label(format!(
            "Extensions {}: from the scenario",
            fmt_ms(p.extensions_ms)
        ));
    }
    if p.runtime_ms > 0.0 {
        ui.label(format!(
            "Runtime init {}: a hello-world function's init ({INIT_SOURCE})",
            fmt_ms(p.runtime_ms)
        ));
    }
    if p.function_ms > 0.0 {
        ui.label(format!(
            "Your init {}: your code outside the handler, from the scenario",
            fmt_ms(p.function_ms)
        ));
    }
    if p.restore_ms > 0.0 {
        ui.label(format!(
            "SnapStart restore {}: replaces runtime and your init (600–1,000 ms measured for a \
             trivial function)",
            fmt_ms(p.restore_ms)
        ));
    }
    ui.label(format!(
        "Handler {}: the workload's average duration{}",
        fmt_ms(p.first_invoke_extra_ms + scenario.workload.avg_duration_ms),
        if p.first_invoke_extra_ms > 0.0 {
            format!(
                ", plus {} for a first run in a new environment",
                fmt_ms(p.first_invoke_extra_ms)
            )
        } else {
            String::new()
        }
    ));
    ui.label(
        RichText::new(format!(
            "Billed INIT per cold start: {} (extensions + runtime + your init)",
            fmt_ms(p.billed_init_ms())
        ))
        .color(theme.weak_text),
    );
}
