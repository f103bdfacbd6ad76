//! Where the exact timeline window of a scenario simulated in aggregate opens: just before its
//! steepest spike, or else at its median request, with a lead-in that leaves warm what earlier
//! traffic would have left warm.

use serde::Serialize;

use super::arrivals::{RateCursor, expected_requests};
use super::exact::ExactSpan;
use super::inputs::Model;
use crate::model::traffic;

/// Expected requests in the exact timeline window of a scenario simulated in aggregate.
pub const WINDOW_REQUESTS: f64 = 5_000.0;

/// Expected requests simulated before a window that opens later than the scenario's start, so
/// the environments that traffic leaves warm are there when the window opens.
pub const LEAD_IN_REQUESTS: f64 = 20_000.0;

/// A rise in demand counts as a spike when the rate at least doubles within this many seconds.
pub const SPIKE_RISE_S: f64 = 60.0;

/// How long before a spike's rise its window opens, in seconds.
pub const SPIKE_LEAD_S: f64 = 1.0;

/// Where the timeline's window opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum WindowStart {
    /// At the scenario's start, every environment new (every exactly simulated scenario).
    Beginning,
    /// Just before the steepest spike in demand.
    Spike,
    /// At the median request: a typical moment, with the environments earlier traffic left warm.
    Typical,
}

/// The timeline window of a scenario simulated in aggregate: just before its steepest spike if
/// demand at least doubles within [`SPIKE_RISE_S`], else from its median request; about
/// [`WINDOW_REQUESTS`] long, with up to [`LEAD_IN_REQUESTS`] (and at most the idle time) of the
/// traffic before it simulated unrecorded, to leave the environments it would leave warm.
pub(super) fn window_span(
    traffic: &[(f64, f64)],
    model: &Model,
    horizon_s: (f64, f64),
) -> (WindowStart, ExactSpan) {
    let (h0, h1) = horizon_s;
    let (kind, record_from_s) = match steepest_spike(traffic) {
        Some(rise_s) if rise_s - SPIKE_LEAD_S > h0 => (WindowStart::Spike, rise_s - SPIKE_LEAD_S),
        Some(_) => (WindowStart::Beginning, h0),
        None => {
            let median_s = RateCursor::new(traffic)
                .advance(0.5 * expected_requests(traffic))
                .unwrap_or(h0);
            if median_s > h0 {
                (WindowStart::Typical, median_s)
            } else {
                (WindowStart::Beginning, h0)
            }
        }
    };
    let before = RateCursor::new(traffic).area_to(record_from_s);
    let lead_in_s = if before > LEAD_IN_REQUESTS {
        RateCursor::new(traffic)
            .advance(before - LEAD_IN_REQUESTS)
            .unwrap_or(h0)
    } else {
        h0
    };
    let start_s = lead_in_s
        .max(record_from_s - model.idle_s)
        .clamp(h0, record_from_s);
    let mut cursor = RateCursor::new(traffic);
    cursor.area_to(record_from_s);
    let end_s = cursor.advance(WINDOW_REQUESTS).unwrap_or(h1);
    // Past the scenario's start, traffic before the lead-in has kept a pool warm: as many
    // environments as requests in flight at that rate plus three standard deviations (Poisson),
    // so the lead-in does not begin with a burst of cold starts no steady service has.
    let warm_pool = if kind == WindowStart::Beginning {
        0
    } else {
        let in_flight = traffic::rate_at(traffic, start_s).max(0.0) * model.duration_ms / 1000.0;
        ((in_flight + 3.0 * in_flight.sqrt() + 1.0).ceil() as usize).min(model.limit)
    };
    (
        kind,
        ExactSpan {
            start_s,
            record_from_s,
            end_s,
            warm_pool,
        },
    )
}

/// When the steepest spike of a traffic curve starts: the start of the segment with the largest
/// rise in rate among those where the rate at least doubles within [`SPIKE_RISE_S`].
fn steepest_spike(traffic: &[(f64, f64)]) -> Option<f64> {
    traffic
        .windows(2)
        .filter_map(|pair| {
            let [(t0, r0), (t1, r1)] = [*pair.first()?, *pair.get(1)?];
            let (r0, r1) = (r0.max(0.0), r1.max(0.0));
            (r1 > r0 && r1 >= 2.0 * r0 && t1 - t0 <= SPIKE_RISE_S).then_some((t0, r1 - r0))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(t0, _)| t0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cold_start::arrivals::horizon;
    use crate::model::scenario::Scenario;

    #[test]
    fn spikes_and_typical_moments_are_found_in_the_curve() {
        // A doubling within a minute is a spike; the largest rise wins.
        let traffic = [
            (0.0, 10.0),
            (100.0, 10.0),
            (110.0, 50.0),
            (200.0, 50.0),
            (230.0, 500.0),
        ];
        assert_eq!(steepest_spike(&traffic), Some(200.0));
        // A slow morning ramp is not: the window opens at the median request instead.
        let daily = [
            (0.0, 100.0),
            (6.0 * 3600.0, 1_000.0),
            (24.0 * 3600.0, 1_000.0),
        ];
        assert_eq!(steepest_spike(&daily), None);
        let mut s = Scenario {
            traffic: daily.to_vec(),
            ..Scenario::default()
        };
        s.workload.avg_duration_ms = 100.0;
        let model = Model::of(&s);
        let (kind, span) = window_span(&daily, &model, horizon(&daily));
        assert_eq!(kind, WindowStart::Typical);
        let before = RateCursor::new(&daily).area_to(span.record_from_s);
        assert!((before / expected_requests(&daily) - 0.5).abs() < 1e-9);
        // The lead-in is 20,000 requests at 1,000 rps, shorter than the idle time.
        assert!(
            (span.record_from_s - span.start_s - 20.0).abs() < 1e-6,
            "{span:?}"
        );
        let after = RateCursor::new(&daily).area_to(span.end_s) - before;
        assert!((after - WINDOW_REQUESTS).abs() < 1e-6, "{after}");
    }
}
