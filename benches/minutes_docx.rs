//! The minutes of a meeting with 500 issues as a Word document (issue 10:
//! under a second), beside the Markdown minutes of the same meeting as the
//! baseline: both build the same content from the record, so the
//! difference is what the Word layout and its zip package cost.
//!
//! The meeting is the generated large one divided by ten: 500 issues, 300
//! actions, 200 participants, 30 agenda items, 20,000 journal entries.
//!
//! cargo bench --bench minutes_docx

use std::time::Duration;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use gavel::domain::Role;
use gavel::export::minutes::Minutes;
use gavel::generate::{Size, create_large};
use gavel::i18n::Lang;
use gavel::store::{Durability, OpenOptions, Store};

fn minutes(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("500-issues.gavel");
    let mut options = OpenOptions::new("chair", Role::Chair);
    options.durability = Durability::Normal;
    let now = Utc.with_ymd_and_hms(2026, 2, 5, 9, 0, 0).unwrap();
    drop(create_large(&path, options, Size::scaled(10), now).unwrap());
    let store = Store::open(&path, OpenOptions::new("export", Role::Observer)).unwrap();
    assert_eq!(store.record().issues.len(), 500);
    let read = Minutes::read(&store).unwrap();

    let markdown = read.markdown(Lang::Vi);
    let docx = read.docx(Lang::Vi).unwrap();
    println!(
        "500 issues: the Markdown minutes {} KB, the Word document {} KB",
        markdown.len() / 1024,
        docx.len() / 1024
    );

    let mut group = c.benchmark_group("minutes_500_issues");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("markdown_baseline", |b| b.iter(|| read.markdown(Lang::Vi)));
    group.bench_function("docx", |b| b.iter(|| read.docx(Lang::Vi).unwrap()));
    group.finish();
}

criterion_group!(benches, minutes);
criterion_main!(benches);
