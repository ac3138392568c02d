//! `gavel new FILE`: a new meeting, from flags, the config file and
//! optionally a plan.

use std::path::Path;

use super::import::{imported_message, read_source};
use super::{CommandError, date_arg, open_options};
use crate::cli::NewArgs;
use crate::config::Settings;
use crate::domain::{MeetingDetails, Role};
use crate::i18n::{Lang, fill};
use crate::plans;
use crate::store::{self, OpenOptions, Sharing, Store};

pub fn new(args: NewArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let options = open_options(&args.identity, Role::Chair, settings);
    let created = fill(
        lang.texts().cli_created,
        &[&args.file.display().to_string()],
    );
    if args.demo {
        crate::demo::create_demo(&args.file, options, store::now())?;
        println!("{created}");
        return Ok(());
    }
    let dates = |list: &[String]| {
        list.iter()
            .map(|d| date_arg(d, lang))
            .collect::<Result<Vec<_>, _>>()
    };
    let holidays = dates(&args.holidays)?;
    let make_up_days = dates(&args.make_up_days)?;
    // Defaults from the config file; the flags over them (and over a plan).
    let defaults = MeetingDetails {
        speaking_seconds: settings.speaking_minutes.value * 60,
        reply_working_days: settings.reply_days.value,
        forward_working_days: settings.forward_days.value,
        holidays: settings.holidays.value.clone(),
        make_up_days: settings.make_up_days.value.clone(),
        ..MeetingDetails::default()
    };
    let flags = MeetingFlags {
        title: args.title.clone(),
        agency: args.agency.clone(),
        speaking_minutes: args.speaking_minutes,
        reply_days: args.reply_days,
        forward_days: args.forward_days,
        holidays,
        make_up_days,
    };
    let sharing = if args.group {
        Sharing::Group
    } else {
        Sharing::Private
    };
    if let Some(plan) = &args.from {
        let done = new_from_plan(&args.file, plan, defaults, flags, options, sharing, lang)?;
        println!("{done}");
        return Ok(());
    }
    let mut details = defaults;
    flags.apply(&mut details);
    Store::create(&args.file, options, details, sharing)?;
    println!("{created}");
    Ok(())
}

/// What `gavel new` was told on the command line: it outranks the plan.
#[derive(Debug, Default)]
pub struct MeetingFlags {
    pub title: Option<String>,
    pub agency: Option<String>,
    pub speaking_minutes: Option<u32>,
    pub reply_days: Option<u32>,
    pub forward_days: Option<u32>,
    pub holidays: Vec<chrono::NaiveDate>,
    pub make_up_days: Vec<chrono::NaiveDate>,
}

impl MeetingFlags {
    pub fn apply(self, details: &mut MeetingDetails) {
        if let Some(title) = self.title {
            details.title = title;
        }
        if let Some(agency) = self.agency {
            details.agency = agency;
        }
        if let Some(minutes) = self.speaking_minutes {
            details.speaking_seconds = minutes * 60;
        }
        if let Some(days) = self.reply_days {
            details.reply_working_days = days;
        }
        if let Some(days) = self.forward_days {
            details.forward_working_days = days;
        }
        if !self.holidays.is_empty() {
            details.holidays = self.holidays;
        }
        if !self.make_up_days.is_empty() {
            details.make_up_days = self.make_up_days;
        }
    }
}

/// `gavel new FILE --from plan.toml`: the plan over `defaults` (the config
/// file's), the flags over the plan. The plan is read and checked before
/// the file exists; if adding its agenda and people fails, the new file is
/// removed, so a failed `new` leaves nothing behind.
pub fn new_from_plan(
    file: &Path,
    plan_path: &Path,
    defaults: MeetingDetails,
    flags: MeetingFlags,
    options: OpenOptions,
    sharing: Sharing,
    lang: Lang,
) -> Result<String, CommandError> {
    let plan = plans::read_plan(plan_path, &read_source(plan_path)?)?;
    let mut details = plan.details(defaults);
    flags.apply(&mut details);
    if details.title.trim().is_empty() {
        return Err(CommandError::Usage(
            lang.texts().cli_plan_needs_title.into(),
        ));
    }
    let mut store = Store::create(file, options, details, sharing)?;
    let people = plans::plan_people(&plan);
    match plans::import(&mut store, plan_path, &plan.agenda, &people) {
        Ok(done) => Ok(format!(
            "{}\n{}",
            fill(lang.texts().cli_created, &[&file.display().to_string()]),
            imported_message(&done, lang)
        )),
        Err(error) => {
            drop(store);
            store::remove_meeting_file(file);
            Err(error.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_outrank_the_defaults_they_name_and_leave_the_rest() {
        let mut details = MeetingDetails {
            speaking_seconds: 5 * 60,
            reply_working_days: 15,
            ..MeetingDetails::default()
        };
        MeetingFlags {
            speaking_minutes: Some(2),
            ..MeetingFlags::default()
        }
        .apply(&mut details);
        assert_eq!(details.speaking_seconds, 2 * 60);
        assert_eq!(details.reply_working_days, 15);
    }
}
