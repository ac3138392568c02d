//! The countdown's big digits: our own 5×7 font (data), drawn with half
//! blocks at any whole scale.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Glyph rows of the font, top to bottom.
pub(super) const GLYPH_ROWS: u16 = 7;

/// A 5×7 font for the countdown ('#' is ink). Half blocks make a pixel one
/// column wide and half a row high: about square in a terminal's cell.
fn glyph(c: char) -> &'static [&'static str; GLYPH_ROWS as usize] {
    match c {
        '0' => &[
            " ### ", "#   #", "#   #", "#   #", "#   #", "#   #", " ### ",
        ],
        '1' => &[
            "  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### ",
        ],
        '2' => &[
            " ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####",
        ],
        '3' => &[
            " ### ", "#   #", "    #", "  ## ", "    #", "#   #", " ### ",
        ],
        '4' => &[
            "   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # ",
        ],
        '5' => &[
            "#####", "#    ", "#### ", "    #", "    #", "#   #", " ### ",
        ],
        '6' => &[
            "  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### ",
        ],
        '7' => &[
            "#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   ",
        ],
        '8' => &[
            " ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### ",
        ],
        '9' => &[
            " ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  ",
        ],
        ':' => &[" ", " ", "#", " ", "#", " ", " "],
        '-' => &["    ", "    ", "    ", "####", "    ", "    ", "    "],
        _ => &[" ", " ", " ", " ", " ", " ", " "],
    }
}

/// The text's pixels, column by column (bit r: row r has ink), with one
/// blank column between glyphs.
pub(super) fn bitmap(text: &str) -> Vec<u8> {
    let mut columns = Vec::new();
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            columns.push(0);
        }
        let rows = glyph(c);
        let glyph_width = rows[0].len();
        for x in 0..glyph_width {
            let mut column = 0u8;
            for (r, row) in rows.iter().enumerate() {
                if row.as_bytes()[x] == b'#' {
                    column |= 1 << r;
                }
            }
            columns.push(column);
        }
    }
    columns
}

/// Terminal rows the digits take at a scale.
pub(super) fn big_height(scale: u16) -> u16 {
    (GLYPH_ROWS * scale).div_ceil(2)
}

/// The width (in pixels) the digits are sized for: room for a minus sign
/// and two-digit minutes, so the size holds steady as the clock runs over.
pub(super) fn template_width(text: &str) -> u32 {
    let minutes = text
        .trim_start_matches('-')
        .split(':')
        .next()
        .map_or(2, str::len);
    bitmap(&format!("-{}:00", "0".repeat(minutes.max(2)))).len() as u32
}

/// Draws `text` in block digits, `scale` columns per pixel, centred in
/// `area`.
pub(super) fn draw_big(buf: &mut Buffer, area: Rect, text: &str, scale: u16, style: Style) {
    let columns = bitmap(text);
    let scale = u32::from(scale.max(1));
    let text_width = columns.len() as u32 * scale;
    let x0 = u32::from(area.x) + u32::from(area.width).saturating_sub(text_width) / 2;
    let height = u32::from(big_height(scale as u16)).min(u32::from(area.height));
    let ink = |px: u32, half_row: u32| {
        let row = half_row / scale;
        row < u32::from(GLYPH_ROWS)
            && columns
                .get(px as usize)
                .is_some_and(|column| column & (1 << row) != 0)
    };
    for cy in 0..height {
        for cx in 0..text_width.min(u32::from(area.width)) {
            let px = cx / scale;
            let symbol = match (ink(px, 2 * cy), ink(px, 2 * cy + 1)) {
                (true, true) => "█",
                (true, false) => "▀",
                (false, true) => "▄",
                (false, false) => continue,
            };
            let (x, y) = (x0 + cx, u32::from(area.y) + cy);
            if let (Ok(x), Ok(y)) = (u16::try_from(x), u16::try_from(y))
                && let Some(cell) = buf.cell_mut((x, y))
            {
                cell.set_symbol(symbol).set_style(style);
            }
        }
    }
}
