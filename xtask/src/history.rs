//! `eval/history.csv`: the headline figures of every blessed run, one row per set
//! (`bundled/all`, `bundled/dev`, ...) per `cargo xtask eval --bless`, with the date
//! (UTC) and the commit the run started from. The HTML report draws its history chart
//! from it. Columns are read by name, so a column added later does not break old rows.

use crate::eval::Report;
use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Metric columns, and the `Summary::metrics` name each one copies.
pub const METRICS: [(&str, &str); 12] = [
    ("words_f1", "body.words.f1"),
    ("words_precision", "body.words.precision"),
    ("words_recall", "body.words.recall"),
    ("paragraphs_f1", "body.paragraphs.f1"),
    ("entities_f1", "entities.exact.all.f1"),
    ("entities_gold_body_f1", "entities.gold_body.exact.all.f1"),
    ("title", "fields.title"),
    ("byline", "fields.byline"),
    ("published", "fields.published"),
    ("section", "fields.section"),
    ("sources", "fields.sources"),
    ("related", "fields.related"),
];

const KEYS: [&str; 4] = ["date", "commit", "set", "pages"];

/// One blessed set.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryRow {
    /// `2026-11-24T03:36:33Z`.
    pub date: String,
    pub commit: String,
    /// `<corpus>/<set>`, as the baseline names it.
    pub set: String,
    pub pages: usize,
    /// Metric column -> value; a metric the set does not have is absent.
    pub values: BTreeMap<String, f64>,
}

impl HistoryRow {
    pub fn get(&self, column: &str) -> Option<f64> {
        self.values.get(column).copied()
    }
}

/// The rows a run adds: one per set of the report.
pub fn rows_for(report: &Report, date: &str, commit: &str) -> Vec<HistoryRow> {
    report
        .summaries
        .iter()
        .map(|s| {
            let metrics: BTreeMap<String, f64> = s.metrics().into_iter().collect();
            HistoryRow {
                date: date.to_string(),
                commit: commit.to_string(),
                set: format!("{}/{}", report.corpus, s.name),
                pages: s.pages,
                values: METRICS
                    .iter()
                    .filter_map(|(col, key)| metrics.get(*key).map(|v| (col.to_string(), *v)))
                    .collect(),
            }
        })
        .collect()
}

/// Reads the history; `None` when the file does not exist. A malformed row is an
/// error naming the file and the line.
pub fn load(path: &Path) -> Result<Option<Vec<HistoryRow>>> {
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    parse(&text, path).map(Some)
}

fn parse(text: &str, path: &Path) -> Result<Vec<HistoryRow>> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .with_context(|| format!("{}: line 1: not a CSV header", path.display()))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let mut keys = [0; 4];
    for (slot, name) in keys.iter_mut().zip(KEYS) {
        *slot = column(name).with_context(|| {
            format!(
                "{}: line 1: no {name:?} column (expected {})",
                path.display(),
                expected_header()
            )
        })?;
    }
    let metric_columns: Vec<(&str, usize)> = METRICS
        .iter()
        .filter_map(|(name, _)| column(name).map(|i| (*name, i)))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, e))?;
        let line = record.position().map_or(0, |p| p.line());
        let at = |what: String| format!("{}: line {line}: {what}", path.display());
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let date = field(keys[0]);
        if !is_date(date) {
            bail!(at(format!(
                "date {date:?} is not a date (2026-11-24 or 2026-11-24T03:36:33Z)"
            )));
        }
        let set = field(keys[2]);
        if set.is_empty() {
            bail!(at("empty set name".into()));
        }
        let pages = field(keys[3]);
        let pages: usize = pages
            .parse()
            .map_err(|_| anyhow::anyhow!(at(format!("pages {pages:?} is not a count"))))?;
        let mut values = BTreeMap::new();
        for (name, i) in &metric_columns {
            let raw = field(*i);
            if raw.is_empty() {
                continue;
            }
            let v: f64 = raw
                .parse()
                .map_err(|_| anyhow::anyhow!(at(format!("{name} {raw:?} is not a number"))))?;
            if !(0.0..=1.0).contains(&v) {
                bail!(at(format!("{name} {raw:?} is outside 0..1")));
            }
            values.insert(name.to_string(), v);
        }
        rows.push(HistoryRow {
            date: date.to_string(),
            commit: field(keys[1]).to_string(),
            set: set.to_string(),
            pages,
            values,
        });
    }
    Ok(rows)
}

