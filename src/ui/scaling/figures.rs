//! The run's figures and sentences (`RunStats`: peaks, the summary's rows, each model's story),
//! computed when the scenario changes, and what else frames reuse (`ViewCache`, the key the
//! chart's shapes were built for).

use std::fmt::Write as _;

use egui::{Rect, Shape};

use crate::model::format::clock;
use crate::model::scaling::{self, PerModel, ScalingRun, Shortfall};
use crate::model::scenario::{HostingModel, Scenario, Trigger};
use crate::ui::theme::ThemeKind;

use super::format::{duration, group, money, percent, unit_name};
use super::units::peak_units;

/// What the view keeps between frames so that a frame only draws: figures of the run, computed
/// when the scenario changes, and the chart's shapes, rebuilt when the run, the chart's size,
/// the theme or the highlighted model change.
#[derive(Clone, Debug, Default)]
pub(super) struct ViewCache {
    /// The scenario the figures were computed for.
    scenario: Option<Scenario>,
    /// The `Derived::id` of the results the figures are of.
    derived_id: u64,
    /// Counts scenario changes, so shapes built for an older run are rebuilt.
    pub(super) version: u64,
    pub(super) stats: RunStats,
    pub(super) chart_key: Option<ChartKey>,
    pub(super) chart_shapes: Vec<Shape>,
    /// The same for the chart of work waiting.
    pub(super) waiting_key: Option<ChartKey>,
    pub(super) waiting_shapes: Vec<Shape>,
}

impl ViewCache {
    /// Recomputes the figures if the scenario or the results (`derived_id`, see `Derived::id`)
    /// changed: in the window a run arrives from the worker after its scenario was set.
    pub(super) fn refresh(&mut self, scenario: &Scenario, run: &ScalingRun, derived_id: u64) {
        if self.derived_id == derived_id && self.scenario.as_ref() == Some(scenario) {
            return;
        }
        self.derived_id = derived_id;
        self.scenario = Some(scenario.clone());
        self.version += 1;
        self.stats = RunStats::of(scenario, run);
        self.chart_key = None;
        self.chart_shapes.clear();
        self.waiting_key = None;
        self.waiting_shapes.clear();
    }
}

/// Figures of the run that every frame needs.
#[derive(Clone, Debug, Default)]
pub(super) struct RunStats {
    /// Top of the chart: the most demand or capacity of any model, requests per second.
    pub(super) max_rps: f64,
    /// The most demand, requests per second (it sets how many dots a lane shows).
    pub(super) peak_demand_rps: f64,
    /// The most units each lane ever needs (it sets what a square stands for).
    pub(super) peak_units: PerModel<f64>,
    /// The summary table's figures.
    pub(super) summary: PerModel<SummaryRow>,
    /// The summary's plain sentences.
    pub(super) stories: PerModel<String>,
    /// What invokes the function: whether work waits, and what traffic counts.
    pub(super) trigger: Trigger,
    /// The most work waiting in any model at any sample (0 for HTTP).
    pub(super) max_backlog: f64,
    /// Requests per second one Lambda environment serves: the trigger's ceiling on
    /// environments times this is its ceiling on the chart.
    pub(super) lambda_unit_rps: f64,
}

impl RunStats {
    pub(super) fn of(scenario: &Scenario, run: &ScalingRun) -> Self {
        let max_rps = HostingModel::ALL
            .into_iter()
            .flat_map(|m| run.model(m).samples.iter())
            .map(|x| x.demand_rps.max(x.capacity_rps))
            .fold(1.0, f64::max);
        let peak_demand_rps = run
            .model(HostingModel::Lambda)
            .samples
            .iter()
            .map(|x| x.demand_rps)
            .fold(0.0, f64::max);
        let trigger = scenario.workload.trigger;
        let max_backlog = HostingModel::ALL
            .into_iter()
            .map(|m| run.model(m).summary.backlog_peak)
            .fold(0.0, f64::max);
        Self {
            trigger,
            max_backlog,
            lambda_unit_rps: scaling::rps_per_unit(scenario, HostingModel::Lambda),
            max_rps,
            peak_demand_rps,
            peak_units: run.models.map(|model, m| {
                peak_units(
                    &m.samples,
                    scaling::rps_per_unit(scenario, model).max(f64::MIN_POSITIVE),
                )
            }),
            summary: run.models.map(|model, m| {
                SummaryRow::of(
                    &m.summary,
                    run.shortfall(model),
                    peak_capacity_rps(&m.samples),
                    trigger,
                )
            }),
            stories: run.models.map(|model, _| story(model, scenario, run)),
        }
    }
}

