//! Tests of the offer-file reader: small offer files in AWS's layout (real attribute names and
//! usage types), one per service, for eu-west-1, and each kind of bad file.

use std::path::PathBuf;

use serde_json::{Value, json};

use super::*;
use crate::model::cost::bills;
use crate::model::scenario::{Rates, Scenario};

/// A price dimension: (beginRange, endRange, USD per unit, unit).
type D<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Attributes of a product, in file order.
type Attrs<'a> = Vec<(&'a str, &'a str)>;

/// A product: (sku, productFamily, attributes, dimensions).
type P<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>, Vec<D<'a>>);

/// An offer file as AWS lays it out, `terms` after `products` unless `terms_first`.
fn offer_text(offer_code: &str, products: &[P<'_>], terms_first: bool) -> String {
    let mut product_map = serde_json::Map::new();
    let mut on_demand = serde_json::Map::new();
    for (sku, family, attrs, dims) in products {
        let attributes: serde_json::Map<String, Value> = attrs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), json!(v)))
            .collect();
        product_map.insert(
            (*sku).to_owned(),
            json!({"sku": sku, "productFamily": family, "attributes": attributes}),
        );
        let term_code = format!("{sku}.JRTCKXETXF");
        let mut price_dimensions = serde_json::Map::new();
        for (i, (begin, end, usd, unit)) in dims.iter().enumerate() {
            let rate_code = format!("{term_code}.{}", 6_000_000 + i);
            price_dimensions.insert(
                rate_code.clone(),
                json!({
                    "rateCode": rate_code, "description": "a price", "beginRange": begin,
                    "endRange": end, "unit": unit, "pricePerUnit": {"USD": usd}, "appliesTo": []
                }),
            );
        }
        let mut terms = serde_json::Map::new();
        terms.insert(
            term_code.clone(),
            json!({
                "offerTermCode": "JRTCKXETXF", "sku": sku, "effectiveDate": "2025-10-01T00:00:00Z",
                "priceDimensions": price_dimensions, "termAttributes": {}
            }),
        );
        on_demand.insert((*sku).to_owned(), Value::Object(terms));
    }
    let head = format!(
        "\"formatVersion\":\"v1.0\",\"disclaimer\":\"This pricing list is for informational purposes only.\",\
         \"offerCode\":\"{offer_code}\",\"version\":\"20251001000000\",\"publicationDate\":\"2025-10-01T00:00:00Z\""
    );
    let products = format!("\"products\":{}", Value::Object(product_map));
    let terms = format!(
        "\"terms\":{{\"OnDemand\":{},\"Reserved\":{{}}}}",
        Value::Object(on_demand)
    );
    if terms_first {
        format!("{{{head},{terms},{products}}}")
    } else {
        format!("{{{head},{products},{terms}}}")
    }
}

/// Writes `text` to a file named `name` in `dir`.
fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn eu<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut attrs = vec![("regionCode", "eu-west-1"), ("location", "EU (Ireland)")];
    attrs.extend_from_slice(extra);
    attrs
}

fn us<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut attrs = vec![
        ("regionCode", "us-east-1"),
        ("location", "US East (N. Virginia)"),
    ];
    attrs.extend_from_slice(extra);
    attrs
}

