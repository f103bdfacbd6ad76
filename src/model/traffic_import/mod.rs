//! Traffic files read into a scenario's traffic: a metric export or a request log becomes at
//! most [`MAX_POINTS`] (seconds, requests per second) points that keep the file's total requests
//! and its busiest period exactly.
//!
//! The reader goes by the content, not the file name:
//!
//! - `csv_files`: a CSV with a header, either of our own columns (`timestamp` or `seconds`, and
//!   `requests` or `rps`) or the CloudWatch console's "Download as .csv" (a time column, then one
//!   column per metric);
//! - `access_log`: Apache or nginx "combined" logs, one request per line;
//! - `cli_json`: the AWS CLI's `cloudwatch get-metric-statistics` and `get-metric-data` output;
//! - `periods`: what all of them share: rows sorted and summed into periods of the file's
//!   spacing, and the periods turned into points;
//! - `time`: timestamps (with the `jiff` crate) as UTC seconds.
//!
//! Nothing here knows the scenario; `model::traffic_file` puts the points into one.

mod access_log;
mod cli_json;
mod csv_files;
mod periods;
mod time;

use std::path::Path;

use super::scenario::{MAX_TRAFFIC_POINTS, MAX_TRAFFIC_RPS, MAX_TRAFFIC_SECS};

/// Files over 100 MB are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// Lines over 64 KiB are refused: no traffic format has them, binary data does.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Most points the import gives: the scenario's limit.
pub const MAX_POINTS: usize = MAX_TRAFFIC_POINTS;

/// Longest time a file may cover, s: the scenario's limit (31 days, a month of a metric export).
pub const MAX_SPAN_S: f64 = MAX_TRAFFIC_SECS;

/// Highest rate of a file's busiest period, requests per second: the scenario's limit.
pub const MAX_RPS: f64 = MAX_TRAFFIC_RPS;

/// How an access log's requests are counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogBin {
    /// Requests per second: every spike as it was.
    #[default]
    Second,
    /// Requests per minute, as CloudWatch's one-minute metrics count.
    Minute,
}

impl LogBin {
    /// The bin's length, s.
    pub fn seconds(self) -> f64 {
        match self {
            Self::Second => 1.0,
            Self::Minute => 60.0,
        }
    }
}

/// How a traffic file is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The series to read from a file that holds several: a CloudWatch CSV's column name, or a
    /// get-metric-data result's `Id` or `Label`.
    pub series: Option<String>,
    /// How an access log's requests are counted.
    pub log_bin: LogBin,
}

/// The kinds of traffic file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrafficFormat {
    /// The CloudWatch console's "Download as .csv" of a metric graph.
    CloudWatchCsv,
    /// A CSV with `timestamp` or `seconds`, and `requests` or `rps`.
    PlainCsv,
    /// An Apache or nginx "combined" access log.
    AccessLog,
    /// `aws cloudwatch get-metric-statistics` output.
    MetricStatistics,
    /// `aws cloudwatch get-metric-data` output.
    MetricData,
}

impl TrafficFormat {
    /// The format's name, for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::CloudWatchCsv => "CloudWatch console CSV",
            Self::PlainCsv => "CSV",
            Self::AccessLog => "combined access log",
            Self::MetricStatistics => "get-metric-statistics JSON",
            Self::MetricData => "get-metric-data JSON",
        }
    }
}

/// What a traffic file held.
#[derive(Clone, Debug, PartialEq)]
pub struct TrafficSource {
    /// The file's name.
    pub file_name: String,
    /// Its format.
    pub format: TrafficFormat,
    /// The column, `Id` or `Label` read, in a format that can hold several.
    pub series: Option<String>,
    /// The file's period, s: the spacing of its timestamps, or the access log's bin.
    pub period_s: f64,
    /// Data rows, log lines or datapoints read.
    pub rows: u64,
    /// Periods from the first to the last, those with no row counted as zero.
    pub periods: u64,
    /// Time the periods cover, s.
    pub span_s: f64,
    /// The first period's start, RFC 3339 in UTC; `None` for a file of `seconds`.
    pub start_utc: Option<String>,
    /// The file's requests, summed exactly.
    pub total_requests: f64,
    /// The busiest period's requests over its length, per second.
    pub peak_rps: f64,
    /// Width of the buckets the points show, s: the period, or more when periods were averaged
    /// together to fit [`MAX_POINTS`] (the busiest period always stays its own).
    pub bucket_s: f64,
    /// CloudWatch answered `PartialData`: the file holds only part of the time asked for.
    pub partial_data: bool,
}

/// A traffic file's points and what it held.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedTraffic {
    /// (seconds from the first period's start, requests per second), strictly increasing in
    /// time, at most [`MAX_POINTS`]; their piecewise-linear integral is the file's total.
    pub points: Vec<(f64, f64)>,
    /// What the file held.
    pub source: TrafficSource,
}

