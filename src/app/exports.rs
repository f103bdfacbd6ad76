//! Images and data out of the window: the current view as a PNG slide at 2× (the same
//! `slide_ui` the `export` command draws), the whole window as on screen, an image on the
//! clipboard, and the cost curves as CSV.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::explorer::{Banner, ExplorerApp, ScreenshotSlot};
use crate::command::PathAction;
use crate::model::format::slug;
use crate::presets;
use crate::render::{self, Offscreen};
use crate::slide_fit;

impl ExplorerApp {
    /// Renders the current view as a slide at 2× the window's layout size, in the state the
    /// user left it (the playhead where it is), with the theme on screen.
    pub(super) fn render_current_view(
        &mut self,
        ctx: &egui::Context,
    ) -> Result<egui::ColorImage, String> {
        if self.offscreen.is_none() {
            self.offscreen = Some(match self.device.clone() {
                Some((device, queue)) => Offscreen::with_device(device, queue),
                None => Offscreen::new().map_err(|e| e.to_string())?,
            });
        }
        let theme = self.theme(ctx);
        let Some(renderer) = self.offscreen.as_mut() else {
            return Err("no renderer".to_owned());
        };
        let data = (&self.scenario, &self.derived);
        let size = (ctx.content_rect().size(), 2.0);
        slide_fit::lay_out_slide(self.settings.view, &self.settings.views, data, &theme, size)
            .ok_or_else(|| "no frame was rendered".to_owned())?
            .render(renderer)
            .map_err(|e| e.to_string())
    }

    pub(super) fn export_view_dialog(&mut self, ctx: &egui::Context) {
        let suggested = format!(
            "{}-{}.png",
            slug(&self.scenario.name),
            self.settings.view.key()
        );
        let dialog = rfd::FileDialog::new()
            .set_title("Export view as PNG")
            .add_filter("PNG image", &["png"])
            .set_file_name(&suggested);
        if let Some(path) = self.dialog(PathAction::ExportView, &suggested, || dialog.save_file()) {
            self.export_view_to(ctx, &path);
        }
    }

    /// Writes the current view as a PNG to `path`.
    pub(super) fn export_view_to(&mut self, ctx: &egui::Context, path: &Path) {
        match self
            .render_current_view(ctx)
            .and_then(|image| render::save_png(&image, path).map_err(|e| e.to_string()))
        {
            Ok(()) => {
                self.banner = Some(Banner {
                    text: format!("Exported {}", path.display()),
                    error: false,
                });
            }
            Err(e) => self.error(format!("Export PNG: {e}")),
        }
    }

    /// Saves the cost view's curves (every model's monthly cost at every volume on the chart) as
    /// CSV, to a file chosen in a native dialog.
    pub(super) fn export_curves_dialog(&mut self) {
        let suggested = format!("{}-cost-curves.csv", slug(&self.scenario.name));
        let dialog = rfd::FileDialog::new()
            .set_title("Export curve data as CSV")
            .add_filter("CSV", &["csv"])
            .set_file_name(&suggested);
        if let Some(path) = self.dialog(PathAction::ExportCurves, &suggested, || dialog.save_file())
        {
            self.export_curves_to(&path);
        }
    }

    /// Writes the cost view's curves as CSV to `path`.
    pub(super) fn export_curves_to(&mut self, path: &Path) {
        let written = match self.derived.curves.to_csv() {
            Ok(csv) => presets::write_atomically(path, csv.as_bytes()).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match written {
            Ok(()) => {
                self.banner = Some(Banner {
                    text: format!("Exported curve data to {}", path.display()),
                    error: false,
                });
            }
            Err(e) => self.error(format!("Could not export curve data: {e}")),
        }
    }

    pub(super) fn export_window_dialog(&mut self, ctx: &egui::Context) {
        let suggested = format!("{}-window.png", slug(&self.scenario.name));
        let dialog = rfd::FileDialog::new()
            .set_title("Export window as PNG")
            .add_filter("PNG image", &["png"])
            .set_file_name(&suggested);
        if let Some(path) = self.dialog(PathAction::ExportWindow, &suggested, || dialog.save_file())
        {
            self.export_window_to(ctx, path);
        }
    }

    /// Writes the whole window as a PNG to `path`, once the next frame's screenshot arrives.
    pub(super) fn export_window_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        let slot: ScreenshotSlot = Arc::new(Mutex::new(None));
        let callback_slot = Arc::clone(&slot);
        let callback_path = path.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let result = render::save_png(&image, &callback_path).map_err(|e| e.to_string());
            if let Ok(mut s) = callback_slot.lock() {
                *s = Some(result);
            }
            repaint.request_repaint();
        });
        self.window_shot = Some((path, slot));
    }

    /// Reports the outcome of a window export once its screenshot was written.
    pub(super) fn finish_window_shot(&mut self) {
        let Some((path, slot)) = &self.window_shot else {
            return;
        };
        let outcome = slot.lock().ok().and_then(|mut s| s.take());
        let path = path.clone();
        match outcome {
            Some(Ok(())) => {
                self.window_shot = None;
                self.banner = Some(Banner {
                    text: format!("Exported {}", path.display()),
                    error: false,
                });
            }
            Some(Err(e)) => {
                self.window_shot = None;
                self.error(format!("Export PNG: {e}"));
            }
            None => {}
        }
    }
}
