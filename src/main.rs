//! Entry point: parses the command line, then opens the window or runs a headless subcommand.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serverless_explorer::app::{ExplorerApp, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::derived::Derived;
use serverless_explorer::export::{self, ImageSpec};
use serverless_explorer::model::origin::Origin;
use serverless_explorer::model::rates_from_files::price_from_files;
use serverless_explorer::model::scenario::Scenario;
use serverless_explorer::model::traffic_file::TrafficFile;
use serverless_explorer::model::traffic_import::{ImportOptions, LogBin};
use serverless_explorer::presets;
use serverless_explorer::render::{self, Offscreen};
use serverless_explorer::report::{self, ReportFormat};
use serverless_explorer::ui::theme::ThemeKind;

/// See what changes when compute moves from racks to functions.
#[derive(Parser, Debug)]
#[command(
    name = "serverless-explorer",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// A preset file (.ron) to open instead of the default preset.
    preset: Option<PathBuf>,

    /// Render the first settled frame of the window to this PNG, then exit.
    #[arg(long, value_name = "PATH")]
    screenshot: Option<PathBuf>,

    /// Window size in points, e.g. 1920x1080.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    size: Option<(f32, f32)>,

    /// The view to show first: stack, scaling, cold-start or cost.
    #[arg(long, value_name = "VIEW", value_parser = parse_view)]
    view: Option<ViewId>,

    /// Force a theme: light, dark or projector.
    #[arg(long, value_name = "THEME", value_parser = parse_theme)]
    theme: Option<ThemeKind>,

    /// Start in presentation mode (as F5 does): large type, projector theme, no editor.
    #[arg(long)]
    present: bool,

    #[command(flatten)]
    traffic: TrafficArgs,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the numbers behind the four views.
    Report {
        /// A preset file, or the id or name of a built-in preset.
        #[arg(long, value_name = "FILE|NAME", default_value = "startup-rest-api")]
        preset: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: ReportFormat,
        #[command(flatten)]
        traffic: TrafficArgs,
    },
    /// Render views to PNG without opening a window.
    Export {
        /// A preset file, or the id or name of a built-in preset.
        #[arg(long, value_name = "FILE|NAME", default_value = "startup-rest-api")]
        preset: String,
        /// The view: stack, scaling, cold-start, cost, or all.
        #[arg(long, value_name = "VIEW")]
        view: String,
        /// The PNG to write, or a folder when --view all.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Layout size in points.
        #[arg(long, value_name = "WxH", value_parser = parse_size, default_value = "1920x1080")]
        size: (f32, f32),
        /// Pixels per point (2 writes 2× images for crisp slides).
        #[arg(long, default_value_t = 2.0, value_parser = parse_scale)]
        scale: f32,
        /// Theme: light, dark or projector.
        #[arg(long, value_parser = parse_theme, default_value = "light")]
        theme: ThemeKind,
        #[command(flatten)]
        traffic: TrafficArgs,
    },
    /// Write a preset whose rates come from AWS Price List offer files.
    Rates {
        /// An AWS Price List offer file (JSON) for one region, e.g. AWSLambda's; repeat for each
        /// service. Savings Plans price list files are read too.
        #[arg(long = "offer", value_name = "FILE", required = true)]
        offers: Vec<PathBuf>,
        /// The AWS region code whose prices to read, e.g. eu-west-1.
        #[arg(long, value_name = "CODE")]
        region: String,
        /// The preset whose other settings the new one keeps: a file, or a built-in id or name.
        #[arg(long, value_name = "FILE|NAME", default_value = "startup-rest-api")]
        preset: String,
        /// The preset file to write.
        #[arg(long, value_name = "NEW.ron")]
        out: PathBuf,
    },
}

/// A traffic file whose requests replace the preset's traffic.
#[derive(clap::Args, Debug, Clone)]
struct TrafficArgs {
    /// A traffic file: CloudWatch console CSV, CSV of timestamp/seconds with requests/rps,
    /// combined access log, or AWS CLI get-metric-statistics / get-metric-data JSON.
    #[arg(long, value_name = "FILE")]
    traffic: Option<PathBuf>,
    /// The series to read from a traffic file that holds several: a CSV column's name, or a
    /// get-metric-data result's Id or Label.
    #[arg(long, value_name = "NAME", requires = "traffic")]
    traffic_series: Option<String>,
    /// How an access log's requests are counted: per second or per minute.
    #[arg(long, value_name = "BIN", value_parser = parse_bin, default_value = "second", requires = "traffic")]
    traffic_bin: LogBin,
}

