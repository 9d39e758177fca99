//! Names found by their context rather than by a list or a shape: an acronym defined
//! in parentheses, an unknown name after a preposition of place, a person by a given
//! name. These rules run after the gazetteer and the patterns have chosen their
//! mentions, and only add mentions where none was chosen (or, for persons, propose
//! candidates that any longer or stronger mention beats).

use crate::entities::{Candidate, Taken};
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
        let Some(named_at) = chosen.iter().position(|c| c.end == open) else {
            continue;
        };
        if let Some(org_at) = organisation_of_place(text, chosen, named_at, acronym) {
            // "Associated Press of Pakistan (APP)": the place closes the organisation's
            // name, which the acronym spells; one mention.
            chosen[org_at].end = open;
            chosen.remove(named_at);
        }
        let Some(named) = chosen.iter().find(|c| c.end == open) else {
            continue;
        };
        // A person's acronym in parentheses is their party or unit: "Sabine Reißer (CDU)".
        // A date's is an agency's ("NEW DELHI, Mar 11 (PNS) India ..."), or a time
        // zone's: no acronym spells a date or an amount.
        let kind = match named.kind {
            EntityType::Person => EntityType::Organisation,
            EntityType::Temporal | EntityType::Quantity | EntityType::Money => continue,
            kind => kind,
        };
        if !defined.iter().any(|(a, _)| *a == acronym) {
            defined.push((acronym, kind));
        }
    }
    if defined.is_empty() {
        return;
    }
    let mut taken = Taken::new(chosen.iter().map(|c| (c.start, c.end)));
    let mut found = Vec::new();
    for (acronym, kind) in defined {
        for (start, _) in text.match_indices(acronym) {
            let end = start + acronym.len();
            if is_word_boundary(text, start, end) && taken.is_free(start, end) {
                taken.insert(start, end);
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

/// A system's name in quotes right after it, as NATO's reporting names are printed
/// ("the Tu-95 \"Bear\" and Tu-22M3 \"Backfire\""), or after "known to NATO as (the)"
/// ("Tu-95MS bombers, known to NATO as the Bear"): a mention of the same kind, where
/// none was chosen. One or two capitalised words.
pub(crate) fn reporting_names(text: &str, chosen: &mut Vec<Candidate>) {
    let mut taken = Taken::new(chosen.iter().map(|c| (c.start, c.end)));
    let mut found = Vec::new();
    for c in chosen.iter().filter(|c| c.kind.is_system()) {
        let after = &text[c.end..];
        // 'Tu-95 "Bear"', "Tu-95 “Bear”"
        let quoted = ["\"", "“", "‘", "'"].iter().find_map(|q| {
            let inner = after.strip_prefix(' ')?.strip_prefix(q)?;
            let close = match *q {
                "“" => "”",
                "‘" => "’",
                q => q,
            };
            let len = inner.find(close)?;
            let name = &inner[..len];
            (!name.is_empty() && capitalised_words_len(name) == name.len())
                .then(|| c.end + 1 + q.len())
                .map(|start| (start, start + len))
        });
        // "..., known to NATO as the Bear"
        // Searched in the few words after the name only: a page names many systems.
        let near = &after.as_bytes()[..after.len().min(60)];
        let known_as = memchr::memmem::find(near, b" known to NATO as ")
            .filter(|&i| i < 40 && !after[..i].contains(['.', '\n']))
            .and_then(|i| {
                let from = c.end + i + " known to NATO as ".len();
                let from = if text[from..].starts_with("the ") {
                    from + 4
                } else {
                    from
                };
                let len = capitalised_words_len(&text[from..]);
                (len > 0).then_some((from, from + len))
            });
        for (start, end) in quoted.into_iter().chain(known_as) {
            if is_word_boundary(text, start, end) && taken.is_free(start, end) {
                taken.insert(start, end);
                found.push(Candidate {
                    start,
                    end,
                    kind: c.kind,
                    priority: 1,
                    entry: None,
                });
            }
        }
    }
    chosen.extend(found);
    chosen.sort_by_key(|c| c.start);
}

/// The length of the one or two capitalised words `rest` opens with ("Bear",
/// "Blue Jay"), up to the first punctuation after one of them; 0 when it opens with none.
fn capitalised_words_len(rest: &str) -> usize {
    let mut len = 0;
    for (k, word) in rest.split(' ').take(2).enumerate() {
        let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let capitalised =
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-');
        if !capitalised {
            break;
        }
        len += w.len() + usize::from(k > 0);
        if w.len() != word.len() {
            break;
        }
    }
    len
}

/// The organisation whose name a place closes, when an acronym after the place spells
/// both: "Associated Press of Pakistan (APP)", "Southern European Task Force, Africa
/// (SETAF-AF)". The index in `chosen` of the organisation right before the place
/// (`chosen[place_at]`), joined by " of " or ", ", if the acronym starts with one of
/// the organisation's initials and holds the place's initial after its first letter.
fn organisation_of_place(
    text: &str,
    chosen: &[Candidate],
    place_at: usize,
    acronym: &str,
) -> Option<usize> {
    let place = &chosen[place_at];
    if place.kind != EntityType::Location {
        return None;
    }
    let org_at = chosen.iter().position(|c| {
        c.kind == EntityType::Organisation
            && c.end < place.start
            && matches!(&text[c.end..place.start], " of " | ", ")
    })?;
    let org = &text[chosen[org_at].start..chosen[org_at].end];
    let first = acronym.chars().next()?;
    let spells_org = org.split([' ', '-']).any(|word| word.starts_with(first));
    let place_initial = text[place.start..].chars().next()?;
    let spells_place = acronym.chars().skip(1).any(|c| c == place_initial);
    (spells_org && spells_place).then_some(org_at)
}

/// Months: capitalised, and never a place's, a person's or a system's name in the
/// rules that read capitalised words (see [`is_calendar_word`]).
const MONTHS: [&str; 12] = [
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
];

/// Weekdays, like months no name; re3d also joins a weekday to the date after it.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// German weekdays, which a header's label row may hold instead ("Freitag 19.12.2024").
pub(crate) const GERMAN_WEEKDAYS: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];

/// Whether `word` is a month or a weekday.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

/// Prepositions of place after which a name no rule knows is a place: "stationed near
/// Boulkessi", "a plant in Sacheon". English only: German capitalises every noun ("in
/// Dienst", "nach Angaben"), so the rule does not run on German text.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "at", "from", "outside", "around", "across", "towards", "toward",
];

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
    // Numbers capitalised in a headline ("The Space Development Agency at Five").
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Twenty",
    "Fifty",
    "Hundred",
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

/// Names no rule recognised that follow a place preposition ("in", "near"), or a kind
/// of settlement and "of" ("the border town of Diboli", "the ports of Slite and
/// Fårösund"): places, unless a rule found something there. One to three capitalised
/// words on one line, not an acronym (an acronym after "at" or "from" is far more often
/// an organisation), not followed by a number ("Lot 17"). A list that goes on from
/// a place the gazetteer knows, or from a settlement's name, and closes with "and"
/// names places too ("in Moray, Burghead and Duffus", "the ports of Slite and
/// Fårösund").
pub(crate) fn places_after_prepositions(text: &str, german: bool, chosen: &mut Vec<Candidate>) {
    if german {
        return;
    }
    let mut found = Vec::new();
    let mut taken = Taken::new(chosen.iter().map(|c| (c.start, c.end)));
    // The places the gazetteer knows, by span: a list may go on from one.
    let places: std::collections::HashSet<(usize, usize)> = chosen
        .iter()
        .filter(|c| c.kind == EntityType::Location && c.entry.is_some())
        .map(|c| (c.start, c.end))
        .collect();
    let bytes = text.as_bytes();
    // Each space, found by SIMD; only a preposition after it (its first letter first)
    // followed by a space and a capital (or any non-ASCII letter) is looked at further.
    for space in memchr::memchr_iter(b' ', bytes) {
        if !matches!(
            bytes.get(space + 1),
            Some(b'i' | b'n' | b'a' | b'f' | b'o' | b't')
        ) {
            continue;
        }
        let rest = &text[space + 1..];
        let word_is = |w: &str| rest.starts_with(w) && rest.as_bytes().get(w.len()) == Some(&b' ');
        let preposition = PLACE_PREPOSITIONS.iter().find(|p| word_is(p)).copied();
        let preposition = preposition.or_else(|| {
            let settlement = text[..space]
                .rsplit(' ')
                .next()
                .is_some_and(|w| SETTLEMENT_NOUNS.contains(&w));
            (settlement && word_is("of")).then_some("of")
        });
        let Some(preposition) = preposition else {
            continue;
        };
        let at = space + 1 + preposition.len();
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_uppercase() || next >= 0x80) {
            continue;
        }
        let start = at + 1;
        let Some(end) = place_name_at(text, start) else {
            continue;
        };
        // A list goes on from a place the gazetteer knows, or from a settlement's name;
        // from a name guessed after a preposition it would run on into brands and
        // skills ("from Microsoft, Adobe, and AutoCAD").
        let listing = if taken.is_free(start, end) {
            taken.insert(start, end);
            found.push(Candidate {
                start,
                end,
                kind: EntityType::Location,
                priority: 0,
                entry: None,
            });
            preposition == "of"
        } else {
            places.contains(&(start, end))
        };
        if !listing {
            continue;
        }
        // The list going on from it, kept only if it closes with "and".
        let mut list = Vec::new();
        let mut at = end;
        loop {
            let rest = &text[at..];
            let (gap, closes) = if rest.starts_with(", and ") {
                (", and ".len(), true)
            } else if rest.starts_with(" and ") {
                (" and ".len(), true)
            } else if rest.starts_with(", ") {
                (", ".len(), false)
            } else {
                break;
            };
            let start = at + gap;
            let Some(end) = place_name_at(text, start) else {
                break;
            };
            list.push((start, end));
            at = end;
            if closes {
                // "and" ends a list; the words after it are no more of it.
                if list.iter().all(|&(s, e)| taken.is_free(s, e)) {
                    for &(s, e) in &list {
                        taken.insert(s, e);
                        found.push(Candidate {
                            start: s,
                            end: e,
                            kind: EntityType::Location,
                            priority: 0,
                            entry: None,
                        });
                    }
                }
                break;
            }
            if list.len() >= MAX_LISTED_PLACES {
                break;
            }
        }
    }
    if !found.is_empty() {
        chosen.extend(found);
        chosen.sort_by_key(|c| c.start);
    }
}

