//! Rows of (time, requests) summed into periods of the file's spacing, and the periods turned
//! into points that keep the total and the busiest period exactly.

use super::{MAX_POINTS, MAX_RPS, MAX_SPAN_S};

/// Most periods a file may make (31 days per second): their counts are kept in memory, 8 bytes
/// each (21 MB at most).
const MAX_PERIODS: usize = 31 * 86_400;

/// Times closer than this count as the same time, s (float noise of timestamps read as seconds
/// since 1970, which are exact to about 0.2 µs).
const SAME_TIME_S: f64 = 1e-6;

/// A row this close to a period's start, in periods, counts in that period (float noise).
const ON_THE_GRID: f64 = 1e-9;

/// Rows kept before they are sorted and merged: twice the most periods a file may have, so
/// merging always frees at least half (different times are never more than the periods).
const COMPACT_AT: usize = 2 * MAX_PERIODS;

/// Requests at times, as a file's rows give them, in any order. Rows of the same time add up as
/// they come, so memory stays within [`COMPACT_AT`] rows (43 MB) however long the file.
#[derive(Clone, Debug, Default)]
pub(super) struct Rows {
    /// (time, requests or rate), time in seconds (since 1970, or from the file's start).
    samples: Vec<(f64, f64)>,
    /// Whether the times are seconds since 1970 (so the start can be shown as a date).
    absolute: bool,
    /// Whether the values are rates per second rather than counts.
    rates: bool,
    /// Rows pushed.
    read: u64,
    /// More different times than [`MAX_PERIODS`]: the file is refused, its rows dropped.
    too_many: bool,
}

/// Requests per period, from the first period to the last, none missing.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Periods {
    /// The first period's start, s (since 1970 when `absolute`).
    pub(super) start_s: f64,
    /// Whether `start_s` is seconds since 1970.
    pub(super) absolute: bool,
    /// Each period's length, s.
    pub(super) period_s: f64,
    /// Requests in each period.
    pub(super) counts: Vec<f64>,
}

impl Rows {
    /// No rows yet; times since 1970 when `absolute`, values per second when `rates`.
    pub(super) fn new(absolute: bool, rates: bool) -> Self {
        Self {
            absolute,
            rates,
            ..Self::default()
        }
    }

    /// Adds a row: requests (or a rate) at time `t`, s.
    pub(super) fn push(&mut self, t: f64, value: f64) {
        self.read += 1;
        if self.too_many {
            return;
        }
        match self.samples.last_mut() {
            Some(last) if last.0 == t => last.1 += value,
            _ => self.samples.push((t, value)),
        }
        if self.samples.len() >= COMPACT_AT {
            self.merge();
            if self.samples.len() > MAX_PERIODS {
                self.too_many = true;
                self.samples = Vec::new();
            }
        }
    }

    /// Rows pushed.
    pub(super) fn read(&self) -> u64 {
        self.read
    }

    /// Sorts the rows by time and adds up those of the same time.
    fn merge(&mut self) {
        self.samples.sort_by(|a, b| a.0.total_cmp(&b.0));
        self.samples.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 += later.1;
            }
            same
        });
    }

    /// The rows summed into periods: sorted, equal times added up, the period the smallest
    /// spacing between distinct times (or `period_s` when the format fixes it), the first period
    /// starting at the first row, and every row counted in the period it falls in. `shown` names
    /// the file in messages.
    pub(super) fn into_periods(
        mut self,
        shown: &str,
        period_s: Option<f64>,
    ) -> Result<Periods, String> {
        if self.too_many {
            return Err(format!(
                "{shown}: the rows hold more than {MAX_PERIODS} different times; at most \
                 {MAX_PERIODS} periods are read (31 days of seconds)"
            ));
        }
        self.merge();
        let (Some(&(first, _)), Some(&(last, _))) = (self.samples.first(), self.samples.last())
        else {
            return Err(format!("{shown}: the file holds no traffic rows"));
        };
        let period_s = match period_s {
            Some(p) => p,
            None => smallest_spacing(&self.samples).ok_or_else(|| {
                if self.read == 1 {
                    format!(
                        "{shown}: the file holds 1 traffic row; at least two rows at different \
                         times are needed to tell the period"
                    )
                } else {
                    format!(
                        "{shown}: all {} rows have the same time; at least two different times \
                         are needed to tell the period",
                        self.read
                    )
                }
            })?,
        };
        let count = ((last - first) / period_s + ON_THE_GRID).floor() + 1.0;
        let span_s = count * period_s;
        if span_s > MAX_SPAN_S * (1.0 + 1e-12) {
            return Err(format!(
                "{shown}: the rows cover {:.1} days; traffic files of up to 31 days are read",
                span_s / 86_400.0
            ));
        }
        if count > MAX_PERIODS as f64 {
            return Err(format!(
                "{shown}: rows {period_s} s apart over {:.1} days make {count} periods; at most \
                 {MAX_PERIODS} are read (31 days of seconds)",
                span_s / 86_400.0
            ));
        }
        let mut counts = vec![0.0; count as usize];
        let scale = if self.rates { period_s } else { 1.0 };
        for &(t, value) in &self.samples {
            let index = ((t - first) / period_s + ON_THE_GRID).floor() as usize;
            if let Some(count) = counts.get_mut(index) {
                *count += value * scale;
            }
        }
        let result = Periods {
            start_s: first,
            absolute: self.absolute,
            period_s,
            counts,
        };
        let peak = result.peak_rps();
        if peak > MAX_RPS {
            return Err(format!(
                "{shown}: the busiest period has {peak:.0} requests per second; up to 1000000 \
                 are allowed"
            ));
        }
        Ok(result)
    }
}

