//! Every price the cost model uses: tiered prices, Lambda's per architecture, the front doors',
//! the event sources', Fargate's, EKS's and the EC2 instance picker's, with the date they were
//! true.

use serde::{Deserialize, Serialize};

use super::purchase::{Purchase, SavingsPlanKind, Term};
use super::workload::Architecture;

/// One band of a tiered price: `usd_per_unit` applies to usage up to `up_to` (cumulative, in the
/// tier's unit), or without limit when `up_to` is `None`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Upper bound of the band (cumulative usage), or `None` for the last band.
    pub up_to: Option<f64>,
    /// Price per unit within the band.
    pub usd_per_unit: f64,
}

impl Tier {
    fn new(up_to: Option<f64>, usd_per_unit: f64) -> Self {
        Self {
            up_to,
            usd_per_unit,
        }
    }
}

/// Lambda prices of one architecture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LambdaArchRates {
    /// On-demand duration price tiers, USD per GB-second, bounds in GB-seconds a month.
    pub duration_tiers: Vec<Tier>,
    /// Provisioned concurrency capacity, USD per GB-second configured.
    pub provisioned_usd_per_gb_s: f64,
    /// Duration of requests served by PC environments, USD per GB-second.
    pub provisioned_duration_usd_per_gb_s: f64,
}

impl LambdaArchRates {
    /// AWS's x86_64 prices (presets/README.md §1).
    pub fn x86_64() -> Self {
        Self {
            duration_tiers: vec![
                Tier::new(Some(6e9), 0.000_016_666_7),
                Tier::new(Some(15e9), 0.000_015),
                Tier::new(None, 0.000_013_333_4),
            ],
            provisioned_usd_per_gb_s: 0.000_004_166_7,
            provisioned_duration_usd_per_gb_s: 0.000_009_722_2,
        }
    }

    /// AWS's arm64 prices (presets/README.md §1).
    pub fn arm64() -> Self {
        Self {
            duration_tiers: vec![
                Tier::new(Some(7.5e9), 0.000_013_333_4),
                Tier::new(Some(18.75e9), 0.000_012_000_1),
                Tier::new(None, 0.000_010_666_7),
            ],
            provisioned_usd_per_gb_s: 0.000_003_333_4,
            provisioned_duration_usd_per_gb_s: 0.000_007_777_8,
        }
    }
}

impl Default for LambdaArchRates {
    fn default() -> Self {
        Self::x86_64()
    }
}

/// A named EC2 instance type: its on-demand hourly price and, where known, what it costs per hour
/// under each Savings Plan (no upfront) and as Spot capacity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstancePrice {
    /// Instance type name, e.g. "t3.medium".
    pub name: String,
    /// USD per hour, us-east-1 Linux on-demand.
    pub hourly_usd: f64,
    /// USD per hour under an EC2 Instance Savings Plan, 1 year, no upfront.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_savings_plan_1y_usd: Option<f64>,
    /// USD per hour under an EC2 Instance Savings Plan, 3 years, no upfront.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_savings_plan_3y_usd: Option<f64>,
    /// USD per hour under a Compute Savings Plan, 1 year, no upfront.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute_savings_plan_1y_usd: Option<f64>,
    /// USD per hour under a Compute Savings Plan, 3 years, no upfront.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute_savings_plan_3y_usd: Option<f64>,
    /// USD per hour as Spot capacity: a typical level, since the Spot price moves with demand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spot_usd: Option<f64>,
}

impl InstancePrice {
    /// The hourly price of a purchase option, `None` when these rates do not have it.
    pub fn hourly_for(&self, purchase: Purchase, kind: SavingsPlanKind) -> Option<f64> {
        match (purchase, kind) {
            (Purchase::OnDemand, _) => Some(self.hourly_usd),
            (Purchase::SavingsPlan1y, SavingsPlanKind::Ec2Instance) => {
                self.instance_savings_plan_1y_usd
            }
            (Purchase::SavingsPlan3y, SavingsPlanKind::Ec2Instance) => {
                self.instance_savings_plan_3y_usd
            }
            (Purchase::SavingsPlan1y, SavingsPlanKind::Compute) => self.compute_savings_plan_1y_usd,
            (Purchase::SavingsPlan3y, SavingsPlanKind::Compute) => self.compute_savings_plan_3y_usd,
            (Purchase::Spot, _) => self.spot_usd,
        }
    }
}

