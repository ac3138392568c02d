//! Working days as the law counts them (RULES.md, "Counting working days";
//! Civil Code 2015 Arts. 147–148, Labour Code 2019 Art. 112): Saturdays and
//! Sundays are off, so are the statutory days off, and a Saturday or Sunday
//! the government swaps in is worked (a make-up day, "ngày làm bù"). The day
//! of receipt is not counted; a period ending on a day off ends on the next
//! working day.
//!
//! The days off and make-up days of each year are announced by the
//! government; gavel ships those of 2026 (announced) and 2027 (estimated
//! until announced). A meeting adds its own (the config file's and the
//! plan's `holidays` and `make_up_days`), which is how a calendar that is
//! late or wrong is corrected without a new gavel.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};

use super::MeetingDetails;

/// One year of the shipped calendar.
struct Year {
    year: i32,
    /// `false` until the government has announced the year's days off:
    /// deadlines that count through it are told to be estimates.
    announced: bool,
    /// (month, day) of each day off, weekends included where the
    /// announcement lists them.
    days_off: &'static [(u32, u32)],
    /// (month, day) of each Saturday or Sunday worked in exchange.
    make_up: &'static [(u32, u32)],
}

const SHIPPED: &[Year] = &[
    Year {
        year: 2026,
        announced: true,
        days_off: &[
            (1, 1),
            // Tết for public servants.
            (2, 14),
            (2, 15),
            (2, 16),
            (2, 17),
            (2, 18),
            (2, 19),
            (2, 20),
            (2, 21),
            (2, 22),
            // Hùng Kings' day falls on Sunday 26/4.
            (4, 27),
            (4, 30),
            (5, 1),
            // Off in exchange for Saturday 22/8.
            (8, 31),
            (9, 1),
            (9, 2),
            (11, 24),
        ],
        make_up: &[(8, 22)],
    },
    Year {
        year: 2027,
        announced: false,
        days_off: &[
            (1, 1),
            // Tết around the new year's day, 6/2.
            (2, 4),
            (2, 5),
            (2, 6),
            (2, 7),
            (2, 8),
            (2, 9),
            (2, 10),
            (4, 16),
            (4, 30),
            // 1/5 falls on a Saturday.
            (5, 1),
            (5, 3),
            (9, 2),
            (9, 3),
            (11, 24),
        ],
        make_up: &[],
    },
];

/// Days off fixed by the Labour Code, for a year gavel does not ship: the
/// lunar ones (Tết, Hùng Kings' day) cannot be known here.
const FIXED_DAYS_OFF: &[(u32, u32)] = &[(1, 1), (4, 30), (5, 1), (9, 2)];

/// The days off and make-up working days that deadlines count with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    days_off: BTreeSet<NaiveDate>,
    make_up: BTreeSet<NaiveDate>,
}

/// A date a period ends on, and whether it was counted through a year whose
/// days off are not announced yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub due: NaiveDate,
    pub estimated: bool,
}

