//! Demand over time: the scenario's (seconds, requests per second) points as a piecewise-linear
//! rate with an exact integral, and the traffic shapes the editor offers.

use super::rng::SplitMix64;
use super::scenario::MAX_TRAFFIC_POINTS;

/// A traffic point that [`Traffic::new`] refuses, naming the point and what is allowed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TrafficError {
    /// Fewer than two points: a rate needs a start and an end.
    #[error(
        "traffic has {count} point(s); at least 2 are needed, as (seconds, requests per second)"
    )]
    TooFewPoints {
        /// How many points there were.
        count: usize,
    },
    /// A time that is negative, infinite or NaN.
    #[error(
        "traffic[{index}]: time {t_s} s is not allowed (allowed: a finite number of seconds, 0 or more)"
    )]
    BadTime {
        /// Index of the point.
        index: usize,
        /// The refused time.
        t_s: f64,
    },
    /// A rate that is negative, infinite or NaN.
    #[error(
        "traffic[{index}]: rate {rps} requests/s is not allowed (allowed: a finite rate, 0 or more)"
    )]
    BadRate {
        /// Index of the point.
        index: usize,
        /// The refused rate.
        rps: f64,
    },
    /// A time not later than the previous point's (unsorted or duplicate).
    #[error(
        "traffic[{index}]: time {t_s} s must be later than traffic[{previous}]'s {previous_t_s} s \
         (allowed: strictly increasing times)"
    )]
    NotIncreasing {
        /// Index of the point.
        index: usize,
        /// Its time.
        t_s: f64,
        /// Index of the previous point.
        previous: usize,
        /// The previous point's time.
        previous_t_s: f64,
    },
}

/// Demand over time: requests per second, linearly interpolated between points and held at the
/// first and last point's rate outside them.
#[derive(Clone, Debug, PartialEq)]
pub struct Traffic {
    /// At least two points with strictly increasing, finite, non-negative times and finite,
    /// non-negative rates (guaranteed by [`Traffic::new`]).
    points: Vec<(f64, f64)>,
}

impl Traffic {
    /// Checks and wraps (seconds, requests per second) points.
    pub fn new(points: Vec<(f64, f64)>) -> Result<Self, TrafficError> {
        if points.len() < 2 {
            return Err(TrafficError::TooFewPoints {
                count: points.len(),
            });
        }
        let mut previous: Option<(usize, f64)> = None;
        for (index, &(t_s, rps)) in points.iter().enumerate() {
            if !t_s.is_finite() || t_s < 0.0 {
                return Err(TrafficError::BadTime { index, t_s });
            }
            if !rps.is_finite() || rps < 0.0 {
                return Err(TrafficError::BadRate { index, rps });
            }
            if let Some((previous, previous_t_s)) = previous
                && t_s <= previous_t_s
            {
                return Err(TrafficError::NotIncreasing {
                    index,
                    t_s,
                    previous,
                    previous_t_s,
                });
            }
            previous = Some((index, t_s));
        }
        Ok(Self { points })
    }

    /// The checked points.
    pub fn points(&self) -> &[(f64, f64)] {
        &self.points
    }

    /// Time of the first point, s.
    pub fn start_s(&self) -> f64 {
        self.points.first().map_or(0.0, |p| p.0)
    }

    /// Time of the last point, s.
    pub fn end_s(&self) -> f64 {
        self.points.last().map_or(0.0, |p| p.0)
    }

    /// Length of the timeline from the first to the last point, s.
    pub fn duration_s(&self) -> f64 {
        self.end_s() - self.start_s()
    }

    /// The highest rate of any point (the peak, since the rate is linear between points).
    pub fn peak_rps(&self) -> f64 {
        self.points.iter().map(|p| p.1).fold(0.0, f64::max)
    }

