//! Body diffs: the gold paragraphs against the predicted ones, one paragraph a line.
//! A gold paragraph the prediction lacks is lost body (`-`); a predicted paragraph the
//! gold lacks is kept chaff (`+`). `cargo xtask eval --diff` prints them, the PR summary
//! and the HTML report draw them from the same [`BodyDiff`].

use crate::eval::PageResult;
use anyhow::{bail, Result};
use dechaff_schema::EntityType;
use similar::{Algorithm, DiffTag};
use std::fmt::Write;

/// What a diff line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// In both: context.
    Same,
    /// Gold body the prediction lost.
    Lost,
    /// Chaff the prediction kept.
    Kept,
}

impl LineKind {
    /// The unified-diff sign.
    pub fn sign(self) -> char {
        match self {
            LineKind::Same => ' ',
            LineKind::Lost => '-',
            LineKind::Kept => '+',
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffLine {
    pub kind: LineKind,
    pub text: String,
}

/// A run of changes with its context. Paragraph numbers count from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hunk {
    pub gold_start: usize,
    pub gold_len: usize,
    pub predicted_start: usize,
    pub predicted_len: usize,
    pub lines: Vec<DiffLine>,
}

impl Hunk {
    /// "gold ¶4–9, predicted ¶4–21": where the hunk sits in each body.
    pub fn header(&self) -> String {
        let range = |start: usize, len: usize| match len {
            0 => format!("¶{start} (none)"),
            1 => format!("¶{start}"),
            _ => format!("¶{start}–{}", start + len - 1),
        };
        format!(
            "gold {}, predicted {}",
            range(self.gold_start, self.gold_len),
            range(self.predicted_start, self.predicted_len)
        )
    }
}

/// The whole diff of one page's body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BodyDiff {
    pub hunks: Vec<Hunk>,
    /// Gold paragraphs lost, predicted paragraphs of chaff kept.
    pub lost: usize,
    pub kept: usize,
}

/// Context paragraphs shown around each change.
pub const CONTEXT: usize = 1;

/// Diffs two bodies, paragraph by paragraph (Myers: patience diff, which anchors on
/// unique lines, returned operations out of order on bodies with repeated paragraphs).
pub fn body_diff(gold: &[String], predicted: &[String], context: usize) -> BodyDiff {
    let ops = similar::capture_diff_slices(Algorithm::Myers, gold, predicted);
    let mut diff = BodyDiff::default();
    for group in similar::group_diff_ops(ops, context) {
        // The hunk spans every operation's range: the last operation need not end
        // last (an insertion sits at a deletion's start).
        let span = |range: fn(&similar::DiffOp) -> std::ops::Range<usize>| {
            let start = group.iter().map(|op| range(op).start).min().unwrap_or(0);
            let end = group.iter().map(|op| range(op).end).max().unwrap_or(0);
            (start + 1, end.saturating_sub(start))
        };
        let ((gold_start, gold_len), (predicted_start, predicted_len)) = (
            span(similar::DiffOp::old_range),
            span(similar::DiffOp::new_range),
        );
        let mut hunk = Hunk {
            gold_start,
            gold_len,
            predicted_start,
            predicted_len,
            lines: Vec::new(),
        };
        let mut changed = false;
        for op in &group {
            let (tag, old, new) = op.as_tag_tuple();
            let mut push = |kind: LineKind, texts: &[String]| {
                for t in texts {
                    hunk.lines.push(DiffLine {
                        kind,
                        text: t.clone(),
                    });
                }
            };
            match tag {
                DiffTag::Equal => push(LineKind::Same, &gold[old]),
                DiffTag::Delete => push(LineKind::Lost, &gold[old]),
                DiffTag::Insert => push(LineKind::Kept, &predicted[new]),
                DiffTag::Replace => {
                    push(LineKind::Lost, &gold[old]);
                    push(LineKind::Kept, &predicted[new]);
                }
            }
            changed |= tag != DiffTag::Equal;
        }
        if changed {
            diff.lost += hunk
                .lines
                .iter()
                .filter(|l| l.kind == LineKind::Lost)
                .count();
            diff.kept += hunk
                .lines
                .iter()
                .filter(|l| l.kind == LineKind::Kept)
                .count();
            diff.hunks.push(hunk);
        }
    }
    diff
}

/// The diff of a page's body, with the default context.
pub fn page_diff(page: &PageResult) -> BodyDiff {
    body_diff(&page.gold_paragraphs, &page.predicted_paragraphs, CONTEXT)
}

/// Cuts a line to `max` characters, marking the cut.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((i, _)) => format!("{}…", &text[..i]),
    }
}

/// Context lines are cut to this many characters; changed lines are shown whole.
pub const CONTEXT_CHARS: usize = 120;