fn date(year: i32, (month, day): (u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn shipped(year: i32) -> Option<&'static Year> {
    SHIPPED.iter().find(|y| y.year == year)
}

impl Calendar {
    /// The shipped calendar, plus `days_off` and `make_up` days of one's own.
    /// A day listed both ways is worked: a make-up day is the exception.
    pub fn new(days_off: &[NaiveDate], make_up: &[NaiveDate]) -> Calendar {
        let mut calendar = Calendar::default();
        for year in SHIPPED {
            calendar
                .days_off
                .extend(year.days_off.iter().filter_map(|&d| date(year.year, d)));
            calendar
                .make_up
                .extend(year.make_up.iter().filter_map(|&d| date(year.year, d)));
        }
        calendar.days_off.extend(days_off);
        calendar.make_up.extend(make_up);
        calendar
    }

    /// The calendar a meeting's deadlines count with.
    pub fn of(details: &MeetingDetails) -> Calendar {
        Calendar::new(&details.holidays, &details.make_up_days)
    }

    fn is_day_off(&self, day: NaiveDate) -> bool {
        if self.days_off.contains(&day) {
            return true;
        }
        if shipped(day.year()).is_some() {
            return false;
        }
        // After 2025, 24/11 (Vietnamese Culture Day) too.
        FIXED_DAYS_OFF
            .iter()
            .chain(if day.year() >= 2026 {
                &[(11, 24)][..]
            } else {
                &[]
            })
            .any(|&(m, d)| day.month() == m && day.day() == d)
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.make_up.contains(&day) {
            return true;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_day_off(day)
    }

    /// Whether `day`'s year has not had its days off announced (gavel does
    /// not ship it as announced).
    pub fn is_estimated(&self, day: NaiveDate) -> bool {
        !shipped(day.year()).is_some_and(|y| y.announced)
    }

    /// Whether counting from `from` to `to` goes through an estimated year.
    pub fn estimated_between(&self, from: NaiveDate, to: NaiveDate) -> bool {
        let (a, b) = if from <= to { (from, to) } else { (to, from) };
        (a.year()..=b.year())
            .any(|year| NaiveDate::from_ymd_opt(year, 1, 1).is_some_and(|d| self.is_estimated(d)))
    }

    /// `day` if it is a working day, else the next working day: where a
    /// period that ends on a day off ends.
    pub fn on_or_after(&self, day: NaiveDate) -> NaiveDate {
        let mut day = day;
        while !self.is_working_day(day) {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        day
    }

    /// The day that is `days` working days after `start` (start itself not
    /// counted). Zero days gives `start`.
    pub fn add_working_days(&self, start: NaiveDate, days: u32) -> NaiveDate {
        let mut day = start;
        let mut left = days;
        while left > 0 {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// The working day `days` working days before `day`.
    pub fn working_days_before(&self, day: NaiveDate, days: u32) -> NaiveDate {
        let mut date = day;
        let mut left = days;
        while left > 0 {
            let Some(previous) = date.pred_opt() else {
                break;
            };
            date = previous;
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        date
    }

    /// A period of `days` working days from `start`, and whether it counts
    /// through a year not yet announced.
    pub fn deadline(&self, start: NaiveDate, days: u32) -> Deadline {
        let due = self.add_working_days(start, days);
        Deadline {
            due,
            estimated: self.estimated_between(start, due),
        }
    }

    /// Working days from `from` to `to`: positive when `to` is later,
    /// negative when it has passed.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (start, end, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let count = start
            .iter_days()
            .skip(1)
            .take_while(|day| *day <= end)
            .filter(|day| self.is_working_day(*day))
            .count() as i64;
        sign * count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn shipped() -> Calendar {
        Calendar::new(&[], &[])
    }

    #[test]
    fn skips_weekends() {
        // Friday 2026-02-06 + 1 working day = Monday 2026-02-09.
        assert_eq!(shipped().add_working_days(d(2026, 2, 6), 1), d(2026, 2, 9));
        // 5/3 to 12/3: the five weekdays of Tết are off.
        assert_eq!(
            shipped().add_working_days(d(2026, 2, 5), 20),
            d(2026, 3, 12)
        );
    }

    #[test]
    fn tet_2026_is_off_the_start_day_is_not_counted() {
        // RULES.md's first worked example.
        let due = shipped().deadline(d(2026, 2, 13), 10);
        assert_eq!(due.due, d(2026, 3, 6));
        assert!(!due.estimated);
        assert_eq!(
            shipped().add_working_days(d(2026, 2, 13), 1),
            d(2026, 2, 23)
        );
        assert_eq!(
            shipped().working_days_between(d(2026, 2, 13), d(2026, 2, 23)),
            1
        );
        assert_eq!(
            shipped().working_days_between(d(2026, 2, 23), d(2026, 2, 13)),
            -1
        );
    }

    #[test]
    fn a_saturday_worked_in_exchange_counts() {
        // RULES.md's second worked example: Saturday 22/8/2026 is worked.
        let calendar = shipped();
        assert!(calendar.is_working_day(d(2026, 8, 22)));
        assert!(!calendar.is_working_day(d(2026, 8, 29)));
        assert!(!calendar.is_working_day(d(2026, 8, 31)));
        assert_eq!(calendar.add_working_days(d(2026, 8, 21), 5), d(2026, 8, 27));
        // 28/8 → 31/8, 1/9, 2/9 off → Thursday 3/9.
        assert_eq!(calendar.add_working_days(d(2026, 8, 27), 1), d(2026, 8, 28));
        assert_eq!(calendar.add_working_days(d(2026, 8, 28), 1), d(2026, 9, 3));
    }

    #[test]
    fn a_deadline_on_a_day_off_moves_to_the_next_working_day() {
        let calendar = shipped();
        // Monday 31/8/2026 off, 1–2/9 off: Thursday 3/9.
        assert_eq!(calendar.on_or_after(d(2026, 8, 31)), d(2026, 9, 3));
        // Sunday 26/4/2026, Monday 27/4 off: Tuesday 28/4.
        assert_eq!(calendar.on_or_after(d(2026, 4, 26)), d(2026, 4, 28));
        // A working day stays.
        assert_eq!(calendar.on_or_after(d(2026, 8, 22)), d(2026, 8, 22));
    }

    #[test]
    fn days_of_ones_own_are_added() {
        let plain = shipped();
        assert_eq!(plain.add_working_days(d(2026, 3, 2), 1), d(2026, 3, 3));
        let with_a_day_off = Calendar::new(&[d(2026, 3, 3)], &[]);
        assert_eq!(
            with_a_day_off.add_working_days(d(2026, 3, 2), 1),
            d(2026, 3, 4)
        );
        let with_a_saturday = Calendar::new(&[], &[d(2026, 3, 7)]);
        assert_eq!(
            with_a_saturday.add_working_days(d(2026, 3, 6), 1),
            d(2026, 3, 7)
        );
        // A make-up day wins over a day off listed for the same day.
        let both = Calendar::new(&[d(2026, 3, 7)], &[d(2026, 3, 7)]);
        assert!(both.is_working_day(d(2026, 3, 7)));
    }

    #[test]
    fn the_year_2027_is_estimated_and_later_years_know_only_fixed_days() {
        let calendar = shipped();
        assert!(calendar.is_estimated(d(2027, 3, 1)));
        assert!(!calendar.is_estimated(d(2026, 12, 31)));
        // From 25/1/2027, 10 working days through the estimated Tết
        // (4–10/2): 26–29/1, 1–3/2, 11–12/2, 15/2.
        let due = calendar.deadline(d(2027, 1, 25), 10);
        assert_eq!(due.due, d(2027, 2, 15));
        assert!(due.estimated);
        // December 2026 into January 2027: estimated too.
        assert!(calendar.deadline(d(2026, 12, 28), 5).estimated);
        assert!(!calendar.deadline(d(2026, 12, 1), 5).estimated);
        // 2028: 1/1, 30/4, 1/5, 2/9 and 24/11 off; the lunar days unknown.
        assert!(!calendar.is_working_day(d(2028, 5, 1)));
        assert!(!calendar.is_working_day(d(2028, 11, 24)));
        assert!(calendar.is_working_day(d(2028, 11, 23)));
        assert!(calendar.is_estimated(d(2028, 5, 1)));
    }

    #[test]
    fn counts_back() {
        assert_eq!(
            shipped().working_days_before(d(2026, 2, 23), 1),
            d(2026, 2, 13)
        );
    }
}
