//! The scenario editor: the right-hand panel where every preset field is edited, grouped as the
//! preset format is (workload, traffic, Lambda, cold start, the alternatives, rates). Widgets
//! enforce the ranges `Scenario::validate` accepts; a change is sent to the app as one
//! `Command::SetScenario` per frame.

use std::borrow::Cow;
use std::hash::Hash;
use std::ops::RangeInclusive;

use egui::emath::Numeric;
use egui::{
    Align, Checkbox, CollapsingHeader, DragValue, Id, IdMap, InnerResponse, Label, Layout, Pos2,
    Rangef, Rect, Response, RichText, TextEdit, Vec2, pos2, vec2,
};
use serde::{Deserialize, Serialize};

use crate::command::{Command, ViewId};
use crate::model::format::separate_thousands;
use crate::model::runtime::INIT_SOURCE;
use crate::model::scenario::{
    Architecture, ColdStartSettings, ContainerSettings, FrontDoor, HOURS_PER_MONTH, InstancePrice,
    LambdaArchRates, LambdaSettings, LaunchType, MAX_TRAFFIC_POINTS, MAX_TRAFFIC_RPS,
    MAX_TRAFFIC_SECS, OnPremSettings, Orchestrator, PackageType, Rates, Runtime, ScalingRules,
    Scenario, Tier, VmSettings, Workload,
};
use crate::model::traffic::{ShapeParams, TrafficShape};
use crate::ui::HoverTip;
use crate::ui::kept_text::KeptText;
use crate::ui::theme::{
    EDITOR_GAP, EDITOR_INDENT, EDITOR_LABEL_WIDTH, EDITOR_SECTION_TEXT, EDITOR_TIER_WIDTH,
    EDITOR_VALUE_WIDTH, Theme, ThemeKind,
};

/// Traffic points shown at once in the points table; more scroll.
const TABLE_ROWS: f32 = 8.0;

/// Smallest gap kept between two traffic points' times, s, so times stay strictly increasing.
const MIN_POINT_GAP_S: f64 = 0.01;

/// Smallest gap kept between two tier bounds, so bounds stay strictly increasing.
const MIN_TIER_GAP: f64 = 0.001;

/// View state of the scenario editor. Nothing here is persisted: the scenario itself is the
/// app's, and drafts and the traffic generator's inputs only live while the window is open.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EditorPanel {
    /// The scenario last seen and the copy being edited.
    #[serde(skip)]
    drafts: Option<Drafts>,
    /// Inputs of the traffic generator.
    #[serde(skip)]
    generator: Generator,
    /// Why the draft was not applied, while it is invalid (e.g. an empty name being retyped).
    #[serde(skip)]
    problem: Option<String>,
    /// Sizes of the parts laid out before, to stand in for those scrolled out of view.
    #[serde(skip)]
    layout: LazyLayout,
}

/// The scenario as the app last gave it, and the editor's copy of it.
///
/// The copy is made only when the app's scenario changes (a load, an applied edit, another view's
/// change), not every frame; an edit that does not validate yet stays in the draft and is shown
/// as a problem instead of being sent.
#[derive(Clone, Debug)]
struct Drafts {
    base: Scenario,
    draft: Scenario,
}

/// Inputs of the "Generate" row of the traffic section.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Generator {
    shape: TrafficShape,
    params: ShapeParams,
}

impl EditorPanel {
    /// Shows the editor for `scenario`. `focus` is the view on screen: it decides which sections
    /// start open. Pushes one `Command::SetScenario` in a frame where a value changed.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        focus: ViewId,
        theme: &Theme,
        commands: &mut Vec<Command>,
    ) {
        let Self {
            drafts,
            generator,
            problem,
            layout,
        } = self;
        if drafts.as_ref().is_none_or(|d| d.base != *scenario) {
            *problem = None;
            *drafts = Some(Drafts {
                base: scenario.clone(),
                draft: scenario.clone(),
            });
            layout.forget();
        }
        let Some(drafts) = drafts.as_mut() else {
            return;
        };

        // A narrower indent than egui's leaves the default-width panel room for both columns.
        ui.spacing_mut().indent = EDITOR_INDENT;
        let title = header_ui(ui, drafts, problem, layout, theme);
        // Assistive technology reads every field, not only those on screen: while it is
        // active (the title then has a node in the accessibility tree), lay out everything.
        // So does a frame where the keyboard focus moves: Tab goes to the next enabled widget
        // however far down (disabled rows are skipped), and the widget that gains the focus
        // must exist to be scrolled into view and kept.
        let focused = ui.memory(egui::Memory::focused);
        let everything = ui.ctx().has_accesskit_node(title.id)
            || ui.input(|i| i.key_pressed(egui::Key::Tab))
            || focused != layout.last_focus;
        let draft = &mut drafts.draft;
        let changed = egui::ScrollArea::vertical()
            .id_salt("editor_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let inputs = LayoutInputs {
                    width: ui.available_width(),
                    theme: theme.kind,
                    pixels_per_point: ui.pixels_per_point(),
                    focus,
                };
                layout.begin(ui, inputs, everything);
                sections_ui(ui, layout, draft, generator, focus, theme)
            })
            .inner;
        layout.last_focus = ui.memory(egui::Memory::focused);

        if changed {
            // Values, and with them sizes and disabled rows, may have changed anywhere.
            layout.forget();
        }
        if changed && drafts.draft != drafts.base {
            keep_consistent(&mut drafts.draft);
            match drafts.draft.validate() {
                Ok(()) => {
                    *problem = None;
                    commands.push(Command::SetScenario(Box::new(drafts.draft.clone())));
                }
                Err(e) => *problem = Some(e.to_string()),
            }
        }
    }
}

/// The panel's title, and the reason the draft is not applied while it is invalid. Returns the
/// title's response.
fn header_ui(
    ui: &mut egui::Ui,
    drafts: &mut Drafts,
    problem: &mut Option<String>,
    layout: &mut LazyLayout,
    theme: &Theme,
) -> Response {
    ui.add_space(EDITOR_GAP);
    let title = ui
        .label(RichText::new("Scenario").heading().strong())
        .hover_tip(
            "Every value of the preset. A change applies at once to all four views; save it \
             with \"Save as…\".",
        );
    ui.label(
        RichText::new("Hover a name for its meaning, default and source").color(theme.weak_text),
    );
    if let Some(text) = problem.clone() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("Not applied yet: {text}"))
                    .color(theme.dropped)
                    .strong(),
            );
            if ui
                .button("Revert")
                .hover_tip("Go back to the scenario the views show")
                .clicked()
            {
                drafts.draft = drafts.base.clone();
                *problem = None;
                layout.forget();
            }
        });
    }
    ui.separator();
    title
}

/// Name, description and every section; returns whether a scenario value changed.
fn sections_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    draft: &mut Scenario,
    generator: &mut Generator,
    focus: ViewId,
    theme: &Theme,
) -> bool {
    let value_width = EDITOR_VALUE_WIDTH * theme.text_scale;
    let mut changed = layout
        .block(ui, "identity", |ui, layout| identity_ui(ui, layout, draft))
        .unwrap_or(false);
    ui.add_space(EDITOR_GAP);
    let Scenario {
        workload,
        lambda,
        traffic,
        cold_start,
        vm,
        containers,
        on_prem,
        rates,
        ..
    } = draft;
    let at = (focus, theme, value_width);
    changed |= form_section(ui, layout, Section::Workload, at, |f| {
        workload_rows(f, workload);
    });
    changed |= section(
        ui,
        layout,
        (Section::Traffic, focus),
        theme,
        |ui, layout| traffic_ui(ui, layout, traffic, generator, theme, value_width),
    );
    let requests = workload.requests_per_month;
    changed |= form_section(ui, layout, Section::Lambda, at, |f| {
        lambda_rows(f, lambda, requests);
    });
    let architecture = workload.architecture;
    changed |= form_section(ui, layout, Section::ColdStart, at, |f| {
        cold_start_rows(f, cold_start, architecture);
    });
    let instances = &rates.ec2_instances;
    changed |= form_section(ui, layout, Section::Vm, at, |f| vm_rows(f, vm, instances));
    changed |= form_section(ui, layout, Section::Containers, at, |f| {
        container_rows(f, containers, instances);
    });
    changed |= form_section(ui, layout, Section::OnPrem, at, |f| {
        on_prem_rows(f, on_prem);
    });
    changed |= section(ui, layout, (Section::Rates, focus), theme, |ui, layout| {
        rates_ui(ui, layout, rates, theme, value_width)
    });
    changed
}

/// Adjusts fields whose allowed range depends on another field, after that other field changed
/// (possibly in a collapsed section whose widgets could not clamp them).
fn keep_consistent(s: &mut Scenario) {
    let l = &mut s.lambda;
    l.provisioned_requests_per_month = l
        .provisioned_requests_per_month
        .min(s.workload.requests_per_month);
    if let Some(reserved) = &mut l.reserved_concurrency {
        *reserved = (*reserved).min(l.account_concurrency_limit);
    }
    s.vm.max_instances = s.vm.max_instances.max(s.vm.min_instances.max(1));
    s.containers.max_tasks = s.containers.max_tasks.max(s.containers.min_tasks.max(1));
}

// ---------------------------------------------------------------------------------------------
// Sections.

/// The editor's sections, in the order of the preset format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Section {
    Workload,
    Traffic,
    Lambda,
    ColdStart,
    Vm,
    Containers,
    OnPrem,
    Rates,
}

impl Section {
    fn title(self) -> &'static str {
        // Distinct from the hosting-model toggles' names ("Containers", "On-premises"), so
        // every label in the window names one thing.
        match self {
            Self::Workload => "Workload",
            Self::Traffic => "Traffic",
            Self::Lambda => "Lambda",
            Self::ColdStart => "Cold start",
            Self::Vm => "Virtual machines (EC2)",
            Self::Containers => "Containers (ECS, EKS)",
            Self::OnPrem => "On-premises servers",
            Self::Rates => "Rates",
        }
    }

    /// The id of the section's grid of values (also the key of its rows' measured sizes).
    fn form_id(self) -> &'static str {
        match self {
            Self::Workload => "workload",
            Self::Lambda => "lambda",
            Self::ColdStart => "cold_start",
            Self::Vm => "vm",
            Self::Containers => "containers",
            Self::OnPrem => "on_prem",
            Self::Traffic => "traffic",
            Self::Rates => "rates",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Self::Workload => "What the function does and how often: volume, duration, size",
            Self::Traffic => {
                "Demand over time, in requests per second: drives the scaling and cold-start \
                 views (the bill uses requests per month)"
            }
            Self::Lambda => "Lambda pricing options and account settings",
            Self::ColdStart => "Inputs of the cold-start model: runtime, package, init times",
            Self::Vm => "The virtual-machine alternative: EC2 instances in an Auto Scaling group",
            Self::Containers => "The container alternative: ECS or EKS tasks on Fargate or EC2",
            Self::OnPrem => "The on-premises alternative: servers you buy, power, house and run",
            Self::Rates => "Every price the cost model uses, with its date and source",
        }
    }

    /// Whether the section starts open in a view: the sections whose values that view shows.
    fn open_in(self, focus: ViewId) -> bool {
        match focus {
            ViewId::Cost => matches!(
                self,
                Self::Workload | Self::Lambda | Self::Vm | Self::Containers | Self::OnPrem
            ),
            ViewId::Scaling => matches!(
                self,
                Self::Traffic | Self::Lambda | Self::Vm | Self::Containers
            ),
            ViewId::ColdStart => matches!(self, Self::ColdStart | Self::Workload | Self::Traffic),
            ViewId::Stack => self == Self::Workload,
        }
    }
}

/// One collapsible section. Its id includes the view in focus, so each view has its own set of
/// open sections: the defaults apply the first time a view is shown, and what the user opens or
/// closes there is remembered for that view. Its body is one lazily laid out block (see
/// `LazyLayout`), shared by every view since it looks the same in all of them.
fn section(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    (section, focus): (Section, ViewId),
    theme: &Theme,
    add: impl FnOnce(&mut egui::Ui, &mut LazyLayout) -> bool,
) -> bool {
    let title = RichText::new(section.title()).font(theme.font(EDITOR_SECTION_TEXT));
    let response = CollapsingHeader::new(title)
        .id_salt((section, focus))
        .default_open(section.open_in(focus))
        .show(ui, |ui| layout.block(ui, section, add).unwrap_or(false));
    response.header_response.hover_tip(section.hint());
    response.body_returned.unwrap_or(false)
}

