//! The minutes (`model::Document`) as Markdown. Text that people typed
//! arrives sanitised (`crate::domain::text::sanitize`); here the characters
//! that would turn a name or an answer into markup (a heading, a table row,
//! a link, raw HTML) are escaped with a backslash, which CommonMark allows
//! before any ASCII punctuation.

use std::borrow::Borrow;

use super::model::{
    Block, Document, Emphasis, Header, Inline, IssueEntry, Item, Signatures, Signer, Source, Span,
};
use super::words::Words;
use crate::i18n::fill;

/// The document: its blocks separated by blank lines.
pub fn render(document: &Document) -> String {
    let mut out = Vec::new();
    write(document, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the blocks are text")
}

/// The same, written block by block.
pub fn write(document: &Document, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_blocks(document.words, document.blocks.iter(), out)
}

/// `blocks` written one by one as they come.
pub fn write_blocks<B: Borrow<Block>>(
    w: &Words,
    blocks: impl Iterator<Item = B>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut writer = Writer::new(w, out);
    for block in blocks {
        writer.block(block.borrow());
    }
    writer.finish()
}

/// Writes blocks as they are handed to it (`Writer::blocks`), separated by
/// blank lines: a large meeting's minutes are never held whole, as text
/// or as blocks. The first error stops the writing; `finish` gives it.
pub struct Writer<'w, 'o> {
    w: &'w Words,
    out: &'o mut dyn std::io::Write,
    first: bool,
    failed: std::io::Result<()>,
}

impl<'w, 'o> Writer<'w, 'o> {
    pub fn new(w: &'w Words, out: &'o mut dyn std::io::Write) -> Self {
        Writer {
            w,
            out,
            first: true,
            failed: Ok(()),
        }
    }

    pub fn blocks(&mut self, blocks: Vec<Block>) {
        for block in &blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        if self.failed.is_err() {
            return;
        }
        let text = self::block(block, self.w);
        if text.is_empty() {
            return;
        }
        let separator: &[u8] = if self.first { b"" } else { b"\n" };
        self.first = false;
        self.failed = self
            .out
            .write_all(separator)
            .and_then(|()| self.out.write_all(text.as_bytes()));
    }

    pub fn finish(self) -> std::io::Result<()> {
        self.failed
    }
}

fn block(block: &Block, w: &Words) -> String {
    match block {
        Block::Header(header) => self::header(header),
        Block::Title { title, subtitle } => {
            let mut out = format!("# {title}\n");
            if let Some(subtitle) = subtitle {
                out.push_str(&format!("\n{}\n", inline(&subtitle.clone().bold())));
            }
            out
        }
        Block::Heading { level, text } => {
            format!("{} {}\n", "#".repeat(usize::from(*level)), inline(text))
        }
        Block::Paragraph(text) => format!("{}\n", inline(text)),
        Block::List(items) => list(items),
        Block::Table(t) => {
            let rows: Vec<Vec<String>> = t
                .rows
                .iter()
                .map(|row| row.iter().map(cell).collect())
                .collect();
            table_aligned(&t.header, &rows, "---")
        }
        Block::Issue(entry) => issue(entry, w),
        Block::Signatures(signatures) => self::signatures(signatures, w),
        Block::Signer(signer) => self::signer(signer),
        Block::Recipients { label, lines } => {
            let mut out = format!("**{label}**\n\n");
            for line in lines {
                out.push_str(line);
                out.push('\n');
            }
            out
        }
        Block::Addressees { label, to } => addressees(label, to),
    }
}

/// Agencies on the left, the nation and its motto on the right, then the
/// number and the place and date: a two-column table whose first row is
/// the header row (Markdown tables need one).
fn header(h: &Header) -> String {
    let nation = format!("**{}**", h.nation);
    centered_table(
        &[&cell(&h.superior_agency), &nation],
        &[
            vec![cell(&h.agency.clone().bold()), format!("**{}**", h.motto)],
            vec![
                cell(&h.number),
                h.place_and_date
                    .as_ref()
                    .map_or_else(String::new, |date| cell(&date.clone().italic())),
            ],
        ],
    )
}

/// "#### Ý kiến số 3" and a labelled line per field.
fn issue(entry: &IssueEntry, w: &Words) -> String {
    format!(
        "#### {}\n\n{}",
        fill(w.issue, &[&entry.number.to_string()]),
        list(&entry.items(w))
    )
}

/// The secretary on the left, the chair on the right, with room to sign.
fn signatures(s: &Signatures, w: &Words) -> String {
    let sign = format!("*{}*", w.signature);
    centered_table(
        &[
            &format!("**{}**", w.sign_secretary),
            &format!("**{}**", w.sign_chair),
        ],
        &[
            vec![sign.clone(), sign],
            vec![String::new(), String::new()],
            vec![String::new(), String::new()],
            vec![
                cell(&s.secretary.clone().bold()),
                cell(&s.chair.clone().bold()),
            ],
        ],
    )
}

/// Who receives the notice on the left, the signer on the right: a
/// two-column table whose header row holds the label and the position.
fn signer(s: &Signer) -> String {
    let mut left: Vec<String> = s.recipients.iter().map(|r| r.to_string()).collect();
    let mut right = vec![format!("*{}*", s.signature), String::new(), String::new()];
    right.push(cell(&s.name.clone().bold()));
    left.resize(right.len(), String::new());
    let rows: Vec<Vec<String>> = left
        .into_iter()
        .zip(right)
        .map(|(l, r)| vec![l, r])
        .collect();
    let mut out = row([
        format!("**{}**", s.recipients_label).as_str(),
        cell(&s.position.clone().bold()).as_str(),
    ]
    .into_iter());
    out.push_str(&row([":---", ":---:"].into_iter()));
    for cells in &rows {
        out.push_str(&row(cells.iter().map(String::as_str)));
    }
    out
}

/// "Kính gửi: A." on one line; with several, "Kính gửi:" and "- A;",
/// "- B." under it.
fn addressees(label: &str, to: &[Inline]) -> String {
    match to {
        [one] => format!("{label} {}.\n", inline(one)),
        _ => {
            let mut out = format!("{label}\n\n");
            for (n, addressee) in to.iter().enumerate() {
                let end = if n + 1 == to.len() { "." } else { ";" };
                out.push_str(&format!("- {}{end}\n", inline(addressee)));
            }
            out
        }
    }
}

/// "- first line" and the item's further paragraphs indented under it.
fn list(items: &[Item]) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str("- ");
        out.push_str(&inline(&item.first));
        out.push('\n');
        for line in &item.more {
            out.push_str("\n  ");
            out.push_str(&inline(line));
            out.push('\n');
        }
    }
    out
}

