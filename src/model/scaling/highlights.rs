//! What a run tells in words and pictures: how each model's serving units grew, how its shortfall
//! ended, and the telling moment for a still picture.

use super::run::ScalingRun;
use super::samples::Sample;
use crate::model::scenario::HostingModel;

/// What a run tells beyond its samples.
impl ScalingRun {
    /// How one model's serving units grew over the timeline (from its samples), for the plain
    /// sentence the scaling view writes under its numbers.
    pub fn growth(&self, model: HostingModel) -> Growth {
        let samples = &self.models.get(model).samples;
        let Some(first) = samples.first() else {
            return Growth::default();
        };
        let start_units = first.serving_units;
        let mut growth = Growth {
            start_units,
            peak_units: start_units,
            first_added_s: None,
            peak_s: first.t_s,
        };
        for x in samples {
            // Half a unit of slack: Lambda's counts are whole, the fleets' too, so this only
            // forgives rounding.
            if growth.first_added_s.is_none()
                && x.serving_units + x.booting_units > start_units + 0.5
            {
                growth.first_added_s = Some(x.t_s);
            }
            if x.serving_units > growth.peak_units + 1e-9 {
                growth.peak_units = x.serving_units;
                growth.peak_s = x.t_s;
            }
        }
        growth
    }

    /// A moment worth a still picture: the middle of the longest stretch in which the most
    /// models fall short of demand at once; the start if none ever does.
    pub fn telling_moment_s(&self) -> f64 {
        // Every model records the same steps, so samples line up by index.
        let short_at = |i: usize| {
            HostingModel::ALL
                .into_iter()
                .filter(|&m| {
                    self.models
                        .get(m)
                        .samples
                        .get(i)
                        .is_some_and(Sample::is_short)
                })
                .count()
        };
        let times = &self.models.lambda.samples;
        // (models short, length of the stretch, its middle), best so far and current.
        let mut best = (0, 0.0, self.start_s);
        let mut current: Option<(usize, f64)> = None;
        for (i, sample) in times.iter().enumerate() {
            let count = short_at(i);
            if let Some((c, from_s)) = current
                && c != count
            {
                let stretch = (c, sample.t_s - from_s, f64::midpoint(from_s, sample.t_s));
                if (stretch.0, stretch.1) > (best.0, best.1) {
                    best = stretch;
                }
                current = None;
            }
            if count > 0 && current.is_none() {
                current = Some((count, sample.t_s));
            }
        }
        if let Some((c, from_s)) = current {
            let stretch = (c, self.end_s - from_s, f64::midpoint(from_s, self.end_s));
            if (stretch.0, stretch.1) > (best.0, best.1) {
                best = stretch;
            }
        }
        best.2
    }

    /// How one model's shortfall ended, if demand ever exceeded its capacity: whether capacity
    /// grew to meet the worst demand of the shortfall, or demand fell first, or neither.
    pub fn shortfall(&self, model: HostingModel) -> Shortfall {
        let run = self.models.get(model);
        let Some(after_s) = run.summary.catch_up_s else {
            return Shortfall::Never;
        };
        let samples = &run.samples;
        let Some(begin) = samples.iter().position(Sample::is_short) else {
            // Decimated samples average a very short shortfall away; it did end.
            return Shortfall::CaughtUp { after_s };
        };
        let rest = samples.get(begin..).unwrap_or_default();
        let Some(end) = rest.iter().position(|x| !x.is_short()) else {
            return Shortfall::ToTheEnd { after_s };
        };
        let worst_rps = rest
            .get(..end)
            .unwrap_or_default()
            .iter()
            .map(|x| x.demand_rps)
            .fold(0.0, f64::max);
        let capacity_rps = rest.get(end).map_or(0.0, |x| x.capacity_rps);
        if capacity_rps >= worst_rps * (1.0 - 1e-9) {
            Shortfall::CaughtUp { after_s }
        } else {
            Shortfall::UntilDemandFell { after_s }
        }
    }
}

/// How a model's serving units grew over the timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Growth {
    /// Units serving at the start: Lambda environments, instances, tasks or servers.
    pub start_units: f64,
    /// The most units serving at once.
    pub peak_units: f64,
    /// When units beyond the start were first on their way or serving, s; `None` if never.
    pub first_added_s: Option<f64>,
    /// When the serving units first reached their peak, s.
    pub peak_s: f64,
}

