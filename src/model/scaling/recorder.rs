//! Collects one model's steps into at most `MAX_SAMPLES` samples (rates averaged over the steps a
//! sample spans) and the summary over every step: peak capacity, catch-up time, idle share and
//! totals.

use super::samples::{ModelRun, ModelSummary, Sample};
use crate::model::scenario::HostingModel;

/// Collects one model's steps into decimated samples and the summary.
#[derive(Clone, Debug)]
pub(super) struct Recorder {
    model: HostingModel,
    duration_s: f64,
    stride: usize,
    samples: Vec<Sample>,
    last: Sample,
    /// Steps and time in the sample being built, and its requests (rate × time) so far.
    bucket_steps: usize,
    bucket_s: f64,
    bucket: Sample,
    peak_capacity: f64,
    idle: f64,
    paid: f64,
    first_short_s: Option<f64>,
    caught_up_s: Option<f64>,
    backlog_peak: f64,
}

impl Recorder {
    pub(super) fn new(model: HostingModel, first: Sample, stride: usize, duration_s: f64) -> Self {
        let mut recorder = Self {
            model,
            duration_s,
            stride,
            samples: vec![first],
            last: first,
            bucket_steps: 0,
            bucket_s: 0.0,
            bucket: Sample::default(),
            peak_capacity: 0.0,
            idle: 0.0,
            paid: 0.0,
            first_short_s: None,
            caught_up_s: None,
            backlog_peak: first.backlog,
        };
        recorder.note_peak(&first);
        recorder
    }

    fn note_peak(&mut self, sample: &Sample) {
        let concurrent = match self.model {
            HostingModel::Lambda => sample.booting_units + sample.serving_units,
            HostingModel::OnPrem | HostingModel::Vm | HostingModel::Containers => {
                sample.capacity_rps * self.duration_s
            }
        };
        self.peak_capacity = self.peak_capacity.max(concurrent);
    }

    pub(super) fn record(&mut self, sample: &Sample, t0_s: f64, dt_s: f64) {
        self.note_peak(sample);
        self.idle += sample.idle_rps * dt_s;
        self.paid += (sample.served_rps + sample.idle_rps) * dt_s;
        self.backlog_peak = self.backlog_peak.max(sample.backlog);
        let short = sample.is_short();
        if short && self.first_short_s.is_none() {
            self.first_short_s = Some(t0_s);
        } else if !short && self.first_short_s.is_some() && self.caught_up_s.is_none() {
            self.caught_up_s = Some(t0_s);
        }

        let b = &mut self.bucket;
        b.demand_rps += sample.demand_rps * dt_s;
        b.capacity_rps += sample.capacity_rps * dt_s;
        b.served_rps += sample.served_rps * dt_s;
        b.dropped_rps += sample.dropped_rps * dt_s;
        b.idle_rps += sample.idle_rps * dt_s;
        self.bucket_s += dt_s;
        self.bucket_steps += 1;
        self.last = *sample;
        if self.bucket_steps >= self.stride {
            self.flush();
        }
    }

    /// Closes the sample being built: rates averaged over its time, counts and totals at its end.
    fn flush(&mut self) {
        if self.bucket_steps == 0 {
            return;
        }
        let span_s = self.bucket_s.max(f64::MIN_POSITIVE);
        let b = self.bucket;
        self.samples.push(Sample {
            demand_rps: b.demand_rps / span_s,
            capacity_rps: b.capacity_rps / span_s,
            served_rps: b.served_rps / span_s,
            dropped_rps: b.dropped_rps / span_s,
            idle_rps: b.idle_rps / span_s,
            ..self.last
        });
        self.bucket = Sample::default();
        self.bucket_s = 0.0;
        self.bucket_steps = 0;
    }

    pub(super) fn finish(mut self, end_s: f64) -> ModelRun {
        self.flush();
        // Whole requests, rounded once here so that every view and `report` show the same
        // counts and they add up: served + dropped + still waiting = offered.
        let last = &self.last;
        let offered = (last.cumulative_served + last.cumulative_dropped + last.backlog).round();
        let served = last.cumulative_served.round().min(offered);
        let waiting = last.backlog.round().min(offered - served);
        let dropped = offered - served - waiting;
        let summary = ModelSummary {
            peak_capacity: self.peak_capacity,
            offered_requests: offered,
            served_requests: served,
            dropped_requests: dropped,
            backlog_peak: self.backlog_peak.round(),
            max_wait_s: last.max_wait_s,
            expired_requests: last.cumulative_expired.round().min(dropped),
            waiting_at_end: waiting,
            catch_up_s: self
                .first_short_s
                .map(|first| self.caught_up_s.unwrap_or(end_s) - first),
            idle_capacity_share: if self.paid > 0.0 {
                (self.idle / self.paid).clamp(0.0, 1.0)
            } else {
                0.0
            },
            // Filled in by pricing, from the last sample's usage.
            cost_usd: 0.0,
        };
        ModelRun {
            samples: self.samples,
            summary,
        }
    }
}
