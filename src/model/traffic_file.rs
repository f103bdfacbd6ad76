//! Where a scenario's traffic came from when it was imported ([`TrafficFile`]), and a scenario
//! given a traffic file's requests ([`Scenario::with_imported_traffic`]): the file's points
//! become its traffic, and its month of requests and peak-to-average ratio follow, so the bill
//! is of the traffic the views play.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::format::{group, group_digits};
use super::scenario::{SECONDS_PER_MONTH, Scenario};
use super::traffic_import::{ImportOptions, ImportedTraffic, LogBin, TrafficFormat};

/// Largest `workload.requests_per_month` a scenario accepts (see `Scenario::validate`).
const MAX_REQUESTS_PER_MONTH: f64 = 1e12;

/// Range of `workload.peak_to_average` a scenario accepts.
const PEAK_TO_AVERAGE: std::ops::RangeInclusive<f64> = 1.0..=1000.0;

/// A traffic file that was imported: where it is, how it was read, and what it held.
#[derive(Clone, Debug, PartialEq)]
pub struct TrafficFile {
    /// The file.
    pub path: PathBuf,
    /// How it was read (the series picked, the access log's bin).
    pub options: ImportOptions,
    /// Its points and what the reader found.
    pub imported: ImportedTraffic,
}

impl TrafficFile {
    /// Reads `path` as a traffic file.
    pub fn read(
        path: PathBuf,
        options: ImportOptions,
    ) -> Result<Self, super::traffic_import::ImportError> {
        let imported = super::traffic_import::read_file(&path, &options)?;
        Ok(Self {
            path,
            options,
            imported,
        })
    }

    /// Whether `traffic` is still this file's points (not edited, replaced or undone since).
    pub fn is_current(&self, traffic: &[(f64, f64)]) -> bool {
        self.imported.points == traffic
    }

    /// What the file held, one line per fact, for the editor.
    pub fn summary_lines(&self) -> Vec<String> {
        let s = &self.imported.source;
        let mut lines = Vec::new();
        let mut kind = s.format.label().to_owned();
        if let Some(series) = &s.series {
            let _ = write!(kind, ", series \"{series}\"");
        }
        if s.format == TrafficFormat::AccessLog {
            kind.push_str(match self.options.log_bin {
                LogBin::Second => ", counted per second",
                LogBin::Minute => ", counted per minute",
            });
        }
        lines.push(kind);
        lines.push(format!(
            "{} rows, one per {}, over {}",
            group_digits(s.rows),
            duration(s.period_s),
            duration(s.span_s)
        ));
        if let Some(start) = &s.start_utc {
            lines.push(format!("From {start}"));
        }
        lines.push(format!(
            "{} requests in all, busiest {} at {}/s",
            group(s.total_requests, 0),
            duration(s.period_s),
            group(s.peak_rps, 1)
        ));
        if s.bucket_s > s.period_s {
            lines.push(format!(
                "Drawn as {} points: {} averaged together, the busiest {} kept as it is; the total \
                 is exact",
                group_digits(self.imported.points.len() as u64),
                duration(s.bucket_s),
                duration(s.period_s)
            ));
        }
        lines.push(format!(
            "Bill: {} requests a month (the file's total scaled from {} to 730 hours)",
            group(self.imported.requests_per_month(), 0),
            duration(s.span_s)
        ));
        if s.partial_data {
            lines.push(
                "CloudWatch answered PartialData: the file holds only part of the time asked for"
                    .to_owned(),
            );
        }
        lines
    }
}

impl TrafficFile {
    /// Where the month's requests came from, for under the number: the file's span scaled to
    /// 730 hours.
    pub fn month_note(&self) -> String {
        let s = &self.imported.source;
        format!(
            "Requests per month and peak to average come from {}: its {} of requests scaled to \
             730 hours, busiest {} over the average",
            s.file_name,
            duration(s.span_s),
            duration(s.period_s)
        )
    }
}

/// A length of time in the unit that reads best: "1 s", "5 min", "2.5 h", "31 days".
fn duration(seconds: f64) -> String {
    let (value, unit) = if seconds < 120.0 {
        (seconds, "s")
    } else if seconds < 2.0 * 3600.0 {
        (seconds / 60.0, "min")
    } else if seconds < 2.0 * 86_400.0 {
        (seconds / 3600.0, "h")
    } else {
        (seconds / 86_400.0, "days")
    };
    let decimals = usize::from(value.fract().abs() > 0.05);
    format!("{} {unit}", group(value, decimals))
}

impl Scenario {
    /// This scenario with `imported`'s traffic:
    ///
    /// - `traffic` is the file's points;
    /// - `workload.requests_per_month` is the file's total scaled to a month of 730 hours
    ///   (total × 730 h ÷ the file's span), rounded to whole requests;
    /// - `workload.peak_to_average` is the file's busiest period over its average (what the
    ///   on-premises servers are bought for), to two decimals, kept within 1–1,000;
    /// - `lambda.provisioned_requests_per_month` is kept within the new month's requests.
    ///
    /// The result still goes through `validate`: a file whose peak is over the scenario's limits
    /// is refused there.
    #[must_use]
    pub fn with_imported_traffic(&self, imported: &ImportedTraffic) -> Self {
        let mut s = self.clone();
        s.traffic.clone_from(&imported.points);
        let month = imported.requests_per_month();
        s.workload.requests_per_month = month.round().clamp(0.0, MAX_REQUESTS_PER_MONTH) as u64;
        let average_rps = month / SECONDS_PER_MONTH;
        if average_rps > 0.0 {
            let ratio = (imported.source.peak_rps / average_rps)
                .clamp(*PEAK_TO_AVERAGE.start(), *PEAK_TO_AVERAGE.end());
            s.workload.peak_to_average = (ratio * 100.0).round() / 100.0;
        }
        s.lambda.provisioned_requests_per_month = s
            .lambda
            .provisioned_requests_per_month
            .min(s.workload.requests_per_month);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_their_unit() {
        assert_eq!(duration(1.0), "1 s");
        assert_eq!(duration(60.0), "60 s");
        assert_eq!(duration(300.0), "5 min");
        assert_eq!(duration(9000.0), "2.5 h");
        assert_eq!(duration(31.0 * 86_400.0), "31 days");
    }
}
