//! Monthly bills of the four hosting models (FACTS.md §1, §4, §5): line items rounded to the cent
//! as on an AWS bill, cost curves over request volume, and the break-even points between models.

use serde::Serialize;

use super::format::group_digits;
use super::runtime::{InitPhases, estimated_cold_ratio};
use super::scenario::{
    Architecture, FrontDoor, HOURS_PER_MONTH, HostingModel, LambdaArchRates, LaunchType,
    Orchestrator, SECONDS_PER_MONTH, Scenario, Tier,
};
use super::sizing;

/// Every simplification the cost model makes, in plain words, for the app to show.
pub const ASSUMPTIONS: &[&str] = &[
    "A month is 730 hours, as in AWS's own examples. Prices are us-east-1, on demand, before tax.",
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
    "No Savings Plans, Reserved Instances or Spot prices. Storage volumes, data transfer, NAT \
     gateways, logs and monitoring are left out of every model.",
    "Break-even points are searched from 1 thousand to 10 billion requests a month, between chart \
     samples about 8% apart, and pinned down by bisection to 1 part in a million. Where a fleet \
     grows by a whole instance, task or server, the cost difference can jump across zero at that \
     step, and the step is the break-even point. Two crossings within one sample step can be \
     missed.",
];

/// Lowest volume on the cost chart, requests a month.
pub const CURVE_MIN_REQUESTS: f64 = 1e3;
/// Highest volume on the cost chart, requests a month.
pub const CURVE_MAX_REQUESTS: f64 = 1e10;
/// Number of log-spaced volumes sampled for the chart (200 steps of about 8.4% each).
pub const CURVE_POINTS: usize = 201;
/// Relative width of the bracket at which the break-even bisection stops.
pub const BREAK_EVEN_PRECISION: f64 = 1e-6;
/// Relative cost gap left at a converged break-even above which it is called a step: a smooth
/// crossing leaves about [`BREAK_EVEN_PRECISION`] of the cost, a fleet step leaves the jump.
pub const STEP_GAP: f64 = 1e-4;

// Bill line labels, shared by the lines and the named fields of `LambdaBill`.
const LABEL_REQUESTS: &str = "Requests";
const LABEL_COMPUTE: &str = "Compute (duration)";
const LABEL_INIT: &str = "Cold-start INIT";
const LABEL_PC_CAPACITY: &str = "Provisioned concurrency";
const LABEL_PC_DURATION: &str = "Provisioned concurrency duration";
const LABEL_EPHEMERAL: &str = "Ephemeral storage";
const LABEL_ALB_HOURS: &str = "Load balancer hours";
const LABEL_ALB_LCU: &str = "Load balancer capacity units";

/// Rounds dollars to whole cents, half-up (half a cent goes away from zero), as AWS bills do.
///
/// Prices like $0.0000166667 are not exact in binary, so a product that is a half cent in decimal
/// arithmetic may come out a hair below it (12.345 is stored as 12.3449999…). A guard of one part
/// in 10^12 (at least 10^-9 cent) lifts such values back onto the half cent before rounding; it
/// is far below a cent for any realistic bill. Non-finite input saturates (NaN gives 0).
pub fn cents_from_usd(usd: f64) -> i64 {
    let cents = usd.abs() * 100.0;
    let guard = (cents * 1e-12).max(1e-9);
    // `f64::round` takes halves away from zero, which for a magnitude is half-up.
    let magnitude = (cents + guard).round() as i64;
    if usd < 0.0 { -magnitude } else { magnitude }
}

/// Whole cents as dollars.
pub fn usd(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// Whole cents as a dollar amount with thousands separators: `$1,161.18`, `-$3.05`.
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let magnitude = cents.unsigned_abs();
    format!(
        "{sign}${}.{:02}",
        group_digits(magnitude / 100),
        magnitude % 100
    )
}

/// Whole cents as a plain decimal for files: `1161.18`, `-3.05`.
fn plain_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let magnitude = cents.unsigned_abs();
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

/// Dollars rounded half-up to the cent, with thousands separators: `$1,161.18`.
pub fn format_usd(usd: f64) -> String {
    format_cents(cents_from_usd(usd))
}

/// A request count in short form for charts and sentences: `850`, `850 k`, `41 M`, `3.2 B`.
///
/// Two significant digits below 10 of a unit, whole units above.
pub fn format_requests(requests: f64) -> String {
    if !requests.is_finite() {
        return "–".to_owned();
    }
    let n = requests.max(0.0);
    if n < 999.5 {
        return format!("{n:.0}");
    }
    let units = [(1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")];
    let mut text = String::new();
    for (i, (unit, suffix)) in units.iter().enumerate() {
        let scaled = n / unit;
        let is_last = i + 1 == units.len();
        if scaled < 9.95 {
            let one_decimal = format!("{scaled:.1}");
            let trimmed = one_decimal.strip_suffix(".0").unwrap_or(&one_decimal);
            return format!("{trimmed} {suffix}");
        }
        let whole = scaled.round();
        text = format!("{whole:.0} {suffix}");
        if whole < 999.5 || is_last {
            return text;
        }
    }
    text
}

/// A quantity with thousands separators and at most `decimals` decimals, trailing zeros trimmed:
/// `2,000,000`, `0.12`, `1,234.5`.
fn format_quantity(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    let grouped = whole
        .parse::<u64>()
        .map_or_else(|_| whole.to_owned(), group_digits);
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A unit price exactly as configured, with at least two decimals: `$0.20`, `$0.0000166667`.
fn format_rate(usd_per_unit: f64) -> String {
    let text = format!("{}", usd_per_unit.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let grouped = whole
        .parse::<u64>()
        .map_or_else(|_| whole.to_owned(), group_digits);
    let sign = if usd_per_unit < 0.0 { "-" } else { "" };
    format!("{sign}${grouped}.{fraction:0<2}")
}

/// The price of `quantity` through cumulative tiers. The last tier is treated as unbounded even if
/// it names a bound, so usage is never free by accident.
fn tiered_usd(quantity: f64, tiers: &[Tier]) -> f64 {
    tier_bands(quantity, tiers)
        .map(|(in_band, rate)| in_band * rate)
        .sum()
}

/// The (quantity in band, price) pairs `quantity` falls into, in tier order.
fn tier_bands(quantity: f64, tiers: &[Tier]) -> impl Iterator<Item = (f64, f64)> + '_ {
    let count = tiers.len();
    let mut lower = 0.0_f64;
    tiers.iter().enumerate().filter_map(move |(i, tier)| {
        let upper = match tier.up_to {
            Some(bound) if i + 1 < count => bound,
            _ => f64::INFINITY,
        };
        let in_band = quantity.min(upper) - lower;
        lower = upper;
        (in_band > 0.0).then_some((in_band, tier.usd_per_unit))
    })
}

/// Plain words for a tiered price: `2,000 GB-s × $0.0000166667 per GB-s`, or a sum of bands.
fn tier_words(quantity: f64, tiers: &[Tier], unit: &str, per: &str, decimals: usize) -> String {
    let bands: Vec<String> = tier_bands(quantity, tiers)
        .map(|(in_band, rate)| {
            format!(
                "{} {unit} × {} per {per}",
                format_quantity(in_band, decimals),
                format_rate(rate)
            )
        })
        .collect();
    if bands.is_empty() {
        format!("0 {unit}")
    } else {
        bands.join(" + ")
    }
}

/// One line of a bill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineItem {
    /// What is billed, e.g. "Requests".
    pub label: String,
    /// The arithmetic in plain words, e.g. "2,000,000 billable requests × $0.20 per million".
    pub detail: String,
    /// The line's amount, rounded half-up to whole cents.
    pub cents: i64,
}

impl LineItem {
    fn new(label: &str, detail: String, amount_usd: f64) -> Self {
        Self {
            label: label.to_owned(),
            detail,
            cents: cents_from_usd(amount_usd),
        }
    }

    /// The line's amount in dollars.
    pub fn usd(&self) -> f64 {
        usd(self.cents)
    }
}

/// One hosting model's monthly bill at one volume.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bill {
    /// Which hosting model this bill is for.
    pub model: HostingModel,
    /// The monthly request volume the bill is for.
    pub requests_per_month: u64,
    /// The bill's lines, each rounded to the cent.
    pub lines: Vec<LineItem>,
    /// Sum of the rounded lines, in cents.
    pub total_cents: i64,
    /// Remarks that explain the bill (free tier, sizing limits, cold-start share).
    pub notes: Vec<String>,
}

impl Bill {
    fn new(
        model: HostingModel,
        requests_per_month: u64,
        lines: Vec<LineItem>,
        notes: Vec<String>,
    ) -> Self {
        let total_cents = lines.iter().map(|line| line.cents).sum();
        Self {
            model,
            requests_per_month,
            lines,
            total_cents,
            notes,
        }
    }

    /// The total in dollars.
    pub fn total_usd(&self) -> f64 {
        usd(self.total_cents)
    }
}

/// Application Load Balancer charges at one average request rate.
#[derive(Clone, Copy, Debug, PartialEq)]
struct AlbCost {
    avg_rps: f64,
    lcus: f64,
    hours_usd: f64,
    lcu_usd: f64,
}

impl AlbCost {
    fn new(s: &Scenario, avg_rps: f64) -> Self {
        let r = &s.rates;
        // One new connection per request: LCUs follow the new-connection dimension.
        let lcus = avg_rps / r.alb_new_connections_per_lcu.max(f64::MIN_POSITIVE);
        Self {
            avg_rps,
            lcus,
            hours_usd: HOURS_PER_MONTH * r.alb_usd_per_hour,
            lcu_usd: lcus * HOURS_PER_MONTH * r.alb_usd_per_lcu_hour,
        }
    }

    fn total_usd(&self) -> f64 {
        self.hours_usd + self.lcu_usd
    }

    fn lines(&self, s: &Scenario) -> [LineItem; 2] {
        let r = &s.rates;
        [
            LineItem::new(
                LABEL_ALB_HOURS,
                format!(
                    "{} hours × {} per hour",
                    format_quantity(HOURS_PER_MONTH, 0),
                    format_rate(r.alb_usd_per_hour)
                ),
                self.hours_usd,
            ),
            LineItem::new(
                LABEL_ALB_LCU,
                format!(
                    "{} LCU ({} requests/s on average ÷ {} new connections/s per LCU, one \
                     connection per request) × {} hours × {} per LCU-hour",
                    format_quantity(self.lcus, 4),
                    format_quantity(self.avg_rps, 3),
                    format_quantity(r.alb_new_connections_per_lcu, 2),
                    format_quantity(HOURS_PER_MONTH, 0),
                    format_rate(r.alb_usd_per_lcu_hour)
                ),
                self.lcu_usd,
            ),
        ]
    }
}

/// What the front door in front of a Lambda function costs.
#[derive(Clone, Copy, Debug, PartialEq)]
enum FrontDoorCost {
    None,
    ApiGateway {
        door: FrontDoor,
        millions: f64,
        usd: f64,
    },
    Alb(AlbCost),
}

impl FrontDoorCost {
    fn new(s: &Scenario, requests: f64) -> Self {
        let (door, tiers) = match s.lambda.front_door {
            None => return Self::None,
            Some(FrontDoor::Alb) => {
                return Self::Alb(AlbCost::new(s, requests / SECONDS_PER_MONTH));
            }
            Some(door @ FrontDoor::ApiGatewayHttp) => (door, &s.rates.api_gateway_http_tiers),
            Some(door @ FrontDoor::ApiGatewayRest) => (door, &s.rates.api_gateway_rest_tiers),
        };
        let millions = requests / 1e6;
        Self::ApiGateway {
            door,
            millions,
            usd: tiered_usd(millions, tiers),
        }
    }

    fn total_usd(&self) -> f64 {
        match self {
            Self::None => 0.0,
            Self::ApiGateway { usd, .. } => *usd,
            Self::Alb(alb) => alb.total_usd(),
        }
    }

    fn lines(&self, s: &Scenario) -> Vec<LineItem> {
        match self {
            Self::None => Vec::new(),
            Self::Alb(alb) => alb.lines(s).to_vec(),
            Self::ApiGateway {
                door,
                millions,
                usd,
            } => {
                let tiers = match door {
                    FrontDoor::ApiGatewayRest => &s.rates.api_gateway_rest_tiers,
                    _ => &s.rates.api_gateway_http_tiers,
                };
                vec![LineItem::new(
                    door.label(),
                    tier_words(*millions, tiers, "million requests", "million", 6),
                    *usd,
                )]
            }
        }
    }
}

/// The parts of the Lambda bill that do not depend on the volume, worked out once per scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LambdaInputs {
    billed_ms: f64,
    memory_gb: f64,
    init_ms_each: f64,
    pc_enabled: bool,
    free_tier: bool,
}

