//! The papers a dialogue produces from its record, and the formats they
//! come in: what the console's export menu lists. Writing them is the
//! export layer's (`crate::export::documents`); their names in each
//! language are the i18n layer's.

/// A paper gavel writes from the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// The minutes (biên bản), as approved once they are.
    Minutes,
    /// The conclusion notice (thông báo kết luận).
    Notice,
    /// The report upward: what is beyond the department's authority.
    Upward,
    /// The follow-up report: replies, forwardings and tasks, done or not,
    /// on the day it is written.
    FollowUp,
}

/// The file format of a paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperFormat {
    /// A Word document, ready to print and sign.
    Word,
    /// Markdown, to read or paste anywhere.
    Markdown,
    /// A table for a spreadsheet (the follow-up only).
    Csv,
}

/// One line of the export menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub paper: Paper,
    pub format: PaperFormat,
}

/// The export menu, in the order it lists its lines: Word first (what is
/// printed and signed), then the same papers as Markdown, then the
/// follow-up as a table. Nine lines: one digit each.
pub const CHOICES: &[Choice] = &[
    Choice::word(Paper::Minutes),
    Choice::word(Paper::Notice),
    Choice::word(Paper::Upward),
    Choice::word(Paper::FollowUp),
    Choice::markdown(Paper::Minutes),
    Choice::markdown(Paper::Notice),
    Choice::markdown(Paper::Upward),
    Choice::markdown(Paper::FollowUp),
    Choice {
        paper: Paper::FollowUp,
        format: PaperFormat::Csv,
    },
];

impl Choice {
    const fn word(paper: Paper) -> Choice {
        Choice {
            paper,
            format: PaperFormat::Word,
        }
    }

    const fn markdown(paper: Paper) -> Choice {
        Choice {
            paper,
            format: PaperFormat::Markdown,
        }
    }
}

impl PaperFormat {
    /// The format's own name, the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            PaperFormat::Word => "Word",
            PaperFormat::Markdown => "Markdown",
            PaperFormat::Csv => "CSV",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            PaperFormat::Word => "docx",
            PaperFormat::Markdown => "md",
            PaperFormat::Csv => "csv",
        }
    }
}
