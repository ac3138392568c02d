//! The minutes as a structure both writers render: the Markdown file and
//! the Word document carry the same sections, sentences and values because
//! they read them from here.
//!
//! Text is already in its final words (language, dates, counts); what a
//! person typed is kept apart from the fixed wording (`Source`) and is
//! already sanitised (`crate::domain::text::sanitize`), so a writer only
//! has to keep it from turning into its own markup.

use crate::domain::Timestamp;
use crate::domain::text::{sanitize, sanitize_lines};

use super::words::Words;

/// The whole minutes, in one language.
pub struct Document {
    /// When the meeting started, or was planned to: the document's date.
    pub date: Option<Timestamp>,
    pub words: &'static Words,
    pub blocks: Vec<Block>,
}

pub enum Block {
    /// Agencies on the left, the nation and its motto on the right, then
    /// the number and the place and date.
    Header(Header),
    /// "BIÊN BẢN" and the meeting's title under it.
    Title {
        title: &'static str,
        subtitle: Option<Inline>,
    },
    /// A numbered section ("I. THÀNH PHẦN", level 2) or a part of one
    /// ("1. Chương trình và thời gian", level 3).
    Heading {
        level: u8,
        text: Inline,
    },
    Paragraph(Inline),
    List(Vec<Item>),
    Table(Table),
    /// One issue raised, with all its fields.
    Issue(Box<IssueEntry>),
    /// The secretary's and the chair's signature blocks, side by side.
    Signatures(Signatures),
    /// A notice's foot: who receives it on the left, the one signer on the
    /// right.
    Signer(Signer),
    /// "Nơi nhận:" and its lines, under the minutes' signatures.
    Recipients {
        label: &'static str,
        lines: Vec<&'static str>,
    },
    /// "Kính gửi: Cục Sở hữu trí tuệ." under a report's title; with several
    /// addressees, "Kính gửi:" and one line each.
    Addressees {
        label: &'static str,
        to: Vec<Inline>,
    },
}

pub struct Header {
    /// Empty when the agency has no superior agency on record.
    pub superior_agency: Inline,
    pub agency: Inline,
    pub nation: &'static str,
    pub motto: &'static str,
    /// "Số: …/BB-SKHCN".
    pub number: Inline,
    /// "Mỹ Tho, ngày 05 tháng 02 năm 2026"; `None` for the minutes (form
    /// 1.9 of Decree 30/2020 has no place-and-date line: the body states
    /// when the meeting started and ended).
    pub place_and_date: Option<Inline>,
}

/// A list item: its first line, then further paragraphs that belong to it.
pub struct Item {
    pub first: Inline,
    pub more: Vec<Inline>,
}

impl Item {
    pub fn line(first: Inline) -> Item {
        Item {
            first,
            more: Vec::new(),
        }
    }
}

pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Inline>>,
}

/// A participant as the minutes name them: "Ông Nguyễn Văn A" and what is
/// known of their place (never their contact).
pub struct Person {
    /// The name, with "Ông"/"Bà" when known.
    pub name: Inline,
    /// Chức vụ; `None` when not on record.
    pub position: Option<Inline>,
    /// `None` when not on record, or when the position already names it.
    pub organization: Option<Inline>,
}

impl Person {
    /// "Ông Name (position, organization)", with what is known.
    pub fn inline(&self) -> Inline {
        let details: Vec<Inline> = self
            .position
            .iter()
            .chain(&self.organization)
            .cloned()
            .collect();
        self.name.clone().then(in_parentheses(details))
    }

    /// "Ông Name (position)": how the minutes name whoever answered; the
    /// organization only when there is no position.
    pub fn with_position(&self) -> Inline {
        let detail = self.position.as_ref().or(self.organization.as_ref());
        self.name
            .clone()
            .then(in_parentheses(detail.cloned().into_iter().collect()))
    }

