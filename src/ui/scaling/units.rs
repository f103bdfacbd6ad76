//! Unit squares: how many units a square stands for, each square's state (busy, idle, warm,
//! booting, missing) and the mesh that paints them.

use egui::{Color32, Mesh, Pos2, Rect, Shape, Vec2, pos2};

use crate::model::scaling::Sample;
use crate::model::scenario::HostingModel;
use crate::ui::theme::Theme;

use super::format::{group, unit_name};

/// Unit squares: the largest and smallest side, points.
const MAX_SQUARE: f32 = 34.0;
pub(super) const MIN_SQUARE: f32 = 10.0;

/// How the unit squares of a lane are laid out: how many units each stands for, and their size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct UnitGrid {
    pub(super) per_square: f64,
    side: f32,
    gap: f32,
    cols: usize,
    rows: usize,
}

impl UnitGrid {
    /// The smallest round number of units per square (1, 2, 5, 10, 20, 50…) whose squares,
    /// `max_units` of them at most, fit `area` at a legible size; then the largest such size.
    pub(super) fn fit(area: Vec2, max_units: f64) -> Self {
        let max_units = if max_units.is_finite() {
            max_units.max(1.0)
        } else {
            1.0
        };
        let mut per_square = 1.0;
        loop {
            let squares = (max_units / per_square).ceil() as usize;
            let mut side = MAX_SQUARE;
            while side >= MIN_SQUARE {
                let gap = (side * 0.22).clamp(1.5, 5.0);
                let cols = ((area.x + gap) / (side + gap)).floor().max(0.0) as usize;
                let rows = ((area.y + gap) / (side + gap)).floor().max(0.0) as usize;
                if cols * rows >= squares {
                    return Self {
                        per_square,
                        side,
                        gap,
                        cols,
                        rows,
                    };
                }
                side -= 1.0;
            }
            if per_square >= 1e12 {
                // Nothing fits (a lane too small): one square for everything.
                return Self {
                    per_square: max_units,
                    side: MIN_SQUARE,
                    gap: 1.5,
                    cols: 1,
                    rows: 1,
                };
            }
            per_square = next_round(per_square);
        }
    }

    fn capacity(&self) -> usize {
        self.cols * self.rows
    }

    /// The rect of square `i`, row by row from the top left.
    fn square(&self, area: Rect, i: usize) -> Rect {
        let col = (i % self.cols.max(1)) as f32;
        let row = (i / self.cols.max(1)) as f32;
        Rect::from_min_size(
            pos2(
                area.left() + col * (self.side + self.gap),
                area.top() + row * (self.side + self.gap),
            ),
            Vec2::splat(self.side),
        )
    }
}

/// The round number after `x` in 1, 2, 5, 10, 20, 50…
fn next_round(x: f64) -> f64 {
    let magnitude = 10f64.powf(x.log10().floor());
    let mantissa = (x / magnitude).round();
    if mantissa < 2.0 {
        2.0 * magnitude
    } else if mantissa < 5.0 {
        5.0 * magnitude
    } else {
        10.0 * magnitude
    }
}

/// The most squares' worth of units a lane ever needs: what it runs and boots, or what demand
/// needs when that is more.
pub(super) fn peak_units(samples: &[Sample], unit_rps: f64) -> f64 {
    samples
        .iter()
        .map(|x| (x.serving_units + x.booting_units).max(x.demand_rps / unit_rps))
        .fold(1.0, f64::max)
}

/// Lambda environments running a request now (at least one while any request is in flight); the
/// rest of its environments wait warm, unbilled, until reclaimed. The lane's text and its
/// squares both count these.
pub(super) fn busy_environments(x: &Sample, unit_rps: f64) -> f64 {
    (x.served_rps / unit_rps).ceil().min(x.serving_units)
}

/// Units in each state a square can show, in drawing order.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct UnitStates {
    /// Serving requests right now.
    busy: f64,
    /// Paid for and up, but with nothing to do.
    idle_paid: f64,
    /// Up but not billed while idle (warm Lambda environments).
    warm: f64,
    /// Launched but not serving yet.
    booting: f64,
    /// Needed by demand but not there at all.
    missing: f64,
}

impl UnitStates {
    fn of(model: HostingModel, x: &Sample, unit_rps: f64) -> Self {
        let serving = x.serving_units.max(0.0);
        let booting = x.booting_units.max(0.0);
        // An environment runs one request at a time: any share of one is a whole one busy.
        let busy = if model == HostingModel::Lambda {
            busy_environments(x, unit_rps)
        } else {
            x.served_rps / unit_rps
        }
        .clamp(0.0, serving);
        let idle_paid = (x.idle_rps / unit_rps).clamp(0.0, serving - busy);
        Self {
            busy,
            idle_paid,
            warm: (serving - busy - idle_paid).max(0.0),
            booting,
            missing: (x.demand_rps / unit_rps - serving - booting).max(0.0),
        }
    }

