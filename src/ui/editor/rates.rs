//! The rates section: its date and source, Lambda and alternative prices, tier tables, the
//! event sources' prices and the EC2 price list.

use egui::{RichText, TextEdit, vec2};

use super::form::{Form, form, wide_text};
use super::lazy_layout::LazyLayout;
use super::number_box::{Num, number_drag};
use super::sections::subheading;
use crate::model::scenario::{
    BUILT_IN_REGIONS, EventSourceRates, InstancePrice, LambdaArchRates, Rates, Tier, built_in_rates,
};
use crate::ui::theme::{EDITOR_GAP, EDITOR_TIER_WIDTH, EDITOR_VALUE_WIDTH, Theme};

/// Smallest gap kept between two tier bounds, so bounds stay strictly increasing.
const MIN_TIER_GAP: f64 = 0.001;

pub(super) fn rates_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    r: &mut Rates,
    theme: &Theme,
    value_width: f32,
) -> bool {
    let mut changed = rates_origin_ui(ui, layout, r, theme, value_width);

    subheading(
        ui,
        layout,
        theme,
        "Lambda",
        "Lambda prices that do not depend on the architecture",
    );
    changed |= form(ui, layout, "rates_lambda", value_width, |f| {
        lambda_rate_rows(f, r);
    });
    changed |= arch_rates_ui(
        ui,
        layout,
        ("Lambda x86_64", &mut r.lambda_x86_64),
        "Defaults: $0.0000166667 per GB-s for the first 6 billion GB-s a month, $0.000015 to 15 \
         billion, $0.0000133334 above; provisioned $0.0000041667, provisioned duration \
         $0.0000097222 (AWS Price List API, effective 2025-10-01, presets/README.md §1)",
        theme,
        value_width,
    );
    changed |= arch_rates_ui(
        ui,
        layout,
        ("Lambda arm64", &mut r.lambda_arm64),
        "Defaults: $0.0000133334 per GB-s for the first 7.5 billion GB-s a month, $0.0000120001 \
         to 18.75 billion, $0.0000106667 above; provisioned $0.0000033334, provisioned duration \
         $0.0000077778 (AWS Price List API, effective 2025-10-01, presets/README.md §1)",
        theme,
        value_width,
    );

    for (title, tiers, tip) in [
        (
            "API Gateway REST API",
            &mut r.api_gateway_rest_tiers,
            "USD per million requests by the month's cumulative millions. Defaults: $3.50 to \
             333 M, $2.80 to 1,000 M, $2.38 to 20,000 M, $1.51 above (AWS whitepaper, presets/README.md §4)",
        ),
        (
            "API Gateway HTTP API",
            &mut r.api_gateway_http_tiers,
            "USD per million requests by the month's cumulative millions. Defaults: $1.00 to \
             300 M, $0.90 above (AWS whitepaper, presets/README.md §4)",
        ),
    ] {
        subheading(ui, layout, theme, title, tip);
        changed |= tiers_ui(
            ui,
            layout,
            title,
            tiers,
            &TierUnits {
                bound: "Up to, M requests",
                bound_scale: 1.0,
                price: "USD per million",
                max_price: 1_000.0,
            },
            theme,
        );
    }

    subheading(
        ui,
        layout,
        theme,
        "Containers and load balancing",
        "Prices of the VM and container alternatives' extras (third-party tables, Jan 2025, \
         presets/README.md §4)",
    );
    changed |= form(ui, layout, "rates_containers", value_width, |f| {
        alternative_rate_rows(f, r);
    });
    changed |= event_sources_ui(ui, layout, &mut r.event_sources, theme, value_width);

    subheading(
        ui,
        layout,
        theme,
        "EC2 instance prices",
        "The list the instance pickers offer: USD per hour, us-east-1 Linux on-demand \
         (third-party tables, Jan 2025; m7g matches AWS's own figure; presets/README.md §4)",
    );
    changed |= layout
        .block(ui, "ec2_instances", |ui, layout| {
            instances_ui(ui, layout, &mut r.ec2_instances, theme)
        })
        .unwrap_or(false);
    changed | commitments_ui(ui, layout, r, theme, value_width)
}

