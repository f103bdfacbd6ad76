//! Tiered prices: what a quantity costs through cumulative price bands (Lambda duration, API
//! Gateway requests), and the same in plain words for a bill line.

use super::money::{format_quantity, format_rate};
use crate::model::scenario::Tier;

/// The price of `quantity` through cumulative tiers. The last tier is treated as unbounded even if
/// it names a bound, so usage is never free by accident.
pub(super) fn tiered_usd(quantity: f64, tiers: &[Tier]) -> f64 {
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
pub(super) fn tier_words(
    quantity: f64,
    tiers: &[Tier],
    unit: &str,
    per: &str,
    decimals: usize,
) -> String {
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
