//! The Word minutes printed as a secretary prints them: whatever the
//! length of the text before it, a table's header row never stays alone at
//! the foot of a page, and the sentence that introduces the table stays
//! with it. The chair's conclusion grows a line at a time, so that the
//! tasks table that follows it starts at every height of a page in turn;
//! each version is printed through LibreOffice to PDF and read back page by
//! page.

mod common;

use std::path::PathBuf;

use common::office::*;
use common::*;
use gavel::domain::*;
use gavel::export::minutes::Minutes;
use gavel::i18n::Lang;

/// More added lines than a page holds, so the table crosses every height.
const ADDED_LINES: usize = 30;

#[test]
fn the_tasks_table_header_moves_to_the_page_of_its_first_row() {
    let Some([soffice, pdftotext]) = required(
        ["soffice", "pdftotext"],
        "the pagination test",
        "libreoffice-writer-nogui poppler-utils",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut first_due = String::new();
    let inputs: Vec<PathBuf> = (0..ADDED_LINES)
        .map(|added| {
            let path = dir.path().join(format!("meeting-{added:02}.gavel"));
            let mut store =
                gavel::demo::create_demo(&path, fast_options("chair", Role::Chair), demo_now())
                    .expect("demo written");
            let record = store.record();
            let first = record.actions.values().next().expect("a task");
            first_due = first
                .due
                .expect("a due date")
                .format("%d/%m/%Y")
                .to_string();
            let mut text = record.meeting.conclusion.clone();
            for n in 1..=added {
                text.push_str(&format!("\nÝ kiến bổ sung số {n} của chủ trì."));
            }
            let base_rev = record.meeting.conclusion_rev;
            store
                .execute(Command::WriteConclusion { base_rev, text })
                .expect("conclusion written");
            let docx = dir.path().join(format!("bien-ban-{added:02}.docx"));
            let bytes = Minutes::read(&store)
                .expect("read")
                .docx(Lang::Vi)
                .expect("docx");
            std::fs::write(&docx, bytes).expect("write docx");
            docx
        })
        .collect();
    let pdfs = convert_all(&soffice, &inputs, "pdf", dir.path());
    let header = squeezed("Nội dung công việc");
    let intro = squeezed("Chủ trì giao nhiệm vụ như sau:");
    for (added, pdf) in pdfs.iter().enumerate() {
        let text = poppler(&pdftotext, &[], pdf);
        let page = text
            .split('\u{c}')
            .map(squeezed)
            .find(|page| page.contains(&header))
            .unwrap_or_else(|| panic!("{added} lines added: no tasks table in the PDF"));
        // pdftotext reads a table column by column, so the first row's
        // due date follows the header's titles when, and only when, the
        // row is on the same page.
        let after_header = &page[page.find(&header).unwrap()..];
        assert!(
            after_header.contains(&first_due),
            "{added} lines added: the tasks table's header is alone at the foot of a page"
        );
        assert!(
            page.contains(&intro),
            "{added} lines added: the table's introduction is on another page than the table"
        );
    }
}
