//! The command line: `report` prints the documented JSON, `export` writes PNGs of the asked size,
//! and bad input gets one clear message and a non-zero exit code.

use std::fmt::Write as _;
use std::process::Command;

fn explorer() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_serverless-explorer"));
    command.env("RUST_LOG", "off");
    command
}

#[test]
fn report_json_has_the_contract_keys() {
    let output = explorer()
        .args(["report", "--preset", "startup-rest-api", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for key in [
        "requests_usd",
        "compute_usd",
        "init_usd",
        "provisioned_usd",
        "ephemeral_storage_usd",
        "front_door_usd",
        "event_source_usd",
        "total_usd",
    ] {
        assert!(json["cost"]["lambda"][key].is_number(), "cost.lambda.{key}");
    }
    for model in ["vm", "containers", "on_prem"] {
        assert!(
            json["cost"][model]["event_source_usd"].is_number(),
            "cost.{model}.event_source_usd"
        );
    }
    assert!(json["scaling"]["lambda"]["peak_capacity"].is_number());
    assert!(json["cold_start"]["p99_ms"].is_number());
}

#[test]
fn report_of_the_aws_example_matches_to_the_cent() {
    // AWS News Blog "1ms Billing Granularity": 60 M invocations × 28 ms × 1 GB, no free tier:
    // $12.00 requests + $28.00 compute = $40.00.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aws-example.ron");
    std::fs::write(
        &path,
        "(name: \"AWS 1 ms billing example\", \
          workload: (requests_per_month: 60000000, avg_duration_ms: 28.0, memory_mb: 1024), \
          lambda: (free_tier: false, init_billed: false))",
    )
    .unwrap();
    let output = explorer()
        .args(["report", "--preset"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let lambda = &json["cost"]["lambda"];
    assert_eq!(lambda["requests_usd"].as_f64(), Some(12.0));
    assert_eq!(lambda["compute_usd"].as_f64(), Some(28.0));
    assert_eq!(lambda["total_usd"].as_f64(), Some(40.0));
}

#[test]
fn every_built_in_runs_through_report() {
    for builtin in serverless_explorer::presets::BUILT_INS {
        let output = explorer()
            .args(["report", "--preset", builtin.id, "--format", "csv"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}: {}",
            builtin.id,
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains("cost,lambda,total_usd,"), "{}", builtin.id);
    }
}

#[test]
fn bad_preset_gets_one_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo.ron");
    std::fs::write(&typo, "(\n  workload: (memroy_mb: 512),\n)").unwrap();
    let output = explorer()
        .args(["report", "--preset"])
        .arg(&typo)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("typo.ron:2:"), "{message}");
    assert!(message.contains("memroy_mb"), "{message}");

    let range = dir.path().join("range.ron");
    std::fs::write(&range, "(workload: (memory_mb: 20000))").unwrap();
    let output = explorer()
        .args(["report", "--preset"])
        .arg(&range)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("workload.memory_mb") && message.contains("128..=10240"),
        "{message}"
    );

    let output = explorer()
        .args(["report", "--preset", "/no/such/file.ron"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/file.ron"));

    // The window command refuses a bad file before opening anything.
    let output = explorer().arg(&typo).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn export_writes_pngs_of_the_asked_size() {
    if std::env::var_os("SKIP_SNAPSHOTS").is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let output = explorer()
        .args([
            "export", "--view", "all", "--size", "640x400", "--scale", "2", "--theme", "dark",
            "--out",
        ])
        .arg(dir.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for view in ["stack", "scaling", "cold-start", "cost"] {
        let image = image::open(dir.path().join(format!("{view}.png")))
            .unwrap()
            .to_rgba8();
        assert_eq!(image.dimensions(), (1280, 800), "{view}");
        // Not blank: a real view has many distinct colours.
        let mut colours: Vec<[u8; 4]> = image.pixels().map(|p| p.0).collect();
        colours.sort_unstable();
        colours.dedup();
        assert!(
            colours.len() > 50,
            "{view} looks blank ({} colours)",
            colours.len()
        );
    }
}

#[test]
fn export_to_an_unwritable_path_fails_cleanly() {
    if std::env::var_os("SKIP_SNAPSHOTS").is_some() {
        return;
    }
    let output = explorer()
        .args([
            "export",
            "--view",
            "stack",
            "--size",
            "640x400",
            "--scale",
            "1",
            "--out",
            "/no/such/dir/x.png",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/dir/x.png"));
}

/// `report --traffic FILE` (and extra arguments) as JSON, failing the test on a non-zero exit.
fn report_with_traffic(path: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    let output = explorer()
        .args([
            "report",
            "--preset",
            "startup-rest-api",
            "--format",
            "json",
            "--traffic",
        ])
        .arg(path)
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("cannot run the explorer: {e}"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("the report is not JSON: {e}"))
}

/// Requests per minute of a test file's minute `m`: a daily cycle with a spike.
fn requests_in_minute(m: u32) -> u32 {
    let cycle = (f64::from(m % 1440) / 1440.0 * std::f64::consts::TAU).sin();
    let spike = if m % 1440 == 600 { 90_000 } else { 0 };
    (3_000.0 + 2_000.0 * cycle).round() as u32 + spike
}

/// The UTC timestamp of minute `m` from 2026-12-01 00:00.
fn minute_stamp(m: u32) -> String {
    format!(
        "2026-12-{:02}T{:02}:{:02}:00Z",
        1 + m / 1440,
        m / 60 % 24,
        m % 60
    )
}

/// Writes `minutes` per-minute rows of `timestamp,requests` to `path`; returns their total.
fn write_minutes_csv(path: &std::path::Path, minutes: u32) -> u64 {
    let mut text = String::from("timestamp,requests\n");
    let mut total = 0_u64;
    for m in 0..minutes {
        total += u64::from(requests_in_minute(m));
        let _ = writeln!(text, "{},{}", minute_stamp(m), requests_in_minute(m));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    total
}

#[test]
fn report_offers_exactly_the_traffic_files_requests() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("my.csv");
    let total = write_minutes_csv(&csv, 3 * 1440);
    let json = report_with_traffic(&csv, &[]);
    for model in ["lambda", "vm", "containers", "on_prem"] {
        let offered = json["scaling"][model]["offered_requests"].as_f64().unwrap();
        assert_eq!(
            offered, total as f64,
            "{model}: offered, the file holds {total}"
        );
    }
    // The bill is of the same traffic, scaled from 3 days to 730 hours.
    let month = json["cost"]["requests_per_month"].as_f64().unwrap();
    assert_eq!(month, (total as f64 * 730.0 / 72.0).round());
}

#[test]
fn the_cli_json_files_of_the_same_minutes_offer_the_same_requests() {
    let dir = tempfile::tempdir().unwrap();
    let minutes: Vec<u32> = (0..720).collect();
    let total: u64 = minutes
        .iter()
        .map(|&m| u64::from(requests_in_minute(m)))
        .sum();
    // get-metric-statistics: datapoints in no particular order (odd minutes first).
    let mut order = minutes.clone();
    order.sort_by_key(|m| (m % 2 == 0, *m));
    let datapoints: Vec<String> = order
        .iter()
        .map(|&m| {
            format!(
                r#"{{"Timestamp": "{}", "Sum": {}.0, "Unit": "Count"}}"#,
                minute_stamp(m).replace('Z', "+00:00"),
                requests_in_minute(m)
            )
        })
        .collect();
    let statistics = dir.path().join("statistics.json");
    std::fs::write(
        &statistics,
        format!(
            r#"{{"Label": "Invocations", "Datapoints": [{}]}}"#,
            datapoints.join(",\n")
        ),
    )
    .unwrap();
    // get-metric-data: newest first, as the CLI writes by default, with a second result.
    let newest_first: Vec<u32> = minutes.iter().rev().copied().collect();
    let stamps: Vec<String> = newest_first
        .iter()
        .map(|&m| format!("\"{}\"", minute_stamp(m)))
        .collect();
    let values: Vec<String> = newest_first
        .iter()
        .map(|&m| format!("{}.0", requests_in_minute(m)))
        .collect();
    let data = dir.path().join("data.json");
    std::fs::write(
        &data,
        format!(
            r#"{{"MetricDataResults": [
                {{"Id": "errors", "Label": "Errors", "Timestamps": [{stamps}], "Values": [{zeros}], "StatusCode": "Complete"}},
                {{"Id": "invocations", "Label": "Invocations", "Timestamps": [{stamps}], "Values": [{values}], "StatusCode": "Complete"}}
            ], "Messages": []}}"#,
            stamps = stamps.join(","),
            zeros = vec!["0.0"; minutes.len()].join(","),
            values = values.join(","),
        ),
    )
    .unwrap();

    let from_statistics = report_with_traffic(&statistics, &[]);
    let from_data = report_with_traffic(&data, &["--traffic-series", "invocations"]);
    let offered = |json: &serde_json::Value| {
        json["scaling"]["lambda"]["offered_requests"]
            .as_f64()
            .unwrap()
    };
    assert_eq!(offered(&from_statistics), total as f64);
    assert_eq!(offered(&from_data), offered(&from_statistics));

    // Without a series, a file of several is refused with the choices named.
    let output = explorer()
        .args(["report", "--traffic"])
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("data.json")
            && message.contains("\"Invocations\"")
            && message.contains("--traffic-series"),
        "{message}"
    );
}

#[test]
fn a_month_per_minute_is_read_and_billed_as_that_month() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("december.csv");
    let total = write_minutes_csv(&csv, 31 * 1440);
    let json = report_with_traffic(&csv, &[]);
    let offered = json["scaling"]["lambda"]["offered_requests"]
        .as_f64()
        .unwrap();
    assert_eq!(offered, total as f64);
    // 31 days are 744 hours; the bill's month is 730.
    let month = json["cost"]["requests_per_month"].as_f64().unwrap();
    assert_eq!(month, (total as f64 * 730.0 / 744.0).round());
    // The preset keeps the free tier's first million requests a month; $0.20 a million after.
    let requests_usd = json["cost"]["lambda"]["requests_usd"].as_f64().unwrap();
    let billed = (month - 1e6) * 0.2 / 1e6;
    assert!(
        (requests_usd - billed).abs() < 0.01,
        "{requests_usd} vs {billed}"
    );
}

#[test]
fn a_bad_traffic_file_gets_one_message_naming_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("traffic.csv");
    std::fs::write(
        &csv,
        "timestamp,requests\n2026-12-05T21:00:00Z,1\n2026-12-05T21:01:00Z,2\n2026-12-05T21:02:00Z,3\n2026-12-05T21:03:00Z,12x\n",
    )
    .unwrap();
    let json = dir.path().join("traffic.json");
    std::fs::write(&json, r#"{"Label": "Invocations", "Datapoints": [{"Timestamp": "2026-12-01T00:00:00Z", "Average": 3.5}, {"Timestamp": "2026-12-01T00:01:00Z", "Average": 2.0}]}"#).unwrap();
    for (path, expected) in [
        (&csv, vec!["traffic.csv:5:2", "12x"]),
        (&json, vec!["traffic.json", "--statistics Sum"]),
    ] {
        for command in [
            vec!["report"],
            vec!["export", "--view", "cost", "--out", "x.png"],
            vec![],
        ] {
            let output = explorer()
                .current_dir(dir.path())
                .args(&command)
                .arg("--traffic")
                .arg(path)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(2), "{command:?}");
            let message = String::from_utf8_lossy(&output.stderr);
            assert_eq!(message.lines().count(), 1, "{command:?}: {message}");
            for part in &expected {
                assert!(message.contains(part), "{command:?}: {message}");
            }
        }
    }
    assert!(!dir.path().join("x.png").exists());
    let output = explorer()
        .args(["report", "--traffic", "/no/such/traffic.csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/traffic.csv"));
}

/// A Lambda offer file for eu-west-1 in AWS's layout: requests and tiered x86_64 duration, with
/// the duration's first tier at `first_tier` USD per GB-second.
fn lambda_offer(first_tier: &str) -> String {
    format!(
        r#"{{
  "formatVersion": "v1.0",
  "disclaimer": "This pricing list is for informational purposes only.",
  "offerCode": "AWSLambda",
  "version": "20260301000000",
  "publicationDate": "2026-03-01T00:00:00Z",
  "products": {{
    "REQ": {{"sku": "REQ", "productFamily": "Serverless", "attributes": {{
      "servicecode": "AWSLambda", "regionCode": "eu-west-1", "location": "EU (Ireland)",
      "group": "AWS-Lambda-Requests", "usagetype": "EU-Request"}}}},
    "DUR": {{"sku": "DUR", "productFamily": "Serverless", "attributes": {{
      "servicecode": "AWSLambda", "regionCode": "eu-west-1", "location": "EU (Ireland)",
      "group": "AWS-Lambda-Duration", "usagetype": "EU-Lambda-GB-Second"}}}}
  }},
  "terms": {{"OnDemand": {{
    "REQ": {{"REQ.JRTCKXETXF": {{"offerTermCode": "JRTCKXETXF", "sku": "REQ",
      "effectiveDate": "2026-03-01T00:00:00Z", "priceDimensions": {{
        "REQ.JRTCKXETXF.6YS6EN2CT7": {{"rateCode": "REQ.JRTCKXETXF.6YS6EN2CT7",
          "description": "$0.20 per 1M requests", "beginRange": "0", "endRange": "Inf",
          "unit": "Requests", "pricePerUnit": {{"USD": "0.0000002000"}}}}}}}}}},
    "DUR": {{"DUR.JRTCKXETXF": {{"offerTermCode": "JRTCKXETXF", "sku": "DUR",
      "effectiveDate": "2026-03-01T00:00:00Z", "priceDimensions": {{
        "DUR.JRTCKXETXF.1": {{"rateCode": "DUR.JRTCKXETXF.1", "description": "first tier",
          "beginRange": "0", "endRange": "6000000000", "unit": "Lambda-GB-Second",
          "pricePerUnit": {{"USD": "{first_tier}"}}}},
        "DUR.JRTCKXETXF.2": {{"rateCode": "DUR.JRTCKXETXF.2", "description": "second tier",
          "beginRange": "6000000000", "endRange": "15000000000", "unit": "Lambda-GB-Second",
          "pricePerUnit": {{"USD": "0.0000150000"}}}},
        "DUR.JRTCKXETXF.3": {{"rateCode": "DUR.JRTCKXETXF.3", "description": "last tier",
          "beginRange": "15000000000", "endRange": "Inf", "unit": "Lambda-GB-Second",
          "pricePerUnit": {{"USD": "0.0000133334"}}}}}}}}}}
  }}}}
}}"#
    )
}

