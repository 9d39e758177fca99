//! Blocks: the units the stripper classifies, and what their containers say about them.

use std::ops::{BitOr, BitOrAssign};

/// One block of visible text: a line of a text dump or one HTML block element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Visible text, entities decoded, whitespace collapsed, trimmed; never empty.
    pub text: String,
    /// Innermost block element (`"p"`, `"li"`, `"td"`, ...); `"line"` for text dumps;
    /// `""` for text directly under `<body>`.
    pub tag: &'static str,
    /// 1..=6 inside `<h1>`..`<h6>`, else 0.
    pub heading: u8,
    /// Non-space characters inside `<a>` elements.
    pub link_chars: usize,
    /// A card's headline when the block holds more than it (beside its kicker, date
    /// and summary): the text of an element named a title or headline, else, in a
    /// related or teaser box or a list item, the block's longest link.
    pub link_text: Option<String>,
    /// What every ancestor's tag, class, id and role said (union).
    pub flags: Flags,
    /// What the nearest ancestor that said anything said: decides between, say, a
    /// comment section inside an article and an article inside a comment section.
    pub nearest: Flags,
    /// Depth of the element stack at this block.
    pub depth: usize,
    /// Hash of the tag path with class attributes: pages of one site share it for
    /// the same slot (site memory keys on it).
    pub path: u64,
    /// Ids of the enclosing elements, outermost first (at most the innermost 512);
    /// empty for text dumps. Two blocks share a container when they share an id.
    pub ancestors: Box<[u32]>,
}

impl Block {
    /// A block of a text dump: only its text survives the converter.
    pub fn line(text: String) -> Block {
        Block {
            text,
            tag: "line",
            heading: 0,
            link_chars: 0,
            link_text: None,
            flags: Flags::empty(),
            nearest: Flags::empty(),
            depth: 0,
            path: 0,
            ancestors: Box::new([]),
        }
    }

    /// Share of the block's non-space characters that sit inside links.
    pub fn link_density(&self) -> f32 {
        if self.link_chars == 0 {
            return 0.0;
        }
        // Whitespace in `text` is collapsed to single spaces.
        let spaces = self.text.bytes().filter(|&b| b == b' ').count();
        let chars = self.text.chars().count() - spaces;
        if chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / chars as f32
        }
    }
}

/// Collapses whitespace (including no-break spaces) to one space, trims, and drops
/// soft hyphens.
pub fn normalize(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut word_start = None;
    // Whether the next piece of text continues a word that a soft hyphen cut.
    let mut glued = false;
    let mut i = 0;
    while i < bytes.len() {
        let space = space_at(s, i);
        if space == 0 {
            // A soft hyphen (U+00AD) marks where a word may break and is invisible
            // unless it does: "Assis\u{AD}tance" is one word.
            if bytes[i] == 0xC2 && bytes.get(i + 1) == Some(&0xAD) {
                if let Some(start) = word_start.take() {
                    push_piece(&mut out, &s[start..i], glued);
                    glued = true;
                }
                i += 2;
                continue;
            }
            word_start.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(start) = word_start.take() {
            push_piece(&mut out, &s[start..i], glued);
        }
        glued = false;
        i += space;
    }
    if let Some(start) = word_start {
        push_piece(&mut out, &s[start..], glued);
    }
    out
}

/// Appends a word, or the rest of one a soft hyphen cut (`glued`), to normalised text.
#[inline(always)]
fn push_piece(out: &mut String, piece: &str, glued: bool) {
    if !glued && !out.is_empty() {
        out.push(' ');
    }
    out.push_str(piece);
}

/// The words of `s`, as `str::split_whitespace` gives them, found without decoding
/// the text (see [`space_at`]). The stop-word count splits every block of every page.
pub fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator [`words`] returns.
pub struct Words<'a> {
    s: &'a str,
    at: usize,
}