/// A section that is one grid of labelled values, built by `rows`; `at` is the view the editor
/// serves, the theme and the value column's width. Returns whether a value changed.
fn form_section(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    which: Section,
    (focus, theme, value_width): (ViewId, &Theme, f32),
    rows: impl FnOnce(&mut Form<'_>),
) -> bool {
    section(ui, layout, (which, focus), theme, |ui, layout| {
        form(ui, layout, which.form_id(), value_width, rows)
    })
}

/// A two-column grid of labelled values; returns whether a value changed.
fn form(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    id: impl egui::AsIdSalt,
    value_width: f32,
    add: impl FnOnce(&mut Form<'_>),
) -> bool {
    // A fixed label column, not one computed from the panel's width: the values line up across
    // sections, and a value wider than its column cannot make the panel grow frame after frame.
    let label_width = EDITOR_LABEL_WIDTH * value_width / EDITOR_VALUE_WIDTH;
    let key = Id::unique(("form", &id));
    egui::Grid::new(id)
        .num_columns(2)
        .spacing(vec2(EDITOR_GAP * 1.5, EDITOR_GAP))
        .show(ui, |ui| {
            let mut f = Form {
                ui,
                layout,
                key,
                row: 0,
                row_height: 0.0,
                label_width,
                value_width,
                changed: false,
                disabled: None,
            };
            add(&mut f);
            f.changed
        })
        .inner
}

/// A caption over a group of rows inside a section, in the secondary text colour so it reads
/// as a heading rather than as one more name.
fn subheading(ui: &mut egui::Ui, layout: &mut LazyLayout, theme: &Theme, text: &str, tip: &str) {
    ui.add_space(EDITOR_GAP);
    layout.block(ui, ("subheading", text), |ui, _| {
        ui.label(RichText::new(text).color(theme.weak_text).strong())
            .hover_tip(tip);
    });
}

// ---------------------------------------------------------------------------------------------
// The rows of each section.

fn identity_ui(ui: &mut egui::Ui, layout: &mut LazyLayout, s: &mut Scenario) -> bool {
    let mut changed = wide_text(
        ui,
        layout,
        &mut s.name,
        TextEdit::singleline,
        (1, 200),
        "Name",
        "The scenario's display name, 1–200 characters; shown in the preset picker and on \
         exported slides",
    );
    changed |= wide_text(
        ui,
        layout,
        &mut s.description,
        TextEdit::multiline,
        (4, 4000),
        "Description",
        "The situation in two or three sentences, and which view makes its point (up to 4,000 \
         characters)",
    );
    changed
}

/// A text field as wide as the panel under its label, committed when focus leaves it.
/// `(rows, max_chars)`: its height in lines and its length limit.
fn wide_text<'t>(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    text: &'t mut String,
    kind: fn(&'t mut dyn egui::TextBuffer) -> TextEdit<'t>,
    (rows, max_chars): (usize, usize),
    label: &str,
    tip: &str,
) -> bool {
    let label = ui.label(label).hover_tip(tip);
    let response = ui
        .add(
            kind(text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY)
                .char_limit(max_chars),
        )
        .labelled_by(label.id)
        .hover_tip(tip);
    layout.note(&response);
    response.lost_focus()
}

fn workload_rows(f: &mut Form<'_>, w: &mut Workload) {
    f.count(
        &mut w.requests_per_month,
        1_000_000_000_000,
        "Requests per month",
        "Monthly request volume; drives the requests and compute lines of the bill. Type 3M, \
         250k or 1.5B; ÷10 and ×10 step along the cost view's log axis. Default 3,000,000 (the \
         Startup REST API preset).",
    );
    f.num(
        &mut w.avg_duration_ms,
        1.0..=900_000.0,
        "Average duration",
        " ms",
        "Average duration of one request at this memory size, billed rounded up to 1 ms (since \
         Dec 2020). At most 900,000 ms: Lambda's 15-minute timeout (AWS quotas page, presets/README.md §1). \
         Default 120 ms.",
    );
    f.num(
        &mut w.memory_mb,
        128..=10_240,
        "Memory",
        " MB",
        "Lambda memory, 128–10,240 MB in 1 MB steps. CPU grows with it: 1,769 MB is one vCPU, \
         10,240 MB six (AWS \"Configure Lambda function memory\", presets/README.md §1). Default 1,536 MB.",
    );
    f.choice(
        &mut w.architecture,
        "Architecture",
        "x86_64 (Intel, AMD) or arm64 (AWS Graviton). arm64 costs 20% less per GB-second: \
         $0.0000133334 against $0.0000166667 (AWS pricing page, presets/README.md §1). Default x86_64.",
    );
    f.num(
        &mut w.ephemeral_storage_mb,
        512..=10_240,
        "Ephemeral storage",
        " MB",
        "The function's /tmp, 512–10,240 MB; only the part above the free 512 MB is billed, at \
         $0.0000000309 per GB-second (AWS pricing page, presets/README.md §1). Default 512 MB.",
    );
    f.num(
        &mut w.peak_to_average,
        1.0..=1000.0,
        "Peak to average",
        " ×",
        "The busiest hour's request rate divided by the month's average. VMs, containers and \
         on-premises servers are sized for this peak, because they cannot add capacity within \
         seconds as Lambda does. Default 3×: an assumption, editable.",
    );
}

fn lambda_rows(f: &mut Form<'_>, l: &mut LambdaSettings, requests_per_month: u64) {
    f.toggle(
        &mut l.free_tier,
        "Free tier",
        "Subtract the monthly free tier: 1,000,000 requests and 400,000 GB-seconds, every month, \
         never expiring (AWS pricing page, presets/README.md §1). Default on.",
    );
    f.choice(
        &mut l.front_door,
        "Front door",
        "What sits in front of the function and is billed per request or per hour: API Gateway \
         HTTP API ($1.00 per million), REST API ($3.50 per million) or an Application Load \
         Balancer ($0.0225 an hour plus LCUs) (presets/README.md §4). Default none.",
    );
    f.num(
        &mut l.account_concurrency_limit,
        1..=100_000,
        "Account concurrency",
        "",
        "The account's regional concurrency quota: the most environments all functions may run \
         at once. Default 1,000: the regional quota (AWS Lambda quotas page, presets/README.md §2); raised \
         quotas reach tens of thousands.",
    );
    let limit = l.account_concurrency_limit;
    f.optional(
        &mut l.reserved_concurrency,
        limit,
        &Num::of(0..=limit, ""),
        "Reserved concurrency",
        "Caps this function's environments and guarantees it that many of the account's; free \
         (presets/README.md §2). Tick to set it, at most the account limit. Default off: no cap.",
    );
    f.num(
        &mut l.provisioned_concurrency,
        0..=100_000,
        "Provisioned concurrency",
        "",
        "Provisioned concurrency (PC): environments kept initialised in advance, so the requests \
         they serve start warm. Billed per GB-second configured while enabled ($0.0000041667 on x86_64, presets/README.md §1). Default 0.",
    );
    f.num(
        &mut l.provisioned_hours_per_month,
        0.0..=HOURS_PER_MONTH,
        "Provisioned hours",
        " h/month",
        "Hours a month provisioned concurrency is enabled, billed rounded up to 5 minutes; 730 is \
         the whole month (presets/README.md §1). Default 0.",
    );
    f.num(
        &mut l.provisioned_requests_per_month,
        0..=requests_per_month,
        "Provisioned requests",
        " /month",
        "Requests a month served by provisioned environments, billed at the lower provisioned \
         duration rate ($0.0000097222 per GB-second on x86_64, presets/README.md §1); at most the month's \
         requests. Default 0.",
    );
    f.choice(
        &mut l.scaling_rules,
        "Scaling rules",
        "Since 26 Nov 2023 each function adds 1,000 environments every 10 s up to the account \
         limit; before, an account-wide burst, then +500 a minute (AWS \"Lambda scaling \
         behavior\", presets/README.md §2). Default: the current rules.",
    );
    f.disabled = (l.scaling_rules != ScalingRules::Rules2022)
        .then_some("Used only with the 2022 scaling rules");
    f.num(
        &mut l.burst_2022,
        1..=100_000,
        "2022 initial burst",
        "",
        "The 2022 rules' initial account burst: 3,000 in us-east-1, us-west-2 and eu-west-1; \
         1,000 in Tokyo and Frankfurt; 500 elsewhere (presets/README.md §2). Default 3,000.",
    );
    f.disabled = None;
    f.toggle(
        &mut l.free_tier_with_provisioned,
        "Free tier with PC",
        "Apply the free tier even while provisioned concurrency is enabled. AWS's pricing page \
         says it does not apply, one of its own examples subtracts it: a visible choice (presets/README.md \
         §1). Default off.",
    );
    f.toggle(
        &mut l.init_billed,
        "Bill INIT phase",
        "Bill the INIT phase of cold starts. AWS bills it for on-demand ZIP functions on managed \
         runtimes too since 1 Aug 2025 (AWS Compute Blog, 2025-04-29, presets/README.md §1). Default on.",
    );
    f.optional(
        &mut l.cold_start_ratio,
        0.01,
        &Num::percent(0.0),
        "Cold-start share",
        "Share of invocations that are cold starts, for the bill's INIT line. Off: estimated from \
         the average request rate and the idle reclaim time. AWS: cold starts \"typically occur \
         in under 1% of invocations\" (Compute Blog, 2025-04-29). Default off.",
    );
}

fn cold_start_rows(f: &mut Form<'_>, c: &mut ColdStartSettings, architecture: Architecture) {
    let package = c.package_type;
    f.choice_with(
        &mut c.runtime,
        "Runtime",
        "The function's runtime. Hover an option for its measured init floor: hello-world \
         functions from lambda-perf (presets/README.md §3). Default Node.js 20.",
        |runtime| {
            Cow::Owned(format!(
                "{}: {} ms measured init for a {} on {} ({INIT_SOURCE})",
                runtime.label(),
                runtime.init_ms(architecture, package),
                package.label(),
                architecture.label()
            ))
        },
    );
    f.choice(
        &mut c.package_type,
        "Package",
        "A ZIP archive on a managed runtime, or a container image: images start slower and make \
         the image's runtime yours to patch (presets/README.md §3, §6). Default ZIP.",
    );
    f.num(
        &mut c.environment_ms,
        0.0..=10_000.0,
        "Environment creation",
        " ms",
        "Creating the execution environment and downloading the code, before any init runs. Not \
         part of the billed Init Duration; an assumption, editable. Default 80 ms.",
    );
    f.num(
        &mut c.extensions_init_ms,
        0.0..=10_000.0,
        "Extensions init",
        " ms",
        "Init of Lambda extensions (monitoring agents and the like); 0 without extensions. \
         Default 0 ms.",
    );
    f.num(
        &mut c.function_init_ms,
        0.0..=130_000.0,
        "Your init code",
        " ms",
        "Your code outside the handler: SDK clients, frameworks, connections. Spring Boot apps \
         take 8–12 s without SnapStart (presets/README.md §3). Up to 130,000 ms, the init limit with \
         provisioned concurrency or SnapStart. Default 100 ms.",
    );
    f.num(
        &mut c.package_size_mb,
        0.0..=10_240.0,
        "Package size",
        " MB",
        "Deployment package size; bigger packages load slower: Node.js 20 init measured ~297 ms \
         at 1 MB and ~1,354 ms at 32 MB (presets/README.md §3). Default 1 MB.",
    );
    f.num(
        &mut c.idle_reclaim_min,
        5.0..=60.0,
        "Idle reclaim",
        " min",
        "Minutes an idle environment stays warm before Lambda reclaims it. Undocumented: \
         measured from 10 min (2019) to 45–60 min (2017), allowed 5–60 (presets/README.md §2). Default \
         10 min.",
    );
    f.disabled = (!c.runtime.supports_snapstart() && !c.snapstart)
        .then_some("SnapStart is modelled for the Java runtimes only");
    f.toggle(
        &mut c.snapstart,
        "SnapStart",
        "Java SnapStart: restore a snapshot of an initialised environment instead of running \
         init; it pays off only when init takes seconds (presets/README.md §3). Default off.",
    );
    f.disabled = (!c.snapstart).then_some("Used only with SnapStart on");
    f.num(
        &mut c.snapstart_restore_ms,
        0.0..=10_000.0,
        "SnapStart restore",
        " ms",
        "Time to restore the SnapStart snapshot: 600–1,000 ms measured for a trivial function \
         (presets/README.md §3). Default 800 ms.",
    );
    f.disabled = None;
    let measured = c.runtime.first_invoke_extra_ms_at_1gb();
    f.optional(
        &mut c.first_invoke_extra_ms_at_1gb,
        measured,
        &Num::of(0.0..=60_000.0, " ms"),
        "First-run extra",
        "Extra time of the first handler run in a new environment at 1,024 MB; it shrinks as \
         memory grows, up to one full vCPU (1,769 MB). Off: the runtime's measured value (.NET 8: \
         75 ms at 1,024 MB, lambda-perf; 0 for the others).",
    );
    f.num(
        &mut c.seed,
        0..=u64::MAX,
        "Random seed",
        "",
        "Seed of the arrival jitter, so every run of the same scenario is identical. Default 42.",
    );
}

fn vm_rows(f: &mut Form<'_>, vm: &mut VmSettings, instances: &[InstancePrice]) {
    f.instance_picker(
        &mut vm.instance_type,
        &mut vm.hourly_usd,
        instances,
        "Instance type",
        "Pick an EC2 instance type from the rates' price list: sets the name and the hourly price \
         below (us-east-1 Linux on-demand, presets/README.md §4). Default t3.medium.",
    );
    f.text(
        &mut vm.instance_type,
        64,
        "Instance name",
        "The instance type's name as shown in the app, 1–64 characters; type your own and set \
         its price below",
    );
    f.price(
        &mut vm.hourly_usd,
        1_000.0,
        "Instance price",
        " /h",
        "On-demand price of one instance, USD per hour, billed per second with a 60 s minimum; a \
         month is 730 hours (presets/README.md §4). Default $0.0416 (t3.medium).",
    );
    f.num(
        &mut vm.rps_per_instance,
        0.1..=1e6,
        "Capacity per instance",
        " requests/s",
        "Requests per second one instance serves at 100% utilisation: an assumption about your \
         app, editable. Default 200.",
    );
    f.percent(
        &mut vm.target_utilisation,
        0.1,
        "Target utilisation",
        "The Auto Scaling target: the group adds instances to keep average load at this share of \
         capacity; the rest is headroom for spikes. Allowed 10–100%. Default 70%.",
    );
    fleet_bounds(
        f,
        (&mut vm.min_instances, &mut vm.max_instances),
        10_000,
        " instances",
        "instances",
    );
    f.num(
        &mut vm.boot_s,
        0.0..=3_600.0,
        "Boot",
        " s",
        "Launch to OS ready: 25–30 s measured (ec2-boot-bench 2021 and 2025 measurements, presets/README.md \
         §4). Default 30 s.",
    );
    f.num(
        &mut vm.app_start_s,
        0.0..=3_600.0,
        "App start",
        " s",
        "Your application's own start once the OS is up. Default 20 s: an assumption, editable.",
    );
    f.num(
        &mut vm.health_check_s,
        0.0..=3_600.0,
        "Health checks",
        " s",
        "Load-balancer health checks a new instance must pass before it receives traffic. \
         Default 15 s.",
    );
    scaling_policy(
        f,
        (&mut vm.metric_period_s, &mut vm.scale_in_cooldown_s),
        "Auto Scaling's default cooldown (presets/README.md §4)",
    );
    f.toggle(
        &mut vm.load_balancer,
        "Load balancer",
        "Put an Application Load Balancer in front: $0.0225 an hour plus $0.008 per LCU-hour \
         (presets/README.md §4). Default on.",
    );
}

/// The minimum and maximum of a fleet (instances or tasks); the maximum is kept at or above the
/// minimum and 1, as validation requires.
fn fleet_bounds(
    f: &mut Form<'_>,
    (min, max): (&mut u32, &mut u32),
    limit: u32,
    unit: &str,
    what: &str,
) {
    f.num(
        min,
        0..=limit,
        "Minimum",
        unit,
        &format!(
            "The fewest {what} kept running even with no traffic, for availability across two \
             zones. Default 2."
        ),
    );
    let floor = (*min).max(1);
    f.num(
        max,
        floor..=limit,
        "Maximum",
        unit,
        &format!(
            "The most {what} scaling may run; at least the minimum and 1. Defaults: 40 instances, \
             200 tasks."
        ),
    );
}

/// The two scaling-policy timings VMs and containers share.
fn scaling_policy(f: &mut Form<'_>, (period, cooldown): (&mut f64, &mut f64), source: &str) {
    f.num(
        period,
        1.0..=3_600.0,
        "Metric period",
        " s",
        "How often the scaling policy looks at the load metric. Default 60 s: CloudWatch's \
         standard one-minute metrics.",
    );
    f.num(
        cooldown,
        0.0..=86_400.0,
        "Scale-in cooldown",
        " s",
        &format!("Wait after a scale-in before the next one. Default 300 s: {source}."),
    );
}

fn container_rows(f: &mut Form<'_>, c: &mut ContainerSettings, instances: &[InstancePrice]) {
    f.choice(
        &mut c.orchestrator,
        "Orchestrator",
        "Amazon ECS (free control plane) or Amazon EKS ($0.10 per cluster-hour, about $73 a \
         month; presets/README.md §4). Default ECS.",
    );
    f.choice(
        &mut c.launch_type,
        "Launch type",
        "Fargate: AWS runs the hosts, billed per vCPU-hour and GB-hour. EC2: your own instances \
         as cluster nodes, billed per node-hour, their OS yours to patch. Default Fargate.",
    );
    f.choice(
        &mut c.architecture,
        "Task architecture",
        "x86_64 or arm64 (Graviton): Fargate on arm64 costs 20% less ($0.03238 against $0.04048 \
         per vCPU-hour, presets/README.md §4). Default x86_64.",
    );
    f.num(
        &mut c.task_vcpu,
        0.25..=16.0,
        "Task vCPU",
        " vCPU",
        "vCPUs per task, 0.25–16. Default 0.5.",
    );
    f.num(
        &mut c.task_memory_gb,
        0.5..=120.0,
        "Task memory",
        " GB",
        "Memory per task, 0.5–120 GB. Default 1 GB.",
    );
    f.num(
        &mut c.rps_per_task,
        0.1..=1e6,
        "Capacity per task",
        " requests/s",
        "Requests per second one task serves at 100% utilisation: an assumption about your app, \
         editable. Default 100.",
    );
    f.percent(
        &mut c.target_utilisation,
        0.1,
        "Target utilisation",
        "The service's scaling target: tasks are added to keep average load at this share of \
         capacity. Allowed 10–100%. Default 70%.",
    );
    fleet_bounds(
        f,
        (&mut c.min_tasks, &mut c.max_tasks),
        100_000,
        " tasks",
        "tasks",
    );
    f.num(
        &mut c.task_start_s,
        0.0..=3_600.0,
        "Task start",
        " s",
        "Image pull, container start and health check until a task serves: tens of seconds; a \
         2022 benchmark saw ECS on Fargate start scaling after ~30 s (Vlad Ionescu, presets/README.md §4). \
         Default 45 s.",
    );
    scaling_policy(
        f,
        (&mut c.metric_period_s, &mut c.scale_in_cooldown_s),
        "as for EC2 Auto Scaling",
    );
    node_rows(f, c, instances);
    f.toggle(
        &mut c.load_balancer,
        "Load balancer",
        "Put an Application Load Balancer in front: $0.0225 an hour plus $0.008 per LCU-hour \
         (presets/README.md §4). Default on.",
    );
}

/// The EC2 launch type's nodes; disabled on Fargate, where AWS runs the hosts.
fn node_rows(f: &mut Form<'_>, c: &mut ContainerSettings, instances: &[InstancePrice]) {
    f.disabled = (c.launch_type != LaunchType::Ec2).then_some("Used only with the EC2 launch type");
    f.instance_picker(
        &mut c.node_instance_type,
        &mut c.node_hourly_usd,
        instances,
        "Node instance type",
        "EC2 launch type: pick the cluster nodes' instance type from the rates' price list; sets \
         the name and price below. Default m5.large.",
    );
    f.text(
        &mut c.node_instance_type,
        64,
        "Node name",
        "EC2 launch type: the node instance type's name as shown in the app, 1–64 characters",
    );
    f.price(
        &mut c.node_hourly_usd,
        1_000.0,
        "Node price",
        " /h",
        "EC2 launch type: on-demand price of one node, USD per hour. Default $0.096 (m5.large, \
         presets/README.md §4).",
    );
    f.num(
        &mut c.tasks_per_node,
        1..=1_000,
        "Tasks per node",
        " tasks",
        "EC2 launch type: tasks that fit on one node. Default 4.",
    );
    f.num(
        &mut c.node_boot_s,
        0.0..=3_600.0,
        "Node boot",
        " s",
        "EC2 launch type: a new node's start until it can place tasks; EC2-backed clusters began \
         scaling after ~2.5 min in a 2022 benchmark (presets/README.md §4). Default 150 s.",
    );
    f.disabled = None;
}

fn on_prem_rows(f: &mut Form<'_>, o: &mut OnPremSettings) {
    f.num(
        &mut o.rps_per_server,
        0.1..=1e6,
        "Capacity per server",
        " requests/s",
        "Requests per second one server serves at 100% utilisation: an assumption about your \
         app, editable. Default 500.",
    );
    f.num(
        &mut o.min_servers,
        1..=100_000,
        "Minimum servers",
        " servers",
        "Servers bought even at the lowest traffic, for redundancy. Default 2.",
    );
    f.price(
        &mut o.server_price_usd,
        10_000_000.0,
        "Server price",
        "",
        "Purchase price of one server, USD. Default $10,000 (the worked example of presets/README.md §5).",
    );
    f.num(
        &mut o.amortisation_months,
        1.0..=240.0,
        "Amortisation",
        " months",
        "Months over which the purchase is spread: 36 for fast-moving hardware, 60 for general \
         compute (presets/README.md §5). Default 36.",
    );
    f.num(
        &mut o.power_watts,
        0.0..=20_000.0,
        "Power draw",
        " W",
        "Average draw of one server: 300–800 W for a 2U server (presets/README.md §5). Default 500 W.",
    );
    f.num(
        &mut o.pue,
        1.0..=3.0,
        "PUE",
        " ×",
        "Power usage effectiveness, the data centre's overhead on top of the servers' own draw: \
         1.4–1.8, up to 2.5 for a server room (presets/README.md §5). Allowed 1–3. Default 1.6.",
    );
    f.price(
        &mut o.electricity_usd_per_kwh,
        10.0,
        "Electricity",
        " /kWh",
        "Electricity price, USD per kWh. Default $0.10.",
    );
    f.num(
        &mut o.rack_units_per_server,
        1..=48,
        "Rack space",
        " U",
        "Rack units one server takes. Default 2 U.",
    );
    f.price(
        &mut o.colo_usd_per_u_month,
        10_000.0,
        "Colocation",
        " /U/month",
        "Colocation, USD per rack unit per month: $50–200 (presets/README.md §5). Default $100.",
    );
    f.num(
        &mut o.admin_fte_per_server,
        0.0..=10.0,
        "Admin share",
        " FTE/server",
        "Share of one full-time administrator each server needs. Default 0.05: one \
         administrator per 20 servers.",
    );
    f.price(
        &mut o.admin_usd_per_year,
        10_000_000.0,
        "Admin cost",
        " /year",
        "Fully loaded cost of one administrator, USD per year: $120k–200k (presets/README.md §5). Default \
         $150,000.",
    );
    f.num(
        &mut o.procurement_days,
        0.0..=3_650.0,
        "Procurement",
        " days",
        "Days from deciding to buy to a new server in service: weeks to months (presets/README.md §4). \
         Default 42 days.",
    );
}

// ---------------------------------------------------------------------------------------------
// Traffic.

fn traffic_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    traffic: &mut Vec<(f64, f64)>,
    generator: &mut Generator,
    theme: &Theme,
    value_width: f32,
) -> bool {
    subheading(
        ui,
        layout,
        theme,
        "Generate",
        "Replace the points with a ready-made pattern; hover a shape for what it shows",
    );
    let before = *generator;
    let Generator { shape, params } = generator;
    // The generator's inputs are not part of the scenario: their changes send nothing.
    form(ui, layout, "traffic_generator", value_width, |f| {
        f.choice(
            shape,
            "Shape",
            "The pattern to generate; hover an option for what it shows",
        );
        f.num(
            &mut params.base_rps,
            0.0..=MAX_TRAFFIC_RPS,
            "Base rate",
            " requests/s",
            "Quiet-time rate of the generated traffic. Default 1.",
        );
        f.num(
            &mut params.peak_rps,
            0.0..=MAX_TRAFFIC_RPS,
            "Peak rate",
            " requests/s",
            "Busiest rate of the generated traffic. Default 10,000: the launch spike of the \
             scaling view.",
        );
        f.disabled =
            (*shape == TrafficShape::DailyCycle).then_some("The daily cycle always lasts one day");
        f.num(
            &mut params.duration_s,
            1.0..=MAX_TRAFFIC_SECS,
            "Duration",
            " s",
            "Length of the generated timeline, up to 7 days. The spike lasts at least 430 s and \
             the scheduled job 4,270 s. Default 600 s.",
        );
        f.disabled =
            (*shape != TrafficShape::BurstyWebhooks).then_some("Used only by bursty webhooks");
        f.num(
            &mut params.seed,
            0..=u64::MAX,
            "Burst seed",
            "",
            "Seed of the bursty-webhooks bursts: the same seed gives the same bursts. Default 42.",
        );
    });
    if *generator != before {
        // Their rows' sizes and disabled states follow the shape.
        layout.forget();
    }
    let replace = layout.block(ui, "replace_traffic", |ui, layout| {
        let button = ui
            .button("Replace traffic")
            .hover_tip("Replace every traffic point below with the generated shape");
        layout.note(&button);
        button.clicked()
    });
    let mut changed = false;
    if replace == Some(true) {
        *traffic = generator.shape.points(&generator.params);
        changed = true;
    }

    ui.add_space(EDITOR_GAP);
    changed
        | layout
            .block(ui, "traffic_points", |ui, layout| {
                // The curve itself, point by point: closed at first, since the generator and the
                // scaling view's chart tell most of it.
                let title = RichText::new(format!("Points ({})", traffic.len()))
                    .color(theme.weak_text)
                    .strong();
                let response = egui::CollapsingHeader::new(title)
                    .id_salt("traffic_points_open")
                    .default_open(false)
                    .show(ui, |ui| points_table(ui, layout, traffic, theme));
                layout.note(&response.header_response);
                response.header_response.hover_tip(
                    "Requests per second at each time, linearly interpolated between points. \
                     Times always increase: each is kept between its neighbours'. 2 to 10,000 \
                     points, up to 7 days, 0–1,000,000 requests/s.",
                );
                response.body_returned.unwrap_or(false)
            })
            .unwrap_or(false)
}

/// What a row's buttons asked for, applied after the rows are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowAction {
    InsertAfter(usize),
    Remove(usize),
}

