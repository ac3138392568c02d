//! A text field as lines: moving up and down by column, and the lines as
//! drawn in a given width (wrapped between words), with the cursor's
//! place among them.

use unicode_segmentation::UnicodeSegmentation;

use super::TextField;
use crate::domain::text::shown_width;

/// One line as drawn: the byte range of the text it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualLine {
    pub start: usize,
    pub end: usize,
}

impl TextField {
    /// Moves to the line above (multi-line), keeping the column; false when
    /// already on the first line.
    pub fn up(&mut self) -> bool {
        let line_start = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        if line_start == 0 {
            return false;
        }
        let column = shown_width(&self.text[line_start..self.cursor]);
        let prev_start = self.text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        self.cursor = self.offset_at_column(prev_start, line_start - 1, column);
        true
    }

    /// Moves to the line below; false when already on the last line.
    pub fn down(&mut self) -> bool {
        let Some(newline) = self.text[self.cursor..].find('\n').map(|i| self.cursor + i) else {
            return false;
        };
        let line_start = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        let column = shown_width(&self.text[line_start..self.cursor]);
        let next_start = newline + 1;
        let next_end = self.text[next_start..]
            .find('\n')
            .map_or(self.text.len(), |i| next_start + i);
        self.cursor = self.offset_at_column(next_start, next_end, column);
        true
    }

    /// The lines as drawn in `width` columns: at each line break, and
    /// wrapped when a line is wider than `width`: after the last space that
    /// fits, so that a word is not cut in two ("Hội nghị", not "H" and
    /// "ội nghị"), or between graphemes for a word wider than the line. A
    /// space where the line is full stays at its end, out of sight, so the
    /// next line does not begin with it.
    pub fn visual_lines(&self, width: usize) -> Vec<VisualLine> {
        let width = width.max(1);
        let mut lines = Vec::new();
        let mut start = 0;
        for logical in self.text.split('\n') {
            let mut line_start = start;
            let mut used = 0;
            // Just after the last space on this line, and the width up to it.
            let mut after_space: Option<(usize, usize)> = None;
            for (offset, grapheme) in crate::domain::text::grapheme_indices(logical) {
                let at = start + offset;
                let w = shown_width(grapheme);
                if used + w > width && used > 0 {
                    if grapheme == " " {
                        let end = at + grapheme.len();
                        lines.push(VisualLine {
                            start: line_start,
                            end,
                        });
                        line_start = end;
                        used = 0;
                        after_space = None;
                        continue;
                    }
                    match after_space.take() {
                        Some((end, width_to_it)) if used - width_to_it + w <= width => {
                            lines.push(VisualLine {
                                start: line_start,
                                end,
                            });
                            line_start = end;
                            used -= width_to_it;
                        }
                        _ => {
                            lines.push(VisualLine {
                                start: line_start,
                                end: at,
                            });
                            line_start = at;
                            used = 0;
                        }
                    }
                }
                used += w;
                if grapheme == " " {
                    after_space = Some((at + grapheme.len(), used));
                }
            }
            lines.push(VisualLine {
                start: line_start,
                end: start + logical.len(),
            });
            start += logical.len() + 1;
        }
        lines
    }

    /// Where the cursor is drawn among `visual_lines(width)`: (line, column).
    pub fn cursor_position(&self, width: usize) -> (usize, usize) {
        self.cursor_among(&self.visual_lines(width))
    }

    /// Where the cursor is drawn among `lines`, the field's
    /// `visual_lines` at some width: (line, column).
    pub fn cursor_among(&self, lines: &[VisualLine]) -> (usize, usize) {
        let mut found = (0, 0);
        for (row, line) in lines.iter().enumerate() {
            if line.start <= self.cursor && self.cursor <= line.end {
                found = (row, shown_width(&self.text[line.start..self.cursor]));
                // A cursor at a wrap point belongs to the next line, unless
                // this line ends with a real line break.
                let wrapped = lines
                    .get(row + 1)
                    .is_some_and(|next| next.start == line.end);
                if !(wrapped && self.cursor == line.end) {
                    break;
                }
            }
        }
        found
    }

    fn offset_at_column(&self, start: usize, end: usize, column: usize) -> usize {
        let mut used = 0;
        for (offset, grapheme) in self.text[start..end].grapheme_indices(true) {
            let w = shown_width(grapheme);
            if used + w > column {
                return start + offset;
            }
            used += w;
        }
        end
    }
}
