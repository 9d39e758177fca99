//! `cargo xtask report`: one self-contained HTML file (inline CSS, inline SVG, a few
//! lines of optional script, nothing fetched) with the figures per set and per page
//! type, precision and recall per page, the history of blessed runs, and every body
//! diff folded per page.

pub mod html;
pub mod svg;

use crate::diff;
use crate::eval::{Baseline, PageResult, Report};
use crate::history::HistoryRow;
use crate::summary_md::change;
use dechaff_score::Summary;
use html::{anchor, escape, table};
use std::collections::BTreeMap;
use std::fmt::Write;
use svg::{Dot, PairedBar, Series, PALETTE};

/// What `eval/history.csv` gave.
pub enum History {
    Rows(Vec<HistoryRow>),
    /// The file is absent: the report says so instead of drawing the chart.
    Missing,
}

pub struct Inputs<'a> {
    pub reports: &'a [Report],
    pub baseline: Option<&'a Baseline>,
    pub history: &'a History,
    /// `eval/history.csv`, as named in the text.
    pub history_name: &'a str,
    /// When and from which commit the report was made.
    pub generated: &'a str,
    pub commit: &'a str,
}

/// Body diffs drawn per corpus, worst pages first; the rest are named.
const MAX_DIFFS: usize = 300;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222; margin: 0 auto; max-width: 1080px; padding: 16px 24px 48px; }
h1 { font-size: 24px; margin: 8px 0 4px; } h2 { font-size: 20px; border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 36px; } h3 { font-size: 16px; margin: 22px 0 8px; }
nav a { margin-right: 14px; } .muted, .meta { color: #666; }
table { border-collapse: collapse; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: right; vertical-align: top; } th { background: #f3f3f3; } td:first-child, th:first-child { text-align: left; }
small.delta { display: block; color: #555; font-size: 11px; white-space: nowrap; } small.delta.same { color: #aaa; }
.row { display: flex; gap: 20px; align-items: flex-start; flex-wrap: wrap; }
svg.chart { max-width: 100%; height: auto; background: #fff; }
.key span { display: inline-block; padding: 0 6px; margin-right: 8px; }
.note { background: #f6f6f6; border-left: 4px solid #aaa; padding: 6px 10px; }
details.page-diff { border: 1px solid #ddd; border-radius: 4px; margin: 6px 0; }
details.page-diff > summary { cursor: pointer; padding: 4px 8px; background: #f7f7f7; }
details.page-diff[open] > summary { border-bottom: 1px solid #ddd; }
.diff { font-size: 13px; padding: 4px 0; }
.l { white-space: pre-wrap; overflow-wrap: anywhere; padding: 1px 8px 1px 26px; text-indent: -18px; }
.sign { display: inline-block; width: 18px; text-indent: 0; font-weight: bold; }
.l.same { color: #666; } .l.lost, .key .lost { background: #ffd7d5; } .l.kept, .key .kept { background: #fff1b8; }
.hunk { color: #0a5d8a; background: #eef6fb; padding: 1px 8px; font-size: 12px; }
.lost-n { color: #a1000f; } .kept-n { color: #8a6100; }
.ents { margin: 4px 8px; font-size: 13px; } .ent { background: #eee; border-radius: 3px; padding: 0 4px; margin-right: 2px; } .ent i { color: #666; }
"#;

/// Opens the page diff the address names (a click on a dot or a link) and counts the
/// charts the browser laid out (`data-charts-laid-out`, read by the browser test).
/// Without script the report reads the same; diffs then open by hand.
const SCRIPT: &str = r#"
function openHash() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  if (el && el.tagName === 'DETAILS') { el.open = true; el.scrollIntoView(); }
}
addEventListener('hashchange', openHash);
openHash();
var laidOut = 0;
document.querySelectorAll('svg.chart').forEach(function (s) {
  var r = s.getBoundingClientRect();
  if (r.width > 0 && r.height > 0) laidOut++;
});
document.body.setAttribute('data-charts-laid-out', laidOut);
"#;

fn fmt(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:.3}"))
}

/// A figure with its change against the baseline under it.
fn with_delta(now: Option<f64>, before: Option<f64>) -> String {
    match (now, before) {
        (Some(n), Some(b)) => {
            let c = change(n - b);
            let class = if c.starts_with('=') {
                "delta same"
            } else {
                "delta"
            };
            format!(r#"{}<small class="{class}">{c}</small>"#, fmt(Some(n)))
        }
        _ => fmt(now),
    }
}

/// Columns of the figure tables: (metric name, header).
const COLUMNS: [(&str, &str); 11] = [
    ("body.words.precision", "words P"),
    ("body.words.recall", "words R"),
    ("body.words.f1", "words F1"),
    ("body.paragraphs.f1", "paragraphs F1"),
    ("entities.exact.all.f1", "entities F1 (end to end)"),
    ("entities.gold_body.exact.all.f1", "entities F1 (gold body)"),
    ("fields.title", "title"),
    ("fields.byline", "byline"),
    ("fields.published", "date"),
    ("fields.section", "section"),
    ("fields.related", "related"),
];

fn figure_rows(
    summaries: &[Summary],
    first: impl Fn(&Summary) -> Vec<String>,
    baseline: impl Fn(&Summary) -> Option<BTreeMap<String, f64>>,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let metrics: Vec<BTreeMap<String, f64>> = summaries
        .iter()
        .map(|s| s.metrics().into_iter().collect())
        .collect();
    // Only columns some row has (a body benchmark has no entities).
    let columns: Vec<(&str, &str)> = COLUMNS
        .into_iter()
        .filter(|(k, _)| metrics.iter().any(|m| m.contains_key(*k)))
        .collect();
    let rows = summaries
        .iter()
        .zip(&metrics)
        .map(|(s, m)| {
            let before = baseline(s);
            let mut row = first(s);
            for (k, _) in &columns {
                let b = before.as_ref().and_then(|b| b.get(*k)).copied();
                row.push(with_delta(m.get(*k).copied(), b));
            }
            row
        })
        .collect();
    (columns.into_iter().map(|(_, h)| h).collect(), rows)
}

fn split_color(split: &str) -> &'static str {
    match split {
        "dev" => PALETTE[0],
        "test" => PALETTE[1],
        _ => PALETTE[2],
    }
}

fn page_title(p: &PageResult) -> String {
    let w = p.score.words;
    format!(
        "{} ({}, {}): words P {:.3} R {:.3} F1 {:.3}",
        p.id(),
        p.template,
        p.split,
        w.precision,
        w.recall,
        w.f1
    )
}

fn by_f1(pages: &[PageResult]) -> Vec<&PageResult> {
    let mut v: Vec<&PageResult> = pages.iter().collect();
    v.sort_by(PageResult::worse_first);
    v
}

fn corpus_section(s: &mut String, report: &Report, baseline: Option<&Baseline>) {
    let name = &report.corpus;
    let safe = anchor(name, "")
        .trim_start_matches("page-")
        .trim_end_matches('-')
        .to_string();
    let _ = write!(
        s,
        r#"<section id="corpus-{safe}"><h2>{} <span class="muted">· {} pages</span></h2>"#,
        escape(name),
        report.pages.len()
    );

    // Figures per set, against the baseline.
    let _ = write!(
        s,
        "<h3>Figures per set</h3><p class=\"muted\">Body words: precision, recall and F1 on word tokens, per page then averaged; paragraphs: exact matches, micro; entities: type + exact span, micro; fields: accuracy. Under each figure, its change against the blessed baseline{}.</p>",
        if baseline.is_some() { "" } else { " (none: no baseline file)" }
    );
    let (head, rows) = figure_rows(
        &report.summaries,
        |sm| vec![escape(&sm.name), sm.pages.to_string()],
        |sm| {
            baseline.and_then(|b| {
                b.sets
                    .get(&format!("{}/{}", report.corpus, sm.name))
                    .cloned()
            })
        },
    );
    let mut header = vec!["set", "pages"];
    header.extend(head);
    s.push_str(&table("figures", &header, &rows));

    // Figures per page type.
    let split_of = |t: &str| report.split_of(t).to_string();
    let (head, rows) = figure_rows(
        &report.templates,
        |sm| {
            vec![
                escape(&sm.name),
                escape(&split_of(&sm.name)),
                sm.pages.to_string(),
            ]
        },
        |_| None,
    );
    let mut header = vec!["page type", "split", "pages"];
    header.extend(head);
    let _ = write!(s, "<h3>Figures per page type</h3>");
    s.push_str(&table("figures templates", &header, &rows));

    // Precision and recall per page.
    let _ = write!(
        s,
        "<h3>Precision and recall per page</h3><p class=\"muted\">One dot per page (hover for its figures, click for its diff); dashed curves join equal F1. Below: every page's precision and recall, pages ordered by body F1, worst first.</p><div class=\"row\">"
    );
    let mut splits: Vec<&str> = report.pages.iter().map(|p| p.split.as_str()).collect();
    splits.sort();
    splits.dedup();
    let legend: Vec<(&str, String)> = splits
        .iter()
        .map(|sp| (split_color(sp), sp.to_string()))
        .collect();
    let dots: Vec<Dot> = report
        .pages
        .iter()
        .map(|p| Dot {
            x: p.score.words.precision,
            y: p.score.words.recall,
            color: split_color(&p.split),
            title: page_title(p),
            href: p
                .body_differs()
                .then(|| format!("#{}", anchor(name, p.id()))),
        })
        .collect();
    s.push_str(&svg::scatter(
        &format!("pr-scatter-{safe}"),
        &format!("{name}: body words precision against recall, one dot per page"),
        &dots,
        ("precision (body words)", "recall (body words)"),
        &legend,
    ));
    let worst = by_f1(&report.pages);
    let rows: Vec<Vec<String>> = worst
        .iter()
        .take(12)
        .map(|p| {
            let id = if p.body_differs() {
                format!(
                    r##"<a href="#{}">{}</a>"##,
                    anchor(name, p.id()),
                    escape(p.id())
                )
            } else {
                escape(p.id())
            };
            vec![
                id,
                format!("{:.3}", p.score.words.precision),
                format!("{:.3}", p.score.words.recall),
                format!("<b>{:.3}</b>", p.score.words.f1),
            ]
        })
        .collect();
    let _ = write!(s, "<div><h3 style=\"margin-top:0\">Lowest body F1</h3>");
    s.push_str(&table("worst", &["page", "P", "R", "F1"], &rows));
    if let Some(all) = report.summaries.first() {
        if !all.lost_body.is_empty() {
            let _ = write!(
                s,
                "<p>Lost body (under half of the gold words) on {} page(s).</p>",
                all.lost_body.len()
            );
        }
    }
    s.push_str("</div></div>");
    let bars: Vec<PairedBar> = worst
        .iter()
        .map(|p| PairedBar {
            a: p.score.words.precision,
            b: p.score.words.recall,
            title: page_title(p),
            href: p
                .body_differs()
                .then(|| format!("#{}", anchor(name, p.id()))),
        })
        .collect();
    s.push_str(&svg::paired_bars(
        &format!("pr-bars-{safe}"),
        &format!("{name}: body words precision and recall per page"),
        &bars,
        ("precision", "recall"),
        "pages, by body F1, worst first",
    ));

    // Diffs.
    let differing: Vec<&PageResult> = worst.into_iter().filter(|p| p.body_differs()).collect();
    let _ = write!(
        s,
        "<h3>Body diffs</h3><p>{} of {} pages differ from the gold, worst first. One line per paragraph: <span class=\"key\"><span class=\"lost\">− lost body</span><span class=\"kept\">+ kept chaff</span></span> grey lines are context.</p>",
        differing.len(),
        report.pages.len()
    );
    for p in differing.iter().take(MAX_DIFFS) {
        s.push_str(&html::page_diff(name, p, &diff::page_diff(p)));
    }
    if differing.len() > MAX_DIFFS {
        let rest: Vec<String> = differing[MAX_DIFFS..]
            .iter()
            .map(|p| escape(p.id()))
            .collect();
        let _ = write!(
            s,
            "<p class=\"note\">{} more pages differ (<code>cargo xtask eval --diff</code> prints them): {}</p>",
            rest.len(),
            rest.join(", ")
        );
    }
    s.push_str("</section>");
}

fn history_section(s: &mut String, inputs: &Inputs) {
    s.push_str(r#"<section id="history"><h2>History</h2>"#);
    let rows = match inputs.history {
        History::Missing => {
            let _ = write!(
                s,
                "<p class=\"note\">No history chart: <code>{}</code> is absent. Each <code>cargo xtask eval --bless</code> appends its figures there.</p></section>",
                escape(inputs.history_name)
            );
            return;
        }
        History::Rows(rows) => rows,
    };
    let _ = write!(
        s,
        "<p class=\"muted\">From <code>{}</code>: one point per set per <code>cargo xtask eval --bless</code> ({} rows). Hover a point for its date and commit.</p>",
        escape(inputs.history_name),
        rows.len()
    );
    // One x position per blessed run: rows of one run share date and commit.
    let mut runs: Vec<(&str, &str)> = Vec::new();
    for r in rows {
        if runs.last() != Some(&(r.date.as_str(), r.commit.as_str())) {
            runs.push((&r.date, &r.commit));
        }
    }
    let x_labels: Vec<String> = runs
        .iter()
        .map(|(d, _)| d.chars().take(10).collect())
        .collect();
    // The sets drawn: those of the corpora in this report, then the `all` set of the
    // others; as many as there are colours.
    let mut sets: Vec<&str> = Vec::new();
    for r in rows {
        if !sets.contains(&r.set.as_str()) {
            sets.push(&r.set);
        }
    }
    let here = |set: &str| {
        inputs
            .reports
            .iter()
            .any(|r| set.starts_with(&format!("{}/", r.corpus)))
    };
    let mut sets: Vec<&str> = sets
        .iter()
        .filter(|s| here(s))
        .chain(sets.iter().filter(|s| !here(s) && s.ends_with("/all")))
        .copied()
        .collect();
    sets.truncate(PALETTE.len());
    for (column, label) in [
        ("words_f1", "body words F1"),
        ("entities_f1", "entities strict F1, end to end"),
    ] {
        let series: Vec<Series> = sets
            .iter()
            .enumerate()
            .map(|(i, set)| {
                let mut x = 0;
                let mut points = Vec::new();
                for r in rows {
                    while runs[x] != (r.date.as_str(), r.commit.as_str()) {
                        x += 1;
                    }
                    if r.set == *set {
                        if let Some(v) = r.get(column) {
                            let title =
                                format!("{set}: {label} {v:.4} · {} · {}", r.date, r.commit);
                            points.push((x, v, title));
                        }
                    }
                }
                Series {
                    name: set.to_string(),
                    color: PALETTE[i % PALETTE.len()],
                    points,
                }
            })
            .filter(|l| !l.points.is_empty())
            .collect();
        if series.is_empty() {
            continue;
        }
        let _ = write!(s, "<h3>{}</h3>", escape(label));
        s.push_str(&svg::line_chart(
            &format!("history-{}", column.replace('_', "-")),
            &format!("{label} per blessed run"),
            &series,
            &x_labels,
            label,
        ));
    }
    let last: Vec<Vec<String>> = rows
        .iter()
        .rev()
        .take(30)
        .map(|r| {
            vec![
                escape(&r.date),
                escape(&r.commit),
                escape(&r.set),
                r.pages.to_string(),
                fmt(r.get("words_f1")),
                fmt(r.get("paragraphs_f1")),
                fmt(r.get("entities_f1")),
            ]
        })
        .collect();
    s.push_str("<h3>Latest rows</h3>");
    s.push_str(&table(
        "history",
        &[
            "date (UTC)",
            "commit",
            "set",
            "pages",
            "words F1",
            "paragraphs F1",
            "entities F1",
        ],
        &last,
    ));
    s.push_str("</section>");
}

/// The whole report.
pub fn build(inputs: &Inputs) -> String {
    let names: Vec<String> = inputs.reports.iter().map(|r| r.corpus.clone()).collect();
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>dechaff evaluation: {}</title><style>{STYLE}</style></head><body>",
        escape(&names.join(", "))
    );
    let _ = write!(
        s,
        "<header><h1>dechaff evaluation report</h1><p class=\"muted\">{} · generated {} from commit <code>{}</code> · <code>cargo xtask report</code></p><nav>",
        escape(&names.join(", ")),
        escape(inputs.generated),
        escape(inputs.commit)
    );
    for r in inputs.reports {
        let safe = anchor(&r.corpus, "")
            .trim_start_matches("page-")
            .trim_end_matches('-')
            .to_string();
        let _ = write!(s, r##"<a href="#corpus-{safe}">{}</a>"##, escape(&r.corpus));
    }
    s.push_str(r##"<a href="#history">history</a></nav></header>"##);
    for r in inputs.reports {
        corpus_section(&mut s, r, inputs.baseline);
    }
    history_section(&mut s, inputs);
    let _ = writeln!(s, "<script>{SCRIPT}</script></body></html>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history;
    use crate::page_baseline::tests::{page, report};

    fn sample() -> Report {
        report(vec![
            page("wire-01", &["Lead.", "Body."], &["Lead.", "Body."]),
            page(
                "wire-02",
                &["Lead.", "Body & more."],
                &["Lead.", "Menu <nav>"],
            ),
        ])
    }

    fn count(h: &str, n: &str) -> usize {
        h.matches(n).count()
    }

    #[test]
    fn report_has_figures_charts_diffs_and_history() {
        let r = sample();
        let baseline = Baseline::bless(None, &r);
        let mut rows = history::rows_for(&r, "2026-11-24T03:36:33Z", "abc1234");
        // Another corpus's sets: its `all` is drawn, its halves are not.
        for set in ["wcxb-dev/all", "wcxb-dev/dev"] {
            let mut other = rows[0].clone();
            other.set = set.into();
            rows.push(other);
        }
        let h = History::Rows(rows);
        let html = build(&Inputs {
            reports: std::slice::from_ref(&r),
            baseline: Some(&baseline),
            history: &h,
            history_name: "eval/history.csv",
            generated: "2026-11-24T04:00:00Z",
            commit: "abc1234",
        });
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.trim_end().ends_with("</html>"));
        // Self-contained: nothing fetched.
        for remote in ["http://", "https://", "src=", "<link"] {
            let n = html.matches(remote).count();
            let svg_ns = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
            assert!(
                n == 0 || (remote == "http://" && n == svg_ns),
                "{remote} appears {n} times"
            );
        }
        assert!(html.contains(r#"<svg class="chart" id="pr-scatter-bundled""#));
        assert!(html.contains(r#"<svg class="chart" id="pr-bars-bundled""#));
        assert!(html.contains(r#"<svg class="chart" id="history-words-f1""#));
        // Two dots in the scatter (one per page) plus one history point per set drawn.
        assert_eq!(count(&html, "<circle"), 2 + 2);
        assert!(html.contains(">wcxb-dev/all</text>"));
        assert!(!html.contains(">wcxb-dev/dev</text>"));
        // Only the differing page gets a diff, with its text escaped.
        assert_eq!(count(&html, r#"<details class="page-diff""#), 1);
        assert!(html.contains(r#"id="page-bundled-wire-02""#));
        assert!(html.contains("Menu &lt;nav&gt;"));
        assert!(html.contains("Body &amp; more."));
        assert!(html.contains(r##"<a href="#page-bundled-wire-02">"##));
        // The figures carry their change against the baseline.
        assert!(html.contains(r#"<small class="delta same">= 0.000</small>"#));
        assert!(html.contains("<td>all</td><td>2</td>"));
    }

    #[test]
    fn missing_history_is_a_note_not_a_failure() {
        let r = sample();
        let html = build(&Inputs {
            reports: std::slice::from_ref(&r),
            baseline: None,
            history: &History::Missing,
            history_name: "eval/history.csv",
            generated: "now",
            commit: "unknown",
        });
        assert!(html.contains("No history chart: <code>eval/history.csv</code> is absent"));
        assert!(!html.contains("id=\"history-words-f1\""));
        assert!(!html.contains("class=\"delta\""));
        assert!(html.contains("(none: no baseline file)"));
    }
}