/// Column widths of the points table, from the width available.
struct PointColumns {
    index: f32,
    time: f32,
    rate: f32,
    height: f32,
}

impl PointColumns {
    fn new(ui: &egui::Ui, theme: &Theme) -> Self {
        let height = ui.spacing().interact_size.y;
        let spacing = ui.spacing().item_spacing.x;
        let index = 36.0 * theme.text_scale;
        let buttons = 2.0 * (height + spacing);
        let rest = (ui.available_width() - index - buttons - 3.0 * spacing).max(120.0);
        Self {
            index,
            time: rest * 0.45,
            rate: rest * 0.55,
            height,
        }
    }
}

fn points_table(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    points: &mut Vec<(f64, f64)>,
    theme: &Theme,
) -> bool {
    let columns = PointColumns::new(ui, theme);
    ui.horizontal(|ui| {
        ui.add_sized([columns.index, columns.height], Label::new("#"))
            .hover_tip("Point number");
        ui.add_sized([columns.time, columns.height], Label::new("Time (s)"))
            .hover_tip("Seconds from the start of the timeline");
        ui.add_sized(
            [columns.rate, columns.height],
            Label::new("Rate (requests/s)"),
        )
        .hover_tip("Requests per second arriving at that time");
    });
    let count = points.len();
    let mut changed = false;
    let mut action = None;
    let row_height = columns.height;
    let max_height = (row_height + ui.spacing().item_spacing.y) * TABLE_ROWS;
    egui::ScrollArea::vertical()
        .id_salt("traffic_points")
        .max_height(max_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, count, |ui, rows| {
            for i in rows {
                let lower = match i.checked_sub(1).and_then(|p| points.get(p)) {
                    Some(previous) => previous.0 + MIN_POINT_GAP_S,
                    None => 0.0,
                };
                let upper = points
                    .get(i + 1)
                    .map_or(MAX_TRAFFIC_SECS, |next| next.0 - MIN_POINT_GAP_S);
                let can_insert = insert_point(points, i).is_some();
                let Some(point) = points.get_mut(i) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    let n = i + 1;
                    ui.add_sized([columns.index, row_height], Label::new(n.to_string()));
                    let time = ui
                        .add(
                            number_drag(
                                &mut point.0,
                                &Num::of(lower..=upper, " s"),
                                vec2(columns.time, row_height),
                            )
                            .clamp_existing_to_range(false),
                        )
                        .accessible_name(format!("Point {n} time"))
                        .hover_tip(
                            "Seconds from the start; kept between the neighbouring points' times",
                        );
                    let rate = ui
                        .add(number_drag(
                            &mut point.1,
                            &Num::of(0.0..=MAX_TRAFFIC_RPS, ""),
                            vec2(columns.rate, row_height),
                        ))
                        .accessible_name(format!("Point {n} rate"))
                        .hover_tip("Requests per second at this time, 0–1,000,000");
                    changed |= time.changed() || rate.changed();
                    let insert = ui
                        .add_enabled(can_insert, egui::Button::new("+"))
                        .accessible_name(format!("Insert a point after point {n}"))
                        .hover_tip(
                            "Insert a point after this one (halfway to the next, or 60 s later)",
                        );
                    if insert.clicked() {
                        action = Some(RowAction::InsertAfter(i));
                    }
                    let remove = ui
                        .add_enabled(count > 2, egui::Button::new("−"))
                        .accessible_name(format!("Remove point {n}"))
                        .hover_tip("Remove this point (at least 2 remain)");
                    if remove.clicked() {
                        action = Some(RowAction::Remove(i));
                    }
                    for response in [&time, &rate, &insert, &remove] {
                        layout.note(response);
                    }
                });
            }
        });
    match action {
        Some(RowAction::InsertAfter(i)) => {
            if let Some(point) = insert_point(points, i) {
                points.insert(i + 1, point);
                changed = true;
            }
        }
        Some(RowAction::Remove(i)) if points.len() > 2 && i < points.len() => {
            points.remove(i);
            changed = true;
        }
        _ => {}
    }
    changed
}

