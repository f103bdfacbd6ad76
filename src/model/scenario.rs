//! The scenario: one preset's worth of inputs (workload, traffic, Lambda, the alternatives, rates),
//! its defaults and its validation. The field names of `workload`, `lambda` and `traffic` are the
//! public preset format contract (PRODUCT.md) and must not change.

use serde::{Deserialize, Serialize};

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

/// The four hosting models the app compares, from most to least you manage.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum HostingModel {
    /// Servers you buy, house and run.
    OnPrem,
    /// Virtual machines (EC2) in an Auto Scaling group.
    Vm,
    /// Containers (ECS or EKS, on Fargate or EC2).
    Containers,
    /// Functions (AWS Lambda).
    #[default]
    Lambda,
}

impl HostingModel {
    /// All four, in the order the views show them (most to least you manage).
    pub const ALL: [Self; 4] = [Self::OnPrem, Self::Vm, Self::Containers, Self::Lambda];

    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::OnPrem => "On-premises",
            Self::Vm => "Virtual machines",
            Self::Containers => "Containers",
            Self::Lambda => "Serverless",
        }
    }

    /// The AWS service (or the lack of one) behind the model, for subtitles.
    pub fn service(self) -> &'static str {
        match self {
            Self::OnPrem => "your own servers",
            Self::Vm => "EC2",
            Self::Containers => "ECS / EKS",
            Self::Lambda => "Lambda",
        }
    }

    /// The key used in reports and files: `on_prem`, `vm`, `containers`, `lambda`.
    pub fn key(self) -> &'static str {
        match self {
            Self::OnPrem => "on_prem",
            Self::Vm => "vm",
            Self::Containers => "containers",
            Self::Lambda => "lambda",
        }
    }
}

/// Processor architecture of a Lambda function or a container task.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Architecture {
    /// Intel/AMD 64-bit.
    #[default]
    X86_64,
    /// AWS Graviton (ARM 64-bit), cheaper per GB-second.
    Arm64,
}

impl Architecture {
    /// Both architectures, in display order.
    pub const ALL: [Self; 2] = [Self::X86_64, Self::Arm64];

    /// Short label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::X86_64 => "x86_64",
            Self::Arm64 => "arm64",
        }
    }
}

/// The workload: volume, duration and size of one function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Workload {
    /// Monthly request volume; drives the bill.
    pub requests_per_month: u64,
    /// Average billed duration of one request at `memory_mb`, in milliseconds.
    pub avg_duration_ms: f64,
    /// Lambda memory in MB, 128..=10240.
    pub memory_mb: u32,
    /// Lambda architecture.
    pub architecture: Architecture,
    /// Lambda ephemeral storage (/tmp) in MB, 512..=10240; only the part above 512 MB is billed.
    pub ephemeral_storage_mb: u32,
    /// Busiest hour's request rate divided by the month's average rate. Always-on models are sized
    /// for this peak, because they cannot scale within seconds the way Lambda does.
    pub peak_to_average: f64,
}

impl Default for Workload {
    fn default() -> Self {
        Self {
            requests_per_month: 3_000_000,
            avg_duration_ms: 120.0,
            memory_mb: 1536,
            architecture: Architecture::X86_64,
            ephemeral_storage_mb: 512,
            peak_to_average: 3.0,
        }
    }
}

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
        }
    }
}

/// A Lambda runtime, with lambda-perf's measured init durations (FACTS.md §3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Runtime {
    /// Node.js 20.
    #[default]
    Nodejs20,
    /// Node.js 22.
    Nodejs22,
    /// Python 3.12.
    Python312,
    /// Python 3.13.
    Python313,
    /// Java 17 (Corretto).
    Java17,
    /// Java 21 (Corretto).
    Java21,
    /// .NET 8 (managed runtime).
    Dotnet8,
    /// .NET 8 compiled ahead of time, on provided.al2023.
    Dotnet8Aot,
    /// Go on provided.al2023.
    Go,
    /// Rust on provided.al2023.
    Rust,
    /// Ruby 3.3.
    Ruby33,
}

/// How the function's code is packaged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PackageType {
    /// A ZIP archive on a managed runtime.
    #[default]
    Zip,
    /// A container image (you own the image's runtime and its patches).
    Image,
}

