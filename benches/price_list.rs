//! Times `read_offer_files` on a generated EC2-like offer file of more than 200 MB (hundreds of
//! thousands of SKUs in 20 regions, AWS's layout, in a temporary file) and prints the read rate
//! and the process's peak resident memory, which stays flat because the reader streams. Run with
//! `cargo bench --bench price_list`.
#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::fs::File;
use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serverless_explorer::model::price_list::read_offer_files;

/// Timed runs, after one untimed warm-up run.
const RUNS: usize = 3;

/// SKUs in the file: 20 regions × 60 instance types × 4 operating systems × 2 tenancies × 2
/// capacity statuses × 16 variants.
const REGIONS: [(&str, &str, &str); 20] = [
    ("us-east-1", "US East (N. Virginia)", ""),
    ("us-east-2", "US East (Ohio)", "USE2-"),
    ("us-west-1", "US West (N. California)", "USW1-"),
    ("us-west-2", "US West (Oregon)", "USW2-"),
    ("eu-west-1", "EU (Ireland)", "EU-"),
    ("eu-west-2", "EU (London)", "EUW2-"),
    ("eu-west-3", "EU (Paris)", "EUW3-"),
    ("eu-central-1", "EU (Frankfurt)", "EUC1-"),
    ("eu-north-1", "EU (Stockholm)", "EUN1-"),
    ("eu-south-1", "EU (Milan)", "EUS1-"),
    ("ap-northeast-1", "Asia Pacific (Tokyo)", "APN1-"),
    ("ap-northeast-2", "Asia Pacific (Seoul)", "APN2-"),
    ("ap-southeast-1", "Asia Pacific (Singapore)", "APS1-"),
    ("ap-southeast-2", "Asia Pacific (Sydney)", "APS2-"),
    ("ap-south-1", "Asia Pacific (Mumbai)", "APS3-"),
    ("ca-central-1", "Canada (Central)", "CAN1-"),
    ("sa-east-1", "South America (Sao Paulo)", "SAE1-"),
    ("me-south-1", "Middle East (Bahrain)", "MES1-"),
    ("af-south-1", "Africa (Cape Town)", "AFS1-"),
    ("ap-east-1", "Asia Pacific (Hong Kong)", "APE1-"),
];

const FAMILIES: [&str; 12] = [
    "t3", "t3a", "t4g", "m5", "m6i", "m7g", "c5", "c6i", "c7g", "r5", "r6i", "r7g",
];
const SIZES: [&str; 5] = ["micro", "medium", "large", "xlarge", "2xlarge"];
const OS: [&str; 4] = ["Linux", "Windows", "RHEL", "SUSE"];
const TENANCY: [&str; 2] = ["Shared", "Dedicated"];
const CAPACITY: [&str; 2] = ["Used", "UnusedCapacityReservation"];
const VARIANTS: usize = 16;

