//! What can be wrong with an offer file: one variant per kind of bad input, each displayed as one
//! sentence naming the file and the place (SKU or JSON path) and what is wrong.

use std::path::PathBuf;

/// Why the offer files could not be read. Nothing is written when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum PriceListError {
    /// No paths were given.
    #[error("no offer files were given")]
    NoFiles,
    /// The file cannot be opened (missing, unreadable).
    #[error("{} cannot be opened: {source}", .path.display())]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Reading the file failed part way.
    #[error("{} could not be read: {message}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        message: String,
    },
    /// The file is not well-formed JSON.
    #[error("{} is not JSON: {message}", .path.display())]
    NotJson {
        /// The file.
        path: PathBuf,
        /// serde_json's message, with line and column.
        message: String,
    },
    /// The file is JSON but not an AWS Price List offer file.
    #[error("{} is not an AWS offer file: {reason}", .path.display())]
    NotOfferFile {
        /// The file.
        path: PathBuf,
        /// What is missing or of the wrong shape.
        reason: String,
    },
    /// An offer file of a service the app does not price.
    #[error(
        "{} is the offer file of {offer_code}, a service the app does not price (it reads {supported})",
        .path.display()
    )]
    UnsupportedOffer {
        /// The file.
        path: PathBuf,
        /// Its `offerCode`.
        offer_code: String,
        /// The offer codes the reader understands, comma-separated.
        supported: String,
    },
    /// Every product of the file is for other regions than the one asked for.
    #[error("{} has no products in region {region}: its products are for {found}", .path.display())]
    OtherRegions {
        /// The file.
        path: PathBuf,
        /// The region asked for.
        region: String,
        /// The regions found (region codes, or `location` names that have no known code).
        found: String,
    },
    /// A price that does not parse as a number.
    #[error("{} has a price that is not a number at {at} (SKU {sku}): {value:?}", .path.display())]
    NotANumber {
        /// The file.
        path: PathBuf,
        /// The SKU.
        sku: String,
        /// The JSON path of the price.
        at: String,
        /// The text found.
        value: String,
    },
    /// A price dimension without a USD price.
    #[error("{} has no USD price at {at} (SKU {sku})", .path.display())]
    NoUsdPrice {
        /// The file.
        path: PathBuf,
        /// The SKU.
        sku: String,
        /// The JSON path of the `pricePerUnit` object.
        at: String,
    },
    /// A `beginRange` or `endRange` that is not a number (or "Inf" for `endRange`).
    #[error("{} has a range bound that is not a number at {at} (SKU {sku}): {value:?}", .path.display())]
    BadRange {
        /// The file.
        path: PathBuf,
        /// The SKU.
        sku: String,
        /// The JSON path of the bound.
        at: String,
        /// The text found.
        value: String,
    },
    /// A tier table with a gap, an overlap, or without an unbounded last tier.
    #[error("{} has a {what} tier table (SKU {sku}) that {problem}", .path.display())]
    BadTiers {
        /// The file.
        path: PathBuf,
        /// Which price, e.g. "Lambda x86_64 duration".
        what: &'static str,
        /// The SKU(s) of the table.
        sku: String,
        /// What is wrong, e.g. "has a gap between 6000000000 and 7000000000".
        problem: String,
    },
    /// A price outside what AWS charges, refused as a likely mistake.
    #[error("{} has an implausible price at {at} (SKU {sku}): {value} USD, {why}", .path.display())]
    Implausible {
        /// The file.
        path: PathBuf,
        /// The SKU.
        sku: String,
        /// The JSON path of the price.
        at: String,
        /// The price found, USD per unit.
        value: f64,
        /// The limit it breaks.
        why: &'static str,
    },
}
