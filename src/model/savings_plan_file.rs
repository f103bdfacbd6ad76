//! AWS's Savings Plans price list files, read as the AWS Billing user guide describes them
//! ("Reading the service price list file for a Savings Plan"): `version`, `publicationDate`,
//! `regionCode`, `products` (a list of `{sku, productFamily, attributes}`) and
//! `terms.savingsPlan` (a list of plans, each with `sku`, `leaseContractLength` and `rates`, a rate
//! being `{discountedUsageType, discountedOperation, discountedServiceCode, discountedRate: {price,
//! currency}}`).
//!
//! The files are streamed: products are kept as three short strings each, and of each plan's
//! rates only those the app prices (Linux EC2 instance hours, Fargate vCPU- and GB-hours, Lambda
//! GB-seconds) are kept, so memory does not grow with the file. Only No Upfront plans are read,
//! the only payment option the app models.

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::scenario::{Architecture, Rates, SavingsPlanKind, Term};

/// The highest hourly instance price accepted, USD (a plan rate above it is refused).
const MAX_HOURLY_USD: f64 = 1_000.0;

/// What one Savings Plans price list file holds for the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavingsPlanRates {
    /// The file, its region and publication date.
    pub files: Vec<SavingsPlanFile>,
    /// USD per hour of a Linux instance type under a plan: (kind, term, instance type).
    pub instances: HashMap<(SavingsPlanKind, Term, String), f64>,
    /// USD per vCPU-hour of Fargate under a Compute Savings Plan: (term, architecture).
    pub fargate_vcpu_hour: HashMap<(Term, Architecture), f64>,
    /// USD per GB-second of Lambda duration under a Compute Savings Plan: (term, architecture).
    pub lambda_gb_second: HashMap<(Term, Architecture), f64>,
}

/// One Savings Plans price list file read.
#[derive(Clone, Debug, PartialEq)]
pub struct SavingsPlanFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its `regionCode`.
    pub region: String,
    /// Its `publicationDate`.
    pub publication_date: String,
}

/// Why a Savings Plans price list file was refused.
#[derive(Debug, thiserror::Error)]
pub enum SavingsPlanFileError {
    /// The file could not be opened or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not JSON in the Savings Plans price list layout.
    #[error("{}: {problem}", path.display())]
    Layout {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where (JSON line and column, or the path in the file).
        problem: String,
    },
    /// The file is for another region.
    #[error("{}: the file is for {found}, not {wanted}", path.display())]
    OtherRegion {
        /// The file.
        path: PathBuf,
        /// Its region code.
        found: String,
        /// The region asked for.
        wanted: String,
    },
}

impl SavingsPlanRates {
    /// Adds the rates of another file.
    pub fn merge(&mut self, other: Self) {
        self.files.extend(other.files);
        self.instances.extend(other.instances);
        self.fargate_vcpu_hour.extend(other.fargate_vcpu_hour);
        self.lambda_gb_second.extend(other.lambda_gb_second);
    }

