//! Cue lines: lines whose wording alone says what they are ("Also read:", "0 Comments").
//!
//! The lists are data (`data/cues-<lang>.tsv`), one regex a line, so that a new site's
//! wording is a one-line change reviewed like any other.

use crate::required::{first_bytes, required_literals};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
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
    /// A media credit on its own line ("Photo: Reuters"): never body, and a short line
    /// right above it is the picture's caption.
    Credit,
    /// A line of a box set into the article's text (a soft paywall's "Subscribe to
    /// continue reading", an ad break's "Continue reading below", a player's "Play
    /// video"): never body, and context looks through it to the paragraphs on either
    /// side, as through an "Also read" line. As plain chaff it cut a lead paragraph
    /// off the body it belongs to.
    Inset,
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
            CueKind::Credit => "credit",
            CueKind::Inset => "inset",
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
            CueKind::Credit,
            CueKind::Inset,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

const CUE_FILES: [(&str, &str); 2] = [
    ("en", include_str!("../data/cues-en.tsv")),
    ("de", include_str!("../data/cues-de.tsv")),
];

/// The cue lines, compiled so that the common case (no cue: nine blocks in ten) costs
/// one DFA pass and one Aho-Corasick pass over the block.
///
/// Lines anchored on a literal (`^also read`) leave the DFA after a few bytes of most
/// blocks, so one set holds them all (only a block that matches pays for finding which
/// line matched: a set's overlapping search runs on the slow PikeVM). A line anchored on
/// a class with counted repeats (`^[A-Z][\w.'’-]+( ...){0,3}`) matches the start of most
/// blocks, and inside a set its counters multiply with the others' into a new DFA state
/// for nearly every block: such lines, and floating lines, run alone, and only on a
/// block that holds one of the literals the line cannot match without
/// ([`crate::required::required_literals`]).
struct Cues {
    /// The kind of every cue line, in file order (English first, then German).
    kinds: Vec<CueKind>,
    /// The lines anchored on a literal, as one automaton. `anchored_index[i]` is the
    /// file-order index of the set's pattern `i`.
    anchored: RegexSet,
    anchored_index: Vec<usize>,
    /// The other lines, each with its file-order index, tried one by one in file
    /// order.
    single: Vec<Single>,
    /// The required literals of the single lines; pattern `p` belongs to the line
    /// `literal_line[p]` (an index into `single`).
    literals: AhoCorasick,
    literal_line: Vec<usize>,
}

struct Single {
    index: usize,
    regex: Regex,
    /// Tried only on a block that holds one of its required literals; a line without
    /// such literals is always tried.
    gated: bool,
    /// For a line anchored at the start: the bytes a block it matches can start with.
    first_bytes: Option<Box<[bool; 256]>>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut kinds = Vec::new();
        let mut anchored_patterns = Vec::new();
        let mut anchored_index = Vec::new();
        let mut single = Vec::new();
        let mut anchored_lines = Vec::new();
        let mut literals = Vec::new();
        let mut literal_line = Vec::new();
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
                // An ASCII word boundary, word characters of the Latin script (the cue
                // files' languages) and ASCII digits: Unicode's whole `\w` and `\d`
                // compile, once per counted repeat, into NFAs that cost start-up time
                // for letters and digits of other scripts that these lines never meet.
                let pattern = pattern
                    .replace(r"\b", r"(?-u:\b)")
                    .replace(r"\w", r"[\p{Latin}0-9_]")
                    .replace(r"\d", "[0-9]");
                // What the line says is read from its Unicode form; what runs is its
                // byte form (see [`bytewise`]).
                let unicode_pattern = pattern;
                let pattern = bytewise(&unicode_pattern);
                let index = kinds.len();
                kinds.push(kind);
                // An alternation at the top level ("^a|b") is not anchored as a whole.
                let anchored = pattern.starts_with('^') && !top_level_alternation(&pattern);
                let class_led = pattern
                    .trim_start_matches('^')
                    .trim_start_matches("(?-i:")
                    .starts_with('[');
                if anchored && !class_led {
                    anchored_lines.push((lang, n + 1));
                    anchored_patterns.push(pattern);
                    anchored_index.push(index);
                    continue;
                }
                let regex = RegexBuilder::new(&pattern)
                    .case_insensitive(true)
                    .build()
                    .unwrap_or_else(|e| panic!("cues-{lang}.tsv:{}: {e}", n + 1));
                let hir = regex_syntax::ParserBuilder::new()
                    .case_insensitive(true)
                    .build()
                    .parse(&unicode_pattern)
                    .ok();
                let first_bytes = hir.as_ref().and_then(first_bytes);
                // A line that cannot start with a letter ("^\d+ likes", "^\d{1,2}:\d{2}")
                // is tried only on the few blocks that start with one of its first
                // bytes: that test is cheaper than its literals, which are common
                // (", ", "li", "-") and made a third of all blocks search for the lines.
                let starts_without_letter = first_bytes.as_ref().is_some_and(|bytes| {
                    !(0..=255u8).any(|b| b.is_ascii_alphabetic() && bytes[usize::from(b)])
                });
                let required = if starts_without_letter {
                    None
                } else {
                    hir.as_ref().and_then(required_literals)
                };
                let gated = required.is_some();
                for literal in required.into_iter().flatten() {
                    literals.push(literal);
                    literal_line.push(single.len());
                }
                single.push(Single {
                    index,
                    regex,
                    gated,
                    first_bytes,
                });
            }
        }
        let anchored = RegexSetBuilder::new(&anchored_patterns)
            .case_insensitive(true)
            .dfa_size_limit(64 << 20)
            .build()
            .unwrap_or_else(|e| {
                // Name the line that broke the set (compiling each costs start-up time,
                // so only here).
                for ((lang, line), pattern) in anchored_lines.iter().zip(&anchored_patterns) {
                    if let Err(e) = Regex::new(&format!("(?i){pattern}")) {
                        panic!("cues-{lang}.tsv:{line}: {e}");
                    }
                }
                panic!("cue files: {e}")
            });
        assert!(
            single.len() <= MAX_SINGLE_LINES,
            "cue files: more than {MAX_SINGLE_LINES} lines outside the anchored set"
        );
        // Literals of the project's own cue files: a failure is a build defect.
        // A DFA: the overlapping search runs on every block, and the literals are
        // few.
        let literals = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&literals)
            .expect("cue literals build an automaton");
        Cues {
            kinds,
            anchored,
            anchored_index,
            single,
            literals,
            literal_line,
        }
    })
}

