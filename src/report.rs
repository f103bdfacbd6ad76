//! The numbers behind the four views, for the `report` command: JSON (the documented contract),
//! plain text, or CSV.

use serde_json::{Map, Value, json};

use crate::derived::Derived;
use crate::model::cost::{self, Bill, LineItem, format_usd};
use crate::model::scenario::{CommitTo, HostingModel, Purchase, Scenario, Term};

/// Output format of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// JSON with the keys listed in the README's "Report keys" section.
    Json,
    /// Human-readable text.
    Text,
    /// One `section,model,key,value` row per figure.
    Csv,
}

/// Rounds to cents for the JSON (lines already are whole cents).
fn usd_value(usd: f64) -> Value {
    // Adding 0 turns a rounded -0.0 into 0.0.
    json!((usd * 100.0).round() / 100.0 + 0.0)
}

/// The amount of a bill's Savings Plan commitment line, USD (0 without one).
fn commitment_usd(bill: &Bill) -> f64 {
    bill.lines
        .iter()
        .filter(|line| line.label == cost::LABEL_COMMITMENT)
        .map(LineItem::usd)
        .sum()
}

/// The amount of a bill's event-source lines (SQS, Kinesis, SNS, …), USD (0 under HTTP).
fn event_source_usd(bill: &Bill) -> f64 {
    bill.lines
        .iter()
        .filter(|line| cost::EVENT_SOURCE_LABELS.contains(&line.label.as_str()))
        .map(LineItem::usd)
        .sum()
}

/// An alternative's bill with the amount of its event-source lines.
fn alternative_json(bill: &Bill) -> Value {
    let mut json = bill_json(bill);
    if let Value::Object(fields) = &mut json {
        fields.insert(
            "event_source_usd".to_owned(),
            usd_value(event_source_usd(bill)),
        );
    }
    json
}

/// A fleet's bill with how it is bought.
fn fleet_json(bill: &Bill, purchase: Purchase, commit_to: CommitTo) -> Value {
    let mut json = alternative_json(bill);
    if let Value::Object(fields) = &mut json {
        fields.insert("purchase".to_owned(), json!(purchase.key()));
        fields.insert("commit_to".to_owned(), json!(commit_to.key()));
        fields.insert("commitment_usd".to_owned(), usd_value(commitment_usd(bill)));
    }
    json
}

fn bill_json(bill: &Bill) -> Value {
    let lines: Vec<Value> = bill
        .lines
        .iter()
        .map(|line| {
            json!({
                "label": line.label,
                "detail": line.detail,
                "usd": usd_value(line.usd()),
            })
        })
        .collect();
    json!({
        "total_usd": usd_value(bill.total_usd()),
        "lines": lines,
        "notes": bill.notes,
    })
}

/// Each model's scaling summary, its request counts rounded to a thousandth of a request: the
/// simulation adds up hundreds of thousands of steps, and a file's 124,500,000 requests should
/// not print as 124500000.00000395.
fn scaling_json(derived: &Derived) -> Value {
    let mut json = serde_json::to_value(derived.scaling.summaries()).unwrap_or(Value::Null);
    for model in HostingModel::ALL {
        for key in [
            "offered_requests",
            "served_requests",
            "dropped_requests",
            "backlog_peak",
            "expired_requests",
            "waiting_at_end",
            "max_wait_s",
        ] {
            if let Some(value) = json.pointer_mut(&format!("/{}/{key}", model.key()))
                && let Some(requests) = value.as_f64()
            {
                *value = json!((requests * 1000.0).round() / 1000.0);
            }
        }
    }
    json
}

