//! Comment threads in text dumps, found by the shape of their posts.
//!
//! An HTML page marks its comment section with a container (`class="comments"`); a
//! text dump has lost that, and often the "Leave a comment" cue too. What survives is
//! the rhythm of a thread: a commenter's name, the post's time stamp, the post, again
//! and again ("Luke" / "December 19, 2025, 3:47 am" / text; "by geekmux ( 1040042 )
//! writes:" / text). A live blog also repeats time stamps, but bare ones ("10:45 am")
//! with no name above them, which is why a header needs a full date with its time or a
//! "writes:"/"says:" line.

use regex::Regex;
use std::sync::OnceLock;

/// A post header is short; a longer line that holds a date and a time is prose.
const HEADER_MAX_WORDS: usize = 12;
/// A commenter's name above a time stamp: a short line.
const NAME_MAX_WORDS: usize = 4;
/// Fewer posts than this is an article's own byline and date, not a thread.
pub const MIN_POSTS: usize = 3;

struct Shapes {
    /// A time of day: "3:47 am", "11:05", "@11:39PM".
    time: Regex,
    /// A year, or a relative age ("2 days ago").
    date: Regex,
    /// "by NAME ( 1040042 ) writes:", "Jane says:", "John Roe said:".
    speaker: Regex,
}

fn shapes() -> &'static Shapes {
    static S: OnceLock<Shapes> = OnceLock::new();
    // Constant patterns: a failure to compile is a build defect.
    S.get_or_init(|| Shapes {
        time: Regex::new(
            r"(?i)(?:^|[\s,@(])\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:$|[\s,)])",
        )
        .expect("time pattern compiles"),
        date: Regex::new(
            r"(?i)\b(?:(?:19|20)\d{2}|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\b",
        )
        .expect("date pattern compiles"),
        speaker: Regex::new(
            r"(?i)^(?:by \S.{0,60}\swrites:|\S.{0,60}\s(?:says|said|wrote):)(?:\s.{0,60})?$",
        )
        .expect("speaker pattern compiles"),
    })
}

/// Whether `text` is a line that ends a post's header: "by X writes:", "Jane says:",
/// or a time stamp with a full date whose line above (`above`) is a short name.
pub fn is_post_header(text: &str, above: Option<&str>) -> bool {
    if text.split_whitespace().nth(HEADER_MAX_WORDS).is_some() {
        return false;
    }
    // Every header holds a digit (a date, a time, a user number) or a speaker's verb.
    let s = shapes();
    if s.speaker.is_match(text) {
        return true;
    }
    s.time.is_match(text)
        && s.date.is_match(text)
        && above.is_some_and(|a| is_name_line(a) || leading_name_with_stamp(text))
}

/// A time stamp that carries its author ("Jane Roe December 19, 2025 at 3:47 am"):
/// capitalised words before the first digit.
fn leading_name_with_stamp(text: &str) -> bool {
    let head = &text[..text.find(|c: char| c.is_ascii_digit()).unwrap_or(0)];
    let words: Vec<&str> = head.split_whitespace().collect();
    // A month name alone ("December 19, ...") is no author.
    words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// A commenter's name: one to four words, no sentence punctuation (a final initial's
/// stop aside: "Patrick V."), no address.
pub fn is_name_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let sentence_end = text.ends_with(['!', '?', ':', ','])
        || text.ends_with('.')
            && !text.split_whitespace().last().is_some_and(|w| {
                matches!(w, "Jr." | "Sr.")
                    || w.len() == 2 && w.starts_with(|c: char| c.is_ascii_uppercase())
            });
    (1..=NAME_MAX_WORDS).contains(&words) && !sentence_end && !text.contains("://")
}

/// The index of the first block of a comment thread among `texts`, searching from
/// `from`: the first post header that at least `MIN_POSTS - 1` more headers follow,
/// each with some text between it and the next, by at least `MIN_POSTS` different
/// authors; the name line above it when it has one.
pub fn thread_start(texts: &[&str], from: usize) -> Option<usize> {
    let headers: Vec<usize> = (from..texts.len())
        .filter(|&i| is_post_header(texts[i], i.checked_sub(1).map(|j| texts[j])))
        .collect();
    // Posts are text between headers; two headers in a row are one post's header.
    let posts: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(k, &h)| headers.get(k + 1).is_none_or(|&next| next > h + 2))
        .map(|(_, &h)| h)
        .collect();
    let first = *posts.first()?;
    // Many hands write a thread; a live blog's entries, stamped the same way, come
    // from its one or two reporters.
    let mut authors: Vec<String> = posts
        .iter()
        .map(|&h| {
            let above = h.checked_sub(1).map_or("", |j| texts[j]);
            let own = texts[h];
            let key = if shapes().speaker.is_match(own) || !is_name_line(above) {
                own
            } else {
                above
            };
            key.chars().filter(|c| !c.is_ascii_digit()).collect()
        })
        .collect();
    authors.sort();
    authors.dedup();
    if authors.len() < MIN_POSTS {
        return None;
    }
    let above = first.checked_sub(1).filter(|&j| j >= from);
    Some(match above {
        Some(j) if is_name_line(texts[j]) && !shapes().speaker.is_match(texts[first]) => j,
        _ => first,
    })
}

