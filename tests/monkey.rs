//! Monkey test: kittest drives the whole app with seeded random clicks, drags, keys, typing,
//! scrolls, pastes and window resizes across every view and mode (presentation, tour, help,
//! themes, the editor). Nothing may panic, no NaN or infinite coordinate may reach the painter in
//! any frame, and the app must never hold a scenario that fails validation.
//!
//! `MONKEY_EVENTS=50000 MONKEY_SEED=7 cargo test --release --test monkey` runs longer. Buttons that
//! open native dialogs (labels ending in "…", and "Save", which asks where for a built-in preset)
//! and Ctrl+O/S/E are never pressed. The harness keeps kittest's default of panicking on a
//! character no bundled font can draw (egui's default proportional font has no arrows, for
//! example): on a machine without such system fonts the window would show a box instead.

mod perf_support;

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, Vec2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable as _, by};
use serverless_explorer::app::{ExplorerApp, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::model::rng::SplitMix64;
use serverless_explorer::presets::BUILT_INS;

/// Events in the default run: about half a minute in a debug build on two cores.
const DEFAULT_EVENTS: usize = 2_000;
/// The default seed, so every run drives the app the same way.
const DEFAULT_SEED: u64 = 0x5EED_0008;

/// The models' seeded generator, with the picks a monkey makes.
struct Rng(SplitMix64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }

    fn unit(&mut self) -> f32 {
        self.0.unit() as f32
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let index = self.below(items.len()).min(items.len().saturating_sub(1));
        #[expect(
            clippy::indexing_slicing,
            reason = "a test: callers pass non-empty lists"
        )]
        &items[index]
    }

    fn point_in(&mut self, rect: Rect) -> Pos2 {
        pos2(
            rect.min.x + self.unit() * rect.width(),
            rect.min.y + self.unit() * rect.height(),
        )
    }
}

/// Keys the monkey presses: the app's shortcuts and the keys widgets react to.
const KEYS: &[Key] = &[
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Space,
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::F5,
    Key::F1,
    Key::Escape,
    Key::Enter,
    Key::Tab,
    Key::Backspace,
    Key::Delete,
    Key::Home,
    Key::End,
    Key::PageUp,
    Key::PageDown,
    Key::Questionmark,
    Key::Minus,
    Key::Plus,
    Key::Num0,
    Key::A,
    Key::Z,
];

/// Shortcuts with Ctrl: undo, redo, zoom, select all. Never O, S or E (native dialogs).
const CTRL_KEYS: &[Key] = &[
    Key::Z,
    Key::Z,
    Key::Y,
    Key::Plus,
    Key::Minus,
    Key::Num0,
    Key::A,
];

/// What the monkey types into whichever field has focus.
const TEXTS: &[&str] = &[
    "0", "1", "9", "42", ".", "-", "e", "1e308", "-5", "99999999", "NaN", "inf", "abc", " ", "é",
];

/// The view tabs, by label.
const TABS: [&str; 4] = ["Who owns what", "Scaling", "Cold starts", "Cost"];

/// The monkey, its harness and what it has seen.
struct Monkey {
    harness: Harness<'static, ExplorerApp>,
    rng: Rng,
    size: Vec2,
    frames: u64,
    views_seen: [bool; 4],
    /// Modes reached at least once: presentation, tour, help, playing, edited, confirm dialog.
    modes_seen: [bool; 6],
    log: Vec<String>,
}

impl Monkey {
    /// Runs one frame with `event` and checks what it painted.
    fn send(&mut self, event: Event) {
        self.harness.event(event);
        self.frame();
    }

    /// Runs one frame and checks it.
    fn frame(&mut self) {
        self.harness.step();
        self.frames += 1;
        if let Some(problem) = perf_support::first_non_finite(&self.harness.output().shapes) {
            let problem: String = problem.chars().take(600).collect();
            panic!(
                "frame {}: {problem}\nlast actions:\n{}",
                self.frames,
                self.recent_log()
            );
        }
        let app = self.harness.state();
        if let Some(i) = ViewId::ALL.iter().position(|v| *v == app.settings.view)
            && let Some(seen) = self.views_seen.get_mut(i)
        {
            *seen = true;
        }
        let modes = [
            app.settings.presentation,
            app.tour.is_some(),
            app.show_help,
            app.settings.views.scaling.is_playing(),
            app.is_modified(),
            app.pending.is_some(),
        ];
        for (seen, now) in self.modes_seen.iter_mut().zip(modes) {
            *seen |= now;
        }
    }

    fn recent_log(&self) -> String {
        let from = self.log.len().saturating_sub(25);
        self.log.get(from..).unwrap_or_default().join("\n")
    }

