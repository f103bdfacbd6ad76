//! Results derived from the scenario (bills, curves, simulations). Computed when the scenario
//! changes, never in a frame: the window asks its [`worker::Worker`] for them on a thread of their
//! own, the headless `report` and `export` commands call [`Derived::compute`] directly. Frames
//! only draw the results.

pub mod worker;

use crate::model::cold_start::ColdStartRun;
use crate::model::cost::{self, Bills, CostCurves};
use crate::model::scaling::ScalingRun;
use crate::model::scenario::{Runtime, Scenario};

/// What results are computed from: the scenario, and what a view asks for beyond it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inputs {
    /// The scenario every view is computed from.
    pub scenario: Scenario,
    /// A second runtime the cold-start view compares with, if any (never the scenario's own).
    pub compare: Option<Runtime>,
}

impl Inputs {
    /// The inputs of a scenario alone.
    pub fn of(scenario: Scenario) -> Self {
        Self {
            scenario,
            compare: None,
        }
    }
}

/// The scenario's cold starts simulated with another runtime, all else equal.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The other runtime.
    pub runtime: Runtime,
    /// Its run.
    pub run: ColdStartRun,
}

/// Everything the views draw that is computed from the scenario.
#[derive(Clone, Debug)]
pub struct Derived {
    /// The monthly bill of every model at the scenario's volume.
    pub bills: Bills,
    /// Monthly cost of every model over volume, with break-even points.
    pub curves: CostCurves,
    /// The traffic timeline played through all four models.
    pub scaling: ScalingRun,
    /// Environments, phases and latency of the scenario's traffic on Lambda.
    pub cold_start: ColdStartRun,
    /// The cold starts of the runtime the cold-start view compares with, when it asks for one.
    pub comparison: Option<Comparison>,
}

impl Derived {
    /// Computes every result for a scenario.
    pub fn compute(scenario: &Scenario) -> Self {
        Self::compute_inputs(&Inputs::of(scenario.clone()))
    }

    /// Computes every result for `inputs`.
    pub fn compute_inputs(inputs: &Inputs) -> Self {
        Self::update(None, inputs)
    }

    /// Computes the results for `inputs`, reusing from `previous` (the results of other inputs)
    /// every part whose own inputs did not change: a price edit re-prices the bills, curves and
    /// the scaling run's running costs, but simulates nothing again. The parts that still need
    /// simulating run side by side on two threads.
    pub fn update(previous: Option<(&Inputs, &Self)>, inputs: &Inputs) -> Self {
        let s = &inputs.scenario;
        let reuse_scaling = previous
            .filter(|(before, _)| parts::same_for_scaling(&before.scenario, s))
            .map(|(_, derived)| &derived.scaling);
        let reuse_cold_start = previous
            .filter(|(before, _)| parts::same_for_cold_start(&before.scenario, s))
            .map(|(_, derived)| &derived.cold_start);
        let reuse_comparison = previous
            .filter(|(before, _)| {
                before.compare == inputs.compare && parts::same_for_cold_start(&before.scenario, s)
            })
            .map(|(_, derived)| derived.comparison.clone());

        let cold_starts = || {
            let cold_start = reuse_cold_start
                .cloned()
                .unwrap_or_else(|| ColdStartRun::simulate(s));
            let comparison = reuse_comparison.clone().unwrap_or_else(|| {
                inputs
                    .compare
                    .filter(|&runtime| runtime != s.cold_start.runtime)
                    .map(|runtime| Comparison {
                        runtime,
                        run: ColdStartRun::simulate_with_runtime(s, runtime),
                    })
            });
            (cold_start, comparison)
        };
        let scaling = || match reuse_scaling {
            Some(run) => run.clone(),
            None => ScalingRun::simulate(s),
        };
        let needs_both = reuse_scaling.is_none() && reuse_cold_start.is_none();
        let (scaling, (cold_start, comparison)) = if needs_both {
            std::thread::scope(|scope| {
                let other = scope.spawn(cold_starts);
                let scaling = scaling();
                // A panic on the other thread is the model's bug; simulating again here shows it
                // where it happens instead of hiding the results.
                let cold = other.join().unwrap_or_else(|_| cold_starts());
                (scaling, cold)
            })
        } else {
            (scaling(), cold_starts())
        };
        Self {
            bills: cost::bills(s),
            curves: CostCurves::compute(s),
            scaling,
            cold_start,
            comparison,
        }
    }
}

/// Which scenario fields each simulated part reads, as comparisons of two scenarios.
mod parts {
    use crate::model::scenario::Scenario;

    /// The scenario with the fields no simulation reads set to their defaults: its name and
    /// description, which only label things.
    fn without_labels(s: &Scenario) -> Scenario {
        Scenario {
            name: String::new(),
            description: String::new(),
            ..s.clone()
        }
    }

    /// Whether the scaling simulation of `a` and `b` is the same.
    pub(super) fn same_for_scaling(a: &Scenario, b: &Scenario) -> bool {
        without_labels(a) == without_labels(b)
    }

    /// Whether the cold-start simulation of `a` and `b` is the same.
    pub(super) fn same_for_cold_start(a: &Scenario, b: &Scenario) -> bool {
        without_labels(a) == without_labels(b)
    }
}
