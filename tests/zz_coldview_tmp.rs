//! Temporary (cold-start helper): renders states the CLI cannot set; deleted right after use.
use std::path::PathBuf;
use egui_kittest::Harness;
use serverless_explorer::app::{ExplorerApp, StartOptions, ViewId};
use serverless_explorer::model::scenario::Runtime;
use serverless_explorer::presets::{self, Origin};
use serverless_explorer::ui::theme::ThemeKind;

#[test]
fn render_states() {
    for (theme, tname) in [(ThemeKind::Light, "light"), (ThemeKind::Projector, "projector")] {
        for (size, sname) in [((1920.0, 1080.0), "1920"), ((1280.0, 800.0), "1280")] {
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("presets").join("cold-start-sensitive-java-api.ron");
            let mut s = presets::load(&path).unwrap();
            s.cold_start.snapstart = true;
            let scenario = Some((Origin::File(path), s));
            let mut h = Harness::builder().with_size(egui::vec2(size.0, size.1)).with_pixels_per_point(1.0)
                .build_eframe(move |cc| ExplorerApp::new(cc, StartOptions { fresh: true, view: Some(ViewId::ColdStart), theme: Some(theme), scenario, ..StartOptions::default() }));
            h.state_mut().settings.cold_start.compare = Some(Runtime::Nodejs20);
            h.run();
            h.render().unwrap().save(format!("/tmp/coldview/tmp-snap-{tname}-{sname}.png")).unwrap();
        }
    }
}
