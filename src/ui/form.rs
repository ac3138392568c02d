//! A form drawn over the panes: one row per field, the focused one with the
//! cursor where the input method expects it, names offered while typing.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_segmentation::UnicodeSegmentation;

use super::{Ctx, centered, clean};
use crate::app::form::{Field, Form, FormKind, Input};
use crate::domain::text::{all_lone, truncate_to_words, truncate_words, width};
use crate::domain::{Id, Record};
use crate::i18n::{Texts, fill};
use crate::input::textfield::TextField;

const LABEL_WIDTH: u16 = 18;
const MULTILINE_ROWS: u16 = 6;

/// Where a form was drawn.
pub struct Drawn {
    /// The rectangle it covers.
    pub popup: Rect,
    /// Where the focused field's value is (None when there was no room
    /// for it, or it is greyed).
    pub focused_value: Option<Rect>,
}

/// The form, and under it why its last save was refused (someone else's
/// change to the same row is drawn over it: `conflict`).
pub fn draw(frame: &mut Frame, app: &Ctx, form: &Form, area: Rect) -> Drawn {
    let t = app.texts();
    let theme = app.theme;
    let error = form.error.clone();
    let matches = form.person_matches(app.record());
    // A form of one long text (notes, the conclusion) takes the room.
    let long = if form.fields.len() == 1 {
        area.height.saturating_sub(10).max(MULTILINE_ROWS)
    } else {
        MULTILINE_ROWS
    };
    let popup_width = area.width.saturating_sub(4).min(90);
    let inner_width = popup_width.saturating_sub(2);
    let value_room = usize::from(inner_width - LABEL_WIDTH.min(inner_width / 3));
    let heights: Vec<u16> = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let height = field_height(field, i == form.focus, matches.len(), long);
            match form.kind.main_choice() == Some(field.key) {
                true => height + legend(field, value_room, app.lang).len() as u16,
                false => height,
            }
        })
        .collect();
    let error_rows = if error.is_some() { 2 } else { 0 };
    let wanted = heights.iter().sum::<u16>() + 2 + error_rows;
    let popup = centered(area, popup_width, wanted.min(area.height));
    frame.render_widget(Clear, popup);
    let room = usize::from(popup.width.saturating_sub(4));
    let title = truncate_words(&title(form, app.record(), t, room), room).into_owned();
    let block = Block::bordered()
        .title(Line::from(Span::styled(
            format!(" {title} "),
            theme.title(),
        )))
        .border_style(theme.focused_border());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);

    let value_x = inner.x + LABEL_WIDTH.min(inner.width / 3);
    let value_width = inner.right().saturating_sub(value_x);
    let mut y = inner.y;
    let mut focused_value = None;
    for (index, field) in form.fields.iter().enumerate() {
        let room = inner.bottom().saturating_sub(y + error_rows);
        let height = heights[index].min(room);
        if height == 0 {
            break;
        }
        let focused = index == form.focus;
        let applies = form.applies(index);
        let label_style = if focused {
            theme.focused_border()
        } else {
            theme.dim()
        };
        let label = Rect::new(inner.x, y, value_x - inner.x, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(field.label(t), label_style)),
            label,
        );
        let value = Rect::new(value_x, y, value_width, height);
        if applies {
            if focused {
                focused_value = Some(value);
            }
            let numbered = form.kind.main_choice() == Some(field.key);
            draw_value(frame, app, field, focused, numbered, value, &matches);
            // A name proposed shows who they are beside it instead.
            if form.proposed.contains(&field.key) && matches!(field.input, Input::Text(_)) {
                draw_proposal_note(frame, app, field, value);
            }
        } else {
            // Greyed: it does not go with what the form says now.
            let shown = format!("— {}", clean(field.draft().0));
            let shown = truncate_words(&shown, usize::from(value_width)).into_owned();
            frame.render_widget(
                Paragraph::new(Span::styled(shown, theme.dim())),
                Rect { height: 1, ..value },
            );
        }
        y += height;
    }
    if let Some(error) = &error {
        let rect = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(clean(error).into_owned(), theme.danger())),
            rect,
        );
    }
    Drawn {
        popup,
        focused_value,
    }
}

