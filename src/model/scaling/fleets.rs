//! Fleets scaled by a target-tracking policy: EC2 instances in an Auto Scaling group, and container
//! tasks on Fargate or placed on EC2 nodes that boot first; capacity arrives after the start
//! delays and scale-in waits for the cooldown.

use std::collections::VecDeque;

use super::step::{TIME_EPS_S, Tick, Work, serve};
use super::usage::Usage;
use crate::model::scenario::{LaunchType, Scenario};
use crate::model::sizing;

/// A fleet of units scaled by a target-tracking policy: EC2 instances, or container tasks
/// (optionally placed on EC2 nodes).
#[derive(Clone, Debug)]
pub(super) struct Fleet {
    /// Requests per second one unit serves.
    unit_rps: f64,
    /// Launch (or placement) to serving, s.
    start_delay_s: f64,
    metric_period_s: f64,
    scale_in_cooldown_s: f64,
    /// Units wanted for a demand rate.
    desired_for: fn(&Scenario, f64) -> u32,
    serving: u32,
    /// Units starting, as (serving at, count), in launch order.
    starting: VecDeque<(f64, u32)>,
    starting_total: u32,
    /// Tasks waiting for a node slot (EC2 launch type only).
    unplaced: u32,
    nodes: Option<NodePool>,
    last_action_s: f64,
    next_metric_s: f64,
    window_start_s: f64,
    window_requests: f64,
}

/// EC2 nodes that container tasks are placed on.
#[derive(Clone, Debug)]
struct NodePool {
    tasks_per_node: u32,
    boot_s: f64,
    ready: u32,
    /// Nodes booting, as (ready at, count), in launch order.
    booting: VecDeque<(f64, u32)>,
    booting_total: u32,
}

impl NodePool {
    fn slots(&self) -> u32 {
        self.ready.saturating_mul(self.tasks_per_node)
    }

    fn nodes_for(&self, tasks: u32) -> u32 {
        tasks.div_ceil(self.tasks_per_node.max(1))
    }

    fn launch_for(&mut self, t_s: f64, tasks: u32) {
        let have = self.ready + self.booting_total;
        let need = self.nodes_for(tasks);
        if need > have {
            self.booting.push_back((t_s + self.boot_s, need - have));
            self.booting_total += need - have;
        }
    }

    /// Stops nodes beyond those `tasks` need, the newest (booting) first.
    fn shrink_to(&mut self, tasks: u32) {
        let mut excess = (self.ready + self.booting_total).saturating_sub(self.nodes_for(tasks));
        let booting_cut = take_newest(&mut self.booting, excess);
        self.booting_total -= booting_cut;
        excess -= booting_cut;
        self.ready -= excess.min(self.ready);
    }
}

/// Removes up to `count` units from the back (newest) of a launch queue; returns how many.
fn take_newest(queue: &mut VecDeque<(f64, u32)>, count: u32) -> u32 {
    let mut left = count;
    while left > 0 {
        let Some(last) = queue.back_mut() else { break };
        let cut = left.min(last.1);
        last.1 -= cut;
        left -= cut;
        if last.1 == 0 {
            queue.pop_back();
        }
    }
    count - left
}

/// Moves launches whose time has come out of a queue; returns how many units that was.
fn take_ready(queue: &mut VecDeque<(f64, u32)>, t_s: f64) -> u32 {
    let mut ready = 0;
    while let Some(&(at_s, count)) = queue.front()
        && at_s <= t_s + TIME_EPS_S
    {
        ready += count;
        queue.pop_front();
    }
    ready
}

impl Fleet {
    pub(super) fn vm(s: &Scenario, rps: f64, t_s: f64) -> Self {
        let vm = &s.vm;
        Self {
            unit_rps: vm.rps_per_instance,
            start_delay_s: vm.boot_s + vm.app_start_s + vm.health_check_s,
            metric_period_s: vm.metric_period_s,
            scale_in_cooldown_s: vm.scale_in_cooldown_s,
            desired_for: sizing::vm_instances_for,
            serving: sizing::vm_instances_for(s, rps),
            starting: VecDeque::new(),
            starting_total: 0,
            unplaced: 0,
            nodes: None,
            last_action_s: f64::NEG_INFINITY,
            next_metric_s: t_s + vm.metric_period_s,
            window_start_s: t_s,
            window_requests: 0.0,
        }
    }

