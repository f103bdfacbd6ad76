//! Rendering egui frames to images with no window (through egui-wgpu, the renderer the window
//! uses) and writing them as PNG files. The window's "Export view as PNG…" and "Copy image" and
//! the `export` command all render here, each drawing its view with [`crate::ui::view::slide_ui`].

use std::path::Path;
use std::sync::mpsc;

use eframe::egui_wgpu::{self, wgpu};

/// Why an image could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The image has no pixels or its size does not match its data.
    #[error("{path}: the rendered image is empty or malformed ({width}×{height})")]
    BadImage {
        /// The file.
        path: String,
        /// Width in pixels.
        width: usize,
        /// Height in pixels.
        height: usize,
    },
    /// PNG encoding failed.
    #[error("{path}: cannot encode PNG: {message}")]
    Encode {
        /// The file.
        path: String,
        /// What the encoder said.
        message: String,
    },
    /// Writing the file failed.
    #[error(transparent)]
    Write(#[from] crate::presets::PresetError),
}

/// Encodes an egui image as PNG bytes.
pub fn png_bytes(image: &egui::ColorImage, path: &Path) -> Result<Vec<u8>, PngError> {
    let [width, height] = image.size;
    let bad = || PngError::BadImage {
        path: path.display().to_string(),
        width,
        height,
    };
    if width == 0 || height == 0 {
        return Err(bad());
    }
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, rgba).ok_or_else(bad)?;
    let mut bytes = Vec::new();
    buffer
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|e| PngError::Encode {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
    Ok(bytes)
}

/// Writes an egui image to `path` as PNG, through a temporary file and a rename.
pub fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), PngError> {
    let bytes = png_bytes(image, path)?;
    crate::presets::write_atomically(path, &bytes)?;
    Ok(())
}

/// Why nothing could be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// No GPU or software adapter.
    #[error(
        "no graphics adapter found ({0}). On Linux without a GPU, install Mesa's software \
         renderer: apt-get install mesa-vulkan-drivers libvulkan1"
    )]
    NoAdapter(String),
    /// The device failed while rendering or reading back.
    #[error("rendering failed: {0}")]
    Device(String),
}

/// The texture format rendered to: plain RGBA, as egui blends in gamma space.
const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

/// A device and an egui renderer of its own.
pub struct Offscreen {
    device: wgpu::Device,
    queue: wgpu::Queue,
    renderer: egui_wgpu::Renderer,
}

impl Offscreen {
    /// Creates a device of its own (no window, no display needed).
    pub fn new() -> Result<Self, RenderError> {
        let setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        let config = egui_wgpu::WgpuConfiguration {
            wgpu_setup: egui_wgpu::WgpuSetup::CreateNew(setup),
            ..Default::default()
        };
        let instance = pollster::block_on(config.wgpu_setup.new_instance());
        let state = pollster::block_on(egui_wgpu::RenderState::create(
            &config,
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|e| RenderError::NoAdapter(e.to_string()))?;
        Ok(Self::with_device(state.device, state.queue))
    }

    /// Uses an existing device (the window's), with a renderer of its own.
    pub fn with_device(device: wgpu::Device, queue: wgpu::Queue) -> Self {
        let renderer =
            egui_wgpu::Renderer::new(&device, FORMAT, egui_wgpu::RendererOptions::PREDICTABLE);
        Self {
            device,
            queue,
            renderer,
        }
    }

    /// Renders one egui frame's output to an image of the context's size.
    #[expect(
        clippy::too_many_lines,
        reason = "upload, draw, copy and read back are one GPU round trip"
    )]
    pub fn render(
        &mut self,
        ctx: &egui::Context,
        mut output: egui::FullOutput,
    ) -> Result<egui::ColorImage, RenderError> {
        let pixels_per_point = output.pixels_per_point;
        let size = ctx.content_rect().size() * pixels_per_point;
        let [width, height] = [
            size.x.round().max(1.0) as u32,
            size.y.round().max(1.0) as u32,
        ];
        let mut textures: Vec<_> = std::mem::take(&mut output.textures_delta.set)
            .into_iter()
            .collect();
        // Sorted, so uploads happen in the same order every run.
        textures.sort_by_key(|(id, _)| match id {
            egui::TextureId::Managed(n) | egui::TextureId::User(n) => *n,
        });
        for (id, deltas) in &textures {
            for delta in deltas {
                self.renderer
                    .update_texture(&self.device, &self.queue, *id, delta);
            }
        }
        let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), pixels_per_point);
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: [width, height],
            pixels_per_point,
        };
        let mut encoder = self
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("export"),
            });
        let user_buffers = self.renderer.update_buffers(
            &self.device,
            &self.queue,
            &mut encoder,
            &primitives,
            &screen,
        );
        let texture = self.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("export target"),
            size: wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: FORMAT,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("export pass"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::WHITE),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            self.renderer.render(&mut pass, &primitives, &screen);
        }
        // Rows of a texture copy must be padded to wgpu's alignment.
        let unpadded = width as usize * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded = unpadded.div_ceil(align) * align;
        let buffer = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("export readback"),
            size: (padded * height as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded as u32),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
        );
        let submission = self.queue.submit(
            user_buffers
                .into_iter()
                .chain(std::iter::once(encoder.finish())),
        );
        let slice = buffer.slice(..);
        let (sender, receiver) = mpsc::channel();
        slice.map_async(wgpu::MapMode::Read, move |result| {
            let _ = sender.send(result);
        });
        self.device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(submission),
                timeout: Some(std::time::Duration::from_secs(30)),
            })
            .map_err(|e| RenderError::Device(e.to_string()))?;
        receiver
            .recv()
            .map_err(|e| RenderError::Device(e.to_string()))?
            .map_err(|e| RenderError::Device(e.to_string()))?;
        let data = slice
            .get_mapped_range()
            .map_err(|e| RenderError::Device(e.to_string()))?;
        let rgba: Vec<u8> = data
            .chunks_exact(padded)
            .flat_map(|row| row.iter().take(unpadded).copied())
            .collect();
        drop(data);
        buffer.unmap();
        for id in std::mem::take(&mut output.textures_delta.free) {
            self.renderer.free_texture(&id);
        }
        Ok(egui::ColorImage::from_rgba_unmultiplied(
            [width as usize, height as usize],
            &rgba,
        ))
    }
}