fn expected_header() -> String {
    KEYS.iter()
        .copied()
        .chain(METRICS.iter().map(|(c, _)| *c))
        .collect::<Vec<_>>()
        .join(",")
}

/// `YYYY-MM-DD`, optionally followed by a time.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && (b.len() == 10 || b[10] == b'T' || b[10] == b' ')
}

/// Appends rows, rewriting the file in the current column order (old rows keep their
/// values; columns they lack stay empty). Fails, changing nothing, when the existing
/// file is malformed.
pub fn append(path: &Path, new_rows: &[HistoryRow]) -> Result<()> {
    let mut rows = load(path)?.unwrap_or_default();
    rows.extend(new_rows.iter().cloned());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    std::fs::write(path, render(&rows)?).with_context(|| path.display().to_string())
}

fn render(rows: &[HistoryRow]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(expected_header().split(','))?;
    for r in rows {
        let mut record = vec![
            r.date.clone(),
            r.commit.clone(),
            r.set.clone(),
            r.pages.to_string(),
        ];
        for (col, _) in METRICS {
            record.push(r.get(col).map_or(String::new(), |v| format!("{v:.4}")));
        }
        w.write_record(&record)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// The current time in UTC, `2026-11-24T03:36:33Z`.
pub fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    utc_timestamp(secs)
}

fn utc_timestamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The short hash of the commit checked out, or "unknown" outside a git checkout.
pub fn current_commit(repo: &Path) -> String {
    Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// A CSV reading error, named by file and line.
pub fn csv_error(path: &std::path::Path, e: csv::Error) -> anyhow::Error {
    let line = e.position().map_or(0, |p| p.line());
    anyhow::anyhow!("{}: line {line}: {e}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(set: &str, f1: f64) -> HistoryRow {
        HistoryRow {
            date: "2026-11-24T03:36:33Z".into(),
            commit: "abc1234".into(),
            set: set.into(),
            pages: 50,
            values: [("words_f1".to_string(), f1)].into_iter().collect(),
        }
    }

    #[test]
    fn timestamps_are_utc_calendar_dates() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_795_491_393), "2026-11-24T03:36:33Z");
    }

    #[test]
    fn rows_round_trip_and_append() {
        let dir = std::env::temp_dir().join(format!("xtask-history-{}", std::process::id()));
        let path = dir.join("history.csv");
        let _ = std::fs::remove_file(&path);
        append(&path, &[row("bundled/all", 0.94)]).unwrap();
        append(&path, &[row("bundled/all", 0.95), row("bundled/dev", 0.99)]).unwrap();
        let rows = load(&path).unwrap().unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], row("bundled/all", 0.95));
        assert_eq!(rows[2].get("entities_f1"), None);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("date,commit,set,pages,words_f1,"),
            "{text}"
        );
        assert_eq!(text.lines().count(), 4);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(load(&path).unwrap().is_none());
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let p = Path::new("eval/history.csv");
        let err = |text: &str| parse(text, p).unwrap_err().to_string();
        let head = "date,commit,set,pages,words_f1\n";
        let ok = "2026-11-24,abc,bundled/all,100,0.9\n";
        assert_eq!(parse(&format!("{head}{ok}"), p).unwrap().len(), 1);
        let e = err(&format!("{head}{ok}2026-11-25,abc,bundled/all,100,zero\n"));
        assert!(
            e.starts_with("eval/history.csv: line 3: words_f1 \"zero\" is not a number"),
            "{e}"
        );
        let e = err(&format!("{head}yesterday,abc,bundled/all,100,0.9\n"));
        assert!(e.starts_with("eval/history.csv: line 2: date"), "{e}");
        let e = err(&format!("{head}{ok}2026-11-25,abc\n"));
        assert!(e.starts_with("eval/history.csv: line 3:"), "{e}");
        let e = err("when,what\n");
        assert!(e.contains("line 1: no \"date\" column"), "{e}");
        let e = err(&format!("{head}2026-11-24,abc,bundled/all,100,1.5\n"));
        assert!(e.contains("outside 0..1"), "{e}");
    }
}
