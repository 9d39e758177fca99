//! The article's header zone: the lines between the page's navigation and its body,
//! where the headline, the byline and the date sit. Found by its anchor, the first
//! byline or date line before the body; the headline is the nearest headline-like line
//! above that anchor.

use crate::dates::parse_date;
use crate::fields::starts_with_ignore_case;
use dechaff_strip::{Block, Decision, Flags};
use regex::Regex;
use std::sync::OnceLock;

/// Labels in capitals that head a news ticker's line, not a headline.
const TICKER_LABELS: [&str; 4] = ["BREAKING", "EILMELDUNG", "JUST IN", "LIVE"];

/// How far above the anchor (or the body) a headline may sit.
const TITLE_REACH: usize = 8;

pub fn warm_up() {
    byline_pattern();
}

fn byline_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    // A constant pattern: a failure to compile is a build defect.
    P.get_or_init(|| {
        // "By Jane Roe", "By: Jane Roe", "ByJane Roe" (inline elements glued), "Author: ...",
        // "Words: ..." (as magazines credit a writer beside "Photos: ..."), "From: ..."
        // (a government release's department);
        // the name must start with a capital, so "Bypass" and "Byron" are not bylines.
        Regex::new(
            r"^(?:(?i:(?:analysis|opinion|commentary|report|interview|text|words|written|posted|photos?|video|live reporting|live coverage) )?(?i:by|von)\s*:?\s*|(?i:author|words|from)\s*:\s*)(\p{Lu}.+)$",
        )
        .expect("byline pattern compiles")
    })
}

/// The byline after a post's date: "Posted On: 15 JAN 2025 2:05PM by PIB Delhi",
/// "Posted on March 3, 2024 by Jane Roe" (WordPress themes print the date first).
fn byline_after_date(text: &str) -> Option<String> {
    let (head, name) = text.rsplit_once(" by ")?;
    let lower = head.get(..9)?.to_ascii_lowercase();
    let dated = (lower.starts_with("posted") || lower.starts_with("published"))
        && parse_date(head).is_some();
    // Names as the page prints them, or nothing: a comment count run into the line
    // ("by John Scalzi 59 Comments") leaves the byline to the other sources.
    let name = name.trim();
    (dated && is_name_line(name)).then(|| name.to_string())
}

/// A forum post's author line and its handle: "Thread starter Alpenjaeger", "Post by
/// Karjala_Kid » Tue Apr 04, 2023", "Started by p_shelton", "By Sokol_BG, August 29,
/// 2024 in Arms Trade" (a topic's author, date and forum). A handle need not be
/// capitalised; it is one word of letters, digits and `_.'-`, at most 40 characters.
///
/// Plain string tests, not a regex: this runs on every block above the body, and a
/// regex with a counted class of every script's letters cost more than all the rest
/// of the fields.
fn forum_byline_of(text: &str) -> Option<String> {
    // Most blocks fail at their first letter.
    if !matches!(
        text.as_bytes().first(),
        Some(b't' | b'T' | b'p' | b'P' | b's' | b'S' | b'b' | b'B')
    ) {
        return None;
    }
    let starts = |prefix: &str| starts_with_ignore_case(text, prefix);
    let is_handle = |word: &str| {
        word.chars().count() <= MAX_HANDLE_CHARS
            && word.chars().next().is_some_and(char::is_alphanumeric)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '\'' | '-'))
    };
    let clean = |handle: &str| handle.trim_end_matches(['.', '-', '\'']).to_string();
    for prefix in ["thread starter", "post by", "postby", "started by"] {
        if starts(prefix) {
            let rest = text[prefix.len()..].trim_start();
            let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
            let handle = rest.split_whitespace().next()?;
            return is_handle(handle).then(|| clean(handle));
        }
    }
    if starts("by ") {
        // phpBB's "by Outer Armatonisdaristan » Tue Aug 27, 2019 1:47 am".
        if let Some((handle, when)) = text[3..].split_once(" » ") {
            let words = handle.split_whitespace().count();
            if (1..=MAX_HANDLE_WORDS).contains(&words)
                && handle.split_whitespace().all(is_handle)
                && parse_date(when).is_some()
            {
                return Some(clean(handle.trim()));
            }
        }
        // "By Sokol_BG, August 29, 2024 in Arms Trade & Procurement".
        let (handle, tail) = text[3..].split_once(", ")?;
        let bytes = tail.as_bytes();
        let year_then_forum = (0..bytes.len().saturating_sub(8)).any(|i| {
            bytes[i..i + 4].iter().all(u8::is_ascii_digit) && tail[i + 4..].starts_with(" in ")
        });
        return (is_handle(handle) && year_then_forum).then(|| clean(handle));
    }
    None
}

/// The most words a forum handle written with spaces (a phpBB nation, "Outer
/// Armatonisdaristan") may have.
const MAX_HANDLE_WORDS: usize = 4;

/// The longest forum handle [`forum_byline_of`] takes.
const MAX_HANDLE_CHARS: usize = 40;

/// Where a forum thread's first author line stands ("Thread starter Alpenjaeger",
/// "Post by Karjala_Kid » Tue Apr 04, 2023 5:58 pm"): the opening post's byline and
/// date are there or just after, and an author card's "Joined" date before it is
/// not the post's.
pub fn forum_author_line(blocks: &[Block]) -> Option<usize> {
    blocks
        .iter()
        .position(|b| forum_byline_of(&b.text).is_some())
}

/// Words that may sit lowercase inside a person's name.
const NAME_PARTICLES: [&str; 15] = [
    "and", "und", "&", "de", "van", "von", "der", "den", "al", "bin", "la", "du", "da", "del", "di",
];

/// Capitalised words that open a link or a button ("View Full Profile", "All Posts",
/// "Mein Konto", "Learn More", "Find A Location"), never a name.
const INTERFACE_WORDS: [&str; 33] = [
    "Authors",
    "Author",
    "Our",
    "Meet",
    "Learn",
    "Find",
    "Explore",
    "Discover",
    "Visit",
    "Shop",
    "Buy",
    "Get",
    "Download",
    "Join",
    "Register",
    "Browse",
    "Mein",
    "Meine",
    "My",
    "View",
    "All",
    "Read",
    "More",
    "See",
    "Contact",
    "Share",
    "Follow",
    "Subscribe",
    "Sign",
    "Log",
    "Home",
    "About",
    "Search",
];

/// Capitalised words that start or end a byline block but are not names.
const NOT_NAME_WORDS: [&str; 9] = [
    "By",
    "Von",
    "Published",
    "Updated",
    "Posted",
    "Written",
    "Share",
    "Follow",
    "Photo",
];

