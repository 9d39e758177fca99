//! The pull-request summary (`cargo xtask eval --summary-md FILE`): headline figures
//! against the baseline with colour-free signs, the pages that got better or worse
//! against the blessed per-page figures, and the body diffs folded in a `<details>`
//! block, capped so the whole stays far under GitHub's 1 MiB step-summary limit.

use crate::diff::{self, BodyDiff, LineKind};
use crate::eval::{Baseline, PageResult, Report};
use crate::page_baseline::{self, Comparison, PageChange, PageFigures};
use std::collections::BTreeMap;
use std::fmt::Write;

/// What the summary is drawn from.
pub struct Inputs<'a> {
    pub report: &'a Report,
    pub baseline: Option<&'a Baseline>,
    /// How the baseline file is named in the text (`annotations/baseline.json`).
    pub baseline_name: &'a str,
    pub blessed_pages: Option<&'a BTreeMap<String, PageFigures>>,
    /// `eval/pages-bundled.csv`.
    pub pages_name: &'a str,
    /// Bytes the body diffs may take.
    pub diff_budget: usize,
}

/// The default room for body diffs: GitHub takes 1 MiB per step summary.
pub const DIFF_BUDGET: usize = 300_000;
/// Figures below the baseline listed by name.
const REGRESSIONS_LISTED: usize = 100;
/// Rows listed per table of changed pages.
const CHANGED_ROWS: usize = 15;
/// Diff lines shown per page, and characters per line.
const PAGE_LINES: usize = 40;
const LINE_CHARS: usize = 300;

/// The headline metrics: (metric name in the baseline, label, shown for every set or
/// for `all` only).
const HEADLINE: [(&str, &str, bool); 10] = [
    ("body.words.f1", "body words F1", true),
    ("body.words.precision", "body words precision", false),
    ("body.words.recall", "body words recall", false),
    ("body.paragraphs.f1", "paragraphs F1", true),
    (
        "entities.exact.all.f1",
        "entities strict F1, end to end",
        true,
    ),
    (
        "entities.gold_body.exact.all.f1",
        "entities strict F1, gold body",
        false,
    ),
    ("fields.title", "title accuracy", false),
    ("fields.byline", "byline accuracy", false),
    ("fields.published", "date accuracy", false),
    ("fields.section", "section accuracy", false),
];

/// A change with its sign: `▲ +0.012`, `▼ −0.004`, `= 0.000` (three decimals, the
/// precision the tables show; a true minus sign).
pub fn change(delta: f64) -> String {
    let milli = (delta * 1000.0).round();
    if milli == 0.0 {
        "= 0.000".into()
    } else if milli > 0.0 {
        format!("▲ +{:.3}", milli / 1000.0)
    } else {
        format!("▼ −{:.3}", -milli / 1000.0)
    }
}

/// Text for a table cell or a line: HTML-escaped, pipes escaped.
pub fn cell(s: &str) -> String {
    crate::report::html::escape(s).replace('|', "&#124;")
}

fn code(s: &str) -> String {
    format!("<code>{}</code>", cell(s))
}

/// A code fence longer than any backtick run inside `body`.
fn fence(body: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in body.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(3))
}

pub fn render(inputs: &Inputs) -> String {
    let report = inputs.report;
    let mut s = String::new();
    let pages = report.pages.len();
    let _ = writeln!(
        s,
        "### dechaff eval: {} ({pages} pages)\n",
        cell(&report.corpus)
    );
    headline(&mut s, inputs);
    let comparison = inputs
        .blessed_pages
        .map(|blessed| page_baseline::compare(blessed, report));
    changed_pages(&mut s, inputs, comparison.as_ref());
    diffs(&mut s, inputs, comparison.as_ref());
    s
}

