//! The aggregate method for large scenarios: a fluid model stepped through time (Little's law for
//! the pool, cohorts of new environments while they initialise), random peaks above the pool from
//! the Poisson distribution, Erlang's loss formula near the limit (or, for work that waits, a
//! fluid backlog and Erlang's delay formula), and the latency mixture.

use std::collections::VecDeque;

use super::arrivals::RateCursor;
use super::inputs::Model;
use super::latency::{
    HISTOGRAM_BINS, LatencyHistogram, LatencySummary, WaitSummary, per_hour, ratio,
};
use crate::model::scenario::Scenario;

/// The aggregate model takes about this many time steps, whatever the scenario's length.
const AGGREGATE_STEPS: f64 = 50_000.0;

/// The aggregate model remembers the last idle reclaim time in this many blocks.
const HISTORY_BLOCKS: usize = 16;

/// Most in-flight levels (or Poisson terms) the aggregate model evaluates per block; wider ranges
/// are sampled with a stride, so the cost stays flat as the rate grows.
const MAX_LEVEL_SAMPLES: f64 = 64.0;

/// Most Poisson terms Erlang's loss formula sums per block, sampled with a stride beyond.
const ERLANG_SAMPLES: f64 = 256.0;

/// Erlang's delay formula spreads the waits of one block over this many shares of the
/// exponential distribution, each half the one before (the last reaches 1 in 8,192).
const WAIT_TAIL_SHARES: i32 = 13;

/// Totals of the aggregate method (expected counts).
#[derive(Clone, Debug, Default)]
pub(super) struct Totals {
    requests: f64,
    cold: f64,
    throttled: f64,
    waited: f64,
    /// Waits as `(wait_s, count)`, for their percentiles.
    waits: Vec<(f64, f64)>,
    /// The longest wait, in seconds.
    longest_wait_s: f64,
}

/// Warm environment levels and when each was last in use. With most-recently-used reuse the
/// environment at level k is in use whenever k or more requests are in flight, so "last used"
/// never increases with the level: segments `(top_level, last_used_s)`, lowest (newest) first.
#[derive(Default)]
struct Staircase {
    segments: VecDeque<(f64, f64)>,
}

impl Staircase {
    fn top(&self) -> f64 {
        self.segments.back().map_or(0.0, |&(top, _)| top)
    }

    /// Levels up to `level` are in use at `t_s`.
    fn use_up_to(&mut self, level: f64, t_s: f64) {
        if level <= 0.0 {
            return;
        }
        while self.segments.front().is_some_and(|&(top, _)| top <= level) {
            self.segments.pop_front();
        }
        self.segments.push_front((level, t_s));
    }

    /// Drops the levels idle for the reclaim time by `t_s`.
    fn reclaim(&mut self, t_s: f64, idle_s: f64) {
        while self
            .segments
            .back()
            .is_some_and(|&(_, used_s)| used_s + idle_s <= t_s)
        {
            self.segments.pop_back();
        }
    }
}

/// Arrival rate and requests in flight over one history block.
#[derive(Clone, Copy, Debug)]
struct Block {
    rps: f64,
    in_flight: f64,
    /// ln of `in_flight`, kept because every level's Poisson term needs it.
    ln_in_flight: f64,
    length_s: f64,
}

/// What one block accumulates step by step.
#[derive(Clone, Copy, Debug, Default)]
struct BlockSum {
    arrivals: f64,
    length_s: f64,
    cold: f64,
    throttled: f64,
    /// Arrivals that joined the fluid backlog.
    waited: f64,
    steps: usize,
}

/// The aggregate model's state while it steps through time.
struct Aggregate {
    model: Model,
    duration_s: f64,
    /// How long a cold start keeps its environment busy: init plus its first request.
    cold_busy_s: f64,
    limit: f64,
    /// Environments allowed at once: the limit, or less while an SQS queue's ramp climbs.
    allowed: f64,
    /// Work waiting for a free environment (only when work waits), requests.
    backlog: f64,
    provisioned: f64,
    stairs: Staircase,
    /// Recent cold starts (created at, count), while their environments initialise.
    cohorts: VecDeque<(f64, f64)>,
    history: VecDeque<Block>,
    block: BlockSum,
    totals: Totals,
    /// Environments alive above the pool thanks to random peaks, as a level, and the pool top it
    /// was computed above (it no longer applies once the pool shrinks below that).
    peak_top: f64,
    peak_base: f64,
}