/// A list of places longer than this is something else.
const MAX_LISTED_PLACES: usize = 6;

/// Kinds of settlement whose name follows with "of": "the border town of Diboli".
const SETTLEMENT_NOUNS: &[&str] = &[
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "cities",
    "port",
    "ports",
    "hamlet",
    "settlement",
    "settlements",
    "island",
    "islands",
    "outskirts",
    "suburb",
    "suburbs",
];

/// Whether `word` has a capital after a small letter inside one of its parts, as
/// brands and products do ("TikTok", "MkLinux"), or capitals running into it
/// ("TRMotor"); places seldom do
/// ("Wilkes-Barre" and "McAllen" do not count).
fn is_camel_case(word: &str) -> bool {
    word.split('-').any(|part| {
        let part = ["Mc", "Mac"]
            .iter()
            .find_map(|p| part.strip_prefix(p))
            .unwrap_or(part);
        let mut chars = part.chars();
        // "TRMotor": an acronym run into a word.
        let acronym_led = chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_uppercase);
        acronym_led
            || part
                .chars()
                .zip(part.chars().skip(1))
                .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
    })
}

/// Where the place name of one to three capitalised words that starts at `start`
/// ends, unless the words are no place's (an organisation's, a month, a pronoun) or a
/// number follows them ("Lot 17").
fn place_name_at(text: &str, start: usize) -> Option<usize> {
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
        // A brand's word ends the search with no place: "in Google AdWords credit".
        if is_camel_case(core) && core.chars().skip(1).any(char::is_lowercase) {
            return None;
        }
        let capitalised = core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().skip(1).any(char::is_lowercase)
            && core.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_PLACES.contains(&core)
            && !is_calendar_word(core);
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
    (words > 0 && !organisation && !before_number).then_some(end)
}

