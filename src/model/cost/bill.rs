//! The bill types: one line item (its label, its arithmetic in words and its amount in whole
//! cents) and one hosting model's monthly bill, whose total is the sum of its rounded lines.

use serde::Serialize;

use super::money::{cents_from_usd, usd};
use crate::model::scenario::HostingModel;

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
    pub(super) fn new(label: &str, detail: String, amount_usd: f64) -> Self {
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
    pub(super) fn new(
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