    /// Where each state's squares end, counted from the first square: rounded to whole squares,
    /// and at least one square for a state holding half a unit or more.
    fn edges(&self, per_square: f64) -> [usize; 5] {
        let counts = [
            self.busy,
            self.idle_paid,
            self.warm,
            self.booting,
            self.missing,
        ];
        let mut edges = [0; 5];
        let mut total = 0.0;
        let mut previous = 0;
        for (edge, count) in edges.iter_mut().zip(counts) {
            total += count;
            let mut end = ((total / per_square).round() as usize).max(previous);
            if count >= 0.5 && end == previous {
                end += 1;
            }
            *edge = end;
            previous = end;
        }
        edges
    }
}

/// Paints the squares of a lane (busy, idle but paid, warm, booting, missing) as one mesh:
/// hundreds of squares cost one shape.
pub(super) fn paint_units(
    painter: &egui::Painter,
    theme: &Theme,
    (model, x, unit_rps): (HostingModel, &Sample, f64),
    grid: &UnitGrid,
    area: Rect,
) {
    let edges = UnitStates::of(model, x, unit_rps).edges(grid.per_square);
    let mesh = units_mesh(theme, model, edges, grid, area);
    painter
        .with_clip_rect(area.expand(1.0))
        .add(Shape::mesh(mesh));
}

/// The unit squares of a lane as one mesh: squares `..busy` busy, then idle and paid for, warm,
/// booting and missing up to the last edge.
fn units_mesh(
    theme: &Theme,
    model: HostingModel,
    [busy, idle, warm, booting, missing]: [usize; 5],
    grid: &UnitGrid,
    area: Rect,
) -> Mesh {
    let color = theme.model(model);
    let line = 1.5;
    let mut mesh = Mesh::default();
    for i in 0..missing.min(grid.capacity()) {
        let square = grid.square(area, i);
        if i < busy {
            mesh.add_colored_rect(square, color);
        } else if i < idle {
            mesh.add_colored_rect(square, theme.idle);
            add_outline(&mut mesh, square, line, color);
        } else if i < warm {
            // Smaller and paler: up, but asleep and not billed.
            mesh.add_colored_rect(square.shrink(grid.side * 0.15), color.gamma_multiply(0.45));
        } else if i < booting {
            mesh.add_colored_rect(square, theme.booting.gamma_multiply(0.3));
            add_outline(&mut mesh, square, line, theme.booting);
            let inner = square.shrink(2.0);
            add_segment(
                &mut mesh,
                inner.left_bottom(),
                inner.right_top(),
                line,
                theme.booting,
            );
        } else {
            add_outline(&mut mesh, square, line, theme.dropped);
        }
    }
    mesh
}

/// Adds the outline of `rect`, `width` thick and inside it, to a mesh: a ring of eight
/// vertices (the outer and the inner corners) and eight triangles, the same pixels as four side
/// rectangles for half the vertices; a lane at a traffic peak outlines hundreds of squares.
fn add_outline(mesh: &mut Mesh, rect: Rect, width: f32, color: Color32) {
    let thick = width.min(rect.width() / 2.0).min(rect.height() / 2.0);
    let inner = rect.shrink(thick);
    let base = mesh.vertices.len() as u32;
    let corners = |r: Rect| {
        [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
        ]
    };
    for p in corners(rect).into_iter().chain(corners(inner)) {
        mesh.colored_vertex(p, color);
    }
    // Side k runs from corner k to corner k + 1, outer (k) to inner (4 + k).
    for k in 0..4 {
        let next = (k + 1) % 4;
        mesh.add_triangle(base + k, base + next, base + 4 + next);
        mesh.add_triangle(base + k, base + 4 + next, base + 4 + k);
    }
}

/// Adds a straight segment from `a` to `b`, `width` thick, to a mesh.
fn add_segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let normal = (b - a).normalized().rot90() * (width / 2.0);
    let base = mesh.vertices.len() as u32;
    for p in [a + normal, a - normal, b + normal, b - normal] {
        mesh.colored_vertex(p, color);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base + 1, base + 3, base + 2);
}

