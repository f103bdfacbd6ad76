//! Money and volumes in words and back: dollars rounded half-up to the cent as AWS bills do,
//! amounts and quantities with thousands separators, unit prices as configured, and request
//! counts in short form (`41 M`) for charts, sentences and the volume box.

use crate::model::format::group_digits;

/// Rounds dollars to whole cents, half-up (half a cent goes away from zero), as AWS bills do.
///
/// Prices like $0.0000166667 are not exact in binary, so a product that is a half cent in decimal
/// arithmetic may come out a hair below it (12.345 is stored as 12.3449999…). A guard of one part
/// in 10^12 (at least 10^-9 cent) lifts such values back onto the half cent before rounding; it
/// is far below a cent for any realistic bill. Non-finite input saturates (NaN gives 0).
pub fn cents_from_usd(usd: f64) -> i64 {
    let cents = usd.abs() * 100.0;
    let guard = (cents * 1e-12).max(1e-9);
    // `f64::round` takes halves away from zero, which for a magnitude is half-up.
    let magnitude = (cents + guard).round() as i64;
    if usd < 0.0 { -magnitude } else { magnitude }
}

/// Whole cents as dollars.
pub fn usd(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// Whole cents as a dollar amount with thousands separators: `$1,161.18`, `-$3.05`.
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let magnitude = cents.unsigned_abs();
    format!(
        "{sign}${}.{:02}",
        group_digits(magnitude / 100),
        magnitude % 100
    )
}

/// Whole cents as a plain decimal for files: `1161.18`, `-3.05`.
pub(super) fn plain_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let magnitude = cents.unsigned_abs();
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

/// Dollars rounded half-up to the cent, with thousands separators: `$1,161.18`.
pub fn format_usd(usd: f64) -> String {
    format_cents(cents_from_usd(usd))
}

/// A request count in short form for charts and sentences: `850`, `850 k`, `41 M`, `3.2 B`.
///
/// Two significant digits below 10 of a unit, whole units above.
pub fn format_requests(requests: f64) -> String {
    if !requests.is_finite() {
        return "–".to_owned();
    }
    let n = requests.max(0.0);
    if n < 999.5 {
        return format!("{n:.0}");
    }
    let units = [(1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")];
    let mut text = String::new();
    for (i, (unit, suffix)) in units.iter().enumerate() {
        let scaled = n / unit;
        let is_last = i + 1 == units.len();
        if scaled < 9.95 {
            let one_decimal = format!("{scaled:.1}");
            let trimmed = one_decimal.strip_suffix(".0").unwrap_or(&one_decimal);
            return format!("{trimmed} {suffix}");
        }
        let whole = scaled.round();
        text = format!("{whole:.0} {suffix}");
        if whole < 999.5 || is_last {
            return text;
        }
    }
    text
}

/// A quantity with thousands separators and at most `decimals` decimals, trailing zeros trimmed:
/// `2,000,000`, `0.12`, `1,234.5`.
pub(super) fn format_quantity(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    let grouped = whole
        .parse::<u64>()
        .map_or_else(|_| whole.to_owned(), group_digits);
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A unit price exactly as configured, with at least two decimals: `$0.20`, `$0.0000166667`.
pub(super) fn format_rate(usd_per_unit: f64) -> String {
    let text = format!("{}", usd_per_unit.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let grouped = whole
        .parse::<u64>()
        .map_or_else(|_| whole.to_owned(), group_digits);
    let sign = if usd_per_unit < 0.0 { "-" } else { "" };
    format!("{sign}${grouped}.{fraction:0<2}")
}

/// Reads a request count typed by hand: `3000000`, `3,000,000`, `3 M`, `2.5k`, `1 B`, `1e6`.
/// Returns `None` for text that is not a non-negative count.
pub fn parse_requests(text: &str) -> Option<f64> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .collect();
    let lower = compact.to_ascii_lowercase();
    let (number, scale) = [("k", 1e3), ("m", 1e6), ("b", 1e9), ("t", 1e12)]
        .iter()
        .find_map(|(suffix, scale)| lower.strip_suffix(suffix).map(|n| (n, *scale)))
        .unwrap_or((lower.as_str(), 1.0));
    let value = number.parse::<f64>().ok()? * scale;
    (value.is_finite() && value >= 0.0).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents_round_half_up() {
        assert_eq!(cents_from_usd(0.125), 13);
        assert_eq!(cents_from_usd(0.135), 14);
        assert_eq!(cents_from_usd(12.345), 1235);
        assert_eq!(cents_from_usd(0.004_999_9), 0);
        assert_eq!(cents_from_usd(0.005), 1);
        // Stored as 2.67499999… and 1.00499999…: still half a cent in decimal.
        assert_eq!(cents_from_usd(2.675), 268);
        assert_eq!(cents_from_usd(1.005), 101);
        assert_eq!(cents_from_usd(730.0 * 0.0225), 1643);
        assert_eq!(cents_from_usd(0.124_999), 12);
        assert_eq!(cents_from_usd(-0.125), -13);
        assert_eq!(cents_from_usd(0.0), 0);
        assert_eq!(cents_from_usd(1e9 + 0.005), 100_000_000_001);
        assert_eq!(cents_from_usd(f64::NAN), 0);
    }

    #[test]
    fn formats_money_and_volumes() {
        assert_eq!(format_usd(1161.175), "$1,161.18");
        assert_eq!(format_cents(-305), "-$3.05");
        assert_eq!(format_cents(7), "$0.07");
        assert_eq!(format_usd(1_234_567.891), "$1,234,567.89");
        assert_eq!(format_requests(41e6), "41 M");
        assert_eq!(format_requests(3.2e9), "3.2 B");
        assert_eq!(format_requests(850e3), "850 k");
        assert_eq!(format_requests(999_600.0), "1 M");
        assert_eq!(format_requests(1.04e6), "1 M");
        assert_eq!(format_requests(12.0), "12");
        assert_eq!(format_requests(2.5e12), "2.5 T");
        assert_eq!(format_quantity(2_000_000.0, 0), "2,000,000");
        assert_eq!(format_quantity(0.120, 3), "0.12");
        assert_eq!(format_rate(0.2), "$0.20");
        assert_eq!(format_rate(0.000_016_666_7), "$0.0000166667");
        assert_eq!(format_rate(10_000.0), "$10,000.00");
    }

    #[test]
    fn parse_requests_reads_short_forms() {
        assert_eq!(parse_requests("3000000"), Some(3e6));
        assert_eq!(parse_requests("3,000,000"), Some(3e6));
        assert_eq!(parse_requests("3 M"), Some(3e6));
        assert_eq!(parse_requests("2.5k"), Some(2500.0));
        assert_eq!(parse_requests("1 B"), Some(1e9));
        assert_eq!(parse_requests("1e6"), Some(1e6));
        assert_eq!(parse_requests(&format_requests(41e6)), Some(41e6));
        assert_eq!(parse_requests("-3"), None);
        assert_eq!(parse_requests("lots"), None);
        assert_eq!(parse_requests(""), None);
    }
}
