//! Which of the app's prices a product (one SKU of `products`) is, from its `productFamily` and
//! attributes, by the tables of [`super::names`].

use std::collections::HashMap;

use super::names::{api_gateway, ec2, eks, elb, fargate, lambda, strip_region_prefix};

/// One price the app reads, which a wanted SKU's price dimensions give.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Lambda x86_64 requests.
    LambdaRequests,
    /// Lambda on-demand duration tiers; `true` for arm64.
    LambdaDuration(bool),
    /// Lambda provisioned concurrency capacity; `true` for arm64.
    LambdaProvisioned(bool),
    /// Lambda duration on provisioned concurrency; `true` for arm64.
    LambdaProvisionedDuration(bool),
    /// Lambda ephemeral storage (x86_64).
    LambdaStorage,
    /// An EC2 instance type's on-demand hour.
    Ec2(String),
    /// Fargate vCPU-hour; `true` for arm64.
    FargateVcpu(bool),
    /// Fargate GB-hour; `true` for arm64.
    FargateGb(bool),
    /// Fargate Spot x86_64 vCPU-hour.
    FargateSpotVcpu,
    /// EKS cluster hour.
    EksCluster,
    /// API Gateway REST requests tiers.
    ApiRest,
    /// API Gateway HTTP requests tiers.
    ApiHttp,
    /// ALB hour.
    AlbHour,
    /// ALB LCU-hour.
    AlbLcu,
}

impl Kind {
    /// What the price is, for messages.
    pub fn label(&self) -> &'static str {
        match self {
            Self::LambdaRequests => "Lambda requests",
            Self::LambdaDuration(false) => "Lambda x86_64 duration",
            Self::LambdaDuration(true) => "Lambda arm64 duration",
            Self::LambdaProvisioned(false) => "Lambda x86_64 provisioned concurrency",
            Self::LambdaProvisioned(true) => "Lambda arm64 provisioned concurrency",
            Self::LambdaProvisionedDuration(false) => "Lambda x86_64 provisioned duration",
            Self::LambdaProvisionedDuration(true) => "Lambda arm64 provisioned duration",
            Self::LambdaStorage => "Lambda ephemeral storage",
            Self::Ec2(_) => "EC2 on-demand hour",
            Self::FargateVcpu(false) => "Fargate x86_64 vCPU-hour",
            Self::FargateVcpu(true) => "Fargate arm64 vCPU-hour",
            Self::FargateGb(false) => "Fargate x86_64 GB-hour",
            Self::FargateGb(true) => "Fargate arm64 GB-hour",
            Self::FargateSpotVcpu => "Fargate Spot vCPU-hour",
            Self::EksCluster => "EKS cluster hour",
            Self::ApiRest => "API Gateway REST requests",
            Self::ApiHttp => "API Gateway HTTP requests",
            Self::AlbHour => "ALB hour",
            Self::AlbLcu => "ALB LCU-hour",
        }
    }

    /// Whether the price is per GB-second of Lambda (refused above $0.001).
    pub fn is_lambda_gb_second(&self) -> bool {
        matches!(
            self,
            Self::LambdaDuration(_)
                | Self::LambdaProvisioned(_)
                | Self::LambdaProvisionedDuration(_)
                | Self::LambdaStorage
        )
    }
}

/// The price a product is, or `None` when the app does not use it. `instance_types` are the EC2
/// types asked for.
pub fn classify(
    family: &str,
    attributes: &HashMap<String, String>,
    instance_types: &[String],
) -> Option<Kind> {
    let attr = |name: &str| attributes.get(name).map(String::as_str);
    if let Some(group) = attr("group") {
        let kind = match group {
            lambda::REQUESTS => Some(Kind::LambdaRequests),
            lambda::DURATION_X86 => Some(Kind::LambdaDuration(false)),
            lambda::DURATION_ARM => Some(Kind::LambdaDuration(true)),
            lambda::PROVISIONED_X86 => Some(Kind::LambdaProvisioned(false)),
            lambda::PROVISIONED_ARM => Some(Kind::LambdaProvisioned(true)),
            lambda::PROVISIONED_DURATION_X86 => Some(Kind::LambdaProvisionedDuration(false)),
            lambda::PROVISIONED_DURATION_ARM => Some(Kind::LambdaProvisionedDuration(true)),
            lambda::STORAGE_X86 => Some(Kind::LambdaStorage),
            _ => None,
        };
        if kind.is_some() {
            return kind;
        }
    }
    let usage = strip_region_prefix(attr("usagetype")?);
    if family == ec2::FAMILY {
        let instance_type = attr("instanceType")?;
        let wanted = instance_types.iter().any(|t| t == instance_type)
            && usage.strip_prefix(ec2::BOX_USAGE) == Some(instance_type)
            && ec2::REQUIRED.iter().all(|(k, v)| attr(k) == Some(v))
            && ec2::IF_PRESENT
                .iter()
                .all(|(k, v)| attr(k).is_none_or(|a| a == *v));
        return wanted.then(|| Kind::Ec2(instance_type.to_owned()));
    }
    match usage {
        fargate::X86_VCPU => Some(Kind::FargateVcpu(false)),
        fargate::X86_GB => Some(Kind::FargateGb(false)),
        fargate::ARM_VCPU => Some(Kind::FargateVcpu(true)),
        fargate::ARM_GB => Some(Kind::FargateGb(true)),
        fargate::SPOT_X86_VCPU => Some(Kind::FargateSpotVcpu),
        eks::CLUSTER_HOUR => Some(Kind::EksCluster),
        api_gateway::REST => Some(Kind::ApiRest),
        api_gateway::HTTP => Some(Kind::ApiHttp),
        elb::HOUR if family == elb::ALB_FAMILY => Some(Kind::AlbHour),
        elb::LCU if family == elb::ALB_FAMILY => Some(Kind::AlbLcu),
        _ => None,
    }
}