/// The point to insert after point `i`: halfway to the next point, or 60 s after the last one
/// (within 7 days). `None` when there is no room for strictly increasing times or no room for
/// another point.
fn insert_point(points: &[(f64, f64)], i: usize) -> Option<(f64, f64)> {
    if points.len() >= MAX_TRAFFIC_POINTS {
        return None;
    }
    let &(t, rps) = points.get(i)?;
    if let Some(&(next_t, next_rps)) = points.get(i + 1) {
        (next_t - t > 2.0 * MIN_POINT_GAP_S).then_some((0.5 * (t + next_t), 0.5 * (rps + next_rps)))
    } else {
        let new_t = (t + 60.0).min(MAX_TRAFFIC_SECS);
        (new_t - t >= MIN_POINT_GAP_S).then_some((new_t, rps))
    }
}

// ---------------------------------------------------------------------------------------------
// Rates.

fn rates_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    r: &mut Rates,
    theme: &Theme,
    value_width: f32,
) -> bool {
    let mut changed = rates_origin_ui(ui, layout, r, theme, value_width);

    subheading(
        ui,
        layout,
        theme,
        "Lambda",
        "Lambda prices that do not depend on the architecture",
    );
    changed |= form(ui, layout, "rates_lambda", value_width, |f| {
        lambda_rate_rows(f, r);
    });
    changed |= arch_rates_ui(
        ui,
        layout,
        ("Lambda x86_64", &mut r.lambda_x86_64),
        "Defaults: $0.0000166667 per GB-s for the first 6 billion GB-s a month, $0.000015 to 15 \
         billion, $0.0000133334 above; provisioned $0.0000041667, provisioned duration \
         $0.0000097222 (AWS Price List API, effective 2025-10-01, presets/README.md §1)",
        theme,
        value_width,
    );
    changed |= arch_rates_ui(
        ui,
        layout,
        ("Lambda arm64", &mut r.lambda_arm64),
        "Defaults: $0.0000133334 per GB-s for the first 7.5 billion GB-s a month, $0.0000120001 \
         to 18.75 billion, $0.0000106667 above; provisioned $0.0000033334, provisioned duration \
         $0.0000077778 (AWS Price List API, effective 2025-10-01, presets/README.md §1)",
        theme,
        value_width,
    );

    for (title, tiers, tip) in [
        (
            "API Gateway REST API",
            &mut r.api_gateway_rest_tiers,
            "USD per million requests by the month's cumulative millions. Defaults: $3.50 to \
             333 M, $2.80 to 1,000 M, $2.38 to 20,000 M, $1.51 above (AWS whitepaper, presets/README.md §4)",
        ),
        (
            "API Gateway HTTP API",
            &mut r.api_gateway_http_tiers,
            "USD per million requests by the month's cumulative millions. Defaults: $1.00 to \
             300 M, $0.90 above (AWS whitepaper, presets/README.md §4)",
        ),
    ] {
        subheading(ui, layout, theme, title, tip);
        changed |= tiers_ui(
            ui,
            layout,
            title,
            tiers,
            &TierUnits {
                bound: "Up to, M requests",
                bound_scale: 1.0,
                price: "USD per million",
                max_price: 1_000.0,
            },
            theme,
        );
    }

    subheading(
        ui,
        layout,
        theme,
        "Containers and load balancing",
        "Prices of the VM and container alternatives' extras (third-party tables, Jan 2025, \
         presets/README.md §4)",
    );
    changed |= form(ui, layout, "rates_containers", value_width, |f| {
        alternative_rate_rows(f, r);
    });

    subheading(
        ui,
        layout,
        theme,
        "EC2 instance prices",
        "The list the instance pickers offer: USD per hour, us-east-1 Linux on-demand \
         (third-party tables, Jan 2025; m7g matches AWS's own figure; presets/README.md §4)",
    );
    changed
        | layout
            .block(ui, "ec2_instances", |ui, layout| {
                instances_ui(ui, layout, &mut r.ec2_instances, theme)
            })
            .unwrap_or(false)
}

/// The rates' date and source.
fn rates_origin_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    r: &mut Rates,
    theme: &Theme,
    value_width: f32,
) -> bool {
    let changed = form(ui, layout, "rates_date", value_width, |f| {
        f.text(
            &mut r.as_of,
            64,
            "Rates as of",
            "The date these rates were true, shown in the status bar. Default 2025-10-01.",
        );
    });
    changed
        | layout
            .block(ui, "rates_source", |ui, layout| {
                let changed = wide_text(
                    ui,
                    layout,
                    &mut r.source,
                    TextEdit::multiline,
                    (3, 4000),
                    "Source",
                    "Where these rates come from; shown when hovering the status bar's date",
                );
                ui.label(
                    RichText::new("USD, AWS us-east-1, Linux, on-demand").color(theme.weak_text),
                );
                changed
            })
            .unwrap_or(false)
}

fn lambda_rate_rows(f: &mut Form<'_>, r: &mut Rates) {
    f.price(
        &mut r.lambda_request_usd_per_million,
        1_000.0,
        "Requests",
        " /M",
        "USD per million requests, both architectures. Default $0.20 (AWS pricing page, \
         presets/README.md §1).",
    );
    f.price(
        &mut r.ephemeral_usd_per_gb_s,
        1.0,
        "Ephemeral, per GB-s",
        "",
        "/tmp above the free 512 MB, USD per GB-second. Default $0.0000000309 (AWS pricing \
         page, presets/README.md §1).",
    );
    f.num(
        &mut r.free_requests,
        0..=1_000_000_000_000,
        "Free requests",
        " /month",
        "Free-tier requests a month. Default 1,000,000 (AWS pricing page, presets/README.md §1).",
    );
    f.num(
        &mut r.free_gb_s,
        0.0..=1e12,
        "Free GB-seconds",
        " /month",
        "Free-tier GB-seconds a month, x86_64 and arm64 together. Default 400,000 (AWS \
         pricing page, presets/README.md §1).",
    );
}