impl LambdaInputs {
    fn of(s: &Scenario) -> Self {
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

/// Every quantity and unrounded amount of a Lambda bill at one volume.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LambdaCost {
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
    init_usd: f64,
    pc_capacity_usd: f64,
    pc_duration_usd: f64,
    ephemeral_usd: f64,
    front_door: FrontDoorCost,
}

impl LambdaCost {
    fn new(s: &Scenario, inputs: LambdaInputs, requests: f64) -> Self {
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
            front_door: FrontDoorCost::new(s, requests),
        }
    }

    fn total_usd(&self) -> f64 {
        self.requests_usd
            + self.compute_usd
            + self.init_usd
            + self.pc_capacity_usd
            + self.pc_duration_usd
            + self.ephemeral_usd
            + self.front_door.total_usd()
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
        lines.extend(self.front_door.lines(s));
        lines
    }

    fn notes(&self, s: &Scenario) -> Vec<String> {
        let l = &s.lambda;
        let mut notes = Vec::new();
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
        notes
    }
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
    /// API Gateway or load balancer (the sum of its rounded lines).
    pub front_door: i64,
    /// Sum of all rounded lines.
    pub total: i64,
    #[serde(skip)]
    bill: Bill,
}

impl LambdaBill {
    fn new(s: &Scenario, requests_per_month: u64) -> Self {
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
        let front_door = sum_of(&[
            LABEL_ALB_HOURS,
            LABEL_ALB_LCU,
            FrontDoor::ApiGatewayHttp.label(),
            FrontDoor::ApiGatewayRest.label(),
        ]);
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
            front_door,
            total: bill.total_cents,
            bill,
        }
    }

    /// The same bill as plain lines with the arithmetic in words.
    pub fn to_bill(&self) -> Bill {
        self.bill.clone()
    }

    /// The total in dollars.
    pub fn total_usd(&self) -> f64 {
        usd(self.total)
    }

    /// The named lines in dollars under the `report` JSON keys (`requests_usd`, …, `total_usd`).
    pub fn report_usd(&self) -> [(&'static str, f64); 7] {
        [
            ("requests_usd", usd(self.requests)),
            ("compute_usd", usd(self.compute)),
            ("init_usd", usd(self.init)),
            ("provisioned_usd", usd(self.provisioned)),
            ("ephemeral_storage_usd", usd(self.ephemeral_storage)),
            ("front_door_usd", usd(self.front_door)),
            ("total_usd", usd(self.total)),
        ]
    }
}

/// The virtual-machine bill's quantities and unrounded amounts.
#[derive(Clone, Copy, Debug, PartialEq)]
struct VmCost {
    avg_rps: f64,
    instances: u32,
    instances_usd: f64,
    alb: Option<AlbCost>,
}

impl VmCost {
    fn new(s: &Scenario, requests: f64) -> Self {
        let avg_rps = requests.max(0.0) / SECONDS_PER_MONTH;
        let instances = sizing::vm_instances_for(s, avg_rps);
        Self {
            avg_rps,
            instances,
            instances_usd: f64::from(instances) * s.vm.hourly_usd * HOURS_PER_MONTH,
            alb: s.vm.load_balancer.then(|| AlbCost::new(s, avg_rps)),
        }
    }

    fn total_usd(&self) -> f64 {
        self.instances_usd + self.alb.map_or(0.0, |alb| alb.total_usd())
    }

    fn bill(&self, s: &Scenario, requests_per_month: u64) -> Bill {
        let vm = &s.vm;
        let mut lines = vec![LineItem::new(
            "EC2 instances",
            format!(
                "{} × {} × {} per hour × {} hours",
                self.instances,
                vm.instance_type,
                format_rate(vm.hourly_usd),
                format_quantity(HOURS_PER_MONTH, 0)
            ),
            self.instances_usd,
        )];
        if let Some(alb) = &self.alb {
            lines.extend(alb.lines(s));
        }
        let mut notes = vec![format!(
            "{} instances for {} requests/s on average ({} requests/s each at {}% target \
             utilisation, {}–{} instances).",
            self.instances,
            format_quantity(self.avg_rps, 3),
            format_quantity(vm.rps_per_instance, 2),
            format_quantity(vm.target_utilisation * 100.0, 1),
            vm.min_instances,
            vm.max_instances
        )];
        let peak = sizing::peak_rps(s, requests_per_month as f64);
        let most = f64::from(vm.max_instances) * vm.rps_per_instance;
        if peak > most {
            notes.push(format!(
                "At most {} instances carry {} requests/s, below the month's peak of {} \
                 requests/s: requests above that are dropped.",
                vm.max_instances,
                format_quantity(most, 1),
                format_quantity(peak, 1)
            ));
        }
        Bill::new(HostingModel::Vm, requests_per_month, lines, notes)
    }
}

