//! The Lambda bill: requests and duration through the free tier and the price tiers, billed
//! INIT of cold starts, provisioned concurrency, ephemeral storage and the front door, or under
//! a non-HTTP trigger the event source in its place, each line rounded to the cent, with the
//! arithmetic in words.

use std::fmt::Write as _;

use serde::Serialize;

use super::bill::{Bill, LineItem};
use super::commitment::LABEL_COMMITMENT;
use super::event_source::{EVENT_SOURCE_LABELS, EventSourceCost, Reader};
use super::front_door::{FrontDoorCost, LABEL_ALB_HOURS, LABEL_ALB_LCU};
use super::money::{format_quantity, format_rate, format_usd, usd};
use super::tiers::{tier_words, tiered_usd};
use crate::model::format::group;
use crate::model::runtime::{InitPhases, estimated_cold_ratio};
use crate::model::scenario::{
    CommitTo, FrontDoor, HostingModel, LambdaArchRates, Scenario, event_source_of,
};

// Bill line labels, shared by the lines and the named fields of `LambdaBill`.
const LABEL_REQUESTS: &str = "Requests";
const LABEL_COMPUTE: &str = "Compute (duration)";
const LABEL_INIT: &str = "Cold-start INIT";
const LABEL_PC_CAPACITY: &str = "Provisioned concurrency";
const LABEL_PC_DURATION: &str = "Provisioned concurrency duration";
const LABEL_EPHEMERAL: &str = "Ephemeral storage";
const LABEL_PLAN_COVERED: &str = "Covered by the Savings Plan";

/// The parts of the Lambda bill that do not depend on the volume, worked out once per scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LambdaInputs {
    billed_ms: f64,
    memory_gb: f64,
    init_ms_each: f64,
    pc_enabled: bool,
    free_tier: bool,
}

impl LambdaInputs {
    pub(super) fn of(s: &Scenario) -> Self {
        let l = &s.lambda;
        let pc_enabled = l.provisioned_concurrency > 0 && l.provisioned_hours_per_month > 0.0;
        Self {
            billed_ms: s.workload.avg_duration_ms.max(0.0).ceil(),
            memory_gb: s.memory_gb(),
            init_ms_each: InitPhases::of(s).billed_init_ms().max(0.0).ceil(),
            pc_enabled,
            free_tier: l.free_tier && (!pc_enabled || l.free_tier_with_provisioned),
        }
    }
}

/// The Compute Savings Plan's commitment for the month and the on-demand usage it covers, USD,
/// given the provisioned-concurrency and the on-demand duration and INIT spend; (0, 0) without
/// a plan.
fn plan_amounts(s: &Scenario, provisioned: f64, on_demand: f64) -> (f64, f64) {
    let l = &s.lambda;
    l.savings_plan.map_or((0.0, 0.0), |term| {
        let keep = 1.0 - s.rates.commitments.lambda_discount(term);
        let sized_to = match l.commit_to {
            CommitTo::Minimum => provisioned,
            CommitTo::Average => provisioned + on_demand,
            CommitTo::Peak => provisioned + on_demand * s.workload.peak_to_average.max(1.0),
        };
        let commitment = sized_to * keep;
        let covered = if keep > 0.0 {
            (commitment / keep).min(provisioned + on_demand)
        } else {
            provisioned + on_demand
        };
        (commitment, covered)
    })
}

/// Every quantity and unrounded amount of a Lambda bill at one volume.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LambdaCost {
    inputs: LambdaInputs,
    requests: f64,
    provisioned_requests: f64,
    on_demand_requests: f64,
    free_requests: f64,
    billable_requests: f64,
    duration_gb_s: f64,
    free_gb_s: f64,
    cold_ratio: f64,
    cold_starts: f64,
    init_gb_s: f64,
    pc_billed_hours: f64,
    pc_capacity_gb_s: f64,
    pc_duration_gb_s: f64,
    ephemeral_gb_s: f64,
    requests_usd: f64,
    compute_usd: f64,
    pub(super) init_usd: f64,
    pc_capacity_usd: f64,
    pc_duration_usd: f64,
    ephemeral_usd: f64,
    /// The Compute Savings Plan's commitment for the month, USD (0 without a plan).
    plan_commitment_usd: f64,
    /// The on-demand usage the plan covers, USD (subtracted from the bill).
    plan_covered_usd: f64,
    front_door: FrontDoorCost,
    /// The queue, stream, topic or bus of a non-HTTP trigger (nothing under HTTP).
    event_source: EventSourceCost,
}