impl ImportedTraffic {
    /// The file's requests scaled to AWS's month of 730 hours.
    pub fn requests_per_month(&self) -> f64 {
        let span_s = self.source.span_s;
        if span_s > 0.0 {
            self.source.total_requests * 730.0 * 3600.0 / span_s
        } else {
            0.0
        }
    }
}

/// Why a traffic file was not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// One message naming the file, the place (line and column, or the JSON path) and what was
    /// expected.
    #[error("{0}")]
    Bad(String),
    /// The file holds several series and the options named none of them.
    #[error(
        "{file} holds {} series ({}); pick one with --traffic-series NAME",
        .choices.len(),
        quoted(.choices)
    )]
    SeriesNeeded {
        /// The file.
        file: String,
        /// The names that can be picked.
        choices: Vec<String>,
    },
}

fn quoted(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    quoted.join(", ")
}

/// What every message about a file of no known format says.
pub(super) const FORMATS: &str = "accepted: a CSV with a header of timestamp or seconds, and \
    requests or rps; the CloudWatch console's Download as .csv (a time column, then one column \
    per metric); an Apache or nginx combined access log; or the JSON of aws cloudwatch \
    get-metric-statistics or get-metric-data";

/// Reads a traffic file: its size is checked before it is read (over [`MAX_FILE_BYTES`] is
/// refused), then its bytes go to [`read_bytes`] under the file's name.
pub fn read_file(path: &Path, options: &ImportOptions) -> Result<ImportedTraffic, ImportError> {
    let shown = path.display();
    let size = std::fs::metadata(path)
        .map_err(|e| ImportError::Bad(format!("{shown}: cannot read the file: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(too_big(&shown.to_string(), size));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| ImportError::Bad(format!("{shown}: cannot read the file: {e}")))?;
    read_bytes(&crate::model::format::file_name(path), &bytes, options)
}

/// Reads a traffic file's bytes, of any accepted format (told by the content, not the name);
/// messages and the source name the file `file_name`.
pub fn read_bytes(
    file_name: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<ImportedTraffic, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(file_name, bytes.len() as u64));
    }
    let text = text_of(file_name, bytes).map_err(ImportError::Bad)?;
    let first_line = text.lines().find(|l| !l.trim().is_empty());
    let Some(first_line) = first_line else {
        return Err(ImportError::Bad(format!(
            "{file_name}: the file is empty ({FORMATS})"
        )));
    };
    let read = if text.trim_start().starts_with('{') {
        cli_json::read(file_name, text, options)?
    } else if access_log::looks_like(first_line) {
        access_log::read(file_name, text, options.log_bin).map_err(ImportError::Bad)?
    } else {
        csv_files::read(file_name, text, options)?
    };
    let (points, bucket_s) = periods::points(&read.periods);
    let p = &read.periods;
    let source = TrafficSource {
        file_name: file_name.to_owned(),
        format: read.format,
        series: read.series,
        period_s: p.period_s,
        rows: read.rows,
        periods: p.counts.len() as u64,
        span_s: p.span_s(),
        start_utc: p.start_utc(),
        total_requests: p.total(),
        peak_rps: p.peak_rps(),
        bucket_s,
        partial_data: read.partial_data,
    };
    Ok(ImportedTraffic { points, source })
}

fn too_big(shown: &str, size: u64) -> ImportError {
    ImportError::Bad(format!(
        "{shown}: the file is {size} bytes ({:.1} MiB); traffic files of up to 100 MiB \
         ({MAX_FILE_BYTES} bytes) are read",
        size as f64 / (1024.0 * 1024.0)
    ))
}

/// What a format's reader found: the periods and what to say about them.
struct Read {
    format: TrafficFormat,
    series: Option<String>,
    rows: u64,
    periods: periods::Periods,
    partial_data: bool,
}

/// The file as text: refused when it is binary (a NUL byte, or not UTF-8) or has a line over
/// [`MAX_LINE_BYTES`]. A UTF-8 byte-order mark is dropped.
fn text_of<'a>(shown: &str, bytes: &'a [u8]) -> Result<&'a str, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{shown} is binary data, not a text traffic file (byte {} is not UTF-8 text)",
            e.valid_up_to() + 1
        )
    })?;
    if let Some(at) = text.find('\0') {
        return Err(format!(
            "{shown} is binary data, not a text traffic file (byte {} is NUL)",
            at + 1
        ));
    }
    for (index, line) in text.split('\n').enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Err(format!(
                "{shown}:{}: the line is {} KiB long; lines of up to 64 KiB are read",
                index + 1,
                line.len() / 1024
            ));
        }
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    pub(super) fn read(name: &str, text: &str) -> Result<ImportedTraffic, ImportError> {
        read_bytes(name, text.as_bytes(), &ImportOptions::default())
    }

    #[test]
    fn binary_and_long_lines_are_refused() {
        assert_eq!(
            read_bytes(
                "x.csv",
                b"timestamp,requests\n\xff\xfe",
                &ImportOptions::default()
            ),
            Err(ImportError::Bad(
                "x.csv is binary data, not a text traffic file (byte 20 is not UTF-8 text)".into()
            ))
        );
        assert_eq!(
            read("x.csv", "seconds,requests\n0,1\0\n"),
            Err(ImportError::Bad(
                "x.csv is binary data, not a text traffic file (byte 21 is NUL)".into()
            ))
        );
        let long = format!("seconds,requests\n0,1\n{}\n", "9".repeat(70_000));
        assert_eq!(
            read("x.csv", &long),
            Err(ImportError::Bad(
                "x.csv:3: the line is 68 KiB long; lines of up to 64 KiB are read".into()
            ))
        );
    }

    #[test]
    fn a_missing_or_empty_file_says_so() {
        let missing = read_file(Path::new("/no/such/traffic.csv"), &ImportOptions::default());
        let Err(ImportError::Bad(message)) = missing else {
            panic!("{missing:?}")
        };
        assert!(
            message.starts_with("/no/such/traffic.csv: cannot read the file"),
            "{message}"
        );
        let Err(ImportError::Bad(message)) = read("empty.csv", "") else {
            panic!()
        };
        assert_eq!(message, format!("empty.csv: the file is empty ({FORMATS})"));
        assert_eq!(
            read("blank.csv", " \n\n \n"),
            Err(ImportError::Bad(message.replace("empty.csv", "blank.csv")))
        );
    }

    #[test]
    fn files_are_read_under_their_name_and_sized_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("traffic.csv");
        std::fs::write(&path, "seconds,requests\n0,5\n60,7\n").unwrap();
        let t = read_file(&path, &ImportOptions::default()).unwrap();
        assert_eq!(t.source.file_name, "traffic.csv");
        assert_eq!((t.source.total_requests, t.source.span_s), (12.0, 120.0));
        assert_eq!(
            t,
            read("traffic.csv", "seconds,requests\n0,5\n60,7\n").unwrap()
        );
        // A sparse file over the limit: refused by its size, its bytes never read.
        let big = dir.path().join("big.log");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_FILE_BYTES + 1)
            .unwrap();
        assert_eq!(
            read_file(&big, &ImportOptions::default()),
            Err(ImportError::Bad(format!(
                "{}: the file is 104857601 bytes (100.0 MiB); traffic files of up to 100 MiB \
                 (104857600 bytes) are read",
                big.display()
            )))
        );
        std::fs::write(&path, "timestamp,requests\n2026-12-01T00:00:00Z,x\n").unwrap();
        assert_eq!(
            read_file(&path, &ImportOptions::default()),
            Err(ImportError::Bad(
                "traffic.csv:2:2: \"x\" is not a number of requests (expected a count of 0 or \
                 more)"
                    .into()
            ))
        );
    }

    #[test]
    fn a_file_over_31_days_is_refused() {
        let csv = "timestamp,requests\n2026-11-01T00:00:00Z,1\n2026-11-01T00:01:00Z,1\n\
                   2026-12-11T00:00:00Z,1\n";
        assert_eq!(
            read("long.csv", csv),
            Err(ImportError::Bad(
                "long.csv: the rows cover 40.0 days; traffic files of up to 31 days are read"
                    .into()
            ))
        );
    }

    #[test]
    fn a_month_per_minute_keeps_its_total_and_peak_in_10000_points() {
        let mut csv = String::from("seconds,requests\n");
        let mut total = 0.0;
        let mut peak: f64 = 0.0;
        for minute in 0..(31 * 1440) {
            let day = (f64::from(minute % 1440) / 1440.0 * std::f64::consts::TAU).sin();
            let spike = if minute == 20_000 { 500_000.0 } else { 0.0 };
            let requests = (3_000.0 + 2_000.0 * day).round() + spike;
            total += requests;
            peak = peak.max(requests / 60.0);
            writeln!(csv, "{},{requests}", minute * 60).unwrap();
        }
        let imported = read("month.csv", &csv).unwrap();
        let points = &imported.points;
        assert!(points.len() <= MAX_POINTS, "{}", points.len());
        assert!(points.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(points.first().map(|p| p.0), Some(0.0));
        assert_eq!(points.last().map(|p| p.0), Some(MAX_SPAN_S));
        let integral = periods::tests::integral(points);
        assert!(
            (integral - total).abs() < 1e-9 * total,
            "{integral} vs {total}"
        );
        assert_eq!(imported.source.total_requests, total);
        let top = points.iter().map(|p| p.1).fold(0.0, f64::max);
        assert!((top - peak).abs() < 1e-9 * peak, "{top} vs {peak}");
        assert_eq!(imported.source.peak_rps, peak);
        assert_eq!(imported.source.periods, 44_640);
        assert!(imported.source.bucket_s > 60.0);
        // 31 days are 744 hours; the month is 730.
        let month = imported.requests_per_month();
        assert!((month - total * 730.0 / 744.0).abs() < 1e-6 * total);
    }
}
