//! A bare eframe window built from the same crates as the app (eframe 0.37 with wgpu and
//! persistence, image for the PNG), with the app's `--screenshot PATH` path: let the same number
//! of frames settle, `ctx.request_screenshot`, save the PNG, close. benches/startup.sh times it
//! against the app to show what the app adds to the time to first frame and to peak memory.
//!
//! `bare_window --screenshot /tmp/bare.png [--size 1920x1080]`

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use eframe::egui;

/// Frames rendered before the screenshot, as many as the app lets settle.
const SETTLE_FRAMES: u32 = 4;

/// Where the screenshot callback leaves its outcome.
type Slot = Arc<Mutex<Option<Result<(), String>>>>;

/// The window: a label, and the screenshot job.
struct Bare {
    path: Option<PathBuf>,
    frames: u32,
    requested: bool,
    result: Slot,
    exit_code: Arc<Mutex<u8>>,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Bare eframe window");
            ui.label("The reference for the startup benchmark.");
        });
        let ctx = ui.ctx().clone();
        let Some(path) = &self.path else {
            return;
        };
        self.frames += 1;
        let outcome = self.result.lock().ok().and_then(|mut slot| slot.take());
        if let Some(outcome) = outcome {
            if let Err(message) = outcome {
                eprintln!("{message}");
                if let Ok(mut code) = self.exit_code.lock() {
                    *code = 1;
                }
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if !self.requested && self.frames >= SETTLE_FRAMES {
            self.requested = true;
            let path = path.clone();
            let slot = Arc::clone(&self.result);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result = save_png(&image, &path);
                if let Ok(mut s) = slot.lock() {
                    *s = Some(result);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

/// Writes an egui image as a PNG.
fn save_png(image: &egui::ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [w, h] = image.size;
    let pixels: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let rgba = image::RgbaImage::from_raw(w as u32, h as u32, pixels)
        .ok_or_else(|| "screenshot: image size does not match its pixels".to_owned())?;
    rgba.save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| format!("screenshot: {}: {e}", path.display()))
}

/// `--screenshot PATH` and `--size WxH`, nothing else.
fn parse_args() -> Result<(Option<PathBuf>, [f32; 2]), String> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut size = [1440.0, 900.0];
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--screenshot" => {
                path = Some(PathBuf::from(
                    args.next().ok_or("--screenshot needs a PATH")?,
                ));
            }
            "--size" => {
                let text = args.next().ok_or("--size needs WxH")?;
                let (w, h) = text
                    .split_once(['x', 'X'])
                    .ok_or_else(|| format!("`{text}` is not WxH"))?;
                let parse = |v: &str| v.parse::<f32>().map_err(|e| format!("`{text}`: {e}"));
                size = [parse(w)?, parse(h)?];
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok((path, size))
}

fn main() -> ExitCode {
    let (path, size) = match parse_args() {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("error: {e}\nusage: bare_window [--screenshot PATH] [--size WxH]");
            return ExitCode::from(2);
        }
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare eframe window")
            .with_app_id("bare-window")
            .with_inner_size(size),
        persist_window: path.is_none(),
        ..Default::default()
    };
    let exit_code = Arc::new(Mutex::new(0_u8));
    let app = Bare {
        path,
        frames: 0,
        requested: false,
        result: Arc::new(Mutex::new(None)),
        exit_code: Arc::clone(&exit_code),
    };
    if let Err(e) = eframe::run_native("bare-window", options, Box::new(|_cc| Ok(Box::new(app)))) {
        eprintln!("error: cannot open the window: {e}");
        return ExitCode::from(1);
    }
    ExitCode::from(exit_code.lock().map_or(1, |c| *c))
}