/// A line that is only a person's name, or two or three joined by "and" or commas.
pub fn is_name_line(text: &str) -> bool {
    // The cheap refusals first: most lines asked are prose or navigation.
    if text.ends_with(['.', '!', '?'])
        || text.contains(['|', ':'])
        || text.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    let words = text.split_whitespace().take(11).count();
    if !(2..=10).contains(&words)
        || text
            .split_whitespace()
            .next()
            .is_some_and(|w| INTERFACE_WORDS.contains(&w))
    {
        return false;
    }
    // Every word capitalised or a particle (the particles are ASCII, so comparing
    // ignoring ASCII case is comparing lowercased; a capitalised "Der" counts once:
    // "Der Schild über Holzdorf" is a headline), and not all in capitals.
    let name_words = text
        .split_whitespace()
        .filter(|w| {
            w.trim_end_matches(',')
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || NAME_PARTICLES.iter().any(|p| w.eq_ignore_ascii_case(p))
        })
        .count();
    let all_caps = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    name_words == words && !all_caps
}

/// Status words a page may run into the end of a byline line.
const STATUS_AFTER_NAMES: [&str; 4] = [" Last updated", " Updated", " Published", " Posted"];

/// The names on a byline line ("By Jane Roe | March 3, 2024" gives "Jane Roe").
pub fn byline_of(text: &str) -> Option<String> {
    if let Some(handle) = forum_byline_of(text) {
        return Some(handle);
    }
    if let Some(name) = byline_after_date(text) {
        return Some(name);
    }
    let c = byline_pattern().captures(text)?;
    let mut name = c[1].to_string();
    // A status run into the byline ("By A, B and C Last updated 18:34 EEST, 12
    // September 2025") ends it, before its date can make the names look like one.
    if let Some(at) = STATUS_AFTER_NAMES.iter().filter_map(|s| name.find(s)).min() {
        name.truncate(at);
        // "A, CFP – Updated ...": the separator before the status goes with it.
        let kept = name
            .trim_end_matches([' ', '–', '—', '-', '|', '·', '•'])
            .len();
        name.truncate(kept);
    }
    for sep in [" | ", " • ", " · ", " – ", " — ", " - "] {
        if let Some((head, _)) = name.split_once(sep) {
            name = head.to_string();
        }
    }
    if let Some((head, tail)) = name.split_once(", ") {
        if parse_date(tail).is_some() {
            // "A, B and C June 1, 2025": the names before the date stay.
            name = match names_before_date(tail) {
                Some(more) => format!("{head}, {more}"),
                None => head.to_string(),
            };
        } else if !is_name_line(&format!("{head} {tail}")) {
            name = head.to_string();
        }
    }
    // "Kateryna Lysenko in Kyiv and Sam Okoye": each reporter's place goes, the names
    // after it stay.
    // Only full names: a blog's "Posted by X in Diet and Reviews" names categories.
    if let Some(names) = names_without_places(&name).filter(|n| {
        n.split([',', '&'])
            .flat_map(|group| group.split(" and "))
            .all(|who| who.split_whitespace().count() >= 2)
    }) {
        name = names;
    }
    for suffix in [" on ", " in "] {
        if let Some((head, tail)) = name.split_once(suffix) {
            if parse_date(tail).is_some() || suffix == " in " {
                name = head.to_string();
            }
        }
    }
    let name = leading_name(&name).unwrap_or(name);
    let name = name
        .trim()
        .trim_end_matches([',', '.', '-', '–', '—', '|', ' '])
        .to_string();
    let words = name.split_whitespace().count();
    (1..=12).contains(&words).then_some(name)
}

/// The names a byline's tail holds before its date ("Mark Jennings and Dmytro
/// Levchenko June 1, 2025"): up to the first word with a digit, or a month followed
/// by one; `None` when what comes before is no list of names.
fn names_before_date(tail: &str) -> Option<&str> {
    let mut words = Vec::new();
    let mut at = 0;
    for word in tail.split(' ') {
        words.push((at, word));
        at += word.len() + 1;
    }
    let has_digit = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    let date_at = words.iter().enumerate().position(|(k, (_, w))| {
        has_digit(w)
            || crate::dates::month_number(w.trim_end_matches(',')).is_some()
                && words.get(k + 1).is_some_and(|(_, next)| has_digit(next))
    })?;
    let names = tail[..words[date_at].0].trim().trim_end_matches(',').trim();
    (!names.is_empty() && is_name_line(names)).then_some(names)
}

/// The person's name a line starts with ("Taras Melnyk 2 days ago 18.4K views"):
/// capitalised words and name particles up to the first word that is not one.
pub fn leading_name(text: &str) -> Option<String> {
    let mut words = Vec::new();
    let mut rest = text.split_whitespace().peekable();
    while let Some(w) = rest.next() {
        let bare = w.trim_end_matches(',');
        // "MillerPublished": inline elements glued without a space.
        if let Some(glued) = NOT_NAME_WORDS
            .iter()
            .find(|nw| bare.len() > nw.len() + 1 && bare.ends_with(*nw))
        {
            words.push(&w[..bare.len() - glued.len()]);
            break;
        }
        let is_part = NAME_PARTICLES.contains(&bare.to_lowercase().as_str());
        // A month opens the date after the name ("Jan 5"), but "Jan" may be a name
        // too ("Jan de Vries").
        let opens_date = crate::dates::month_number(bare).is_some()
            && rest
                .peek()
                .is_none_or(|n| n.starts_with(|c: char| c.is_ascii_digit()));
        let is_cap = bare.chars().next().is_some_and(char::is_uppercase)
            && !bare.chars().any(|c| c.is_ascii_digit())
            && !opens_date
            && !NOT_NAME_WORDS.contains(&bare);
        if !(is_part || is_cap) {
            break;
        }
        words.push(w);
    }
    while words
        .last()
        .is_some_and(|w| NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let name = words.join(" ");
    let name = name.trim_end_matches(',');
    (words.len() >= 2 && is_name_line(name)).then(|| name.to_string())
}

/// A short line that is mostly a date ("July 9, 2025", "Published June 7, 2025 17:02").
pub fn is_date_line(text: &str) -> bool {
    text.split_whitespace().count() <= 9 && parse_date(text).is_some()
}

/// What the header zone says.
#[derive(Default)]
pub struct Header {
    pub title: Option<String>,
    pub byline: Option<String>,
}

/// What separates the elements of a breadcrumb trail, the unambiguous ones first (a
/// headline may hold a " / ").
pub const CRUMB_SEPARATORS: [&str; 5] = [" » ", " › ", " ‹ ", " > ", " / "];

/// A breadcrumb trail ("Home / World / Defence", "Startseite > Lokales").
/// The most specific element of a breadcrumb trail ("World / Europe" gives "Europe");
/// any other label as it is.
pub fn last_crumb(text: &str) -> &str {
    CRUMB_SEPARATORS
        .iter()
        .filter_map(|s| text.rsplit_once(s))
        .map(|(_, last)| last.trim())
        .min_by_key(|last| last.len())
        .filter(|last| !last.is_empty())
        .unwrap_or(text)
}

/// A trail's elements, trimmed.
fn crumbs(text: &str) -> Vec<String> {
    let mut joined = text.to_string();
    for separator in CRUMB_SEPARATORS {
        joined = joined.replace(separator, "\n");
    }
    joined.lines().map(|c| c.trim().to_string()).collect()
}

fn is_breadcrumb(text: &str) -> bool {
    CRUMB_SEPARATORS.iter().any(|s| text.contains(s))
}

fn headline_like(b: &Block, d: &Decision, repeated: bool) -> bool {
    let words = b.text.split_whitespace().count();
    d.cue.is_none()
        && !repeated
        && (4..=30).contains(&words)
        && !b.text.ends_with(['.', '…', ':'])
        // Two sentences are a standfirst; a semicolon joins two clauses of one
        // headline ("India strikes targets; Pakistan says it downed jets").
        && !dechaff_strip::is_two_sentences(&b.text.replace("; ", ", "))
        && !is_breadcrumb(&b.text)
        // A bullet opens a standfirst's point, never the headline.
        && !b
            .text
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '•' | '▪' | '■' | '►'))
        && byline_of(&b.text).is_none()
        && !is_name_line(&b.text)
        && parse_date(&b.text).is_none()
        && !is_details_line(&b.text)
        && !is_status_line(&b.text)
}

