//! The rows of the identity block (name, description) and of the workload section, the
//! trigger's own rows last.

use std::borrow::Cow;

use egui::TextEdit;

use super::choices::Choice as _;
use super::form::{Form, wide_text};
use super::lazy_layout::LazyLayout;
use super::number_box::Num;
use crate::model::scenario::{
    SQS_MAX_CONCURRENCY, SQS_MAX_CONCURRENCY_RANGE, STREAM_PARALLELIZATION_RANGE,
    STREAM_SHARDS_RANGE, Scenario, Trigger, Workload, event_source_of,
};

pub(super) fn identity_ui(ui: &mut egui::Ui, layout: &mut LazyLayout, s: &mut Scenario) -> bool {
    let mut changed = wide_text(
        ui,
        layout,
        &mut s.name,
        TextEdit::singleline,
        (1, 200),
        "Name",
        "The scenario's display name, 1–200 characters; shown in the preset picker and on \
         exported slides",
    );
    changed |= wide_text(
        ui,
        layout,
        &mut s.description,
        TextEdit::multiline,
        (4, 4000),
        "Description",
        "The situation in two or three sentences, and which view makes its point (up to 4,000 \
         characters)",
    );
    changed
}

pub(super) fn workload_rows(f: &mut Form<'_>, w: &mut Workload) {
    f.count(
        &mut w.requests_per_month,
        1_000_000_000_000,
        "Requests per month",
        "Monthly request volume; drives the requests and compute lines of the bill. Type 3M, \
         250k or 1.5B; ÷10 and ×10 step along the cost view's log axis. Default 3,000,000 (the \
         Startup REST API preset).",
    );
    f.num(
        &mut w.avg_duration_ms,
        1.0..=900_000.0,
        "Average duration",
        " ms",
        "Average duration of one request at this memory size, billed rounded up to 1 ms (since \
         Dec 2020). At most 900,000 ms: Lambda's 15-minute timeout (AWS quotas page, presets/README.md §1). \
         Default 120 ms.",
    );
    f.num(
        &mut w.memory_mb,
        128..=10_240,
        "Memory",
        " MB",
        "Lambda memory, 128–10,240 MB in 1 MB steps. CPU grows with it: 1,769 MB is one vCPU, \
         10,240 MB six (AWS \"Configure Lambda function memory\", presets/README.md §1). Default 1,536 MB.",
    );
    f.choice(
        &mut w.architecture,
        "Architecture",
        "x86_64 (Intel, AMD) or arm64 (AWS Graviton). arm64 costs 20% less per GB-second: \
         $0.0000133334 against $0.0000166667 (AWS pricing page, presets/README.md §1). Default x86_64.",
    );
    f.num(
        &mut w.ephemeral_storage_mb,
        512..=10_240,
        "Ephemeral storage",
        " MB",
        "The function's /tmp, 512–10,240 MB; only the part above the free 512 MB is billed, at \
         $0.0000000309 per GB-second (AWS pricing page, presets/README.md §1). Default 512 MB.",
    );
    f.num(
        &mut w.peak_to_average,
        1.0..=1000.0,
        "Peak to average",
        " ×",
        "The busiest hour's request rate divided by the month's average. VMs, containers and \
         on-premises servers are sized for this peak, because they cannot add capacity within \
         seconds as Lambda does. Default 3×: an assumption, editable.",
    );
    f.percent(
        &mut w.cpu_bound_share,
        0.0,
        "CPU-bound share",
        "The share of the duration spent computing; the rest waits on I/O. Only this share \
         speeds up when more memory buys more CPU (the cost view's memory sweep). Default 50%: \
         an assumption, editable.",
    );
    f.num(
        &mut w.threads,
        1..=6,
        "Threads",
        "",
        "Threads the function computes on, 1–6. One thread cannot use more than one vCPU, so \
         above 1,769 MB a single-threaded function stops getting faster. Default 1.",
    );
    // Last in the grid: the rows that come and go with the trigger shift no row after them.
    trigger_rows(f, w);
}

/// The trigger, and only its own settings: a queue's maximum concurrency, a stream's shards and
/// parallelization, the event source, and the batch size of a queue or a stream.
fn trigger_rows(f: &mut Form<'_>, w: &mut Workload) {
    // The combo picks a kind; the kind shown is the current one, whatever its settings.
    let current = w.trigger;
    let mut kind = Trigger::ALL
        .into_iter()
        .find(|t| t.same_kind(current))
        .unwrap_or(current);
    f.choice_among(
        &mut kind,
        &Trigger::ALL,
        "Trigger",
        "What invokes the function, and so what happens to work beyond the concurrency there is: \
         HTTP throttles it, a queue, a stream or an asynchronous event keeps it waiting (the \
         cold-start and scaling views show it). Picking another kind starts from its usual \
         settings. Default HTTP request.",
        |t| Cow::Borrowed(t.hint()),
    );
    if !kind.same_kind(current) {
        w.trigger = kind;
        w.event_source = None;
    }
    match &mut w.trigger {
        Trigger::Http | Trigger::Async => {}
        Trigger::Queue { max_concurrency } => {
            let (min, max) = SQS_MAX_CONCURRENCY_RANGE;
            f.optional(
                max_concurrency,
                SQS_MAX_CONCURRENCY,
                &Num::of(min..=max, " batches"),
                "Max concurrency",
                "The event source mapping's maximum concurrency: the most batches it runs at \
                 once, 2–1,000. Tick to set it; without it the mapping stops at 1,000 (AWS \
                 \"Using Lambda with Amazon SQS\"). Default off.",
            );
        }
        Trigger::Stream {
            shards,
            parallelization,
        } => {
            let (min, max) = STREAM_SHARDS_RANGE;
            f.num(
                shards,
                min..=max,
                "Shards",
                "",
                "Shards of the stream, 1–10,000. Lambda reads each shard with at most \
                 parallelization batches at once, so shards × parallelization is the most \
                 environments the function gets, however high the traffic. Default 4.",
            );
            let (min, max) = STREAM_PARALLELIZATION_RANGE;
            f.num(
                parallelization,
                min..=max,
                "Parallelization",
                "",
                "The mapping's parallelization factor: batches of one shard processed at once, \
                 1–10 (records with the same key stay in order). Default 1.",
            );
        }
    }
    let sources = w.trigger.sources();
    if let Some(mut source) = event_source_of(w.trigger, w.event_source) {
        let before = source;
        f.choice_among(
            &mut source,
            sources,
            "Event source",
            "The AWS service the work comes through; the first is the trigger's usual one. It \
             names the source in the stack view and its requests on the bill.",
            |s| Cow::Borrowed(s.hint()),
        );
        if source != before {
            w.event_source = Some(source);
        }
    }
    if matches!(w.trigger, Trigger::Queue { .. } | Trigger::Stream { .. }) {
        f.num(
            &mut w.batch_size,
            1..=10_000,
            "Batch size",
            " per batch",
            "Messages or records handed to one run of the function, 1–10,000. The traffic curve \
             counts batches (one handler run each); the event source's bill counts the \
             messages or records. Default 1.",
        );
    }
}