#[expect(
    clippy::too_many_lines,
    reason = "the test data of one offer file, a product a paragraph"
)]
fn lambda_products() -> Vec<P<'static>> {
    vec![
        (
            "LDUR",
            "Serverless",
            eu(&[
                ("servicecode", "AWSLambda"),
                ("group", "AWS-Lambda-Duration"),
                ("usagetype", "EU-Lambda-GB-Second"),
            ]),
            vec![
                ("0", "6000000000", "0.0000166667", "Lambda-GB-Second"),
                (
                    "6000000000",
                    "15000000000",
                    "0.0000150000",
                    "Lambda-GB-Second",
                ),
                ("15000000000", "Inf", "0.0000133334", "Lambda-GB-Second"),
            ],
        ),
        (
            "LDURARM",
            "Serverless",
            eu(&[
                ("group", "AWS-Lambda-Duration-ARM"),
                ("usagetype", "EUW1-Lambda-GB-Second-ARM"),
            ]),
            vec![
                ("0", "7500000000", "0.0000133334", "Lambda-GB-Second"),
                (
                    "7500000000",
                    "18750000000",
                    "0.0000120001",
                    "Lambda-GB-Second",
                ),
                ("18750000000", "Inf", "0.0000106667", "Lambda-GB-Second"),
            ],
        ),
        (
            "LREQ",
            "Serverless",
            eu(&[
                ("group", "AWS-Lambda-Requests"),
                ("usagetype", "EU-Request"),
            ]),
            vec![("0", "Inf", "0.0000002000", "Requests")],
        ),
        (
            "LPC",
            "Serverless",
            eu(&[
                ("group", "AWS-Lambda-Provisioned-Concurrency"),
                ("usagetype", "EU-Lambda-Provisioned-Concurrency"),
            ]),
            vec![("0", "Inf", "0.0000041667", "Lambda-GB-Second")],
        ),
        (
            "LPCD",
            "Serverless",
            eu(&[
                ("group", "AWS-Lambda-Duration-Provisioned"),
                ("usagetype", "EU-Lambda-Provisioned-GB-Second"),
            ]),
            vec![("0", "Inf", "0.0000097222", "Lambda-GB-Second")],
        ),
        (
            "LPCARM",
            "Serverless",
            eu(&[
                ("group", "AWS-Lambda-Provisioned-Concurrency-ARM"),
                ("usagetype", "EU-Lambda-Provisioned-Concurrency-ARM"),
            ]),
            vec![("0", "Inf", "0.0000033334", "Lambda-GB-Second")],
        ),
        (
            "LPCDARM",
            "Serverless",
            eu(&[
                ("group", "AWS-Lambda-Duration-Provisioned-ARM"),
                ("usagetype", "EU-Lambda-Provisioned-GB-Second-ARM"),
            ]),
            vec![("0", "Inf", "0.0000077778", "Lambda-GB-Second")],
        ),
        (
            "LSTO",
            "Serverless",
            eu(&[
                ("group", "AWS-Lambda-Storage-Duration"),
                ("usagetype", "EU-Lambda-Storage-GB-Second"),
            ]),
            vec![("0", "Inf", "0.0000000309", "GB-Seconds")],
        ),
        (
            "LEDGE",
            "Serverless",
            eu(&[
                ("group", "AWS-Lambda-Edge-Duration"),
                ("usagetype", "EU-Lambda-Edge-GB-Second"),
            ]),
            vec![("0", "Inf", "0.00005001", "Lambda-GB-Second")],
        ),
        (
            "USDUR",
            "Serverless",
            us(&[
                ("group", "AWS-Lambda-Duration"),
                ("usagetype", "USE1-Lambda-GB-Second"),
            ]),
            vec![("0", "Inf", "0.0000999999", "Lambda-GB-Second")],
        ),
    ]
}

fn ec2_attrs<'a>(
    base: fn(&[(&'a str, &'a str)]) -> Attrs<'a>,
    instance_type: &'a str,
    usage_type: &'a str,
    os: &'a str,
    capacity: &'a str,
) -> Vec<(&'a str, &'a str)> {
    base(&[
        ("servicecode", "AmazonEC2"),
        ("instanceType", instance_type),
        ("operatingSystem", os),
        ("tenancy", "Shared"),
        ("preInstalledSw", "NA"),
        ("capacitystatus", capacity),
        ("licenseModel", "No License required"),
        ("marketoption", "OnDemand"),
        ("usagetype", usage_type),
        ("operation", "RunInstances"),
    ])
}

