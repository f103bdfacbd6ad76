//! From the wanted SKUs' price dimensions to [`FileRates`]: flat prices, tier tables checked for
//! gaps and an unbounded last tier, unit conversions (per request → per million) and the
//! plausibility limits.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::FileRates;
use super::classify::Kind;
use super::error::PriceListError;
use super::reader::Dim;
use crate::model::scenario::Tier;

/// Lambda GB-second prices above this are refused (AWS's highest is about $0.00003).
const MAX_LAMBDA_GB_S_USD: f64 = 0.001;

/// Instance hours above this are refused (the largest instances cost about $400 an hour).
const MAX_INSTANCE_HOUR_USD: f64 = 1_000.0;

/// The dimensions of each wanted price, with the file they came from.
pub type Found = BTreeMap<Kind, (PathBuf, Vec<Dim>)>;

/// Adds a file's dimensions; a price already given by an earlier file keeps the earlier file's.
pub fn add(found: &mut Found, path: &Path, dims: Vec<(Kind, Dim)>) {
    let mut from_this: BTreeMap<Kind, Vec<Dim>> = BTreeMap::new();
    for (kind, dim) in dims {
        from_this.entry(kind).or_default().push(dim);
    }
    for (kind, dims) in from_this {
        found
            .entry(kind)
            .or_insert_with(|| (path.to_path_buf(), dims));
    }
}

/// Checks the plausibility limits of every dimension.
fn check(path: &Path, kind: &Kind, dims: &[Dim]) -> Result<(), PriceListError> {
    for dim in dims {
        let why = if kind.is_lambda_gb_second() && dim.usd > MAX_LAMBDA_GB_S_USD {
            Some("above the 0.001 USD a Lambda GB-second can plausibly cost")
        } else if matches!(kind, Kind::Ec2(_)) && dim.usd > MAX_INSTANCE_HOUR_USD {
            Some("above the 1000 USD an instance hour can plausibly cost")
        } else {
            None
        };
        if let Some(why) = why {
            return Err(PriceListError::Implausible {
                path: path.to_path_buf(),
                sku: dim.sku.clone(),
                at: format!("{}.pricePerUnit.USD", dim.at),
                value: dim.usd,
                why,
            });
        }
    }
    Ok(())
}

/// The price of a flat (untiered) rate: the dimension that starts at 0 (the first one if several).
fn flat(dims: &[Dim]) -> Option<f64> {
    dims.iter()
        .find(|d| d.begin == 0.0)
        .or_else(|| dims.first())
        .map(|d| d.usd)
}

/// Whether two range bounds are the same, allowing for decimal text.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A tier table from the dimensions: sorted by `beginRange`, starting at 0, each tier beginning
/// where the one before ends, the last unbounded. Bounds are divided by `bound_unit`, prices
/// multiplied by `price_unit`.
fn tiers(
    path: &Path,
    kind: &Kind,
    dims: &[Dim],
    bound_unit: f64,
    price_unit: f64,
) -> Result<Vec<Tier>, PriceListError> {
    let mut sorted: Vec<&Dim> = dims.iter().collect();
    sorted.sort_by(|a, b| a.begin.total_cmp(&b.begin));
    sorted.dedup_by(|a, b| same(a.begin, b.begin) && a.end == b.end && a.usd == b.usd);
    let skus = {
        let mut skus: Vec<&str> = sorted.iter().map(|d| d.sku.as_str()).collect();
        skus.dedup();
        skus.join(", ")
    };
    let bad = |problem: String| PriceListError::BadTiers {
        path: path.to_path_buf(),
        what: kind.label(),
        sku: skus.clone(),
        problem,
    };
    let mut out = Vec::with_capacity(sorted.len());
    let mut reached = 0.0;
    let mut open = false;
    for dim in &sorted {
        if open {
            return Err(bad(format!(
                "has an unbounded tier before the one from {}",
                dim.begin
            )));
        }
        if !same(dim.begin, reached) {
            return Err(bad(if dim.begin > reached {
                format!("has a gap between {reached} and {}", dim.begin)
            } else {
                format!("has tiers that overlap at {}", dim.begin)
            }));
        }
        match dim.end {
            Some(end) if end <= dim.begin => {
                return Err(bad(format!("has a tier from {} to {end}", dim.begin)));
            }
            Some(end) => reached = end,
            None => open = true,
        }
        out.push(Tier {
            up_to: dim.end.map(|e| e / bound_unit),
            usd_per_unit: dim.usd * price_unit,
        });
    }
    if !open {
        return Err(bad(format!(
            "has no unbounded last tier (it ends at {reached})"
        )));
    }
    Ok(out)
}