/// The focused field's value alone, drawn again over what it showed at
/// `area` (where `draw` put it): all a key typed in a plain text field
/// changes (`Form::differs_only_in_focused_text`).
pub fn redraw_focused_value(frame: &mut Frame, app: &Ctx, form: &Form, area: Rect) {
    let field = form.focused();
    clear(frame.buffer_mut(), area);
    let numbered = form.kind.main_choice() == Some(field.key);
    draw_value(frame, app, field, true, numbered, area, &[]);
}

/// The form's title: what it does, and on what (the issue's number and
/// opening words, the row an edit changes, the item whose notes these are),
/// the opening words cut at a word to fit `room` columns.
fn title(form: &Form, record: &Record, t: &Texts, room: usize) -> String {
    match subject(form.kind, record, t) {
        Some((head, text)) => {
            let head = format!("{head}: ");
            let words = opening_words(text, room.saturating_sub(width(&head)));
            format!("{head}{words}")
        }
        None => form.kind.title(t).to_string(),
    }
}

/// What a form acts on: the words that say what it does to it, and the
/// row's own text (`None` for a new row, or a row gone meanwhile).
fn subject<'r>(kind: FormKind, record: &'r Record, t: &Texts) -> Option<(String, &'r str)> {
    let issue = |template: &str, id: Id| {
        let issue = record.issues.get(&id)?;
        Some((
            fill(template, &[&issue.number.to_string()]),
            issue.text.as_str(),
        ))
    };
    let row = |text: Option<&'r str>| text.map(|text| (kind.title(t).to_string(), text));
    match kind {
        FormKind::Answer { id, .. } => issue(t.form_answer_issue, id),
        FormKind::EditIssue { id, .. } => issue(t.form_edit_issue_no, id),
        FormKind::CloseIssue { id } => issue(t.form_close_issue_no, id),
        FormKind::NewAction { issue: Some(id) } => issue(t.form_action_for_issue, id),
        FormKind::EditAgendaItem { id, .. } | FormKind::AgendaNotes { id, .. } => {
            row(record.agenda.get(&id).map(|i| i.title.as_str()))
        }
        FormKind::EditRequest { id, .. } => row(record
            .requests
            .get(&id)
            .map(|r| record.participant_name(r.participant))),
        FormKind::EditAction { id, .. } => row(record.actions.get(&id).map(|a| a.title.as_str())),
        FormKind::EditParticipant { id, .. } | FormKind::WrittenIssue { by: Some(id) } => {
            row(record.participants.get(&id).map(|p| p.name.as_str()))
        }
        _ => None,
    }
}

/// The opening words of `text` on one line that fit in `room` columns,
/// ending in "…" when some are left out; cut inside a word only when the
/// first one does not fit.
fn opening_words(text: &str, room: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let whole = clean(&words.join(" ")).into_owned();
    if width(&whole) <= room {
        return whole;
    }
    let mut fits = String::new();
    for word in whole.split(' ') {
        let longer = if fits.is_empty() {
            word.to_string()
        } else {
            format!("{fits} {word}")
        };
        // One column is kept for the "…".
        if width(&longer) + 1 > room {
            break;
        }
        fits = longer;
    }
    if fits.is_empty() {
        return truncate_words(&whole, room).into_owned();
    }
    // "công khai…", not "công khai,…".
    let mut cut = fits.trim_end_matches([',', ';', ':', '.']).to_string();
    cut.push('…');
    cut
}

/// After a proposed value (an action's due date from its issue...): that
/// typing replaces it, where the line has room.
fn draw_proposal_note(frame: &mut Frame, app: &Ctx, field: &Field, area: Rect) {
    let shown = width(field.draft().0) as u16 + 2;
    let note = app.texts().proposed_note;
    if shown + width(note) as u16 > area.width {
        return;
    }
    let rect = Rect::new(area.x + shown, area.y, area.width - shown, 1);
    frame.render_widget(Paragraph::new(Span::styled(note, app.theme.dim())), rect);
}

