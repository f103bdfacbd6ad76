//! The AWS CLI's CloudWatch output (Amazon CloudWatch API Reference: `GetMetricStatistics` and
//! `GetMetricData`), read with serde_json straight into typed records, one pass over the file
//! and no tree of it in memory:
//!
//! - `get-metric-statistics`: `{"Label": …, "Datapoints": [{"Timestamp": …, "Sum": …,
//!   "Unit": "Count"}, …]}`, datapoints in no particular order; `Sum` (or `SampleCount`) is the
//!   period's requests;
//! - `get-metric-data`: `{"MetricDataResults": [{"Id": …, "Label": …, "Timestamps": […],
//!   "Values": […], "StatusCode": …}], "Messages": […]}`, newest first by default; with several
//!   results one is picked by `Id` or `Label`.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, IgnoredAny, SeqAccess, Visitor};

use super::periods::Rows;
use super::time::{TIME_FORMS, parse_utc};
use super::{ImportError, ImportOptions, Read, TrafficFormat};

/// Either command's output: which fields are there tells which.
#[derive(Deserialize)]
struct Output {
    #[serde(rename = "Label")]
    label: Option<String>,
    #[serde(rename = "Datapoints")]
    datapoints: Option<Vec<Datapoint>>,
    #[serde(rename = "MetricDataResults")]
    results: Option<Vec<DataResult>>,
}

/// One get-metric-statistics datapoint.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Datapoint {
    timestamp: String,
    sum: Option<Number>,
    sample_count: Option<Number>,
    average: Option<IgnoredAny>,
    minimum: Option<IgnoredAny>,
    maximum: Option<IgnoredAny>,
    extended_statistics: Option<IgnoredAny>,
}

/// One get-metric-data result.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DataResult {
    id: String,
    label: Option<String>,
    #[serde(default)]
    timestamps: Vec<String>,
    #[serde(default)]
    values: Vec<Number>,
    status_code: Option<String>,
}

/// A JSON value where a number belongs: the number, or how the value was written.
#[derive(Clone, Debug, PartialEq)]
enum Number {
    Ok(f64),
    Not(String),
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberVisitor)
    }
}

struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }
    fn visit_f64<E>(self, v: f64) -> Result<Number, E> {
        Ok(Number::Ok(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Number, E> {
        Ok(Number::Ok(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Number, E> {
        Ok(Number::Ok(v as f64))
    }
    fn visit_str<E>(self, v: &str) -> Result<Number, E> {
        Ok(Number::Not(format!("\"{v}\"")))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Number, E> {
        Ok(Number::Not(v.to_string()))
    }
    fn visit_unit<E>(self) -> Result<Number, E> {
        Ok(Number::Not("null".to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Number, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Number::Not("a list".to_owned()))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Number, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Number::Not("an object".to_owned()))
    }
}

impl Number {
    /// The value as requests, or the message for `path`.
    fn requests(&self, shown: &str, path: &str) -> Result<f64, ImportError> {
        match self {
            Self::Ok(v) if v.is_finite() && *v >= 0.0 => Ok(*v),
            Self::Ok(v) => Err(bad(format!(
                "{shown}: {path}: {v} is not a number of requests (expected a count of 0 or more)"
            ))),
            Self::Not(text) => Err(bad(format!("{shown}: {path}: {text} is not a number"))),
        }
    }
}

fn bad(message: String) -> ImportError {
    ImportError::Bad(message)
}

/// Reads either command's output.
pub(super) fn read(shown: &str, text: &str, options: &ImportOptions) -> Result<Read, ImportError> {
    let mut json = serde_json::Deserializer::from_str(text);
    let output: Output = serde_path_to_error::deserialize(&mut json).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            bad(format!("{shown}: not JSON: {inner}"))
        } else {
            bad(format!("{shown}: {path}: {inner}"))
        }
    })?;
    json.end()
        .map_err(|e| bad(format!("{shown}: not JSON: {e}")))?;
    match output {
        Output {
            datapoints: Some(datapoints),
            label,
            ..
        } => statistics(shown, &datapoints, label),
        Output {
            results: Some(results),
            ..
        } => data(shown, &results, options),
        _ => Err(bad(format!(
            "{shown}: JSON of another shape: expected the output of aws cloudwatch \
             get-metric-statistics (with Datapoints) or get-metric-data (with MetricDataResults)"
        ))),
    }
}

fn statistics(
    shown: &str,
    datapoints: &[Datapoint],
    label: Option<String>,
) -> Result<Read, ImportError> {
    if datapoints.is_empty() {
        return Err(bad(format!(
            "{shown}: Datapoints is empty: CloudWatch had no datapoints for that metric and time \
             range"
        )));
    }
    let mut rows = Rows::new(true, false);
    for (i, point) in datapoints.iter().enumerate() {
        let path = format!("Datapoints[{i}]");
        let t = timestamp(shown, &format!("{path}.Timestamp"), &point.timestamp)?;
        let requests = match (&point.sum, &point.sample_count) {
            (Some(sum), _) => sum.requests(shown, &format!("{path}.Sum"))?,
            (None, Some(count)) => count.requests(shown, &format!("{path}.SampleCount"))?,
            (None, None)
                if point.average.is_some()
                    || point.minimum.is_some()
                    || point.maximum.is_some()
                    || point.extended_statistics.is_some() =>
            {
                return Err(bad(format!(
                    "{shown}: {path} has no Sum, only Average, Minimum, Maximum or extended \
                     statistics: an average of a count metric is not a request count; run \
                     get-metric-statistics with --statistics Sum"
                )));
            }
            (None, None) => {
                return Err(bad(format!(
                    "{shown}: {path} has no Sum; run get-metric-statistics with --statistics Sum"
                )));
            }
        };
        rows.push(t, requests);
    }
    Ok(Read {
        format: TrafficFormat::MetricStatistics,
        series: label,
        rows: datapoints.len() as u64,
        periods: rows.into_periods(shown, None).map_err(bad)?,
        partial_data: false,
    })
}

fn data(shown: &str, results: &[DataResult], options: &ImportOptions) -> Result<Read, ImportError> {
    if results.is_empty() {
        return Err(bad(format!(
            "{shown}: MetricDataResults is empty: the query returned no metric"
        )));
    }
    let names = names(results);
    let wanted = options.series.as_deref();
    let index = match wanted {
        _ if results.len() == 1 => 0,
        Some(wanted) => results
            .iter()
            .position(|r| {
                r.id.eq_ignore_ascii_case(wanted)
                    || r.label
                        .as_ref()
                        .is_some_and(|l| l.eq_ignore_ascii_case(wanted))
            })
            .ok_or_else(|| ImportError::SeriesNeeded {
                file: shown.to_owned(),
                choices: names.clone(),
            })?,
        None => {
            return Err(ImportError::SeriesNeeded {
                file: shown.to_owned(),
                choices: names,
            });
        }
    };
    let (Some(result), Some(name)) = (results.get(index), names.get(index)) else {
        return Err(bad(format!(
            "{shown}: MetricDataResults[{index}] is missing"
        )));
    };
    let path = format!("MetricDataResults[{index}]");
    if result.timestamps.len() != result.values.len() {
        return Err(bad(format!(
            "{shown}: {path}: {} Timestamps but {} Values; each timestamp needs its value",
            result.timestamps.len(),
            result.values.len()
        )));
    }
    if result.timestamps.is_empty() {
        return Err(bad(format!(
            "{shown}: {path}.Timestamps is empty: CloudWatch had no datapoints for that query \
             and time range"
        )));
    }
    let mut rows = Rows::new(true, false);
    for (i, (stamp, value)) in result.timestamps.iter().zip(&result.values).enumerate() {
        let t = timestamp(shown, &format!("{path}.Timestamps[{i}]"), stamp)?;
        let requests = value.requests(shown, &format!("{path}.Values[{i}]"))?;
        rows.push(t, requests);
    }
    Ok(Read {
        format: TrafficFormat::MetricData,
        series: Some(name.clone()),
        rows: result.values.len() as u64,
        periods: rows.into_periods(shown, None).map_err(bad)?,
        partial_data: result.status_code.as_deref() == Some("PartialData"),
    })
}

/// What each result is called for the user: its `Label` when every result has a different one,
/// else its `Id` (both are accepted as a series name).
fn names(results: &[DataResult]) -> Vec<String> {
    let labels: Vec<&str> = results.iter().filter_map(|r| r.label.as_deref()).collect();
    let distinct = labels.len() == results.len()
        && labels
            .iter()
            .enumerate()
            .all(|(i, l)| !labels.iter().skip(i + 1).any(|m| m.eq_ignore_ascii_case(l)));
    results
        .iter()
        .map(|r| match &r.label {
            Some(label) if distinct => label.clone(),
            _ => r.id.clone(),
        })
        .collect()
}

fn timestamp(shown: &str, path: &str, text: &str) -> Result<f64, ImportError> {
    parse_utc(text).ok_or_else(|| {
        bad(format!(
            "{shown}: {path}: \"{text}\" is not a time (expected {TIME_FORMS})"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::read as read_text;
    use super::super::{ImportedTraffic, read_bytes};
    use super::*;

    fn pick(text: &str, series: &str) -> Result<ImportedTraffic, ImportError> {
        let options = ImportOptions {
            series: Some(series.to_owned()),
            ..ImportOptions::default()
        };
        read_bytes("traffic.json", text.as_bytes(), &options)
    }

    fn message(text: &str) -> String {
        read_text("traffic.json", text).unwrap_err().to_string()
    }

    const STATISTICS: &str = r#"{
        "Label": "Invocations",
        "Datapoints": [
            {"Timestamp": "2026-12-01T00:02:00+00:00", "Sum": 30.0, "Unit": "Count"},
            {"Timestamp": "2026-12-01T00:00:00+00:00", "Sum": 10.0, "Unit": "Count"},
            {"Timestamp": "2026-12-01T00:04:00+00:00", "Sum": 60.0, "Unit": "Count"},
            {"Timestamp": "2026-12-01T00:01:00+00:00", "Sum": 20.0, "Unit": "Count"}
        ]
    }"#;

    const DATA: &str = r#"{
        "MetricDataResults": [
            {"Id": "m1", "Label": "Invocations", "StatusCode": "PartialData",
             "Timestamps": ["2026-12-01T00:04:00+00:00", "2026-12-01T00:02:00+00:00",
                            "2026-12-01T00:01:00+00:00", "2026-12-01T00:00:00+00:00"],
             "Values": [60.0, 30.0, 20.0, 10]},
            {"Id": "m2", "Label": "Errors", "StatusCode": "Complete",
             "Timestamps": ["2026-12-01T00:01:00Z", "2026-12-01T00:00:00Z"], "Values": [1, 2]}
        ],
        "Messages": []
    }"#;

    #[test]
    fn statistics_in_any_order() {
        let t = read_text("traffic.json", STATISTICS).unwrap();
        let s = &t.source;
        assert_eq!(s.format, TrafficFormat::MetricStatistics);
        assert_eq!(s.series.as_deref(), Some("Invocations"));
        assert_eq!((s.rows, s.period_s, s.periods), (4, 60.0, 5));
        assert_eq!((s.total_requests, s.peak_rps), (120.0, 1.0));
        assert_eq!(s.start_utc.as_deref(), Some("2026-12-01T00:00:00Z"));
    }

    #[test]
    fn data_newest_first_picked_by_id_or_label() {
        let by_id = pick(DATA, "m1").unwrap();
        let by_label = pick(DATA, "invocations").unwrap();
        assert_eq!(by_id, by_label);
        let s = &by_id.source;
        assert_eq!(s.format, TrafficFormat::MetricData);
        assert_eq!(
            (s.total_requests, s.periods, s.partial_data),
            (120.0, 5, true)
        );
        // The same minutes as the statistics file: the same points.
        assert_eq!(
            by_id.points,
            read_text("traffic.json", STATISTICS).unwrap().points
        );
        let errors = pick(DATA, "m2").unwrap();
        assert_eq!(
            (errors.source.total_requests, errors.source.partial_data),
            (3.0, false)
        );
        assert_eq!(
            read_text("traffic.json", DATA),
            Err(ImportError::SeriesNeeded {
                file: "traffic.json".into(),
                choices: vec!["Invocations".into(), "Errors".into()],
            })
        );
        assert_eq!(
            message(DATA),
            "traffic.json holds 2 series (\"Invocations\", \"Errors\"); pick one with \
             --traffic-series NAME"
        );
        assert!(matches!(
            pick(DATA, "m3"),
            Err(ImportError::SeriesNeeded { choices, .. }) if choices.len() == 2
        ));
        // Results with the same label are offered by Id.
        let same = DATA.replace("\"Errors\"", "\"Invocations\"");
        assert!(matches!(
            read_text("traffic.json", &same),
            Err(ImportError::SeriesNeeded { choices, .. }) if choices == ["m1", "m2"]
        ));
        let one = r#"{"MetricDataResults": [{"Id": "q", "Timestamps": ["2026-12-01T00:01:00Z",
            "2026-12-01T00:00:00Z"], "Values": [5, 7], "StatusCode": "Complete"}]}"#;
        let t = read_text("traffic.json", one).unwrap();
        assert_eq!(
            (t.source.total_requests, t.source.series.as_deref()),
            (12.0, Some("q"))
        );
        assert_eq!(pick(one, "m7").unwrap(), t);
    }

    #[test]
    fn each_bad_file_names_its_json_path() {
        let average = r#"{"Label": "Invocations", "Datapoints": [
            {"Timestamp": "2026-12-01T00:00:00Z", "Average": 3.5, "Unit": "Count"}]}"#;
        assert_eq!(
            message(average),
            "traffic.json: Datapoints[0] has no Sum, only Average, Minimum, Maximum or extended \
             statistics: an average of a count metric is not a request count; run \
             get-metric-statistics with --statistics Sum"
        );
        let mut values: Vec<String> = (0..20).map(|i| i.to_string()).collect();
        values[17] = "\"abc\"".to_owned();
        let stamps: Vec<String> = (0..20)
            .map(|m| format!("\"2026-12-01T00:{m:02}:00Z\""))
            .collect();
        let not_a_number = format!(
            r#"{{"MetricDataResults": [{{"Id": "m1", "Timestamps": [{}], "Values": [{}]}}]}}"#,
            stamps.join(","),
            values.join(",")
        );
        assert_eq!(
            message(&not_a_number),
            "traffic.json: MetricDataResults[0].Values[17]: \"abc\" is not a number"
        );
        let lengths = r#"{"MetricDataResults": [{"Id": "m1", "Timestamps": ["2026-12-01T00:00:00Z"],
            "Values": [1, 2]}]}"#;
        assert_eq!(
            message(r#"{"Datapoints": [{"Timestamp": "2026-12-01T00:00:00Z", "Sum": -2}]}"#),
            "traffic.json: Datapoints[0].Sum: -2 is not a number of requests (expected a count \
             of 0 or more)"
        );
        assert_eq!(
            message(
                r#"{"Datapoints": [{"Timestamp": "2026-12-01T00:00:00Z", "SampleCount": null}]}"#
            ),
            "traffic.json: Datapoints[0] has no Sum; run get-metric-statistics with --statistics Sum"
        );
        assert_eq!(
            message(r#"{"Datapoints": [{"Timestamp": "2026-12-01T00:00:00Z", "Sum": "12"}]}"#),
            "traffic.json: Datapoints[0].Sum: \"12\" is not a number"
        );
        assert_eq!(
            message(lengths),
            "traffic.json: MetricDataResults[0]: 1 Timestamps but 2 Values; each timestamp needs \
             its value"
        );
        assert!(message("{\"Datapoints\": [").starts_with("traffic.json: not JSON: EOF"));
        assert!(
            message("{ not json }").starts_with("traffic.json: not JSON: key must be a string")
        );
        assert_eq!(
            message(r#"{"Items": [1, 2]}"#),
            "traffic.json: JSON of another shape: expected the output of aws cloudwatch \
             get-metric-statistics (with Datapoints) or get-metric-data (with MetricDataResults)"
        );
        assert_eq!(
            message(r#"{"Label": "Invocations", "Datapoints": []}"#),
            "traffic.json: Datapoints is empty: CloudWatch had no datapoints for that metric and \
             time range"
        );
        assert_eq!(
            message(r#"{"MetricDataResults": [{"Id": "m1", "Timestamps": [], "Values": []}]}"#),
            "traffic.json: MetricDataResults[0].Timestamps is empty: CloudWatch had no datapoints \
             for that query and time range"
        );
        assert_eq!(
            message(r#"{"Datapoints": [{"Timestamp": 5, "Sum": 1}]}"#),
            "traffic.json: Datapoints[0].Timestamp: invalid type: integer `5`, expected a string \
             at line 1 column 31"
        );
        assert_eq!(
            message(r#"{"Datapoints": [{"Timestamp": "soon", "Sum": 1}]}"#),
            "traffic.json: Datapoints[0].Timestamp: \"soon\" is not a time (expected an ISO \
             8601 time such as 2026-12-05T21:00:00Z, 2026-12-05 22:00:00+01:00, or \
             2026-12-05T21:00:00 for UTC)"
        );
    }
}
