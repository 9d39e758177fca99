//! Cue lines: lines whose wording alone says what they are ("Also read:", "0 Comments").
//!
//! The lists are data (`data/cues-<lang>.tsv`), one regex a line, so that a new site's
//! wording is a one-line change reviewed like any other.

use regex::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// What a cue line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A link to another article ("Also read: X").
    Related,
    /// A credit line ("With information from: A / B").
    Attribution,
    /// An embedded social post.
    Embed,
    /// The article is over after this line if less body follows than came before
    /// (newsletter box, related list, notes, author box).
    Close,
    /// The comment section starts here: the article is over, however much follows.
    Comments,
    /// Never body (share bars, cookie notices, bylines).
    Chaff,
}

impl CueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Related => "related",
            CueKind::Attribution => "attribution",
            CueKind::Embed => "embed",
            CueKind::Close => "close",
            CueKind::Comments => "comments",
            CueKind::Chaff => "chaff",
        }
    }

    fn parse(s: &str) -> Option<CueKind> {
        [
            CueKind::Related,
            CueKind::Attribution,
            CueKind::Embed,
            CueKind::Close,
            CueKind::Comments,
            CueKind::Chaff,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

const CUE_FILES: [(&str, &str); 2] = [
    ("en", include_str!("../data/cues-en.tsv")),
    ("de", include_str!("../data/cues-de.tsv")),
];

/// One compiled regex per cue line, tried in file order. A `RegexSet` would look
/// neater, but its overlapping search runs on the slow PikeVM; separate regexes each
/// get a DFA and a literal prefilter, and most reject a line at its first character.
struct Cues {
    regexes: Vec<(Regex, CueKind)>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut regexes = Vec::new();
        for (lang, file) in CUE_FILES {
            for (n, line) in file.lines().enumerate() {
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let (kind, pattern) = line
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("cues-{lang}.tsv:{}: no tab", n + 1));
                let kind = CueKind::parse(kind)
                    .unwrap_or_else(|| panic!("cues-{lang}.tsv:{}: unknown kind {kind}", n + 1));
                // ASCII word boundaries keep the regex on the fast DFA engines; a
                // Unicode \b forces the slow PikeVM on every block of every page.
                let pattern = pattern.replace(r"\b", r"(?-u:\b)");
                // The files are compiled into the binary and covered by tests, so a
                // bad pattern is a build defect, not a runtime condition.
                let regex = RegexBuilder::new(&pattern)
                    .case_insensitive(true)
                    .build()
                    .unwrap_or_else(|e| panic!("cues-{lang}.tsv:{}: {e}", n + 1));
                regexes.push((regex, kind));
            }
        }
        Cues { regexes }
    })
}

/// Blocks longer than this are paragraphs, not cue lines, and are not matched.
const MAX_CUE_CHARS: usize = 400;

/// The cue a block's text matches, if any; the first listed kind wins.
pub fn cue_of(text: &str) -> Option<CueKind> {
    if text.len() > MAX_CUE_CHARS {
        return None;
    }
    cues()
        .regexes
        .iter()
        .find(|(r, _)| r.is_match(text))
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_files_compile_and_match() {
        assert_eq!(
            cue_of("Also read: Delivery of upgraded MiG-29s to Syria"),
            Some(CueKind::Related)
        );
        assert_eq!(
            cue_of("With information from: Southfront / TehranTimes / AMN"),
            Some(CueKind::Attribution)
        );
        assert_eq!(cue_of("NEWSLETTER SUBSCRIPTION"), Some(CueKind::Close));
        assert_eq!(cue_of("12 Comments"), Some(CueKind::Comments));
        assert_eq!(cue_of("Sign in to comment"), Some(CueKind::Comments));
        assert_eq!(cue_of("About the author"), Some(CueKind::Close));
        assert_eq!(
            cue_of("14 November 2024 · 2 min read · Brief"),
            Some(CueKind::Chaff)
        );
        assert_eq!(
            cue_of("Jane Roe is our East Africa correspondent, based in Nairobi."),
            Some(CueKind::Chaff)
        );
        assert_eq!(
            cue_of("In the compound pic.twitter.com/abc— Jane Roe (@janeroe) October 9, 2020"),
            Some(CueKind::Embed)
        );
        assert_eq!(
            cue_of("Reporting by Olena Kovalenko; Editing by Mark Hale"),
            Some(CueKind::Attribution)
        );
        assert_eq!(
            cue_of("Lesen Sie auch: Neue Panzer für die Bundeswehr"),
            Some(CueKind::Related)
        );
        assert_eq!(
            cue_of("Sources said the Pantsir was moved last week."),
            None
        );
        assert_eq!(cue_of("Published reports say the deal is done."), None);
    }
}
