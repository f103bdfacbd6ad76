//! The fleets' bills: EC2 instances in an Auto Scaling group, and container tasks on Fargate or on
//! EC2 nodes under ECS or EKS, each sized for the month's average demand, with their load
//! balancers.

use super::bill::{Bill, LineItem};
use super::front_door::AlbCost;
use super::money::{format_quantity, format_rate};
use crate::model::scenario::{
    HOURS_PER_MONTH, HostingModel, LaunchType, Orchestrator, SECONDS_PER_MONTH, Scenario,
};
use crate::model::sizing;

/// The virtual-machine bill's quantities and unrounded amounts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct VmCost {
    avg_rps: f64,
    instances: u32,
    instances_usd: f64,
    alb: Option<AlbCost>,
}

impl VmCost {
    pub(super) fn new(s: &Scenario, requests: f64) -> Self {
        let avg_rps = requests.max(0.0) / SECONDS_PER_MONTH;
        let instances = sizing::vm_instances_for(s, avg_rps);
        Self {
            avg_rps,
            instances,
            instances_usd: f64::from(instances) * s.vm.hourly_usd * HOURS_PER_MONTH,
            alb: s.vm.load_balancer.then(|| AlbCost::new(s, avg_rps)),
        }
    }

    pub(super) fn total_usd(&self) -> f64 {
        self.instances_usd + self.alb.map_or(0.0, |alb| alb.total_usd())
    }

    pub(super) fn bill(&self, s: &Scenario, requests_per_month: u64) -> Bill {
        let vm = &s.vm;
        let mut lines = vec![LineItem::new(
            "EC2 instances",
            format!(
                "{} × {} × {} per hour × {} hours",
                self.instances,
                vm.instance_type,
                format_rate(vm.hourly_usd),
                format_quantity(HOURS_PER_MONTH, 0)
            ),
            self.instances_usd,
        )];
        if let Some(alb) = &self.alb {
            lines.extend(alb.lines(s));
        }
        let mut notes = vec![format!(
            "{} instances for {} requests/s on average ({} requests/s each at {}% target \
             utilisation, {}–{} instances).",
            self.instances,
            format_quantity(self.avg_rps, 3),
            format_quantity(vm.rps_per_instance, 2),
            format_quantity(vm.target_utilisation * 100.0, 1),
            vm.min_instances,
            vm.max_instances
        )];
        let peak = sizing::peak_rps(s, requests_per_month as f64);
        let most = f64::from(vm.max_instances) * vm.rps_per_instance;
        if peak > most {
            notes.push(format!(
                "At most {} instances carry {} requests/s, below the month's peak of {} \
                 requests/s: requests above that are dropped.",
                vm.max_instances,
                format_quantity(most, 1),
                format_quantity(peak, 1)
            ));
        }
        Bill::new(HostingModel::Vm, requests_per_month, lines, notes)
    }
}

/// The container bill's quantities and unrounded amounts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ContainerCost {
    avg_rps: f64,
    tasks: u32,
    nodes: u32,
    vcpu_usd: f64,
    memory_usd: f64,
    nodes_usd: f64,
    eks_usd: f64,
    alb: Option<AlbCost>,
}

impl ContainerCost {
    pub(super) fn new(s: &Scenario, requests: f64) -> Self {
        let c = &s.containers;
        let r = &s.rates;
        let avg_rps = requests.max(0.0) / SECONDS_PER_MONTH;
        let tasks = sizing::tasks_for(s, avg_rps);
        let (vcpu_rate, gb_rate) = r.fargate(c.architecture);
        let task_hours = f64::from(tasks) * HOURS_PER_MONTH;
        let (nodes, vcpu_usd, memory_usd, nodes_usd) = match c.launch_type {
            LaunchType::Fargate => (
                0,
                task_hours * c.task_vcpu * vcpu_rate,
                task_hours * c.task_memory_gb * gb_rate,
                0.0,
            ),
            LaunchType::Ec2 => {
                let nodes = sizing::nodes_for_tasks(s, tasks);
                (
                    nodes,
                    0.0,
                    0.0,
                    f64::from(nodes) * c.node_hourly_usd * HOURS_PER_MONTH,
                )
            }
        };
        Self {
            avg_rps,
            tasks,
            nodes,
            vcpu_usd,
            memory_usd,
            nodes_usd,
            eks_usd: match c.orchestrator {
                Orchestrator::Eks => HOURS_PER_MONTH * r.eks_cluster_hour_usd,
                Orchestrator::Ecs => 0.0,
            },
            alb: c.load_balancer.then(|| AlbCost::new(s, avg_rps)),
        }
    }

    pub(super) fn total_usd(&self) -> f64 {
        self.vcpu_usd
            + self.memory_usd
            + self.nodes_usd
            + self.eks_usd
            + self.alb.map_or(0.0, |alb| alb.total_usd())
    }

