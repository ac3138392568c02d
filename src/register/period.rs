//! The period a report covers: a month (`2026-03`), a quarter (`2026-Q1`),
//! a half year (`2026-H1`), the first N months of a year (`2026-9M`, as
//! leadership reports "6 tháng", "9 tháng"), a year (`2026`), or any two
//! days (`--from`/`--to`). Pure: parsing, the days it spans, its name.

use chrono::{Datelike, NaiveDate};

use crate::i18n::Lang;

/// What kind of period it is: it decides how the period is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Month(u32),
    Quarter(u32),
    Half(u32),
    /// The first N months of the year.
    FirstMonths(u32),
    Year,
    /// Any two days.
    Days,
}

/// A stretch of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub span: Span,
}

impl Period {
    /// `2026-03`, `2026-Q1`, `2026-H2`, `2026-9M`, `2026` (case does not
    /// matter; `03/2026`, `Q1/2026`, `H1/2026` and `9M/2026` too, as
    /// Vietnamese offices write them). `None` for anything else.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim().to_ascii_uppercase();
        if let Ok(year) = text.parse::<i32>() {
            return Period::months(year, 1, 12, Span::Year);
        }
        let (year, part) = match (text.split_once('-'), text.split_once('/')) {
            (Some((year, part)), _) => (year, part),
            (None, Some((part, year))) => (year, part),
            _ => return None,
        };
        let year: i32 = year.parse().ok().filter(|y| (1900..=9999).contains(y))?;
        let number = |digits: &str| digits.parse::<u32>().ok();
        if let Some(q) = part.strip_prefix('Q') {
            let q = number(q).filter(|q| (1..=4).contains(q))?;
            return Period::months(year, q * 3 - 2, q * 3, Span::Quarter(q));
        }
        if let Some(h) = part.strip_prefix('H') {
            let h = number(h).filter(|h| (1..=2).contains(h))?;
            return Period::months(year, h * 6 - 5, h * 6, Span::Half(h));
        }
        if let Some(n) = part.strip_suffix('M') {
            let n = number(n).filter(|n| (1..=12).contains(n))?;
            return Period::months(year, 1, n, Span::FirstMonths(n));
        }
        let month = number(part).filter(|m| (1..=12).contains(m))?;
        Period::months(year, month, month, Span::Month(month))
    }

    /// From `from` to `to`, both included; `None` when `to` comes first.
    pub fn days(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period {
            from,
            to,
            span: Span::Days,
        })
    }

    /// The months `first..=last` of `year`.
    fn months(year: i32, first: u32, last: u32, span: Span) -> Option<Period> {
        let from = NaiveDate::from_ymd_opt(year, first, 1)?;
        let next = if last == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, last + 1, 1)?
        };
        Some(Period {
            from,
            to: next.pred_opt()?,
            span,
        })
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// "tháng 3 năm 2026", "quý I năm 2026", "6 tháng đầu năm 2026"; "March
    /// 2026", "the first quarter of 2026"…
    pub fn name(&self, lang: Lang) -> String {
        let year = self.from.year();
        let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        match (lang, self.span) {
            (Lang::Vi, Span::Month(m)) => format!("tháng {m} năm {year}"),
            (Lang::Vi, Span::Quarter(q)) => format!("quý {} năm {year}", roman(q)),
            (Lang::Vi, Span::Half(1)) => format!("6 tháng đầu năm {year}"),
            (Lang::Vi, Span::Half(_)) => format!("6 tháng cuối năm {year}"),
            (Lang::Vi, Span::FirstMonths(n)) => format!("{n} tháng đầu năm {year}"),
            (Lang::Vi, Span::Year) => format!("năm {year}"),
            // One end left open (`--from` or `--to` alone) is not named.
            (Lang::Vi, Span::Days) if self.to == NaiveDate::MAX => {
                format!("từ ngày {}", day(self.from))
            }
            (Lang::Vi, Span::Days) if self.from == NaiveDate::MIN => {
                format!("đến ngày {}", day(self.to))
            }
            (Lang::Vi, Span::Days) => {
                format!("từ ngày {} đến ngày {}", day(self.from), day(self.to))
            }
            (Lang::En, Span::Days) if self.to == NaiveDate::MAX => {
                format!("since {}", day(self.from))
            }
            (Lang::En, Span::Days) if self.from == NaiveDate::MIN => {
                format!("up to {}", day(self.to))
            }
            (Lang::En, Span::Month(_)) => self.from.format("%B %Y").to_string(),
            (Lang::En, Span::Quarter(q)) => format!("the {} quarter of {year}", ordinal(q)),
            (Lang::En, Span::Half(1)) => format!("the first half of {year}"),
            (Lang::En, Span::Half(_)) => format!("the second half of {year}"),
            (Lang::En, Span::FirstMonths(n)) => format!("the first {n} months of {year}"),
            (Lang::En, Span::Year) => format!("the year {year}"),
            (Lang::En, Span::Days) => format!("{} to {}", day(self.from), day(self.to)),
        }
    }
}