/// `pattern` with its "any character" (`.`) made to step over bytes instead of
/// characters.
///
/// In Unicode mode `.` compiles into an automaton for every UTF-8 sequence, once per
/// counted repeat: `.{0,150}` alone is over a thousand NFA states, and the cue files'
/// bounded gaps cost two fifths of the anchored set's start-up. The bounds are rough
/// lengths, so counting them in bytes rather than characters changes nothing they were
/// written to say. (Negated classes stay Unicode: as bytes they split the DFA's
/// alphabet and made every block's search a third slower.)
fn bytewise(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        let len = match c {
            '\\' => c.len_utf8() + rest[1..].chars().next().map_or(0, char::len_utf8),
            '[' => class_end(rest),
            _ => c.len_utf8(),
        };
        if c == '.' {
            out.push_str("(?-u:[^\\n])");
        } else {
            out.push_str(&rest[..len]);
        }
        rest = &rest[len..];
    }
    out
}

/// The length of the class that opens `pattern` (nested classes included), or the
/// whole pattern if the class is unclosed (the regex compiler then reports it).
fn class_end(pattern: &str) -> usize {
    let bytes = pattern.as_bytes();
    let mut depth = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // An escape can be a multi-byte character: skip its first byte only; the
            // rest are continuation bytes, never `[` or `]`.
            b'\\' => i += 1,
            // A `]` right after the opening `[` or `[^` is a literal.
            b']' if !(i == 1 || (i == 2 && bytes[1] == b'^')) => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b'[' => depth += 1,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Whether `pattern` has a `|` outside every group and class.
fn top_level_alternation(pattern: &str) -> bool {
    let (mut depth, mut in_class, mut escaped) = (0i32, false, false);
    for c in pattern.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth -= 1,
            '|' if !in_class && depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// Builds the cue automata now (see [`crate::warm_up`]).
pub fn warm_up() {
    cues();
}

/// A cue line is a line: a longer block is prose, and only a legal notice among such
/// blocks is a cue.
const MAX_CUE_CHARS: usize = 400;

/// A site's legal notice run into one long block ("NHL.com is the official web site
/// of ... All Rights Reserved. ... are registered trademarks of ..."): too long for a
/// cue line, and no article's prose says "All rights reserved".
fn is_legal_notice(text: &str) -> bool {
    [
        "All Rights Reserved",
        "All rights reserved",
        "ALL RIGHTS RESERVED",
    ]
    .iter()
    .any(|p| memchr::memmem::find(text.as_bytes(), p.as_bytes()).is_some())
}

/// The cue a block's text matches, if any; the first listed kind wins.
pub fn cue_of(text: &str) -> Option<CueKind> {
    if text.len() > MAX_CUE_CHARS {
        return is_legal_notice(text).then_some(CueKind::Chaff);
    }
    let cues = cues();
    // The first line in file order that matches wins, as the files are written to be
    // read: the best anchored line, unless a single line comes earlier.
    let bytes = text.as_bytes();
    let mut best = if cues.anchored.is_match(bytes) {
        cues.anchored
            .matches(bytes)
            .iter()
            .next()
            .map(|i| cues.anchored_index[i])
    } else {
        None
    };
    // Which gated lines may match: those whose literals the block holds.
    // Nine blocks in ten hold none: a plain search says so faster than the
    // overlapping one that names them.
    let mut possible = [false; MAX_SINGLE_LINES];
    if cues.literals.is_match(text) {
        for hit in cues.literals.find_overlapping_iter(text) {
            possible[cues.literal_line[hit.pattern().as_usize()]] = true;
        }
    }
    for (i, line) in cues.single.iter().enumerate() {
        if best.is_some_and(|b| b < line.index) {
            break;
        }
        let may_start = line.first_bytes.as_ref().is_none_or(|bytes| {
            text.as_bytes()
                .first()
                .is_some_and(|&b| bytes[usize::from(b)])
        });
        if (possible[i] || !line.gated) && may_start && line.regex.is_match(bytes) {
            best = Some(line.index);
            break;
        }
    }
    best.map(|i| cues.kinds[i])
        .or_else(|| is_cut_teaser(text).then_some(CueKind::Chaff))
}

/// A teaser cut short with an ellipsis in brackets, as blogs print an excerpt ("...
/// it is showing its [...]"). Punctuation, not language, so not in the cue files; and
/// as a line of them (`^\S.{40,} \[...\]$`) it cost the anchored set a tenth of its
/// speed.
fn is_cut_teaser(text: &str) -> bool {
    let body = text
        .strip_suffix(" [...]")
        .or_else(|| text.strip_suffix(" […]"));
    body.is_some_and(|b| b.chars().count() >= 40 && !b.starts_with(char::is_whitespace))
}

/// The cue files hold at most this many lines outside the anchored set.
const MAX_SINGLE_LINES: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_lines_are_chaff_and_boxes_set_into_the_text_are_insets() {
        for line in [
            // Buttons, form labels, pagers.
            "Contact Us",
            "Submit",
            "Email Address",
            "Share this article",
            "Δ",
            "Close",
            "Get started",
            "Editor-in-Chief",
            "Recent Posts",
            "< Back to blog",
            "Text by Hunter Dukes",
            // A live page's stamp without a space, a caption whose credit is a courtesy.
            "1h ago",
            "A Czech CV90 MkIV demonstrator during trials. (Photo courtesy of BAE Systems Hägglunds)",
            "A portrait of the queen in 2004 (Picture credit: Getty)",
            // A newsletter box set into the article, and a correspondent's note.
            "Sign me up",
            "One clear explainer on security, every second Tuesday. Unsubscribe anytime.",
            "By subscribing you agree to our Terms of Use and Privacy Policy.",
            "Never miss a quick explainer",
            "Free weekly newsletter",
            "An artist’s impression of the frigate. Illustration: Mitsubishi Heavy Industries",
            "Amira Osman is Africa Risk Monitor's East Africa correspondent, based in Nairobi.",
            // The US government's banner.
            "An official website of the United States government",
            "Here's how you know",
            "Official websites use .mil",
            "Secure .gov websites use HTTPS",
            // A magazine's notes: a dated correction, the print issue, the author.
            "Correction, November 13, 2025: An earlier version of this article gave the wrong year.",
            "This article appears in the Spring 2025 print issue of The Ravelin under the headline “The Fortress”.",
            "Dieser Beitrag erschien zuerst in der Ausgabe 4/2025 unter dem Titel „Raketenabwehr“.",
            "Jana Roth ist Redakteurin für Sicherheitspolitik bei Ravelin.",
            // A poll's buttons, a series box, a newsletter box's title and field.
            "Have your say",
            "View results",
            "Get Furness Now's daily newsletter",
            "Your email address",
            // A figure's caption, a picture's copyright, a footnote, an investigator's bio.
            "Figure 2: Close-up of the eastern apron on August 10.",
            "Satellite image ©2022 Planet Labs PBC",
            "[1] Planet Labs imagery was accessed through its research programme.",
            "Daniel Ashworth is a senior investigator at Open Lens, where he studies imagery.",
            // A live blog's controls.
            "Newest first",
            "Auto-update",
            "Show 6 older updates",
            "New updates — click to refresh",
        ] {
            assert_eq!(cue_of(line), Some(CueKind::Chaff), "{line}");
        }
        for line in [
            "Subscribe to continue reading",
            "Already a subscriber? Sign in",
            "See subscription options",
            "Advertisement - Continue Reading Below",
            "Show 2 More ▼",
            "Check price at Amazon (on sale!)",
            "Weiterlesen nach der Anzeige",
            "Table of Contents",
            "Unlimited access starts at $1 for your first month. Already a subscriber? Sign in",
            "This story is available to Ledger Pro subscribers. Start a 14-day free trial.",
            "This analysis is part of Ledger Pro. Subscribe for $29.99 a month.",
            // A German paywall box.
            "Jetzt weiterlesen mit NOR+",
            "Alle Artikel auf nor-online.de lesen – 4 Wochen für 0,99 €",
            "Jetzt testen",
            "Sie sind bereits Abonnent? Hier anmelden",
            "Ravelin im Abo: alle Hefte und das Archiv. Jetzt 3 Monate für 9 Euro testen.",
            "Zum Angebot",
        ] {
            assert_eq!(cue_of(line), Some(CueKind::Inset), "{line}");
        }
        assert_eq!(cue_of("Image source: Getty Images."), Some(CueKind::Credit));
        // A sentence that opens with the words is no button.
        assert_eq!(cue_of("Contact us now to schedule a meeting."), None);
        // Nor is a table's column heading ("Prev", "Next").
        assert_eq!(cue_of("Next"), None);
        // An editor's note stays body: WCXB's gold keeps such notes.
        assert_eq!(
            cue_of("Editor's note, Nov. 11, 2022: This story has been updated."),
            None
        );
        assert_eq!(cue_of("Jana Roth ist in Kiel geboren."), None);
        // A sentence that mentions a figure is no caption.
        assert_eq!(cue_of("Figure skating drew 2,000 people."), None);
    }

    #[test]
    fn a_german_press_releases_boilerplate_closes_it_and_a_subheading_does_not() {
        assert_eq!(cue_of("Über Rheinmetall"), Some(CueKind::Close));
        assert_eq!(cue_of("Zukunftsgerichtete Aussagen"), Some(CueKind::Close));
        assert_eq!(cue_of("Pressekontakt:"), Some(CueKind::Close));
        assert_eq!(cue_of("Über die Beschaffung"), None);
    }

    #[test]
    fn a_german_pages_furniture_is_chaff_and_its_prose_is_not() {
        for line in [
            "Lesezeit: 3 Minuten",
            "Artikel vorlesen",
            "Seite teilen",
            "Bildergalerie (12 Bilder)",
            "Bild 3 von 12",
            "Bild herunterladen (JPG, 3,4 MB)",
            "Beitrag auf X",
            "Mit dem Laden des Beitrags akzeptieren Sie die Datenschutzerklärung von X.",
            "Hinweis: Dieser Beitrag wurde am 19.09.2025 um 16:10 Uhr aktualisiert.",
            "Hinweis der Redaktion: In einer früheren Fassung hieß es, die Landung sei auf Bornholm erfolgt.",
            "Schlagworte: Marine, Seebataillon, Ostsee",
            "Folgen Sie uns auf Instagram",
            "Marineinfanteristen verlassen ein Landungsboot. Quelle: Bundeswehr/Nico Theska",
        ] {
            assert_eq!(cue_of(line), Some(CueKind::Chaff), "{line}");
        }
        for line in [
            "Die Luftwaffe beteiligt sich regelmäßig am Air Policing im Baltikum.",
            "Bild und Ton der Übertragung fielen für zwei Minuten aus, sagte ein Sprecher.",
            "Der Beitrag der Marine wurde am Montag im Ausschuss beraten.",
        ] {
            assert_eq!(cue_of(line), None, "{line}");
        }
    }

    #[test]
    fn a_newsletters_web_edition_furniture_is_chaff_and_its_credits_attributions() {
        for line in [
            "In today's briefing:",
            "In today’s briefing:",
            "A MESSAGE FROM KESTREL MARITIME",
            "Copy your referral link",
            "See the full archive",
            "In der heutigen Ausgabe:",
            "Eine Nachricht von Brandtner Defence Electronics",
            "Weiterempfehlen",
            "Wurde Ihnen die Morgenlage weitergeleitet? Hier geht es zur kostenlosen Anmeldung.",
            "Sie haben bisher 1 Person geworben. Werben Sie 4 weitere.",
            "Die heutige Ausgabe wurde von Jonas Breitkreuz geschrieben und von Sabine Aldinger redigiert.",
            "Abmelden | Einstellungen verwalten | Datenschutz",
            "Sie erhalten diese E-Mail, weil Sie die Morgenlage abonniert haben.",
        ] {
            assert_eq!(cue_of(line), Some(CueKind::Chaff), "{line}");
        }
        for line in ["Previous editions", "Frühere Ausgaben"] {
            assert_eq!(cue_of(line), Some(CueKind::Close), "{line}");
        }
        for line in [
            "Read more at Financial Times",
            "Mehr dazu bei der FAZ",
            "Forwarded from Tavria Skywatch",
            "Weitergeleitet von Morskyi Dozor",
        ] {
            assert_eq!(cue_of(line), Some(CueKind::Attribution), "{line}");
        }
        for line in [
            "We'd like to set additional cookies to understand how you use GOV.UK, remember your settings and improve government services.",
            "We also use cookies set by other sites to help us deliver content from their services.",
            "Is this page useful?",
            "Yes this page is useful",
            "No this page is not useful",
            "Thank you for your feedback",
            "Was this fact check helpful? Yes No",
            "From:",
            "Published",
        ] {
            assert_eq!(cue_of(line), Some(CueKind::Chaff), "{line}");
        }
        // A menu's "Past issues" and a sentence about a message are no cue.
        assert_eq!(cue_of("Past Issues"), None);
        assert_eq!(
            cue_of("A message from the minister was read out at the ceremony in Kyiv on Friday."),
            None
        );
    }

    #[test]
    fn a_credit_for_reporting_with_a_colon_is_an_attribution() {
        for line in ["Additional reporting: AP", "Reporting by Anna Berg in Kyiv"] {
            assert_eq!(cue_of(line), Some(CueKind::Attribution), "{line}");
        }
        // A sentence about reporting is none.
        assert_eq!(cue_of("Reporting from the front is dangerous work."), None);
        // Nor is an item of a list of topics.
        assert_eq!(cue_of("Reporting: which KPIs must be visible"), None);
    }

    #[test]
    fn a_metered_paywalls_notices_are_insets() {
        for line in [
            "You have read 2 of your 3 free essays this month",
            "You have reached the end of your free preview. Subscribe to read the rest of this essay.",
            "Subscribe for unlimited access to every essay and the full archive.",
            "Sie haben 2 von 3 kostenlosen Essays in diesem Monat gelesen.",
            "Bereits Abonnent? Anmelden",
        ] {
            assert!(cue_of(line).is_some(), "{line}");
        }
        assert_eq!(cue_of("Gift this article"), Some(CueKind::Chaff));
        assert_eq!(
            cue_of("Related essay: How Long Could Taiwan Hold Out?"),
            Some(CueKind::Related)
        );
        // Prose that mentions a preview or free access is no notice.
        assert_eq!(
            cue_of("The ministry said the free preview of the new system drew 4,000 visitors."),
            None
        );
    }

    #[test]
    fn a_tabloids_tip_off_box_and_player_controls_are_chaff() {
        assert_eq!(
            cue_of(
                "Got a story? Email news@example.co.uk or call us direct. Best stories paid for."
            ),
            Some(CueKind::Chaff)
        );
        assert_eq!(
            cue_of("Sie haben etwas beobachtet? Schicken Sie uns Ihre Fotos per WhatsApp."),
            Some(CueKind::Chaff)
        );
        assert_eq!(cue_of("Sound on"), Some(CueKind::Chaff));
        assert_eq!(cue_of("Video Credit: Royal Navy"), Some(CueKind::Credit));
        assert_eq!(
            cue_of("Got a story to tell, the veteran said, and he told it well."),
            None
        );
    }

    #[test]
    fn a_long_legal_notice_is_chaff() {
        let clause = "The league's name, its shield, the word mark and the image of its trophy are registered trademarks of the league and may not be used without its prior consent. ";
        let notice = format!(
            "{}Copyright 2012 the league. All Rights Reserved.",
            clause.repeat(4)
        );
        assert!(notice.len() > MAX_CUE_CHARS);
        assert_eq!(cue_of(&notice), Some(CueKind::Chaff));
        // Long prose without the notice is no cue.
        assert_eq!(cue_of(&clause.repeat(4)), None);
    }

    #[test]
    fn a_blog_theme_s_post_meta_lines_are_chaff() {
        for line in [
            "This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under Neat Stuff.",
            "Posted in Carnivals, Current Events , Links | No Comments »",
            "Posted in Miscellaneous | 3 Comments",
        ] {
            assert_eq!(cue_of(line), Some(CueKind::Chaff), "{line}");
        }
        assert_eq!(
            cue_of("Posted in 2012, the video was seen by millions."),
            None
        );
    }

    #[test]
    fn any_character_steps_over_bytes_outside_classes_only() {
        assert_eq!(bytewise(r"^a.{0,9}$"), r"^a(?-u:[^\n]){0,9}$");
        // A dot in a class, nested or negated, and an escaped dot stay literal.
        for literal in [
            r"[.!?]",
            r"[^.]",
            r"[[\p{Latin}0-9_]&.'’-]+",
            r"x\.y",
            r"[]. ]",
        ] {
            assert_eq!(bytewise(literal), literal);
        }
        assert_eq!(bytewise(r"[a.]b.c"), r"[a.]b(?-u:[^\n])c");
        // A line with a bounded gap still matches text outside ASCII.
        assert_eq!(
            cue_of("With information from: Анна-Мария Müller, Þórr / Reuters"),
            Some(CueKind::Attribution)
        );
    }

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
        // A forum's list of other threads closes the thread.
        assert_eq!(cue_of("Similar threads"), Some(CueKind::Close));
        assert_eq!(cue_of("Mehr aus diesem Heft"), Some(CueKind::Close));
        assert_eq!(cue_of("More investigations"), Some(CueKind::Close));
        assert_eq!(cue_of("Read the series"), Some(CueKind::Close));
        // A release's boilerplate about a body named with its acronym; a book's
        // heading with an ampersand is no company's (WCXB dev-4368 keeps it).
        assert_eq!(
            cue_of("About the Directorate of Defense Research and Development (DDR&D)"),
            Some(CueKind::Close)
        );
        assert_eq!(cue_of("About Hemlock & Silver"), None);
        assert_eq!(
            cue_of("This information is information that Veltmar AB is obliged to make public pursuant to the EU Market Abuse Regulation."),
            Some(CueKind::Chaff)
        );
        assert_eq!(cue_of("Similar Content"), Some(CueKind::Close));
        assert_eq!(cue_of("Also on MilPulse Africa"), Some(CueKind::Close));
        assert_eq!(cue_of("12 Comments"), Some(CueKind::Comments));
        assert_eq!(cue_of("Sign in to comment"), Some(CueKind::Comments));
        // A forum post's buttons: the opening post is over.
        assert_eq!(cue_of("Reply With Quote"), Some(CueKind::Comments));
        assert_eq!(cue_of("Quote"), Some(CueKind::Comments));
        assert_eq!(
            cue_of("With contributions from Anna Petrenko in Kyiv."),
            Some(CueKind::Attribution)
        );
        assert_eq!(
            cue_of("This page includes reporting from Yonhap and Kyodo."),
            Some(CueKind::Attribution)
        );
        // A consent box's lines; an article that mentions cookies is not one.
        assert_eq!(
            cue_of("These cookies are strictly necessary. Marketing cookies are optional."),
            Some(CueKind::Chaff)
        );
        assert_eq!(
            cue_of("_clsk 1 day Microsoft Clarity sets this cookie to store pageviews."),
            Some(CueKind::Chaff)
        );
        assert_eq!(cue_of("Manage Cookie Consent"), Some(CueKind::Chaff));
        assert_eq!(
            cue_of("Bakeries sold more cookies than bread at the base canteen."),
            None
        );
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
        // A byline with its role and date after a separator.
        assert_eq!(
            cue_of("By Chris Doe ⋅ Founder and Editor ⋅ Updated May 6, 2025"),
            Some(CueKind::Chaff)
        );
        // Capitals are meant as capitals: prose that starts like a bio is not one.
        assert_eq!(
            cue_of("The order covers launchers on Polish-built Jelcz trucks and radars."),
            None
        );
        // German bylines and photo credits.
        assert_eq!(cue_of("Von Sören Bruns"), Some(CueKind::Chaff));
        assert_eq!(
            cue_of("Ein A400M rollt zum Vorfeld. Foto: Sören Bruns"),
            Some(CueKind::Chaff)
        );
    }
}