/// The whole report as a JSON value.
pub fn to_json(scenario: &Scenario, derived: &Derived) -> Value {
    let bills = &derived.bills;
    let mut lambda = Map::new();
    for (key, usd) in bills.lambda.report_usd() {
        lambda.insert(key.to_owned(), usd_value(usd));
    }
    if let Value::Object(detail) = bill_json(&bills.lambda_bill) {
        for (key, value) in detail {
            lambda.entry(key).or_insert(value);
        }
    }
    let plan = scenario.lambda.savings_plan.map(|term| match term {
        Term::OneYear => "compute_1y",
        Term::ThreeYear => "compute_3y",
    });
    lambda.insert("savings_plan".to_owned(), json!(plan));
    lambda.insert(
        "commit_to".to_owned(),
        json!(scenario.lambda.commit_to.key()),
    );
    lambda.insert(
        "commitment_usd".to_owned(),
        usd_value(commitment_usd(&bills.lambda_bill)),
    );
    let memory_sweep: Vec<Value> = derived
        .memory_sweep
        .points
        .iter()
        .map(|p| {
            json!({
                "memory_mb": p.memory_mb,
                "duration_ms": (p.duration_ms * 1000.0).round() / 1000.0,
                "cost_per_million_usd": (p.cost_per_million_usd * 1e6).round() / 1e6,
            })
        })
        .collect();
    let marked = |p: &crate::model::memory_sweep::SweepPoint| p.memory_mb;
    let break_evens: Vec<Value> = derived
        .curves
        .break_evens
        .iter()
        .map(|b| {
            json!({
                "requests_per_month": b.requests_per_month,
                "cheaper_below": b.cheaper_below.key(),
                "cheaper_above": b.cheaper_above.key(),
                "cost_usd": usd_value(b.cost_usd),
                "sentence": b.sentence(),
            })
        })
        .collect();
    let latency = &derived.cold_start.latency;
    json!({
        "preset": scenario.name,
        "format": scenario.format,
        "rates_as_of": scenario.rates.as_of,
        "rates_region": scenario.rates.region,
        "rates_source": scenario.rates.source,
        "cost": {
            "requests_per_month": scenario.workload.requests_per_month,
            "lambda": Value::Object(lambda),
            "vm": fleet_json(&bills.vm, scenario.vm.purchase, scenario.vm.commit_to),
            "containers": fleet_json(
                &bills.containers,
                scenario.containers.purchase,
                scenario.containers.commit_to,
            ),
            "on_prem": alternative_json(&bills.on_prem),
            "break_evens": break_evens,
            "purchase_sentences": derived.purchase_sentences,
        },
        "scaling": scaling_json(derived),
        "memory_sweep": memory_sweep,
        "memory_sweep_marks": {
            "cheapest_mb": marked(&derived.memory_sweep.cheapest),
            "fastest_mb": marked(&derived.memory_sweep.fastest),
            "balanced_mb": marked(&derived.memory_sweep.balanced),
        },
        "cold_start": {
            "method": format!("{:?}", derived.cold_start.method).to_lowercase(),
            // Whole requests, as the scaling summary counts them (the aggregate method's are
            // expected values).
            "requests": latency.requests.round(),
            "cold_ratio": latency.cold_ratio,
            "p50_ms": latency.p50_ms,
            "p95_ms": latency.p95_ms,
            "p99_ms": latency.p99_ms,
            "mean_ms": latency.mean_ms,
            "cold_starts_per_hour": latency.cold_starts_per_hour,
            "throttled": latency.throttled,
            "billed_init_s": latency.billed_init_s,
            "waited": latency.waited.round(),
            "wait_p50_s": latency.wait.p50_s,
            "wait_p99_s": latency.wait.p99_s,
            "wait_max_s": latency.wait.max_s,
        },
    })
}