    /// Writes the plan prices these files have into `rates` (instance prices per plan, and the
    /// shares off Fargate's and Lambda's on-demand rates that the plans' rates make), returning
    /// the preset field paths written.
    pub fn apply(&self, rates: &mut Rates) -> Vec<String> {
        let mut written = Vec::new();
        for (i, instance) in rates.ec2_instances.iter_mut().enumerate() {
            for (kind, term, field, key) in [
                (
                    SavingsPlanKind::Ec2Instance,
                    Term::OneYear,
                    &mut instance.instance_savings_plan_1y_usd,
                    "instance_savings_plan_1y_usd",
                ),
                (
                    SavingsPlanKind::Ec2Instance,
                    Term::ThreeYear,
                    &mut instance.instance_savings_plan_3y_usd,
                    "instance_savings_plan_3y_usd",
                ),
                (
                    SavingsPlanKind::Compute,
                    Term::OneYear,
                    &mut instance.compute_savings_plan_1y_usd,
                    "compute_savings_plan_1y_usd",
                ),
                (
                    SavingsPlanKind::Compute,
                    Term::ThreeYear,
                    &mut instance.compute_savings_plan_3y_usd,
                    "compute_savings_plan_3y_usd",
                ),
            ] {
                if let Some(&usd) = self.instances.get(&(kind, term, instance.name.clone())) {
                    *field = Some(usd);
                    written.push(format!("rates.ec2_instances[{i}].{key}"));
                }
            }
        }
        let share_off = |plan: f64, on_demand: f64| {
            (on_demand > 0.0 && plan <= on_demand).then(|| 1.0 - plan / on_demand)
        };
        let fargate = rates.fargate_x86_64_vcpu_hour_usd;
        let lambda = rates
            .lambda_x86_64
            .duration_tiers
            .first()
            .map_or(0.0, |tier| tier.usd_per_unit);
        let c = &mut rates.commitments;
        for (term, fargate_field, fargate_key, lambda_field, lambda_key) in [
            (
                Term::OneYear,
                &mut c.fargate_savings_plan_1y_discount,
                "rates.commitments.fargate_savings_plan_1y_discount",
                &mut c.lambda_savings_plan_1y_discount,
                "rates.commitments.lambda_savings_plan_1y_discount",
            ),
            (
                Term::ThreeYear,
                &mut c.fargate_savings_plan_3y_discount,
                "rates.commitments.fargate_savings_plan_3y_discount",
                &mut c.lambda_savings_plan_3y_discount,
                "rates.commitments.lambda_savings_plan_3y_discount",
            ),
        ] {
            let x86 = (term, Architecture::X86_64);
            if let Some(off) = self
                .fargate_vcpu_hour
                .get(&x86)
                .and_then(|&plan| share_off(plan, fargate))
            {
                *fargate_field = off;
                written.push(fargate_key.to_owned());
            }
            if let Some(off) = self
                .lambda_gb_second
                .get(&x86)
                .and_then(|&plan| share_off(plan, lambda))
            {
                *lambda_field = off;
                written.push(lambda_key.to_owned());
            }
        }
        written
    }
}

/// A product as far as the app needs it: which plan and term it is.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawProduct {
    sku: String,
    #[serde(default)]
    product_family: String,
    #[serde(default)]
    attributes: HashMap<String, String>,
}

#[derive(Deserialize)]
struct RawPrice {
    price: String,
}

/// One rate of a plan: the on-demand usage it discounts and its price under the plan.
#[derive(Deserialize)]
struct RawRate {
    #[serde(default, rename = "discountedUsageType")]
    usage_type: String,
    #[serde(default, rename = "discountedOperation")]
    operation: String,
    #[serde(default, rename = "discountedServiceCode")]
    service_code: String,
    #[serde(rename = "discountedRate")]
    rate: RawPrice,
}

/// A plan product: its kind and term, when it is a No Upfront plan the app models.
type PlanOf = HashMap<String, (SavingsPlanKind, Term)>;

/// The kind and term of a No Upfront plan product, `None` for every other product.
fn plan_of(product: &RawProduct) -> Option<(SavingsPlanKind, Term)> {
    let kind = match product.product_family.as_str() {
        "ComputeSavingsPlans" => SavingsPlanKind::Compute,
        "EC2InstanceSavingsPlans" => SavingsPlanKind::Ec2Instance,
        _ => return None,
    };
    let attribute = |name: &str| product.attributes.get(name).map(String::as_str);
    if attribute("purchaseOption") != Some("No Upfront") {
        return None;
    }
    let term = match attribute("purchaseTerm") {
        Some("1yr") => Term::OneYear,
        Some("3yr") => Term::ThreeYear,
        _ => return None,
    };
    Some((kind, term))
}

/// A usage type without its region prefix: "EUW1-BoxUsage:t3.medium" → "BoxUsage:t3.medium"
/// (us-east-1's EC2 usage types have none).
fn without_region(usage_type: &str) -> &str {
    match usage_type.split_once('-') {
        Some((prefix, rest))
            if (3..=5).contains(&prefix.len())
                && prefix
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) =>
        {
            rest
        }
        _ => usage_type,
    }
}

