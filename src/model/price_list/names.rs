//! The attribute names and values matched in the offer files, one small table per service, and
//! the `location` names of the regions whose products lack `regionCode`.
//!
//! Sources: AWS Billing user guide, "Reading the price list files" (file layout, `regionCode`,
//! `location`, `usagetype`, `group`, `productFamily`); the offer files themselves as published at
//! `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offerCode>/current/<region>/index.json`
//! and the usage types they list, which public cost tools and Cost and Usage Report queries quote
//! the same way (e.g. `USE1-Fargate-ARM-vCPU-Hours:perCPU`, `USE1-SpotUsage-Fargate-vCPU-Hours:perCPU`,
//! `APN1-Fargate-GB-Hours`). Usage types carry a region prefix (`USE1-`, `EUW1-`, `EU-`, …; none
//! for some us-east-1 products such as EC2's `BoxUsage:t3.micro`), which
//! [`strip_region_prefix`] removes before matching.

/// The offer codes the reader understands.
pub const SUPPORTED_OFFERS: [&str; 6] = [
    "AWSLambda",
    "AmazonEC2",
    "AmazonECS",
    "AmazonEKS",
    "AmazonApiGateway",
    "AWSELB",
];

/// Lambda (`AWSLambda`), matched on the `group` attribute, which has no region prefix.
/// Lambda@Edge groups (`AWS-Lambda-Edge-…`) are not matched.
pub mod lambda {
    /// x86_64 requests, USD per request.
    pub const REQUESTS: &str = "AWS-Lambda-Requests";
    /// x86_64 on-demand duration, tiered in GB-seconds a month (usagetype `…-Lambda-GB-Second`).
    pub const DURATION_X86: &str = "AWS-Lambda-Duration";
    /// arm64 on-demand duration, tiered (usagetype `…-Lambda-GB-Second-ARM`).
    pub const DURATION_ARM: &str = "AWS-Lambda-Duration-ARM";
    /// x86_64 provisioned concurrency capacity, USD per GB-second configured.
    pub const PROVISIONED_X86: &str = "AWS-Lambda-Provisioned-Concurrency";
    /// arm64 provisioned concurrency capacity.
    pub const PROVISIONED_ARM: &str = "AWS-Lambda-Provisioned-Concurrency-ARM";
    /// x86_64 duration of requests served by provisioned concurrency.
    pub const PROVISIONED_DURATION_X86: &str = "AWS-Lambda-Duration-Provisioned";
    /// arm64 duration of requests served by provisioned concurrency.
    pub const PROVISIONED_DURATION_ARM: &str = "AWS-Lambda-Duration-Provisioned-ARM";
    /// x86_64 ephemeral storage above 512 MB, USD per GB-second.
    pub const STORAGE_X86: &str = "AWS-Lambda-Storage-Duration";
}

/// EC2 (`AmazonEC2`): on-demand Linux, shared tenancy, no pre-installed software, the capacity
/// actually used (not reservations), usagetype `BoxUsage:<type>` (`EU-BoxUsage:<type>`, …).
pub mod ec2 {
    /// `productFamily` of instances.
    pub const FAMILY: &str = "Compute Instance";
    /// `(attribute, value)` pairs every matched product has.
    pub const REQUIRED: [(&str, &str); 4] = [
        ("operatingSystem", "Linux"),
        ("tenancy", "Shared"),
        ("preInstalledSw", "NA"),
        ("capacitystatus", "Used"),
    ];
    /// `(attribute, value)` pairs a matched product has when the attribute is present.
    pub const IF_PRESENT: [(&str, &str); 2] = [
        ("licenseModel", "No License required"),
        ("marketoption", "OnDemand"),
    ];
    /// Usage type (after the region prefix) starts with this, then the instance type.
    pub const BOX_USAGE: &str = "BoxUsage:";
}

/// Fargate (`AmazonECS`), matched on usagetype after the region prefix.
pub mod fargate {
    /// x86_64 vCPU-hours.
    pub const X86_VCPU: &str = "Fargate-vCPU-Hours:perCPU";
    /// x86_64 GB-hours.
    pub const X86_GB: &str = "Fargate-GB-Hours";
    /// arm64 vCPU-hours.
    pub const ARM_VCPU: &str = "Fargate-ARM-vCPU-Hours:perCPU";
    /// arm64 GB-hours.
    pub const ARM_GB: &str = "Fargate-ARM-GB-Hours";
    /// Fargate Spot x86_64 vCPU-hours.
    pub const SPOT_X86_VCPU: &str = "SpotUsage-Fargate-vCPU-Hours:perCPU";
}

