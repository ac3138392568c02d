//! Plan files (TOML): the meeting's details, its agenda and the invited
//! delegates, read with every problem naming the line and the field.

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;
use toml::Spanned;

use super::words::{self, Seat};
use super::{Choices, Person, PlanError, Problem, bad, unknown_value};
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
    /// Working days to forward an escalated or redirected issue.
    #[serde(default)]
    pub forward_days: Option<u32>,
    /// Days off besides those gavel ships: "2026-04-30" or "30/04/2026".
    #[serde(default)]
    pub holidays: Vec<Spanned<String>>,
    /// Saturdays or Sundays worked in exchange, besides those gavel ships.
    #[serde(default)]
    pub make_up_days: Vec<Spanned<String>>,
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

/// A person of a plan (see `examples/plan.toml`). `role` takes a delegate
/// group or marks the meeting's chair or secretary ("thư ký"), or both
/// ("thư ký, kiểm soát TTHC"); `group` takes a group only.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanPerson {
    pub name: Spanned<String>,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub honorific: Option<Spanned<String>>,
    #[serde(default)]
    pub role: Option<Spanned<String>>,
    #[serde(default)]
    pub group: Option<Spanned<String>>,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub attendance: Option<Spanned<String>>,
    /// A citizens' group: how many people it stands for.
    #[serde(default)]
    pub members: u32,
    #[serde(default)]
    pub representatives: String,
    /// The line of the person's name in the plan.
    #[serde(skip)]
    pub line: usize,
}

/// Reads a plan; every problem names the line and the field.
pub fn read_plan(file: &Path, text: &str) -> Result<Plan, PlanError> {
    let mut plan: Plan = crate::toml_file::parse(text).map_err(|error| {
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
        let check = |value: &Option<Spanned<String>>,
                     field: &str,
                     parses: &dyn Fn(&str) -> bool,
                     choices: Choices| {
            match value {
                Some(value) if !parses(value.get_ref()) => Err(refuse(
                    value,
                    at(field),
                    unknown_value(value.get_ref(), choices),
                )),
                _ => Ok(()),
            }
        };
        check(
            &person.role,
            "role",
            &|text| words::parse_role_cell(text).is_some(),
            Choices::Roles,
        )?;
        check(
            &person.group,
            "group",
            &|text| words::parse_group(text).is_some(),
            Choices::Groups,
        )?;
        check(
            &person.attendance,
            "attendance",
            &|text| text.trim().is_empty() || words::parse_attendance(text).is_some(),
            Choices::Attendance,
        )?;
        check(
            &person.honorific,
            "honorific",
            &|text| text.trim().is_empty() || words::parse_honorific(text).is_some(),
            Choices::Honorifics,
        )?;
    }
    if let Some(meeting) = &plan.meeting {
        let lists = [
            ("holidays", &meeting.holidays),
            ("make_up_days", &meeting.make_up_days),
        ];
        for (key, days) in lists {
            for (n, day) in days.iter().enumerate() {
                parse_day(day.get_ref()).ok_or_else(|| {
                    refuse(
                        day,
                        format!("meeting.{key}[{n}]"),
                        Problem::NotADate(day.get_ref().clone()),
                    )
                })?;
            }
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
    for person in &mut plan.participants {
        person.line = crate::toml_file::line_of(text, person.name.span().start);
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
        if let Some(days) = m.forward_days {
            defaults.forward_working_days = days;
        }
        let days = |list: &[Spanned<String>]| -> Vec<NaiveDate> {
            list.iter().filter_map(|d| parse_day(d.get_ref())).collect()
        };
        if !m.holidays.is_empty() {
            defaults.holidays = days(&m.holidays);
        }
        if !m.make_up_days.is_empty() {
            defaults.make_up_days = days(&m.make_up_days);
        }
        defaults
    }
}

/// The people of a plan, as a list.
pub fn plan_people(plan: &Plan) -> Vec<Person> {
    plan.participants.iter().map(plan_person).collect()
}

/// A value given and not empty.
fn value(v: &Option<Spanned<String>>) -> Option<&str> {
    v.as_ref()
        .map(|v| v.get_ref().trim())
        .filter(|v| !v.is_empty())
}

fn plan_person(p: &PlanPerson) -> Person {
    let (role_group, seat) = value(&p.role)
        .and_then(words::parse_role_cell)
        .unwrap_or((None, None));
    let role = value(&p.group)
        .and_then(words::parse_group)
        .or(role_group)
        .or(seat.map(Seat::default_group))
        .unwrap_or(ParticipantRole::Citizen);
    let attendance = value(&p.attendance).and_then(words::parse_attendance);
    Person {
        fields: ParticipantFields {
            name: p.name.get_ref().clone(),
            organization: p.organization.clone(),
            position: p.position.clone(),
            role,
            honorific: value(&p.honorific).and_then(words::parse_honorific),
            contact: p.contact.clone(),
            attendance: attendance.unwrap_or(Attendance::Invited),
            members: p.members,
            representatives: p.representatives.clone(),
        },
        line: p.line,
        seat,
        attendance,
    }
}
