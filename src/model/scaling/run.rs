//! A scaling run: the whole traffic timeline simulated for all four models in fixed steps, with
//! each model's decimated samples and summary, and the sample under the playhead.

use super::per_model::PerModel;
use super::recorder::Recorder;
use super::samples::{ModelRun, ModelSummary, Sample};
use super::simulator::Simulator;
use super::step::TIME_EPS_S;
use crate::model::scenario::{HostingModel, Scenario};
use crate::model::traffic::TrafficError;

/// Simulated time of one step, s. Small against every delay that matters (Lambda's 10-second
/// refill, boots of tens of seconds), and fixed, so a run's cost is linear in its length.
pub const DT_S: f64 = 0.5;

/// Most samples kept per model for drawing; the summary still uses every step.
pub const MAX_SAMPLES: usize = 4_000;

/// The whole traffic timeline simulated for all four models.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScalingRun {
    /// Step used, s.
    pub dt_s: f64,
    /// Start of the timeline (the first traffic point), s.
    pub start_s: f64,
    /// End of the timeline (the last traffic point), s.
    pub end_s: f64,
    /// Requests offered over the timeline (the integral of demand).
    pub offered_requests: f64,
    /// Each model's samples and summary.
    pub models: PerModel<ModelRun>,
    /// Why the scenario's traffic was refused, if it was; the run is then empty.
    pub traffic_error: Option<TrafficError>,
}

impl ScalingRun {
    /// Simulates the scenario's whole traffic timeline in steps of [`DT_S`].
    ///
    /// A scenario that passed `Scenario::validate` always has usable traffic; if the traffic is
    /// refused anyway, the run has no samples, zero summaries and `traffic_error` set.
    pub fn simulate(s: &Scenario) -> Self {
        let mut sim = match Simulator::new(s) {
            Ok(sim) => sim,
            Err(error) => {
                return Self {
                    dt_s: DT_S,
                    traffic_error: Some(error),
                    ..Self::default()
                };
            }
        };
        let start_s = sim.traffic.start_s();
        let end_s = sim.traffic.end_s();
        let steps = ((end_s - start_s) / DT_S).ceil() as usize;
        let stride = steps.div_ceil(MAX_SAMPLES - 1).max(1);
        let duration_s = sim.lambda.duration_s;
        let mut recorders = sim
            .latest
            .map(|model, first| Recorder::new(model, *first, stride, duration_s));
        while end_s - sim.t_s > TIME_EPS_S {
            let t0_s = sim.t_s;
            let dt_s = DT_S.min(end_s - t0_s);
            let samples = *sim.step(dt_s);
            for model in HostingModel::ALL {
                recorders
                    .get_mut(model)
                    .record(samples.get(model), t0_s, dt_s);
            }
        }
        let models = recorders.into_map(|_, recorder| recorder.finish(end_s));
        Self {
            dt_s: DT_S,
            start_s,
            end_s,
            offered_requests: sim.traffic.requests_between(start_s, end_s),
            models,
            traffic_error: None,
        }
    }

    /// One model's samples and summary.
    pub fn model(&self, model: HostingModel) -> &ModelRun {
        self.models.get(model)
    }

    /// Every model's summary, for the `report` command (`scaling.{lambda, vm, …}`).
    pub fn summaries(&self) -> PerModel<ModelSummary> {
        self.models.map(|_, run| run.summary.clone())
    }