fn ec2_products() -> Vec<P<'static>> {
    let hrs = |usd: &'static str| vec![("0", "Inf", usd, "Hrs")];
    vec![
        (
            "M5",
            "Compute Instance",
            ec2_attrs(eu, "m5.large", "EU-BoxUsage:m5.large", "Linux", "Used"),
            hrs("0.1070000000"),
        ),
        (
            "M5WIN",
            "Compute Instance",
            ec2_attrs(eu, "m5.large", "EU-BoxUsage:m5.large", "Windows", "Used"),
            hrs("0.1990000000"),
        ),
        (
            "M5RES",
            "Compute Instance",
            ec2_attrs(
                eu,
                "m5.large",
                "EU-Reservation:m5.large",
                "Linux",
                "AllocatedCapacityReservation",
            ),
            hrs("0.1070000000"),
        ),
        (
            "T3",
            "Compute Instance",
            ec2_attrs(eu, "t3.micro", "EU-BoxUsage:t3.micro", "Linux", "Used"),
            hrs("0.0114000000"),
        ),
        (
            "T3US",
            "Compute Instance",
            ec2_attrs(us, "t3.micro", "BoxUsage:t3.micro", "Linux", "Used"),
            hrs("0.0104000000"),
        ),
        (
            "C5",
            "Compute Instance",
            ec2_attrs(eu, "c5.xlarge", "EU-BoxUsage:c5.xlarge", "Linux", "Used"),
            hrs("0.1920000000"),
        ),
    ]
}

fn fargate_products() -> Vec<P<'static>> {
    let hrs = |usd: &'static str| vec![("0", "Inf", usd, "hours")];
    vec![
        (
            "FCPU",
            "Compute",
            eu(&[("usagetype", "EUW1-Fargate-vCPU-Hours:perCPU")]),
            hrs("0.0404800000"),
        ),
        (
            "FGB",
            "Compute",
            eu(&[("usagetype", "EUW1-Fargate-GB-Hours")]),
            hrs("0.0044450000"),
        ),
        (
            "FACPU",
            "Compute",
            eu(&[("usagetype", "EUW1-Fargate-ARM-vCPU-Hours:perCPU")]),
            hrs("0.0323800000"),
        ),
        (
            "FAGB",
            "Compute",
            eu(&[("usagetype", "EUW1-Fargate-ARM-GB-Hours")]),
            hrs("0.0035600000"),
        ),
        (
            "FSCPU",
            "Compute",
            eu(&[("usagetype", "EUW1-SpotUsage-Fargate-vCPU-Hours:perCPU")]),
            hrs("0.0121440000"),
        ),
        (
            "FWIN",
            "Compute",
            eu(&[("usagetype", "EUW1-Fargate-Windows-vCPU-Hours:perCPU")]),
            hrs("0.0910000000"),
        ),
    ]
}

