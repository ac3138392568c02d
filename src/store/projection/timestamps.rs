//! The times in the projection tables: written in one fixed form, and read
//! back quickly in that form or the general way in any other.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use crate::domain::*;

pub fn format_ts(at: &Timestamp) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Reads a time as gavel writes it ("2026-02-05T01:00:00.000Z") quickly,
/// and any other RFC 3339 time the general way.
pub fn parse_ts(text: &str) -> Option<Timestamp> {
    parse_ts_millis_z(text).or_else(|| {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    })
}

/// The fixed form `format_ts` writes; `None` for anything else. (Opening a
/// large meeting parses a few hundred thousand of these.)
fn parse_ts_millis_z(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    if b.len() != 24
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'.'
        || b[23] != b'Z'
    {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?;
    let time = date.and_hms_milli_opt(
        number(11..13)?,
        number(14..16)?,
        number(17..19)?,
        number(20..23)?,
    )?;
    Some(time.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_back_exactly_by_the_quick_and_the_general_way() {
        let at = DateTime::parse_from_rfc3339("2026-02-05T01:02:03.456Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(parse_ts(&format_ts(&at)), Some(at));
        assert_eq!(parse_ts_millis_z("2026-02-05T01:02:03.456Z"), Some(at));
        assert_eq!(parse_ts("2026-02-05T08:02:03.456+07:00"), Some(at));
        assert_eq!(parse_ts_millis_z("2026-02-30T01:02:03.456Z"), None);
        assert_eq!(parse_ts_millis_z("2026-02-05T01:02:03.4x6Z"), None);
        assert_eq!(parse_ts("nonsense"), None);
    }
}