/// Spans as Markdown: each run of spans with the same emphasis inside one
/// pair of markers, a person's text escaped.
fn inline(text: &Inline) -> String {
    let mut out = String::new();
    let mut spans = text.0.iter().peekable();
    while let Some(first) = spans.next() {
        let marker = match first.emphasis {
            Emphasis::Plain => "",
            Emphasis::Bold => "**",
            Emphasis::Italic => "*",
        };
        out.push_str(marker);
        push_span(&mut out, first);
        while let Some(next) = spans.next_if(|s| s.emphasis == first.emphasis) {
            push_span(&mut out, next);
        }
        out.push_str(marker);
    }
    out
}

fn push_span(out: &mut String, span: &Span) {
    match span.source {
        Source::Fixed => out.push_str(&span.text),
        Source::Typed => out.push_str(&escape_inline(&span.text)),
        Source::TypedLine => out.push_str(&escape_block_start(&escape_inline(&span.text))),
    }
}

/// Inline text made fit for a table cell: also `|`, which would end the
/// cell.
fn cell(text: &Inline) -> String {
    inline(text).replace('|', "\\|")
}

/// A table with every column centred (the header and the signatures).
fn centered_table(header: &[&str], rows: &[Vec<String>]) -> String {
    table_aligned(header, rows, ":---:")
}

fn table_aligned(header: &[&str], rows: &[Vec<String>], delimiter: &str) -> String {
    let mut out = row(header.iter().copied());
    out.push_str(&row(header.iter().map(|_| delimiter)));
    for cells in rows {
        out.push_str(&row(cells.iter().map(String::as_str)));
    }
    out
}

fn row<'a>(cells: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::from("|");
    for cell in cells {
        out.push(' ');
        out.push_str(cell);
        out.push_str(" |");
    }
    out.push('\n');
    out
}

fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '<' | '[' | ']' => true,
            // Only where it would start a character reference ("&#27;",
            // "&rlm;"), which a renderer would turn back into the control
            // character that `sanitize` removed; "KH&CN" stays as it is.
            '&' => starts_reference(&text[at + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn starts_reference(rest: &str) -> bool {
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .unwrap_or(rest.len());
    name_len > 0 && rest[name_len..].starts_with(';')
}

/// Escapes what would make a line a heading, quote, list item, table row,
/// thematic break or fence when it starts a block.
fn escape_block_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    if line.starts_with(['#', '>', '-', '+', '=', '|', '~']) {
        return format!("\\{line}");
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        Inline::typed_lines(text).iter().map(inline).collect()
    }

    fn typed(text: &str) -> String {
        inline(&Inline::typed(text))
    }

    #[test]
    fn markup_in_peoples_text_stays_text() {
        assert_eq!(
            lines("# Title\n> quote\n1. one\n---"),
            ["\\# Title", "\\> quote", "1\\. one", "\\---"]
        );
        assert_eq!(cell(&Inline::typed("a | b")), "a \\| b");
        assert_eq!(typed("<script>[x](y) *b*"), "\\<script>\\[x\\](y) \\*b\\*");
        assert_eq!(typed("KH&CN"), "KH&CN");
        assert_eq!(typed("&#x202E;"), "\\&#x202E;");
    }

    #[test]
    fn control_characters_are_neutralised() {
        assert_eq!(typed("a\x1b[2Jb"), "a␛\\[2Jb");
        assert_eq!(lines("ok\r\n\n  second\r"), ["ok", "second"]);
    }

    #[test]
    fn emphasis_wraps_runs_of_spans_and_never_a_persons_markup() {
        let text = Inline::fixed("Nội dung:")
            .bold()
            .then_fixed(" ")
            .then(Inline::typed("**x**"))
            .then(Inline::fixed("!").italic());
        assert_eq!(inline(&text), "**Nội dung:** \\*\\*x\\*\\**!*");
    }

    #[test]
    fn a_list_item_keeps_further_lines_inside_it() {
        let mut more = Inline::typed_lines("one\n# two");
        let first = Inline::fixed("Nội dung:")
            .bold()
            .then_fixed(" ")
            .then(more.remove(0));
        assert_eq!(
            list(&[Item { first, more }]),
            "- **Nội dung:** one\n\n  \\# two\n"
        );
    }
}
