//! Annotation styles: the same mentions, spanned and typed by another corpus's rules.
//!
//! dechaff's own style (see `annotations/README.md`) marks names: "UK" is a Location,
//! "Iraqi" a Nationality, determiners stay outside spans and pronouns are not
//! entities. re3d, the defence NER corpus, marks mentions: "The UK" acting is an
//! Organisation, "the Iraqi security forces" one Organisation, "We" in a ministry's
//! statement an Organisation and "I" a Person. [`Style::Re3d`] rewrites dechaff's
//! entities into that convention, so the one extractor serves both without a fork.

use crate::entities::Taken;
use crate::gazetteer::Gazetteer;
use dechaff_schema::{Entity, EntityType};
use regex::Regex;
use std::sync::OnceLock;

/// Which convention entities follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    /// Names, as `annotations/README.md` describes.
    #[default]
    Dechaff,
    /// Mentions, as re3d annotates them.
    Re3d,
}

/// Nouns that make a nationality before them a force or a government: "Iraqi
/// security forces", "the Syrian regime".
const COLLECTIVES: &[&str] = &[
    "security forces",
    "armed forces",
    "special forces",
    "forces",
    "government",
    "army",
    "military",
    "troops",
    "opposition",
    "regime",
    "authorities",
    "police",
    "navy",
    "air force",
];

/// Members that make an organisation's name before them one mention: "ISIL
/// fighters", "Coalition forces".
const MEMBERS: &[&str] = &["fighters", "terrorists", "militants", "forces", "troops"];

/// Verbs after a country that make it an actor ("the UK has", "France said").
const ACTING_VERBS: &[&str] = &[
    "said",
    "says",
    "has",
    "have",
    "had",
    "is",
    "was",
    "will",
    "would",
    "should",
    "must",
    "can",
    "could",
    "continues",
    "continued",
    "remains",
    "supports",
    "supported",
    "announced",
    "launched",
    "conducted",
    "carried",
    "deployed",
    "sent",
    "provided",
    "provides",
    "welcomed",
    "condemned",
    "believes",
    "wants",
    "plans",
    "led",
    "leads",
    "joined",
    "agreed",
    "called",
    "stands",
    "played",
    "contributed",
    "contributes",
    "is",
    "are",
    "were",
];

/// Generic mentions re3d marks where dechaff marks nothing, with their type: a
/// government by its regime, a people acting, a task force by its number.
fn generic_mentions() -> &'static [(Regex, EntityType)] {
    static GENERIC: OnceLock<Vec<(Regex, EntityType)>> = OnceLock::new();
    GENERIC.get_or_init(|| {
        let org = EntityType::Organisation;
        [
            (r"\b[Tt]he (?:[A-Z][\w’'-]+ )?regime\b", org),
            (r"\b[Tt]he international community\b", org),
            (r"\b[Tt]he [Gg]overnment of (?:the )?[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?", org),
            (r"\b[Tt]he task force\b", org),
            (
                r"\bExecutive Order \d{3,6}\b",
                EntityType::DocumentReference,
            ),
            // Weapons by kind: "munitions", "VBIEDs", "chemical weapons".
            (
                r"\b(?:munitions|machine guns?|VBIEDs?|IEDs|rocket[- ]propelled grenades?|chemical weapons|missiles|barrel bombs|mortars|explosives)\b",
                EntityType::Weapon,
            ),
            (r"\bthe government\b", org),
            (
                r"\b(?:[Tt]he (?:[A-Z]\w+ )people|Syrians|Iraqis|Afghans|Libyans|Yemenis|Kurds)\b",
                org,
            ),
            (r"\b(?:our|their) partners\b", org),
            (r"\brefugees\b", org),
            (
                r"\b(?:Combined )?(?:Joint )?(?:CTF|CJTF|TF|Task Force) ?-?\d{1,3}\b",
                org,
            ),
            // A place named by what it is, once the text has named it: "the city",
            // "the airfield", "the hospital".
            (
                r"\b[Tt]he (?:(?:[A-Z][a-z]+|north|south|east|west|northern|southern|eastern|western|northwest|northeast|southwest|southeast|port) )?(?:city|town|area|airfield|hospital|location|village|region|province|district|country|border|compound|complex)\b",
                EntityType::Location,
            ),
        ]
        .into_iter()
        .map(|(p, k)| (Regex::new(p).expect("generic mention pattern compiles"), k))
        .collect()
    })
}