#[test]
fn rates_writes_a_preset_priced_from_offer_files() {
    let dir = tempfile::tempdir().unwrap();
    let offer = dir.path().join("AWSLambda-eu-west-1.json");
    // A price twice AWS's, so the report can only have it from the file.
    std::fs::write(&offer, lambda_offer("0.0000333334")).unwrap();
    let out = dir.path().join("eu.ron");
    let output = explorer()
        .args(["rates", "--offer"])
        .arg(&offer)
        .args([
            "--region",
            "eu-west-1",
            "--preset",
            "startup-rest-api",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("eu-west-1, rates as of 2026-03-01"),
        "{stdout}"
    );
    assert!(
        stdout.contains("rates.lambda_x86_64.duration_tiers"),
        "{stdout}"
    );
    assert!(stdout.contains("not in the files, kept"), "{stdout}");

    let report = explorer()
        .args(["report", "--format", "json", "--preset"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(report.status.success());
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(json["rates_region"], "eu-west-1");
    assert_eq!(json["rates_as_of"], "2026-03-01");
    assert!(
        json["rates_source"]
            .as_str()
            .unwrap()
            .contains("AWSLambda-eu-west-1.json"),
        "{}",
        json["rates_source"]
    );
    // The default scenario's 3 M × 120 ms × 1.5 GB = 540,000 GB-s, 140,000 past the free tier,
    // at the file's $0.0000333334: $4.67 (on AWS's own rate it would be $2.33).
    assert_eq!(json["cost"]["lambda"]["compute_usd"], 4.67);

    // A bad file changes nothing and names the place.
    std::fs::write(&offer, lambda_offer("cheap")).unwrap();
    let before = std::fs::read(&out).unwrap();
    let output = explorer()
        .args(["rates", "--offer"])
        .arg(&offer)
        .args(["--region", "eu-west-1", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("AWSLambda-eu-west-1.json") && stderr.contains("DUR"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), before);

    // The wrong region is refused, naming the one the file has.
    std::fs::write(&offer, lambda_offer("0.0000166667")).unwrap();
    let output = explorer()
        .args(["rates", "--offer"])
        .arg(&offer)
        .args(["--region", "ap-southeast-1", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("eu-west-1"), "{stderr}");
}