/// The commitment and Spot discounts priced as a share of the on-demand rate (AWS publishes them
/// as rates per unit that are the same share off for every size and architecture).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CommitmentRates {
    /// Compute Savings Plan, 1 year, no upfront: share off Fargate's vCPU- and GB-hours.
    pub fargate_savings_plan_1y_discount: f64,
    /// Compute Savings Plan, 3 years, no upfront: share off Fargate's vCPU- and GB-hours.
    pub fargate_savings_plan_3y_discount: f64,
    /// Fargate Spot: share off Fargate's on-demand vCPU- and GB-hours (a typical level).
    pub fargate_spot_discount: f64,
    /// Compute Savings Plan, 1 year, no upfront: share off Lambda duration and provisioned
    /// concurrency (requests are not discounted).
    pub lambda_savings_plan_1y_discount: f64,
    /// Compute Savings Plan, 3 years, no upfront: share off Lambda duration and provisioned
    /// concurrency (AWS: "up to 17%").
    pub lambda_savings_plan_3y_discount: f64,
}

impl Default for CommitmentRates {
    fn default() -> Self {
        Self {
            fargate_savings_plan_1y_discount: 0.20,
            fargate_savings_plan_3y_discount: 0.45,
            fargate_spot_discount: 0.70,
            lambda_savings_plan_1y_discount: 0.12,
            lambda_savings_plan_3y_discount: 0.17,
        }
    }
}

impl CommitmentRates {
    /// Share off Fargate's on-demand rates for a purchase option (0 on demand).
    pub fn fargate_discount(&self, purchase: Purchase) -> f64 {
        match purchase {
            Purchase::OnDemand => 0.0,
            Purchase::SavingsPlan1y => self.fargate_savings_plan_1y_discount,
            Purchase::SavingsPlan3y => self.fargate_savings_plan_3y_discount,
            Purchase::Spot => self.fargate_spot_discount,
        }
    }

    /// Share off Lambda's duration and provisioned-concurrency rates under a plan.
    pub fn lambda_discount(&self, term: Term) -> f64 {
        match term {
            Term::OneYear => self.lambda_savings_plan_1y_discount,
            Term::ThreeYear => self.lambda_savings_plan_3y_discount,
        }
    }
}

/// The prices of the services a non-HTTP trigger's work comes through (presets/README.md §4d).
/// S3 event notifications and a Lambda trigger's reads of a DynamoDB stream cost nothing, so
/// they have no rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventSourceRates {
    /// Where these prices come from and when they were read, shown in the bill's lines.
    pub source: String,
    /// SQS standard queue, USD per million requests (each 64 KB chunk of a request is one).
    pub sqs_usd_per_million_requests: f64,
    /// Kinesis Data Streams, provisioned mode, USD per shard-hour.
    pub kinesis_shard_hour_usd: f64,
    /// Kinesis Data Streams, provisioned mode, USD per million PUT payload units (one unit per
    /// 25 KB of a record, rounded up).
    pub kinesis_usd_per_million_put_units: f64,
    /// SNS standard topic, USD per million publishes (deliveries to Lambda and SQS are free).
    pub sns_usd_per_million_publishes: f64,
    /// SNS standard topic, USD per million deliveries to HTTP/S endpoints.
    pub sns_http_usd_per_million_deliveries: f64,
    /// EventBridge, USD per million custom events put on an event bus (events from AWS
    /// services are free).
    pub eventbridge_usd_per_million_events: f64,
    /// EventBridge Scheduler, USD per million invocations.
    pub scheduler_usd_per_million_invocations: f64,
}

impl Default for EventSourceRates {
    fn default() -> Self {
        Self {
            source: "us-east-1 list prices on AWS's pricing pages for Amazon SQS, Kinesis Data \
                     Streams, Amazon SNS and Amazon EventBridge (read 2026-12)"
                .to_owned(),
            sqs_usd_per_million_requests: 0.40,
            kinesis_shard_hour_usd: 0.015,
            kinesis_usd_per_million_put_units: 0.014,
            sns_usd_per_million_publishes: 0.50,
            sns_http_usd_per_million_deliveries: 0.60,
            eventbridge_usd_per_million_events: 1.00,
            scheduler_usd_per_million_invocations: 1.00,
        }
    }
}