impl TrafficArgs {
    /// Reads the traffic file, if one was given.
    fn read(&self) -> Result<Option<TrafficFile>, String> {
        let Some(path) = &self.traffic else {
            return Ok(None);
        };
        let options = ImportOptions {
            series: self.traffic_series.clone(),
            log_bin: self.traffic_bin,
        };
        TrafficFile::read(path.clone(), options)
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// `scenario` with the traffic file's requests, if one was given; checked like an edit.
    fn apply(&self, scenario: Scenario) -> Result<Scenario, String> {
        let Some(file) = self.read()? else {
            return Ok(scenario);
        };
        let with = scenario.with_imported_traffic(&file.imported);
        with.validate().map_err(|e| {
            format!(
                "{}: the scenario does not accept this traffic: {e}",
                file.path.display()
            )
        })?;
        Ok(with)
    }
}

fn parse_bin(text: &str) -> Result<LogBin, String> {
    match text {
        "second" => Ok(LogBin::Second),
        "minute" => Ok(LogBin::Minute),
        _ => Err(format!("`{text}` is not a bin (allowed: second, minute)")),
    }
}

/// Parses `WxH` in points.
fn parse_size(text: &str) -> Result<(f32, f32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not WxH, e.g. 1920x1080"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<f32>()
            .ok()
            .filter(|v| (320.0..=8192.0).contains(v))
            .ok_or_else(|| format!("`{text}`: each side must be a number from 320 to 8192"))
    };
    Ok((parse(w)?, parse(h)?))
}

fn parse_view(text: &str) -> Result<ViewId, String> {
    ViewId::parse(text).ok_or_else(|| {
        let names: Vec<&str> = ViewId::ALL.iter().map(|v| v.key()).collect();
        format!("`{text}` is not a view (allowed: {})", names.join(", "))
    })
}

fn parse_scale(text: &str) -> Result<f32, String> {
    text.parse::<f32>()
        .ok()
        .filter(|v| (0.5..=4.0).contains(v))
        .ok_or_else(|| format!("`{text}` is not a scale (allowed 0.5 to 4)"))
}

fn parse_theme(text: &str) -> Result<ThemeKind, String> {
    ThemeKind::parse(text)
        .ok_or_else(|| format!("`{text}` is not a theme (allowed: light, dark, projector)"))
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Report {
            preset,
            format,
            traffic,
        }) => run_report(&preset, &traffic, format),
        Some(Command::Export {
            preset,
            view,
            out,
            size,
            scale,
            theme,
            traffic,
        }) => run_export(&preset, &traffic, &view, &out, (size, scale, theme)),
        Some(Command::Rates {
            offers,
            region,
            preset,
            out,
        }) => run_rates(&offers, &region, &preset, &out),
        None => run_window(&cli),
    }
}