/// A model's row of the summary table, in words: served, dropped, peak capacity, catch-up time
/// and cost, as [`SUMMARY_COLUMNS`] title them after the model's name (the units of the request
/// counts are in their titles).
#[derive(Clone, Debug, Default)]
pub(super) struct SummaryRow {
    pub(super) cells: [String; 5],
    /// Whether any request was dropped (the dropped figure is then in red).
    pub(super) dropped_any: bool,
    /// What invokes the function: what traffic counts, and whether work waits (the second cell
    /// is then the longest wait).
    pub(super) trigger: Trigger,
}

impl SummaryRow {
    /// The row of a model whose capacity peaked at `peak_rps`. The peak is in requests per
    /// second, the unit the lanes and the chart show capacity in, so one set of servers never
    /// reads as two numbers ("300 / 300 rps" in a lane, "120 at once" here).
    /// Under a trigger that keeps work the second cell is the longest wait instead of the
    /// dropped requests (with the expired events, if any).
    pub(super) fn of(
        summary: &scaling::ModelSummary,
        shortfall: Shortfall,
        peak_rps: f64,
        trigger: Trigger,
    ) -> Self {
        let second = if trigger.keeps_work() {
            let wait = if summary.max_wait_s >= 0.5 {
                duration(summary.max_wait_s)
            } else {
                "none".to_owned()
            };
            if summary.expired_requests >= 0.5 {
                format!("{wait}; {} expired", group(summary.expired_requests))
            } else {
                wait
            }
        } else {
            group(summary.dropped_requests)
        };
        Self {
            cells: [
                group(summary.served_requests),
                second,
                format!("{} rps", group(peak_rps)),
                catch_up_text(shortfall),
                money(summary.cost_usd),
            ],
            dropped_any: summary.dropped_requests >= 0.5,
            trigger,
        }
    }

    /// The row as a screen reader says it.
    pub(super) fn spoken(&self, model: HostingModel) -> String {
        let [served, second, peak, catch_up, cost] = &self.cells;
        let noun = self.trigger.work_noun();
        let second = if self.trigger.keeps_work() {
            format!("longest wait {second}")
        } else {
            format!("dropped {second} {noun}")
        };
        format!(
            "{}: served {served} {noun}, {second}, peak capacity {peak}, {catch_up}, cost {cost}",
            model.label()
        )
    }
}

/// The most requests per second a model could serve at any sample, as its lane shows capacity
/// (and capped as the lane caps it).
pub(super) fn peak_capacity_rps(samples: &[scaling::Sample]) -> f64 {
    samples
        .iter()
        .map(|x| x.capacity_rps.min(1e12))
        .fold(0.0, f64::max)
}

/// What the chart's cached shapes were built for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ChartKey {
    pub(super) version: u64,
    pub(super) plot: Rect,
    pub(super) theme: ThemeKind,
    pub(super) focus: Option<HostingModel>,
}

/// The catch-up column in words.
pub(super) fn catch_up_text(shortfall: Shortfall) -> String {
    match shortfall {
        Shortfall::Never => "never fell short".to_owned(),
        Shortfall::CaughtUp { after_s } => format!("caught up in {}", duration(after_s)),
        Shortfall::UntilDemandFell { after_s } => {
            format!("short {} until demand fell", duration(after_s))
        }
        Shortfall::ToTheEnd { after_s } => format!("still short after {}", duration(after_s)),
    }
}

