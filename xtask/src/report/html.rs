//! HTML pieces of the report: escaping, tables, one page's body diff.

use crate::diff::{self, BodyDiff, LineKind};
use crate::eval::PageResult;
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An element id made of safe characters only, unique per corpus and page.
pub fn anchor(corpus: &str, page: &str) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    format!("page-{}-{}", safe(corpus), safe(page))
}

/// A table: header cells, then rows of cells already made HTML.
pub fn table(class: &str, head: &[&str], rows: &[Vec<String>]) -> String {
    let mut s = format!(r#"<table class="{}"><thead><tr>"#, escape(class));
    for h in head {
        let _ = write!(s, "<th>{}</th>", escape(h));
    }
    s.push_str("</tr></thead><tbody>");
    for row in rows {
        s.push_str("<tr>");
        for c in row {
            let _ = write!(s, "<td>{c}</td>");
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

/// Lines of a page diff drawn in the report, beyond which the rest is cut.
const PAGE_LINES: usize = 400;

/// One page as a folded `<details>`: the header with its figures, then the diff (lost
/// body and kept chaff marked), then the entity errors.
pub fn page_diff(corpus: &str, page: &PageResult, d: &BodyDiff) -> String {
    let w = page.score.words;
    let mut s = format!(
        r#"<details class="page-diff" id="{}"><summary><code>{}</code> <span class="meta">{} · {} · {}</span> words P {:.3} R {:.3} <b>F1 {:.3}</b> · <span class="lost-n">{} lost</span> · <span class="kept-n">{} kept</span></summary>"#,
        anchor(corpus, page.id()),
        escape(page.id()),
        escape(&page.template),
        escape(&page.split),
        escape(page.format),
        w.precision,
        w.recall,
        w.f1,
        d.lost,
        d.kept
    );
    s.push_str(r#"<div class="diff">"#);
    if d.hunks.is_empty() {
        s.push_str(r#"<div class="hunk">body identical to the gold</div>"#);
    }
    let mut shown = 0;
    let total: usize = d.hunks.iter().map(|h| h.lines.len()).sum();
    'hunks: for hunk in &d.hunks {
        let _ = write!(s, r#"<div class="hunk">{}</div>"#, escape(&hunk.header()));
        for line in &hunk.lines {
            if shown == PAGE_LINES {
                let _ = write!(
                    s,
                    r#"<div class="hunk">… {} more lines (<code>cargo xtask eval --page {}</code>)</div>"#,
                    total - shown,
                    escape(page.id())
                );
                break 'hunks;
            }
            shown += 1;
            let (class, sign, text) = match line.kind {
                LineKind::Same => ("same", " ", diff::clip(&line.text, diff::CONTEXT_CHARS)),
                LineKind::Lost => ("lost", "−", line.text.clone()),
                LineKind::Kept => ("kept", "+", line.text.clone()),
            };
            let _ = write!(
                s,
                r#"<div class="l {class}"><span class="sign">{sign}</span>{}</div>"#,
                escape(&text)
            );
        }
    }
    s.push_str("</div>");
    if page.has_entities() {
        for (label, list) in [
            ("missed", &page.score.missed),
            ("spurious", &page.score.spurious),
        ] {
            let items: Vec<String> = list
                .iter()
                .map(|(k, t)| {
                    format!(
                        r#"<span class="ent">{} <i>{}</i></span>"#,
                        escape(t),
                        k.as_str()
                    )
                })
                .collect();
            let _ = write!(
                s,
                r#"<p class="ents {label}">Entities {label} (extraction on the gold body): {}</p>"#,
                if items.is_empty() {
                    "none".to_string()
                } else {
                    items.join(" ")
                }
            );
        }
    }
    s.push_str("</details>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_baseline::tests::page;

    #[test]
    fn escapes_everything_that_could_open_markup() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(anchor("wcxb dev", "a/b.c"), "page-wcxb_dev-a_b_c");
    }

    #[test]
    fn a_page_diff_marks_lost_and_kept_and_escapes_page_text() {
        let p = page(
            "wire-01",
            &["Intro.", "Body <b>two</b> & more."],
            &["Intro.", "<script>alert(1)</script>"],
        );
        let html = page_diff("bundled", &p, &diff::page_diff(&p));
        assert!(html.starts_with(r#"<details class="page-diff" id="page-bundled-wire-01">"#));
        assert!(html.contains(
            r#"<div class="l lost"><span class="sign">−</span>Body &lt;b&gt;two&lt;/b&gt; &amp; more.</div>"#
        ));
        assert!(html.contains(
            r#"<div class="l kept"><span class="sign">+</span>&lt;script&gt;alert(1)&lt;/script&gt;</div>"#
        ));
        assert!(html.contains(r#"<div class="l same"><span class="sign"> </span>Intro.</div>"#));
        assert!(!html.contains("<script>"));
        assert!(html.contains("<span class=\"lost-n\">1 lost</span>"));
        assert!(html.contains("Entities missed (extraction on the gold body): none"));
        assert!(html.ends_with("</details>"));
    }

    #[test]
    fn tables_take_cells_as_html() {
        let t = table("t", &["a<", "b"], &[vec!["<b>1</b>".into(), "2".into()]]);
        assert_eq!(
            t,
            r#"<table class="t"><thead><tr><th>a&lt;</th><th>b</th></tr></thead><tbody><tr><td><b>1</b></td><td>2</td></tr></tbody></table>"#
        );
    }
}
