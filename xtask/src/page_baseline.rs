//! Per-page figures of the last blessed run, `eval/pages-<corpus>.csv`, so that a PR
//! summary can name the pages that got better or worse. Written by `eval --bless` next
//! to `annotations/baseline.json` (which keeps per-set figures only and stays small);
//! one file per corpus, so blessing one corpus never touches another's pages.

use crate::eval::{PageResult, Report};
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What is kept of one page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageFigures {
    pub template: String,
    pub split: String,
    pub words_precision: f64,
    pub words_recall: f64,
    pub words_f1: f64,
    pub paragraphs_f1: f64,
    /// Entities, type + exact span, end to end; absent when the gold lists none.
    pub entities_f1: Option<f64>,
}

pub fn figures(page: &PageResult) -> PageFigures {
    let w = page.score.words;
    PageFigures {
        template: page.template.clone(),
        split: page.split.clone(),
        words_precision: w.precision,
        words_recall: w.recall,
        words_f1: w.f1,
        paragraphs_f1: page.score.paragraphs.prf().f1,
        entities_f1: page.has_entities().then(|| page.entities_exact().f1),
    }
}

/// `eval/pages-<corpus>.csv`, the corpus name made safe for a file name.
pub fn path_for(dir: &Path, corpus: &str) -> PathBuf {
    let safe: String = corpus
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    dir.join(format!("pages-{safe}.csv"))
}

const HEADER: [&str; 8] = [
    "id",
    "template",
    "split",
    "words_precision",
    "words_recall",
    "words_f1",
    "paragraphs_f1",
    "entities_f1",
];

