//! What a model used, in the quantities its cost is linear in: Lambda's requests, GB-seconds and
//! function-seconds, and the unit-seconds and node-seconds the fleets and servers ran for. The
//! simulation records them; pricing them is a separate, cheap pass (`pricing`).

use std::ops::Add;

use serde::Serialize;

/// Usage since the start of the timeline (or in one step). Each field is used by the models it
/// names and is 0 for the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Usage {
    /// Lambda: requests served.
    pub requests: f64,
    /// Lambda: duration of requests served by on-demand environments, GB-s.
    pub on_demand_gb_s: f64,
    /// Lambda: duration of requests served by provisioned environments, GB-s.
    pub provisioned_duration_gb_s: f64,
    /// Lambda: provisioned concurrency kept configured, environments × GB × s.
    pub provisioned_gb_s: f64,
    /// Lambda: Init Duration of the environments created, GB-s (billed only when INIT billing
    /// is on, which pricing decides).
    pub init_gb_s: f64,
    /// Lambda: function time of every request served, s (ephemeral storage above 512 MB is billed
    /// for it).
    pub function_s: f64,
    /// Units paid for, × s: EC2 instances or container tasks running or starting, or servers on
    /// premises.
    pub unit_s: f64,
    /// Containers on the EC2 launch type: nodes running or booting, × s.
    pub node_s: f64,
}

impl Add for Usage {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self {
            requests: self.requests + other.requests,
            on_demand_gb_s: self.on_demand_gb_s + other.on_demand_gb_s,
            provisioned_duration_gb_s: self.provisioned_duration_gb_s
                + other.provisioned_duration_gb_s,
            provisioned_gb_s: self.provisioned_gb_s + other.provisioned_gb_s,
            init_gb_s: self.init_gb_s + other.init_gb_s,
            function_s: self.function_s + other.function_s,
            unit_s: self.unit_s + other.unit_s,
            node_s: self.node_s + other.node_s,
        }
    }
}
