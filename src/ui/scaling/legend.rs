//! The legends above the lanes and the chart: a painted swatch and its label, with a tooltip.

use egui::{
    Color32, CornerRadius, Rect, RichText, Role, Sense, Stroke, StrokeKind, Vec2, WidgetInfo, pos2,
    vec2,
};

use crate::model::scenario::{HostingModel, Trigger};
use crate::ui::theme::Theme;

use super::dots::DotClock;
use super::figures::RunStats;
use super::format::{capitalised, group};

/// What a legend swatch shows.
#[derive(Clone, Copy)]
enum Swatch {
    Busy,
    IdlePaid,
    Warm,
    Booting,
    Missing,
    Dot(Color32),
    Line(Color32, f32),
    Dashed(Color32, f32),
    Area(Color32),
}

/// A painted swatch followed by its label, with a tooltip.
fn legend_item(ui: &mut egui::Ui, theme: &Theme, swatch: Swatch, label: &str, tip: &str) {
    // Swatch and label are allocated as one item, so a wrapping legend never parts them.
    let size = 16.0 * theme.text_scale;
    let font = theme.font(16.0);
    let text = ui
        .painter()
        .layout_no_wrap(label.to_owned(), font, theme.strong_text);
    let gap = 6.0;
    let item = vec2(
        size * 1.4 + gap + text.size().x + 10.0,
        text.size().y.max(size),
    );
    let (item_rect, response) = ui.allocate_exact_size(item, Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, label));
    response.on_hover_text(tip);
    let rect = Rect::from_min_size(
        pos2(item_rect.left(), item_rect.center().y - size / 2.0),
        vec2(size * 1.4, size),
    );
    let painter = ui.painter();
    painter.galley(
        pos2(
            rect.right() + gap,
            item_rect.center().y - text.size().y / 2.0,
        ),
        text,
        theme.strong_text,
    );
    let square = Rect::from_center_size(rect.center(), Vec2::splat(size * 0.9));
    let radius = CornerRadius::same(2);
    let across = [
        pos2(rect.left(), rect.center().y),
        pos2(rect.right(), rect.center().y),
    ];
    match swatch {
        Swatch::Busy => {
            // One stripe per model colour: busy squares take their lane's colour.
            let w = square.width() / 4.0;
            for (i, model) in HostingModel::ALL.into_iter().enumerate() {
                let stripe = Rect::from_min_size(
                    pos2(square.left() + i as f32 * w, square.top()),
                    vec2(w, square.height()),
                );
                painter.rect_filled(stripe, 0, theme.model(model));
            }
        }
        Swatch::IdlePaid => {
            painter.rect(
                square,
                radius,
                theme.idle,
                Stroke::new(1.5, theme.weak_text),
                StrokeKind::Inside,
            );
        }
        Swatch::Warm => {
            painter.rect_filled(
                square.shrink(square.width() * 0.15),
                radius,
                theme.model(HostingModel::Lambda).gamma_multiply(0.45),
            );
        }
        Swatch::Booting => {
            painter.rect(
                square,
                radius,
                theme.booting.gamma_multiply(0.3),
                Stroke::new(1.5, theme.booting),
                StrokeKind::Inside,
            );
            let s = square.shrink(2.0);
            painter.line_segment(
                [s.left_bottom(), s.right_top()],
                Stroke::new(1.5, theme.booting),
            );
        }
        Swatch::Missing => {
            painter.rect_stroke(
                square,
                radius,
                Stroke::new(1.5, theme.dropped),
                StrokeKind::Inside,
            );
        }
        Swatch::Dot(color) => {
            painter.circle_filled(rect.center(), size * 0.25, color);
        }
        Swatch::Line(color, width) => {
            painter.line_segment(across, Stroke::new(width, color));
        }
        Swatch::Dashed(color, width) => {
            painter.extend(egui::Shape::dashed_line(
                &across,
                Stroke::new(width, color),
                6.0,
                4.0,
            ));
        }
        Swatch::Area(color) => {
            painter.rect_filled(square, radius, color);
        }
    }
}

