//! The memory sweep, as AWS Lambda Power Tuning draws it: the scenario's function at every memory
//! size from 128 MB to 10,240 MB in 64 MB steps, with its duration and its cost per million
//! invocations, and the cheapest, the fastest and a balanced size marked.
//!
//! Lambda gives a function CPU in proportion to its memory: 1,769 MB is one vCPU, and the most is
//! 6 vCPUs. Only the CPU-bound share of the duration (`workload.cpu_bound_share`) speeds up with
//! more CPU, and a function computes on at most `workload.threads` vCPUs (one thread cannot use
//! more than one). The rest (waiting on I/O) takes as long at any size.

use serde::Serialize;

use crate::model::scenario::Scenario;

/// Smallest memory size, MB.
pub const MIN_MEMORY_MB: u32 = 128;
/// Largest memory size, MB.
pub const MAX_MEMORY_MB: u32 = 10_240;
/// Step between the sizes swept, MB.
pub const STEP_MB: u32 = 64;
/// Memory that buys one full vCPU, MB.
pub const MB_PER_VCPU: f64 = 1_769.0;
/// The most vCPUs a function gets.
pub const MAX_VCPUS: f64 = 6.0;

/// One memory size of the sweep.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SweepPoint {
    /// Memory size, MB.
    pub memory_mb: u32,
    /// Average duration of one invocation at this size, ms (before rounding up to bill).
    pub duration_ms: f64,
    /// Requests plus billed duration (rounded up to 1 ms) of a million invocations, USD, at the
    /// first duration price tier, without the free tier.
    pub cost_per_million_usd: f64,
}

/// Every size swept, and which are marked.
#[derive(Clone, Debug, PartialEq)]
pub struct MemorySweep {
    /// One point per size, 128 MB to 10,240 MB in 64 MB steps.
    pub points: Vec<SweepPoint>,
    /// The cheapest size (the smallest of equals).
    pub cheapest: SweepPoint,
    /// The fastest size (the smallest of equals: above the last vCPU the function can use, more
    /// memory buys nothing).
    pub fastest: SweepPoint,
    /// The size with the smallest cost × duration, both relative to their best: a fair share of
    /// both.
    pub balanced: SweepPoint,
    /// The scenario's own size.
    pub current: SweepPoint,
}

/// The vCPUs the function can use at `memory_mb`.
fn usable_vcpus(memory_mb: f64, threads: u32) -> f64 {
    (memory_mb / MB_PER_VCPU)
        .min(MAX_VCPUS)
        .min(f64::from(threads.max(1)))
}

/// The function's duration at `memory_mb`, ms, from its duration at the scenario's memory.
pub fn duration_at(s: &Scenario, memory_mb: u32) -> f64 {
    let w = &s.workload;
    let share = w.cpu_bound_share.clamp(0.0, 1.0);
    let now = usable_vcpus(f64::from(w.memory_mb), w.threads);
    let then = usable_vcpus(f64::from(memory_mb), w.threads);
    let cpu = if then > 0.0 { now / then } else { 1.0 };
    w.avg_duration_ms.max(0.0) * ((1.0 - share) + share * cpu)
}

/// The cost of a million invocations at `memory_mb` lasting `duration_ms` each, USD.
fn cost_per_million(s: &Scenario, memory_mb: u32, duration_ms: f64) -> f64 {
    let r = &s.rates;
    let gb_s_rate = r
        .lambda(s.workload.architecture)
        .duration_tiers
        .first()
        .map_or(0.0, |tier| tier.usd_per_unit);
    let billed_s = duration_ms.ceil() / 1000.0;
    let gb = f64::from(memory_mb) / 1024.0;
    let storage_gb = f64::from(s.workload.ephemeral_storage_mb.saturating_sub(512)) / 1024.0;
    r.lambda_request_usd_per_million
        + 1e6 * billed_s * (gb * gb_s_rate + storage_gb * r.ephemeral_usd_per_gb_s)
}

fn point(s: &Scenario, memory_mb: u32) -> SweepPoint {
    let duration_ms = duration_at(s, memory_mb);
    SweepPoint {
        memory_mb,
        duration_ms,
        cost_per_million_usd: cost_per_million(s, memory_mb, duration_ms),
    }
}

/// The point with the smallest `key`, the first (smallest memory) of equals.
fn least(points: &[SweepPoint], key: impl Fn(&SweepPoint) -> f64) -> Option<SweepPoint> {
    points
        .iter()
        .copied()
        .reduce(|best, p| if key(&p) < key(&best) { p } else { best })
}