fn other_products() -> (Vec<P<'static>>, Vec<P<'static>>, Vec<P<'static>>) {
    let eks = vec![
        (
            "EKS",
            "Compute",
            eu(&[("usagetype", "EUW1-AmazonEKS-Hours:perCluster")]),
            vec![("0", "Inf", "0.1000000000", "Hours")],
        ),
        (
            "EKSX",
            "Compute",
            eu(&[("usagetype", "EUW1-AmazonEKS-Hours:extendedSupport")]),
            vec![("0", "Inf", "0.6000000000", "Hours")],
        ),
    ];
    let api = vec![
        (
            "REST",
            "API Calls",
            eu(&[("usagetype", "EU-ApiGatewayRequest")]),
            vec![
                ("0", "333000000", "0.0000035000", "Requests"),
                ("333000000", "1000000000", "0.0000028000", "Requests"),
                ("1000000000", "20000000000", "0.0000023800", "Requests"),
                ("20000000000", "Inf", "0.0000015100", "Requests"),
            ],
        ),
        (
            "HTTP",
            "API Calls",
            eu(&[("usagetype", "EU-ApiGatewayHttpRequest")]),
            vec![
                ("0", "300000000", "0.0000010000", "Requests"),
                ("300000000", "Inf", "0.0000009000", "Requests"),
            ],
        ),
    ];
    let elb = vec![
        (
            "ALB",
            "Load Balancer-Application",
            eu(&[("usagetype", "EU-LoadBalancerUsage")]),
            vec![("0", "Inf", "0.0252000000", "Hrs")],
        ),
        (
            "LCU",
            "Load Balancer-Application",
            eu(&[("usagetype", "EU-LCUUsage")]),
            vec![("0", "Inf", "0.0080000000", "LCU-Hrs")],
        ),
        (
            "CLB",
            "Load Balancer",
            eu(&[("usagetype", "EU-LoadBalancerUsage")]),
            vec![("0", "Inf", "0.0280000000", "Hrs")],
        ),
        (
            "NLB",
            "Load Balancer-Network",
            eu(&[("usagetype", "EU-LoadBalancerUsage")]),
            vec![("0", "Inf", "0.0252000000", "Hrs")],
        ),
    ];
    (eks, api, elb)
}

fn read(paths: &[PathBuf]) -> Result<PriceList, PriceListError> {
    read_offer_files(
        paths,
        "eu-west-1",
        &[
            "m5.large".to_owned(),
            "t3.micro".to_owned(),
            "m7g.large".to_owned(),
        ],
    )
}

/// The message of reading one file made of `text`.
fn message_of(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "index.json", text);
    read(&[path]).unwrap_err().to_string()
}

fn tier(up_to: Option<f64>, usd_per_unit: f64) -> Tier {
    Tier {
        up_to,
        usd_per_unit,
    }
}

#[test]
fn lambda_file_prices_aws_example_to_the_cent() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "AWSLambda.json",
        &offer_text("AWSLambda", &lambda_products(), false),
    );
    let list = read(std::slice::from_ref(&path)).unwrap();
    assert_eq!(list.region, "eu-west-1");
    assert_eq!(
        list.files,
        vec![OfferFile {
            path,
            offer_code: "AWSLambda".into(),
            publication_date: "2025-10-01T00:00:00Z".into()
        }]
    );
    let r = &list.rates;
    assert!((r.lambda_request_usd_per_million.unwrap() - 0.20).abs() < 1e-12);
    assert_eq!(
        r.lambda_x86_64_duration_tiers,
        Some(vec![
            tier(Some(6e9), 0.000_016_666_7),
            tier(Some(15e9), 0.000_015),
            tier(None, 0.000_013_333_4)
        ])
    );
    assert_eq!(
        r.lambda_arm64_duration_tiers,
        Some(vec![
            tier(Some(7.5e9), 0.000_013_333_4),
            tier(Some(18.75e9), 0.000_012_000_1),
            tier(None, 0.000_010_666_7)
        ])
    );
    assert_eq!(
        r.lambda_x86_64_provisioned_usd_per_gb_s,
        Some(0.000_004_166_7)
    );
    assert_eq!(
        r.lambda_x86_64_provisioned_duration_usd_per_gb_s,
        Some(0.000_009_722_2)
    );
    assert_eq!(
        r.lambda_arm64_provisioned_usd_per_gb_s,
        Some(0.000_003_333_4)
    );
    assert_eq!(
        r.lambda_arm64_provisioned_duration_usd_per_gb_s,
        Some(0.000_007_777_8)
    );
    assert_eq!(r.ephemeral_usd_per_gb_s, Some(0.000_000_030_9));
    assert_eq!(r.eks_cluster_hour_usd, None);

    // AWS's example: 60 M invocations × 28 ms × 1 GB = $12.00 requests + $28.00 duration.
    let mut s = Scenario {
        rates: Rates {
            lambda_request_usd_per_million: 9.0,
            lambda_x86_64: crate::model::scenario::LambdaArchRates {
                duration_tiers: vec![tier(None, 1.0)],
                ..Default::default()
            },
            ..Rates::default()
        },
        ..Scenario::default()
    };
    r.apply(&mut s.rates);
    s.workload.requests_per_month = 60_000_000;
    s.workload.avg_duration_ms = 28.0;
    s.workload.memory_mb = 1024;
    s.lambda.free_tier = false;
    s.lambda.init_billed = false;
    s.lambda.front_door = None;
    let bill = bills(&s).lambda;
    assert_eq!(bill.requests, 1200);
    assert_eq!(bill.compute, 2800);
    assert_eq!(bill.total, 4000);
}