/// The organisation a role is held at: "a maritime security analyst at Harbour Risk
/// Partners in London", "a senior fellow at the Oslo-based Nordic Defence Forum", "an
/// analyst at the consultancy Bluewater Strategic", "at Prague's Institute for Defence
/// Economics". Two to eight capitalised words (with "of", "for", "and" between them),
/// or one acronym, that no rule claimed; a place or a people the gazetteer found inside
/// the name ("Centre for Sahel Security Studies") is part of it. English only.
pub(crate) fn organisations_after_roles(text: &str, german: bool, chosen: &mut Vec<Candidate>) {
    if german {
        return;
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), b" at ") {
        let role = text[..at].rsplit(' ').next().unwrap_or("");
        if !ROLE_NOUNS_BEFORE_AT.contains(&role) {
            continue;
        }
        let mut start = at + " at ".len();
        // "the", a kind of organisation, a place's possessive or "X-based" lead in.
        let mut words = text[start..].split(' ');
        let mut lead = 0;
        for word in words.by_ref().take(3) {
            let leads = word == "the"
                || ORGANISATION_KINDS.contains(&word)
                || word.ends_with("’s")
                || word.ends_with("'s")
                || word.ends_with("-based");
            if !leads {
                break;
            }
            lead += word.len() + 1;
        }
        start += lead;
        if let Some(end) = organisation_name_at(text, start) {
            found.push((start, end));
        }
    }
    if found.is_empty() {
        return;
    }
    let mut gone = vec![false; chosen.len()];
    let mut names = Vec::new();
    for (start, end) in found {
        let overlapping = overlapping_run(chosen, start, end);
        let inside = chosen[overlapping.clone()].iter().all(|c| {
            c.start >= start
                && c.end <= end
                && (c.start, c.end) != (start, end)
                && matches!(c.kind, EntityType::Location | EntityType::Nationality)
        });
        if !inside || overlapping.clone().any(|i| gone[i]) {
            continue;
        }
        for i in overlapping {
            gone[i] = true;
        }
        names.push(Candidate {
            start,
            end,
            kind: EntityType::Organisation,
            priority: 0,
            entry: None,
        });
    }
    replace_candidates(chosen, &gone, names);
}

/// The run of `chosen` that `start..end` overlaps. `chosen` is sorted and its spans do
/// not overlap, so their ends are sorted too: the run is found by binary search.
fn overlapping_run(chosen: &[Candidate], start: usize, end: usize) -> std::ops::Range<usize> {
    let first = chosen.partition_point(|c| c.end <= start);
    first..first + chosen[first..].iter().take_while(|c| c.start < end).count()
}

/// Drops the candidates marked `gone` and puts `names` in their place, sorted again.
fn replace_candidates(chosen: &mut Vec<Candidate>, gone: &[bool], names: Vec<Candidate>) {
    if names.is_empty() {
        return;
    }
    let mut i = 0;
    chosen.retain(|_| {
        i += 1;
        !gone[i - 1]
    });
    chosen.extend(names);
    chosen.sort_by_key(|c| c.start);
}

/// A company named with its legal form: "Raytheon Co.", "Huntington Ingalls Inc.",
/// "Tidewater Hull & Mechanical LLC", "Rheinmetall AG". The form is part of the name
/// (a contract list names every company so), and it makes a run of capitalised words
/// before it a company, known or not: up to eight of them, "&", "and", "of" or "for"
/// between them, a leading "The" left out. Names found inside (a known "Raytheon", a
/// place in "General Dynamics Electric Boat Corp.") give way.
pub(crate) fn companies_by_legal_form(text: &str, chosen: &mut Vec<Candidate>) {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, usize)> = Vec::new();
    for form in LEGAL_FORMS {
        for at in memchr::memmem::find_iter(bytes, form.as_bytes()) {
            // " Co." must not be the start of " Co.," inside a longer word, and a form
            // ends the word: "Inc." then a space, punctuation or the end.
            let end = at + form.len();
            let closed = text[end..].chars().next().is_none_or(|c| {
                c.is_whitespace() || ",;:)”\"'’".contains(c) || (c == '.' && !form.ends_with('.'))
            });
            if !closed {
                continue;
            }
            if let Some(start) = name_words_before_form(text, at) {
                found.push((start, end));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    found.sort_unstable();
    found.dedup();
    let mut gone = vec![false; chosen.len()];
    let mut names = Vec::new();
    for (start, end) in found {
        let overlapping = overlapping_run(chosen, start, end);
        let inside = chosen[overlapping.clone()]
            .iter()
            .all(|c| c.start >= start && c.end <= end && (c.start, c.end) != (start, end));
        if !inside {
            continue;
        }
        // A known organisation before "and" is one company, the name after it another
        // ("Lockheed Martin and Raytheon Co.").
        let start = chosen[overlapping.clone()]
            .iter()
            .filter(|c| c.kind == EntityType::Organisation && text[c.end..end].starts_with(" and "))
            .map(|c| c.end + " and ".len())
            .max()
            .unwrap_or(start);
        let overlapping = overlapping_run(chosen, start, end);
        // A place before the form is a kind of company ("a New York LLC"), not a name.
        let name_end = start + text[start..end].rfind(' ').unwrap_or(0);
        let place_only = chosen[overlapping.clone()]
            .iter()
            .any(|c| c.kind == EntityType::Location && (c.start, c.end) == (start, name_end));
        if place_only {
            continue;
        }
        // The names so far do not overlap and come in order: only the last can reach
        // this one (a scan of all of them was quadratic in a page of company lists).
        if overlapping.clone().any(|i| gone[i])
            || names.last().is_some_and(|n: &Candidate| start < n.end)
        {
            continue;
        }
        for i in overlapping {
            gone[i] = true;
        }
        names.push(Candidate {
            start,
            end,
            kind: EntityType::Organisation,
            priority: 0,
            entry: None,
        });
    }
    replace_candidates(chosen, &gone, names);
}

/// Capitalised words that open a sentence before a company's name, never part of it.
const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "at", "for", "from", "with", "by", "in", "on", "to", "and", "but", "or",
    "neither", "nor", "both", "either", "visit", "contact", "call", "when", "while", "if", "as",
    "after", "before", "since", "unlike", "like", "under", "via",
];

/// Legal forms that close a company's name, each after a space.
const LEGAL_FORMS: &[&str] = &[
    " Inc.",
    " Corp.",
    " Co.",
    " LLC",
    " L.P.",
    " Ltd.",
    " Ltd",
    " plc",
    " PLC",
    " GmbH",
    " AG",
    " S.A.",
    " N.V.",
    " Corporation",
];

/// Where the company name before the legal form at `form_at` starts: the run of
/// capitalised words right before it, small joining words between them.
fn name_words_before_form(text: &str, form_at: usize) -> Option<usize> {
    let head = &text[..form_at];
    let mut start = None;
    let mut capitalised = 0;
    let mut at = head.len();
    for _ in 0..12 {
        let word_start = head[..at].rfind([' ', '\n']).map_or(0, |i| i + 1);
        let word = &head[word_start..at];
        if word.is_empty() {
            break;
        }
        // Another company's form ends a name before this one ("RWE AG and E.ON AG").
        if LEGAL_FORMS.iter().any(|f| f[1..] == *word) {
            break;
        }
        let name_word = word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || "-&.'’".contains(c))
            && !word.ends_with('.')
            && !word.ends_with("-based");
        if name_word {
            capitalised += 1;
            start = Some(word_start);
            if capitalised >= 8 {
                break;
            }
        } else if !(matches!(word, "&" | "and" | "of" | "for") && capitalised > 0) {
            break;
        }
        if word_start == 0 || head.as_bytes()[word_start - 1] == b'\n' {
            break;
        }
        at = word_start - 1;
    }
    let mut start = start?;
    // A joining word may not open the name; nor "The", nor a word that opens a
    // sentence before a name ("Neither Apple Inc.", "At Pastore LLC", "Visit ...").
    loop {
        let rest = &text[start..form_at];
        let first = rest.split(' ').next().unwrap_or("");
        let opener = SENTENCE_OPENERS.contains(&first.to_ascii_lowercase().as_str());
        if (opener || matches!(first, "&" | "and" | "of" | "for")) && rest.len() > first.len() {
            start += first.len() + 1;
        } else {
            break;
        }
    }
    (start < form_at && text[start..form_at].starts_with(char::is_uppercase)).then_some(start)
}