impl LambdaCost {
    pub(super) fn new(s: &Scenario, inputs: LambdaInputs, requests: f64) -> Self {
        let l = &s.lambda;
        let r = &s.rates;
        let arch: &LambdaArchRates = r.lambda(s.workload.architecture);
        let requests = requests.max(0.0);
        let billed_s = inputs.billed_ms / 1000.0;
        let memory_gb = inputs.memory_gb;

        let provisioned_requests = if inputs.pc_enabled {
            (l.provisioned_requests_per_month as f64).min(requests)
        } else {
            0.0
        };
        let on_demand_requests = requests - provisioned_requests;

        let free_requests = if inputs.free_tier {
            (r.free_requests as f64).min(requests)
        } else {
            0.0
        };
        let billable_requests = requests - free_requests;
        let requests_usd = billable_requests * r.lambda_request_usd_per_million / 1e6;

        let free_gb_s = if inputs.free_tier { r.free_gb_s } else { 0.0 };
        let duration_gb_s = on_demand_requests * billed_s * memory_gb;
        let compute_usd = tiered_usd((duration_gb_s - free_gb_s).max(0.0), &arch.duration_tiers);

        let (cold_ratio, cold_starts, init_gb_s, init_usd) = if l.init_billed {
            let cold_ratio = estimated_cold_ratio(s, requests);
            let cold_starts = cold_ratio * on_demand_requests;
            let init_gb_s = cold_starts * inputs.init_ms_each / 1000.0 * memory_gb;
            // INIT is priced on top of duration so the free tier and tiers it falls into are exact.
            let with_init = tiered_usd(
                (duration_gb_s + init_gb_s - free_gb_s).max(0.0),
                &arch.duration_tiers,
            );
            (
                cold_ratio,
                cold_starts,
                init_gb_s,
                (with_init - compute_usd).max(0.0),
            )
        } else {
            (0.0, 0.0, 0.0, 0.0)
        };

        let (pc_billed_hours, pc_capacity_gb_s, pc_duration_gb_s) = if inputs.pc_enabled {
            // Enabled time is billed in 5-minute units, rounded up; the guard keeps 10 minutes
            // typed as 0.1666… hours at 10 minutes.
            let units = (l.provisioned_hours_per_month * 12.0 - 1e-9)
                .ceil()
                .max(0.0);
            let hours = units / 12.0;
            (
                hours,
                f64::from(l.provisioned_concurrency) * memory_gb * hours * 3600.0,
                provisioned_requests * billed_s * memory_gb,
            )
        } else {
            (0.0, 0.0, 0.0)
        };
        let pc_capacity_usd = pc_capacity_gb_s * arch.provisioned_usd_per_gb_s;
        let pc_duration_usd = pc_duration_gb_s * arch.provisioned_duration_usd_per_gb_s;

        let extra_storage_gb =
            f64::from(s.workload.ephemeral_storage_mb.saturating_sub(512)) / 1024.0;
        let ephemeral_gb_s = extra_storage_gb * billed_s * requests;
        let ephemeral_usd = ephemeral_gb_s * r.ephemeral_usd_per_gb_s;

        let (plan_commitment_usd, plan_covered_usd) =
            plan_amounts(s, pc_capacity_usd + pc_duration_usd, compute_usd + init_usd);
        // The event source replaces the front door: a queue or an event needs no HTTP door.
        let event_source = EventSourceCost::new(s, requests, Reader::Lambda);
        let front_door = if event_source.is_some() {
            FrontDoorCost::None
        } else {
            FrontDoorCost::new(s, requests)
        };

        Self {
            inputs,
            requests,
            provisioned_requests,
            on_demand_requests,
            free_requests,
            billable_requests,
            duration_gb_s,
            free_gb_s,
            cold_ratio,
            cold_starts,
            init_gb_s,
            pc_billed_hours,
            pc_capacity_gb_s,
            pc_duration_gb_s,
            ephemeral_gb_s,
            requests_usd,
            compute_usd,
            init_usd,
            pc_capacity_usd,
            pc_duration_usd,
            ephemeral_usd,
            plan_commitment_usd,
            plan_covered_usd,
            front_door,
            event_source,
        }
    }