#[test]
fn ec2_file_keeps_linux_shared_used_of_the_types_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "AmazonEC2.json",
        &offer_text("AmazonEC2", &ec2_products(), false),
    );
    let r = read(&[path]).unwrap().rates;
    assert_eq!(
        r.ec2_on_demand_hourly,
        vec![
            ("m5.large".to_owned(), 0.107),
            ("t3.micro".to_owned(), 0.0114)
        ]
    );
    assert_eq!(r.lambda_request_usd_per_million, None);
}

#[test]
fn ec2_products_with_only_location_are_placed_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut products = ec2_products();
    for p in &mut products {
        p.2.retain(|(k, _)| *k != "regionCode");
    }
    let path = write(
        &dir,
        "AmazonEC2.json",
        &offer_text("AmazonEC2", &products, false),
    );
    let r = read(&[path]).unwrap().rates;
    assert_eq!(r.ec2_on_demand_hourly.len(), 2);
}

#[test]
fn fargate_eks_api_gateway_and_elb_files() {
    let dir = tempfile::tempdir().unwrap();
    let (eks, api, elb) = other_products();
    let paths = vec![
        write(
            &dir,
            "AmazonECS.json",
            &offer_text("AmazonECS", &fargate_products(), false),
        ),
        write(
            &dir,
            "AmazonEKS.json",
            &offer_text("AmazonEKS", &eks, false),
        ),
        write(
            &dir,
            "AmazonApiGateway.json",
            &offer_text("AmazonApiGateway", &api, false),
        ),
        write(&dir, "AWSELB.json", &offer_text("AWSELB", &elb, false)),
    ];
    let list = read(&paths).unwrap();
    let codes: Vec<&str> = list.files.iter().map(|f| f.offer_code.as_str()).collect();
    assert_eq!(
        codes,
        ["AmazonECS", "AmazonEKS", "AmazonApiGateway", "AWSELB"]
    );
    let r = list.rates;
    assert_eq!(r.fargate_x86_64_vcpu_hour_usd, Some(0.040_48));
    assert_eq!(r.fargate_x86_64_gb_hour_usd, Some(0.004_445));
    assert_eq!(r.fargate_arm64_vcpu_hour_usd, Some(0.032_38));
    assert_eq!(r.fargate_arm64_gb_hour_usd, Some(0.003_56));
    assert!((r.fargate_spot_discount.unwrap() - 0.70).abs() < 1e-9);
    assert_eq!(r.eks_cluster_hour_usd, Some(0.10));
    let rest = r.api_gateway_rest_tiers.unwrap();
    let bounds: Vec<Option<f64>> = rest.iter().map(|t| t.up_to).collect();
    assert_eq!(bounds, [Some(333.0), Some(1_000.0), Some(20_000.0), None]);
    let prices: Vec<f64> = rest.iter().map(|t| t.usd_per_unit).collect();
    for (got, want) in prices.iter().zip([3.50, 2.80, 2.38, 1.51]) {
        assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    }
    let http = r.api_gateway_http_tiers.unwrap();
    assert_eq!(http.len(), 2);
    assert_eq!(http[0].up_to, Some(300.0));
    assert!((http[0].usd_per_unit - 1.00).abs() < 1e-9);
    assert!((http[1].usd_per_unit - 0.90).abs() < 1e-9);
    assert_eq!(r.alb_usd_per_hour, Some(0.0252));
    assert_eq!(r.alb_usd_per_lcu_hour, Some(0.008));
}