/// Roles whose holder is named with the organisation after "at".
const ROLE_NOUNS_BEFORE_AT: &[&str] = &[
    "analyst",
    "analysts",
    "researcher",
    "researchers",
    "fellow",
    "professor",
    "lecturer",
    "economist",
    "expert",
    "experts",
    "scientist",
    "specialist",
    "director",
    "strategist",
    "scholar",
    "consultant",
    "adviser",
    "advisor",
    "manager",
    "spokesperson",
    "spokesman",
    "spokeswoman",
];

/// Kinds of organisation that may stand between "at the" and the name ("an analyst at
/// the consultancy Bluewater Strategic").
const ORGANISATION_KINDS: &[&str] = &[
    "consultancy",
    "firm",
    "company",
    "institute",
    "university",
    "agency",
    "group",
    "foundation",
];

/// Where the organisation name that starts at `start` ends: two to eight capitalised
/// words, "of", "for", "and" or "&" only between them, up to punctuation or a small
/// word; or one acronym ("the JPO").
fn organisation_name_at(text: &str, start: usize) -> Option<usize> {
    let mut end = start;
    let mut words = 0;
    let mut at = start;
    for _ in 0..12 {
        let rest = &text[at..];
        let word_len = rest.find([' ', '\n']).unwrap_or(rest.len());
        let word = &rest[..word_len];
        let core = word.trim_end_matches([',', '.', ';', ':', ')', '”', '"', '’', '\'']);
        let core = core
            .strip_suffix("’s")
            .or_else(|| core.strip_suffix("'s"))
            .unwrap_or(core);
        if core.starts_with(char::is_uppercase)
            && core
                .chars()
                .all(|c| c.is_alphanumeric() || "-&.".contains(c))
        {
            words += 1;
            end = at + core.len();
            if words >= 8 {
                break;
            }
        } else if !(matches!(core, "of" | "for" | "and" | "&")
            && words > 0
            && core.len() == word.len())
        {
            break;
        }
        // A name ends at punctuation or a line's end.
        if core.len() != word.len() || !rest[word_len..].starts_with(' ') {
            break;
        }
        at += word_len + 1;
    }
    let name = &text[start..end];
    let acronym =
        words == 1 && (2..=6).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase());
    (words >= 2 || acronym).then_some(end)
}

/// Whether `text` reads as German: in its first 800 bytes, German's articles and
/// "und" outnumber English's articles and "and" (a page keeps its language; the first
/// words say which at a fraction of the cost of reading them all).
pub(crate) fn is_german(text: &str) -> bool {
    let (mut german, mut english) = (0usize, 0usize);
    let mut head = text.len().min(800);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    for word in text[..head].split_whitespace() {
        match word {
            "der" | "die" | "das" | "und" | "den" | "dem" | "des" | "nicht" => german += 1,
            "the" | "and" | "of" | "to" | "is" | "was" | "that" => english += 1,
            _ => {}
        }
    }
    german > english
}

/// Whether `word` is a given name of `data/given-names.tsv`.
pub fn is_given_name(word: &str) -> bool {
    given_names().contains(word)
}

/// Given names (`data/given-names.tsv`), for [`persons_by_given_name`].
fn given_names() -> &'static std::collections::HashSet<&'static str> {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("../data/given-names.tsv")
            .lines()
            .skip(1)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect()
    })
}

