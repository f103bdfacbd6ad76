//! Break-even points: volumes where two models cost the same, found between the chart's samples
//! and pinned down by bisection (a fleet step counts as one), and their plain-words summaries.

use serde::Serialize;

use super::money::format_requests;
use super::sentences::{lower_label, verb};
use super::totals::Evaluator;
use crate::model::scenario::HostingModel;

/// Relative width of the bracket at which the break-even bisection stops.
pub const BREAK_EVEN_PRECISION: f64 = 1e-6;
/// Relative cost gap left at a converged break-even above which it is called a step: a smooth
/// crossing leaves about [`BREAK_EVEN_PRECISION`] of the cost, a fleet step leaves the jump.
pub const STEP_GAP: f64 = 1e-4;

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

/// Finds where `a − b` changes sign between adjacent samples (the sampled volumes and each
/// model's totals there) and pins each point down by bisection on the model itself, not on the
/// samples.
pub(super) fn find_break_evens(
    eval: &Evaluator<'_>,
    requests_per_month: &[f64],
    (a, series_a): (HostingModel, &[f64]),
    (b, series_b): (HostingModel, &[f64]),
    out: &mut Vec<BreakEven>,
) {
    // The last sample where the difference was not zero: ties are skipped, not crossings.
    let mut previous: Option<(f64, f64)> = None;
    let samples = requests_per_month.iter().zip(series_a.iter().zip(series_b));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn break_even_sentence_in_plain_words() {
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
}
