//! Patterns for entities that are shapes rather than names: dates, amounts, quantities,
//! designations, coordinates, frequencies, and names recognised by their head word
//! ("... Air Force", "... Province") or a preceding title ("General ...").

use dechaff_schema::EntityType;
use regex::Regex;

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.?|Sep\.|Oct\.|Nov\.|Dec\.|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)";
/// Words that may modify a time ("early 2024", "mid-March", "next Monday"), first letter
/// in either case, followed by a space or a hyphen. Sought before a temporal match by
/// [`modifier_before`] rather than written into its regex as an optional prefix: a
/// leading optional alternation hides the literals the regex engine scans for, and the
/// pattern then runs about ten times slower.
const MODIFIERS: [&str; 11] = [
    "early", "mid", "late", "next", "last", "this", "past", "coming", "previous", "later",
    "earlier",
];
/// Cardinal numbers in digits or words.
pub const NUMBER: &str = r"(?:\d[\d,.]*\d|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred|a dozen|dozens|hundreds|thousands|tens of thousands|hundreds of thousands|several hundred|several thousand|a few hundred|a few thousand)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)(?:\s(?:million|billion|trillion|thousand|hundred|Millionen|Million|Milliarden|Milliarde))?";
/// The words [`NUMBER`] may start with, as its alternation lists them (a test keeps the
/// two together): with the digits, every place a number can start.
const NUMBER_WORDS: [&str; 39] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "a hundred",
    "hundred",
    "a dozen",
    "dozens",
    "hundreds",
    "thousands",
    "tens of thousands",
    "hundreds of thousands",
    "several hundred",
    "several thousand",
    "a few hundred",
    "a few thousand",
];
const UNIT: &str = r"(?:km/h|km|kilometres|kilometers|kilometre|kilometer|miles|mile|nautical miles|metres|meters|metre|meter|m|mm|millimetre|cm|kg|kilograms|tonnes|tons|tonne|ton|knots|kt|feet|ft|per cent|percent|%|MW|kW|GW|litres|liters|hectares|square kilometres|square kilometers|sq km|square feet|sq ft|kilowatts?|megawatts?|gigawatts?|kilotons?|megatons?|hp|horsepower|inch|inches|degree|degrees|g)";
/// Generic nouns whose counts are Quantities ("5,000 troops").
const COUNTED: &str = r"(?:troops|soldiers|personnel|servicemen|service members|sailors|marines|fighters|militants|civilians|people|refugees|recruits|conscripts|reservists|officers|pilots|aircraft|jets|fighters|bombers|helicopters|drones|UAVs|missiles|rockets|shells|rounds|munitions|bombs|tanks|vehicles|armoured vehicles|ships|vessels|warships|boats|submarines|launchers|systems|batteries|brigades|battalions|divisions|regiments|units|positions|sorties|strikes|attacks|interceptors|howitzers|guns)";
/// A capitalised word; apostrophes end it, so "Iran’s Army" does not start at "Iran’s".
/// A lowercase word that may modify a counted noun (not a function word).
/// A plural noun ends a count, so a modifier does not end in a plural's "s" ("36
/// missiles struck populated areas" is "36 missiles"); "-ss" and "-ous" words still
/// modify ("various", "numerous").
const MODIFIER_WORD: &str = r"(?:[a-z][a-z-]*(?:[a-rt-z]|ss|ous)|telecoms|telecommunications|communications|logistics|electronics)";
/// A plural noun: a lowercase word ending in "s" (not "ss": "class", "press").
const PLURAL: &str = r"(?:[a-z][a-z-]*[^s\W]s)";
const CAP: &str = r"[A-Z][\p{L}\d&.-]*";
/// A capitalised word without stops: it cannot run past a sentence's end.
const CAP_WORD: &str = r"[A-Z][\p{L}\d&-]*";
/// Head words that make a capitalised phrase an organisation.
pub const ORG_HEADS: &str = r"(?:Headquarters|Army|Navy|Air Force|Air Forces|Aerospace Forces|Armed Forces|Defence Forces|Defense Forces|Forces|Force|Corps|Guard|Guards|Ministry|Agency|Command|Brigade|Division|Regiment|Battalion|Squadron|Wing|Fleet|Flotilla|Group|Council|Commission|Committee|Industries|Systems|Corporation|Company|Institute|Bureau|Office|Service|Services|Directorate|Staff|Parliament|Assembly|Party|Front|Movement|Organisation|Organization|Alliance|Union|Coalition|Bank|Fund|Department|Administration|Authority|Centre|Center|Academy|University|College|Agency|Inc\.|Ltd|AG|GmbH|SA|plc|LLC)";
/// Head words that make a capitalised phrase a document.
const DOC_HEADS: &str = r"(?:Treaty|Agreement|Declaration|Convention|Accords?|Pact|Act|Charter|Protocol|Memorandum of Understanding|Regulations?|White Paper|Defence Plan|Defense Plan|Review)";
const LOC_HEADS: &str = r"(?:Province|Oblast|Region|Governorate|District|Air Base|Airbase|Naval Base|Base|Sea|Strait|Straits|Gulf|Island|Islands|Peninsula|Mountains|River|Bay|Valley|Canal|Desert|Plateau|Heights|Corridor|Airport|Port|Harbour|Harbor|Proving Ground|Test Range|Range)";
const TITLES: &str = r"(?:President|Vice President|Prime Minister|Deputy Prime Minister|Defen[cs]e Minister|Foreign Minister|Defen[cs]e Secretary|Foreign Secretary|Secretary of State|Secretary of Defense|Secretary-General|Secretary General|Minister|Secretary|Chancellor|General|Gen\.|Lt\. Gen\.|Lieutenant General|Major General|Maj\. Gen\.|Brigadier General|Brig\. Gen\.|Admiral|Adm\.|Vice Admiral|Rear Admiral|Air Marshal|Air Chief Marshal|Field Marshal|Marshal|Colonel|Col\.|Lieutenant Colonel|Lt\. Col\.|Major|Maj\.|Captain|Capt\.|Commander|Cmdr\.|Lieutenant|Lt\.|Sergeant|Sgt\.|Corporal|Private|King|Queen|Prince|Crown Prince|Emir|Sheikh|Senator|Sen\.|Rep\.|Representative|Ambassador|Governor|Mayor|spokesman|spokeswoman|spokesperson|CEO|chief executive|chairman|chairwoman|Dr\.|Mr\.|Mrs\.|Ms\.|analyst|commander|Bundeskanzler|Verteidigungsminister|Präsident|Generalleutnant)";
/// Words that end a name after a title ("General Staff" is not a person).
const NOT_NAMES: &str = r"^(?:Staff|Assembly|Secretary|Command|Council|Directorate|Office|Department|Ministry|Prosecutor|Electric|Dynamics|Atomics|Motors|Headquarters|Court|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|of|The)$";

/// One recogniser: a regex, the type it gives, and which capture group is the entity
/// (0 for the whole match).
pub struct Pattern {
    pub regex: Regex,
    pub kind: EntityType,
    pub group: usize,
    /// Lower wins ties against gazetteer matches of the same length.
    pub priority: u8,
    /// A test the matched text must also pass (what a regex without look-around
    /// cannot say).
    pub accept: fn(&str) -> bool,
    /// What may lead a match that the regex leaves out (see [`Lead`]).
    pub lead: Lead,
    /// Literals of which a text must hold one for the pattern to match it; empty when
    /// there is no such set. A text without any is not searched: the rarest shapes
    /// (coordinates, frequencies) then cost one substring scan, not a regex pass.
    pub gate: &'static [&'static str],
    /// Where the regex, then compiled anchored (`^`), is tried instead of being run
    /// over the whole text.
    pub anchor: Anchor,
}

/// Where an anchored pattern is tried ([`Pattern::anchor`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Nowhere: the regex is unanchored, one pass over the text.
    Unanchored,
    /// Where a number starts ([`Starts::numbers`]): the regex opens with `\b` and a
    /// [`NUMBER`]. Eight patterns open so; as passes of their own over every byte they
    /// cost half of all the patterns' time.
    Numbers,
    /// Where a capitalised word starts in a stretch of text that holds a word of head
    /// set `n` of [`HEAD_SETS`] ([`Starts::capitals`]): the regex is a chain of
    /// capitalised words that such a head word ends ("Syrian Arab Army"). As passes
    /// over every byte, the three head-word patterns cost a third of all the patterns'
    /// time on WCXB's bodies; most of a text holds no head word.
    Capitals(usize),
}

/// The head words that end a name of each head-word pattern, in [`Anchor::Capitals`]'s
/// order: organisations, places, documents.
pub const HEAD_SETS: [&str; 3] = [ORG_HEADS, LOC_HEADS, DOC_HEADS];

/// Where the anchored patterns of one text are tried.
pub struct Starts {
    /// Where a [`NUMBER`] may start: an ASCII digit or one of [`NUMBER_WORDS`], after
    /// an ASCII word boundary (the patterns' `\b`), in order.
    pub numbers: Vec<usize>,
    /// Per head set of [`HEAD_SETS`], where a name of its pattern may start: a capital
    /// letter after an ASCII word boundary (the patterns' `\b[A-Z]`), in a run of
    /// [`in_name_run`] bytes that holds one of the set's head words at a word start,
    /// before the last of them. A name lies inside one such run, and its head word
    /// follows whitespace after its start: no other start can match, so trying these
    /// in order finds what a pass of the regex finds.
    pub capitals: [Vec<usize>; 3],
}

