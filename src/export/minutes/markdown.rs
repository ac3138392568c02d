//! Text that people typed, made safe for a Markdown file: control characters
//! and escape sequences neutralised (`sanitize`), and the characters that
//! would turn a name or an answer into markup (a heading, a table row, a
//! link, raw HTML) escaped with a backslash, which CommonMark allows before
//! any ASCII punctuation.

use crate::domain::text::{sanitize, sanitize_lines};

/// One line of a person's text inside running Markdown text.
pub fn inline(text: &str) -> String {
    escape_inline(&sanitize(text))
}

/// One line of a person's text at the start of a block or a list item,
/// where "# …" would make a heading and "1. …" a list.
pub fn inline_at_start(text: &str) -> String {
    escape_block_start(&inline(text))
}

/// One line of a person's text inside a table cell: also `|`, which would
/// end the cell.
pub fn cell(text: &str) -> String {
    in_cell(&inline(text))
}

/// Already escaped inline Markdown, made fit for a table cell.
pub fn in_cell(markdown: &str) -> String {
    markdown.replace('|', "\\|")
}

/// A person's multi-line text as lines that each may start a paragraph: each
/// line sanitised, blank lines dropped, and a leading block marker ("#",
/// ">", "-", "1." ...) escaped so that it stays text.
pub fn block_lines(text: &str) -> Vec<String> {
    sanitize_lines(text)
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .map(|line| escape_block_start(&escape_inline(line)))
        .collect()
}

/// A labelled value in a list item ("- **Nội dung:** …"): the first line
/// follows the label; further lines are paragraphs indented under the item.
pub fn list_item(label: &str, text: &str, empty: &str) -> String {
    let lines = block_lines(text);
    let mut lines = lines.iter();
    let mut out = format!(
        "- **{label}:** {}\n",
        lines.next().map_or(empty, String::as_str)
    );
    for line in lines {
        out.push_str("\n  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A table; the cells must already be escaped (with [`cell`]).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    table_aligned(header, rows, "---")
}

/// A table with every column centred (the header and the signatures).
pub fn centered_table(header: &[&str], rows: &[Vec<String>]) -> String {
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

    #[test]
    fn markup_in_peoples_text_stays_text() {
        assert_eq!(
            block_lines("# Title\n> quote\n1. one\n---"),
            ["\\# Title", "\\> quote", "1\\. one", "\\---"]
        );
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(inline("<script>[x](y) *b*"), "\\<script>\\[x\\](y) \\*b\\*");
        assert_eq!(inline("KH&CN"), "KH&CN");
        assert_eq!(inline("&#x202E;"), "\\&#x202E;");
    }

    #[test]
    fn control_characters_are_neutralised() {
        assert_eq!(inline("a\x1b[2Jb"), "a␛\\[2Jb");
        assert_eq!(block_lines("ok\r\n\n  second\r"), ["ok", "second"]);
    }

    #[test]
    fn a_list_item_keeps_further_lines_inside_it() {
        assert_eq!(
            list_item("Nội dung", "one\n# two", "…"),
            "- **Nội dung:** one\n\n  \\# two\n"
        );
        assert_eq!(list_item("Trả lời", "", "chưa"), "- **Trả lời:** chưa\n");
    }
}