impl Aggregate {
    /// One time step of the fluid model; adds to the current block.
    fn step(&mut self, t_s: f64, step_s: f64, arrivals: f64) {
        self.stairs.reclaim(t_s, self.model.idle_s);
        let cold_busy_s = self.cold_busy_s;
        while self
            .cohorts
            .front()
            .is_some_and(|&(created_s, _)| created_s + cold_busy_s <= t_s)
        {
            self.cohorts.pop_front();
        }
        let initialising: f64 = self
            .cohorts
            .iter()
            .map(|&(created_s, count)| {
                count * ((created_s + cold_busy_s - t_s) / step_s).clamp(0.0, 1.0)
            })
            .sum();
        let waiting_before = self.backlog;
        if self.model.ramp_start.is_some() && waiting_before > 0.0 {
            self.allowed = (self.allowed + step_s / Model::ramp_step_s()).min(self.limit);
        }
        let limit = self.allowed;
        // Work that waits is offered again with this step's arrivals, oldest first.
        let offered = arrivals + waiting_before;
        // Little's law: requests in flight = arrival rate × duration.
        let in_flight = offered / step_s * self.duration_s;
        let pool = self.provisioned + self.stairs.top();
        // Environments that random peaks created and keep alive serve a rising mean first.
        let alive = if pool >= self.peak_base {
            pool.max(self.peak_top)
        } else {
            pool
        };
        let free = (alive - initialising).max(0.0);
        let shortage = (in_flight - free).max(0.0);
        let mut created = 0.0;
        if shortage > 0.0 {
            // Arrivals beyond the free pool each start an environment until the first of those
            // finishes its init and first request; after that they are served warm.
            let excess = shortage * step_s / self.duration_s;
            let needed = shortage * step_s.min(cold_busy_s) / self.duration_s;
            let headroom = (limit - initialising - in_flight.min(free)).max(0.0);
            created = needed.min(headroom);
            let unserved = excess * (1.0 - created / needed);
            if self.model.waits {
                self.backlog = unserved;
            } else {
                self.block.throttled += unserved;
            }
            self.cohorts.push_back((t_s, created));
        } else {
            self.backlog = 0.0;
        }
        if self.backlog > 0.0 {
            // The newest arrivals wait, behind the older waiting work, for environments freed
            // at `allowed / duration` a second.
            let waited = arrivals.min(self.backlog);
            let throughput = limit.max(1e-9) / self.duration_s;
            self.block.waited += waited;
            self.totals
                .waits
                .push(((self.backlog - 0.5 * waited) / throughput, waited));
            let newest_s = self.backlog / throughput;
            self.totals.longest_wait_s = self.totals.longest_wait_s.max(newest_s);
        }
        let used = if created > 0.0 {
            alive + created
        } else {
            alive.min(in_flight + initialising)
        };
        self.stairs.use_up_to(used - self.provisioned, t_s);
        self.block.cold += created;
        self.block.arrivals += arrivals;
        self.block.length_s += step_s;
        self.block.steps += 1;
    }

    /// Closes the current block: adds the random peaks above the pool and the throttling near the
    /// limit, both from the block's average rate.
    fn close_block(&mut self) {
        let block = std::mem::take(&mut self.block);
        if block.length_s <= 0.0 {
            return;
        }
        let rps = block.arrivals / block.length_s;
        let in_flight = rps * self.duration_s;
        let current = Block {
            rps,
            in_flight,
            ln_in_flight: in_flight.ln(),
            length_s: block.length_s,
        };
        let pool = self.provisioned + self.stairs.top();
        let peaks = peak_cold_starts(&self.history, current, pool, self.allowed);
        self.peak_base = pool;
        self.peak_top = pool + peaks.alive;
        let blocked = erlang_b(self.allowed, current.in_flight);
        self.totals.requests += block.arrivals;
        if self.model.waits {
            self.random_waits(&block, current.in_flight, blocked);
        } else {
            self.totals.throttled += block.throttled.max(blocked * block.arrivals);
        }
        self.totals.cold += block.cold + peaks.cold;
        self.history.push_back(current);
        if self.history.len() > HISTORY_BLOCKS {
            self.history.pop_front();
        }
    }
}