/// Fargate's (USD per vCPU-hour, USD per GB-hour) for the tasks' architecture.
fn fargate_rates(s: &Scenario) -> (f64, f64) {
    let r = &s.rates;
    match s.containers.architecture {
        Architecture::X86_64 => (r.fargate_x86_64_vcpu_hour_usd, r.fargate_x86_64_gb_hour_usd),
        Architecture::Arm64 => (r.fargate_arm64_vcpu_hour_usd, r.fargate_arm64_gb_hour_usd),
    }
}

/// The container bill's quantities and unrounded amounts.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ContainerCost {
    avg_rps: f64,
    tasks: u32,
    nodes: u32,
    vcpu_usd: f64,
    memory_usd: f64,
    nodes_usd: f64,
    eks_usd: f64,
    alb: Option<AlbCost>,
}

impl ContainerCost {
    fn new(s: &Scenario, requests: f64) -> Self {
        let c = &s.containers;
        let r = &s.rates;
        let avg_rps = requests.max(0.0) / SECONDS_PER_MONTH;
        let tasks = sizing::tasks_for(s, avg_rps);
        let (vcpu_rate, gb_rate) = fargate_rates(s);
        let task_hours = f64::from(tasks) * HOURS_PER_MONTH;
        let (nodes, vcpu_usd, memory_usd, nodes_usd) = match c.launch_type {
            LaunchType::Fargate => (
                0,
                task_hours * c.task_vcpu * vcpu_rate,
                task_hours * c.task_memory_gb * gb_rate,
                0.0,
            ),
            LaunchType::Ec2 => {
                let nodes = sizing::nodes_for_tasks(s, tasks);
                (
                    nodes,
                    0.0,
                    0.0,
                    f64::from(nodes) * c.node_hourly_usd * HOURS_PER_MONTH,
                )
            }
        };
        Self {
            avg_rps,
            tasks,
            nodes,
            vcpu_usd,
            memory_usd,
            nodes_usd,
            eks_usd: match c.orchestrator {
                Orchestrator::Eks => HOURS_PER_MONTH * r.eks_cluster_hour_usd,
                Orchestrator::Ecs => 0.0,
            },
            alb: c.load_balancer.then(|| AlbCost::new(s, avg_rps)),
        }
    }

    fn total_usd(&self) -> f64 {
        self.vcpu_usd
            + self.memory_usd
            + self.nodes_usd
            + self.eks_usd
            + self.alb.map_or(0.0, |alb| alb.total_usd())
    }

    fn bill(&self, s: &Scenario, requests_per_month: u64) -> Bill {
        let c = &s.containers;
        let r = &s.rates;
        let hours = format_quantity(HOURS_PER_MONTH, 0);
        let mut lines = Vec::new();
        match c.launch_type {
            LaunchType::Fargate => {
                let (vcpu_rate, gb_rate) = fargate_rates(s);
                let arch = c.architecture.label();
                lines.push(LineItem::new(
                    "Fargate vCPU",
                    format!(
                        "{} tasks × {} vCPU × {hours} hours × {} per vCPU-hour ({arch})",
                        self.tasks,
                        format_quantity(c.task_vcpu, 3),
                        format_rate(vcpu_rate)
                    ),
                    self.vcpu_usd,
                ));
                lines.push(LineItem::new(
                    "Fargate memory",
                    format!(
                        "{} tasks × {} GB × {hours} hours × {} per GB-hour ({arch})",
                        self.tasks,
                        format_quantity(c.task_memory_gb, 3),
                        format_rate(gb_rate)
                    ),
                    self.memory_usd,
                ));
            }
            LaunchType::Ec2 => lines.push(LineItem::new(
                "EC2 cluster nodes",
                format!(
                    "{} tasks ÷ {} per node = {} × {} × {} per hour × {hours} hours",
                    self.tasks,
                    c.tasks_per_node,
                    self.nodes,
                    c.node_instance_type,
                    format_rate(c.node_hourly_usd)
                ),
                self.nodes_usd,
            )),
        }
        if c.orchestrator == Orchestrator::Eks {
            lines.push(LineItem::new(
                "EKS control plane",
                format!(
                    "1 cluster × {hours} hours × {} per cluster-hour",
                    format_rate(r.eks_cluster_hour_usd)
                ),
                self.eks_usd,
            ));
        }
        if let Some(alb) = &self.alb {
            lines.extend(alb.lines(s));
        }
        let mut notes = vec![format!(
            "{} tasks for {} requests/s on average ({} requests/s each at {}% target \
             utilisation, {}–{} tasks).",
            self.tasks,
            format_quantity(self.avg_rps, 3),
            format_quantity(c.rps_per_task, 2),
            format_quantity(c.target_utilisation * 100.0, 1),
            c.min_tasks,
            c.max_tasks
        )];
        if c.orchestrator == Orchestrator::Ecs {
            notes.push("The ECS control plane is free.".to_owned());
        }
        let peak = sizing::peak_rps(s, requests_per_month as f64);
        let most = f64::from(c.max_tasks) * c.rps_per_task;
        if peak > most {
            notes.push(format!(
                "At most {} tasks carry {} requests/s, below the month's peak of {} requests/s: \
                 requests above that are dropped.",
                c.max_tasks,
                format_quantity(most, 1),
                format_quantity(peak, 1)
            ));
        }
        Bill::new(HostingModel::Containers, requests_per_month, lines, notes)
    }
}

/// The on-premises bill's quantities and unrounded amounts.
#[derive(Clone, Copy, Debug, PartialEq)]
struct OnPremCost {
    peak_rps: f64,
    servers: u32,
    amortisation_usd: f64,
    power_usd: f64,
    colocation_usd: f64,
    admin_usd: f64,
}

impl OnPremCost {
    fn new(s: &Scenario, requests: f64) -> Self {
        let op = &s.on_prem;
        let servers = sizing::on_prem_servers(s, requests);
        let n = f64::from(servers);
        Self {
            peak_rps: sizing::peak_rps(s, requests),
            servers,
            amortisation_usd: n * op.server_price_usd / op.amortisation_months.max(1.0),
            power_usd: n * op.power_watts / 1000.0
                * op.pue
                * HOURS_PER_MONTH
                * op.electricity_usd_per_kwh,
            colocation_usd: n * f64::from(op.rack_units_per_server) * op.colo_usd_per_u_month,
            admin_usd: n * op.admin_fte_per_server * op.admin_usd_per_year / 12.0,
        }
    }

    fn total_usd(&self) -> f64 {
        self.amortisation_usd + self.power_usd + self.colocation_usd + self.admin_usd
    }

    fn bill(&self, s: &Scenario, requests_per_month: u64) -> Bill {
        let op = &s.on_prem;
        let n = self.servers;
        let lines = vec![
            LineItem::new(
                "Hardware amortisation",
                format!(
                    "{n} servers × {} ÷ {} months",
                    format_rate(op.server_price_usd),
                    format_quantity(op.amortisation_months, 1)
                ),
                self.amortisation_usd,
            ),
            LineItem::new(
                "Power",
                format!(
                    "{n} servers × {} W × PUE {} × {} hours × {} per kWh",
                    format_quantity(op.power_watts, 1),
                    format_quantity(op.pue, 2),
                    format_quantity(HOURS_PER_MONTH, 0),
                    format_rate(op.electricity_usd_per_kwh)
                ),
                self.power_usd,
            ),
            LineItem::new(
                "Colocation",
                format!(
                    "{n} servers × {} U × {} per U per month",
                    op.rack_units_per_server,
                    format_rate(op.colo_usd_per_u_month)
                ),
                self.colocation_usd,
            ),
            LineItem::new(
                "Administration",
                format!(
                    "{n} servers × {} of an administrator × {} a year ÷ 12",
                    format_quantity(op.admin_fte_per_server, 3),
                    format_rate(op.admin_usd_per_year)
                ),
                self.admin_usd,
            ),
        ];
        let notes = vec![format!(
            "{n} servers for the month's peak of {} requests/s ({} requests/s each, at least {}); \
             bought up front, they cannot follow demand.",
            format_quantity(self.peak_rps, 3),
            format_quantity(op.rps_per_server, 2),
            op.min_servers
        )];
        Bill::new(HostingModel::OnPrem, requests_per_month, lines, notes)
    }
}

