//! The regions whose rates are built in: us-east-1 (the lesson's, AWS's own figures of
//! 2025-10-01) and eu-west-1, eu-central-1 and ap-southeast-1, each a rate set with its source
//! and date. Exact current rates for any region come from AWS's price list files
//! (`serverless-explorer rates --offer …`).

use super::alternatives::{ContainerSettings, VmSettings};
use super::rates::{EventSourceRates, InstancePrice, Rates, Tier};
use super::whole::Scenario;

/// A region with built-in rates: its code and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltInRegion {
    /// AWS's region code, e.g. "eu-west-1".
    pub code: &'static str,
    /// AWS's name for it, e.g. "Europe (Ireland)".
    pub name: &'static str,
}

/// Every region with built-in rates, the default first.
pub const BUILT_IN_REGIONS: [BuiltInRegion; 4] = [
    BuiltInRegion {
        code: "us-east-1",
        name: "US East (N. Virginia)",
    },
    BuiltInRegion {
        code: "eu-west-1",
        name: "Europe (Ireland)",
    },
    BuiltInRegion {
        code: "eu-central-1",
        name: "Europe (Frankfurt)",
    },
    BuiltInRegion {
        code: "ap-southeast-1",
        name: "Asia Pacific (Singapore)",
    },
];

/// What differs from us-east-1 in one region's built-in rates.
struct RegionalPrices {
    /// EC2 on-demand, USD per hour, in the order of the default instance list.
    ec2: [f64; 6],
    /// Fargate x86_64 vCPU-hour, GB-hour; arm64 vCPU-hour, GB-hour.
    fargate: [f64; 4],
    /// ALB hour, LCU-hour.
    alb: [f64; 2],
    /// API Gateway REST API per million, by tier (333 M, 1 B, 20 B, above).
    rest: [f64; 4],
    /// API Gateway HTTP API per million (300 M, above).
    http: [f64; 2],
}

fn regional_prices(code: &str) -> Option<RegionalPrices> {
    match code {
        "eu-west-1" => Some(RegionalPrices {
            ec2: [0.0114, 0.0228, 0.0456, 0.107, 0.0898, 0.192],
            fargate: [0.040_48, 0.004_445, 0.032_38, 0.003_56],
            alb: [0.0252, 0.008],
            rest: [3.50, 3.19, 2.71, 1.72],
            http: [1.11, 1.00],
        }),
        "eu-central-1" => Some(RegionalPrices {
            ec2: [0.012, 0.024, 0.048, 0.115, 0.0972, 0.194],
            fargate: [0.046_56, 0.005_11, 0.037_25, 0.004_09],
            alb: [0.027, 0.008],
            rest: [3.70, 3.33, 2.83, 1.79],
            http: [1.20, 1.09],
        }),
        "ap-southeast-1" => Some(RegionalPrices {
            ec2: [0.0132, 0.0264, 0.0528, 0.12, 0.1016, 0.196],
            fargate: [0.050_56, 0.005_53, 0.040_45, 0.004_42],
            alb: [0.0252, 0.008],
            rest: [3.50, 3.19, 2.71, 1.72],
            http: [1.00, 0.90],
        }),
        _ => None,
    }
}