/// The rates of everything found; `instance_types` orders the EC2 prices.
pub fn rates(found: &Found, instance_types: &[String]) -> Result<FileRates, PriceListError> {
    for (kind, (path, dims)) in found {
        check(path, kind, dims)?;
    }
    let flat_of = |kind: Kind| found.get(&kind).and_then(|(_, dims)| flat(dims));
    let tiers_of = |kind: Kind, bound_unit: f64, price_unit: f64| {
        found
            .get(&kind)
            .map(|(path, dims)| tiers(path, &kind, dims, bound_unit, price_unit))
            .transpose()
    };
    let fargate_x86_vcpu = flat_of(Kind::FargateVcpu(false));
    let spot_vcpu = flat_of(Kind::FargateSpotVcpu);
    let fargate_spot_discount = match (spot_vcpu, fargate_x86_vcpu) {
        (Some(spot), Some(on_demand)) if on_demand > 0.0 => Some(1.0 - spot / on_demand),
        _ => None,
    };
    if let (Some(discount), Some((path, dims))) =
        (fargate_spot_discount, found.get(&Kind::FargateSpotVcpu))
        && !(0.0..1.0).contains(&discount)
        && let Some(dim) = dims.first()
    {
        return Err(PriceListError::Implausible {
            path: path.clone(),
            sku: dim.sku.clone(),
            at: format!("{}.pricePerUnit.USD", dim.at),
            value: dim.usd,
            why: "a Spot vCPU-hour that is not below the on-demand one",
        });
    }
    Ok(FileRates {
        lambda_request_usd_per_million: flat_of(Kind::LambdaRequests).map(|p| p * 1e6),
        lambda_x86_64_duration_tiers: tiers_of(Kind::LambdaDuration(false), 1.0, 1.0)?,
        lambda_arm64_duration_tiers: tiers_of(Kind::LambdaDuration(true), 1.0, 1.0)?,
        lambda_x86_64_provisioned_usd_per_gb_s: flat_of(Kind::LambdaProvisioned(false)),
        lambda_x86_64_provisioned_duration_usd_per_gb_s: flat_of(Kind::LambdaProvisionedDuration(
            false,
        )),
        lambda_arm64_provisioned_usd_per_gb_s: flat_of(Kind::LambdaProvisioned(true)),
        lambda_arm64_provisioned_duration_usd_per_gb_s: flat_of(Kind::LambdaProvisionedDuration(
            true,
        )),
        ephemeral_usd_per_gb_s: flat_of(Kind::LambdaStorage),
        ec2_on_demand_hourly: instance_types
            .iter()
            .filter_map(|t| flat_of(Kind::Ec2(t.clone())).map(|p| (t.clone(), p)))
            .collect(),
        fargate_x86_64_vcpu_hour_usd: fargate_x86_vcpu,
        fargate_x86_64_gb_hour_usd: flat_of(Kind::FargateGb(false)),
        fargate_arm64_vcpu_hour_usd: flat_of(Kind::FargateVcpu(true)),
        fargate_arm64_gb_hour_usd: flat_of(Kind::FargateGb(true)),
        fargate_spot_discount,
        eks_cluster_hour_usd: flat_of(Kind::EksCluster),
        api_gateway_rest_tiers: tiers_of(Kind::ApiRest, 1e6, 1e6)?,
        api_gateway_http_tiers: tiers_of(Kind::ApiHttp, 1e6, 1e6)?,
        alb_usd_per_hour: flat_of(Kind::AlbHour),
        alb_usd_per_lcu_hour: flat_of(Kind::AlbLcu),
    })
}