/// The report as human-readable text.
pub fn to_text(scenario: &Scenario, derived: &Derived) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let bills = &derived.bills;
    let _ = writeln!(out, "{}", scenario.name);
    let _ = writeln!(
        out,
        "{}, rates as of {} ({}); USD",
        scenario.rates.region, scenario.rates.as_of, scenario.rates.source
    );
    let _ = writeln!(
        out,
        "\nMonthly cost at {} requests a month",
        cost::format_requests(scenario.workload.requests_per_month as f64)
    );
    for model in HostingModel::ALL {
        let bill = bills.get(model);
        let _ = writeln!(
            out,
            "\n  {:<40} {:>14}",
            model.label(),
            format_usd(bill.total_usd())
        );
        for line in &bill.lines {
            let _ = writeln!(
                out,
                "    {:<38} {:>14}   {}",
                line.label,
                format_usd(line.usd()),
                line.detail
            );
        }
        for note in &bill.notes {
            let _ = writeln!(out, "    note: {note}");
        }
    }
    if !derived.curves.break_evens.is_empty() {
        let _ = writeln!(out, "\nBreak-even points");
        for b in &derived.curves.break_evens {
            let _ = writeln!(out, "  {}", b.sentence());
        }
    }
    for sentence in &derived.purchase_sentences {
        let _ = writeln!(out, "  {sentence}");
    }
    let sweep = &derived.memory_sweep;
    let _ = writeln!(
        out,
        "\nMemory sweep (128–10,240 MB): cheapest {} MB ({} per million), fastest {} MB ({:.0} \
         ms), balanced {} MB; now {} MB",
        sweep.cheapest.memory_mb,
        format_usd(sweep.cheapest.cost_per_million_usd),
        sweep.fastest.memory_mb,
        sweep.fastest.duration_ms,
        sweep.balanced.memory_mb,
        sweep.current.memory_mb
    );
    let _ = writeln!(out, "\nScaling over the traffic timeline");
    let summaries = derived.scaling.summaries();
    for model in HostingModel::ALL {
        let s = summaries.get(model);
        let catch_up = s.catch_up_s.map_or_else(
            || "never fell short".to_owned(),
            |t| format!("caught up in {t:.1} s"),
        );
        let _ = writeln!(
            out,
            "  {:<18} peak capacity {:>10.0}  served {:>14.0}  dropped {:>12.0}  {catch_up}",
            model.label(),
            s.peak_capacity,
            s.served_requests,
            s.dropped_requests
        );
        if scenario.workload.trigger.keeps_work() {
            let _ = writeln!(
                out,
                "  {:<18} most waiting {:>11.0}  longest wait {:>8.1} s  expired {:>10.0}  \
                 waiting at the end {:.0}",
                "", s.backlog_peak, s.max_wait_s, s.expired_requests, s.waiting_at_end
            );
        }
    }
    let l = &derived.cold_start.latency;
    let _ = writeln!(
        out,
        "\nCold starts ({:?} method)\n  cold share {:.3}%  p50 {:.0} ms  p95 {:.0} ms  p99 {:.0} ms  \
         cold starts per hour {:.1}",
        derived.cold_start.method,
        l.cold_ratio * 100.0,
        l.p50_ms,
        l.p95_ms,
        l.p99_ms,
        l.cold_starts_per_hour
    );
    out
}

/// The report as CSV rows `section,model,key,value`.
pub fn to_csv(scenario: &Scenario, derived: &Derived) -> String {
    csv_rows(&to_json(scenario, derived)).unwrap_or_else(|e| format!("error: {e}\n"))
}

/// The report's numbers (and the strings among the cold-start figures) as CSV rows, written by
/// the `csv` crate so quoting follows RFC 4180.
fn csv_rows(json: &Value) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["section", "model", "key", "value"])?;
    let mut push = |section: &str, model: &str, fields: Vec<(&String, &Value)>| {
        let mut fields = fields;
        fields.sort_by(|a, b| a.0.cmp(b.0));
        for (key, value) in fields {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            out.write_record([section, model, key.as_str(), text.as_str()])?;
        }
        Ok::<(), csv::Error>(())
    };
    for model in HostingModel::ALL {
        if let Some(Value::Object(fields)) = json.pointer(&format!("/cost/{}", model.key())) {
            push(
                "cost",
                model.key(),
                fields.iter().filter(|(_, v)| v.is_number()).collect(),
            )?;
        }
        if let Some(Value::Object(fields)) = json.pointer(&format!("/scaling/{}", model.key())) {
            push("scaling", model.key(), fields.iter().collect())?;
        }
    }
    if let Some(Value::Object(fields)) = json.pointer("/cold_start") {
        push("cold_start", "lambda", fields.iter().collect())?;
    }
    // One row per size and figure: the model column holds the memory size in MB.
    if let Some(Value::Array(points)) = json.pointer("/memory_sweep") {
        for point in points {
            let memory = point["memory_mb"].to_string();
            for key in ["duration_ms", "cost_per_million_usd"] {
                let value = point[key].to_string();
                out.write_record(["memory_sweep", memory.as_str(), key, value.as_str()])?;
            }
        }
    }
    let bytes = out.into_inner().map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The report in the asked format.