/// The Savings Plan and Spot rates: Fargate's and Lambda's shares off, then each instance
/// type's plan and Spot prices.
fn commitments_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    r: &mut Rates,
    theme: &Theme,
    value_width: f32,
) -> bool {
    let mut changed = false;
    subheading(
        ui,
        layout,
        theme,
        "Savings Plans and Spot",
        "Shares off the on-demand rates of Fargate and Lambda (AWS's Savings Plans and Fargate \
         pricing pages, no upfront, presets/README.md §4b); the EC2 prices of each plan are in \
         the instance list below",
    );
    changed |= form(ui, layout, "rates_commitments", value_width, |f| {
        commitment_rate_rows(f, r);
    });

    subheading(
        ui,
        layout,
        theme,
        "EC2 Savings Plan and Spot prices",
        "USD per hour of each instance type under an EC2 Instance or Compute Savings Plan, 1 or \
         3 years, no upfront, and a typical Spot price (presets/README.md §4b). Tick a price to \
         set it; a purchase option without its price is refused.",
    );
    for i in 0..r.ec2_instances.len() {
        let Some(instance) = r.ec2_instances.get_mut(i) else {
            break;
        };
        subheading(
            ui,
            layout,
            theme,
            &instance.name,
            "This instance type's prices under each Savings Plan and as Spot, USD per hour",
        );
        changed |= form(ui, layout, ("ec2_commitments", i), value_width, |f| {
            instance_commitment_rows(f, instance);
        });
    }
    changed
}

fn commitment_rate_rows(f: &mut Form<'_>, r: &mut Rates) {
    let c = &mut r.commitments;
    for (value, label, tip) in [
        (
            &mut c.fargate_savings_plan_1y_discount,
            "Fargate plan, 1 year",
            "Compute Savings Plan, 1 year, no upfront: share off Fargate's vCPU- and GB-hours. \
             Default 20%.",
        ),
        (
            &mut c.fargate_savings_plan_3y_discount,
            "Fargate plan, 3 years",
            "Compute Savings Plan, 3 years, no upfront: share off Fargate's vCPU- and GB-hours. \
             Default 45%.",
        ),
        (
            &mut c.fargate_spot_discount,
            "Fargate Spot",
            "Fargate Spot: share off Fargate's on-demand vCPU- and GB-hours (AWS: up to 70%). \
             Default 70%.",
        ),
        (
            &mut c.lambda_savings_plan_1y_discount,
            "Lambda plan, 1 year",
            "Compute Savings Plan, 1 year, no upfront: share off Lambda duration and provisioned \
             concurrency. Default 12%.",
        ),
        (
            &mut c.lambda_savings_plan_3y_discount,
            "Lambda plan, 3 years",
            "Compute Savings Plan, 3 years, no upfront: share off Lambda duration and \
             provisioned concurrency (AWS: up to 17%). Default 17%.",
        ),
    ] {
        f.percent(value, 0.0, label, tip);
    }
}

fn instance_commitment_rows(f: &mut Form<'_>, instance: &mut InstancePrice) {
    let name = instance.name.clone();
    let fallback = instance.hourly_usd;
    let spec = Num::money(1_000.0, " /h");
    for (value, plan) in [
        (
            &mut instance.instance_savings_plan_1y_usd,
            "Instance plan, 1 y",
        ),
        (
            &mut instance.instance_savings_plan_3y_usd,
            "Instance plan, 3 y",
        ),
        (
            &mut instance.compute_savings_plan_1y_usd,
            "Compute plan, 1 y",
        ),
        (
            &mut instance.compute_savings_plan_3y_usd,
            "Compute plan, 3 y",
        ),
        (&mut instance.spot_usd, "Spot"),
    ] {
        f.optional(
            value,
            fallback,
            &spec,
            plan,
            &format!(
                "{name}, {plan} (EC2 Instance or Compute Savings Plan, no upfront), USD per hour; \
                 not set: that purchase option is refused for {name}"
            ),
        );
    }
}