impl PackageType {
    /// Both package types, in display order.
    pub const ALL: [Self; 2] = [Self::Zip, Self::Image];

    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Zip => "ZIP archive",
            Self::Image => "Container image",
        }
    }
}

/// Inputs of the cold-start model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ColdStartSettings {
    /// The function's runtime.
    pub runtime: Runtime,
    /// ZIP archive or container image.
    pub package_type: PackageType,
    /// Creating the environment and downloading the code, in ms. Not part of the reported (billed)
    /// Init Duration; an assumption, editable.
    pub environment_ms: f64,
    /// Extension init, in ms (0 without extensions).
    pub extensions_init_ms: f64,
    /// Your own init code outside the handler (SDK clients, frameworks), in ms.
    pub function_init_ms: f64,
    /// Deployment package size in MB; larger packages take longer to load.
    pub package_size_mb: f64,
    /// Minutes an idle environment stays warm before it is reclaimed (measured 5–60 min).
    pub idle_reclaim_min: f64,
    /// Java SnapStart: restore a snapshot instead of running init.
    pub snapstart: bool,
    /// SnapStart restore time in ms (600–1,000 ms measured for a trivial function).
    pub snapstart_restore_ms: f64,
    /// Extra time of the first handler run in a new environment at 1,024 MB, in ms; it scales
    /// inversely with memory up to one full vCPU (1,769 MB). `None` uses the runtime's measured value.
    pub first_invoke_extra_ms_at_1gb: Option<f64>,
    /// Seed of the arrival jitter, so every run of the same scenario is identical.
    pub seed: u64,
}

impl Default for ColdStartSettings {
    fn default() -> Self {
        Self {
            runtime: Runtime::Nodejs20,
            package_type: PackageType::Zip,
            environment_ms: 80.0,
            extensions_init_ms: 0.0,
            function_init_ms: 100.0,
            package_size_mb: 1.0,
            idle_reclaim_min: 10.0,
            snapstart: false,
            snapstart_restore_ms: 800.0,
            first_invoke_extra_ms_at_1gb: None,
            seed: 42,
        }
    }
}

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
    /// AWS's x86_64 prices (FACTS.md §1).
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

    /// AWS's arm64 prices (FACTS.md §1).
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

/// A named EC2 instance type and its on-demand hourly price.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstancePrice {
    /// Instance type name, e.g. "t3.medium".
    pub name: String,
    /// USD per hour, us-east-1 Linux on-demand.
    pub hourly_usd: f64,
}

/// Every price the cost model uses, with the date it was true and where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rates {
    /// The date these rates were true, shown in the app ("rates as of").
    pub as_of: String,
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
    /// EC2 on-demand prices offered by the editor's instance picker.
    pub ec2_instances: Vec<InstancePrice>,
}

impl Default for Rates {
    fn default() -> Self {
        let instance = |name: &str, hourly_usd: f64| InstancePrice {
            name: name.to_owned(),
            hourly_usd,
        };
        Self {
            as_of: "2025-10-01".to_owned(),
            source: "Lambda: AWS pricing page and Price List API (effective 2025-10-01); \
                     API Gateway: AWS whitepaper; EC2, Fargate, ALB: third-party tables (Jan 2025); \
                     EKS: AWS"
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
                instance("t3.micro", 0.0104),
                instance("t3.small", 0.0208),
                instance("t3.medium", 0.0416),
                instance("m5.large", 0.096),
                instance("m7g.large", 0.0816),
                instance("c5.xlarge", 0.17),
            ],
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
}

/// A value in a scenario that is outside what the model accepts.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct ValidationError {
    /// Dotted path of the field, e.g. `workload.memory_mb`.
    pub field: String,
    /// What is wrong and what is allowed, e.g. "20000 is out of range (allowed 128..=10240)".
    pub problem: String,
}

/// Collects checks of one scenario, stopping at the first failure.
struct Checker {
    first_error: Option<ValidationError>,
}

impl Checker {
    fn fail(&mut self, field: &str, problem: String) {
        if self.first_error.is_none() {
            self.first_error = Some(ValidationError {
                field: field.to_owned(),
                problem,
            });
        }
    }