/// One plain sentence of what happened to a model over the timeline.
pub(super) fn story(model: HostingModel, scenario: &Scenario, run: &ScalingRun) -> String {
    if scenario.workload.trigger.keeps_work() {
        return story_of_waiting_work(model, scenario, run);
    }
    let summary = &run.model(model).summary;
    let growth = run.growth(model);
    let shortfall = run.shortfall(model);
    let offered = summary.offered_requests.max(f64::MIN_POSITIVE);
    let dropped = format!(
        "{} requests dropped ({})",
        group(summary.dropped_requests),
        percent(summary.dropped_requests / offered)
    );
    let added = growth.peak_units - growth.start_units;
    let label = model.label();
    let kept = format!(
        "{label} kept {} {}",
        group(growth.start_units),
        unit_name(model, growth.start_units > 1.0)
    );
    let grew = growth.first_added_s.filter(|_| added >= 0.5).map(|from_s| {
        format!(
            "{label} added {} {} in {}",
            group(added),
            unit_name(model, added > 1.0),
            duration(growth.peak_s - from_s)
        )
    });
    match model {
        HostingModel::OnPrem => {
            if shortfall == Shortfall::Never {
                format!(
                    "{kept}: they covered every request, and {} of what they could serve sat \
                     idle, paid for anyway",
                    percent(summary.idle_capacity_share)
                )
            } else {
                format!(
                    "{kept} and shed the rest: {dropped}; another server takes {} days to arrive",
                    group(scenario.on_prem.procurement_days)
                )
            }
        }
        HostingModel::Vm | HostingModel::Containers => {
            let (max, chores) = if model == HostingModel::Vm {
                (
                    f64::from(scenario.vm.max_instances),
                    "you chose the instance size, the limits and the scaling policy",
                )
            } else {
                (
                    f64::from(scenario.containers.max_tasks),
                    "you chose the task size, the limits and the scaling policy",
                )
            };
            let growth_text = match (grew, growth.first_added_s) {
                (Some(grew), Some(from_s)) => {
                    format!(
                        "{grew}, from {} when its scaling policy reacted",
                        clock(from_s)
                    )
                }
                _ => kept,
            };
            let capped = if growth.peak_units >= max && added >= 0.5 {
                format!(", capped at its maximum of {}", group(max))
            } else {
                String::new()
            };
            let outcome = match shortfall {
                Shortfall::Never => "it never fell short".to_owned(),
                Shortfall::CaughtUp { after_s } => {
                    format!("short of demand for {}: {dropped}", duration(after_s))
                }
                Shortfall::UntilDemandFell { .. } => format!("short until demand fell: {dropped}"),
                Shortfall::ToTheEnd { .. } => format!("still short at the end: {dropped}"),
            };
            format!("{growth_text}{capped}; {outcome}; {chores}")
        }
        HostingModel::Lambda => {
            let growth_text = grew.unwrap_or(kept);
            if shortfall == Shortfall::Never {
                format!("{growth_text}; nothing to do on your part")
            } else {
                let lambda = &scenario.lambda;
                let limit = lambda
                    .reserved_concurrency
                    .map_or(lambda.account_concurrency_limit, |reserved| {
                        reserved.min(lambda.account_concurrency_limit)
                    });
                format!(
                    "{growth_text}, but was throttled at times (concurrency limit {}, scaling \
                     rate): {dropped}; ask AWS to raise the quota, or keep environments ready \
                     with provisioned concurrency",
                    group(f64::from(limit))
                )
            }
        }
    }
}

/// What became of the work a model could not serve at once, under a trigger that keeps it:
/// "served every batch, the most delayed one 1 min 40 s late".
pub(super) fn waited_text(summary: &scaling::ModelSummary, trigger: Trigger) -> String {
    let one = trigger.work_noun_one();
    let many = trigger.work_noun();
    if summary.backlog_peak < 0.5 {
        return format!("served every {one} as it arrived");
    }
    let mut text = if summary.waiting_at_end >= 0.5 {
        format!(
            "{} {many} still waiting at the end, the oldest for {}",
            group(summary.waiting_at_end),
            duration(summary.max_wait_s)
        )
    } else {
        format!(
            "served every {one}, the most delayed one {} late",
            duration(summary.max_wait_s)
        )
    };
    if summary.expired_requests >= 0.5 {
        let _ = write!(
            text,
            "; {} {many} expired after waiting 6 hours",
            group(summary.expired_requests)
        );
    }
    text
}

