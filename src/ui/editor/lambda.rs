//! The rows of the Lambda and cold-start sections.

use std::borrow::Cow;

use super::form::Form;
use super::number_box::Num;
use crate::model::runtime::INIT_SOURCE;
use crate::model::scenario::{
    Architecture, ColdStartSettings, HOURS_PER_MONTH, LambdaSettings, ScalingRules,
};

pub(super) fn lambda_rows(f: &mut Form<'_>, l: &mut LambdaSettings, requests_per_month: u64) {
    f.toggle(
        &mut l.free_tier,
        "Free tier",
        "Subtract the monthly free tier: 1,000,000 requests and 400,000 GB-seconds, every month, \
         never expiring (AWS pricing page, presets/README.md §1). Default on.",
    );
    f.choice(
        &mut l.front_door,
        "Front door",
        "What sits in front of the function and is billed per request or per hour: API Gateway \
         HTTP API ($1.00 per million), REST API ($3.50 per million) or an Application Load \
         Balancer ($0.0225 an hour plus LCUs) (presets/README.md §4). Default none.",
    );
    f.num(
        &mut l.account_concurrency_limit,
        1..=100_000,
        "Account concurrency",
        "",
        "The account's regional concurrency quota: the most environments all functions may run \
         at once. Default 1,000: the regional quota (AWS Lambda quotas page, presets/README.md §2); raised \
         quotas reach tens of thousands.",
    );
    let limit = l.account_concurrency_limit;
    f.optional(
        &mut l.reserved_concurrency,
        limit,
        &Num::of(0..=limit, ""),
        "Reserved concurrency",
        "Caps this function's environments and guarantees it that many of the account's; free \
         (presets/README.md §2). Tick to set it, at most the account limit. Default off: no cap.",
    );
    f.num(
        &mut l.provisioned_concurrency,
        0..=100_000,
        "Provisioned concurrency",
        "",
        "Provisioned concurrency (PC): environments kept initialised in advance, so the requests \
         they serve start warm. Billed per GB-second configured while enabled ($0.0000041667 on x86_64, presets/README.md §1). Default 0.",
    );
    f.num(
        &mut l.provisioned_hours_per_month,
        0.0..=HOURS_PER_MONTH,
        "Provisioned hours",
        " h/month",
        "Hours a month provisioned concurrency is enabled, billed rounded up to 5 minutes; 730 is \
         the whole month (presets/README.md §1). Default 0.",
    );
    f.num(
        &mut l.provisioned_requests_per_month,
        0..=requests_per_month,
        "Provisioned requests",
        " /month",
        "Requests a month served by provisioned environments, billed at the lower provisioned \
         duration rate ($0.0000097222 per GB-second on x86_64, presets/README.md §1); at most the month's \
         requests. Default 0.",
    );
    f.choice(
        &mut l.scaling_rules,
        "Scaling rules",
        "Since 26 Nov 2023 each function adds 1,000 environments every 10 s up to the account \
         limit; before, an account-wide burst, then +500 a minute (AWS \"Lambda scaling \
         behavior\", presets/README.md §2). Default: the current rules.",
    );
    f.disabled = (l.scaling_rules != ScalingRules::Rules2022)
        .then_some("Used only with the 2022 scaling rules");
    f.num(
        &mut l.burst_2022,
        1..=100_000,
        "2022 initial burst",
        "",
        "The 2022 rules' initial account burst: 3,000 in us-east-1, us-west-2 and eu-west-1; \
         1,000 in Tokyo and Frankfurt; 500 elsewhere (presets/README.md §2). Default 3,000.",
    );
    f.disabled = None;
    f.toggle(
        &mut l.free_tier_with_provisioned,
        "Free tier with PC",
        "Apply the free tier even while provisioned concurrency is enabled. AWS's pricing page \
         says it does not apply, one of its own examples subtracts it: a visible choice (presets/README.md \
         §1). Default off.",
    );
    f.toggle(
        &mut l.init_billed,
        "Bill INIT phase",
        "Bill the INIT phase of cold starts. AWS bills it for on-demand ZIP functions on managed \
         runtimes too since 1 Aug 2025 (AWS Compute Blog, 2025-04-29, presets/README.md §1). Default on.",
    );
    f.optional(
        &mut l.cold_start_ratio,
        0.01,
        &Num::percent(0.0),
        "Cold-start share",
        "Share of invocations that are cold starts, for the bill's INIT line. Off: estimated from \
         the average request rate and the idle reclaim time. AWS: cold starts \"typically occur \
         in under 1% of invocations\" (Compute Blog, 2025-04-29). Default off.",
    );
    savings_plan_rows(f, l);
}

