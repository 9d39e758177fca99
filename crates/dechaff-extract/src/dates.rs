//! Dates in the forms news pages print them, to ISO `YYYY-MM-DD`.

use regex::Regex;
use std::sync::OnceLock;

const MONTHS: [(&str, u32); 36] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    ("mär", 3),
];

pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == lower).map(|(_, n)| *n)
}

struct DatePatterns {
    iso: Regex,
    month_day_year: Regex,
    day_month_year: Regex,
    dotted: Regex,
    slashed_iso: Regex,
    slashed: Regex,
    dashed: Regex,
}

pub fn warm_up() {
    date_patterns();
}

fn date_patterns() -> &'static DatePatterns {
    static P: OnceLock<DatePatterns> = OnceLock::new();
    P.get_or_init(|| {
        let month = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Januar|Februar|März|Maerz|Mai|Juni|Juli|Oktober|Dezember|Okt|Dez)\.?";
        // Constant patterns: a failure to compile is a build defect.
        let re = crate::patterns::compile;
        DatePatterns {
            iso: re(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})"),
            // A year may run into a capitalised name from the next inline element
            // ("Dec 17, 2025Julian Arni").
            month_day_year: re(&format!(r"(?i)\b{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})(?:\b|(?-i:[A-Z]))")),
            day_month_year: re(&format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{month},?\s+((?:19|20)\d{{2}})(?:\b|(?-i:[A-Z]))")),
            dotted: re(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b"),
            // "2025/12/08", and East Asian sites' "2023.12.08" (two digits each: a
            // version number, "2024.1.2", has fewer).
            slashed_iso: re(r"\b((?:19|20)\d{2})(?:/(\d{1,2})/(\d{1,2})|\.(\d{2})\.(\d{2}))\b"),
            slashed: re(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b"),
            dashed: re(r"\b(\d{1,2})-(\d{1,2})-((?:19|20)\d{2})\b"),
        }
    })
}

