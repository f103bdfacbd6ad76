//! How each hosting model's capacity follows the scenario's traffic: a deterministic fluid
//! simulation (request rates, not individual requests) of on-premises servers, an EC2 Auto Scaling
//! group, container tasks and Lambda environments, stepped in fixed simulated time.
//!
//! `run` steps the `simulator`, which steps one model each in `lambda`, `fleets` and `on_prem`
//! (sharing `step`), and keeps the work waiting under a queue, stream or asynchronous trigger in a
//! `backlog` per model; the `recorder` turns steps into `samples`, which count each model's `usage`;
//! `pricing` turns usage into cost in a separate pass, so a changed price needs no new
//! simulation; `highlights` reads a finished run.
//! Everything is used through this module's paths (`model::scaling::ScalingRun`, …).

mod backlog;
#[cfg(test)]
mod behaviour;
mod fleets;
mod highlights;
mod lambda;
mod on_prem;
mod per_model;
mod pricing;
#[cfg(test)]
mod properties;
mod recorder;
mod run;
mod samples;
mod simulator;
mod step;
#[cfg(test)]
mod triggers;
mod usage;

pub use highlights::{Growth, Shortfall};
pub use lambda::{LAMBDA_2022_PER_MIN, LAMBDA_BURST_ENVIRONMENTS, LAMBDA_REFILL_PER_S};
pub use per_model::PerModel;
pub use run::{DT_S, MAX_SAMPLES, ScalingRun};
pub use samples::{ModelRun, ModelSummary, Sample};
pub use simulator::Simulator;
pub use step::rps_per_unit;
pub use usage::Usage;

/// Every simplification the simulation makes, for the app to show.
pub const ASSUMPTIONS: &[&str] = &[
    "A fluid model: request rates, not single requests, move in fixed steps of 0.5 s of \
     simulated time, so a run's cost grows with its length and not with the request rate.",
    "HTTP trigger: requests that find no free capacity are dropped at once; nothing queues or \
     retries them (Lambda answers HTTP 429, servers shed load).",
    "Queue, stream and asynchronous triggers: work that finds no free capacity waits and is \
     served oldest first as soon as capacity frees up; every model reads the same queue or \
     stream. A wait is counted in whole steps of 0.5 s.",
    "SQS queue: Lambda's event source mapping starts with 5 concurrent batches, adds up to 300 \
     a minute while messages wait, and stops at 1,000 or at its maximum concurrency; with \
     nothing waiting it keeps the batches in use (at least 5). Traffic counts batches.",
    "Stream (Kinesis, DynamoDB): Lambda runs shards × parallelization batches at once, however \
     high the traffic, and so does every other consumer (one batch per shard at a time, at the \
     function's duration), so no model serves more than that a second; records wait in their \
     shard (retention, 24 hours by default, is not reached here). Traffic counts batches.",
    "Asynchronous events (S3, SNS, EventBridge): Lambda queues each event; a throttled event is \
     retried until it is 6 hours old (the default maximum event age) and then dropped. Retries \
     here happen as soon as capacity frees up; real retries back off, and an event may be \
     delivered twice.",
    "Fleets and servers reading a queue or stream poll it: what they cannot serve waits, and the \
     scaling policy sizes the fleet for the arrival rate plus clearing the waiting work within \
     one metric period.",
    "Traffic was steady before t = 0: every model starts with the capacity its first rate needs \
     (Lambda: at least its provisioned concurrency), and Lambda's scaling allowance is full.",
    "Lambda (since Nov 2023): a function adds up to 1,000 execution environments at once, \
     regained at 100 per second, up to the account's concurrency limit and the reserved \
     concurrency when set; provisioned environments count toward both.",
    "Lambda 2022 rules: the initial burst is applied to this function alone (it was shared by \
     the account), then +500 environments a minute while demand exceeds what exists; the burst \
     is available again once demand is met.",
    "A new Lambda environment spends its cold start (the init phases of the cold-start view) \
     before it serves at full speed. The request that created it waits rather than being \
     throttled, so while initialising it serves one request per init time plus duration, and \
     a fast ramp creates a few more environments than the steady rate needs.",
    "Lambda environments not busy at any moment during the idle reclaim time are reclaimed \
     (scale to zero); provisioned environments never are.",
    "Lambda cost here: requests, duration at the first-tier rate (at the provisioned duration \
     rate for requests provisioned environments serve), provisioned GB-s configured, the billed \
     INIT of new environments when INIT billing is on, and ephemeral storage above 512 MB; no \
     free tier.",
    "Virtual machines: every metric period the Auto Scaling policy sets the desired count from \
     the average demand over that period (target tracking, within the minimum and maximum). New \
     instances are paid from launch but serve only after boot, application start and health \
     checks; scale-in waits for the cooldown since the last scaling action; an instance serves up \
     to 100% of its rated requests per second.",
    "Containers: the same policy for tasks, which serve after the task start time. On EC2 nodes a \
     task also needs a free slot on a running node; nodes are launched when the service scales \
     out, boot before tasks can be placed, and scale in with the tasks.",
    "Cloud capacity is billed per second while it runs (no 60-second minimum). Load balancers, \
     API gateways, the EKS control plane and data transfer are left to the cost view.",
    "On-premises: a fixed fleet sized for the month's peak (requests a month times the \
     peak-to-average ratio). A new server takes the procurement time in days, longer than any \
     timeline here, so capacity never changes. Its cost is the monthly cost (amortisation, power \
     times PUE, colocation, the administrators' share) spread evenly over the month's seconds.",
    "Peak capacity is the most requests a model could serve at once: Lambda's most execution \
     environments; for the others, the most requests per second they could serve times the \
     average duration.",
    "Catch-up time runs from the first step in which demand exceeds capacity (or work is left \
     waiting) to the first later step in which capacity meets demand again and nothing waits; \
     if that never happens it runs to the end of the timeline.",
    "Idle capacity share: paid capacity left unused divided by all paid capacity (served plus \
     unused); for Lambda only provisioned concurrency is paid for while idle.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assumptions_are_stated() {
        assert!(ASSUMPTIONS.len() >= 10);
        assert!(ASSUMPTIONS.iter().all(|a| a.ends_with('.')));
    }
}