/// What a rate prices, when the app uses it.
#[derive(Clone, Debug, PartialEq)]
enum Priced {
    Instance(String),
    FargateVcpu(Architecture),
    LambdaDuration(Architecture),
}

fn priced(rate: &RawRate) -> Option<Priced> {
    let usage = without_region(&rate.usage_type);
    let arm = if usage.contains("ARM") {
        Architecture::Arm64
    } else {
        Architecture::X86_64
    };
    match rate.service_code.as_str() {
        // Linux on shared tenancy is the plain `RunInstances` operation.
        "AmazonEC2" if rate.operation == "RunInstances" => usage
            .strip_prefix("BoxUsage:")
            .map(|instance| Priced::Instance(instance.to_owned())),
        "AmazonECS" if usage.contains("Fargate-vCPU-Hours") && !usage.contains("Spot") => {
            Some(Priced::FargateVcpu(arm))
        }
        "AWSLambda" if usage.starts_with("Lambda-GB-Second") => Some(Priced::LambdaDuration(arm)),
        _ => None,
    }
}

/// Reads one Savings Plans price list file, keeping the rates of `region`.
///
/// # Errors
///
/// When the file cannot be read, is not a Savings Plans price list file, is for another region,
/// or holds a price that is not a plausible number.
pub fn read_savings_plan_file(
    path: &Path,
    region: &str,
) -> Result<SavingsPlanRates, SavingsPlanFileError> {
    let file = File::open(path).map_err(|source| SavingsPlanFileError::Io {
        path: path.to_owned(),
        source,
    })?;
    let mut reader = serde_json::Deserializer::from_reader(BufReader::new(file));
    let mut top = Top::default();
    let layout = |problem: String| SavingsPlanFileError::Layout {
        path: path.to_owned(),
        problem,
    };
    de::Deserializer::deserialize_map(&mut reader, TopVisitor { top: &mut top })
        .map_err(|e| layout(e.to_string()))?;
    reader.end().map_err(|e| layout(e.to_string()))?;
    let (Some(found), Some(publication_date)) = (top.region, top.publication_date) else {
        return Err(layout(
            "not a Savings Plans price list file (it needs `regionCode`, `publicationDate`, \
             `products` and `terms.savingsPlan`)"
                .to_owned(),
        ));
    };
    if !top.saw_plans {
        return Err(layout(
            "not a Savings Plans price list file: it has no `terms.savingsPlan`".to_owned(),
        ));
    }
    if found != region {
        return Err(SavingsPlanFileError::OtherRegion {
            path: path.to_owned(),
            found,
            wanted: region.to_owned(),
        });
    }
    let mut rates = SavingsPlanRates {
        files: vec![SavingsPlanFile {
            path: path.to_owned(),
            region: found,
            publication_date,
        }],
        ..SavingsPlanRates::default()
    };
    for kept in top.kept {
        let Some(&(kind, term)) = top.plans.get(&kept.sku) else {
            continue;
        };
        match kept.priced {
            Priced::Instance(name) => {
                rates.instances.insert((kind, term, name), kept.usd);
            }
            Priced::FargateVcpu(arch) if kind == SavingsPlanKind::Compute => {
                rates.fargate_vcpu_hour.insert((term, arch), kept.usd);
            }
            Priced::LambdaDuration(arch) if kind == SavingsPlanKind::Compute => {
                rates.lambda_gb_second.insert((term, arch), kept.usd);
            }
            Priced::FargateVcpu(_) | Priced::LambdaDuration(_) => {}
        }
    }
    Ok(rates)
}

/// A rate kept from a plan: the plan's SKU, what it prices and the price.
struct Kept {
    sku: String,
    priced: Priced,
    usd: f64,
}

#[derive(Default)]
struct Top {
    region: Option<String>,
    publication_date: Option<String>,
    plans: PlanOf,
    kept: Vec<Kept>,
    saw_plans: bool,
}