/// A line of fields split by bars, one of them a date ("No. 412 | Tuesday, 4 March
/// 2025"): an edition's or a post's details, never its headline.
pub fn is_details_line(text: &str) -> bool {
    text.split(" | ")
        .skip(1)
        .any(|part| parse_date(part).is_some())
}

/// Words that open a page's status line ("Last updated 16:05 CEST").
const STATUS_WORDS: [&str; 5] = ["updated", "last updated", "published", "posted", "modified"];

/// A page's status line: its update time ("Updated 2:15 p.m. KST"), never a headline.
fn is_status_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    let opens = STATUS_WORDS.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
    });
    // A clock time ("16:05 CEST") among a few words; not a decimal ("2.5% growth").
    let clock = text.split_whitespace().count() <= 6
        && text.as_bytes().windows(4).any(|w| {
            w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
        });
    opens || clock
}

/// Words a byline with its reporters' places has at most.
const MAX_NAMES_WITH_PLACES_WORDS: usize = 16;

/// A byline that names each reporter's place ("Rhiannon Pryce in Sydney and Kenta
/// Ishikawa in Tokyo") without the places, when what is left is a line of names.
fn names_without_places(text: &str) -> Option<String> {
    // The cheap refusals of `is_name_line` first: this is asked of every block above
    // the body.
    if !text.contains(" in ")
        || text.ends_with(['.', '!', '?'])
        || text.contains(['|', ':'])
        || text.bytes().any(|b| b.is_ascii_digit())
        || text
            .split_whitespace()
            .nth(MAX_NAMES_WITH_PLACES_WORDS)
            .is_some()
    {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut in_place = false;
    for word in text.split_whitespace() {
        if word == "in" && !names.is_empty() {
            in_place = true;
            continue;
        }
        if in_place {
            if matches!(word, "and" | "und" | "&") {
                in_place = false;
                names.push(word.to_string());
                continue;
            }
            if !word.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            // "in Kyiv, B ...": the comma that closed the place closes the name.
            if word.ends_with(',') {
                in_place = false;
                if let Some(last) = names.last_mut() {
                    last.push(',');
                }
            }
            continue;
        }
        names.push(word.to_string());
    }
    let names = names.join(" ");
    is_name_line(&names).then_some(names)
}

/// Words of a reporter's role line under the name ("Middle East editor"); the
/// teaser lists' author roles use them too (`fields::is_job_title`).
pub(crate) const REPORTER_ROLES: [&str; 9] = [
    "correspondent",
    "editor",
    "reporter",
    "writer",
    "journalist",
    "analyst",
    "contributor",
    "columnist",
    "staff",
];

/// Words a role outside a newsroom ends in ("Senior Fellow", "Programme Director");
/// a reporter's roles are [`REPORTER_ROLES`].
pub(crate) const OTHER_ROLES: [&str; 15] = [
    "fellow",
    "director",
    "professor",
    "researcher",
    "lecturer",
    "adviser",
    "advisor",
    "chair",
    "president",
    "officer",
    "manager",
    "head",
    "associate",
    "scholar",
    "producer",
];

/// The names of a byline that runs into the reporter's role ("Ciara McCann Business
/// Correspondent", as a name and a role in one block print): the shortest head of two
/// words or more whose tail is a role line of capitalised words.
pub(crate) fn without_role(byline: String) -> String {
    let last_is_role = byline
        .rsplit(' ')
        .next()
        .is_some_and(|w| REPORTER_ROLES.contains(&w.to_lowercase().as_str()));
    if !last_is_role {
        return byline;
    }
    // "Harry RabinowitzTech Reporter": inline elements glued without a space.
    // The role's half of a glued word can only open the role ("EcoCult Staff" is one
    // name).
    let mut words: Vec<&str> = Vec::new();
    let mut role_halves = Vec::new();
    for w in byline.split_whitespace() {
        match w
            .char_indices()
            .skip(3)
            .find(|&(i, c)| c.is_uppercase() && w[..i].ends_with(char::is_lowercase))
        {
            Some((at, _)) => {
                words.push(&w[..at]);
                role_halves.push(words.len());
                words.push(&w[at..]);
            }
            None => words.push(w),
        }
    }
    let capitalised =
        |w: &&str| w.starts_with(char::is_uppercase) || matches!(*w, "and" | "of" | "&");
    (2..words.len())
        .find(|&k| {
            words[..k].iter().all(|w| w.starts_with(char::is_uppercase))
                && !role_halves.contains(&(k - 1))
                && !words[..=k].iter().any(|w| matches!(*w, "A" | "An" | "The"))
                && words[k..].iter().all(capitalised)
                && is_role_line(&words[k..].join(" "))
        })
        .map_or(byline.clone(), |k| {
            words[..k].join(" ").trim_end_matches(',').to_string()
        })
}

/// Whether block `i` is a role line right under a byline ("By Helen Dobson" over
/// "Business Reporter"): the reporter's role, no name of its own; or the reporter's
/// social handle ("@HelenDobsonPol").
fn is_role_under_byline(blocks: &[Block], i: usize) -> bool {
    let text = &blocks[i].text;
    let handle = text.len() > 1
        && text.starts_with('@')
        && text[1..].chars().all(|c| c.is_alphanumeric() || c == '_');
    (is_role_line(text) || handle)
        && i.checked_sub(1)
            .is_some_and(|j| byline_of(&blocks[j].text).is_some())
}

/// A short line naming a reporter's role ("Defence correspondent", "Nordic editor"),
/// or an author's outside a newsroom ("Marketing Director").
fn is_role_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.split_whitespace().count() <= 6
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| REPORTER_ROLES.contains(&w) || OTHER_ROLES.contains(&w))
}

