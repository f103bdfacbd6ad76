//! How each model is bought, in plain words, and how a commitment moves the break-even points:
//! "Virtual machines are bought under an EC2 Instance Savings Plan, 3 years: $0.0353 an hour per
//! m7g.large instead of $0.0816 (57% off). They break even with serverless at 107 M requests a
//! month instead of 234 M on demand."

use super::curves::CostCurves;
use super::money::{format_quantity, format_rate, format_requests};
use super::sentences::{lower_label, verb};
use crate::model::scenario::{HostingModel, LaunchType, Purchase, SavingsPlanKind, Scenario};

/// How one model is bought, in a few words for the cost view's cards: "3-year Savings Plan".
pub fn purchase_label(s: &Scenario, model: HostingModel) -> &'static str {
    let fleet = |purchase: Purchase| match purchase {
        Purchase::OnDemand => "On demand",
        Purchase::SavingsPlan1y => "1-year Savings Plan",
        Purchase::SavingsPlan3y => "3-year Savings Plan",
        Purchase::Spot => "Spot",
    };
    match model {
        HostingModel::OnPrem => "Bought outright",
        HostingModel::Vm => fleet(s.vm.purchase),
        HostingModel::Containers => fleet(s.containers.purchase),
        HostingModel::Lambda => match s.lambda.savings_plan {
            None => "On demand",
            Some(crate::model::scenario::Term::OneYear) => "1-year Savings Plan",
            Some(crate::model::scenario::Term::ThreeYear) => "3-year Savings Plan",
        },
    }
}

/// What the purchase option takes off the on-demand price of one model, in words, or `None` on
/// demand.
fn discount_words(s: &Scenario, model: HostingModel) -> Option<String> {
    let r = &s.rates;
    let percent = |share: f64| format_quantity(share * 100.0, 0);
    match model {
        HostingModel::OnPrem => None,
        HostingModel::Vm => {
            let vm = &s.vm;
            let rate = r
                .instance(&vm.instance_type)?
                .hourly_for(vm.purchase, vm.savings_plan_kind)?;
            let how = match vm.purchase {
                Purchase::OnDemand => return None,
                Purchase::Spot => "as Spot capacity".to_owned(),
                Purchase::SavingsPlan1y | Purchase::SavingsPlan3y => format!(
                    "under an {}, {}",
                    vm.savings_plan_kind.label(),
                    vm.purchase.term().map_or("", |t| t.label())
                ),
            };
            let off = if vm.hourly_usd > 0.0 {
                1.0 - rate / vm.hourly_usd
            } else {
                0.0
            };
            Some(format!(
                "{how}: {} an hour per {} instead of {} ({}% off)",
                format_rate(rate),
                vm.instance_type,
                format_rate(vm.hourly_usd),
                percent(off)
            ))
        }
        HostingModel::Containers => {
            let c = &s.containers;
            if c.purchase == Purchase::OnDemand {
                return None;
            }
            let how = match c.purchase {
                Purchase::Spot if c.launch_type == LaunchType::Fargate => "as Fargate Spot",
                Purchase::Spot => "on EC2 Spot nodes",
                _ => "under a Compute Savings Plan",
            };
            let term = c
                .purchase
                .term()
                .map_or(String::new(), |t| format!(", {}", t.label()));
            let off = match c.launch_type {
                LaunchType::Fargate => r.commitments.fargate_discount(c.purchase),
                LaunchType::Ec2 => {
                    let rate = r
                        .instance(&c.node_instance_type)?
                        .hourly_for(c.purchase, SavingsPlanKind::Compute)?;
                    if c.node_hourly_usd > 0.0 {
                        1.0 - rate / c.node_hourly_usd
                    } else {
                        0.0
                    }
                }
            };
            Some(format!("{how}{term}: {}% off on demand", percent(off)))
        }
        HostingModel::Lambda => {
            let term = s.lambda.savings_plan?;
            Some(format!(
                "under a Compute Savings Plan, {}: {}% off duration, INIT and provisioned \
                 concurrency, nothing off requests",
                term.label(),
                percent(r.commitments.lambda_discount(term))
            ))
        }
    }
}

/// One sentence per model bought other than on demand: what it takes off, and how its
/// break-even points with the other models moved from `on_demand` (the same scenario's curves
/// with every model on demand).
pub fn purchase_sentences(
    s: &Scenario,
    curves: &CostCurves,
    on_demand: Option<&CostCurves>,
) -> Vec<String> {
    let mut sentences = Vec::new();
    for model in HostingModel::ALL {
        let Some(discount) = discount_words(s, model) else {
            continue;
        };
        let mut sentence = format!("{} {} bought {discount}.", model.label(), verb(model));
        if let Some(before) = on_demand {
            for other in HostingModel::ALL {
                if other == model {
                    continue;
                }
                let now = curves.break_evens_between(model, other).next();
                let then = before.break_evens_between(model, other).next();
                let moved = match (now, then) {
                    (Some(now), Some(then))
                        if format_requests(now.requests_per_month)
                            != format_requests(then.requests_per_month) =>
                    {
                        format!(
                            " The break-even with {} moves to {} requests a month, from {} on \
                             demand.",
                            lower_label(other),
                            format_requests(now.requests_per_month),
                            format_requests(then.requests_per_month)
                        )
                    }
                    (Some(now), None) => format!(
                        " It now breaks even with {} at {} requests a month; on demand it did \
                         not on the chart.",
                        lower_label(other),
                        format_requests(now.requests_per_month)
                    ),
                    (None, Some(then)) => format!(
                        " On demand it broke even with {} at {} requests a month; now it does \
                         not on the chart.",
                        lower_label(other),
                        format_requests(then.requests_per_month)
                    ),
                    _ => continue,
                };
                sentence.push_str(&moved);
            }
        }
        sentences.push(sentence);
    }
    sentences
}
