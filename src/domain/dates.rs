//! Dates as people type and read them: dd/mm/yyyy as written in Vietnam,
//! or ISO yyyy-mm-dd.

use chrono::NaiveDate;

/// dd/mm/yyyy, or ISO yyyy-mm-dd.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
}

pub fn format_date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_spellings() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5);
        assert_eq!(parse_date("05/03/2026"), day);
        assert_eq!(parse_date("2026-03-05"), day);
        assert_eq!(parse_date("5 March"), None);
        assert_eq!(format_date(day.unwrap()), "05/03/2026");
    }
}
