//! `dechaff strip --explain`: every block of a page, kept or dropped, with the rule
//! that decided and the features it looked at; as text for a person, as JSON for a
//! script (`--jsonl`).

use dechaff_strip::Stripped;
use serde::Serialize;
use std::fmt::Write as _;

/// One page's decisions.
#[derive(Serialize)]
pub struct Explanation {
    pub format: &'static str,
    pub language: String,
    pub blocks: Vec<BlockExplanation>,
}

/// One block: what it is, what it looked like, what became of it and why.
#[derive(Serialize)]
pub struct BlockExplanation {
    pub index: usize,
    pub kept: bool,
    /// The class the block had on its own (jusText's good, near-good, short, bad).
    pub class: &'static str,
    /// The rule that decided, in words.
    pub reason: String,
    /// The cue its wording matched ("related", "attribution", ...), if any.
    pub cue: Option<&'static str>,
    pub tag: &'static str,
    pub heading: u8,
    pub chars: usize,
    pub words: usize,
    pub stopword_density: f32,
    pub link_density: f32,
    /// Container hints from tags, class, id and role of its ancestors.
    pub hints: Vec<&'static str>,
    pub depth: usize,
    pub text: String,
}

impl Explanation {
    pub fn of(s: &Stripped) -> Explanation {
        let doc = &s.document;
        let blocks = doc
            .blocks
            .iter()
            .zip(&s.decisions)
            .enumerate()
            .map(|(index, (b, d))| {
                let words: Vec<&str> = b.text.split_whitespace().collect();
                BlockExplanation {
                    index,
                    kept: d.body,
                    class: d.class.as_str(),
                    reason: d.reason.clone(),
                    cue: d.cue.map(|c| c.as_str()),
                    tag: if b.tag.is_empty() { "-" } else { b.tag },
                    heading: b.heading,
                    chars: b.text.chars().count(),
                    words: words.len(),
                    stopword_density: doc.stopword_densities[index],
                    link_density: b.link_density(),
                    hints: b.flags.names(),
                    depth: b.depth,
                    text: b.text.clone(),
                }
            })
            .collect();
        Explanation {
            format: doc.format.as_str(),
            language: format!("{:?}", doc.language),
            blocks,
        }
    }
}

/// The text form: a header line, then per block its verdict, class, tag and a preview,
/// with the reason and features on the next line.
pub fn render(s: &Stripped) -> String {
    let e = Explanation::of(s);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "format: {}, language: {}, {} blocks, {} kept",
        e.format,
        e.language,
        e.blocks.len(),
        e.blocks.iter().filter(|b| b.kept).count()
    );
    for b in &e.blocks {
        let mark = if b.kept { "KEEP" } else { "drop" };
        let mut preview: String = b.text.chars().take(70).collect();
        if b.chars > 70 {
            preview.push('…');
        }
        let hints = if b.hints.is_empty() {
            String::new()
        } else {
            format!(", hints {}", b.hints.join("+"))
        };
        let _ = writeln!(
            out,
            "{:>4} {mark} {:<9} <{}> {preview}\n            {}  [{} words, stop words {:.2}, links {:.2}{hints}]",
            b.index, b.class, b.tag, b.reason, b.words, b.stopword_density, b.link_density
        );
    }
    out
}
