//! Gazetteers: names of systems, organisations, places, nationalities and people, as data.
//!
//! The files live in `data/` (see its README for what each holds and where its facts
//! come from) and are compiled into the binary, so extraction needs no files at run time
//! and never fetches anything. All aliases go into one Aho-Corasick automaton with
//! leftmost-longest semantics, which is what the "longest nested mention wins" convention
//! asks for.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dechaff_schema::EntityType;

const SYSTEMS: &str = include_str!("../data/systems.tsv");
const ORGANISATIONS: &str = include_str!("../data/organisations.tsv");
const LOCATIONS: &str = include_str!("../data/locations.tsv");
/// Larger cities, generated from GeoNames by `data/make-cities.py`.
const CITIES: &str = include_str!("../data/cities.tsv");
const NATIONALITIES: &str = include_str!("../data/nationalities.tsv");
const PEOPLE: &str = include_str!("../data/people.tsv");
const PREFIXES: &str = include_str!("../data/designation-prefixes.tsv");

/// What a gazetteer alias stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntityType,
    /// The canonical name (for systems, the variant's id).
    pub canonical: String,
    /// For systems, the family's canonical id; for organisations, their kind
    /// ("media", "military", ...); empty otherwise.
    pub group: String,
}

pub struct Gazetteer {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
    /// For each pattern, the entry it stands for.
    pattern_entry: Vec<usize>,
    /// Designation prefixes ("Su", "MiG", "Kh") and the kind they usually denote.
    prefixes: Vec<(String, EntityType)>,
}

/// A gazetteer match, in byte offsets.
#[derive(Clone, Debug)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// Data rows of a TSV file: no header, no comments, no blank lines.
fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
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

impl Gazetteer {
    pub fn builtin() -> Gazetteer {
        let mut entries = Vec::new();
        let mut patterns: Vec<&'static str> = Vec::new();
        let mut pattern_entry = Vec::new();
        let mut add = |entry: Entry, names: Vec<&'static str>| {
            let index = entries.len();
            let kind = entry.kind;
            entries.push(entry);
            for n in names {
                if let Some(n) = usable_alias(n, kind) {
                    patterns.push(n);
                    pattern_entry.push(index);
                }
            }
        };
        for r in rows(SYSTEMS) {
            let kind = match r.get(1).copied() {
                Some("Weapon") => EntityType::Weapon,
                Some("Vehicle") => EntityType::Vehicle,
                _ => EntityType::MilitaryPlatform,
            };
            let mut names: Vec<&str> = aliases(r.get(3)).collect();
            names.push(r[0]);
            add(
                Entry {
                    kind,
                    canonical: r[0].to_string(),
                    group: r.get(2).copied().unwrap_or(r[0]).to_string(),
                },
                names,
            );
        }
        for (file, kind) in [
            (ORGANISATIONS, EntityType::Organisation),
            (LOCATIONS, EntityType::Location),
            (CITIES, EntityType::Location),
            (PEOPLE, EntityType::Person),
        ] {
            for r in rows(file) {
                let mut names: Vec<&str> = aliases(r.get(2)).collect();
                names.push(r[0]);
                add(
                    Entry {
                        kind,
                        canonical: r[0].to_string(),
                        group: r.get(1).copied().unwrap_or("").to_string(),
                    },
                    names,
                );
            }
        }
        for r in rows(NATIONALITIES) {
            add(
                Entry {
                    kind: EntityType::Nationality,
                    canonical: r[0].to_string(),
                    group: r.get(1).copied().unwrap_or("").to_string(),
                },
                vec![r[0]],
            );
        }
        let prefixes = rows(PREFIXES)
            .map(|r| {
                let kind = if r.get(1) == Some(&"Weapon") {
                    EntityType::Weapon
                } else {
                    EntityType::MilitaryPlatform
                };
                (r[0].to_string(), kind)
            })
            .collect();
        // The data is compiled in and covered by tests; a failure here is a build
        // defect (an automaton too large), not an input condition.
        // Dense transitions for the root's children only: deeper dense states cost
        // start-up time (filling their failure transitions) and bought no search
        // speed on real pages.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .dense_depth(1)
            .build(&patterns)
            .expect("gazetteer automaton builds");
        Gazetteer {
            automaton,
            entries,
            pattern_entry,
            prefixes,
        }
    }

    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    /// Whole-word matches of every alias in `text`.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.automaton
            .find_iter(text)
            .filter_map(|m| {
                let entry = self.pattern_entry[m.pattern().as_usize()];
                let (start, mut end) = (m.start(), m.end());
                if !is_word_boundary(text, start, end) {
                    // A system's plural keeps its "s": "Patriots", "TB2s", "Type 26s".
                    let is_system = self.entries[entry].kind.is_system();
                    if !(is_system
                        && text[end..].starts_with('s')
                        && is_word_boundary(text, start, end + 1))
                    {
                        return None;
                    }
                    end += 1;
                }
                Some(Hit { start, end, entry })
            })
            .collect()
    }

    /// The kind a designation prefix ("Su" in "Su-34") usually denotes.
    pub fn prefix_kind(&self, prefix: &str) -> Option<EntityType> {
        self.prefixes
            .iter()
            .find(|(p, _)| p == prefix)
            .map(|(_, k)| *k)
    }

    /// Entries of one organisation kind ("media"), for source attribution.
    pub fn is_media(&self, name: &str) -> bool {
        self.find(name)
            .iter()
            .any(|h| h.start == 0 && h.end == name.len() && self.entries[h.entry].group == "media")
    }
}

/// An alias as the annotation conventions allow it to match, or `None`: spans are
/// minimal (a leading "the" is dropped; a direction word or a generic lowercase head
/// noun disqualifies)
/// and names are capitalised (an all-lowercase alias of a name would match generic
/// nouns such as "defence ministry"; German adjectives in the nationality list are the
/// exception).
fn usable_alias(alias: &'static str, kind: EntityType) -> Option<&'static str> {
    let alias = alias.strip_prefix("the ").unwrap_or(alias);
    if alias.chars().count() < 2 || alias.ends_with("'s") || alias.ends_with("’s") {
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
    if kind == EntityType::Nationality
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
    if kind != EntityType::Nationality
        && !kind.is_system()
        && alias.contains(' ')
        && last.chars().any(char::is_lowercase)
        && last
            .chars()
            .all(|c| c.is_lowercase() || !c.is_alphanumeric())
    {
        return None;
    }
    let has_upper = alias.chars().any(char::is_uppercase);
    if !has_upper && kind != EntityType::Nationality {
        return None;
    }
    Some(alias)
}

/// A match is a whole word when the characters around it are not letters or digits.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !joins(before) && !joins(after)
}