fn starts_with_given_name(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(crate::context::is_given_name)
}

/// A line of one capitalised word (a reporter's place, "Wilhelmshaven", printed
/// between the names and the date).
fn is_place_label(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && text.starts_with(char::is_uppercase)
        && text.chars().skip(1).any(char::is_lowercase)
        && text.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// How many blocks above the body the header zone may start: a date further up is
/// the masthead's "today" ("Samstag, 20. April 2024" beside the logo), not the
/// article's.
const HEADER_ZONE: usize = 12;

/// The first byline, name line followed by a date (maybe after a role line), or date
/// line of the header zone before the body; the first of the page when the header zone
/// has none.
fn anchor(before_body: &[Block]) -> Option<usize> {
    let date_at = |i: usize| before_body.get(i).is_some_and(|n| is_date_line(&n.text));
    let role_at = |i: usize| before_body.get(i).is_some_and(|r| is_role_line(&r.text));
    let place_at = |i: usize| before_body.get(i).is_some_and(|r| is_place_label(&r.text));
    let is_anchor = |i: &usize| {
        let i = *i;
        let t = &before_body[i].text;
        if credits_a_post(t) {
            return false;
        }
        byline_of(t).is_some()
            || is_date_line(t) && i > 0
            // A label the page prints twice (a trail's last element and the heading
            // under it, "Military & Defense") is a section, not a name over the date.
            || (is_name_line(t)
                && !is_role_under_byline(before_body, i)
                && !printed_twice(before_body, &before_body[i])
                || names_without_places(t).is_some())
                && (date_at(i + 1)
                    // Without a date, only a person's name: "Our Research" over
                    // "Research staff" is a menu.
                    || role_at(i + 1) && (date_at(i + 2) || starts_with_given_name(t))
                    // The reporter's place between the names and the date.
                    || place_at(i + 1) && date_at(i + 2) && starts_with_given_name(t))
    };
    // A forum's author line ("Thread starter ...", "Post by ...") names the opening
    // post's author wherever it stands: the author cards between it and the post
    // carry join dates that would otherwise anchor the header.
    if let Some(i) = forum_author_line(before_body) {
        return Some(i);
    }
    let zone = before_body.len().saturating_sub(HEADER_ZONE);
    let found = (zone..before_body.len())
        .find(is_anchor)
        .or_else(|| (0..zone).find(is_anchor))?;
    // The zone may start between a byline that says so and the desk's line under it
    // ("By Claire Moreau", "Lodestar Verify, Paris", the date): the byline anchors.
    let says_by = |b: &Block| {
        ["By ", "by ", "BY ", "Von ", "von "]
            .iter()
            .any(|p| b.text.starts_with(p))
            && byline_of(&b.text).is_some()
    };
    // An edition's date line printed twice ("No. 412 | Tuesday, 4 March 2025" under
    // the page's headline, again in the e-mail's masthead below it): the first is the
    // page's header.
    let found = if is_details_line(&before_body[found].text) {
        before_body[..found]
            .iter()
            .position(|b| b.text == before_body[found].text)
            .filter(|&first| first > 0)
            .unwrap_or(found)
    } else {
        found
    };
    Some(match found.checked_sub(1) {
        Some(above) if says_by(&before_body[above]) && !says_by(&before_body[found]) => above,
        _ => found,
    })
}

/// A social post's credit quoted on the page ("Posted on X by @zov_frontline, 27
/// August 2024", "shared on Telegram, 3 May"): its date and author are the post's, not
/// the article's.
fn credits_a_post(text: &str) -> bool {
    const PLATFORMS: [&str; 12] = [
        "x",
        "twitter",
        "facebook",
        "instagram",
        "telegram",
        "tiktok",
        "youtube",
        "bluesky",
        "threads",
        "mastodon",
        "vk",
        "truth social",
    ];
    // Asked of every line above the body: no lowercased copy, ASCII case aside.
    text.contains(" by @")
        || ["posted on ", "shared on ", "published on "]
            .iter()
            .any(|verb| {
                starts_with_ignore_case(text, verb)
                    && PLATFORMS.iter().any(|p| {
                        let rest = &text[verb.len()..];
                        starts_with_ignore_case(rest, p)
                            && rest[p.len()..]
                                .chars()
                                .next()
                                .is_none_or(|c| c == ' ' || c == ',')
                    })
            })
}

/// Whether `b`'s text stands twice or more among `blocks` (ASCII case aside): a label,
/// a trail's last element repeated as a heading, a headline a share box prints again.
fn printed_twice(blocks: &[Block], b: &Block) -> bool {
    blocks
        .iter()
        .filter(|o| o.text.eq_ignore_ascii_case(&b.text))
        .nth(1)
        .is_some()
}

/// Containers whose lines are never the byline above a date.
const NOT_BYLINE_CONTAINERS: Flags = Flags::NAV
    .or(Flags::BREADCRUMB)
    .or(Flags::TAGS)
    .or(Flags::RELATED);

/// How far past the anchor a byline may sit ("March 3, 2025" then "By Jane Roe").
const BYLINE_REACH: usize = 3;

/// Reads the headline and byline from the blocks before the body.
pub fn header(before_body: &[Block], decisions: &[Decision]) -> Header {
    let repeated = |b: &Block| printed_twice(before_body, b);
    let anchor = anchor(before_body);
    let byline = anchor.and_then(|i| {
        let t = &before_body[i].text;
        byline_of(t)
            .or_else(|| {
                // A date line first, the byline under it.
                before_body[i + 1..before_body.len().min(i + 1 + BYLINE_REACH)]
                    .iter()
                    .find_map(|b| byline_of(&b.text))
            })
            .or_else(|| is_name_line(t).then(|| t.clone()))
            .or_else(|| names_without_places(t))
            .or_else(|| {
                // "Laura Benítez - June 27, 2025", "Fatma Nur Aydın |11.06.2025 - Update
                // : 11.06.2025": the first separator that leaves a name before it.
                [" - ", " | ", "|", " · ", " • ", " — ", " – "]
                    .iter()
                    .find_map(|sep| {
                        t.split_once(sep)
                            .map(|(head, _)| head.trim())
                            .filter(|head| is_name_line(head))
                    })
                    .map(str::to_string)
            })
            .or_else(|| {
                // "July 9, 2025" with the name just above it; not a menu item or a
                // breadcrumb, and not above a headline that holds a date.
                if before_body[i].heading > 0 {
                    return None;
                }
                // "By Helen Dobson" over "Business Reporter" over the date: the
                // role line is no name.
                i.checked_sub(1)
                    .map(|j| {
                        if is_role_under_byline(before_body, j) {
                            j - 1
                        } else {
                            j
                        }
                    })
                    .map(|j| &before_body[j])
                    .filter(|n| !n.nearest.intersects(NOT_BYLINE_CONTAINERS) && !repeated(n))
                    .and_then(|n| {
                        byline_of(&n.text).or_else(|| is_name_line(&n.text).then(|| n.text.clone()))
                    })
            })
            .or_else(|| {
                // A forum post's date with the poster's handle under it (vBulletin:
                // "04-14-2022, 10:47 PM", "Kerch_Strait") or over it (Discourse).
                if !is_date_line(t) {
                    return None;
                }
                [Some(i + 1), i.checked_sub(1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| before_body.get(j))
                    .find(|b| is_handle(&b.text) && !b.nearest.intersects(NOT_BYLINE_CONTAINERS))
                    .map(|b| b.text.clone())
            })
    });
    let limit = anchor.unwrap_or(before_body.len());
    // The line under a label that credits it ("News provided by", "Issued by") names
    // who put the page out, not what it says.
    let credited = |i: usize| {
        i.checked_sub(1)
            .is_some_and(|j| is_credit_label(&before_body[j].text))
    };
    // A magazine's short title ("The Inland Sea") over its standfirst, right above the
    // byline: too short to pass for a headline on its own, placed by the standfirst.
    let short_title = anchor.and_then(|a| a.checked_sub(2)).filter(|&i| {
        is_standfirst(&before_body[i + 1].text)
            && decisions[i].cue.is_none()
            && is_short_headline(&before_body[i].text)
    });
    // A tabloid's kicker in capitals ("ESTLAND-PROVOKATION") sits right over its
    // headline, which the summary's short lines under it would otherwise outbid.
    let under_kicker = (limit.saturating_sub(TITLE_REACH)..limit.saturating_sub(1))
        .rev()
        .find(|&k| {
            let kicker = &before_body[k].text;
            // Two words at least: one ("LIVE", "EXCLUSIVE") is a label; a ticker's
            // "BREAKING NEWS" heads the latest story, not this page's.
            dechaff_strip::in_capitals(kicker)
                && kicker.contains([' ', '-'])
                && !TICKER_LABELS.iter().any(|l| kicker.starts_with(l))
                && !dechaff_strip::in_capitals(&before_body[k + 1].text)
                && decisions[k].cue.is_none()
                && !credited(k + 1)
                && headline_like(
                    &before_body[k + 1],
                    &decisions[k + 1],
                    repeated(&before_body[k + 1]),
                )
        });
    let title = short_title
        .or(under_kicker.map(|k| k + 1))
        .or_else(|| {
            (limit.saturating_sub(TITLE_REACH)..limit).rev().find(|&i| {
                !credited(i)
                    && headline_like(&before_body[i], &decisions[i], repeated(&before_body[i]))
            })
        })
        .map(|i| {
            // A standfirst sits under its headline: when the line above is a shorter
            // headline (one a share box may have printed twice), that is the title.
            // A tabloid's kicker in capitals ("WE SEE YOU, VLAD") is none.
            let dek = &before_body[i];
            match i.checked_sub(1) {
                Some(j)
                    if headline_like(&before_body[j], &decisions[j], false)
                        && !dechaff_strip::in_capitals(&before_body[j].text)
                        && before_body[j].text.split_whitespace().count()
                            < dek.text.split_whitespace().count() =>
                {
                    before_body[j].text.clone()
                }
                _ => dek.text.clone(),
            }
        })
        // A news agency prints its date over the headline ("28 MAY 2022, 14:05",
        // then the headline): with nothing like one above the date, the first below
        // it, unless it is the byline's.
        .or_else(|| {
            let date = anchor.filter(|&a| is_date_line(&before_body[a].text))?;
            (date + 1..before_body.len().min(date + 1 + TITLE_REACH))
                .find(|&i| {
                    !credited(i)
                        && headline_like(&before_body[i], &decisions[i], repeated(&before_body[i]))
                })
                .map(|i| before_body[i].text.clone())
        });
    Header { title, byline }
}

/// A standfirst: a long line of prose under the headline, twenty words or more that
/// end a sentence.
fn is_standfirst(text: &str) -> bool {
    text.split_whitespace().nth(19).is_some() && text.ends_with(['.', '?', '!'])
}

/// A headline of two or three words ("Seoul’s Arsenal"): a capital first, no digits,
/// no end punctuation.
fn is_short_headline(text: &str) -> bool {
    (2..=3).contains(&text.split_whitespace().count())
        && text.starts_with(char::is_uppercase)
        && !text.ends_with(['.', ':', '!', '?', '…', ','])
        && !text.chars().any(|c| c.is_ascii_digit())
        && byline_of(text).is_none()
}

/// A line that credits the line under it, and says nothing else: "News provided by",
/// "Issued by", "By".
fn is_credit_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let lower = text.trim_end_matches(':').to_lowercase();
    (1..=3).contains(&words) && (lower == "by" || lower.ends_with(" by")) || is_from_label(text)
}

/// GOV.UK's "From:" on a line of its own, over the departments that issued the page.
fn is_from_label(text: &str) -> bool {
    text.trim() == "From:"
}

/// A credit label that names an issuer, not an author: "News provided by", "Issued
/// by:" ("Written by", "Posted by" and a bare "By" are a byline's).
pub(crate) fn is_issuer_label(text: &str) -> bool {
    let lower = text.trim_end_matches(':').to_lowercase();
    is_credit_label(text)
        && (lower.ends_with("provided by") || lower.ends_with("issued by") || is_from_label(text))
}

/// How far above a headline's label a trail and its heading are sought.
const TRAIL_REACH: usize = 4;

/// The last element of a trail that one of the next two blocks repeats as a heading
/// (past a badge such as "JK+"), if `blocks` hold such a pair.
fn trail_heading(blocks: &[Block]) -> Option<&str> {
    blocks.iter().enumerate().find_map(|(i, trail)| {
        let last = last_crumb(&trail.text);
        // A heading, not the next entry of a menu ("For CPAs / CFOs", "CFOs").
        let repeated = blocks[i + 1..]
            .iter()
            .take(2)
            .any(|b| b.text == last && !b.flags.intersects(Flags::NAV));
        (is_breadcrumb(&trail.text) && repeated && is_crumb_label(last)).then_some(last)
    })
}

/// A forum handle as a line of its own: one token of letters, digits, "_" and ".",
/// that opens with a letter and has an underscore or a few digits among its letters
/// ("Kerch_Strait", "archuser38013"), which no name, label or menu word has; a
/// version ("std1.94.0"), a counter ("000000Shares"), a short acronym ("Ai2") or a
/// designation ("F-35A") is none.
fn is_handle(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    (4..=30).contains(&text.len())
        && text.starts_with(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
        && (text.contains('_') || digits > 0)
        && digits <= letters
}

/// A section label: one to four words, no digits, no sentence punctuation.
fn is_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.split_whitespace().next().unwrap_or("");
    (1..=4).contains(&words)
        // A poster's handle ("p_shelton") names no section.
        && !text.chars().any(|c| c.is_ascii_digit() || c == '_')
        && !text.ends_with(['.', '!', '?', ':', '…'])
        && !NOT_NAME_WORDS.iter().any(|w| text.starts_with(w))
        && !ACCOUNT_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// A label and the date run into one line right above the headline ("Pressemitteilung
/// 19.12.2024", a press office's category and date in one header row): the label.
/// Not a weekday, a month or a status word ("Published 19.12.2024").
fn label_run_into_date(
    before_body: &[Block],
    decisions: &[Decision],
    headline: usize,
) -> Option<String> {
    let d = (0..headline)
        .rev()
        .take(MAX_BADGES + 1)
        .find(|&d| !is_badge(&before_body[d].text))?;
    let line = &before_body[d].text;
    if decisions[d].cue.is_some() || !is_date_line(line) {
        return None;
    }
    let at = line.find(|c: char| c.is_ascii_digit())?;
    let (label, rest) = line.split_at(at);
    let label = label
        .trim_end_matches([' ', ',', '|', '·', '-', '–', '—'])
        .trim();
    let own_date = parse_date(rest).is_some() && parse_date(rest) == parse_date(line);
    (own_date
        && !label.is_empty()
        && label.starts_with(char::is_uppercase)
        && is_label(label)
        && !crate::context::WEEKDAYS
            .iter()
            .chain(&crate::context::GERMAN_WEEKDAYS)
            .any(|w| label.starts_with(w))
        && !STATUS_WORDS
            .iter()
            .any(|w| label.to_lowercase().starts_with(w)))
    .then(|| label.to_string())
}

/// A trail's last element as a section: a label, or a forum's longer board name with
/// "&" or "and" in it ("Russia & Former Soviet Navies").
fn is_crumb_label(text: &str) -> bool {
    let rest: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !matches!(*w, "&" | "and" | "und"))
        .collect();
    is_label(text) || rest.len() < text.split_whitespace().count() && is_label(&rest.join(" "))
}

/// First words of a site's account and search controls ("Sign Up Log In", "Register",
/// "Search"), which sit above many headlines and never name a section.
const ACCOUNT_WORDS: [&str; 8] = [
    "sign",
    "log",
    "login",
    "register",
    "search",
    "skip",
    "menu",
    "subscribe",
];

/// Badges a page prints by its headline: what kind of story it is, not its section.
const BADGES: [&str; 10] = [
    "live",
    "live updates",
    "live blog",
    "breaking",
    "breaking news",
    "exclusive",
    "developing",
    "just in",
    "updated",
    // A press release's mark over its headline.
    "for immediate release",
];

/// Labels that say what kind of piece an article is, not what it is about.
const FORMAT_LABELS: [&str; 20] = [
    // German: a magazine's "Analyse" under "Europa".
    "analyse",
    "hintergrund",
    "reportage",
    "kommentar",
    "meinung",
    "porträt",
    "analysis",
    "long read",
    "feature",
    "features",
    "opinion",
    "comment",
    "commentary",
    "essay",
    "interview",
    "review",
    "explainer",
    "investigation",
    "as it happened",
    "in depth",
];

fn is_format_label(text: &str) -> bool {
    FORMAT_LABELS.contains(&text.trim().to_lowercase().as_str())
}

/// How many badges may sit between a headline and its section label.
const MAX_BADGES: usize = 2;

fn is_badge(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // A press release's number ("Release No. 21-032") is a mark of the same kind, and
    // so is a paywall's ("NOR+", "JK+").
    let paywall = text.len() <= 8
        && text.ends_with('+')
        && text.starts_with(char::is_alphabetic)
        && !text.contains(' ');
    paywall
        || BADGES.contains(&t.as_str())
        || t.len() < 40
            && ["release no", "release number"]
                .iter()
                .any(|p| t.starts_with(p))
}

/// When block `j` is a kicker, the label above it (past a badge such as "EXCLUSIVE"):
/// the section under which the page set its headline.
///
/// A kicker is a line in capitals that the page names nowhere else in its header: a
/// section in capitals ("AIR DEFENCE", "EUROPE") is one of the page's menu entries,
/// printed again over the headline or inside a trail, and a kicker ("BULL'S-EYE",
/// "ESTLAND-PROVOKATION") is written for one story.
fn kicker_label_above(blocks: &[Block], decisions: &[Decision], j: usize) -> Option<usize> {
    let text = &blocks[j].text;
    if !dechaff_strip::in_capitals(text) {
        return None;
    }
    let lower = text.to_lowercase();
    let named_elsewhere = blocks.iter().enumerate().any(|(k, b)| {
        k != j
            && (b.text.to_lowercase() == lower
                || is_breadcrumb(&b.text) && crumbs(&b.text.to_lowercase()).contains(&lower))
    });
    if named_elsewhere {
        return None;
    }
    let up = (0..j)
        .rev()
        .take(MAX_BADGES + 1)
        .find(|&k| !is_badge(&blocks[k].text))?;
    let label = &blocks[up];
    (is_label(&label.text) && decisions[up].cue.is_none() && label.heading != 1).then_some(up)
}

/// A headline without the permalink mark that documentation generators put after
/// it ("5. Data Structures¶": Sphinx and MkDocs link each heading to itself).
pub fn without_permalink_mark(title: String) -> String {
    match title.strip_suffix('¶') {
        Some(head) if !head.trim().is_empty() => head.trim_end().to_string(),
        _ => title,
    }
}

/// Whether a block is the headline `title` was read from, permalink mark and all.
fn is_headline(text: &str, title: &str) -> bool {
    text == title
        || text
            .strip_suffix('¶')
            .is_some_and(|head| head.trim_end() == title)
}

/// The section: the label right above the headline, else a short label the header
/// zone repeats (a category shown twice, as WordPress themes do).
pub fn section(
    before_body: &[Block],
    decisions: &[Decision],
    title: Option<&str>,
) -> Option<String> {
    // Above the headline, or, on a page without one, above the byline/date anchor.
    let above = match title {
        Some(t) => before_body.iter().position(|b| is_headline(&b.text, t)),
        None => anchor(before_body),
    };
    if let Some(i) = above {
        if let Some(label) = label_run_into_date(before_body, decisions, i) {
            return Some(label);
        }
        // Past a badge ("LIVE", "BREAKING") to the label above it, and past the date
        // a news agency prints between its label and the headline.
        let j = (0..i)
            .rev()
            .take(MAX_BADGES + 2)
            .find(|&j| !is_badge(&before_body[j].text) && !is_date_line(&before_body[j].text));
        // A format label ("Long Read", "Analysis") under a section the page's menu
        // also names ("Europe"): the section is that one. Alone, as on a think
        // tank's page, the format is the section.
        let j = j.map(|j| match j.checked_sub(1) {
            Some(up)
                if is_format_label(&before_body[j].text)
                    && is_label(&before_body[up].text)
                    && decisions[up].cue.is_none()
                    && before_body
                        .iter()
                        .filter(|b| b.text == before_body[up].text)
                        .count()
                        > 1 =>
            {
                up
            }
            _ => j,
        });
        // A tabloid's kicker in capitals ("KIM'S CANNON FODDER") under the trail's
        // last label: the label is the section.
        let j = j.map(|j| kicker_label_above(before_body, decisions, j).unwrap_or(j));
        if let Some(j) = j {
            let b = &before_body[j];
            if is_label(&b.text) && decisions[j].cue.is_none() && b.heading != 1 {
                // "Startseite > Lokales > Rostock", "Rostock", "Kurz notiert": a trail
                // and its last element repeated as a heading name the section; the
                // label under them is the story's rubric.
                if let Some(named) = trail_heading(&before_body[j.saturating_sub(TRAIL_REACH)..j]) {
                    return Some(named.to_string());
                }
                return Some(b.text.clone());
            }
            // A trail too long for a label ("Board index ‹ Nordic & Baltic Security ‹
            // Finland"): its last element.
            let last = last_crumb(&b.text);
            if last != b.text
                && is_crumb_label(last)
                && decisions[j].cue.is_none()
                && b.heading != 1
            {
                return Some(last.to_string());
            }
        }
    }
    let mut seen = std::collections::HashMap::new();
    for b in before_body
        .iter()
        .filter(|b| is_label(&b.text) && !is_badge(&b.text))
    {
        *seen.entry(b.text.to_lowercase()).or_insert(0usize) += 1;
    }
    before_body
        .iter()
        .find(|b| {
            is_label(&b.text)
                && !is_badge(&b.text)
                && seen.get(&b.text.to_lowercase()).is_some_and(|n| *n > 1)
        })
        .map(|b| b.text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forums_board_name_with_an_ampersand_is_a_crumb_label() {
        assert!(is_crumb_label("Russia & Former Soviet Navies"));
        assert!(is_crumb_label("Missiles and Strategic Forces"));
        assert!(is_crumb_label("Finland"));
        // Five words besides the "&", or an account control, are no section.
        assert!(!is_crumb_label("Ships & Submarines of the Whole World"));
        assert!(!is_crumb_label("Register & Log In Now"));
        // Without a conjunction the label's own limit holds.
        assert!(!is_crumb_label("Russia Former Soviet Union Navies"));
    }

    #[test]
    fn reporters_places_are_no_part_of_their_names() {
        assert_eq!(
            names_without_places("Rhiannon Pryce in Sydney and Kenta Ishikawa in Tokyo").as_deref(),
            Some("Rhiannon Pryce and Kenta Ishikawa")
        );
        assert_eq!(
            names_without_places("Anna Berg in Kyiv, Piotr Nowak in Warsaw and Ola Dahl")
                .as_deref(),
            Some("Anna Berg, Piotr Nowak and Ola Dahl")
        );
        // A sentence is no byline.
        assert_eq!(
            names_without_places("Troops in Kherson were moved at night"),
            None
        );
        // A German account link is no name, nor a headline with a lowercase word.
        assert!(!is_name_line("Mein Konto"));
        assert!(!is_name_line("Der Schild über Holzdorf"));
        assert!(is_name_line("Ursula von der Leyen"));
        // In a "By" line too; a blog's categories after "in" are no names.
        assert_eq!(
            byline_of("By Kateryna Lysenko in Kyiv and Sam Okoye").as_deref(),
            Some("Kateryna Lysenko and Sam Okoye")
        );
        assert_eq!(
            byline_of("Posted by Tom Naughton in Diet and Reviews").as_deref(),
            Some("Tom Naughton")
        );
    }

    #[test]
    fn a_reporters_role_is_no_part_of_the_byline() {
        let role = |b: &str| without_role(b.to_string());
        assert_eq!(role("Ciara McCann Business Correspondent"), "Ciara McCann");
        assert_eq!(role("Harry RabinowitzTech Reporter"), "Harry Rabinowitz");
        assert_eq!(role("Shannon Williams, Journalist"), "Shannon Williams");
        assert_eq!(role("EcoCult Staff"), "EcoCult Staff");
        // A newspaper's name and a byline that is a role alone stay.
        for kept in [
            "Walter O'Brien/NJ.com The Somerset Reporter",
            "A Photo Editor",
            "Defence Reporter",
        ] {
            assert_eq!(role(kept), kept);
        }
    }

    #[test]
    fn a_government_release_credits_its_department_with_from() {
        // Canada.ca: "From: National Defence" over "News release".
        assert_eq!(
            byline_of("From: National Defence").as_deref(),
            Some("National Defence")
        );
        assert_eq!(byline_of("From Kyiv to the front"), None);
    }

    #[test]
    fn names_before_a_date_stay_in_the_byline() {
        // The date first, then the byline; a count run into the name leaves none.
        assert_eq!(
            byline_of("Posted On: 15 JAN 2025 2:05PM by PIB Delhi").as_deref(),
            Some("PIB Delhi")
        );
        assert_eq!(
            byline_of("Posted on December 18, 2025 by John Scalzi 59 Comments"),
            None
        );
        assert_eq!(
            byline_of("by Anna Berg, Mark Jennings and Dmytro Levchenko June 1, 2025").as_deref(),
            Some("Anna Berg, Mark Jennings and Dmytro Levchenko")
        );
        assert_eq!(
            byline_of("By Jane Roe, March 5, 2025").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            byline_of("By Jane Roe, 5 March 2025").as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn forum_author_lines_are_bylines() {
        assert_eq!(
            byline_of("Thread starter Alpenjaeger").as_deref(),
            Some("Alpenjaeger")
        );
        assert_eq!(
            byline_of("Post by Karjala_Kid » Tue Apr 04, 2023 5:58 pm").as_deref(),
            Some("Karjala_Kid")
        );
        assert_eq!(
            byline_of("Postby p_shelton » Mon Dec 16, 2024").as_deref(),
            Some("p_shelton")
        );
        // Not an author line: a sentence that mentions a post.
        assert_eq!(byline_of("Posting by night is against the rules."), None);
    }

    #[test]
    fn a_trail_and_its_repeated_heading_name_the_section_above_a_rubric() {
        let lines = |texts: &[&str]| -> Vec<Block> {
            texts.iter().map(|t| Block::line(t.to_string())).collect()
        };
        let blocks = lines(&[
            "Startseite > Lokales > Wilhelmshaven",
            "JK+",
            "Wilhelmshaven",
            "Marine",
        ]);
        assert_eq!(trail_heading(&blocks), Some("Wilhelmshaven"));
        // A trail alone, or its last element not repeated, names nothing here.
        assert_eq!(
            trail_heading(&lines(&["Startseite > Lokales > Rostock", "Kurz notiert"])),
            None
        );
        // Two entries of a menu are no trail and heading.
        let mut menu = lines(&["For CPAs / CFOs", "CFOs"]);
        menu[1].flags = Flags::NAV;
        assert_eq!(trail_heading(&menu), None);
    }

    #[test]
    fn forum_handles_are_told_from_versions_and_counters() {
        for handle in ["Kerch_Strait", "p_shelton", "archuser38013", "Viking_Oar"] {
            assert!(is_handle(handle), "{handle}");
        }
        for other in [
            "Ai2",
            "std1.94.0",
            "000000Shares",
            "Reuters",
            "F-35A",
            "2024",
        ] {
            assert!(!is_handle(other), "{other}");
        }
        // Nor is a handle a section's label.
        assert!(!is_label("p_shelton"));
        assert!(is_label("Missiles"));
    }

    #[test]
    fn the_last_crumb_is_the_narrowest_section() {
        assert_eq!(
            last_crumb("Board index ‹ Nordic Security ‹ Finland"),
            "Finland"
        );
        assert_eq!(last_crumb("World / Europe"), "Europe");
        assert_eq!(last_crumb("Startseite > Lokales > Kiel"), "Kiel");
        assert_eq!(last_crumb("AIR DEFENCE"), "AIR DEFENCE");
        assert_eq!(last_crumb("World / "), "World / ");
    }

    #[test]
    fn live_pages_bylines_status_lines_and_badges() {
        // "Jan" is a name here, not January.
        assert_eq!(
            byline_of("By Sophie Lambert, Jan de Vries and Tomasz Zieliński").as_deref(),
            Some("Sophie Lambert, Jan de Vries and Tomasz Zieliński")
        );
        assert_eq!(
            leading_name("Taras Melnyk Jan 5, 2025").as_deref(),
            Some("Taras Melnyk")
        );
        assert_eq!(
            byline_of("Live reporting by Arjun Mehta, Sana Baig and Kabir Rao").as_deref(),
            Some("Arjun Mehta, Sana Baig and Kabir Rao")
        );
        assert_eq!(
            byline_of("By Liis Tamm, Paweł Wróbel and Ivan Karpenka Last updated 18:34 EEST, 12 September 2025").as_deref(),
            Some("Liis Tamm, Paweł Wróbel and Ivan Karpenka")
        );
        assert_eq!(
            byline_of("By Matthew Frankel, CFP – Updated Nov 3, 2025").as_deref(),
            Some("Matthew Frankel, CFP")
        );
        assert!(is_status_line("Updated 2:15 p.m. KST"));
        assert!(is_status_line("Last updated 16:05 CEST"));
        assert!(!is_status_line(
            "Ukraine's F-16s fly their first combat missions against cruise missiles"
        ));
        assert!(!is_status_line("Economy grows 2.5% in June"));
        assert!(is_badge("LIVE"));
        assert!(is_badge("FOR IMMEDIATE RELEASE"));
        assert!(is_badge("Release No. ACC-R 25-114"));
        assert!(!is_badge("Release of the hostages"));
        assert!(is_badge("• Live updates"));
        assert!(!is_badge("Ukraine war"));
    }

    #[test]
    fn names_and_bylines() {
        assert!(is_name_line("Martín Ferreyra"));
        assert!(is_name_line("Katarzyna Wróbel and Jonas Albrecht"));
        assert!(!is_name_line("AIR DEFENCE"));
        assert!(!is_name_line("Open in the MilPulse app"));
        // A button's text: an author page's "Learn More" link, a "Find A Location" link.
        assert!(!is_name_line("Learn More"));
        assert!(!is_name_line("Find A Location"));
        assert!(!is_name_line("Authors List"));
        assert!(!is_name_line("Meet Krystyna"));
        // Links and labels, not names.
        assert!(!is_name_line("View Full Profile"));
        assert!(!is_name_line("Tags: Philosophy"));
        assert_eq!(
            byline_of("Words: Tom Hendry").as_deref(),
            Some("Tom Hendry")
        );
        assert_eq!(
            byline_of("By Jane Roe | March 3, 2024").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            byline_of("By Jane Roe and John Doe").as_deref(),
            Some("Jane Roe and John Doe")
        );
        assert_eq!(
            byline_of("by Paulo Coelho on July 21, 2012").as_deref(),
            Some("Paulo Coelho")
        );
        assert_eq!(
            byline_of("By Olena Kovalenko in Kyiv").as_deref(),
            Some("Olena Kovalenko")
        );
        assert_eq!(
            byline_of("By Arjun Mehta and Claire Dubois -").as_deref(),
            Some("Arjun Mehta and Claire Dubois")
        );
        assert_eq!(
            byline_of("By Noa Feldman October 14, 2024").as_deref(),
            Some("Noa Feldman")
        );
        assert_eq!(
            leading_name("Taras Melnyk 2 days ago 18.4K views").as_deref(),
            Some("Taras Melnyk")
        );
    }
}