fn alternative_rate_rows(f: &mut Form<'_>, r: &mut Rates) {
    f.price(
        &mut r.alb_usd_per_hour,
        1_000.0,
        "ALB",
        " /h",
        "Application Load Balancer, USD per hour. Default $0.0225 (presets/README.md §4).",
    );
    f.price(
        &mut r.alb_usd_per_lcu_hour,
        1_000.0,
        "ALB capacity unit",
        " /LCU-h",
        "Application Load Balancer, USD per LCU-hour. Default $0.008 (presets/README.md §4).",
    );
    f.num(
        &mut r.alb_new_connections_per_lcu,
        0.1..=1e6,
        "Connections per LCU",
        " /s",
        "New connections per second that make one LCU; one connection per request is \
         assumed. Default 25.",
    );
    f.price(
        &mut r.fargate_x86_64_vcpu_hour_usd,
        1_000.0,
        "Fargate x86_64 vCPU",
        " /vCPU-h",
        "Fargate x86_64, USD per vCPU-hour. Default $0.04048 (presets/README.md §4).",
    );
    f.price(
        &mut r.fargate_x86_64_gb_hour_usd,
        1_000.0,
        "Fargate x86_64 memory",
        " /GB-h",
        "Fargate x86_64, USD per GB-hour. Default $0.004445 (presets/README.md §4).",
    );
    f.price(
        &mut r.fargate_arm64_vcpu_hour_usd,
        1_000.0,
        "Fargate arm64 vCPU",
        " /vCPU-h",
        "Fargate arm64, USD per vCPU-hour. Default $0.03238 (presets/README.md §4).",
    );
    f.price(
        &mut r.fargate_arm64_gb_hour_usd,
        1_000.0,
        "Fargate arm64 memory",
        " /GB-h",
        "Fargate arm64, USD per GB-hour. Default $0.00356 (presets/README.md §4).",
    );
    f.price(
        &mut r.eks_cluster_hour_usd,
        1_000.0,
        "EKS control plane",
        " /h",
        "EKS control plane, USD per cluster-hour: $0.10, about $73 a month; $0.60 on \
         extended support (AWS, presets/README.md §4).",
    );
}

/// The duration tiers and provisioned prices of one Lambda architecture.
fn arch_rates_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    (title, rates): (&str, &mut LambdaArchRates),
    tip: &str,
    theme: &Theme,
    value_width: f32,
) -> bool {
    subheading(ui, layout, theme, title, tip);
    let mut changed = tiers_ui(
        ui,
        layout,
        title,
        &mut rates.duration_tiers,
        &TierUnits {
            bound: "Up to, billion GB-s",
            bound_scale: 1e-9,
            price: "USD per GB-s",
            max_price: 1.0,
        },
        theme,
    );
    changed |= form(ui, layout, (title, "provisioned"), value_width, |f| {
        f.price(
            &mut rates.provisioned_usd_per_gb_s,
            1.0,
            "Provisioned, per GB-s",
            "",
            "Provisioned concurrency, USD per GB-second configured while enabled",
        );
        f.price(
            &mut rates.provisioned_duration_usd_per_gb_s,
            1.0,
            "PC duration, per GB-s",
            "",
            "Duration of requests served by provisioned environments, USD per GB-second",
        );
    });
    changed
}

/// Units of one tier table, named in its column headers so the cells stay narrow.
struct TierUnits {
    /// Header of the bounds column, with their unit.
    bound: &'static str,
    /// Shown bound = stored bound × this (1e-9 shows GB-seconds in billions).
    bound_scale: f64,
    /// Header of the prices column, with their unit.
    price: &'static str,
    /// The highest price validation accepts.
    max_price: f64,
}

/// A tier table: each bounded tier's upper bound (kept above the previous one) and price, the
/// last tier unbounded; tiers can be added before the last one and removed.
fn tiers_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    title: &str,
    tiers: &mut Vec<Tier>,
    units: &TierUnits,
    theme: &Theme,
) -> bool {
    layout
        .block(ui, (title, "tiers"), |ui, layout| {
            tier_table(ui, layout, title, tiers, units, theme)
        })
        .unwrap_or(false)
}