    /// Demand at `t_s`, requests per second: linear between points, the first or last point's
    /// rate before or after them.
    pub fn rate_at(&self, t_s: f64) -> f64 {
        rate_at(&self.points, t_s)
    }

    /// Requests offered between `t0_s` and `t1_s`: the exact integral of the piecewise-linear
    /// rate (constant outside the points). Zero when `t1_s <= t0_s`.
    pub fn requests_between(&self, t0_s: f64, t1_s: f64) -> f64 {
        if t1_s.partial_cmp(&t0_s) != Some(std::cmp::Ordering::Greater) {
            return 0.0;
        }
        let (Some(&first), Some(&last)) = (self.points.first(), self.points.last()) else {
            return 0.0;
        };
        let mut total = 0.0;
        if t0_s < first.0 {
            total += first.1 * (t1_s.min(first.0) - t0_s);
        }
        if t1_s > last.0 {
            total += last.1 * (t1_s - t0_s.max(last.0));
        }
        // Start at the segment holding t0 and walk forward while segments start before t1.
        let start = self
            .points
            .partition_point(|p| p.0 <= t0_s)
            .saturating_sub(1);
        let segments = self.points.get(start..).unwrap_or_default();
        for pair in segments.windows(2) {
            let [a, b] = pair else { continue };
            if a.0 >= t1_s {
                break;
            }
            let lo = a.0.max(t0_s);
            let hi = b.0.min(t1_s);
            if hi > lo {
                total += 0.5 * (lerp(*a, *b, lo) + lerp(*a, *b, hi)) * (hi - lo);
            }
        }
        total
    }
}

/// The rate at `t_s` on the segment from `a` to `b` (whose times differ).
/// The rate of time-ordered `points` at `t_s`, requests per second: linear between points, the
/// first or last point's rate before or after them, 0 with no points.
pub fn rate_at(points: &[(f64, f64)], t_s: f64) -> f64 {
    // Index of the first point later than t.
    let after = points.partition_point(|p| p.0 <= t_s);
    match (
        after.checked_sub(1).and_then(|i| points.get(i)),
        points.get(after),
    ) {
        (Some(&a), Some(&b)) => lerp(a, b, t_s),
        (Some(&(_, rps)), None) | (None, Some(&(_, rps))) => rps,
        (None, None) => 0.0,
    }
}

fn lerp(a: (f64, f64), b: (f64, f64), t_s: f64) -> f64 {
    let f = (t_s - a.0) / (b.0 - a.0);
    a.1 + f * (b.1 - a.1)
}

/// Inputs of the traffic generators.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShapeParams {
    /// Quiet-time rate, requests per second.
    pub base_rps: f64,
    /// Busiest rate, requests per second.
    pub peak_rps: f64,
    /// Length of the timeline, s (some shapes need a minimum length, see their descriptions).
    pub duration_s: f64,
    /// Seed of the bursty-webhooks generator, so the same inputs give the same points.
    pub seed: u64,
}

impl Default for ShapeParams {
    fn default() -> Self {
        Self {
            base_rps: 1.0,
            peak_rps: 10_000.0,
            duration_s: 600.0,
            seed: 42,
        }
    }
}

/// The traffic patterns the editor can generate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TrafficShape {
    /// A flat rate.
    Steady,
    /// A launch-day spike.
    #[default]
    Spike,
    /// A day of office-hours traffic.
    DailyCycle,
    /// Random bursts of webhook deliveries.
    BurstyWebhooks,
    /// Nothing, then one job's burst, then nothing.
    ScheduledJob,
}

/// Time of the spike's start and of the scheduled job's start, s.
const SHAPE_START_S: f64 = 60.0;
/// Ramp time of the spike and the job, s.
const SHAPE_RAMP_S: f64 = 5.0;
/// How long the spike and the job hold their peak, s (5 minutes).
const SHAPE_HOLD_S: f64 = 300.0;
/// Quiet time after the job so the longest idle reclaim (60 min) shows scale to zero, s.
const JOB_TAIL_S: f64 = 3_900.0;
/// One day, s.
const DAY_S: f64 = 86_400.0;

