//! The rows of the identity block (name, description) and of the workload section.

use egui::TextEdit;

use super::form::{Form, wide_text};
use super::lazy_layout::LazyLayout;
use crate::model::scenario::{Scenario, Workload};

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
}