/// The rates' date and source.
fn rates_origin_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    r: &mut Rates,
    theme: &Theme,
    value_width: f32,
) -> bool {
    let mut region_picked = None;
    layout.block(ui, "rates_region", |ui, layout| {
        ui.horizontal(|ui| {
            let label = ui.label("Region").on_hover_text(
                "The AWS region these rates are for. Picking a built-in region replaces every \
                 rate with its set (and the fleets' instance prices) in one undoable edit; AWS's \
                 price list files give exact current rates for any region (File, Import AWS \
                 price list…).",
            );
            layout.note(&label);
            let known = BUILT_IN_REGIONS.iter().find(|b| b.code == r.region);
            let shown = known.map_or_else(
                || format!("{} (from files or edited)", r.region),
                |b| format!("{} {}", b.code, b.name),
            );
            let combo = egui::ComboBox::from_id_salt("rates_region")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for b in BUILT_IN_REGIONS {
                        if ui
                            .selectable_label(b.code == r.region, format!("{} {}", b.code, b.name))
                            .clicked()
                        {
                            region_picked = Some(b.code);
                        }
                    }
                })
                .response
                .accessible_name("Region");
            layout.note(&combo);
        });
    });
    let mut changed = false;
    if let Some(rates) = region_picked
        .filter(|code| *code != r.region)
        .and_then(built_in_rates)
    {
        *r = rates;
        changed = true;
    }
    let changed = changed
        | form(ui, layout, "rates_date", value_width, |f| {
            f.text(
                &mut r.as_of,
                64,
                "Rates as of",
                "The date these rates were true, shown in the status bar. Default 2025-10-01.",
            );
        });
    changed
        | layout
            .block(ui, "rates_source", |ui, layout| {
                let changed = wide_text(
                    ui,
                    layout,
                    &mut r.source,
                    TextEdit::multiline,
                    (3, 4000),
                    "Source",
                    "Where these rates come from; shown when hovering the status bar's date",
                );
                ui.label(
                    RichText::new(format!(
                        "USD, AWS {}, Linux; on demand unless a row says otherwise",
                        r.region
                    ))
                    .color(theme.weak_text),
                );
                changed
            })
            .unwrap_or(false)
}

fn lambda_rate_rows(f: &mut Form<'_>, r: &mut Rates) {
    f.price(
        &mut r.lambda_request_usd_per_million,
        1_000.0,
        "Requests",
        " /M",
        "USD per million requests, both architectures. Default $0.20 (AWS pricing page, \
         presets/README.md §1).",
    );
    f.price(
        &mut r.ephemeral_usd_per_gb_s,
        1.0,
        "Ephemeral, per GB-s",
        "",
        "/tmp above the free 512 MB, USD per GB-second. Default $0.0000000309 (AWS pricing \
         page, presets/README.md §1).",
    );
    f.num(
        &mut r.free_requests,
        0..=1_000_000_000_000,
        "Free requests",
        " /month",
        "Free-tier requests a month. Default 1,000,000 (AWS pricing page, presets/README.md §1).",
    );
    f.num(
        &mut r.free_gb_s,
        0.0..=1e12,
        "Free GB-seconds",
        " /month",
        "Free-tier GB-seconds a month, x86_64 and arm64 together. Default 400,000 (AWS \
         pricing page, presets/README.md §1).",
    );
}

fn alternative_rate_rows(f: &mut Form<'_>, r: &mut Rates) {
    f.price(
        &mut r.alb_usd_per_hour,
        1_000.0,
        "ALB",
        " /h",
        "Application Load Balancer, USD per hour. Default $0.0225 (presets/README.md §4).",
    );
    f.price(
        &mut r.alb_usd_per_lcu_hour,
        1_000.0,
        "ALB capacity unit",
        " /LCU-h",
        "Application Load Balancer, USD per LCU-hour. Default $0.008 (presets/README.md §4).",
    );
    f.num(
        &mut r.alb_new_connections_per_lcu,
        0.1..=1e6,
        "Connections per LCU",
        " /s",
        "New connections per second that make one LCU; one connection per request is \
         assumed. Default 25.",
    );
    f.price(
        &mut r.fargate_x86_64_vcpu_hour_usd,
        1_000.0,
        "Fargate x86_64 vCPU",
        " /vCPU-h",
        "Fargate x86_64, USD per vCPU-hour. Default $0.04048 (presets/README.md §4).",
    );
    f.price(
        &mut r.fargate_x86_64_gb_hour_usd,
        1_000.0,
        "Fargate x86_64 memory",
        " /GB-h",
        "Fargate x86_64, USD per GB-hour. Default $0.004445 (presets/README.md §4).",
    );
    f.price(
        &mut r.fargate_arm64_vcpu_hour_usd,
        1_000.0,
        "Fargate arm64 vCPU",
        " /vCPU-h",
        "Fargate arm64, USD per vCPU-hour. Default $0.03238 (presets/README.md §4).",
    );
    f.price(
        &mut r.fargate_arm64_gb_hour_usd,
        1_000.0,
        "Fargate arm64 memory",
        " /GB-h",
        "Fargate arm64, USD per GB-hour. Default $0.00356 (presets/README.md §4).",
    );
    f.price(
        &mut r.eks_cluster_hour_usd,
        1_000.0,
        "EKS control plane",
        " /h",
        "EKS control plane, USD per cluster-hour: $0.10, about $73 a month; $0.60 on \
         extended support (AWS, presets/README.md §4).",
    );
}