fn roman(n: u32) -> &'static str {
    ["I", "II", "III", "IV"]
        .get(n as usize - 1)
        .copied()
        .unwrap_or("")
}

fn ordinal(n: u32) -> &'static str {
    ["first", "second", "third", "fourth"]
        .get(n as usize - 1)
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ends(text: &str) -> (NaiveDate, NaiveDate) {
        let p = Period::parse(text).unwrap_or_else(|| panic!("{text} not read"));
        (p.from, p.to)
    }

    #[test]
    fn each_kind_of_period_spans_its_days() {
        assert_eq!(ends("2026-02"), (d(2026, 2, 1), d(2026, 2, 28)));
        assert_eq!(ends("2028-02"), (d(2028, 2, 1), d(2028, 2, 29)));
        assert_eq!(ends("02/2026"), ends("2026-02"));
        assert_eq!(ends("2026-Q1"), (d(2026, 1, 1), d(2026, 3, 31)));
        assert_eq!(ends("2026-q4"), (d(2026, 10, 1), d(2026, 12, 31)));
        assert_eq!(ends("Q2/2026"), (d(2026, 4, 1), d(2026, 6, 30)));
        assert_eq!(ends("2026-H1"), (d(2026, 1, 1), d(2026, 6, 30)));
        assert_eq!(ends("2026-H2"), (d(2026, 7, 1), d(2026, 12, 31)));
        assert_eq!(ends("2026-9M"), (d(2026, 1, 1), d(2026, 9, 30)));
        assert_eq!(ends("2026-6m"), ends("2026-H1"));
        assert_eq!(ends("2026"), (d(2026, 1, 1), d(2026, 12, 31)));
    }

    #[test]
    fn what_is_not_a_period_is_refused() {
        for text in [
            "",
            "2026-13",
            "2026-00",
            "2026-Q5",
            "2026-Q0",
            "2026-H3",
            "2026-13M",
            "2026-0M",
            "marzo",
            "2026-03-01",
            "26-03",
            "Q1",
        ] {
            assert_eq!(Period::parse(text), None, "{text}");
        }
        assert!(Period::days(d(2026, 3, 2), d(2026, 3, 1)).is_none());
        assert!(Period::days(d(2026, 3, 1), d(2026, 3, 1)).is_some());
    }

    #[test]
    fn a_period_contains_both_its_ends_and_nothing_outside() {
        let q1 = Period::parse("2026-Q1").unwrap();
        assert!(q1.contains(d(2026, 1, 1)) && q1.contains(d(2026, 3, 31)));
        assert!(!q1.contains(d(2025, 12, 31)) && !q1.contains(d(2026, 4, 1)));
    }

    #[test]
    fn periods_are_named_as_reports_name_them() {
        let name = |text: &str, lang| Period::parse(text).unwrap().name(lang);
        assert_eq!(name("2026-03", Lang::Vi), "tháng 3 năm 2026");
        assert_eq!(name("2026-Q1", Lang::Vi), "quý I năm 2026");
        assert_eq!(name("2026-H1", Lang::Vi), "6 tháng đầu năm 2026");
        assert_eq!(name("2026-9M", Lang::Vi), "9 tháng đầu năm 2026");
        assert_eq!(name("2026", Lang::Vi), "năm 2026");
        assert_eq!(name("2026-03", Lang::En), "March 2026");
        assert_eq!(name("2026-Q3", Lang::En), "the third quarter of 2026");
        let days = Period::days(d(2026, 3, 1), d(2026, 4, 15)).unwrap();
        assert_eq!(
            days.name(Lang::Vi),
            "từ ngày 01/03/2026 đến ngày 15/04/2026"
        );
    }
}