/// The rows of `tiers_ui` and its "Add tier" button.
fn tier_table(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    title: &str,
    tiers: &mut Vec<Tier>,
    units: &TierUnits,
    theme: &Theme,
) -> bool {
    let mut changed = false;
    let mut remove = None;
    let count = tiers.len();
    let size = vec2(
        EDITOR_TIER_WIDTH * theme.text_scale,
        ui.spacing().interact_size.y,
    );
    egui::Grid::new((title, "tiers"))
        .num_columns(3)
        .spacing(vec2(EDITOR_GAP, EDITOR_GAP))
        .show(ui, |ui| {
            ui.label(units.bound).hover_tip(
                "The tier's upper bound, cumulative over the month; the last tier has none",
            );
            ui.label(units.price).hover_tip("The price within the tier");
            ui.end_row();
            let mut previous = 0.0;
            for i in 0..count {
                let next = tiers
                    .get(i + 1)
                    .and_then(|t| t.up_to)
                    .map_or(1e15, |b| b - MIN_TIER_GAP);
                let Some(tier) = tiers.get_mut(i) else {
                    continue;
                };
                let n = i + 1;
                match &mut tier.up_to {
                    Some(bound) => {
                        let low = previous + MIN_TIER_GAP;
                        let response = ui
                            .add(
                                number_drag(
                                    bound,
                                    &Num::scaled(low..=next, units.bound_scale, ""),
                                    size,
                                )
                                .clamp_existing_to_range(false),
                            )
                            .accessible_name(format!("{title} tier {n} bound"))
                            .hover_tip("Upper bound of this tier; kept between its neighbours");
                        layout.note(&response);
                        changed |= response.changed();
                        previous = *bound;
                    }
                    None => {
                        ui.label("and above")
                            .hover_tip("The last tier is unbounded");
                    }
                }
                let price = ui
                    .add(number_drag(
                        &mut tier.usd_per_unit,
                        &Num::money(units.max_price, ""),
                        size,
                    ))
                    .accessible_name(format!("{title} tier {n} price"))
                    .hover_tip("USD per unit within this tier");
                layout.note(&price);
                changed |= price.changed();
                if tier.up_to.is_some() {
                    let button = ui
                        .button("−")
                        .accessible_name(format!("Remove {title} tier {n}"))
                        .hover_tip("Remove this tier");
                    layout.note(&button);
                    if button.clicked() {
                        remove = Some(i);
                    }
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove
        && i < tiers.len()
    {
        tiers.remove(i);
        changed = true;
    }
    let add = ui
        .button("Add tier")
        .accessible_name(format!("Add a {title} tier"))
        .hover_tip("Add a tier before the unbounded last one, at twice the highest bound");
    layout.note(&add);
    if add.clicked() {
        insert_tier(tiers);
        changed = true;
    }
    changed
}

/// Adds a tier before the last (unbounded) one: its bound twice the highest bound so far (1,000
/// when there is none), its price the last tier's.
fn insert_tier(tiers: &mut Vec<Tier>) {
    let highest = tiers.iter().filter_map(|t| t.up_to).fold(0.0, f64::max);
    let bound = if highest > 0.0 {
        highest * 2.0
    } else {
        1_000.0
    };
    let price = tiers.last().map_or(0.0, |t| t.usd_per_unit);
    let at = tiers.len().saturating_sub(1);
    tiers.insert(
        at,
        Tier {
            up_to: Some(bound),
            usd_per_unit: price,
        },
    );
    if let Some(last) = tiers.last_mut() {
        last.up_to = None;
    }
}

/// The EC2 price list: name and hourly price per row, rows added and removed.
fn instances_ui(
    ui: &mut egui::Ui,
    layout: &mut LazyLayout,
    instances: &mut Vec<InstancePrice>,
    theme: &Theme,
) -> bool {
    let mut changed = false;
    let mut remove = None;
    let size = vec2(
        EDITOR_VALUE_WIDTH * theme.text_scale,
        ui.spacing().interact_size.y,
    );
    egui::Grid::new("ec2_instances")
        .num_columns(3)
        .spacing(vec2(EDITOR_GAP, EDITOR_GAP))
        .show(ui, |ui| {
            ui.label("Instance type")
                .hover_tip("Instance type name, 1–64 characters");
            ui.label("Price").hover_tip("USD per hour, on-demand");
            ui.end_row();
            for (i, instance) in instances.iter_mut().enumerate() {
                let n = i + 1;
                let name = ui
                    .add(
                        TextEdit::singleline(&mut instance.name)
                            .desired_width(size.x * 0.8)
                            .char_limit(64),
                    )
                    .accessible_name(format!("Instance {n} name"));
                let price = ui
                    .add(number_drag(
                        &mut instance.hourly_usd,
                        &Num::money(1_000.0, " /h"),
                        size,
                    ))
                    .accessible_name(format!("Instance {n} price"))
                    .hover_tip("USD per hour, us-east-1 Linux on-demand");
                let button = ui
                    .button("−")
                    .accessible_name(format!("Remove instance {n}"))
                    .hover_tip("Remove this instance type from the pickers");
                for response in [&name, &price, &button] {
                    layout.note(response);
                }
                changed |= name.lost_focus() || price.changed();
                if button.clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove
        && i < instances.len()
    {
        instances.remove(i);
        changed = true;
    }
    let add = ui
        .button("Add instance type")
        .hover_tip("Add a row to the price list; type its name and price");
    layout.note(&add);
    if add.clicked() {
        instances.push(InstancePrice {
            name: "new.instance".to_owned(),
            hourly_usd: 0.1,
        });
        changed = true;
    }
    changed
}

// ---------------------------------------------------------------------------------------------
// Widgets: one labelled row of a form per call.

/// How a number is shown and edited: its range, unit and kind.
#[derive(Clone, Debug)]
struct Num<'s> {
    range: RangeInclusive<f64>,
    unit: &'s str,
    integral: bool,
    /// Shown value = stored value × scale (100 for percentages).
    scale: f64,
    /// Prices: a "$" prefix and up to ten decimals, for rates such as $0.0000166667.
    money: bool,
}

impl<'s> Num<'s> {
    /// A number of type `N` in `range`, shown with `unit` after it.
    fn of<N: Numeric>(range: RangeInclusive<N>, unit: &'s str) -> Self {
        Self {
            range: range.start().to_f64()..=range.end().to_f64(),
            unit,
            integral: N::INTEGRAL,
            scale: 1.0,
            money: false,
        }
    }

    /// A value stored in `range` and shown multiplied by `scale`.
    fn scaled(range: RangeInclusive<f64>, scale: f64, unit: &'s str) -> Self {
        Self {
            scale,
            ..Self::of(range.start() * scale..=range.end() * scale, unit)
        }
    }

    /// A fraction from `min` to 1, shown as a percentage.
    fn percent(min: f64) -> Self {
        Self::scaled(min..=1.0, 100.0, " %")
    }

    /// A price from 0 to `max` USD.
    fn money(max: f64, unit: &'s str) -> Self {
        Self {
            money: true,
            ..Self::of(0.0..=max, unit)
        }
    }

    /// Drag speed per point: half a percent of the value, so dragging is roughly logarithmic and
    /// works for 0.00001 as for 1,000,000, with a floor so a zero can move.
    fn speed(&self, shown: f64) -> f64 {
        let floor = if self.money {
            1e-10
        } else if self.integral {
            0.05
        } else {
            ((self.range.end() - self.range.start()) * 1e-4).clamp(0.01, 1.0)
        };
        (shown.abs() * 0.005).max(floor)
    }
}

/// What a number box at rest painted the last time egui drew it, to be painted again while
/// nothing about it changes.
#[derive(Clone, Debug)]
struct RestingPicture {
    /// The value shown, as bits.
    value_bits: u64,
    /// The `LazyLayout::picture_generation` it was drawn in: the theme, width and scale it
    /// assumes, and egui's text cache its galleys belong to.
    generation: (u64, u64),
    /// Whether it was drawn enabled (a disabled box is drawn faded).
    enabled: bool,
    /// Where it was last painted.
    rect: Rect,
    /// Its shapes, relative to the top-left corner of `rect`.
    shapes: Vec<egui::Shape>,
}

/// A number box: egui's `DragValue` (see [`number_drag`]), or, while it rests, the picture of
/// it at rest with the same value. A `DragValue` costs about as much as a dozen labels a
/// frame and the editor shows a dozen; at rest it only repeats itself. The picture is allocated
/// and interacts exactly like the widget (same id, size and sense, and it stays in the keyboard
/// focus order), so a press, a drag, a hover or the focus arriving finds the real widget from
/// that frame on. `generation` is `None` where a picture must not stand in; it changes when
/// egui rebuilds its text cache, so a picture's glyphs never outlive the font atlas they point
/// into.
fn number_box(
    ui: &mut egui::Ui,
    pictures: &mut IdMap<RestingPicture>,
    generation: Option<(u64, u64)>,
    value: &mut f64,
    spec: &Num<'_>,
    size: Vec2,
) -> Response {
    let id = ui.next_auto_id();
    if let Some(generation) = generation
        && let Some(picture) = pictures.get_mut(&id)
        && picture.value_bits == value.to_bits()
        && picture.generation == generation
        && picture.enabled == ui.is_enabled()
        && !needs_widget(ui, id, picture.rect)
    {
        // What `DragValue` does at rest: allocate, interact, join the focus order, paint.
        let (_, rect) = ui.allocate_space(picture.rect.size());
        let response = ui.interact(rect, id, egui::Sense::click_and_drag());
        if ui.is_enabled() {
            ui.memory_mut(|m| m.interested_in_focus(id, ui.layer_id()));
        }
        picture.rect = rect;
        if ui.is_rect_visible(rect) {
            // The shapes were faded as they were painted if the `Ui` is disabled: a painter of
            // the same layer and clip that does not fade them again.
            let painter = egui::Painter::new(ui.ctx().clone(), ui.layer_id(), ui.clip_rect());
            for shape in &picture.shapes {
                painter.add(moved(shape.clone(), rect.min.to_vec2()));
            }
        }
        return response;
    }
    let layer = ui.layer_id();
    let first = ui
        .ctx()
        .graphics(|g| g.get(layer).map_or(0, |list| list.next_idx().0));
    let rested = ui.ctx().read_response(id).is_some_and(|r| at_rest(&r));
    let response = ui.add(number_drag(value, spec, size));
    // Only a widget drawn at rest after a frame at rest is drawn in its resting style (egui
    // styles a widget by its state the frame before).
    let picture = generation
        .filter(|_| rested && at_rest(&response))
        .and_then(|generation| {
            let offset = -response.rect.min.to_vec2();
            let shapes = ui.ctx().graphics(|g| {
                g.get(layer).map(|list| {
                    list.all_entries()
                        .skip(first)
                        .map(|clipped| moved(clipped.shape.clone(), offset))
                        .collect()
                })
            })?;
            Some(RestingPicture {
                value_bits: value.to_bits(),
                generation,
                enabled: ui.is_enabled(),
                rect: response.rect,
                shapes,
            })
        });
    match picture {
        Some(picture) => pictures.insert(id, picture),
        None => pictures.remove(&id),
    };
    response
}

/// `shape` moved by `delta`. A text moves by its position alone: `Shape::translate` would
/// copy its whole galley to move the galley's bounds too, which painting never reads.
fn moved(shape: egui::Shape, delta: Vec2) -> egui::Shape {
    match shape {
        egui::Shape::Text(mut text) => {
            text.pos += delta;
            egui::Shape::Text(text)
        }
        mut other => {
            other.translate(delta);
            other
        }
    }
}

/// Whether a widget is in its resting state: not hovered, pressed, dragged or focused.
fn at_rest(response: &Response) -> bool {
    !(response.hovered()
        || response.contains_pointer()
        || response.is_pointer_button_down_on()
        || response.has_focus()
        || response.clicked()
        || response.dragged()
        || response.highlighted())
}

/// Whether the number box `id`, last painted at `rect`, must be the real widget this frame:
/// it has the focus or is dragged, the pointer is over it, or it was not at rest last frame.
fn needs_widget(ui: &egui::Ui, id: Id, rect: Rect) -> bool {
    ui.memory(|m| m.has_focus(id))
        || ui.ctx().is_being_dragged(id)
        || ui
            .ctx()
            .pointer_latest_pos()
            .is_some_and(|pointer| rect.contains(pointer))
        || ui.ctx().read_response(id).is_none_or(|r| !at_rest(&r))
}

/// A DragValue over an f64 as `spec` says: range, unit, speed, thousands separators, typed
/// values applied on Enter or when focus leaves, "3M"-style input accepted.
fn number_drag<'a>(value: &'a mut f64, spec: &Num<'a>, size: egui::Vec2) -> DragValue<'a> {
    let scale = spec.scale;
    let speed = spec.speed(*value * scale);
    // Prices under $100 keep their cents; larger ones read better without.
    let min_decimals = if spec.money && value.abs() < 100.0 {
        2
    } else {
        0
    };
    let drag = DragValue::from_get_set(move |set| {
        if let Some(shown) = set {
            *value = shown / scale;
        }
        *value * scale
    })
    .range(spec.range.clone())
    .speed(speed)
    .suffix(spec.unit)
    .custom_formatter(move |value, decimals| {
        // The shortest exact text, not egui's minimum from the drag speed: "3 ×", not "3.00 ×".
        format_number(value, min_decimals..=(*decimals.end()).max(min_decimals))
    })
    .custom_parser(parse_number)
    .update_while_editing(false)
    .min_size(size);
    if spec.money {
        drag.prefix("$").max_decimals(10)
    } else if spec.integral {
        drag.max_decimals(0)
    } else {
        drag
    }
}

/// Formats a number with thousands separators and the fewest decimals in `decimals` that give
/// it back. egui's own formatter compares in f32 with an absolute margin, which would show
/// $0.0000000309 as $0.00.
fn format_number(value: f64, decimals: RangeInclusive<usize>) -> String {
    let (min, max) = (*decimals.start(), (*decimals.end()).min(16));
    let exact = (min..max).find_map(|d| {
        let text = format!("{value:.d$}");
        let back: f64 = text.parse().ok()?;
        ((back - value).abs() <= value.abs() * 1e-9).then_some(text)
    });
    separate_thousands(&exact.unwrap_or_else(|| format!("{value:.max$}")))
}

/// Parses typed numbers: separators (",", "_", spaces) are ignored, "−" is a minus, and a
/// k, M, B (or G) or T suffix multiplies by a thousand, million, billion or trillion.
fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let (digits, factor) = [
        (['k', 'K'], 1e3),
        (['M', 'M'], 1e6),
        (['B', 'G'], 1e9),
        (['T', 'T'], 1e12),
    ]
    .into_iter()
    .find_map(|(suffix, factor)| cleaned.strip_suffix(suffix).map(|d| (d, factor)))
    .unwrap_or((cleaned.as_str(), 1.0));
    digits
        .parse::<f64>()
        .ok()
        .map(|v| v * factor)
        .filter(|v| v.is_finite())
}

/// The choices of an enum shown in a combo box.
trait Choice: Copy + PartialEq + 'static {
    /// Every option, in menu order.
    const OPTIONS: &'static [Self];
    /// The option's name.
    fn text(self) -> &'static str;
    /// One sentence shown when hovering the option.
    fn hint(self) -> &'static str;
}

impl Choice for Architecture {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        match self {
            Self::X86_64 => "Intel or AMD 64-bit",
            Self::Arm64 => "AWS Graviton: 20% cheaper per GB-second on Lambda and on Fargate",
        }
    }
}

impl Choice for Option<FrontDoor> {
    const OPTIONS: &'static [Self] = &[
        None,
        Some(FrontDoor::ApiGatewayHttp),
        Some(FrontDoor::ApiGatewayRest),
        Some(FrontDoor::Alb),
    ];
    fn text(self) -> &'static str {
        // Short names keep the combo box within the value column; the hints say the rest.
        match self {
            None => "None",
            Some(FrontDoor::ApiGatewayHttp) => "API GW HTTP",
            Some(FrontDoor::ApiGatewayRest) => "API GW REST",
            Some(FrontDoor::Alb) => "ALB",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            None => "Nothing billed in front: an event source, a direct call or a function URL",
            Some(FrontDoor::ApiGatewayHttp) => {
                "API Gateway HTTP API: $1.00 per million requests up to 300 M a month, then \
                 $0.90 (default rates)"
            }
            Some(FrontDoor::ApiGatewayRest) => {
                "API Gateway REST API: $3.50 per million requests up to 333 M a month, then less \
                 (default rates)"
            }
            Some(FrontDoor::Alb) => {
                "Application Load Balancer: $0.0225 an hour plus $0.008 per LCU-hour (default \
                 rates)"
            }
        }
    }
}

impl Choice for ScalingRules {
    const OPTIONS: &'static [Self] = &[Self::Current, Self::Rules2022];
    fn text(self) -> &'static str {
        match self {
            Self::Current => "Current rules",
            Self::Rules2022 => "2022 rules",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Current => "Since 26 Nov 2023: each function adds 1,000 environments every 10 s",
            Self::Rules2022 => {
                "Before 26 Nov 2023: an account-wide initial burst, then +500 environments a minute"
            }
        }
    }
}

impl Choice for Runtime {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        ""
    }
}

impl Choice for PackageType {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Zip => "Code on a managed runtime that AWS patches",
            Self::Image => "Your own image: slower to start, and its runtime is yours to patch",
        }
    }
}

impl Choice for Orchestrator {
    const OPTIONS: &'static [Self] = &[Self::Ecs, Self::Eks];
    fn text(self) -> &'static str {
        match self {
            Self::Ecs => "Amazon ECS",
            Self::Eks => "Amazon EKS",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Ecs => "Free control plane",
            Self::Eks => "Control plane billed per cluster-hour ($0.10, about $73 a month)",
        }
    }
}

impl Choice for LaunchType {
    const OPTIONS: &'static [Self] = &[Self::Fargate, Self::Ec2];
    fn text(self) -> &'static str {
        match self {
            Self::Fargate => "Fargate",
            Self::Ec2 => "EC2 nodes",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            Self::Fargate => "AWS runs the hosts; billed per vCPU-hour and GB-hour",
            Self::Ec2 => {
                "Your own instances as cluster nodes: billed per node-hour, yours to patch"
            }
        }
    }
}

impl Choice for TrafficShape {
    const OPTIONS: &'static [Self] = &Self::ALL;
    fn text(self) -> &'static str {
        self.label()
    }
    fn hint(self) -> &'static str {
        self.description()
    }
}

/// The rows of one grid: each call adds a label (with its tooltip) and a value widget labelled
/// by it, and records whether the value changed. Rows away from the visible part of the editor
/// are not built (see `Form::lazy_row`).
struct Form<'u> {
    ui: &'u mut egui::Ui,
    layout: &'u mut LazyLayout,
    /// The grid's key; a row's key is this with the row's index.
    key: Id,
    /// Index of the next grid row.
    row: usize,
    /// Height of the row being built, as measured last time (0 if never).
    row_height: f32,
    label_width: f32,
    value_width: f32,
    changed: bool,
    /// Set while the next rows do not apply, with the reason shown on hover.
    disabled: Option<&'static str>,
}