/// A group named by a common noun, as re3d marks it: a determiner, up to three
/// modifiers (names, numbers, and the adjectives that say whose or which group), then
/// the noun. Only nouns re3d marks nearly always on its development half ("partners",
/// "forces", "terrorists", "coalition", "group"; "people" and "civilians" less, but
/// often); not "government", which re3d marks with its owner ("the Iraqi
/// government", see [`COLLECTIVES`]) and which a bare phrase gets wrong as often.
fn group_phrase() -> &'static Regex {
    static GROUP: OnceLock<Regex> = OnceLock::new();
    GROUP.get_or_init(|| {
        noun_phrase(
            r"[Tt]he|[Oo]ur|[Tt]heir|[Tt]hese|[Tt]his|[Tt]hose|[Oo]ther|[Mm]any|[Bb]oth",
            r"counter-[A-Z]+|\d(?:[\d,]*\d)?|two|three|four|five|six|seven|eight|nine|ten|hundreds of|thousands of|foreign|local|international|innocent|security|enemy|partner|terrorist|regional|senior|service|world|armed|coalition|military|global|other|barbaric|allied|wider",
            r"soldiers|troops|group|partners|forces|terrorists|coalition|community|fighters|civilians|journalists|allies|organisations|organizations|leaders|people|militants|businesses|students|ministers|officials|victims|residents|service members",
        )
    })
}

/// Platforms named by a common noun, as re3d marks them: "Coalition aircraft", "ISIL
/// tanks", "the tanks", "bombers"; a count before them is a Quantity of its own ("14
/// [ISIL tanks]"). Not "vehicles" (re3d's Vehicle as often) nor "fighters" (people as
/// often as jets).
fn platform_phrase() -> &'static Regex {
    static PLATFORM: OnceLock<Regex> = OnceLock::new();
    PLATFORM.get_or_init(|| {
        noun_phrase(
            r"[Tt]he|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir",
            r"unmanned|manned|combat|military|tactical|armoured|armored|enemy|coalition|allied|naval",
            r"aircraft|tanks|bombers|airlifters|warships|helicopters|drones|jets|frigates|submarines|destroyers",
        )
    })
}

/// A capitalised word, or an abbreviation with its stops ("U.S."): a stop after a
/// plain word ends a sentence ("ISIL. The group").
const CAPITALISED: &str = r"[A-Z](?:\.[A-Z])+\.?|[A-Z][A-Za-z’'-]*";

/// A noun phrase as re3d marks it: one of `determiners`, then up to three modifiers
/// (capitalised words or one of `modifiers`), then one of `nouns`.
fn noun_phrase(determiners: &str, modifiers: &str, nouns: &str) -> Regex {
    let pattern =
        format!(r"\b(?:(?:{determiners}) )?(?:(?:{CAPITALISED}|{modifiers}) ){{0,3}}(?:{nouns})\b");
    Regex::new(&pattern).expect("noun phrase pattern compiles")
}

/// An office that stands for its holder, as re3d marks a person: "the secretary",
/// "The Prime Minister", "Foreign Office Minister", "the CJTF-OIR spokesperson",
/// "commander of U.S. Central Command", "Minister for Central Asia".
fn office_phrase() -> &'static Regex {
    static OFFICE: OnceLock<Regex> = OnceLock::new();
    OFFICE.get_or_init(|| {
        let name = format!(r"(?:{CAPITALISED}|\d+(?:st|nd|rd|th))");
        let office = r"(?:Prime Minister|prime minister|Minister|minister|Secretary|secretary|spokesperson|spokesman|spokeswoman|Commander|commander|commanding general)";
        let pattern = format!(
            r"\b(?:[Tt]he )?(?:{name} ){{0,3}}{office}\b(?: (?:for|of) (?:the )?{name}(?: {name}){{0,3}})?"
        );
        Regex::new(&pattern).expect("office phrase pattern compiles")
    })
}

/// Facilities named after their place ("Mosul Dam"), which re3d marks whole.
const FACILITIES: &[&str] = &[
    "Military Airfield",
    "Airfield",
    "Air Base",
    "Airbase",
    "Airport",
    "Dam",
    "Barrage",
    "Bridge",
    "Port",
    "Naval Base",
    "Refinery",
];

/// A mention found as a phrase takes in the mentions inside it ("CTF" of "CTF 50",
/// "ISIL" of "ISIL terrorists") and yields to one it would cut.
fn take_in(out: &mut Vec<Entity>, taken: &mut Taken, mention: Entity) {
    let (start, end) = (mention.start, mention.end);
    let inside = |e: &Entity| start <= e.start && e.end <= end;
    if out
        .iter()
        .any(|e| e.start < end && start < e.end && !inside(e))
    {
        return;
    }
    out.retain(|e| !inside(e));
    out.push(mention);
    taken.insert(start, end);
}