impl MemorySweep {
    /// Sweeps the scenario's function. Cheap (159 sizes): computed with the other results when
    /// the scenario changes.
    pub fn of(s: &Scenario) -> Self {
        let points: Vec<SweepPoint> = (MIN_MEMORY_MB..=MAX_MEMORY_MB)
            .step_by(STEP_MB as usize)
            .map(|mb| point(s, mb))
            .collect();
        let current = point(s, s.workload.memory_mb);
        // Durations equal within a microsecond count as equal, so "fastest" is the smallest
        // size that reaches the floor, not one a rounding error lower.
        let duration_key = |p: &SweepPoint| (p.duration_ms * 1000.0).round();
        let cheapest = least(&points, |p| p.cost_per_million_usd).unwrap_or(current);
        let fastest = least(&points, duration_key).unwrap_or(current);
        let balanced = least(&points, |p| {
            (p.cost_per_million_usd / cheapest.cost_per_million_usd.max(f64::MIN_POSITIVE))
                * (p.duration_ms / fastest.duration_ms.max(f64::MIN_POSITIVE))
        })
        .unwrap_or(current);
        Self {
            points,
            cheapest,
            fastest,
            balanced,
            current,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(share: f64, threads: u32) -> Scenario {
        let mut s = Scenario::default();
        s.workload.cpu_bound_share = share;
        s.workload.threads = threads;
        s.workload.memory_mb = 1024;
        s.workload.avg_duration_ms = 400.0;
        s
    }

    fn at(sweep: &MemorySweep, mb: u32) -> SweepPoint {
        *sweep
            .points
            .iter()
            .find(|p| p.memory_mb == mb)
            .unwrap_or_else(|| panic!("no point at {mb} MB"))
    }

    #[test]
    fn sweeps_every_64_mb_from_128_to_10240() {
        let sweep = MemorySweep::of(&Scenario::default());
        assert_eq!(sweep.points.len(), 159);
        assert_eq!(sweep.points.first().map(|p| p.memory_mb), Some(128));
        assert_eq!(sweep.points.last().map(|p| p.memory_mb), Some(10_240));
        assert!(
            sweep
                .points
                .windows(2)
                .all(|w| w[1].memory_mb - w[0].memory_mb == 64)
        );
    }

    #[test]
    fn io_bound_work_does_not_speed_up_and_costs_more_with_memory() {
        let sweep = MemorySweep::of(&scenario(0.0, 1));
        assert!(
            sweep
                .points
                .iter()
                .all(|p| (p.duration_ms - 400.0).abs() < 1e-9)
        );
        assert!(
            sweep
                .points
                .windows(2)
                .all(|w| w[1].cost_per_million_usd > w[0].cost_per_million_usd)
        );
        assert_eq!(sweep.cheapest.memory_mb, 128);
        assert_eq!(sweep.fastest.memory_mb, 128);
    }

    #[test]
    fn cpu_bound_single_thread_halves_to_one_vcpu_then_stops() {
        let s = scenario(1.0, 1);
        let half = duration_at(&s, 885);
        let one = duration_at(&s, 1769);
        assert!((one / half - 885.0 / 1769.0).abs() < 1e-9, "{half} → {one}");
        assert!((one / half - 0.5).abs() < 0.001);
        for mb in [1_800, 3_008, 10_240] {
            assert!((duration_at(&s, mb) - one).abs() < 1e-9, "{mb} MB");
        }
        // The fastest is the first 64 MB step at or above one vCPU.
        let sweep = MemorySweep::of(&s);
        assert_eq!(sweep.fastest.memory_mb, 1_792);
        // Below one vCPU, doubling memory halves the duration: the same GB-s, so about the
        // same cost, and the cheapest sits at or below one vCPU.
        assert!(sweep.cheapest.memory_mb <= 1_792);
    }

    #[test]
    fn more_threads_keep_speeding_up_to_six_vcpus() {
        let s = scenario(1.0, 6);
        assert!(duration_at(&s, 3_538) < duration_at(&s, 1_769) * 0.51);
        let sweep = MemorySweep::of(&s);
        assert_eq!(sweep.fastest.memory_mb, 10_240);
        assert!(at(&sweep, 10_240).duration_ms < at(&sweep, 5_120).duration_ms);
    }

    #[test]
    fn the_current_size_matches_the_bill_rate() {
        let mut s = scenario(0.5, 1);
        s.workload.memory_mb = 1024;
        let sweep = MemorySweep::of(&s);
        // 400 ms × 1 GB × $0.0000166667 × 1 M + $0.20 = $6.86668.
        assert!((sweep.current.cost_per_million_usd - 6.866_68).abs() < 1e-6);
        assert!((sweep.current.duration_ms - 400.0).abs() < 1e-9);
        let balanced = sweep.balanced;
        assert!(balanced.memory_mb >= sweep.cheapest.memory_mb.min(sweep.fastest.memory_mb));
        assert!(balanced.memory_mb <= sweep.cheapest.memory_mb.max(sweep.fastest.memory_mb));
    }
}