    /// A finite number within `min..=max`.
    fn range(&mut self, field: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() {
            self.fail(
                field,
                format!("{value} is not a finite number (allowed {min}..={max})"),
            );
        } else if value < min || value > max {
            self.fail(
                field,
                format!("{value} is out of range (allowed {min}..={max})"),
            );
        }
    }

    /// An integer within `min..=max`.
    fn int(&mut self, field: &str, value: u64, min: u64, max: u64) {
        if value < min || value > max {
            self.fail(
                field,
                format!("{value} is out of range (allowed {min}..={max})"),
            );
        }
    }

    fn tiers(&mut self, field: &str, tiers: &[Tier], max_price: f64) {
        if tiers.is_empty() {
            self.fail(field, "needs at least one tier".to_owned());
            return;
        }
        let mut previous = 0.0;
        for (i, tier) in tiers.iter().enumerate() {
            let path = format!("{field}[{i}]");
            self.range(
                &format!("{path}.usd_per_unit"),
                tier.usd_per_unit,
                0.0,
                max_price,
            );
            match tier.up_to {
                Some(bound) => {
                    self.range(&format!("{path}.up_to"), bound, 0.0, 1e15);
                    if bound <= previous {
                        self.fail(
                            &format!("{path}.up_to"),
                            format!("{bound} must be above the previous tier's bound {previous}"),
                        );
                    }
                    if i + 1 == tiers.len() {
                        self.fail(
                            &format!("{path}.up_to"),
                            "the last tier must be unbounded (None)".to_owned(),
                        );
                    }
                    previous = bound;
                }
                None if i + 1 != tiers.len() => {
                    self.fail(
                        &format!("{path}.up_to"),
                        "only the last tier may be unbounded (None)".to_owned(),
                    );
                }
                None => {}
            }
        }
    }
}

/// Largest traffic rate accepted, requests per second.
pub const MAX_TRAFFIC_RPS: f64 = 1e6;

/// Longest traffic timeline accepted, seconds (7 days).
pub const MAX_TRAFFIC_SECS: f64 = 7.0 * 86_400.0;

/// Most traffic points accepted.
pub const MAX_TRAFFIC_POINTS: usize = 10_000;