impl TrafficShape {
    /// Every shape, in the editor's order.
    pub const ALL: [Self; 5] = [
        Self::Steady,
        Self::Spike,
        Self::DailyCycle,
        Self::BurstyWebhooks,
        Self::ScheduledJob,
    ];

    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Steady => "Steady",
            Self::Spike => "Spike",
            Self::DailyCycle => "Daily cycle",
            Self::BurstyWebhooks => "Bursty webhooks",
            Self::ScheduledJob => "Scheduled job",
        }
    }

    /// One sentence for a tooltip, saying what the shape is and what it shows.
    pub fn description(self) -> &'static str {
        match self {
            Self::Steady => {
                "The base rate for the whole duration: where always-on capacity is cheapest."
            }
            Self::Spike => {
                "The base rate, then a 5-second ramp to the peak at 60 s, held for 5 minutes, \
                 then back: who keeps up and who sheds load (at least 430 s long)."
            }
            Self::DailyCycle => {
                "24 hours from a night-time base to an afternoon peak and back, from 13 points \
                 two hours apart (the duration is always one day)."
            }
            Self::BurstyWebhooks => {
                "The base rate with random bursts of 2 to 10 s up to the peak every 30 to 120 s; \
                 seeded, so the same inputs give the same bursts."
            }
            Self::ScheduledJob => {
                "No traffic, then a job at 60 s running at the peak for 5 minutes, then none for \
                 65 minutes or more: shows scale to zero and its idle reclaim."
            }
        }
    }

    /// The (seconds, requests per second) points of this shape. Negative or non-finite rates
    /// count as 0; the result always passes [`Traffic::new`] and the scenario's point limit.
    pub fn points(&self, params: &ShapeParams) -> Vec<(f64, f64)> {
        let clean = |x: f64| if x.is_finite() { x.max(0.0) } else { 0.0 };
        let base = clean(params.base_rps);
        let peak = clean(params.peak_rps);
        let duration_s = clean(params.duration_s).max(1.0);
        match self {
            Self::Steady => vec![(0.0, base), (duration_s, base)],
            Self::Spike => {
                let up = SHAPE_START_S + SHAPE_RAMP_S;
                let down = up + SHAPE_HOLD_S;
                let end = duration_s.max(down + SHAPE_RAMP_S + SHAPE_START_S);
                vec![
                    (0.0, base),
                    (SHAPE_START_S, base),
                    (up, peak),
                    (down, peak),
                    (down + SHAPE_RAMP_S, base),
                    (end, base),
                ]
            }
            Self::DailyCycle => (0..=12)
                .map(|i| {
                    let t_s = f64::from(i) * DAY_S / 12.0;
                    // A raised cosine with its trough at 04:00 and its crest at 16:00.
                    let phase = (t_s / DAY_S - 4.0 / 24.0) * std::f64::consts::TAU;
                    (t_s, base + (peak - base) * 0.5 * (1.0 - phase.cos()))
                })
                .collect(),
            Self::BurstyWebhooks => bursty_points(base, peak, duration_s, params.seed),
            Self::ScheduledJob => {
                let up = SHAPE_START_S + SHAPE_RAMP_S;
                let down = up + SHAPE_HOLD_S;
                let end = duration_s.max(down + SHAPE_RAMP_S + JOB_TAIL_S);
                vec![
                    (0.0, 0.0),
                    (SHAPE_START_S, 0.0),
                    (up, peak),
                    (down, peak),
                    (down + SHAPE_RAMP_S, 0.0),
                    (end, 0.0),
                ]
            }
        }
    }
}