/// The four bills at one volume.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bills {
    /// The monthly request volume the bills are for.
    pub requests_per_month: u64,
    /// Lambda's named lines, in cents.
    pub lambda: LambdaBill,
    /// Lambda's bill as plain lines.
    pub lambda_bill: Bill,
    /// EC2 instances in an Auto Scaling group.
    pub vm: Bill,
    /// ECS or EKS tasks.
    pub containers: Bill,
    /// Servers you own.
    pub on_prem: Bill,
}

impl Bills {
    /// The bill of one hosting model.
    pub fn get(&self, model: HostingModel) -> &Bill {
        match model {
            HostingModel::OnPrem => &self.on_prem,
            HostingModel::Vm => &self.vm,
            HostingModel::Containers => &self.containers,
            HostingModel::Lambda => &self.lambda_bill,
        }
    }
}

/// The four bills at the scenario's own monthly volume.
pub fn bills(s: &Scenario) -> Bills {
    bills_at(s, s.workload.requests_per_month)
}

/// The four bills at `requests_per_month`, everything else as in the scenario.
pub fn bills_at(s: &Scenario, requests_per_month: u64) -> Bills {
    let requests = requests_per_month as f64;
    let lambda = LambdaBill::new(s, requests_per_month);
    Bills {
        requests_per_month,
        lambda_bill: lambda.to_bill(),
        lambda,
        vm: VmCost::new(s, requests).bill(s, requests_per_month),
        containers: ContainerCost::new(s, requests).bill(s, requests_per_month),
        on_prem: OnPremCost::new(s, requests).bill(s, requests_per_month),
    }
}

/// Evaluates unrounded monthly totals quickly, with the volume-independent parts worked out once.
struct Evaluator<'a> {
    s: &'a Scenario,
    lambda: LambdaInputs,
}

impl<'a> Evaluator<'a> {
    fn new(s: &'a Scenario) -> Self {
        Self {
            s,
            lambda: LambdaInputs::of(s),
        }
    }

    fn total_usd(&self, model: HostingModel, requests: f64) -> f64 {
        match model {
            HostingModel::OnPrem => OnPremCost::new(self.s, requests).total_usd(),
            HostingModel::Vm => VmCost::new(self.s, requests).total_usd(),
            HostingModel::Containers => ContainerCost::new(self.s, requests).total_usd(),
            HostingModel::Lambda => LambdaCost::new(self.s, self.lambda, requests).total_usd(),
        }
    }
}

/// A model's unrounded monthly total at `requests_per_month` (the value the chart draws).
pub fn total_usd(s: &Scenario, model: HostingModel, requests_per_month: f64) -> f64 {
    Evaluator::new(s).total_usd(model, requests_per_month)
}

/// A volume where two models cost the same and which one is cheaper on either side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BreakEven {
    /// Monthly requests at the crossing (within [`BREAK_EVEN_PRECISION`]).
    pub requests_per_month: f64,
    /// The model that is cheaper just below this volume.
    pub cheaper_below: HostingModel,
    /// The model that is cheaper just above this volume.
    pub cheaper_above: HostingModel,
    /// The monthly cost there (the mean of the two models' unrounded totals).
    pub cost_usd: f64,
    /// True when the difference jumps across zero because a fleet grows by a whole unit here,
    /// rather than the two costs meeting.
    pub at_step: bool,
}

impl BreakEven {
    /// Plain words: "Above 41 M requests a month, virtual machines are cheaper than serverless".
    pub fn sentence(&self) -> String {
        format!(
            "Above {} requests a month, {} {} cheaper than {}",
            format_requests(self.requests_per_month),
            lower_label(self.cheaper_above),
            verb(self.cheaper_above),
            lower_label(self.cheaper_below)
        )
    }
}

/// The model's label in lower case, for use inside a sentence.
fn lower_label(model: HostingModel) -> String {
    model.label().to_lowercase()
}

/// "is" or "are", to agree with the model's label.
fn verb(model: HostingModel) -> &'static str {
    match model {
        HostingModel::Vm | HostingModel::Containers => "are",
        HostingModel::OnPrem | HostingModel::Lambda => "is",
    }
}

/// Plain words comparing two monthly costs: "Serverless is 63% cheaper than virtual machines here".
pub fn compare_sentence(a: HostingModel, a_usd: f64, b: HostingModel, b_usd: f64) -> String {
    let a_label = a.label();
    let b_label = lower_label(b);
    let is = verb(a);
    let a_cents = cents_from_usd(a_usd);
    let b_cents = cents_from_usd(b_usd);
    if a_cents == b_cents {
        return format!("{a_label} and {b_label} cost the same here");
    }
    if b_cents <= 0 {
        return format!(
            "{a_label} {is} {} a month more expensive than {b_label} here",
            format_cents(a_cents - b_cents)
        );
    }
    let percent = (a_usd - b_usd) / b_usd * 100.0;
    if percent < 0.0 {
        let cheaper = (-percent).round();
        if cheaper < 1.0 {
            return format!("{a_label} {is} less than 1% cheaper than {b_label} here");
        }
        // "100% cheaper" would read as free: keep it for a bill that really is $0.00.
        if cheaper >= 100.0 && a_cents > 0 {
            return format!("{a_label} {is} more than 99% cheaper than {b_label} here");
        }
        return format!("{a_label} {is} {cheaper:.0}% cheaper than {b_label} here");
    }
    if percent < 0.5 {
        return format!("{a_label} {is} less than 1% more expensive than {b_label} here");
    }
    if percent >= 100.0 {
        let times = a_usd / b_usd;
        let times = if times < 10.0 {
            format_quantity(times, 1)
        } else {
            format_quantity(times, 0)
        };
        let cost = if is == "is" { "costs" } else { "cost" };
        return format!("{a_label} {cost} {times} times as much as {b_label} here");
    }
    format!("{a_label} {is} {percent:.0}% more expensive than {b_label} here")
}

/// Monthly cost of each model sampled over volume, and where the models break even.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostCurves {
    /// Sampled volumes, requests a month, log-spaced from [`CURVE_MIN_REQUESTS`] to
    /// [`CURVE_MAX_REQUESTS`] and rounded to whole requests.
    pub requests_per_month: Vec<f64>,
    /// On-premises unrounded monthly totals, USD, one per volume.
    pub on_prem_usd: Vec<f64>,
    /// Virtual-machine unrounded monthly totals, USD.
    pub vm_usd: Vec<f64>,
    /// Container unrounded monthly totals, USD.
    pub containers_usd: Vec<f64>,
    /// Lambda unrounded monthly totals, USD.
    pub lambda_usd: Vec<f64>,
    /// Every volume where two models swap places, in increasing volume.
    pub break_evens: Vec<BreakEven>,
}

impl CostCurves {
    /// Samples every model's total and finds every break-even point. Call it when the scenario
    /// changes, not every frame.
    pub fn compute(s: &Scenario) -> Self {
        let eval = Evaluator::new(s);
        let steps = (CURVE_POINTS - 1) as f64;
        let span = (CURVE_MAX_REQUESTS / CURVE_MIN_REQUESTS).log10();
        let requests_per_month: Vec<f64> = (0..CURVE_POINTS)
            .map(|i| (CURVE_MIN_REQUESTS * 10f64.powf(span * i as f64 / steps)).round())
            .collect();
        let series = |model| -> Vec<f64> {
            requests_per_month
                .iter()
                .map(|&n| eval.total_usd(model, n))
                .collect()
        };
        let mut curves = Self {
            on_prem_usd: series(HostingModel::OnPrem),
            vm_usd: series(HostingModel::Vm),
            containers_usd: series(HostingModel::Containers),
            lambda_usd: series(HostingModel::Lambda),
            requests_per_month,
            break_evens: Vec::new(),
        };
        let mut break_evens = Vec::new();
        for (i, &a) in HostingModel::ALL.iter().enumerate() {
            for &b in HostingModel::ALL.iter().skip(i + 1) {
                curves.find_break_evens(&eval, a, b, &mut break_evens);
            }
        }
        break_evens.sort_by(|x, y| x.requests_per_month.total_cmp(&y.requests_per_month));
        curves.break_evens = break_evens;
        curves
    }

    /// The sampled totals of one model, one per entry of `requests_per_month`.
    pub fn series(&self, model: HostingModel) -> &[f64] {
        match model {
            HostingModel::OnPrem => &self.on_prem_usd,
            HostingModel::Vm => &self.vm_usd,
            HostingModel::Containers => &self.containers_usd,
            HostingModel::Lambda => &self.lambda_usd,
        }
    }

