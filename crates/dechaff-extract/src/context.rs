//! Names found by their context rather than by a list or a shape: an acronym defined
//! in parentheses, an unknown name after a preposition of place, a person by a given
//! name. These rules run after the gazetteer and the patterns have chosen their
//! mentions, and only add mentions where none was chosen (or, for persons, propose
//! candidates that any longer or stronger mention beats).

use crate::entities::Candidate;
use crate::gazetteer::is_word_boundary;
use dechaff_schema::EntityType;

/// An acronym defined in parentheses after a mention is a mention of the same kind,
/// there and wherever else the text uses it: "Rapid Support Forces (RSF) ... the RSF
/// said", "Naval Strike Missile (NSM)". Annotation rule 7 makes the parenthesis its own
/// mention.
pub(crate) fn defined_acronyms(text: &str, chosen: &mut Vec<Candidate>) {
    let mut defined: Vec<(&str, EntityType)> = Vec::new();
    let bytes = text.as_bytes();
    for paren in memchr::memchr_iter(b'(', bytes) {
        if paren == 0 || bytes[paren - 1] != b' ' {
            continue;
        }
        let (open, inner_start) = (paren - 1, paren + 1);
        let Some(len) = text[inner_start..].bytes().take(12).position(|b| b == b')') else {
            continue;
        };
        let acronym = &text[inner_start..inner_start + len];
        let shaped = acronym.starts_with(|c: char| c.is_ascii_uppercase())
            && acronym.bytes().filter(u8::is_ascii_uppercase).count() >= 2
            && acronym
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"&/-".contains(&b));
        if !shaped {
            continue;
        }
        let Some(named) = chosen.iter().find(|c| c.end == open) else {
            continue;
        };
        // A person's acronym in parentheses is their party or unit: "Sabine Reißer (CDU)".
        let kind = match named.kind {
            EntityType::Person => EntityType::Organisation,
            kind => kind,
        };
        if !defined.iter().any(|(a, _)| *a == acronym) {
            defined.push((acronym, kind));
        }
    }
    if defined.is_empty() {
        return;
    }
    let mut taken: Vec<(usize, usize)> = chosen.iter().map(|c| (c.start, c.end)).collect();
    taken.sort_unstable();
    let is_free = |start: usize, end: usize| {
        let at = taken.partition_point(|&(s, _)| s < end);
        taken[..at].last().is_none_or(|&(_, e)| e <= start)
    };
    let mut found = Vec::new();
    for (acronym, kind) in defined {
        for (start, _) in text.match_indices(acronym) {
            let end = start + acronym.len();
            if is_word_boundary(text, start, end) && is_free(start, end) {
                found.push(Candidate {
                    start,
                    end,
                    kind,
                    priority: 1,
                    entry: None,
                });
            }
        }
    }
    chosen.extend(found);
    chosen.sort_by_key(|c| c.start);
}

/// Prepositions of place after which a name no rule knows is a place: "stationed near
/// Boulkessi", "a plant in Sacheon". English only: German capitalises every noun ("in
/// Dienst", "nach Angaben"), so the rule does not run on German text.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "at", "from", "outside", "around", "across", "towards", "toward",
];

/// [`PLACE_PREPOSITIONS`], each with the space that follows it, as one automaton.
fn prepositions() -> &'static aho_corasick::AhoCorasick {
    static AUTOMATON: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AUTOMATON.get_or_init(|| {
        let patterns: Vec<String> = PLACE_PREPOSITIONS.iter().map(|p| format!("{p} ")).collect();
        // Constant patterns: a failure is a build defect.
        aho_corasick::AhoCorasick::new(patterns).expect("prepositions compile")
    })
}

/// Capitalised words after a place preposition that are not places.
const NOT_PLACES: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "English",
    "French",
    "German",
    "Russian",
    "Spanish",
    "Arabic",
    "Chinese",
    "Congress",
    "Parliament",
    "Senate",
    "Total",
    "Addition",
    "Particular",
    "Fact",
    "Response",
    "Order",
    "Part",
    "Contrast",
    "Turn",
    "Time",
    "Least",
    "First",
    "Last",
    "Christ",
    "God",
];