#[test]
fn terms_before_products_are_read_on_a_second_pass() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "AWSLambda.json",
        &offer_text("AWSLambda", &lambda_products(), true),
    );
    let r = read(&[path]).unwrap().rates;
    assert_eq!(r.lambda_x86_64_duration_tiers.map(|t| t.len()), Some(3));
    assert_eq!(r.ephemeral_usd_per_gb_s, Some(0.000_000_030_9));
}

#[test]
fn apply_lists_what_was_written_and_what_was_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "AmazonEC2.json",
        &offer_text("AmazonEC2", &ec2_products(), false),
    );
    let r = read(&[path]).unwrap().rates;
    let mut rates = Rates::default();
    let before = rates.clone();
    let applied = r.apply(&mut rates);
    assert_eq!(
        applied.from_files,
        [
            "rates.ec2_instances[t3.micro].hourly_usd",
            "rates.ec2_instances[m5.large].hourly_usd"
        ]
    );
    assert!(
        applied
            .not_in_files
            .contains(&"rates.lambda_x86_64.duration_tiers".to_owned())
    );
    assert!(
        applied
            .not_in_files
            .contains(&"rates.ec2_instances[t3.small].hourly_usd".to_owned())
    );
    assert!(
        applied
            .not_in_files
            .contains(&"rates.commitments.fargate_spot_discount".to_owned())
    );
    assert_eq!(
        applied.from_files.len() + applied.not_in_files.len(),
        18 + before.ec2_instances.len()
    );
    let m5 = rates.instance("m5.large").unwrap();
    assert_eq!(m5.hourly_usd, 0.107);
    assert_eq!(m5.spot_usd, before.instance("m5.large").unwrap().spot_usd);
    assert_eq!(rates.lambda_x86_64, before.lambda_x86_64);

    let all = FileRates {
        lambda_x86_64_duration_tiers: Some(vec![tier(None, 0.000_01)]),
        fargate_spot_discount: Some(0.6),
        ..FileRates::default()
    };
    let applied = all.apply(&mut rates);
    assert_eq!(
        applied.from_files,
        [
            "rates.lambda_x86_64.duration_tiers",
            "rates.commitments.fargate_spot_discount"
        ]
    );
    assert_eq!(rates.commitments.fargate_spot_discount, 0.6);
}

#[test]
fn missing_file_is_named() {
    let m = read(&[PathBuf::from("/nonexistent/AWSLambda.json")])
        .unwrap_err()
        .to_string();
    assert!(
        m.starts_with("/nonexistent/AWSLambda.json cannot be opened"),
        "{m}"
    );
    assert_eq!(
        read(&[]).unwrap_err().to_string(),
        "no offer files were given"
    );
}

#[test]
fn not_json_and_not_an_offer_file() {
    let m = message_of("{\"offerCode\": \"AWSLambda\", \"products\": {");
    assert!(
        m.contains("index.json is not JSON") && m.contains("line 1"),
        "{m}"
    );
    let m = message_of("<html>nope</html>");
    assert!(m.contains("is not JSON"), "{m}");
    let m = message_of("[1, 2]");
    assert!(
        m.contains("is not an AWS offer file") && m.contains("offerCode and products"),
        "{m}"
    );
    let m = message_of("{\"formatVersion\": \"v1.0\", \"products\": {}}");
    assert!(
        m.contains("is not an AWS offer file: it has no offerCode"),
        "{m}"
    );
    let m = message_of("{\"offerCode\": \"AWSLambda\", \"terms\": {}}");
    assert!(
        m.contains("is not an AWS offer file: it has no products"),
        "{m}"
    );
}