/// The prices of the services a non-HTTP trigger's work comes through, and their source.
fn event_sources_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    e: &mut EventSourceRates,
    theme: &Theme,
    value_width: f32,
) -> bool {
    subheading(
        ui,
        layout,
        theme,
        "Event sources",
        "What the queue, stream, topic or event bus of a non-HTTP trigger costs, in every \
         model's bill (us-east-1 list prices, read 2026-12, presets/README.md §4d). S3 event \
         notifications and a Lambda trigger's DynamoDB stream reads are free.",
    );
    let changed = form(ui, layout, "rates_event_sources", value_width, |f| {
        event_source_rate_rows(f, e);
    });
    changed
        | layout
            .block(ui, "rates_event_sources_source", |ui, layout| {
                wide_text(
                    ui,
                    layout,
                    &mut e.source,
                    TextEdit::multiline,
                    (2, 4000),
                    "Event-source prices from",
                    "Where the event sources' prices come from; shown in the notes of a bill \
                     whose work comes through one",
                )
            })
            .unwrap_or(false)
}

fn event_source_rate_rows(f: &mut Form<'_>, e: &mut EventSourceRates) {
    for (value, label, unit, tip) in [
        (
            &mut e.sqs_usd_per_million_requests,
            "SQS requests",
            " /M",
            "SQS standard queue, USD per million requests; each 64 KB chunk of a request is one. \
             Default $0.40; the free 1 M a month is not subtracted.",
        ),
        (
            &mut e.kinesis_usd_per_million_put_units,
            "Kinesis PUT units",
            " /M",
            "Kinesis Data Streams, provisioned mode, USD per million PUT payload units (one per \
             25 KB of a record, rounded up). Default $0.014.",
        ),
        (
            &mut e.sns_usd_per_million_publishes,
            "SNS publishes",
            " /M",
            "SNS standard topic, USD per million publishes; deliveries to Lambda and SQS are \
             free. Default $0.50.",
        ),
        (
            &mut e.sns_http_usd_per_million_deliveries,
            "SNS HTTP/S deliveries",
            " /M",
            "SNS standard topic, USD per million deliveries to HTTP/S endpoints (how the fleets \
             receive a topic's messages). Default $0.60.",
        ),
        (
            &mut e.eventbridge_usd_per_million_events,
            "EventBridge events",
            " /M",
            "EventBridge, USD per million custom events put on an event bus; events from AWS \
             services are free. Default $1.00.",
        ),
        (
            &mut e.scheduler_usd_per_million_invocations,
            "Scheduler invocations",
            " /M",
            "EventBridge Scheduler, USD per million invocations. Default $1.00; the free 14 M a \
             month is not subtracted.",
        ),
    ] {
        f.price(value, 1_000.0, label, unit, tip);
    }
    f.price(
        &mut e.kinesis_shard_hour_usd,
        100.0,
        "Kinesis shard-hour",
        " /shard-h",
        "Kinesis Data Streams, provisioned mode, USD per shard-hour. Default $0.015.",
    );
}