/// Words that make a name an organisation's, not a place's: "at Goa Shipyard
/// Limited", "from Gortal Shipping", "at Joint Headquarters".
const NOT_PLACE_WORDS: &[&str] = &[
    "Shipyard",
    "Shipyards",
    "Shipbuilding",
    "Shipping",
    "Limited",
    "Ltd",
    "Inc",
    "Headquarters",
    "Partners",
    "Holdings",
    "Aerospace",
    "Dynamics",
    "Technologies",
    "Airlines",
    "Airways",
    "University",
    "College",
    "Institute",
    "Bank",
    "Media",
    "Energy",
    "Motors",
    "Electronics",
];

/// Names no rule recognised that follow a place preposition ("in", "near"): places,
/// unless a rule found something there. One to three capitalised words on one line,
/// not an acronym (an acronym after "at" or "from" is far more often an organisation),
/// not followed by a number ("Lot 17").
pub(crate) fn places_after_prepositions(text: &str, chosen: &mut Vec<Candidate>) {
    let mut found = Vec::new();
    let mut taken: Vec<(usize, usize)> = chosen.iter().map(|c| (c.start, c.end)).collect();
    taken.sort_unstable();
    let is_free = |start: usize, end: usize| {
        let at = taken.partition_point(|&(s, _)| s < end);
        taken[..at].last().is_none_or(|&(_, e)| e <= start)
    };
    let mut german = None;
    let bytes = text.as_bytes();
    // The prepositions, each between spaces, found by one SIMD scan; only one before a
    // capital (or any non-ASCII letter) is looked at further.
    for hit in prepositions().find_iter(text) {
        let at = hit.end() - 1;
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        let at_word_start = hit.start() == 0 || matches!(bytes[hit.start() - 1], b' ' | b'\n');
        if !at_word_start
            || !(next.is_ascii_uppercase() || next >= 0x80)
            || *german.get_or_insert_with(|| is_german(text))
        {
            continue;
        }
        let start = at + 1;
        let (mut end, mut words, mut organisation) = (start, 0, false);
        let mut from = start;
        while words < 3 {
            let rest = &text[from..];
            let word = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
            let core = word.trim_end_matches([',', '.', ';', ':', ')', '’', '\'', '"', '”']);
            let core = core
                .strip_suffix("’s")
                .or_else(|| core.strip_suffix("'s"))
                .unwrap_or(core);
            let capitalised = core.chars().next().is_some_and(char::is_uppercase)
                && core.chars().skip(1).any(char::is_lowercase)
                && core.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_PLACES.contains(&core);
            if !capitalised {
                break;
            }
            organisation |= NOT_PLACE_WORDS.contains(&core);
            end = from + core.len();
            words += 1;
            // A name ends at punctuation, a line's end or the text's end.
            if core.len() != word.len() || !rest[word.len()..].starts_with(' ') {
                break;
            }
            from += word.len() + 1;
        }
        let before_number = text[end..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if words > 0 && !organisation && !before_number && is_free(start, end) {
            found.push(Candidate {
                start,
                end,
                kind: EntityType::Location,
                priority: 0,
                entry: None,
            });
        }
    }
    if !found.is_empty() {
        chosen.extend(found);
        chosen.sort_by_key(|c| c.start);
    }
}

/// Whether `text` reads as German: in its first 100 words, German's articles and
/// "und" outnumber English's articles and "and" (a page keeps its language; the first
/// words say which at a fraction of the cost of reading them all).
fn is_german(text: &str) -> bool {
    let (mut german, mut english) = (0usize, 0usize);
    for word in text.split_whitespace().take(100) {
        match word {
            "der" | "die" | "das" | "und" | "den" | "dem" | "des" | "nicht" => german += 1,
            "the" | "and" | "of" | "to" | "is" | "was" | "that" => english += 1,
            _ => {}
        }
    }
    german > english
}

/// Given names (`data/given-names.tsv`), each with the space that follows it, as one
/// automaton for [`persons_by_given_name`].
fn given_names() -> &'static aho_corasick::AhoCorasick {
    static NAMES: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let names: Vec<String> = include_str!("../data/given-names.tsv")
            .lines()
            .skip(1)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(|name| format!("{name} "))
            .collect();
        // The project's own list: a failure is a build defect.
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(names)
            .expect("given names compile")
    })
}

