//! Calendar dates as the IR keeps them: checked on the way in, written
//! everywhere in ISO 8601 ("2004-12-20").

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Date;

impl Date {
    /// The date, if it exists in the Gregorian calendar (years 1–9999).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a string is not an ISO date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotADate;

impl fmt::Display for NotADate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a date YYYY-MM-DD")
    }
}

impl std::error::Error for NotADate {}

impl FromStr for Date {
    type Err = NotADate;
    /// "2004-12-20", exactly.
    fn from_str(s: &str) -> Result<Date, NotADate> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b[r.clone()]
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| s[r].parse::<u32>().ok())
                .flatten()
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(NotADate);
        }
        match (digits(0..4), digits(5..7), digits(8..10)) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m, d).ok_or(NotADate),
            _ => Err(NotADate),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Only real dates, as [`Date::new`] makes them: the fuzz targets build
/// the IR from arbitrary bytes (`--features arbitrary`).
#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for Date {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Date> {
        let year = u.int_in_range(1..=9999)?;
        let month = u.int_in_range(1..=12)?;
        let day = u.int_in_range(1..=31)?;
        Ok(Date::new(year, month, day)
            .or_else(|| Date::new(year, month, 28))
            .expect("day 28 exists in every month"))
    }

    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (0, Some(12))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_and_writes_iso() {
        assert_eq!(
            Date::new(2004, 2, 29).map(|d| d.to_string()).as_deref(),
            Some("2004-02-29")
        );
        assert_eq!(Date::new(1900, 2, 29), None);
        assert_eq!(Date::new(2023, 13, 1), None);
        assert_eq!("2004-12-20".parse(), Ok(Date::new(2004, 12, 20).unwrap()));
        for bad in [
            "2004-12-32",
            "2004-1-20",
            "20041220",
            "2004-12-2x",
            "２００４-12-20",
            "",
        ] {
            assert_eq!(bad.parse::<Date>(), Err(NotADate), "{bad}");
        }
        let d = Date::new(2005, 2, 23).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2005-02-23\"");
        assert_eq!(serde_json::from_str::<Date>("\"2005-02-23\"").unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"23 February 2005\"").is_err());
    }
}
