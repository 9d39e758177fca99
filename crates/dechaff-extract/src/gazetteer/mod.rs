//! Gazetteers: names of systems, organisations, places, nationalities and people, as data.
//!
//! The files live in `data/` (see its README for what each holds and where its facts
//! come from) and are compiled into the binary, so extraction needs no files at run time
//! and never fetches anything. All aliases go into one Aho-Corasick automaton with
//! leftmost-longest semantics, which is what the "longest nested mention wins" convention
//! asks for; the build script compiles it (`aliases.rs` says which aliases, in which
//! order).

mod aliases;

use aliases::{all_rows, rows, File};
use daachorse::DoubleArrayAhoCorasick;
use dechaff_schema::EntityType;

const PREFIXES: &str = include_str!("../../data/designation-prefixes.tsv");

/// Every usable alias, compiled by `build.rs` into a leftmost-longest double-array
/// Aho-Corasick automaton whose value for each alias is its entry's index. Building
/// it took a third of the extractor's start-up; loading it is a copy.
static AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.daac"));

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

/// Ship prefixes that text matching leaves out, being common acronyms too ("CNS",
/// "BAE"), but that still mark a gazetteer alias as a ship's name ("CNS Liaoning").
const AMBIGUOUS_SHIP_PREFIXES: [&str; 7] = ["CNS", "PLANS", "BAE", "ARM", "KD", "RSS", "HS"];

pub struct Gazetteer {
    /// Values are indices into `entries`.
    automaton: DoubleArrayAhoCorasick<u32>,
    entries: Vec<Entry>,
    /// Designation prefixes ("Su", "MiG", "Kh") and the kind they usually denote.
    prefixes: Vec<(String, EntityType)>,
    /// Short forms of each system family ("Typhoon" of the Eurofighter Typhoon), by
    /// family id: see [`Gazetteer::short_forms`].
    short_forms: std::collections::HashMap<&'static str, Vec<(&'static str, usize)>>,
    /// Ships' names without their prefix, each with its entry: see
    /// [`Gazetteer::bare_ship_names`].
    bare_ship_names: Vec<(&'static str, usize)>,
    /// The names systems' aliases carry before a generic head, each with its entry,
    /// or `None` when two systems' aliases carry it: see
    /// [`Gazetteer::system_named_before_head`].
    names_before_heads: std::collections::HashMap<&'static str, Option<usize>>,
}

/// A gazetteer match, in byte offsets.
#[derive(Clone, Debug)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

