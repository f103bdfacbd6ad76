//! Apache and nginx "combined" access logs: one request per line, its time in brackets
//! (`127.0.0.1 - - [05/Dec/2026:21:00:01 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.5"`),
//! counted per second or per minute.

use super::periods::Rows;
use super::time::parse_log_time;
use super::{LogBin, Read, TrafficFormat};

/// Whether a line looks like a combined log line: a bracketed time followed by a quoted request.
pub(super) fn looks_like(line: &str) -> bool {
    bracketed_time(line).is_some_and(|(_, end)| {
        line.get(end..)
            .is_some_and(|rest| rest.trim_start().starts_with('"'))
    })
}

/// The text inside the line's first brackets, and the byte after the closing one, when it is
/// as long as a log time (`05/Dec/2026:21:00:01 +0000`).
fn bracketed_time(line: &str) -> Option<(usize, usize)> {
    let open = line.find('[')?;
    let close = open + line.get(open..)?.find(']')?;
    (close - open - 1 == 26).then_some((open + 1, close + 1))
}

/// Reads a combined log, one request per non-blank line.
pub(super) fn read(shown: &str, text: &str, bin: LogBin) -> Result<Read, String> {
    let mut rows = Rows::new(true, false);
    // Logs hold many lines a second: the previous line's time is reused when its text repeats
    // (and lines of the same bin in a row add up to one row).
    let mut last: Option<(&str, f64)> = None;
    let bin_s = bin.seconds();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |column: usize, what: &str| format!("{shown}:{}:{column}: {what}", index + 1);
        let Some((from, to)) = bracketed_time(line) else {
            return Err(at(
                1,
                "no [day/Mon/year:hh:mm:ss +zone] time, as a combined access log line has",
            ));
        };
        let stamp = line.get(from..to - 1).unwrap_or_default();
        let t = match last {
            Some((text, t)) if text == stamp => t,
            _ => {
                // `from` is the 0-based byte after the bracket: the bracket's 1-based column.
                let seconds = parse_log_time(stamp).ok_or_else(|| {
                    at(
                        from,
                        &format!(
                            "\"{stamp}\" is not a log time (expected day/Mon/year:hh:mm:ss +zone, \
                             e.g. 05/Dec/2026:21:00:01 +0000)"
                        ),
                    )
                })?;
                let t = (seconds / bin_s).floor() * bin_s;
                last = Some((stamp, t));
                t
            }
        };
        rows.push(t, 1.0);
    }
    Ok(Read {
        format: TrafficFormat::AccessLog,
        series: None,
        rows: rows.read(),
        periods: rows.into_periods(shown, Some(bin_s))?,
        partial_data: false,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::read as read_text;
    use super::super::{ImportError, ImportOptions, read_bytes};
    use super::*;

    fn line(time: &str) -> String {
        format!(
            "203.0.113.9 - - [{time}] \"GET /api/orders HTTP/1.1\" 200 512 \"-\" \"curl/8.5\"\n"
        )
    }

    #[test]
    fn requests_are_counted_per_second_or_minute() {
        let mut log = String::new();
        for (time, n) in [
            ("05/Dec/2026:21:00:01 +0000", 3),
            ("05/Dec/2026:21:00:02 +0000", 1),
            ("05/Dec/2026:22:00:04 +0100", 2),
            ("05/Dec/2026:21:01:30 +0000", 4),
        ] {
            for _ in 0..n {
                log.push_str(&line(time));
            }
        }
        log.push('\n');
        let per_second = read_text("access.log", &log).unwrap();
        let s = &per_second.source;
        assert_eq!(s.format, TrafficFormat::AccessLog);
        assert_eq!((s.rows, s.period_s, s.periods), (10, 1.0, 90));
        assert_eq!(s.total_requests, 10.0);
        assert_eq!(s.peak_rps, 4.0);
        assert_eq!(s.start_utc.as_deref(), Some("2026-12-05T21:00:01Z"));

        let options = ImportOptions {
            log_bin: LogBin::Minute,
            ..ImportOptions::default()
        };
        let per_minute = read_bytes("access.log", log.as_bytes(), &options).unwrap();
        let s = &per_minute.source;
        assert_eq!((s.period_s, s.periods, s.total_requests), (60.0, 2, 10.0));
        assert_eq!(s.peak_rps, 6.0 / 60.0);
        assert_eq!(s.start_utc.as_deref(), Some("2026-12-05T21:00:00Z"));
    }

    #[test]
    fn a_line_without_a_time_names_its_line() {
        let log = format!("{}garbage here\n", line("05/Dec/2026:21:00:01 +0000"));
        assert_eq!(
            read_text("access.log", &log),
            Err(ImportError::Bad(
                "access.log:2:1: no [day/Mon/year:hh:mm:ss +zone] time, as a combined access log \
                 line has"
                    .into()
            ))
        );
        let log = format!(
            "{}{}",
            line("05/Dec/2026:21:00:01 +0000"),
            line("32/Dec/2026:21:00:01 +0000")
        );
        assert_eq!(
            read_text("access.log", &log),
            Err(ImportError::Bad(
                "access.log:2:17: \"32/Dec/2026:21:00:01 +0000\" is not a log time (expected \
                 day/Mon/year:hh:mm:ss +zone, e.g. 05/Dec/2026:21:00:01 +0000)"
                    .into()
            ))
        );
    }
}
