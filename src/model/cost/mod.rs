//! Monthly bills of the four hosting models (presets/README.md §1, §4, §5): line items rounded to the cent
//! as on an AWS bill, cost curves over request volume, and the break-even points between models.
//!
//! From the bottom up: `money` (rounding and formatting), `tiers` (tiered prices), `bill` (the
//! bill types), `front_door` (API Gateway, load balancer), `event_source` (SQS, Kinesis, SNS,
//! EventBridge, … of a non-HTTP trigger), one file per model's bill (`lambda`,
//! `fleets`, `on_prem`), `four_bills`, `totals` (unrounded totals), `sentences`, `break_even` and
//! `curves`. Everything is used through this module's paths (`model::cost::bills`, …).

mod bill;
mod break_even;
mod commitment;
mod curves;
mod event_source;
mod fleets;
mod four_bills;
mod front_door;
mod lambda;
mod money;
mod on_prem;
#[cfg(test)]
mod properties;
mod purchase_words;
mod sentences;
mod tiers;
mod totals;

pub use bill::{Bill, LineItem};
pub use break_even::{BREAK_EVEN_PRECISION, BreakEven, STEP_GAP, break_even_summary};
pub use commitment::{LABEL_COMMITMENT, SPOT_WARNING};
pub use curves::{
    CURVE_MAX_REQUESTS, CURVE_MIN_REQUESTS, CURVE_POINTS, CostCurves, cheaper_throughout_sentence,
};
pub use event_source::EVENT_SOURCE_LABELS;
pub use four_bills::{Bills, bills, bills_at};
pub use lambda::{LambdaBill, TimelineColdStarts};
pub use money::{cents_from_usd, format_cents, format_requests, format_usd, parse_requests, usd};
pub use purchase_words::{purchase_label, purchase_sentences};
pub use sentences::compare_sentence;
pub use totals::total_usd;

/// Every simplification the cost model makes, in plain words, for the app to show.
pub const ASSUMPTIONS: &[&str] = &[
    "A month is 730 hours, as in AWS's own examples. Prices are those of the rates' region (the status bar names it), before tax.",
    "Each bill line is rounded half-up to the cent and the total is the sum of the rounded lines, \
     as on an AWS bill. The chart draws unrounded totals, so it can differ from the bill by a few \
     cents.",
    "Lambda duration is billed rounded up to the whole millisecond; memory in GB is MB ÷ 1,024.",
    "The Lambda free tier (1 M requests and 400,000 GB-s a month) is subtracted only when it is \
     switched on, and not while provisioned concurrency is enabled unless \"free tier with \
     provisioned concurrency\" is on. It covers on-demand duration and INIT, not the duration of \
     requests served by provisioned environments.",
    "Cold starts on the bill = cold-start share × on-demand requests. Unless the scenario sets the \
     share, requests are taken to arrive at random at the month's average rate, and a request is \
     cold when none came within the idle reclaim time. Cold starts caused by spikes are not added.",
    "INIT time (billed since 1 Aug 2025) is each cold start's Init Duration rounded up to 1 ms, \
     priced at the on-demand duration rate after the duration GB-s have used the free tier and \
     the price tiers. Creating the environment and a SnapStart restore are not billed as INIT.",
    "With INIT billed, a few thousand more requests a month can cost slightly less: a busier \
     function stays warm, so fewer of its requests are cold starts.",
    "Provisioned concurrency is billed for its enabled hours rounded up to 5 minutes. Across the \
     chart's volumes, provisioned environments keep serving the scenario's number of requests (at \
     most the whole volume) and the rest run on demand.",
    "Ephemeral storage above 512 MB is billed for every request's billed duration; it has no free \
     tier.",
    "API Gateway is billed per request through its volume tiers; its 12-month free tier is not \
     subtracted.",
    "A load balancer is billed for 730 hours plus LCU-hours, counting one new connection per \
     request at the month's average rate; bandwidth, active connections and rule evaluations are \
     not counted.",
    "Virtual machines and containers: the Auto Scaling group tracks the month's average demand at \
     its target utilisation, within its minimum and maximum; brief peaks are absorbed by scaling \
     out and not billed here.",
    "Containers on the EC2 launch type run on nodes = tasks ÷ tasks per node, rounded up. EKS adds \
     one cluster's control plane; ECS's control plane is free.",
    "On-premises servers are bought for the month's peak (average × peak-to-average) at full load, \
     never fewer than the minimum; they cannot follow demand. Cost = amortisation + power × PUE + \
     colocation + administrator time.",
    "Savings Plans are No Upfront. A fleet's commitment is counted in whole instances, tasks or \
     nodes at the plan's rate and sized at each volume on the chart (to the fleet's minimum, the \
     month's average or its peak); it is paid for 730 hours whether used or not, and units \
     beyond it are billed on demand. Lambda's commitment is the discounted duration, INIT and \
     provisioned-concurrency spend it is sized to; requests are never discounted. Spot prices \
     are a typical level (they move with demand), and Spot capacity can be taken back. No \
     Reserved Instances or upfront payments.",
    "Under a queue, stream or event trigger, every model pays the same event source and Lambda \
     pays no front door: SQS at 3 requests (send, receive, delete) a batch per 10 messages, each \
     call under 64 KB, plus an upper estimate of 3 empty receives a minute per poller (Lambda's \
     5, or each instance, task or server); Kinesis shard-hours and one PUT payload unit per \
     record (at most 25 KB); one SNS publish per event, the fleets adding an HTTP/S delivery; \
     one EventBridge event or Scheduler invocation per event. S3 notifications and a Lambda \
     trigger's DynamoDB stream reads are free; these services' free tiers are not subtracted.",
    "Storage volumes, data transfer, NAT gateways, logs and monitoring are left out of every \
     model.",
    "Break-even points are searched from 1 thousand to 10 billion requests a month, between chart \
     samples about 8% apart, and pinned down by bisection to 1 part in a million. Where a fleet \
     grows by a whole instance, task or server, the cost difference can jump across zero at that \
     step, and the step is the break-even point. Two crossings within one sample step can be \
     missed.",
];
