//! Results derived from the scenario (bills, curves, simulations). Computed once when the scenario
//! changes; frames only draw them.

use crate::model::cold_start::ColdStartRun;
use crate::model::cost::{self, Bills, CostCurves};
use crate::model::scaling::ScalingRun;
use crate::model::scenario::Scenario;

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
}

impl Derived {
    /// Computes every result for a scenario.
    pub fn compute(scenario: &Scenario) -> Self {
        Self {
            bills: cost::bills(scenario),
            curves: CostCurves::compute(scenario),
            scaling: ScalingRun::simulate(scenario),
            cold_start: ColdStartRun::simulate(scenario),
        }
    }
}
