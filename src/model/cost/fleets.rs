//! The fleets' bills: EC2 instances in an Auto Scaling group, and container tasks on Fargate or on
//! EC2 nodes under ECS or EKS, each sized for the month's average demand, with their load
//! balancers and, under a non-HTTP trigger, the same event source as Lambda's.

use super::bill::{Bill, LineItem};
use super::commitment::{FleetPurchase, SPOT_WARNING};
use super::event_source::{EventSourceCost, Reader};
use super::front_door::AlbCost;
use super::money::{format_quantity, format_rate};
use crate::model::scenario::{
    CommitTo, HOURS_PER_MONTH, HostingModel, LaunchType, Orchestrator, Purchase, SECONDS_PER_MONTH,
    SavingsPlanKind, Scenario, event_source_of,
};
use crate::model::sizing;

/// The virtual-machine bill's quantities and unrounded amounts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct VmCost {
    avg_rps: f64,
    instances: u32,
    purchase: FleetPurchase,
    instances_usd: f64,
    alb: Option<AlbCost>,
    event_source: EventSourceCost,
}

/// Units a commitment sized to `commit_to` covers, given the fleet's minimum, the units for the
/// month's average and the units for its peak.
fn committed_units(commit_to: CommitTo, minimum: u32, average: u32, peak: impl Fn() -> u32) -> u32 {
    match commit_to {
        CommitTo::Minimum => minimum,
        CommitTo::Average => average,
        CommitTo::Peak => peak(),
    }
}

/// The note of a fleet whose load balancer is billed though its work comes through an event
/// source; `None` otherwise.
fn idle_load_balancer_note(s: &Scenario, load_balancer: bool) -> Option<String> {
    let w = &s.workload;
    let source = event_source_of(w.trigger, w.event_source)?;
    load_balancer.then(|| {
        format!(
            "The load balancer is billed as set, though the work comes through {}, not \
             through it.",
            source.label()
        )
    })
}

/// The plan's name in a bill line: "EC2 Instance Savings Plan, 3 years".
fn plan_words(kind: SavingsPlanKind, purchase: Purchase) -> String {
    purchase.term().map_or_else(
        || purchase.label().to_owned(),
        |term| format!("{}, {}", kind.label(), term.label()),
    )
}

impl VmCost {
    pub(super) fn new(s: &Scenario, requests: f64) -> Self {
        let vm = &s.vm;
        let avg_rps = requests.max(0.0) / SECONDS_PER_MONTH;
        let instances = sizing::vm_instances_for(s, avg_rps);
        let rate = s
            .rates
            .instance(&vm.instance_type)
            .and_then(|i| i.hourly_for(vm.purchase, vm.savings_plan_kind));
        let purchase = FleetPurchase::new(
            vm.purchase,
            instances,
            || {
                committed_units(vm.commit_to, vm.min_instances, instances, || {
                    sizing::vm_instances_for(s, sizing::peak_rps(s, requests))
                })
            },
            vm.hourly_usd,
            rate,
        );
        Self {
            avg_rps,
            instances,
            purchase,
            instances_usd: f64::from(purchase.billed_units())
                * purchase.billed_hourly()
                * HOURS_PER_MONTH,
            alb: vm.load_balancer.then(|| AlbCost::new(s, avg_rps)),
            event_source: EventSourceCost::new(
                s,
                requests,
                Reader::Fleet {
                    count: instances,
                    unit: "instances (the fleet for the month's average demand)",
                },
            ),
        }
    }

    pub(super) fn total_usd(&self) -> f64 {
        self.instances_usd
            + self.purchase.commitment_usd()
            + self.alb.map_or(0.0, |alb| alb.total_usd())
            + self.event_source.total_usd()
    }

