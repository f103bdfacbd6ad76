//! Cost curves: every model's unrounded monthly total sampled over log-spaced volumes for the
//! chart and its CSV, the break-even points between them, and which of two models is cheaper
//! throughout when they never cross.

use serde::Serialize;

use super::break_even::{BreakEven, find_break_evens};
use super::money::{cents_from_usd, format_requests, plain_cents};
use super::sentences::{lower_label, verb};
use super::totals::Evaluator;
use crate::model::scenario::{HostingModel, Scenario};

/// Lowest volume on the cost chart, requests a month.
pub const CURVE_MIN_REQUESTS: f64 = 1e3;
/// Highest volume on the cost chart, requests a month.
pub const CURVE_MAX_REQUESTS: f64 = 1e10;
/// Number of log-spaced volumes sampled for the chart (200 steps of about 8.4% each).
pub const CURVE_POINTS: usize = 201;

/// Monthly cost of each model sampled over volume, and where the models break even.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostCurves {
    /// Sampled volumes, requests a month, log-spaced from [`CURVE_MIN_REQUESTS`] to
    /// [`CURVE_MAX_REQUESTS`] and rounded to whole requests.
    pub requests_per_month: Vec<f64>,
    /// On-premises unrounded monthly totals, USD, one per volume.
    pub on_prem_usd: Vec<f64>,
    /// Virtual-machine unrounded monthly totals, USD.
    pub vm_usd: Vec<f64>,
    /// Container unrounded monthly totals, USD.
    pub containers_usd: Vec<f64>,
    /// Lambda unrounded monthly totals, USD.
    pub lambda_usd: Vec<f64>,
    /// Every volume where two models swap places, in increasing volume.
    pub break_evens: Vec<BreakEven>,
}

impl CostCurves {
    /// Samples every model's total and finds every break-even point. Call it when the scenario
    /// changes, not every frame.
    pub fn compute(s: &Scenario) -> Self {
        let eval = Evaluator::new(s);
        let steps = (CURVE_POINTS - 1) as f64;
        let span = (CURVE_MAX_REQUESTS / CURVE_MIN_REQUESTS).log10();
        let requests_per_month: Vec<f64> = (0..CURVE_POINTS)
            .map(|i| (CURVE_MIN_REQUESTS * 10f64.powf(span * i as f64 / steps)).round())
            .collect();
        let series = |model| -> Vec<f64> {
            requests_per_month
                .iter()
                .map(|&n| eval.total_usd(model, n))
                .collect()
        };
        let mut curves = Self {
            on_prem_usd: series(HostingModel::OnPrem),
            vm_usd: series(HostingModel::Vm),
            containers_usd: series(HostingModel::Containers),
            lambda_usd: series(HostingModel::Lambda),
            requests_per_month,
            break_evens: Vec::new(),
        };
        let mut break_evens = Vec::new();
        for (i, &a) in HostingModel::ALL.iter().enumerate() {
            for &b in HostingModel::ALL.iter().skip(i + 1) {
                find_break_evens(
                    &eval,
                    &curves.requests_per_month,
                    (a, curves.series(a)),
                    (b, curves.series(b)),
                    &mut break_evens,
                );
            }
        }
        break_evens.sort_by(|x, y| x.requests_per_month.total_cmp(&y.requests_per_month));
        curves.break_evens = break_evens;
        curves
    }

    /// The sampled totals of one model, one per entry of `requests_per_month`.
    pub fn series(&self, model: HostingModel) -> &[f64] {
        match model {
            HostingModel::OnPrem => &self.on_prem_usd,
            HostingModel::Vm => &self.vm_usd,
            HostingModel::Containers => &self.containers_usd,
            HostingModel::Lambda => &self.lambda_usd,
        }
    }