impl Aggregate {
    /// Work that waits because random peaks find every allowed environment busy while the mean
    /// is below them: Erlang's delay formula (M/M/c) for the share that waits, and an exponential
    /// wait with mean duration / (allowed − in flight); counted where it exceeds the fluid
    /// backlog's.
    fn random_waits(&mut self, block: &BlockSum, in_flight: f64, blocked: f64) {
        let c = self.allowed.floor();
        let mut waited = block.waited;
        if c >= 1.0 && in_flight < c {
            let p_wait = c * blocked / (c - in_flight * (1.0 - blocked)).max(1e-12);
            let extra = p_wait.clamp(0.0, 1.0) * block.arrivals - block.waited;
            if extra > 0.0 {
                waited += extra;
                let mean_s = self.duration_s / (c - in_flight);
                for i in 0..WAIT_TAIL_SHARES {
                    let lo = 1.0 - 0.5_f64.powi(i);
                    let hi = if i + 1 == WAIT_TAIL_SHARES {
                        1.0
                    } else {
                        1.0 - 0.5_f64.powi(i + 1)
                    };
                    let mid = 0.5 * (lo + hi);
                    self.totals
                        .waits
                        .push((-mean_s * (1.0 - mid).ln(), extra * (hi - lo)));
                }
                // The longest of n exponential waits is on average mean × (1 + 1/2 + … + 1/n),
                // about mean × (ln n + 0.58 + 1/2n).
                let n = extra.max(1.0);
                let longest_s = mean_s * (n.ln() + 0.577 + 0.5 / n);
                self.totals.longest_wait_s = self.totals.longest_wait_s.max(longest_s);
            }
        }
        self.totals.waited += waited;
    }
}

/// Steps through the scenario in aggregate: time steps for the pool, blocks of 1/16 of the idle
/// time for random peaks and throttling near the limit.
pub(super) fn run_aggregate(s: &Scenario, model: &Model, horizon_s: (f64, f64)) -> Totals {
    let (start_s, end_s) = horizon_s;
    let step_s = ((end_s - start_s) / AGGREGATE_STEPS).clamp(0.1, 60.0);
    let block_steps = (model.idle_s / HISTORY_BLOCKS as f64 / step_s)
        .round()
        .max(1.0) as usize;
    let mut state = Aggregate {
        model: *model,
        duration_s: model.duration_ms / 1000.0,
        cold_busy_s: (model.cold_penalty_ms + model.duration_ms) / 1000.0,
        limit: model.limit as f64,
        allowed: model.ramp_start.unwrap_or(model.limit) as f64,
        backlog: 0.0,
        provisioned: model.provisioned as f64,
        stairs: Staircase::default(),
        cohorts: VecDeque::new(),
        history: VecDeque::new(),
        block: BlockSum::default(),
        totals: Totals::default(),
        peak_top: 0.0,
        peak_base: 0.0,
    };
    let mut cursor = RateCursor::new(&s.traffic);
    let mut k = 0_u64;
    loop {
        let t_s = start_s + k as f64 * step_s;
        if t_s >= end_s {
            break;
        }
        let next_s = (t_s + step_s).min(end_s);
        let arrivals = cursor.area_to(next_s);
        state.step(t_s, next_s - t_s, arrivals);
        if state.block.steps >= block_steps {
            state.close_block();
        }
        k += 1;
    }
    state.close_block();
    let mut totals = state.totals;
    totals.waited = totals.waited.min(totals.requests);
    totals.throttled = totals.throttled.min(totals.requests);
    totals.cold = totals.cold.min(totals.requests - totals.throttled);
    totals
}

/// What random peaks above the pool do in one block (expected values).
#[derive(Clone, Copy, Debug, Default)]
struct Peaks {
    /// Cold starts they cause.
    cold: f64,
    /// Environments above the pool they keep alive at the block's end.
    alive: f64,
}

