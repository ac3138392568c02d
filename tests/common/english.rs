//! Finding English words in a Vietnamese text (tests/vietnamese.rs and
//! tests/vietnamese_cli.rs): the words of a text, and its prose without what
//! a person types as it is.

/// ASCII words of three letters or more, in lower case.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic() && !c.is_alphabetic())
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_lowercase)
        .collect()
}

/// Drops what a person types as it is: command-line options and their
/// values (`--format docx`, `-o FILE`), paths, `[meeting]` sections,
/// placeholders, a plan's keys quoted as it writes them (`title`).
pub fn prose(text: &str) -> String {
    let mut out = Vec::new();
    let mut after_option = false;
    let mut after_gavel = false;
    for token in text.split_whitespace() {
        // `gavel open`, `gavel recover`: a command as it is typed.
        if std::mem::replace(
            &mut after_gavel,
            token.trim_start_matches(['(', '`']) == "gavel",
        ) {
            continue;
        }
        let syntax = token.starts_with('-')
            || token.contains(['/', '|', '.', '[', ']', '_', '=']) && !token.ends_with('.')
            || token.starts_with(['\'', '`'])
            || token
                .trim_end_matches([',', ';', ':', '.', ')'])
                .ends_with('`');
        if syntax || after_option {
            after_option = token.starts_with('-') && !syntax_only(token);
            continue;
        }
        out.push(token);
    }
    out.join(" ")
}

/// `--flag` alone takes a value after it; `-o` too.
fn syntax_only(token: &str) -> bool {
    token.contains('=')
}