/// The starts of the words of `text` (after whitespace, and after an opening bracket
/// or quote that follows it) whose first byte is a capital: an ASCII one or the lead
/// byte of a multibyte character. One pass over the bytes.
fn capitalised_word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let after_breaks = bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b' ' || b == b'\n' || b == b'\t')
        .map(|(i, _)| i + 1);
    std::iter::once(0)
        .chain(after_breaks)
        .filter_map(move |mut at| {
            match *bytes.get(at)? {
                b'(' | b'"' => at += 1,
                // The lead byte of “, ‘ and „ (and of other punctuation).
                0xE2 => {
                    if let Some(q) = ['“', '‘', '„']
                        .into_iter()
                        .find(|q| text[at..].starts_with(*q))
                    {
                        at += q.len_utf8();
                    }
                }
                _ => {}
            }
            let b = *bytes.get(at)?;
            (b.is_ascii_uppercase() || b >= 0xC0).then_some(at)
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
    let names = given_names();
    let bytes = text.as_bytes();
    let mut found: Vec<Candidate> = Vec::new();
    for at in capitalised_word_starts(text) {
        if found.last().is_some_and(|c| c.end > at) {
            continue;
        }
        let word_end = text[at..]
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .map_or(text.len(), |i| at + i);
        // A surname, an initial or a particle must follow: cheap byte tests before the
        // set lookup, which most capitalised words never reach.
        let next = bytes.get(word_end + 1).copied().unwrap_or(b' ');
        let followed = bytes.get(word_end) == Some(&b' ')
            && (next.is_ascii_uppercase() || next >= 0xC0 || b"vdbialer".contains(&next));
        if !followed || !(3..=20).contains(&(word_end - at)) || !names.contains(&text[at..word_end])
        {
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

/// Nouns of a person's office, trade or tie, as an apposition gives them: "Gan Yu, a
/// spokesperson for the coast guard", "Oman's foreign minister, Badr Albusaidi, said".
const ROLE_NOUNS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "president",
    "premier",
    "chancellor",
    "commentator",
    "analyst",
    "scientist",
    "researcher",
    "professor",
    "chairman",
    "chairwoman",
    "executive",
    "director",
    "commander",
    "chief",
    "head",
    "secretary",
    "ambassador",
    "envoy",
    "official",
    "officer",
    "councillor",
    "correspondent",
    "editor",
    "fellow",
    "adviser",
    "advisor",
    "lecturer",
    "engineer",
    "leader",
    "founder",
    "mayor",
    "governor",
    "member",
    "deputy",
    "expert",
    "economist",
    "historian",
    "lawyer",
    "diplomat",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
];

/// Where a person's name of two to four words that ends at `end` starts: capitalised
/// words, initials ("B.") and the particles of Arabic, Dutch, German and Romance
/// names ("al-Awadi", "bin", "van"), one space apart; at least two of them names.
fn name_words_before(text: &str, end: usize) -> Option<usize> {
    let mut word_end = end;
    let mut name_start = None;
    let mut words = 0;
    while words < 4 {
        let head = &text[..word_end];
        let word_start = head
            .rfind(|c: char| !(c.is_alphabetic() || matches!(c, '-' | '.')))
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &head[word_start..];
        let initial = word.len() == 2
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.ends_with('.');
        let particle = matches!(
            word,
            "bin" | "ibn" | "van" | "von" | "de" | "da" | "del" | "der"
        );
        if !(is_name_word(word) || initial || particle) || NOT_NAME_WORDS.contains(&word) {
            break;
        }
        words += 1;
        name_start = Some(word_start);
        // The next word back is one space away, or the name starts here.
        let before = &text[..word_start];
        match before.strip_suffix(' ') {
            Some(b) if b.ends_with(|c: char| c.is_alphabetic() || c == '.') => word_end = b.len(),
            _ => break,
        }
    }
    // "Defence Minister Boris Pistorius", "Army General Valery Gerasimov": the name
    // starts after the last title.
    let name_start = name_start?;
    let start = text[name_start..end]
        .match_indices(' ')
        .map(|(i, _)| name_start + i + 1)
        .chain([name_start])
        .filter_map(|at| {
            let titles = crate::patterns::leading_titles_len(&text[at..end]);
            (titles > 0).then_some(at + titles)
        })
        .max()
        .unwrap_or(name_start);
    let names = text[start..end]
        .split(' ')
        .filter(|w| is_name_word(w))
        .count();
    (names >= 2).then_some(start)
}

/// A capitalised word of a name ("Badr", not an initial "B.") or an Arabic name with
/// its article ("al-Awadi").
fn is_name_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !word.ends_with('.')
        || (word.starts_with("al-") || word.starts_with("el-")) && word.len() > 4
}

/// Whether `rest` (what follows a name's comma) opens with its role: an article or a
/// possessive, up to three words and a role noun ("a spokesperson for ...", "the
/// DPRK's defense minister", "Hyundai Rotem's chief executive"), or the role noun
/// itself before "of" or "for" ("chairman of ..."), all inside one sentence.
fn opens_with_role(rest: &str) -> bool {
    // The first words only: what runs on without a stop is no apposition.
    let window = rest
        .char_indices()
        .nth(120)
        .map_or(rest, |(i, _)| &rest[..i]);
    let sentence = window.split(['.', ';', ':', '\n']).next().unwrap_or("");
    let words: Vec<&str> = sentence
        .split(' ')
        .take(6)
        .map(|w| w.trim_end_matches([',', ')', '"', '”']))
        .collect();
    let Some(k) = words.iter().position(|w| ROLE_NOUNS.contains(w)) else {
        return false;
    };
    let possessive = |w: &&str| w.ends_with("'s") || w.ends_with("’s");
    let opened = matches!(words[0], "a" | "an" | "the") && (1..=4).contains(&k)
        || words[..k].iter().any(possessive) && k <= 4
        || k == 0
            && words
                .get(1)
                .is_some_and(|w| matches!(*w, "of" | "for" | "at"));
    let no_verb = !words[..k].iter().any(|w| {
        matches!(
            *w,
            "is" | "was" | "are" | "were" | "who" | "which" | "and" | "or" | "by"
        )
    });
    opened && no_verb
}

/// Last words of a business's or a venue's name, never a person's ("Brand Wisdom
/// Solutions, our ...", "the Simons Foundation, member institutions").
const NOT_PERSON_WORDS: &[&str] = &[
    "Art",
    "Bar",
    "Blog",
    "Books",
    "Capital",
    "Center",
    "Centre",
    "Church",
    "Club",
    "College",
    "Company",
    "Consulting",
    "Corp",
    "Council",
    "Digital",
    "Doc",
    "Eats",
    "Foundation",
    "Fund",
    "Group",
    "Holdings",
    "Hotel",
    "Inc",
    "Institute",
    "Journal",
    "Labs",
    "Legal",
    "Media",
    "Museum",
    "Network",
    "News",
    "Online",
    "Partners",
    "Party",
    "Post",
    "Press",
    "Restaurant",
    "Review",
    "School",
    "Services",
    "Society",
    "Solutions",
    "Studio",
    "Studios",
    "Systems",
    "Technologies",
    "Times",
    "Timeless",
    "University",
    "Advisors",
    "Agency",
];

/// Where the person's name in `text[start..end]` starts, or `None` when the words
/// name a business or a venue ([`NOT_PERSON_WORDS`]). A word before a known given name
/// is a sentence's ("Added Todd Schneider, a spokesman ...", "So Alexa Posny, the
/// assistant secretary"): the name starts at the given name.
fn person_start(text: &str, start: usize, end: usize) -> Option<usize> {
    let span = &text[start..end];
    if span.split(' ').any(|w| NOT_PERSON_WORDS.contains(&w)) {
        return None;
    }
    let names = given_names();
    let mut at = start;
    let mut parts = span.split(' ');
    let first = parts.next()?;
    if let Some(second) = parts.next() {
        // A kunya or a particle opens the name itself ("Abu Mohammed al-Jolani").
        let particle = matches!(
            first,
            "Abu"
                | "Umm"
                | "Abd"
                | "Abdul"
                | "Ibn"
                | "Bin"
                | "Van"
                | "Von"
                | "De"
                | "Da"
                | "Di"
                | "Le"
                | "La"
        );
        if !particle
            && !names.contains(first)
            && names.contains(second)
            && span.split(' ').count() >= 3
        {
            at = start + first.len() + 1;
        }
    }
    Some(at)
}

/// People named in apposition to their role, whose given names the list may not hold
/// ("Gan Yu, a spokesperson for ...", "Kang Sun Nam, the DPRK's defense minister",
/// "Oman's foreign minister, Badr Albusaidi, said"): two to four name words set off by
/// a comma from a role noun. Candidates of the lowest priority; the recogniser drops
/// those that cross a name the gazetteer knows ("General Dynamics, a leader in ...").
pub(crate) fn persons_in_apposition(text: &str) -> Vec<Candidate> {
    let mut found = Vec::new();
    for comma in memchr::memmem::find_iter(text.as_bytes(), ", ") {
        let after = &text[comma + 2..];
        // "X Y, a spokesperson for ..."
        if opens_with_role(after) {
            if let Some(start) =
                name_words_before(text, comma).and_then(|s| person_start(text, s, comma))
            {
                found.push(Candidate {
                    start,
                    end: comma,
                    kind: EntityType::Person,
                    priority: 0,
                    entry: None,
                });
            }
        }
        // "Oman's foreign minister, Badr Albusaidi, said"
        let role_before = text[..comma]
            .rsplit(' ')
            .next()
            .is_some_and(|w| ROLE_NOUNS.contains(&w));
        if role_before {
            let window = after
                .char_indices()
                .nth(80)
                .map_or(after, |(i, _)| &after[..i]);
            let Some(close) = window.find(", ") else {
                continue;
            };
            let end = comma + 2 + close;
            if let Some(start) = name_words_before(text, end)
                .filter(|&s| s == comma + 2)
                .and_then(|s| person_start(text, s, end))
            {
                found.push(Candidate {
                    start,
                    end,
                    kind: EntityType::Person,
                    priority: 0,
                    entry: None,
                });
            }
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
        if NOT_SURNAMES.contains(&word)
            || is_calendar_word(word)
            || word.ends_with("-class")
            || word.ends_with("-Klasse")
        {
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
pub(crate) fn german_counts(text: &str, german: bool, chosen: &mut Vec<Candidate>) {
    if !german {
        return;
    }
    let mut taken = Taken::new(chosen.iter().map(|c| (c.start, c.end)));
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
        if taken.is_free(start, end) {
            taken.insert(start, end);
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

/// A span of time named with an article ("a week", "an hour"), as [`time_spans`] finds it.
const TIME_SPANS: &[&str] = &[
    "a day",
    "a week",
    "a fortnight",
    "a month",
    "a year",
    "a decade",
    "an hour",
    "a minute",
];

/// Words after which "a year" measures time rather than gives a rate ("650 missiles
/// a year"): "for a year", "more than a week", "took a decade".
const MEASURING_WORDS: &[&str] = &[
    "than", "for", "within", "after", "over", "about", "nearly", "almost", "only", "just", "took",
    "under", "around", "roughly", "least", "barely", "spent", "lasted", "take", "takes", "ended",
    "ending", "half",
];

/// Spans of time named with an article: "a decade ago", "less than a week", "for an
/// hour", "took a year and a half". A substring search for the article finds the
/// phrases (a regex led by the measuring words cost more than every other pattern
/// together); the word before, or an "ago" after, tells a span from a rate.
pub(crate) fn time_spans(text: &str) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // "a" or "an" as a word: a space, then the article, then a space.
    for at in memchr::memmem::find_iter(bytes, " a") {
        let start = at + 1;
        let article_len = match bytes.get(start + 1) {
            Some(b' ') => 1,
            Some(b'n') if bytes.get(start + 2) == Some(&b' ') => 2,
            _ => continue,
        };
        let rest = &text[start..];
        let Some(phrase) = TIME_SPANS
            .iter()
            .find(|p| rest.starts_with(*p) && p.len() > article_len + 1)
        else {
            continue;
        };
        let mut end = start + phrase.len();
        if !is_word_boundary(text, start, end) {
            continue;
        }
        let before = text[..start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        if text[end..].starts_with(" and a half") {
            end += " and a half".len();
        }
        let ago = text[end..].starts_with(" ago") && is_word_boundary(text, end + 1, end + 4);
        if ago {
            end += " ago".len();
        }
        if ago || MEASURING_WORDS.contains(&before) {
            found.push(Candidate {
                start,
                end,
                kind: EntityType::Temporal,
                priority: 2,
                entry: None,
            });
        }
    }
    found
}

/// Lowercase nouns after which capitalised words name a place or a ship's class.
const NAMING_NOUNS: &[(&str, EntityType)] = &[
    // Plurals name a list: "the Ivanovo, Ryazan and Amur regions".
    (" regions", EntityType::Location),
    (" districts", EntityType::Location),
    (" provinces", EntityType::Location),
    (" oblasts", EntityType::Location),
    (" governorates", EntityType::Location),
    (" region", EntityType::Location),
    (" district", EntityType::Location),
    (" county", EntityType::Location),
    (" province", EntityType::Location),
    (" oblast", EntityType::Location),
    (" governorate", EntityType::Location),
    (" area", EntityType::Location),
    (" village", EntityType::Location),
    (" town", EntityType::Location),
    (" city", EntityType::Location),
    (" air base", EntityType::Location),
    (" airbase", EntityType::Location),
    (" naval base", EntityType::Location),
    (" base", EntityType::Location),
    (" airport", EntityType::Location),
    (" island", EntityType::Location),
    (" peninsula", EntityType::Location),
    (" valley", EntityType::Location),
    (" coast", EntityType::Location),
    (" enclave", EntityType::Location),
    (" class", EntityType::MilitaryPlatform),
    // A weapon the gazetteer leaves out as a common word or a name ("Onyx and
    // Tsirkon missiles", "Emad and Ghadr missiles", "Quds cruise missiles"): the head
    // noun says what it is. Only names the gazetteer does not know at all
    // (`Recognizer::entities`), and only the phrase's head (see [`ends_noun_phrase`]).
    (" cruise missiles", EntityType::Weapon),
    (" cruise missile", EntityType::Weapon),
    (" ballistic missiles", EntityType::Weapon),
    (" ballistic missile", EntityType::Weapon),
    (" missiles", EntityType::Weapon),
    (" missile", EntityType::Weapon),
];

/// Words that may follow a weapon's head noun: the phrase ends there. Any other
/// lowercase word makes the noun a modifier ("Golden Dome missile defence", "Tuesday
/// missile strike"), and the capitalised word before it is no weapon.
const AFTER_HEAD_NOUN: &[&str] = &[
    "and", "or", "to", "in", "on", "at", "from", "with", "was", "is", "were", "are", "that",
    "which", "has", "have", "had", "for", "by", "as", "against", "into", "of", "over", "could",
    "can", "will", "would", "may", "might", "since", "but", "being", "been", "each",
];

/// Whether a word after `before` opens a sentence: the text's or a line's start, or
/// a full stop, question or exclamation mark, colon or opening quote before it.
fn opens_sentence(before: &str) -> bool {
    let before = before.trim_end_matches(' ');
    before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':', '"', '“', '‘', '(', '—', '–'])
}

/// Whether the text after a noun ends the noun phrase: punctuation, the text's end, a
/// capitalised word, or one of [`AFTER_HEAD_NOUN`].
fn ends_noun_phrase(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return !after.starts_with(|c: char| c.is_alphanumeric() || c == '-');
    };
    let word: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    !word.starts_with(char::is_lowercase) || AFTER_HEAD_NOUN.contains(&word)
}

/// The first two letters of the [`NAMING_NOUNS`], as a table indexed by letter: the
/// test every space of a text pays.
const NOUN_OPENINGS: [[bool; 26]; 26] = {
    let mut table = [[false; 26]; 26];
    let mut i = 0;
    while i < NAMING_NOUNS.len() {
        let noun = NAMING_NOUNS[i].0.as_bytes();
        table[(noun[1] - b'a') as usize][(noun[2] - b'a') as usize] = true;
        i += 1;
    }
    table
};

/// Capitalised words that open a sentence or qualify rather than name: left off the
/// front of a name ("The Amur region" gives "Amur").
const NOT_NAME_WORDS: &[&str] = &[
    "The", "This", "That", "These", "Those", "A", "An", "Its", "His", "Her", "Their", "Our",
    "Every", "Each", "Another", "Any", "No", "One", "Some", "Which", "What", "Whose", "In", "On",
    "At", "For", "From", "And", "But", "Or", "If", "When", "While", "As", "After", "Before",
    "During", "Since", "Until", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
    "Ten", "Both", "All", "Several", "Many", "More",
];

/// Capitalised words that make the phrase no name at all: qualifiers of a place
/// ("Disputed area", "Northern region") and ranks of a class ("First class").
const NOT_NAMES_BEFORE_NOUNS: &[&str] = &[
    "Air",
    "Naval",
    "Military",
    "Border",
    "Home",
    "Capital",
    "Coastal",
    "Frontline",
    "Front-line",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Greater",
    "Wider",
    "Entire",
    "Whole",
    "Same",
    "Key",
    "Main",
    "New",
    "Old",
    "Disputed",
    "Occupied",
    "Affected",
    "Restricted",
    "Protected",
    "Contested",
    "Controlled",
    "Surrounding",
    "Nearby",
    "Rural",
    "Urban",
    "Industrial",
    "Residential",
    "Exclusion",
    "Buffer",
    "Training",
    "Target",
    "First",
    "Second",
    "Third",
    "Business",
    "Economy",
    "World",
    "Middle",
    "Working",
    "Upper",
    "Lower",
    "Ruling",
    "Political",
    "Master",
    "Premium",
    "Top",
    "High",
    "Low",
    "Entry",
    "Open",
    "Advanced",
    "Senior",
    "Junior",
];

/// Names before a lowercase noun that says what they name: "the Amur region",
/// "Poonch district", "Belaya air base" (places; annotation conventions leave the noun
/// out), "the Hunter class", "Renhai class" (a ship's class, rule 12). One to three
/// capitalised words, without a possessive ("Russia's Kursk region" gives "Kursk").
/// A SIMD pass finds the spaces, two byte tests the few before a noun, and only there
/// is the name read backwards: as regexes led by capitalised words, these rules ran on
/// every capital of every text.
pub(crate) fn names_before_nouns(text: &str) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Each space, found by SIMD; only a space before the first two letters of a noun
    // is looked at further, and only then the word before it.
    for noun_start in memchr::memchr_iter(b' ', bytes) {
        let (Some(&a), Some(&b)) = (bytes.get(noun_start + 1), bytes.get(noun_start + 2)) else {
            continue;
        };
        if !(a.is_ascii_lowercase()
            && b.is_ascii_lowercase()
            && NOUN_OPENINGS[usize::from(a - b'a')][usize::from(b - b'a')])
        {
            continue;
        }
        let word_start = bytes[..noun_start]
            .iter()
            .rposition(|&c| c == b' ' || c == b'\n')
            .map_or(0, |i| i + 1);
        let previous = bytes.get(word_start).copied().unwrap_or(b' ');
        if !(previous.is_ascii_uppercase() || previous >= 0xC0) || word_start == noun_start {
            continue;
        }
        let rest = &text[noun_start..];
        let Some((noun, kind)) = NAMING_NOUNS
            .iter()
            .filter(|(noun, _)| rest.starts_with(noun))
            .max_by_key(|(noun, _)| noun.len())
        else {
            continue;
        };
        if !is_word_boundary(text, noun_start + 1, noun_start + noun.len()) {
            continue;
        }
        let kind = *kind;
        if kind == EntityType::Weapon && !ends_noun_phrase(&text[noun_start + noun.len()..]) {
            continue;
        }
        // Up to three capitalised words right before the noun, read backwards. A word
        // is letters and hyphens, so a possessive ends the walk at its "s": "Russia's
        // Kursk region" gives "Kursk".
        let mut start = noun_start;
        let mut words: Vec<&str> = Vec::new();
        while words.len() < 3 {
            let (word_start, word) = word_before(text, start);
            let capitalised = word.starts_with(char::is_uppercase)
                && word.chars().skip(1).any(char::is_lowercase);
            if !capitalised {
                break;
            }
            words.push(word);
            start = word_start;
            // The next word back must be separated by exactly one space.
            if !(start > 0 && text[..start].ends_with(' ')) {
                break;
            }
            start -= 1;
        }
        words.reverse();
        // Sentence openers and determiners come off the front.
        while words.first().is_some_and(|w| NOT_NAME_WORDS.contains(w)) {
            words.remove(0);
        }
        let Some(first) = words.first() else { continue };
        if NOT_NAMES_BEFORE_NOUNS.contains(first) {
            continue;
        }
        let name_start =
            noun_start - words.iter().map(|w| w.len()).sum::<usize>() - (words.len() - 1);
        // A weapon is one word, and not a sentence's first ("Cheaper missiles",
        // "Ballistic missiles"), an origin ("Chinese-made missiles") or a date
        // ("Tuesday missile"); longer names before a known one ("British Storm
        // Shadow") are the gazetteer's.
        if kind == EntityType::Weapon
            && (words.len() > 1
                || opens_sentence(&text[..name_start])
                || is_calendar_word(first)
                || first
                    .split_once('-')
                    .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase)))
        {
            continue;
        }
        found.push(Candidate {
            start: name_start,
            end: noun_start,
            kind,
            // A place's name before "class" is a ship's class named after it ("the
            // Kolkata class"): the noun outranks the gazetteer's place, as a ship's
            // type does in the ship-name rule.
            priority: if kind == EntityType::Location { 0 } else { 6 },
            entry: None,
        });
        if noun.ends_with('s') {
            // A weapon in the list is one word too ("Russian Kinzhal and Iskander-M
            // ballistic missiles" names a nationality and a known weapon).
            found.extend(
                coordinated_names(text, name_start, kind)
                    .into_iter()
                    .filter(|c| kind != EntityType::Weapon || !text[c.start..c.end].contains(' ')),
            );
        }
    }
    found
}

/// The word (letters and hyphens) that ends at `at`, and where it starts; empty when
/// the character before `at` is neither.
fn word_before(text: &str, at: usize) -> (usize, &str) {
    let head = &text[..at];
    let word_start = head
        .rfind(|c: char| !(c.is_alphabetic() || c == '-'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    (word_start, &head[word_start..])
}

/// The names listed before the last one of a plural noun's list, read backwards from
/// `last_start`: "Irkutsk, Ivanovo, Ryazan and" before "Amur regions". Each is one or
/// two capitalised words after ", ", " and " or ", and ".
fn coordinated_names(text: &str, last_start: usize, kind: EntityType) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut end_of_list = last_start;
    loop {
        let before = &text[..end_of_list];
        let Some(name_end) = [", and ", " and ", ", "]
            .iter()
            .find_map(|sep| before.strip_suffix(sep).map(str::len))
        else {
            break;
        };
        // One or two capitalised words, separated by one space.
        let is_name_word = |w: &str| {
            w.starts_with(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && !NOT_NAME_WORDS.contains(&w)
                && !is_calendar_word(w)
        };
        let mut start = name_end;
        let mut words = 0;
        while words < 2 {
            let (word_start, word) = word_before(text, start);
            if !is_name_word(word) {
                break;
            }
            start = word_start;
            words += 1;
            if words == 2 || !(start >= 1 && text[..start].ends_with(' ')) {
                break;
            }
            // A second word only when it too is a name's.
            if !is_name_word(word_before(text, start - 1).1) {
                break;
            }
            start -= 1;
        }
        if start == name_end {
            break;
        }
        found.push(Candidate {
            start,
            end: name_end,
            kind,
            priority: 0,
            entry: None,
        });
        end_of_list = start;
    }
    found
}

/// Time units that end a duration ("14 days", "three years").
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades",
];

/// Numbers in words that open a range ("two to three years").
const SMALL_NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty",
];

/// Whether `word` is a number: ASCII digits, or a small number in words.
fn is_number_word(word: &str) -> bool {
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()))
        || SMALL_NUMBER_WORDS.contains(&word.to_ascii_lowercase().as_str())
}