    pub(super) fn total_usd(&self) -> f64 {
        self.requests_usd
            + self.compute_usd
            + self.init_usd
            + self.pc_capacity_usd
            + self.pc_duration_usd
            + self.ephemeral_usd
            + self.plan_commitment_usd
            - self.plan_covered_usd
            + self.front_door.total_usd()
            + self.event_source.total_usd()
    }

    fn requests_line(&self, s: &Scenario) -> LineItem {
        let rate = format_rate(s.rates.lambda_request_usd_per_million);
        let detail = if self.inputs.free_tier {
            format!(
                "{} requests − {} free = {} billable requests × {rate} per million",
                format_quantity(self.requests, 0),
                format_quantity(self.free_requests, 0),
                format_quantity(self.billable_requests, 0),
            )
        } else {
            format!(
                "{} billable requests × {rate} per million",
                format_quantity(self.billable_requests, 0)
            )
        };
        LineItem::new(LABEL_REQUESTS, detail, self.requests_usd)
    }

    fn compute_line(&self, s: &Scenario) -> LineItem {
        let tiers = &s.rates.lambda(s.workload.architecture).duration_tiers;
        let billable = (self.duration_gb_s - self.free_gb_s).max(0.0);
        let volume = format!(
            "{} on-demand requests × {} s × {} GB = {} GB-s",
            format_quantity(self.on_demand_requests, 0),
            format_quantity(self.inputs.billed_ms / 1000.0, 3),
            format_quantity(self.inputs.memory_gb, 4),
            format_quantity(self.duration_gb_s, 2),
        );
        let billable_words = tier_words(billable, tiers, "GB-s", "GB-s", 2);
        let detail = if self.inputs.free_tier {
            format!(
                "{volume} − {} free GB-s; billable: {billable_words}",
                format_quantity(self.free_gb_s, 0),
            )
        } else {
            format!("{volume}; billable: {billable_words}")
        };
        LineItem::new(LABEL_COMPUTE, detail, self.compute_usd)
    }

    fn init_line(&self) -> LineItem {
        let detail = if self.init_gb_s > 0.0 || self.cold_starts > 0.0 {
            format!(
                "≈ {} cold starts ({}% of {} on-demand requests) × {} ms INIT × {} GB = {} GB-s, \
                 priced after the duration GB-s through the free tier and price tiers",
                format_quantity(self.cold_starts, 0),
                format_quantity(self.cold_ratio * 100.0, 4),
                format_quantity(self.on_demand_requests, 0),
                format_quantity(self.inputs.init_ms_each, 0),
                format_quantity(self.inputs.memory_gb, 4),
                format_quantity(self.init_gb_s, 2),
            )
        } else {
            "No billed INIT time".to_owned()
        };
        LineItem::new(LABEL_INIT, detail, self.init_usd)
    }

