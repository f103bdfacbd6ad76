//! Writing the rates the files had into the scenario's [`Rates`], and saying which were written
//! and which were kept because the files lack them.

use super::FileRates;
use crate::model::scenario::{Rates, Tier};

/// What [`FileRates::apply`] did, as preset field paths (e.g. `rates.lambda_x86_64.duration_tiers`,
/// `rates.ec2_instances[m5.large].hourly_usd`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// The rates written from the files.
    pub from_files: Vec<String>,
    /// The rates kept as they were, because the files lack them.
    pub not_in_files: Vec<String>,
}

impl Applied {
    fn record(&mut self, name: &str, written: bool) {
        if written {
            self.from_files.push(name.to_owned());
        } else {
            self.not_in_files.push(name.to_owned());
        }
    }

    fn number(&mut self, name: &str, from: Option<f64>, to: &mut f64) {
        if let Some(value) = from {
            *to = value;
        }
        self.record(name, from.is_some());
    }

    fn tiers(&mut self, name: &str, from: Option<&Vec<Tier>>, to: &mut Vec<Tier>) {
        if let Some(tiers) = from {
            to.clone_from(tiers);
        }
        self.record(name, from.is_some());
    }
}

impl FileRates {
    /// Writes every rate the files had into `rates`, returning the names (preset field paths like
    /// "rates.lambda_x86_64.duration_tiers") of the rates written and of those kept because the
    /// files lack them. EC2: the `hourly_usd` of the instances of `rates.ec2_instances` whose
    /// names the files priced (their plan and Spot prices are kept); instance types the files
    /// priced that `rates` does not list are not added.
    pub fn apply(&self, rates: &mut Rates) -> Applied {
        let mut a = Applied::default();
        a.number(
            "rates.lambda_request_usd_per_million",
            self.lambda_request_usd_per_million,
            &mut rates.lambda_request_usd_per_million,
        );
        a.tiers(
            "rates.lambda_x86_64.duration_tiers",
            self.lambda_x86_64_duration_tiers.as_ref(),
            &mut rates.lambda_x86_64.duration_tiers,
        );
        a.number(
            "rates.lambda_x86_64.provisioned_usd_per_gb_s",
            self.lambda_x86_64_provisioned_usd_per_gb_s,
            &mut rates.lambda_x86_64.provisioned_usd_per_gb_s,
        );
        a.number(
            "rates.lambda_x86_64.provisioned_duration_usd_per_gb_s",
            self.lambda_x86_64_provisioned_duration_usd_per_gb_s,
            &mut rates.lambda_x86_64.provisioned_duration_usd_per_gb_s,
        );
        a.tiers(
            "rates.lambda_arm64.duration_tiers",
            self.lambda_arm64_duration_tiers.as_ref(),
            &mut rates.lambda_arm64.duration_tiers,
        );
        a.number(
            "rates.lambda_arm64.provisioned_usd_per_gb_s",
            self.lambda_arm64_provisioned_usd_per_gb_s,
            &mut rates.lambda_arm64.provisioned_usd_per_gb_s,
        );
        a.number(
            "rates.lambda_arm64.provisioned_duration_usd_per_gb_s",
            self.lambda_arm64_provisioned_duration_usd_per_gb_s,
            &mut rates.lambda_arm64.provisioned_duration_usd_per_gb_s,
        );
        a.number(
            "rates.ephemeral_usd_per_gb_s",
            self.ephemeral_usd_per_gb_s,
            &mut rates.ephemeral_usd_per_gb_s,
        );
        self.apply_others(rates, &mut a);
        a
    }

    /// The rates other than Lambda's.
    fn apply_others(&self, rates: &mut Rates, a: &mut Applied) {
        a.tiers(
            "rates.api_gateway_rest_tiers",
            self.api_gateway_rest_tiers.as_ref(),
            &mut rates.api_gateway_rest_tiers,
        );
        a.tiers(
            "rates.api_gateway_http_tiers",
            self.api_gateway_http_tiers.as_ref(),
            &mut rates.api_gateway_http_tiers,
        );
        a.number(
            "rates.alb_usd_per_hour",
            self.alb_usd_per_hour,
            &mut rates.alb_usd_per_hour,
        );
        a.number(
            "rates.alb_usd_per_lcu_hour",
            self.alb_usd_per_lcu_hour,
            &mut rates.alb_usd_per_lcu_hour,
        );
        a.number(
            "rates.fargate_x86_64_vcpu_hour_usd",
            self.fargate_x86_64_vcpu_hour_usd,
            &mut rates.fargate_x86_64_vcpu_hour_usd,
        );
        a.number(
            "rates.fargate_x86_64_gb_hour_usd",
            self.fargate_x86_64_gb_hour_usd,
            &mut rates.fargate_x86_64_gb_hour_usd,
        );
        a.number(
            "rates.fargate_arm64_vcpu_hour_usd",
            self.fargate_arm64_vcpu_hour_usd,
            &mut rates.fargate_arm64_vcpu_hour_usd,
        );
        a.number(
            "rates.fargate_arm64_gb_hour_usd",
            self.fargate_arm64_gb_hour_usd,
            &mut rates.fargate_arm64_gb_hour_usd,
        );
        a.number(
            "rates.eks_cluster_hour_usd",
            self.eks_cluster_hour_usd,
            &mut rates.eks_cluster_hour_usd,
        );
        for instance in &mut rates.ec2_instances {
            let hourly = self
                .ec2_on_demand_hourly
                .iter()
                .find(|(name, _)| *name == instance.name)
                .map(|(_, usd)| *usd);
            let name = format!("rates.ec2_instances[{}].hourly_usd", instance.name);
            a.number(&name, hourly, &mut instance.hourly_usd);
        }
        a.number(
            "rates.commitments.fargate_spot_discount",
            self.fargate_spot_discount,
            &mut rates.commitments.fargate_spot_discount,
        );
    }
}
