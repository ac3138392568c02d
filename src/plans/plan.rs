//! Plan files (TOML): the meeting's details, its agenda and the invited
//! delegates, read with every problem naming the line and the field.

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;
use toml::Spanned;

use super::{Person, PlanError, Problem, bad, parse_attendance, parse_role, unknown_value};
use crate::domain::*;

/// A plan file, as written by a person (see `examples/plan.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(default)]
    pub meeting: Option<PlanMeeting>,
    #[serde(default)]
    pub agenda: Vec<PlanItem>,
    #[serde(default)]
    pub participants: Vec<PlanPerson>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMeeting {
    pub title: String,
    #[serde(default)]
    pub superior_agency: String,
    #[serde(default)]
    pub agency: String,
    #[serde(default)]
    pub chair: String,
    #[serde(default)]
    pub secretary: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub place: String,
    /// "2026-02-05 08:00" (local time of the meeting) or RFC 3339.
    #[serde(default)]
    pub start: Option<Spanned<String>>,
    #[serde(default)]
    pub legal_basis: String,
    #[serde(default)]
    pub doc_number: String,
    /// Hours from UTC of the meeting's time zone (7 for Vietnam).
    #[serde(default)]
    pub utc_offset_hours: Option<i32>,
    #[serde(default)]
    pub speaking_minutes: Option<u32>,
    #[serde(default)]
    pub reply_days: Option<u32>,
    /// "2026-04-30" or "30/04/2026".
    #[serde(default)]
    pub holidays: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    pub title: String,
    #[serde(default)]
    pub minutes: u32,
    #[serde(default)]
    pub presenter: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanPerson {
    pub name: String,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub role: Option<Spanned<String>>,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub attendance: Option<Spanned<String>>,
}

/// Reads a plan; every problem names the line and the field.
pub fn read_plan(file: &Path, text: &str) -> Result<Plan, PlanError> {
    let plan: Plan = crate::toml_file::parse(text).map_err(|error| {
        bad(
            file,
            error.line,
            &error.field,
            Problem::Syntax(error.message),
        )
    })?;
    // Values the schema cannot check: roles, dates, times.
    let refuse = |value: &Spanned<String>, field: String, problem: Problem| {
        bad(
            file,
            crate::toml_file::line_of(text, value.span().start),
            &field,
            problem,
        )
    };
    for (n, person) in plan.participants.iter().enumerate() {
        let at = |field: &str| format!("participants[{n}].{field}");
        if let Some(role) = &person.role {
            parse_role(role.get_ref()).ok_or_else(|| {
                refuse(
                    role,
                    at("role"),
                    unknown_value(role.get_ref(), ParticipantRole::ALL),
                )
            })?;
        }
        if let Some(attendance) = &person.attendance {
            parse_attendance(attendance.get_ref()).ok_or_else(|| {
                refuse(
                    attendance,
                    at("attendance"),
                    unknown_value(attendance.get_ref(), Attendance::ALL),
                )
            })?;
        }
    }
    if let Some(meeting) = &plan.meeting {
        for (n, day) in meeting.holidays.iter().enumerate() {
            parse_day(day.get_ref()).ok_or_else(|| {
                refuse(
                    day,
                    format!("meeting.holidays[{n}]"),
                    Problem::NotADate(day.get_ref().clone()),
                )
            })?;
        }
        if let Some(start) = &meeting.start {
            parse_start(start.get_ref(), meeting.utc_offset_hours.unwrap_or(7)).ok_or_else(
                || {
                    refuse(
                        start,
                        "meeting.start".into(),
                        Problem::NotADateTime(start.get_ref().clone()),
                    )
                },
            )?;
        }
    }
    Ok(plan)
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    crate::domain::dates::parse_date(text.trim())
}

fn parse_start(text: &str, offset_hours: i32) -> Option<Timestamp> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    let offset = chrono::FixedOffset::east_opt(offset_hours * 3600)?;
    ["%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text.trim(), format).ok())
        .and_then(|local| local.and_local_timezone(offset).single())
        .map(|at| at.with_timezone(&Utc))
}

impl Plan {
    /// The meeting's details from the plan, over `defaults`.
    pub fn details(&self, mut defaults: MeetingDetails) -> MeetingDetails {
        let Some(m) = &self.meeting else {
            return defaults;
        };
        let offset_hours = m
            .utc_offset_hours
            .unwrap_or(defaults.utc_offset_minutes / 60);
        defaults.title = m.title.clone();
        defaults.superior_agency = m.superior_agency.clone();
        defaults.agency = m.agency.clone();
        defaults.chair = m.chair.clone();
        defaults.secretary = m.secretary.clone();
        defaults.venue = m.venue.clone();
        defaults.place = m.place.clone();
        defaults.legal_basis = m.legal_basis.clone();
        defaults.doc_number = m.doc_number.clone();
        defaults.utc_offset_minutes = offset_hours * 60;
        defaults.planned_start = m
            .start
            .as_ref()
            .and_then(|s| parse_start(s.get_ref(), offset_hours));
        if let Some(minutes) = m.speaking_minutes {
            defaults.speaking_seconds = minutes * 60;
        }
        if let Some(days) = m.reply_days {
            defaults.reply_working_days = days;
        }
        if !m.holidays.is_empty() {
            defaults.holidays = m
                .holidays
                .iter()
                .filter_map(|d| parse_day(d.get_ref()))
                .collect();
        }
        defaults
    }
}

/// The people of a plan, as a list.
pub fn plan_people(plan: &Plan) -> Vec<Person> {
    plan.participants
        .iter()
        .map(|p| Person {
            fields: ParticipantFields {
                name: p.name.clone(),
                organization: p.organization.clone(),
                role: p
                    .role
                    .as_ref()
                    .and_then(|r| parse_role(r.get_ref()))
                    .unwrap_or(ParticipantRole::Citizen),
                contact: p.contact.clone(),
                attendance: p
                    .attendance
                    .as_ref()
                    .and_then(|a| parse_attendance(a.get_ref()))
                    .unwrap_or(Attendance::Invited),
                position: String::new(),
                honorific: None,
                members: 0,
                representatives: String::new(),
            },
        })
        .collect()
}