/// The length in bytes of the whitespace character at byte `i` of `s`, 0 for any
/// other. Whitespace is ASCII or starts with one of four lead bytes (U+0085 and
/// U+00A0; U+1680; U+2000-U+205F; U+3000): only those are decoded.
// Inlined into both hot loops: as a call it cost normalize half its time again.
#[inline(always)]
fn space_at(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => s[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// Per byte: 1 for ASCII whitespace, 2 for a lead byte that may start a Unicode
/// space, 0 for anything else; the words splitter's fast test before [`space_at`].
const SPACE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = 1;
    t[b'\t' as usize] = 1;
    t[b'\n' as usize] = 1;
    t[b'\r' as usize] = 1;
    t[0x0B] = 1;
    t[0x0C] = 1;
    t[0xC2] = 2;
    t[0xE1] = 2;
    t[0xE2] = 2;
    t[0xE3] = 2;
    t
};

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.s.as_bytes();
        let mut i = self.at;
        // Skip the whitespace before the word.
        loop {
            let Some(&b) = bytes.get(i) else {
                self.at = i;
                return None;
            };
            match SPACE_CLASS[usize::from(b)] {
                0 => break,
                1 => i += 1,
                _ => match space_at(self.s, i) {
                    0 => break,
                    n => i += n,
                },
            }
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            let space = match SPACE_CLASS[usize::from(b)] {
                0 => 0,
                _ => space_at(self.s, i),
            };
            if space != 0 {
                self.at = i + space;
                return Some(&self.s[start..i]);
            }
            i += 1;
        }
        self.at = i;
        Some(&self.s[start..])
    }
}

/// A set of container hints, as a bitset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags(u32);

macro_rules! flags {
    ($($name:ident = $bit:expr, $label:expr;)*) => {
        impl Flags {
            $(pub const $name: Flags = Flags(1 << $bit);)*
            const NAMES: &'static [(Flags, &'static str)] = &[$((Flags::$name, $label)),*];
        }
    };
}

flags! {
    NAV = 0, "nav";
    HEADER = 1, "header";
    FOOTER = 2, "footer";
    ASIDE = 3, "aside";
    COMMENT = 4, "comment";
    RELATED = 5, "related";
    SHARE = 6, "share";
    NEWSLETTER = 7, "newsletter";
    COOKIE = 8, "cookie";
    AD = 9, "ad";
    BREADCRUMB = 10, "breadcrumb";
    TAGS = 11, "tags";
    AUTHOR = 12, "author";
    CAPTION = 13, "caption";
    FORM = 14, "form";
    META = 15, "meta";
    TITLE = 16, "title";
    CONTENT = 17, "content";
    HIDDEN = 18, "hidden";
    SKIPPED = 19, "skipped";
    TEASER = 20, "teaser";
    QUOTE = 21, "pullquote";
    EMBED = 22, "embed";
    // An element named a title or headline ("card__title", "teaser-headline"): only the
    // HTML builder reads it, to keep a card's headline apart (`Block::link_text`); it
    // is no container hint and never reaches a block's flags.
    ITEM_TITLE = 23, "item-title";
    // An element named as the header's summary ("article-standfirst", "dek",
    // "sub-title"): read only where an intro outside the article's container is kept,
    // which a standfirst is not (annotations/README.md: the standfirst is no body).
    STANDFIRST = 24, "standfirst";
}

