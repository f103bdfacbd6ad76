//! The chart of work waiting under a queue, stream or asynchronous trigger: each model's backlog
//! over the whole timeline on the same time axis as the chart above it, the playhead, and the
//! oldest item's age under the pointer.

use egui::{CornerRadius, RichText, Role, Sense, Shape, Stroke, WidgetInfo, pos2, vec2};

use crate::model::format::{clock, nice_step};
use crate::model::scaling::ScalingRun;
use crate::model::scenario::{HostingModel, Trigger};
use crate::ui::theme::Theme;

use super::chart::{ChartMap, paint_axes, polyline, y_steps};
use super::figures::{ChartKey, ViewCache};
use super::format::{duration, group, line_h};

/// The waiting chart's title: what waits, in the trigger's words.
pub(super) fn waiting_title(trigger: Trigger) -> String {
    let place = match trigger {
        Trigger::Http => "",
        Trigger::Queue { .. } => " in the queue",
        Trigger::Stream { .. } => " in the stream's shards",
        Trigger::Async => " in Lambda's event queue (the others' queue)",
    };
    format!("Work waiting{place}, {}", trigger.work_noun())
}

/// The waiting chart: every model's backlog over the timeline. Returns a new playhead time when
/// it is clicked or dragged.
pub(super) fn waiting_ui(
    ui: &mut egui::Ui,
    run: &ScalingRun,
    t_s: f64,
    height: f32,
    theme: &Theme,
    cache: &mut ViewCache,
) -> Option<f64> {
    let trigger = cache.stats.trigger;
    ui.label(RichText::new(waiting_title(trigger)).strong())
        .on_hover_text(
            "Work that arrived when no capacity was free waits here and is served oldest first. \
             Its age is the delay the engineer pays for; nothing is dropped (asynchronous events \
             expire after 6 hours).",
        );
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click_and_drag());
    response.widget_info(|| {
        WidgetInfo::labeled(
            Role::Image,
            true,
            "Work waiting over time; click or drag to move the playhead",
        )
    });
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, CornerRadius::same(8), theme.card);
    let small = theme.font(14.0);
    let axis_w = painter
        .layout_no_wrap("100,000".to_owned(), small.clone(), theme.weak_text)
        .size()
        .x
        + 14.0;
    let plot = egui::Rect::from_min_max(
        pos2(rect.left() + axis_w, rect.top() + 12.0),
        pos2(rect.right() - 14.0, rect.bottom() - line_h(&small) - 8.0),
    );
    let max = cache.stats.max_backlog.max(1.0);
    let y_step = nice_step(max * 1.02 / y_steps(plot.height(), &small, 3.0));
    let map = ChartMap {
        plot,
        t0_s: run.start_s,
        t1_s: run.end_s.max(run.start_s + 1.0),
        max_rps: (max * 1.02 / y_step).ceil() * y_step,
        y_step,
    };
    paint_axes(&painter, theme, &map, &small);
    let key = ChartKey {
        version: cache.version,
        plot,
        theme: theme.kind,
        focus: None,
    };
    if cache.waiting_key != Some(key) {
        cache.waiting_shapes = HostingModel::ALL
            .into_iter()
            .map(|model| {
                let points = polyline(&run.model(model).samples, &map, |x| x.backlog);
                Shape::line(points, Stroke::new(theme.line_width, theme.model(model)))
            })
            .collect();
        cache.waiting_key = Some(key);
    }
    painter
        .with_clip_rect(plot.expand(theme.line_width))
        .extend(cache.waiting_shapes.iter().cloned());
    let x = map.x_from_secs(t_s);
    painter.line_segment(
        [pos2(x, plot.top()), pos2(x, plot.bottom())],
        Stroke::new(theme.line_width.max(2.0), theme.highlight),
    );

    let mut scrubbed = None;
    if let Some(pointer) = response.interact_pointer_pos()
        && (response.is_pointer_button_down_on() || response.clicked() || response.dragged())
    {
        scrubbed = Some(map.secs_from_x(pointer.x));
    }
    if let Some(hover) = response.hover_pos()
        && plot.x_range().contains(hover.x)
        && !response.dragged()
    {
        let hover_t = map.secs_from_x(hover.x);
        painter.line_segment(
            [pos2(hover.x, plot.top()), pos2(hover.x, plot.bottom())],
            Stroke::new(1.0, theme.weak_text),
        );
        response.on_hover_ui_at_pointer(|ui| waiting_tooltip(ui, run, theme, hover_t, trigger));
    }
    scrubbed
}

/// Each model's waiting work and its oldest item's age under the pointer.
fn waiting_tooltip(ui: &mut egui::Ui, run: &ScalingRun, theme: &Theme, t_s: f64, trigger: Trigger) {
    ui.label(
        RichText::new(format!(
            "t = {}: {} waiting",
            clock(t_s),
            trigger.work_noun()
        ))
        .strong(),
    );
    for model in HostingModel::ALL {
        if let Some(x) = run.sample_at(model, t_s) {
            let text = if x.backlog >= 0.5 {
                format!(
                    "{}: {} waiting, the oldest for {}",
                    model.label(),
                    group(x.backlog),
                    duration(x.oldest_wait_s)
                )
            } else {
                format!("{}: nothing waiting", model.label())
            };
            ui.label(RichText::new(text).color(theme.model(model)));
        }
    }
    ui.label(RichText::new("Click or drag to move the playhead here").color(theme.weak_text));
}