/// How a model's shortfall (demand above capacity) ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shortfall {
    /// Capacity always met demand.
    Never,
    /// Capacity grew to meet the worst demand of the shortfall.
    CaughtUp {
        /// Seconds from the first shortfall until capacity met demand.
        after_s: f64,
    },
    /// Capacity never reached the worst demand; the shortfall ended because demand fell.
    UntilDemandFell {
        /// Seconds from the first shortfall until demand fell within capacity.
        after_s: f64,
    },
    /// Still short at the end of the timeline.
    ToTheEnd {
        /// Seconds from the first shortfall to the end of the timeline.
        after_s: f64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Scenario;

    #[test]
    fn growth_and_shortfall_tell_the_default_spike() {
        let s = Scenario::default();
        let run = ScalingRun::simulate(&s);
        // Lambda adds its environments within seconds of the ramp (60 to 65 s) and never falls
        // short; the VMs launch at the 120 s metric tick and serve 65 s later.
        let lambda = run.growth(HostingModel::Lambda);
        let added = lambda.first_added_s.unwrap();
        assert!((60.0..66.0).contains(&added), "{added}");
        assert!(lambda.peak_s - added < 15.0, "{lambda:?}");
        assert!(lambda.peak_units > 500.0);
        let vm = run.growth(HostingModel::Vm);
        assert_eq!(vm.start_units, f64::from(s.vm.min_instances));
        assert_eq!(vm.peak_units, f64::from(s.vm.max_instances));
        assert!(
            (120.0..122.0).contains(&vm.first_added_s.unwrap()),
            "{vm:?}"
        );
        let on_prem = run.growth(HostingModel::OnPrem);
        assert_eq!(on_prem.first_added_s, None);
        assert_eq!(on_prem.peak_units, on_prem.start_units);
        // 40 instances × 200 rps cannot reach 10,000 rps: the VMs are short until demand falls,
        // the containers catch up, and the fixed servers never grow.
        assert!(matches!(
            run.shortfall(HostingModel::Vm),
            Shortfall::UntilDemandFell { .. }
        ));
        assert!(matches!(
            run.shortfall(HostingModel::Containers),
            Shortfall::CaughtUp { .. }
        ));
        assert!(matches!(
            run.shortfall(HostingModel::OnPrem),
            Shortfall::UntilDemandFell { .. }
        ));
    }

    #[test]
    fn shortfall_is_never_within_capacity_and_to_the_end_without_it() {
        let flat = ScalingRun::simulate(&Scenario {
            traffic: vec![(0.0, 50.0), (600.0, 50.0)],
            ..Scenario::default()
        });
        for model in HostingModel::ALL {
            assert_eq!(flat.shortfall(model), Shortfall::Never, "{model:?}");
        }
        let flood = ScalingRun::simulate(&Scenario {
            traffic: vec![(0.0, 1.0), (100.0, 1.0), (101.0, 1e5), (300.0, 1e5)],
            ..Scenario::default()
        });
        assert!(matches!(
            flood.shortfall(HostingModel::OnPrem),
            Shortfall::ToTheEnd { .. }
        ));
        assert_eq!(
            ScalingRun::default().growth(HostingModel::Vm),
            Growth::default()
        );
    }

    #[test]
    fn the_telling_moment_is_while_three_models_shed_the_spike() {
        let run = ScalingRun::simulate(&Scenario::default());
        let t = run.telling_moment_s();
        // Lambda has caught up by 66 s; the containers' first tasks serve at 165 s.
        assert!((66.0..165.0).contains(&t), "{t}");
        for model in [
            HostingModel::OnPrem,
            HostingModel::Vm,
            HostingModel::Containers,
        ] {
            assert!(run.sample_at(model, t).unwrap().is_short(), "{model:?}");
        }
        let flat = ScalingRun::simulate(&Scenario {
            traffic: vec![(5.0, 50.0), (600.0, 50.0)],
            ..Scenario::default()
        });
        assert_eq!(flat.telling_moment_s(), 5.0);
    }
}
