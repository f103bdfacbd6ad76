//! The streaming reader of one offer file: a serde visitor over the top-level object that takes
//! `products` and `terms.OnDemand` entry by entry and keeps only the SKUs of wanted prices, so
//! memory stays flat in the file size. A file that lists `terms` before `products` is read twice:
//! products on the first pass, the wanted SKUs' terms on the second.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use super::classify::{Kind, classify};
use super::error::PriceListError;
use super::names::{SUPPORTED_OFFERS, region_of_location};

/// One price dimension of a wanted SKU, its numbers parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Dim {
    /// The SKU.
    pub sku: String,
    /// JSON path of the dimension, `terms.OnDemand.<sku>.<term>.priceDimensions.<rate>`.
    pub at: String,
    /// `beginRange`, 0 when absent.
    pub begin: f64,
    /// `endRange`, `None` for "Inf" or absent.
    pub end: Option<f64>,
    /// `pricePerUnit.USD`.
    pub usd: f64,
}

/// What one offer file gave.
#[derive(Debug)]
pub struct FileScan {
    /// `offerCode`.
    pub offer_code: String,
    /// `publicationDate` ("" when absent).
    pub publication_date: String,
    /// The wanted prices' dimensions, in file order.
    pub dims: Vec<(Kind, Dim)>,
}

/// One product of `products`, as much of it as the classifier needs.
#[derive(Deserialize)]
struct ProductJson {
    #[serde(default, rename = "productFamily")]
    product_family: Option<String>,
    #[serde(default)]
    attributes: HashMap<String, String>,
}

/// One term of `terms.OnDemand.<sku>`.
#[derive(Deserialize)]
struct TermJson {
    #[serde(default, rename = "priceDimensions")]
    price_dimensions: BTreeMap<String, DimJson>,
}

/// One price dimension, numbers still text as in the file.
#[derive(Deserialize)]
struct DimJson {
    #[serde(default, rename = "beginRange")]
    begin_range: Option<String>,
    #[serde(default, rename = "endRange")]
    end_range: Option<String>,
    #[serde(default, rename = "pricePerUnit")]
    price_per_unit: BTreeMap<String, String>,
}

/// The state of one pass over one file.
struct Scan<'a> {
    path: &'a Path,
    region: &'a str,
    instance_types: &'a [String],
    /// Read `products` on this pass.
    read_products: bool,
    offer_code: Option<String>,
    publication_date: Option<String>,
    saw_products: bool,
    /// `terms` came before `products`: a second pass reads them.
    terms_first: bool,
    in_region: usize,
    other_regions: BTreeSet<String>,
    wanted: HashMap<String, Kind>,
    dims: Vec<(Kind, Dim)>,
    /// Our own error, raised through serde as a custom error and taken back out here.
    error: Option<PriceListError>,
}

impl Scan<'_> {
    /// Stores `error` and returns the serde error that stops the parse.
    fn fail<E: de::Error>(&mut self, error: PriceListError) -> E {
        self.error = Some(error);
        E::custom("stopped")
    }

    fn product(&mut self, sku: String, product: &ProductJson) {
        let attr = |name: &str| product.attributes.get(name).map(String::as_str);
        let region = match attr("regionCode") {
            Some(code) => code,
            None => match attr("location") {
                Some(location) => region_of_location(location).unwrap_or(location),
                None => return,
            },
        };
        if region != self.region {
            if !self.other_regions.contains(region) {
                self.other_regions.insert(region.to_owned());
            }
            return;
        }
        self.in_region += 1;
        let family = product.product_family.as_deref().unwrap_or("");
        if let Some(kind) = classify(family, &product.attributes, self.instance_types) {
            self.wanted.insert(sku, kind);
        }
    }

    /// Parses the dimensions of a wanted SKU's terms.
    fn terms(
        &mut self,
        sku: &str,
        kind: &Kind,
        terms: BTreeMap<String, TermJson>,
    ) -> Result<(), PriceListError> {
        for (term_code, term) in terms {
            for (rate_code, dim) in term.price_dimensions {
                let at = format!("terms.OnDemand.{sku}.{term_code}.priceDimensions.{rate_code}");
                let usd_text =
                    dim.price_per_unit
                        .get("USD")
                        .ok_or_else(|| PriceListError::NoUsdPrice {
                            path: self.path.to_path_buf(),
                            sku: sku.to_owned(),
                            at: format!("{at}.pricePerUnit"),
                        })?;
                let usd = parse_number(usd_text).ok_or_else(|| PriceListError::NotANumber {
                    path: self.path.to_path_buf(),
                    sku: sku.to_owned(),
                    at: format!("{at}.pricePerUnit.USD"),
                    value: usd_text.clone(),
                })?;
                if usd < 0.0 {
                    return Err(PriceListError::Implausible {
                        path: self.path.to_path_buf(),
                        sku: sku.to_owned(),
                        at: format!("{at}.pricePerUnit.USD"),
                        value: usd,
                        why: "a negative price",
                    });
                }
                let bound =
                    |text: Option<&String>, name: &str| -> Result<Option<f64>, PriceListError> {
                        match text.map(String::as_str) {
                            None | Some("Inf") => Ok(None),
                            Some(t) => {
                                parse_number(t)
                                    .filter(|v| *v >= 0.0)
                                    .map(Some)
                                    .ok_or_else(|| PriceListError::BadRange {
                                        path: self.path.to_path_buf(),
                                        sku: sku.to_owned(),
                                        at: format!("{at}.{name}"),
                                        value: t.to_owned(),
                                    })
                            }
                        }
                    };
                let begin = bound(dim.begin_range.as_ref(), "beginRange")?.unwrap_or(0.0);
                let end = bound(dim.end_range.as_ref(), "endRange")?;
                self.dims.push((
                    kind.clone(),
                    Dim {
                        sku: sku.to_owned(),
                        at,
                        begin,
                        end,
                        usd,
                    },
                ));
            }
        }
        Ok(())
    }
}