/// Every price the cost model uses, with the date it was true and where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rates {
    /// The date these rates were true, shown in the app ("rates as of").
    pub as_of: String,
    /// The AWS region these rates are for, e.g. "us-east-1", shown wherever prices are named.
    pub region: String,
    /// Where these rates come from, shown in the app.
    pub source: String,
    /// Lambda requests, USD per million.
    pub lambda_request_usd_per_million: f64,
    /// Lambda x86_64 duration and PC prices.
    pub lambda_x86_64: LambdaArchRates,
    /// Lambda arm64 duration and PC prices.
    pub lambda_arm64: LambdaArchRates,
    /// Ephemeral storage above the free 512 MB, USD per GB-second.
    pub ephemeral_usd_per_gb_s: f64,
    /// Free-tier requests a month.
    pub free_requests: u64,
    /// Free-tier GB-seconds a month (x86 and Arm together).
    pub free_gb_s: f64,
    /// API Gateway REST API, USD per million requests, bounds in millions a month.
    pub api_gateway_rest_tiers: Vec<Tier>,
    /// API Gateway HTTP API, USD per million requests, bounds in millions a month.
    pub api_gateway_http_tiers: Vec<Tier>,
    /// Application Load Balancer, USD per hour.
    pub alb_usd_per_hour: f64,
    /// Application Load Balancer, USD per LCU-hour.
    pub alb_usd_per_lcu_hour: f64,
    /// New connections per second that make one LCU (one connection per request assumed).
    pub alb_new_connections_per_lcu: f64,
    /// Fargate x86_64, USD per vCPU-hour.
    pub fargate_x86_64_vcpu_hour_usd: f64,
    /// Fargate x86_64, USD per GB-hour.
    pub fargate_x86_64_gb_hour_usd: f64,
    /// Fargate arm64, USD per vCPU-hour.
    pub fargate_arm64_vcpu_hour_usd: f64,
    /// Fargate arm64, USD per GB-hour.
    pub fargate_arm64_gb_hour_usd: f64,
    /// EKS control plane, USD per cluster-hour.
    pub eks_cluster_hour_usd: f64,
    /// EC2 prices offered by the editor's instance picker.
    pub ec2_instances: Vec<InstancePrice>,
    /// Savings Plan and Spot discounts of Fargate and Lambda.
    pub commitments: CommitmentRates,
    /// SQS, Kinesis, SNS and EventBridge prices, for the triggers other than HTTP.
    pub event_sources: EventSourceRates,
}

impl Default for Rates {
    fn default() -> Self {
        // On demand; EC2 Instance Savings Plan 1 and 3 years; Compute Savings Plan 1 and 3
        // years (all no upfront); a typical Spot price. presets/README.md §4.
        let instance =
            |name: &str, [hourly_usd, isp1, isp3, csp1, csp3, spot]: [f64; 6]| InstancePrice {
                name: name.to_owned(),
                hourly_usd,
                instance_savings_plan_1y_usd: Some(isp1),
                instance_savings_plan_3y_usd: Some(isp3),
                compute_savings_plan_1y_usd: Some(csp1),
                compute_savings_plan_3y_usd: Some(csp3),
                spot_usd: Some(spot),
            };
        Self {
            as_of: "2025-10-01".to_owned(),
            region: "us-east-1".to_owned(),
            source: "Lambda: AWS pricing page and Price List API (effective 2025-10-01); \
                     API Gateway: AWS whitepaper; EC2, Fargate, ALB: third-party tables (Jan 2025); \
                     EKS: AWS; Savings Plans and Spot: AWS's Savings Plans and Spot pricing \
                     pages (no upfront, approximate, Spot a typical level)"
                .to_owned(),
            lambda_request_usd_per_million: 0.20,
            lambda_x86_64: LambdaArchRates::x86_64(),
            lambda_arm64: LambdaArchRates::arm64(),
            ephemeral_usd_per_gb_s: 0.000_000_030_9,
            free_requests: 1_000_000,
            free_gb_s: 400_000.0,
            api_gateway_rest_tiers: vec![
                Tier::new(Some(333.0), 3.50),
                Tier::new(Some(1_000.0), 2.80),
                Tier::new(Some(20_000.0), 2.38),
                Tier::new(None, 1.51),
            ],
            api_gateway_http_tiers: vec![Tier::new(Some(300.0), 1.00), Tier::new(None, 0.90)],
            alb_usd_per_hour: 0.0225,
            alb_usd_per_lcu_hour: 0.008,
            alb_new_connections_per_lcu: 25.0,
            fargate_x86_64_vcpu_hour_usd: 0.040_48,
            fargate_x86_64_gb_hour_usd: 0.004_445,
            fargate_arm64_vcpu_hour_usd: 0.032_38,
            fargate_arm64_gb_hour_usd: 0.003_56,
            eks_cluster_hour_usd: 0.10,
            ec2_instances: vec![
                instance("t3.micro", [0.0104, 0.0065, 0.0045, 0.0075, 0.0052, 0.0031]),
                instance("t3.small", [0.0208, 0.013, 0.009, 0.015, 0.0104, 0.0062]),
                instance("t3.medium", [0.0416, 0.026, 0.0179, 0.03, 0.0208, 0.0125]),
                instance("m5.large", [0.096, 0.06, 0.041, 0.069, 0.047, 0.035]),
                instance("m7g.large", [0.0816, 0.0514, 0.0353, 0.0588, 0.0402, 0.032]),
                instance("c5.xlarge", [0.17, 0.107, 0.073, 0.122, 0.084, 0.065]),
            ],
            commitments: CommitmentRates::default(),
            event_sources: EventSourceRates::default(),
        }
    }
}