/// The smallest spacing between distinct times of sorted rows, s.
fn smallest_spacing(rows: &[(f64, f64)]) -> Option<f64> {
    rows.windows(2)
        .filter_map(|w| match w {
            [a, b] if b.0 - a.0 > SAME_TIME_S => Some(b.0 - a.0),
            _ => None,
        })
        .reduce(f64::min)
}

impl Periods {
    /// Time the periods cover, s.
    pub(super) fn span_s(&self) -> f64 {
        self.counts.len() as f64 * self.period_s
    }

    /// Every period's requests, added in time order.
    pub(super) fn total(&self) -> f64 {
        self.counts.iter().sum()
    }

    /// The busiest period's rate, requests per second.
    pub(super) fn peak_rps(&self) -> f64 {
        self.counts.iter().copied().fold(0.0, f64::max) / self.period_s
    }

    /// The first period's start as an RFC 3339 UTC time, when the times are dates.
    pub(super) fn start_utc(&self) -> Option<String> {
        self.absolute
            .then(|| super::time::utc_text(self.start_s))
            .flatten()
    }
}

/// A flat step of the traffic: periods `[from, to)` at one rate.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Step {
    from: usize,
    to: usize,
    /// Requests per second over the step.
    rate: f64,
}

/// The periods as points, and the width of their buckets, s.
///
/// Each bucket of periods is a flat step at its average rate, drawn as two points a twentieth of
/// a period inside its edges (the first and last at the very start and end); the straight ramp
/// between two steps has the area the two steps have there, so the points' piecewise-linear
/// integral is the total. Neighbouring steps of the same rate are one step. When that still
/// makes more than [`MAX_POINTS`] points, periods are merged into equal buckets of the fewest
/// periods that fit, but the busiest period stays a bucket of its own, so the peak rate survives.
pub(super) fn points(periods: &Periods) -> (Vec<(f64, f64)>, f64) {
    let counts = &periods.counts;
    let p = periods.period_s;
    let max_steps = MAX_POINTS / 2;
    let mut per_bucket = 1;
    let mut steps = steps(counts, p, 1);
    if steps.len() > max_steps {
        // ceil(n / k) buckets, and two more when the busiest period splits its bucket in three.
        per_bucket = counts.len().div_ceil(max_steps - 2);
        steps = self::steps(counts, p, per_bucket);
    }
    let inset = 0.05 * p;
    let last = steps.len().saturating_sub(1);
    let mut points = Vec::with_capacity(2 * steps.len());
    for (i, step) in steps.iter().enumerate() {
        let start = step.from as f64 * p;
        let end = step.to as f64 * p;
        points.push((if i == 0 { start } else { start + inset }, step.rate));
        points.push((if i == last { end } else { end - inset }, step.rate));
    }
    (points, per_bucket as f64 * p)
}