    pub(super) fn bill(&self, s: &Scenario, requests_per_month: u64) -> Bill {
        let vm = &s.vm;
        let p = &self.purchase;
        let mut lines: Vec<LineItem> = p
            .commitment_line(
                &vm.instance_type,
                &plan_words(vm.savings_plan_kind, vm.purchase),
            )
            .into_iter()
            .collect();
        if p.billed_units() > 0 || lines.is_empty() {
            let (label, how) = match vm.purchase {
                Purchase::Spot => ("EC2 Spot instances", " (Spot)"),
                Purchase::OnDemand => ("EC2 instances", ""),
                Purchase::SavingsPlan1y | Purchase::SavingsPlan3y => {
                    ("EC2 instances beyond the plan", " (on demand)")
                }
            };
            lines.push(LineItem::new(
                label,
                format!(
                    "{} × {} × {} per hour{how} × {} hours",
                    p.billed_units(),
                    vm.instance_type,
                    format_rate(p.billed_hourly()),
                    format_quantity(HOURS_PER_MONTH, 0)
                ),
                self.instances_usd,
            ));
        }
        if let Some(alb) = &self.alb {
            lines.extend(alb.lines(s));
        }
        lines.extend(self.event_source.lines(s));
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
        notes.extend(self.purchase.commitment_note(vm.commit_to, "instances"));
        notes.extend(self.event_source.note(s));
        notes.extend(idle_load_balancer_note(s, vm.load_balancer));
        if vm.purchase == Purchase::Spot {
            notes.push(SPOT_WARNING.to_owned());
        }
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
    /// Tasks (Fargate) or nodes (EC2 launch type) and what one costs as bought.
    purchase: FleetPurchase,
    /// The share off Fargate's on-demand rates of the tasks billed by the hour (Spot).
    fargate_discount: f64,
    vcpu_usd: f64,
    memory_usd: f64,
    nodes_usd: f64,
    eks_usd: f64,
    alb: Option<AlbCost>,
    event_source: EventSourceCost,
}

impl ContainerCost {
    pub(super) fn new(s: &Scenario, requests: f64) -> Self {
        let c = &s.containers;
        let r = &s.rates;
        let avg_rps = requests.max(0.0) / SECONDS_PER_MONTH;
        let tasks = sizing::tasks_for(s, avg_rps);
        let committed_tasks = || {
            committed_units(c.commit_to, c.min_tasks, tasks, || {
                sizing::tasks_for(s, sizing::peak_rps(s, requests))
            })
        };
        let (vcpu_rate, gb_rate) = r.fargate(c.architecture);
        let (nodes, purchase, fargate_discount) = match c.launch_type {
            LaunchType::Fargate => {
                let task_hourly = c.task_vcpu * vcpu_rate + c.task_memory_gb * gb_rate;
                let discount = r.commitments.fargate_discount(c.purchase);
                (
                    0,
                    FleetPurchase::new(
                        c.purchase,
                        tasks,
                        committed_tasks,
                        task_hourly,
                        Some(task_hourly * (1.0 - discount)),
                    ),
                    if c.purchase == Purchase::Spot {
                        discount
                    } else {
                        0.0
                    },
                )
            }
            LaunchType::Ec2 => {
                let nodes = sizing::nodes_for_tasks(s, tasks);
                let rate = r
                    .instance(&c.node_instance_type)
                    .and_then(|i| i.hourly_for(c.purchase, SavingsPlanKind::Compute));
                (
                    nodes,
                    FleetPurchase::new(
                        c.purchase,
                        nodes,
                        || sizing::nodes_for_tasks(s, committed_tasks()),
                        c.node_hourly_usd,
                        rate,
                    ),
                    0.0,
                )
            }
        };
        let billed_hours = f64::from(purchase.billed_units()) * HOURS_PER_MONTH;
        let (vcpu_usd, memory_usd, nodes_usd) = match c.launch_type {
            LaunchType::Fargate => (
                billed_hours * c.task_vcpu * vcpu_rate * (1.0 - fargate_discount),
                billed_hours * c.task_memory_gb * gb_rate * (1.0 - fargate_discount),
                0.0,
            ),
            LaunchType::Ec2 => (0.0, 0.0, billed_hours * purchase.billed_hourly()),
        };
        Self {
            avg_rps,
            tasks,
            nodes,
            purchase,
            fargate_discount,
            vcpu_usd,
            memory_usd,
            nodes_usd,
            eks_usd: match c.orchestrator {
                Orchestrator::Eks => HOURS_PER_MONTH * r.eks_cluster_hour_usd,
                Orchestrator::Ecs => 0.0,
            },
            alb: c.load_balancer.then(|| AlbCost::new(s, avg_rps)),
            event_source: EventSourceCost::new(
                s,
                requests,
                Reader::Fleet {
                    count: tasks,
                    unit: "tasks (the fleet for the month's average demand)",
                },
            ),
        }
    }