    /// "Ông Name, position, organization": how attendance lists introduce
    /// a person.
    pub fn introduced(&self) -> Inline {
        let mut out = self.name.clone();
        for detail in self.position.iter().chain(&self.organization) {
            out.push_fixed(", ");
            out.push(detail.clone());
        }
        out
    }
}

/// " (a, b)", or nothing for no value.
fn in_parentheses(values: Vec<Inline>) -> Inline {
    let mut out = Inline::default();
    for (n, value) in values.into_iter().enumerate() {
        out.push_fixed(if n == 0 { " (" } else { ", " });
        out.push(value);
    }
    if !out.0.is_empty() {
        out.push_fixed(")");
    }
    out
}

pub struct IssueEntry {
    pub number: u32,
    /// `None`: nobody on record.
    pub raised_by: Option<Person>,
    /// "tại hội nghị, lúc 08:43", "bằng văn bản số 15/CV-PK, nhận ngày
    /// 28/01/2026".
    pub source: Inline,
    pub category: &'static str,
    /// Each a list of non-empty lines (a person may type several).
    pub field: Vec<Inline>,
    pub procedure: Vec<Inline>,
    pub content: Vec<Inline>,
    pub answer: Vec<Inline>,
    /// Who gave the answer, when on record.
    pub answered_by: Option<Person>,
    /// "trả lời bằng văn bản, hạn trả lời 05/03/2026".
    pub disposition: Inline,
}

impl IssueEntry {
    /// The issue's fields as labelled lines, in the minutes' order.
    pub fn items(&self, w: &Words) -> Vec<Item> {
        let raised_by = match &self.raised_by {
            Some(person) => person.inline(),
            None => Inline::fixed(w.not_recorded),
        };
        let mut items = vec![
            Item::line(labelled(w.raised_by, raised_by)),
            Item::line(labelled(w.source, self.source.clone())),
            Item::line(labelled(w.category, Inline::fixed(self.category))),
        ];
        // A field or procedure not recorded is left out, not printed as a
        // blank to fill in on a signed document.
        for (label, lines) in [(w.field, &self.field), (w.procedure, &self.procedure)] {
            if !lines.is_empty() {
                items.push(labelled_lines(label, lines, ""));
            }
        }
        items.push(labelled_lines(w.content, &self.content, "…"));
        if let Some(person) = &self.answered_by {
            items.push(Item::line(labelled(w.answered_by, person.with_position())));
        }
        items.push(labelled_lines(w.answer, &self.answer, w.not_answered));
        items.push(Item::line(labelled(
            w.disposition,
            self.disposition.clone(),
        )));
        items
    }
}

pub struct Signatures {
    /// The names written out; empty when unknown (the line is left to be
    /// written in).
    pub secretary: Inline,
    pub chair: Inline,
}

/// "Nơi nhận:" and its lines on the left; on the right the signer's
/// position in capitals, "(Ký, ghi rõ họ tên)", room to sign, the name.
pub struct Signer {
    pub recipients_label: &'static str,
    pub recipients: Vec<&'static str>,
    pub position: Inline,
    pub signature: &'static str,
    /// Empty when unknown (the line is left to be written in).
    pub name: Inline,
}

/// How a piece of text came to be: a writer escapes what a person typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// gavel's own words, dates and numbers.
    Fixed,
    /// A person's text, inside running text.
    Typed,
    /// A person's text that may begin a line (a name, a line of a longer
    /// text): Markdown also escapes what would make it a heading or a list.
    TypedLine,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Plain,
    Bold,
    Italic,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub source: Source,
    pub emphasis: Emphasis,
}

/// A run of text made of spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inline(pub Vec<Span>);

impl Inline {
    fn one(text: String, source: Source) -> Inline {
        Inline(vec![Span {
            text,
            source,
            emphasis: Emphasis::Plain,
        }])
    }

    pub fn fixed(text: impl Into<String>) -> Inline {
        Inline::one(text.into(), Source::Fixed)
    }