/// Class/id substrings and the hint each gives. Checked against lowercased attribute
/// values; short, ambiguous words are matched as whole tokens instead (see TOKENS).
const SUBSTRINGS: &[(&str, Flags)] = &[
    ("navigation", Flags::NAV),
    ("navbar", Flags::NAV),
    ("menu", Flags::NAV),
    ("masthead", Flags::HEADER),
    ("footer", Flags::FOOTER),
    ("sidebar", Flags::ASIDE),
    ("comment", Flags::COMMENT),
    ("disqus", Flags::COMMENT),
    ("reply", Flags::COMMENT),
    ("related", Flags::RELATED),
    ("recommend", Flags::RELATED),
    ("more-stories", Flags::RELATED),
    ("read-next", Flags::RELATED),
    ("most-read", Flags::RELATED),
    ("popular", Flags::RELATED),
    ("trending", Flags::RELATED),
    ("teaser", Flags::TEASER),
    ("share", Flags::SHARE),
    ("social", Flags::SHARE),
    ("newsletter", Flags::NEWSLETTER),
    ("subscri", Flags::NEWSLETTER),
    ("signup", Flags::NEWSLETTER),
    ("cookie", Flags::COOKIE),
    ("consent", Flags::COOKIE),
    ("gdpr", Flags::COOKIE),
    ("advert", Flags::AD),
    ("sponsor", Flags::AD),
    ("promo", Flags::AD),
    // The native-ad networks' widgets ("Doctors stunned: ...").
    ("taboola", Flags::AD),
    ("outbrain", Flags::AD),
    ("breadcrumb", Flags::BREADCRUMB),
    ("tagcloud", Flags::TAGS),
    ("tag-list", Flags::TAGS),
    ("post-tags", Flags::TAGS),
    ("author-bio", Flags::AUTHOR),
    ("author-box", Flags::AUTHOR),
    ("bio", Flags::AUTHOR),
    ("caption", Flags::CAPTION),
    ("credit", Flags::CAPTION),
    ("byline", Flags::META),
    ("dateline", Flags::META),
    ("post-meta", Flags::META),
    ("entry-meta", Flags::META),
    ("timestamp", Flags::META),
    ("ticker", Flags::NAV),
    ("pullquote", Flags::QUOTE),
    ("tweet", Flags::EMBED),
    ("instagram-media", Flags::EMBED),
    ("telegram-post", Flags::EMBED),
    // Embedded posts, videos and graphics by their kind: a bare "embed" also names
    // Webflow's code blocks ("w-embed"), Drupal's inline media and styled quotes
    // ("c-block-quote-embed"), which hold the article's own prose.
    ("wp-block-embed", Flags::EMBED),
    ("element-embed", Flags::EMBED),
    ("embedded-post", Flags::EMBED),
    ("social-embed", Flags::EMBED),
    ("video-embed", Flags::EMBED),
    ("graphic-embed", Flags::EMBED),
    ("audio-embed", Flags::EMBED),
    ("podcast-embed", Flags::EMBED),
    ("embed-twitter", Flags::EMBED),
    ("embed-telegram", Flags::EMBED),
    ("embed-youtube", Flags::EMBED),
    ("embed-instagram", Flags::EMBED),
    ("embed-facebook", Flags::EMBED),
    ("embed-tiktok", Flags::EMBED),
    ("youtube-embed", Flags::EMBED),
    ("twitter-embed", Flags::EMBED),
    ("instagram-embed", Flags::EMBED),
    ("facebook-embed", Flags::EMBED),
    ("tiktok-embed", Flags::EMBED),
    ("pull-quote", Flags::QUOTE),
    ("standfirst", Flags::STANDFIRST),
    ("subtitle", Flags::STANDFIRST),
    ("sub-title", Flags::STANDFIRST),
    ("description", Flags::STANDFIRST),
    ("entry-title", Flags::TITLE),
    ("headline", Flags::TITLE),
    ("entry-content", Flags::CONTENT),
    ("post-content", Flags::CONTENT),
    ("article-body", Flags::CONTENT),
    ("articlebody", Flags::CONTENT),
    ("article-content", Flags::CONTENT),
    ("story-body", Flags::CONTENT),
    ("post-body", Flags::CONTENT),
    ("main-content", Flags::CONTENT),
];

