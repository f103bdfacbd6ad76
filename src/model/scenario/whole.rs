//! The whole scenario: the struct that holds every input of the four views, its default (the
//! Startup REST API preset), the format version and the length of a billing month.

use serde::{Deserialize, Serialize};

use super::alternatives::{ContainerSettings, OnPremSettings, VmSettings};
use super::cold_start::ColdStartSettings;
use super::lambda::LambdaSettings;
use super::rates::Rates;
use super::workload::Workload;

/// The preset format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Hours in a billing month, as AWS's own examples use.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// Seconds in a billing month (730 hours).
pub const SECONDS_PER_MONTH: f64 = HOURS_PER_MONTH * 3600.0;

/// A whole scenario: everything the four views are computed from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// Format version of the file; only [`FORMAT_VERSION`] is accepted.
    pub format: u32,
    /// Display name of the scenario.
    pub name: String,
    /// Two or three sentences saying what situation this is and which view makes its point.
    pub description: String,
    /// What the function does and how often.
    pub workload: Workload,
    /// Lambda configuration and account settings.
    pub lambda: LambdaSettings,
    /// Demand over time as (seconds, requests per second) points, linearly interpolated.
    pub traffic: Vec<(f64, f64)>,
    /// Inputs of the cold-start model.
    pub cold_start: ColdStartSettings,
    /// The virtual-machine alternative (EC2 behind an Auto Scaling group).
    pub vm: VmSettings,
    /// The container alternative (ECS or EKS, on Fargate or EC2).
    pub containers: ContainerSettings,
    /// The on-premises alternative (servers you buy and run).
    pub on_prem: OnPremSettings,
    /// Every price the cost model uses, with its date and source.
    pub rates: Rates,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            name: "Startup REST API".to_owned(),
            description: "A small product's JSON API: a few million requests a month with a \
                          launch-day spike. Watch the scaling view: Lambda absorbs the \
                          spike with no action, while fixed servers shed load."
                .to_owned(),
            workload: Workload::default(),
            lambda: LambdaSettings::default(),
            traffic: vec![
                (0.0, 1.0),
                (60.0, 1.0),
                (65.0, 10_000.0),
                (365.0, 10_000.0),
                (370.0, 1.0),
                (600.0, 1.0),
            ],
            cold_start: ColdStartSettings::default(),
            vm: VmSettings::default(),
            containers: ContainerSettings::default(),
            on_prem: OnPremSettings::default(),
            rates: Rates::default(),
        }
    }
}

impl Scenario {
    /// The month's average request rate, requests per second.
    pub fn average_rps(&self) -> f64 {
        self.workload.requests_per_month as f64 / SECONDS_PER_MONTH
    }

    /// Memory in GB as AWS bills it (MB / 1024).
    pub fn memory_gb(&self) -> f64 {
        f64::from(self.workload.memory_mb) / 1024.0
    }
}
