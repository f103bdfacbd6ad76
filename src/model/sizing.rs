//! How many instances, tasks or servers each always-on model needs for a request rate. Shared by the
//! cost model and the scaling simulation so both size fleets the same way.

use super::scenario::Scenario;

/// Units of `capacity_rps` each, run at `target_utilisation`, needed for `rps`, within `min..=max`.
fn units_for(rps: f64, capacity_rps: f64, target_utilisation: f64, min: u32, max: u32) -> u32 {
    let per_unit = (capacity_rps * target_utilisation).max(f64::MIN_POSITIVE);
    let needed = (rps.max(0.0) / per_unit).ceil();
    // The float-to-int cast saturates, so a huge rate lands on the maximum.
    (needed as u32).clamp(min, max.max(min))
}

/// EC2 instances the Auto Scaling group wants for `rps` (within its min and max).
pub fn vm_instances_for(scenario: &Scenario, rps: f64) -> u32 {
    let vm = &scenario.vm;
    units_for(
        rps,
        vm.rps_per_instance,
        vm.target_utilisation,
        vm.min_instances,
        vm.max_instances,
    )
}

/// Container tasks the service wants for `rps` (within its min and max).
pub fn tasks_for(scenario: &Scenario, rps: f64) -> u32 {
    let c = &scenario.containers;
    units_for(
        rps,
        c.rps_per_task,
        c.target_utilisation,
        c.min_tasks,
        c.max_tasks,
    )
}

/// EC2 nodes needed to place `tasks` (ECS or EKS on EC2).
pub fn nodes_for_tasks(scenario: &Scenario, tasks: u32) -> u32 {
    tasks.div_ceil(scenario.containers.tasks_per_node.max(1))
}

/// The month's peak request rate: the average times `workload.peak_to_average`.
pub fn peak_rps(scenario: &Scenario, requests_per_month: f64) -> f64 {
    requests_per_month.max(0.0) / super::scenario::SECONDS_PER_MONTH
        * scenario.workload.peak_to_average
}

/// Servers bought for `requests_per_month`: enough for the month's peak at full load, never fewer
/// than `on_prem.min_servers`. On-premises capacity cannot follow demand, so it is sized once.
pub fn on_prem_servers(scenario: &Scenario, requests_per_month: f64) -> u32 {
    let op = &scenario.on_prem;
    units_for(
        peak_rps(scenario, requests_per_month),
        op.rps_per_server,
        1.0,
        op.min_servers,
        u32::MAX,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fleet_sizes_respect_bounds() {
        let s = Scenario::default();
        assert_eq!(vm_instances_for(&s, 0.0), s.vm.min_instances);
        assert_eq!(vm_instances_for(&s, 1e9), s.vm.max_instances);
        // 200 rps per instance at 70% = 140 rps each: 1,000 rps needs 8.
        assert_eq!(vm_instances_for(&s, 1000.0), 8);
        assert_eq!(tasks_for(&s, 700.0), 10);
        assert_eq!(nodes_for_tasks(&s, 9), 3);
    }

    #[test]
    fn on_prem_is_sized_for_the_peak() {
        let s = Scenario::default();
        // 2,628 M requests a month = 1,000 rps on average, 3,000 rps at peak, 500 rps a server.
        assert_eq!(on_prem_servers(&s, 2_628_000_000.0), 6);
        assert_eq!(on_prem_servers(&s, 0.0), s.on_prem.min_servers);
    }
}
