//! `PartialDate`: a date known to the year, the month or the day, over chrono. No I/O.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// `YYYY`
    Year,
    /// `YYYY-MM`
    Month,
    /// `YYYY-MM-DD`
    Day,
}

impl Precision {
    /// The word used in JSON output and help: `year`, `month` or `day`.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A date with its precision. It sorts by the start of its period, then by precision
/// (a year before its first month, a month before its first day), and prints as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    start: NaiveDate,
    precision: Precision,
}

/// Month names in English, January first: one table for every place that writes them.
pub const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month abbreviations, January first: one table for every place that writes a month.
pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the error says what is wrong.
    pub fn parse(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let shape_ok = match parts.as_slice() {
            [y] => is_digits(y, 4),
            [y, m] => is_digits(y, 4) && is_digits(m, 2),
            [y, m, d] => is_digits(y, 4) && is_digits(m, 2) && is_digits(d, 2),
            _ => false,
        };
        if !shape_ok {
            return Err(format!(
                "invalid date \"{s}\": expected YYYY, YYYY-MM or YYYY-MM-DD"
            ));
        }
        let num = |p: &str| p.parse::<u32>().unwrap_or(0);
        let year = i32::try_from(num(parts[0])).unwrap_or(0);
        let month = parts.get(1).map_or(1, |m| num(m));
        let day = parts.get(2).map_or(1, |d| num(d));
        if !(1..=12).contains(&month) {
            return Err(format!(
                "invalid date \"{s}\": month {month} is not 01 to 12"
            ));
        }
        let Some(start) = NaiveDate::from_ymd_opt(year, month, day) else {
            return Err(format!(
                "invalid date \"{s}\": {} {year} has no day {day}",
                MONTHS[(month - 1) as usize]
            ));
        };
        let precision = match parts.len() {
            1 => Precision::Year,
            2 => Precision::Month,
            _ => Precision::Day,
        };
        Ok(Self { start, precision })
    }

    /// A date known to the day.
    pub fn from_day(date: NaiveDate) -> Self {
        Self {
            start: date,
            precision: Precision::Day,
        }
    }

    /// The first day of the period.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        let y = self.start.year();
        match self.precision {
            Precision::Day => self.start,
            Precision::Month => {
                let (ny, nm) = if self.start.month() == 12 {
                    (y + 1, 1)
                } else {
                    (y, self.start.month() + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(self.start)
            }
            Precision::Year => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(self.start),
        }
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.start.year()
    }

    /// The month (1 to 12), when known.
    pub fn month(&self) -> Option<u32> {
        (self.precision >= Precision::Month).then(|| self.start.month())
    }

    /// Short human form: `2025`, `Jul 2025`, `2025-07-26`.
    pub fn human(&self) -> String {
        match self.precision {
            Precision::Year => self.year().to_string(),
            Precision::Month => format!("{} {}", MONTHS[self.start.month0() as usize], self.year()),
            Precision::Day => self.to_string(),
        }
    }

    /// Whether the periods of `self` and `[from, to]` overlap (either bound open).
    pub fn overlaps(
        &self,
        end: Option<&PartialDate>,
        from: Option<&PartialDate>,
        to: Option<&PartialDate>,
    ) -> bool {
        let last = end.map_or(self.last_day(), PartialDate::last_day);
        from.is_none_or(|f| last >= f.start) && to.is_none_or(|t| self.start <= t.last_day())
    }
}

fn is_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start
            .cmp(&other.start)
            .then(self.precision.cmp(&other.precision))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.start;
        match self.precision {
            Precision::Year => write!(f, "{:04}", d.year()),
            Precision::Month => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

/// As written (`2025`, `2025-07`, `2025-07-26`): for the load cache.
impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_as_written() {
        for s in ["2025", "2025-07", "2025-07-26", "0999-01-01"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(
            PartialDate::parse("2025-07").unwrap().precision(),
            Precision::Month
        );
    }

    #[test]
    fn rejects_bad_dates_with_a_reason() {
        let e = PartialDate::parse("2025-13-01").unwrap_err();
        assert!(e.contains("month 13"), "{e}");
        let e = PartialDate::parse("2025-02-30").unwrap_err();
        assert!(e.contains("no day 30"), "{e}");
        for bad in [
            "",
            "25",
            "2025-7",
            "2025-07-1",
            "2025/07/01",
            "July 2025",
            "2025-07-26-1",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sorts_by_start_then_precision() {
        let mut v: Vec<PartialDate> = ["2025-07-26", "2025", "2025-07", "2024-12-31"]
            .iter()
            .map(|s| PartialDate::parse(s).unwrap())
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(s, ["2024-12-31", "2025", "2025-07", "2025-07-26"]);
    }

    #[test]
    fn periods_have_a_last_day_and_a_human_form() {
        let feb = PartialDate::parse("2024-02").unwrap();
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
        assert_eq!(feb.human(), "Feb 2024");
        let dec = PartialDate::parse("2025-12").unwrap();
        assert_eq!(dec.last_day().to_string(), "2025-12-31");
        assert_eq!(PartialDate::parse("2025").unwrap().human(), "2025");
    }

    #[test]
    fn overlap_uses_whole_periods() {
        let p = |s| PartialDate::parse(s).unwrap();
        let jul = p("2025-07");
        assert!(jul.overlaps(None, Some(&p("2025-07-31")), None));
        assert!(!jul.overlaps(None, Some(&p("2025-08")), None));
        assert!(jul.overlaps(None, None, Some(&p("2025-07-01"))));
        assert!(!jul.overlaps(None, None, Some(&p("2025-06"))));
        assert!(p("2024").overlaps(Some(&p("2026")), Some(&p("2025")), Some(&p("2025"))));
    }
}