    /// The curves as CSV: `requests_per_month,on_prem_usd,vm_usd,containers_usd,lambda_usd`, with
    /// dollars rounded half-up to the cent.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.write_record([
            "requests_per_month",
            "on_prem_usd",
            "vm_usd",
            "containers_usd",
            "lambda_usd",
        ])?;
        for (i, n) in self.requests_per_month.iter().enumerate() {
            let mut row = vec![(n.max(0.0).round() as u64).to_string()];
            for model in HostingModel::ALL {
                let value = self.series(model).get(i).copied().unwrap_or(f64::NAN);
                row.push(plain_cents(cents_from_usd(value)));
            }
            csv.write_record(&row)?;
        }
        let bytes = csv.into_inner().map_err(csv::IntoInnerError::into_error)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

impl CostCurves {
    /// The break-even points between `a` and `b` (in either role), in increasing volume.
    pub fn break_evens_between(
        &self,
        a: HostingModel,
        b: HostingModel,
    ) -> impl Iterator<Item = &BreakEven> + '_ {
        self.break_evens.iter().filter(move |be| {
            (be.cheaper_below == a && be.cheaper_above == b)
                || (be.cheaper_below == b && be.cheaper_above == a)
        })
    }

    /// The one of `a` and `b` that is cheaper across the whole chart, when the two never swap
    /// places on it; `None` when they break even somewhere or cost the same at every sample.
    pub fn cheaper_throughout(&self, a: HostingModel, b: HostingModel) -> Option<HostingModel> {
        if self.break_evens_between(a, b).next().is_some() {
            return None;
        }
        // Without a crossing, the first sample where they differ tells which is cheaper.
        self.series(a)
            .iter()
            .zip(self.series(b))
            .find(|(cost_a, cost_b)| cost_a != cost_b)
            .map(|(cost_a, cost_b)| if cost_a < cost_b { a } else { b })
    }
}