    pub(super) fn total_usd(&self) -> f64 {
        self.vcpu_usd
            + self.memory_usd
            + self.nodes_usd
            + self.purchase.commitment_usd()
            + self.eks_usd
            + self.alb.map_or(0.0, |alb| alb.total_usd())
            + self.event_source.total_usd()
    }

    /// The tasks' or nodes' lines billed by the hour: all of them, or those beyond the plan
    /// (none when the plan covers every one, unless `always`).
    fn usage_lines(&self, s: &Scenario, always: bool) -> Vec<LineItem> {
        let c = &s.containers;
        let r = &s.rates;
        let p = &self.purchase;
        let hours = format_quantity(HOURS_PER_MONTH, 0);
        let mut lines = Vec::new();
        let billed = p.billed_units();
        let how = match c.purchase {
            Purchase::OnDemand => "",
            Purchase::Spot => " (Spot)",
            Purchase::SavingsPlan1y | Purchase::SavingsPlan3y => " beyond the plan (on demand)",
        };
        match c.launch_type {
            LaunchType::Fargate if billed > 0 || always => {
                let (vcpu_rate, gb_rate) = r.fargate(c.architecture);
                let keep = 1.0 - self.fargate_discount;
                let arch = c.architecture.label();
                let spot = if c.purchase == Purchase::Spot {
                    "Fargate Spot "
                } else {
                    "Fargate "
                };
                lines.push(LineItem::new(
                    &format!("{spot}vCPU"),
                    format!(
                        "{billed} tasks{how} × {} vCPU × {hours} hours × {} per vCPU-hour ({arch})",
                        format_quantity(c.task_vcpu, 3),
                        format_rate(vcpu_rate * keep)
                    ),
                    self.vcpu_usd,
                ));
                lines.push(LineItem::new(
                    &format!("{spot}memory"),
                    format!(
                        "{billed} tasks{how} × {} GB × {hours} hours × {} per GB-hour ({arch})",
                        format_quantity(c.task_memory_gb, 3),
                        format_rate(gb_rate * keep)
                    ),
                    self.memory_usd,
                ));
            }
            LaunchType::Ec2 if billed > 0 || always => lines.push(LineItem::new(
                "EC2 cluster nodes",
                format!(
                    "{} tasks ÷ {} per node = {} nodes; {billed}{how} × {} × {} per hour × {hours} \
                     hours",
                    self.tasks,
                    c.tasks_per_node,
                    self.nodes,
                    c.node_instance_type,
                    format_rate(p.billed_hourly())
                ),
                self.nodes_usd,
            )),
            LaunchType::Fargate | LaunchType::Ec2 => {}
        }
        lines
    }

    pub(super) fn bill(&self, s: &Scenario, requests_per_month: u64) -> Bill {
        let c = &s.containers;
        let r = &s.rates;
        let p = &self.purchase;
        let hours = format_quantity(HOURS_PER_MONTH, 0);
        let plan = plan_words(SavingsPlanKind::Compute, c.purchase);
        let unit = match c.launch_type {
            LaunchType::Fargate => "task".to_owned(),
            LaunchType::Ec2 => c.node_instance_type.clone(),
        };
        let mut lines: Vec<LineItem> = p.commitment_line(&unit, &plan).into_iter().collect();
        lines.extend(self.usage_lines(s, lines.is_empty()));
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
        lines.extend(self.event_source.lines(s));
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
        let units = match c.launch_type {
            LaunchType::Fargate => "tasks",
            LaunchType::Ec2 => "nodes",
        };
        notes.extend(p.commitment_note(c.commit_to, units));
        notes.extend(self.event_source.note(s));
        notes.extend(idle_load_balancer_note(s, c.load_balancer));
        if c.purchase == Purchase::Spot {
            notes.push(SPOT_WARNING.to_owned());
        }
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