/// "Akash [MilitaryPlatform], K10 [MilitaryPlatform]".
pub fn entity_list(list: &[(EntityType, String)]) -> String {
    list.iter()
        .map(|(k, t)| format!("{t} [{}]", k.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The one-line page header: id, where it comes from, its body figures.
pub fn page_header(page: &PageResult, diff: &BodyDiff) -> String {
    format!("{} {}", page.id(), page_detail(page, diff))
}

/// The header without the id: "(wire, dev, html): words P ... F1 ...; 1 paragraph(s)
/// of body lost, 2 of chaff kept".
pub fn page_detail(page: &PageResult, diff: &BodyDiff) -> String {
    let w = page.score.words;
    format!(
        "({}, {}, {}): words P {:.3} R {:.3} F1 {:.3}; {} paragraph(s) of body lost, {} of chaff kept",
        page.template,
        page.split,
        page.format,
        w.precision,
        w.recall,
        w.f1,
        diff.lost,
        diff.kept
    )
}

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// One page for a terminal: header, hunks, then the entity errors. With `color`, lost
/// body is red and kept chaff yellow (plain ANSI codes).
pub fn render_terminal(page: &PageResult, diff: &BodyDiff, color: bool) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        paint(BOLD, &format!("== {}", page_header(page, diff)))
    );
    if diff.hunks.is_empty() {
        let _ = writeln!(s, "   body identical to the gold");
    }
    for hunk in &diff.hunks {
        let _ = writeln!(s, "{}", paint(CYAN, &format!("@@ {} @@", hunk.header())));
        for line in &hunk.lines {
            let text = match line.kind {
                LineKind::Same => clip(&line.text, CONTEXT_CHARS),
                _ => line.text.clone(),
            };
            let out = format!("{} {text}", line.kind.sign());
            let _ = match line.kind {
                LineKind::Same => writeln!(s, "{out}"),
                LineKind::Lost => writeln!(s, "{}", paint(RED, &out)),
                LineKind::Kept => writeln!(s, "{}", paint(YELLOW, &out)),
            };
        }
    }
    if page.has_entities() {
        let none = |v: String| if v.is_empty() { "none".into() } else { v };
        let _ = writeln!(
            s,
            "entities missed (extraction on the gold body): {}",
            none(entity_list(&page.score.missed))
        );
        let _ = writeln!(
            s,
            "entities spurious (extraction on the gold body): {}",
            none(entity_list(&page.score.spurious))
        );
    }
    s
}

/// Edit distance between two strings, in characters.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != *cb)).min(row[j] + 1).min(up + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// The ids nearest to an unknown one: those containing it, then the closest by edit
/// distance; at most `n`.
pub fn near_names<'a>(wanted: &str, ids: impl Iterator<Item = &'a str>, n: usize) -> Vec<String> {
    let wanted_lc = wanted.to_lowercase();
    let mut scored: Vec<(usize, &str)> = ids
        .map(|id| {
            let d = if id.to_lowercase().contains(&wanted_lc) {
                0
            } else {
                levenshtein(&wanted_lc, &id.to_lowercase())
            };
            (d, id)
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(n)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// Fails unless `id` names a page, listing the nearest names.
pub fn require_page<'a>(
    id: &str,
    corpus: &str,
    ids: impl Iterator<Item = &'a str> + Clone,
) -> Result<()> {
    if ids.clone().any(|p| p == id) {
        return Ok(());
    }
    let near = near_names(id, ids, 6);
    if near.is_empty() {
        bail!("no page {id:?} in {corpus}: the corpus has no pages");
    }
    bail!(
        "no page {id:?} in {corpus} (pages are named by file stem); nearest: {}",
        near.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use dechaff_schema::Article;
    use dechaff_score::PageScore;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn page(gold: &[&str], predicted: &[&str]) -> PageResult {
        let art = |p: &[&str]| Article {
            paragraphs: v(p),
            text: Article::join_paragraphs(&v(p)),
            ..Article::default()
        };
        let (g, p) = (art(gold), art(predicted));
        PageResult {
            template: "wire".into(),
            split: "dev".into(),
            format: "html",
            score: PageScore::new("wire-01", &g, &p, &[], true, Some(&[])),
            gold_paragraphs: g.paragraphs,
            predicted_paragraphs: p.paragraphs,
        }
    }

    #[test]
    fn lost_body_and_kept_chaff_are_told_apart() {
        let gold = v(&["a", "b", "c", "d", "e", "f", "g"]);
        let pred = v(&["Menu", "a", "b", "c", "e", "f", "g", "Share this"]);
        let d = body_diff(&gold, &pred, 1);
        assert_eq!((d.lost, d.kept), (1, 2));
        assert_eq!(d.hunks.len(), 3, "{d:?}");
        let middle = &d.hunks[1];
        assert_eq!(
            middle.lines,
            vec![
                DiffLine {
                    kind: LineKind::Same,
                    text: "c".into()
                },
                DiffLine {
                    kind: LineKind::Lost,
                    text: "d".into()
                },
                DiffLine {
                    kind: LineKind::Same,
                    text: "e".into()
                },
            ]
        );
        assert_eq!(middle.header(), "gold ¶3–5, predicted ¶4–5");
        assert_eq!(d.hunks[0].header(), "gold ¶1, predicted ¶1–2");
    }

    /// Replays a diff with full context: the Same and Lost lines give the gold back,
    /// the Same and Kept lines the prediction, in order.
    fn replay(d: &BodyDiff) -> (Vec<String>, Vec<String>) {
        let (mut g, mut p) = (Vec::new(), Vec::new());
        for line in d.hunks.iter().flat_map(|h| &h.lines) {
            if line.kind != LineKind::Kept {
                g.push(line.text.clone());
            }
            if line.kind != LineKind::Lost {
                p.push(line.text.clone());
            }
        }
        (g, p)
    }

    #[test]
    fn diffs_replay_both_bodies_in_order() {
        // Small alphabets make repeated paragraphs, the case that once produced
        // out-of-order operations (a real WCXB product page: price, "sold out", ...).
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for _ in 0..3000 {
            let mut body = |len: u64| -> Vec<String> {
                (0..next(len)).map(|_| format!("p{}", next(6))).collect()
            };
            let (gold, pred) = (body(12), body(14));
            let d = body_diff(&gold, &pred, usize::MAX / 4);
            let (g, p) = replay(&d);
            if gold == pred {
                assert!(d.hunks.is_empty());
                continue;
            }
            assert_eq!((&g, &p), (&gold, &pred), "{d:?}");
            assert_eq!(d.hunks.len(), 1);
            let h = &d.hunks[0];
            assert_eq!((h.gold_start, h.gold_len), (1, gold.len()));
            assert_eq!((h.predicted_start, h.predicted_len), (1, pred.len()));
            // With little context, every hunk still stays inside both bodies.
            for h in body_diff(&gold, &pred, 1).hunks {
                assert!(h.gold_start + h.gold_len <= gold.len() + 1, "{h:?}");
                assert!(
                    h.predicted_start + h.predicted_len <= pred.len() + 1,
                    "{h:?}"
                );
            }
        }
        // The shape of the page that broke patience diff.
        let gold = v(&[
            "mug",
            "$60.00",
            "sold out",
            "Make each cup",
            "a",
            "b",
            "c",
            "d",
        ]);
        let pred = v(&[
            "Make each cup",
            "x",
            "y",
            "z",
            "w",
            "mug",
            "$60.00",
            "sold out",
            "a",
            "b",
        ]);
        let d = body_diff(&gold, &pred, usize::MAX / 4);
        assert_eq!(replay(&d), (gold, pred));
    }

    #[test]
    fn identical_bodies_have_no_hunks() {
        let d = body_diff(&v(&["a", "b"]), &v(&["a", "b"]), 1);
        assert_eq!(d, BodyDiff::default());
        let d = body_diff(&[], &[], 1);
        assert!(d.hunks.is_empty());
    }

    #[test]
    fn a_lost_body_is_all_minus() {
        let d = body_diff(&v(&["a", "b"]), &[], 1);
        assert_eq!((d.lost, d.kept, d.hunks.len()), (2, 0, 1));
        assert_eq!(d.hunks[0].header(), "gold ¶1–2, predicted ¶1 (none)");
    }

    #[test]
    fn terminal_colours_only_when_asked() {
        let p = page(&["Body one.", "Body two."], &["Body one.", "Subscribe now"]);
        let d = page_diff(&p);
        let plain = render_terminal(&p, &d, false);
        assert!(!plain.contains('\x1b'), "{plain}");
        assert!(
            plain.contains("\n- Body two.\n+ Subscribe now\n"),
            "{plain}"
        );
        assert!(plain.starts_with("== wire-01 (wire, dev, html): words P 0.500 R 0.500"));
        assert!(plain.contains("entities missed (extraction on the gold body): none"));
        let coloured = render_terminal(&p, &d, true);
        assert!(
            coloured.contains("\x1b[31m- Body two.\x1b[0m"),
            "{coloured}"
        );
        assert!(
            coloured.contains("\x1b[33m+ Subscribe now\x1b[0m"),
            "{coloured}"
        );
    }

    #[test]
    fn context_lines_are_clipped_changed_lines_are_not() {
        let long = "x".repeat(300);
        let p = page(&[&long, &long.replace('x', "y")], &[&long]);
        let out = render_terminal(&p, &page_diff(&p), false);
        assert!(out.contains(&format!("  {}…\n", "x".repeat(CONTEXT_CHARS))));
        assert!(out.contains(&format!("- {}\n", "y".repeat(300))));
        assert_eq!(clip("ąęść", 2), "ąę…");
        assert_eq!(clip("ab", 2), "ab");
    }

    #[test]
    fn unknown_pages_get_near_names() {
        let ids = ["forum-01", "forum-02", "wire-01", "liveblog-03"];
        assert!(require_page("wire-01", "bundled", ids.iter().copied()).is_ok());
        let err = require_page("forum-3", "bundled", ids.iter().copied())
            .unwrap_err()
            .to_string();
        assert!(err.contains("no page \"forum-3\" in bundled"), "{err}");
        assert!(err.contains("nearest: forum-01, forum-02"), "{err}");
        assert_eq!(near_names("blog", ids.iter().copied(), 1), ["liveblog-03"]);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }
}