/// Lines under a form's main choice for its values by number, at most.
const LEGEND_LINES: usize = 2;

/// A choice's values by number, for the digit keys, on lines of `room`
/// columns: in the words the selector and the lists use where they fit on
/// `LEGEND_LINES`, else in short words on one line.
fn legend(field: &Field, room: usize, lang: crate::i18n::Lang) -> Vec<String> {
    let Input::Choice { set, values, .. } = &field.input else {
        return Vec::new();
    };
    let full = numbered_values(values, |v| set.label(v, lang));
    if let Some(lines) = pack(&full, room).filter(|lines| lines.len() <= LEGEND_LINES) {
        return lines;
    }
    let short = numbered_values(values, |v| set.short_label(v, lang));
    vec![truncate_words(&short.join("  "), room).into_owned()]
}

fn numbered_values(values: &[&'static str], label: impl Fn(&str) -> &'static str) -> Vec<String> {
    values
        .iter()
        .take(9)
        .enumerate()
        .map(|(i, value)| format!("{} {}", i + 1, label(value)))
        .collect()
}

/// `entries` on lines of `room` columns, two spaces apart, never one cut;
/// `None` when one alone is wider than the room.
fn pack(entries: &[String], room: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    for entry in entries {
        if width(entry) > room {
            return None;
        }
        match lines.last_mut() {
            Some(line) if width(line) + 2 + width(entry) <= room => {
                line.push_str("  ");
                line.push_str(entry);
            }
            _ => lines.push(entry.clone()),
        }
    }
    Some(lines)
}

fn field_height(field: &Field, focused: bool, matches: usize, long: u16) -> u16 {
    match &field.input {
        Input::Text(text) if text.is_multiline() => long,
        Input::Person { text, people, .. } if focused && (!text.is_empty() || matches > 0) => {
            // The typed name as a new person, or why it is refused.
            let warned = matches == 0 && !field.suggests_only();
            let said = u16::from(!text.is_empty() && (people.takes_new() || warned));
            1 + said + matches as u16
        }
        _ => 1,
    }
}

fn draw_value(
    frame: &mut Frame,
    app: &Ctx,
    field: &Field,
    focused: bool,
    numbered: bool,
    area: Rect,
    matches: &[&crate::domain::Participant],
) {
    let theme = app.theme;
    match &field.input {
        Input::Choice {
            set,
            values,
            selected,
        } => {
            let label = set.label(values[*selected], app.lang);
            let style = if focused {
                theme.selected(true)
            } else {
                Default::default()
            };
            let mut spans = vec![
                Span::styled("◀ ", theme.dim()),
                Span::styled(label, style),
                Span::styled(" ▶", theme.dim()),
            ];
            // The values by number, for the digit keys: on lines of their
            // own under the form's main choice, else beside it.
            if numbered && area.height >= 2 {
                let below = Rect {
                    y: area.y + 1,
                    height: area.height - 1,
                    ..area
                };
                let shown: Vec<Line> = legend(field, usize::from(area.width), app.lang)
                    .into_iter()
                    .map(|line| Line::from(Span::styled(line, theme.dim())))
                    .collect();
                frame.render_widget(Paragraph::new(shown), below);
            } else if focused {
                let room = usize::from(area.width).saturating_sub(width(label) + 7);
                let short = numbered_values(values, |v| set.short_label(v, app.lang));
                let shown = truncate_words(&short.join("  "), room).into_owned();
                spans.push(Span::styled(format!("   {shown}"), theme.dim()));
            }
            let line = Rect { height: 1, ..area };
            frame.render_widget(Paragraph::new(Line::from(spans)), line);
        }
        Input::Text(text) if text.is_multiline() => draw_multiline(frame, app, text, focused, area),
        Input::Text(text) => draw_single(frame, app, text, focused, Rect { height: 1, ..area }),
        Input::Person {
            text,
            highlight,
            people,
            new_chosen,
        } => {
            let line = Rect { height: 1, ..area };
            if focused {
                draw_single(frame, app, text, true, line);
            } else if *new_chosen {
                let spans = vec![
                    Span::raw(clean(text.text()).into_owned()),
                    Span::styled(format!(" · + {}", app.texts().new_person), theme.dim()),
                ];
                frame.render_widget(Paragraph::new(Line::from(spans)), line);
            } else {
                draw_person(frame, app, text.text(), line);
            }
            if !focused || (text.is_empty() && matches.is_empty()) {
                return;
            }
            let mut lines = Vec::new();
            let typed = clean(text.text().trim()).into_owned();
            if !typed.is_empty()
                && !people.takes_new()
                && !field.suggests_only()
                && matches.is_empty()
                && app.participant_named(&typed).is_none()
            {
                lines.push(Line::from(Span::styled(
                    format!("  {}", app.texts().not_listed),
                    theme.warning(),
                )));
            }
            for (i, person) in matches.iter().enumerate() {
                let style = if *highlight == Some(i) {
                    theme.selected(true)
                } else {
                    Default::default()
                };
                let name = format!("  {}", clean(&person.name));
                let room = usize::from(area.width).saturating_sub(width(&name));
                let about = about(person);
                let mut spans = vec![Span::styled(name, style)];
                // Whole words, with an ellipsis, rather than cut at the border.
                if let Some(about) =
                    Some(about)
                        .filter(|about| !about.is_empty())
                        .and_then(|about| {
                            truncate_to_words(&format!(" · {about}"), room).map(Cow::into_owned)
                        })
                {
                    spans.push(Span::styled(about, theme.dim()));
                }
                lines.push(Line::from(spans));
            }
            // After the matches: the typed name as someone new, taken only
            // when chosen (↓ to it, then Enter).
            if !typed.is_empty() && people.takes_new() {
                let chosen =
                    *highlight == Some(matches.len()) || (*new_chosen && highlight.is_none());
                let new_style = if chosen {
                    theme.selected(true)
                } else {
                    theme.dim()
                };
                lines.push(Line::from(Span::styled(
                    format!("+ {}: {typed}", app.texts().new_person),
                    new_style,
                )));
            }
            let rest = Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            };
            frame.render_widget(Paragraph::new(lines), rest);
        }
    }
}