#[test]
fn an_offer_the_app_does_not_price_is_named() {
    let m = message_of(&offer_text("AmazonS3", &[], false));
    assert!(
        m.contains("is the offer file of AmazonS3, a service the app does not price"),
        "{m}"
    );
    let m = message_of(&offer_text("AWSComputeSavingsPlan", &[], false));
    assert!(m.contains("AWSComputeSavingsPlan"), "{m}");
}

#[test]
fn products_only_for_other_regions_name_them() {
    let mut products = ec2_products();
    products.retain(|p| p.0 == "T3US");
    products.push((
        "W2",
        "Compute Instance",
        vec![
            ("location", "US West (Oregon)"),
            ("usagetype", "USW2-BoxUsage:t3.micro"),
        ],
        vec![("0", "Inf", "0.0104", "Hrs")],
    ));
    let m = message_of(&offer_text("AmazonEC2", &products, false));
    assert!(
        m.contains(
            "has no products in region eu-west-1: its products are for us-east-1, us-west-2"
        ),
        "{m}"
    );
}

#[test]
fn a_price_that_is_not_a_number_names_sku_and_path() {
    let mut products = lambda_products();
    products[2].3 = vec![("0", "Inf", "twenty cents", "Requests")];
    let m = message_of(&offer_text("AWSLambda", &products, false));
    assert!(
        m.contains("terms.OnDemand.LREQ.LREQ.JRTCKXETXF.priceDimensions.LREQ.JRTCKXETXF.6000000.pricePerUnit.USD")
            && m.contains("SKU LREQ")
            && m.contains("\"twenty cents\""),
        "{m}"
    );
    let mut products = lambda_products();
    products[2].3 = vec![("zero", "Inf", "0.0000002", "Requests")];
    let m = message_of(&offer_text("AWSLambda", &products, false));
    assert!(
        m.contains("range bound that is not a number") && m.contains("beginRange"),
        "{m}"
    );
}

#[test]
fn tier_tables_with_a_gap_or_no_last_tier_are_refused() {
    let mut products = lambda_products();
    products[0].3 = vec![
        ("0", "6000000000", "0.0000166667", "Lambda-GB-Second"),
        ("7000000000", "Inf", "0.0000150000", "Lambda-GB-Second"),
    ];
    let m = message_of(&offer_text("AWSLambda", &products, false));
    assert!(m.contains("Lambda x86_64 duration tier table (SKU LDUR) that has a gap between 6000000000 and 7000000000"), "{m}");
    let (_, mut api, _) = other_products();
    api[0].3.pop();
    let m = message_of(&offer_text("AmazonApiGateway", &api, false));
    assert!(m.contains("API Gateway REST requests tier table (SKU REST) that has no unbounded last tier (it ends at 20000000000)"), "{m}");
}

#[test]
fn implausible_prices_are_refused_with_the_value() {
    let mut products = lambda_products();
    products[3].3 = vec![("0", "Inf", "0.0166667", "Lambda-GB-Second")];
    let m = message_of(&offer_text("AWSLambda", &products, false));
    assert!(
        m.contains("implausible price")
            && m.contains("SKU LPC")
            && m.contains("0.0166667 USD")
            && m.contains("Lambda GB-second"),
        "{m}"
    );
    let mut products = fargate_products();
    products[1].3 = vec![("0", "Inf", "-0.004445", "hours")];
    let m = message_of(&offer_text("AmazonECS", &products, false));
    assert!(
        m.contains("SKU FGB") && m.contains("-0.004445 USD, a negative price"),
        "{m}"
    );
    let mut products = ec2_products();
    products[0].3 = vec![("0", "Inf", "1070", "Hrs")];
    let m = message_of(&offer_text("AmazonEC2", &products, false));
    assert!(
        m.contains("SKU M5") && m.contains("1070 USD") && m.contains("instance hour"),
        "{m}"
    );
}
