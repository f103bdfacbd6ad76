//! Inputs of the cold-start model: the runtime, the package and the init phases' settings. The
//! runtimes' measured init times live in `model::runtime`.

use serde::{Deserialize, Serialize};

/// A Lambda runtime, with lambda-perf's measured init durations (presets/README.md §3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Runtime {
    /// Node.js 20.
    #[default]
    Nodejs20,
    /// Node.js 22.
    Nodejs22,
    /// Python 3.12.
    Python312,
    /// Python 3.13.
    Python313,
    /// Java 17 (Corretto).
    Java17,
    /// Java 21 (Corretto).
    Java21,
    /// .NET 8 (managed runtime).
    Dotnet8,
    /// .NET 8 compiled ahead of time, on provided.al2023.
    Dotnet8Aot,
    /// Go on provided.al2023.
    Go,
    /// Rust on provided.al2023.
    Rust,
    /// Ruby 3.3.
    Ruby33,
}

/// How the function's code is packaged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PackageType {
    /// A ZIP archive on a managed runtime.
    #[default]
    Zip,
    /// A container image (you own the image's runtime and its patches).
    Image,
}

impl PackageType {
    /// Both package types, in display order.
    pub const ALL: [Self; 2] = [Self::Zip, Self::Image];

    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Zip => "ZIP archive",
            Self::Image => "Container image",
        }
    }
}

/// Inputs of the cold-start model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ColdStartSettings {
    /// The function's runtime.
    pub runtime: Runtime,
    /// ZIP archive or container image.
    pub package_type: PackageType,
    /// Creating the environment and downloading the code, in ms. Not part of the reported (billed)
    /// Init Duration; an assumption, editable.
    pub environment_ms: f64,
    /// Extension init, in ms (0 without extensions).
    pub extensions_init_ms: f64,
    /// Your own init code outside the handler (SDK clients, frameworks), in ms.
    pub function_init_ms: f64,
    /// Deployment package size in MB; larger packages take longer to load.
    pub package_size_mb: f64,
    /// Minutes an idle environment stays warm before it is reclaimed (measured 5–60 min).
    pub idle_reclaim_min: f64,
    /// Java SnapStart: restore a snapshot instead of running init.
    pub snapstart: bool,
    /// SnapStart restore time in ms (600–1,000 ms measured for a trivial function).
    pub snapstart_restore_ms: f64,
    /// Extra time of the first handler run in a new environment at 1,024 MB, in ms; it scales
    /// inversely with memory up to one full vCPU (1,769 MB). `None` uses the runtime's measured value.
    pub first_invoke_extra_ms_at_1gb: Option<f64>,
    /// Seed of the arrival jitter, so every run of the same scenario is identical.
    pub seed: u64,
}

impl Default for ColdStartSettings {
    fn default() -> Self {
        Self {
            runtime: Runtime::Nodejs20,
            package_type: PackageType::Zip,
            environment_ms: 80.0,
            extensions_init_ms: 0.0,
            function_init_ms: 100.0,
            package_size_mb: 1.0,
            idle_reclaim_min: 10.0,
            snapstart: false,
            snapstart_restore_ms: 800.0,
            first_invoke_extra_ms_at_1gb: None,
            seed: 42,
        }
    }
}
