//! The scenario editor builds only the parts near its visible area, unless assistive technology
//! reads the whole tree. These tests drive two copies of the app through the same scrolling and
//! Tab presses, one with AccessKit on (every row built) and one without (rows built lazily), and
//! check that both move the keyboard focus through the same widgets and draw exactly the same
//! (every vertex's position and colour, the scrollbar included) in every frame but those where
//! Tab moves the focus.

use egui::epaint::Primitive;
use egui::{
    Color32, Context, Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, Pos2, RawInput,
    Rect, TouchPhase, pos2, vec2,
};
use serverless_explorer::app::{ExplorerApp, Settings, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::ui::theme::ThemeKind;

/// What a frame shows: the triangles that cover some of their clip rect, each as its corners'
/// positions and colours. Texture coordinates are left out: the font atlas fills in a different
/// order when different text has been laid out. Triangles wholly outside their clip rect are
/// left out too: they show nothing, and a widget just past the visible edge may or may not be
/// built.
type Drawn = Vec<[(Pos2, Color32); 3]>;

const SIZE: egui::Vec2 = vec2(1280.0, 800.0);

/// A point over the editor panel, on the right of the window.
const OVER_EDITOR: Pos2 = pos2(1150.0, 500.0);

struct Run {
    ctx: Context,
    app: ExplorerApp,
    frame: u64,
}

impl Run {
    fn new(view: ViewId, accesskit: bool) -> Self {
        let ctx = Context::default();
        if accesskit {
            ctx.enable_accesskit();
        }
        let app = ExplorerApp::with_settings(
            Settings::default(),
            StartOptions {
                fresh: true,
                view: Some(view),
                theme: Some(ThemeKind::Light),
                ..StartOptions::default()
            },
        );
        Self { ctx, app, frame: 0 }
    }

    fn step(&mut self, events: Vec<Event>) -> Drawn {
        let mut all = vec![Event::PointerMoved(OVER_EDITOR)];
        all.extend(events);
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
            time: Some(self.frame as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            events: all,
            focused: true,
            ..RawInput::default()
        };
        self.frame += 1;
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.draw(ui));
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        output.textures_delta.clear();
        let mut drawn = Drawn::new();
        for p in primitives {
            let Primitive::Mesh(mesh) = p.primitive else {
                continue;
            };
            let corner = |index: &u32| {
                let v = mesh
                    .vertices
                    .get(*index as usize)
                    .copied()
                    .unwrap_or_default();
                (v.pos, v.color)
            };
            for triangle in mesh.indices.chunks_exact(3) {
                let [a, b, c] = triangle else {
                    continue;
                };
                let corners = [corner(a), corner(b), corner(c)];
                let bounds = Rect::from_points(&corners.map(|(pos, _)| pos));
                let shown = bounds.intersect(p.clip_rect);
                if shown.width() > 0.0 && shown.height() > 0.0 {
                    drawn.push(corners);
                }
            }
        }
        drawn
    }

    fn focused(&self) -> Option<egui::Id> {
        self.ctx.memory(egui::Memory::focused)
    }
}

fn wheel(dy: f32) -> Event {
    Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, dy),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    }
}

fn tab(modifiers: Modifiers) -> Vec<Event> {
    [true, false]
        .into_iter()
        .map(|pressed| Event::Key {
            key: Key::Tab,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        })
        .collect()
}

/// Runs both copies through the same input, comparing every frame.
fn same_frames(view: ViewId) {
    let mut full = Run::new(view, true);
    let mut lazy = Run::new(view, false);
    let mut check = |events: Vec<Event>, what: &str| {
        let (a, b) = (full.step(events.clone()), lazy.step(events));
        // In the frame a Tab moves the focus, the widgets losing and gaining it are drawn from
        // egui's memory of the frame before, when the lazy editor may not have built them: a
        // difference there lasts that one frame, at the edge of the view, and is not checked.
        if !what.starts_with("tab") && !what.starts_with("shift+tab") {
            assert!(
                a == b,
                "{view:?}: {what}: the lazy editor draws differently"
            );
        }
        assert_eq!(full.focused(), lazy.focused(), "{view:?}: {what}: focus");
        lazy.focused()
    };
    for i in 0..5 {
        check(Vec::new(), &format!("settle {i}"));
    }
    // Down in steps (wheel scrolling is smoothed over frames), to the end and back up.
    for (i, dy) in std::iter::repeat_n(-170.0, 30)
        .chain(std::iter::repeat_n(230.0, 25))
        .enumerate()
    {
        check(vec![wheel(dy)], &format!("scroll step {i}"));
        check(Vec::new(), &format!("after scroll step {i}"));
    }
    // Through the whole window with Tab, into the editor and down it, then back a little.
    let mut reached = std::collections::HashSet::new();
    for i in 0..120 {
        check(tab(Modifiers::NONE), &format!("tab {i}"));
        reached.extend(check(Vec::new(), &format!("after tab {i}")));
    }
    for i in 0..20 {
        check(tab(Modifiers::SHIFT), &format!("shift+tab {i}"));
        check(Vec::new(), &format!("after shift+tab {i}"));
    }
    assert!(
        reached.len() > 60,
        "Tab reached only {} widgets",
        reached.len()
    );
}

#[test]
fn lazy_cost_editor_draws_like_the_full_one() {
    same_frames(ViewId::Cost);
}

#[test]
fn lazy_scaling_editor_draws_like_the_full_one() {
    same_frames(ViewId::Scaling);
}