/// What the trigger does to Lambda's concurrency, in words; empty when it sets no ceiling.
fn lambda_ceiling_text(trigger: Trigger) -> String {
    match trigger {
        Trigger::Http | Trigger::Async => String::new(),
        Trigger::Queue { max_concurrency } => format!(
            "; its SQS mapping started at 5 batches at once and added up to 300 a minute while \
             messages waited, up to {}",
            max_concurrency.map_or_else(
                || "1,000".to_owned(),
                |max| format!("its maximum concurrency of {}", group(f64::from(max)))
            )
        ),
        Trigger::Stream {
            shards,
            parallelization,
        } => format!(
            "; it ran at most {} batches at once, the stream's {} shards × {} per shard, \
             however high the traffic",
            group(f64::from(shards.saturating_mul(parallelization))),
            group(f64::from(shards)),
            parallelization
        ),
    }
}

/// A model's sentence under a trigger that keeps work: the work waits instead of being dropped.
fn story_of_waiting_work(model: HostingModel, scenario: &Scenario, run: &ScalingRun) -> String {
    let trigger = scenario.workload.trigger;
    let summary = &run.model(model).summary;
    let growth = run.growth(model);
    let added = growth.peak_units - growth.start_units;
    let label = model.label();
    let units = |n: f64| format!("{} {}", group(n), unit_name(model, n > 1.0));
    let grew = growth.first_added_s.filter(|_| added >= 0.5).map_or_else(
        || format!("{label} kept {}", units(growth.start_units)),
        |from_s| {
            format!(
                "{label} added {} in {}",
                units(added),
                duration(growth.peak_s - from_s)
            )
        },
    );
    let waited = waited_text(summary, trigger);
    match model {
        HostingModel::OnPrem => format!(
            "{label} kept {}: they {waited}; another server takes {} days to arrive",
            units(growth.start_units),
            group(scenario.on_prem.procurement_days)
        ),
        HostingModel::Vm | HostingModel::Containers => format!(
            "{grew}, {} and its policy sizing the fleet for what waits; it {waited}",
            if matches!(trigger, Trigger::Stream { .. }) {
                "its workers reading the stream one batch per shard at a time"
            } else {
                "its workers polling the queue"
            }
        ),
        HostingModel::Lambda => {
            format!("{grew}{}; it {waited}", lambda_ceiling_text(trigger))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// In the window the run arrives from the worker after its scenario was set: new results of
    /// the same scenario must refresh the figures, the same results must not.
    #[test]
    fn new_results_of_the_same_scenario_refresh_the_figures() {
        let s = Scenario::default();
        let run = ScalingRun::simulate(&s);
        let mut cache = ViewCache::default();
        cache.refresh(&s, &ScalingRun::default(), 1);
        let stale = cache.version;
        cache.refresh(&s, &run, 1);
        assert_eq!(cache.version, stale);
        cache.refresh(&s, &run, 2);
        assert_eq!(cache.version, stale + 1);
        let fresh = RunStats::of(&s, &run);
        assert_eq!(format!("{:?}", cache.stats), format!("{fresh:?}"));
    }

    /// One unit per number: the table's peak capacity is the lanes' highest capacity, in the
    /// lanes' unit (requests per second), for every model.
    #[test]
    fn peak_capacity_is_in_the_lanes_unit() {
        let s = Scenario::default();
        let run = ScalingRun::simulate(&s);
        let stats = RunStats::of(&s, &run);
        for model in HostingModel::ALL {
            let lane_peak = run
                .model(model)
                .samples
                .iter()
                .map(|x| x.capacity_rps.min(1e12))
                .fold(0.0, f64::max);
            let cell = &stats.summary.get(model).cells[2];
            assert_eq!(cell, &format!("{} rps", group(lane_peak)), "{model:?}");
        }
    }
}
