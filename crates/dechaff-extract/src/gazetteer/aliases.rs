//! Which alias of which gazetteer row becomes a pattern, in which order.
//!
//! Shared by the library and its build script (`build.rs` includes this file): the
//! build script compiles the patterns into the automaton the library loads, and the
//! library reads the rows for what each pattern stands for. Both walk the rows here,
//! so pattern `i` of the automaton and entry of row `i` cannot drift apart. Plain
//! `std` only, as a build script has no access to the crate's other modules.

const SYSTEMS: &str = include_str!("../../data/systems.tsv");
const ORGANISATIONS: &str = include_str!("../../data/organisations.tsv");
const LOCATIONS: &str = include_str!("../../data/locations.tsv");
/// Larger cities, generated from GeoNames by `data/make-cities.py`.
const CITIES: &str = include_str!("../../data/cities.tsv");
const NATIONALITIES: &str = include_str!("../../data/nationalities.tsv");
const PEOPLE: &str = include_str!("../../data/people.tsv");

/// The gazetteer files, in the order their rows become entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum File {
    Systems,
    Organisations,
    Locations,
    Cities,
    People,
    Nationalities,
}

/// One row of a gazetteer file.
pub struct Row {
    pub file: File,
    /// The row's fields, trimmed.
    pub fields: Vec<&'static str>,
}

impl Row {
    /// The row's usable names (aliases, then the canonical name), in pattern order.
    fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        let aliases_field = match self.file {
            File::Nationalities => None,
            File::Systems => self.fields.get(3),
            _ => self.fields.get(2),
        };
        aliases(aliases_field)
            .filter(|a| !a.starts_with(SHORT_FORM_MARK))
            .chain([self.fields[0]])
            .filter_map(|n| usable_alias(n, self.file, self.is_media()))
    }

    /// Media write their own names in lower case ("dpa", "n-tv", "navalnews.com"):
    /// such a name is the outlet's, not a generic noun.
    fn is_media(&self) -> bool {
        self.file == File::Organisations && self.fields.get(1) == Some(&"media")
    }

    /// The names a system's aliases carry before a generic head ("Narew" of "Narew
    /// air defence system", "Asef" of "Asef anti-ship missile"): a river's or a
    /// person's name on its own, which only a type noun after it, or the alias in
    /// full elsewhere in the text, makes the system's.
    pub fn names_before_heads(&self) -> impl Iterator<Item = &'static str> + '_ {
        let field = match self.file {
            File::Systems => self.fields.get(3),
            _ => None,
        };
        aliases(field)
            .chain(field.map(|_| self.fields[0]))
            .filter_map(name_before_head)
    }

    /// A system's short forms (aliases written `~Typhoon`): names too ambiguous to
    /// match on their own, which stand for the system once a text has named it in
    /// full. They never enter the automaton.
    pub fn short_forms(&self) -> impl Iterator<Item = &'static str> + '_ {
        // Few rows have one: one byte search skips the others' aliases at start-up.
        let field = match self.file {
            File::Systems => self.fields.get(3).filter(|f| f.contains(SHORT_FORM_MARK)),
            _ => None,
        };
        aliases(field).filter_map(|a| a.strip_prefix(SHORT_FORM_MARK))
    }
}