/// Plain words for a pair that never breaks even on the chart: "Serverless is cheaper than
/// on-premises at every volume on the chart (1 k to 10 B requests a month)".
pub fn cheaper_throughout_sentence(cheaper: HostingModel, other: HostingModel) -> String {
    format!(
        "{} {} cheaper than {} at every volume on the chart ({} to {} requests a month)",
        cheaper.label(),
        verb(cheaper),
        lower_label(other),
        format_requests(CURVE_MIN_REQUESTS),
        format_requests(CURVE_MAX_REQUESTS)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cost::four_bills::bills;
    use crate::model::cost::totals::total_usd;
    use crate::model::scenario::SECONDS_PER_MONTH;

    #[test]
    fn curves_and_csv_cover_the_range() {
        let s = Scenario::default();
        let curves = CostCurves::compute(&s);
        assert_eq!(curves.requests_per_month.len(), CURVE_POINTS);
        assert_eq!(curves.requests_per_month.first(), Some(&CURVE_MIN_REQUESTS));
        assert_eq!(curves.requests_per_month.last(), Some(&CURVE_MAX_REQUESTS));
        for model in HostingModel::ALL {
            assert_eq!(curves.series(model).len(), CURVE_POINTS);
        }
        let csv = curves.to_csv().unwrap();
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("requests_per_month,on_prem_usd,vm_usd,containers_usd,lambda_usd")
        );
        assert_eq!(lines.clone().count(), CURVE_POINTS);
        assert_eq!(lines.next(), Some("1000,2322.36,77.16,52.47,0.00"));
        // The chart agrees with the bill at the scenario's volume, up to the lines' rounding.
        let bills = bills(&s);
        for model in HostingModel::ALL {
            let unrounded = total_usd(&s, model, s.workload.requests_per_month as f64);
            assert!((unrounded - bills.get(model).total_usd()).abs() < 0.03);
        }
    }

    #[test]
    fn pairs_without_a_crossing_name_the_cheaper_model() {
        let mut s = Scenario::default();
        // Free virtual machines without a load balancer: never dearer than Lambda, and equal to
        // it only while Lambda's free tier lasts, so the two never cross.
        s.vm.hourly_usd = 0.0;
        s.vm.load_balancer = false;
        let curves = CostCurves::compute(&s);
        assert_eq!(
            curves
                .break_evens_between(HostingModel::Lambda, HostingModel::Vm)
                .count(),
            0
        );
        assert_eq!(
            curves.cheaper_throughout(HostingModel::Lambda, HostingModel::Vm),
            Some(HostingModel::Vm)
        );
        assert_eq!(
            curves.cheaper_throughout(HostingModel::Vm, HostingModel::Lambda),
            Some(HostingModel::Vm)
        );
        // The default scenario's Lambda and containers do cross.
        let default_curves = CostCurves::compute(&Scenario::default());
        let crossings: Vec<&BreakEven> = default_curves
            .break_evens_between(HostingModel::Containers, HostingModel::Lambda)
            .collect();
        assert!(!crossings.is_empty());
        assert!(crossings.iter().all(|be| {
            [be.cheaper_below, be.cheaper_above] == [HostingModel::Lambda, HostingModel::Containers]
                || [be.cheaper_below, be.cheaper_above]
                    == [HostingModel::Containers, HostingModel::Lambda]
        }));
        assert_eq!(
            default_curves.cheaper_throughout(HostingModel::Lambda, HostingModel::Containers),
            None
        );
        assert_eq!(
            cheaper_throughout_sentence(HostingModel::Lambda, HostingModel::OnPrem),
            "Serverless is cheaper than on-premises at every volume on the chart (1 k to 10 B \
             requests a month)"
        );
        assert_eq!(
            cheaper_throughout_sentence(HostingModel::Containers, HostingModel::Lambda),
            "Containers are cheaper than serverless at every volume on the chart (1 k to 10 B \
             requests a month)"
        );
    }

    #[test]
    fn default_break_evens_are_exact() {
        let s = Scenario::default();
        let curves = CostCurves::compute(&s);
        let lambda_vm = curves
            .break_evens
            .iter()
            .find(|b| {
                b.cheaper_below == HostingModel::Lambda && b.cheaper_above == HostingModel::Vm
            })
            .unwrap();
        // VMs stay at 2 instances here, so $77.16 + LCUs = Lambda's $0.20 + $3.00 per million
        // past the free tier: about 27 M requests.
        assert!(!lambda_vm.at_step);
        assert_eq!(format_requests(lambda_vm.requests_per_month), "27 M");
        assert_eq!(
            lambda_vm.sentence(),
            "Above 27 M requests a month, virtual machines are cheaper than serverless"
        );
        let n = lambda_vm.requests_per_month;
        let gap =
            |n: f64| total_usd(&s, HostingModel::Lambda, n) - total_usd(&s, HostingModel::Vm, n);
        assert!(gap(n).abs() < 0.005 * lambda_vm.cost_usd, "{}", gap(n));
        assert!(
            gap(n).abs() < 1e-3,
            "bisection to 1e-6 leaves cents: {}",
            gap(n)
        );
        assert!(gap(n * 0.9) < 0.0 && gap(n * 1.1) > 0.0);
        // Sorted by volume.
        assert!(
            curves
                .break_evens
                .windows(2)
                .all(|w| w[0].requests_per_month <= w[1].requests_per_month)
        );
    }

    #[test]
    fn step_break_even_is_the_step() {
        // VMs vs on-premises with one big VM step: the difference jumps across zero when the
        // group adds its third instance, at 2 × 140 rps = 735.84 M requests a month.
        let mut s = Scenario::default();
        s.vm.hourly_usd = 0.9;
        s.vm.load_balancer = false;
        s.on_prem.min_servers = 1;
        s.on_prem.rps_per_server = 1e6;
        // 2 VMs = $1,314, 3 VMs = $1,971; the on-premises server costs $1,161.18 + a bit.
        s.on_prem.server_price_usd = 10_000.0 + 36.0 * 300.0;
        let curves = CostCurves::compute(&s);
        let step = curves
            .break_evens
            .iter()
            .find(|b| {
                b.cheaper_above == HostingModel::OnPrem && b.cheaper_below == HostingModel::Vm
            })
            .unwrap();
        assert!(step.at_step);
        let expected = 2.0 * 140.0 * SECONDS_PER_MONTH;
        assert!(
            (step.requests_per_month / expected - 1.0).abs() < 2e-6,
            "{step:?}"
        );
    }
}