impl Scenario {
    /// Checks every value against the range the models accept. The error names the field and the
    /// allowed range.
    #[expect(
        clippy::too_many_lines,
        reason = "one flat list of every field's range reads better than split parts"
    )]
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut c = Checker { first_error: None };
        if self.format != FORMAT_VERSION {
            c.fail(
                "format",
                format!(
                    "version {} is not supported (this build reads version {FORMAT_VERSION})",
                    self.format
                ),
            );
        }
        if self.name.trim().is_empty() {
            c.fail("name", "must not be empty".to_owned());
        }
        c.int("name", self.name.len() as u64, 1, 200);
        c.int("description", self.description.len() as u64, 0, 4000);

        let w = &self.workload;
        c.int(
            "workload.requests_per_month",
            w.requests_per_month,
            0,
            1_000_000_000_000,
        );
        c.range(
            "workload.avg_duration_ms",
            w.avg_duration_ms,
            1.0,
            900_000.0,
        );
        c.int("workload.memory_mb", u64::from(w.memory_mb), 128, 10_240);
        c.int(
            "workload.ephemeral_storage_mb",
            u64::from(w.ephemeral_storage_mb),
            512,
            10_240,
        );
        c.range("workload.peak_to_average", w.peak_to_average, 1.0, 1000.0);

        let l = &self.lambda;
        c.int(
            "lambda.provisioned_concurrency",
            u64::from(l.provisioned_concurrency),
            0,
            100_000,
        );
        c.range(
            "lambda.provisioned_hours_per_month",
            l.provisioned_hours_per_month,
            0.0,
            HOURS_PER_MONTH,
        );
        c.int(
            "lambda.provisioned_requests_per_month",
            l.provisioned_requests_per_month,
            0,
            w.requests_per_month,
        );
        c.int(
            "lambda.account_concurrency_limit",
            u64::from(l.account_concurrency_limit),
            1,
            100_000,
        );
        if let Some(reserved) = l.reserved_concurrency {
            c.int(
                "lambda.reserved_concurrency",
                u64::from(reserved),
                0,
                u64::from(l.account_concurrency_limit),
            );
        }
        c.int("lambda.burst_2022", u64::from(l.burst_2022), 1, 100_000);
        if let Some(ratio) = l.cold_start_ratio {
            c.range("lambda.cold_start_ratio", ratio, 0.0, 1.0);
        }

        if self.traffic.len() < 2 {
            c.fail(
                "traffic",
                format!(
                    "needs at least 2 points (has {}), as (seconds, requests per second)",
                    self.traffic.len()
                ),
            );
        }
        if self.traffic.len() > MAX_TRAFFIC_POINTS {
            c.fail(
                "traffic",
                format!(
                    "has {} points (allowed at most {MAX_TRAFFIC_POINTS})",
                    self.traffic.len()
                ),
            );
        }
        let mut previous_t = f64::NEG_INFINITY;
        for (i, &(t, rps)) in self.traffic.iter().enumerate() {
            c.range(&format!("traffic[{i}].seconds"), t, 0.0, MAX_TRAFFIC_SECS);
            c.range(
                &format!("traffic[{i}].requests_per_second"),
                rps,
                0.0,
                MAX_TRAFFIC_RPS,
            );
            if t <= previous_t {
                c.fail(
                    &format!("traffic[{i}].seconds"),
                    format!("{t} must be later than the previous point's {previous_t}"),
                );
            }
            previous_t = t;
        }

        let cs = &self.cold_start;
        c.range(
            "cold_start.environment_ms",
            cs.environment_ms,
            0.0,
            10_000.0,
        );
        c.range(
            "cold_start.extensions_init_ms",
            cs.extensions_init_ms,
            0.0,
            10_000.0,
        );
        c.range(
            "cold_start.function_init_ms",
            cs.function_init_ms,
            0.0,
            130_000.0,
        );
        c.range(
            "cold_start.package_size_mb",
            cs.package_size_mb,
            0.0,
            10_240.0,
        );
        c.range(
            "cold_start.idle_reclaim_min",
            cs.idle_reclaim_min,
            5.0,
            60.0,
        );
        c.range(
            "cold_start.snapstart_restore_ms",
            cs.snapstart_restore_ms,
            0.0,
            10_000.0,
        );
        if let Some(extra) = cs.first_invoke_extra_ms_at_1gb {
            c.range(
                "cold_start.first_invoke_extra_ms_at_1gb",
                extra,
                0.0,
                60_000.0,
            );
        }

        let vm = &self.vm;
        c.int("vm.instance_type", vm.instance_type.len() as u64, 1, 64);
        c.range("vm.hourly_usd", vm.hourly_usd, 0.0, 1_000.0);
        c.range("vm.rps_per_instance", vm.rps_per_instance, 0.1, 1e6);
        c.range("vm.target_utilisation", vm.target_utilisation, 0.1, 1.0);
        c.int("vm.min_instances", u64::from(vm.min_instances), 0, 10_000);
        c.int(
            "vm.max_instances",
            u64::from(vm.max_instances),
            u64::from(vm.min_instances.max(1)),
            10_000,
        );
        c.range("vm.boot_s", vm.boot_s, 0.0, 3_600.0);
        c.range("vm.app_start_s", vm.app_start_s, 0.0, 3_600.0);
        c.range("vm.health_check_s", vm.health_check_s, 0.0, 3_600.0);
        c.range("vm.metric_period_s", vm.metric_period_s, 1.0, 3_600.0);
        c.range(
            "vm.scale_in_cooldown_s",
            vm.scale_in_cooldown_s,
            0.0,
            86_400.0,
        );

        let ct = &self.containers;
        c.range("containers.task_vcpu", ct.task_vcpu, 0.25, 16.0);
        c.range("containers.task_memory_gb", ct.task_memory_gb, 0.5, 120.0);
        c.range("containers.rps_per_task", ct.rps_per_task, 0.1, 1e6);
        c.range(
            "containers.target_utilisation",
            ct.target_utilisation,
            0.1,
            1.0,
        );
        c.int("containers.min_tasks", u64::from(ct.min_tasks), 0, 100_000);
        c.int(
            "containers.max_tasks",
            u64::from(ct.max_tasks),
            u64::from(ct.min_tasks.max(1)),
            100_000,
        );
        c.range("containers.task_start_s", ct.task_start_s, 0.0, 3_600.0);
        c.range(
            "containers.metric_period_s",
            ct.metric_period_s,
            1.0,
            3_600.0,
        );
        c.range(
            "containers.scale_in_cooldown_s",
            ct.scale_in_cooldown_s,
            0.0,
            86_400.0,
        );
        c.int(
            "containers.node_instance_type",
            ct.node_instance_type.len() as u64,
            1,
            64,
        );
        c.range(
            "containers.node_hourly_usd",
            ct.node_hourly_usd,
            0.0,
            1_000.0,
        );
        c.int(
            "containers.tasks_per_node",
            u64::from(ct.tasks_per_node),
            1,
            1_000,
        );
        c.range("containers.node_boot_s", ct.node_boot_s, 0.0, 3_600.0);

        let op = &self.on_prem;
        c.range("on_prem.rps_per_server", op.rps_per_server, 0.1, 1e6);
        c.int("on_prem.min_servers", u64::from(op.min_servers), 1, 100_000);
        c.range(
            "on_prem.server_price_usd",
            op.server_price_usd,
            0.0,
            10_000_000.0,
        );
        c.range(
            "on_prem.amortisation_months",
            op.amortisation_months,
            1.0,
            240.0,
        );
        c.range("on_prem.power_watts", op.power_watts, 0.0, 20_000.0);
        c.range("on_prem.pue", op.pue, 1.0, 3.0);
        c.range(
            "on_prem.electricity_usd_per_kwh",
            op.electricity_usd_per_kwh,
            0.0,
            10.0,
        );
        c.int(
            "on_prem.rack_units_per_server",
            u64::from(op.rack_units_per_server),
            1,
            48,
        );
        c.range(
            "on_prem.colo_usd_per_u_month",
            op.colo_usd_per_u_month,
            0.0,
            10_000.0,
        );
        c.range(
            "on_prem.admin_fte_per_server",
            op.admin_fte_per_server,
            0.0,
            10.0,
        );
        c.range(
            "on_prem.admin_usd_per_year",
            op.admin_usd_per_year,
            0.0,
            10_000_000.0,
        );
        c.range(
            "on_prem.procurement_days",
            op.procurement_days,
            0.0,
            3_650.0,
        );

        let r = &self.rates;
        c.int("rates.as_of", r.as_of.len() as u64, 1, 64);
        c.range(
            "rates.lambda_request_usd_per_million",
            r.lambda_request_usd_per_million,
            0.0,
            1_000.0,
        );
        for (field, arch) in [
            ("rates.lambda_x86_64", &r.lambda_x86_64),
            ("rates.lambda_arm64", &r.lambda_arm64),
        ] {
            c.tiers(
                &format!("{field}.duration_tiers"),
                &arch.duration_tiers,
                1.0,
            );
            c.range(
                &format!("{field}.provisioned_usd_per_gb_s"),
                arch.provisioned_usd_per_gb_s,
                0.0,
                1.0,
            );
            c.range(
                &format!("{field}.provisioned_duration_usd_per_gb_s"),
                arch.provisioned_duration_usd_per_gb_s,
                0.0,
                1.0,
            );
        }
        c.range(
            "rates.ephemeral_usd_per_gb_s",
            r.ephemeral_usd_per_gb_s,
            0.0,
            1.0,
        );
        c.int("rates.free_requests", r.free_requests, 0, 1_000_000_000_000);
        c.range("rates.free_gb_s", r.free_gb_s, 0.0, 1e12);
        c.tiers(
            "rates.api_gateway_rest_tiers",
            &r.api_gateway_rest_tiers,
            1_000.0,
        );
        c.tiers(
            "rates.api_gateway_http_tiers",
            &r.api_gateway_http_tiers,
            1_000.0,
        );
        c.range("rates.alb_usd_per_hour", r.alb_usd_per_hour, 0.0, 1_000.0);
        c.range(
            "rates.alb_usd_per_lcu_hour",
            r.alb_usd_per_lcu_hour,
            0.0,
            1_000.0,
        );
        c.range(
            "rates.alb_new_connections_per_lcu",
            r.alb_new_connections_per_lcu,
            0.1,
            1e6,
        );
        for (field, value) in [
            (
                "rates.fargate_x86_64_vcpu_hour_usd",
                r.fargate_x86_64_vcpu_hour_usd,
            ),
            (
                "rates.fargate_x86_64_gb_hour_usd",
                r.fargate_x86_64_gb_hour_usd,
            ),
            (
                "rates.fargate_arm64_vcpu_hour_usd",
                r.fargate_arm64_vcpu_hour_usd,
            ),
            (
                "rates.fargate_arm64_gb_hour_usd",
                r.fargate_arm64_gb_hour_usd,
            ),
            ("rates.eks_cluster_hour_usd", r.eks_cluster_hour_usd),
        ] {
            c.range(field, value, 0.0, 1_000.0);
        }
        for (i, instance) in r.ec2_instances.iter().enumerate() {
            c.int(
                &format!("rates.ec2_instances[{i}].name"),
                instance.name.len() as u64,
                1,
                64,
            );
            c.range(
                &format!("rates.ec2_instances[{i}].hourly_usd"),
                instance.hourly_usd,
                0.0,
                1_000.0,
            );
        }

        match c.first_error {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// The month's average request rate, requests per second.
    pub fn average_rps(&self) -> f64 {
        self.workload.requests_per_month as f64 / SECONDS_PER_MONTH
    }

    /// Memory in GB as AWS bills it (MB / 1024).
    pub fn memory_gb(&self) -> f64 {
        f64::from(self.workload.memory_mb) / 1024.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid() {
        assert_eq!(Scenario::default().validate(), Ok(()));
    }

    #[test]
    fn memory_out_of_range_names_field_and_range() {
        let mut s = Scenario::default();
        s.workload.memory_mb = 20_000;
        let err = s.validate().unwrap_err();
        assert_eq!(err.field, "workload.memory_mb");
        assert!(err.problem.contains("128..=10240"), "{}", err.problem);
        s.workload.memory_mb = 127;
        assert_eq!(s.validate().unwrap_err().field, "workload.memory_mb");
        s.workload.memory_mb = 128;
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn non_finite_values_are_refused() {
        let mut s = Scenario::default();
        s.workload.avg_duration_ms = f64::NAN;
        assert_eq!(s.validate().unwrap_err().field, "workload.avg_duration_ms");
        let mut s = Scenario::default();
        s.on_prem.pue = f64::INFINITY;
        assert_eq!(s.validate().unwrap_err().field, "on_prem.pue");
    }

    #[test]
    fn traffic_must_be_sorted_and_non_negative() {
        let mut s = Scenario {
            traffic: vec![(0.0, 1.0), (10.0, 2.0), (5.0, 3.0)],
            ..Scenario::default()
        };
        assert_eq!(s.validate().unwrap_err().field, "traffic[2].seconds");
        s.traffic = vec![(0.0, 1.0), (10.0, -2.0)];
        assert_eq!(
            s.validate().unwrap_err().field,
            "traffic[1].requests_per_second"
        );
        s.traffic = vec![(0.0, 1.0)];
        assert_eq!(s.validate().unwrap_err().field, "traffic");
    }

    #[test]
    fn unsupported_format_version_is_refused() {
        let s = Scenario {
            format: 2,
            ..Scenario::default()
        };
        assert_eq!(s.validate().unwrap_err().field, "format");
    }

    #[test]
    fn tiers_must_increase_and_end_unbounded() {
        let mut s = Scenario::default();
        s.rates.api_gateway_http_tiers =
            vec![Tier::new(Some(300.0), 1.0), Tier::new(Some(200.0), 0.9)];
        assert!(
            s.validate()
                .unwrap_err()
                .field
                .starts_with("rates.api_gateway_http_tiers")
        );
    }

    #[test]
    fn provisioned_requests_cannot_exceed_total() {
        let mut s = Scenario::default();
        s.lambda.provisioned_requests_per_month = s.workload.requests_per_month + 1;
        assert_eq!(
            s.validate().unwrap_err().field,
            "lambda.provisioned_requests_per_month"
        );
    }

    #[test]
    fn ephemeral_storage_edges() {
        let mut s = Scenario::default();
        s.workload.ephemeral_storage_mb = 10_240;
        assert_eq!(s.validate(), Ok(()));
        s.workload.ephemeral_storage_mb = 511;
        assert_eq!(
            s.validate().unwrap_err().field,
            "workload.ephemeral_storage_mb"
        );
    }

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
    }
}
