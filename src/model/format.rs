//! Numbers as people read them, shared by the bill's text and every view: thousands separators,
//! rounding half away from zero, and the 1-2-5 steps of axis ticks.

/// A file's name without its folders, for messages and labels (the whole path when it has none).
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// An integer's digits grouped by thousands: `2000000` → `2,000,000`.
pub fn group_digits(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    push_grouped(&mut out, &digits);
    out
}

/// `value` with `decimals` decimals (at most 6) and thousands separators: `12,345.6`; a minus
/// sign (−) only when the rounded value is not zero; "–" for NaN and infinities.
pub fn group(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let decimals = decimals.min(6);
    let scale = 10_u64.pow(decimals as u32);
    // Half away from zero, as people round; whole numbers format far faster than floats, and
    // a frame formats dozens of these.
    let scaled = (value.abs() * scale as f64).round();
    if scaled >= 1e18 {
        return format!("{value:.0}");
    }
    let scaled = scaled as u64;
    let int = (scaled / scale).to_string();
    let mut out = String::with_capacity(int.len() + int.len() / 3 + decimals + 2);
    if value < 0.0 && scaled > 0 {
        out.push('−');
    }
    push_grouped(&mut out, &int);
    if decimals > 0 {
        out.push('.');
        let frac = (scaled % scale).to_string();
        out.extend(std::iter::repeat_n('0', decimals - frac.len()));
        out.push_str(&frac);
    }
    out
}

/// Thousands separators put into a number already written out: `"-1234567.5"` →
/// `"-1,234,567.5"`. Text that is not a plain decimal number is returned as is.
pub fn separate_thousands(text: &str) -> String {
    let (sign, unsigned) = text
        .strip_prefix('-')
        .map_or(("", text), |rest| ("-", rest));
    let (int, frac) = unsigned
        .split_once('.')
        .map_or((unsigned, None), |(i, f)| (i, Some(f)));
    if int.len() <= 3 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    push_grouped(&mut out, int);
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Appends ASCII `digits` with a comma before every group of three from the right.
fn push_grouped(out: &mut String, digits: &str) {
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
}

/// A moment as a clock from the start, whole seconds rounded down: `1:05`, `1:02:05`; `0:00`
/// for a moment that is not a number.
pub fn clock(t_s: f64) -> String {
    let total = if t_s.is_finite() {
        t_s.max(0.0).floor() as u64
    } else {
        0
    };
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// The smallest round step (1, 2 or 5 × a power of ten) at least `raw`: the distance between
/// axis ticks. 1 for a step that is not a positive number.
pub fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10_f64.powf(raw.log10().floor());
    let mantissa = raw / power;
    let nice = if mantissa <= 1.0 {
        1.0
    } else if mantissa <= 2.0 {
        2.0
    } else if mantissa <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// A file-name-friendly version of a scenario name.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "preset".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1_000), "1,000");
        assert_eq!(group_digits(2_000_000), "2,000,000");
        assert_eq!(group_digits(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn group_rounds_half_away_from_zero() {
        assert_eq!(group(12_345.64, 1), "12,345.6");
        assert_eq!(group(2.5, 0), "3");
        assert_eq!(group(-2.5, 0), "−3");
        assert_eq!(group(-0.004, 2), "0.00");
        assert_eq!(group(0.05, 3), "0.050");
        assert_eq!(group(f64::NAN, 0), "–");
        assert_eq!(group(1e19, 0), "10000000000000000000");
    }

    #[test]
    fn written_numbers_get_separators() {
        assert_eq!(separate_thousands("3000000"), "3,000,000");
        assert_eq!(separate_thousands("1536"), "1,536");
        assert_eq!(separate_thousands("512"), "512");
        assert_eq!(separate_thousands("-12345.678"), "-12,345.678");
        assert_eq!(separate_thousands("0.0000166667"), "0.0000166667");
        assert_eq!(separate_thousands("inf"), "inf");
        for text in ["1", "12", "123", "1234", "12345", "123456", "1234567"] {
            let grouped = separate_thousands(text);
            assert_eq!(grouped.replace(',', ""), text);
            assert!(
                grouped.split(',').skip(1).all(|g| g.len() == 3),
                "{grouped}"
            );
        }
    }

    #[test]
    fn nice_steps_are_one_two_five() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(2_100.0), 5_000.0);
        assert!((nice_step(0.013) - 0.02).abs() < 1e-12);
        assert_eq!(nice_step(f64::NAN), 1.0);
        assert_eq!(nice_step(-3.0), 1.0);
    }

    #[test]
    fn slugs_are_file_friendly() {
        assert_eq!(slug("Startup REST API"), "startup-rest-api");
        assert_eq!(slug("  !!! "), "preset");
        assert_eq!(slug("Java (cold) API"), "java-cold-api");
    }
}
