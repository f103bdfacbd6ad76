//! Lambda runtimes and the phases of one cold start: measured init durations (lambda-perf,
//! presets/README.md §3), the package-size effect, SnapStart, and the cold-start share used by the monthly bill.

use super::scenario::{Architecture, PackageType, Runtime, Scenario};

/// Where the init durations come from, for tooltips.
pub const INIT_SOURCE: &str = "lambda-perf (github.com/maxday/lambda-perf), hello-world functions, us-east-1, mean of 40 \
     samples, data of 2026-08-22";

impl Runtime {
    /// Every runtime, in display order.
    pub const ALL: [Self; 11] = [
        Self::Nodejs20,
        Self::Nodejs22,
        Self::Python312,
        Self::Python313,
        Self::Java17,
        Self::Java21,
        Self::Dotnet8,
        Self::Dotnet8Aot,
        Self::Go,
        Self::Rust,
        Self::Ruby33,
    ];

    /// Label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Nodejs20 => "Node.js 20",
            Self::Nodejs22 => "Node.js 22",
            Self::Python312 => "Python 3.12",
            Self::Python313 => "Python 3.13",
            Self::Java17 => "Java 17",
            Self::Java21 => "Java 21",
            Self::Dotnet8 => ".NET 8",
            Self::Dotnet8Aot => ".NET 8 AOT",
            Self::Go => "Go",
            Self::Rust => "Rust",
            Self::Ruby33 => "Ruby 3.3",
        }
    }

    /// Whether SnapStart can be used with this runtime in the model (Java, where it is free).
    pub fn supports_snapstart(self) -> bool {
        matches!(self, Self::Java17 | Self::Java21)
    }

    /// Measured Init Duration of a hello-world function, in ms (lambda-perf, presets/README.md §3).
    pub fn init_ms(self, architecture: Architecture, package: PackageType) -> f64 {
        // Columns: zip x86_64, zip arm64, image x86_64, image arm64.
        let row: [f64; 4] = match self {
            Self::Nodejs20 => [140.0, 126.0, 273.0, 237.0],
            Self::Nodejs22 => [141.0, 127.0, 332.0, 274.0],
            Self::Python312 => [83.0, 78.0, 182.0, 162.0],
            Self::Python313 => [87.0, 80.0, 169.0, 151.0],
            Self::Java17 => [203.0, 217.0, 342.0, 342.0],
            Self::Java21 => [237.0, 255.0, 365.0, 367.0],
            Self::Dotnet8 => [252.0, 305.0, 454.0, 490.0],
            Self::Dotnet8Aot => [87.0, 76.0, 64.0, 76.0],
            Self::Go => [49.0, 43.0, 54.0, 44.0],
            Self::Rust => [16.0, 14.0, 40.0, 34.0],
            Self::Ruby33 => [243.0, 300.0, 281.0, 285.0],
        };
        let [zip_x86, zip_arm, image_x86, image_arm] = row;
        match (package, architecture) {
            (PackageType::Zip, Architecture::X86_64) => zip_x86,
            (PackageType::Zip, Architecture::Arm64) => zip_arm,
            (PackageType::Image, Architecture::X86_64) => image_x86,
            (PackageType::Image, Architecture::Arm64) => image_arm,
        }
    }

    /// Measured extra time of the first handler run at 1,024 MB, in ms, where one is known
    /// (.NET 8: 75 ms at 1,024 MB, lambda-perf); 0 for runtimes without a measurement.
    pub fn first_invoke_extra_ms_at_1gb(self) -> f64 {
        match self {
            Self::Dotnet8 => 75.0,
            _ => 0.0,
        }
    }
}

/// Measured end-to-end cold starts of Node.js 20 at 256 MB by package size (MB, ms), presets/README.md §3.
const PACKAGE_SIZE_POINTS: [(f64, f64); 5] = [
    (0.001, 242.0),
    (1.0, 297.0),
    (8.0, 474.0),
    (32.0, 1354.0),
    (64.0, 3184.0),
];

/// Extra load time of a deployment package of `size_mb` over a 1 KB one, in ms.
///
/// Interpolated linearly between the measured points (Node.js 20, third-party) and extended past
/// 64 MB with the slope of the last segment; applied to every runtime as a stated simplification.
pub fn package_load_ms(size_mb: f64) -> f64 {
    let size_mb = size_mb.max(0.0);
    let base = PACKAGE_SIZE_POINTS[0].1;
    let mut previous = PACKAGE_SIZE_POINTS[0];
    if size_mb <= previous.0 {
        return 0.0;
    }
    for &point in &PACKAGE_SIZE_POINTS[1..] {
        if size_mb <= point.0 {
            let f = (size_mb - previous.0) / (point.0 - previous.0);
            return previous.1 + f * (point.1 - previous.1) - base;
        }
        previous = point;
    }
    let [.., (x0, y0), (x1, y1)] = PACKAGE_SIZE_POINTS;
    y1 + (size_mb - x1) * (y1 - y0) / (x1 - x0) - base
}

/// The phases of one cold start of the scenario's function, in ms.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct InitPhases {
    /// Create the execution environment and download the code, including the package-size effect.
    /// Not part of the reported Init Duration, so not billed.
    pub environment_ms: f64,
    /// Extension init.
    pub extensions_ms: f64,
    /// Runtime init (lambda-perf's hello-world Init Duration).
    pub runtime_ms: f64,
    /// Your code's init outside the handler.
    pub function_ms: f64,
    /// SnapStart restore, replacing runtime and function init (0 without SnapStart).
    pub restore_ms: f64,
    /// Extra time of the first handler run in a new environment, scaled by memory.
    pub first_invoke_extra_ms: f64,
}