impl Starts {
    pub fn of(text: &str) -> Starts {
        Starts {
            numbers: number_starts(text),
            capitals: capital_starts(text),
        }
    }
}

/// Text before a match that belongs to it but is not in its regex. A leading optional
/// alternation in a regex hides the literals the regex engine scans for, and the
/// pattern then runs about ten times slower; the lead is sought before each match
/// instead, which finds the same spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lead {
    None,
    /// A time modifier and a space or hyphen ("late September", "mid-2024"): see
    /// [`MODIFIERS`].
    TimeModifier,
    /// A country prefix of a currency symbol ("US$", "A$", "C$").
    CurrencyPrefix,
}

impl Pattern {
    /// The spans (byte offsets) of the pattern's mentions in `text`, in order,
    /// not yet checked by `accept`.
    /// `starts` is [`Starts::of`] `text`.
    pub fn spans<'t>(
        &'t self,
        text: &'t str,
        starts: &'t Starts,
    ) -> Box<dyn Iterator<Item = (usize, usize)> + 't> {
        // A SIMD substring search per literal: the gates run over every text, and a
        // gate of many literals (currency names) scanned it with `str::contains` once
        // per literal.
        let holds =
            |literal: &&str| memchr::memmem::find(text.as_bytes(), literal.as_bytes()).is_some();
        if !self.gate.is_empty() && !self.gate.iter().any(holds) {
            return Box::new(std::iter::empty());
        }
        // Capture groups cost a second, slower engine per match: only the patterns
        // whose mention is a group pay for them.
        let anchored_at = match self.anchor {
            Anchor::Unanchored => None,
            Anchor::Numbers => Some(&starts.numbers),
            Anchor::Capitals(set) => Some(&starts.capitals[set]),
        };
        let spans: Box<dyn Iterator<Item = (usize, usize)>> = if let Some(at) = anchored_at {
            // As `find_iter` would: the leftmost start at or after the last match's
            // end where the anchored regex matches, and its preferred match there.
            // The slice hides the byte before the start from the regex's `\b`, which
            // the starts have checked.
            let mut from = 0;
            Box::new(at.iter().filter_map(move |&start| {
                if start < from {
                    return None;
                }
                let m = self.regex.find(&text[start..])?;
                from = start + m.end();
                Some((start, from))
            }))
        } else if self.group == 0 {
            Box::new(self.regex.find_iter(text).map(|m| (m.start(), m.end())))
        } else {
            Box::new(
                self.regex
                    .captures_iter(text)
                    .filter_map(|c| c.get(self.group))
                    .map(|m| (m.start(), m.end())),
            )
        };
        let lead_before = match self.lead {
            Lead::None => return spans,
            Lead::TimeModifier => modifier_before,
            Lead::CurrencyPrefix => currency_prefix_before,
        };
        // As the regex with the optional lead in front would match: the lead joins
        // the match unless the previous match already took its text.
        let mut previous_end = 0;
        Box::new(spans.map(move |(start, end)| {
            let start = lead_before(text, start)
                .filter(|&s| s >= previous_end)
                .unwrap_or(start);
            previous_end = end;
            (start, end)
        }))
    }
}

/// Where a time modifier ([`MODIFIERS`]) that ends right before `at` starts, if one does:
/// "early " or "mid-", with a word boundary (ASCII, as the patterns' `\b`) before it.
fn modifier_before(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].strip_suffix([' ', '-'])?.as_bytes();
    MODIFIERS.iter().find_map(|word| {
        let start = before.len().checked_sub(word.len())?;
        let candidate = &before[start..];
        let same = candidate[0].eq_ignore_ascii_case(&word.as_bytes()[0])
            && candidate[1..] == word.as_bytes()[1..];
        let boundary =
            start == 0 || !(before[start - 1].is_ascii_alphanumeric() || before[start - 1] == b'_');
        (same && boundary).then_some(start)
    })
}

/// Where a currency symbol's country prefix ("US", "A", "C", "R" of R$) that ends right before `at`
/// starts, if one does. The longest is taken first, as the regex's alternation did.
fn currency_prefix_before(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    ["US", "NZ", "HK", "A", "C", "R", "S"]
        .iter()
        .find(|prefix| before.ends_with(*prefix))
        .map(|prefix| at - prefix.len())
}

fn any_text(_: &str) -> bool {
    true
}

/// Words that cannot sit between a number and the noun it counts, or be that noun.
const NOT_IN_A_COUNT: &[&str] = &[
    "of", "the", "its", "his", "her", "their", "our", "a", "an", "at", "to", "in", "on", "for",
    "under", "and", "or", "by", "with", "from", "that", "which", "this", "these", "those", "was",
    "were", "has", "had", "is", "as", "us", "yes", "towards", "whereas", "perhaps", "always",
    "across", "less", "unless", "thus", "also", "plus", "minus", "against", "after", "before",
    "since", "into", "over", "per", "more", "most",
];

/// Whether `number` is a round multiple whose "of" belongs to it ("dozens of
/// flights", "Hundreds of troops").
fn is_multiple(number: &str) -> bool {
    ["dozens", "hundreds", "thousands", "millions"]
        .iter()
        .any(|m| number.eq_ignore_ascii_case(m))
}

/// [`plausible_count`] for a count whose "of" after "dozens", "hundreds" or
/// "thousands" belongs to the number.
fn plausible_count_of(span: &str) -> bool {
    match span.split_once(" of ") {
        Some((number, rest)) if is_multiple(number) => plausible_count(&format!("{number} {rest}")),
        _ => plausible_count(span),
    }
}

/// A measure whose "of" follows a round multiple ("thousands of kilometres"), not
/// any number ("one of km").
fn plausible_measure(span: &str) -> bool {
    span.split_once(" of ")
        .is_none_or(|(number, _)| is_multiple(number))
}

/// A count that is not a share of things named before: "seven of the drones", "one of
/// its positions" pick from a group the text has already counted or named.
fn not_a_share(span: &str) -> bool {
    !counts_a_measure(span)
        && !span.split_once(" of ").is_some_and(|(_, rest)| {
            rest.split_whitespace().next().is_some_and(|w| {
                matches!(
                    w,
                    "the" | "its" | "their" | "these" | "those" | "his" | "her" | "our" | "them"
                )
            })
        })
}

/// A count of a measure ("76 mm guns") is the measure's, which its own pattern finds
/// ("76 mm").
fn counts_a_measure(span: &str) -> bool {
    span.split_whitespace()
        .nth(1)
        .is_some_and(|w| matches!(w, "mm" | "cm" | "km" | "m" | "kg" | "hp" | "ft"))
}

/// A count with a generic noun: not a year ("2024 showed ..."), no function word
/// inside ("one of its positions"), not a thing measured in time or money.
fn plausible_count(span: &str) -> bool {
    let mut words = span.split_whitespace();
    let number = words.next().unwrap_or("");
    let is_year = number.len() == 4
        && number.chars().all(|c| c.is_ascii_digit())
        && (number.starts_with("19") || number.starts_with("20"));
    let rest: Vec<&str> = words.collect();
    // Two coordinated plurals ("ships and submarines", "drones and missiles") are one
    // count: that "and" is no function word inside it. The pattern takes a second
    // plural only from the counted nouns, so "tankers and sends" is not one.
    let coordinating = rest.iter().position(|w| *w == "and").filter(|&k| {
        k >= 1 && rest[k - 1].ends_with('s') && (1..=2).contains(&(rest.len() - k - 1))
    });
    // "472 drones and seven missiles" are two counts, each found on its own.
    let second_count = coordinating.is_some_and(|k| {
        rest.get(k + 1).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.contains(w)
        })
    });
    if second_count {
        return false;
    }
    let bad_word = rest
        .iter()
        .enumerate()
        .any(|(i, w)| Some(i) != coordinating && NOT_IN_A_COUNT.contains(w));
    let last = rest.last().copied().unwrap_or("");
    // "two men shook hands": a plural without an "s" ends the count (the pattern for
    // people counts finds "two men").
    let people_inside = rest[..rest.len().saturating_sub(1)]
        .iter()
        .any(|w| matches!(*w, "men" | "women" | "children" | "people"));
    let measured = counts_a_measure(span);
    // Abstract nouns: "Three lessons stand out", "two sides", "230 times". (The gold
    // counts "three stages" and "Three things", so those stay.)
    let abstract_noun = matches!(
        last,
        "times"
            | "lessons"
            | "gaps"
            | "priorities"
            | "decisions"
            | "wars"
            | "sides"
            | "parts"
            | "lots"
            | "ways"
            | "reasons"
            | "questions"
            | "options"
            | "factors"
            | "ideas"
            | "issues"
            | "problems"
            | "scenarios"
            | "phases"
            | "principles"
    );
    if measured || abstract_noun {
        return false;
    }
    let not_counted = matches!(
        last,
        "years"
            | "months"
            | "weeks"
            | "days"
            | "hours"
            | "minutes"
            | "seconds"
            | "decades"
            | "centuries"
            | "dollars"
            | "euros"
            | "pounds"
            | "thirds"
            | "quarters"
    );
    !is_year && !bad_word && !not_counted && !people_inside
}

