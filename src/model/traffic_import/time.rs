//! Timestamps of traffic files as seconds since 1970 in UTC, read with the `jiff` crate.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// The accepted forms of [`parse_utc`], for messages.
pub(super) const TIME_FORMS: &str = "an ISO 8601 time such as 2026-12-05T21:00:00Z, \
                                     2026-12-05 22:00:00+01:00, or 2026-12-05T21:00:00 for UTC";

/// An ISO 8601 / RFC 3339 time (`2026-12-05T21:00:00Z`, `2026-12-05 22:00:00+01:00`,
/// `2026-12-05T21:00:00.000Z`) as seconds since 1970; a time without an offset is UTC. Also a
/// plain number of seconds since 1970 (CloudWatch's epoch times), or of milliseconds when it is
/// too large to be seconds. A trailing ` UTC` or ` GMT` is allowed.
pub(super) fn parse_utc(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = text
        .strip_suffix(" UTC")
        .or_else(|| text.strip_suffix(" GMT"))
        .unwrap_or(text);
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Some(seconds(ts));
    }
    if let Ok(civil) = text.parse::<DateTime>() {
        return TimeZone::UTC.to_timestamp(civil).ok().map(seconds);
    }
    let number: f64 = text.parse().ok()?;
    // Seconds since 1970 pass 1e11 in the year 5138; milliseconds did in 1973.
    let s = if number.abs() >= 1e11 {
        number / 1000.0
    } else {
        number
    };
    s.is_finite().then_some(s)
}

/// An access log's `05/Dec/2026:21:00:01 +0000` as seconds since 1970.
pub(super) fn parse_log_time(text: &str) -> Option<f64> {
    jiff::fmt::strtime::parse("%d/%b/%Y:%H:%M:%S %z", text)
        .ok()?
        .to_timestamp()
        .ok()
        .map(seconds)
}

/// Seconds since 1970 as an RFC 3339 time in UTC (`2026-12-05T21:00:00Z`).
pub(super) fn utc_text(seconds: f64) -> Option<String> {
    let whole = seconds.floor();
    let nanos = ((seconds - whole) * 1e9).round() as i32;
    Timestamp::new(whole as i64, nanos.min(999_999_999))
        .ok()
        .map(|ts| ts.to_string())
}

fn seconds(ts: Timestamp) -> f64 {
    ts.as_second() as f64 + f64::from(ts.subsec_nanosecond()) / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_accepted_form_is_the_same_instant() {
        let utc = 1_796_504_400.0; // 2026-12-05T21:00:00Z
        for text in [
            "2026-12-05T21:00:00Z",
            "2026-12-05 21:00:00Z",
            "2026-12-05T22:00:00+01:00",
            "2026-12-05T21:00:00.000Z",
            "2026-12-05T21:00:00",
            "2026-12-05 21:00:00",
            "1796504400",
            "1796504400000",
            "2026-12-05 21:00:00 UTC",
        ] {
            assert_eq!(parse_utc(text), Some(utc), "{text}");
        }
        assert_eq!(parse_log_time("05/Dec/2026:22:00:00 +0100"), Some(utc));
        assert_eq!(parse_utc("yesterday"), None);
        assert_eq!(parse_log_time("2026-12-05 21:00:00"), None);
        assert_eq!(utc_text(utc).as_deref(), Some("2026-12-05T21:00:00Z"));
    }
}
