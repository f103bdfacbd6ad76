//! A scenario priced from AWS's price list files: every rate the files have, in the files'
//! region and as of their publication date; the rates the files lack are kept and named. The
//! `rates` command and the window's File → Import AWS price list… both use it.

use std::fmt::Write as _;
use std::path::PathBuf;

use std::io::Read as _;
use std::path::Path;

use super::format::file_name;
use super::price_list::{Applied, PriceList, PriceListError, read_offer_files};
use super::savings_plan_file::{SavingsPlanFileError, SavingsPlanRates, read_savings_plan_file};
use super::scenario::{InstancePrice, Scenario};

/// The scenario priced from the files, and what came from them.
#[derive(Debug)]
pub struct PricedFromFiles {
    /// The scenario with the files' rates (valid: checked before it is returned).
    pub scenario: Scenario,
    /// The rates written from the files, and those kept because the files lack them.
    pub applied: Applied,
    /// The offer files read.
    pub list: PriceList,
    /// The Savings Plans price list files read, with their rates.
    pub plans: SavingsPlanRates,
}

/// Whether a file is a Savings Plans price list file rather than an offer file, from its first
/// 64 KiB: offer files name their `offerCode` at the top, Savings Plans files their
/// `regionCode` and no `offerCode`. A file that cannot be read goes to the offer reader, which
/// names it in its message.
fn is_savings_plan_file(path: &Path) -> bool {
    let mut head = Vec::with_capacity(65_536);
    let read = std::fs::File::open(path)
        .and_then(|file| file.take(65_536).read_to_end(&mut head))
        .is_ok();
    let head = String::from_utf8_lossy(&head);
    read && !head.contains("\"offerCode\"") && head.contains("\"regionCode\"")
}

/// Why a scenario could not be priced from the files.
#[derive(Debug, thiserror::Error)]
pub enum PricingError {
    /// A file could not be read or is not a usable offer file.
    #[error(transparent)]
    Files(#[from] PriceListError),
    /// A Savings Plans price list file could not be read or is not usable.
    #[error(transparent)]
    SavingsPlans(#[from] SavingsPlanFileError),
    /// The files were read, but the scenario would not accept their rates.
    #[error("the files' rates do not fit the scenario: {0}")]
    Invalid(#[from] crate::model::scenario::ValidationError),
}

/// The scenario priced from the offer files at `paths` for `region`.
///
/// # Errors
///
/// When a file cannot be read or is not an offer file for a service the app prices in that
/// region, or the scenario would not accept the rates read; nothing is changed then.
pub fn price_from_files(
    s: &Scenario,
    paths: &[PathBuf],
    region: &str,
) -> Result<PricedFromFiles, PricingError> {
    let mut types: Vec<String> = s
        .rates
        .ec2_instances
        .iter()
        .map(|i| i.name.clone())
        .collect();
    for name in [&s.vm.instance_type, &s.containers.node_instance_type] {
        if !types.contains(name) {
            types.push(name.clone());
        }
    }
    let (plan_paths, offer_paths): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| is_savings_plan_file(p));
    let list = if offer_paths.is_empty() {
        PriceList {
            files: Vec::new(),
            region: region.to_owned(),
            rates: super::price_list::FileRates::default(),
        }
    } else {
        read_offer_files(&offer_paths, region, &types)?
    };
    let mut plans = SavingsPlanRates::default();
    for path in &plan_paths {
        plans.merge(read_savings_plan_file(path, region)?);
    }
    let mut rates = s.rates.clone();
    // An instance type the fleets use but the picker's list lacks joins the list.
    for (name, hourly_usd) in &list.rates.ec2_on_demand_hourly {
        if rates.instance(name).is_none() {
            rates.ec2_instances.push(InstancePrice {
                name: name.clone(),
                hourly_usd: *hourly_usd,
                instance_savings_plan_1y_usd: None,
                instance_savings_plan_3y_usd: None,
                compute_savings_plan_1y_usd: None,
                compute_savings_plan_3y_usd: None,
                spot_usd: None,
            });
        }
    }
    let mut applied = list.rates.apply(&mut rates);
    // The plans' shares are of the on-demand rates, so they go in after the offer files'.
    if !plan_paths.is_empty() {
        let written = plans.apply(&mut rates);
        applied.not_in_files.retain(|name| !written.contains(name));
        applied.from_files.extend(written);
    }
    let previous = format!("{}, {}", s.rates.region, s.rates.as_of);
    region.clone_into(&mut rates.region);
    let dates = list
        .files
        .iter()
        .map(|f| f.publication_date.as_str())
        .chain(plans.files.iter().map(|f| f.publication_date.as_str()));
    if let Some(date) = dates.map(publication_day).filter(|d| !d.is_empty()).max() {
        date.clone_into(&mut rates.as_of);
    }
    rates.source = source_words(&list, &plans, &applied, &previous);
    let scenario = s.with_rates(rates);
    scenario.validate()?;
    Ok(PricedFromFiles {
        scenario,
        applied,
        list,
        plans,
    })
}

/// The day of a publication date such as "2025-10-01T18:20:03Z".
fn publication_day(date: &str) -> &str {
    date.get(..10).filter(|d| d.len() == 10).unwrap_or(date)
}

/// The rates' source in words: the files, their region and dates, and what was kept.
fn source_words(
    list: &PriceList,
    plans: &SavingsPlanRates,
    applied: &Applied,
    previous: &str,
) -> String {
    let mut words = String::from("AWS Price List offer files for ");
    words.push_str(&list.region);
    words.push_str(": ");
    let files: Vec<String> = list
        .files
        .iter()
        .map(|f| {
            format!(
                "{} ({}, published {})",
                file_name(&f.path),
                f.offer_code,
                f.publication_date
            )
        })
        .chain(plans.files.iter().map(|f| {
            format!(
                "{} (Savings Plans, published {})",
                file_name(&f.path),
                f.publication_date
            )
        }))
        .collect();
    words.push_str(&files.join("; "));
    if !applied.not_in_files.is_empty() {
        let _ = write!(
            words,
            ". Not in the files, kept from the earlier rates ({previous}): {}",
            applied.not_in_files.join(", ")
        );
    }
    words.push('.');
    words
}