/// Compiles a pattern with ASCII word boundaries: a Unicode `\b` keeps the regex off
/// the DFA engines and costs more than all the rest of extraction. Candidates are
/// re-checked with a Unicode-aware boundary test afterwards (`is_word_boundary`).
///
/// The letter classes `\p{L}`, `\p{Lu}` and `\p{Ll}` are narrowed to the Latin script
/// ([`latin_letters`]): the names these patterns find are written in it (in English and
/// German text, other scripts' names come transliterated), and a class spanning every
/// script gives the lazy DFA so many states that building them, page after page, cost
/// more than the searches (the title-and-name pattern: 88 ms of state building on
/// Dragnet's bodies, 7 ms with Latin letters). `\d` is narrowed to ASCII digits the
/// same way: Unicode's sixty-odd digit ranges made every number pattern's NFA, and
/// start-up, several times larger.
pub fn compile(re: &str) -> Regex {
    let letters = latin_letters();
    let re = re
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\p{Lu}", &letters.upper)
        .replace(r"\p{Ll}", &letters.lower)
        .replace(r"\p{L}", &letters.any)
        .replace(r"\d", "[0-9]");
    // Patterns are constants of this crate, covered by tests: a failure is a build
    // defect.
    regex::RegexBuilder::new(&re)
        .dfa_size_limit(32 << 20)
        .build()
        .unwrap_or_else(|e| panic!("pattern {re}: {e}"))
}

/// Regex classes of the Latin script's letters: any, upper case, lower case.
struct LatinLetters {
    any: String,
    upper: String,
    lower: String,
}

/// The Latin letters (Basic Latin, Latin-1, Latin Extended-A and -B, Latin Extended
/// Additional) as regex classes, built once.
fn latin_letters() -> &'static LatinLetters {
    static LETTERS: std::sync::OnceLock<LatinLetters> = std::sync::OnceLock::new();
    LETTERS.get_or_init(|| LatinLetters {
        any: latin_class(|c| c.is_alphabetic()),
        upper: latin_class(char::is_uppercase),
        lower: latin_class(char::is_lowercase),
    })
}

/// The Latin letters that pass `keep`, as a class of ranges (`[A-Z\u{C0}-\u{D6}...]`);
/// a class may sit inside another class (`[\p{L}\d]` becomes `[[...]\d]`).
fn latin_class(keep: fn(char) -> bool) -> String {
    let blocks = [
        'A'..='Z',
        'a'..='z',
        '\u{C0}'..='\u{24F}',
        '\u{1E00}'..='\u{1EFF}',
    ];
    let mut ranges: Vec<(char, char)> = Vec::new();
    for c in blocks
        .into_iter()
        .flatten()
        .filter(|&c| c.is_alphabetic() && keep(c))
    {
        match ranges.last_mut() {
            Some((_, end)) if *end as u32 + 1 == c as u32 => *end = c,
            _ => ranges.push((c, c)),
        }
    }
    let mut class = String::from("[");
    for (start, end) in ranges {
        class.push_str(&format!(
            "\\u{{{:X}}}-\\u{{{:X}}}",
            start as u32, end as u32
        ));
    }
    class.push(']');
    class
}

fn p(kind: EntityType, group: usize, priority: u8, re: String) -> Pattern {
    let number_led = group == 0 && re.starts_with(&format!(r"\b{NUMBER}"));
    Pattern {
        regex: if number_led {
            compile(&format!("^(?:{re})"))
        } else {
            compile(&re)
        },
        kind,
        group,
        priority,
        accept: any_text,
        lead: Lead::None,
        gate: &[],
        anchor: if number_led {
            Anchor::Numbers
        } else {
            Anchor::Unanchored
        },
    }
}

/// A head-word pattern: a chain of capitalised words (`\b` and `[A-Z]` first) that a
/// word of head set `set` of [`HEAD_SETS`] ends, tried only where [`Starts::capitals`]
/// says.
fn headed(kind: EntityType, priority: u8, set: usize, re: String) -> Pattern {
    debug_assert!(re.starts_with(r"\b(?:[A-Z]") && re.contains(HEAD_SETS[set]));
    Pattern {
        regex: compile(&format!("^(?:{re})")),
        kind,
        group: 0,
        priority,
        accept: any_text,
        lead: Lead::None,
        gate: &[],
        anchor: Anchor::Capitals(set),
    }
}

/// Where a [`NUMBER`] may start in `text`, in order: an ASCII digit or one of
/// [`NUMBER_WORDS`], after an ASCII word boundary (the patterns' `\b`).
pub fn number_starts(text: &str) -> Vec<usize> {
    static WORDS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(NUMBER_WORDS)
            .expect("number words build an automaton")
    });
    let bytes = text.as_bytes();
    let after_boundary =
        |at: usize| at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
    // A number right after another and a slash ("Block 30/40", "24/7") continues a
    // list or a ratio; it counts nothing on its own.
    let after_slashed =
        |at: usize| at >= 2 && bytes[at - 1] == b'/' && bytes[at - 2].is_ascii_alphanumeric();
    let mut starts: Vec<usize> = (0..bytes.len())
        .filter(|&at| bytes[at].is_ascii_digit() && after_boundary(at) && !after_slashed(at))
        .collect();
    let digits = starts.len();
    // Overlapping: "a hundred" and "hundred" both start numbers.
    starts.extend(
        words
            .find_overlapping_iter(text)
            .map(|m| m.start())
            .filter(|&at| after_boundary(at)),
    );
    if starts.len() > digits {
        starts.sort_unstable();
        starts.dedup();
    }
    starts
}

/// Head-word automata with their set: a literal search of 35 words or fewer runs on
/// SIMD (Teddy), several times as fast as one of the 68 organisation heads, which
/// are split in two.
fn head_automata() -> &'static [(aho_corasick::AhoCorasick, usize)] {
    static HEADS: std::sync::OnceLock<Vec<(aho_corasick::AhoCorasick, usize)>> =
        std::sync::OnceLock::new();
    HEADS.get_or_init(|| {
        let mut automata = Vec::new();
        for (set, alternation) in HEAD_SETS.iter().enumerate() {
            let words = head_words(alternation);
            for part in words.chunks(35) {
                let automaton = aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                    .build(part)
                    .expect("head words build an automaton");
                automata.push((automaton, set));
            }
        }
        automata
    })
}

/// [`Starts::capitals`] of `text`.
fn capital_starts(text: &str) -> [Vec<usize>; 3] {
    let bytes = text.as_bytes();
    let mut heads: [Vec<(usize, usize)>; 3] = Default::default();
    for (automaton, set) in head_automata() {
        heads[*set].extend(automaton.find_iter(text).map(|m| (m.start(), m.end())));
    }
    let starts_name = |at: usize| {
        bytes[at].is_ascii_uppercase()
            && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_'))
    };
    let mut starts: [Vec<usize>; 3] = Default::default();
    for (set, heads) in heads.iter_mut().enumerate() {
        heads.sort_unstable();
        // The end of the current run, and how far it is scanned for starts. A search
        // without overlaps may hide a head word inside another ("Force" in "Air
        // Force"); a hidden one starts before the end of the one that hides it, so
        // starts are sought up to the end of each head word found.
        let (mut run_end, mut scanned) = (0, 0);
        for &(start, end) in heads.iter() {
            if start >= run_end {
                let mut run_start = start;
                while run_start > run_end && in_name_run(bytes[run_start - 1]) {
                    run_start -= 1;
                }
                run_end = end;
                while run_end < bytes.len() && in_name_run(bytes[run_end]) {
                    run_end += 1;
                }
                scanned = run_start;
            }
            if end > scanned {
                starts[set].extend((scanned..end).filter(|&at| starts_name(at)));
                scanned = end;
            }
        }
    }
    starts
}

/// Whether a byte can sit inside a chain of capitalised words and its head word:
/// letters (any byte of a multibyte character, to be safe), digits, `&`, `.`, `-` and
/// whitespace. A name of the head-word patterns never spans any other byte.
fn in_name_run(b: u8) -> bool {
    b >= 0x80
        || b.is_ascii_alphanumeric()
        || matches!(b, b'&' | b'.' | b'-')
        || b.is_ascii_whitespace()
        || b == 0x0B
}

/// The words of a `(?:A|B|...)` head-word alternation as literals a text must hold:
/// "Accords?" gives "Accord", "Inc\." gives "Inc".
fn head_words(alternation: &str) -> Vec<String> {
    alternation
        .trim_start_matches("(?:")
        .trim_end_matches(')')
        .split('|')
        .map(|w| w.trim_end_matches("s?").trim_end_matches("\\.").to_string())
        .collect()
}

/// A temporal pattern that a time modifier may precede ("late September").
fn modified(re: String) -> Pattern {
    Pattern {
        lead: Lead::TimeModifier,
        ..p(EntityType::Temporal, 0, 2, re)
    }
}