fn substring_automaton() -> &'static aho_corasick::AhoCorasick {
    static AUTOMATON: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AUTOMATON.get_or_init(|| {
        // A constant list: failing to build is a build defect.
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(SUBSTRINGS.iter().map(|(needle, _)| needle))
            .expect("class hint automaton builds")
    })
}

/// Whole class/id tokens (split on anything not a letter or digit).
const TOKENS: &[(&str, Flags)] = &[
    ("nav", Flags::NAV),
    ("header", Flags::HEADER),
    ("ad", Flags::AD),
    ("ads", Flags::AD),
    ("tags", Flags::TAGS),
    ("author", Flags::AUTHOR),
    ("authors", Flags::AUTHOR),
    ("meta", Flags::META),
    ("date", Flags::META),
    ("banner", Flags::AD),
    ("modal", Flags::FORM),
    ("popup", Flags::FORM),
    ("contentinfo", Flags::FOOTER),
    ("navigation", Flags::NAV),
    ("complementary", Flags::ASIDE),
    ("widget", Flags::ASIDE),
    ("title", Flags::ITEM_TITLE),
    ("headline", Flags::ITEM_TITLE),
    ("dek", Flags::STANDFIRST),
    ("summary", Flags::STANDFIRST),
];

impl Flags {
    pub const fn empty() -> Flags {
        Flags(0)
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    pub const fn intersects(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }

    /// The hints in both sets.
    pub const fn and(self, other: Flags) -> Flags {
        Flags(self.0 & other.0)
    }

    /// The hints in either set (`|` for constants).
    pub const fn or(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }

    /// The hints of `self` that are not in `other`.
    pub const fn without(self, other: Flags) -> Flags {
        Flags(self.0 & !other.0)
    }

    /// The single hint at bit `n` (0..32).
    pub const fn bit(n: usize) -> Flags {
        Flags(1 << n)
    }

    /// Hints that mark everything inside as chaff.
    pub const CHAFF: Flags = Flags(
        Flags::NAV.0
            | Flags::FOOTER.0
            | Flags::ASIDE.0
            | Flags::COMMENT.0
            | Flags::RELATED.0
            | Flags::SHARE.0
            | Flags::NEWSLETTER.0
            | Flags::COOKIE.0
            | Flags::AD.0
            | Flags::BREADCRUMB.0
            | Flags::TAGS.0
            | Flags::AUTHOR.0
            | Flags::CAPTION.0
            | Flags::FORM.0
            | Flags::META.0
            | Flags::HIDDEN.0
            | Flags::TEASER.0
            | Flags::QUOTE.0
            | Flags::EMBED.0,
    );

    /// Objects inserted into an article's text (captions, embeds, pull quotes, ads):
    /// context looks through them.
    pub const INSERTED: Flags =
        Flags(Flags::CAPTION.0 | Flags::EMBED.0 | Flags::QUOTE.0 | Flags::AD.0);

    /// Hints given by the element name itself.
    pub fn from_tag(name: &str) -> Flags {
        match name {
            "nav" => Flags::NAV,
            "header" => Flags::HEADER,
            "footer" => Flags::FOOTER,
            "aside" => Flags::ASIDE,
            "form" | "button" | "select" | "label" | "input" => Flags::FORM,
            "figcaption" | "caption" => Flags::CAPTION,
            "article" | "main" => Flags::CONTENT,
            "h1" => Flags::TITLE,
            _ => Flags::empty(),
        }
    }

    /// Hints given by a class, id, role or itemprop value.
    pub fn from_attribute(value: &str) -> Flags {
        let mut f = Flags::empty();
        // One automaton pass for all substrings: this runs on every class attribute
        // of every page, and sixty `contains` calls were a tenth of the HTML pass.
        for m in substring_automaton().find_overlapping_iter(value) {
            f |= SUBSTRINGS[m.pattern().as_usize()].1;
        }
        for token in value.split(|c: char| !c.is_ascii_alphanumeric()) {
            if token.is_empty() || token.len() > 13 {
                continue;
            }
            for (word, flag) in TOKENS {
                if token.eq_ignore_ascii_case(word) {
                    f |= *flag;
                }
            }
        }
        f
    }

    /// The names of the hints set, for `--explain`.
    pub fn names(self) -> Vec<&'static str> {
        Flags::NAMES
            .iter()
            .filter(|(f, _)| self.contains(*f))
            .map(|(_, n)| *n)
            .collect()
    }
}