/// Whether a temporal span is a duration: a number and a time unit, nothing else
/// ("six months", not "six months ago").
fn is_duration(span: &str) -> bool {
    let mut words = span.split(' ');
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(n), Some(unit), None) if is_number_word(n) && TIME_UNITS.contains(&unit)
    )
}

/// Ranges and compound spans of time are one mention, as the annotation conventions
/// mark them: a number joined to the time after it ("10 to 14 days", "two to three
/// years", "8 to 9 July", "17–18 November 2024", "17 and 18 November 2024"), two years
/// ("2023–2024", "2022-23"), and durations in a row ("one year, six months and nine
/// days"). Runs after selection, on temporal mentions only.
pub(crate) fn join_time_ranges(text: &str, chosen: &mut Vec<Candidate>) {
    // A number right before a temporal mention, joined by "to", a dash or (before a
    // date) "and", that no mention holds.
    // No other mention may hold any of the text taken in front.
    let free = |from: usize, to: usize, chosen: &[Candidate]| {
        !chosen.iter().any(|c| c.start < to && c.end > from)
    };
    for i in 0..chosen.len() {
        if chosen[i].kind != EntityType::Temporal {
            continue;
        }
        let start = chosen[i].start;
        let first_word = text[start..chosen[i].end].split(' ').next().unwrap_or("");
        if !is_number_word(first_word) {
            continue;
        }
        let before = &text[..start];
        let dated = text[start..chosen[i].end]
            .split(' ')
            .nth(1)
            .is_some_and(|w| is_calendar_word(w) && !TIME_UNITS.contains(&w));
        let joiner = [" to ", "–", "-", " and "]
            .iter()
            .find(|j| before.ends_with(*j) && (**j != " and " || dated));
        let Some(joiner) = joiner else { continue };
        let head = &before[..before.len() - joiner.len()];
        let number_start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |k| {
            k + head[k..].chars().next().map_or(1, char::len_utf8)
        });
        let number = &head[number_start..];
        if is_number_word(number) && free(number_start, start, chosen) {
            chosen[i].start = number_start;
        }
    }
    // Years and durations in a row become one mention.
    let mut out: Vec<Candidate> = Vec::with_capacity(chosen.len());
    for c in chosen.drain(..) {
        if let Some(prev) = out.last_mut().filter(|p| p.end <= c.start) {
            let between = &text[prev.end..c.start];
            let (a, b) = (&text[prev.start..prev.end], &text[c.start..c.end]);
            let years = (between == "–" || between == "-")
                && a.len() == 4
                && a.bytes().all(|x| x.is_ascii_digit())
                && b.bytes().all(|x| x.is_ascii_digit())
                && matches!(b.len(), 2 | 4);
            let durations = matches!(between, ", " | " and " | ", and ")
                && a.split(", ")
                    .flat_map(|p| p.split(" and "))
                    .all(|p| is_duration(p.trim_start_matches("and ")))
                && is_duration(b);
            if prev.kind == EntityType::Temporal
                && c.kind == EntityType::Temporal
                && (years || durations)
            {
                prev.end = c.end;
                continue;
            }
        }
        out.push(c);
    }
    // "the winter of 2022-23": a year's two-digit partner.
    for c in &mut out {
        let span = &text[c.start..c.end];
        let ends_in_year = span.len() >= 4
            && span.as_bytes()[span.len() - 4..]
                .iter()
                .all(u8::is_ascii_digit);
        if c.kind != EntityType::Temporal || !ends_in_year {
            continue;
        }
        let rest = &text[c.end..];
        let Some(after_dash) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')) else {
            continue;
        };
        let digits = after_dash.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 2 && !after_dash[2..].starts_with(char::is_alphanumeric) {
            c.end += rest.len() - after_dash.len() + 2;
        }
    }
    *chosen = out;
}