pub fn render(scenario: &Scenario, derived: &Derived, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => {
            let mut text = serde_json::to_string_pretty(&to_json(scenario, derived))
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            text.push('\n');
            text
        }
        ReportFormat::Text => to_text(scenario, derived),
        ReportFormat::Csv => to_csv(scenario, derived),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Value {
        let (_, scenario) = crate::presets::default_scenario();
        to_json(&scenario, &Derived::compute(&scenario))
    }

    #[test]
    fn json_has_every_contract_key() {
        let json = report();
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
            for key in ["total_usd", "event_source_usd"] {
                assert!(json["cost"][model][key].is_number(), "cost.{model}.{key}");
            }
        }
        for model in ["lambda", "vm", "containers", "on_prem"] {
            for key in [
                "peak_capacity",
                "served_requests",
                "dropped_requests",
                "backlog_peak",
                "max_wait_s",
                "expired_requests",
            ] {
                assert!(
                    json["scaling"][model][key].is_number(),
                    "scaling.{model}.{key}"
                );
            }
            let catch_up = &json["scaling"][model]["catch_up_s"];
            assert!(
                catch_up.is_number() || catch_up.is_null(),
                "scaling.{model}.catch_up_s"
            );
        }
        for key in [
            "cold_ratio",
            "p50_ms",
            "p95_ms",
            "p99_ms",
            "waited",
            "wait_p99_s",
            "wait_max_s",
        ] {
            assert!(json["cold_start"][key].is_number(), "cold_start.{key}");
        }
    }

    /// The test of the event-driven pipeline: a queue keeps every batch, and the report
    /// says how late each model was instead.
    #[test]
    fn a_queue_drops_nothing_and_says_how_late() {
        let (_, scenario) = crate::presets::built_in("event-driven-pipeline").unwrap();
        let json = to_json(&scenario, &Derived::compute(&scenario));
        for model in ["lambda", "vm", "containers", "on_prem"] {
            let scaling = &json["scaling"][model];
            assert_eq!(scaling["dropped_requests"], 0.0, "{model}");
            assert_eq!(scaling["expired_requests"], 0.0, "{model}");
            assert!(scaling["backlog_peak"].is_number(), "{model}");
        }
        let vm = json["scaling"]["vm"]["max_wait_s"].as_f64().unwrap();
        let lambda = json["scaling"]["lambda"]["max_wait_s"].as_f64().unwrap();
        assert!(vm > 60.0 && lambda < 15.0, "VMs {vm} s, Lambda {lambda} s");
        assert!(json["cost"]["lambda"]["event_source_usd"].as_f64().unwrap() > 0.0);
        assert_eq!(json["cost"]["lambda"]["front_door_usd"], 0.0);
    }

    #[test]
    fn every_shipped_preset_reports_its_memory_sweep_and_purchases() {
        for (built_in, scenario) in crate::presets::all_built_ins() {
            let derived = Derived::compute(&scenario);
            let json = to_json(&scenario, &derived);
            let sweep = json["memory_sweep"].as_array().unwrap();
            assert_eq!(sweep.len(), 159, "{}", built_in.id);
            for (i, point) in sweep.iter().enumerate() {
                assert_eq!(point["memory_mb"].as_u64(), Some(128 + 64 * i as u64));
                assert!(point["duration_ms"].as_f64().unwrap() > 0.0);
                assert!(point["cost_per_million_usd"].as_f64().unwrap() > 0.0);
            }
            for model in ["vm", "containers"] {
                assert_eq!(
                    json["cost"][model]["purchase"], "on_demand",
                    "{}",
                    built_in.id
                );
                assert_eq!(json["cost"][model]["commitment_usd"], 0.0);
            }
            assert!(json["cost"]["lambda"]["savings_plan"].is_null());
            let csv = to_csv(&scenario, &derived);
            assert_eq!(
                csv.lines()
                    .filter(|l| l.starts_with("memory_sweep,"))
                    .count(),
                2 * 159,
                "{}",
                built_in.id
            );
            assert!(csv.contains("memory_sweep,1024,duration_ms,"));
        }
    }

    #[test]
    fn a_commitment_has_its_own_line_and_key() {
        let (_, mut scenario) = crate::presets::built_in("steady-high-throughput").unwrap();
        scenario.vm.purchase = Purchase::SavingsPlan3y;
        scenario.lambda.savings_plan = Some(Term::OneYear);
        let json = to_json(&scenario, &Derived::compute(&scenario));
        let vm = &json["cost"]["vm"];
        assert_eq!(vm["purchase"], "savings_plan_3y");
        assert_eq!(vm["commit_to"], "average");
        assert_eq!(vm["commitment_usd"], 206.15);
        assert!(
            vm["lines"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["label"] == cost::LABEL_COMMITMENT)
        );
        let lambda = &json["cost"]["lambda"];
        assert_eq!(lambda["savings_plan"], "compute_1y");
        assert!(lambda["savings_plan_usd"].as_f64().unwrap() < 0.0);
        let sentences = json["cost"]["purchase_sentences"].as_array().unwrap();
        assert!(
            sentences.iter().any(|s| s
                .as_str()
                .unwrap()
                .contains("break-even with serverless moves to")),
            "{sentences:?}"
        );
    }

    #[test]
    fn lambda_total_is_sum_of_rounded_lines() {
        let json = report();
        let lambda = &json["cost"]["lambda"];
        let sum: f64 = [
            "requests_usd",
            "compute_usd",
            "init_usd",
            "provisioned_usd",
            "ephemeral_storage_usd",
            "savings_plan_usd",
            "front_door_usd",
            "event_source_usd",
        ]
        .iter()
        .map(|k| lambda[*k].as_f64().unwrap())
        .sum();
        let total = lambda["total_usd"].as_f64().unwrap();
        assert!((sum - total).abs() < 0.005, "{sum} vs {total}");
    }

    #[test]
    fn the_event_source_has_its_key_in_every_bill() {
        use crate::model::scenario::{EventSource, Trigger};
        let (_, mut scenario) = crate::presets::default_scenario();
        scenario.workload.trigger = Trigger::Stream {
            shards: 4,
            parallelization: 1,
        };
        scenario.workload.event_source = Some(EventSource::Kinesis);
        scenario.workload.batch_size = 100;
        scenario.workload.requests_per_month = 1_000_000;
        let derived = Derived::compute(&scenario);
        let json = to_json(&scenario, &derived);
        // 4 shards × 730 h × $0.015 = $43.80; 100 M PUT payload units × $0.014/M = $1.40.
        for model in ["lambda", "vm", "containers", "on_prem"] {
            assert_eq!(json["cost"][model]["event_source_usd"], 45.2, "{model}");
        }
        assert_eq!(json["cost"]["lambda"]["front_door_usd"], 0.0);
        let lines = json["cost"]["lambda"]["lines"].as_array().unwrap();
        assert!(lines.iter().any(|l| l["label"] == "Kinesis shard hours"));
        let csv = to_csv(&scenario, &derived);
        assert!(csv.contains("cost,vm,event_source_usd,45.2"), "{csv}");
    }

    #[test]
    fn csv_and_text_carry_the_same_total() {
        let (_, scenario) = crate::presets::default_scenario();
        let derived = Derived::compute(&scenario);
        let total = derived.bills.lambda_bill.total_usd();
        let csv = to_csv(&scenario, &derived);
        assert!(csv.starts_with("section,model,key,value\n"));
        assert!(
            csv.lines()
                .any(|l| l == format!("cost,lambda,total_usd,{total}")),
            "{csv}"
        );
        let text = to_text(&scenario, &derived);
        assert!(text.contains(&format_usd(total)), "{text}");
    }
}
