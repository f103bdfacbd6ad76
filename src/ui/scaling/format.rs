//! How the view writes times, durations, counts, money, shares, speeds and units' names, and
//! the height of a line of text.

use egui::FontId;

use crate::model::cost::format_usd;
use crate::model::format::{self, clock};
use crate::model::scaling::ScalingRun;
use crate::model::scenario::HostingModel;

/// The playhead against the end: `t = 1:05 / 10:00`.
pub(super) fn time_text(t_s: f64, run: &ScalingRun) -> String {
    format!("t = {} / {}", clock(t_s), clock(run.end_s))
}

/// A length of time in words: `0.5 s`, `12 s`, `1 min 32 s`, `2 h 5 min`.
pub(super) fn duration(s: f64) -> String {
    let s = if s.is_finite() { s.max(0.0) } else { 0.0 };
    if s < 9.95 {
        let text = format!("{s:.1}");
        return format!("{} s", text.strip_suffix(".0").unwrap_or(&text));
    }
    let total = s.round() as u64;
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    match (hours, minutes, seconds) {
        (0, 0, s) => format!("{s} s"),
        (0, m, 0) => format!("{m} min"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, 0, _) => format!("{h} h"),
        (h, m, _) => format!("{h} h {m} min"),
    }
}

/// A count rounded to a whole number with thousands separators: `2,740,504`.
pub(super) fn group(x: f64) -> String {
    format::group(x, 0)
}

/// A count in short form for tight spaces: `850`, `8.5 k`, `2.7 M`.
pub(super) fn short_number(x: f64) -> String {
    let x = if x.is_finite() { x.max(0.0) } else { 0.0 };
    for (unit, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] {
        if x >= unit * 0.9995 {
            let scaled = x / unit;
            return if scaled < 9.95 {
                let text = format!("{scaled:.1}");
                format!("{} {suffix}", text.strip_suffix(".0").unwrap_or(&text))
            } else {
                format!("{scaled:.0} {suffix}")
            };
        }
    }
    format!("{x:.0}")
}

/// Money for running counters: cents from a dollar, more digits below a cent so small sums move.
pub(super) fn money(usd: f64) -> String {
    let usd = if usd.is_finite() { usd.max(0.0) } else { 0.0 };
    if usd >= 0.01 || usd == 0.0 {
        format_usd(usd)
    } else {
        format!("${usd:.4}")
    }
}

/// A share as a whole percentage, or `<1%` for a small non-zero one.
pub(super) fn percent(share: f64) -> String {
    let pct = share * 100.0;
    if pct > 0.0 && pct < 0.5 {
        "<1%".to_owned()
    } else {
        format!("{pct:.0}%")
    }
}

/// A speed as `10×`.
pub(super) fn speed_label(speed: f64) -> String {
    format!("{speed:.0}×")
}

/// Line height of a font, points.
pub(super) fn line_h(font: &FontId) -> f32 {
    font.size * 1.3
}

/// The word for one model's units.
pub(super) fn unit_name(model: HostingModel, plural: bool) -> &'static str {
    match (model, plural) {
        (HostingModel::OnPrem, false) => "server",
        (HostingModel::OnPrem, true) => "servers",
        (HostingModel::Vm, false) => "instance",
        (HostingModel::Vm, true) => "instances",
        (HostingModel::Containers, false) => "task",
        (HostingModel::Containers, true) => "tasks",
        (HostingModel::Lambda, false) => "environment",
        (HostingModel::Lambda, true) => "environments",
    }
}

/// A word with its first letter in capitals ("Batches").
pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_and_durations_read_naturally() {
        assert_eq!(clock(65.4), "1:05");
        assert_eq!(clock(600.0), "10:00");
        assert_eq!(clock(3_725.0), "1:02:05");
        assert_eq!(clock(f64::NAN), "0:00");
        assert_eq!(duration(0.5), "0.5 s");
        assert_eq!(duration(6.0), "6 s");
        assert_eq!(duration(12.0), "12 s");
        assert_eq!(duration(92.0), "1 min 32 s");
        assert_eq!(duration(300.0), "5 min");
        assert_eq!(duration(7_500.0), "2 h 5 min");
    }

    #[test]
    fn numbers_and_money_are_grouped() {
        assert_eq!(group(2_740_504.4), "2,740,504");
        assert_eq!(group(999.6), "1,000");
        assert_eq!(group(-1_234.0), "−1,234");
        assert_eq!(short_number(2_740_504.0), "2.7 M");
        assert_eq!(short_number(10_000.0), "10 k");
        assert_eq!(short_number(850.0), "850");
        assert_eq!(money(0.4249), "$0.42");
        assert_eq!(money(0.0028), "$0.0028");
        assert_eq!(money(1_234.5), "$1,234.50");
        assert_eq!(money(0.0), "$0.00");
        assert_eq!(percent(0.001), "<1%");
        assert_eq!(percent(0.35), "35%");
        assert_eq!(speed_label(100.0), "100×");
    }
}
