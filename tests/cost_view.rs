use serverless_explorer::model::cost::{self, CostCurves};
use serverless_explorer::presets;

#[test]
fn dump_break_evens() {
    for (b, s) in presets::all_built_ins() {
        let c = CostCurves::compute(&s);
        let bills = cost::bills(&s);
        println!("== {} ({}) n={} totals: {:?}", b.id, s.name, s.workload.requests_per_month,
            serverless_explorer::model::scenario::HostingModel::ALL.map(|m| cost::format_cents(bills.get(m).total_cents)));
        let mn = c.lambda_usd.iter().chain(&c.vm_usd).chain(&c.on_prem_usd).chain(&c.containers_usd).cloned().fold(f64::INFINITY, f64::min);
        let mx = c.lambda_usd.iter().chain(&c.vm_usd).chain(&c.on_prem_usd).chain(&c.containers_usd).cloned().fold(0.0, f64::max);
        println!("   range {mn} .. {mx}");
        for be in &c.break_evens {
            println!("   {:?} {} step={} cost={:.2}", (be.cheaper_below, be.cheaper_above), be.sentence(), be.at_step, be.cost_usd);
        }
    }
}