/// A finite number, or `None`.
fn parse_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The top-level object.
struct FileSeed<'s, 'a>(&'s mut Scan<'a>);

impl<'de> DeserializeSeed<'de> for FileSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FileSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an AWS offer file (a JSON object with offerCode and products)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let scan = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "offerCode" => {
                    let code: String = map.next_value()?;
                    if !SUPPORTED_OFFERS.contains(&code.as_str()) {
                        let error = PriceListError::UnsupportedOffer {
                            path: scan.path.to_path_buf(),
                            offer_code: code,
                            supported: SUPPORTED_OFFERS.join(", "),
                        };
                        return Err(scan.fail(error));
                    }
                    scan.offer_code = Some(code);
                }
                "publicationDate" => scan.publication_date = Some(map.next_value()?),
                "products" => {
                    scan.saw_products = true;
                    if scan.read_products {
                        map.next_value_seed(ProductsSeed(scan))?;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                "terms" => {
                    if scan.saw_products {
                        map.next_value_seed(TermsSeed(scan))?;
                    } else {
                        scan.terms_first = scan.read_products;
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `products`: SKU → product, one entry at a time.
struct ProductsSeed<'s, 'a>(&'s mut Scan<'a>);

impl<'de> DeserializeSeed<'de> for ProductsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ProductsSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("products: an object of SKU to product")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(sku) = map.next_key::<String>()? {
            let product: ProductJson = map.next_value()?;
            self.0.product(sku, &product);
        }
        Ok(())
    }
}

/// `terms`: `OnDemand` is read, the rest (`Reserved`) skipped.
struct TermsSeed<'s, 'a>(&'s mut Scan<'a>);

impl<'de> DeserializeSeed<'de> for TermsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("terms: an object with OnDemand")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "OnDemand" {
                map.next_value_seed(OnDemandSeed(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// `terms.OnDemand`: SKU → terms; only the wanted SKUs' are parsed.
struct OnDemandSeed<'s, 'a>(&'s mut Scan<'a>);

impl<'de> DeserializeSeed<'de> for OnDemandSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OnDemandSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("terms.OnDemand: an object of SKU to terms")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let scan = self.0;
        while let Some(sku) = map.next_key::<String>()? {
            match scan.wanted.get(&sku).cloned() {
                Some(kind) => {
                    let terms: BTreeMap<String, TermJson> = map.next_value()?;
                    if let Err(error) = scan.terms(&sku, &kind, terms) {
                        return Err(scan.fail(error));
                    }
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// One pass over the file.
fn pass(scan: &mut Scan<'_>) -> Result<(), PriceListError> {
    let path = scan.path;
    let file = File::open(path).map_err(|source| PriceListError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let mut deserializer =
        serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, file));
    let result = FileSeed(&mut *scan)
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end());
    if let Some(error) = scan.error.take() {
        return Err(error);
    }
    result.map_err(|e| {
        let path = path.to_path_buf();
        match e.classify() {
            serde_json::error::Category::Io => PriceListError::Read {
                path,
                message: e.to_string(),
            },
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                PriceListError::NotJson {
                    path,
                    message: e.to_string(),
                }
            }
            serde_json::error::Category::Data => PriceListError::NotOfferFile {
                path,
                reason: e.to_string(),
            },
        }
    })
}

/// Reads one offer file: the wanted prices of `region` (and the EC2 `instance_types`).
pub fn scan_file(
    path: &Path,
    region: &str,
    instance_types: &[String],
) -> Result<FileScan, PriceListError> {
    let mut scan = Scan {
        path,
        region,
        instance_types,
        read_products: true,
        offer_code: None,
        publication_date: None,
        saw_products: false,
        terms_first: false,
        in_region: 0,
        other_regions: BTreeSet::new(),
        wanted: HashMap::new(),
        dims: Vec::new(),
        error: None,
    };
    pass(&mut scan)?;
    let not_offer = |reason: &str| PriceListError::NotOfferFile {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    };
    let Some(offer_code) = scan.offer_code.take() else {
        return Err(not_offer("it has no offerCode"));
    };
    if !scan.saw_products {
        return Err(not_offer("it has no products"));
    }
    if scan.in_region == 0 && !scan.other_regions.is_empty() {
        let found: Vec<&str> = scan.other_regions.iter().map(String::as_str).collect();
        return Err(PriceListError::OtherRegions {
            path: path.to_path_buf(),
            region: region.to_owned(),
            found: found.join(", "),
        });
    }
    if scan.terms_first && !scan.wanted.is_empty() {
        scan.read_products = false;
        pass(&mut scan)?;
    }
    Ok(FileScan {
        offer_code,
        publication_date: scan.publication_date.unwrap_or_default(),
        dims: scan.dims,
    })
}
