//! The command line: `report` prints the documented JSON, `export` writes PNGs of the asked size,
//! and bad input gets one clear message and a non-zero exit code.

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
        "total_usd",
    ] {
        assert!(json["cost"]["lambda"][key].is_number(), "cost.lambda.{key}");
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