/// The built-in rates of a region, `None` for a region not built in.
///
/// Lambda's prices are the same in these four regions. A Savings Plan or Spot price of an instance
/// is taken to be the same share off on demand as in us-east-1. The event sources' prices are
/// us-east-1's list prices: this build has no regional figure for them, and each set's source
/// says so.
pub fn built_in_rates(code: &str) -> Option<Rates> {
    let base = Rates::default();
    if code == base.region {
        return Some(base);
    }
    let prices = regional_prices(code)?;
    let region = BUILT_IN_REGIONS.iter().find(|r| r.code == code)?;
    let scale = |price: Option<f64>, from: f64, to: f64| price.map(|p| round4(p * to / from));
    let ec2_instances: Vec<InstancePrice> = base
        .ec2_instances
        .iter()
        .zip(prices.ec2)
        .map(|(us, hourly_usd)| InstancePrice {
            name: us.name.clone(),
            hourly_usd,
            instance_savings_plan_1y_usd: scale(
                us.instance_savings_plan_1y_usd,
                us.hourly_usd,
                hourly_usd,
            ),
            instance_savings_plan_3y_usd: scale(
                us.instance_savings_plan_3y_usd,
                us.hourly_usd,
                hourly_usd,
            ),
            compute_savings_plan_1y_usd: scale(
                us.compute_savings_plan_1y_usd,
                us.hourly_usd,
                hourly_usd,
            ),
            compute_savings_plan_3y_usd: scale(
                us.compute_savings_plan_3y_usd,
                us.hourly_usd,
                hourly_usd,
            ),
            spot_usd: scale(us.spot_usd, us.hourly_usd, hourly_usd),
        })
        .collect();
    let [rest1, rest2, rest3, rest4] = prices.rest;
    let [http1, http2] = prices.http;
    let [vcpu_x86, gb_x86, vcpu_arm, gb_arm] = prices.fargate;
    let event_sources = EventSourceRates {
        source: format!(
            "{} ({code}): no regional figure in this build, so these are the us-east-1 list \
             prices on AWS's pricing pages for Amazon SQS, Kinesis Data Streams, Amazon SNS and \
             Amazon EventBridge (read 2026-12)",
            region.name
        ),
        ..EventSourceRates::default()
    };
    Some(Rates {
        region: code.to_owned(),
        source: format!(
            "{} ({code}): Lambda as in us-east-1 (AWS pricing page); EC2, Fargate, ALB and API \
             Gateway: approximate readings of AWS's regional pricing pages for this build; \
             Savings Plan and Spot prices the same share off on demand as in us-east-1; SQS, \
             Kinesis, SNS and EventBridge at the us-east-1 list prices. For exact current rates, read AWS's price list files with `serverless-explorer rates`.",
            region.name
        ),
        api_gateway_rest_tiers: vec![
            Tier {
                up_to: Some(333.0),
                usd_per_unit: rest1,
            },
            Tier {
                up_to: Some(1_000.0),
                usd_per_unit: rest2,
            },
            Tier {
                up_to: Some(20_000.0),
                usd_per_unit: rest3,
            },
            Tier {
                up_to: None,
                usd_per_unit: rest4,
            },
        ],
        api_gateway_http_tiers: vec![
            Tier {
                up_to: Some(300.0),
                usd_per_unit: http1,
            },
            Tier {
                up_to: None,
                usd_per_unit: http2,
            },
        ],
        alb_usd_per_hour: prices.alb[0],
        alb_usd_per_lcu_hour: prices.alb[1],
        fargate_x86_64_vcpu_hour_usd: vcpu_x86,
        fargate_x86_64_gb_hour_usd: gb_x86,
        fargate_arm64_vcpu_hour_usd: vcpu_arm,
        fargate_arm64_gb_hour_usd: gb_arm,
        ec2_instances,
        event_sources,
        ..base
    })
}

fn round4(usd: f64) -> f64 {
    (usd * 10_000.0).round() / 10_000.0
}

impl Scenario {
    /// The scenario priced with `rates`: the rates replaced, and the VMs' and the container
    /// nodes' hourly prices taken from the new list where their instance type is in it, so a
    /// change of region re-prices every model.
    #[must_use]
    pub fn with_rates(&self, rates: Rates) -> Self {
        let mut s = self.clone();
        reprice_fleets(&rates, &mut s.vm, &mut s.containers);
        s.rates = rates;
        s
    }
}

/// Takes the VMs' and the container nodes' hourly prices from `rates`' instance list, where
/// their instance types are in it.
pub fn reprice_fleets(rates: &Rates, vm: &mut VmSettings, containers: &mut ContainerSettings) {
    if let Some(price) = rates.instance(&vm.instance_type) {
        vm.hourly_usd = price.hourly_usd;
    }
    if let Some(price) = rates.instance(&containers.node_instance_type) {
        containers.node_hourly_usd = price.hourly_usd;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cost::bills;

    #[test]
    fn every_built_in_region_is_valid_and_named() {
        for region in BUILT_IN_REGIONS {
            let rates = built_in_rates(region.code).expect("built in");
            assert_eq!(rates.region, region.code);
            let s = Scenario::default().with_rates(rates);
            assert_eq!(s.validate(), Ok(()), "{}", region.code);
        }
        assert!(built_in_rates("mars-north-1").is_none());
        // Every region prices the event sources, at us-east-1's list prices, and says so.
        for region in &BUILT_IN_REGIONS[1..] {
            let rates = built_in_rates(region.code).expect("built in");
            let e = &rates.event_sources;
            assert_eq!(e.sqs_usd_per_million_requests, 0.40, "{}", region.code);
            assert_eq!(e.kinesis_shard_hour_usd, 0.015);
            assert!(e.source.contains("us-east-1 list prices"), "{}", e.source);
            assert!(e.source.contains(region.code), "{}", e.source);
        }
    }

    #[test]
    fn switching_region_reprices_the_fleets_and_keeps_lambdas_prices() {
        let us = Scenario::default();
        let frankfurt = us.with_rates(built_in_rates("eu-central-1").expect("built in"));
        // t3.medium: $0.048 an hour in Frankfurt against $0.0416.
        assert_eq!(frankfurt.vm.hourly_usd, 0.048);
        let (a, b) = (bills(&us), bills(&frankfurt));
        assert!(b.vm.total_cents > a.vm.total_cents);
        assert!(b.containers.total_cents > a.containers.total_cents);
        assert_eq!(b.lambda.compute, a.lambda.compute);
        assert_eq!(b.lambda.requests, a.lambda.requests);
        // Back to us-east-1 gives the lesson's numbers again.
        let back = frankfurt.with_rates(built_in_rates("us-east-1").expect("built in"));
        assert_eq!(bills(&back), a);
    }
}
