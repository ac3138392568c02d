//! Figures for the review's statistics view: who spoke how long, what was
//! raised, how the agenda went against its plan.

use std::collections::BTreeMap;

use chrono::TimeDelta;

use super::clock::{agenda_elapsed, turn_clock};
use super::model::*;
use super::record::Record;

/// Speaking time per participant, longest first.
pub fn speaking_by_participant(record: &Record, now: Timestamp) -> Vec<(String, TimeDelta)> {
    let mut totals: BTreeMap<Id, TimeDelta> = BTreeMap::new();
    for request in record.requests.values().filter(|r| r.started_at.is_some()) {
        *totals.entry(request.participant).or_default() += turn_clock(request, now).elapsed;
    }
    let mut rows: Vec<(String, TimeDelta)> = totals
        .into_iter()
        .map(|(id, spoken)| (record.participant_name(id).to_string(), spoken))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// Speaking time per organization (people without one under `none`),
/// longest first.
pub fn speaking_by_organization(
    record: &Record,
    now: Timestamp,
    none: &str,
) -> Vec<(String, TimeDelta)> {
    let mut totals: BTreeMap<String, TimeDelta> = BTreeMap::new();
    for request in record.requests.values().filter(|r| r.started_at.is_some()) {
        let organization = record
            .participants
            .get(&request.participant)
            .map(|p| p.organization.as_str())
            .filter(|o| !o.is_empty())
            .unwrap_or(none);
        *totals.entry(organization.to_string()).or_default() += turn_clock(request, now).elapsed;
    }
    let mut rows: Vec<(String, TimeDelta)> = totals.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// Issues per field of procedures (lĩnh vực), most first.
pub fn issues_by_field(record: &Record, none: &str) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for issue in record.issues.values() {
        let field = if issue.field.is_empty() {
            none
        } else {
            issue.field.as_str()
        };
        *counts.entry(field.to_string()).or_default() += 1;
    }
    let mut rows: Vec<(String, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// Issues per disposition, in the order of `Disposition::ALL`.
pub fn issues_by_disposition(record: &Record) -> Vec<(Disposition, usize)> {
    Disposition::ALL
        .iter()
        .map(|d| {
            (
                *d,
                record
                    .issues
                    .values()
                    .filter(|i| i.disposition == *d)
                    .count(),
            )
        })
        .collect()
}

/// Planned and actual minutes of each agenda item, in agenda order.
pub fn agenda_planned_actual(record: &Record, now: Timestamp) -> Vec<(String, u32, i64)> {
    record
        .agenda_in_order()
        .into_iter()
        .map(|item| {
            (
                item.title.clone(),
                item.planned_minutes,
                agenda_elapsed(item, now).num_minutes(),
            )
        })
        .collect()
}