struct TopVisitor<'a> {
    top: &'a mut Top,
}

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Savings Plans price list file (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "regionCode" => self.top.region = Some(map.next_value()?),
                "publicationDate" => self.top.publication_date = Some(map.next_value()?),
                "offerCode" => {
                    let code: String = map.next_value()?;
                    return Err(de::Error::custom(format!(
                        "an offer file for {code}, not a Savings Plans price list file"
                    )));
                }
                "products" => map.next_value_seed(ProductsSeed {
                    plans: &mut self.top.plans,
                })?,
                "terms" => map.next_value_seed(TermsSeed { top: self.top })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `products`: each product read, only the No Upfront plans kept.
struct ProductsSeed<'a> {
    plans: &'a mut PlanOf,
}

impl<'de> DeserializeSeed<'de> for ProductsSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ProductsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`products`, a list of products")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(product) = seq.next_element::<RawProduct>()? {
            if let Some(plan) = plan_of(&product) {
                self.plans.insert(product.sku, plan);
            }
        }
        Ok(())
    }
}

/// `terms`: only `savingsPlan` is read.
struct TermsSeed<'a> {
    top: &'a mut Top,
}

impl<'de> DeserializeSeed<'de> for TermsSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`terms`, an object with `savingsPlan`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "savingsPlan" {
                self.top.saw_plans = true;
                map.next_value_seed(PlansSeed {
                    kept: &mut self.top.kept,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// `terms.savingsPlan`: each plan's rates filtered as they stream by.
struct PlansSeed<'a> {
    kept: &'a mut Vec<Kept>,
}

impl<'de> DeserializeSeed<'de> for PlansSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PlansSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`terms.savingsPlan`, a list of plans")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0_usize;
        while seq
            .next_element_seed(PlanSeed {
                kept: self.kept,
                index,
            })?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }
}

/// One plan: its SKU and the rates the app prices (in whatever order the keys come).
struct PlanSeed<'a> {
    kept: &'a mut Vec<Kept>,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for PlanSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PlanSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a plan with `sku` and `rates`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut sku = None;
        let mut rates: Vec<(Priced, f64)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "sku" => sku = Some(map.next_value::<String>()?),
                "rates" => map.next_value_seed(RatesSeed {
                    rates: &mut rates,
                    plan: self.index,
                })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let sku = sku.ok_or_else(|| {
            de::Error::custom(format!("terms.savingsPlan[{}] has no `sku`", self.index))
        })?;
        self.kept
            .extend(rates.into_iter().map(|(priced, usd)| Kept {
                sku: sku.clone(),
                priced,
                usd,
            }));
        Ok(())
    }
}

/// A plan's `rates`: each read, kept only when the app prices it, its price checked.
struct RatesSeed<'a> {
    rates: &'a mut Vec<(Priced, f64)>,
    plan: usize,
}