/// Cards a label must head, after the article's prose, for the posts they head to be
/// replies: one card may be a business page's "Member since 2016"; a thread prints one
/// per reply.
const MIN_REPLY_CARDS: usize = 2;

/// The index of the first forum reply's author card among `texts`, searching from
/// `from` (the opening post's prose): the first card label ("Joined", "Posts: 876")
/// that at least `MIN_REPLY_CARDS` cards after the prose repeat. Forum software prints
/// a card with every post; an article, a shop or a profile page prints one at most.
pub fn reply_cards_start(texts: &[&str], from: usize) -> Option<usize> {
    let labels: Vec<(usize, &str)> = (from..texts.len())
        .filter_map(|i| Some((i, card_label(texts[i])?)))
        .collect();
    labels
        .iter()
        .find(|(_, label)| labels.iter().filter(|(_, l)| l == label).count() >= MIN_REPLY_CARDS)
        .map(|&(i, _)| i)
}

/// The labels of a forum author card's lines.
const CARD_LABELS: [&str; 8] = [
    "joined",
    "join date",
    "member since",
    "messages",
    "posts",
    "reaction score",
    "reputation",
    "likes received",
];

/// Month and weekday abbreviations that open a card's date ("Joined: Wed Jan 20, 2021").
const CARD_DATE_WORDS: [&str; 19] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon",
    "tue", "wed", "thu", "fri", "sat", "sun",
];

/// The label of a forum author card's line ("Joined", "Posts: 876", "Join Date: Mar
/// 2008"): the label alone, or with a count or a date after it. Plain string tests,
/// not a regex: this runs on every block after the article's prose.
fn card_label(text: &str) -> Option<&'static str> {
    let starts_with = |t: &str, prefix: &str| {
        t.len() >= prefix.len()
            && t.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    if text.len() > CARD_MAX_CHARS {
        return None;
    }
    let label = CARD_LABELS.iter().find(|l| starts_with(text, l))?;
    // The label is ASCII, so its length is a character boundary of `text`.
    let after = &text[label.len()..];
    // "Posts that were shared ..." is prose: the label must end at a word's end.
    if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let rest = after.trim_start_matches([':', ' ']);
    let value = rest.is_empty()
        || rest.starts_with(|c: char| c.is_ascii_digit())
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || ",.kKmM".contains(c))
        || CARD_DATE_WORDS.iter().any(|w| starts_with(rest, w));
    value.then_some(*label)
}

/// A card's label line is short.
const CARD_MAX_CHARS: usize = 60;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_headers() {
        assert!(is_post_header("December 19, 2025, 3:47 am", Some("Luke")));
        assert!(is_post_header("by geekmux ( 1040042 ) writes:", None));
        assert!(is_post_header("Mitch says:", Some("a paragraph of prose.")));
        assert!(is_post_header(
            "Jane Roe July 26, 2012 at 3:56 pm",
            Some("Yes, indeed.")
        ));
        // A live blog's bare time stamp, a date without a time, a dateline in prose.
        assert!(!is_post_header("10:45 am", Some("Breaking")));
        assert!(!is_post_header("December 19, 2025", Some("Luke")));
        assert!(!is_post_header(
            "At 3:47 am on December 19, 2025, the first drones struck the refinery near Tuapse, officials said.",
            Some("Luke")
        ));
        // A time stamp under a sentence, not a name.
        assert!(!is_post_header(
            "December 19, 2025, 3:47 am",
            Some("The war goes on.")
        ));
    }

    #[test]
    fn replies_start_at_the_first_repeated_author_card() {
        let page = [
            "Opening post, long enough to be the article's prose.",
            "Gripen_Fan",
            "Joined",
            "Jun 3, 2020",
            "Messages",
            "1,207",
            "First reply.",
            "Kuno_B",
            "Joined",
            "Nov 19, 2021",
            "Second reply.",
        ];
        assert_eq!(reply_cards_start(&page, 1), Some(2));
        assert_eq!(
            reply_cards_start(&["Posts: 876", "x", "Posts: 95"], 0),
            Some(0)
        );
        // One card is a profile's, not a thread's.
        assert_eq!(
            reply_cards_start(&["Prose.", "Member since February 16, 2016", "More."], 0),
            None
        );
        assert_eq!(
            reply_cards_start(&["Posts that were shared 40,000 times last week"], 0),
            None
        );
    }

    #[test]
    fn a_thread_starts_at_its_first_commenter() {
        let page = [
            "Headline",
            "The article's only paragraph, long enough to be prose.",
            "Another paragraph of the article.",
            "Luke",
            "December 19, 2025, 3:47 am",
            "First post.",
            "Patrick V.",
            "December 19, 2025, 4:03 am",
            "Second post.",
            "More of the second post.",
            "Shirley",
            "December 19, 2025, 4:13 am",
            "Third post.",
        ];
        assert_eq!(thread_start(&page, 1), Some(3));
        // Two posts are not yet a thread (a byline and a date may look like one).
        assert_eq!(thread_start(&page[..9], 1), None);
        // One reporter's stamped entries are a live blog, not a thread.
        let live: Vec<&str> = page
            .iter()
            .map(|t| match *t {
                "Luke" | "Patrick V." | "Shirley" => "Jane Roe",
                t => t,
            })
            .collect();
        assert_eq!(thread_start(&live, 1), None);
    }
}