/// The duration tiers and provisioned prices of one Lambda architecture.
fn arch_rates_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    (title, rates): (&str, &mut LambdaArchRates),
    tip: &str,
    theme: &Theme,
    value_width: f32,
) -> bool {
    subheading(ui, layout, theme, title, tip);
    let mut changed = tiers_ui(
        ui,
        layout,
        title,
        &mut rates.duration_tiers,
        &TierUnits {
            bound: "Up to, billion GB-s",
            bound_scale: 1e-9,
            price: "USD per GB-s",
            max_price: 1.0,
        },
        theme,
    );
    changed |= form(ui, layout, (title, "provisioned"), value_width, |f| {
        f.price(
            &mut rates.provisioned_usd_per_gb_s,
            1.0,
            "Provisioned, per GB-s",
            "",
            "Provisioned concurrency, USD per GB-second configured while enabled",
        );
        f.price(
            &mut rates.provisioned_duration_usd_per_gb_s,
            1.0,
            "PC duration, per GB-s",
            "",
            "Duration of requests served by provisioned environments, USD per GB-second",
        );
    });
    changed
}

/// Units of one tier table, named in its column headers so the cells stay narrow.
struct TierUnits {
    /// Header of the bounds column, with their unit.
    bound: &'static str,
    /// Shown bound = stored bound × this (1e-9 shows GB-seconds in billions).
    bound_scale: f64,
    /// Header of the prices column, with their unit.
    price: &'static str,
    /// The highest price validation accepts.
    max_price: f64,
}

/// A tier table: each bounded tier's upper bound (kept above the previous one) and price, the
/// last tier unbounded; tiers can be added before the last one and removed.
fn tiers_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    title: &str,
    tiers: &mut Vec<Tier>,
    units: &TierUnits,
    theme: &Theme,
) -> bool {
    layout
        .block(ui, (title, "tiers"), |ui, layout| {
            tier_table(ui, layout, title, tiers, units, theme)
        })
        .unwrap_or(false)
}