/// Where the mention of one of `kinds` that a phrase ending at `end` owns with " of "
/// ends ("the city [of Mosul]"), if one follows.
fn owner_end(
    out: &[Entity],
    slice: &dyn Fn(usize, usize) -> String,
    end: usize,
    kinds: &[EntityType],
) -> Option<usize> {
    out.iter()
        .find(|e| e.start == end + 4 && kinds.contains(&e.kind) && slice(end, e.start) == " of ")
        .map(|e| e.end)
}

/// The length in characters, spaces included, of the words that open `phrase` and
/// `skip` says are no part of it ("In Turkey " of "In Turkey Minister").
fn leading_words_len(phrase: &str, skip: impl Fn(&str) -> bool) -> usize {
    let mut len = 0;
    let mut rest = phrase;
    while let Some((word, after)) = rest.split_once(' ') {
        if !skip(word) {
            break;
        }
        len += word.chars().count() + 1;
        rest = after;
    }
    len
}

/// The word that ends right before the one space that ends `before`.
fn word_before(before: &str) -> Option<&str> {
    before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next())
}

/// Number words that count systems ("six VBIEDs").
const COUNT_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozens", "hundreds",
];

/// Places of one word that English names with "the".
const ARTICLE_PLACES: &[&str] = &[
    "Gulf",
    "Sahel",
    "Crimea",
    "Donbas",
    "Donbass",
    "Levant",
    "Sudan",
    "Gambia",
    "Congo",
    "Arctic",
    "Antarctic",
    "Pacific",
    "Atlantic",
    "Mediterranean",
    "Kremlin",
    "Pentagon",
    "Hague",
    "Ukraine",
];

/// The parts of a place re3d keeps in its mention ("northern Iraq").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "central",
];

/// Words that open a sentence or a clause before an office's name.
const SENTENCE_WORDS: &[&str] = &[
    "Then",
    "Also",
    "Now",
    "So",
    "Yet",
    "Still",
    "Meanwhile",
    "However",
    "Here",
    "There",
    "In",
    "As",
    "At",
    "On",
    "For",
    "From",
    "By",
    "With",
    "And",
    "But",
    "When",
    "After",
    "Before",
    "During",
    "If",
    "Since",
    "While",
    "Under",
    "Today",
    "Yesterday",
    "Later",
];

/// Titles re3d keeps in a person's mention ("President Hollande", "Minister Tobias
/// Ellwood"); a title of office may carry one capitalised word before it ("FCO
/// Minister", "Defence Secretary").
const TITLES: &[&str] = &[
    "Commodore",
    "Lt.",
    "Brig.",
    "Capt.",
    "Maj.",
    "Spokesperson",
    "President",
    "Minister",
    "Secretary",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "General",
    "Gen.",
    "Colonel",
    "Col.",
    "Major",
    "Lt",
    "Admiral",
    "Ambassador",
    "King",
    "Prince",
    "Sheikh",
    "Chancellor",
    "Premier",
    "Senator",
    "Governor",
    "Commander",
];

/// Units that stay in a quantity's mention; any other noun after a count goes
/// ("two frigates" is the count "two" in re3d).
const UNITS: &[&str] = &[
    "per",
    "percent",
    "%",
    "million",
    "billion",
    "thousand",
    "hundred",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "square",
    "metres",
    "meters",
    "m",
    "tonnes",
    "tons",
    "tonne",
    "kg",
    "m3",
    "m3/s",
    "cu",
    "ft",
    "ft/s",
    "acre·ft",
];

/// Pronouns re3d marks, and as what: the first person plural and "they" speak for an
/// organisation, the singular for a person. ("our", "their", "it" are marked too, but
/// rarely enough that guessing them costs more than it gains: measured on re3d's
/// development half and its test half alike.)
const PRONOUNS: &[(&str, EntityType)] = &[
    ("We", EntityType::Organisation),
    ("we", EntityType::Organisation),
    ("They", EntityType::Organisation),
    ("they", EntityType::Organisation),
    ("I", EntityType::Person),
    ("My", EntityType::Person),
    ("my", EntityType::Person),
    ("He", EntityType::Person),
    ("he", EntityType::Person),
    ("She", EntityType::Person),
    ("she", EntityType::Person),
];

/// Rewrites `entities` (dechaff style, character offsets into `text`) into `style`.
pub fn restyle(
    text: &str,
    entities: Vec<Entity>,
    style: Style,
    gazetteer: &Gazetteer,
) -> Vec<Entity> {
    match style {
        Style::Dechaff => entities,
        Style::Re3d => re3d(text, entities, gazetteer),
    }
}