    /// Rects of buttons that would open a native dialog, grown a little, and whether one of them
    /// has keyboard focus (Space or Enter would press it).
    fn forbidden(&self) -> (Vec<Rect>, bool) {
        let mut focused = false;
        let rects = self
            .harness
            .query_all(by().predicate(|n| {
                n.bounding_box().is_some()
                    && n.label().is_some_and(|l| l.ends_with('…') || l == "Save")
            }))
            .map(|n| {
                focused |= n.is_focused();
                n.rect().expand(3.0)
            })
            .collect();
        (rects, focused)
    }

    /// Rects of every widget on screen.
    fn widgets(&self) -> Vec<Rect> {
        self.harness
            .query_all(by().predicate(|n| n.bounding_box().is_some()))
            .map(|n| n.rect())
            .filter(|r| r.is_positive() && r.width() < self.size.x * 0.9)
            .collect()
    }

    fn random_point(&mut self) -> Pos2 {
        let screen = Rect::from_min_size(Pos2::ZERO, self.size);
        self.rng.point_in(screen)
    }

    /// A point on a random widget, or anywhere.
    fn target(&mut self) -> Pos2 {
        let widgets = self.widgets();
        if widgets.is_empty() || self.rng.below(4) == 0 {
            self.random_point()
        } else {
            let rect = *self.rng.pick(&widgets);
            self.rng.point_in(rect.shrink(1.0))
        }
    }

    fn safe(&self, pos: Pos2) -> bool {
        !self.forbidden().0.iter().any(|r| r.contains(pos))
    }

