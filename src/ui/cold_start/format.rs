//! How the cold-start view writes numbers: durations, moments, clock ticks, rates, ratios and
//! shares, each with its unit.

use egui::{RichText, Ui};

use crate::model::format::{clock, group};
use crate::ui::theme::Theme;

/// A duration in ms: "8,887 ms", "2.5 ms".
pub(super) fn fmt_ms(ms: f64) -> String {
    if ms.abs() < 10.0 {
        format!("{} ms", group(ms, 1))
    } else {
        format!("{} ms", group(ms, 0))
    }
}

/// A latency for a small label: "375 ms" or "9.0 s".
pub(super) fn fmt_latency_short(ms: f64) -> String {
    if ms < 1000.0 {
        format!("{} ms", group(ms, 0))
    } else {
        format!("{} s", group(ms / 1000.0, 1))
    }
}

/// A time or length in seconds with sensible precision: "4,200 s", "60.7 s", "0.26 s".
pub(super) fn fmt_s(seconds: f64) -> String {
    let decimals = if seconds == 0.0 || seconds.abs() >= 100.0 {
        0
    } else if seconds.abs() >= 10.0 {
        1
    } else {
        2
    };
    format!("{} s", group(seconds, decimals))
}

/// A moment on the timeline, to the millisecond: "1,244.903 s".
pub(super) fn fmt_time(seconds: f64) -> String {
    format!("{} s", group(seconds, 3))
}

/// An axis tick on a clock from the scenario's start, with `decimals` decimals of a second:
/// "12:31:59.5".
pub(super) fn fmt_clock_tick(seconds: f64, decimals: usize) -> String {
    let scale = 10_f64.powi(decimals.min(3) as i32);
    let tenths = (seconds.max(0.0) * scale).round();
    let whole = (tenths / scale).floor();
    let clock = clock(whole);
    if decimals == 0 {
        clock
    } else {
        let fraction = (tenths - whole * scale) as u64;
        format!("{clock}.{fraction:0width$}", width = decimals.min(3))
    }
}

/// A duration: ms below a second, seconds below an hour's worth of minutes, then minutes.
pub(super) fn fmt_duration(seconds: f64) -> String {
    if seconds < 1.0 {
        fmt_ms(seconds * 1000.0)
    } else if seconds < 120.0 {
        fmt_s(seconds)
    } else if seconds >= 3.0 * 3600.0 {
        let hours = seconds / 3600.0;
        format!("{} h", group(hours, usize::from(hours < 10.0)))
    } else {
        let minutes = seconds / 60.0;
        format!("{} min", group(minutes, usize::from(minutes < 10.0)))
    }
}

/// A ratio: "60×", "4.1×".
pub(super) fn fmt_times(ratio: f64) -> String {
    format!("{}×", group(ratio, usize::from(ratio < 10.0)))
}

/// A rate in requests per second: "30", "0.1".
pub(super) fn fmt_rate(rps: f64) -> String {
    if rps >= 100.0 {
        group(rps, 0)
    } else if rps >= 1.0 {
        group(rps, 1)
    } else {
        group(rps, 3)
    }
}

/// A share as a percentage with two significant digits: "2.3%", "0.048%".
pub(super) fn fmt_percent(share: f64) -> String {
    let percent = share * 100.0;
    if percent <= 0.0 {
        "0%".to_owned()
    } else if percent < 0.001 {
        "< 0.001%".to_owned()
    } else {
        let decimals = (1.0 - percent.log10().floor()).clamp(0.0, 4.0) as usize;
        format!("{}%", group(percent, decimals))
    }
}

/// "12.9  cold starts per hour": a strong number and a weak caption.
pub(super) fn figure_line(ui: &mut Ui, value: &str, caption: &str, what: &str, theme: &Theme) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(value).font(theme.font(20.0)).strong())
            .on_hover_text(what);
        ui.label(RichText::new(caption).color(theme.weak_text))
            .on_hover_text(what);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_rounded() {
        assert_eq!(group(1_234_567.0, 0), "1,234,567");
        assert_eq!(group(999.96, 1), "1,000.0");
        assert_eq!(group(12.0, 0), "12");
        assert_eq!(group(-1234.5, 1), "−1,234.5");
        assert_eq!(fmt_ms(8886.5), "8,887 ms");
        assert_eq!(fmt_ms(2.5), "2.5 ms");
        assert_eq!(fmt_latency_short(9036.0), "9.0 s");
        assert_eq!(fmt_latency_short(375.0), "375 ms");
    }

    #[test]
    fn clock_ticks_read_as_hours_minutes_seconds() {
        assert_eq!(fmt_clock_tick(45_119.5, 1), "12:31:59.5");
        assert_eq!(fmt_clock_tick(45_120.0, 1), "12:32:00.0");
        assert_eq!(fmt_clock_tick(3_600.25, 2), "1:00:00.25");
        assert_eq!(fmt_clock_tick(59.0, 0), "0:59");
        assert_eq!(fmt_clock_tick(59.96, 1), "1:00.0");
    }

    #[test]
    fn percentages_keep_two_significant_digits() {
        assert_eq!(fmt_percent(0.023), "2.3%");
        assert_eq!(fmt_percent(0.000_48), "0.048%");
        assert_eq!(fmt_percent(0.37), "37%");
        assert_eq!(fmt_percent(1.0), "100%");
        assert_eq!(fmt_percent(0.0), "0%");
        assert_eq!(fmt_percent(1e-9), "< 0.001%");
    }
}