    /// A person's one-line text, sanitised.
    pub fn typed(text: &str) -> Inline {
        Inline::one(sanitize(text).into_owned(), Source::Typed)
    }

    /// A person's one-line text that may begin a line, sanitised.
    pub fn typed_line(text: &str) -> Inline {
        Inline::one(sanitize(text).into_owned(), Source::TypedLine)
    }

    /// A person's one-line text, or "…" when it is empty.
    pub fn typed_or_ellipsis(text: &str) -> Inline {
        if text.trim().is_empty() {
            Inline::fixed("…")
        } else {
            Inline::typed(text)
        }
    }

    /// A person's multi-line text as its lines: each sanitised and trimmed,
    /// blank ones dropped.
    pub fn typed_lines(text: &str) -> Vec<Inline> {
        sanitize_lines(text)
            .iter()
            .map(|line| line.trim())
            .filter(|line| !line.is_empty())
            .map(|line| Inline::one(line.to_string(), Source::TypedLine))
            .collect()
    }

    pub fn push(&mut self, other: Inline) {
        self.0.extend(other.0);
    }

    pub fn push_fixed(&mut self, text: impl Into<String>) {
        self.0.push(Span {
            text: text.into(),
            source: Source::Fixed,
            emphasis: Emphasis::Plain,
        });
    }

    pub fn then(mut self, other: Inline) -> Inline {
        self.push(other);
        self
    }

    pub fn then_fixed(mut self, text: impl Into<String>) -> Inline {
        self.push_fixed(text);
        self
    }

    pub fn bold(self) -> Inline {
        self.emphasised(Emphasis::Bold)
    }

    pub fn italic(self) -> Inline {
        self.emphasised(Emphasis::Italic)
    }

    fn emphasised(mut self, emphasis: Emphasis) -> Inline {
        for span in &mut self.0 {
            span.emphasis = emphasis;
        }
        self
    }

    /// The text without any markup.
    pub fn text(&self) -> String {
        self.0.iter().map(|span| span.text.as_str()).collect()
    }
}

/// "**Label:** value".
pub fn labelled(label: &str, value: Inline) -> Inline {
    Inline::fixed(format!("{label}:"))
        .bold()
        .then_fixed(" ")
        .then(value)
}

/// A labelled item of several lines: the first follows the label, the
/// others are paragraphs of the item; `empty` when there is no line.
pub fn labelled_lines(label: &str, lines: &[Inline], empty: &str) -> Item {
    let mut lines = lines.iter().cloned();
    Item {
        first: labelled(label, lines.next().unwrap_or_else(|| Inline::fixed(empty))),
        more: lines.collect(),
    }
}

/// `crate::i18n::fill` for spans: each `{}` of the fixed `template` takes
/// the next value.
pub fn fill(template: &str, values: Vec<Inline>) -> Inline {
    let mut out = Inline::default();
    let mut values = values.into_iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        if at > 0 {
            out.push_fixed(&rest[..at]);
        }
        if let Some(value) = values.next() {
            out.push(value);
        }
        rest = &rest[at + 2..];
    }
    if !rest.is_empty() {
        out.push_fixed(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_keeps_typed_values_apart() {
        let filled = fill(
            "a {} b {}",
            vec![Inline::typed("x\x1b"), Inline::fixed("y")],
        );
        assert_eq!(filled.text(), "a x␛ b y");
        assert_eq!(filled.0[1].source, Source::Typed);
        assert_eq!(filled.0[3].source, Source::Fixed);
    }

    #[test]
    fn lines_are_sanitised_trimmed_and_not_blank() {
        let lines = Inline::typed_lines(" one\r\n\n  two\u{202E} ");
        let texts: Vec<String> = lines.iter().map(Inline::text).collect();
        assert_eq!(texts, ["one", "two\u{FFFD}"]);
    }
}