fn headline(s: &mut String, inputs: &Inputs) {
    let report = inputs.report;
    let now = report.metrics();
    let baseline_sets = inputs.baseline.map(|b| &b.sets);
    let regressions = inputs
        .baseline
        .map(|b| b.regressions(report))
        .unwrap_or_default();
    match inputs.baseline {
        None => {
            let _ = writeln!(
                s,
                "No baseline: {} is absent (`cargo xtask eval --bless` writes it).\n",
                code(inputs.baseline_name)
            );
        }
        Some(b) if regressions.is_empty() => {
            let _ = writeln!(
                s,
                "**No figure fell below the baseline** ({}, tolerance {}).\n",
                code(inputs.baseline_name),
                b.tolerance
            );
        }
        Some(b) => {
            let _ = writeln!(
                s,
                "**{} figure(s) fell below the baseline** ({}, tolerance {}); the list is under the table.\n",
                regressions.len(),
                code(inputs.baseline_name),
                b.tolerance
            );
        }
    }
    let _ = writeln!(s, "| set | metric | baseline | now | change |");
    let _ = writeln!(s, "|---|---|---:|---:|---|");
    for summary in &report.summaries {
        let set = format!("{}/{}", report.corpus, summary.name);
        let current = now.get(&set);
        let before = baseline_sets.and_then(|b| b.get(&set));
        for (key, label, every_set) in HEADLINE {
            if !every_set && summary.name != "all" {
                continue;
            }
            let v_now = current.and_then(|m| m.get(key)).copied();
            let v_before = before.and_then(|m| m.get(key)).copied();
            // Four decimals, as the baseline keeps them, so that a change shown
            // with three is never at odds with the two figures beside it.
            let f = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v:.4}"));
            let delta = match (v_before, v_now) {
                (Some(b), Some(n)) => change(n - b),
                (None, Some(_)) => "new".into(),
                (Some(_), None) => "gone".into(),
                (None, None) => continue,
            };
            let _ = writeln!(
                s,
                "| {} | {label} | {} | {} | {delta} |",
                cell(&summary.name),
                f(v_before),
                f(v_now)
            );
        }
    }
    s.push('\n');
    if !regressions.is_empty() {
        let _ = writeln!(
            s,
            "<details>\n<summary>The {} figure(s) below the baseline</summary>\n",
            regressions.len()
        );
        for r in regressions.iter().take(REGRESSIONS_LISTED) {
            let _ = writeln!(s, "- {}", cell(r));
        }
        if regressions.len() > REGRESSIONS_LISTED {
            let _ = writeln!(
                s,
                "- … and {} more (`cargo xtask eval --check` lists them all)",
                regressions.len() - REGRESSIONS_LISTED
            );
        }
        let _ = writeln!(s, "\n</details>\n");
    }
}

fn changed_pages(s: &mut String, inputs: &Inputs, comparison: Option<&Comparison>) {
    let _ = writeln!(s, "#### Pages against {}\n", code(inputs.pages_name));
    let Some(c) = comparison else {
        let _ = writeln!(
            s,
            "No per-page baseline yet: `cargo xtask eval --bless` writes {}.\n",
            code(inputs.pages_name)
        );
        return;
    };
    let _ = writeln!(
        s,
        "{} worse, {} better, {} unchanged{}{}.\n",
        c.worse.len(),
        c.better.len(),
        c.unchanged,
        if c.added.is_empty() {
            String::new()
        } else {
            format!(", {} new", c.added.len())
        },
        if c.removed.is_empty() {
            String::new()
        } else {
            format!(", {} gone", c.removed.len())
        },
    );
    for (title, list) in [("Worse", &c.worse), ("Better", &c.better)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(s, "**{title}**\n");
        let _ = writeln!(
            s,
            "| page | template | body words F1 | entities strict F1 |"
        );
        let _ = writeln!(s, "|---|---|---|---|");
        for p in list.iter().take(CHANGED_ROWS) {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                code(&p.id),
                cell(&p.after.template),
                moved(p.before.words_f1, p.after.words_f1),
                match (p.before.entities_f1, p.after.entities_f1) {
                    (Some(b), Some(a)) => moved(b, a),
                    _ => "–".into(),
                }
            );
        }
        if list.len() > CHANGED_ROWS {
            let _ = writeln!(s, "\n… and {} more.", list.len() - CHANGED_ROWS);
        }
        s.push('\n');
    }
    for (title, list) in [("New pages", &c.added), ("Gone pages", &c.removed)] {
        if !list.is_empty() {
            let names: Vec<String> = list.iter().take(CHANGED_ROWS).map(|i| code(i)).collect();
            let more = list.len().saturating_sub(CHANGED_ROWS);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let _ = writeln!(s, "{title}: {}{more}.\n", names.join(", "));
        }
    }
}