/// The periods in buckets of `per_bucket` (the busiest period alone when that is more than one),
/// neighbours of the same rate merged.
fn steps(counts: &[f64], period_s: f64, per_bucket: usize) -> Vec<Step> {
    let n = counts.len();
    let peak = counts
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |best, (i, &c)| {
            if c > best.1 { (i, c) } else { best }
        })
        .0;
    let mut steps: Vec<Step> = Vec::new();
    let mut push = |from: usize, to: usize| {
        if to <= from {
            return;
        }
        let requests: f64 = counts.get(from..to).map_or(0.0, |c| c.iter().sum());
        let rate = requests / ((to - from) as f64 * period_s);
        match steps.last_mut() {
            Some(last) if last.rate == rate => last.to = to,
            _ => steps.push(Step { from, to, rate }),
        }
    };
    let mut from = 0;
    while from < n {
        let to = (from + per_bucket).min(n);
        if per_bucket > 1 && (from..to).contains(&peak) {
            push(from, peak);
            push(peak, peak + 1);
            push(peak + 1, to);
        } else {
            push(from, to);
        }
        from = to;
    }
    steps
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The exact integral of piecewise-linear points.
    pub(in super::super) fn integral(points: &[(f64, f64)]) -> f64 {
        points
            .windows(2)
            .map(|w| 0.5 * (w[0].1 + w[1].1) * (w[1].0 - w[0].0))
            .sum()
    }

    fn rows(rows: &[(f64, f64)]) -> Rows {
        let mut r = Rows::new(false, false);
        for &(t, value) in rows {
            r.push(t, value);
        }
        r
    }

    fn periods(counts: Vec<f64>, period_s: f64) -> Periods {
        Periods {
            start_s: 0.0,
            absolute: false,
            period_s,
            counts,
        }
    }

    #[test]
    fn rows_are_sorted_summed_and_gaps_are_zero() {
        let periods = rows(&[
            (120.0, 5.0),
            (0.0, 1.0),
            (60.0, 2.0),
            (60.0, 3.0),
            (300.0, 4.0),
        ])
        .into_periods("t.csv", None)
        .unwrap();
        assert_eq!(periods.period_s, 60.0);
        assert_eq!(periods.counts, vec![1.0, 5.0, 5.0, 0.0, 0.0, 4.0]);
        assert_eq!(periods.total(), 15.0);
        let (points, bucket_s) = points(&periods);
        assert_eq!(bucket_s, 60.0);
        assert!((integral(&points) - 15.0).abs() < 1e-12);
        // 60–180 s is one step of 5 requests a minute; the two zero minutes are one step.
        assert_eq!(
            points,
            vec![
                (0.0, 1.0 / 60.0),
                (57.0, 1.0 / 60.0),
                (63.0, 5.0 / 60.0),
                (177.0, 5.0 / 60.0),
                (183.0, 0.0),
                (297.0, 0.0),
                (303.0, 4.0 / 60.0),
                (360.0, 4.0 / 60.0),
            ]
        );
    }

    #[test]
    fn memory_stays_bounded_however_many_rows() {
        // Three sources, one after the other, over the same 2,000,000 seconds: merged when the
        // rows reach COMPACT_AT, in the third.
        let mut three = Rows::new(false, false);
        for _ in 0..3 {
            for t in 0..2_000_000 {
                three.push(f64::from(t), 1.0);
            }
        }
        assert_eq!(three.samples.len(), 6_000_000 - COMPACT_AT + 2_000_000);
        assert_eq!(three.read(), 6_000_000);
        let periods = three.into_periods("t.csv", None).unwrap();
        assert_eq!((periods.counts.len(), periods.total()), (2_000_000, 6e6));
        // Too many different times: the rows are dropped at once, and the file refused.
        let mut fine = Rows::new(false, false);
        for t in 0..COMPACT_AT {
            fine.push(t as f64 * 0.5, 1.0);
        }
        assert!(fine.samples.is_empty());
        assert_eq!(
            fine.into_periods("t.csv", None),
            Err(
                "t.csv: the rows hold more than 2678400 different times; at most 2678400 \
                 periods are read (31 days of seconds)"
                    .into()
            )
        );
    }

    #[test]
    fn the_first_row_starts_the_first_period() {
        let periods = rows(&[(90.0, 1.0), (30.0, 2.0), (30.0, 1.0)])
            .into_periods("t.csv", None)
            .unwrap();
        assert_eq!((periods.start_s, periods.period_s), (30.0, 60.0));
        assert_eq!(periods.counts, vec![3.0, 1.0]);
    }

    #[test]
    fn one_period_is_two_points() {
        let (points, bucket_s) = points(&periods(vec![30.0], 60.0));
        assert_eq!(points, vec![(0.0, 0.5), (60.0, 0.5)]);
        assert_eq!(bucket_s, 60.0);
    }

    #[test]
    fn rates_become_requests_per_period() {
        let mut r = Rows::new(false, true);
        r.push(0.0, 2.0);
        r.push(10.0, 4.0);
        let periods = r.into_periods("t.csv", None).unwrap();
        assert_eq!(periods.counts, vec![20.0, 40.0]);
        assert_eq!(periods.peak_rps(), 4.0);
    }

    #[test]
    fn quiet_stretches_fit_without_merging_periods() {
        // 100,000 periods but only 2,001 steps: nothing needs averaging.
        let mut counts = vec![0.0; 100_000];
        for i in 0..1000 {
            counts[i * 100] = 1.0 + i as f64;
        }
        let (points, bucket_s) = points(&periods(counts, 1.0));
        assert_eq!(bucket_s, 1.0);
        assert_eq!(points.len(), 2 * 2000);
        assert!((integral(&points) - 500_500.0).abs() < 1e-6);
    }

    #[test]
    fn long_files_keep_the_busiest_period_whole() {
        let mut counts: Vec<f64> = (0..100_000_u64).map(|i| (i * i % 1013) as f64).collect();
        counts[54_321] = 5_000.0;
        let periods = periods(counts, 1.0);
        let (points, bucket_s) = points(&periods);
        assert!(points.len() <= MAX_POINTS);
        // At most 4,762 buckets of 21 periods, and 2 more for the busiest split out (a few
        // neighbours of equal rate merge).
        assert!((9_500..=2 * (100_000_usize.div_ceil(21) + 2)).contains(&points.len()));
        assert_eq!(bucket_s, 21.0);
        assert!(points.windows(2).all(|w| w[0].0 < w[1].0));
        assert!((integral(&points) - periods.total()).abs() < 1e-9 * periods.total());
        assert_eq!(points.iter().map(|p| p.1).fold(0.0, f64::max), 5_000.0);
        assert!(points.contains(&(54_321.05, 5_000.0)) && points.contains(&(54_321.95, 5_000.0)));
        assert_eq!(points.first().map(|p| p.0), Some(0.0));
        assert_eq!(points.last().map(|p| p.0), Some(100_000.0));
    }

    #[test]
    fn too_long_too_fine_or_too_busy_is_refused() {
        let month = rows(&[(0.0, 1.0), (32.0 * 86_400.0, 1.0)]).into_periods("t.csv", Some(60.0));
        assert_eq!(
            month,
            Err("t.csv: the rows cover 32.0 days; traffic files of up to 31 days are read".into())
        );
        let just =
            rows(&[(0.0, 1.0), (31.0 * 86_400.0 - 60.0, 1.0)]).into_periods("t.csv", Some(60.0));
        assert_eq!(just.map(|p| p.span_s()), Ok(MAX_SPAN_S));
        let busy = rows(&[(0.0, 1.0), (1.0, 2e6)]).into_periods("t.csv", None);
        assert_eq!(
            busy,
            Err(
                "t.csv: the busiest period has 2000000 requests per second; up to 1000000 are \
                 allowed"
                    .into()
            )
        );
        let fine = rows(&[(0.0, 1.0), (0.001, 1.0), (86_400.0, 1.0)]).into_periods("t.csv", None);
        assert_eq!(
            fine,
            Err(
                "t.csv: rows 0.001 s apart over 1.0 days make 86400001 periods; at most 2678400 \
                 are read (31 days of seconds)"
                    .into()
            )
        );
        let same = rows(&[(5.0, 1.0), (5.0, 2.0)]).into_periods("t.csv", None);
        assert_eq!(
            same,
            Err(
                "t.csv: all 2 rows have the same time; at least two different times are needed \
                 to tell the period"
                    .into()
            )
        );
        let one = rows(&[(5.0, 1.0)]).into_periods("t.csv", None);
        assert!(one.is_err_and(|e| e.contains("holds 1 traffic row")));
        assert_eq!(
            rows(&[]).into_periods("t.csv", None),
            Err("t.csv: the file holds no traffic rows".into())
        );
    }
}