    fn click(&mut self, pos: Pos2, button: PointerButton) {
        if !self.safe(pos) {
            self.log
                .push(format!("skip click at {pos:?} (dialog button)"));
            self.send(Event::PointerMoved(pos));
            return;
        }
        self.log.push(format!("{button:?} click at {pos:?}"));
        self.send(Event::PointerMoved(pos));
        for pressed in [true, false] {
            self.send(Event::PointerButton {
                pos,
                button,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }

    fn drag(&mut self) {
        let from = self.target();
        let to = self.random_point();
        if !self.safe(from) || !self.safe(to) {
            return;
        }
        self.log.push(format!("drag {from:?} -> {to:?}"));
        self.send(Event::PointerMoved(from));
        self.send(Event::PointerButton {
            pos: from,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        });
        let steps = 2 + self.rng.below(6);
        for i in 1..=steps {
            let p = from.lerp(to, i as f32 / steps as f32);
            self.send(Event::PointerMoved(p));
        }
        self.send(Event::PointerButton {
            pos: to,
            button: PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        });
    }

    fn scroll(&mut self) {
        let pos = self.target();
        let delta = vec2(
            (self.rng.unit() - 0.5) * 200.0,
            (self.rng.unit() - 0.5) * 600.0,
        );
        let modifiers = if self.rng.below(4) == 0 {
            Modifiers::COMMAND
        } else {
            Modifiers::NONE
        };
        self.log
            .push(format!("scroll {delta:?} at {pos:?} ({modifiers:?})"));
        self.send(Event::PointerMoved(pos));
        if modifiers != Modifiers::NONE {
            self.send(Event::ModifiersChanged(modifiers));
        }
        self.send(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers,
        });
        if modifiers != Modifiers::NONE {
            self.send(Event::ModifiersChanged(Modifiers::NONE));
        }
    }

    fn key(&mut self, key: Key, modifiers: Modifiers) {
        if matches!(key, Key::Space | Key::Enter) && self.forbidden().1 {
            self.log
                .push(format!("skip {key:?}: a dialog button has focus"));
            return;
        }
        self.log.push(format!("key {key:?} ({modifiers:?})"));
        if modifiers != Modifiers::NONE {
            self.send(Event::ModifiersChanged(modifiers));
        }
        for pressed in [true, false] {
            self.send(Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            });
        }
        if modifiers != Modifiers::NONE {
            self.send(Event::ModifiersChanged(Modifiers::NONE));
        }
    }

    fn click_label(&mut self, label: &str) {
        let rect = self
            .harness
            .query_all_by_label(label)
            .next()
            .map(|n| n.rect());
        if let Some(rect) = rect {
            let pos = rect.center();
            self.click(pos, PointerButton::Primary);
        }
    }

    /// A built-in preset's text, cut somewhere, as a paste would bring it.
    fn paste(&mut self) {
        let source = self.rng.pick(BUILT_INS).source;
        let text = if self.rng.below(2) == 0 {
            source.to_owned()
        } else {
            source.chars().take(self.rng.below(source.len())).collect()
        };
        self.log.push(format!("paste {} chars", text.len()));
        self.send(Event::Paste(text));
    }

    fn resize(&mut self) {
        let size = vec2(
            800.0 + self.rng.unit() * 1120.0,
            560.0 + self.rng.unit() * 640.0,
        )
        .round();
        self.log.push(format!("resize to {size:?}"));
        self.size = size;
        self.harness.set_size(size);
        self.frame();
    }

    /// One random action.
    fn act(&mut self) {
        match self.rng.below(100) {
            0..18 => {
                let pos = self.target();
                self.click(pos, PointerButton::Primary);
            }
            18..24 => {
                let pos = self.random_point();
                self.click(pos, PointerButton::Primary);
            }
            24..28 => {
                let tab = *self.rng.pick(&TABS);
                self.click_label(tab);
            }
            28..29 => {
                let label = *self
                    .rng
                    .pick(&["Guided tour", "Present", "Play", "Restart"]);
                self.click_label(label);
            }
            29..38 => self.drag(),
            38..47 => self.scroll(),
            47..67 => {
                let key = *self.rng.pick(KEYS);
                self.key(key, Modifiers::NONE);
            }
            67..72 => {
                let key = *self.rng.pick(CTRL_KEYS);
                let modifiers = if key == Key::Z && self.rng.below(3) == 0 {
                    Modifiers::COMMAND | Modifiers::SHIFT
                } else {
                    Modifiers::COMMAND
                };
                self.key(key, modifiers);
            }
            72..77 => {
                let text = *self.rng.pick(TEXTS);
                self.log.push(format!("type {text:?}"));
                self.send(Event::Text(text.to_owned()));
            }
            77..89 => {
                let pos = self.target();
                self.send(Event::PointerMoved(pos));
            }
            89..94 => {
                let frames = 1 + self.rng.below(30);
                self.log.push(format!("wait {frames} frames"));
                for _ in 0..frames {
                    self.frame();
                }
            }
            94..96 => {
                let pos = self.target();
                self.click(pos, PointerButton::Secondary);
            }
            96..97 => self.paste(),
            97..98 => self.resize(),
            _ => {
                self.log.push("pointer gone".to_owned());
                self.send(Event::PointerGone);
            }
        }
    }
}

#[test]
fn random_input_never_panics_or_paints_nan() {
    let events = std::env::var("MONKEY_EVENTS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(DEFAULT_EVENTS);
    let seed = std::env::var("MONKEY_SEED")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(DEFAULT_SEED);
    let size = vec2(1440.0, 900.0);
    let harness = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    ..StartOptions::default()
                },
            )
        });
    let mut monkey = Monkey {
        harness,
        rng: Rng(SplitMix64(seed)),
        size,
        frames: 0,
        views_seen: [false; 4],
        modes_seen: [false; 6],
        log: Vec::new(),
    };
    for _ in 0..3 {
        monkey.frame();
    }
    for i in 0..events {
        // Every view gets its share of the run, whatever the random clicks do.
        if i % 100 == 0 {
            let tab = TABS[(i / 100) % TABS.len()];
            monkey.click_label(tab);
        }
        monkey.act();
        let app = monkey.harness.state();
        if let Err(e) = app.scenario.validate() {
            panic!(
                "after action {i} the app holds an invalid scenario: {e}\nlast actions:\n{}",
                monkey.recent_log()
            );
        }
        assert!(
            app.settings.views.scaling.t_s().is_finite(),
            "after action {i} the playhead is {}",
            app.settings.views.scaling.t_s()
        );
    }
    eprintln!(
        "monkey: {events} actions, {} frames, seed {seed}, views seen {:?}, modes seen \
         (presentation, tour, help, playing, edited, confirm) {:?}",
        monkey.frames, monkey.views_seen, monkey.modes_seen
    );
    assert!(
        monkey.views_seen.iter().all(|&seen| seen) || events < 400,
        "not every view was visited: {:?}",
        monkey.views_seen
    );
}

#[test]
fn the_painter_check_catches_nan() {
    use egui::epaint::{ClippedShape, Shape, Stroke};
    let clip = Rect::from_min_size(Pos2::ZERO, vec2(100.0, 100.0));
    let good = ClippedShape::new(
        clip,
        Shape::line_segment(
            [pos2(0.0, 0.0), pos2(10.0, 10.0)],
            Stroke::new(1.0, egui::Color32::RED),
        ),
    );
    let bad = ClippedShape::new(
        clip,
        Shape::Vec(vec![Shape::line(
            vec![pos2(0.0, 0.0), pos2(f32::NAN, 1.0)],
            Stroke::new(1.0, egui::Color32::RED),
        )]),
    );
    assert!(perf_support::first_non_finite(std::slice::from_ref(&good)).is_none());
    assert!(perf_support::first_non_finite(&[good, bad]).is_some());
}