/// Random peaks of requests in flight above the `pool` in `current`: the environment at level j
/// starts when an arrival finds j − 1 requests in flight (rate λ·P(N = j − 1), N Poisson with mean
/// λ × duration) and no such arrival came during the last idle time, so it was reclaimed or never
/// created; it is alive while such an arrival came within the idle time.
fn peak_cold_starts(history: &VecDeque<Block>, current: Block, pool: f64, limit: f64) -> Peaks {
    let m = current.in_flight;
    let mut peaks = Peaks::default();
    if current.rps <= 0.0 {
        return peaks;
    }
    let first = pool.max(0.0).floor() + 1.0;
    let last = limit.min((m + 12.0 * m.sqrt() + 12.0).ceil());
    if first > last {
        return peaks;
    }
    let stride = ((last - first + 1.0) / MAX_LEVEL_SAMPLES).ceil().max(1.0);
    let highest_in_flight = history.iter().fold(m, |top, b| top.max(b.in_flight));
    // Each sample stands for `stride` levels and is evaluated at their middle, k = level − 1 +
    // (stride − 1)/2. Per block: expected arrivals (rate × length), P(N = k), and ln m^stride,
    // which moves P(N = k) to the next sample together with the factorials, so that most samples
    // need no exponential per block.
    let mut k = first - 1.0 + (stride - 1.0) / 2.0;
    let mut ln_k_factorial = ln_gamma(k + 1.0);
    let mut terms: Vec<(f64, f64, f64, f64)> = history
        .iter()
        .chain(std::iter::once(&current))
        .map(|b| {
            (
                b.rps * b.length_s,
                poisson_pmf(k, *b, ln_k_factorial),
                stride * b.ln_in_flight,
                (stride * b.ln_in_flight).exp(),
            )
        })
        .collect();
    let mut level = first;
    while level <= last {
        let width = stride.min(last - level + 1.0);
        let (earlier_terms, now_terms) = terms.split_at(terms.len().saturating_sub(1));
        let earlier: f64 = earlier_terms.iter().map(|&(n, p, _, _)| n * p).sum();
        let now: f64 = now_terms.iter().map(|&(n, p, _, _)| n * p).sum();
        // Above every block's mean the terms only shrink: stop once they no longer count.
        if k > highest_in_flight && earlier + now < 1e-12 {
            break;
        }
        peaks.cold += width * (-earlier).exp() * (1.0 - (-now).exp());
        peaks.alive += width * (1.0 - (-(earlier + now)).exp());
        level += stride;
        k += stride;
        let next_ln_factorial = ln_gamma(k + 1.0);
        let ln_shrink = ln_k_factorial - next_ln_factorial;
        let shrink = ln_shrink.exp();
        ln_k_factorial = next_ln_factorial;
        for (_, p, ln_step, step) in &mut terms {
            // Multiply when both factors are representable, else combine them in logs.
            *p *= if ln_step.abs() < 600.0 && ln_shrink > -600.0 {
                *step * shrink
            } else {
                (*ln_step + ln_shrink).exp()
            };
        }
    }
    peaks
}

/// Poisson probability of `k` requests in flight in `block` (k may be fractional, through the
/// gamma function).
fn poisson_pmf(k: f64, block: Block, ln_k_factorial: f64) -> f64 {
    if block.in_flight <= 0.0 {
        return if k <= 0.0 { 1.0 } else { 0.0 };
    }
    (k * block.ln_in_flight - block.in_flight - ln_k_factorial).exp()
}

/// ln Γ(x) for x > 0: Stirling's series after shifting x above 8.
fn ln_gamma(x: f64) -> f64 {
    let mut x = x.max(f64::MIN_POSITIVE);
    let mut shift = 0.0;
    while x < 8.0 {
        shift += x.ln();
        x += 1.0;
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    (x - 0.5) * x.ln() - x
        + 0.5 * (2.0 * std::f64::consts::PI).ln()
        + inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 / 1260.0))
        - shift
}

/// Erlang's loss formula: the share of arrivals that find all `servers` busy at offered load `m`,
/// B = P(N = c) / P(N ≤ c) for N Poisson(m). The sum is sampled with a stride above
/// [`ERLANG_SAMPLES`] terms so its cost stays flat as the load grows.
fn erlang_b(servers: f64, m: f64) -> f64 {
    if m <= 0.0 {
        return 0.0;
    }
    let c = servers.floor();
    if c < 1.0 {
        return 1.0;
    }
    let spread = 12.0 * m.sqrt() + 12.0;
    if c > m + spread + 30.0 {
        return 0.0;
    }
    let first = (c.min(m) - spread).max(0.0).floor();
    let stride = ((c - first + 1.0) / ERLANG_SAMPLES).ceil().max(1.0);
    let ln_top = c * m.ln() - ln_gamma(c + 1.0);
    // Terms relative to P(N = c), so that nothing overflows or underflows.
    let mut relative_sum = 0.0;
    let mut k = c;
    while k >= first {
        let width = stride.min(k - first + 1.0);
        let mid = k - (width - 1.0) / 2.0;
        relative_sum += width * (mid * m.ln() - ln_gamma(mid + 1.0) - ln_top).exp();
        k -= stride;
    }
    if relative_sum > 0.0 {
        (1.0 / relative_sum).min(1.0)
    } else {
        0.0
    }
}

/// The aggregate latency distribution: warm and cold handler times, uniform, weighted by counts.
pub(super) struct Mixture {
    warm: f64,
    cold: f64,
    lo_ms: f64,
    hi_ms: f64,
    penalty_ms: f64,
}

