//! Someone else's change met yours: over the form, who changed what, both
//! versions of each field that differs, and the keys (keep yours, take
//! theirs, back to the form), which are never cut.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{Ctx, centered, clean};
use crate::app::Conflict;
use crate::domain::text::{truncate_words, width};
use crate::i18n::fill;
use crate::input::keymap::hint_line;
use crate::input::textfield::TextField;

/// The widest the box gets (as a form).
const MOST_WIDTH: u16 = 90;
/// Columns before a version's text ("Bản của bạn").
const INDENT: usize = 2;

pub fn draw(frame: &mut Frame, ctx: &Ctx, conflict: &Conflict, area: Rect) {
    let t = ctx.texts();
    let theme = ctx.theme;
    let popup_width = area.width.saturating_sub(4).min(MOST_WIDTH);
    let inner_width = usize::from(popup_width.saturating_sub(2)).max(1);
    let message = fill(
        t.msg_conflict,
        &[&clean(&conflict.author), &conflict.labels().join(", ")],
    );
    let keys = hint_line(&crate::app::layers::hints_on_top(ctx.console));
    let head = wrap(&message, inner_width, usize::MAX);
    let foot = wrap(&keys, inner_width, usize::MAX);
    // The rows each version may take: what the screen leaves, shared.
    let fixed = head.len() + foot.len() + 2 + 1 + 2 * conflict.changes.len();
    let versions = 2 * conflict.changes.len().max(1);
    let free = usize::from(area.height).saturating_sub(fixed);
    let per_version = (free / versions).max(1);

    let mine_label = t.conflict_yours.to_string();
    let theirs_label = fill(t.conflict_theirs, &[&clean(&conflict.author)]);
    let mut body: Vec<Line> = head
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.warning())))
        .collect();
    for change in &conflict.changes {
        body.push(Line::from(Span::styled(change.label, theme.title())));
        for (label, text) in [(&mine_label, &change.mine), (&theirs_label, &change.theirs)] {
            body.push(Line::from(Span::styled(
                format!("{:INDENT$}{label}:", ""),
                theme.accent(),
            )));
            let text = if text.trim().is_empty() {
                t.conflict_empty.to_string()
            } else {
                text.to_string()
            };
            let room = inner_width.saturating_sub(2 * INDENT).max(1);
            for line in wrap(&text, room, per_version) {
                body.push(Line::from(format!(
                    "{:width$}{line}",
                    "",
                    width = 2 * INDENT
                )));
            }
        }
    }
    body.push(Line::from(""));
    let keys_at = body.len();
    body.extend(
        foot.into_iter()
            .map(|l| Line::from(Span::styled(l, theme.dim()))),
    );
    // Too many lines for the screen: the keys stay, the versions give way.
    let room = usize::from(area.height.saturating_sub(2));
    if body.len() > room {
        let keys: Vec<Line> = body.split_off(keys_at);
        body.truncate(room.saturating_sub(keys.len()));
        body.extend(keys);
    }
    let popup = centered(area, popup_width, body.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().border_style(theme.warning());
    frame.render_widget(
        Paragraph::new(body).block(block).wrap(Wrap { trim: false }),
        popup,
    );
}

/// `text` on lines of `room` columns, wrapped between words, at most
/// `rows` of them (the last ending in "…" when some are left out). Each
/// line is made safe to draw.
fn wrap(text: &str, room: usize, rows: usize) -> Vec<String> {
    let field = TextField::multi_line().with_text(text, 0);
    let lines = field.visual_lines(room);
    let shown = |start: usize, end: usize| clean(text[start..end].trim_end()).into_owned();
    if lines.len() <= rows {
        return lines.iter().map(|l| shown(l.start, l.end)).collect();
    }
    let mut out: Vec<String> = lines[..rows - 1]
        .iter()
        .map(|l| shown(l.start, l.end))
        .collect();
    // The rest on one line, cut with "…".
    let rest = clean(&text[lines[rows - 1].start..].replace(['\n', '\r'], " ")).into_owned();
    let mut last = truncate_words(&rest, room).into_owned();
    if !last.ends_with('…') {
        let shorter = truncate_words(&rest, room.saturating_sub(1)).into_owned();
        last = format!("{}…", shorter.trim_end_matches('…'));
    }
    debug_assert!(width(&last) <= room);
    out.push(last);
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use crate::domain::text::width;

    #[test]
    fn versions_wrap_between_words_and_say_when_cut() {
        let text = "Sở sẽ trả lời bằng văn bản trước ngày 15/12/2026 cho từng hộ";
        let all = wrap(text, 20, usize::MAX);
        assert!(all.iter().all(|l| width(l) <= 20), "{all:?}");
        assert_eq!(all.join(" "), text, "nothing lost, no word cut");
        let two = wrap(text, 20, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with('…'), "{two:?}");
        assert!(width(&two[1]) <= 20);
        assert_eq!(wrap("Một dòng\nhai dòng", 40, 1), ["Một dòng hai dòng…"]);
    }
}