/// Frames run before the image is taken, so layout and transitions settle.
pub const SETTLE_FRAMES: u32 = 8;

/// Runs `draw` for a few frames in a fresh context of `size_points` at `scale` pixels per point
/// (time advancing a quarter second a frame, so transitions finish), and renders the last frame.
pub fn render_frames(
    renderer: &mut Offscreen,
    size_points: egui::Vec2,
    scale: f32,
    draw: impl FnMut(&mut egui::Ui),
) -> Result<egui::ColorImage, RenderError> {
    let (ctx, output) = run_frames(size_points, scale, SETTLE_FRAMES, draw);
    let Some(output) = output else {
        return Err(RenderError::Device("no frame was rendered".to_owned()));
    };
    renderer.render(&ctx, output)
}

/// Runs `draw` for `frames` frames as [`render_frames`] does, without rendering: the context and
/// the last frame's output (its shapes are what the image would show).
pub fn run_frames(
    size_points: egui::Vec2,
    scale: f32,
    frames: u32,
    mut draw: impl FnMut(&mut egui::Ui),
) -> (egui::Context, Option<egui::FullOutput>) {
    let ctx = egui::Context::default();
    let mut output: Option<egui::FullOutput> = None;
    for frame in 0..frames {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size_points)),
            time: Some(f64::from(frame) * 0.25),
            predicted_dt: 0.25,
            ..Default::default()
        };
        ctx.set_pixels_per_point(scale);
        let mut full = ctx.run_ui(input, &mut draw);
        // Textures uploaded in earlier frames must reach the renderer too.
        if let Some(mut previous) = output.take() {
            let mut delta = std::mem::take(&mut previous.textures_delta);
            delta.append(std::mem::take(&mut full.textures_delta));
            full.textures_delta = delta;
        }
        output = Some(full);
    }
    (ctx, output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_round_trips_dimensions() {
        let image = egui::ColorImage::new([7, 5], vec![egui::Color32::RED; 35]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.png");
        save_png(&image, &path).unwrap();
        let read = image::open(&path).unwrap();
        assert_eq!((read.width(), read.height()), (7, 5));
    }

    #[test]
    fn empty_image_is_refused() {
        let image = egui::ColorImage::new([0, 0], vec![]);
        assert!(matches!(
            save_png(&image, Path::new("/tmp/never.png")),
            Err(PngError::BadImage { .. })
        ));
    }

    #[test]
    fn unwritable_path_is_an_error_naming_it() {
        let image = egui::ColorImage::new([1, 1], vec![egui::Color32::RED]);
        let err = save_png(&image, Path::new("/no/such/dir/x.png")).unwrap_err();
        assert!(err.to_string().contains("/no/such/dir/x.png"), "{err}");
    }
}
