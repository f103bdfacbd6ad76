//! The scenario editor, driven through the whole app by its accessible labels like a user would:
//! typed values apply and are clamped to the allowed range, the traffic generator writes its
//! points, the instance picker sets a name and a price together, and an invalid edit is held back.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serverless_explorer::app::{ExplorerApp, StartOptions};
use serverless_explorer::command::ViewId;
use serverless_explorer::model::scenario::Scenario;
use serverless_explorer::model::traffic::{ShapeParams, TrafficShape};
use serverless_explorer::ui::theme::ThemeKind;

fn harness(view: ViewId, size: egui::Vec2) -> Harness<'static, ExplorerApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            ExplorerApp::new(
                cc,
                StartOptions {
                    fresh: true,
                    view: Some(view),
                    theme: Some(ThemeKind::Light),
                    ..StartOptions::default()
                },
            )
        });
    harness.run();
    harness
}

fn large(view: ViewId) -> Harness<'static, ExplorerApp> {
    harness(view, egui::vec2(1600.0, 1000.0))
}

/// Scrolls the editor to a widget, then clicks it.
fn click(harness: &mut Harness<'_, ExplorerApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// Clicks the widget with this label (a button, an option of an open list).
fn press(harness: &mut Harness<'_, ExplorerApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks a number box, types `text` over its selected value and presses Enter.
fn type_number(harness: &mut Harness<'_, ExplorerApp>, label: &str, text: &str) {
    click(harness, Role::SpinButton, label);
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

fn scenario<'h>(harness: &'h Harness<'_, ExplorerApp>) -> &'h Scenario {
    &harness.state().scenario
}

#[test]
fn typed_memory_applies_and_is_clamped() {
    let mut harness = large(ViewId::Cost);
    assert_eq!(scenario(&harness).workload.memory_mb, 1536);

    type_number(&mut harness, "Memory", "2048");
    assert_eq!(scenario(&harness).workload.memory_mb, 2048);

    // Out of range either way: clamped to 128..=10240, never refused or wrapped.
    type_number(&mut harness, "Memory", "99999");
    assert_eq!(scenario(&harness).workload.memory_mb, 10_240);
    let banner = |h: &Harness<'_, ExplorerApp>| h.state().banner.clone().map(|b| b.text);
    let said = banner(&harness).unwrap_or_default();
    assert!(
        said.contains(
            "Memory: 99999 is outside the range (allowed 128 MB to 10,240 MB); set to 10,240 MB"
        ),
        "{said}"
    );
    type_number(&mut harness, "Memory", "5");
    assert_eq!(scenario(&harness).workload.memory_mb, 128);
    assert_eq!(scenario(&harness).validate(), Ok(()));

    // Not a number: the value is kept, and the banner says so with the range.
    type_number(&mut harness, "Memory", "abc");
    assert_eq!(scenario(&harness).workload.memory_mb, 128);
    let said = banner(&harness).unwrap_or_default();
    assert!(said.contains("Memory: \"abc\" is not a number"), "{said}");
    assert!(said.contains("kept 128 MB"), "{said}");
    // A value taken as typed says nothing new.
    harness.state_mut().banner = None;
    type_number(&mut harness, "Memory", "1024");
    assert!(banner(&harness).is_none());
}

#[test]
fn typed_volume_accepts_separators_and_suffixes() {
    let mut harness = large(ViewId::Cost);
    type_number(&mut harness, "Requests per month", "1.5B");
    assert_eq!(
        scenario(&harness).workload.requests_per_month,
        1_500_000_000
    );
    type_number(&mut harness, "Requests per month", "250,000");
    assert_eq!(scenario(&harness).workload.requests_per_month, 250_000);

    press(&mut harness, "Multiply requests per month by 10");
    assert_eq!(scenario(&harness).workload.requests_per_month, 2_500_000);
    press(&mut harness, "Divide requests per month by 10");
    assert_eq!(scenario(&harness).workload.requests_per_month, 250_000);
}

#[test]
fn replace_traffic_writes_the_generated_points() {
    let mut harness = large(ViewId::Scaling);
    click(&mut harness, Role::ComboBox, "Shape");
    press(&mut harness, "Steady");
    type_number(&mut harness, "Base rate", "25");

    press(&mut harness, "Replace traffic");
    let expected = TrafficShape::Steady.points(&ShapeParams {
        base_rps: 25.0,
        ..ShapeParams::default()
    });
    assert_eq!(scenario(&harness).traffic, expected);
    assert_eq!(scenario(&harness).traffic, vec![(0.0, 25.0), (600.0, 25.0)]);
}

#[test]
fn traffic_rows_are_added_and_removed_with_increasing_times() {
    let mut harness = large(ViewId::Scaling);
    let before = scenario(&harness).traffic.clone();
    press(&mut harness, &format!("Points ({})", before.len()));
    press(&mut harness, "Insert a point after point 1");
    let traffic = &scenario(&harness).traffic;
    assert_eq!(traffic.len(), before.len() + 1);
    assert_eq!(traffic.get(1), Some(&(30.0, 1.0)));
    assert!(traffic.windows(2).all(|w| w[0].0 < w[1].0));

    // A time typed past its neighbour is kept just before it.
    type_number(&mut harness, "Point 2 time", "9999");
    let traffic = &scenario(&harness).traffic;
    assert!(
        traffic[1].0 < traffic[2].0 && traffic[1].0 > 59.0,
        "{traffic:?}"
    );

    press(&mut harness, "Remove point 2");
    assert_eq!(scenario(&harness).traffic, before);
}

#[test]
fn instance_picker_sets_name_and_price() {
    let mut harness = large(ViewId::Cost);
    click(&mut harness, Role::ComboBox, "Instance type");
    press(&mut harness, "m7g.large  $0.0816/h");
    let vm = &scenario(&harness).vm;
    assert_eq!(vm.instance_type, "m7g.large");
    assert_eq!(vm.hourly_usd, 0.0816);
}

#[test]
fn an_invalid_edit_is_held_back_until_reverted() {
    let mut harness = large(ViewId::Stack);
    let before = scenario(&harness).clone();
    click(&mut harness, Role::TextInput, "Name");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    // An empty name does not validate: nothing is sent, the problem is shown.
    assert_eq!(scenario(&harness), &before);
    assert!(
        harness
            .query_by_label_contains("Not applied yet: name")
            .is_some()
    );
    press(&mut harness, "Revert");
    assert!(harness.query_by_label_contains("Not applied yet").is_none());
    assert_eq!(scenario(&harness), &before);
}

#[test]
fn open_sections_follow_the_view() {
    let mut harness = large(ViewId::Cost);
    let shown = |h: &Harness<'_, ExplorerApp>, label: &str| {
        h.query_by_role_and_label(Role::SpinButton, label).is_some()
    };
    assert!(shown(&harness, "Power draw"));
    assert!(!shown(&harness, "Point 1 time"));
    press(&mut harness, "Scaling");
    assert!(shown(&harness, "Base rate"));
    assert!(!shown(&harness, "Power draw"));
    // The points table opens on request.
    assert!(!shown(&harness, "Point 1 time"));
    let points = scenario(&harness).traffic.len();
    press(&mut harness, &format!("Points ({points})"));
    assert!(shown(&harness, "Point 1 time"));
}

#[test]
fn editor_snapshot() {
    if std::env::var_os("SKIP_SNAPSHOTS").is_some() {
        return;
    }
    let mut harness = harness(ViewId::Cost, egui::vec2(1280.0, 800.0));
    // Just the editor panel: from its left edge (a little left of its title) to the window's.
    let title = harness.get_by_label("Scenario").rect();
    let image = harness.render().expect("render the window");
    let x = (title.left() - 12.0).max(0.0) as u32;
    let y = (title.top() - 12.0).max(0.0) as u32;
    let cropped = image::imageops::crop_imm(&image, x, y, image.width() - x, image.height() - y);
    egui_kittest::image_snapshot(&cropped.to_image(), "editor");
}

#[test]
fn the_editor_buys_vms_on_a_plan_sized_to_the_peak() {
    let mut harness = large(ViewId::Cost);
    // The plan's kind and size do not apply on demand.
    click(&mut harness, Role::ComboBox, "Instances bought as");
    press(&mut harness, "1-year plan");
    assert_eq!(
        scenario(&harness).vm.purchase,
        serverless_explorer::model::scenario::Purchase::SavingsPlan1y
    );
    click(&mut harness, Role::ComboBox, "Instance plan sized to");
    press(&mut harness, "The peak");
    assert_eq!(
        scenario(&harness).vm.commit_to,
        serverless_explorer::model::scenario::CommitTo::Peak
    );
}

#[test]
fn picking_a_region_reprices_every_model() {
    let mut harness = large(ViewId::Cost);
    let before = serverless_explorer::model::cost::bills(scenario(&harness));
    harness.get_by_label("Rates").scroll_to_me();
    harness.run();
    harness.get_by_label("Rates").click();
    harness.run();
    click(&mut harness, Role::ComboBox, "Region");
    press(&mut harness, "eu-central-1 Europe (Frankfurt)");
    let s = scenario(&harness);
    assert_eq!(s.rates.region, "eu-central-1");
    assert_eq!(s.vm.hourly_usd, 0.048);
    let after = serverless_explorer::model::cost::bills(s);
    assert!(after.vm.total_cents > before.vm.total_cents);
    assert!(after.containers.total_cents > before.containers.total_cents);
    assert!(
        harness
            .query_all_by_label_contains("eu-central-1, rates as of 2025-10-01")
            .next()
            .is_some()
    );
    // One undoable edit: undo brings us-east-1 back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(scenario(&harness).rates.region, "us-east-1");
}

#[test]
fn the_trigger_shows_its_own_settings_and_shards_go_from_4_to_8() {
    use serverless_explorer::model::scenario::{EventSource, Trigger};
    let mut harness = large(ViewId::ColdStart);
    assert_eq!(scenario(&harness).workload.trigger, Trigger::Http);
    // HTTP has no settings of its own.
    assert!(harness.query_by_label("Shards").is_none());
    assert!(harness.query_by_label("Event source").is_none());

    click(&mut harness, Role::ComboBox, "Trigger");
    press(&mut harness, "Stream (Kinesis, DynamoDB)");
    assert_eq!(
        scenario(&harness).workload.trigger,
        Trigger::Stream {
            shards: 4,
            parallelization: 1
        }
    );
    assert!(harness.query_by_label("Max concurrency").is_none());
    type_number(&mut harness, "Shards", "8");
    assert_eq!(
        scenario(&harness).workload.trigger,
        Trigger::Stream {
            shards: 8,
            parallelization: 1
        }
    );
    // The cold starts follow: at most 8 × 1 environments at once.
    let limit = serverless_explorer::model::cold_start::concurrency_limit(scenario(&harness));
    assert_eq!(limit.effective, 8);

    // Not a number: refused, the shards kept, and the banner gives the allowed range.
    type_number(&mut harness, "Shards", "lots");
    assert_eq!(
        scenario(&harness).workload.trigger,
        Trigger::Stream {
            shards: 8,
            parallelization: 1
        }
    );
    let banner = |h: &Harness<'_, ExplorerApp>| h.state().banner.clone().map(|b| b.text);
    let said = banner(&harness).unwrap_or_default();
    assert!(
        said.contains("Shards: \"lots\" is not a number (allowed 1 to 10,000); kept 8"),
        "{said}"
    );
    // Out of range: clamped to the nearest end like every number box, and said so.
    type_number(&mut harness, "Parallelization", "50");
    let said = banner(&harness).unwrap_or_default();
    assert!(
        said.contains("Parallelization: 50 is outside the range (allowed 1 to 10); set to 10"),
        "{said}"
    );
    assert_eq!(scenario(&harness).validate(), Ok(()));

    // The stream's sources, the usual one first.
    click(&mut harness, Role::ComboBox, "Event source");
    press(&mut harness, "DynamoDB Streams");
    assert_eq!(
        scenario(&harness).workload.event_source,
        Some(EventSource::DynamoDbStreams)
    );
    type_number(&mut harness, "Batch size", "100");
    assert_eq!(scenario(&harness).workload.batch_size, 100);

    // Another kind starts from its usual settings.
    click(&mut harness, Role::ComboBox, "Trigger");
    press(&mut harness, "SQS queue");
    let w = &scenario(&harness).workload;
    assert_eq!(
        w.trigger,
        Trigger::Queue {
            max_concurrency: None
        }
    );
    assert_eq!(w.event_source, None);
    assert!(harness.query_by_label("Shards").is_none());
    click(&mut harness, Role::CheckBox, "Max concurrency");
    type_number(&mut harness, "Max concurrency", "50");
    assert_eq!(
        scenario(&harness).workload.trigger,
        Trigger::Queue {
            max_concurrency: Some(50)
        }
    );
    assert_eq!(scenario(&harness).validate(), Ok(()));
}