    fn lines(&self, s: &Scenario) -> Vec<LineItem> {
        let arch = s.rates.lambda(s.workload.architecture);
        let mut lines = vec![
            self.requests_line(s),
            self.compute_line(s),
            self.init_line(),
        ];
        if self.inputs.pc_enabled {
            let minutes = (self.pc_billed_hours * 60.0).round() as u64;
            lines.push(LineItem::new(
                LABEL_PC_CAPACITY,
                format!(
                    "{} environments × {} GB × {} h {:02} min (rounded up to 5 minutes) = {} GB-s \
                     × {} per GB-s",
                    s.lambda.provisioned_concurrency,
                    format_quantity(self.inputs.memory_gb, 4),
                    minutes / 60,
                    minutes % 60,
                    format_quantity(self.pc_capacity_gb_s, 2),
                    format_rate(arch.provisioned_usd_per_gb_s)
                ),
                self.pc_capacity_usd,
            ));
            lines.push(LineItem::new(
                LABEL_PC_DURATION,
                format!(
                    "{} requests served by provisioned environments × {} s × {} GB = {} GB-s × {} \
                     per GB-s",
                    format_quantity(self.provisioned_requests, 0),
                    format_quantity(self.inputs.billed_ms / 1000.0, 3),
                    format_quantity(self.inputs.memory_gb, 4),
                    format_quantity(self.pc_duration_gb_s, 2),
                    format_rate(arch.provisioned_duration_usd_per_gb_s)
                ),
                self.pc_duration_usd,
            ));
        }
        if s.workload.ephemeral_storage_mb > 512 {
            lines.push(LineItem::new(
                LABEL_EPHEMERAL,
                format!(
                    "({} − 512 free) MB ÷ 1,024 × {} s × {} requests = {} GB-s × {} per GB-s",
                    format_quantity(f64::from(s.workload.ephemeral_storage_mb), 0),
                    format_quantity(self.inputs.billed_ms / 1000.0, 3),
                    format_quantity(self.requests, 0),
                    format_quantity(self.ephemeral_gb_s, 2),
                    format_rate(s.rates.ephemeral_usd_per_gb_s)
                ),
                self.ephemeral_usd,
            ));
        }
        if let Some(term) = s.lambda.savings_plan {
            let discount = s.rates.commitments.lambda_discount(term);
            lines.push(LineItem::new(
                LABEL_PLAN_COVERED,
                format!(
                    "{} of duration, INIT and provisioned concurrency at on-demand prices, paid \
                     by the plan instead (requests are not covered)",
                    format_usd(self.plan_covered_usd)
                ),
                -self.plan_covered_usd,
            ));
            lines.push(LineItem::new(
                LABEL_COMMITMENT,
                format!(
                    "Compute Savings Plan, {}, no upfront: {}% off, sized to {} = {} a month, \
                     paid whether used or not",
                    term.label(),
                    format_quantity(discount * 100.0, 1),
                    s.lambda.commit_to.lambda_label(),
                    format_usd(self.plan_commitment_usd)
                ),
                self.plan_commitment_usd,
            ));
        }
        lines.extend(self.front_door.lines(s));
        lines.extend(self.event_source.lines(s));
        lines
    }

    fn notes(&self, s: &Scenario) -> Vec<String> {
        let l = &s.lambda;
        let mut notes = Vec::new();
        if let Some(door) = l.front_door
            && let Some(source) = event_source_of(s.workload.trigger, s.workload.event_source)
        {
            notes.push(format!(
                "The front door ({}) is set but not billed: the work comes through {}, not as \
                 HTTP requests.",
                door.label(),
                source.label()
            ));
        }
        notes.extend(self.event_source.note(s));
        if l.free_tier && !self.inputs.free_tier {
            notes.push(
                "The free tier is not subtracted: AWS does not apply it to functions with \
                 provisioned concurrency (switch on \"free tier with provisioned concurrency\" to \
                 follow AWS's example that does)."
                    .to_owned(),
            );
        }
        if l.provisioned_concurrency > 0 && !self.inputs.pc_enabled {
            notes.push(
                "Provisioned concurrency is set but enabled for 0 hours, so it costs nothing and \
                 every request runs on demand."
                    .to_owned(),
            );
        }
        if l.init_billed {
            let source = if l.cold_start_ratio.is_some() {
                "as set in the scenario"
            } else {
                "estimated from the average request rate and the idle reclaim time"
            };
            notes.push(format!(
                "Cold-start share {}%, {source}.",
                format_quantity(self.cold_ratio * 100.0, 4)
            ));
        } else {
            notes.push("INIT time is not billed (the rule before 1 Aug 2025).".to_owned());
        }
        if let Some(term) = l.savings_plan {
            let keep = 1.0 - s.rates.commitments.lambda_discount(term);
            let idle = (self.plan_commitment_usd - self.plan_covered_usd * keep).max(0.0);
            let mut note = format!(
                "The Savings Plan's commitment is sized to {}: {} a month, covering {} of \
                 on-demand duration, INIT and provisioned concurrency.",
                l.commit_to.lambda_label(),
                format_usd(self.plan_commitment_usd),
                format_usd(self.plan_covered_usd)
            );
            if idle >= 0.005 {
                let _ = write!(
                    note,
                    " The month's usage is below it, so {} of the commitment buys nothing.",
                    format_usd(idle)
                );
            }
            notes.push(note);
        }
        notes
    }
}

/// A length of time in words: "10 min", "2 h 30 min", "7 days".
fn span_words(secs: f64) -> String {
    let secs = secs.max(0.0).round() as u64;
    let (days, hours, minutes) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60);
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{secs} s"),
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (1, 0, _) => "1 day".to_owned(),
        (d, 0, _) => format!("{d} days"),
        (d, h, _) => format!("{d} days {h} h"),
    }
}