impl InitPhases {
    /// The phases for a scenario's function.
    pub fn of(scenario: &Scenario) -> Self {
        let cs = &scenario.cold_start;
        let runtime = cs.runtime;
        let snapstart = cs.snapstart && runtime.supports_snapstart();
        let runtime_ms = runtime.init_ms(scenario.workload.architecture, cs.package_type);
        let at_1gb = cs
            .first_invoke_extra_ms_at_1gb
            .unwrap_or_else(|| runtime.first_invoke_extra_ms_at_1gb());
        // The first run gets the function's CPU share, which grows with memory up to one vCPU at
        // 1,769 MB; measured .NET figures halve with each doubling of memory.
        let cpu_memory_mb = f64::from(scenario.workload.memory_mb).min(1769.0);
        let first_invoke_extra_ms = at_1gb * 1024.0 / cpu_memory_mb;
        Self {
            environment_ms: cs.environment_ms + package_load_ms(cs.package_size_mb),
            extensions_ms: cs.extensions_init_ms,
            runtime_ms: if snapstart { 0.0 } else { runtime_ms },
            function_ms: if snapstart { 0.0 } else { cs.function_init_ms },
            restore_ms: if snapstart {
                cs.snapstart_restore_ms
            } else {
                0.0
            },
            first_invoke_extra_ms,
        }
    }

    /// The Init Duration Lambda reports and, since Aug 2025, bills: extensions, runtime and your
    /// init. A SnapStart restore of a Java function is not billed as INIT.
    pub fn billed_init_ms(&self) -> f64 {
        self.extensions_ms + self.runtime_ms + self.function_ms
    }

    /// Everything a cold request waits for before its handler starts, in ms.
    pub fn total_ms(&self) -> f64 {
        self.environment_ms
            + self.extensions_ms
            + self.runtime_ms
            + self.function_ms
            + self.restore_ms
    }
}

/// Estimated share of a month's invocations that are cold starts at `requests_per_month`, used by
/// the INIT line of the bill unless the scenario sets `lambda.cold_start_ratio`.
///
/// Simplification, stated in the app: requests arrive at random (Poisson) at the month's average
/// rate, and a request is cold when no request came in the preceding idle reclaim time, so the share
/// is `exp(-rate × idle time)`. Scaling-driven cold starts during spikes are shown by the scaling
/// and cold-start views, not added here.
pub fn estimated_cold_ratio(scenario: &Scenario, requests_per_month: f64) -> f64 {
    if let Some(ratio) = scenario.lambda.cold_start_ratio {
        return ratio.clamp(0.0, 1.0);
    }
    let rps = requests_per_month.max(0.0) / super::scenario::SECONDS_PER_MONTH;
    let idle_s = scenario.cold_start.idle_reclaim_min * 60.0;
    (-rps * idle_s).exp().clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_table_matches_facts() {
        assert_eq!(
            Runtime::Rust.init_ms(Architecture::Arm64, PackageType::Zip),
            14.0
        );
        assert_eq!(
            Runtime::Java21.init_ms(Architecture::X86_64, PackageType::Image),
            365.0
        );
        assert_eq!(
            Runtime::Nodejs20.init_ms(Architecture::X86_64, PackageType::Zip),
            140.0
        );
    }

    #[test]
    fn package_load_follows_measured_points() {
        assert_eq!(package_load_ms(0.0), 0.0);
        assert!((package_load_ms(1.0) - 55.0).abs() < 1e-9);
        assert!((package_load_ms(64.0) - (3184.0 - 242.0)).abs() < 1e-9);
        assert!(package_load_ms(100.0) > package_load_ms(64.0));
        assert!(package_load_ms(4.0) > package_load_ms(1.0));
    }

    #[test]
    fn snapstart_replaces_java_init_only() {
        let mut s = Scenario::default();
        s.cold_start.runtime = Runtime::Java21;
        s.cold_start.function_init_ms = 8000.0;
        let plain = InitPhases::of(&s);
        s.cold_start.snapstart = true;
        let snap = InitPhases::of(&s);
        assert!(snap.total_ms() < plain.total_ms());
        assert_eq!(snap.restore_ms, 800.0);
        assert_eq!(snap.billed_init_ms(), 0.0);
        s.cold_start.runtime = Runtime::Python312;
        assert_eq!(InitPhases::of(&s).restore_ms, 0.0);
    }

    #[test]
    fn first_invoke_scales_with_memory_up_to_one_vcpu() {
        let mut s = Scenario::default();
        s.cold_start.runtime = Runtime::Dotnet8;
        s.workload.memory_mb = 512;
        assert!((InitPhases::of(&s).first_invoke_extra_ms - 150.0).abs() < 1e-9);
        s.workload.memory_mb = 4096;
        let at_4gb = InitPhases::of(&s).first_invoke_extra_ms;
        s.workload.memory_mb = 8192;
        assert_eq!(InitPhases::of(&s).first_invoke_extra_ms, at_4gb);
    }

    #[test]
    fn cold_ratio_falls_with_volume() {
        let s = Scenario::default();
        let low = estimated_cold_ratio(&s, 1_000.0);
        let high = estimated_cold_ratio(&s, 1e9);
        assert!(low > 0.75, "{low}");
        assert!(high < 1e-6, "{high}");
    }
}
