//! A reader of AWS Price List Bulk API offer files (the `index.json` of an offer and region, as
//! "Reading the price list files" in the AWS Billing user guide describes them): the prices the
//! cost model uses, for one region, read by streaming so a file of hundreds of MB is read in
//! flat memory. No egui, no network: the files are on disk.
//!
//! - [`names`]: the attribute names and usage types matched, one table per service, and sources.
//! - [`classify`]: which price a product is.
//! - [`reader`]: the streaming serde visitor over one file.
//! - [`build`]: tier tables, unit conversions, plausibility limits.
//! - [`apply`]: writing what the files had into [`Rates`](crate::model::scenario::Rates).
//! - [`error`]: what can be wrong, one sentence per kind.
//!
//! Offers read: `AWSLambda`, `AmazonEC2`, `AmazonECS` (Fargate), `AmazonEKS`,
//! `AmazonApiGateway`, `AWSELB`. Only `terms.OnDemand` is read; Savings Plans price list files are
//! not (they are refused as an offer the app does not price).

mod apply;
mod build;
mod classify;
mod error;
pub mod names;
mod reader;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

pub use apply::Applied;
pub use error::PriceListError;

use crate::model::scenario::Tier;

/// What a set of offer files gave for one region.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceList {
    /// The files read, in the order given.
    pub files: Vec<OfferFile>,
    /// The region code the prices are for, e.g. "eu-west-1".
    pub region: String,
    /// Every rate the files had.
    pub rates: FileRates,
}

/// One offer file read.
#[derive(Clone, Debug, PartialEq)]
pub struct OfferFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its `offerCode`, e.g. "AWSLambda".
    pub offer_code: String,
    /// Its `publicationDate` ("" when the file has none).
    pub publication_date: String,
}

/// Every rate the files had; None = not in the files.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileRates {
    /// Lambda requests (x86_64 group `AWS-Lambda-Requests`), USD per million.
    pub lambda_request_usd_per_million: Option<f64>,
    /// Lambda x86_64 duration, USD per GB-second, bounds in GB-seconds a month, cumulative, last None.
    pub lambda_x86_64_duration_tiers: Option<Vec<Tier>>,
    /// Lambda arm64 duration, as the x86_64 tiers.
    pub lambda_arm64_duration_tiers: Option<Vec<Tier>>,
    /// Lambda x86_64 provisioned concurrency capacity, USD per GB-second.
    pub lambda_x86_64_provisioned_usd_per_gb_s: Option<f64>,
    /// Lambda x86_64 duration on provisioned concurrency, USD per GB-second.
    pub lambda_x86_64_provisioned_duration_usd_per_gb_s: Option<f64>,
    /// Lambda arm64 provisioned concurrency capacity, USD per GB-second.
    pub lambda_arm64_provisioned_usd_per_gb_s: Option<f64>,
    /// Lambda arm64 duration on provisioned concurrency, USD per GB-second.
    pub lambda_arm64_provisioned_duration_usd_per_gb_s: Option<f64>,
    /// Lambda ephemeral storage, USD per GB-second.
    pub ephemeral_usd_per_gb_s: Option<f64>,
    /// (instance type, USD per hour) on demand, Linux, shared tenancy; only the types asked for,
    /// in the order asked.
    pub ec2_on_demand_hourly: Vec<(String, f64)>,
    /// Fargate x86_64, USD per vCPU-hour.
    pub fargate_x86_64_vcpu_hour_usd: Option<f64>,
    /// Fargate x86_64, USD per GB-hour.
    pub fargate_x86_64_gb_hour_usd: Option<f64>,
    /// Fargate arm64, USD per vCPU-hour.
    pub fargate_arm64_vcpu_hour_usd: Option<f64>,
    /// Fargate arm64, USD per GB-hour.
    pub fargate_arm64_gb_hour_usd: Option<f64>,
    /// 1 − Spot vCPU rate ÷ on-demand vCPU rate (x86_64), when both are in the files.
    pub fargate_spot_discount: Option<f64>,
    /// EKS control plane, USD per cluster-hour.
    pub eks_cluster_hour_usd: Option<f64>,
    /// API Gateway REST API, USD per million requests, bounds in millions a month.
    pub api_gateway_rest_tiers: Option<Vec<Tier>>,
    /// API Gateway HTTP API, USD per million requests, bounds in millions a month.
    pub api_gateway_http_tiers: Option<Vec<Tier>>,
    /// Application Load Balancer, USD per hour.
    pub alb_usd_per_hour: Option<f64>,
    /// Application Load Balancer, USD per LCU-hour.
    pub alb_usd_per_lcu_hour: Option<f64>,
}

/// Reads the offer files `paths` (any order, one per service) for the region code `region`,
/// keeping the EC2 prices of `instance_types`. A price given by two files is taken from the
/// first. Pure: on error nothing is returned but the error.
pub fn read_offer_files(
    paths: &[PathBuf],
    region: &str,
    instance_types: &[String],
) -> Result<PriceList, PriceListError> {
    if paths.is_empty() {
        return Err(PriceListError::NoFiles);
    }
    let mut files = Vec::with_capacity(paths.len());
    let mut found = build::Found::new();
    for path in paths {
        let scan = reader::scan_file(path, region, instance_types)?;
        build::add(&mut found, path, scan.dims);
        files.push(OfferFile {
            path: path.clone(),
            offer_code: scan.offer_code,
            publication_date: scan.publication_date,
        });
    }
    Ok(PriceList {
        files,
        region: region.to_owned(),
        rates: build::rates(&found, instance_types)?,
    })
}
