//! The `--screenshot` mode: render the first settled frame to a PNG, then close the window.

use std::sync::Arc;

use super::explorer::ExplorerApp;
use crate::render;

/// Frames rendered before the screenshot is taken, so fonts and layout settle (egui sizes some
/// containers in a first pass). Four suffice: the PNGs of every view after 4 and after 12 frames
/// are byte for byte the same.
const SETTLE_FRAMES: u32 = 4;

impl ExplorerApp {
    /// Takes the `--screenshot` once the frame has settled, then closes the window.
    pub(super) fn drive_screenshot(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        job.frames += 1;
        let outcome = job.result.lock().ok().and_then(|mut slot| slot.take());
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
        // The picture shows the scenario's own results, not older ones on their way out.
        let updating = self.is_updating();
        let Some(job) = &mut self.screenshot else {
            return;
        };
        if !job.requested && job.frames >= SETTLE_FRAMES && !updating {
            job.requested = true;
            let path = job.path.clone();
            let slot = Arc::clone(&job.result);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result =
                    render::save_png(&image, &path).map_err(|e| format!("screenshot: {e}"));
                if let Ok(mut s) = slot.lock() {
                    *s = Some(result);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}