    /// Finds where `a − b` changes sign between adjacent samples and pins each point down by
    /// bisection on the model itself, not on the samples.
    fn find_break_evens(
        &self,
        eval: &Evaluator<'_>,
        a: HostingModel,
        b: HostingModel,
        out: &mut Vec<BreakEven>,
    ) {
        // The last sample where the difference was not zero: ties are skipped, not crossings.
        let mut previous: Option<(f64, f64)> = None;
        let samples = self
            .requests_per_month
            .iter()
            .zip(self.series(a).iter().zip(self.series(b)));
        for (&n, (&cost_a, &cost_b)) in samples {
            let sign = (cost_a - cost_b).signum();
            if cost_a == cost_b {
                continue;
            }
            if let Some((low, low_sign)) = previous
                && low_sign != sign
            {
                out.push(bisect(eval, (a, b), (low, n), low_sign));
            }
            previous = Some((n, sign));
        }
    }

    /// The curves as CSV: `requests_per_month,on_prem_usd,vm_usd,containers_usd,lambda_usd`, with
    /// dollars rounded half-up to the cent.
    pub fn to_csv(&self) -> String {
        let mut csv =
            String::from("requests_per_month,on_prem_usd,vm_usd,containers_usd,lambda_usd\n");
        let rows = self.requests_per_month.iter().enumerate();
        for (i, n) in rows {
            csv.push_str(&(n.max(0.0).round() as u64).to_string());
            for model in HostingModel::ALL {
                let value = self.series(model).get(i).copied().unwrap_or(f64::NAN);
                csv.push(',');
                csv.push_str(&plain_cents(cents_from_usd(value)));
            }
            csv.push('\n');
        }
        csv
    }
}

/// Bisects `[low, high]`, where `a − b` has sign `low_sign` at `low` and not at `high`, down to
/// [`BREAK_EVEN_PRECISION`], and describes the point.
fn bisect(
    eval: &Evaluator<'_>,
    (a, b): (HostingModel, HostingModel),
    (mut low, mut high): (f64, f64),
    low_sign: f64,
) -> BreakEven {
    while high - low > low * BREAK_EVEN_PRECISION {
        let mid = low + (high - low) / 2.0;
        let difference = eval.total_usd(a, mid) - eval.total_usd(b, mid);
        if difference != 0.0 && difference.signum() == low_sign {
            low = mid;
        } else {
            high = mid;
        }
    }
    let (a_low, b_low) = (eval.total_usd(a, low), eval.total_usd(b, low));
    let (a_high, b_high) = (eval.total_usd(a, high), eval.total_usd(b, high));
    let gap_low = (a_low - b_low).abs();
    let gap_high = (a_high - b_high).abs();
    // Report the side of the bracket where the two costs are closest.
    let (n, cost_a, cost_b) = if gap_low < gap_high {
        (low, a_low, b_low)
    } else {
        (high, a_high, b_high)
    };
    let scale = cost_a.abs().max(cost_b.abs());
    let (cheaper_below, cheaper_above) = if low_sign < 0.0 { (a, b) } else { (b, a) };
    BreakEven {
        requests_per_month: n,
        cheaper_below,
        cheaper_above,
        cost_usd: f64::midpoint(cost_a, cost_b),
        at_step: gap_low.min(gap_high) > STEP_GAP * scale,
    }
}

impl CostCurves {
    /// The break-even points between `a` and `b` (in either role), in increasing volume.
    pub fn break_evens_between(
        &self,
        a: HostingModel,
        b: HostingModel,
    ) -> impl Iterator<Item = &BreakEven> + '_ {
        self.break_evens.iter().filter(move |be| {
            (be.cheaper_below == a && be.cheaper_above == b)
                || (be.cheaper_below == b && be.cheaper_above == a)
        })
    }

    /// The one of `a` and `b` that is cheaper across the whole chart, when the two never swap
    /// places on it; `None` when they break even somewhere or cost the same at every sample.
    pub fn cheaper_throughout(&self, a: HostingModel, b: HostingModel) -> Option<HostingModel> {
        if self.break_evens_between(a, b).next().is_some() {
            return None;
        }
        // Without a crossing, the first sample where they differ tells which is cheaper.
        self.series(a)
            .iter()
            .zip(self.series(b))
            .find(|(cost_a, cost_b)| cost_a != cost_b)
            .map(|(cost_a, cost_b)| if cost_a < cost_b { a } else { b })
    }
}

/// Plain words for all the break-even points of one pair of models, in increasing volume: the
/// first point's sentence, and when the two swap places again (a fleet growing by whole units
/// can make them leapfrog), how many more times, up to where, and which is cheaper above that.
pub fn break_even_summary(points: &[&BreakEven]) -> Option<String> {
    let (first, last) = (points.first()?, points.last()?);
    let more = points.len() - 1;
    if more == 0 {
        return Some(first.sentence());
    }
    let last_volume = format_requests(last.requests_per_month);
    Some(format!(
        "{}; they swap places {more} more {} up to {last_volume}, and above {last_volume} {} {} \
         cheaper",
        first.sentence(),
        if more == 1 { "time" } else { "times" },
        lower_label(last.cheaper_above),
        verb(last.cheaper_above),
    ))
}

/// Plain words for a pair that never breaks even on the chart: "Serverless is cheaper than
/// on-premises at every volume on the chart (1 k to 10 B requests a month)".
pub fn cheaper_throughout_sentence(cheaper: HostingModel, other: HostingModel) -> String {
    format!(
        "{} {} cheaper than {} at every volume on the chart ({} to {} requests a month)",
        cheaper.label(),
        verb(cheaper),
        lower_label(other),
        format_requests(CURVE_MIN_REQUESTS),
        format_requests(CURVE_MAX_REQUESTS)
    )
}