/// All shape patterns.
pub fn patterns() -> Vec<Pattern> {
    use EntityType::*;
    vec![
        // Dates: "March 5, 2020", "5 March 2020", "late September", "2011", "mid-2024".
        modified(format!(r"\b{MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s(?:19|20)\d{{2}})?\b")),
        p(Temporal, 0, 2, format!(r"\b\d{{1,2}}(?:st|nd|rd|th|\.)?\s{MONTH}(?:,?\s(?:19|20)\d{{2}})?\b")),
        modified(format!(r"\b{MONTH}(?:,?\s(?:19|20)\d{{2}})?\b")),
        modified(r"\b(?:18\d|19\d|20[0-4])\d{1}s?\b".to_string()),
        // Fiscal years and seasons: "fiscal 2026", "FY2025", "spring 2024", "summer".
        // A fiscal year, a quarter or a half ("Q3 2025", "H1 2024"), in one pass.
        p(Temporal, 0, 2, r"\b(?:[Ff]iscal (?:[Yy]ear )?|FY ?|[QH][1-4]\s)(?:19|20)\d{2}\b".to_string()),
        modified(r"\b(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|Fall|[Ff]all (?:of )?(?:19|20)\d{2}|Frühjahr|Frühling|Sommer|Herbst)(?: (?:of )?(?:19|20)\d{2})?\b".to_string()),
        // German durations: "zwei Wochen", "drei Jahre", "mehrere Monate".
        p(Temporal, 0, 2, r"\b(?:[Ee]ine?[nm]?|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ieben|[Aa]cht|[Nn]eun|[Zz]ehn|[Ee]lf|[Zz]wölf|[Mm]ehrere[n]?|[Ww]enige[n]?|\d+)\s(?:Tage?n?|Wochen?|Monate?n?|Jahre?n?|Stunden?|Minuten?|Jahrzehnte?n?)\b".to_string()),
        // "Tuesday", "Tuesday evening".
        modified(format!(
            r"\b{WEEKDAY}(?:\s(?:morning|afternoon|evening|night))?\b"
        )),
        p(Temporal, 0, 2, r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow)(?:\s(?:morning|afternoon|evening|night))?\b|\b(?:[Tt]onight|[Hh]eute|[Gg]estern)\b".to_string()),
        // "this afternoon", "later this year", "early next year".
        modified(r"\b(?:[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast|[Cc]oming|[Cc]urrent)\s(?:week|month|year|weekend|decade|summer|winter|spring|autumn|fall|morning|afternoon|evening|night|fiscal year|financial year)\b".to_string()),
        // A span opening a sentence, its number capitalised: "Two years after ...".
        // "ago" and "later" belong to the span ("Two weeks later"); "earlier than" does
        // not ("five years earlier than planned").
        p(Temporal, 0, 2, r"\b(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Fifteen|Twenty|Thirty|Forty|Fifty|Several|A few)\s(?:days|weeks|months|years|decades|hours|minutes|centuries|day|week|month|year|decade|hour|minute|century)(?:\s(?:ago|later))?\b".to_string()),
        // Times of day and named days: "7 a.m.", "after midnight", "before dawn", "Christmas Day".
        Pattern {
            gate: &["a.m.", "p.m."],
            ..p(Temporal, 0, 2, r"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.)".to_string())
        },
        // British style, closed up: "shortly after 9am", "2.39pm EST".
        Pattern {
            gate: &["am", "pm"],
            ..p(Temporal, 0, 2, r"\b(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?(?:am|pm)\b(?:\s(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|MSK))?".to_string())
        },
        p(Temporal, 0, 2, r"\b(?:midnight|noon|dawn|dusk|daybreak|nightfall|Christmas(?:\s(?:Day|Eve))?|New Year's (?:Day|Eve))\b".to_string()),
        // Centuries and later decades: "the 16th century", "the 2050s".
        Pattern {
            gate: &["century", "0s"],
            ..modified(r"\b\d{1,2}(?:st|nd|rd|th)[\s-]century\b|\b20[5-9]0s\b".to_string())
        },
        // A span counted from a start: "the first year", "the first two years".
        p(Temporal, 0, 2, format!(r"\b(?:first|second|third|final)\s(?:{NUMBER}\s)?(?:days?|weeks?|months?|years?|hours?)\b")),
        modified(format!(r"\b{NUMBER}(?:\sand\sa\shalf)?\s(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?)(?:\s(?:ago|later))?\b")),
        // A span as an adjective: "a two-day visit", "a 72-hour warning".
        p(Temporal, 0, 2, format!(r"\b{NUMBER}-(?:day|week|month|year|hour|minute)\b")),
        // ("a decade ago", "less than a week": `context::time_spans`.)
        // "recent years", "the coming months", "several weeks".
        p(Temporal, 0, 2, r"\b(?:[Rr]ecent|[Cc]oming|[Ss]everal|[Ff]ew)\s(?:days|weeks|months|years|decades)\b".to_string()),
        // Military time: "2330 local time", "1815 GMT".
        p(Temporal, 0, 2, r"\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|Zulu|local time)\b".to_string()),
        // A month abbreviated without a stop before a day: "Jan 10", "Sept 12".
        p(Temporal, 0, 2, r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\s\d{1,2}\b(?:,?\s(?:19|20)\d{2}\b)?".to_string()),
        // German: "Mittwochvormittag", "im vergangenen Jahr", "in den Neunzigerjahren".
        p(Temporal, 0, 2, r"\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(?:vormittag|nachmittag|abend|morgen|nacht|mittag)\b".to_string()),
        p(Temporal, 0, 2, r"\b(?:vergangenen|vergangene|nächsten|nächste|kommenden|kommende|diesem|dieses|diese|letzten|letzte)\s(?:Jahr|Jahren|Jahres|Woche|Wochen|Monat|Monaten|Herbst|Sommer|Winter|Frühjahr|Jahrzehnt)\b".to_string()),
        p(Temporal, 0, 2, r"\b(?:Zwanziger|Dreißiger|Vierziger|Fünfziger|Sechziger|Siebziger|Achtziger|Neunziger)jahren?\b|\b(?:19|20)\d0er(?:-Jahren?|jahren?)\b".to_string()),
        // A clock time keeps its zone, not "local time" ("at 15:20 local time" gives
        // `15:20`; military time keeps it, above).
        p(Temporal, 0, 2, r"\b\d{1,2}:\d{2}(?:\s?(?:GMT|UTC|CET|CEST|EET|EEST|MSK|BST|EST|EDT|PST|a\.m\.|p\.m\.|am|pm))?".to_string()),
        p(Temporal, 0, 2, r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b".to_string()),
        // Money: "€40 million", "$1.2bn", "150 billion euros", "USD 300m".
        Pattern {
            lead: Lead::CurrencyPrefix,
            ..p(Money, 0, 2, r"[$€£¥₹₩]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|mn|tn|m|lakh crore|crore|lakh)\b)?".to_string())
        },
        Pattern {
            gate: &["dollars", "euros", "pounds", "roubles", "rubles", "yuan", "won", "rupees", "shekels", "lira", "hryvnias", "zlotys", "kron", "pesos", "rand", "reais", "yen", "francs", "dinars", "riyals", "dirhams", "baht", "ringgit", "rupiah", "forints", "crore", "Euro", "Dollar"],
            ..p(Money, 0, 2, format!(r"\b{NUMBER}\s(?:of\s)?(?:US\s)?(?:dollars|euros|pounds|roubles|rubles|yuan|won|rupees|shekels|lira|hryvnias|zlotys|kronor|kroner|krone|pesos|rand|reais|yen|francs|dinars|riyals|dirhams|baht|ringgit|rupiah|forints|lakh crore|crore|Euro|Dollar)\b"))
        },
        p(Money, 0, 2, r"\b(?:USD|EUR|GBP|RUB|CNY|INR|KRW|JPY|PLN|SEK|NOK|DKK|CHF|CZK|HUF|RON|TRY|UAH|AUD|CAD|NZD|NIS|ILS|BRL|ARS|MXN|ZAR|SAR|AED|TWD|SGD|HKD|PKR|IDR|THB|EGP|NGN|KZT)\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|tn)\b)?".to_string()),
        // Quantities: a number with a unit, or with a generic counted noun.
        Pattern {
            accept: plausible_measure,
            // A speed's period is part of it: "900 kilometres an hour".
            ..p(Quantity, 0, 2, format!(r"\b{NUMBER}(?:\sof\s|\s|-)?{UNIT}\b(?:\s(?:an|per)\shour\b)?"))
        },
        p(Quantity, 0, 2, format!(r"\b{NUMBER}\s?%")),
        p(Quantity, 0, 2, r"\bMach\s?\d+(?:\.\d+)?\b".to_string()),
        Pattern {
            accept: not_a_share,
            ..p(Quantity, 0, 2, format!(r"\b{NUMBER}\s(?:of\s)?(?:[a-z][a-z-]+\s)?{COUNTED}\b"))
        },
        // A count of any plural noun, with up to three modifiers and a coordinated
        // second counted noun: "31 companies", "three new inspection vessels", "370
        // ships and submarines", "dozens of flights". Function words are not
        // modifiers, so "seven of the drones" is not one.
        Pattern {
            accept: plausible_count_of,
            ..p(Quantity, 0, 1, format!(r"\b{NUMBER}(?:\sof)?\s(?:{MODIFIER_WORD}\s){{0,3}}{PLURAL}(?:\sand\s(?:{MODIFIER_WORD}\s)?{COUNTED})?\b"))
        },
        // The same at a sentence's start, where the number word is capitalised ("Two
        // people were injured", "Dozens of mercenaries"), and with the plurals that end
        // in no "s".
        Pattern {
            accept: plausible_count_of,
            ..p(Quantity, 0, 1, format!(r"\b(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Forty|Fifty|Dozens|Hundreds|Thousands)(?:\sof)?\s(?:{MODIFIER_WORD}\s){{0,3}}(?:{PLURAL}|people|men|women|children)(?:\sand\s(?:{MODIFIER_WORD}\s)?{COUNTED})?\b"))
        },
        Pattern {
            accept: plausible_count,
            ..p(Quantity, 0, 1, format!(r"\b{NUMBER}\s(?:{MODIFIER_WORD}\s){{0,2}}(?:people|men|women|children|crew|staff)\b"))
        },
        // Pieces and items count what they are of: "5,000 pieces of military equipment".
        Pattern {
            gate: &["pieces of", "items of"],
            ..p(Quantity, 0, 2, format!(r"\b{NUMBER}\s(?:pieces|items)\sof\s(?:{MODIFIER_WORD}\s)?(?:equipment|hardware|weaponry|ammunition|armour|armor|artillery|{PLURAL})\b"))
        },
        // Coordinates and frequencies.
        p(Coordinate, 0, 3, r"-?\b\d{1,2}\.\d{3,},\s?-?\d{1,3}\.\d{3,}\b".to_string()),
        Pattern { gate: &["°"], ..p(Coordinate, 0, 3, r"\b\d{1,2}(?:\.\d+)?°\s?(?:\d{1,2}(?:\.\d+)?[′']\s?)?(?:\d{1,2}(?:\.\d+)?[″\x22]\s?)?[NS],?\s?\d{1,3}(?:\.\d+)?°\s?(?:\d{1,2}(?:\.\d+)?[′']\s?)?(?:\d{1,2}(?:\.\d+)?[″\x22]\s?)?[EW]\b".to_string()) },
        Pattern {
            gate: &["Hz"],
            ..p(Frequency, 0, 3, r"\b\d+(?:\.\d+)?\s?(?:kHz|MHz|GHz)\b".to_string())
        },
        // Organisations by head word: "Syrian Arab Army", "Ministry of Defence",
        // "47th Mechanized Brigade".
        // The tail after "of"/"for" stays on its line and in its sentence: trimming
        // keeps a name's end, so a tail run on into the next paragraph ("... for
        // Defense Analyses.\n\nKAI") would lose the whole name.
        // The wire in a press release's dateline: "SEOUL, July 9, 2024 /PRNewswire/ --".
        Pattern {
            gate: &["/ --", "/--", "/ —", "/—", "/ –", "/–"],
            ..p(Organisation, 1, 1, r"/(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+){0,2})/ ?(?:--|—|–)".to_string())
        },
        headed(Organisation, 1, 0, format!(r"\b(?:{CAP}\s+(?:(?:of|and|for|de|the)\s+)?){{1,5}}{ORG_HEADS}(?:-(?:West|East|North|South|Pacific|Atlantic))?\b(?: (?:of|for) (?:the )?{CAP_WORD}(?: {CAP_WORD}){{0,3}})?")),
        p(Organisation, 0, 1, format!(r"\b(?:Ministry|Department|Ministry of Defence|Office|Chief|Chiefs|University) of (?:the\s)?{CAP}(?:\s(?:and\s)?{CAP}){{0,3}}")),
        Pattern {
            gate: &["Universität", "Hochschule", "kammer"],
            // German universities and chambers, named by their town: "Universität
            // Bielefeld", "Technischen Hochschule Ulm", "Industrie- und Handelskammer Ulm".
            ..p(Organisation, 0, 1, format!(r"\b(?:(?:Technischen?|Freien?|Humboldt-)\s)?(?:Universität|Hochschule|Fachhochschule|(?:Industrie- und )?Handelskammer|Handwerkskammer)(?: der Bundeswehr)? {CAP_WORD}"))
        },
        Pattern {
            gate: &["Brigade", "Division", "Regiment", "Battalion", "Army", "Fleet", "Corps", "Squadron", "Wing", "Group"],
            // "47th Mechanized Brigade", "3rd Warsaw Air Defence Missile Brigade", and
            // numbered without a suffix: "333 Squadron", "408 Tactical Helicopter Squadron".
            ..p(Organisation, 0, 1, format!(r"\b\d{{1,3}}(?:(?:st|nd|rd|th)\s(?:{CAP}\s){{0,4}}(?:Brigade|Division|Regiment|Battalion|Army|Fleet|Corps|Squadron|Wing|Group)|\s(?:{CAP}\s){{0,3}}(?:Squadron|Wing|Brigade|Regiment|Battalion|Flotilla))\b"))
        },
        // German numbered units, one compound noun and a number: "Panzerbataillon 203",
        // "Panzerbrigade 21", "Lufttransportgeschwader 62", with an adjective:
        // "Taktischen Luftwaffengeschwaders 73".
        // And "Flugabwehrraketengruppe 26"; ordinals before the noun: "1.
        // Ubootgeschwader", "des 3. Minensuchgeschwaders" (above a count's "1.").
        Pattern {
            gate: &["bataillon", "brigade", "geschwader", "regiment", "division", "staffel", "flottille", "kompanie", "raketengruppe"],
            ..p(Organisation, 0, 1, r"\b(?:(?:Taktische[nrs]?|Schwere[nrs]?|Leichte[nrs]?|Gepanzerte[nrs]?)\s)?\p{Lu}\p{Ll}*(?:bataillon|brigade|geschwader|regiment|division|staffel|flottille|kompanie|raketengruppe)s?\s\d{1,3}\b".to_string())
        },
        Pattern {
            gate: &["bataillon", "brigade", "geschwader", "regiment", "division", "staffel", "flottille", "kompanie", "raketengruppe"],
            ..p(Organisation, 0, 2, r"\b\d{1,2}\.\s\p{Lu}\p{Ll}*(?:bataillon|brigade|geschwader|regiment|division|staffel|flottille|kompanie|raketengruppe)s?\b".to_string())
        },
        // Bases named by a prefix: "RAAF Base Amberley", "19 Wing Comox", "Naval Air
        // Station Jacksonville", "Marine Corps Air Station New River", "Air Base 201".
        Pattern {
            gate: &["Base", "Wing ", "Station", "CFB "],
            ..p(Location, 0, 2, r"\b(?:(?:RAAF Base|RNZAF Base|CFB|Naval Air Station|Marine Corps Air Station|Naval Station|Joint Base|\d{1,2} Wing) \p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+){0,2}|(?:Air|Naval) Base \d{1,3})\b".to_string())
        },
        // Locations by head word: "Idlib Province", "Hmeimim Air Base", "Gulf of Aden".
        headed(Location, 1, 1, format!(r"\b(?:{CAP}\s){{1,3}}{LOC_HEADS}\b")),
        p(Location, 0, 1, format!(r"\b(?:Gulf|Strait|Straits|Sea|Bay|Port|Lake|Mount|Cape|Isle|Sea) of (?:the\s)?{CAP}(?:\s{CAP})?")),
        // ("the Amur region", "Belaya air base": `context::names_before_nouns`.)
        // People after a title: "Defence Minister Rustem Umerov" gives the name.
        p(Person, 1, 1, format!(r"\b{TITLES}\s((?:\p{{Lu}}[\p{{L}}’'-]+|al-\p{{Lu}}[\p{{L}}’'-]+|bin|van|von|de|der|da|el-\p{{Lu}}[\p{{L}}-]+)(?:\s(?:\p{{Lu}}[\p{{L}}’'-]+|al-\p{{Lu}}[\p{{L}}’'-]+|\p{{Lu}}\.|bin|van|von|de|der|da)){{0,3}})")),
        // Ship classes and project numbers: "Hunter-class", "Fridtjof Nansen-class",
        // "Type 055". A leading article or possessive ("the", "Japan's") is not part
        // of the class name.
        p(MilitaryPlatform, 0, 2, r"\b(?:Type|Project|Typ|Projekt)\s\d{2,5}[A-Z]?\d?s?\b".to_string()),
        // A German class names its number alone: "der Klasse 212A" gives "212A".
        Pattern { gate: &["Klasse "], ..p(MilitaryPlatform, 1, 2, r"\bKlasse\s(\d{3}[A-Z]{0,2})\b".to_string()) },
        // Identifiers named as such: "hull number 51", "MMSI 620999538", "tail number
        // 14-5803" give the identifier.
        p(CommsIdentifier, 1, 2, r"\b(?:[Hh]ull (?:number|no\.)|[Pp]ennant(?: number)?|MMSI|IMO(?: number)?|[Tt]ail (?:number|no\.)|[Ss]erial(?: number)?|[Rr]egistration)\s?:?\s((?:[A-Z]{1,3}[- ]?)?\d(?:[\d-]{0,11}\d)?)\b".to_string()),
        // Documents by head word: "Geneva Agreement", "Svalbard Treaty", "National
        // Defense Authorization Act", "Treaty on the Non-Proliferation of Nuclear
        // Weapons", "Resolution 2254", "Article 5".
        headed(DocumentReference, 1, 2, format!(r"\b(?:{CAP} (?:(?:of|on|for|and|to|the|in) )*){{1,6}}{DOC_HEADS}\b(?: (?:on|of) (?:the )?{CAP}(?: (?:(?:of|and|the|in) )*{CAP}){{0,4}})?")),
        p(DocumentReference, 0, 1, format!(r"\b(?:Treaty|Convention|Agreement) (?:on|of) (?:the )?{CAP}(?: (?:(?:of|and|the|in) )*{CAP}){{0,5}}")),
        // "Fundamentals of State Policy on Nuclear Deterrence": Russia's doctrinal
        // documents are titled so.
        p(DocumentReference, 0, 1, format!(r"\bFundamentals of (?:the )?{CAP}(?: (?:(?:of|on|and|the|in) )*{CAP}){{0,7}}")),
        p(DocumentReference, 0, 2, format!(r"\b(?:Resolution|Article) \d{{1,4}}(?:/\d{{1,4}})?\b(?: of the (?:{CAP} ){{0,4}}{DOC_HEADS}\b)?")),
        // Gated: its leading optional article keeps the regex engine from scanning for a
        // literal, and most texts name no class.
        Pattern { gate: &["-class", "-Klasse"], ..p(MilitaryPlatform, 1, 2, r"\b(?:The |the |A |a |An |an |This |this |Its |its )?((?:[A-Z][\p{L}.]*\s){0,2}[A-Z][\p{L}'’]+(?:-[A-Z][\p{L}\d]*)?-(?:class|Klasse))\b".to_string()) },
        // ("the Hunter class": `context::names_before_nouns`.)
        // Numbered military satellites: "Cosmos 2576", "Kosmos-2558", "USA 314" (three
        // digits for "USA", which a year follows too).
        Pattern { gate: &["osmos", "USA"], ..p(MilitaryPlatform, 0, 2, r"\b(?:(?:Cosmos|Kosmos)[ -]\d{3,4}|USA[ -]\d{3})\b".to_string()) },
    ]
}

/// Designations: a prefix, a hyphen and a number ("Su-34", "MiG-29SMT", "S-300PM2"),
/// with an optional block or mark ("F-16 Block 70", "Storm Shadow Mk 2").
pub fn designation() -> Regex {
    compile(
        r"\b([A-Z][A-Za-z]{0,6}|\d[A-Z]\d{0,2})-(\d{1,4}[A-Za-z0-9]{0,6})(?:-\d?[A-Z]{1,3}\d?)?(?:\s(?:Block|Blk\.?|Mk\.?|Mark|Flight)\s?[IVX\d]{1,4}[A-Z]?|\s(?:MSE|ER|SLM|SLS|SM|SMT|NG|EG|GEM-T|GEM|XR))?\b",
    )
}

/// Context words after a designation that say what it is.
pub fn designation_context() -> Regex {
    compile(
        r"^\s*(?:[a-z-]+\s){0,2}?(?:(missiles?|rockets?|bombs?|munitions?|shells?|torpedo(?:es)?|rounds?|warheads?|rifles?|guns?)|(jets?|fighters?|bombers?|aircraft|planes?|helicopters?|tanks?|drones?|UAVs?|systems?|launchers?|frigates?|destroyers?|corvettes?|submarines?|vehicles?|howitzers?|radars?|carriers?|interceptors?|satellites?))\b",
    )
}

/// Ship types that name what follows or precedes them as a ship.
const SHIP_KINDS: &str = r"(?:aircraft carrier|carrier|destroyer|frigate|corvette|cruiser|submarine|warship|assault ship|landing ship|patrol vessel|patrol ship)";

/// German ship types, before a name in quotes.
const GERMAN_SHIP_KINDS: &str = r"(?:Fregatte|Korvette|Zerstörer|Flugzeugträger|U-Boot|Einsatzgruppenversorger|Kriegsschiff|Tender|Minenjagdboot|Schnellboot)";

/// Words of which every alternative of [`SHIP_KINDS`] holds one.
const SHIP_KIND_WORDS: [&str; 8] = [
    "carrier",
    "destroyer",
    "frigate",
    "corvette",
    "cruiser",
    "submarine",
    "ship",
    "vessel",
];

/// Navies', their auxiliaries' and coast guards' ship prefixes ("HMS Trent", "RFA Argus", "HMNZS Aotearoa", "ARC
/// Almirante Padilla", "FS Charles de Gaulle"). Prefixes that are also common acronyms
/// stay out: BAE (Ecuador; BAE Systems), ARM (Mexico), SAS, HS, RSS.
pub(crate) const SHIP_PREFIXES: [&str; 33] = [
    "HMS", "USS", "INS", "HMAS", "HMCS", "HNLMS", "HDMS", "FGS", "ITS", "ROKS", "JS", "TCG", "ORP",
    "KRI", "BRP", "RFS", "HMNZS", "HNoMS", "HSwMS", "USNS", "USCGC", "CCGS", "NRP", "ESPS", "PNS",
    "BNS", "SLNS", "HTMS", "ROCS", "ARC", "BAP", "FS", "RFA",
];

/// A regex that can only match a text holding one of some literals: a text without
/// any is not searched. Most news holds no ship's type or prefix, and the regex
/// engine finds no fast literal scan for the ship and vessel patterns: over Dragnet's
/// 1,381 article bodies the four took 27 ms run on every body, 18 ms gated.
pub struct Gated {
    regex: Regex,
    /// The literals as one alternation, which the regex engine scans for with SIMD
    /// (an Aho-Corasick automaton, which reads byte by byte, cost more than the
    /// patterns it gates).
    gate: Regex,
}

impl Gated {
    fn new(regex: Regex, gate: &[&str]) -> Gated {
        let literals: Vec<String> = gate.iter().map(|l| regex::escape(l)).collect();
        Gated {
            regex,
            // Escaped constant literals: a failure is a build defect.
            gate: Regex::new(&literals.join("|")).expect("gate literals compile"),
        }
    }

    /// [`Regex::captures_iter`], empty when the text holds none of the literals.
    pub fn captures_iter<'r, 't>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Captures<'t>> + use<'r, 't> {
        self.gate
            .is_match(text)
            .then(|| self.regex.captures_iter(text))
            .into_iter()
            .flatten()
    }
}

/// A ship's name after its type ("the destroyer Nanchang", group 1) or after its
/// prefix ("HMS Trent", group 2, prefix included).
pub fn ship_name() -> Gated {
    let prefix = format!("(?:{})", SHIP_PREFIXES.join("|"));
    // Particles join a name's words ("Charles de Gaulle").
    let name = r"[A-Z][\p{L}’'-]+(?:\s(?:(?:de|da|del|di|van|von|la|le)\s)?[A-Z][\p{L}’'-]+){0,2}";
    // German prints a ship's name in quotes after its type: "die Fregatte „Hessen“".
    let regex = compile(&format!(
        r"\b(?:{SHIP_KINDS}s?\s+(?:such as\s+)?|{GERMAN_SHIP_KINDS}\s+„)((?:{prefix}\s)?{name})|\b({prefix}\s{name})"
    ));
    Gated::new(
        regex,
        &[&SHIP_KIND_WORDS[..], &SHIP_PREFIXES[..], &["„"]].concat(),
    )
}

/// Civilian ship types: the name after or before one is a Vehicle ("the tanker Eagle
/// S", "the Galaxy Leader car carrier").
const CIVILIAN_KINDS: &str = r"(?:(?:oil |crude |chemical |LNG )?tankers?|car carriers?|bulk carriers?|container ships?|cargo ships?|freighters?|merchant (?:ships?|vessels?)|icebreakers?|ferry|ferries|cruise ships?|trawlers?|research vessels?|supply vessels?|cable ships?|cable-laying ships?)";

/// Words of which every alternative of [`CIVILIAN_KINDS`] holds one.
const CIVILIAN_KIND_WORDS: [&str; 8] = [
    "tanker",
    "carrier",
    "ship",
    "freighter",
    "vessel",
    "icebreaker",
    "ferr",
    "trawler",
];

/// A civilian vessel's name: capitalised words, a single letter or a number may follow
/// ("Eagle S", "Yi Peng 3", "Newnew Polar Bear").
const VESSEL_NAME: &str = r"[A-Z][\p{L}’'-]*(?: (?:[A-Z][\p{L}’'-]*|\d{1,3})){0,2}";

/// Civilian vessels named after their type: group 1 the name or a list of names ("the
/// bulk carriers Magic Seas and Eternity C").
pub fn civilian_vessel() -> Gated {
    let regex = compile(&format!(
        r"\b{CIVILIAN_KINDS}\s(?:(?:MV|MT|MS|RV) )?({VESSEL_NAME}(?:(?:, | and ){VESSEL_NAME})*)"
    ));
    Gated::new(regex, &CIVILIAN_KIND_WORDS)
}

/// A civilian vessel named between "the" and its type ("the Galaxy Leader car
/// carrier"), or before its type in apposition ("the Eagle S, a tanker flying the flag
/// of the Cook Islands"), group 1. Separate from [`civilian_vessel`], so that "the
/// Chinese bulk carrier Yi Peng 3" still finds the name after the type.
pub fn civilian_vessel_before_type() -> Gated {
    let regex = compile(&format!(
        r"\b[Tt]he ({VESSEL_NAME})(?: |, an? (?:\p{{Ll}}[\p{{L}}-]* )?){CIVILIAN_KINDS}\b"
    ));
    Gated::new(regex, &CIVILIAN_KIND_WORDS)
}

/// A ship's name between "the" and its type ("the Shandong aircraft carrier", group
/// 1). A separate pattern, so that its matches cannot hide those of [`ship_name`]
/// ("the German frigate Hessen").
pub fn ship_name_before_type() -> Gated {
    let regex = compile(&format!(
        r"\b[Tt]he\s([A-Z][\p{{L}}’']+(?:\s[A-Z][\p{{L}}’']+)?)\s{SHIP_KINDS}\b"
    ));
    Gated::new(regex, &SHIP_KIND_WORDS)
}

/// A ship's name in apposition after its type, before a parenthesis or a comma ("its
/// third aircraft carrier, the Fujian (hull number 18)", group 1). The punctuation after
/// the name keeps out a speaker ("the frigate, the Royal Navy said").
pub fn ship_name_in_apposition() -> Gated {
    let regex = compile(&format!(
        r"\b{SHIP_KINDS},\sthe\s([A-Z][\p{{L}}’'-]+(?:\s[A-Z][\p{{L}}’'-]+)?)(?:\s\(|,)"
    ));
    Gated::new(regex, &SHIP_KIND_WORDS)
}

/// A name followed by a pennant number in parentheses: "Nanchang (101)", "Duncan
/// (D37)", "Arleigh Burke (DDG-51)". Group 1 the name, group 2 the number (an
/// identifier), group 3 its letter prefix, if any.
pub fn ship_with_pennant() -> Regex {
    compile(r"\b([A-Z][\p{L}’'-]+(?: [A-Z][\p{L}’'-]+)?) \((([A-Z]{1,4})?[- ]?\d{1,4})\)")
}

/// A person named after a verb of speech ("… ,” said Kaarel Tamm, a former officer"),
/// group 1: two or three capitalised words, then a comma, a stop or the end. Words
/// with an apostrophe ("Russia’s") are left out: a possessive starts no name.
pub fn speaker() -> Regex {
    compile(
        r"\b(?:said|says|told|added|wrote|sagte|sagt|erklärte|betonte)\s(\p{Lu}[\p{Ll}-]+(?:\s\p{Lu}[\p{Ll}-]+){1,2})(?:[,.;]|$)",
    )
}

/// Whether a name found after a title is really a name.
/// The length of the titles a person's span opens with, with the spaces after them:
/// "Rear Admiral " of "Rear Admiral Daniel Hagari" when a lowercase title before it
/// ("spokesman Rear Admiral Daniel Hagari") led the title pattern's match.
pub fn leading_titles_len(span: &str) -> usize {
    static TITLES_SET: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    let titles = TITLES_SET.get_or_init(|| {
        TITLES
            .trim_start_matches("(?:")
            .trim_end_matches(')')
            .split('|')
            .flat_map(|t| {
                let t = t.replace(r"\.", ".");
                match t.split_once("[cs]") {
                    Some((a, b)) => vec![format!("{a}c{b}"), format!("{a}s{b}")],
                    None => vec![t],
                }
            })
            .collect()
    });
    let mut len = 0;
    'next: loop {
        let rest = &span[len..];
        // The longest title first: "Rear Admiral" before "Admiral"... of three words
        // at most ("Deputy Prime Minister").
        let ends: Vec<usize> = rest.match_indices(' ').map(|(i, _)| i).take(3).collect();
        for &end in ends.iter().rev() {
            if titles.contains(&rest[..end]) && rest.len() > end + 1 {
                len += end + 1;
                continue 'next;
            }
        }
        return len;
    }
}

