//! Dates, times, durations and counts as the minutes write them.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta};

use crate::i18n::Lang;

/// The date of issue in full, as Vietnamese official documents write it:
/// "ngày 05 tháng 02 năm 2026". Decree 30/2020/NĐ-CP asks for a leading zero
/// on days below 10 and on months 1 and 2 only, so March is "tháng 3".
pub fn vietnamese_full_date(date: NaiveDate) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// "5 February 2026".
pub fn english_full_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// A date in running text: "05/02/2026" in Vietnamese, "5 February 2026"
/// in English (where dd/mm would be read the wrong way round by some).
pub fn running_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => date.format("%d/%m/%Y").to_string(),
        Lang::En => english_full_date(date),
    }
}

/// "08:40".
pub fn clock_time(at: DateTime<FixedOffset>) -> String {
    at.format("%H:%M").to_string()
}

/// The time in the closing line: "10 giờ 05 phút" / "10:05".
pub fn spelled_time(at: DateTime<FixedOffset>, lang: Lang) -> String {
    match lang {
        Lang::Vi => at.format("%H giờ %M phút").to_string(),
        Lang::En => clock_time(at),
    }
}

/// A length of time: "2 phút 41 giây", "45 giây", "6 phút" / "2 min 41 s".
pub fn duration(delta: TimeDelta, lang: Lang) -> String {
    let total = delta.num_seconds().max(0);
    let (minutes, seconds) = (total / 60, total % 60);
    let (min, sec) = match lang {
        Lang::Vi => ("phút", "giây"),
        Lang::En => ("min", "s"),
    };
    match (minutes, seconds) {
        (0, s) => format!("{s} {sec}"),
        (m, 0) => format!("{} {min}", count(m.unsigned_abs(), lang)),
        (m, s) => format!("{} {min} {s} {sec}", count(m.unsigned_abs(), lang)),
    }
}

/// A whole number with thousands grouped: "1.234" in Vietnamese (GLOSSARY:
/// "." for thousands), "1,234" in English.
pub fn count(n: u64, lang: Lang) -> String {
    let separator = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

// The date of issue is tested in tests/minutes.rs.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_counts() {
        assert_eq!(
            duration(TimeDelta::seconds(161), Lang::Vi),
            "2 phút 41 giây"
        );
        assert_eq!(duration(TimeDelta::seconds(161), Lang::En), "2 min 41 s");
        assert_eq!(duration(TimeDelta::seconds(45), Lang::Vi), "45 giây");
        assert_eq!(duration(TimeDelta::seconds(360), Lang::En), "6 min");
        assert_eq!(count(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(count(1_234, Lang::En), "1,234");
        assert_eq!(count(999, Lang::Vi), "999");
    }
}