fn re3d(text: &str, entities: Vec<Entity>, gazetteer: &Gazetteer) -> Vec<Entity> {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    // Lowercased text after position `at`, a few words' worth, for the lookahead rules.
    let after = |at: usize| -> String {
        chars[at..chars.len().min(at + 40)]
            .iter()
            .collect::<String>()
            .to_lowercase()
    };
    let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
    for mut e in entities {
        match e.kind {
            EntityType::Nationality => {
                let rest = after(e.end);
                if let Some(noun) = COLLECTIVES
                    .iter()
                    .find(|n| rest.starts_with(&format!(" {n}")) && word_ends(&rest, n.len() + 1))
                {
                    e.end += noun.chars().count() + 1;
                    e.kind = EntityType::Organisation;
                } else if acts(&rest) {
                    e.kind = EntityType::Organisation;
                } else {
                    // re3d rarely marks a demonym on its own.
                    continue;
                }
            }
            EntityType::Location if is_country(&e.text, gazetteer) => {
                // A country that acts, owns ("the UK’s commitment") or is an ally.
                let rest = after(e.end);
                let before = slice(e.start.saturating_sub(9), e.start).to_lowercase();
                let owns = rest.starts_with("’s ") || rest.starts_with("'s ");
                let ally = before.ends_with("ally ") || before.ends_with("partner ");
                // "UK-France co-operation", "a U.S.-Iraq partnership": countries
                // paired by a hyphen are the states acting together.
                let paired = rest.starts_with('-') || before.ends_with('-');
                if acts(&rest) || owns || ally || paired {
                    e.kind = EntityType::Organisation;
                }
            }
            EntityType::Organisation => {
                // "the Kurdish YPG": a people's adjective before an organisation is
                // part of its mention.
                let before = slice(e.start.saturating_sub(24), e.start);
                if let Some(word) = word_before(&before) {
                    if is_demonym(word, gazetteer) {
                        e.start -= word.chars().count() + 1;
                    }
                }
                // "ISIL fighters", "Coalition forces": the group by its members.
                let rest = after(e.end);
                if let Some(noun) = MEMBERS
                    .iter()
                    .find(|n| rest.starts_with(&format!(" {n}")) && word_ends(&rest, n.len() + 1))
                {
                    e.end += noun.chars().count() + 1;
                }
            }
            _ => {}
        }
        if e.kind == EntityType::Person {
            let owner_ok = |w: &str| !SENTENCE_WORDS.contains(&w) && !is_country(w, gazetteer);
            e.start = with_title(&chars, e.start, &owner_ok);
        }
        if e.kind == EntityType::Quantity {
            e.end = count_only(&chars, e.start, e.end);
        }
        if e.kind == EntityType::DocumentReference {
            // "UN Security Council Resolution 2254": the issuer is part of the
            // document's mention.
            if let Some(issuer) = out.last_mut() {
                if issuer.kind == EntityType::Organisation && issuer.end + 1 == e.start {
                    issuer.kind = EntityType::DocumentReference;
                    issuer.end = e.end;
                    issuer.text = slice(issuer.start, issuer.end);
                    continue;
                }
            }
        }
        if e.kind == EntityType::Temporal {
            // "Thursday, Dec. 15": a weekday and its date are one mention.
            if let Some(day) = out.last_mut() {
                let weekday = day.kind == EntityType::Temporal
                    && day.end + 2 == e.start
                    && slice(day.end, e.start) == ", "
                    && crate::context::WEEKDAYS.contains(&day.text.as_str());
                if weekday {
                    day.end = e.end;
                    day.text = slice(day.start, day.end);
                    continue;
                }
            }
            // "the summer of 2017", "early next year", "5-6 April 2016": the words
            // that place the time stay with it.
            let before = slice(e.start.saturating_sub(12), e.start);
            // "5-6 April 2016": the first day of a range of days.
            let range = before.strip_suffix(' ').and_then(|b| {
                let last = b.chars().rev().take_while(char::is_ascii_digit).count();
                let b = b[..b.len() - last].strip_suffix('-')?;
                let first = b.chars().rev().take_while(char::is_ascii_digit).count();
                let days = (1..=2).contains(&last) && (1..=2).contains(&first);
                let at_word = b[..b.len() - first]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                (days && at_word).then_some(first + 1 + last + 1)
            });
            if let Some(len) = range {
                e.start -= len;
            } else if let Some(word) = word_before(&before) {
                let lowercase_time = e.text.starts_with(char::is_lowercase);
                if ["early", "late", "mid", "Early", "Late"].contains(&word)
                    || (["the", "The"].contains(&word) && lowercase_time)
                {
                    e.start -= word.chars().count() + 1;
                }
            }
        }
        if e.kind == EntityType::Location {
            // "the Samarra Barrage", "Tiyas Military Airfield": a facility named after
            // its place is the place's mention.
            let rest = slice(e.end, (e.end + 24).min(chars.len()));
            if let Some(facility) = FACILITIES.iter().find(|f| {
                rest.strip_prefix(' ')
                    .and_then(|r| r.strip_prefix(**f))
                    .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            }) {
                e.end += 1 + facility.chars().count();
            }
            // "northern Iraq", "Southwest Asia": the part of a place is the place's
            // mention.
            let before = slice(e.start.saturating_sub(16), e.start);
            if let Some(word) = word_before(&before) {
                if DIRECTIONS.contains(&word.to_lowercase().as_str()) {
                    e.start -= word.chars().count() + 1;
                }
            }
            // "Palmyra, Syria", "Incirlik Air Base, Turkey": a place and its country
            // are one mention.
            if is_country(&e.text, gazetteer) {
                if let Some(place) = out.last_mut() {
                    let joined = place.kind == EntityType::Location
                        && place.end + 2 == e.start
                        && slice(place.end, e.start) == ", "
                        && !is_country(&place.text, gazetteer);
                    if joined {
                        place.end = e.end;
                        place.text = slice(place.start, place.end);
                        continue;
                    }
                }
            }
        }
        if matches!(e.kind, EntityType::Organisation | EntityType::Location) {
            // Determiners belong to the mention: "the United States", "The Coalition".
            let before = slice(e.start.saturating_sub(4), e.start);
            let at_word_start = e.start < 5 || !chars[e.start - 5].is_alphanumeric();
            // A town's one-word name takes no article: "the Mosul operation", "the
            // Paris meeting" put it before a noun the name qualifies.
            let name = slice(e.start, e.end);
            let plain_place = e.kind == EntityType::Location
                && !name.contains(' ')
                && !name.ends_with('s')
                && !name.contains('.')
                && !name.chars().all(|c| c.is_uppercase())
                && !ARTICLE_PLACES.contains(&name.as_str());
            if e.start >= 4
                && (before == "the " || before == "The ")
                && at_word_start
                && !plain_place
            {
                e.start -= 4;
            }
        }
        e.text = slice(e.start, e.end);
        out.push(e);
    }
    // Pronouns and generic mentions, where no mention already stands.
    let mut taken = Taken::new(out.iter().map(|e| (e.start, e.end)));
    // Byte offsets of the regex matches to character offsets.
    let char_at: Vec<usize> = {
        let mut v = vec![0; text.len() + 1];
        let mut n = 0;
        for (i, c) in text.char_indices() {
            for b in 0..c.len_utf8() {
                v[i + b] = n;
            }
            n += 1;
        }
        v[text.len()] = n;
        v
    };
    for (regex, kind) in generic_mentions() {
        for m in regex.find_iter(text) {
            let (start, mut end) = (char_at[m.start()], char_at[m.end()]);
            // "the city of Mosul", "the northwest province of Latakia": the place
            // named after it is part of the mention.
            if *kind == EntityType::Location {
                end = owner_end(&out, &slice, end, &[EntityType::Location]).unwrap_or(end);
            }
            // "CTF 50" takes in the acronym "CTF".
            take_in(
                &mut out,
                &mut taken,
                Entity::new(*kind, slice(start, end), start, end),
            );
        }
    }
    // People named by their office: "the Minister", "Central Command spokesman",
    // "Minister for the Middle East Tobias Ellwood" (the office and the name one
    // mention).
    for m in office_phrase().find_iter(text) {
        let (mut start, mut end) = (char_at[m.start()], char_at[m.end()]);
        // A sentence's first words are no part of the office: "In Turkey Minister
        // Ellwood", "As Deputy Secretary of State Antony Blinken".
        start += leading_words_len(m.as_str(), |w| {
            SENTENCE_WORDS.contains(&w) || is_country(w, gazetteer)
        });
        let named = out.iter().find(|e| {
            e.kind == EntityType::Person
                && e.start >= start
                && e.start <= end + 2
                && chars[end.min(e.start)..e.start]
                    .iter()
                    .all(|c| c.is_whitespace() || c.is_control() || *c == '\u{200e}')
        });
        if let Some(person) = named {
            end = end.max(person.end);
        }
        let office = Entity::new(EntityType::Person, slice(start, end), start, end);
        take_in(&mut out, &mut taken, office);
    }
    // Groups named by a common noun: "our allies", "the two leaders", "foreign
    // fighters". The phrase takes in the names inside it ("ISIL terrorists"), and
    // yields to a mention it would cut.
    let phrases = [
        (group_phrase(), EntityType::Organisation),
        (platform_phrase(), EntityType::MilitaryPlatform),
    ];
    for (m, kind) in phrases
        .iter()
        .flat_map(|(regex, kind)| regex.find_iter(text).map(move |m| (m, *kind)))
    {
        let (mut start, mut end) = (char_at[m.start()], char_at[m.end()]);
        start += leading_words_len(m.as_str(), |w| SENTENCE_WORDS.contains(&w));
        // "the people of Mosul", "residents of Mosul": the place or body they belong
        // to is part of the group's mention.
        if kind == EntityType::Organisation {
            let owners = [EntityType::Location, EntityType::Organisation];
            end = owner_end(&out, &slice, end, &owners).unwrap_or(end);
        }
        take_in(
            &mut out,
            &mut taken,
            Entity::new(kind, slice(start, end), start, end),
        );
    }
    // "14 [ISIL tanks]", "six [VBIEDs]": the count before systems is a Quantity.
    let mut counts = Vec::new();
    for e in out
        .iter()
        .filter(|e| matches!(e.kind, EntityType::MilitaryPlatform | EntityType::Weapon))
    {
        let before = slice(e.start.saturating_sub(12), e.start);
        let Some(word) = word_before(&before) else {
            continue;
        };
        let digits = word.starts_with(|c: char| c.is_ascii_digit())
            && word.chars().all(|c| c.is_ascii_digit() || c == ',');
        if digits || COUNT_WORDS.contains(&word.to_lowercase().as_str()) {
            let start = e.start - 1 - word.chars().count();
            if taken.is_free(start, e.start - 1) {
                counts.push(Entity::new(EntityType::Quantity, word, start, e.start - 1));
            }
        }
    }
    for count in counts {
        taken.insert(count.start, count.end);
        out.push(count);
    }
    let mut at = 0;
    while at < chars.len() {
        let word_start = at == 0 || !chars[at - 1].is_alphanumeric();
        if word_start {
            for (pronoun, kind) in PRONOUNS {
                let n = pronoun.chars().count();
                let end = at + n;
                // A contraction keeps its pronoun ("We’ve", "I'm"); any other
                // apostrophe makes it part of a longer word.
                let contraction = matches!(chars.get(end), Some('\'' | '’'))
                    && ["ve", "re", "ll", "m", "d"].iter().any(|tail| {
                        let after = end + 1;
                        let tail_end = after + tail.len();
                        tail_end <= chars.len()
                            && chars[after..tail_end].iter().copied().eq(tail.chars())
                            && chars.get(tail_end).is_none_or(|c| !c.is_alphanumeric())
                    });
                let matches = end <= chars.len()
                    && chars[at..end].iter().copied().eq(pronoun.chars())
                    && (contraction
                        || chars
                            .get(end)
                            .is_none_or(|c| !c.is_alphanumeric() && *c != '\'' && *c != '’'));
                let free = taken.is_free(at, end);
                if matches && free {
                    out.push(Entity::new(*kind, *pronoun, at, end));
                    taken.insert(at, end);
                    break;
                }
            }
        }
        at += 1;
    }
    out.sort_by_key(|e| (e.start, e.end));
    // Merges can swallow a neighbour: keep the first of overlapping mentions.
    let mut kept: Vec<Entity> = Vec::with_capacity(out.len());
    for e in out {
        if kept.last().is_none_or(|last| last.end <= e.start) {
            kept.push(e);
        }
    }
    kept
}