    pub(super) fn containers(s: &Scenario, rps: f64, t_s: f64) -> Self {
        let c = &s.containers;
        let tasks = sizing::tasks_for(s, rps);
        let nodes = match c.launch_type {
            LaunchType::Fargate => None,
            LaunchType::Ec2 => Some(NodePool {
                tasks_per_node: c.tasks_per_node.max(1),
                boot_s: c.node_boot_s,
                ready: sizing::nodes_for_tasks(s, tasks),
                booting: VecDeque::new(),
                booting_total: 0,
            }),
        };
        Self {
            unit_rps: c.rps_per_task,
            start_delay_s: c.task_start_s,
            metric_period_s: c.metric_period_s,
            scale_in_cooldown_s: c.scale_in_cooldown_s,
            desired_for: sizing::tasks_for,
            serving: tasks,
            starting: VecDeque::new(),
            starting_total: 0,
            unplaced: 0,
            nodes,
            last_action_s: f64::NEG_INFINITY,
            next_metric_s: t_s + c.metric_period_s,
            window_start_s: t_s,
            window_requests: 0.0,
        }
    }

    fn capacity_rps(&self) -> f64 {
        f64::from(self.serving) * self.unit_rps
    }

    pub(super) fn state(&self) -> Tick {
        Tick {
            capacity_rps: self.capacity_rps(),
            paid_capacity_rps: self.capacity_rps(),
            booting_units: f64::from(self.starting_total + self.unplaced),
            serving_units: f64::from(self.serving),
            ..Tick::default()
        }
    }

    /// One step. Under a trigger that keeps work, the policy also sees the work waiting: it
    /// sizes the fleet for the period's arrival rate plus clearing what waits within one period.
    pub(super) fn step(&mut self, s: &Scenario, t_s: f64, dt_s: f64, work: Work) -> Tick {
        let started = take_ready(&mut self.starting, t_s);
        self.serving += started;
        self.starting_total -= started;
        if let Some(nodes) = &mut self.nodes {
            let booted = take_ready(&mut nodes.booting, t_s);
            nodes.ready += booted;
            nodes.booting_total -= booted;
        }

        if t_s + TIME_EPS_S >= self.next_metric_s {
            let window_s = (t_s - self.window_start_s).max(f64::MIN_POSITIVE);
            let backlog_rps = work.waiting / self.metric_period_s.max(f64::MIN_POSITIVE);
            let desired = (self.desired_for)(s, self.window_requests / window_s + backlog_rps);
            self.scale_to(t_s, desired);
            self.window_start_s = t_s;
            self.window_requests = 0.0;
            while self.next_metric_s <= t_s + TIME_EPS_S {
                self.next_metric_s += self.metric_period_s;
            }
        }
        self.place(t_s);

        let capacity_rps = self.capacity_rps();
        let served = serve(work.pending(), capacity_rps, dt_s);
        self.window_requests += work.arrived;
        let units_paid = f64::from(self.serving + self.starting_total);
        let nodes_paid = self
            .nodes
            .as_ref()
            .map_or(0.0, |n| f64::from(n.ready + n.booting_total));
        Tick {
            capacity_rps,
            paid_capacity_rps: capacity_rps,
            booting_units: f64::from(self.starting_total + self.unplaced),
            serving_units: f64::from(self.serving),
            served,
            idle: capacity_rps * dt_s - served,
            usage: Usage {
                unit_s: units_paid * dt_s,
                node_s: nodes_paid * dt_s,
                ..Usage::default()
            },
            trigger_ceiling: None,
        }
    }

    /// Applies the policy's desired count: scale out at once, scale in after the cooldown.
    fn scale_to(&mut self, t_s: f64, desired: u32) {
        let total = self.serving + self.starting_total + self.unplaced;
        if desired > total {
            let new = desired - total;
            match &mut self.nodes {
                None => {
                    self.starting.push_back((t_s + self.start_delay_s, new));
                    self.starting_total += new;
                }
                Some(nodes) => {
                    self.unplaced += new;
                    nodes.launch_for(t_s, desired);
                }
            }
            self.last_action_s = t_s;
        } else if desired < total
            && t_s - self.last_action_s + TIME_EPS_S >= self.scale_in_cooldown_s
        {
            // Drop the units furthest from serving first: unplaced, then the newest starting.
            let mut excess = total - desired;
            let unplaced_cut = excess.min(self.unplaced);
            self.unplaced -= unplaced_cut;
            excess -= unplaced_cut;
            let starting_cut = take_newest(&mut self.starting, excess);
            self.starting_total -= starting_cut;
            excess -= starting_cut;
            self.serving -= excess.min(self.serving);
            if let Some(nodes) = &mut self.nodes {
                nodes.shrink_to(desired);
            }
            self.last_action_s = t_s;
        }
    }

    /// Starts waiting tasks on free node slots.
    fn place(&mut self, t_s: f64) {
        let Some(nodes) = &self.nodes else { return };
        let free = nodes
            .slots()
            .saturating_sub(self.serving + self.starting_total);
        let placed = free.min(self.unplaced);
        if placed > 0 {
            self.unplaced -= placed;
            self.starting.push_back((t_s + self.start_delay_s, placed));
            self.starting_total += placed;
        }
    }
}
