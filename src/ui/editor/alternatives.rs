//! The rows of the alternatives' sections: virtual machines, containers and on-premises
//! servers.

use super::form::Form;
use crate::model::scenario::{
    ContainerSettings, InstancePrice, LaunchType, OnPremSettings, VmSettings,
};

pub(super) fn vm_rows(f: &mut Form<'_>, vm: &mut VmSettings, instances: &[InstancePrice]) {
    f.instance_picker(
        &mut vm.instance_type,
        &mut vm.hourly_usd,
        instances,
        "Instance type",
        "Pick an EC2 instance type from the rates' price list: sets the name and the hourly price \
         below (us-east-1 Linux on-demand, presets/README.md §4). Default t3.medium.",
    );
    f.text(
        &mut vm.instance_type,
        64,
        "Instance name",
        "The instance type's name as shown in the app, 1–64 characters; type your own and set \
         its price below",
    );
    f.price(
        &mut vm.hourly_usd,
        1_000.0,
        "Instance price",
        " /h",
        "On-demand price of one instance, USD per hour, billed per second with a 60 s minimum; a \
         month is 730 hours (presets/README.md §4). Default $0.0416 (t3.medium).",
    );
    f.num(
        &mut vm.rps_per_instance,
        0.1..=1e6,
        "Capacity per instance",
        " requests/s",
        "Requests per second one instance serves at 100% utilisation: an assumption about your \
         app, editable. Default 200.",
    );
    f.percent(
        &mut vm.target_utilisation,
        0.1,
        "Target utilisation",
        "The Auto Scaling target: the group adds instances to keep average load at this share of \
         capacity; the rest is headroom for spikes. Allowed 10–100%. Default 70%.",
    );
    fleet_bounds(
        f,
        (&mut vm.min_instances, &mut vm.max_instances),
        10_000,
        " instances",
        "instances",
    );
    f.num(
        &mut vm.boot_s,
        0.0..=3_600.0,
        "Boot",
        " s",
        "Launch to OS ready: 25–30 s measured (ec2-boot-bench 2021 and 2025 measurements, presets/README.md \
         §4). Default 30 s.",
    );
    f.num(
        &mut vm.app_start_s,
        0.0..=3_600.0,
        "App start",
        " s",
        "Your application's own start once the OS is up. Default 20 s: an assumption, editable.",
    );
    f.num(
        &mut vm.health_check_s,
        0.0..=3_600.0,
        "Health checks",
        " s",
        "Load-balancer health checks a new instance must pass before it receives traffic. \
         Default 15 s.",
    );
    scaling_policy(
        f,
        (&mut vm.metric_period_s, &mut vm.scale_in_cooldown_s),
        "Auto Scaling's default cooldown (presets/README.md §4)",
    );
    f.toggle(
        &mut vm.load_balancer,
        "Load balancer",
        "Put an Application Load Balancer in front: $0.0225 an hour plus $0.008 per LCU-hour \
         (presets/README.md §4). Default on.",
    );
    vm_purchase_rows(f, vm);
}

/// How the instances are bought, and the Savings Plan's kind and size.
fn vm_purchase_rows(f: &mut Form<'_>, vm: &mut VmSettings) {
    f.choice(
        &mut vm.purchase,
        "Instances bought as",
        "On demand, a 1- or 3-year Savings Plan (no upfront), or Spot, priced from the instance \
         type's row in Rates (presets/README.md §4b). Spot capacity can be taken back with two \
         minutes' notice. Default on demand.",
    );
    f.disabled = vm
        .purchase
        .term()
        .is_none()
        .then_some("Used only with a Savings Plan");
    f.choice(
        &mut vm.savings_plan_kind,
        "Instance plan",
        "EC2 Instance Savings Plan (one family in one region, the deeper discount) or Compute \
         Savings Plan (any family or region, and Fargate and Lambda). Default EC2 Instance.",
    );
    f.choice(
        &mut vm.commit_to,
        "Instance plan sized to",
        "The plan's hourly commitment: the fleet's minimum, the month's average (all covered) or \
         the peak (idle and still paid most of the month). Default the average.",
    );
    f.disabled = None;
}