fn moved(before: f64, after: f64) -> String {
    format!("{before:.3} → {after:.3} ({})", change(after - before))
}

/// Pages in the order a reviewer wants them: worse, better, then the rest by body F1.
fn diff_order<'a>(report: &'a Report, comparison: Option<&Comparison>) -> Vec<&'a PageResult> {
    let by_id: BTreeMap<&str, &PageResult> = report.pages.iter().map(|p| (p.id(), p)).collect();
    let mut out: Vec<&PageResult> = Vec::new();
    if let Some(c) = comparison {
        let changed = c.worse.iter().chain(&c.better);
        out.extend(changed.filter_map(|p: &PageChange| by_id.get(p.id.as_str()).copied()));
    }
    let mut rest: Vec<&PageResult> = report
        .pages
        .iter()
        .filter(|p| !out.iter().any(|o| o.id() == p.id()))
        .collect();
    rest.sort_by(PageResult::worse_first);
    out.extend(rest);
    out.retain(|p| p.body_differs());
    out
}

fn diffs(s: &mut String, inputs: &Inputs, comparison: Option<&Comparison>) {
    let pages = diff_order(inputs.report, comparison);
    if pages.is_empty() {
        let _ = writeln!(s, "Every page's body matches its gold.");
        return;
    }
    let _ = writeln!(
        s,
        "<details>\n<summary>Body diffs: {} of {} pages differ from the gold \
         (<code>-</code> lost body, <code>+</code> kept chaff)</summary>\n",
        pages.len(),
        inputs.report.pages.len()
    );
    let mut used = 0;
    let mut shown = 0;
    for page in &pages {
        let d = diff::page_diff(page);
        let block = page_block(page, &d);
        if used + block.len() > inputs.diff_budget && shown > 0 {
            break;
        }
        used += block.len();
        shown += 1;
        s.push_str(&block);
    }
    if shown < pages.len() {
        let _ = writeln!(
            s,
            "… {} more pages not shown here: `cargo xtask eval --diff` prints them all, \
             `cargo xtask report` draws them.\n",
            pages.len() - shown
        );
    }
    let _ = writeln!(s, "</details>");
}

