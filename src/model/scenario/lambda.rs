//! Lambda's settings: the function's account and concurrency settings, its front door, the scaling
//! rules the simulation follows and how the bill treats the free tier and INIT.

use serde::{Deserialize, Serialize};

use super::purchase::{CommitTo, Term};

/// What sits in front of the function and is billed per request or per hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FrontDoor {
    /// API Gateway HTTP API (cheaper, fewer features).
    ApiGatewayHttp,
    /// API Gateway REST API.
    ApiGatewayRest,
    /// Application Load Balancer.
    Alb,
}

impl FrontDoor {
    /// All front doors, in display order.
    pub const ALL: [Self; 3] = [Self::ApiGatewayHttp, Self::ApiGatewayRest, Self::Alb];

    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::ApiGatewayHttp => "API Gateway HTTP API",
            Self::ApiGatewayRest => "API Gateway REST API",
            Self::Alb => "Application Load Balancer",
        }
    }
}

/// Which Lambda scaling rules the simulation follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ScalingRules {
    /// Since 26 Nov 2023: each function adds 1,000 environments every 10 s, refilled continuously.
    #[default]
    Current,
    /// Before that: an account-wide initial burst (3,000 in the largest regions), then +500 a minute.
    Rules2022,
}

/// Lambda configuration and account settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LambdaSettings {
    /// Subtract the monthly free tier (1 M requests, 400,000 GB-s).
    pub free_tier: bool,
    /// Environments kept initialised by provisioned concurrency (PC).
    pub provisioned_concurrency: u32,
    /// Hours a month PC is enabled (billed rounded up to 5 minutes).
    pub provisioned_hours_per_month: f64,
    /// Requests a month served by PC environments (billed at the PC duration rate).
    pub provisioned_requests_per_month: u64,
    /// The account's regional concurrency limit; 1,000 by default, raised quotas reach 100,000.
    pub account_concurrency_limit: u32,
    /// API Gateway or ALB in front of the function, if any.
    pub front_door: Option<FrontDoor>,
    /// Reserved concurrency: caps (and guarantees) this function's environments. Free.
    pub reserved_concurrency: Option<u32>,
    /// Which scaling rules the simulation follows.
    pub scaling_rules: ScalingRules,
    /// The 2022 rules' initial account burst (3,000, 1,000 or 500 by region).
    pub burst_2022: u32,
    /// Apply the free tier even when PC is enabled. AWS's pricing page says it does not apply,
    /// one of its own examples subtracts it: a visible choice, off by default.
    pub free_tier_with_provisioned: bool,
    /// Bill the INIT phase of cold starts (true since 1 Aug 2025 for on-demand ZIP functions too).
    pub init_billed: bool,
    /// Share of invocations that are cold starts for the monthly bill. `None` estimates it from
    /// the average request rate and the idle reclaim time.
    pub cold_start_ratio: Option<f64>,
    /// A Compute Savings Plan covering duration, INIT and provisioned concurrency (not
    /// requests), or `None` for on-demand prices only.
    pub savings_plan: Option<Term>,
    /// What the plan's commitment is sized to.
    pub commit_to: CommitTo,
}

impl Default for LambdaSettings {
    fn default() -> Self {
        Self {
            free_tier: true,
            provisioned_concurrency: 0,
            provisioned_hours_per_month: 0.0,
            provisioned_requests_per_month: 0,
            account_concurrency_limit: 1000,
            front_door: None,
            reserved_concurrency: None,
            scaling_rules: ScalingRules::Current,
            burst_2022: 3000,
            free_tier_with_provisioned: false,
            init_billed: true,
            cold_start_ratio: None,
            savings_plan: None,
            commit_to: CommitTo::Average,
        }
    }
}
