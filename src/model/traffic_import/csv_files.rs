//! Traffic in CSV, with a header row, in either of two layouts (read with the `csv` crate, one
//! reused record, cells trimmed, rows of any length):
//!
//! - our own: a time column, `timestamp` (ISO 8601 / RFC 3339, with an offset or in UTC) or
//!   `seconds` (from the start), and either `requests` (the count in the row's period) or `rps`
//!   (a rate); other columns are ignored;
//! - the CloudWatch console's Actions → "Download as .csv" of a metric graph.
//!
//! The CloudWatch layout: no AWS page found describes the columns of that file. Searched were
//! the CloudWatch User Guide ("Graph a metric",
//! <https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph_a_metric.html>, and
//! "Metrics in Amazon CloudWatch",
//! <https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/working_with_metrics.html>),
//! the API reference, and public issues and code; none shows the file. What is read is the
//! layout of public examples of graph exports: a header row whose first cell names the time
//! (any text, even empty), then one column per metric on the graph, headed by the metric's label
//! (e.g. `Invocations`); each row is one period, the time first (ISO 8601, `2026-12-01
//! 00:00:00`, a trailing ` UTC`, or epoch seconds or milliseconds), a cell left empty where the
//! metric has no datapoint. With several metric columns, `ImportOptions::series` picks one by
//! its header (case-insensitive).
//!
//! Empty value cells count as no requests.

use super::FORMATS;
use super::periods::Rows;
use super::time::{TIME_FORMS, parse_utc};
use super::{ImportError, ImportOptions, Read, TrafficFormat};

/// The columns read.
struct Columns {
    /// Index of the time column, and whether it holds seconds from the start.
    time: usize,
    seconds: bool,
    /// Index of the value column, and whether it holds rates.
    value: usize,
    rates: bool,
    format: TrafficFormat,
    series: Option<String>,
}