/// Base rate with seeded random bursts: each 1 s up, 2–10 s at 30–100% of the peak, 1 s down,
/// 30–120 s apart, never more points than a scenario accepts.
fn bursty_points(base: f64, peak: f64, duration_s: f64, seed: u64) -> Vec<(f64, f64)> {
    let mut rng = SplitMix64(seed);
    let mut points = vec![(0.0, base)];
    let mut t_s = 0.0;
    loop {
        let gap_s = 30.0 + 90.0 * rng.unit();
        let hold_s = 2.0 + 8.0 * rng.unit();
        let height = base.max(peak * (0.3 + 0.7 * rng.unit()));
        let start = t_s + gap_s;
        let end = start + 1.0 + hold_s + 1.0;
        // Leave room for the closing point and stay within the scenario's point limit.
        if end >= duration_s || points.len() + 5 > MAX_TRAFFIC_POINTS {
            break;
        }
        points.extend([
            (start, base),
            (start + 1.0, height),
            (start + 1.0 + hold_s, height),
            (end, base),
        ]);
        t_s = end;
    }
    points.push((duration_s.max(t_s + 1.0), base));
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spike() -> Traffic {
        Traffic::new(vec![
            (0.0, 1.0),
            (60.0, 1.0),
            (65.0, 10_001.0),
            (100.0, 10_001.0),
        ])
        .unwrap()
    }

    #[test]
    fn rate_interpolates_and_clamps() {
        let t = spike();
        assert_eq!(t.rate_at(-5.0), 1.0);
        assert_eq!(t.rate_at(30.0), 1.0);
        assert_eq!(t.rate_at(60.0), 1.0);
        assert!((t.rate_at(62.5) - 5_001.0).abs() < 1e-9);
        assert_eq!(t.rate_at(65.0), 10_001.0);
        assert_eq!(t.rate_at(1e9), 10_001.0);
        assert_eq!(t.duration_s(), 100.0);
        assert_eq!(t.peak_rps(), 10_001.0);
    }

    #[test]
    fn integral_is_exact() {
        let t = spike();
        // 60 s at 1 + the ramp's trapezoid (5 s × 5,001 average) + 35 s at 10,001.
        let whole = 60.0 + 5.0 * 5_001.0 + 35.0 * 10_001.0;
        assert!((t.requests_between(0.0, 100.0) - whole).abs() < 1e-6);
        // Half the ramp: average of 1 and 5,001 over 2.5 s.
        assert!((t.requests_between(60.0, 62.5) - 2.5 * 2_501.0).abs() < 1e-9);
        // Outside the points the rate is held.
        assert!((t.requests_between(-10.0, 0.0) - 10.0).abs() < 1e-12);
        assert!((t.requests_between(100.0, 110.0) - 100_010.0).abs() < 1e-6);
        assert_eq!(t.requests_between(50.0, 50.0), 0.0);
        assert_eq!(t.requests_between(60.0, 50.0), 0.0);
    }

    #[test]
    fn integral_is_additive_over_random_cuts() {
        let mut rng = SplitMix64(7);
        for _ in 0..200 {
            let n = 2 + (rng.next_u64() % 20) as usize;
            let mut t_s = 0.0;
            let points: Vec<_> = (0..n)
                .map(|_| {
                    t_s += 0.1 + 100.0 * rng.unit();
                    (t_s, 1_000.0 * rng.unit())
                })
                .collect();
            let traffic = Traffic::new(points).unwrap();
            let (a, b) = (traffic.start_s() - 5.0, traffic.end_s() + 5.0);
            let cut = a + (b - a) * rng.unit();
            let whole = traffic.requests_between(a, b);
            let parts = traffic.requests_between(a, cut) + traffic.requests_between(cut, b);
            assert!((whole - parts).abs() <= 1e-9 * whole.max(1.0));
            assert!(whole >= 0.0);
        }
    }

    #[test]
    fn refusals_name_the_point_and_what_is_allowed() {
        let err = Traffic::new(vec![(0.0, 1.0)]).unwrap_err();
        assert_eq!(err, TrafficError::TooFewPoints { count: 1 });
        assert!(err.to_string().contains("at least 2"), "{err}");

        let err = Traffic::new(vec![(0.0, 1.0), (10.0, 2.0), (10.0, 3.0)]).unwrap_err();
        assert!(matches!(err, TrafficError::NotIncreasing { index: 2, .. }));
        assert!(err.to_string().starts_with("traffic[2]"), "{err}");
        assert!(err.to_string().contains("strictly increasing"), "{err}");

        let err = Traffic::new(vec![(0.0, 1.0), (10.0, 2.0), (5.0, 3.0)]).unwrap_err();
        assert!(matches!(err, TrafficError::NotIncreasing { index: 2, .. }));

        let err = Traffic::new(vec![(0.0, 1.0), (10.0, -2.0)]).unwrap_err();
        assert!(matches!(err, TrafficError::BadRate { index: 1, .. }));
        assert!(err.to_string().contains("0 or more"), "{err}");

        let err = Traffic::new(vec![(0.0, f64::NAN), (10.0, 2.0)]).unwrap_err();
        assert!(matches!(err, TrafficError::BadRate { index: 0, .. }));

        let err = Traffic::new(vec![(-1.0, 1.0), (10.0, 2.0)]).unwrap_err();
        assert!(matches!(err, TrafficError::BadTime { index: 0, .. }));
        let err = Traffic::new(vec![(0.0, 1.0), (f64::INFINITY, 2.0)]).unwrap_err();
        assert!(matches!(err, TrafficError::BadTime { index: 1, .. }));
    }

    #[test]
    fn every_shape_gives_valid_traffic() {
        let mut rng = SplitMix64(3);
        for _ in 0..100 {
            let params = ShapeParams {
                base_rps: 100.0 * rng.unit(),
                peak_rps: 20_000.0 * rng.unit(),
                duration_s: 1.0 + 200_000.0 * rng.unit(),
                seed: rng.next_u64(),
            };
            for shape in TrafficShape::ALL {
                let points = shape.points(&params);
                assert!(points.len() <= MAX_TRAFFIC_POINTS, "{shape:?}");
                let traffic = Traffic::new(points).unwrap();
                assert!(traffic.peak_rps() <= params.base_rps.max(params.peak_rps) + 1e-9);
                assert!(!shape.label().is_empty() && !shape.description().is_empty());
            }
        }
    }

    #[test]
    fn shapes_do_what_they_say() {
        let params = ShapeParams::default();
        let spike = Traffic::new(TrafficShape::Spike.points(&params)).unwrap();
        assert_eq!(spike.rate_at(30.0), 1.0);
        assert_eq!(spike.rate_at(200.0), 10_000.0);
        assert_eq!(spike.rate_at(500.0), 1.0);

        let day = Traffic::new(TrafficShape::DailyCycle.points(&params)).unwrap();
        assert_eq!(day.duration_s(), DAY_S);
        assert!((day.rate_at(4.0 * 3600.0) - 1.0).abs() < 1e-6);
        assert!((day.rate_at(16.0 * 3600.0) - 10_000.0).abs() < 1e-6);

        let job = Traffic::new(TrafficShape::ScheduledJob.points(&params)).unwrap();
        assert_eq!(job.rate_at(0.0), 0.0);
        assert_eq!(job.rate_at(200.0), 10_000.0);
        assert!(job.duration_s() >= 60.0 * 70.0);
        assert_eq!(job.rate_at(job.end_s()), 0.0);

        let a = TrafficShape::BurstyWebhooks.points(&params);
        assert_eq!(a, TrafficShape::BurstyWebhooks.points(&params));
        let other = ShapeParams { seed: 43, ..params };
        assert_ne!(a, TrafficShape::BurstyWebhooks.points(&other));
        assert!(a.len() > 6, "600 s should hold several bursts");
    }
}