/// Reads a request count typed by hand: `3000000`, `3,000,000`, `3 M`, `2.5k`, `1 B`, `1e6`.
/// Returns `None` for text that is not a non-negative count.
pub fn parse_requests(text: &str) -> Option<f64> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .collect();
    let lower = compact.to_ascii_lowercase();
    let (number, scale) = [("k", 1e3), ("m", 1e6), ("b", 1e9), ("t", 1e12)]
        .iter()
        .find_map(|(suffix, scale)| lower.strip_suffix(suffix).map(|n| (n, *scale)))
        .unwrap_or((lower.as_str(), 1.0));
    let value = number.parse::<f64>().ok()? * scale;
    (value.is_finite() && value >= 0.0).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::super::scenario::{PackageType, Runtime};
    use super::*;

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
        bills(s).lambda
    }

    fn raw(s: &Scenario, requests: f64) -> LambdaCost {
        LambdaCost::new(s, LambdaInputs::of(s), requests)
    }

    #[test]
    fn cents_round_half_up() {
        assert_eq!(cents_from_usd(0.125), 13);
        assert_eq!(cents_from_usd(0.135), 14);
        assert_eq!(cents_from_usd(12.345), 1235);
        assert_eq!(cents_from_usd(0.004_999_9), 0);
        assert_eq!(cents_from_usd(0.005), 1);
        // Stored as 2.67499999… and 1.00499999…: still half a cent in decimal.
        assert_eq!(cents_from_usd(2.675), 268);
        assert_eq!(cents_from_usd(1.005), 101);
        assert_eq!(cents_from_usd(730.0 * 0.0225), 1643);
        assert_eq!(cents_from_usd(0.124_999), 12);
        assert_eq!(cents_from_usd(-0.125), -13);
        assert_eq!(cents_from_usd(0.0), 0);
        assert_eq!(cents_from_usd(1e9 + 0.005), 100_000_000_001);
        assert_eq!(cents_from_usd(f64::NAN), 0);
    }

    #[test]
    fn formats_money_and_volumes() {
        assert_eq!(format_usd(1161.175), "$1,161.18");
        assert_eq!(format_cents(-305), "-$3.05");
        assert_eq!(format_cents(7), "$0.07");
        assert_eq!(format_usd(1_234_567.891), "$1,234,567.89");
        assert_eq!(format_requests(41e6), "41 M");
        assert_eq!(format_requests(3.2e9), "3.2 B");
        assert_eq!(format_requests(850e3), "850 k");
        assert_eq!(format_requests(999_600.0), "1 M");
        assert_eq!(format_requests(1.04e6), "1 M");
        assert_eq!(format_requests(12.0), "12");
        assert_eq!(format_requests(2.5e12), "2.5 T");
        assert_eq!(format_quantity(2_000_000.0, 0), "2,000,000");
        assert_eq!(format_quantity(0.120, 3), "0.12");
        assert_eq!(format_rate(0.2), "$0.20");
        assert_eq!(format_rate(0.000_016_666_7), "$0.0000166667");
        assert_eq!(format_rate(10_000.0), "$10,000.00");
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

    #[test]
    fn on_prem_worked_example() {
        // FACTS §5: $277.78 + $58.40 + $200.00 + $625.00 = $1,161.18.
        let mut s = Scenario::default();
        s.on_prem.min_servers = 1;
        s.workload.requests_per_month = 1000;
        let bill = bills(&s).on_prem;
        let cents: Vec<i64> = bill.lines.iter().map(|l| l.cents).collect();
        assert_eq!(cents, vec![27_778, 5_840, 20_000, 62_500]);
        assert_eq!(bill.total_cents, 116_118);
        assert_eq!(format_cents(bill.total_cents), "$1,161.18");
    }

    #[test]
    fn vm_and_container_bills() {
        let s = Scenario::default();
        let b = bills(&s);
        // 2 × $0.0416 × 730 = $60.736; ALB $16.425 → $16.43; LCUs $0.2667.
        let vm: Vec<i64> = b.vm.lines.iter().map(|l| l.cents).collect();
        assert_eq!(vm, vec![6074, 1643, 27]);
        // Fargate: 2 × 0.5 vCPU × 730 × $0.04048 = $29.5504; 2 × 1 GB × 730 × $0.004445 = $6.4897.
        let c: Vec<i64> = b.containers.lines.iter().map(|l| l.cents).collect();
        assert_eq!(c, vec![2955, 649, 1643, 27]);

        let mut s = Scenario::default();
        s.containers.launch_type = LaunchType::Ec2;
        s.containers.orchestrator = Orchestrator::Eks;
        s.containers.load_balancer = false;
        s.containers.min_tasks = 9;
        s.containers.max_tasks = 20;
        // 9 tasks at 4 a node = 3 × m5.large × $0.096 × 730 = $210.24, EKS 730 × $0.10 = $73.
        let b = bills(&s).containers;
        let c: Vec<i64> = b.lines.iter().map(|l| l.cents).collect();
        assert_eq!(c, vec![21_024, 7_300]);
        s.containers.launch_type = LaunchType::Fargate;
        s.containers.architecture = Architecture::Arm64;
        // Arm Fargate: 9 × 0.5 × 730 × $0.03238 = $106.3683; 9 × 1 × 730 × $0.00356 = $23.3892.
        let c: Vec<i64> = bills(&s).containers.lines.iter().map(|l| l.cents).collect();
        assert_eq!(c, vec![10_637, 2_339, 7_300]);

        // The group's maximum cannot carry the peak: the bill says so.
        let mut s = Scenario::default();
        s.workload.requests_per_month = 100_000_000_000;
        let vm = bills(&s).vm;
        assert_eq!(vm.lines.first().map(|l| l.cents), Some(121_472));
        assert!(
            vm.notes.iter().any(|n| n.contains("dropped")),
            "{:?}",
            vm.notes
        );
        assert!(
            !bills(&Scenario::default())
                .vm
                .notes
                .iter()
                .any(|n| n.contains("dropped"))
        );
    }

    #[test]
    fn lambda_bill_fields_match_lines_and_report_keys() {
        let mut s = Scenario::default();
        s.lambda.front_door = Some(FrontDoor::Alb);
        s.lambda.provisioned_concurrency = 5;
        s.lambda.provisioned_hours_per_month = 100.0;
        s.lambda.provisioned_requests_per_month = 1_000_000;
        s.workload.ephemeral_storage_mb = 2048;
        let bills = bills(&s);
        let l = &bills.lambda;
        assert_eq!(
            l.requests + l.compute + l.init + l.provisioned + l.ephemeral_storage + l.front_door,
            l.total
        );
        assert_eq!(bills.get(HostingModel::Lambda).total_cents, l.total);
        assert_eq!(bills.lambda_bill.lines.len(), 8);
        let keys: Vec<&str> = l.report_usd().iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "requests_usd",
                "compute_usd",
                "init_usd",
                "provisioned_usd",
                "ephemeral_storage_usd",
                "front_door_usd",
                "total_usd"
            ]
        );
        for model in HostingModel::ALL {
            assert_eq!(bills.get(model).model, model);
        }
    }

    #[test]
    fn sentences_in_plain_words() {
        let be = BreakEven {
            requests_per_month: 41.2e6,
            cheaper_below: HostingModel::Lambda,
            cheaper_above: HostingModel::Vm,
            cost_usd: 100.0,
            at_step: false,
        };
        assert_eq!(
            be.sentence(),
            "Above 41 M requests a month, virtual machines are cheaper than serverless"
        );
        assert_eq!(
            compare_sentence(HostingModel::Lambda, 37.0, HostingModel::Vm, 100.0),
            "Serverless is 63% cheaper than virtual machines here"
        );
        assert_eq!(
            compare_sentence(HostingModel::Vm, 150.0, HostingModel::Lambda, 100.0),
            "Virtual machines are 50% more expensive than serverless here"
        );
        assert_eq!(
            compare_sentence(HostingModel::OnPrem, 320.0, HostingModel::Lambda, 100.0),
            "On-premises costs 3.2 times as much as serverless here"
        );
        assert_eq!(
            compare_sentence(HostingModel::Vm, 77.44, HostingModel::Lambda, 0.0),
            "Virtual machines are $77.44 a month more expensive than serverless here"
        );
        assert_eq!(
            compare_sentence(HostingModel::Lambda, 0.0, HostingModel::Vm, 77.44),
            "Serverless is 100% cheaper than virtual machines here"
        );
        assert_eq!(
            compare_sentence(HostingModel::Lambda, 5.73, HostingModel::OnPrem, 2322.36),
            "Serverless is more than 99% cheaper than on-premises here"
        );
        assert_eq!(
            compare_sentence(HostingModel::Containers, 5.0, HostingModel::Vm, 5.001),
            "Containers and virtual machines cost the same here"
        );
    }

    #[test]
    fn curves_and_csv_cover_the_range() {
        let s = Scenario::default();
        let curves = CostCurves::compute(&s);
        assert_eq!(curves.requests_per_month.len(), CURVE_POINTS);
        assert_eq!(curves.requests_per_month.first(), Some(&CURVE_MIN_REQUESTS));
        assert_eq!(curves.requests_per_month.last(), Some(&CURVE_MAX_REQUESTS));
        for model in HostingModel::ALL {
            assert_eq!(curves.series(model).len(), CURVE_POINTS);
        }
        let csv = curves.to_csv();
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("requests_per_month,on_prem_usd,vm_usd,containers_usd,lambda_usd")
        );
        assert_eq!(lines.clone().count(), CURVE_POINTS);
        assert_eq!(lines.next(), Some("1000,2322.36,77.16,52.47,0.00"));
        // The chart agrees with the bill at the scenario's volume, up to the lines' rounding.
        let bills = bills(&s);
        for model in HostingModel::ALL {
            let unrounded = total_usd(&s, model, s.workload.requests_per_month as f64);
            assert!((unrounded - bills.get(model).total_usd()).abs() < 0.03);
        }
    }

    #[test]
    fn parse_requests_reads_short_forms() {
        assert_eq!(parse_requests("3000000"), Some(3e6));
        assert_eq!(parse_requests("3,000,000"), Some(3e6));
        assert_eq!(parse_requests("3 M"), Some(3e6));
        assert_eq!(parse_requests("2.5k"), Some(2500.0));
        assert_eq!(parse_requests("1 B"), Some(1e9));
        assert_eq!(parse_requests("1e6"), Some(1e6));
        assert_eq!(parse_requests(&format_requests(41e6)), Some(41e6));
        assert_eq!(parse_requests("-3"), None);
        assert_eq!(parse_requests("lots"), None);
        assert_eq!(parse_requests(""), None);
    }

    #[test]
    fn break_even_summaries_count_the_swaps() {
        let at = |n: f64, below, above| BreakEven {
            requests_per_month: n,
            cheaper_below: below,
            cheaper_above: above,
            cost_usd: 1.0,
            at_step: false,
        };
        let (lambda, containers) = (HostingModel::Lambda, HostingModel::Containers);
        assert_eq!(break_even_summary(&[]), None);
        let one = at(14e6, lambda, containers);
        assert_eq!(break_even_summary(&[&one]), Some(one.sentence()));
        let (a, b, d) = (
            at(786e3, lambda, containers),
            at(1.1e6, containers, lambda),
            at(1.5e6, lambda, containers),
        );
        assert_eq!(
            break_even_summary(&[&a, &b, &d]).unwrap(),
            "Above 786 k requests a month, containers are cheaper than serverless; they swap \
             places 2 more times up to 1.5 M, and above 1.5 M containers are cheaper"
        );
        assert_eq!(
            break_even_summary(&[&a, &b]).unwrap(),
            "Above 786 k requests a month, containers are cheaper than serverless; they swap \
             places 1 more time up to 1.1 M, and above 1.1 M serverless is cheaper"
        );
    }

    #[test]
    fn pairs_without_a_crossing_name_the_cheaper_model() {
        let mut s = Scenario::default();
        // Free virtual machines without a load balancer: never dearer than Lambda, and equal to
        // it only while Lambda's free tier lasts, so the two never cross.
        s.vm.hourly_usd = 0.0;
        s.vm.load_balancer = false;
        let curves = CostCurves::compute(&s);
        assert_eq!(
            curves
                .break_evens_between(HostingModel::Lambda, HostingModel::Vm)
                .count(),
            0
        );
        assert_eq!(
            curves.cheaper_throughout(HostingModel::Lambda, HostingModel::Vm),
            Some(HostingModel::Vm)
        );
        assert_eq!(
            curves.cheaper_throughout(HostingModel::Vm, HostingModel::Lambda),
            Some(HostingModel::Vm)
        );
        // The default scenario's Lambda and containers do cross.
        let default_curves = CostCurves::compute(&Scenario::default());
        let crossings: Vec<&BreakEven> = default_curves
            .break_evens_between(HostingModel::Containers, HostingModel::Lambda)
            .collect();
        assert!(!crossings.is_empty());
        assert!(crossings.iter().all(|be| {
            [be.cheaper_below, be.cheaper_above] == [HostingModel::Lambda, HostingModel::Containers]
                || [be.cheaper_below, be.cheaper_above]
                    == [HostingModel::Containers, HostingModel::Lambda]
        }));
        assert_eq!(
            default_curves.cheaper_throughout(HostingModel::Lambda, HostingModel::Containers),
            None
        );
        assert_eq!(
            cheaper_throughout_sentence(HostingModel::Lambda, HostingModel::OnPrem),
            "Serverless is cheaper than on-premises at every volume on the chart (1 k to 10 B \
             requests a month)"
        );
        assert_eq!(
            cheaper_throughout_sentence(HostingModel::Containers, HostingModel::Lambda),
            "Containers are cheaper than serverless at every volume on the chart (1 k to 10 B \
             requests a month)"
        );
    }

    #[test]
    fn default_break_evens_are_exact() {
        let s = Scenario::default();
        let curves = CostCurves::compute(&s);
        let lambda_vm = curves
            .break_evens
            .iter()
            .find(|b| {
                b.cheaper_below == HostingModel::Lambda && b.cheaper_above == HostingModel::Vm
            })
            .unwrap();
        // VMs stay at 2 instances here, so $77.16 + LCUs = Lambda's $0.20 + $3.00 per million
        // past the free tier: about 27 M requests.
        assert!(!lambda_vm.at_step);
        assert_eq!(format_requests(lambda_vm.requests_per_month), "27 M");
        assert_eq!(
            lambda_vm.sentence(),
            "Above 27 M requests a month, virtual machines are cheaper than serverless"
        );
        let n = lambda_vm.requests_per_month;
        let gap =
            |n: f64| total_usd(&s, HostingModel::Lambda, n) - total_usd(&s, HostingModel::Vm, n);
        assert!(gap(n).abs() < 0.005 * lambda_vm.cost_usd, "{}", gap(n));
        assert!(
            gap(n).abs() < 1e-3,
            "bisection to 1e-6 leaves cents: {}",
            gap(n)
        );
        assert!(gap(n * 0.9) < 0.0 && gap(n * 1.1) > 0.0);
        // Sorted by volume.
        assert!(
            curves
                .break_evens
                .windows(2)
                .all(|w| w[0].requests_per_month <= w[1].requests_per_month)
        );
    }

    #[test]
    fn step_break_even_is_the_step() {
        // VMs vs on-premises with one big VM step: the difference jumps across zero when the
        // group adds its third instance, at 2 × 140 rps = 735.84 M requests a month.
        let mut s = Scenario::default();
        s.vm.hourly_usd = 0.9;
        s.vm.load_balancer = false;
        s.on_prem.min_servers = 1;
        s.on_prem.rps_per_server = 1e6;
        // 2 VMs = $1,314, 3 VMs = $1,971; the on-premises server costs $1,161.18 + a bit.
        s.on_prem.server_price_usd = 10_000.0 + 36.0 * 300.0;
        let curves = CostCurves::compute(&s);
        let step = curves
            .break_evens
            .iter()
            .find(|b| {
                b.cheaper_above == HostingModel::OnPrem && b.cheaper_below == HostingModel::Vm
            })
            .unwrap();
        assert!(step.at_step);
        let expected = 2.0 * 140.0 * SECONDS_PER_MONTH;
        assert!(
            (step.requests_per_month / expected - 1.0).abs() < 2e-6,
            "{step:?}"
        );
    }

    /// Reproducible random scenarios, on the models' own generator.
    struct Rng(crate::model::rng::SplitMix64);

    impl Rng {
        fn next_u64(&mut self) -> u64 {
            self.0.next_u64()
        }
        fn unit(&mut self) -> f64 {
            self.0.unit()
        }
        fn range(&mut self, lo: f64, hi: f64) -> f64 {
            self.0.range(lo, hi)
        }
        fn log_range(&mut self, lo: f64, hi: f64) -> f64 {
            (lo.ln() + (hi.ln() - lo.ln()) * self.unit())
                .exp()
                .clamp(lo, hi)
        }
        fn int(&mut self, lo: u64, hi: u64) -> u64 {
            lo + self.next_u64() % (hi - lo + 1)
        }
        fn coin(&mut self) -> bool {
            self.next_u64() & 1 == 1
        }
        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            items[self.int(0, items.len() as u64 - 1) as usize]
        }
    }

    fn random_scenario(rng: &mut Rng) -> Scenario {
        let mut s = Scenario::default();
        let w = &mut s.workload;
        w.requests_per_month = if rng.int(0, 9) == 0 {
            0
        } else {
            rng.log_range(1.0, 1e11) as u64
        };
        w.avg_duration_ms = rng.log_range(1.0, 900_000.0);
        w.memory_mb = rng.int(128, 10_240) as u32;
        w.architecture = rng.pick(&Architecture::ALL);
        w.ephemeral_storage_mb = if rng.coin() {
            512
        } else {
            rng.int(512, 10_240) as u32
        };
        w.peak_to_average = rng.log_range(1.0, 1000.0);

        let l = &mut s.lambda;
        l.free_tier = rng.coin();
        l.provisioned_concurrency = if rng.coin() {
            0
        } else {
            rng.int(1, 2000) as u32
        };
        l.provisioned_hours_per_month = if rng.coin() {
            rng.range(0.0, 730.0)
        } else {
            rng.pick(&[0.0, 730.0, 1.0 / 6.0])
        };
        l.provisioned_requests_per_month = rng.int(0, w.requests_per_month);
        l.front_door = rng.pick(&[
            None,
            Some(FrontDoor::ApiGatewayHttp),
            Some(FrontDoor::ApiGatewayRest),
            Some(FrontDoor::Alb),
        ]);
        l.free_tier_with_provisioned = rng.coin();
        l.init_billed = rng.coin();
        l.cold_start_ratio = rng.coin().then(|| rng.unit());

        let cs = &mut s.cold_start;
        cs.runtime = rng.pick(&Runtime::ALL);
        cs.package_type = rng.pick(&PackageType::ALL);
        cs.extensions_init_ms = rng.range(0.0, 1000.0);
        cs.function_init_ms = rng.log_range(0.01, 130_000.0);
        cs.package_size_mb = rng.range(0.0, 250.0);
        cs.idle_reclaim_min = rng.range(5.0, 60.0);
        cs.snapstart = rng.coin();

        let vm = &mut s.vm;
        vm.hourly_usd = rng.range(0.0, 5.0);
        vm.rps_per_instance = rng.log_range(0.1, 1e5);
        vm.target_utilisation = rng.range(0.1, 1.0);
        vm.min_instances = rng.int(0, 20) as u32;
        vm.max_instances = vm.min_instances.max(1) + rng.int(0, 2000) as u32;
        vm.load_balancer = rng.coin();

        let c = &mut s.containers;
        c.orchestrator = rng.pick(&[Orchestrator::Ecs, Orchestrator::Eks]);
        c.launch_type = rng.pick(&[LaunchType::Fargate, LaunchType::Ec2]);
        c.architecture = rng.pick(&Architecture::ALL);
        c.task_vcpu = rng.range(0.25, 16.0);
        c.task_memory_gb = rng.range(0.5, 120.0);
        c.rps_per_task = rng.log_range(0.1, 1e5);
        c.target_utilisation = rng.range(0.1, 1.0);
        c.min_tasks = rng.int(0, 20) as u32;
        c.max_tasks = c.min_tasks.max(1) + rng.int(0, 5000) as u32;
        c.node_hourly_usd = rng.range(0.0, 5.0);
        c.tasks_per_node = rng.int(1, 64) as u32;
        c.load_balancer = rng.coin();

        let op = &mut s.on_prem;
        op.rps_per_server = rng.log_range(0.1, 1e5);
        op.min_servers = rng.int(1, 10) as u32;
        op.server_price_usd = rng.range(0.0, 50_000.0);
        op.amortisation_months = rng.range(1.0, 240.0);
        op.power_watts = rng.range(0.0, 2000.0);
        op.pue = rng.range(1.0, 3.0);
        op.electricity_usd_per_kwh = rng.range(0.0, 0.5);
        op.rack_units_per_server = rng.int(1, 4) as u32;
        op.colo_usd_per_u_month = rng.range(0.0, 300.0);
        op.admin_fte_per_server = rng.range(0.0, 0.2);
        op.admin_usd_per_year = rng.range(0.0, 300_000.0);
        if rng.coin() {
            s.rates.free_gb_s = rng.range(0.0, 1e6);
            s.rates.lambda_request_usd_per_million = rng.range(0.0, 1.0);
            s.rates.alb_new_connections_per_lcu = rng.log_range(0.1, 1e3);
        }
        assert_eq!(s.validate(), Ok(()), "{s:?}");
        s
    }

    const SCENARIOS: usize = 600;

    /// The whole units (instances, tasks, nodes, servers) a model runs at `n` requests a month;
    /// its cost is continuous in the volume wherever these stay the same.
    fn fleet(s: &Scenario, model: HostingModel, n: f64) -> (u32, u32) {
        let rps = n / SECONDS_PER_MONTH;
        match model {
            HostingModel::OnPrem => (sizing::on_prem_servers(s, n), 0),
            HostingModel::Vm => (sizing::vm_instances_for(s, rps), 0),
            HostingModel::Containers => {
                let tasks = sizing::tasks_for(s, rps);
                (tasks, sizing::nodes_for_tasks(s, tasks))
            }
            HostingModel::Lambda => (0, 0),
        }
    }

    #[test]
    fn random_bills_are_sane() {
        let mut rng = Rng(crate::model::rng::SplitMix64(0x5EED_C057));
        for _ in 0..SCENARIOS {
            let s = random_scenario(&mut rng);
            let b = bills(&s);
            for model in HostingModel::ALL {
                let bill = b.get(model);
                assert!(bill.lines.iter().all(|l| l.cents >= 0), "{bill:?}");
                assert_eq!(
                    bill.lines.iter().map(|l| l.cents).sum::<i64>(),
                    bill.total_cents
                );
                let unrounded = total_usd(&s, model, s.workload.requests_per_month as f64);
                assert!(unrounded.is_finite() && unrounded >= 0.0);
                // Each line rounds by at most half a cent.
                let tolerance = 0.005 * bill.lines.len() as f64 + unrounded * 1e-9;
                assert!((unrounded - bill.total_usd()).abs() <= tolerance + 1e-9);
            }
            let l = &b.lambda;
            assert_eq!(
                l.requests
                    + l.compute
                    + l.init
                    + l.provisioned
                    + l.ephemeral_storage
                    + l.front_door,
                l.total
            );
            assert_eq!(b.lambda_bill.total_cents, l.total);
        }
    }

    #[test]
    fn random_zero_volume_costs() {
        let mut rng = Rng(crate::model::rng::SplitMix64(0xDEAD_BEEF));
        for _ in 0..SCENARIOS {
            let mut s = random_scenario(&mut rng);
            s.workload.requests_per_month = 0;
            s.lambda.provisioned_requests_per_month = 0;
            let b = bills(&s);
            let pc_enabled =
                s.lambda.provisioned_concurrency > 0 && s.lambda.provisioned_hours_per_month > 0.0;
            if s.lambda.front_door != Some(FrontDoor::Alb) && !pc_enabled {
                assert_eq!(b.lambda.total, 0, "{:?}", b.lambda_bill);
            }
            if s.vm.min_instances > 0 && s.vm.hourly_usd > 0.01 {
                assert!(b.vm.total_cents > 0);
            }
            let c = &s.containers;
            let task_price = match c.launch_type {
                LaunchType::Fargate => c.task_vcpu * 0.032,
                LaunchType::Ec2 => c.node_hourly_usd,
            };
            if c.min_tasks > 0 && task_price > 0.01 {
                assert!(b.containers.total_cents > 0);
            }
            if s.on_prem.server_price_usd > 100.0 {
                assert!(b.on_prem.total_cents > 0);
            }
        }
    }

    #[test]
    fn random_curves_are_finite_and_non_decreasing() {
        let mut rng = Rng(crate::model::rng::SplitMix64(0x00C0_FFEE));
        for _ in 0..SCENARIOS {
            let s = random_scenario(&mut rng);
            let curves = CostCurves::compute(&s);
            let estimated_init = s.lambda.init_billed && s.lambda.cold_start_ratio.is_none();
            let inputs = LambdaInputs::of(&s);
            for model in HostingModel::ALL {
                let series: Vec<f64> = if model == HostingModel::Lambda && estimated_init {
                    // Fewer cold starts as traffic keeps functions warm can lower the INIT line
                    // (an assumption the app states), so check everything else.
                    curves
                        .requests_per_month
                        .iter()
                        .map(|&n| {
                            let cost = LambdaCost::new(&s, inputs, n);
                            assert!(cost.init_usd >= 0.0 && cost.init_usd.is_finite());
                            cost.total_usd() - cost.init_usd
                        })
                        .collect()
                } else {
                    curves.series(model).to_vec()
                };
                assert!(
                    series.iter().all(|c| c.is_finite() && *c >= 0.0),
                    "{model:?}"
                );
                for pair in series.windows(2) {
                    assert!(
                        pair[1] >= pair[0] - 1e-9 * pair[0].max(1.0),
                        "{model:?} falls from {} to {}: {s:?}",
                        pair[0],
                        pair[1]
                    );
                }
            }
        }
    }

    #[test]
    fn random_break_evens_are_real_crossings() {
        let mut rng = Rng(crate::model::rng::SplitMix64(0xB8EA_4E7E));
        let mut isolated_checked = 0;
        for _ in 0..SCENARIOS {
            let s = random_scenario(&mut rng);
            let curves = CostCurves::compute(&s);
            for be in &curves.break_evens {
                let (low, high) = (be.cheaper_below, be.cheaper_above);
                // Positive where `cheaper_above` is cheaper.
                let advantage = |n: f64| total_usd(&s, low, n) - total_usd(&s, high, n);
                let n = be.requests_per_month;
                assert!((CURVE_MIN_REQUESTS..=CURVE_MAX_REQUESTS).contains(&n));
                assert!(advantage(n * (1.0 - 2e-6)) <= 0.0, "{be:?}");
                assert!(advantage(n * (1.0 + 2e-6)) >= 0.0, "{be:?}");
                let gap = advantage(n).abs();
                let scale = total_usd(&s, low, n).max(total_usd(&s, high, n));
                if be.at_step {
                    // A step is real: one of the two models jumps by about the gap here.
                    let jump = |m: HostingModel| {
                        (total_usd(&s, m, n * (1.0 + 2e-6)) - total_usd(&s, m, n * (1.0 - 2e-6)))
                            .abs()
                    };
                    assert!(jump(low).max(jump(high)) >= gap, "{be:?}");
                } else {
                    assert!(gap <= STEP_GAP * scale, "{be:?}");
                    // A crossing leaves the two costs within 0.5% of each other.
                    assert!(gap <= 0.005 * scale, "{be:?}");
                    let others_near = curves.break_evens.iter().any(|o| {
                        !std::ptr::eq(o, be)
                            && [o.cheaper_below, o.cheaper_above].contains(&low)
                            && [o.cheaper_below, o.cheaper_above].contains(&high)
                            && (o.requests_per_month / n).ln().abs() < 1.25_f64.ln()
                    });
                    let steps_near = [0.9, 1.1]
                        .map(|f| (fleet(&s, low, n * f), fleet(&s, high, n * f)))
                        .windows(2)
                        .any(|w| w[0] != w[1]);
                    if !others_near && !steps_near && n * 1.1 <= CURVE_MAX_REQUESTS {
                        isolated_checked += 1;
                        assert!(advantage(n * 0.9) < 0.0, "{be:?}");
                        assert!(advantage(n * 1.1) > 0.0, "{be:?}");
                    }
                }
            }
        }
        assert!(isolated_checked > 100, "{isolated_checked}");
    }
}