/// The start of a person's mention with the title before it, if any.
/// `owner_ok` says whether a capitalised word may own the office ("FCO Minister", not
/// "Later Minister" or "Turkey Minister").
fn with_title(chars: &[char], start: usize, owner_ok: &dyn Fn(&str) -> bool) -> usize {
    let word_before = |end: usize| -> Option<(usize, String)> {
        // The word ending just before the space at `end - 1`.
        if end < 2 || chars[end - 1] != ' ' {
            return None;
        }
        let word_end = end - 1;
        let mut s = word_end;
        while s > 0 && !chars[s - 1].is_whitespace() {
            s -= 1;
        }
        (s < word_end).then(|| (s, chars[s..word_end].iter().collect()))
    };
    let Some((title_start, title)) = word_before(start) else {
        return start;
    };
    if !TITLES.contains(&title.as_str()) {
        return start;
    }
    // A rank of two words: "Lt. Gen.", "Brig. Gen.", "Rear Admiral".
    if let Some((s, w)) = word_before(title_start) {
        if matches!(
            w.as_str(),
            "Lt." | "Brig." | "Maj." | "Rear" | "Vice" | "Deputy"
        ) {
            return s;
        }
    }
    // "FCO Minister", "Defence Secretary": one capitalised word before an office.
    if matches!(title.as_str(), "Minister" | "Secretary") {
        if let Some((s, w)) = word_before(title_start) {
            if w.chars().next().is_some_and(char::is_uppercase)
                && !w.ends_with([',', '.'])
                && owner_ok(&w)
            {
                return s;
            }
        }
    }
    title_start
}