impl Gazetteer {
    pub fn builtin() -> Gazetteer {
        let all = all_rows();
        let mut short_forms: std::collections::HashMap<&'static str, Vec<(&'static str, usize)>> =
            std::collections::HashMap::new();
        for (entry, row) in all.iter().enumerate() {
            for short in row.short_forms() {
                let family = row.fields.get(2).copied().unwrap_or(row.fields[0]);
                let forms = short_forms.entry(family).or_default();
                if !forms.iter().any(|(s, _)| *s == short) {
                    forms.push((short, entry));
                }
            }
        }
        let mut bare_ship_names: Vec<(&'static str, usize)> = Vec::new();
        for (entry, row) in all.iter().enumerate() {
            if row.file != File::Systems || row.fields.get(1) == Some(&"Weapon") {
                continue;
            }
            let aliases = row.fields.get(3).map_or("", |f| *f).split('|');
            for alias in aliases.chain([row.fields[0]]) {
                let bare = alias
                    .split_once(' ')
                    .and_then(|(prefix, name)| {
                        (crate::patterns::SHIP_PREFIXES.contains(&prefix)
                            || AMBIGUOUS_SHIP_PREFIXES.contains(&prefix))
                        .then_some(name)
                    })
                    .or_else(|| alias.strip_prefix("aircraft carrier "));
                let named = bare.filter(|name| {
                    name.starts_with(char::is_uppercase)
                        && !name.contains(|c: char| c.is_ascii_digit())
                        && !bare_ship_names.iter().any(|(n, _)| n == name)
                });
                if let Some(name) = named {
                    bare_ship_names.push((name, entry));
                }
            }
        }
        let mut names_before_heads: std::collections::HashMap<&'static str, Option<usize>> =
            std::collections::HashMap::new();
        for (entry, row) in all.iter().enumerate() {
            for name in row.names_before_heads() {
                names_before_heads
                    .entry(name)
                    .and_modify(|e| {
                        if *e != Some(entry) {
                            *e = None;
                        }
                    })
                    .or_insert(Some(entry));
            }
        }
        let entries = all
            .into_iter()
            .map(|row| {
                let r = &row.fields;
                let (kind, group) = match row.file {
                    File::Systems => (
                        match r.get(1).copied() {
                            Some("Weapon") => EntityType::Weapon,
                            Some("Vehicle") => EntityType::Vehicle,
                            _ => EntityType::MilitaryPlatform,
                        },
                        r.get(2).copied().unwrap_or(r[0]),
                    ),
                    File::Organisations => {
                        (EntityType::Organisation, r.get(1).copied().unwrap_or(""))
                    }
                    File::Locations | File::Cities => {
                        (EntityType::Location, r.get(1).copied().unwrap_or(""))
                    }
                    File::People => (EntityType::Person, r.get(1).copied().unwrap_or("")),
                    File::Nationalities => {
                        (EntityType::Nationality, r.get(1).copied().unwrap_or(""))
                    }
                };
                Entry {
                    kind,
                    canonical: r[0].to_string(),
                    group: group.to_string(),
                }
            })
            .collect();
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
        // Written by this crate's build script from the same rows: a failure here is
        // a build defect, not an input condition.
        let (automaton, _) = DoubleArrayAhoCorasick::<u32>::deserialize(AUTOMATON)
            .expect("the gazetteer automaton written by build.rs loads");
        let mut gazetteer = Gazetteer {
            automaton,
            entries,
            prefixes,
            short_forms,
            bare_ship_names,
            names_before_heads,
        };
        // A name that is a system's alias on its own ("Kinzhal") needs no head; one
        // that is a people, an organisation or a country ("Chinese", "America") names
        // those before a type noun too ("Chinese missiles").
        let named_alone: Vec<&'static str> = gazetteer
            .names_before_heads
            .keys()
            .copied()
            .filter(|name| {
                gazetteer.find(name).iter().any(|hit| {
                    let entry = &gazetteer.entries[hit.entry];
                    (hit.start, hit.end) == (0, name.len())
                        && match entry.kind {
                            EntityType::Location => {
                                matches!(entry.group.as_str(), "country" | "region" | "sea")
                            }
                            EntityType::Nationality | EntityType::Organisation => true,
                            kind => kind.is_system(),
                        }
                })
            })
            .collect();
        for name in named_alone {
            gazetteer.names_before_heads.remove(name);
        }
        // A place of several words that a ship is named after ("District of Columbia",
        // "Lake Erie") is that place when named bare.
        let long_places: Vec<&str> = gazetteer
            .bare_ship_names
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| {
                name.contains(' ')
                    && gazetteer.find(name).iter().any(|hit| {
                        (hit.start, hit.end) == (0, name.len())
                            && gazetteer.entry(hit.entry).kind == EntityType::Location
                    })
            })
            .collect();
        gazetteer
            .bare_ship_names
            .retain(|(name, _)| !long_places.contains(name));
        gazetteer
    }

    /// The names of the ships the gazetteer knows by a navy's prefix ("Liaoning" of
    /// "CNS Liaoning", "Tamal" of "INS Tamal"), each with its entry, in row order;
    /// not the places of several words. Many are places or people too: only context
    /// makes one a ship.
    pub fn bare_ship_names(&self) -> &[(&'static str, usize)] {
        &self.bare_ship_names
    }

    /// The system whose alias carries `name` before a generic head ("Narew" of the
    /// "Narew air defence system"), if one system's does and `name` is no system's
    /// alias on its own. On its own such a name is a river, a person or a word; before
    /// a type noun ("Narew batteries"), or in a text that names the system in full, it
    /// is the system.
    pub fn system_named_before_head(&self, name: &str) -> Option<usize> {
        self.names_before_heads.get(name).copied().flatten()
    }

    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    /// The short forms of the family of system `entry`, each with the entry it stands
    /// for: names such as "Typhoon", "Viper" or "Mirage" that are a storm, a snake or
    /// an illusion on their own, and the system once the text has named one of its
    /// family in full ("Eurofighter Typhoon" ... "the Typhoons"), as one sense per
    /// discourse has it.
    pub fn short_forms(&self, entry: usize) -> &[(&'static str, usize)] {
        self.short_forms
            .get(self.entries[entry].group.as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Whole-word matches of every alias in `text`.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.automaton
            .leftmost_find_iter(text)
            .filter_map(|m| {
                let entry = m.value() as usize;
                self.whole_word(text, m.start(), m.end(), entry)
                    .or_else(|| self.shorter_alias(text, m.start(), m.end()))
            })
            .collect()
    }

    /// The match of alias `entry` at `start..end` as a whole-word hit, if it is one.
    fn whole_word(
        &self,
        text: &str,
        mut start: usize,
        mut end: usize,
        entry: usize,
    ) -> Option<Hit> {
        let is_system = self.entries[entry].kind.is_system();
        if !is_word_boundary(text, start, end) {
            // A system's plural keeps its "s": "Patriots", "TB2s", "Type 26s"; and a
            // name ending in a number keeps a variant's letters glued on: "Mirage
            // 2000P", "Type 055A", "Su-35S".
            let glued = if is_system && text[..end].ends_with(|c: char| c.is_ascii_digit()) {
                glued_variant_len(&text[end..])
            } else {
                0
            };
            if is_system && text[end..].starts_with('s') && is_word_boundary(text, start, end + 1) {
                end += 1;
            } else if glued > 0 && is_word_boundary(text, start, end + glued) {
                end += glued;
            } else {
                return None;
            }
        }
        if is_system {
            start = with_equipment_prefix(text, start);
        }
        Some(Hit { start, end, entry })
    }

    /// When the longest alias at `start` is cut off inside a word ("Mk 54 lightweight
    /// torpedo" in "... torpedoes"), the longest shorter alias there that is a whole
    /// word ("Mk 54"): the automaton reports only the longest.
    fn shorter_alias(&self, text: &str, start: usize, end: usize) -> Option<Hit> {
        let mut cut = end;
        loop {
            cut = start + text[start..cut].trim_end().rfind(char::is_whitespace)?;
            let m = self
                .automaton
                .leftmost_find_iter(&text[start..cut])
                .next()
                .filter(|m| m.start() == 0)?;
            if let Some(hit) = self.whole_word(text, start, start + m.end(), m.value() as usize) {
                return Some(hit);
            }
        }
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
        self.media_entry(name).is_some()
    }

    /// The canonical name of the news outlet that `name` names in full, if it is one.
    pub fn media_name(&self, name: &str) -> Option<&str> {
        self.media_entry(name)
            .map(|e| self.entries[e].canonical.as_str())
    }

    fn media_entry(&self, name: &str) -> Option<usize> {
        self.find(name)
            .iter()
            .find(|h| h.start == 0 && h.end == name.len() && self.entries[h.entry].group == "media")
            .map(|h| h.entry)
    }
}

/// The length of a variant's mark glued to a name that ends in a number: one to three
/// capital letters and at most two digits ("P" of "Mirage 2000P", "MK2" of
/// "Su-30MK2"); 0 when the text goes on otherwise.
fn glued_variant_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let letters = bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let digits = bytes[letters..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if (1..=3).contains(&letters) && digits <= 2 {
        letters + digits
    } else {
        0
    }
}

/// Where a system's name that starts at `start` starts with the "AN/" that US equipment
/// designations keep ("AN/SPY-7", "AN/TPY-2"), whether the gazetteer or the designation
/// pattern found it.
pub fn with_equipment_prefix(text: &str, start: usize) -> usize {
    if text[..start].ends_with("AN/") {
        start - 3
    } else {
        start
    }
}

/// A match is a whole word when the characters around it are not letters or digits.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !joins(before) && !joins(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_before_a_head_stand_for_one_system_that_has_no_alias_of_that_name() {
        let gazetteer = Gazetteer::builtin();
        let named = |name| {
            gazetteer
                .system_named_before_head(name)
                .map(|e| gazetteer.entry(e).canonical.as_str())
        };
        assert_eq!(named("Narew"), Some("Narew air defence system"));
        assert_eq!(named("Asef"), Some("Asef anti-ship missile"));
        // An alias on its own ("Kinzhal"), a people ("Chinese") and a name two
        // systems' aliases carry ("Atlas") stand for none.
        assert_eq!(named("Kinzhal"), None);
        assert_eq!(named("Chinese"), None);
        assert_eq!(named("Atlas"), None);
    }

    /// The automaton the build script wrote holds every pattern of the rows the
    /// library reads, each standing for its own row: the two walks agree.
    #[test]
    fn built_automaton_matches_the_rows() {
        let gazetteer = Gazetteer::builtin();
        let rows = all_rows();
        assert_eq!(gazetteer.entries.len(), rows.len());
        let patterns = aliases::patterns(&rows);
        assert!(patterns.len() > 10_000, "{} patterns", patterns.len());
        assert!(patterns
            .iter()
            .any(|(name, _)| name == "People’s Liberation Army"));
        for (name, entry) in &patterns {
            let (name, entry) = (name.as_str(), *entry);
            let first = gazetteer.automaton.leftmost_find_iter(name).next();
            let found = first.map(|m| (m.start(), m.end(), m.value()));
            assert_eq!(found, Some((0, name.len(), entry)), "{name}");
        }
    }
}