impl Rates {
    /// The Lambda prices of one architecture.
    pub fn lambda(&self, architecture: Architecture) -> &LambdaArchRates {
        match architecture {
            Architecture::X86_64 => &self.lambda_x86_64,
            Architecture::Arm64 => &self.lambda_arm64,
        }
    }

    /// The picker's prices of an instance type, by name.
    pub fn instance(&self, name: &str) -> Option<&InstancePrice> {
        self.ec2_instances.iter().find(|i| i.name == name)
    }

    /// Fargate's (USD per vCPU-hour, USD per GB-hour) for tasks of one architecture.
    pub fn fargate(&self, architecture: Architecture) -> (f64, f64) {
        match architecture {
            Architecture::X86_64 => (
                self.fargate_x86_64_vcpu_hour_usd,
                self.fargate_x86_64_gb_hour_usd,
            ),
            Architecture::Arm64 => (
                self.fargate_arm64_vcpu_hour_usd,
                self.fargate_arm64_gb_hour_usd,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rates_follow_facts() {
        let r = Rates::default();
        assert_eq!(r.lambda_request_usd_per_million, 0.20);
        assert_eq!(
            r.lambda_x86_64.duration_tiers[0].usd_per_unit,
            0.000_016_666_7
        );
        assert_eq!(r.lambda_arm64.duration_tiers[0].up_to, Some(7.5e9));
        assert_eq!(r.free_gb_s, 400_000.0);
        assert_eq!(r.free_requests, 1_000_000);
        let e = &r.event_sources;
        assert_eq!(e.sqs_usd_per_million_requests, 0.40);
        assert_eq!(e.kinesis_shard_hour_usd, 0.015);
        assert_eq!(e.kinesis_usd_per_million_put_units, 0.014);
        assert_eq!(e.sns_usd_per_million_publishes, 0.50);
        assert_eq!(e.sns_http_usd_per_million_deliveries, 0.60);
        assert_eq!(e.eventbridge_usd_per_million_events, 1.00);
        assert_eq!(e.scheduler_usd_per_million_invocations, 1.00);
    }

    #[test]
    fn rates_without_event_sources_load_with_the_defaults() {
        let r: Rates = ron::from_str("(region: \"eu-west-1\")").unwrap();
        assert_eq!(r.event_sources, EventSourceRates::default());
        let r: Rates =
            ron::from_str("(event_sources: (sqs_usd_per_million_requests: 0.5))").unwrap();
        assert_eq!(r.event_sources.sqs_usd_per_million_requests, 0.5);
        assert_eq!(r.event_sources.kinesis_shard_hour_usd, 0.015);
        assert!(ron::from_str::<Rates>("(event_sources: (sqs: 0.5))").is_err());
    }
}