fn iso(year: &str, month: u32, day: &str) -> Option<String> {
    let day: u32 = day.parse().ok()?;
    let year: u32 = year.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The first full date (day, month and year) in `s`, as `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    // Every form has a year in digits; most lines asked have no digit at all.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Inline elements run together by the page's markup ("Mental HealthDECEMBER 22,
    // 2022", "Yucy3/4/2025") hide a date's word boundary: read such a line with a
    // space at each seam.
    let unglued = unglued(s);
    let s = unglued.as_deref().unwrap_or(s);
    let p = date_patterns();
    let mut found: Vec<(usize, String)> = Vec::new();
    if let Some(c) = p.iso.captures(s) {
        if let Some(d) = iso(&c[1], c[2].parse().ok()?, &c[3]) {
            found.push((c.get(0)?.start(), d));
        }
    }
    if let Some(c) = p.month_day_year.captures(s) {
        if let Some(d) = month_number(&c[1]).and_then(|m| iso(&c[3], m, &c[2])) {
            found.push((c.get(0)?.start(), d));
        }
    }
    if let Some(c) = p.day_month_year.captures(s) {
        if let Some(d) = month_number(&c[2]).and_then(|m| iso(&c[3], m, &c[1])) {
            found.push((c.get(0)?.start(), d));
        }
    }
    if let Some(c) = p.dotted.captures(s) {
        if let Some(d) = c[2].parse().ok().and_then(|m| iso(&c[3], m, &c[1])) {
            found.push((c.get(0)?.start(), d));
        }
    }
    if let Some(c) = p.slashed_iso.captures(s) {
        let (month, day) = match (c.get(2), c.get(3)) {
            (Some(m), Some(d)) => (m.as_str(), d.as_str()),
            _ => (c.get(4)?.as_str(), c.get(5)?.as_str()),
        };
        if let Some(d) = month.parse().ok().and_then(|m| iso(&c[1], m, day)) {
            found.push((c.get(0)?.start(), d));
        }
    }
    if let Some(c) = p.slashed.captures(s) {
        if let Some(d) = month_first(&c[1], &c[2]).and_then(|(m, d)| iso(&c[3], m, d)) {
            found.push((c.get(0)?.start(), d));
        }
    }
    if let Some(c) = p.dashed.captures(s) {
        if let Some(d) = unambiguous(&c[1], &c[2]).and_then(|(m, d)| iso(&c[3], m, d)) {
            found.push((c.get(0)?.start(), d));
        }
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, d)| d)
}

/// Month and day of a dashed date ("11-29-2024", "29-11-2024") when only one order
/// makes a date: forums write the American order this way (vBulletin), Europeans the
/// other, and "03-04-2025" could be either.
fn unambiguous<'a>(first: &'a str, second: &'a str) -> Option<(u32, &'a str)> {
    let (a, b): (u32, u32) = (first.parse().ok()?, second.parse().ok()?);
    match (a > 12, b > 12) {
        (true, false) => Some((b, first)),
        (false, true) => Some((a, second)),
        _ => None,
    }
}

/// `s` with a space at each seam where two inline elements ran together: a lower-case
/// letter before a capital or a digit. `None` when there is no seam, the common case.
fn unglued(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let seam = |i: usize| {
        bytes[i].is_ascii_lowercase()
            && (bytes[i + 1].is_ascii_uppercase() || bytes[i + 1].is_ascii_digit())
    };
    let first = (0..bytes.len().saturating_sub(1)).find(|&i| seam(i))?;
    let mut out = String::with_capacity(s.len() + 4);
    out.push_str(&s[..=first]);
    let mut last = first + 1;
    for i in first + 1..bytes.len() - 1 {
        if seam(i) {
            // A seam's bytes are ASCII: `i + 1` is a character boundary.
            out.push_str(&s[last..=i]);
            out.push(' ');
            last = i + 1;
        }
    }
    out.push(' ');
    out.push_str(&s[last..]);
    Some(out)
}

/// Month and day of a slashed date ("3/4/2025"). A first number over 12 can only be a
/// day (the European order); otherwise the month comes first, as on the American sites
/// that write dates this way (Europeans mostly write them with dots).
fn month_first<'a>(first: &'a str, second: &'a str) -> Option<(u32, &'a str)> {
    let a: u32 = first.parse().ok()?;
    if a > 12 {
        Some((second.parse().ok()?, first))
    } else {
        Some((a, second))
    }
}

/// The date in a page's address, as a year, month and day path, ISO: "/2025/12/18/",
/// or with the month's name, "/2023/october/03/".
pub(crate) fn url_date(url: &str) -> Option<String> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let [y, m, d] = [w[0], w[1], w[2]];
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let month = if digits(m, 2) {
            m.parse().ok()?
        } else if m.len() >= 3 && m.bytes().all(|b| b.is_ascii_alphabetic()) {
            month_number(m)?
        } else {
            return None;
        };
        (digits(y, 4) && digits(d, 2) && (y.starts_with("19") || y.starts_with("20")))
            .then(|| format!("{y}-{month:02}-{d}"))
            .filter(|iso| dechaff_schema::is_iso_date(iso))
    })
}

/// An ISO date with its day and month exchanged, when both readings are dates.
pub(crate) fn swapped(iso: &str) -> Option<String> {
    let (y, rest) = iso.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    let other = format!("{y}-{d}-{m}");
    (other != iso && dechaff_schema::is_iso_date(&other)).then_some(other)
}

/// How many days lie between two ISO dates.
pub(crate) fn days_apart(a: &str, b: &str) -> Option<i64> {
    Some((days_since_epoch(a)? - days_since_epoch(b)?).abs())
}

/// Days from 1970-01-01 to an ISO date (Howard Hinnant's days-from-civil).
fn days_since_epoch(iso: &str) -> Option<i64> {
    let mut parts = iso.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slashed_dates_put_the_month_first_unless_it_cannot_be() {
        assert_eq!(
            parse_date("Updated: 10/31/2024").as_deref(),
            Some("2024-10-31")
        );
        assert_eq!(parse_date("3/4/2025").as_deref(), Some("2025-03-04"));
        assert_eq!(parse_date("25/12/2023").as_deref(), Some("2023-12-25"));
        assert_eq!(parse_date("13/13/2023"), None);
        // A fraction or a score is no date.
        assert_eq!(parse_date("3/4 of 2025 votes"), None);
    }

    #[test]
    fn year_first_dates_take_slashes_or_dots() {
        assert_eq!(parse_date("2025/12/8").as_deref(), Some("2025-12-08"));
        assert_eq!(parse_date("2023.12.08").as_deref(), Some("2023-12-08"));
        assert_eq!(
            parse_date("Views 2,431 | 2023.02.15").as_deref(),
            Some("2023-02-15")
        );
        // A version number is no date.
        assert_eq!(parse_date("IntelliJ IDEA 2024.1.2"), None);
    }

    #[test]
    fn dashed_dates_are_read_in_the_one_order_that_makes_a_date() {
        assert_eq!(
            parse_date("11-29-2024, 02:05 PM").as_deref(),
            Some("2024-11-29")
        );
        assert_eq!(parse_date("29-11-2024").as_deref(), Some("2024-11-29"));
        // Either order makes a date: none is taken.
        assert_eq!(parse_date("03-04-2025"), None);
    }

    #[test]
    fn address_dates_swaps_and_distances() {
        assert_eq!(
            url_date("https://whatever.example/2025/12/18/the-december-watch").as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(
            url_date("https://www.example.org/blog/2023/october/03/wine-types/").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(url_date("https://example.org/2023/blog/03/x"), None);
        assert_eq!(url_date("https://example.org/blog/2025/notes"), None);
        assert_eq!(url_date("https://example.org/2025/13/40/x"), None);
        assert_eq!(swapped("2024-10-09").as_deref(), Some("2024-09-10"));
        assert_eq!(swapped("2024-10-13"), None);
        assert_eq!(swapped("2024-05-05"), None);
        assert_eq!(days_apart("2025-12-19", "2025-12-18"), Some(1));
        assert_eq!(days_apart("2025-01-01", "2024-12-31"), Some(1));
        assert_eq!(days_apart("2024-03-01", "2024-02-28"), Some(2));
    }

    #[test]
    fn common_forms() {
        assert_eq!(
            parse_date("2024-03-05T10:00:00+02:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            parse_date("Posted on March 5, 2024 by X").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            parse_date("Updated: 5 Mar. 2024, 10:31").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(parse_date("05.03.2024").as_deref(), Some("2024-03-05"));
        assert_eq!(parse_date("5. März 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(parse_date("Sept 30th, 2021").as_deref(), Some("2021-09-30"));
        assert_eq!(parse_date("in 2024"), None);
        // Inline elements run together.
        assert_eq!(
            parse_date("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026").as_deref(),
            Some("2022-12-22")
        );
        assert_eq!(parse_date("Yucy3/4/2025").as_deref(), Some("2025-03-04"));
        // A seam after a word with a non-ASCII letter.
        assert_eq!(
            parse_date("Zürich5 March 2024").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(parse_date("2024-13-40"), None);
    }
}