/// "Trưởng phòng, Sở Tư pháp": who a person is, beside their name.
fn about(person: &crate::domain::Participant) -> String {
    [&person.position, &person.organization]
        .into_iter()
        .filter(|part| !part.is_empty())
        .map(|part| clean(part).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A chosen person, with their position and organization beside the name.
fn draw_person(frame: &mut Frame, app: &Ctx, name: &str, area: Rect) {
    let room = usize::from(area.width);
    let shown = truncate_words(&clean(name), room).into_owned();
    let rest = room.saturating_sub(width(&shown));
    let mut spans = vec![Span::raw(shown)];
    if let Some(person) = app.participant_named(name) {
        let about = about(person);
        let about = truncate_to_words(&format!(" · {about}"), rest).map(Cow::into_owned);
        if let Some(about) =
            about.filter(|_| !person.position.is_empty() || !person.organization.is_empty())
        {
            spans.push(Span::styled(about, app.theme.dim()));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// One line, scrolled so that the cursor is visible.
fn draw_single(frame: &mut Frame, app: &Ctx, text: &TextField, focused: bool, area: Rect) {
    let shown = clean(text.text()).into_owned();
    let before = clean(&text.text()[..text.cursor()]).into_owned();
    let room = usize::from(area.width.saturating_sub(1)).max(1);
    // Skip whole graphemes from the left until the cursor fits.
    let mut skip_bytes = 0;
    let mut cursor_col = width(&before);
    for grapheme in before.graphemes(true) {
        if cursor_col < room {
            break;
        }
        skip_bytes += grapheme.len();
        cursor_col -= width(grapheme);
    }
    put_line(
        frame.buffer_mut(),
        &shown[skip_bytes..],
        area.x,
        area.y,
        area.width,
    );
    if focused {
        app.set_cursor(frame, (area.x + cursor_col as u16, area.y));
    }
}

/// Wrapped lines, scrolled so that the cursor's line is visible.
fn draw_multiline(frame: &mut Frame, app: &Ctx, text: &TextField, focused: bool, area: Rect) {
    let columns = usize::from(area.width.saturating_sub(1)).max(1);
    let lines = text.visual_lines(columns);
    let (row, col) = text.cursor_among(&lines);
    let height = usize::from(area.height).max(1);
    let top = (row + 1).saturating_sub(height);
    for (y, line) in (area.y..area.bottom()).zip(lines.iter().skip(top)) {
        let shown = clean(&text.text()[line.start..line.end]);
        put_line(frame.buffer_mut(), &shown, area.x, y, area.width);
    }
    if focused {
        let col = col.min(columns) as u16;
        app.set_cursor(frame, (area.x + col, area.y + (row - top) as u16));
    }
}

/// Blanks `area` as ratatui's `Clear` does, a row's cells at a time (the
/// widget goes column by column, across the buffer's rows).
fn clear(buffer: &mut Buffer, area: Rect) {
    let area = area.intersection(buffer.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        let start = buffer.index_of(area.x, y);
        for cell in &mut buffer.content[start..start + usize::from(area.width)] {
            cell.reset();
        }
    }
}

/// Typed text on one row from `x`, cut at `room` columns: as a paragraph
/// of one unstyled line draws it, without laying out a paragraph (the
/// focused field is drawn on every key).
fn put_line(buffer: &mut Buffer, text: &str, x: u16, y: u16, room: u16) {
    if !buffer.area.contains(Position { x, y }) {
        return;
    }
    if all_lone(text) {
        // A cell per character, each one column.
        let end = x.saturating_add(room).min(buffer.area.right());
        for (x, c) in (x..end).zip(text.chars()) {
            buffer[(x, y)].set_char(c);
        }
        return;
    }
    buffer.set_stringn(x, y, text, usize::from(room), Style::default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::Widget;

    #[test]
    fn a_line_is_put_as_ratatui_puts_a_string() {
        let area = Rect::new(0, 0, 12, 1);
        for text in [
            "Đề nghị công khai",
            "ab",
            "hồ sơ 世界 x",
            "e\u{301}x",
            "⚠ tab\t",
        ] {
            for room in [0, 3, 8, 12, 20] {
                let mut put = Buffer::empty(area);
                put_line(&mut put, text, 2, 0, room);
                let mut expected = Buffer::empty(area);
                expected.set_stringn(2, 0, text, usize::from(room), Style::default());
                assert_eq!(put, expected, "{text} in {room}");
            }
        }
    }

    #[test]
    fn a_rectangle_is_blanked_as_ratatuis_clear_blanks_it() {
        let area = Rect::new(2, 1, 10, 4);
        let mut filled = Buffer::empty(area);
        for y in area.rows() {
            filled.set_string(
                area.x,
                y.y,
                "Đề nghị 世界!",
                Style::new().bold().red().on_blue(),
            );
        }
        for rect in [
            Rect::new(3, 2, 4, 2),
            Rect::new(0, 0, 30, 30),
            Rect::new(11, 4, 5, 5),
            Rect::new(4, 2, 0, 3),
            Rect::new(20, 20, 2, 2),
        ] {
            let mut cleared = filled.clone();
            clear(&mut cleared, rect);
            let mut expected = filled.clone();
            Clear.render(rect.intersection(area), &mut expected);
            assert_eq!(cleared, expected, "{rect:?}");
        }
    }
}
