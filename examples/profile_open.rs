//! Opens the large meeting (from `cargo bench --bench large`) and draws it, for profiling.
use std::time::Instant;

use gavel::domain::Role;
use gavel::i18n::Lang;
use gavel::runtime::Program;
use gavel::store::{OpenOptions, Store};
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let what = std::env::args().nth(2).unwrap_or_default();
    let t = Instant::now();
    let store = Store::open(path.as_ref(), OpenOptions::new("lan", Role::Secretary)).unwrap();
    let opened = t.elapsed();
    let view = gavel::ui::View::new(true, Default::default());
    let mut app = Program::live(store, Lang::Vi, chrono::Utc::now(), view);
    let app_made = t.elapsed();
    app.resize(160, 48);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
    let frames = if what == "frames" { 500 } else { 1 };
    for _ in 0..frames {
        terminal.draw(|f| app.draw(f)).unwrap();
    }
    eprintln!(
        "store {opened:?}, app {app_made:?}, drawn {:?}",
        t.elapsed()
    );
    if what == "json" {
        let t = Instant::now();
        let mut sink = std::io::sink();
        gavel::export::json::write_record_json(app.session.store(), &mut sink).unwrap();
        eprintln!("json {:?}", t.elapsed());
    }
    if what == "csv" {
        let t = Instant::now();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        for table in gavel::export::csv::CsvTable::ALL {
            gavel::export::csv::write_csv(app.record(), *table, today, std::io::sink()).unwrap();
        }
        eprintln!("csv {:?}", t.elapsed());
    }
    if what == "md" {
        let minutes = gavel::export::minutes::Minutes::read(app.session.store()).unwrap();
        let text = minutes.markdown(Lang::Vi);
        println!("{}", text.len());
    }
}