/// Words that make a capitalised phrase after a given name a named thing, not a
/// person: "Luke Air Force Base", "George Washington University", "Jack Ma Foundation".
const NOT_SURNAMES: &[&str] = &[
    "Air",
    "Force",
    "Forces",
    "Base",
    "Army",
    "Navy",
    "Corps",
    "Fleet",
    "Command",
    "Brigade",
    "Street",
    "Square",
    "Bridge",
    "Avenue",
    "Road",
    "Island",
    "Islands",
    "River",
    "Sea",
    "Bay",
    "City",
    "County",
    "Province",
    "Valley",
    "Hospital",
    "School",
    "University",
    "College",
    "Institute",
    "Foundation",
    "Center",
    "Centre",
    "Museum",
    "Airport",
    "Port",
    "Station",
    "Memorial",
    "Hall",
    "Park",
    "Stadium",
    "Award",
    "Prize",
    "Class",
    "Church",
    "Cathedral",
    "Mosque",
    "Palace",
    "Shipyard",
    "Group",
    "Company",
    "Limited",
    "Ltd",
    "Inc",
    "Trust",
    "Doctrine",
    "Plan",
    "Act",
    "Line",
    "Way",
    "Lake",
    "Land",
    "Mountain",
    "Mountains",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "And",
    "But",
    "For",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Lowercase particles inside a person's name: "Ursula von der Leyen", "Vincent van
/// Gogh", "Mohammed bin Salman".
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "de", "da", "di", "del", "bin", "ibn", "al", "le", "la",
];

/// People named by a given name and one or two surname words: "Tobias Ellwood",
/// "Eirik Kristoffersen", "Jan Christian Kaack", "Carlos Mendoza-Ilagan", "Dinesh K
/// Tripathi". The given name alone ("David said") is no mention. A phrase that goes on
/// to name a base, a school or a force is no person, and a given name after "the"
/// names a ship or a place ("the George Washington"). Spans are byte offsets; the
/// candidates carry the lowest priority, so any gazetteer name or longer mention wins.
pub(crate) fn persons_by_given_name(text: &str) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut found: Vec<Candidate> = Vec::new();
    // Each given name with the space after it, found by one automaton pass (a pass per
    // word with a set lookup cost twice as much).
    for hit in given_names().find_iter(text) {
        let (at, word_end) = (hit.start(), hit.end() - 1);
        // The start of a word: after whitespace, an opening bracket or quote.
        let starts_word = at == 0
            || matches!(bytes[at - 1], b' ' | b'\n' | b'\t' | b'(' | b'"')
            || text[..at].ends_with(['“', '‘', '„']);
        if !starts_word || found.last().is_some_and(|c| c.end > at) {
            continue;
        }
        let after_the = text[..at]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if let Some(end) = surname_end(text, word_end).filter(|_| !after_the) {
            found.push(Candidate {
                start: at,
                end,
                kind: EntityType::Person,
                priority: 0,
                entry: None,
            });
        }
    }
    found
}

/// Where the surname words that follow a given name (ending at `from`) end: one or
/// two capitalised words, with particles and initials between; `None` when no
/// surname follows or the phrase names something else.
fn surname_end(text: &str, from: usize) -> Option<usize> {
    let mut end = None;
    let mut at = from;
    let mut surnames = 0;
    let mut tokens = 0;
    while surnames < 2 && tokens < 4 {
        let rest = text[at..].strip_prefix(' ')?;
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.'))
            .unwrap_or(rest.len());
        let word = rest[..len].trim_end_matches(['.', '\'', '’']);
        let word = word
            .strip_suffix("’s")
            .or_else(|| word.strip_suffix("'s"))
            .unwrap_or(word);
        if word.is_empty() {
            break;
        }
        let first_upper = word.starts_with(char::is_uppercase);
        let initial = word.chars().count() == 1 && first_upper;
        let particle =
            NAME_PARTICLES.contains(&word) || word.starts_with("al-") || word.starts_with("el-");
        // "Harry DeWolf-class": a class named after a person is a ship's class.
        if NOT_SURNAMES.contains(&word) || word.ends_with("-class") || word.ends_with("-Klasse") {
            return None;
        }
        let surname = first_upper && !initial && word.chars().skip(1).any(char::is_lowercase);
        if !(surname || initial || particle) {
            break;
        }
        tokens += 1;
        let word_start = at + 1;
        at = word_start + word.len();
        if surname || word.starts_with("al-") || word.starts_with("el-") {
            surnames += 1;
            end = Some(at);
        }
        // A name ends at punctuation.
        if !text[at..].starts_with(' ') {
            break;
        }
    }
    end
}