/// Reads a CSV traffic file of either layout.
pub(super) fn read(shown: &str, text: &str, options: &ImportOptions) -> Result<Read, ImportError> {
    let bad = ImportError::Bad;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        // Cells are trimmed as they are read: the csv crate's trimming of records allocates a
        // new record for each row.
        .trim(csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| bad(format!("{shown}: not CSV: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    let columns = columns(shown, &header, options)?;
    let mut rows = Rows::new(!columns.seconds, columns.rates);
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(bad(format!("{shown}: not CSV: {e}"))),
        }
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(|cell| cell.trim_ascii().is_empty()) {
            continue;
        }
        let at =
            |column: usize, what: String| bad(format!("{shown}:{line}:{}: {what}", column + 1));
        let cell = |column: usize| {
            record
                .get(column)
                .map_or("", |b| std::str::from_utf8(b).unwrap_or_default().trim())
        };
        let time_text = cell(columns.time);
        let t = if columns.seconds {
            time_text
                .parse::<f64>()
                .ok()
                .filter(|t| t.is_finite() && *t >= 0.0)
                .ok_or_else(|| {
                    at(
                        columns.time,
                        format!("\"{time_text}\" is not a number of seconds (expected 0 or more)"),
                    )
                })?
        } else {
            parse_utc(time_text).ok_or_else(|| {
                let expected = if columns.format == TrafficFormat::PlainCsv {
                    format!("expected {TIME_FORMS}")
                } else {
                    format!(
                        "expected {TIME_FORMS} in the first column of a CloudWatch console \
                         CSV; {FORMATS}"
                    )
                };
                at(
                    columns.time,
                    format!("\"{time_text}\" is not a time ({expected})"),
                )
            })?
        };
        let value_text = cell(columns.value);
        let value = if value_text.is_empty() {
            0.0
        } else {
            value_text
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
                .ok_or_else(|| {
                    let what = if columns.rates {
                        "a rate (expected requests per second, 0 or more)"
                    } else {
                        "a number of requests (expected a count of 0 or more)"
                    };
                    at(columns.value, format!("\"{value_text}\" is not {what}"))
                })?
        };
        rows.push(t, value);
    }
    if rows.read() == 0 && columns.format == TrafficFormat::CloudWatchCsv {
        // A header of no known columns and nothing under it: maybe no traffic file at all.
        return Err(bad(format!(
            "{shown}: the file holds no traffic rows, only a first line ({FORMATS})"
        )));
    }
    Ok(Read {
        format: columns.format,
        series: columns.series,
        rows: rows.read(),
        periods: rows.into_periods(shown, None).map_err(bad)?,
        partial_data: false,
    })
}

/// Which columns hold the time and the requests: our own names if the header has them, else the
/// CloudWatch layout with the series picked.
fn columns(
    shown: &str,
    header: &[String],
    options: &ImportOptions,
) -> Result<Columns, ImportError> {
    let find = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let time = find("timestamp")
        .map(|i| (i, false))
        .or(find("seconds").map(|i| (i, true)));
    let value = find("requests")
        .map(|i| (i, false))
        .or(find("rps").map(|i| (i, true)));
    if let (Some((time, seconds)), Some((value, rates))) = (time, value) {
        return Ok(Columns {
            time,
            seconds,
            value,
            rates,
            format: TrafficFormat::PlainCsv,
            series: None,
        });
    }
    // Every column after the time, with a name, is a metric.
    let metrics: Vec<(usize, &String)> = header
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, h)| !h.is_empty())
        .collect();
    let choices = || metrics.iter().map(|(_, m)| (*m).clone()).collect();
    let (value, chosen) = match (metrics.as_slice(), options.series.as_deref()) {
        ([], _) => {
            return Err(ImportError::Bad(format!(
                "{shown}:1: not a traffic file: the first line is no traffic header ({FORMATS})"
            )));
        }
        ([one], _) => *one,
        (several, Some(wanted)) => several
            .iter()
            .find(|(_, m)| m.eq_ignore_ascii_case(wanted))
            .copied()
            .ok_or_else(|| ImportError::SeriesNeeded {
                file: shown.to_owned(),
                choices: choices(),
            })?,
        (_, None) => {
            return Err(ImportError::SeriesNeeded {
                file: shown.to_owned(),
                choices: choices(),
            });
        }
    };
    Ok(Columns {
        time: 0,
        seconds: false,
        value,
        rates: false,
        format: TrafficFormat::CloudWatchCsv,
        series: Some(chosen.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::read as read_text;
    use super::super::{ImportedTraffic, read_bytes};
    use super::*;

    fn with_series(text: &str, series: &str) -> Result<ImportedTraffic, ImportError> {
        let options = ImportOptions {
            series: Some(series.to_owned()),
            ..ImportOptions::default()
        };
        read_bytes("graph.csv", text.as_bytes(), &options)
    }

    #[test]
    fn timestamps_and_requests_out_of_order_with_a_gap() {
        let csv = "Timestamp, Requests, note\n\
                   2026-12-05T21:02:00Z,30,x\n\
                   2026-12-05T22:00:00+01:00,10,y\n\
                   2026-12-05 21:01:00,20,\n\
                   2026-12-05T21:01:00Z,5,dup\n\
                   \n\
                   2026-12-05T21:05:00Z,60,\n";
        let t = read_text("my.csv", csv).unwrap();
        let s = &t.source;
        assert_eq!(s.format, TrafficFormat::PlainCsv);
        assert_eq!((s.rows, s.period_s, s.periods), (5, 60.0, 6));
        assert_eq!(s.total_requests, 125.0);
        assert_eq!(s.peak_rps, 1.0);
        assert_eq!(s.span_s, 360.0);
        assert_eq!(s.start_utc.as_deref(), Some("2026-12-05T21:00:00Z"));
        // Minutes 3 and 4 have no row: zero, one step.
        assert!(t.points.contains(&(183.0, 0.0)) && t.points.contains(&(297.0, 0.0)));
    }

    #[test]
    fn seconds_and_rates() {
        let t = read_text("r.csv", "seconds,rps\n0,2\n10,4\n20,0\n").unwrap();
        let s = &t.source;
        assert_eq!(
            (s.period_s, s.total_requests, s.peak_rps),
            (10.0, 60.0, 4.0)
        );
        assert_eq!(s.start_utc, None);
    }

    #[test]
    fn cloudwatch_columns_are_picked_by_name() {
        let one = "Time,Invocations\n2026-12-01 00:00:00,100\n2026-12-01 00:01:00,\n2026-12-01 00:02:00,50\n";
        let t = read_text("graph.csv", one).unwrap();
        assert_eq!(t.source.format, TrafficFormat::CloudWatchCsv);
        assert_eq!(t.source.series.as_deref(), Some("Invocations"));
        assert_eq!(t.source.total_requests, 150.0);
        assert_eq!((t.source.periods, t.source.period_s), (3, 60.0));
        assert_eq!(t.source.start_utc.as_deref(), Some("2026-12-01T00:00:00Z"));
        // One metric is read whatever the series asked for; the source says which it was.
        assert_eq!(with_series(one, "Throttles").unwrap(), t);
        let two = "Time,Invocations,Errors\n2026-12-01 00:00:00,100,1\n2026-12-01 00:01:00,40,2\n";
        assert_eq!(
            read_text("graph.csv", two),
            Err(ImportError::SeriesNeeded {
                file: "graph.csv".into(),
                choices: vec!["Invocations".into(), "Errors".into()],
            })
        );
        assert_eq!(
            read_text("graph.csv", two).unwrap_err().to_string(),
            "graph.csv holds 2 series (\"Invocations\", \"Errors\"); pick one with \
             --traffic-series NAME"
        );
        assert_eq!(
            with_series(two, "errors").unwrap().source.total_requests,
            3.0
        );
        assert!(matches!(
            with_series(two, "Throttles"),
            Err(ImportError::SeriesNeeded { .. })
        ));
    }

    #[test]
    fn each_bad_cell_names_its_line_and_column() {
        let cases = [
            (
                "timestamp,requests\n2026-12-05T21:00:00Z,1\n2026-12-05T21:01:00Z,2\n2026-12-05T21:02:00Z,3\n2026-12-05T21:03:00Z,12x\n",
                "traffic.csv:5:2: \"12x\" is not a number of requests (expected a count of 0 or more)",
            ),
            (
                "timestamp,requests\n2026-12-05T21:00:00Z,-4\n",
                "traffic.csv:2:2: \"-4\" is not a number of requests (expected a count of 0 or more)",
            ),
            (
                "seconds,rps\n0,1\n10,NaN\n",
                "traffic.csv:3:2: \"NaN\" is not a rate (expected requests per second, 0 or more)",
            ),
            (
                "timestamp,requests\nnoon,1\n",
                "traffic.csv:2:1: \"noon\" is not a time (expected an ISO 8601 time such as \
                 2026-12-05T21:00:00Z, 2026-12-05 22:00:00+01:00, or 2026-12-05T21:00:00 for UTC)",
            ),
            (
                "seconds,requests\n-5,1\n",
                "traffic.csv:2:1: \"-5\" is not a number of seconds (expected 0 or more)",
            ),
            (
                "timestamp,requests\n",
                "traffic.csv: the file holds no traffic rows",
            ),
            (
                "timestamp,requests\n2026-12-05T21:00:00Z,1\n",
                "traffic.csv: the file holds 1 traffic row; at least two rows at different times \
                 are needed to tell the period",
            ),
        ];
        for (csv, message) in cases {
            assert_eq!(
                read_text("traffic.csv", csv),
                Err(ImportError::Bad(message.into())),
                "{csv}"
            );
        }
    }

    #[test]
    fn a_csv_of_neither_layout_says_which_are_accepted() {
        assert_eq!(
            read_text("notes.txt", "hello world\nsecond line\n"),
            Err(ImportError::Bad(format!(
                "notes.txt:1: not a traffic file: the first line is no traffic header ({FORMATS})"
            )))
        );
        assert_eq!(
            read_text("people.csv", "name,age\nann,31\n"),
            Err(ImportError::Bad(format!(
                "people.csv:2:1: \"ann\" is not a time (expected {TIME_FORMS} in the first column \
                 of a CloudWatch console CSV; {FORMATS})"
            )))
        );
        // A JSON array, or TOML, is no traffic file either.
        assert_eq!(
            read_text("list.json", "[1, 2]\n"),
            Err(ImportError::Bad(format!(
                "list.json: the file holds no traffic rows, only a first line ({FORMATS})"
            )))
        );
        assert_eq!(
            read_text("Cargo.toml", "[package]\nname = \"x\"\n"),
            Err(ImportError::Bad(format!(
                "Cargo.toml:1: not a traffic file: the first line is no traffic header ({FORMATS})"
            )))
        );
        assert!(FORMATS.contains("combined access log") && FORMATS.contains("get-metric-data"));
    }
}
