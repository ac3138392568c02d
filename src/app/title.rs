//! The terminal window's title while gavel runs: the program and the
//! meeting, so that a tab or a taskbar says which meeting is open. The
//! terminal's own title is saved before and put back after (the runtime).

use crate::domain::Record;
use crate::domain::text::{sanitize_for_screen, truncate_words};

/// Columns of the meeting's title in the window's title, at most: a tab or
/// a taskbar shows less, and a title of any length was typed by a person.
pub const TITLE_COLUMNS: usize = 60;

/// "gavel — <meeting title>": the title on one line, sanitized (an escape
/// sequence typed into it is shown as symbols, never obeyed by the
/// terminal), cut at a word. The program's name is the only word not the
/// meeting's, in either language.
pub fn window_title(record: &Record) -> String {
    let one_line = record
        .meeting
        .details
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let shown = sanitize_for_screen(&one_line);
    let cut = truncate_words(&shown, TITLE_COLUMNS);
    if cut.is_empty() {
        "gavel".to_string()
    } else {
        format!("gavel — {cut}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::width;

    fn titled(title: &str) -> Record {
        let mut record = Record::default();
        record.meeting.details.title = title.to_string();
        record
    }

    #[test]
    fn the_title_names_the_meeting_on_one_line() {
        assert_eq!(
            window_title(&titled("Hội nghị đối thoại\n  quý IV")),
            "gavel — Hội nghị đối thoại quý IV"
        );
        assert_eq!(window_title(&titled("  ")), "gavel");
    }

    #[test]
    fn a_typed_escape_sequence_reaches_the_title_as_symbols_only() {
        let hostile = "Họp\x1b]2;owned\x07\x1b[23;0t\u{9c}\u{7f}\x1b\\ tổ";
        let title = window_title(&titled(hostile));
        assert!(
            !title.chars().any(char::is_control),
            "{title:?} holds a control character"
        );
        assert!(title.starts_with("gavel — Họp␛]2;owned"), "{title:?}");
    }

    #[test]
    fn a_long_title_is_cut_at_a_word() {
        let long = "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân năm 2026 tại phường";
        let title = window_title(&titled(long));
        let meeting = title.strip_prefix("gavel — ").unwrap();
        assert!(width(meeting) <= TITLE_COLUMNS, "{title}");
        assert!(meeting.ends_with('…'), "{title}");
        assert!(long.starts_with(meeting.trim_end_matches('…')), "{title}");
    }
}
