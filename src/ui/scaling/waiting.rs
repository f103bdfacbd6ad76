//! The chart of work waiting under a queue, stream or asynchronous trigger: each model's backlog
//! over the whole timeline on the same time axis as the chart above it, the playhead, and the
//! oldest item's age under the pointer.

use egui::{RichText, Shape, Stroke, pos2};

use crate::model::format::clock;
use crate::model::scaling::ScalingRun;
use crate::model::scenario::{HostingModel, Trigger};
use crate::ui::theme::Theme;

use super::chart::{chart_frame, paint_axes, pointer_times, polyline, timeline_map};
use super::figures::{ChartKey, ViewCache};
use super::format::{duration, group};

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
    let frame = chart_frame(
        ui,
        height,
        "Work waiting over time; click or drag to move the playhead",
        theme,
    );
    let (painter, plot, small) = (&frame.painter, frame.plot, &frame.small);
    let map = timeline_map(run, plot, small, cache.stats.max_backlog.max(1.0), 3.0);
    paint_axes(painter, theme, &map, small);
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

    let (scrubbed, hover_t) = pointer_times(&frame, &map, theme);
    if let Some(hover_t) = hover_t {
        frame
            .response
            .on_hover_ui_at_pointer(|ui| waiting_tooltip(ui, run, theme, hover_t, trigger));
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