/// The rows of `tiers_ui` and its "Add tier" button.
fn tier_table(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    title: &str,
    tiers: &mut Vec<Tier>,
    units: &TierUnits,
    theme: &Theme,
) -> bool {
    let mut changed = false;
    let mut remove = None;
    let count = tiers.len();
    let size = vec2(
        EDITOR_TIER_WIDTH * theme.text_scale,
        ui.spacing().interact_size.y,
    );
    egui::Grid::new((title, "tiers"))
        .num_columns(3)
        .spacing(vec2(EDITOR_GAP, EDITOR_GAP))
        .show(ui, |ui| {
            ui.label(units.bound).on_hover_text(
                "The tier's upper bound, cumulative over the month; the last tier has none",
            );
            ui.label(units.price)
                .on_hover_text("The price within the tier");
            ui.end_row();
            let mut previous = 0.0;
            for i in 0..count {
                let next = tiers
                    .get(i + 1)
                    .and_then(|t| t.up_to)
                    .map_or(1e15, |b| b - MIN_TIER_GAP);
                let Some(tier) = tiers.get_mut(i) else {
                    continue;
                };
                let n = i + 1;
                match &mut tier.up_to {
                    Some(bound) => {
                        let low = previous + MIN_TIER_GAP;
                        let response = ui
                            .add(
                                number_drag(
                                    bound,
                                    &Num::scaled(low..=next, units.bound_scale, ""),
                                    size,
                                )
                                .clamp_existing_to_range(false),
                            )
                            .accessible_name(format!("{title} tier {n} bound"))
                            .on_hover_text("Upper bound of this tier; kept between its neighbours");
                        layout.note(&response);
                        changed |= response.changed();
                        previous = *bound;
                    }
                    None => {
                        ui.label("and above")
                            .on_hover_text("The last tier is unbounded");
                    }
                }
                let price = ui
                    .add(number_drag(
                        &mut tier.usd_per_unit,
                        &Num::money(units.max_price, ""),
                        size,
                    ))
                    .accessible_name(format!("{title} tier {n} price"))
                    .on_hover_text("USD per unit within this tier");
                layout.note(&price);
                changed |= price.changed();
                if tier.up_to.is_some() {
                    let button = ui
                        .button("−")
                        .accessible_name(format!("Remove {title} tier {n}"))
                        .on_hover_text("Remove this tier");
                    layout.note(&button);
                    if button.clicked() {
                        remove = Some(i);
                    }
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove
        && i < tiers.len()
    {
        tiers.remove(i);
        changed = true;
    }
    let add = ui
        .button("Add tier")
        .accessible_name(format!("Add a {title} tier"))
        .on_hover_text("Add a tier before the unbounded last one, at twice the highest bound");
    layout.note(&add);
    if add.clicked() {
        insert_tier(tiers);
        changed = true;
    }
    changed
}

/// Adds a tier before the last (unbounded) one: its bound twice the highest bound so far (1,000
/// when there is none), its price the last tier's.
fn insert_tier(tiers: &mut Vec<Tier>) {
    let highest = tiers.iter().filter_map(|t| t.up_to).fold(0.0, f64::max);
    let bound = if highest > 0.0 {
        highest * 2.0
    } else {
        1_000.0
    };
    let price = tiers.last().map_or(0.0, |t| t.usd_per_unit);
    let at = tiers.len().saturating_sub(1);
    tiers.insert(
        at,
        Tier {
            up_to: Some(bound),
            usd_per_unit: price,
        },
    );
    if let Some(last) = tiers.last_mut() {
        last.up_to = None;
    }
}

/// The EC2 price list: name and hourly price per row, rows added and removed.
fn instances_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    instances: &mut Vec<InstancePrice>,
    theme: &Theme,
) -> bool {
    let mut changed = false;
    let mut remove = None;
    let size = vec2(
        EDITOR_VALUE_WIDTH * theme.text_scale,
        ui.spacing().interact_size.y,
    );
    egui::Grid::new("ec2_instances")
        .num_columns(3)
        .spacing(vec2(EDITOR_GAP, EDITOR_GAP))
        .show(ui, |ui| {
            ui.label("Instance type")
                .on_hover_text("Instance type name, 1–64 characters");
            ui.label("Price").on_hover_text("USD per hour, on-demand");
            ui.end_row();
            for (i, instance) in instances.iter_mut().enumerate() {
                let n = i + 1;
                let name = ui
                    .add(
                        TextEdit::singleline(&mut instance.name)
                            .desired_width(size.x * 0.8)
                            .char_limit(64),
                    )
                    .accessible_name(format!("Instance {n} name"));
                let price = ui
                    .add(number_drag(
                        &mut instance.hourly_usd,
                        &Num::money(1_000.0, " /h"),
                        size,
                    ))
                    .accessible_name(format!("Instance {n} price"))
                    .on_hover_text("USD per hour, us-east-1 Linux on-demand");
                let button = ui
                    .button("−")
                    .accessible_name(format!("Remove instance {n}"))
                    .on_hover_text("Remove this instance type from the pickers");
                for response in [&name, &price, &button] {
                    layout.note(response);
                }
                changed |= name.lost_focus() || price.changed();
                if button.clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove
        && i < instances.len()
    {
        instances.remove(i);
        changed = true;
    }
    let add = ui
        .button("Add instance type")
        .on_hover_text("Add a row to the price list; type its name and price");
    layout.note(&add);
    if add.clicked() {
        instances.push(InstancePrice {
            name: "new.instance".to_owned(),
            hourly_usd: 0.1,
            instance_savings_plan_1y_usd: None,
            instance_savings_plan_3y_usd: None,
            compute_savings_plan_1y_usd: None,
            compute_savings_plan_3y_usd: None,
            spot_usd: None,
        });
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use crate::model::scenario::Scenario;

    use super::*;

    #[test]
    fn inserted_tiers_stay_valid() {
        let mut s = Scenario::default();
        insert_tier(&mut s.rates.api_gateway_http_tiers);
        insert_tier(&mut s.rates.lambda_x86_64.duration_tiers);
        assert_eq!(s.validate(), Ok(()));
        assert_eq!(
            s.rates.api_gateway_http_tiers,
            vec![
                Tier {
                    up_to: Some(300.0),
                    usd_per_unit: 1.00
                },
                Tier {
                    up_to: Some(600.0),
                    usd_per_unit: 0.90
                },
                Tier {
                    up_to: None,
                    usd_per_unit: 0.90
                },
            ]
        );
        let mut single = vec![Tier {
            up_to: None,
            usd_per_unit: 2.0,
        }];
        insert_tier(&mut single);
        assert_eq!(single.first().and_then(|t| t.up_to), Some(1_000.0));
        assert_eq!(single.last().and_then(|t| t.up_to), None);
    }
}