/// One page in the summary: a header line, a `diff` code block, the entity errors.
fn page_block(page: &PageResult, d: &BodyDiff) -> String {
    let mut body = String::new();
    let mut lines = 0;
    let total: usize = d.hunks.iter().map(|h| h.lines.len() + 1).sum();
    'hunks: for hunk in &d.hunks {
        for line in std::iter::once(None).chain(hunk.lines.iter().map(Some)) {
            if lines == PAGE_LINES {
                let _ = writeln!(body, "… {} more lines", total - lines);
                break 'hunks;
            }
            lines += 1;
            match line {
                None => {
                    let _ = writeln!(body, "@@ {} @@", hunk.header());
                }
                Some(l) => {
                    let max = if l.kind == LineKind::Same {
                        diff::CONTEXT_CHARS
                    } else {
                        LINE_CHARS
                    };
                    let _ = writeln!(body, "{} {}", l.kind.sign(), diff::clip(&l.text, max));
                }
            }
        }
    }
    let fence = fence(&body);
    let mut s = format!(
        "**{}** {}\n\n{fence}diff\n{body}{fence}\n\n",
        code(page.id()),
        cell(&diff::page_detail(page, d))
    );
    if page.has_entities() && (!page.score.missed.is_empty() || !page.score.spurious.is_empty()) {
        let list = |v: &[(dechaff_schema::EntityType, String)]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                cell(&diff::entity_list(v))
            }
        };
        let _ = writeln!(
            s,
            "Entities on the gold body: missed {}; spurious {}.\n",
            list(&page.score.missed),
            list(&page.score.spurious)
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_baseline::tests::{page, report};

    #[test]
    fn signs_are_colour_free_and_rounded() {
        assert_eq!(change(0.0123), "▲ +0.012");
        assert_eq!(change(-0.0041), "▼ −0.004");
        assert_eq!(change(0.0004), "= 0.000");
        assert_eq!(change(-0.0004), "= 0.000");
    }

    #[test]
    fn fences_outgrow_backticks_and_cells_are_escaped() {
        assert_eq!(fence("plain"), "```");
        assert_eq!(fence("a ```` b"), "`````");
        assert_eq!(cell("a|b <i>&"), "a&#124;b &lt;i&gt;&amp;");
    }

    fn sample() -> (Report, Report) {
        let before = report(vec![
            page("a", &["one two", "three"], &["one two", "three"]),
            page("b", &["one two", "three"], &["one two"]),
        ]);
        let after = report(vec![
            page(
                "a",
                &["one two", "three"],
                &["one two", "three", "Subscribe"],
            ),
            page("b", &["one two", "three"], &["one two", "three"]),
        ]);
        (before, after)
    }

    #[test]
    fn summary_has_headline_changed_pages_and_diffs() {
        let (before, after) = sample();
        let baseline = Baseline::bless(None, &before);
        let dir = std::env::temp_dir().join(format!("xtask-summary-{}", std::process::id()));
        let path = dir.join("pages-bundled.csv");
        page_baseline::write(&path, &before).unwrap();
        let blessed = page_baseline::load(&path).unwrap().unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let md = render(&Inputs {
            report: &after,
            baseline: Some(&baseline),
            baseline_name: "annotations/baseline.json",
            blessed_pages: Some(&blessed),
            pages_name: "eval/pages-bundled.csv",
            diff_budget: DIFF_BUDGET,
        });
        assert!(
            md.starts_with("### dechaff eval: bundled (2 pages)\n"),
            "{md}"
        );
        // Page a kept chaff: body precision fell by more than the tolerance.
        assert!(
            md.contains("**1 figure(s) fell below the baseline** (<code>annotations/baseline.json</code>, tolerance 0.005); the list is under the table."),
            "{md}"
        );
        assert!(
            md.contains("<summary>The 1 figure(s) below the baseline</summary>\n\n- bundled/all: body.words.precision fell to 0.8750 from 1.0000 (tolerance 0.0050)\n\n</details>"),
            "{md}"
        );
        // Page a: F1 1 -> 0.857; page b: 0.8 -> 1. Mean 0.9 -> 0.929.
        assert!(
            md.contains("| all | body words F1 | 0.9000 | 0.9286 | ▲ +0.029 |"),
            "{md}"
        );
        assert!(md.contains("1 worse, 1 better, 0 unchanged."), "{md}");
        assert!(
            md.contains("| <code>a</code> | wire | 1.000 → 0.857 (▼ −0.143) |"),
            "{md}"
        );
        assert!(md.contains("<details>\n<summary>Body diffs: 1 of 2 pages"));
        assert!(
            md.contains("**<code>a</code>** (wire, dev, text): words P 0.750 R 1.000 F1 0.857;")
        );
        assert!(md.contains("```diff\n@@ gold ¶2, predicted ¶2–3 @@\n  three\n+ Subscribe\n```"));
        assert!(md.trim_end().ends_with("</details>"));
    }

    #[test]
    fn diffs_stop_at_the_budget() {
        let long: Vec<String> = (0..45).map(|i| format!("chaff line {i}")).collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        let pages = (0..50)
            .map(|i| page(&format!("p{i:02}"), &["body"], &long))
            .collect();
        let r = report(pages);
        let md = render(&Inputs {
            report: &r,
            baseline: None,
            baseline_name: "annotations/baseline.json",
            blessed_pages: None,
            pages_name: "eval/pages-bundled.csv",
            diff_budget: 5_000,
        });
        assert!(md.contains("No baseline: "), "{md}");
        assert!(md.contains("No per-page baseline yet"), "{md}");
        assert!(md.contains("Body diffs: 50 of 50 pages"));
        assert!(md.contains(" more pages not shown here"), "{md}");
        assert!(md.contains("… 7 more lines"), "{md}");
        assert!(md.len() < 8_000, "{}", md.len());
    }
}
