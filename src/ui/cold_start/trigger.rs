//! What the trigger does in the cold-start view: the trigger and its event source, the
//! concurrency the function runs under (Lambda's limit or the trigger's own ceiling), and for
//! work that waits instead of being throttled, how long it waited.

use egui::{RichText, Ui};

use super::format::{figure_line, fmt_duration, fmt_percent};
use super::lane::Lane;
use crate::model::cold_start::{Method, concurrency_limit};
use crate::model::format::group;
use crate::model::scenario::{
    ASYNC_MAX_EVENT_AGE_S, SQS_ADD_PER_MINUTE, SQS_START_CONCURRENCY, Scenario, Trigger,
    event_source_of,
};
use crate::ui::theme::Theme;

/// The trigger, the concurrency it allows and, for every trigger but HTTP, each lane's wait.
pub(super) fn trigger_ui(ui: &mut Ui, scenario: &Scenario, lanes: &[Lane<'_>], theme: &Theme) {
    let trigger = scenario.workload.trigger;
    ui.label(RichText::new(trigger_text(scenario)).strong())
        .on_hover_text(
            "What invokes the function, set in the editor's Workload section. It decides what \
             happens to work that finds every environment it may use busy",
        );
    ui.label(concurrency_text(scenario)).on_hover_text(
        "The most execution environments that run at once: reserved concurrency, else the \
         account limit, or the trigger's own ceiling where that is lower",
    );
    if !trigger.keeps_work() {
        return;
    }
    for lane in lanes {
        wait_ui(ui, scenario, lane, lanes.len() > 1, theme);
    }
}

/// "Trigger: SQS queue, from Amazon SQS".
fn trigger_text(s: &Scenario) -> String {
    let trigger = s.workload.trigger;
    match event_source_of(trigger, s.workload.event_source) {
        Some(source) => format!("Trigger: {}, from {}", trigger.label(), source.label()),
        None => format!(
            "Trigger: {} (API Gateway, a load balancer or a function URL)",
            trigger.label()
        ),
    }
}

/// "Concurrency: 4 shards × 1 = 4 at most (the stream's ceiling); …".
fn concurrency_text(s: &Scenario) -> String {
    let limit = concurrency_limit(s);
    let count = group(f64::from(limit.lambda), 0);
    let name = if s.lambda.reserved_concurrency.is_some() {
        "reserved concurrency"
    } else {
        "the account limit"
    };
    let lambda = format!("at most {count} at once ({name})");
    let lambda_limit = format!("{count} ({name})");
    match s.workload.trigger {
        Trigger::Http => {
            format!("Concurrency: {lambda}; requests beyond it are throttled (HTTP 429) and lost")
        }
        Trigger::Async => format!(
            "Concurrency: {lambda}; events beyond it are kept and retried until an \
             environment is free"
        ),
        Trigger::Stream {
            shards,
            parallelization,
        } => {
            let ceiling = format!(
                "{} {} × {parallelization} = {}",
                group(f64::from(shards), 0),
                if shards == 1 { "shard" } else { "shards" },
                group(f64::from(shards.saturating_mul(parallelization)), 0)
            );
            if limit.trigger_limits() {
                format!(
                    "Concurrency: {ceiling} at most (the stream's ceiling); batches beyond it wait \
                     in their shard"
                )
            } else {
                format!(
                    "Concurrency: {lambda}, below the stream's {ceiling}; batches beyond it wait \
                     in their shard"
                )
            }
        }
        Trigger::Queue { max_concurrency } => {
            let top = if limit.trigger_limits() {
                match max_concurrency {
                    Some(m) => format!("its maximum concurrency, {}", group(f64::from(m), 0)),
                    None => "the SQS mapping's ceiling, 1,000".to_owned(),
                }
            } else {
                lambda_limit
            };
            format!(
                "Concurrency: {SQS_START_CONCURRENCY} batches at once at first, {SQS_ADD_PER_MINUTE} \
                 more a minute while batches wait, up to {top}; batches beyond it wait in the queue"
            )
        }
    }
}

/// How long one lane's work waited for a free environment.
fn wait_ui(ui: &mut Ui, s: &Scenario, lane: &Lane<'_>, named: bool, theme: &Theme) {
    let l = &lane.run.latency;
    let noun = s.workload.trigger.work_noun();
    let about = if lane.run.method == Method::Aggregate {
        "about "
    } else {
        ""
    };
    let of = if named {
        format!("{}: ", lane.name)
    } else {
        String::new()
    };
    if l.waited < 0.5 {
        ui.label(
            RichText::new(format!("{of}no {noun} waited for a free environment"))
                .color(theme.weak_text),
        );
        return;
    }
    figure_line(
        ui,
        &fmt_duration(l.wait.p99_s),
        &format!("{of}p99 wait for a free environment"),
        "99% of the work that waited got an environment within this time. The wait is not \
         part of the latency percentiles: those are the time inside Lambda",
        theme,
    );
    ui.label(format!(
        "{about}{} of {} {noun} ({}) waited: half of them under {}, the longest {}{}",
        group(l.waited, 0),
        group(l.requests, 0),
        fmt_percent(l.waited / l.requests.max(1.0)),
        fmt_duration(l.wait.p50_s),
        fmt_duration(l.wait.max_s),
        if lane.run.method == Method::Aggregate {
            " (estimated)"
        } else {
            ""
        }
    ))
    .on_hover_text(
        "Counted over the whole scenario; work still waiting at its end runs afterwards and is \
         counted too",
    );
    if s.workload.trigger == Trigger::Async && l.wait.max_s > ASYNC_MAX_EVENT_AGE_S {
        ui.label(
            RichText::new(
                "Some events waited longer than 6 hours: Lambda would have discarded them (or \
                 sent them to a dead-letter queue or an on-failure destination). Here they are \
                 kept and run",
            )
            .color(theme.dropped),
        );
    }
}