/// The cold starts of the cold-start view's timeline, as that view counts them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineColdStarts {
    /// Length of the timeline, s.
    pub span_s: f64,
    /// Requests on the timeline.
    pub requests: f64,
    /// Cold starts on it.
    pub cold: f64,
    /// Their share of the requests.
    pub cold_ratio: f64,
    /// Billed INIT time, s.
    pub billed_init_s: f64,
}

/// The Lambda bill with each line named, in whole cents, as the `report` command prints it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LambdaBill {
    /// Requests beyond the free tier.
    pub requests: i64,
    /// On-demand duration beyond the free tier, through the price tiers.
    pub compute: i64,
    /// Billed INIT time of cold starts.
    pub init: i64,
    /// Provisioned concurrency: capacity plus the duration of the requests it served (the sum of
    /// the two rounded lines).
    pub provisioned: i64,
    /// Ephemeral storage above 512 MB.
    pub ephemeral_storage: i64,
    /// The Compute Savings Plan: its commitment less the on-demand usage it covers (the sum of
    /// the two rounded lines; 0 without a plan).
    pub savings_plan: i64,
    /// API Gateway or load balancer (the sum of its rounded lines; 0 under a non-HTTP trigger).
    pub front_door: i64,
    /// The event source of a non-HTTP trigger: SQS, Kinesis, SNS, EventBridge, … (the sum of
    /// its rounded lines; 0 under HTTP).
    pub event_source: i64,
    /// Sum of all rounded lines.
    pub total: i64,
    /// Cold starts the month's INIT line counts (0 when INIT is not billed).
    #[serde(skip)]
    pub month_cold_starts: f64,
    /// Their share of the on-demand requests.
    #[serde(skip)]
    pub month_cold_ratio: f64,
    #[serde(skip)]
    bill: Bill,
}

impl LambdaBill {
    pub(super) fn new(s: &Scenario, requests_per_month: u64) -> Self {
        let cost = LambdaCost::new(s, LambdaInputs::of(s), requests_per_month as f64);
        let lines = cost.lines(s);
        let sum_of = |labels: &[&str]| -> i64 {
            lines
                .iter()
                .filter(|line| labels.contains(&line.label.as_str()))
                .map(|line| line.cents)
                .sum()
        };
        let requests = sum_of(&[LABEL_REQUESTS]);
        let compute = sum_of(&[LABEL_COMPUTE]);
        let init = sum_of(&[LABEL_INIT]);
        let provisioned = sum_of(&[LABEL_PC_CAPACITY, LABEL_PC_DURATION]);
        let ephemeral_storage = sum_of(&[LABEL_EPHEMERAL]);
        let savings_plan = sum_of(&[LABEL_PLAN_COVERED, LABEL_COMMITMENT]);
        let front_door = sum_of(&[
            LABEL_ALB_HOURS,
            LABEL_ALB_LCU,
            FrontDoor::ApiGatewayHttp.label(),
            FrontDoor::ApiGatewayRest.label(),
        ]);
        let event_source = sum_of(&EVENT_SOURCE_LABELS);
        let bill = Bill::new(
            HostingModel::Lambda,
            requests_per_month,
            lines,
            cost.notes(s),
        );
        Self {
            requests,
            compute,
            init,
            provisioned,
            ephemeral_storage,
            savings_plan,
            front_door,
            event_source,
            total: bill.total_cents,
            month_cold_starts: cost.cold_starts,
            month_cold_ratio: cost.cold_ratio,
            bill,
        }
    }

    /// Both cold-start counts side by side, for the bill's notes: the cold-start view's
    /// timeline's, and the month's line's, with which the month uses and why.
    pub fn cold_start_note(&self, s: &Scenario, timeline: &TimelineColdStarts) -> String {
        let month = if s.lambda.cold_start_ratio.is_some() {
            "the share set in the scenario"
        } else {
            "the month's average request rate (requests arriving at random)"
        };
        format!(
            "Cold starts: the cold-start view's timeline ({} of traffic) has {} cold starts in {} \
             requests ({}%) and {} s of billed INIT. The month's INIT line counts ≈ {} ({}%) from \
             {month}: the timeline is one stretch of traffic, not the month's pattern, so its \
             count is not multiplied up to a month.",
            span_words(timeline.span_s),
            // Written as the cold-start view writes them, so the two read alike.
            group(timeline.cold, 0),
            group(timeline.requests, 0),
            format_quantity(timeline.cold_ratio * 100.0, 3),
            group(
                timeline.billed_init_s,
                usize::from(timeline.billed_init_s < 10.0)
            ),
            format_quantity(self.month_cold_starts, 0),
            format_quantity(self.month_cold_ratio * 100.0, 4),
        )
    }

