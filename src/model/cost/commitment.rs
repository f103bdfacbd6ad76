//! What a fleet pays under its purchase option: on demand, a Savings Plan whose hourly commitment is
//! paid whether or not it is used, or Spot. One unit is an instance, a task or a node; the fleet
//! runs its units all month (the cost model sizes fleets for the month's average).

use std::fmt::Write as _;

use super::bill::LineItem;
use super::money::{format_quantity, format_rate};
use crate::model::scenario::{CommitTo, HOURS_PER_MONTH, Purchase};

/// The label of every model's commitment line.
pub const LABEL_COMMITMENT: &str = "Savings Plan commitment";

/// A fleet's units and what one costs under its purchase option.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct FleetPurchase {
    pub(super) purchase: Purchase,
    /// Units running all month.
    pub(super) used: u32,
    /// Units the Savings Plan's commitment pays for (0 unless a plan).
    pub(super) committed: u32,
    /// One unit on demand, USD per hour.
    pub(super) on_demand_hourly: f64,
    /// One unit under the purchase option, USD per hour.
    pub(super) hourly: f64,
}

impl FleetPurchase {
    /// `used` units bought as `purchase`; `committed_for` sizes a plan's commitment in units, and
    /// `hourly` is the option's price of one unit (`None` when the rates lack it: priced on demand).
    pub(super) fn new(
        purchase: Purchase,
        used: u32,
        committed_for: impl Fn() -> u32,
        on_demand_hourly: f64,
        hourly: Option<f64>,
    ) -> Self {
        // On demand the fleet's own price counts, which may differ from the price list's.
        let hourly = match purchase {
            Purchase::OnDemand => on_demand_hourly,
            _ => hourly.unwrap_or(on_demand_hourly),
        };
        Self {
            purchase,
            used,
            committed: if purchase.term().is_some() {
                committed_for()
            } else {
                0
            },
            on_demand_hourly,
            hourly,
        }
    }

    /// The commitment for the month, USD: committed units at the plan's rate for 730 hours.
    pub(super) fn commitment_usd(&self) -> f64 {
        f64::from(self.committed) * self.hourly * HOURS_PER_MONTH
    }

    /// Units billed by the hour: those beyond the plan, or all of them without one.
    pub(super) fn billed_units(&self) -> u32 {
        self.used.saturating_sub(self.committed)
    }

    /// The price of one unit billed by the hour (on demand beyond a plan, or the Spot price).
    pub(super) fn billed_hourly(&self) -> f64 {
        if self.purchase.term().is_some() {
            self.on_demand_hourly
        } else {
            self.hourly
        }
    }

    /// Units paid for by the commitment and not running.
    pub(super) fn unused_units(&self) -> u32 {
        self.committed.saturating_sub(self.used)
    }

    /// The commitment line, when there is a plan.
    pub(super) fn commitment_line(&self, unit: &str, plan: &str) -> Option<LineItem> {
        self.purchase.term()?;
        Some(LineItem::new(
            LABEL_COMMITMENT,
            format!(
                "{} × {unit} at {} per hour ({plan}, no upfront) × {} hours, paid whether used \
                 or not",
                self.committed,
                format_rate(self.hourly),
                format_quantity(HOURS_PER_MONTH, 0)
            ),
            self.commitment_usd(),
        ))
    }

    /// A note on how the commitment was sized and how much of it runs, when there is a plan.
    pub(super) fn commitment_note(&self, commit_to: CommitTo, units: &str) -> Option<String> {
        self.purchase.term()?;
        let mut note = format!(
            "The commitment is sized to {}: {} {units}. {} run",
            commit_to.label(),
            self.committed,
            self.used
        );
        if self.unused_units() > 0 {
            let _ = write!(
                note,
                ", so {} {units} are paid for and idle: {} of the commitment buys nothing.",
                self.unused_units(),
                super::money::format_usd(
                    f64::from(self.unused_units()) * self.hourly * HOURS_PER_MONTH
                )
            );
        } else if self.billed_units() > 0 {
            let _ = write!(
                note,
                "; the {} beyond it are billed on demand.",
                self.billed_units()
            );
        } else {
            note.push_str(", all covered by the plan.");
        }
        Some(note)
    }
}