impl Mixture {
    pub(super) fn of(model: &Model, totals: &Totals) -> Self {
        let served = (totals.requests - totals.throttled).max(0.0);
        Self {
            warm: (served - totals.cold).max(0.0),
            cold: totals.cold,
            lo_ms: model.fastest_ms(),
            hi_ms: model.slowest_ms(),
            penalty_ms: model.cold_penalty_ms,
        }
    }

    fn uniform_cdf(x: f64, lo: f64, hi: f64) -> f64 {
        if hi <= lo {
            return if x >= lo { 1.0 } else { 0.0 };
        }
        ((x - lo) / (hi - lo)).clamp(0.0, 1.0)
    }

    /// Expected requests at or below `x_ms`, warm and cold.
    fn counts_below(&self, x_ms: f64) -> (f64, f64) {
        (
            self.warm * Self::uniform_cdf(x_ms, self.lo_ms, self.hi_ms),
            self.cold
                * Self::uniform_cdf(
                    x_ms,
                    self.lo_ms + self.penalty_ms,
                    self.hi_ms + self.penalty_ms,
                ),
        )
    }

    /// The smallest latency with at least a `q` share of requests at or below it (bisection).
    fn quantile(&self, q: f64) -> f64 {
        let total = self.warm + self.cold;
        if total <= 0.0 {
            return 0.0;
        }
        let (mut lo, mut hi) = (self.lo_ms, self.hi_ms + self.penalty_ms);
        for _ in 0..100 {
            let mid = 0.5 * (lo + hi);
            let (warm, cold) = self.counts_below(mid);
            if (warm + cold) / total >= q {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }

    pub(super) fn summary(
        &self,
        model: &Model,
        totals: &mut Totals,
        horizon_s: (f64, f64),
    ) -> LatencySummary {
        let served = self.warm + self.cold;
        let handler_mean_ms = 0.5 * (self.lo_ms + self.hi_ms);
        let cold_mean_ms = handler_mean_ms + self.penalty_ms;
        LatencySummary {
            requests: totals.requests,
            served,
            cold: self.cold,
            throttled: totals.throttled,
            cold_ratio: ratio(self.cold, served),
            p50_ms: self.quantile(0.50),
            p95_ms: self.quantile(0.95),
            p99_ms: self.quantile(0.99),
            mean_ms: ratio(
                self.warm * handler_mean_ms + self.cold * cold_mean_ms,
                served,
            ),
            warm_mean_ms: if self.warm > 0.0 {
                handler_mean_ms
            } else {
                0.0
            },
            cold_mean_ms: if self.cold > 0.0 { cold_mean_ms } else { 0.0 },
            cold_starts_per_hour: per_hour(self.cold, horizon_s),
            billed_init_s: self.cold * model.phases.billed_init_ms() / 1000.0,
            waited: totals.waited,
            wait: {
                let wait = WaitSummary::of_weighted(&mut totals.waits);
                WaitSummary {
                    max_s: totals.longest_wait_s.max(wait.p99_s),
                    ..wait
                }
            },
        }
    }

    pub(super) fn histogram(&self, edges_ms: Vec<f64>) -> LatencyHistogram {
        let mut warm = Vec::with_capacity(HISTOGRAM_BINS);
        let mut cold = Vec::with_capacity(HISTOGRAM_BINS);
        for pair in edges_ms.windows(2) {
            let (Some(&a), Some(&b)) = (pair.first(), pair.get(1)) else {
                continue;
            };
            let (warm_a, cold_a) = self.counts_below(a);
            let (warm_b, cold_b) = self.counts_below(b);
            warm.push(warm_b - warm_a);
            cold.push(cold_b - cold_a);
        }
        LatencyHistogram {
            edges_ms,
            warm,
            cold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erlang_b_matches_the_recursion() {
        for (c, m) in [
            (1.0, 1.0),
            (10.0, 8.0),
            (100.0, 95.0),
            (1000.0, 1100.0),
            (50.0, 5.0),
        ] {
            let mut b = 1.0;
            for k in 1..=(c as u32) {
                b = m * b / (f64::from(k) + m * b);
            }
            let fast = erlang_b(c, m);
            assert!(
                (fast - b).abs() < 5e-3 * b.max(1e-6),
                "{c} {m}: {fast} vs {b}"
            );
        }
        // Sampled with a stride for big loads, still close.
        let (c, m) = (100_000.0, 99_000.0);
        let mut b = 1.0;
        for k in 1..=100_000_u32 {
            b = m * b / (f64::from(k) + m * b);
        }
        assert!(
            (erlang_b(c, m) - b).abs() < 0.02 * b,
            "{} vs {b}",
            erlang_b(c, m)
        );
    }
}