/// Writes the file; returns (SKUs, bytes).
fn generate(path: &PathBuf) -> std::io::Result<(usize, u64)> {
    let mut w = BufWriter::with_capacity(1 << 20, File::create(path)?);
    w.write_all(
        b"{\n  \"formatVersion\" : \"v1.0\",\n  \"disclaimer\" : \"This pricing list is for informational purposes only.\",\n  \"offerCode\" : \"AmazonEC2\",\n  \"version\" : \"20251001000000\",\n  \"publicationDate\" : \"2025-10-01T00:00:00Z\",\n  \"products\" : {\n",
    )?;
    let mut skus = Vec::new();
    let mut n = 0_usize;
    for (region, location, prefix) in REGIONS {
        for family in FAMILIES {
            for size in SIZES {
                for os in OS {
                    for tenancy in TENANCY {
                        for capacity in CAPACITY {
                            for variant in 0..VARIANTS {
                                let sku = format!(
                                    "{:016X}",
                                    (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
                                );
                                let pre_installed = if variant == 0 { "NA" } else { "SQL Std" };
                                let usage = if tenancy == "Shared" {
                                    "BoxUsage"
                                } else {
                                    "DedicatedUsage"
                                };
                                if n > 0 {
                                    w.write_all(b",\n")?;
                                }
                                write!(
                                    w,
                                    "    \"{sku}\" : {{\n      \"sku\" : \"{sku}\",\n      \"productFamily\" : \"Compute Instance\",\n      \"attributes\" : {{\n        \"servicecode\" : \"AmazonEC2\",\n        \"location\" : \"{location}\",\n        \"locationType\" : \"AWS Region\",\n        \"instanceType\" : \"{family}.{size}\",\n        \"currentGeneration\" : \"Yes\",\n        \"instanceFamily\" : \"General purpose\",\n        \"vcpu\" : \"2\",\n        \"physicalProcessor\" : \"Intel Xeon Platinum 8175\",\n        \"clockSpeed\" : \"3.1 GHz\",\n        \"memory\" : \"8 GiB\",\n        \"storage\" : \"EBS only\",\n        \"networkPerformance\" : \"Up to 10 Gigabit\",\n        \"processorArchitecture\" : \"64-bit\",\n        \"tenancy\" : \"{tenancy}\",\n        \"operatingSystem\" : \"{os}\",\n        \"licenseModel\" : \"No License required\",\n        \"usagetype\" : \"{prefix}{usage}:{family}.{size}\",\n        \"operation\" : \"RunInstances:000{variant}\",\n        \"availabilityzone\" : \"NA\",\n        \"capacitystatus\" : \"{capacity}\",\n        \"classicnetworkingsupport\" : \"false\",\n        \"dedicatedEbsThroughput\" : \"Up to 4750 Mbps\",\n        \"ecu\" : \"10\",\n        \"enhancedNetworkingSupported\" : \"Yes\",\n        \"intelAvxAvailable\" : \"Yes\",\n        \"marketoption\" : \"OnDemand\",\n        \"normalizationSizeFactor\" : \"4\",\n        \"preInstalledSw\" : \"{pre_installed}\",\n        \"processorFeatures\" : \"Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo\",\n        \"regionCode\" : \"{region}\",\n        \"servicename\" : \"Amazon Elastic Compute Cloud\",\n        \"vpcnetworkingsupport\" : \"true\"\n      }}\n    }}"
                                )?;
                                skus.push(sku);
                                n += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    w.write_all(b"\n  },\n  \"terms\" : {\n    \"OnDemand\" : {\n")?;
    for (i, sku) in skus.iter().enumerate() {
        if i > 0 {
            w.write_all(b",\n")?;
        }
        let usd = 0.0104 + (i % 997) as f64 * 0.001;
        write!(
            w,
            "      \"{sku}\" : {{\n        \"{sku}.JRTCKXETXF\" : {{\n          \"offerTermCode\" : \"JRTCKXETXF\",\n          \"sku\" : \"{sku}\",\n          \"effectiveDate\" : \"2025-10-01T00:00:00Z\",\n          \"priceDimensions\" : {{\n            \"{sku}.JRTCKXETXF.6YS6EN2CT7\" : {{\n              \"rateCode\" : \"{sku}.JRTCKXETXF.6YS6EN2CT7\",\n              \"description\" : \"$0.0104 per On Demand Linux t3.micro Instance Hour\",\n              \"beginRange\" : \"0\",\n              \"endRange\" : \"Inf\",\n              \"unit\" : \"Hrs\",\n              \"pricePerUnit\" : {{\n                \"USD\" : \"{usd:.10}\"\n              }},\n              \"appliesTo\" : [ ]\n            }}\n          }},\n          \"termAttributes\" : {{ }}\n        }}\n      }}"
        )?;
    }
    w.write_all(b"\n    },\n    \"Reserved\" : { }\n  }\n}\n")?;
    w.flush()?;
    Ok((skus.len(), std::fs::metadata(path)?.len()))
}

/// The process's peak resident set (VmHWM), from /proc on Linux.
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn main() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("AmazonEC2-index.json");
    let start = Instant::now();
    let (skus, bytes) = generate(&path)?;
    let mb = bytes as f64 / 1e6;
    println!(
        "generated {mb:.0} MB, {skus} SKUs in {} regions in {:.1} s; peak RSS so far {}",
        REGIONS.len(),
        start.elapsed().as_secs_f64(),
        peak_rss()
    );
    let paths = vec![path];
    let types: Vec<String> = ["t3.micro", "m5.large", "m7g.large", "c5.xlarge"]
        .iter()
        .map(|t| (*t).to_owned())
        .collect();
    let read = || read_offer_files(&paths, "eu-west-1", &types);
    match black_box(read()) {
        Ok(list) => println!(
            "eu-west-1 prices found: {:?}",
            list.rates.ec2_on_demand_hourly
        ),
        Err(e) => println!("read failed: {e}"),
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let _ = black_box(read());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let s = |i: usize| times.get(i).map_or(f64::NAN, Duration::as_secs_f64);
    println!(
        "read_offer_files: median {:.2} s (min {:.2}, max {:.2}) over {RUNS} runs = {:.0} MB/s",
        s(RUNS / 2),
        s(0),
        s(RUNS - 1),
        mb / s(RUNS / 2)
    );
    println!(
        "peak RSS after reading {mb:.0} MB {} times: {} (the reader keeps only the wanted SKUs)",
        RUNS + 1,
        peak_rss()
    );
    Ok(())
}
