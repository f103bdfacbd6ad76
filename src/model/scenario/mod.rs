//! The scenario: one preset's worth of inputs (workload, traffic, Lambda, the alternatives, rates),
//! its defaults and its validation. The field names of `workload`, `lambda` and `traffic` are the
//! public preset format contract (documented in presets/README.md) and must not change.
//!
//! One file per part of the preset; everything is used through this module's paths
//! (`model::scenario::Scenario`, `model::scenario::Rates`, …).

mod alternatives;
mod cold_start;
mod hosting_model;
mod lambda;
mod purchase;
mod rates;
mod regions;
mod trigger;
mod validation;
mod whole;
mod workload;

pub use alternatives::{ContainerSettings, LaunchType, OnPremSettings, Orchestrator, VmSettings};
pub use cold_start::{ColdStartSettings, PackageType, Runtime};
pub use hosting_model::HostingModel;
pub use lambda::{FrontDoor, LambdaSettings, ScalingRules};
pub use purchase::{CommitTo, Purchase, SavingsPlanKind, Term};
pub use rates::{CommitmentRates, EventSourceRates, InstancePrice, LambdaArchRates, Rates, Tier};
pub use regions::{BUILT_IN_REGIONS, BuiltInRegion, built_in_rates, reprice_fleets};
pub use trigger::{
    ASYNC_MAX_EVENT_AGE_S, EventSource, SQS_ADD_PER_MINUTE, SQS_MAX_CONCURRENCY,
    SQS_MAX_CONCURRENCY_RANGE, SQS_START_CONCURRENCY, STREAM_PARALLELIZATION_RANGE,
    STREAM_SHARDS_RANGE, Trigger, event_source_of, work_unit_sentence,
};
pub use validation::{MAX_TRAFFIC_POINTS, MAX_TRAFFIC_RPS, MAX_TRAFFIC_SECS, ValidationError};
pub use whole::{FORMAT_VERSION, HOURS_PER_MONTH, SECONDS_PER_MONTH, Scenario};
pub use workload::{Architecture, Workload};