impl<'de> DeserializeSeed<'de> for RatesSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RatesSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a plan's `rates`, a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0_usize;
        while let Some(rate) = seq.next_element::<RawRate>()? {
            if let Some(what) = priced(&rate) {
                let place = || {
                    format!(
                        "terms.savingsPlan[{}].rates[{index}].discountedRate.price ({})",
                        self.plan, rate.usage_type
                    )
                };
                let usd: f64 = rate.rate.price.trim().parse().map_err(|_| {
                    de::Error::custom(format!(
                        "{}: \"{}\" is not a number",
                        place(),
                        rate.rate.price
                    ))
                })?;
                let ceiling = match what {
                    Priced::Instance(_) | Priced::FargateVcpu(_) => MAX_HOURLY_USD,
                    Priced::LambdaDuration(_) => 0.001,
                };
                if !usd.is_finite() || !(0.0..=ceiling).contains(&usd) {
                    return Err(de::Error::custom(format!(
                        "{}: ${usd} is not a plausible price (allowed 0 to {ceiling})",
                        place()
                    )));
                }
                self.rates.push((what, usd));
            }
            index += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Savings Plans price list file in AWS's layout, for eu-west-1, with two plans.
    pub(crate) fn sample(region: &str, price: &str) -> String {
        format!(
            r#"{{
  "version": "20251001000000",
  "publicationDate": "2025-10-01T00:00:00Z",
  "regionCode": "{region}",
  "products": [
    {{"sku": "CSP1", "productFamily": "ComputeSavingsPlans", "serviceCode": "ComputeSavingsPlans",
      "usageType": "ComputeSP:1yrNoUpfront", "operation": "",
      "attributes": {{"purchaseOption": "No Upfront", "purchaseTerm": "1yr", "granularity": "hourly"}}}},
    {{"sku": "ISP3", "productFamily": "EC2InstanceSavingsPlans", "serviceCode": "ComputeSavingsPlans",
      "usageType": "EC2SP:t3.3yrNoUpfront", "operation": "",
      "attributes": {{"purchaseOption": "No Upfront", "purchaseTerm": "3yr", "instanceType": "t3"}}}},
    {{"sku": "CSPALL", "productFamily": "ComputeSavingsPlans", "serviceCode": "ComputeSavingsPlans",
      "attributes": {{"purchaseOption": "All Upfront", "purchaseTerm": "3yr"}}}}
  ],
  "terms": {{
    "savingsPlan": [
      {{"sku": "CSP1", "description": "1 year No Upfront Compute Savings Plan",
        "effectiveDate": "2025-10-01T00:00:00Z",
        "leaseContractLength": {{"duration": 1, "unit": "year"}},
        "rates": [
          {{"discountedSku": "A", "discountedUsageType": "EUW1-BoxUsage:t3.medium",
            "discountedOperation": "RunInstances", "discountedServiceCode": "AmazonEC2",
            "rateCode": "CSP1.A", "unit": "Hrs", "discountedRate": {{"price": "{price}", "currency": "USD"}}}},
          {{"discountedSku": "B", "discountedUsageType": "EUW1-BoxUsage:t3.medium",
            "discountedOperation": "RunInstances:0002", "discountedServiceCode": "AmazonEC2",
            "rateCode": "CSP1.B", "unit": "Hrs", "discountedRate": {{"price": "0.05", "currency": "USD"}}}},
          {{"discountedSku": "C", "discountedUsageType": "EUW1-Fargate-vCPU-Hours:perCPU",
            "discountedOperation": "", "discountedServiceCode": "AmazonECS",
            "rateCode": "CSP1.C", "unit": "Hrs", "discountedRate": {{"price": "0.0323840", "currency": "USD"}}}},
          {{"discountedSku": "D", "discountedUsageType": "EUW1-Lambda-GB-Second",
            "discountedOperation": "Invoke", "discountedServiceCode": "AWSLambda",
            "rateCode": "CSP1.D", "unit": "Lambda-GB-Second", "discountedRate": {{"price": "0.0000146667", "currency": "USD"}}}}
        ]}},
      {{"sku": "ISP3", "description": "3 year No Upfront EC2 Instance Savings Plan",
        "rates": [
          {{"discountedUsageType": "EUW1-BoxUsage:t3.medium", "discountedOperation": "RunInstances",
            "discountedServiceCode": "AmazonEC2", "discountedRate": {{"price": "0.0196", "currency": "USD"}}}}
        ]}},
      {{"sku": "CSPALL", "rates": [
          {{"discountedUsageType": "EUW1-BoxUsage:t3.medium", "discountedOperation": "RunInstances",
            "discountedServiceCode": "AmazonEC2", "discountedRate": {{"price": "0.001", "currency": "USD"}}}}
        ]}}
    ]
  }}
}}"#
        )
    }

    fn write(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn reads_the_no_upfront_plans_of_its_region() {
        let (_dir, path) = write("sp.json", &sample("eu-west-1", "0.0329"));
        let rates = read_savings_plan_file(&path, "eu-west-1").unwrap();
        let key = |kind, term| (kind, term, "t3.medium".to_owned());
        assert_eq!(
            rates
                .instances
                .get(&key(SavingsPlanKind::Compute, Term::OneYear)),
            Some(&0.0329)
        );
        assert_eq!(
            rates
                .instances
                .get(&key(SavingsPlanKind::Ec2Instance, Term::ThreeYear)),
            Some(&0.0196)
        );
        // All Upfront is not modelled, and Windows (RunInstances:0002) is not Linux.
        assert_eq!(rates.instances.len(), 2);
        assert_eq!(
            rates
                .fargate_vcpu_hour
                .get(&(Term::OneYear, Architecture::X86_64)),
            Some(&0.032_384)
        );
        assert_eq!(
            rates
                .lambda_gb_second
                .get(&(Term::OneYear, Architecture::X86_64)),
            Some(&0.000_014_666_7)
        );
        assert_eq!(rates.files[0].publication_date, "2025-10-01T00:00:00Z");
    }

    #[test]
    fn bad_files_are_named_with_the_place() {
        let (_dir, path) = write("sp.json", &sample("eu-west-1", "cheap"));
        let e = read_savings_plan_file(&path, "eu-west-1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("sp.json"), "{e}");
        assert!(
            e.contains("terms.savingsPlan[0].rates[0].discountedRate.price"),
            "{e}"
        );
        assert!(e.contains("\"cheap\" is not a number"), "{e}");

        let (_dir, path) = write("sp.json", &sample("eu-west-1", "-0.01"));
        let e = read_savings_plan_file(&path, "eu-west-1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a plausible price"), "{e}");

        let (_dir, path) = write("sp.json", &sample("ap-southeast-1", "0.03"));
        let e = read_savings_plan_file(&path, "eu-west-1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("for ap-southeast-1, not eu-west-1"), "{e}");

        let (_dir, path) = write(
            "offer.json",
            r#"{"formatVersion": "v1.0", "offerCode": "AWSLambda", "products": {}}"#,
        );
        let e = read_savings_plan_file(&path, "eu-west-1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a Savings Plans price list file"), "{e}");

        let (_dir, path) = write("broken.json", "{\"regionCode\": ");
        let e = read_savings_plan_file(&path, "eu-west-1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("broken.json") && e.contains("line 1"), "{e}");

        let e = read_savings_plan_file(Path::new("/no/such/sp.json"), "eu-west-1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("/no/such/sp.json"), "{e}");
    }

    #[test]
    fn the_plans_prices_and_shares_go_into_the_rates() {
        let (_dir, path) = write("sp.json", &sample("eu-west-1", "0.0329"));
        let plans = read_savings_plan_file(&path, "eu-west-1").unwrap();
        let mut rates = Rates::default();
        let written = plans.apply(&mut rates);
        let t3 = rates.instance("t3.medium").unwrap();
        assert_eq!(t3.compute_savings_plan_1y_usd, Some(0.0329));
        assert_eq!(t3.instance_savings_plan_3y_usd, Some(0.0196));
        // Untouched where the file has nothing: the 1-year EC2 Instance plan stays as it was.
        assert_eq!(t3.instance_savings_plan_1y_usd, Some(0.026));
        // $0.032384 against $0.04048 on demand: 20% off; Lambda $0.0000146667 against
        // $0.0000166667: 12% off.
        assert!((rates.commitments.fargate_savings_plan_1y_discount - 0.2).abs() < 1e-9);
        assert!((rates.commitments.lambda_savings_plan_1y_discount - 0.12).abs() < 1e-4);
        assert!(written.contains(&"rates.ec2_instances[2].compute_savings_plan_1y_usd".to_owned()));
        assert_eq!(written.len(), 4, "{written:?}");
    }

    #[test]
    fn region_prefixes_come_off_usage_types() {
        assert_eq!(
            without_region("EUW1-BoxUsage:t3.medium"),
            "BoxUsage:t3.medium"
        );
        assert_eq!(without_region("BoxUsage:t3.medium"), "BoxUsage:t3.medium");
        assert_eq!(
            without_region("APS1-Lambda-GB-Second-ARM"),
            "Lambda-GB-Second-ARM"
        );
        assert_eq!(without_region("Lambda-GB-Second"), "Lambda-GB-Second");
    }
}