/// The minimum and maximum of a fleet (instances or tasks); the maximum is kept at or above the
/// minimum and 1, as validation requires.
fn fleet_bounds(
    f: &mut Form<'_>,
    (min, max): (&mut u32, &mut u32),
    limit: u32,
    unit: &str,
    what: &str,
) {
    f.num(
        min,
        0..=limit,
        "Minimum",
        unit,
        &format!(
            "The fewest {what} kept running even with no traffic, for availability across two \
             zones. Default 2."
        ),
    );
    let floor = (*min).max(1);
    f.num(
        max,
        floor..=limit,
        "Maximum",
        unit,
        &format!(
            "The most {what} scaling may run; at least the minimum and 1. Defaults: 40 instances, \
             200 tasks."
        ),
    );
}

/// The two scaling-policy timings VMs and containers share.
fn scaling_policy(f: &mut Form<'_>, (period, cooldown): (&mut f64, &mut f64), source: &str) {
    f.num(
        period,
        1.0..=3_600.0,
        "Metric period",
        " s",
        "How often the scaling policy looks at the load metric. Default 60 s: CloudWatch's \
         standard one-minute metrics.",
    );
    f.num(
        cooldown,
        0.0..=86_400.0,
        "Scale-in cooldown",
        " s",
        &format!("Wait after a scale-in before the next one. Default 300 s: {source}."),
    );
}

pub(super) fn container_rows(
    f: &mut Form<'_>,
    c: &mut ContainerSettings,
    instances: &[InstancePrice],
) {
    f.choice(
        &mut c.orchestrator,
        "Orchestrator",
        "Amazon ECS (free control plane) or Amazon EKS ($0.10 per cluster-hour, about $73 a \
         month; presets/README.md §4). Default ECS.",
    );
    f.choice(
        &mut c.launch_type,
        "Launch type",
        "Fargate: AWS runs the hosts, billed per vCPU-hour and GB-hour. EC2: your own instances \
         as cluster nodes, billed per node-hour, their OS yours to patch. Default Fargate.",
    );
    f.choice(
        &mut c.architecture,
        "Task architecture",
        "x86_64 or arm64 (Graviton): Fargate on arm64 costs 20% less ($0.03238 against $0.04048 \
         per vCPU-hour, presets/README.md §4). Default x86_64.",
    );
    f.num(
        &mut c.task_vcpu,
        0.25..=16.0,
        "Task vCPU",
        " vCPU",
        "vCPUs per task, 0.25–16. Default 0.5.",
    );
    f.num(
        &mut c.task_memory_gb,
        0.5..=120.0,
        "Task memory",
        " GB",
        "Memory per task, 0.5–120 GB. Default 1 GB.",
    );
    f.num(
        &mut c.rps_per_task,
        0.1..=1e6,
        "Capacity per task",
        " requests/s",
        "Requests per second one task serves at 100% utilisation: an assumption about your app, \
         editable. Default 100.",
    );
    f.percent(
        &mut c.target_utilisation,
        0.1,
        "Target utilisation",
        "The service's scaling target: tasks are added to keep average load at this share of \
         capacity. Allowed 10–100%. Default 70%.",
    );
    fleet_bounds(
        f,
        (&mut c.min_tasks, &mut c.max_tasks),
        100_000,
        " tasks",
        "tasks",
    );
    f.num(
        &mut c.task_start_s,
        0.0..=3_600.0,
        "Task start",
        " s",
        "Image pull, container start and health check until a task serves: tens of seconds; a \
         2022 benchmark saw ECS on Fargate start scaling after ~30 s (Vlad Ionescu, presets/README.md §4). \
         Default 45 s.",
    );
    scaling_policy(
        f,
        (&mut c.metric_period_s, &mut c.scale_in_cooldown_s),
        "as for EC2 Auto Scaling",
    );
    node_rows(f, c, instances);
    f.toggle(
        &mut c.load_balancer,
        "Load balancer",
        "Put an Application Load Balancer in front: $0.0225 an hour plus $0.008 per LCU-hour \
         (presets/README.md §4). Default on.",
    );
    f.choice(
        &mut c.purchase,
        "Tasks bought as",
        "On demand, a 1- or 3-year Compute Savings Plan (no upfront), or Spot: Fargate Spot, or \
         EC2 Spot nodes on the EC2 launch type (presets/README.md §4b). Spot capacity can be \
         taken back with two minutes' notice. Default on demand.",
    );
    f.disabled = c
        .purchase
        .term()
        .is_none()
        .then_some("Used only with a Savings Plan");
    f.choice(
        &mut c.commit_to,
        "Task plan sized to",
        "The plan's hourly commitment: the service's minimum, the month's average (all covered) \
         or the peak (idle and still paid most of the month). Default the average.",
    );
    f.disabled = None;
}