pub fn write(path: &Path, report: &Report) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    let mut w = csv::Writer::from_path(path).with_context(|| path.display().to_string())?;
    w.write_record(HEADER)?;
    for p in &report.pages {
        let f = figures(p);
        let n = |v: f64| format!("{v:.4}");
        w.write_record([
            p.id().to_string(),
            f.template,
            f.split,
            n(f.words_precision),
            n(f.words_recall),
            n(f.words_f1),
            n(f.paragraphs_f1),
            f.entities_f1.map_or(String::new(), n),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// id -> figures; `None` when the corpus was never blessed with per-page figures.
pub fn load(path: &Path) -> Result<Option<BTreeMap<String, PageFigures>>> {
    if !path.exists() {
        return Ok(None);
    }
    let mut reader = csv::Reader::from_path(path).with_context(|| path.display().to_string())?;
    let headers = reader
        .headers()
        .with_context(|| path.display().to_string())?
        .clone();
    if headers.iter().ne(HEADER) {
        anyhow::bail!(
            "{}: line 1: expected the header {}",
            path.display(),
            HEADER.join(",")
        );
    }
    let mut out = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| crate::history::csv_error(path, e))?;
        let line = record.position().map_or(0, |p| p.line());
        let num = |i: usize| -> Result<f64> {
            let raw = &record[i];
            raw.parse().map_err(|_| {
                anyhow::anyhow!(
                    "{}: line {line}: {} {raw:?} is not a number",
                    path.display(),
                    HEADER[i]
                )
            })
        };
        out.insert(
            record[0].to_string(),
            PageFigures {
                template: record[1].to_string(),
                split: record[2].to_string(),
                words_precision: num(3)?,
                words_recall: num(4)?,
                words_f1: num(5)?,
                paragraphs_f1: num(6)?,
                entities_f1: if record[7].is_empty() {
                    None
                } else {
                    Some(num(7)?)
                },
            },
        );
    }
    Ok(Some(out))
}

/// One page whose figures moved.
#[derive(Clone, Debug, PartialEq)]
pub struct PageChange {
    pub id: String,
    pub before: PageFigures,
    pub after: PageFigures,
}

impl PageChange {
    pub fn words_delta(&self) -> f64 {
        self.after.words_f1 - self.before.words_f1
    }
    pub fn entities_delta(&self) -> Option<f64> {
        Some(self.after.entities_f1? - self.before.entities_f1?)
    }
}

/// This run's pages against the blessed ones.
#[derive(Debug, Default)]
pub struct Comparison {
    /// A figure fell (even if another rose), biggest body fall first.
    pub worse: Vec<PageChange>,
    /// A figure rose and none fell, biggest body rise first.
    pub better: Vec<PageChange>,
    pub unchanged: usize,
    /// Pages this run has and the blessed file lacks, and the reverse.
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// Figures are kept to four decimals; a page changed when a rounded figure did.
fn ticks(v: f64) -> i64 {
    (v * 10_000.0).round() as i64
}

pub fn compare(blessed: &BTreeMap<String, PageFigures>, report: &Report) -> Comparison {
    let mut c = Comparison::default();
    for page in &report.pages {
        let Some(before) = blessed.get(page.id()) else {
            c.added.push(page.id().to_string());
            continue;
        };
        let after = figures(page);
        let dw = ticks(after.words_f1) - ticks(before.words_f1);
        let de = match (after.entities_f1, before.entities_f1) {
            (Some(a), Some(b)) => ticks(a) - ticks(b),
            _ => 0,
        };
        let change = PageChange {
            id: page.id().to_string(),
            before: before.clone(),
            after,
        };
        if dw < 0 || de < 0 {
            c.worse.push(change);
        } else if dw > 0 || de > 0 {
            c.better.push(change);
        } else {
            c.unchanged += 1;
        }
    }
    let key = |p: &PageChange| (p.words_delta(), p.entities_delta().unwrap_or(0.0));
    c.worse.sort_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    c.better.sort_by(|a, b| {
        key(b)
            .partial_cmp(&key(a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    c.removed = blessed
        .keys()
        .filter(|id| !report.pages.iter().any(|p| p.id() == id.as_str()))
        .cloned()
        .collect();
    c
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use dechaff_schema::Article;
    use dechaff_score::{PageScore, Summary};

    /// A page whose prediction keeps `kept` of the gold's paragraphs and adds `chaff`.
    pub(crate) fn page(id: &str, gold: &[&str], predicted: &[&str]) -> PageResult {
        let art = |p: &[&str]| {
            let paragraphs: Vec<String> = p.iter().map(|s| s.to_string()).collect();
            Article {
                text: Article::join_paragraphs(&paragraphs),
                paragraphs,
                ..Article::default()
            }
        };
        let (g, p) = (art(gold), art(predicted));
        PageResult {
            template: "wire".into(),
            split: "dev".into(),
            format: "text",
            score: PageScore::new(id, &g, &p, &[], true, Some(&[])),
            gold_paragraphs: g.paragraphs,
            predicted_paragraphs: p.paragraphs,
        }
    }

    pub(crate) fn report(pages: Vec<PageResult>) -> Report {
        let scores: Vec<&PageScore> = pages.iter().map(|p| &p.score).collect();
        let all = Summary::from_pages("all", &scores);
        Report {
            corpus: "bundled".into(),
            summaries: vec![all],
            templates: Vec::new(),
            pages,
        }
    }

    #[test]
    fn written_figures_compare_equal_and_changes_are_sorted() {
        let before = report(vec![
            page("a", &["one two", "three"], &["one two", "three"]),
            page("b", &["one two", "three"], &["one two"]),
            page("c", &["x y"], &["x y", "menu"]),
            page("gone", &["z"], &["z"]),
        ]);
        let dir = std::env::temp_dir().join(format!("xtask-pages-{}", std::process::id()));
        let path = path_for(&dir, "wcxb dev/x");
        assert!(path.ends_with("pages-wcxb_dev_x.csv"));
        write(&path, &before).unwrap();
        let blessed = load(&path).unwrap().unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(blessed.len(), 4);
        assert_eq!(blessed["b"].words_recall, 0.6667);
        let same = compare(&blessed, &before);
        assert_eq!(
            (same.unchanged, same.worse.len(), same.better.len()),
            (4, 0, 0)
        );
        assert_eq!(same.removed, Vec::<String>::new());

        let after = report(vec![
            page("a", &["one two", "three"], &["one two"]),
            page("b", &["one two", "three"], &["one two", "three"]),
            page("c", &["x y"], &["x y"]),
            page("new", &["q"], &["q"]),
        ]);
        let c = compare(&blessed, &after);
        let ids = |v: &[PageChange]| v.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&c.worse), ["a"]);
        assert_eq!(ids(&c.better), ["b", "c"]);
        assert!(c.worse[0].words_delta() < 0.0);
        assert_eq!(
            (c.added, c.removed),
            (vec!["new".into()], vec!["gone".into()])
        );
    }

    #[test]
    fn a_bad_number_names_file_and_line() {
        let dir = std::env::temp_dir().join(format!("xtask-pages-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("pages-x.csv");
        std::fs::write(
            &path,
            format!(
                "{}\na,wire,dev,1,1,1,1,\nb,wire,dev,1,oops,1,1,\n",
                HEADER.join(",")
            ),
        )
        .unwrap();
        let err = load(&path).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            err.ends_with("line 3: words_recall \"oops\" is not a number"),
            "{err}"
        );
    }
}