/// Opens the window (or renders it once for `--screenshot`).
fn run_window(cli: &Cli) -> ExitCode {
    let scenario = match &cli.preset {
        Some(path) => match presets::load(path) {
            Ok(s) => Some((Origin::File(path.clone()), s)),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let traffic = match cli.traffic.read() {
        Ok(traffic) => traffic,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let screenshot = cli.screenshot.clone();
    let (w, h) = cli.size.unwrap_or((1440.0, 900.0));
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Serverless Explorer")
        .with_app_id("serverless-explorer")
        .with_inner_size([w, h])
        .with_min_inner_size([800.0, 560.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    // A screenshot must show the asked size and the defaults, not a window or settings remembered
    // from an earlier run, and must leave nothing behind: it gets an empty storage folder of its
    // own, removed afterwards.
    let scratch_storage = screenshot.as_ref().map(|_| {
        std::env::temp_dir().join(format!(
            "serverless-explorer-screenshot-{}",
            std::process::id()
        ))
    });
    let options = eframe::NativeOptions {
        viewport,
        persist_window: screenshot.is_none(),
        persistence_path: scratch_storage.as_ref().map(|dir| dir.join("app.ron")),
        ..Default::default()
    };
    let start = StartOptions {
        scenario,
        traffic,
        fresh: screenshot.is_some(),
        screenshot,
        view: cli.view,
        theme: cli.theme,
        present: cli.present,
        compute_in_background: true,
        ..StartOptions::default()
    };
    let exit_code = std::sync::Arc::clone(&start.exit_code);
    let result = eframe::run_native(
        "serverless-explorer",
        options,
        Box::new(move |cc| Ok(Box::new(ExplorerApp::new(cc, start)))),
    );
    if let Some(dir) = &scratch_storage {
        // Best effort: the folder is this run's own.
        let _ = std::fs::remove_dir_all(dir);
    }
    if let Err(e) = result {
        eprintln!(
            "error: cannot open the window: {e}\n\
             On Linux a display (X11 or Wayland) and a Vulkan or OpenGL driver are needed, \
             e.g. `apt-get install mesa-vulkan-drivers libvulkan1`."
        );
        return ExitCode::from(1);
    }
    let code = exit_code.lock().map_or(1, |c| *c);
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// Writes the program's output. The only place that prints to stdout.
#[expect(clippy::print_stdout, reason = "the CLI's output goes to stdout")]
fn emit(text: &str) {
    print!("{text}");
}

/// The preset named on the command line, with the traffic file's requests if one was given.
fn scenario_of(preset: &str, traffic: &TrafficArgs) -> Result<Scenario, String> {
    let (_, scenario) = presets::resolve(preset).map_err(|e| e.to_string())?;
    traffic.apply(scenario)
}

/// `report`: prints the numbers behind the views.
fn run_report(preset: &str, traffic: &TrafficArgs, format: ReportFormat) -> ExitCode {
    let scenario = match scenario_of(preset, traffic) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let derived = Derived::compute(&scenario);
    emit(&report::render(&scenario, &derived, format));
    ExitCode::SUCCESS
}

/// `rates`: writes a preset priced from AWS's price list files.
fn run_rates(offers: &[PathBuf], region: &str, preset: &str, out: &std::path::Path) -> ExitCode {
    let scenario = match presets::resolve(preset) {
        Ok((_, s)) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let priced = match price_from_files(&scenario, offers, region) {
        Ok(priced) => priced,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = presets::save(out, &priced.scenario) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let rates = &priced.scenario.rates;
    let mut text = format!(
        "wrote {}: {}, rates as of {}\nfrom the files ({}): {}\n",
        out.display(),
        rates.region,
        rates.as_of,
        priced.applied.from_files.len(),
        priced.applied.from_files.join(", ")
    );
    if !priced.applied.not_in_files.is_empty() {
        let _ = writeln!(
            text,
            "not in the files, kept ({}): {}",
            priced.applied.not_in_files.len(),
            priced.applied.not_in_files.join(", ")
        );
    }
    emit(&text);
    ExitCode::SUCCESS
}

/// `export`: renders views to PNG offscreen.
fn run_export(
    preset: &str,
    traffic: &TrafficArgs,
    view: &str,
    out: &std::path::Path,
    ((w, h), scale, theme): ((f32, f32), f32, ThemeKind),
) -> ExitCode {
    let scenario = match scenario_of(preset, traffic) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let targets: Vec<(ViewId, PathBuf)> = if view == "all" {
        if let Err(e) = std::fs::create_dir_all(out) {
            eprintln!("error: {}: cannot create the folder: {e}", out.display());
            return ExitCode::from(2);
        }
        ViewId::ALL
            .into_iter()
            .map(|v| (v, out.join(format!("{}.png", v.key()))))
            .collect()
    } else {
        match parse_view(view) {
            Ok(v) => vec![(v, out.to_owned())],
            Err(e) => {
                eprintln!("error: --view {e}, or all");
                return ExitCode::from(2);
            }
        }
    };
    let derived = Derived::compute(&scenario);
    let mut renderer = match Offscreen::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    for (view, path) in targets {
        let spec = ImageSpec {
            view,
            size_points: egui::vec2(w, h),
            scale,
            theme,
        };
        let image = match export::render_slide(&mut renderer, &scenario, &derived, spec) {
            Ok(image) => image,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                return ExitCode::from(1);
            }
        };
        if let Err(e) = render::save_png(&image, &path) {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
        let [pw, ph] = image.size;
        emit(&format!("wrote {} ({pw}×{ph})\n", path.display()));
    }
    ExitCode::SUCCESS
}