/// The EC2 launch type's nodes; disabled on Fargate, where AWS runs the hosts.
fn node_rows(f: &mut Form<'_>, c: &mut ContainerSettings, instances: &[InstancePrice]) {
    f.disabled = (c.launch_type != LaunchType::Ec2).then_some("Used only with the EC2 launch type");
    f.instance_picker(
        &mut c.node_instance_type,
        &mut c.node_hourly_usd,
        instances,
        "Node instance type",
        "EC2 launch type: pick the cluster nodes' instance type from the rates' price list; sets \
         the name and price below. Default m5.large.",
    );
    f.text(
        &mut c.node_instance_type,
        64,
        "Node name",
        "EC2 launch type: the node instance type's name as shown in the app, 1–64 characters",
    );
    f.price(
        &mut c.node_hourly_usd,
        1_000.0,
        "Node price",
        " /h",
        "EC2 launch type: on-demand price of one node, USD per hour. Default $0.096 (m5.large, \
         presets/README.md §4).",
    );
    f.num(
        &mut c.tasks_per_node,
        1..=1_000,
        "Tasks per node",
        " tasks",
        "EC2 launch type: tasks that fit on one node. Default 4.",
    );
    f.num(
        &mut c.node_boot_s,
        0.0..=3_600.0,
        "Node boot",
        " s",
        "EC2 launch type: a new node's start until it can place tasks; EC2-backed clusters began \
         scaling after ~2.5 min in a 2022 benchmark (presets/README.md §4). Default 150 s.",
    );
    f.disabled = None;
}

pub(super) fn on_prem_rows(f: &mut Form<'_>, o: &mut OnPremSettings) {
    f.num(
        &mut o.rps_per_server,
        0.1..=1e6,
        "Capacity per server",
        " requests/s",
        "Requests per second one server serves at 100% utilisation: an assumption about your \
         app, editable. Default 500.",
    );
    f.num(
        &mut o.min_servers,
        1..=100_000,
        "Minimum servers",
        " servers",
        "Servers bought even at the lowest traffic, for redundancy. Default 2.",
    );
    f.price(
        &mut o.server_price_usd,
        10_000_000.0,
        "Server price",
        "",
        "Purchase price of one server, USD. Default $10,000 (the worked example of presets/README.md §5).",
    );
    f.num(
        &mut o.amortisation_months,
        1.0..=240.0,
        "Amortisation",
        " months",
        "Months over which the purchase is spread: 36 for fast-moving hardware, 60 for general \
         compute (presets/README.md §5). Default 36.",
    );
    f.num(
        &mut o.power_watts,
        0.0..=20_000.0,
        "Power draw",
        " W",
        "Average draw of one server: 300–800 W for a 2U server (presets/README.md §5). Default 500 W.",
    );
    f.num(
        &mut o.pue,
        1.0..=3.0,
        "PUE",
        " ×",
        "Power usage effectiveness, the data centre's overhead on top of the servers' own draw: \
         1.4–1.8, up to 2.5 for a server room (presets/README.md §5). Allowed 1–3. Default 1.6.",
    );
    f.price(
        &mut o.electricity_usd_per_kwh,
        10.0,
        "Electricity",
        " /kWh",
        "Electricity price, USD per kWh. Default $0.10.",
    );
    f.num(
        &mut o.rack_units_per_server,
        1..=48,
        "Rack space",
        " U",
        "Rack units one server takes. Default 2 U.",
    );
    f.price(
        &mut o.colo_usd_per_u_month,
        10_000.0,
        "Colocation",
        " /U/month",
        "Colocation, USD per rack unit per month: $50–200 (presets/README.md §5). Default $100.",
    );
    f.num(
        &mut o.admin_fte_per_server,
        0.0..=10.0,
        "Admin share",
        " FTE/server",
        "Share of one full-time administrator each server needs. Default 0.05: one \
         administrator per 20 servers.",
    );
    f.price(
        &mut o.admin_usd_per_year,
        10_000_000.0,
        "Admin cost",
        " /year",
        "Fully loaded cost of one administrator, USD per year: $120k–200k (presets/README.md §5). Default \
         $150,000.",
    );
    f.num(
        &mut o.procurement_days,
        0.0..=3_650.0,
        "Procurement",
        " days",
        "Days from deciding to buy to a new server in service: weeks to months (presets/README.md §4). \
         Default 42 days.",
    );
}