pub fn not_a_name() -> Regex {
    Regex::new(NOT_NAMES).expect("name stop list compiles")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(kind: EntityType, text: &str) -> Vec<String> {
        patterns()
            .into_iter()
            .filter(|p| p.kind == kind)
            .flat_map(|p| {
                p.spans(text, &Starts::of(text))
                    .map(|(start, end)| &text[start..end])
                    .filter(|span| (p.accept)(span))
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn number_words_are_the_words_number_starts_with() {
        assert!(
            NUMBER.contains(&format!(r"|\d|(?:{})(?:", NUMBER_WORDS.join("|"))),
            "NUMBER_WORDS and NUMBER's word alternation differ"
        );
    }

    /// The alternatives of a `(?:a|b|...)` group, split at its own level only.
    fn alternatives(group: &str) -> Vec<&str> {
        let inner = &group[3..group.len() - 1];
        let (mut parts, mut depth, mut from) = (Vec::new(), 0, 0);
        for (i, c) in inner.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                '|' if depth == 0 => {
                    parts.push(&inner[from..i]);
                    from = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&inner[from..]);
        parts
    }

    #[test]
    fn every_ship_and_vessel_kind_holds_a_gate_word() {
        for (kinds, words) in [
            (SHIP_KINDS, &SHIP_KIND_WORDS),
            (CIVILIAN_KINDS, &CIVILIAN_KIND_WORDS),
        ] {
            let alternatives = alternatives(kinds);
            assert!(alternatives.len() > 5);
            for alternative in alternatives {
                assert!(
                    words.iter().any(|w| alternative.contains(w)),
                    "{alternative:?} holds none of {words:?}"
                );
            }
        }
        // Gated out: no ship's type or prefix. Gated in: a prefix alone.
        let ships = ship_name();
        assert_eq!(
            ships.captures_iter("The Trent sailed on Monday.").count(),
            0
        );
        let found: Vec<String> = ships
            .captures_iter("HMS Trent sailed on Monday.")
            .map(|c| c[0].to_string())
            .collect();
        assert_eq!(found, ["HMS Trent"]);
    }

    #[test]
    fn numbers_start_after_a_boundary_only() {
        let text = "Some 1,500 troops, a hundred tanks and twenty-one jets; B52 and 3D.";
        let starts: Vec<&str> = number_starts(text)
            .into_iter()
            .map(|at| &text[at..(at + 3).min(text.len())])
            .collect();
        // "1", "500" (after the comma), "a h", "hun" (overlapping), "twe", "one"
        // (after the hyphen), "3D."; not the "52" of "B52" nor the "one" of "Some".
        assert_eq!(starts, ["1,5", "500", "a h", "hun", "twe", "one", "3D."]);
        // Anchored at those starts, each number pattern finds what a pass of its
        // unanchored regex finds.
        let texts = [
            text,
            "About 2,000 soldiers and 40 km of trenches, 12% of 300 drones, three weeks.",
            "Costs of 5 million dollars, thousands of troops and 3.5 tonnes; 7-8 days.",
        ];
        let mut number_led = 0;
        for p in patterns().iter().filter(|p| p.anchor == Anchor::Numbers) {
            number_led += 1;
            let source = p.regex.as_str();
            let unanchored = source
                .strip_prefix("^(?:")
                .and_then(|s| s.strip_suffix(')'))
                .expect("anchored as ^(?:...)");
            let pass = regex::Regex::new(unanchored).unwrap();
            for text in texts {
                let expected: Vec<(usize, usize)> =
                    pass.find_iter(text).map(|m| (m.start(), m.end())).collect();
                let anchored: Vec<(usize, usize)> = p.spans(text, &Starts::of(text)).collect();
                // The lead (a time modifier) may move a start; compare the ends.
                let ends = |v: &[(usize, usize)]| v.iter().map(|s| s.1).collect::<Vec<_>>();
                assert_eq!(ends(&anchored), ends(&expected), "{unanchored} on {text:?}");
            }
        }
        assert_eq!(number_led, 9);
    }

    #[test]
    fn head_word_patterns_find_at_capital_starts_what_a_pass_finds() {
        // Synthetic edge cases, then every text dump of the bundled corpus.
        let mut texts: Vec<String> = [
            "The Syrian Arab Army and the Ministry of Defence met the Air Force.",
            "Idlib Province, Hmeimim Air Base and the Gulf of Aden; Army Group South.",
            "NATO’s Defence Plan, the Svalbard Treaty and the Treaty on Open Skies.",
            "Forces Armées Royales, Übungsplatz Region and a Base.\nNew Line Force",
            "army force sea; Seattle Seahawks (Sea) and ASEAN Regional Forum Inc. Ltd",
            "Force first, then Royal Navy; UK-Army and 3rd Army; Lockheed Martin Corp Inc.",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
        for entry in std::fs::read_dir(corpus).expect("the bundled corpus") {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        assert!(texts.len() > 50);
        let headed: Vec<Pattern> = patterns()
            .into_iter()
            .filter(|p| matches!(p.anchor, Anchor::Capitals(_)))
            .collect();
        assert_eq!(headed.len(), 3);
        let mut found = 0;
        for p in &headed {
            let unanchored = p
                .regex
                .as_str()
                .strip_prefix("^(?:")
                .unwrap()
                .strip_suffix(')')
                .unwrap();
            let pass = regex::Regex::new(unanchored).unwrap();
            for text in &texts {
                let expected: Vec<(usize, usize)> =
                    pass.find_iter(text).map(|m| (m.start(), m.end())).collect();
                let anchored: Vec<(usize, usize)> = p.spans(text, &Starts::of(text)).collect();
                assert_eq!(anchored, expected, "{unanchored} on {text:?}");
                found += expected.len();
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn head_words_are_name_run_bytes() {
        for set in HEAD_SETS {
            for word in head_words(set) {
                assert!(word.bytes().all(in_name_run), "{word}");
                assert!(!word.contains(['?', '\\', '(', '[']), "{word}");
            }
        }
    }

    #[test]
    fn dates() {
        let t = found(
            EntityType::Temporal,
            "signed on March 5, 2020, in late September and over 13 years",
        );
        assert!(t.contains(&"March 5, 2020".to_string()), "{t:?}");
        assert!(t.contains(&"late September".to_string()), "{t:?}");
        assert!(t.contains(&"13 years".to_string()), "{t:?}");
    }

    #[test]
    fn latin_letter_classes() {
        let any = regex::Regex::new(&format!("^{}+$", latin_letters().any)).unwrap();
        assert!(any.is_match("ŁódźÇelikHürjetNguyễnß"));
        assert!(!any.is_match("×") && !any.is_match("÷") && !any.is_match("7"));
        let upper = regex::Regex::new(&format!("^{}$", latin_letters().upper)).unwrap();
        assert!(upper.is_match("Ł") && upper.is_match("Ç") && !upper.is_match("ł"));
        assert_eq!(
            found(
                EntityType::Person,
                "Defence Minister Władysław Kosiniak-Kamysz said"
            ),
            ["Władysław Kosiniak-Kamysz"]
        );
    }

    #[test]
    fn leads_join_their_match() {
        let t = found(
            EntityType::Temporal,
            "by mid-2024, then Late September, a chocolate Monday",
        );
        assert!(t.contains(&"mid-2024".to_string()), "{t:?}");
        assert!(t.contains(&"Late September".to_string()), "{t:?}");
        // "late" inside a word is no modifier.
        assert!(t.contains(&"Monday".to_string()), "{t:?}");
        assert!(!t.iter().any(|m| m.contains("late M")), "{t:?}");
        // A part of the day goes with its weekday.
        let t = found(EntityType::Temporal, "talks ended late Tuesday evening");
        assert!(t.contains(&"late Tuesday evening".to_string()), "{t:?}");
        // Spans of time, not rates; military times; stopless month abbreviations;
        // German compounds and relative times.
        for (text, time) in [
            (
                "fought for three and a half years",
                "three and a half years",
            ),
            ("attacks in recent weeks", "recent weeks"),
            ("at 2330 local time on Tuesday", "2330 local time"),
            ("DUBAI, Jan 10 (AFP) -", "Jan 10"),
            ("sind am Mittwochvormittag gestartet", "Mittwochvormittag"),
            ("stiegen im vergangenen Jahr", "vergangenen Jahr"),
            ("seit den Achtzigerjahren", "Achtzigerjahren"),
            // Spans opening a sentence, relative times with their modifier, times of
            // day, spans as adjectives, centuries and counted spans.
            ("Two years after the plan", "Two years"),
            ("Two decades ago the navy", "Two decades ago"),
            (
                "a yard that has built ships for two centuries",
                "two centuries",
            ),
            ("to be signed later this year", "later this year"),
            ("hopes to sign early next year", "early next year"),
            ("the ministry said this afternoon", "this afternoon"),
            ("a launch yesterday morning", "yesterday morning"),
            ("shortly after 7 a.m. on Friday", "7 a.m."),
            ("jets took off shortly after 9am", "9am"),
            ("released at 2.39pm EST (7.39pm GMT)", "2.39pm EST"),
            ("the blasts began at 15:20 local time", "15:20"),
            ("Two weeks later, aircraft struck", "Two weeks later"),
            ("she was ambushed eight months later", "eight months later"),
            ("shut since midnight", "midnight"),
            ("fired before dawn", "dawn"),
            ("during a two-day visit", "two-day"),
            ("a 72-hour warning", "72-hour"),
            ("since the 16th century", "16th century"),
            ("not until the 2050s", "2050s"),
            ("in the first two years of the war", "first two years"),
        ] {
            let t = found(EntityType::Temporal, text);
            assert!(t.contains(&time.to_string()), "{text}: {t:?}");
        }
        // "earlier than" measures against a plan: no part of the span. A word's
        // letters are no time of day.
        let t = found(
            EntityType::Temporal,
            "five years earlier than planned, as I am 5 ampere",
        );
        assert_eq!(t, ["five years"]);

        assert_eq!(
            found(EntityType::Money, "a US$5 million grant and C$40"),
            ["US$5 million", "C$40"]
        );
    }

    #[test]
    fn money_and_quantities() {
        assert_eq!(
            found(EntityType::Money, "a €40 million deal"),
            ["€40 million"]
        );
        // Coordinated counted nouns, and the "of" of a round multiple.
        for (text, quantity) in [
            (
                "more than 370 ships and submarines, the largest",
                "370 ships and submarines",
            ),
            (
                "shot down 21 drones and missiles fired",
                "21 drones and missiles",
            ),
            (
                "uses hundreds of ageing tankers to",
                "hundreds of ageing tankers",
            ),
            ("cancelled dozens of flights.", "dozens of flights"),
            (
                "travel thousands of kilometres before",
                "thousands of kilometres",
            ),
            // Noun modifiers in "s", crews and staff, pieces of things, calibres and
            // sizes, a speed with its period.
            (
                "four telecommunications cables were cut",
                "four telecommunications cables",
            ),
            ("a ship with 25 crew aboard", "25 crew"),
            (
                "sent 5,000 pieces of military equipment are",
                "5,000 pieces of military equipment",
            ),
            ("it carries 76 mm guns", "76 mm"),
            ("a 5-inch gun", "5-inch"),
            ("at 900 kilometres an hour", "900 kilometres an hour"),
        ] {
            let q = found(EntityType::Quantity, text);
            assert!(q.contains(&quantity.to_string()), "{text}: {q:?}");
        }
        // A measure's count is the measure's; abstract nouns are not counted.
        for text in [
            "it carries 76 mm guns",
            "Three lessons stand out, two sides agree, asked three times.",
        ] {
            let q = found(EntityType::Quantity, text);
            assert!(
                !q.iter().any(|m| m.ends_with("guns")
                    || m.ends_with("lessons")
                    || m.ends_with("sides")
                    || m.ends_with("times")),
                "{text}: {q:?}"
            );
        }
        // A verb after "and" is no second noun.
        // Spans of time are no counts.
        let q = found(EntityType::Quantity, "ships built over two centuries");
        assert!(q.is_empty(), "{q:?}");
        let q = found(EntityType::Quantity, "it bought 40 tankers and sends them");
        assert!(!q.iter().any(|m| m.contains("sends")), "{q:?}");
        // A second number after "and" starts a count of its own.
        for text in [
            "Russia launched 472 drones and seven missiles overnight.",
            "It has 33 ships and 7 submarines.",
        ] {
            let q = found(EntityType::Quantity, text);
            assert!(!q.iter().any(|m| m.contains(" and ")), "{text}: {q:?}");
        }
        // Other currencies' codes, words and multipliers; German amounts.
        for (text, money) in [
            ("inside CHF 6 billion approved", "CHF 6 billion"),
            ("worth 9 trillion won in all", "9 trillion won"),
            ("spend 600 billion kroner more", "600 billion kroner"),
            ("valued at ₹63,000 crore, or", "₹63,000 crore"),
            ("worth about R$9bn in", "R$9bn"),
            (
                "cost tens of thousands of dollars each",
                "tens of thousands of dollars",
            ),
            (
                "Kosten von rund 3,1 Milliarden Euro für",
                "3,1 Milliarden Euro",
            ),
        ] {
            let found = found(EntityType::Money, text);
            assert!(found.contains(&money.to_string()), "{text}: {found:?}");
        }
        assert!(found(EntityType::Quantity, "a range of 400 km").contains(&"400 km".to_string()));
        assert!(found(
            EntityType::Quantity,
            "recruit tens of thousands of soldiers"
        )
        .contains(&"tens of thousands of soldiers".to_string()));
    }

    #[test]
    fn the_wire_of_a_press_releases_dateline_is_an_organisation() {
        assert_eq!(
            found(
                EntityType::Organisation,
                "SEOUL, South Korea, July 9, 2024 /PRNewswire/ -- The company said"
            ),
            ["PRNewswire"]
        );
        assert_eq!(
            found(
                EntityType::Organisation,
                "ARLINGTON, Va. /Business Wire/ — Today"
            ),
            ["Business Wire"]
        );
        // A path or a fraction is none.
        assert!(found(
            EntityType::Organisation,
            "see /docs/ for help, or 1/2 -- half"
        )
        .is_empty());
    }

    #[test]
    fn heads_and_titles() {
        assert!(found(EntityType::Organisation, "the Syrian Arab Army said")
            .contains(&"Syrian Arab Army".to_string()));
        assert!(found(EntityType::Location, "in Idlib Province now")
            .contains(&"Idlib Province".to_string()));
        assert_eq!(
            found(EntityType::Person, "Defence Minister Rustem Umerov said"),
            ["Rustem Umerov"]
        );
    }

    #[test]
    fn designations() {
        let d = designation();
        let all: Vec<&str> = d
            .find_iter("Su-34, MiG-29SMT, S-300PM2 and F-16 Block 70 jets")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(all, ["Su-34", "MiG-29SMT", "S-300PM2", "F-16 Block 70"]);
        let with_suffix: Vec<&str> = d
            .find_iter("PAC-3 MSE interceptors")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(with_suffix, ["PAC-3 MSE"]);
    }
}