/// German number words a count may open with.
const GERMAN_NUMBERS: &[&str] = &[
    "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
    "zwanzig", "dreißig", "vierzig", "fünfzig", "hundert", "tausend", "Zwei", "Drei", "Vier",
    "Fünf", "Sechs", "Sieben", "Acht", "Neun", "Zehn", "Elf", "Zwölf", "mehreren", "mehrere",
    "Mehrere",
];

/// German nouns after a number that are no counted things: units of time and money,
/// which other rules type, and words that make the number a date or a name.
const GERMAN_NOT_COUNTED: &[&str] = &[
    "Uhr",
    "Jahre",
    "Jahren",
    "Jahr",
    "Monate",
    "Monaten",
    "Wochen",
    "Tage",
    "Tagen",
    "Stunden",
    "Minuten",
    "Euro",
    "Dollar",
    "Millionen",
    "Milliarden",
    "Prozentpunkte",
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Counts in German text: a number, perhaps an adjective, and a noun (German
/// capitalises every noun, so the noun is the capitalised word): "27 Handelsschiffe",
/// "zwei anfliegende Drohnen", "400 Soldatinnen und Soldaten", "65 Kilometer". English
/// counts are the patterns' job; this rule runs on German text only.
pub(crate) fn german_counts(text: &str, chosen: &mut Vec<Candidate>) {
    if !is_german(text) {
        return;
    }
    let mut taken: Vec<(usize, usize)> = chosen.iter().map(|c| (c.start, c.end)).collect();
    taken.sort_unstable();
    let is_free = |start: usize, end: usize| {
        let at = taken.partition_point(|&(s, _)| s < end);
        taken[..at].last().is_none_or(|&(_, e)| e <= start)
    };
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let word_starts = std::iter::once(0).chain(
        bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b' ' || b == b'\n')
            .map(|(i, _)| i + 1),
    );
    for start in word_starts {
        let rest = &text[start..];
        let number_len = rest.find(' ').unwrap_or(rest.len());
        let number = &rest[..number_len];
        let digits = number.starts_with(|c: char| c.is_ascii_digit())
            && number
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        if !(digits || GERMAN_NUMBERS.contains(&number)) || number_len == rest.len() {
            continue;
        }
        // A year is no count ("2024 Soldaten" is rare; "im Jahr 2024 Soldaten" rarer).
        if digits && number.len() == 4 && (number.starts_with("19") || number.starts_with("20")) {
            continue;
        }
        let mut at = start + number_len;
        let word_at = |at: usize| {
            let rest = text[at..].strip_prefix(' ')?;
            let len = rest
                .find(|c: char| !c.is_alphabetic() && c != '-')
                .unwrap_or(rest.len());
            (len > 0).then(|| &rest[..len])
        };
        // Perhaps one adjective ("anfliegende", "neue", "zusätzliche").
        if let Some(adjective) = word_at(at).filter(|w| w.starts_with(char::is_lowercase)) {
            if !matches!(
                adjective,
                "und" | "oder" | "bis" | "von" | "der" | "die" | "das" | "im" | "in"
            ) {
                at += 1 + adjective.len();
            }
        }
        let Some(noun) = word_at(at).filter(|w| w.starts_with(char::is_uppercase)) else {
            continue;
        };
        if GERMAN_NOT_COUNTED.contains(&noun) || noun.chars().count() < 3 {
            continue;
        }
        let mut end = at + 1 + noun.len();
        // "Soldatinnen und Soldaten", "Männer und Frauen".
        if let Some(rest) = text[end..].strip_prefix(" und ") {
            let len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            if len >= 3 && rest.starts_with(char::is_uppercase) {
                end += 5 + len;
            }
        }
        if is_free(start, end) {
            found.push(Candidate {
                start,
                end,
                kind: EntityType::Quantity,
                priority: 0,
                entry: None,
            });
        }
    }
    chosen.extend(found);
    chosen.sort_by_key(|c| c.start);
}