/// The legend of the lanes' squares and dots.
pub(super) fn lane_legend_ui(ui: &mut egui::Ui, theme: &Theme, clock: &DotClock, trigger: Trigger) {
    ui.horizontal_wrapped(|ui| {
        legend_item(
            ui,
            theme,
            Swatch::Busy,
            "busy",
            "Units serving requests right now, in their model's colour",
        );
        legend_item(
            ui,
            theme,
            Swatch::IdlePaid,
            "idle, paid for",
            "Capacity that is up and billed but has nothing to do: money spent for nothing",
        );
        legend_item(
            ui,
            theme,
            Swatch::Warm,
            "warm, not billed",
            "Lambda environments kept warm between requests; AWS bills nothing while they wait",
        );
        legend_item(
            ui,
            theme,
            Swatch::Booting,
            "booting",
            "Launched but not serving yet: instances booting, tasks starting, Lambda cold starts",
        );
        legend_item(
            ui,
            theme,
            Swatch::Missing,
            "missing",
            "Units that demand needs right now but that do not exist",
        );
        legend_item(
            ui,
            theme,
            Swatch::Dot(theme.demand),
            trigger.work_noun_one(),
            &format!(
                "{} arriving at a rate proportional to demand; each dot ≈ {} at this speed",
                capitalised(trigger.work_noun()),
                group(clock.requests_per_dot)
            ),
        );
        match trigger {
            Trigger::Http => legend_item(
                ui,
                theme,
                Swatch::Dot(theme.dropped),
                "dropped",
                "Requests that found no free capacity: turned away at once, never queued or \
                 retried (an HTTP trigger; a queue, a stream or an asynchronous event would keep \
                 them waiting)",
            ),
            Trigger::Async => legend_item(
                ui,
                theme,
                Swatch::Dot(theme.dropped),
                "expired after 6 hours",
                "Events that waited for capacity longer than Lambda's maximum event age (6 hours) \
                 and were dropped; the others wait and are retried",
            ),
            // A queue or a stream keeps everything: nothing is ever dropped.
            Trigger::Queue { .. } | Trigger::Stream { .. } => {}
        }
    });
}

/// The legend of the chart's lines.
pub(super) fn chart_legend_ui(ui: &mut egui::Ui, theme: &Theme, stats: &RunStats) {
    let trigger = stats.trigger;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "Demand and capacity, {} per second",
                trigger.work_noun()
            ))
            .strong(),
        );
        ui.add_space(8.0);
        legend_item(
            ui,
            theme,
            Swatch::Line(theme.demand, theme.line_width + 1.5),
            "demand",
            "Requests per second arriving (the scenario's traffic)",
        );
        for model in HostingModel::ALL {
            legend_item(
                ui,
                theme,
                Swatch::Line(theme.model(model), theme.line_width),
                model.label(),
                &format!(
                    "Requests per second {} could serve at each moment",
                    model.label()
                ),
            );
        }
        if let Some(cap) = trigger.concurrency_cap() {
            let (label, tip) = ceiling_words(trigger, cap, stats.lambda_unit_rps);
            legend_item(
                ui,
                theme,
                Swatch::Dashed(theme.model(HostingModel::Lambda), theme.line_width),
                &label,
                &tip,
            );
        }
        if trigger.keeps_work() {
            return;
        }
        legend_item(
            ui,
            theme,
            Swatch::Area(theme.dropped.gamma_multiply(0.4)),
            "dropped",
            "Demand above a model's capacity: requests dropped. Point at a lane to see only its \
             model's.",
        );
    });
}

/// The legend entry of the trigger's ceiling on Lambda, and its tooltip.
fn ceiling_words(trigger: Trigger, cap: u32, unit_rps: f64) -> (String, String) {
    match trigger {
        Trigger::Stream {
            shards,
            parallelization,
        } => (
            format!(
                "Stream ceiling: {shards} shards × {parallelization} = {} batches at once ({} a \
                 second)",
                group(f64::from(cap)),
                group(f64::from(cap) * unit_rps)
            ),
            "Every consumer of a stream, Lambda or not, reads one batch per shard at a time \
             (times the parallelization factor), however high the traffic: the line is what \
             that serves per second at the function's duration, and no model serves more, \
             whatever its capacity. Raise the shards or the parallelization to lift it."
                .to_owned(),
        ),
        _ => (
            format!(
                "Lambda ceiling: SQS mapping, up to {}",
                group(f64::from(cap))
            ),
            "The SQS event source mapping's concurrency: 5 batches at first, up to 300 more a \
             minute while messages wait, up to 1,000 or the maximum concurrency set; what Lambda \
             can serve per second at that ceiling."
                .to_owned(),
        ),
    }
}
