//! Unrounded monthly totals, the values the cost chart draws and the break-even search compares:
//! each model's cost at any volume, with the parts that do not depend on the volume worked out
//! once.

use super::fleets::{ContainerCost, VmCost};
use super::lambda::{LambdaCost, LambdaInputs};
use super::on_prem::OnPremCost;
use crate::model::scenario::{HostingModel, Scenario};

/// Evaluates unrounded monthly totals quickly, with the volume-independent parts worked out once.
pub(super) struct Evaluator<'a> {
    s: &'a Scenario,
    lambda: LambdaInputs,
}

impl<'a> Evaluator<'a> {
    pub(super) fn new(s: &'a Scenario) -> Self {
        Self {
            s,
            lambda: LambdaInputs::of(s),
        }
    }

    pub(super) fn total_usd(&self, model: HostingModel, requests: f64) -> f64 {
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
