//! The workload: volume, duration, memory, storage and processor architecture of one function.

use serde::{Deserialize, Serialize};

use super::trigger::{EventSource, Trigger};

/// Processor architecture of a Lambda function or a container task.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Architecture {
    /// Intel/AMD 64-bit.
    #[default]
    X86_64,
    /// AWS Graviton (ARM 64-bit), cheaper per GB-second.
    Arm64,
}

impl Architecture {
    /// Both architectures, in display order.
    pub const ALL: [Self; 2] = [Self::X86_64, Self::Arm64];

    /// Short label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::X86_64 => "x86_64",
            Self::Arm64 => "arm64",
        }
    }
}

/// The workload: volume, duration and size of one function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Workload {
    /// Monthly request volume; drives the bill.
    pub requests_per_month: u64,
    /// Average billed duration of one request at `memory_mb`, in milliseconds.
    pub avg_duration_ms: f64,
    /// Lambda memory in MB, 128..=10240.
    pub memory_mb: u32,
    /// Lambda architecture.
    pub architecture: Architecture,
    /// Lambda ephemeral storage (/tmp) in MB, 512..=10240; only the part above 512 MB is billed.
    pub ephemeral_storage_mb: u32,
    /// Busiest hour's request rate divided by the month's average rate. Always-on models are sized
    /// for this peak, because they cannot scale within seconds the way Lambda does.
    pub peak_to_average: f64,
    /// Share of the duration spent computing (0–1); the rest waits on I/O and does not speed up
    /// with more memory. Used by the memory sweep.
    pub cpu_bound_share: f64,
    /// Threads the function computes on (1–6): one thread cannot use more than one vCPU.
    pub threads: u32,
    /// What invokes the function: HTTP (work beyond capacity is dropped), a queue, a stream or an
    /// asynchronous event (work waits).
    pub trigger: Trigger,
    /// The service the work comes through; `None` for the trigger's usual one (SQS, Kinesis, S3).
    pub event_source: Option<EventSource>,
    /// Messages or records in one batch (1–10,000) for a queue or a stream; the event source's
    /// bill counts them.
    pub batch_size: u32,
}

impl Default for Workload {
    fn default() -> Self {
        Self {
            requests_per_month: 3_000_000,
            avg_duration_ms: 120.0,
            memory_mb: 1536,
            architecture: Architecture::X86_64,
            ephemeral_storage_mb: 512,
            peak_to_average: 3.0,
            cpu_bound_share: 0.5,
            threads: 1,
            trigger: Trigger::Http,
            event_source: None,
            batch_size: 1,
        }
    }
}