pub(super) fn grid_tooltip(
    model: HostingModel,
    x: &Sample,
    unit_rps: f64,
    grid: &UnitGrid,
) -> String {
    let states = UnitStates::of(model, x, unit_rps);
    let warm = if model == HostingModel::Lambda {
        format!(
            "Pale: {} warm and waiting, not billed.\n",
            group(states.warm.floor())
        )
    } else {
        String::new()
    };
    format!(
        "Each square is {} {}.\nFilled: {} busy serving requests.\n{warm}\
         Shaded: {} idle but paid for.\nHatched grey: {} booting, paid for but not serving yet.\n\
         Red outline: {} more {} that demand needs but that do not exist.",
        group(grid.per_square),
        unit_name(model, grid.per_square > 1.0),
        group(states.busy.ceil()),
        group(states.idle_paid.floor()),
        group(states.booting),
        group(states.missing.ceil()),
        unit_name(model, true),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::ThemeKind;
    use egui::vec2;

    /// The vertices of the unit squares painted in one frame each for `samples`, one after the
    /// other in the same context.
    fn unit_square_vertices(samples: &[Sample]) -> Vec<usize> {
        let ctx = egui::Context::default();
        let theme = Theme::new(ThemeKind::Light);
        let grid = UnitGrid::fit(vec2(300.0, 100.0), 40.0);
        let area = Rect::from_min_size(pos2(10.0, 10.0), vec2(300.0, 100.0));
        samples
            .iter()
            .map(|sample| {
                let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                    let painter = ui.painter().clone();
                    let lane = (HostingModel::Vm, sample, 100.0);
                    paint_units(&painter, &theme, lane, &grid, area);
                });
                output.textures_delta.clear();
                output
                    .shapes
                    .iter()
                    .map(|clipped| match &clipped.shape {
                        Shape::Mesh(mesh) => mesh.vertices.len(),
                        _ => 0,
                    })
                    .sum()
            })
            .collect()
    }

    #[test]
    fn unit_squares_follow_the_sample_they_are_kept_for() {
        let at = |serving_units: f64, demand_rps: f64| Sample {
            serving_units,
            capacity_rps: serving_units * 100.0,
            demand_rps,
            served_rps: demand_rps.min(serving_units * 100.0),
            ..Sample::default()
        };
        // Two busy squares; the same again (kept); then ten busy and ten missing.
        let vertices = unit_square_vertices(&[at(2.0, 200.0), at(2.0, 200.0), at(10.0, 2000.0)]);
        assert_eq!(vertices[0], 2 * 4);
        assert_eq!(vertices[1], vertices[0]);
        assert_eq!(vertices[2], 10 * 4 + 10 * 8, "{vertices:?}");
    }

    #[test]
    fn unit_grid_picks_round_units_per_square_that_fit() {
        // Two servers fit one a square, at the largest size.
        let grid = UnitGrid::fit(vec2(300.0, 120.0), 20.0);
        assert_eq!(grid.per_square, 1.0);
        assert!(grid.capacity() >= 20);
        // 1,375 environments in a small area: a round number per square, all of them fitting.
        let grid = UnitGrid::fit(vec2(200.0, 90.0), 1_375.0);
        assert!(
            [10.0, 20.0, 50.0, 100.0].contains(&grid.per_square),
            "{grid:?}"
        );
        assert!(grid.capacity() as f64 >= (1_375.0 / grid.per_square).ceil());
        assert!(grid.side >= MIN_SQUARE);
        // Nothing breaks on a degenerate area or count.
        let grid = UnitGrid::fit(vec2(0.0, 0.0), f64::NAN);
        assert!(grid.per_square >= 1.0);
        assert_eq!(next_round(1.0), 2.0);
        assert_eq!(next_round(2.0), 5.0);
        assert_eq!(next_round(5.0), 10.0);
        assert_eq!(next_round(50.0), 100.0);
    }

    #[test]
    fn square_edges_round_and_never_hide_a_unit() {
        let states = UnitStates {
            busy: 0.12,
            warm: 0.88,
            ..UnitStates::default()
        };
        // One Lambda environment at 50 per square still shows as one square.
        assert_eq!(states.edges(50.0), [0, 0, 1, 1, 1]);
        let states = UnitStates {
            busy: 2.0,
            missing: 18.0,
            ..UnitStates::default()
        };
        assert_eq!(states.edges(1.0), [2, 2, 2, 2, 20]);
        let x = Sample {
            demand_rps: 10_000.0,
            capacity_rps: 1_000.0,
            serving_units: 2.0,
            served_rps: 1_000.0,
            dropped_rps: 9_000.0,
            ..Sample::default()
        };
        let states = UnitStates::of(HostingModel::Vm, &x, 500.0);
        assert_eq!(states.busy, 2.0);
        assert_eq!(states.missing, 18.0);
    }

    /// One request in flight keeps one Lambda environment busy: its lane says "1 busy", and its
    /// first square is drawn busy too, not warm, even when a square stands for 50.
    #[test]
    fn a_lambda_environment_with_a_request_is_drawn_busy() {
        let x = Sample {
            demand_rps: 1.0,
            capacity_rps: 66.0,
            serving_units: 8.0,
            served_rps: 1.0,
            ..Sample::default()
        };
        let unit_rps = 1000.0 / 120.0;
        let states = UnitStates::of(HostingModel::Lambda, &x, unit_rps);
        assert_eq!(states.busy, busy_environments(&x, unit_rps));
        assert_eq!(states.busy, 1.0);
        assert_eq!(states.edges(50.0)[0], 1);
    }
}