/// The Compute Savings Plan and what its commitment is sized to.
fn savings_plan_rows(f: &mut Form<'_>, l: &mut LambdaSettings) {
    f.choice(
        &mut l.savings_plan,
        "Savings Plan",
        "A Compute Savings Plan, 1 or 3 years, no upfront: 12% or 17% off duration, INIT and \
         provisioned concurrency, nothing off requests (AWS: up to 17%; presets/README.md §4b). \
         Default none.",
    );
    f.disabled = l
        .savings_plan
        .is_none()
        .then_some("Used only with a Savings Plan");
    f.choice(
        &mut l.commit_to,
        "Plan sized to",
        "The plan's commitment: provisioned concurrency only (the floor that always runs), the \
         month's average (all covered) or the busiest hour (idle and still paid most of the \
         month). Default the average.",
    );
    f.disabled = None;
}

pub(super) fn cold_start_rows(
    f: &mut Form<'_>,
    c: &mut ColdStartSettings,
    architecture: Architecture,
) {
    let package = c.package_type;
    f.choice_with(
        &mut c.runtime,
        "Runtime",
        "The function's runtime. Hover an option for its measured init floor: hello-world \
         functions from lambda-perf (presets/README.md §3). Default Node.js 20.",
        |runtime| {
            Cow::Owned(format!(
                "{}: {} ms measured init for a {} on {} ({INIT_SOURCE})",
                runtime.label(),
                runtime.init_ms(architecture, package),
                package.label(),
                architecture.label()
            ))
        },
    );
    f.choice(
        &mut c.package_type,
        "Package",
        "A ZIP archive on a managed runtime, or a container image: images start slower and make \
         the image's runtime yours to patch (presets/README.md §3, §6). Default ZIP.",
    );
    f.num(
        &mut c.environment_ms,
        0.0..=10_000.0,
        "Environment creation",
        " ms",
        "Creating the execution environment and downloading the code, before any init runs. Not \
         part of the billed Init Duration; an assumption, editable. Default 80 ms.",
    );
    f.num(
        &mut c.extensions_init_ms,
        0.0..=10_000.0,
        "Extensions init",
        " ms",
        "Init of Lambda extensions (monitoring agents and the like); 0 without extensions. \
         Default 0 ms.",
    );
    f.num(
        &mut c.function_init_ms,
        0.0..=130_000.0,
        "Your init code",
        " ms",
        "Your code outside the handler: SDK clients, frameworks, connections. Spring Boot apps \
         take 8–12 s without SnapStart (presets/README.md §3). Up to 130,000 ms, the init limit with \
         provisioned concurrency or SnapStart. Default 100 ms.",
    );
    f.num(
        &mut c.package_size_mb,
        0.0..=10_240.0,
        "Package size",
        " MB",
        "Deployment package size; bigger packages load slower: Node.js 20 init measured ~297 ms \
         at 1 MB and ~1,354 ms at 32 MB (presets/README.md §3). Default 1 MB.",
    );
    f.num(
        &mut c.idle_reclaim_min,
        5.0..=60.0,
        "Idle reclaim",
        " min",
        "Minutes an idle environment stays warm before Lambda reclaims it. Undocumented: \
         measured from 10 min (2019) to 45–60 min (2017), allowed 5–60 (presets/README.md §2). Default \
         10 min.",
    );
    f.disabled = (!c.runtime.supports_snapstart() && !c.snapstart)
        .then_some("SnapStart is modelled for the Java runtimes only");
    f.toggle(
        &mut c.snapstart,
        "SnapStart",
        "Java SnapStart: restore a snapshot of an initialised environment instead of running \
         init; it pays off only when init takes seconds (presets/README.md §3). Default off.",
    );
    f.disabled = (!c.snapstart).then_some("Used only with SnapStart on");
    f.num(
        &mut c.snapstart_restore_ms,
        0.0..=10_000.0,
        "SnapStart restore",
        " ms",
        "Time to restore the SnapStart snapshot: 600–1,000 ms measured for a trivial function \
         (presets/README.md §3). Default 800 ms.",
    );
    f.disabled = None;
    let measured = c.runtime.first_invoke_extra_ms_at_1gb();
    f.optional(
        &mut c.first_invoke_extra_ms_at_1gb,
        measured,
        &Num::of(0.0..=60_000.0, " ms"),
        "First-run extra",
        "Extra time of the first handler run in a new environment at 1,024 MB; it shrinks as \
         memory grows, up to one full vCPU (1,769 MB). Off: the runtime's measured value (.NET 8: \
         75 ms at 1,024 MB, lambda-perf; 0 for the others).",
    );
    f.num(
        &mut c.seed,
        0..=u64::MAX,
        "Random seed",
        "",
        "Seed of the arrival jitter, so every run of the same scenario is identical. Default 42.",
    );
}
