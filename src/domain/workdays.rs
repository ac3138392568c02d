//! Working-day arithmetic for written-reply deadlines: weekends and the
//! meeting's configured public holidays are not working days.

use chrono::{Datelike, NaiveDate, Weekday};

pub fn is_working_day(day: NaiveDate, holidays: &[NaiveDate]) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&day)
}

/// The day that is `days` working days after `start` (start itself not
/// counted). Zero days gives `start`.
pub fn add_working_days(start: NaiveDate, days: u32, holidays: &[NaiveDate]) -> NaiveDate {
    let mut day = start;
    let mut left = days;
    while left > 0 {
        day = day.succ_opt().unwrap_or(day);
        if is_working_day(day, holidays) {
            left -= 1;
        }
    }
    day
}

/// Working days from `from` to `to`: positive when `to` is later, negative
/// when it has passed.
pub fn working_days_between(from: NaiveDate, to: NaiveDate, holidays: &[NaiveDate]) -> i64 {
    let (start, end, sign) = if from <= to {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let count = start
        .iter_days()
        .skip(1)
        .take_while(|day| *day <= end)
        .filter(|day| is_working_day(*day, holidays))
        .count() as i64;
    sign * count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn skips_weekends() {
        // Friday 2026-02-06 + 1 working day = Monday 2026-02-09.
        assert_eq!(add_working_days(d(2026, 2, 6), 1, &[]), d(2026, 2, 9));
        assert_eq!(add_working_days(d(2026, 2, 5), 20, &[]), d(2026, 3, 5));
    }

    #[test]
    fn skips_holidays() {
        let tet = [
            d(2026, 2, 16),
            d(2026, 2, 17),
            d(2026, 2, 18),
            d(2026, 2, 19),
            d(2026, 2, 20),
        ];
        assert_eq!(add_working_days(d(2026, 2, 13), 1, &tet), d(2026, 2, 23));
        assert_eq!(
            working_days_between(d(2026, 2, 13), d(2026, 2, 23), &tet),
            1
        );
        assert_eq!(
            working_days_between(d(2026, 2, 23), d(2026, 2, 13), &tet),
            -1
        );
    }
}
