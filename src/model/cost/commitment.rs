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