/// The end of a quantity's mention without the counted noun ("two" of "two
/// frigates"); units and multipliers stay ("10 per cent", "2 million").
fn count_only(chars: &[char], start: usize, end: usize) -> usize {
    let text: String = chars[start..end].iter().collect();
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() < 2 {
        return end;
    }
    // Keep words up to the last number or unit.
    let is_numberish = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            || NUMBER_WORDS.contains(&w.to_lowercase().as_str())
            || UNITS.contains(&w)
            || matches!(
                w,
                "at" | "least"
                    | "more"
                    | "than"
                    | "about"
                    | "some"
                    | "nearly"
                    | "over"
                    | "up"
                    | "to"
                    | "cent"
            )
    };
    let keep = words
        .iter()
        .rposition(|w| is_numberish(w))
        .map_or(words.len(), |i| i + 1);
    if keep == words.len() {
        return end;
    }
    start
        + words[..keep]
            .iter()
            .map(|w| w.chars().count())
            .sum::<usize>()
        + keep
        - 1
}

/// Counts written out.
const NUMBER_WORDS: &[&str] = &[
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
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "a",
    "several",
];

/// Whether `rest` (lowercased, after a mention) goes on with a word boundary at `n`.
fn word_ends(rest: &str, n: usize) -> bool {
    rest[n.min(rest.len())..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether the words after a mention make it act: "has", "said", ...
fn acts(rest: &str) -> bool {
    let next = rest
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or("");
    ACTING_VERBS.contains(&next)
}

/// Countries (and their usual abbreviations) by the gazetteer's location kind.
fn is_demonym(word: &str, gazetteer: &Gazetteer) -> bool {
    gazetteer.find(word).iter().any(|hit| {
        hit.start == 0
            && hit.end == word.len()
            && gazetteer.entry(hit.entry).kind == EntityType::Nationality
    })
}

fn is_country(name: &str, gazetteer: &Gazetteer) -> bool {
    gazetteer.find(name).iter().any(|hit| {
        hit.start == 0 && hit.end == name.len() && {
            let entry = gazetteer.entry(hit.entry);
            entry.kind == EntityType::Location && entry.group == "country"
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn re3d_of(text: &str) -> Vec<(String, String)> {
        let x = Extractor::new();
        x.entities_styled(text, Style::Re3d)
            .into_iter()
            .map(|e| (e.kind.as_str().to_string(), e.text))
            .collect()
    }

    /// The texts of the mentions of one kind, in order.
    fn of_kind<'a>(got: &'a [(String, String)], kind: &str) -> Vec<&'a str> {
        got.iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, t)| t.as_str())
            .collect()
    }

    #[test]
    fn mentions_in_re3d_style() {
        let got = re3d_of("We welcome the work of the Iraqi security forces. The UK has sent aircraft. I visited Mosul.");
        let has = |k: &str, t: &str| got.iter().any(|(a, b)| a == k && b == t);
        assert!(has("Organisation", "We"), "{got:?}");
        assert!(has("Organisation", "the Iraqi security forces"), "{got:?}");
        assert!(has("Organisation", "The UK"), "{got:?}");
        assert!(has("Person", "I"), "{got:?}");
        assert!(has("Location", "Mosul"), "{got:?}");
        // Spans stay true to the text.
        let text = "We welcome the work of the Iraqi security forces.";
        for e in Extractor::new().entities_styled(text, Style::Re3d) {
            assert_eq!(
                dechaff_schema::char_slice(text, e.start, e.end),
                Some(e.text.as_str())
            );
        }
    }

    #[test]
    fn platforms_by_noun_and_times_with_their_words_in_re3d_style() {
        let text = "On Thursday, Dec. 15, 16 Coalition aircraft struck 14 ISIL tanks. The \
                    wing deploys in the summer of 2017 and early next year, from 5-6 April 2016.";
        let got = re3d_of(text);
        let of = |kind: &str| of_kind(&got, kind);
        assert_eq!(
            of("MilitaryPlatform"),
            ["Coalition aircraft", "ISIL tanks"],
            "{got:?}"
        );
        assert_eq!(
            of("Temporal"),
            [
                "Thursday, Dec. 15",
                "the summer of 2017",
                "early next year",
                "5-6 April 2016"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn a_people_s_adjective_and_a_government_by_its_country_in_re3d_style() {
        let got = re3d_of(
            "Patches of the Kurdish YPG worried U.S. service members. The Government of \
             Iraq thanked the task force.",
        );
        let orgs = of_kind(&got, "Organisation");
        for org in [
            "the Kurdish YPG",
            "U.S. service members",
            "The Government of Iraq",
            "the task force",
        ] {
            assert!(orgs.contains(&org), "{org}: {got:?}");
        }
    }

    #[test]
    fn places_by_pairing_facility_and_article_in_re3d_style() {
        let got = re3d_of(
            "Britain-France co-operation grew. The Mosul operation began near the city of \
             Mosul and the Samarra Barrage. The United States said so.",
        );
        let of = |kind: &str| of_kind(&got, kind);
        assert_eq!(
            of("Location"),
            ["Mosul", "the city of Mosul", "the Samarra Barrage"],
            "{got:?}"
        );
        let orgs = of("Organisation");
        for org in ["France", "The United States"] {
            assert!(orgs.contains(&org), "{org}: {got:?}");
        }
    }

    #[test]
    fn documents_weapons_and_their_counts_in_re3d_style() {
        let got = re3d_of(
            "It welcomed UN Security Council Resolution 2254. Sanctions under Executive \
             Order 13582 apply. Jets destroyed 14 ISIL tanks and six VBIEDs with munitions.",
        );
        let of = |kind: &str| of_kind(&got, kind);
        assert_eq!(
            of("DocumentReference"),
            [
                "UN Security Council Resolution 2254",
                "Executive Order 13582"
            ],
            "{got:?}"
        );
        assert_eq!(of("Weapon"), ["VBIEDs", "munitions"], "{got:?}");
        assert_eq!(of("Quantity"), ["14", "six"], "{got:?}");
    }

    #[test]
    fn pronouns_and_their_contractions_in_re3d_style() {
        let got =
            re3d_of("“We’ve spent years here,” he said. They left. My visit ended. I'm sure.");
        let has = |k: &str, t: &str| got.iter().any(|(a, b)| a == k && b == t);
        assert!(has("Organisation", "We"), "{got:?}");
        assert!(has("Organisation", "They"), "{got:?}");
        assert!(has("Person", "My"), "{got:?}");
        assert!(has("Person", "I"), "{got:?}");
        // An apostrophe that opens no contraction makes a longer word.
        let got = re3d_of("The museum tells World War I's story.");
        assert!(!got.iter().any(|(_, t)| t == "I"), "{got:?}");
    }

    #[test]
    fn a_generic_mention_takes_in_the_name_inside_it() {
        // "CTF" is an organisation of its own once the text defines it.
        let got = re3d_of("The Combined Task Force (CTF) is led by France. CTF 50 sails today.");
        assert!(
            got.iter()
                .any(|(k, t)| k == "Organisation" && t == "CTF 50"),
            "{got:?}"
        );
        assert_eq!(got.iter().filter(|(_, t)| t == "CTF").count(), 1, "{got:?}");
    }

    #[test]
    fn places_with_their_part_and_country_in_re3d_style() {
        let text = "Strikes hit northern Iraq and Palmyra, Syria. Troops left Iraq, Syria and \
                    Turkey. The airfield was hit.";
        let got = re3d_of(text);
        let places = of_kind(&got, "Location");
        assert_eq!(
            places,
            [
                "northern Iraq",
                "Palmyra, Syria",
                "Iraq",
                "Syria",
                "Turkey",
                "The airfield"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn people_named_by_their_office_in_re3d_style() {
        let text = "Minister for the Middle East Tobias Ellwood spoke. The Minister left. \
                    In Turkey Minister Ellwood met the Central Command spokesman and \
                    Lt. Gen. Stephen Townsend. The Ministers met.";
        let got = re3d_of(text);
        let people = of_kind(&got, "Person");
        assert_eq!(
            people,
            [
                "Minister for the Middle East Tobias Ellwood",
                "The Minister",
                "Minister Ellwood",
                "the Central Command spokesman",
                "Lt. Gen. Stephen Townsend"
            ],
            "{got:?}"
        );
        for e in Extractor::new().entities_styled(text, Style::Re3d) {
            assert_eq!(
                dechaff_schema::char_slice(text, e.start, e.end),
                Some(e.text.as_str())
            );
        }
    }

    #[test]
    fn groups_named_by_a_common_noun_in_re3d_style() {
        let text = "We thank our allies and the two leaders. Foreign fighters fled; \
                    40,000 civilians in Madaya wait. ISIL. The group left. \
                    The people of Mosul suffer. The U.S. forces stayed.";
        let got = re3d_of(text);
        let orgs = of_kind(&got, "Organisation");
        for group in [
            "our allies",
            "the two leaders",
            "Foreign fighters",
            "40,000 civilians",
            "The group",
            "The people of Mosul",
            "The U.S. forces",
        ] {
            assert!(orgs.contains(&group), "{group}: {got:?}");
        }
        // A sentence's stop ends the phrase.
        assert!(!orgs.iter().any(|o| o.contains("ISIL.")), "{got:?}");
        for e in Extractor::new().entities_styled(text, Style::Re3d) {
            assert_eq!(
                dechaff_schema::char_slice(text, e.start, e.end),
                Some(e.text.as_str())
            );
        }
    }
}