    /// The same bill as plain lines with the arithmetic in words.
    pub fn to_bill(&self) -> Bill {
        self.bill.clone()
    }

    /// The total in dollars.
    /// The sum of the bill's named parts, which tests check against the total.
    #[cfg(test)]
    pub(super) fn parts_cents(&self) -> i64 {
        self.requests
            + self.compute
            + self.init
            + self.provisioned
            + self.ephemeral_storage
            + self.savings_plan
            + self.front_door
            + self.event_source
    }

    pub fn total_usd(&self) -> f64 {
        usd(self.total)
    }

    /// The named lines in dollars under the `report` JSON keys (`requests_usd`, …, `total_usd`).
    pub fn report_usd(&self) -> [(&'static str, f64); 9] {
        [
            ("requests_usd", usd(self.requests)),
            ("compute_usd", usd(self.compute)),
            ("init_usd", usd(self.init)),
            ("provisioned_usd", usd(self.provisioned)),
            ("ephemeral_storage_usd", usd(self.ephemeral_storage)),
            ("savings_plan_usd", usd(self.savings_plan)),
            ("front_door_usd", usd(self.front_door)),
            ("event_source_usd", usd(self.event_source)),
            ("total_usd", usd(self.total)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{Architecture, PackageType, Runtime, Tier};

    /// A scenario that isolates Lambda's duration arithmetic: no free tier, no INIT, no front door.
    fn plain(requests: u64, duration_ms: f64, memory_mb: u32) -> Scenario {
        let mut s = Scenario::default();
        s.workload.requests_per_month = requests;
        s.workload.avg_duration_ms = duration_ms;
        s.workload.memory_mb = memory_mb;
        s.lambda.free_tier = false;
        s.lambda.init_billed = false;
        s.lambda.front_door = None;
        assert_eq!(s.validate(), Ok(()));
        s
    }

    fn lambda(s: &Scenario) -> LambdaBill {
        LambdaBill::new(s, s.workload.requests_per_month)
    }

    fn raw(s: &Scenario, requests: f64) -> LambdaCost {
        LambdaCost::new(s, LambdaInputs::of(s), requests)
    }

    #[test]
    fn aws_one_ms_billing_example_to_the_cent() {
        // AWS News Blog: 60 M invocations × 28 ms × 1 GB = $12.00 + $28.00 = $40.00.
        let s = plain(60_000_000, 28.0, 1024);
        let bill = lambda(&s);
        assert_eq!(bill.requests, 1200);
        assert_eq!(bill.compute, 2800);
        assert_eq!(bill.init, 0);
        assert_eq!(bill.total, 4000);
        // The same with a fixed cold-start share of 0 and INIT billing on.
        let mut s0 = s.clone();
        s0.lambda.init_billed = true;
        s0.lambda.cold_start_ratio = Some(0.0);
        assert_eq!(lambda(&s0).total, 4000);
        // arm64 duration costs 80% of x86's: $22.40.
        let mut arm = s;
        arm.workload.architecture = Architecture::Arm64;
        let bill = lambda(&arm);
        assert_eq!(bill.compute, 2240);
        assert_eq!(bill.total, 3440);
    }

    #[test]
    fn duration_is_billed_in_whole_milliseconds() {
        let s = plain(60_000_000, 27.1, 1024);
        assert_eq!(lambda(&s).compute, 2800);
        let s = plain(60_000_000, 28.01, 1024);
        // 29 ms: 60 M × 0.029 s × 1 GB × $0.0000166667 = $29.0000580.
        assert_eq!(lambda(&s).compute, 2900);
    }

    #[test]
    fn free_tier_edges() {
        // Exactly 1 M requests and 400,000 GB-s are free.
        let mut s = plain(1_000_000, 400.0, 1024);
        s.lambda.free_tier = true;
        let at_edge = lambda(&s);
        assert_eq!(
            (at_edge.requests, at_edge.compute, at_edge.total),
            (0, 0, 0)
        );
        // One more request costs $0.20 per million, one more GB-s $0.0000166667.
        let over = raw(&s, 1_000_001.0);
        assert!(
            (over.requests_usd - 0.2e-6).abs() < 1e-15,
            "{}",
            over.requests_usd
        );
        assert!((over.compute_usd - 0.4 * 0.000_016_666_7).abs() < 1e-12);
        // 25,000 requests over is exactly half a cent, billed as a cent.
        s.workload.requests_per_month = 1_025_000;
        s.workload.avg_duration_ms = 1.0;
        assert_eq!(lambda(&s).requests, 1);
        // 600 GB-s over: 600 × $0.0000166667 = $0.0100000.
        let mut s = plain(400_600, 1000.0, 1024);
        s.lambda.free_tier = true;
        let bill = lambda(&s);
        assert_eq!((bill.requests, bill.compute), (0, 1));
        s.workload.requests_per_month = 400_000;
        assert_eq!(lambda(&s).compute, 0);
        assert!((raw(&s, 400_001.0).compute_usd - 0.000_016_666_7).abs() < 1e-12);
    }

    #[test]
    fn duration_tier_boundaries() {
        // 1 s × 1 GB per request makes GB-s equal to the request count.
        let at = |requests: u64, arch| {
            let mut s = plain(requests, 1000.0, 1024);
            s.workload.architecture = arch;
            lambda(&s).compute
        };
        assert_eq!(at(6_000_000_000, Architecture::X86_64), 10_000_020);
        assert_eq!(at(7_000_000_000, Architecture::X86_64), 11_500_020);
        assert_eq!(at(16_000_000_000, Architecture::X86_64), 24_833_360);
        assert_eq!(at(7_500_000_000, Architecture::Arm64), 10_000_050);
        assert_eq!(at(8_500_000_000, Architecture::Arm64), 11_200_060);
        assert_eq!(at(19_750_000_000, Architecture::Arm64), 24_566_833);
        // Just above a boundary the next GB-s costs the second tier's price.
        let s = plain(1, 1000.0, 1024);
        let edge = raw(&s, 6e9).compute_usd;
        assert!((raw(&s, 6e9 + 1.0).compute_usd - edge - 0.000_015).abs() < 1e-9);
    }

    #[test]
    fn init_is_priced_after_duration_through_free_tier_and_tiers() {
        // 300,000 GB-s of duration and 300,000 GB-s of INIT against 400,000 free GB-s:
        // duration is free, INIT pays for the 200,000 GB-s left over.
        let mut s = plain(300_000, 1000.0, 1024);
        s.lambda.free_tier = true;
        s.lambda.init_billed = true;
        s.lambda.cold_start_ratio = Some(0.5);
        s.cold_start.runtime = Runtime::Nodejs20;
        s.cold_start.package_type = PackageType::Zip;
        s.cold_start.function_init_ms = 1860.0;
        assert_eq!(InitPhases::of(&s).billed_init_ms(), 2000.0);
        let bill = lambda(&s);
        assert_eq!(bill.compute, 0);
        assert_eq!(bill.init, 333);

        // Duration fills the first x86 tier exactly, so INIT is priced in the second.
        let mut s = plain(6_000_000_000, 1000.0, 1024);
        s.lambda.init_billed = true;
        s.lambda.cold_start_ratio = Some(1.0 / 6.0);
        s.cold_start.function_init_ms = 860.0;
        let bill = lambda(&s);
        assert_eq!(bill.compute, 10_000_020);
        assert_eq!(bill.init, 1_500_000);

        // Each init is rounded up to a whole millisecond: 140 + 100.4 → 241 ms.
        s.cold_start.function_init_ms = 100.4;
        assert_eq!(LambdaInputs::of(&s).init_ms_each, 241.0);

        // SnapStart restores are not billed as INIT.
        s.cold_start.runtime = Runtime::Java21;
        s.cold_start.snapstart = true;
        assert_eq!(lambda(&s).init, 0);

        // INIT off: the rule before 1 Aug 2025.
        s.cold_start.snapstart = false;
        s.lambda.init_billed = false;
        assert_eq!(lambda(&s).init, 0);
    }

    #[test]
    fn provisioned_concurrency_hours_and_free_tier() {
        let mut s = plain(1_000_000, 100.0, 1024);
        s.lambda.provisioned_concurrency = 100;
        // 1 h 01 min is billed as 1 h 05 min: 100 × 1 GB × 3,900 s × $0.0000041667 = $1.6250130.
        s.lambda.provisioned_hours_per_month = 1.0 + 1.0 / 60.0;
        let bill = lambda(&s);
        assert_eq!(bill.provisioned, 163);
        // 10 minutes stays 10 minutes despite 1/6 h not being exact in binary.
        s.lambda.provisioned_hours_per_month = 10.0 / 60.0;
        assert_eq!(raw(&s, 1e6).pc_billed_hours * 60.0, 10.0);
        // A whole month: 100 × 2,628,000 GB-s × $0.0000041667 = $1,095.00876.
        s.lambda.provisioned_hours_per_month = 730.0;
        assert_eq!(lambda(&s).provisioned, 109_501);

        // Requests served by PC pay the PC duration rate, not the on-demand one:
        // 1 M × 0.1 s × 1 GB = 100,000 GB-s × $0.0000097222 = $0.97222.
        s.lambda.provisioned_requests_per_month = 1_000_000;
        let bill = lambda(&s);
        assert_eq!(bill.compute, 0);
        assert_eq!(bill.provisioned, 109_501 + 97);

        // The free tier is off while PC is enabled, unless chosen.
        s.lambda.free_tier = true;
        assert_eq!(lambda(&s).requests, 20);
        s.lambda.free_tier_with_provisioned = true;
        assert_eq!(lambda(&s).requests, 0);
        // PC set but enabled for no hours: nothing provisioned, free tier back.
        s.lambda.free_tier_with_provisioned = false;
        s.lambda.provisioned_hours_per_month = 0.0;
        let bill = lambda(&s);
        assert_eq!((bill.requests, bill.provisioned), (0, 0));
    }

    #[test]
    fn ephemeral_storage_and_front_doors() {
        // 1,536 MB: 1 GB above the free 512 MB × 1 s × 1 M requests = 1,000,000 GB-s × $0.0000000309.
        let mut s = plain(1_000_000, 1000.0, 128);
        s.workload.ephemeral_storage_mb = 1536;
        assert_eq!(lambda(&s).ephemeral_storage, 3);
        s.workload.ephemeral_storage_mb = 512;
        assert_eq!(lambda(&s).ephemeral_storage, 0);

        // REST API: 400 M requests = 333 M × $3.50 + 67 M × $2.80 = $1,165.50 + $187.60.
        s.workload.requests_per_month = 400_000_000;
        s.lambda.front_door = Some(FrontDoor::ApiGatewayRest);
        assert_eq!(lambda(&s).front_door, 135_310);
        // HTTP API: 300 M × $1.00 + 100 M × $0.90.
        s.lambda.front_door = Some(FrontDoor::ApiGatewayHttp);
        assert_eq!(lambda(&s).front_door, 39_000);
        // ALB: 730 h × $0.0225 = $16.43 (half-up), plus LCUs at 2,628,000 requests = 1 rps:
        // 0.04 LCU × 730 h × $0.008 = $0.2336.
        s.workload.requests_per_month = 2_628_000;
        s.lambda.front_door = Some(FrontDoor::Alb);
        assert_eq!(lambda(&s).front_door, 1643 + 23);
    }

    #[test]
    fn totals_are_sums_of_rounded_lines() {
        // Three lines of $0.005 each: rounded $0.01 each, so $0.03 rather than round($0.015).
        let mut s = plain(25_000, 1.0, 128);
        s.lambda.front_door = Some(FrontDoor::ApiGatewayHttp);
        s.rates.api_gateway_http_tiers = vec![Tier {
            up_to: None,
            usd_per_unit: 0.2,
        }];
        s.workload.ephemeral_storage_mb = 512 + 1024;
        s.rates.ephemeral_usd_per_gb_s = 0.005 / 25.0;
        s.rates.lambda_x86_64.duration_tiers = vec![Tier {
            up_to: None,
            usd_per_unit: 0.0,
        }];
        let bill = lambda(&s);
        assert_eq!(
            (bill.requests, bill.ephemeral_storage, bill.front_door),
            (1, 1, 1)
        );
        assert_eq!(bill.total, 3);
        let plain_bill = bill.to_bill();
        assert_eq!(plain_bill.total_cents, 3);
        assert_eq!(
            plain_bill.lines.iter().map(|l| l.cents).sum::<i64>(),
            plain_bill.total_cents
        );
    }
}
