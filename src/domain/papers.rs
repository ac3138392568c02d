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
}

/// The file format of a paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperFormat {
    /// A Word document, ready to print and sign.
    Word,
    /// Markdown, to read or paste anywhere.
    Markdown,
}

/// One line of the export menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub paper: Paper,
    pub format: PaperFormat,
}

/// The export menu, in the order it lists its lines: Word first (what is
/// printed and signed), then the same papers as Markdown.
pub const CHOICES: &[Choice] = &[
    Choice::word(Paper::Minutes),
    Choice::word(Paper::Notice),
    Choice::markdown(Paper::Minutes),
    Choice::markdown(Paper::Notice),
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
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            PaperFormat::Word => "docx",
            PaperFormat::Markdown => "md",
        }
    }
}