/// The Spot warning every Spot bill and the scaling view carry.
pub const SPOT_WARNING: &str = "Spot capacity can be taken back with two minutes' notice when AWS \
     needs it; the Spot price moves with demand, and the one here is a typical level.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cost::{Bill, bills};
    use crate::model::scenario::{LaunchType, SavingsPlanKind, Scenario, Term};

    /// "Steady high throughput": a fleet that runs the same all month.
    fn steady() -> Scenario {
        crate::presets::built_in("steady-high-throughput")
            .map(|(_, s)| s)
            .expect("the steady preset is built in")
    }

    fn line<'a>(bill: &'a Bill, label: &str) -> Option<&'a crate::model::cost::LineItem> {
        bill.lines.iter().find(|l| l.label == label)
    }

    #[test]
    fn a_longer_commitment_costs_less_and_spot_least_for_a_steady_fleet() {
        for kind in SavingsPlanKind::ALL {
            let total = |purchase| {
                let mut s = steady();
                s.vm.purchase = purchase;
                s.vm.savings_plan_kind = kind;
                bills(&s).vm.total_cents
            };
            let on_demand = total(Purchase::OnDemand);
            let one = total(Purchase::SavingsPlan1y);
            let three = total(Purchase::SavingsPlan3y);
            assert!(
                three < one && one < on_demand,
                "{kind:?}: {three} {one} {on_demand}"
            );
            assert!(total(Purchase::Spot) < on_demand);
        }
        for launch_type in [LaunchType::Fargate, LaunchType::Ec2] {
            let total = |purchase| {
                let mut s = steady();
                s.containers.launch_type = launch_type;
                s.containers.node_instance_type = "m7g.large".to_owned();
                s.containers.node_hourly_usd = 0.0816;
                s.containers.purchase = purchase;
                bills(&s).containers.total_cents
            };
            let on_demand = total(Purchase::OnDemand);
            let one = total(Purchase::SavingsPlan1y);
            let three = total(Purchase::SavingsPlan3y);
            assert!(three < one && one < on_demand, "{launch_type:?}");
            assert!(total(Purchase::Spot) < on_demand, "{launch_type:?}");
        }
    }

    #[test]
    fn a_plan_sized_to_the_average_covers_the_fleet_at_the_plan_rate() {
        let mut s = steady();
        s.vm.purchase = Purchase::SavingsPlan3y;
        let vm = bills(&s).vm;
        // 8 × m7g.large × $0.0353 × 730 hours = $206.152, and no instance billed on demand.
        assert_eq!(line(&vm, LABEL_COMMITMENT).map(|l| l.cents), Some(20_615));
        assert!(
            vm.lines
                .iter()
                .all(|l| !l.label.starts_with("EC2 instances"))
        );
        assert!(
            vm.notes
                .iter()
                .any(|n| n.contains("all covered by the plan"))
        );
    }

    #[test]
    fn an_oversized_plan_is_paid_for_and_idle() {
        let mut s = steady();
        s.workload.peak_to_average = 3.0;
        s.vm.purchase = Purchase::SavingsPlan1y;
        s.vm.commit_to = CommitTo::Average;
        let fitted = bills(&s).vm;
        s.vm.commit_to = CommitTo::Peak;
        let oversized = bills(&s).vm;
        // 8 instances run; the peak wants 22: 14 are paid for and idle.
        assert!(oversized.total_cents > fitted.total_cents);
        let commitment = line(&oversized, LABEL_COMMITMENT).map_or(0, |l| l.cents);
        // 22 × $0.0514 × 730 = $825.48.
        assert_eq!(commitment, 82_548);
        assert!(
            oversized
                .notes
                .iter()
                .any(|n| n.contains("14 instances are paid for and idle")),
            "{:?}",
            oversized.notes
        );
        // Sized to the minimum, the rest runs on demand.
        s.vm.commit_to = CommitTo::Minimum;
        let floor = bills(&s).vm;
        assert!(line(&floor, "EC2 instances beyond the plan").is_some());
        assert!(floor.total_cents > fitted.total_cents);
    }

    #[test]
    fn lambdas_plan_discounts_duration_not_requests() {
        let mut s = steady();
        let on_demand = bills(&s).lambda;
        s.lambda.savings_plan = Some(Term::ThreeYear);
        let planned = bills(&s).lambda;
        assert_eq!(planned.requests, on_demand.requests);
        assert_eq!(planned.compute, on_demand.compute);
        // 17% off the $1,746.68 of duration: $296.94 less.
        assert_eq!(on_demand.total - planned.total, 29_694);
        assert_eq!(planned.savings_plan, -29_694);
        // Sized to the busiest hour (1.2× the average), the plan wastes what it cannot use.
        s.lambda.commit_to = CommitTo::Peak;
        let peak = bills(&s);
        assert!(peak.lambda.total > planned.total);
        assert!(
            peak.lambda_bill
                .notes
                .iter()
                .any(|n| n.contains("buys nothing")),
            "{:?}",
            peak.lambda_bill.notes
        );
    }

    #[test]
    fn spot_is_priced_from_the_instance_list_and_warned_about() {
        let mut s = Scenario::default();
        s.vm.purchase = Purchase::Spot;
        let vm = bills(&s).vm;
        // 2 × t3.medium × $0.0125 × 730 = $18.25.
        assert_eq!(
            line(&vm, "EC2 Spot instances").map(|l| l.cents),
            Some(1_825)
        );
        assert!(vm.notes.iter().any(|n| n == SPOT_WARNING));
        s.containers.purchase = Purchase::Spot;
        let c = bills(&s).containers;
        // Fargate Spot: 70% off 2 × 0.5 vCPU × 730 × $0.04048 = $8.865.
        assert_eq!(line(&c, "Fargate Spot vCPU").map(|l| l.cents), Some(887));
    }
}
