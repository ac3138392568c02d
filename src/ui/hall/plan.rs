//! What goes on the wall, and what gives way: the rows the screen has
//! something for, and the plan of those that fit with the biggest digits.

use super::HallScreen;
use super::digits::{big_height, template_width};

/// One row (or, for the clock, one block) of the wall, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Row {
    Title,
    Title2,
    Item,
    Item2,
    Gauge,
    Name,
    Organization,
    Clock,
    Word,
    NextHeading,
    Next(usize),
    NobodyWaiting,
    Closed,
}

/// Rows kept together; the room between groups stretches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Group {
    Title,
    Item,
    Speaker,
    Clock,
    Queue,
}

pub(super) const GROUPS: [Group; 5] = [
    Group::Title,
    Group::Item,
    Group::Speaker,
    Group::Clock,
    Group::Queue,
];

impl Row {
    pub(super) fn group(self) -> Group {
        match self {
            Row::Title | Row::Title2 => Group::Title,
            Row::Item | Row::Item2 | Row::Gauge => Group::Item,
            Row::Name | Row::Organization => Group::Speaker,
            Row::Clock | Row::Word => Group::Clock,
            Row::NextHeading | Row::Next(_) | Row::NobodyWaiting | Row::Closed => Group::Queue,
        }
    }
}

/// The order in which rows give way on a small screen; the clock and the
/// speaker's name go last.
const GIVES_WAY: &[Row] = &[
    Row::Item2,
    Row::Title2,
    Row::Gauge,
    Row::Next(2),
    Row::Next(1),
    Row::Organization,
    Row::NobodyWaiting,
    Row::Next(0),
    Row::NextHeading,
    Row::Closed,
    Row::Title,
    Row::Item,
    Row::Word,
    Row::Name,
    Row::Clock,
];

/// Every row the screen has something for, in order.
pub(super) fn rows_of(screen: &HallScreen, title2: bool, item2: bool) -> Vec<Row> {
    let mut rows = vec![Row::Title];
    if title2 {
        rows.push(Row::Title2);
    }
    rows.push(Row::Item);
    if item2 {
        rows.push(Row::Item2);
    }
    if screen.item.is_some() {
        rows.push(Row::Gauge);
    }
    rows.push(Row::Name);
    if let Some(speaker) = &screen.speaker {
        if !speaker.organization.trim().is_empty() {
            rows.push(Row::Organization);
        }
        rows.extend([Row::Clock, Row::Word]);
    }
    rows.push(Row::NextHeading);
    if screen.next.is_empty() {
        rows.push(Row::NobodyWaiting);
    }
    rows.extend((0..screen.next.len()).map(Row::Next));
    if screen.queue_closed {
        rows.push(Row::Closed);
    }
    rows
}

/// The rows that fit, the digits' size (`None`: plain text), and whether
/// "q to leave" has a row.
pub(super) struct Plan {
    pub(super) rows: Vec<Row>,
    pub(super) scale: Option<u16>,
    pub(super) hint: bool,
}

impl Plan {
    pub(super) fn height(&self, row: Row) -> u16 {
        match (row, self.scale) {
            (Row::Clock, Some(scale)) => big_height(scale),
            _ => 1,
        }
    }

    fn total(&self) -> u32 {
        self.rows
            .iter()
            .map(|row| u32::from(self.height(*row)))
            .sum::<u32>()
            + u32::from(self.hint)
    }
}

/// Chooses the biggest digits that fit with everything else (giving up the
/// hint and the time-box bar for them, and for the smallest digits also the
/// second and third names waiting); else plain text, and rows give way
/// until the rest fits.
pub(super) fn plan(rows: &[Row], clock: Option<&str>, width: u16, height: u16) -> Plan {
    let groups = |rows: &[Row]| {
        let mut seen: Vec<Group> = rows.iter().map(|r| r.group()).collect();
        seen.dedup();
        seen.len() as u32
    };
    let without = |rows: &[Row], gone: &[Row]| -> Vec<Row> {
        rows.iter().copied().filter(|r| !gone.contains(r)).collect()
    };
    if let Some(text) = clock {
        let template = template_width(text);
        let widest = u32::from(width) / template.max(1);
        for scale in (1..=widest.min(u32::from(u16::MAX))).rev() {
            let scale = scale as u16;
            let sacrifices: &[&[Row]] = if scale == 1 {
                &[
                    &[],
                    &[Row::Item2],
                    &[Row::Item2, Row::Title2],
                    &[Row::Item2, Row::Title2, Row::Gauge],
                    &[
                        Row::Item2,
                        Row::Title2,
                        Row::Gauge,
                        Row::Next(2),
                        Row::Next(1),
                    ],
                ]
            } else {
                &[
                    &[],
                    &[Row::Item2],
                    &[Row::Item2, Row::Title2],
                    &[Row::Item2, Row::Title2, Row::Gauge],
                ]
            };
            for gone in sacrifices {
                for hint in [true, false] {
                    let plan = Plan {
                        rows: without(rows, gone),
                        scale: Some(scale),
                        hint,
                    };
                    // Big digits want a blank row between the groups.
                    let gaps = if scale > 1 { groups(&plan.rows) - 1 } else { 0 };
                    if plan.total() + gaps <= u32::from(height) {
                        return plan;
                    }
                }
            }
        }
    }
    // Plain text: the word goes on the clock's row.
    let mut plan = Plan {
        rows: without(rows, &[Row::Word]),
        scale: None,
        hint: true,
    };
    let room = u32::from(height);
    if plan.total() > room {
        plan.hint = false;
    }
    for row in GIVES_WAY {
        if plan.total() <= room {
            break;
        }
        plan.rows.retain(|r| r != row);
    }
    plan
}
