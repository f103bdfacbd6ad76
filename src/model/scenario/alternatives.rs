//! The alternatives' settings: virtual machines in an Auto Scaling group, containers (ECS or EKS,
//! on Fargate or EC2 nodes) and servers on premises.

use serde::{Deserialize, Serialize};

use super::purchase::{CommitTo, Purchase, SavingsPlanKind};
use super::workload::Architecture;

/// The virtual-machine alternative: EC2 instances in an Auto Scaling group behind a load balancer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VmSettings {
    /// Instance type name, for display (its price is `hourly_usd`).
    pub instance_type: String,
    /// On-demand price of one instance, USD per hour.
    pub hourly_usd: f64,
    /// Requests per second one instance serves at 100% utilisation.
    pub rps_per_instance: f64,
    /// The Auto Scaling target utilisation (0.1..=1.0); headroom is what stays free.
    pub target_utilisation: f64,
    /// Minimum instances kept running (for availability).
    pub min_instances: u32,
    /// Maximum instances the group may launch.
    pub max_instances: u32,
    /// Launch to OS ready, in s (25–30 s measured).
    pub boot_s: f64,
    /// The application's own start, in s.
    pub app_start_s: f64,
    /// Load-balancer health checks before an instance receives traffic, in s.
    pub health_check_s: f64,
    /// How often the scaling policy looks at the metric, in s.
    pub metric_period_s: f64,
    /// Wait after a scale-in before the next one, in s (default cooldown 300 s).
    pub scale_in_cooldown_s: f64,
    /// Put an Application Load Balancer in front (billed hourly plus LCUs).
    pub load_balancer: bool,
    /// How the instances are bought: on demand, a Savings Plan or Spot.
    pub purchase: Purchase,
    /// Which Savings Plan a `SavingsPlan1y`/`SavingsPlan3y` purchase is.
    pub savings_plan_kind: SavingsPlanKind,
    /// What the Savings Plan's commitment is sized to.
    pub commit_to: CommitTo,
}

impl Default for VmSettings {
    fn default() -> Self {
        Self {
            instance_type: "t3.medium".to_owned(),
            hourly_usd: 0.0416,
            rps_per_instance: 200.0,
            target_utilisation: 0.7,
            min_instances: 2,
            max_instances: 40,
            boot_s: 30.0,
            app_start_s: 20.0,
            health_check_s: 15.0,
            metric_period_s: 60.0,
            scale_in_cooldown_s: 300.0,
            load_balancer: true,
            purchase: Purchase::OnDemand,
            savings_plan_kind: SavingsPlanKind::Ec2Instance,
            commit_to: CommitTo::Average,
        }
    }
}

/// Which container orchestrator runs the tasks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Orchestrator {
    /// Amazon ECS (free control plane).
    #[default]
    Ecs,
    /// Amazon EKS (control plane billed per cluster-hour).
    Eks,
}

/// Where the container tasks run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaunchType {
    /// AWS Fargate: AWS runs the hosts, billed per vCPU-hour and GB-hour.
    #[default]
    Fargate,
    /// Your own EC2 instances as cluster nodes.
    Ec2,
}

/// The container alternative.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContainerSettings {
    /// ECS or EKS.
    pub orchestrator: Orchestrator,
    /// Fargate or EC2 nodes.
    pub launch_type: LaunchType,
    /// Task architecture (Fargate Arm is cheaper).
    pub architecture: Architecture,
    /// vCPUs per task.
    pub task_vcpu: f64,
    /// Memory per task in GB.
    pub task_memory_gb: f64,
    /// Requests per second one task serves at 100% utilisation.
    pub rps_per_task: f64,
    /// The service's target utilisation (0.1..=1.0).
    pub target_utilisation: f64,
    /// Minimum running tasks.
    pub min_tasks: u32,
    /// Maximum running tasks.
    pub max_tasks: u32,
    /// Task start (image pull, container start, health check), in s (30–60 s typical on Fargate).
    pub task_start_s: f64,
    /// How often the scaling policy looks at the metric, in s.
    pub metric_period_s: f64,
    /// Wait after a scale-in before the next one, in s.
    pub scale_in_cooldown_s: f64,
    /// EC2 launch type: node instance type name.
    pub node_instance_type: String,
    /// EC2 launch type: node price, USD per hour.
    pub node_hourly_usd: f64,
    /// EC2 launch type: tasks that fit on one node.
    pub tasks_per_node: u32,
    /// EC2 launch type: a new node's boot until it can place tasks, in s.
    pub node_boot_s: f64,
    /// Put an Application Load Balancer in front.
    pub load_balancer: bool,
    /// How the tasks (Fargate) or nodes (EC2 launch type) are bought: on demand, a Compute
    /// Savings Plan, or Spot (Fargate Spot, or EC2 Spot nodes).
    pub purchase: Purchase,
    /// What the Savings Plan's commitment is sized to.
    pub commit_to: CommitTo,
}

impl Default for ContainerSettings {
    fn default() -> Self {
        Self {
            orchestrator: Orchestrator::Ecs,
            launch_type: LaunchType::Fargate,
            architecture: Architecture::X86_64,
            task_vcpu: 0.5,
            task_memory_gb: 1.0,
            rps_per_task: 100.0,
            target_utilisation: 0.7,
            min_tasks: 2,
            max_tasks: 200,
            task_start_s: 45.0,
            metric_period_s: 60.0,
            scale_in_cooldown_s: 300.0,
            node_instance_type: "m5.large".to_owned(),
            node_hourly_usd: 0.096,
            tasks_per_node: 4,
            node_boot_s: 150.0,
            load_balancer: true,
            purchase: Purchase::OnDemand,
            commit_to: CommitTo::Average,
        }
    }
}

/// The on-premises alternative: servers bought, powered, housed and administered by you.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OnPremSettings {
    /// Requests per second one server serves at 100% utilisation.
    pub rps_per_server: f64,
    /// Servers bought even at the lowest traffic (redundancy).
    pub min_servers: u32,
    /// Purchase price of one server, USD.
    pub server_price_usd: f64,
    /// Months over which a server is amortised (36 fast-moving, 60 general compute).
    pub amortisation_months: f64,
    /// Average power draw of one server, W (300–800 W per 2U server).
    pub power_watts: f64,
    /// Data-centre overhead, power usage effectiveness (1.4–1.8, up to 2.5).
    pub pue: f64,
    /// Electricity price, USD per kWh.
    pub electricity_usd_per_kwh: f64,
    /// Rack units one server takes.
    pub rack_units_per_server: u32,
    /// Colocation price, USD per rack unit per month ($50–200).
    pub colo_usd_per_u_month: f64,
    /// Fraction of a full-time administrator each server needs.
    pub admin_fte_per_server: f64,
    /// Fully loaded cost of one administrator, USD per year ($120k–200k).
    pub admin_usd_per_year: f64,
    /// Days from deciding to buy to a new server in service (weeks to months).
    pub procurement_days: f64,
}

impl Default for OnPremSettings {
    fn default() -> Self {
        Self {
            rps_per_server: 500.0,
            min_servers: 2,
            server_price_usd: 10_000.0,
            amortisation_months: 36.0,
            power_watts: 500.0,
            pue: 1.6,
            electricity_usd_per_kwh: 0.10,
            rack_units_per_server: 2,
            colo_usd_per_u_month: 100.0,
            admin_fte_per_server: 0.05,
            admin_usd_per_year: 150_000.0,
            procurement_days: 42.0,
        }
    }
}