impl Form<'_> {
    /// The size of a number box: the value column's width, the usual widget height.
    fn value_size(&self) -> egui::Vec2 {
        vec2(self.value_width, self.ui.spacing().interact_size.y)
    }

    /// One grid row: `build` adds its name cell and its value cell and returns their rects.
    /// Away from the visible band (see `LazyLayout::shows`), the two cells only allocate the
    /// sizes they had when last built: the grid's column widths and row heights, and so every
    /// visible pixel and the scroll height, stay exactly as if the row were there. Each cell
    /// is one child `Ui` either way, so the widgets after it keep their automatic ids (and
    /// with them focus and state) however far the editor is scrolled.
    fn lazy_row(&mut self, build: impl FnOnce(&mut Self) -> [Rect; 2]) {
        let key = self.key.with(self.row);
        self.row += 1;
        let top = self.ui.cursor().min.y;
        let known = self.layout.rows.get(&key).copied();
        match known {
            Some(row) if self.layout.settled(&row) && !self.layout.shows(top, height(row.size)) => {
                for size in row.size {
                    self.ui.allocate_space(size);
                }
            }
            _ => {
                // The grid centres each cell on the row's height of the frame before, which
                // these cells made: the value cell is centred on the same height.
                self.row_height = known.map_or(0.0, |row| height(row.size));
                let cells = build(self).map(|rect| rect.size());
                let row = self.layout.measured(known, cells);
                self.layout.rows.insert(key, row);
            }
        }
        self.ui.end_row();
    }

    /// The row's name cell, the name on one line in the label column's width. Returns the
    /// cell's rect and the name's response.
    fn label(&mut self, text: &str, tip: &str) -> (Rect, Response) {
        // As tall as the value widgets and centred like them, so label and value line up. Names
        // are short enough not to wrap; one that is longer widens its column rather than being
        // cut or overlapping the next row.
        // Painted straight into the grid cell rather than as a `Label` in a child `Ui` of its
        // own: the same text, place and accessibility node for a fraction of the work, which
        // counts with a dozen rows on screen every frame.
        let ui = &mut *self.ui;
        let font = egui::TextStyle::Body.resolve(ui.style());
        let galley =
            self.layout
                .names
                .no_wrap(ui.painter(), text, &font, egui::Color32::PLACEHOLDER);
        let size = vec2(
            self.label_width.max(galley.size().x),
            ui.spacing().interact_size.y.max(galley.size().y),
        );
        let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Label, ui.is_enabled(), text)
        });
        if ui.is_rect_visible(rect) {
            let top = rect.center().y - galley.size().y / 2.0;
            ui.painter()
                .galley(pos2(rect.left(), top), galley, ui.visuals().text_color());
        }
        (rect, response.hover_tip(tip))
    }

    /// The row's value cell: one child `Ui` centred on the row as a grid centres its cells,
    /// disabled while `self.disabled` says the row does not apply.
    fn value<R>(&mut self, add: impl FnOnce(&mut egui::Ui) -> R) -> InnerResponse<R> {
        let size = vec2(
            self.ui.available_width(),
            self.row_height.max(self.ui.spacing().interact_size.y),
        );
        let enabled = self.disabled.is_none();
        self.ui
            .allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
                if !enabled {
                    ui.disable();
                }
                add(ui)
            })
    }

    /// A value cell holding a number box (see [`number_box`]), disabled unless `enabled`.
    fn number_cell(
        &mut self,
        shown: &mut f64,
        spec: &Num<'_>,
        size: Vec2,
        enabled: bool,
    ) -> InnerResponse<Response> {
        let generation = self.layout.picture_generation();
        let mut pictures = std::mem::take(&mut self.layout.pictures);
        let cell = self.value(|ui| {
            if !enabled {
                ui.disable();
            }
            number_box(ui, &mut pictures, generation, shown, spec, size)
        });
        self.layout.pictures = pictures;
        cell
    }

    /// Ties the value widget to its label and adds its tooltips.
    fn finish(&mut self, response: &Response, label: &Response, tip: &str) {
        self.layout.note(response);
        let response = response.clone().labelled_by(label.id).hover_tip(tip);
        if let Some(reason) = self.disabled {
            response.on_disabled_hover_ui(|ui| {
                ui.label(tip);
                ui.label(RichText::new(reason).strong());
            });
        }
    }

    /// A row of a name and the widget `add` adds.
    fn row(&mut self, label: &str, tip: &str, add: impl FnOnce(&mut egui::Ui) -> Response) {
        self.lazy_row(|f| {
            let (name_cell, name) = f.label(label, tip);
            let value = f.value(add);
            f.changed |= value.inner.changed();
            f.finish(&value.inner, &name, tip);
            [name_cell, value.response.rect]
        });
    }

    /// A number of any numeric type, within `range`.
    fn num<N: Numeric>(
        &mut self,
        value: &mut N,
        range: RangeInclusive<N>,
        label: &str,
        unit: &str,
        tip: &str,
    ) {
        let spec = Num::of(range, unit);
        self.number(value, &spec, label, tip);
    }

    /// A fraction from `min` to 1, shown as a percentage.
    fn percent(&mut self, value: &mut f64, min: f64, label: &str, tip: &str) {
        self.number(value, &Num::percent(min), label, tip);
    }

    /// A price in USD from 0 to `max`.
    fn price(&mut self, value: &mut f64, max: f64, label: &str, unit: &str, tip: &str) {
        self.number(value, &Num::money(max, unit), label, tip);
    }

    fn number<N: Numeric>(&mut self, value: &mut N, spec: &Num<'_>, label: &str, tip: &str) {
        let mut shown = value.to_f64();
        let size = self.value_size();
        self.lazy_row(|f| {
            let (name_cell, name) = f.label(label, tip);
            let value = f.number_cell(&mut shown, spec, size, true);
            f.changed |= value.inner.changed();
            f.finish(&value.inner, &name, tip);
            [name_cell, value.response.rect]
        });
        if shown != value.to_f64() {
            *value = N::from_f64(if spec.integral { shown.round() } else { shown });
        }
    }

    /// A request count with ÷10 and ×10 buttons: steps along the cost view's log axis.
    fn count(&mut self, value: &mut u64, max: u64, label: &str, tip: &str) {
        self.num(value, 0..=max, label, "", tip);
        // The buttons sit on a row of their own under the value, so the value column keeps
        // its width.
        let (mut down, mut up) = (false, false);
        self.lazy_row(|f| {
            let name_cell = f.ui.label("").rect;
            let buttons = f.value(|ui| {
                ui.horizontal(|ui| {
                    let down = ui
                        .small_button("÷10")
                        .accessible_name(format!("Divide {} by 10", label.to_lowercase()))
                        .hover_tip("Divide by 10: one step left on the cost view's log axis");
                    let up = ui
                        .small_button("×10")
                        .accessible_name(format!("Multiply {} by 10", label.to_lowercase()))
                        .hover_tip("Multiply by 10: one step right on the cost view's log axis");
                    [down, up]
                })
                .inner
            });
            for button in &buttons.inner {
                f.layout.note(button);
            }
            let [down_button, up_button] = &buttons.inner;
            (down, up) = (down_button.clicked(), up_button.clicked());
            [name_cell, buttons.response.rect]
        });
        let stepped = if down {
            *value / 10
        } else if up {
            value.saturating_mul(10).min(max)
        } else {
            *value
        };
        if stepped != *value {
            *value = stepped;
            self.changed = true;
        }
    }

    /// An optional number: the checkbox in the label column sets it, the value is edited beside
    /// it; ticking it starts from `fallback`.
    fn optional<N: Numeric>(
        &mut self,
        value: &mut Option<N>,
        fallback: N,
        spec: &Num<'_>,
        label: &str,
        tip: &str,
    ) {
        let mut on = value.is_some();
        let mut shown = value.unwrap_or(fallback).to_f64();
        self.lazy_row(|f| {
            let label_width = f.label_width;
            let enabled = f.disabled.is_none();
            let size = vec2(label_width, f.ui.spacing().interact_size.y);
            let check =
                f.ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
                    ui.set_min_width(size.x);
                    ui.add_enabled(enabled, Checkbox::new(&mut on, label))
                });
            let check_response = check.inner.hover_tip(tip);
            f.layout.note(&check_response);
            let size = f.value_size();
            let drag = f.number_cell(&mut shown, spec, size, on);
            let response = drag
                .inner
                .on_disabled_hover_text("Tick the box to set a value");
            f.finish(&response, &check_response, tip);
            [check.response.rect, drag.response.rect]
        });
        let shown = N::from_f64(if spec.integral { shown.round() } else { shown });
        let new = on.then_some(shown);
        if new != *value {
            *value = new;
            self.changed = true;
        }
    }

    /// A yes/no value.
    fn toggle(&mut self, value: &mut bool, label: &str, tip: &str) {
        self.row(label, tip, |ui| ui.add(Checkbox::without_text(value)));
    }

    /// One-line text, committed when focus leaves it (so retyping a name does not recompute
    /// every view on each key).
    fn text(&mut self, value: &mut String, max_chars: usize, label: &str, tip: &str) {
        let width = self.value_width;
        self.lazy_row(|f| {
            let (name_cell, name) = f.label(label, tip);
            let edit = f.value(|ui| {
                ui.add(
                    TextEdit::singleline(value)
                        .desired_width(width)
                        .char_limit(max_chars),
                )
            });
            f.changed |= edit.inner.lost_focus();
            f.finish(&edit.inner, &name, tip);
            [name_cell, edit.response.rect]
        });
    }

    /// An enum picked from a combo box; hovering an option shows its hint.
    fn choice<T: Choice>(&mut self, value: &mut T, label: &str, tip: &str) {
        self.choice_with(value, label, tip, |option| Cow::Borrowed(option.hint()));
    }

    /// An enum picked from a combo box, with option hints built only while the list is open.
    fn choice_with<T: Choice>(
        &mut self,
        value: &mut T,
        label: &str,
        tip: &str,
        hint: impl Fn(T) -> Cow<'static, str>,
    ) {
        let before = *value;
        let width = self.value_width;
        self.lazy_row(|f| {
            let (name_cell, name) = f.label(label, tip);
            let combo = f.value(|ui| {
                egui::ComboBox::from_id_salt(label)
                    .width(width)
                    .selected_text(value.text())
                    .show_ui(ui, |ui| {
                        for &option in T::OPTIONS {
                            let text = hint(option);
                            let item = ui.selectable_value(value, option, option.text());
                            if !text.is_empty() {
                                item.hover_tip(text);
                            }
                        }
                    })
                    .response
            });
            f.finish(&combo.inner, &name, tip);
            [name_cell, combo.response.rect]
        });
        self.changed |= *value != before;
    }

    /// Picks an instance type from the price list, setting its name and hourly price together.
    fn instance_picker(
        &mut self,
        name: &mut String,
        hourly_usd: &mut f64,
        instances: &[InstancePrice],
        label: &str,
        tip: &str,
    ) {
        let width = self.value_width;
        let mut picked = None;
        self.lazy_row(|f| {
            let (name_cell, name_response) = f.label(label, tip);
            let combo = f.value(|ui| {
                egui::ComboBox::from_id_salt(label)
                    .width(width)
                    .selected_text(name.as_str())
                    .show_ui(ui, |ui| {
                        for instance in instances {
                            let text = format!(
                                "{}  ${}/h",
                                instance.name,
                                format_number(instance.hourly_usd, 2..=6)
                            );
                            if ui
                                .selectable_label(instance.name == *name, text)
                                .hover_tip("Sets the name and the hourly price")
                                .clicked()
                            {
                                picked = Some(instance);
                            }
                        }
                    })
                    .response
            });
            f.finish(&combo.inner, &name_response, tip);
            [name_cell, combo.response.rect]
        });
        if let Some(instance) = picked
            && (instance.name != *name || instance.hourly_usd != *hourly_usd)
        {
            name.clone_from(&instance.name);
            *hourly_usd = instance.hourly_usd;
            self.changed = true;
        }
    }
}

/// Which parts of the editor are laid out this frame.
///
/// The editor is far taller than its panel, and laying out every row of its open sections,
/// most of them scrolled out of view, took over 40 % of a frame. Now a block (a section's body,
/// a caption, a table) or a form row is built only when it is near the visible part of the
/// scroll area, or holds the keyboard focus; elsewhere it allocates the size it had when last
/// built. The sizes are measured, never guessed, and forgotten whenever what they depend on
/// changes (a value, the panel's width, the theme), so that frame builds everything again: the
/// scroll height and every visible pixel are the same as with everything built.
#[derive(Clone, Debug)]
struct LazyLayout {
    /// Sizes of blocks in a vertical layout, by key.
    blocks: IdMap<Measured<Vec2>>,
    /// Sizes of form rows' name and value cells, by key.
    rows: IdMap<Measured<[Vec2; 2]>>,
    /// Incremented when the measured sizes may no longer hold; only sizes of the current
    /// generation stand in for a part.
    generation: u64,
    /// What the sizes were measured with, besides the draft.
    inputs: Option<LayoutInputs>,
    /// Whether everything is built this frame (for assistive technology).
    everything: bool,
    /// Screen y range built this frame: the visible part of the editor.
    band: Rangef,
    /// The scroll content's top-left corner on screen this frame.
    origin: Pos2,
    /// The focused editor widget and its rect relative to `origin`: its row stays built
    /// wherever it is scrolled, or egui would drop the focus of a widget that vanished.
    focus: Option<(Id, Rect)>,
    /// The widget anywhere in the window that had the keyboard focus after the last frame.
    last_focus: Option<Id>,
    /// Number boxes at rest as egui last drew them, by widget id (see [`number_box`]).
    pictures: IdMap<RestingPicture>,
    /// The rows' names, laid out when they change.
    names: KeptText,
}

