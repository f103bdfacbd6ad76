//! Writing rendered images to PNG files, atomically, and cropping them to a view.

use std::path::Path;

/// Why an image could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
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
pub fn png_bytes(image: &egui::ColorImage, path: &Path) -> Result<Vec<u8>, ExportError> {
    let [width, height] = image.size;
    let bad = || ExportError::BadImage {
        path: path.display().to_string(),
        width,
        height,
    };
    if width == 0 || height == 0 {
        return Err(bad());
    }
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, rgba).ok_or_else(bad)?;
    let mut bytes = Vec::new();
    buffer
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|e| ExportError::Encode {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
    Ok(bytes)
}

/// Writes an egui image to `path` as PNG, through a temporary file and a rename.
pub fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), ExportError> {
    let bytes = png_bytes(image, path)?;
    crate::presets::write_atomically(path, &bytes)?;
    Ok(())
}

/// The part of `image` inside `rect` (in points), at `pixels_per_point`.
pub fn crop(image: &egui::ColorImage, rect: egui::Rect, pixels_per_point: f32) -> egui::ColorImage {
    image.region(&rect, Some(pixels_per_point))
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
            Err(ExportError::BadImage { .. })
        ));
    }

    #[test]
    fn unwritable_path_is_an_error_naming_it() {
        let image = egui::ColorImage::new([1, 1], vec![egui::Color32::RED]);
        let err = save_png(&image, Path::new("/no/such/dir/x.png")).unwrap_err();
        assert!(err.to_string().contains("/no/such/dir/x.png"), "{err}");
    }
}
