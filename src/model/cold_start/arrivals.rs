//! Arrivals along the traffic curve: expected requests (the area under its linear interpolation)
//! and a cursor that walks forward measuring or consuming them, which turns random draws into
//! arrival times.

/// Expected requests of a traffic curve: the area under its linear interpolation.
pub fn expected_requests(traffic: &[(f64, f64)]) -> f64 {
    let mut cursor = RateCursor::new(traffic);
    cursor.area_to(f64::INFINITY)
}

/// The span of a traffic curve, first to last point, in seconds.
pub(super) fn horizon(traffic: &[(f64, f64)]) -> (f64, f64) {
    match (traffic.first(), traffic.last()) {
        (Some(first), Some(last)) => (first.0, last.0.max(first.0)),
        _ => (0.0, 0.0),
    }
}

/// Walks forward along a piecewise-linear rate curve, measuring or consuming expected arrivals.
pub(super) struct RateCursor<'a> {
    points: &'a [(f64, f64)],
    segment: usize,
    t_s: f64,
}

/// A segment of the rate curve: start, end, rate at start, slope per second.
#[derive(Clone, Copy)]
struct Segment {
    end_s: f64,
    start_s: f64,
    start_rps: f64,
    slope: f64,
}

impl Segment {
    fn rate_at(&self, t_s: f64) -> f64 {
        (self.start_rps + self.slope * (t_s - self.start_s)).max(0.0)
    }
}

impl<'a> RateCursor<'a> {
    pub(super) fn new(points: &'a [(f64, f64)]) -> Self {
        Self {
            points,
            segment: 0,
            t_s: points.first().map_or(0.0, |p| p.0),
        }
    }

    fn current(&self) -> Option<Segment> {
        let &(start_s, a_rps) = self.points.get(self.segment)?;
        let &(end_s, b_rps) = self.points.get(self.segment + 1)?;
        let (a_rps, b_rps) = (a_rps.max(0.0), b_rps.max(0.0));
        let length_s = end_s - start_s;
        Some(Segment {
            end_s,
            start_s,
            start_rps: a_rps,
            slope: if length_s > 0.0 {
                (b_rps - a_rps) / length_s
            } else {
                0.0
            },
        })
    }

    /// Moves forward until `area` expected arrivals have passed and returns that time, by
    /// inverting the integrated rate (time rescaling); `None` past the last point.
    pub(super) fn advance(&mut self, area: f64) -> Option<f64> {
        let mut area = area.max(0.0);
        loop {
            let segment = self.current()?;
            let rest_s = (segment.end_s - self.t_s).max(0.0);
            let now_rps = segment.rate_at(self.t_s);
            let rest_area = 0.5 * (now_rps + segment.rate_at(segment.end_s)) * rest_s;
            if area <= rest_area && rest_area > 0.0 {
                // Solve now_rps·x + slope·x²/2 = area in the form that stays stable for any slope.
                let root = (now_rps * now_rps + 2.0 * segment.slope * area)
                    .max(0.0)
                    .sqrt();
                let denominator = now_rps + root;
                let x_s = if denominator > 0.0 {
                    (2.0 * area / denominator).min(rest_s)
                } else {
                    0.0
                };
                self.t_s += x_s;
                return Some(self.t_s);
            }
            area -= rest_area;
            self.segment += 1;
            self.t_s = segment.end_s;
        }
    }

    /// Expected arrivals from the cursor to `t_s`, moving the cursor there.
    pub(super) fn area_to(&mut self, t_s: f64) -> f64 {
        let mut total = 0.0;
        while let Some(segment) = self.current() {
            if self.t_s >= t_s {
                break;
            }
            let stop_s = t_s.min(segment.end_s);
            total += 0.5
                * (segment.rate_at(self.t_s) + segment.rate_at(stop_s))
                * (stop_s - self.t_s).max(0.0);
            self.t_s = stop_s.max(self.t_s);
            if stop_s < segment.end_s {
                break;
            }
            self.segment += 1;
        }
        total
    }
}