    /// The sample at or before `t_s` for the playhead (the first sample before the start);
    /// `None` only for an empty run.
    pub fn sample_at(&self, model: HostingModel, t_s: f64) -> Option<&Sample> {
        let samples = &self.models.get(model).samples;
        let after = samples.partition_point(|sample| sample.t_s <= t_s);
        samples.get(after.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::traffic::{ShapeParams, TrafficShape};

    #[test]
    fn catch_up_is_none_within_capacity_and_some_for_the_spike() {
        let flat = Scenario {
            traffic: vec![(0.0, 50.0), (600.0, 50.0)],
            ..Scenario::default()
        };
        let run = ScalingRun::simulate(&flat);
        for model in HostingModel::ALL {
            assert_eq!(run.model(model).summary.catch_up_s, None, "{model:?}");
            assert_eq!(run.model(model).summary.dropped_requests, 0.0, "{model:?}");
        }
        let run = ScalingRun::simulate(&Scenario::default());
        let catch_up = |m| run.model(m).summary.catch_up_s.unwrap();
        for model in HostingModel::ALL {
            assert!(catch_up(model) > 0.0, "{model:?}");
        }
        assert!(catch_up(HostingModel::Lambda) < catch_up(HostingModel::Vm));
        assert!(catch_up(HostingModel::Containers) < catch_up(HostingModel::Vm));
    }

    #[test]
    fn catch_up_runs_to_the_end_when_capacity_never_meets_demand() {
        let s = Scenario {
            traffic: vec![
                (0.0, 1.0),
                (100.0, 1.0),
                (101.0, 100_000.0),
                (300.0, 100_000.0),
            ],
            ..Scenario::default()
        };
        let run = ScalingRun::simulate(&s);
        let on_prem = run.model(HostingModel::OnPrem).summary.catch_up_s.unwrap();
        assert!((200.0 - DT_S..=200.0).contains(&on_prem), "{on_prem}");
    }

    #[test]
    fn long_runs_are_decimated_and_the_playhead_finds_samples() {
        let day = TrafficShape::DailyCycle.points(&ShapeParams::default());
        let run = ScalingRun::simulate(&Scenario {
            traffic: day,
            ..Scenario::default()
        });
        for model in HostingModel::ALL {
            let samples = &run.model(model).samples;
            assert!(samples.len() <= MAX_SAMPLES && samples.len() > MAX_SAMPLES / 2);
            assert_eq!(samples.last().unwrap().t_s, run.end_s);
        }
        let x = run.sample_at(HostingModel::Vm, 3_600.0).unwrap();
        assert!(x.t_s <= 3_600.0 && x.t_s > 3_600.0 - 30.0);
        assert_eq!(run.sample_at(HostingModel::Vm, -1.0).unwrap().t_s, 0.0);
        assert_eq!(run.sample_at(HostingModel::Vm, 1e9).unwrap().t_s, run.end_s);
        // Averaged rates keep the areas: samples' served + dropped still sum to the offered.
        let samples = &run.model(HostingModel::Lambda).samples;
        let area: f64 = samples
            .windows(2)
            .map(|w| (w[1].served_rps + w[1].dropped_rps) * (w[1].t_s - w[0].t_s))
            .sum();
        assert!((area - run.offered_requests).abs() <= 1e-6 * run.offered_requests);
    }

    #[test]
    fn stepping_directly_matches_the_run() {
        let s = Scenario::default();
        let mut sim = Simulator::new(&s).unwrap();
        let unchanged = *sim.step(0.0);
        assert_eq!(unchanged, *sim.latest());
        while sim.t_s() < 600.0 {
            sim.step(DT_S);
        }
        let run = ScalingRun::simulate(&s);
        for model in HostingModel::ALL {
            assert_eq!(
                sim.latest().get(model).cumulative_served,
                run.model(model).summary.served_requests
            );
        }
    }

    #[test]
    fn refused_traffic_gives_an_empty_run() {
        let s = Scenario {
            traffic: vec![(0.0, 1.0)],
            ..Scenario::default()
        };
        assert!(Simulator::new(&s).is_err());
        let run = ScalingRun::simulate(&s);
        assert!(run.traffic_error.is_some());
        assert!(run.sample_at(HostingModel::Lambda, 0.0).is_none());
    }

    #[test]
    fn summaries_serialise_with_the_report_keys() {
        let run = ScalingRun::simulate(&Scenario::default());
        let json = serde_json::to_value(run.summaries()).unwrap();
        for key in ["lambda", "vm", "containers", "on_prem"] {
            for field in [
                "peak_capacity",
                "served_requests",
                "dropped_requests",
                "catch_up_s",
            ] {
                assert!(json[key].get(field).is_some(), "{key}.{field}");
            }
        }
    }
}