/// The capitalised words of `alias` before its trailing lowercase head words, when it
/// has both ("Narew air defence system" gives "Narew"; "Su-34" and "Voyager KC3" give
/// none). A class name ("Arktika-class icebreaker") gives none: the class has its own
/// rule.
fn name_before_head(alias: &'static str) -> Option<&'static str> {
    let is_head_word = |w: &str| {
        w.chars().all(|c| c.is_lowercase() || c == '-') && w.chars().any(char::is_lowercase)
    };
    // The trailing run of head words, read from the end (every system alias is read
    // at start-up).
    let mut name_end = None;
    let mut rest = alias;
    while let Some((before, last)) = rest.rsplit_once(' ') {
        if !is_head_word(last) {
            break;
        }
        name_end = Some(before.len());
        rest = before;
    }
    let name = &alias[..name_end?];
    let capitalised = name
        .split(' ')
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    (capitalised
        && name.starts_with(char::is_uppercase)
        && name.chars().count() >= 3
        && name.split(' ').count() <= 2
        && !name.ends_with("-class")
        && !name.ends_with("-Klasse"))
    .then_some(name)
}

/// Marks a short form among a system's aliases.
const SHORT_FORM_MARK: char = '~';

/// Every row of every file, in entry order.
pub fn all_rows() -> Vec<Row> {
    let mut out = Vec::new();
    for (file, text) in [
        (File::Systems, SYSTEMS),
        (File::Organisations, ORGANISATIONS),
        (File::Locations, LOCATIONS),
        (File::Cities, CITIES),
        (File::People, PEOPLE),
        (File::Nationalities, NATIONALITIES),
    ] {
        out.extend(rows(text).map(|fields| Row { file, fields }));
    }
    out
}

/// Data rows of a TSV file: no header, no comments, no blank lines.
pub fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn aliases(field: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    field
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
}

/// An alias as the annotation conventions allow it to match, or `None`: spans are
/// minimal (a leading "the" is dropped; a direction word or a generic lowercase head
/// noun disqualifies)
/// and names are capitalised (an all-lowercase alias of a name would match generic
/// nouns such as "defence ministry"; German adjectives in the nationality list are the
/// exception).
fn usable_alias(alias: &'static str, file: File, lowercase_ok: bool) -> Option<&'static str> {
    let nationality = file == File::Nationalities;
    let system = file == File::Systems;
    let alias = alias.strip_prefix("the ").unwrap_or(alias);
    if alias.chars().count() < 2 || alias.ends_with("'s") || alias.ends_with("’s") {
        return None;
    }
    // "Rapid Support Forces (RSF)", "Security Service (UK)", "HMS Diamond (D34)": an
    // acronym in parentheses is a mention of its own (annotation rule 7), and a
    // disambiguating country is no part of a name. ("FFG(X)" and "CVR(T)" keep theirs.)
    if alias.contains(" (") {
        return None;
    }
    let first = alias.split_whitespace().next().unwrap_or("");
    const DIRECTIONS: [&str; 8] = [
        "northern",
        "southern",
        "eastern",
        "western",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
    ];
    if DIRECTIONS.contains(&first) {
        return None;
    }
    // "Turkish-made", "Iranian-backed": the nationality is the part before the hyphen.
    if nationality
        && alias
            .split_once('-')
            .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
    {
        return None;
    }
    // "North Korean army": a generic head noun is not part of a name. A system's alias
    // keeps it ("Gerbera drone", "Narew air defence system"): there it tells the
    // system from the flower or the river, and the mention is cut back to the name
    // when found.
    let last = alias.split_whitespace().last().unwrap_or("");
    if !nationality
        && !system
        && alias.contains(' ')
        && last.chars().any(char::is_lowercase)
        && last
            .chars()
            .all(|c| c.is_lowercase() || !c.is_alphanumeric())
    {
        return None;
    }
    let has_upper = alias.chars().any(char::is_uppercase);
    if !has_upper && !nationality && !lowercase_ok {
        return None;
    }
    Some(alias)
}

/// The patterns of the automaton, each with the index of the entry (row) it stands
/// for. An alias listed twice keeps its first row, as the first of two equal
/// patterns wins in a leftmost-longest search. An alias with an apostrophe is also
/// sought with the other one: news prints "People’s Liberation Army" as often as
/// "People's Liberation Army", and the files write one.
#[cfg_attr(not(test), allow(dead_code))] // Called by the build script and tests.
pub fn patterns(rows: &[Row]) -> Vec<(String, u32)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        for name in row.names() {
            let other_apostrophe = if name.contains('\'') {
                Some(name.replace('\'', "’"))
            } else if name.contains('’') {
                Some(name.replace('’', "'"))
            } else {
                None
            };
            let german = if row.file == File::Systems {
                german_spellings(name)
            } else {
                Vec::new()
            };
            for pattern in std::iter::once(name.to_string())
                .chain(other_apostrophe)
                .chain(german)
            {
                if seen.insert(pattern.clone()) {
                    out.push((pattern, index as u32));
                }
            }
        }
    }
    out
}

/// How German writes a Russian system's name, when it differs: the makers' names
/// ("Suchoi Su-30", "Iljuschin Il-20", also before a bare designation, as German news
/// prints them), the "Kh-" of air-launched missiles ("Ch-101") and the transliterated
/// names ("Kinschal", "Oreschnik", "Jasen"). Written by rule here, not listed in the
/// files: the rule covers every alias of every such system at once.
fn german_spellings(alias: &str) -> Vec<String> {
    let respelled = german_spelling(alias);
    let base = respelled.as_deref().unwrap_or(alias);
    let maker = [("Su-", "Suchoi"), ("Il-", "Iljuschin"), ("Tu-", "Tupolew")]
        .iter()
        .find(|(prefix, _)| base.starts_with(prefix))
        .map(|(_, maker)| format!("{maker} {base}"));
    respelled.into_iter().chain(maker).collect()
}

fn german_spelling(alias: &str) -> Option<String> {
    const WORDS: [(&str, &str); 14] = [
        ("Sukhoi", "Suchoi"),
        ("Ilyushin", "Iljuschin"),
        ("Tupolev", "Tupolew"),
        ("Mikoyan", "Mikojan"),
        ("Yakovlev", "Jakowlew"),
        ("Beriev", "Berijew"),
        ("Kinzhal", "Kinschal"),
        ("Oreshnik", "Oreschnik"),
        ("Yars", "Jars"),
        ("Burevestnik", "Burewestnik"),
        ("Avangard", "Awangard"),
        ("Yasen", "Jasen"),
        ("Pantsir", "Panzir"),
        ("Bulava", "Bulawa"),
    ];
    let mut german = alias.to_string();
    if let Some(rest) = german.strip_prefix("Kh-") {
        german = format!("Ch-{rest}");
    }
    for (english, in_german) in WORDS {
        // Whole words, or a word's start before a hyphen ("Yasen-M", "Pantsir-S1").
        let mut from = 0;
        while let Some(i) = german[from..].find(english) {
            let at = from + i;
            let end = at + english.len();
            let starts_word = german[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let ends_word = german[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if starts_word && ends_word {
                german.replace_range(at..end, in_german);
                from = at + in_german.len();
            } else {
                from = end;
            }
        }
    }
    (german != alias).then_some(german)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_spellings_of_russian_systems_are_written_by_rule() {
        assert_eq!(german_spellings("Kh-47M2 Kinzhal"), ["Ch-47M2 Kinschal"]);
        assert_eq!(german_spellings("Yasen-M"), ["Jasen-M"]);
        assert_eq!(german_spellings("Sukhoi Su-30"), ["Suchoi Su-30"]);
        assert_eq!(german_spellings("Il-20M"), ["Iljuschin Il-20M"]);
        // Whole words only, and nothing for a name German writes the same way.
        assert!(german_spellings("Yarsk-2").is_empty());
        assert!(german_spellings("Kalibr").is_empty());
        assert!(german_spellings("Shahed-136").is_empty());
    }
}