impl Default for LazyLayout {
    fn default() -> Self {
        Self {
            blocks: IdMap::default(),
            rows: IdMap::default(),
            generation: 0,
            inputs: None,
            everything: false,
            band: Rangef::NOTHING,
            origin: Pos2::ZERO,
            focus: None,
            last_focus: None,
            pictures: IdMap::default(),
            names: KeptText::default(),
        }
    }
}

/// A part's measured size.
#[derive(Clone, Copy, Debug)]
struct Measured<T> {
    size: T,
    /// The `LazyLayout::generation` it was measured in.
    generation: u64,
    /// Whether the measurement before it, in the same generation, was the same.
    settled: bool,
}

/// The height of a form row: its taller cell.
fn height([name, value]: [Vec2; 2]) -> f32 {
    name.y.max(value.y)
}

/// What the measured sizes depend on, apart from the scenario and the traffic generator.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutInputs {
    width: f32,
    theme: ThemeKind,
    pixels_per_point: f32,
    focus: ViewId,
}

impl LazyLayout {
    /// Starts a frame in the scroll area's content `ui`.
    fn begin(&mut self, ui: &egui::Ui, inputs: LayoutInputs, everything: bool) {
        if self.inputs != Some(inputs) {
            self.forget();
            self.inputs = Some(inputs);
        }
        self.everything = everything;
        self.names.begin_frame(ui.painter());
        self.origin = ui.max_rect().min;
        self.band = ui.clip_rect().y_range();
        if let Some((id, _)) = self.focus
            && !ui.memory(|m| m.has_focus(id))
        {
            self.focus = None;
        }
    }

    /// The generation a resting widget's picture must have been drawn in to stand in for it
    /// this frame: the sizes' generation and how often egui's text cache was rebuilt. `None`
    /// while only real widgets will do (for assistive technology, or in a frame where the
    /// keyboard focus moves).
    fn picture_generation(&self) -> Option<(u64, u64)> {
        (!self.everything).then_some((self.generation, self.names.resets()))
    }

    /// Makes every measured size out of date, so the parts are built and measured again.
    fn forget(&mut self) {
        self.generation += 1;
    }

    /// A part's new measurement, after `known`.
    fn measured<T: PartialEq>(&self, known: Option<Measured<T>>, size: T) -> Measured<T> {
        let settled = known.is_some_and(|k| k.generation == self.generation && k.size == size);
        Measured {
            size,
            generation: self.generation,
            settled,
        }
    }

    /// Whether a part's size can stand in for it: measured twice alike since the sizes were
    /// last forgotten. Once is not enough: a grid's first frame is a narrow sizing pass.
    fn settled<T>(&self, measured: &Measured<T>) -> bool {
        measured.settled && measured.generation == self.generation
    }

    /// Whether a part `height` tall whose top is at screen y `top` is built this frame.
    fn shows(&self, top: f32, height: f32) -> bool {
        let span = Rangef::new(top, top + height);
        self.everything
            || span.intersects(self.band)
            || self.focus.is_some_and(|(_, rect)| {
                span.intersects(Rangef::new(
                    rect.top() + self.origin.y,
                    rect.bottom() + self.origin.y,
                ))
            })
    }

    /// A block of a vertical layout: built by `add` in a child `Ui` when it shows, else its
    /// last measured size allocated (one child `Ui` or one allocation either way, so the
    /// widgets after it keep their automatic ids). Returns what `add` returned, if it ran.
    fn block<R>(
        &mut self,
        ui: &mut egui::Ui,
        key: impl Hash + std::fmt::Debug,
        add: impl FnOnce(&mut egui::Ui, &mut Self) -> R,
    ) -> Option<R> {
        let key = Id::unique(("editor block", key));
        let top = ui.cursor().min.y;
        let known = self.blocks.get(&key).copied();
        if let Some(block) = known
            && self.settled(&block)
            && !self.shows(top, block.size.y)
        {
            ui.allocate_space(block.size);
            return None;
        }
        let InnerResponse { inner, response } = ui.scope(|ui| add(ui, self));
        let block = self.measured(known, response.rect.size());
        self.blocks.insert(key, block);
        Some(inner)
    }

    /// Called with every widget that can take the keyboard focus: remembers where the focused
    /// one is, and scrolls one that just gained the focus (by Tab, say) into view.
    fn note(&mut self, response: &Response) {
        if response.has_focus() {
            self.focus = Some((response.id, response.rect.translate(-self.origin.to_vec2())));
            if response.gained_focus() {
                response.scroll_to_me(None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Frames of one number box (1,000 requests/s, 0 to 10,000) in a bare context: the input of
    /// each frame is built by `events(frame)`; returns the value and the shapes of each frame.
    fn number_box_frames(
        frames: u32,
        (pictures_allowed, enabled): (bool, bool),
        mut events: impl FnMut(u32) -> Vec<egui::Event>,
    ) -> (f64, Vec<String>) {
        let ctx = egui::Context::default();
        let mut pictures = IdMap::default();
        let mut value = 1000.0;
        let spec = Num::of(0.0..=10_000.0, " requests/s");
        let mut painted = Vec::new();
        for frame in 0..frames {
            let input = egui::RawInput {
                screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(400.0, 200.0))),
                time: Some(f64::from(frame) / 60.0),
                events: events(frame),
                ..egui::RawInput::default()
            };
            let mut output = ctx.run_ui(input, |ui| {
                if !enabled {
                    ui.disable();
                }
                let generation = pictures_allowed.then_some((0, 0));
                number_box(
                    ui,
                    &mut pictures,
                    generation,
                    &mut value,
                    &spec,
                    vec2(160.0, 20.0),
                );
            });
            output.textures_delta.clear();
            painted.push(format!("{:?}", output.shapes));
        }
        (value, painted)
    }

    #[test]
    fn a_resting_number_box_paints_what_the_widget_painted() {
        let away = |frame| {
            if frame == 0 {
                vec![egui::Event::PointerMoved(pos2(390.0, 190.0))]
            } else {
                Vec::new()
            }
        };
        for enabled in [true, false] {
            let (_, widget) = number_box_frames(6, (false, enabled), away);
            let (_, pictured) = number_box_frames(6, (true, enabled), away);
            // Drawn twice at rest, then pictured: the same shapes in the same places, faded
            // once where the box is disabled.
            assert_eq!(widget.last(), pictured.last(), "enabled: {enabled}");
            assert!(widget.last().is_some_and(|shapes| shapes.contains("1,000")));
        }
    }

    #[test]
    fn a_resting_number_box_can_be_dragged_at_once() {
        // After resting, the pointer arrives and presses in the same frame (a touch screen),
        // then drags right.
        let at = |x: f32| pos2(x, 10.0);
        let drag = |frame: u32| match frame {
            0 => vec![egui::Event::PointerMoved(pos2(390.0, 190.0))],
            6 => vec![
                egui::Event::PointerMoved(at(40.0)),
                egui::Event::PointerButton {
                    pos: at(40.0),
                    button: egui::PointerButton::Primary,
                    pressed: true,
                    modifiers: egui::Modifiers::NONE,
                },
            ],
            7..=12 => vec![egui::Event::PointerMoved(at(
                40.0 + 10.0 * (frame - 6) as f32
            ))],
            13 => vec![egui::Event::PointerButton {
                pos: at(100.0),
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: egui::Modifiers::NONE,
            }],
            _ => Vec::new(),
        };
        let (pictured, _) = number_box_frames(16, (true, true), drag);
        let (widget, _) = number_box_frames(16, (false, true), drag);
        assert!(widget > 1000.0, "{widget}");
        assert_eq!(pictured, widget);
    }

    #[test]
    fn a_click_on_a_resting_number_box_edits_it() {
        let at = pos2(40.0, 10.0);
        let click = |frame: u32| match frame {
            0 => vec![egui::Event::PointerMoved(pos2(390.0, 190.0))],
            6 => vec![
                egui::Event::PointerMoved(at),
                egui::Event::PointerButton {
                    pos: at,
                    button: egui::PointerButton::Primary,
                    pressed: true,
                    modifiers: egui::Modifiers::NONE,
                },
            ],
            7 => vec![egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: egui::Modifiers::NONE,
            }],
            10 => vec![egui::Event::Text("2500".to_owned())],
            11 => vec![egui::Event::Key {
                key: egui::Key::Enter,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            }],
            _ => Vec::new(),
        };
        let (value, _) = number_box_frames(14, (true, true), click);
        assert_eq!(value, 2500.0);
    }

    #[test]
    fn numbers_parse_with_separators_and_suffixes() {
        assert_eq!(parse_number("3,000,000"), Some(3e6));
        assert_eq!(parse_number(" 1 536 "), Some(1536.0));
        assert_eq!(parse_number("3M"), Some(3e6));
        assert_eq!(parse_number("1.5B"), Some(1.5e9));
        assert_eq!(parse_number("250k"), Some(250e3));
        assert_eq!(parse_number("2T"), Some(2e12));
        assert_eq!(parse_number("−4"), Some(-4.0));
        assert_eq!(parse_number("0.0000166667"), Some(0.000_016_666_7));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
    }

    #[test]
    fn inserted_points_keep_times_increasing() {
        let points = vec![(0.0, 1.0), (60.0, 3.0), (60.015, 5.0)];
        assert_eq!(insert_point(&points, 0), Some((30.0, 2.0)));
        // Too close to split while keeping the minimum gap.
        assert_eq!(insert_point(&points, 1), None);
        assert_eq!(insert_point(&points, 2), Some((120.015, 5.0)));
        let end = vec![(0.0, 1.0), (MAX_TRAFFIC_SECS, 1.0)];
        assert_eq!(insert_point(&end, 1), None);
        assert_eq!(insert_point(&end, 5), None);
        let full = vec![(0.0, 1.0); MAX_TRAFFIC_POINTS];
        assert_eq!(insert_point(&full, 0), None);
    }

    #[test]
    fn inserted_tiers_stay_valid() {
        let mut s = Scenario::default();
        insert_tier(&mut s.rates.api_gateway_http_tiers);
        insert_tier(&mut s.rates.lambda_x86_64.duration_tiers);
        assert_eq!(s.validate(), Ok(()));
        assert_eq!(
            s.rates.api_gateway_http_tiers,
            vec![
                Tier {
                    up_to: Some(300.0),
                    usd_per_unit: 1.00
                },
                Tier {
                    up_to: Some(600.0),
                    usd_per_unit: 0.90
                },
                Tier {
                    up_to: None,
                    usd_per_unit: 0.90
                },
            ]
        );
        let mut single = vec![Tier {
            up_to: None,
            usd_per_unit: 2.0,
        }];
        insert_tier(&mut single);
        assert_eq!(single.first().and_then(|t| t.up_to), Some(1_000.0));
        assert_eq!(single.last().and_then(|t| t.up_to), None);
    }

    #[test]
    fn dependent_fields_follow_their_bounds() {
        let mut s = Scenario::default();
        s.lambda.provisioned_requests_per_month = 2_000_000;
        s.workload.requests_per_month = 1_000;
        s.lambda.reserved_concurrency = Some(900);
        s.lambda.account_concurrency_limit = 100;
        s.vm.min_instances = 50;
        s.containers.min_tasks = 0;
        s.containers.max_tasks = 0;
        keep_consistent(&mut s);
        assert_eq!(s.lambda.provisioned_requests_per_month, 1_000);
        assert_eq!(s.lambda.reserved_concurrency, Some(100));
        assert_eq!(s.vm.max_instances, 50);
        assert_eq!(s.containers.max_tasks, 1);
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn every_view_opens_some_sections() {
        let all = [
            Section::Workload,
            Section::Traffic,
            Section::Lambda,
            Section::ColdStart,
            Section::Vm,
            Section::Containers,
            Section::OnPrem,
            Section::Rates,
        ];
        for view in ViewId::ALL {
            assert!(all.iter().any(|s| s.open_in(view)), "{view:?}");
        }
        assert!(Section::OnPrem.open_in(ViewId::Cost));
        assert!(!Section::OnPrem.open_in(ViewId::Scaling));
        assert!(Section::ColdStart.open_in(ViewId::ColdStart));
    }

    #[test]
    fn drag_speed_scales_with_the_value() {
        let ms = Num::of(0.0..=10_000.0, " ms");
        assert_eq!(ms.speed(0.0), 1.0);
        assert_eq!(ms.speed(1_000.0), 5.0);
        let price = Num::money(1.0, " /GB-s");
        assert!(price.speed(0.000_016_666_7) < 1e-6);
        let count = Num::of(0..=10u32, "");
        assert_eq!(count.speed(0.0), 0.05);
    }
}
