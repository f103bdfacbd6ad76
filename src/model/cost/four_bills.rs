//! The four bills at one volume: Lambda's with its named lines, and the virtual machines',
//! containers' and on-premises' bills.

use serde::Serialize;

use super::bill::Bill;
use super::fleets::{ContainerCost, VmCost};
use super::lambda::LambdaBill;
use super::on_prem::OnPremCost;
use crate::model::scenario::{HostingModel, Scenario};

/// The four bills at one volume.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bills {
    /// The monthly request volume the bills are for.
    pub requests_per_month: u64,
    /// Lambda's named lines, in cents.
    pub lambda: LambdaBill,
    /// Lambda's bill as plain lines.
    pub lambda_bill: Bill,
    /// EC2 instances in an Auto Scaling group.
    pub vm: Bill,
    /// ECS or EKS tasks.
    pub containers: Bill,
    /// Servers you own.
    pub on_prem: Bill,
}

impl Bills {
    /// The bill of one hosting model.
    pub fn get(&self, model: HostingModel) -> &Bill {
        match model {
            HostingModel::OnPrem => &self.on_prem,
            HostingModel::Vm => &self.vm,
            HostingModel::Containers => &self.containers,
            HostingModel::Lambda => &self.lambda_bill,
        }
    }
}

/// The four bills at the scenario's own monthly volume.
pub fn bills(s: &Scenario) -> Bills {
    bills_at(s, s.workload.requests_per_month)
}

/// The four bills at `requests_per_month`, everything else as in the scenario.
pub fn bills_at(s: &Scenario, requests_per_month: u64) -> Bills {
    let requests = requests_per_month as f64;
    let lambda = LambdaBill::new(s, requests_per_month);
    Bills {
        requests_per_month,
        lambda_bill: lambda.to_bill(),
        lambda,
        vm: VmCost::new(s, requests).bill(s, requests_per_month),
        containers: ContainerCost::new(s, requests).bill(s, requests_per_month),
        on_prem: OnPremCost::new(s, requests).bill(s, requests_per_month),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{FrontDoor, Trigger};

    #[test]
    fn lambda_bill_fields_match_lines_and_report_keys() {
        let mut s = Scenario::default();
        s.lambda.front_door = Some(FrontDoor::Alb);
        s.lambda.provisioned_concurrency = 5;
        s.lambda.provisioned_hours_per_month = 100.0;
        s.lambda.provisioned_requests_per_month = 1_000_000;
        s.workload.ephemeral_storage_mb = 2048;
        let bills = bills(&s);
        let l = &bills.lambda;
        assert_eq!(l.parts_cents(), l.total);
        assert_eq!(bills.get(HostingModel::Lambda).total_cents, l.total);
        assert_eq!(bills.lambda_bill.lines.len(), 8);
        let keys: Vec<&str> = l.report_usd().iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "requests_usd",
                "compute_usd",
                "init_usd",
                "provisioned_usd",
                "ephemeral_storage_usd",
                "savings_plan_usd",
                "front_door_usd",
                "event_source_usd",
                "total_usd"
            ]
        );
        for model in HostingModel::ALL {
            assert_eq!(bills.get(model).model, model);
        }

        // Under a queue the load balancer's two lines give way to the queue's two.
        s.workload.trigger = Trigger::Queue {
            max_concurrency: None,
        };
        s.workload.batch_size = 10;
        let bills = super::bills(&s);
        let l = &bills.lambda;
        // 3 M batches × 3 requests = 9 M × $0.40/M = $3.60, and $0.26 of empty receives.
        assert_eq!((l.front_door, l.event_source), (0, 360 + 26));
        assert_eq!(l.parts_cents(), l.total);
        assert_eq!(bills.lambda_bill.lines.len(), 8);
    }
}
