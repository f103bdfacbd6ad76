//! Latency figures: the summary over the whole scenario, the histogram of warm and cold requests,
//! nearest-rank percentiles and the small ratios behind them.

use serde::Serialize;

/// Bins of the latency histogram.
pub const HISTOGRAM_BINS: usize = 30;

/// Latency and cold-start figures over the whole scenario. Counts are expected values, so they
/// can be fractional, in the aggregate method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct LatencySummary {
    /// Requests that arrived.
    pub requests: f64,
    /// Requests served (arrived minus throttled).
    pub served: f64,
    /// Requests served by a new environment (cold starts).
    pub cold: f64,
    /// Requests refused because the concurrency limit was reached.
    pub throttled: f64,
    /// Cold starts divided by requests served; 0 when none was served.
    pub cold_ratio: f64,
    /// Median latency of served requests, in ms (0 when none was served).
    pub p50_ms: f64,
    /// 95th percentile latency, in ms.
    pub p95_ms: f64,
    /// 99th percentile latency, in ms.
    pub p99_ms: f64,
    /// Mean latency, in ms.
    pub mean_ms: f64,
    /// Mean latency of warm requests, in ms (0 when there were none).
    pub warm_mean_ms: f64,
    /// Mean latency of cold requests, in ms (0 when there were none).
    pub cold_mean_ms: f64,
    /// Cold starts per hour of scenario time.
    pub cold_starts_per_hour: f64,
    /// Billed INIT time of all cold starts, in seconds; multiply by memory in GB for GB-s.
    pub billed_init_s: f64,
    /// Work that found every environment it may use busy and waited for a free one (a queue,
    /// a stream or an asynchronous event; HTTP throttles it instead). Not part of the latency.
    pub waited: f64,
    /// How long the work that waited waited for an environment.
    pub wait: WaitSummary,
}

/// How long work waited for a free environment, over the work that waited; all 0 when none did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct WaitSummary {
    /// Median wait, in seconds.
    pub p50_s: f64,
    /// 99th percentile wait, in seconds.
    pub p99_s: f64,
    /// Longest wait, in seconds.
    pub max_s: f64,
    /// Mean wait, in seconds.
    pub mean_s: f64,
}

impl WaitSummary {
    /// The summary of `(wait_s, count)` samples (counts may be fractional): nearest-rank
    /// percentiles by weight.
    pub(super) fn of_weighted(samples: &mut [(f64, f64)]) -> Self {
        samples.sort_by(|a, b| a.0.total_cmp(&b.0));
        let total: f64 = samples.iter().map(|&(_, n)| n).sum();
        if total <= 0.0 {
            return Self::default();
        }
        let at = |q: f64| {
            let mut seen = 0.0;
            for &(wait_s, n) in samples.iter() {
                seen += n;
                if seen >= q * total {
                    return wait_s;
                }
            }
            samples.last().map_or(0.0, |&(wait_s, _)| wait_s)
        };
        Self {
            p50_s: at(0.50),
            p99_s: at(0.99),
            max_s: samples
                .iter()
                .rev()
                .find(|&&(_, n)| n > 0.0)
                .map_or(0.0, |&(wait_s, _)| wait_s),
            mean_s: samples.iter().map(|&(w, n)| w * n).sum::<f64>() / total,
        }
    }
}

/// Latency histogram on a logarithmic ms scale from the fastest possible warm request to the
/// slowest possible cold one, split into warm and cold counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LatencyHistogram {
    /// Bin edges in ms, one more than the bins.
    pub edges_ms: Vec<f64>,
    /// Warm requests per bin (expected counts in the aggregate method).
    pub warm: Vec<f64>,
    /// Cold requests per bin.
    pub cold: Vec<f64>,
}

/// The `q` quantile (0..=1) of ascending `sorted_ms` by the nearest-rank method; `None` when empty.
pub fn percentile(sorted_ms: &[f64], q: f64) -> Option<f64> {
    let n = sorted_ms.len();
    if n == 0 {
        return None;
    }
    let rank = (q.clamp(0.0, 1.0) * n as f64).ceil() as usize;
    sorted_ms.get(rank.clamp(1, n) - 1).copied()
}

/// `a / b`, or 0 when `b` is not positive.
pub(super) fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

/// Cold starts per hour over the horizon; the count itself for a zero-length horizon.
pub(super) fn per_hour(cold: f64, horizon_s: (f64, f64)) -> f64 {
    let hours = (horizon_s.1 - horizon_s.0) / 3600.0;
    if hours > 0.0 { cold / hours } else { cold }
}

/// The histogram bin of a latency (log scale), clamped to the first and last bin.
pub(super) fn bin_of(latency_ms: f64, edges_ms: &[f64]) -> usize {
    let (Some(&lo), Some(&hi)) = (edges_ms.first(), edges_ms.last()) else {
        return 0;
    };
    let bins = edges_ms.len().saturating_sub(1);
    let position = (latency_ms / lo).ln() / (hi / lo).ln() * bins as f64;
    if position.is_finite() && position > 0.0 {
        (position as usize).min(bins.saturating_sub(1))
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_uses_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), Some(50.0));
        assert_eq!(percentile(&v, 0.99), Some(99.0));
        assert_eq!(percentile(&v, 1.0), Some(100.0));
        assert_eq!(percentile(&v, 0.0), Some(1.0));
        assert_eq!(percentile(&[], 0.5), None);
    }
}