    pub(super) fn bill(&self, s: &Scenario, requests_per_month: u64) -> Bill {
        let c = &s.containers;
        let r = &s.rates;
        let hours = format_quantity(HOURS_PER_MONTH, 0);
        let mut lines = Vec::new();
        match c.launch_type {
            LaunchType::Fargate => {
                let (vcpu_rate, gb_rate) = r.fargate(c.architecture);
                let arch = c.architecture.label();
                lines.push(LineItem::new(
                    "Fargate vCPU",
                    format!(
                        "{} tasks × {} vCPU × {hours} hours × {} per vCPU-hour ({arch})",
                        self.tasks,
                        format_quantity(c.task_vcpu, 3),
                        format_rate(vcpu_rate)
                    ),
                    self.vcpu_usd,
                ));
                lines.push(LineItem::new(
                    "Fargate memory",
                    format!(
                        "{} tasks × {} GB × {hours} hours × {} per GB-hour ({arch})",
                        self.tasks,
                        format_quantity(c.task_memory_gb, 3),
                        format_rate(gb_rate)
                    ),
                    self.memory_usd,
                ));
            }
            LaunchType::Ec2 => lines.push(LineItem::new(
                "EC2 cluster nodes",
                format!(
                    "{} tasks ÷ {} per node = {} × {} × {} per hour × {hours} hours",
                    self.tasks,
                    c.tasks_per_node,
                    self.nodes,
                    c.node_instance_type,
                    format_rate(c.node_hourly_usd)
                ),
                self.nodes_usd,
            )),
        }
        if c.orchestrator == Orchestrator::Eks {
            lines.push(LineItem::new(
                "EKS control plane",
                format!(
                    "1 cluster × {hours} hours × {} per cluster-hour",
                    format_rate(r.eks_cluster_hour_usd)
                ),
                self.eks_usd,
            ));
        }
        if let Some(alb) = &self.alb {
            lines.extend(alb.lines(s));
        }
        let mut notes = vec![format!(
            "{} tasks for {} requests/s on average ({} requests/s each at {}% target \
             utilisation, {}–{} tasks).",
            self.tasks,
            format_quantity(self.avg_rps, 3),
            format_quantity(c.rps_per_task, 2),
            format_quantity(c.target_utilisation * 100.0, 1),
            c.min_tasks,
            c.max_tasks
        )];
        if c.orchestrator == Orchestrator::Ecs {
            notes.push("The ECS control plane is free.".to_owned());
        }
        let peak = sizing::peak_rps(s, requests_per_month as f64);
        let most = f64::from(c.max_tasks) * c.rps_per_task;
        if peak > most {
            notes.push(format!(
                "At most {} tasks carry {} requests/s, below the month's peak of {} requests/s: \
                 requests above that are dropped.",
                c.max_tasks,
                format_quantity(most, 1),
                format_quantity(peak, 1)
            ));
        }
        Bill::new(HostingModel::Containers, requests_per_month, lines, notes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Architecture;

    /// The two fleets' bills at the scenario's own volume.
    struct Bills {
        vm: Bill,
        containers: Bill,
    }

    fn bills(s: &Scenario) -> Bills {
        let requests = s.workload.requests_per_month;
        Bills {
            vm: VmCost::new(s, requests as f64).bill(s, requests),
            containers: ContainerCost::new(s, requests as f64).bill(s, requests),
        }
    }

    #[test]
    fn vm_and_container_bills() {
        let s = Scenario::default();
        let b = bills(&s);
        // 2 × $0.0416 × 730 = $60.736; ALB $16.425 → $16.43; LCUs $0.2667.
        let vm: Vec<i64> = b.vm.lines.iter().map(|l| l.cents).collect();
        assert_eq!(vm, vec![6074, 1643, 27]);
        // Fargate: 2 × 0.5 vCPU × 730 × $0.04048 = $29.5504; 2 × 1 GB × 730 × $0.004445 = $6.4897.
        let c: Vec<i64> = b.containers.lines.iter().map(|l| l.cents).collect();
        assert_eq!(c, vec![2955, 649, 1643, 27]);

        let mut s = Scenario::default();
        s.containers.launch_type = LaunchType::Ec2;
        s.containers.orchestrator = Orchestrator::Eks;
        s.containers.load_balancer = false;
        s.containers.min_tasks = 9;
        s.containers.max_tasks = 20;
        // 9 tasks at 4 a node = 3 × m5.large × $0.096 × 730 = $210.24, EKS 730 × $0.10 = $73.
        let b = bills(&s).containers;
        let c: Vec<i64> = b.lines.iter().map(|l| l.cents).collect();
        assert_eq!(c, vec![21_024, 7_300]);
        s.containers.launch_type = LaunchType::Fargate;
        s.containers.architecture = Architecture::Arm64;
        // Arm Fargate: 9 × 0.5 × 730 × $0.03238 = $106.3683; 9 × 1 × 730 × $0.00356 = $23.3892.
        let c: Vec<i64> = bills(&s).containers.lines.iter().map(|l| l.cents).collect();
        assert_eq!(c, vec![10_637, 2_339, 7_300]);

        // The group's maximum cannot carry the peak: the bill says so.
        let mut s = Scenario::default();
        s.workload.requests_per_month = 100_000_000_000;
        let vm = bills(&s).vm;
        assert_eq!(vm.lines.first().map(|l| l.cents), Some(121_472));
        assert!(
            vm.notes.iter().any(|n| n.contains("dropped")),
            "{:?}",
            vm.notes
        );
        assert!(
            !bills(&Scenario::default())
                .vm
                .notes
                .iter()
                .any(|n| n.contains("dropped"))
        );
    }
}