/// EKS (`AmazonEKS`): the standard-support cluster hour (extended support is `…:extendedSupport`).
pub mod eks {
    /// Usage type after the region prefix.
    pub const CLUSTER_HOUR: &str = "AmazonEKS-Hours:perCluster";
}

/// API Gateway (`AmazonApiGateway`): requests, tiered by requests a month, USD per request.
pub mod api_gateway {
    /// REST API requests.
    pub const REST: &str = "ApiGatewayRequest";
    /// HTTP API requests.
    pub const HTTP: &str = "ApiGatewayHttpRequest";
}

/// Elastic Load Balancing (`AWSELB`): the Application Load Balancer's hour and LCU-hour.
pub mod elb {
    /// `productFamily` of Application Load Balancers (classic is `Load Balancer`, network
    /// `Load Balancer-Network`, which share the usage types).
    pub const ALB_FAMILY: &str = "Load Balancer-Application";
    /// Load balancer hours.
    pub const HOUR: &str = "LoadBalancerUsage";
    /// LCU-hours.
    pub const LCU: &str = "LCUUsage";
}

/// `location` names of the commercial regions (AWS's "Regions and Zones" page and the offer
/// files' `location` attribute), for products that have no `regionCode`.
const LOCATIONS: [(&str, &str); 28] = [
    ("US East (N. Virginia)", "us-east-1"),
    ("US East (Ohio)", "us-east-2"),
    ("US West (N. California)", "us-west-1"),
    ("US West (Oregon)", "us-west-2"),
    ("Africa (Cape Town)", "af-south-1"),
    ("Asia Pacific (Hong Kong)", "ap-east-1"),
    ("Asia Pacific (Mumbai)", "ap-south-1"),
    ("Asia Pacific (Hyderabad)", "ap-south-2"),
    ("Asia Pacific (Tokyo)", "ap-northeast-1"),
    ("Asia Pacific (Seoul)", "ap-northeast-2"),
    ("Asia Pacific (Osaka)", "ap-northeast-3"),
    ("Asia Pacific (Singapore)", "ap-southeast-1"),
    ("Asia Pacific (Sydney)", "ap-southeast-2"),
    ("Asia Pacific (Jakarta)", "ap-southeast-3"),
    ("Asia Pacific (Melbourne)", "ap-southeast-4"),
    ("Canada (Central)", "ca-central-1"),
    ("EU (Frankfurt)", "eu-central-1"),
    ("EU (Zurich)", "eu-central-2"),
    ("EU (Ireland)", "eu-west-1"),
    ("EU (London)", "eu-west-2"),
    ("EU (Paris)", "eu-west-3"),
    ("EU (Milan)", "eu-south-1"),
    ("EU (Spain)", "eu-south-2"),
    ("EU (Stockholm)", "eu-north-1"),
    ("Israel (Tel Aviv)", "il-central-1"),
    ("Middle East (Bahrain)", "me-south-1"),
    ("Middle East (UAE)", "me-central-1"),
    ("South America (Sao Paulo)", "sa-east-1"),
];

/// The region code of a `location` name, `None` when it is not in the table.
pub fn region_of_location(location: &str) -> Option<&'static str> {
    LOCATIONS
        .iter()
        .find(|(name, _)| *name == location)
        .map(|(_, code)| *code)
}

/// A usage type without its region prefix: the first `-`-separated token is removed when it is
/// only upper-case letters and digits (`USE1-`, `EUW1-`, `EU-`, `APN1-`), so `USE1-LCUUsage` is
/// `LCUUsage` while `SpotUsage-Fargate-…` and `Lambda-GB-Second` are left alone.
pub fn strip_region_prefix(usage_type: &str) -> &str {
    match usage_type.split_once('-') {
        Some((head, rest))
            if (2..=5).contains(&head.len())
                && head
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) =>
        {
            rest
        }
        _ => usage_type,
    }
}
