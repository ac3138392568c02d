//! The large meeting (SPEC §7: 2,000 participants, 300 agenda items, 5,000
//! issues, 3,000 actions, 200,000 journal entries), each figure beside a
//! baseline measured in the same run:
//! - open to first frame, against reading every projection row bare;
//! - one frame at 160×48, against drawing an empty frame of that size;
//! - export in each format, against reading the journal rows bare (the
//!   payload column as a string, and every column as the JSON export
//!   reads them);
//! - peak memory with the meeting open (a child process reports VmHWM).
//!
//! cargo bench --bench large      (the meeting is generated once into
//! target/, about 10 s)
//! cargo bench --bench large -- export      (only the sections named:
//! open, frame, export, memory)

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use gavel::domain::Role;
use gavel::export::csv::{CsvTable, write_csv};
use gavel::export::json::write_record_json;
use gavel::export::minutes::Minutes;
use gavel::generate::{Size, create_large};
use gavel::i18n::Lang;
use gavel::runtime::Program;
use gavel::store::{Durability, OpenOptions, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> gavel::domain::Timestamp {
    Utc.with_ymd_and_hms(2026, 2, 5, 9, 0, 0).unwrap()
}

/// The large meeting, generated once and kept in target/.
fn large_meeting() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("large-v2.gavel");
    if !path.exists() {
        let started = Instant::now();
        let partial = dir.join("large-partial.gavel");
        let _ = std::fs::remove_file(&partial);
        let mut options = OpenOptions::new("chair", Role::Chair);
        options.durability = Durability::Normal;
        drop(create_large(&partial, options, Size::LARGE, now()).unwrap());
        std::fs::rename(&partial, &path).unwrap();
        println!(
            "generated {} in {:.1} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
    }
    path
}

/// Median and worst of `runs` timings of `work`.
fn time(runs: usize, mut work: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], *times.last().unwrap())
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn open_app(path: &Path) -> Program {
    let store = Store::open(path, OpenOptions::new("lan", Role::Secretary)).unwrap();
    let mut app = Program::live(
        store,
        Lang::Vi,
        now(),
        gavel::ui::View::new(true, Default::default()),
    );
    app.resize(160, 48);
    app
}

fn bare_read_projections(path: &Path) -> usize {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut rows = 0;
    for table in [
        "meeting",
        "participants",
        "agenda_items",
        "speaker_requests",
        "issues",
        "actions",
    ] {
        let mut statement = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = statement.column_count();
        let mut cursor = statement.query([]).unwrap();
        while let Some(row) = cursor.next().unwrap() {
            for i in 0..columns {
                let _: rusqlite::types::Value = row.get(i).unwrap();
            }
            rows += 1;
        }
    }
    rows
}

fn bare_read_journal(path: &Path) -> usize {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut statement = conn.prepare("SELECT * FROM journal").unwrap();
    let mut cursor = statement.query([]).unwrap();
    let mut bytes = 0;
    while let Some(row) = cursor.next().unwrap() {
        let payload: String = row.get("payload").unwrap();
        bytes += payload.len();
    }
    bytes
}

/// Every column of every journal row, as the JSON export reads them: the
/// text checked as UTF-8, not copied.
fn bare_read_journal_columns(path: &Path) -> usize {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut statement = conn.prepare("SELECT * FROM journal").unwrap();
    let columns = statement.column_count();
    let mut cursor = statement.query([]).unwrap();
    let mut bytes = 0;
    while let Some(row) = cursor.next().unwrap() {
        for i in 0..columns {
            match row.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Text(text) => {
                    bytes += std::str::from_utf8(text).unwrap().len()
                }
                _ => bytes += 8,
            }
        }
    }
    bytes
}

fn peak_memory_child(path: &str) {
    let mut app = open_app(Path::new(path));
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: ?");
    println!("{peak}");
}

fn main() {
    if let Ok(path) = std::env::var("GAVEL_BENCH_MEMORY") {
        return peak_memory_child(&path);
    }
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    // `cargo bench --bench large -- export` runs the sections whose name
    // contains one of the words given (open, frame, export, memory).
    let words: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let runs =
        |section: &str| words.is_empty() || words.iter().any(|w| section.contains(w.as_str()));
    let path = large_meeting();
    println!("large meeting: {}", path.display());
    if runs("open") {
        open_section(&path);
    }
    if runs("frame") {
        frame_section(&path);
    }
    if runs("export") {
        export_section(&path);
    }
    if runs("memory") {
        memory_section(&path);
    }
}

fn open_section(path: &Path) {
    let path = path.to_path_buf();
    let (bare, _) = time(5, || {
        bare_read_projections(&path);
    });
    let (open, open_max) = time(5, || {
        let mut app = open_app(&path);
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
        terminal.draw(|f| app.draw(f)).unwrap();
    });
    println!(
        "open to first frame: {} (max {})   | baseline, every projection row read bare: {}",
        ms(open),
        ms(open_max),
        ms(bare)
    );
}

fn frame_section(path: &Path) {
    let mut app = open_app(path);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    // The clock moves on a second for every frame: header and panes are
    // drawn again (the rows of the panes stay cached).
    let (frame, frame_max) = time(200, || {
        app.console.now += chrono::TimeDelta::seconds(1);
        terminal.draw(|f| app.draw(f)).unwrap();
    });
    let (changed, changed_max) = time(200, || {
        app.view.forget();
        terminal.draw(|f| app.draw(f)).unwrap();
    });
    let mut empty = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let (blank, _) = time(200, || {
        empty
            .draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))
            .unwrap();
    });
    println!(
        "one frame at 160×48 (the clock ticking): {} (max {}); after a change (rows listed again): {} (max {})   | baseline, an empty frame: {}",
        ms(frame),
        ms(frame_max),
        ms(changed),
        ms(changed_max),
        ms(blank)
    );
}

fn export_section(path: &Path) {
    let store = Store::open(path, OpenOptions::new("export", Role::Observer)).unwrap();
    let (journal_bare, _) = time(3, || {
        bare_read_journal(path);
    });
    let (columns_bare, _) = time(3, || {
        bare_read_journal_columns(path);
    });
    let (record_only, _) = time(3, || {
        serde_json::to_writer(std::io::sink(), store.record()).unwrap();
    });
    println!(
        "TEMP record as JSON {}, journal all columns bare {}",
        ms(record_only),
        ms(columns_bare)
    );
    let (md, _) = time(5, || {
        let _ = Minutes::read(&store).unwrap().markdown(Lang::Vi);
    });
    let (docx, _) = time(5, || {
        let _ = Minutes::read(&store).unwrap().docx(Lang::Vi).unwrap();
    });
    let (json, _) = time(5, || {
        write_record_json(&store, std::io::sink()).unwrap();
    });
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let (csv, _) = time(5, || {
        for table in CsvTable::ALL {
            write_csv(store.record(), *table, today, std::io::sink()).unwrap();
        }
    });
    println!(
        "export: md {}, docx {}, json {}, csv (3 tables) {}   | baseline, the journal's rows read bare: {} (the payload column), {} (every column)",
        ms(md),
        ms(docx),
        ms(json),
        ms(csv),
        ms(journal_bare),
        ms(columns_bare)
    );
}

fn memory_section(path: &Path) {
    let output = Process::new(std::env::current_exe().unwrap())
        .env("GAVEL_BENCH_MEMORY", path)
        .output()
        .unwrap();
    println!(
        "peak memory, the large meeting open and drawn: {}",
        String::from_utf8_lossy(&output.stdout).trim()
    );
}