impl BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl BitOrAssign for Flags {
    fn bitor_assign(&mut self, rhs: Flags) {
        self.0 |= rhs.0;
    }
}

/// Whether a line is written in capitals: three letters at least (a contact's "T:
/// +44 ..." is none) and none in lower case. A kicker ("BULL'S-EYE"), a box's heading
/// ("OTHER NEWS"), a dateline's place; shared with extraction's header and field rules.
pub fn in_capitals(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).nth(2).is_some()
        && !text.chars().any(char::is_lowercase)
}

/// Whether a line holds two sentences ("... territory. Moscow's ...") or clauses
/// joined by a semicolon: a standfirst, not a headline.
pub fn is_two_sentences(text: &str) -> bool {
    text.contains("; ")
        || text.match_indices(". ").any(|(i, _)| {
            let next = text[i + 2..].chars().next();
            // "U.S. Army", "Gen. Smith": an abbreviation's stop is not a sentence end.
            let word = text[..i].rsplit(' ').next().unwrap_or("");
            next.is_some_and(char::is_uppercase) && word.chars().count() > 3
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_hints() {
        assert!(Flags::from_attribute("jp-relatedposts").contains(Flags::RELATED));
        assert!(Flags::from_attribute("td-post-content entry-content").contains(Flags::CONTENT));
        assert!(Flags::from_attribute("site-header").contains(Flags::HEADER));
        // A list of a story's writers ("eq-authors") names them as one author does.
        assert!(Flags::from_attribute("eq-authors").contains(Flags::AUTHOR));
        // "shadow" and "load" must not read as "ad".
        assert!(!Flags::from_attribute("shadow load-more").contains(Flags::AD));
    }

    #[test]
    fn words_split_as_split_whitespace_does() {
        for text in [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tnew\nline\r\x0b\x0cend",
            "no\u{a0}break\u{85}nel\u{1680}ogham\u{2003}em\u{2028}ls\u{205f}m\u{3000}ideo",
            "Grüße aus Köln – 20 km/h, «quoted» ‹x› \u{200b}zero-width",
            "\u{a0}\u{a0}lead and trail\u{3000}",
        ] {
            let ours: Vec<&str> = words(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
        // Every whitespace character up to U+3000, alone between two words.
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(
                words(&text).collect::<Vec<_>>(),
                text.split_whitespace().collect::<Vec<_>>(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn normalize_handles_nbsp() {
        assert_eq!(normalize(" a\u{a0}\u{a0}b \n"), "a b");
        assert_eq!(
            normalize("Home Repair Assis\u{ad}tance Pro\u{ad}gram"),
            "Home Repair Assistance Program"
        );
        assert_eq!(
            normalize("\u{ad} Ver\u{ad}\u{ad}wal\u{ad}tung \u{ad}"),
            "Verwaltung"
        );
    }

    #[test]
    fn normalize_collapses_every_kind_of_whitespace() {
        // Every char that is whitespace, between words, at the edges and in runs;
        // non-space chars sharing the lead bytes (©, “, 、) stay.
        let spaces: Vec<char> = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        let mut text = String::from("\u{85}©x");
        for (k, c) in spaces.iter().enumerate() {
            text.push(*c);
            if k % 3 == 0 {
                text.push(*c);
            }
            text.push_str(["“Word”", "ẞ", "、", "é"][k % 4]);
        }
        text.push('\u{3000}');
        let expected = text
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(normalize(&text), expected);
    }
}
