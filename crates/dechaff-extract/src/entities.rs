//! Entity recognition: gazetteer names, shape patterns and context rules, merged so
//! that of overlapping candidates the longest wins.

use crate::context::{
    companies_by_legal_form, defined_acronyms, german_counts, is_calendar_word, is_german,
    join_time_ranges, names_before_nouns, organisations_after_roles, persons_by_given_name,
    persons_in_apposition, places_after_prepositions, reporting_names, time_spans,
};
use crate::gazetteer::{is_word_boundary, with_equipment_prefix, Gazetteer};
use crate::patterns::{designation, designation_context, not_a_name, patterns, Gated, Pattern};
use dechaff_schema::{Entity, EntityType};
use regex::Regex;
use std::collections::{HashMap, HashSet};

/// Capitalised words that start sentences, not names: a head-word rule that swept one
/// in ("The Syrian Arab Army") gives it back.
const LEADING_NOISE: &[&str] = &[
    "The",
    // After a dropped preposition: "Under the Geneva Agreement".
    "the",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "For",
    "From",
    "By",
    "With",
    "And",
    "But",
    "As",
    "Since",
    "After",
    "Before",
    "When",
    "While",
    "According",
    "Also",
    "Both",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "Meanwhile",
    "However",
    "Under",
    "Last",
    "Earlier",
    "Later",
    "Then",
    "Now",
    "If",
    "Once",
    "Both",
    "Several",
    "Two",
    "Three",
    "Some",
    "Many",
    "Most",
    "All",
    "Other",
    "New",
    "Former",
    "Ex",
    "Der",
    "Die",
    "Das",
    "Im",
    "Am",
    "Laut",
    "Nach",
];

/// A mention one rule proposes; [`select_longest`] picks among overlapping ones.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: EntityType,
    /// Higher wins among candidates of equal length.
    pub(crate) priority: u8,
    /// The gazetteer entry behind a name, for its canonical form.
    pub(crate) entry: Option<usize>,
}

pub struct Recognizer {
    gazetteer: Gazetteer,
    patterns: Vec<Pattern>,
    designation: Regex,
    designation_context: Regex,
    not_a_name: Regex,
    ship_name: Gated,
    ship_name_before_type: Gated,
    ship_name_in_apposition: Gated,
    ship_with_pennant: Regex,
    civilian_vessel: Gated,
    speaker: Regex,
    civilian_vessel_before_type: Gated,
    /// The automaton of the gazetteer's bare ship names
    /// ([`Gazetteer::bare_ship_names`]), pattern for pattern.
    bare_ships: aho_corasick::AhoCorasick,
}

impl Recognizer {
    pub fn new() -> Recognizer {
        let gazetteer = Gazetteer::builtin();
        // Constant data: a failure to build is a build defect.
        let bare_ships = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(gazetteer.bare_ship_names().iter().map(|(name, _)| name))
            .expect("the bare ship names build an automaton");
        Recognizer {
            bare_ships,
            gazetteer,
            patterns: patterns(),
            designation: designation(),
            designation_context: designation_context(),
            not_a_name: not_a_name(),
            ship_name: crate::patterns::ship_name(),
            ship_name_before_type: crate::patterns::ship_name_before_type(),
            ship_name_in_apposition: crate::patterns::ship_name_in_apposition(),
            ship_with_pennant: crate::patterns::ship_with_pennant(),
            civilian_vessel: crate::patterns::civilian_vessel(),
            speaker: crate::patterns::speaker(),
            civilian_vessel_before_type: crate::patterns::civilian_vessel_before_type(),
        }
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every entity in `text`, sorted, non-overlapping, offsets in characters.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        let mut candidates = Vec::new();
        for hit in self.gazetteer.find(text) {
            // "The Australian" and "The National" are newspapers, but not in "The
            // Australian Army" or "The National Intelligence Service": a name that opens
            // with "The" and runs on into more capitalised words is another name.
            if text[hit.start..hit.end].starts_with("The ")
                && text[hit.end..]
                    .strip_prefix(' ')
                    .is_some_and(|rest| rest.starts_with(char::is_uppercase))
            {
                continue;
            }
            let mut kind = self.gazetteer.entry(hit.entry).kind;
            // Only a country's abbreviation is an adjective ("US troops"); a city's is
            // not ("the D.C. metro area").
            if kind == EntityType::Location
                && self.gazetteer.entry(hit.entry).group == "country"
                && is_adjectival_abbreviation(text, hit.start, hit.end)
            {
                kind = EntityType::Nationality;
            }
            // An alias may carry a generic head the conventions leave out ("Gerbera
            // drone", "submarine Kazan"): the head disambiguates the match, the
            // mention is the name.
            let (start, end) = if kind.is_system() {
                strip_generic_head(text, hit.start, hit.end)
            } else {
                (hit.start, hit.end)
            };
            let trimmed = (start, end) != (hit.start, hit.end);
            candidates.push(Candidate {
                start,
                end,
                kind,
                // Above the ship-name rule, which finds the same name without its
                // canonical entry.
                priority: NAME_PRIORITY + if trimmed { 3 } else { 1 },
                entry: Some(hit.entry),
            });
        }
        // "KYIV, March 10 (Reuters) -", "NEW DELHI —": a dateline's place, in capitals.
        for (start, end, entry) in self.datelines(text) {
            candidates.push(Candidate {
                start,
                end,
                kind: EntityType::Location,
                priority: NAME_PRIORITY + 1,
                entry: Some(entry),
            });
        }
        // "DUBAI, April 13 (Harbour Wire) -": the agency that filed the story, and its
        // name wherever else the text gives it ("told VESTA").
        let agencies = dateline_agencies(text);
        let mut agency_names: Vec<&str> = agencies.iter().map(|&(s, e)| &text[s..e]).collect();
        agency_names.sort_unstable();
        agency_names.dedup();
        for (start, end) in leftmost_longest(text, &agency_names) {
            if is_word_boundary(text, start, end) {
                candidates.push(Candidate {
                    start,
                    end,
                    kind: EntityType::Organisation,
                    priority: NAME_PRIORITY,
                    entry: None,
                });
            }
        }
        // "the carrier Shandong", "HMS Trent", "the Shandong aircraft carrier": a ship's
        // name, even when a place shares it, is a platform; and so are its other
        // mentions in the text ("the Shandong's movements").
        let named_by_gazetteer: std::collections::HashMap<(usize, usize), EntityType> = candidates
            .iter()
            .map(|c| ((c.start, c.end), c.kind))
            .collect();
        let mut ship_names: HashSet<&str> = HashSet::new();
        let after_type = self.ship_name.captures_iter(text).flat_map(|c| {
            let mut ships = Vec::new();
            if let Some(m) = c.get(1).or(c.get(2)) {
                ships.push((m.start(), m.end(), c.get(2).is_some()));
                // "the carriers Liaoning and Shandong": a plural type names a list.
                let plural = c.get(1).is_some()
                    && c.get(0).is_some_and(|w| {
                        let kind = text[w.start()..m.start()].trim_end();
                        kind.strip_suffix(" such as").unwrap_or(kind).ends_with('s')
                    });
                if plural {
                    ships.extend(
                        listed_names(text, m.end())
                            .into_iter()
                            .map(|(s, e)| (s, e, false)),
                    );
                }
            }
            ships
        });
        let before_type = self
            .ship_name_before_type
            .captures_iter(text)
            .filter_map(|c| c.get(1))
            .filter(|m| {
                // "the Chinese aircraft carrier", "the Northern Fleet frigate": a people
                // or a force before the type is not the ship's name; a place's or a
                // known ship's name is.
                let known = named_by_gazetteer.get(&(m.start(), m.end()));
                let last = m.as_str().rsplit(' ').next().unwrap_or("");
                let last = last.trim_end_matches("’s").trim_end_matches("'s");
                !matches!(
                    known,
                    Some(EntityType::Nationality | EntityType::Organisation | EntityType::Person)
                ) && !FORCE_HEADS.contains(&last)
            })
            .map(|m| (m.start(), m.end(), false));
        // "Nanchang (101)": a pennant number makes a ship of a name with a letter
        // prefix ("(D37)"), of a place's name (navies name ships after cities), or of
        // a name in a list of such ("Nanchang (101), Lhasa (102)"); a lone bare number
        // after a person's name is an age.
        // (name start, name end, end of the parenthesis, a ship on its own, number).
        type Pennant = (usize, usize, usize, bool, (usize, usize));
        let pennants: Vec<Pennant> = self
            .ship_with_pennant
            .captures_iter(text)
            .filter_map(|c| {
                let (whole, name, number) = (c.get(0)?, c.get(1)?, c.get(2)?);
                let place = named_by_gazetteer.get(&(name.start(), name.end()))
                    == Some(&EntityType::Location);
                Some((
                    name.start(),
                    name.end(),
                    whole.end(),
                    c.get(3).is_some() || place,
                    (number.start(), number.end()),
                ))
            })
            .collect();
        let listed = |i: usize| {
            let near = |a: usize, b: usize| {
                b >= a && b - a <= 6 && matches!(text[a..b].trim(), "," | "and" | ", and")
            };
            (i > 0 && near(pennants[i - 1].2, pennants[i].0))
                || (i + 1 < pennants.len() && near(pennants[i].2, pennants[i + 1].0))
        };
        let ships_with_pennant: Vec<usize> = (0..pennants.len())
            .filter(|&i| pennants[i].3 || listed(i))
            .collect();
        // The pennant number of a ship is its identifier.
        for &i in &ships_with_pennant {
            let (start, end) = pennants[i].4;
            candidates.push(Candidate {
                start,
                end,
                kind: EntityType::CommsIdentifier,
                priority: NAME_PRIORITY + 2,
                entry: None,
            });
        }
        let with_pennant = ships_with_pennant
            .iter()
            .map(|&i| (pennants[i].0, pennants[i].1, false));
        let in_apposition = self
            .ship_name_in_apposition
            .captures_iter(text)
            .filter_map(|c| c.get(1))
            .filter(|m| {
                // A people, a force or a person is no ship's name; a place's is, as
                // navies name ships after cities.
                named_by_gazetteer
                    .get(&(m.start(), m.end()))
                    .is_none_or(|k| *k == EntityType::Location)
            })
            .map(|m| (m.start(), m.end(), false));
        let found: Vec<(usize, usize, bool)> = after_type
            .chain(before_type)
            .chain(in_apposition)
            .chain(with_pennant)
            .collect();
        for (start, end, prefixed) in found {
            let (start, end) = self.trim(text, start, end, EntityType::MilitaryPlatform);
            // "HMAS Stirling", "INS Hansa": shore bases named like ships, which the
            // gazetteer knows by the whole name, prefix and all.
            if prefixed && named_by_gazetteer.get(&(start, end)) == Some(&EntityType::Location) {
                continue;
            }
            candidates.push(Candidate {
                start,
                end,
                kind: EntityType::MilitaryPlatform,
                priority: NAME_PRIORITY + 2,
                entry: None,
            });
            let name = &text[start..end];
            // The bare name of a prefixed ship ("Trent" of "HMS Trent") is the ship too.
            let bare = name.split_once(' ').filter(|_| prefixed).map(|(_, b)| b);
            ship_names.insert(bare.unwrap_or(name));
        }
        candidates.extend(self.mentions_of(
            text,
            &ship_names,
            EntityType::MilitaryPlatform,
            NAME_PRIORITY + 2,
            false,
        ));
        candidates.extend(self.bare_ship_mentions(text));
        // "the tanker Eagle S", "the bulk carriers Magic Seas and Eternity C": civilian
        // vessels, and their later mentions.
        let mut vessel_names: HashSet<&str> = HashSet::new();
        let after_type = self.civilian_vessel.captures_iter(text);
        let before_type = self
            .civilian_vessel_before_type
            .captures_iter(text)
            .filter(|c| {
                // "the Chinese bulk carrier", "the Liberian-flagged tanker": a people,
                // a place or a flag is not the name.
                c.get(1).is_some_and(|m| {
                    let known = named_by_gazetteer.get(&(m.start(), m.end()));
                    known.is_none() && !m.as_str().ends_with("-flagged")
                })
            });
        // "the patrol icebreaker Ivan Papanin": a navy's ship of a civilian type.
        let mut armed_vessel_names: HashSet<&str> = HashSet::new();
        for c in after_type.chain(before_type) {
            let Some(m) = c.get(1) else {
                continue;
            };
            let armed = c.get(0).is_some_and(|whole| {
                let before = text[..whole.start()].trim_end();
                ARMED_VESSEL_WORDS.iter().any(|w| {
                    before.ends_with(w)
                        && is_word_boundary(text, before.len() - w.len(), before.len())
                })
            });
            // "the tanker RFA Tidespring": a navy's prefix makes a navy's ship.
            let naval_prefix = m
                .as_str()
                .split_once(' ')
                .is_some_and(|(prefix, _)| crate::patterns::SHIP_PREFIXES.contains(&prefix));
            let (kind, names) = if armed || naval_prefix {
                (EntityType::MilitaryPlatform, &mut armed_vessel_names)
            } else {
                (EntityType::Vehicle, &mut vessel_names)
            };
            let mut at = m.start();
            for name in m.as_str().split(", ").flat_map(|n| n.split(" and ")) {
                let start = at + m.as_str()[at - m.start()..].find(name).unwrap_or(0);
                at = start + name.len();
                let (start, end) = self.trim(text, start, at, kind);
                if start < end && is_word_boundary(text, start, end) {
                    names.insert(&text[start..end]);
                    // The mention beside its type ("the tanker Jaguar"), which the
                    // later-mention search below takes only after "the".
                    candidates.push(Candidate {
                        start,
                        end,
                        kind,
                        priority: NAME_PRIORITY + 4,
                        entry: None,
                    });
                }
            }
        }
        // Above gazetteer names: "Jaguar" the tanker is not the jet.
        candidates.extend(self.mentions_of(
            text,
            &vessel_names,
            EntityType::Vehicle,
            NAME_PRIORITY + 4,
            true,
        ));
        candidates.extend(self.mentions_of(
            text,
            &armed_vessel_names,
            EntityType::MilitaryPlatform,
            NAME_PRIORITY + 4,
            true,
        ));
        // "… ,” said Kaarel Tamm, a former officer": the speaker is a person, unless the
        // gazetteer knows the words as something else ("said Lockheed Martin.").
        for c in self.speaker.captures_iter(text) {
            let Some(m) = c.get(1) else { continue };
            let known_otherwise = self
                .gazetteer
                .find(m.as_str())
                .iter()
                .any(|h| self.gazetteer.entry(h.entry).kind != EntityType::Person);
            if !known_otherwise && !self.not_a_name.is_match(m.as_str()) {
                candidates.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    kind: EntityType::Person,
                    priority: NAME_PRIORITY,
                    entry: None,
                });
            }
        }
        for m in self.designation.find_iter(text) {
            // Part of a longer identifier ("N00019-25-C-0011", a contract's number), or a
            // number padded with zeros, as serials are and designations are not.
            let in_identifier = text[..m.start()]
                .strip_suffix('-')
                .is_some_and(|before| before.ends_with(|c: char| c.is_ascii_alphanumeric()));
            let padded = m
                .as_str()
                .split('-')
                .nth(1)
                .is_some_and(|n| n.starts_with("00"));
            if in_identifier || padded {
                continue;
            }
            let prefix = m.as_str().split('-').next().unwrap_or("");
            let context = self.designation_context.captures(&text[m.end()..]);
            let kind = match context {
                Some(c) if c.get(1).is_some() => Some(EntityType::Weapon),
                Some(c) if c.get(2).is_some() => self
                    .gazetteer
                    .prefix_kind(prefix)
                    .or(Some(EntityType::MilitaryPlatform)),
                _ => self.gazetteer.prefix_kind(prefix),
            };
            if let Some(kind) = kind {
                let start = with_equipment_prefix(text, m.start());
                candidates.push(Candidate {
                    start,
                    end: m.end(),
                    kind,
                    priority: NAME_PRIORITY,
                    entry: None,
                });
            }
        }
        // "the Navy", "Army officials": a branch named on its own is the force of the
        // country the text is about; after a capitalised word it is part of a longer
        // name ("Indian Navy"), which the head-word rules find.
        for (at, _) in text.match_indices(BARE_FORCES) {
            let Some(branch) = BARE_FORCE_NAMES
                .iter()
                .find(|b| text[at..].starts_with(**b))
            else {
                continue;
            };
            let end = at + branch.len();
            let previous = text[..at].split_whitespace().next_back().unwrap_or("");
            let after_name = previous.chars().next().is_some_and(char::is_uppercase)
                && previous != "The"
                && !previous.ends_with(['.', ',', ';', ':', '!', '?']);
            if !after_name && is_word_boundary(text, at, end) && !text[..at].ends_with('-') {
                candidates.push(Candidate {
                    start: at,
                    end,
                    kind: EntityType::Organisation,
                    priority: 1,
                    entry: None,
                });
            }
        }
        candidates.extend(persons_by_given_name(text));
        // A name in apposition to a role is a person's unless it overlaps a name the
        // gazetteer knows as something else ("General Dynamics, a leader in ..."); a
        // known person's name inside it is a part ("Hafez al-Assad").
        let mut known: Vec<(usize, usize, bool)> = candidates
            .iter()
            .filter(|c| c.entry.is_some())
            .map(|c| (c.start, c.end, c.kind == EntityType::Person))
            .collect();
        known.sort_unstable();
        // Sorted by start, and no longer than the longest: the names that can overlap
        // a span are a run found by binary search (a scan of all of them for each
        // apposition made a long text quadratic).
        let longest = known.iter().map(|&(s, e, _)| e - s).max().unwrap_or(0);
        candidates.extend(persons_in_apposition(text).into_iter().filter(|c| {
            let from = known.partition_point(|&(s, _, _)| s + longest < c.start);
            !known[from..]
                .iter()
                .take_while(|&&(s, _, _)| s < c.end)
                .any(|&(s, e, person)| c.start < e && !(person && c.start <= s && e <= c.end))
        }));
        candidates.extend(time_spans(text));
        // A class the gazetteer knows keeps the gazetteer's mention, which carries
        // its canonical entry; the noun's own outranks only other kinds (a place).
        // A weapon named by its head noun only when the gazetteer knows the name as
        // nothing ("Iranian missiles", "Hezbollah missiles" keep their kinds).
        candidates.extend(names_before_nouns(text).into_iter().filter(|c| {
            let known = named_by_gazetteer.get(&(c.start, c.end));
            known != Some(&c.kind) && !(c.kind == EntityType::Weapon && known.is_some())
        }));
        let starts = crate::patterns::Starts::of(text);
        for p in &self.patterns {
            for (start, end) in p.spans(text, &starts) {
                if !(p.accept)(&text[start..end]) {
                    continue;
                }
                let (start, end) = self.trim(text, start, end, p.kind);
                if start >= end
                    || !is_word_boundary(text, start, end) && p.kind != EntityType::Money
                {
                    continue;
                }
                // "Pillar 2 covers", "Lot 18 accounts", "Jelcz 663 trucks": a number right
                // after a capitalised word is part of a name, not a count.
                // A calibre closed up on its number is a measure wherever it stands
                // ("a Bushmaster Mk44S 30mm cannon").
                if p.kind == EntityType::Quantity
                    && text[start..].starts_with(|c: char| c.is_ascii_digit())
                    && !is_calibre(&text[start..end])
                {
                    // "promised Ukraine 300 tanks": a country, a force or a person
                    // before the count is its receiver, not a name with a number.
                    if let Some(word_start) = after_a_name_word(text, start) {
                        let receiver = named_by_gazetteer
                            .get(&(word_start, start - 1))
                            .is_some_and(|k| {
                                matches!(
                                    k,
                                    EntityType::Location
                                        | EntityType::Organisation
                                        | EntityType::Nationality
                                        | EntityType::Person
                                )
                            });
                        if !receiver {
                            continue;
                        }
                    }
                }
                // "34 jets" inside "Su-34 jets" is the tail of a designation.
                let after_hyphen = text[..start].ends_with('-');
                if after_hyphen && matches!(p.kind, EntityType::Quantity | EntityType::Temporal) {
                    continue;
                }
                // "spokesman Rear Admiral Daniel Hagari": the title after the first is no
                // part of the name either.
                let start = if p.kind == EntityType::Person {
                    start + crate::patterns::leading_titles_len(&text[start..end])
                } else {
                    start
                };
                // "Chief of the Defence Force Admiral David Johnston": an office's name
                // ends where a title and a person's name begin.
                let end = if p.kind == EntityType::Organisation {
                    let span = &text[start..end];
                    span.match_indices(' ')
                        .map(|(i, _)| i)
                        .find(|&i| crate::patterns::leading_titles_len(&span[i + 1..]) > 0)
                        .map_or(end, |i| start + i)
                } else {
                    end
                };
                if p.kind == EntityType::Person && self.not_a_name.is_match(&text[start..end]) {
                    continue;
                }
                // "US Army and US Marine Corps": two forces, not one.
                let parts = if p.kind == EntityType::Organisation {
                    let named = |s: usize, e: usize| named_by_gazetteer.get(&(s, e)).copied();
                    split_coordinated_forces(text, start, end, named)
                } else {
                    [(start, end), (end, end)]
                };
                for (start, end) in parts.into_iter().filter(|(s, e)| s < e) {
                    candidates.push(Candidate {
                        start,
                        end,
                        kind: p.kind,
                        priority: p.priority,
                        entry: None,
                    });
                }
            }
        }
        let mut chosen = select_longest(candidates);
        // Operations and exercises ("Aspides", "Prosperity Guardian") are no entities
        // (annotation rule 13): listed, they win their span from the shorter names
        // inside them, and then leave.
        let is_operation = |c: &Candidate| {
            c.entry
                .is_some_and(|e| self.gazetteer.entry(e).group == "operation")
        };
        let operations: Vec<(usize, usize)> = chosen
            .iter()
            .filter(|c| is_operation(c))
            .map(|c| (c.start, c.end))
            .collect();
        chosen.retain(|c| !is_operation(c));
        ships_named_in_apposition(text, &mut chosen);
        self.join_system_names(text, &mut chosen);
        self.join_national_subsidiaries(text, &mut chosen);
        self.systems_named_before_their_type(text, &mut chosen);
        self.propagate_short_forms(text, &operations, &mut chosen);
        self.propagate_surnames(text, &mut chosen);
        defined_acronyms(text, &mut chosen);
        reporting_names(text, &mut chosen);
        // Both rules read German's capitalised nouns differently from English names.
        let german = is_german(text);
        organisations_after_roles(text, german, &mut chosen);
        companies_by_legal_form(text, &mut chosen);
        places_after_prepositions(text, german, &mut chosen);
        german_counts(text, german, &mut chosen);
        if german {
            self.german_genitives(text, &mut chosen);
        }
        join_time_ranges(text, &mut chosen);
        to_entities(text, chosen, &self.gazetteer)
    }

    /// Drops leading sentence words and trailing possessives from a rule match.
    fn trim(
        &self,
        text: &str,
        mut start: usize,
        mut end: usize,
        kind: EntityType,
    ) -> (usize, usize) {
        let class_name = kind == EntityType::MilitaryPlatform
            && (text[start..end].ends_with("-class") || text[start..end].ends_with("-Klasse"));
        if class_name
            || matches!(
                kind,
                EntityType::Organisation
                    | EntityType::Location
                    | EntityType::Person
                    | EntityType::DocumentReference
            )
        {
            // A name does not run across a line break or a sentence end:
            // "Bozdoğan. The US Navy" is "US Navy". The stop of an abbreviation ("U.S.
            // Navy", "Gen. Smith") is not an end: the word before it has four letters
            // or more and no stop inside.
            let span = &text[start..end];
            if let Some(cut) = span.rmatch_indices('.').find_map(|(i, _)| {
                let after_stop = span[i + 1..].starts_with(char::is_whitespace);
                let word = span[..i].rsplit(char::is_whitespace).next().unwrap_or("");
                (after_stop && word.chars().count() >= 4 && !word.contains('.')).then_some(i + 1)
            }) {
                start += cut;
            }
            if let Some(line_break) = text[start..end].rfind('\n') {
                start += line_break + 1;
            }
            start += text[start..end].len() - text[start..end].trim_start().len();
            // "Expect the Black Sea Fleet", "Whether the European Commission": a
            // sentence's first word and "the" before a name are not part of it; nor,
            // once "In" is gone, is "June" in "In June the Wagner Group".
            let sentence_word_and_the = |start: &mut usize| {
                if kind != EntityType::Person {
                    let rest = &text[*start..end];
                    if let Some((first, _)) = rest.split_once(" the ") {
                        if !first.contains(' ') && first.len() < rest.len() {
                            *start += first.len() + " the ".len();
                        }
                    }
                }
            };
            sentence_word_and_the(&mut start);
            loop {
                let rest = &text[start..end];
                let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                if word_end < rest.len() && LEADING_NOISE.contains(&&rest[..word_end]) {
                    start += word_end;
                    start += text[start..end].len() - text[start..end].trim_start().len();
                } else {
                    break;
                }
            }
            sentence_word_and_the(&mut start);
            // "the Seoul-based Center for ...", "the Kyiv-based Razumkov Centre": where
            // an organisation sits is said of it, not part of its name.
            if kind == EntityType::Organisation {
                let rest = &text[start..end];
                if let Some((word, _)) = rest.split_once(' ') {
                    let said_of = word.starts_with(char::is_uppercase)
                        && word.rsplit_once('-').is_some_and(|(_, tail)| {
                            !tail.is_empty() && tail.chars().all(|c| c.is_ascii_lowercase())
                        });
                    if said_of {
                        start += word.len() + 1;
                    }
                }
            }
            // "Sir Keir Starmer": an honour is a title, not part of the name.
            if kind == EntityType::Person {
                for honour in ["Sir ", "Dame "] {
                    if text[start..end].starts_with(honour)
                        && text[start + honour.len()..end].contains(' ')
                    {
                        start += honour.len();
                    }
                }
            }
        }
        if class_name {
            start = self.class_name_start(text, start, end);
        }
        // "the National Defense Authorization Act of December 2023", "the Treaty of
        // Rome in May": a date after the name is no part of it.
        if kind == EntityType::DocumentReference {
            let span = &text[start..end];
            let dated = [" of ", " in "].iter().find_map(|connector| {
                span.match_indices(connector).map(|(i, _)| i).find(|&i| {
                    let next = span[i + connector.len()..]
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("");
                    crate::context::is_calendar_word(next)
                })
            });
            if let Some(cut) = dated {
                end = start + cut;
            }
        }
        // "a.m." and "p.m." keep their stop.
        let clock = text[start..end].ends_with("a.m.") || text[start..end].ends_with("p.m.");
        for suffix in ["’s", "'s", ".", ","] {
            if suffix == "." && clock {
                continue;
            }
            if text[start..end].ends_with(suffix) && end - start > suffix.len() {
                end -= suffix.len();
            }
        }
        (start, end)
    }

    /// Where a class name starts once the words before it that name its owner or count
    /// its boats are dropped: "US Virginia-class" and "Royal Navy Astute-class" are the
    /// Virginia and Astute classes, "First Virginia-class" is one boat of it. The word
    /// joined to "-class" always stays ("Fridtjof Nansen-class" keeps both words).
    fn class_name_start(&self, text: &str, mut start: usize, end: usize) -> usize {
        const COUNTING_WORDS: &[&str] = &[
            "First", "Second", "Third", "Fourth", "Fifth", "Next", "Two", "Three", "Four", "Five",
            "Six", "Eight", "Twelve", "All", "Some", "More", "Older", "Newer",
        ];
        loop {
            let span = &text[start..end];
            // The start of the word joined to "-class".
            let Some(last_word) = span.rfind(' ').map(|i| i + 1) else {
                return start;
            };
            let first_end = span.find(' ').unwrap_or(span.len());
            let owner = self
                .gazetteer
                .find(&span[..last_word])
                .into_iter()
                .find(|h| {
                    h.start == 0
                        && matches!(
                            self.gazetteer.entry(h.entry).kind,
                            EntityType::Nationality
                                | EntityType::Location
                                | EntityType::Organisation
                        )
                })
                .map(|h| h.end);
            let drop = match owner {
                Some(owner_end) if owner_end < last_word => owner_end,
                _ if COUNTING_WORDS.contains(&&span[..first_end]) && first_end < last_word => {
                    first_end
                }
                _ => return start,
            };
            start += drop;
            start += text[start..end].len() - text[start..end].trim_start().len();
        }
    }

    /// Every mention of names found by context earlier in the text, typed `kind`: after
    /// "the" ("the Shandong's movements", "the Liaoning and the Shandong": with "the", a
    /// name that is also a place, such as "Minsk", is the ship), or anywhere when
    /// `multiword_anywhere` and the name has two words or more ("Galaxy Leader seized").
    fn mentions_of(
        &self,
        text: &str,
        names: &HashSet<&str>,
        kind: EntityType,
        priority: u8,
        multiword_anywhere: bool,
    ) -> Vec<Candidate> {
        let names: Vec<&str> = names.iter().copied().filter(|n| n.len() > 2).collect();
        if names.is_empty() {
            return Vec::new();
        }
        leftmost_longest(text, &names)
            .into_iter()
            .filter(|&(start, end)| is_word_boundary(text, start, end))
            .filter(|&(start, end)| {
                let before = text[..start].trim_end();
                let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let multiword = text[start..end].contains(' ');
                // German quotes a ship's name: „Hessen“.
                let quoted = before.ends_with('„') && text[end..].starts_with('“');
                word.eq_ignore_ascii_case("the") || quoted || multiword_anywhere && multiword
            })
            .map(|(start, end)| Candidate {
                start,
                end,
                kind,
                priority,
                entry: None,
            })
            .collect()
    }

    /// "Larger than the Liaoning and the Shandong": a ship the gazetteer knows by its
    /// prefixed name ("CNS Liaoning"), named bare after "the", with no noun of its own
    /// after it. A place or a person named like a ship takes one ("the Shandong
    /// peninsula", "the Delhi government", "the Lincoln Memorial") or no "the".
    fn bare_ship_mentions(&self, text: &str) -> Vec<Candidate> {
        let names = self.gazetteer.bare_ship_names();
        let mut found = Vec::new();
        // Asked once, at the first candidate: most texts have none.
        let mut naval: Option<bool> = None;
        // Where the last ship named bare ends: the next of a list follows it.
        let mut last_end = None;
        for m in self.bare_ships.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            let before = text[..start].strip_suffix(' ').unwrap_or("");
            let after_the = before
                .strip_suffix("the")
                .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '(', '“', '"']));
            let named = after_the
                || after_ship_type_list(&text[..start])
                || last_end.is_some_and(|e: usize| {
                    matches!(text.get(e..start), Some(" and " | ", " | ", and "))
                });
            if !named || !is_word_boundary(text, start, end) || !ends_a_ship_name(&text[end..]) {
                continue;
            }
            // "The District of Columbia", "the Enterprise": only a text about navies
            // names ships bare.
            if !*naval.get_or_insert_with(|| is_naval(text)) {
                break;
            }
            let entry = names[m.pattern().as_usize()].1;
            last_end = Some(end);
            found.push(Candidate {
                start,
                end,
                kind: self.gazetteer.entry(entry).kind,
                priority: NAME_PRIORITY + 2,
                entry: Some(entry),
            });
        }
        found
    }

    /// A company the gazetteer knows followed by a country is its national subsidiary,
    /// one name ("Hanwha Defense Australia", "Navantia UK", "BAE Systems Australia").
    fn join_national_subsidiaries(&self, text: &str, chosen: &mut Vec<Candidate>) {
        let company = |c: &Candidate| {
            c.kind == EntityType::Organisation
                && c.entry
                    .is_some_and(|e| self.gazetteer.entry(e).group == "company")
        };
        let mut out: Vec<Candidate> = Vec::with_capacity(chosen.len());
        for c in chosen.drain(..) {
            if let Some(prev) = out.last_mut() {
                let adjacent = prev.end + 1 == c.start && &text[prev.end..c.start] == " ";
                let country = c.kind == EntityType::Location
                    && SUBSIDIARY_COUNTRIES.contains(&&text[c.start..c.end])
                    && !text[c.end..].starts_with(['\'', '’']);
                if adjacent && country && company(prev) {
                    prev.end = c.end;
                    prev.entry = None;
                    continue;
                }
            }
            out.push(c);
        }
        *chosen = out;
    }

    /// One system named twice in a row is one mention: a designation and its name ("F/A-18C/D
    /// Hornets", "F-16 Fighting Falcon"), two names of one family side by side. A
    /// radar's variant in parentheses belongs to it ("SPY-6(V)1").
    fn join_system_names(&self, text: &str, chosen: &mut Vec<Candidate>) {
        let family = |c: &Candidate| c.entry.map(|e| self.gazetteer.entry(e).group.as_str());
        let mut out: Vec<Candidate> = Vec::with_capacity(chosen.len());
        for c in chosen.drain(..) {
            if let Some(prev) = out.last_mut() {
                let adjacent = prev.end + 1 == c.start && &text[prev.end..c.start] == " ";
                // A class and a ship of it side by side are two mentions ("the Borei-A
                // Knyaz Pozharsky"): a ship's name is no variant of its class.
                let ship_class = family(prev).is_some_and(|f| f.contains("-class"));
                if adjacent
                    && prev.kind.is_system()
                    && prev.kind == c.kind
                    && family(prev).is_some()
                    && family(prev) == family(&c)
                    && !ship_class
                {
                    prev.end = c.end;
                    continue;
                }
            }
            out.push(c);
        }
        // A mark extends its system only up to the next mention.
        let next_starts: Vec<usize> = out
            .iter()
            .skip(1)
            .map(|c| c.start)
            .chain([text.len()])
            .collect();
        for (c, next_start) in out.iter_mut().zip(next_starts) {
            if c.kind.is_system() {
                let rest = &text[c.end..];
                let parenthesised = rest.strip_prefix("(V)").map(|r| {
                    3 + r.len() - r.trim_start_matches(|ch: char| ch.is_ascii_digit()).len()
                });
                let mark = parenthesised.unwrap_or_else(|| variant_suffix(rest));
                if c.end + mark <= next_start {
                    c.end += mark;
                }
            }
        }
        *chosen = join_popular_names(text, out);
    }

    /// The places that open a paragraph in capitals, as news datelines print them
    /// ("KYIV, March 10 (Reuters) -", "NEW DELHI —", "BOGOTA, Colombia (AP) —"): the
    /// capitals, and the gazetteer entry of the place they spell. The gazetteer's
    /// aliases are written as names are printed in running text, so a place in capitals
    /// is looked up in title case ("New Delhi"); a run of capitals that spells no place
    /// ("NATO,") is left alone.
    fn datelines(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        let paragraph_starts =
            std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        for start in paragraph_starts {
            let line = &text[start..];
            // Capitals, spaces, and the stops, hyphens and apostrophes of names such
            // as "ST. PETERSBURG" and "PORT-AU-PRINCE".
            let run = line
                .find(|c: char| !(c.is_uppercase() || " .-'’".contains(c)))
                .unwrap_or(line.len());
            let place = line[..run].trim_end();
            let rest = &line[place.len()..];
            let closes_dateline = [",", " —", " –", " -", " ("]
                .iter()
                .any(|mark| rest.starts_with(mark));
            if place.chars().filter(|c| c.is_alphabetic()).count() < 3
                || place.split(' ').count() > 4
                || !closes_dateline
            {
                continue;
            }
            let title_case: String = place
                .split_inclusive([' ', '-'])
                .map(|word| {
                    let mut chars = word.chars();
                    let first = chars.next().map(|c| c.to_string()).unwrap_or_default();
                    first + &chars.as_str().to_lowercase()
                })
                .collect();
            let spelled = self.gazetteer.find(&title_case).into_iter().find(|hit| {
                hit.start == 0
                    && hit.end == title_case.len()
                    && self.gazetteer.entry(hit.entry).kind == EntityType::Location
            });
            if let Some(hit) = spelled {
                found.push((start, start + place.len(), hit.entry));
            }
        }
        found
    }

    /// A system named in full makes its short forms mentions of it anywhere in the
    /// text (one sense per discourse): the short forms its family lists ("Eurofighter
    /// Typhoon" ... "the Typhoons", "AH-1Z Viper" ... "The Vipers"), and a class's
    /// bare name after an article, as ships of the class are named ("Mogami-class" ...
    /// "The Mogami", "an Anzac"). A plural keeps its "s" (annotation rule 12).
    /// `operations`: the spans of operation names, which are no entities but still
    /// no short forms ("Eastern Sentry").
    fn propagate_short_forms(
        &self,
        text: &str,
        operations: &[(usize, usize)],
        chosen: &mut Vec<Candidate>,
    ) {
        // (name, kind, entry, whether an article must precede it)
        let mut forms: Vec<(&str, EntityType, Option<usize>, bool)> = Vec::new();
        for c in chosen.iter().filter(|c| c.kind.is_system()) {
            if let Some(entry) = c.entry {
                for &(short, of) in self.gazetteer.short_forms(entry) {
                    if !forms.iter().any(|f| f.0 == short) {
                        let kind = self.gazetteer.entry(of).kind;
                        forms.push((short, kind, Some(of), false));
                    }
                }
            }
            let name = &text[c.start..c.end];
            let stem = name
                .strip_suffix("-class")
                .or_else(|| name.strip_suffix("-Klasse"));
            if let Some(stem) = stem.filter(|s| s.len() > 2 && s.starts_with(char::is_uppercase)) {
                if !forms.iter().any(|f| f.0 == stem) {
                    forms.push((stem, c.kind, c.entry, true));
                }
            }
        }
        if forms.is_empty() {
            return;
        }
        let names: Vec<&str> = forms.iter().map(|f| f.0).collect();
        let mut taken = Taken::new(
            chosen
                .iter()
                .map(|c| (c.start, c.end))
                .chain(operations.iter().copied()),
        );
        let mut extra = Vec::new();
        for (start, end) in leftmost_longest(text, &names) {
            let Some(&(_, kind, entry, after_article)) =
                forms.iter().find(|f| f.0 == &text[start..end])
            else {
                continue;
            };
            let plural = text[end..].starts_with('s') && is_word_boundary(text, start, end + 1);
            // A listed short form keeps its variant's mark ("Altay T2").
            let mark = if after_article {
                0
            } else {
                variant_suffix(&text[end..])
            };
            let end = if plural { end + 1 } else { end + mark };
            if !is_word_boundary(text, start, end) || !taken.is_free(start, end) {
                continue;
            }
            if after_article {
                let before = text[..start].trim_end();
                let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let word = word.trim_start_matches(['“', '"', '(']);
                if ![
                    "the", "a", "an", "die", "der", "den", "des", "eine", "einer",
                ]
                .iter()
                .any(|a| word.eq_ignore_ascii_case(a))
                {
                    continue;
                }
            }
            taken.insert(start, end);
            extra.push(Candidate {
                start,
                end,
                kind,
                priority: NAME_PRIORITY,
                entry,
            });
        }
        if !extra.is_empty() {
            chosen.extend(extra);
            chosen.sort_by_key(|c| c.start);
        }
    }

    /// A system's name that its gazetteer alias carries before a generic head ("Narew"
    /// of the "Narew air defence system") is the system before a type noun ("Patriot
    /// and Narew batteries", "six Akash launchers", "Trident boats"), and so is the
    /// name it is listed with ("the Wisła and Narew programmes"): the noun tells the
    /// system from the river or the person, as the alias does. Its other bare mentions
    /// that nothing else claims are the system too (one sense per discourse), and so
    /// are those of a system the text names by such an alias in full.
    fn systems_named_before_their_type(&self, text: &str, chosen: &mut Vec<Candidate>) {
        // "six Hunter-class frigates ... the Hunter programme": a class of the name in
        // the text that is another system (the Type 26, not the Hunter AFV) is what
        // the name stands for (the short forms' rule); "the Dreadnought class ...
        // Dreadnought boats" is one system. Asked once a name: each question reads
        // the whole text.
        let mut class_answers: HashMap<String, bool> = HashMap::new();
        let mut names_another_class = |name: &str, entry: usize| -> bool {
            if let Some(&answer) = class_answers.get(name) {
                return answer;
            }
            let family = &self.gazetteer.entry(entry).group;
            let answer = ["-class", "-Klasse", " class"].iter().any(|class| {
                let phrase = format!("{name}{class}");
                memchr::memmem::find(text.as_bytes(), phrase.as_bytes()).is_some()
                    && !self.gazetteer.find(&phrase).iter().any(|hit| {
                        (hit.start, hit.end) == (0, phrase.len())
                            && self.gazetteer.entry(hit.entry).group == *family
                    })
            });
            class_answers.insert(name.to_string(), answer);
            answer
        };
        let mut named: Vec<(usize, usize, usize)> = Vec::new();
        for noun in type_nouns().find_iter(text) {
            if !is_word_boundary(text, noun.start(), noun.end()) {
                continue;
            }
            // "interceptors such as the Sting", "missiles such as the Rampage and ROCKS"
            let such_as = text[noun.end()..]
                .strip_prefix(" such as ")
                .map(|rest| rest.strip_prefix("the ").unwrap_or(rest));
            if let Some(rest) = such_as {
                let mut at = text.len() - rest.len();
                while let Some((end, entry)) = self.system_name_starting_at(text, at) {
                    if names_another_class(&text[at..end], entry) {
                        break;
                    }
                    named.push((at, end, entry));
                    match text[end..].strip_prefix(" and ") {
                        Some(next) => at = text.len() - next.len(),
                        None => break,
                    }
                }
            }
            let Some(before) = text[..noun.start()].strip_suffix(' ') else {
                continue;
            };
            let Some((start, entry)) = self.system_name_ending_at(text, before.len()) else {
                continue;
            };
            if names_another_class(&text[start..before.len()], entry) {
                continue;
            }
            named.push((start, before.len(), entry));
            // "the Wisła and Narew programmes", "Patriot, Wisła and Narew batteries"
            let mut at = start;
            while let Some(rest) = text[..at]
                .strip_suffix(" and ")
                .or_else(|| text[..at].strip_suffix(", "))
            {
                let Some((start, entry)) = self.system_name_ending_at(text, rest.len()) else {
                    break;
                };
                named.push((start, rest.len(), entry));
                at = start;
            }
        }
        // The names, each once; with those of the systems the text names by such an
        // alias in full.
        let mut names: HashMap<&str, usize> = named
            .iter()
            .map(|&(start, end, entry)| (&text[start..end], entry))
            .collect();
        for c in chosen.iter().filter(|c| c.kind.is_system()) {
            let name = &text[c.start..c.end];
            if let Some(entry) = c.entry {
                if !names.contains_key(name)
                    && self.gazetteer.system_named_before_head(name) == Some(entry)
                    && !names_another_class(name, entry)
                {
                    names.insert(name, entry);
                }
            }
        }
        if names.is_empty() {
            return;
        }
        // `chosen` is sorted by start and its spans do not overlap.
        let mut taken = Taken::new(chosen.iter().map(|c| (c.start, c.end)));
        let mut extra = Vec::new();
        for &(start, end, entry) in &named {
            let kind = self.gazetteer.entry(entry).kind;
            let at = chosen.partition_point(|c| c.start < start);
            match chosen.get_mut(at) {
                // The span is taken: a system keeps it, anything else yields.
                Some(c) if (c.start, c.end) == (start, end) && !c.kind.is_system() => {
                    c.kind = kind;
                    c.entry = Some(entry);
                }
                _ if taken.is_free(start, end) => {
                    taken.insert(start, end);
                    extra.push(Candidate {
                        start,
                        end,
                        kind,
                        priority: NAME_PRIORITY,
                        entry: Some(entry),
                    });
                }
                _ => {}
            }
        }
        let bare: Vec<&str> = names.keys().copied().collect();
        for (start, end) in leftmost_longest(text, &bare) {
            // A variant's mark after it ("Altay T2") makes another name, which the
            // short forms' rule finds.
            if !is_word_boundary(text, start, end)
                || !taken.is_free(start, end)
                || variant_suffix(&text[end..]) > 0
            {
                continue;
            }
            let Some(&entry) = names.get(&text[start..end]) else {
                continue;
            };
            taken.insert(start, end);
            extra.push(Candidate {
                start,
                end,
                kind: self.gazetteer.entry(entry).kind,
                priority: NAME_PRIORITY,
                entry: Some(entry),
            });
        }
        if !extra.is_empty() {
            chosen.extend(extra);
            chosen.sort_by_key(|c| c.start);
        }
    }

    /// The system whose name before a head starts at byte `start` of `text`, two words
    /// long or one, with where it ends.
    fn system_name_starting_at(&self, text: &str, start: usize) -> Option<(usize, usize)> {
        let rest = &text[start..];
        let word_end = |from: usize| {
            rest[from..]
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')'))
                .map_or(rest.len(), |i| from + i)
        };
        let one = word_end(0);
        let two = rest[one..]
            .strip_prefix(' ')
            .map(|_| word_end(one + 1))
            .unwrap_or(one);
        [two, one]
            .into_iter()
            .filter(|&end| end > 0 && is_word_boundary(text, start, start + end))
            .find_map(|end| {
                self.gazetteer
                    .system_named_before_head(&rest[..end])
                    .map(|entry| (start + end, entry))
            })
    }

    /// The system whose name before a head ends at byte `end` of `text`, one or two
    /// words long, with where it starts.
    fn system_name_ending_at(&self, text: &str, end: usize) -> Option<(usize, usize)> {
        let before = &text[..end];
        let one = before.rfind(' ').map_or(0, |i| i + 1);
        let two = before[..one.saturating_sub(1)]
            .rfind(' ')
            .map_or(0, |i| i + 1);
        [two, one]
            .into_iter()
            .filter(|&start| start < end && is_word_boundary(text, start, end))
            .find_map(|start| {
                self.gazetteer
                    .system_named_before_head(&text[start..end])
                    .map(|entry| (start, entry))
            })
    }

    /// German writes a place's genitive with a bare "s" ("Chinas Streitkräfte",
    /// "Taiwans Präsident", "Wilhelmshavens Oberbürgermeister"): the place is the word
    /// without it, as "Russia" is in "Russia's".
    fn german_genitives(&self, text: &str, chosen: &mut Vec<Candidate>) {
        let mut taken = Taken::new(chosen.iter().map(|c| (c.start, c.end)));
        let mut extra = Vec::new();
        let mut at = 0;
        for word in text.split_inclusive(char::is_whitespace) {
            let start = at;
            at += word.len();
            let word = word
                .trim_end()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', '“', '"', ')']);
            let Some(stem) = word.strip_suffix('s') else {
                continue;
            };
            if stem.len() < 3 || stem.ends_with('s') || !stem.starts_with(char::is_uppercase) {
                continue;
            }
            let end = start + stem.len();
            if !taken.is_free(start, end + 1) {
                continue;
            }
            let place = self.gazetteer.find(stem).into_iter().find(|hit| {
                hit.start == 0
                    && hit.end == stem.len()
                    && self.gazetteer.entry(hit.entry).kind == EntityType::Location
            });
            if let Some(hit) = place {
                taken.insert(start, end);
                extra.push(Candidate {
                    start,
                    end,
                    kind: EntityType::Location,
                    priority: NAME_PRIORITY,
                    entry: Some(hit.entry),
                });
            }
        }
        if !extra.is_empty() {
            chosen.extend(extra);
            chosen.sort_by_key(|c| c.start);
        }
    }

    /// A person named in full makes later mentions of the surname alone a person.
    fn propagate_surnames(&self, text: &str, chosen: &mut Vec<Candidate>) {
        let surnames: Vec<&str> = chosen
            .iter()
            .filter(|c| c.kind == EntityType::Person)
            .filter_map(|c| family_name(&text[c.start..c.end]))
            // "Haider al-Abadi" ... "Abadi": an Arabic surname is also written without
            // its article.
            .flat_map(|s| {
                let bare = ["al-", "Al-", "el-", "El-"]
                    .iter()
                    .find_map(|article| s.strip_prefix(article))
                    .filter(|b| b.starts_with(char::is_uppercase) && b.chars().count() > 2);
                std::iter::once(s).chain(bare)
            })
            // Two letters are a surname only when they are no English word ("Li", "Xi",
            // "Wu", but not "He" of He Weidong, which opens sentences).
            .filter(|s| {
                let n = s.chars().count();
                n > 2 || n == 2 && !TWO_LETTER_WORDS.contains(&s.to_ascii_lowercase().as_str())
            })
            .collect::<HashSet<&str>>()
            .into_iter()
            .collect();
        if surnames.is_empty() {
            return;
        }
        // A sorted index of what is already chosen: linear in the text however many
        // people it names.
        let taken = Taken::new(chosen.iter().map(|c| (c.start, c.end)));
        let free = |s: usize, e: usize| taken.is_free(s, e);
        let mut extra: Vec<Candidate> = Vec::new();
        for (start, end) in leftmost_longest(text, &surnames) {
            if !is_word_boundary(text, start, end) {
                continue;
            }
            if free(start, end) {
                extra.push(Candidate {
                    start,
                    end,
                    kind: EntityType::Person,
                    priority: 1,
                    entry: None,
                });
                continue;
            }
            // "Defense Secretary Lloyd Austin ... Austin said": a surname the text gave
            // a person is theirs where a city of that name was chosen, unless the text
            // places it ("in Austin", "Austin, Texas").
            let at = chosen.partition_point(|c| c.start < start);
            let Some(c) = chosen.get_mut(at) else {
                continue;
            };
            let city = c.kind == EntityType::Location
                && c.entry
                    .is_some_and(|e| self.gazetteer.entry(e).group.starts_with("city"));
            if (c.start, c.end) == (start, end) && city && !placed(text, start, end) {
                c.kind = EntityType::Person;
                c.entry = None;
            }
        }
        chosen.extend(extra);
        chosen.sort_by_key(|c| c.start);
    }
}

/// Whether the text places the name at `start..end`: a preposition of place before it
/// ("in Austin") or a state or country after a comma ("Austin, Texas").
fn placed(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let after_preposition = matches!(
        word,
        "in" | "In" | "near" | "at" | "from" | "to" | "outside" | "of" | "around"
    );
    let region_after = text[end..]
        .strip_prefix(", ")
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    after_preposition || region_after
}

/// The non-overlapping occurrences of `names` in `text` (byte spans, in order), as an
/// Aho-Corasick search with leftmost-longest semantics would find them: from where the
/// last one ended, the leftmost start, and there the longest name.
///
/// A page names few people and ships, and its text is searched once for them: one
/// SIMD substring scan per name costs less than building an automaton for one search.
fn leftmost_longest(text: &str, names: &[&str]) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize)> = Vec::new();
    for name in names.iter().filter(|n| !n.is_empty()) {
        let finder = memchr::memmem::Finder::new(name.as_bytes());
        // Every start, overlapping ones included ("aa" in "aaa" at 0 and 1): which one
        // survives depends on the other names.
        let mut at = 0;
        while let Some(i) = finder.find(&text.as_bytes()[at..]) {
            all.push((at + i, at + i + name.len()));
            at += i + 1;
        }
    }
    // Leftmost start first, and at one start the longest.
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut found = Vec::new();
    let mut end = 0;
    for (s, e) in all {
        if s >= end {
            found.push((s, e));
            end = e;
        }
    }
    found
}

impl Default for Recognizer {
    fn default() -> Recognizer {
        Recognizer::new()
    }
}

/// Where the word right before `at` (one space between) starts, when it is capitalised
/// and not one of the words that open a sentence before a count ("About 300 troops",
/// "Some 40 ships").
fn after_a_name_word(text: &str, at: usize) -> Option<usize> {
    const COUNT_OPENERS: &[&str] = &[
        "About",
        "Some",
        "Nearly",
        "Almost",
        "Around",
        "Roughly",
        "Approximately",
        "Over",
        "Under",
        "Only",
        "Another",
        "All",
        "More",
        "Fewer",
        "Just",
        "Exactly",
        "At",
        "By",
        "For",
        "In",
        "Of",
        "On",
        "With",
        "After",
        "Since",
        "Up",
        "The",
        "These",
        "Those",
        "Its",
        "Their",
        "Our",
        "His",
        "Her",
        "A",
        "An",
        "And",
        "But",
        "Least",
        "Most",
        "Than",
        "To",
        "From",
        "Between",
        "Among",
        "Including",
        "Every",
        "Each",
        "Estimated",
        "Perhaps",
        "Maybe",
        "Total",
        "Overall",
        "Altogether",
    ];
    let before = text[..at].strip_suffix(' ')?;
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    (word.starts_with(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && !COUNT_OPENERS.contains(&word))
    .then(|| before.len() - word.len())
}

/// The family name of a person's name: its last word, or its first when that is a
/// common Chinese or Korean family name and the name has two or three words ("Li" of
/// "Li Shangfu", "Kim" of "Kim Jong Un", "Lee" of "Lee Yong-bae"), as those languages
/// put it first.
fn family_name(name: &str) -> Option<&str> {
    const EAST_ASIAN_FAMILY_NAMES: &[&str] = &[
        "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun",
        "Hu", "Zhu", "Gao", "Lin", "Guo", "Luo", "Liang", "Song", "Zheng", "Xie", "Tang", "Feng",
        "Dong", "Xiao", "Cheng", "Cao", "Yuan", "Deng", "Fu", "Shen", "Zeng", "Peng", "Lu", "Su",
        "Jiang", "Cai", "Jia", "Ding", "Wei", "Xue", "Ye", "Yan", "Pan", "Du", "Dai", "Xia",
        "Zhong", "Tian", "Ren", "Fan", "Fang", "Shi", "Yao", "Tan", "Liao", "Zou", "Xiong", "Jin",
        "Hao", "Kong", "Bai", "Cui", "Kang", "Mao", "Qiu", "Qin", "Gu", "Hou", "Shao", "Meng",
        "Long", "Wan", "Duan", "Lei", "Qian", "Yin", "Kim", "Lee", "Park", "Choi", "Jung", "Cho",
        "Yoon", "Jang", "Lim", "Shin", "Kwon", "Hwang", "Ahn", "Yoo", "Hong", "Moon", "Noh",
    ];
    let words: Vec<&str> = name.split(' ').collect();
    match words[..] {
        [first, _] | [first, _, _] if EAST_ASIAN_FAMILY_NAMES.contains(&first) => Some(first),
        _ => words.last().copied(),
    }
}

/// Places that a system's class in apposition makes ships, as navies name ships after
/// cities: "the Kazan, the first Yasen-M, ...", "Kazan and Arkhangelsk, both Yasen-M
/// boats"; and their other mentions after "the" ("the Kazan's reactor").
fn ships_named_in_apposition(text: &str, chosen: &mut [Candidate]) {
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "lead",
        "latest", "newest", "last",
    ];
    let is_place = |c: &Candidate| c.kind == EntityType::Location;
    let is_system = |c: &Candidate| c.kind == EntityType::MilitaryPlatform;
    let mut ships: Vec<usize> = Vec::new();
    for i in 0..chosen.len() {
        let Some(next) = chosen.get(i + 1) else { break };
        let between = &text[chosen[i].end..next.start.max(chosen[i].end)];
        // "the Kazan, the first Yasen-M"
        let ordinal = between
            .strip_prefix(", the ")
            .and_then(|r| r.strip_suffix(' '))
            .is_some_and(|w| ORDINALS.contains(&w));
        if is_place(&chosen[i]) && is_system(next) && ordinal {
            ships.push(i);
        }
        // "China's first Type 076 amphibious assault ship, Sichuan, left": the name in
        // apposition after a ship's type.
        if is_system(&chosen[i]) && is_place(next) && text[next.end..].starts_with(',') {
            let words = between.strip_suffix(", ").and_then(|w| w.strip_prefix(' '));
            let typed = words.is_some_and(|w| {
                let words: Vec<&str> = w.split(' ').collect();
                words
                    .iter()
                    .all(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-'))
                    && words.last().is_some_and(|w| SHIP_NOUNS.contains(w))
            });
            if typed {
                ships.push(i + 1);
            }
        }
        // "Kazan and Arkhangelsk, both Yasen-M boats"
        if let Some(third) = chosen.get(i + 2) {
            let pair = between == " and "
                && is_place(&chosen[i])
                && is_place(next)
                && is_system(third)
                && text[next.end..third.start.max(next.end)] == *", both ";
            if pair {
                ships.extend([i, i + 1]);
            }
        }
    }
    let names: HashSet<&str> = ships
        .iter()
        .map(|&i| &text[chosen[i].start..chosen[i].end])
        .collect();
    for (i, c) in chosen.iter_mut().enumerate() {
        let named = names.contains(&text[c.start..c.end]);
        let after_the = text[..c.start].ends_with("the ") || text[..c.start].ends_with("The ");
        if c.kind == EntityType::Location && named && (ships.contains(&i) || after_the) {
            c.kind = EntityType::MilitaryPlatform;
            c.entry = None;
        }
    }
}

/// Nouns that name a ship's type.
const SHIP_NOUNS: &[&str] = &[
    "ship",
    "frigate",
    "destroyer",
    "corvette",
    "cruiser",
    "submarine",
    "carrier",
    "icebreaker",
    "vessel",
    "boat",
];

/// English words of two letters, which a two-letter surname must not be.
const TWO_LETTER_WORDS: &[&str] = &[
    "ah", "am", "an", "as", "at", "be", "by", "do", "go", "ha", "he", "hi", "if", "in", "is", "it",
    "ma", "me", "my", "no", "of", "oh", "ok", "on", "or", "ox", "pa", "so", "to", "up", "us", "we",
    "ye", "yo",
];

/// Words after a country abbreviation that keep it a noun ("the US said", "US and").
const NOUN_FOLLOWERS: &[&str] = &[
    "and",
    "or",
    "to",
    "has",
    "had",
    "have",
    "is",
    "was",
    "were",
    "will",
    "would",
    "said",
    "says",
    "in",
    "on",
    "at",
    "for",
    "of",
    "with",
    "as",
    "but",
    "from",
    "by",
    "did",
    "does",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "also",
    "not",
    "then",
    "than",
    "after",
    "before",
    "since",
    "about",
    "into",
    "over",
    "under",
    "had",
    "plans",
    "wants",
    // Verbs of the news: "the US carried out strikes", "the UK began".
    "began",
    "begins",
    "carried",
    "carries",
    "launched",
    "launches",
    "announced",
    "announces",
    "get",
    "gets",
    "got",
    "agreed",
    "agrees",
    "warned",
    "warns",
    "sent",
    "sends",
    "deployed",
    "deploys",
    "struck",
    "approved",
    "approves",
    "imposed",
    "imposes",
    "needs",
    "remains",
    "remained",
    "became",
    "becomes",
    "continues",
    "continued",
    "told",
    "asked",
    "offered",
    "decided",
    "signed",
    "signs",
    "urged",
    "urges",
    "believes",
    "expects",
    "sold",
    "sells",
    "supplied",
    "supplies",
    "withdrew",
    "joined",
    "joins",
    "spent",
    "spends",
    "stands",
];

/// "US officials", "UK forces": a country abbreviation used as an adjective is a
/// Nationality; "the US said" keeps it a Location.
fn is_adjectival_abbreviation(text: &str, start: usize, end: usize) -> bool {
    let span = &text[start..end];
    let letters: String = span.chars().filter(|c| *c != '.').collect();
    if !(2..=3).contains(&letters.len()) || !letters.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let rest = &text[end..];
    // "US, South Korean and Japanese ministers": coordinated with a people.
    if let Some(list) = rest.strip_prefix(", ") {
        return starts_with_demonym(list);
    }
    let Some(next) = rest
        .strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next())
    else {
        return rest.starts_with('-') && !rest.starts_with("--");
    };
    if next == "and" {
        return starts_with_demonym(rest[" and ".len().min(rest.len())..].trim_start());
    }
    // "US President Donald Trump", "US B-2 bombers": a title, a name or a designation
    // follows the adjective.
    if next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return !next.ends_with(['.', ',', ';', ':', '?', '!']);
    }
    let word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    word.chars().next().is_some_and(char::is_lowercase) && !NOUN_FOLLOWERS.contains(&word)
}

/// Whether `text` opens with a demonym ("British", "South Korean", "Japanese"): a
/// capitalised word with a demonym's ending, after a compass word.
fn starts_with_demonym(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let mut word = words.next().unwrap_or("");
    if matches!(word, "South" | "North" | "East" | "West" | "New") {
        word = words.next().unwrap_or("");
    }
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    word.len() >= 4
        && word.chars().next().is_some_and(char::is_uppercase)
        && ["an", "ish", "ese", "ch", "i"]
            .iter()
            .any(|ending| word.ends_with(ending))
}

/// `start..end` without the generic words around a system's name in a gazetteer
/// alias: lowercase words before it ("cruiser Moskva") and after it ("Gerbera drone",
/// "Narew air defence system"), as the annotation conventions want ("Tor-M2", not
/// "Tor-M2 air defence system"). The words disambiguate the match; the mention is the
/// name. Unchanged if nothing of a name would remain.
fn strip_generic_head(text: &str, start: usize, end: usize) -> (usize, usize) {
    let generic = |w: &str| {
        w.chars().any(char::is_lowercase)
            && w.chars().all(|c| c.is_lowercase() || !c.is_alphanumeric())
            || CAPITALISED_TYPE_NOUNS.contains(&w)
    };
    let span = &text[start..end];
    let words: Vec<(usize, &str)> = span
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .collect();
    let first = words.iter().position(|(_, w)| !generic(w));
    let last = words.iter().rposition(|(_, w)| !generic(w));
    match (first, last) {
        (Some(f), Some(l))
            if words[f..=l]
                .iter()
                .any(|(_, w)| w.chars().any(char::is_alphabetic)) =>
        {
            let (s, _) = words[f];
            let (e, w) = words[l];
            (start + s, start + e + w.len())
        }
        _ => (start, end),
    }
}

/// Countries whose names a defence company's national arm carries after its own.
const SUBSIDIARY_COUNTRIES: &[&str] = &[
    "UK",
    "USA",
    "US",
    "Australia",
    "Canada",
    "Germany",
    "France",
    "India",
    "Poland",
    "Japan",
    "Korea",
    "Italy",
    "Spain",
    "Norway",
    "Sweden",
    "Netherlands",
    "Brazil",
    "Türkiye",
    "Turkey",
    "Ukraine",
    "Romania",
    "Finland",
    "Denmark",
    "Belgium",
    "Switzerland",
    "Austria",
    "Hungary",
    "Czechia",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Greece",
    "Portugal",
    "Ireland",
    "Israel",
    "Singapore",
    "Malaysia",
    "Indonesia",
    "Philippines",
    "Chile",
];

/// Type nouns written with capitals, which are as generic as "tank" or "drone": the
/// abbreviations ("Puma IFVs") and German nouns ("Schützenpanzer Puma", "Kampfpanzer
/// Leopard 2A8"). A name that is a type noun and a number ("Panzerhaubitze 2000")
/// keeps it, as a span is never cut down to a number alone.
const CAPITALISED_TYPE_NOUNS: &[&str] = &[
    "IFV",
    "IFVs",
    "APC",
    "APCs",
    "MBT",
    "MBTs",
    "Schützenpanzer",
    "Kampfpanzer",
    "Transportpanzer",
    "Spähpanzer",
    "Flugabwehrpanzer",
    "Kampfhubschrauber",
    "Kampfjet",
    "Kampfjets",
    "Kampfflugzeug",
    "Fregatte",
    "Korvette",
];

/// Last words of a force's name ("the Northern Fleet frigate"), never a ship's.
const FORCE_HEADS: &[&str] = &[
    "Fleet", "Navy", "Force", "Forces", "Command", "Flotilla", "Squadron", "Group", "Corps",
    "Guard", "Army", "Ministry", "Marines",
];

/// An organisation found by its head word that coordinates two ("US Army and US
/// Marine Corps", "Rafael and Elbit Systems") as two spans: the first ends at a force's
/// or a company's head word, or is a name the gazetteer holds. A name whose "and" joins
/// words before one head ("Ministry of Trade and Industry") stays whole. The second
/// span is empty when there is no split.
fn split_coordinated_forces(
    text: &str,
    start: usize,
    end: usize,
    named: impl Fn(usize, usize) -> Option<EntityType>,
) -> [(usize, usize); 2] {
    const COMPANY_HEADS: &[&str] = &[
        "Systems",
        "Industries",
        "Corporation",
        "Company",
        "Aerospace",
        "Dynamics",
        "Technologies",
        "Ltd",
        "Inc.",
        "AG",
        "GmbH",
        "plc",
    ];
    let span = &text[start..end];
    if let Some(at) = span.find(" and ") {
        let before = span[..at].rsplit(' ').next().unwrap_or("");
        let after = &span[at + 5..];
        let first = named(start, start + at);
        let first_is_whole = FORCE_HEADS.contains(&before)
            || COMPANY_HEADS.contains(&before)
            || first == Some(EntityType::Organisation);
        // "Jiangnan Shipyard in Shanghai and Dalian Shipbuilding Industry Company": a
        // place before "and" is no part of the organisation after it.
        let first_is_place = matches!(first, Some(EntityType::Location | EntityType::Nationality));
        if (first_is_whole || first_is_place) && after.starts_with(char::is_uppercase) {
            let second = start + at + 5;
            // The second part must end with a head word itself to be an organisation.
            let last = after.rsplit(' ').next().unwrap_or("");
            let second_is_whole = FORCE_HEADS.contains(&last) || COMPANY_HEADS.contains(&last);
            let second = (second, if second_is_whole { end } else { second });
            return if first_is_place {
                [second, (end, end)]
            } else {
                [(start, start + at), second]
            };
        }
    }
    [(start, end), (end, end)]
}

/// Spans already chosen, for overlap checks in logarithmic time: a long text with many
/// candidates must not cost mentions × candidates.
pub(crate) struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    /// From non-overlapping spans (the extractor's entities do not overlap).
    pub(crate) fn new(spans: impl Iterator<Item = (usize, usize)>) -> Taken {
        Taken(spans.collect())
    }

    pub(crate) fn is_free(&self, start: usize, end: usize) -> bool {
        // The span starting last before `end` is the only one that can reach into
        // `start..end` from the left or start inside it.
        self.0
            .range(..end)
            .next_back()
            .is_none_or(|(_, e)| *e <= start)
    }

    pub(crate) fn insert(&mut self, start: usize, end: usize) {
        self.0.insert(start, end);
    }
}

/// Type nouns that make a system of the name before them ("Narew batteries"): see
/// [`Recognizer::systems_named_before_their_type`].
const TYPE_NOUNS: &[&str] = &[
    "air defence system",
    "air defence systems",
    "air defense system",
    "air defense systems",
    "battery",
    "batteries",
    "launcher",
    "launchers",
    "interceptor",
    "interceptors",
    "missile",
    "missiles",
    // British spelling only, and no bare "system": "the Constellation program", "our
    // Galaxy system", "Six Sigma programs" are no weapons programmes.
    "programme",
    "programmes",
    "tanker",
    "tankers",
    "jet",
    "jets",
    "fighter",
    "fighters",
    "helicopter",
    "helicopters",
    "drone",
    "drones",
    "tank",
    "tanks",
    "howitzer",
    "howitzers",
    "rocket",
    "rockets",
    "frigate",
    "frigates",
    "destroyer",
    "destroyers",
    "corvette",
    "corvettes",
    "submarine",
    "submarines",
    "boat",
    "boats",
    "vehicle",
    "vehicles",
];

fn type_nouns() -> &'static aho_corasick::AhoCorasick {
    static NOUNS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    NOUNS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(TYPE_NOUNS)
            .expect("the type nouns build an automaton")
    })
}

/// Priority of gazetteer names and designations; shape patterns rank below.
const NAME_PRIORITY: u8 = 4;

/// Words of a text about navies and their ships, lowercase.
/// ("carrier" alone is an insurer or an airline as often.)
const NAVAL_WORDS: [&str; 11] = [
    "navy",
    "naval",
    "warship",
    "aircraft carrier",
    "frigate",
    "destroyer",
    "submarine",
    "corvette",
    "fleet",
    "icebreaker",
    "sailors",
];

/// Whether `text` is about navies: it holds one of [`NAVAL_WORDS`] (in any case, as
/// part of a longer word too: "Navy's", "warships").
fn is_naval(text: &str) -> bool {
    let lower = text.to_lowercase();
    NAVAL_WORDS.iter().any(|w| lower.contains(w))
}

/// Words that may follow a ship's bare name: a conjunction, a verb or a preposition
/// that starts the rest of the sentence, not a noun the name qualifies.
const AFTER_SHIP_NAME: [&str; 30] = [
    "and", "or", "which", "that", "was", "is", "has", "had", "have", "will", "would", "could",
    "can", "in", "on", "at", "to", "from", "with", "off", "near", "during", "after", "before",
    "as", "for", "of", "sailed", "arrived", "left",
];

/// Whether the text after a ship's bare name ends the name: punctuation, a possessive,
/// or a word from [`AFTER_SHIP_NAME`].
/// Whether `before` ends with a plural ship type and a comma, as a list of ships'
/// names opens ("the last two Astute-class submarines, Agamemnon and Agincourt").
fn after_ship_type_list(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(", ") else {
        return false;
    };
    let word = rest.rsplit(' ').next().unwrap_or("");
    SHIP_TYPE_PLURALS.contains(&word)
}

/// Plural ship types that open a list of ships' names.
const SHIP_TYPE_PLURALS: [&str; 8] = [
    "ships",
    "warships",
    "frigates",
    "destroyers",
    "corvettes",
    "submarines",
    "boats",
    "carriers",
];

fn ends_a_ship_name(after: &str) -> bool {
    if after.is_empty()
        || after.starts_with([',', '.', ';', ':', ')', '”', '"', '’', '\'', '?', '!'])
    {
        return true;
    }
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word = rest.split([' ', ',', '.']).next().unwrap_or("");
    AFTER_SHIP_NAME.contains(&word)
}

/// The first letters of [`BARE_FORCE_NAMES`], for one substring scan (a test keeps the
/// two together; a closure over the names cost 0.5% of a Dragnet run).
const BARE_FORCES: [char; 3] = ['N', 'A', 'C'];

/// Branches of a country's forces that texts name on their own ("the Navy").
const BARE_FORCE_NAMES: [&str; 4] = ["Navy", "Army", "Air Force", "Coast Guard"];

/// Longest first, then priority, then leftmost; keep what does not overlap.
///
/// A candidate that crosses a stronger one without containing it ("3 interceptors"
/// across the name "Arrow 3", "7 billion satellites" across "$7 billion") is dropped
/// first: nesting is settled by length, crossing by priority.
/// A designation and the popular name that follows it are one system: "EE-9 Cascavel",
/// "CC-130J Hercules", "IA-63 Pampa III", "KC-390 Millennium" (annotation rule 6:
/// variants and designations stay whole). The name is one or two capitalised words,
/// then perhaps a Roman numeral; a mention it covers is absorbed when it is a place or
/// a system ("Cascavel" is also a city), and blocks the join otherwise.
fn join_popular_names(text: &str, chosen: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(chosen.len());
    let mut iter = chosen.into_iter().peekable();
    while let Some(mut c) = iter.next() {
        let span = &text[c.start..c.end];
        let designation =
            c.kind.is_system() && span.contains('-') && span.bytes().any(|b| b.is_ascii_digit());
        let name_len = if designation {
            popular_name_len(&text[c.end..])
        } else {
            0
        };
        if name_len > 0 {
            let end = c.end + name_len;
            let mut absorbed = Vec::new();
            let mut blocked = false;
            while let Some(next) = iter.peek() {
                if next.start >= end {
                    break;
                }
                let next = iter.next().expect("peeked");
                blocked |=
                    next.end > end || !(next.kind.is_system() || next.kind == EntityType::Location);
                absorbed.push(next);
            }
            if blocked {
                out.push(c);
                out.extend(absorbed);
                continue;
            }
            c.end = end;
        }
        out.push(c);
    }
    out
}

/// The length of a popular name after a designation (" Cascavel", " Twin Otter", "
/// Pampa III"), 0 when none follows.
fn popular_name_len(rest: &str) -> usize {
    const NOT_NAMES: &[&str] = &[
        "The",
        "And",
        "Block",
        "Batch",
        "Flight",
        "Mark",
        "Jets",
        "Jet",
        "Fighters",
        "Fighter",
        "Aircraft",
        "Helicopters",
        "Helicopter",
        "Missiles",
        "Missile",
        "Tanks",
        "Tank",
        "Drones",
        "Drone",
        "Systems",
        "System",
        "Launchers",
        "Launcher",
        "Interceptors",
    ];
    let mut len = 0;
    for _ in 0..2 {
        let Some(after) = rest[len..].strip_prefix(' ') else {
            break;
        };
        let mut word_len = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        // An apostrophe inside a transliterated name ("Yas’ur"), not a possessive's.
        if let Some(tail) = after[word_len..]
            .strip_prefix('’')
            .or_else(|| after[word_len..].strip_prefix('\''))
        {
            let inner = tail.find(|c: char| !c.is_lowercase()).unwrap_or(tail.len());
            if inner > 0 && &tail[..inner] != "s" {
                word_len = after.len() - tail.len() + inner;
            }
        }
        let word = &after[..word_len];
        let title_case = word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '’' || c == '\'')
            && word.chars().count() >= 3;
        let ends_word = after[word_len..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
        if !title_case || !ends_word || NOT_NAMES.contains(&word) || is_calendar_word(word) {
            break;
        }
        len += 1 + word_len;
    }
    // "Pampa III", "Tiger II".
    if let Some(after) = rest[len..].strip_prefix(' ') {
        let numeral = after.bytes().take_while(|b| b"IVX".contains(b)).count();
        let ends = after[numeral..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if (2..=4).contains(&numeral) && ends {
            len += 1 + numeral;
        }
    }
    len
}

/// The length of a variant's mark that follows a system's name and belongs to it:
/// "Rafale[ F4]", "Kfir[ C10/C12]", "Gripen[ E/F]", "F-5E[/F]", "CV90[ MkIV]", "Type 26[
/// Batch 2]". Names and designations stay whole with their variant (annotation rule
/// 6); 0 when none follows.
fn variant_suffix(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let ends_word = |at: usize| {
        bytes
            .get(at)
            .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'-'))
    };
    // "/F", "/C12": the other variants of a pair, right after the name.
    let mut at = 0;
    while bytes.get(at) == Some(&b'/') {
        let letters = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        let digits = bytes[at + 1 + letters..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=3).contains(&letters) || digits > 3 || !ends_word(at + 1 + letters + digits) {
            break;
        }
        at += 1 + letters + digits;
    }
    if at > 0 {
        return at;
    }
    let Some(word) = rest.strip_prefix(' ') else {
        return 0;
    };
    // "Block 70", "Batch 2", "Flight III", "Mk 2", "Mark IV", "MkIV", "Tranche 5";
    // a sub-variant letter ("Flight IIA", "Block 1B") and the other numbers of a list
    // ("Block 30/40/50") stay with it.
    for lead in [
        "Block ",
        "Batch ",
        "Flight ",
        "Increment ",
        "Tranche ",
        "Mk ",
        "Mk. ",
        "Mark ",
        "Mk",
    ] {
        if let Some(number) = word.strip_prefix(lead) {
            let numbers = number_list_len(number.as_bytes());
            if numbers > 0 && ends_word(1 + lead.len() + numbers) {
                return 1 + lead.len() + numbers;
            }
        }
    }
    // "F4", "C10", "E/F", "C10/C12", "M": capitals, then digits, then more of the
    // same after a slash. A lone "A" or "I" is a word, not a variant.
    let mut len = 0;
    loop {
        let part = &word.as_bytes()[len..];
        let letters = part.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let digits = part[letters..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let single_word = letters == 1 && digits == 0 && matches!(part[0], b'A' | b'I');
        if !(1..=2).contains(&letters)
            || digits > 3
            || single_word
            || !ends_word(1 + len + letters + digits)
        {
            break;
        }
        len += letters + digits;
        if word.as_bytes().get(len) == Some(&b'/') {
            len += 1;
        } else {
            return 1 + len;
        }
    }
    // A trailing slash is not part of the mark.
    if len > 0 && word.as_bytes()[len - 1] == b'/' {
        return len;
    }
    0
}

/// The length of a variant's number at the start of `bytes`: digits or a Roman
/// numeral, then an optional sub-variant capital ("IIA", "1B"), then more such numbers
/// after slashes ("30/40/50"); 0 when it starts with none.
fn number_list_len(bytes: &[u8]) -> usize {
    let one = |at: usize| {
        let rest = &bytes[at.min(bytes.len())..];
        let n = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || b"IVX".contains(b))
            .count();
        if n == 0 {
            return 0;
        }
        // A single capital after the number is a sub-variant; two start a word.
        let letter = rest.get(n).is_some_and(|b| b"ABCDE".contains(b))
            && !rest.get(n + 1).is_some_and(u8::is_ascii_alphanumeric);
        n + usize::from(letter)
    };
    let mut len = one(0);
    if len == 0 {
        return 0;
    }
    while bytes.get(len) == Some(&b'/') {
        let next = one(len + 1);
        if next == 0 {
            break;
        }
        len += 1 + next;
    }
    len
}

/// The agencies named in parentheses after a dateline, before its dash: "DUBAI, April
/// 13 (Harbour Wire) -", "KYIV (Reuters) —"; without the dash after a date ("NEW
/// DELHI, Mar 11 (PNS) India ..."); or between slashes ("MOSCOW, May 28. /VESTA/.").
/// Capitalised words only, within the first hundred bytes of a paragraph's first line,
/// so that an aside in parentheses is no agency.
fn dateline_agencies(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let paragraph_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
    for start in paragraph_starts {
        let line = &text[start..];
        let mut cut = line.len().min(100);
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &line[..cut];
        let head = &head[..head.find('\n').unwrap_or(head.len())];
        let capitals = head
            .chars()
            .take_while(|c| c.is_uppercase() || " .-'’".contains(*c))
            .filter(|c| c.is_alphabetic())
            .count();
        if capitals < 3 {
            continue;
        }
        // "MOSCOW, May 28. /VESTA/.": an agency between slashes after the date.
        if let Some(open) = head.find(". /") {
            let inner_start = open + 3;
            if let Some(len) = head[inner_start..].find('/') {
                let agency = &head[inner_start..inner_start + len];
                let closed = line[inner_start + len + 1..].starts_with(['.', ' ']);
                if closed && names_an_agency(agency) {
                    found.push((start + inner_start, start + inner_start + len));
                    continue;
                }
            }
        }
        let Some(open) = head.find(" (") else {
            continue;
        };
        let inner_start = open + 2;
        let Some(len) = head[inner_start..].find(')') else {
            continue;
        };
        let agency = &head[inner_start..inner_start + len];
        let after = &line[inner_start + len + 1..];
        let dashed = ["-", " -", " —", " –", "—", "–"]
            .iter()
            .any(|dash| after.starts_with(dash));
        // "NEW DELHI, Mar 11 (PNS) India on Monday ...": without a dash, after a date and
        // before the story's first word.
        let after_date = head[..open].ends_with(|c: char| c.is_ascii_digit())
            && after
                .strip_prefix(' ')
                .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        if (dashed || after_date) && names_an_agency(agency) {
            found.push((start + inner_start, start + inner_start + len));
        }
    }
    found
}

/// Whether `span` is a calibre written closed up: digits and "mm" ("30mm", "155mm").
fn is_calibre(span: &str) -> bool {
    span.strip_suffix("mm")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a dateline's bracketed or slashed words can be an agency's name: one to a few
/// capitalised words ("Harbour Wire", "VESTA", "PNS").
fn names_an_agency(agency: &str) -> bool {
    !agency.is_empty()
        && agency.len() <= 40
        && agency.split(' ').all(|word| {
            word.starts_with(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphanumeric() || "&.'’-".contains(c))
        })
}

/// The names listed after the one ending at `from`: ", B", ", B and C", " and B", each
/// one to three capitalised words; punctuation ends a name.
fn listed_names(text: &str, mut from: usize) -> Vec<(usize, usize)> {
    let mut names = Vec::new();
    while let Some(sep) = [", and ", " and ", ", "]
        .iter()
        .find(|sep| text[from..].starts_with(**sep))
    {
        let start = from + sep.len();
        let mut end = start;
        for _ in 0..3 {
            let at = if end == start {
                start
            } else if text[end..].starts_with(' ') {
                end + 1
            } else {
                break;
            };
            let len = text[at..]
                .find(|c: char| c == ' ' || ",.;:".contains(c))
                .unwrap_or(text.len() - at);
            let word = &text[at..at + len];
            let capitalised = word.chars().count() > 1
                && word.starts_with(char::is_uppercase)
                && word
                    .chars()
                    .skip(1)
                    .all(|c| c.is_alphabetic() || "’'-".contains(c));
            if !capitalised {
                break;
            }
            end = at + len;
        }
        if end == start {
            break;
        }
        names.push((start, end));
        from = end;
    }
    names
}

/// Words that make a vessel of a civilian type a navy's ship ("the patrol icebreaker
/// Ivan Papanin", "an armed trawler").
const ARMED_VESSEL_WORDS: [&str; 6] = ["patrol", "armed", "naval", "navy", "military", "Navy"];

fn select_longest(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut spans: Vec<(usize, usize, u8)> = candidates
        .iter()
        .map(|c| (c.start, c.end, c.priority))
        .collect();
    spans.sort_unstable();
    let crosses_a_stronger = |c: &Candidate| {
        // Spans overlapping c start before c.end; the few nearest are enough.
        let upto = spans.partition_point(|(s, _, _)| *s < c.end);
        spans[..upto].iter().rev().take(12).any(|&(s, e, p)| {
            let overlaps = s < c.end && c.start < e;
            let contains = c.start <= s && e <= c.end;
            p > c.priority && overlaps && !contains
        })
    };
    let mut candidates: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| !crosses_a_stronger(c))
        .collect();
    candidates.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.priority.cmp(&a.priority))
            .then(a.start.cmp(&b.start))
    });
    // Chosen spans are disjoint, so the one starting last before c ends is the only
    // one that can overlap it: O(n log n) however many candidates a page has.
    let mut chosen: std::collections::BTreeMap<usize, Candidate> =
        std::collections::BTreeMap::new();
    for c in candidates {
        let blocked = chosen
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > c.start);
        if !blocked {
            chosen.insert(c.start, c);
        }
    }
    chosen.into_values().collect()
}

/// Byte spans to character spans, in one pass over the text.
fn to_entities(text: &str, chosen: Vec<Candidate>, gazetteer: &Gazetteer) -> Vec<Entity> {
    let mut out = Vec::with_capacity(chosen.len());
    let mut byte = 0;
    let mut chars = 0;
    let mut advance = |to: usize| {
        chars += text[byte..to].chars().count();
        byte = to;
        chars
    };
    for c in chosen {
        let start = advance(c.start);
        let end = advance(c.end);
        let mut e = Entity::new(c.kind, &text[c.start..c.end], start, end);
        if let Some(entry) = c.entry.map(|i| gazetteer.entry(i)) {
            if entry.kind.is_system() && entry.kind == c.kind {
                e.canonical = Some(entry.canonical.clone());
                e.family = Some(entry.group.clone());
            }
        }
        out.push(e);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The people found in `text`, in order.
    fn people(r: &Recognizer, text: &str) -> Vec<String> {
        kinds(r, text)
            .into_iter()
            .filter(|(_, k)| *k == EntityType::Person)
            .map(|(t, _)| t)
            .collect()
    }

    /// Each entity's text and type, in order.
    fn kinds(r: &Recognizer, text: &str) -> Vec<(String, EntityType)> {
        r.entities(text)
            .into_iter()
            .map(|e| (e.text, e.kind))
            .collect()
    }

    #[test]
    fn a_contract_lists_companies_keep_their_legal_form_and_its_numbers_are_no_systems() {
        let r = Recognizer::new();
        let e = r.entities(
            "Raytheon Co., Andover, Massachusetts, and Tidewater Hull & Mechanical LLC, Norfolk, \
             Virginia, were awarded contract N00024-25-C-0011 for the current fiscal year. \
             Neither Apple Inc. nor a New York LLC bid; RWE AG and E.ON AG own the plant, as \
             the German-based CyberDock IT Solutions GmbH said.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            [
                "Raytheon Co.",
                "Tidewater Hull & Mechanical LLC",
                "Apple Inc.",
                "RWE AG",
                "E.ON AG",
                "CyberDock IT Solutions GmbH"
            ]
        );
        assert!(of_kind(&e, EntityType::Temporal).contains(&"current fiscal year"));
        assert!(
            of_kind(&e, EntityType::MilitaryPlatform).is_empty(),
            "{e:?}"
        );
        assert!(
            of_kind(&e, EntityType::Location).contains(&"New York"),
            "{e:?}"
        );
    }

    #[test]
    fn a_name_running_past_a_legal_form_is_left_alone() {
        // A name another rule found runs on past the form ("Chubb Ltd Group"): the
        // form's company must not be sliced out of it (this panicked once).
        let r = Recognizer::new();
        let e = r.entities(
            "8. Chubb Ltd Group\n\nMarket share: 3.58%\n\nChubb Ltd Group writes policies.",
        );
        assert!(!e.is_empty());
    }

    #[test]
    fn platforms_a_claim_spread_on_are_organisations() {
        let r = Recognizer::new();
        let e = r.entities("The clip spread on TikTok and Facebook, and Yandex and Google image searches led to a YouTube upload.");
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            ["TikTok", "Facebook", "Yandex", "Google", "YouTube"]
        );
    }

    #[test]
    fn only_a_countrys_abbreviation_is_an_adjective() {
        let r = Recognizer::new();
        assert!(kinds(&r, "US troops landed").contains(&("US".into(), EntityType::Nationality)));
        assert!(
            kinds(&r, "the NYC subway reopened").contains(&("NYC".into(), EntityType::Location))
        );
    }

    #[test]
    fn variants_glued_to_a_number_and_an_equipment_prefix_stay_with_the_system() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "Peru flies the Mirage 2000P, Korea the Type 055A, and the AN/SPY-7 radar is new.",
        );
        for name in ["Mirage 2000P", "Type 055A", "AN/SPY-7"] {
            assert!(
                found.contains(&(name.to_string(), EntityType::MilitaryPlatform)),
                "{name}: {found:?}"
            );
        }
        // A number run on into a word is no variant.
        assert!(!kinds(&r, "the Mirage 2000Plus")
            .iter()
            .any(|(t, _)| t.contains("2000")));
        // The popular name keeps its inner apostrophe; a possessive is not part of it.
        let found = kinds(
            &r,
            "Israel retired the CH-53D Yas’ur fleet and the CH-53K Stallion’s.",
        );
        assert!(
            found.contains(&("CH-53D Yas’ur".to_string(), EntityType::MilitaryPlatform)),
            "{found:?}"
        );
        assert!(
            found.contains(&("CH-53K Stallion".to_string(), EntityType::MilitaryPlatform)),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_in_apposition_to_a_role_is_a_person() {
        // Made-up names whose given names no list holds.
        let r = Recognizer::new();
        assert_eq!(
            people(
                &r,
                "Tuo Renqi, a spokesperson for the coast guard, said the drills ended."
            ),
            ["Tuo Renqi"]
        );
        assert_eq!(
            people(
                &r,
                "Oman's foreign minister, Qadir Albarzawi, said late on Tuesday."
            ),
            ["Qadir Albarzawi"]
        );
        assert_eq!(
            people(
                &r,
                "Army General Varlam Gudkovsky, the Kremlin's chief of staff, spoke."
            ),
            ["Varlam Gudkovsky"]
        );
        // A business or a venue, a role of no person, and a name known as something
        // else are no people.
        for (text, not_a_person) in [
            (
                "At Brand Wisdom Solutions, a leading agency's expert team helps.",
                "Solutions",
            ),
            (
                "Museum of Modern Art, New York. A member of the agency.",
                "Art",
            ),
            (
                "Hanwha Defense Australia, the Korean group's local head, said so.",
                "Hanwha",
            ),
            (
                "Owned by Enterprise Holdings, National is the sister company.",
                "Holdings",
            ),
            (
                "Her review ran in The Spruce Eats, a bread-making expert.",
                "Eats",
            ),
            ("Blue Meadow, local expert Tom Smith says.", "Meadow"),
        ] {
            let found = people(&r, text);
            assert!(
                !found.iter().any(|p| p.contains(not_a_person)),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_company_s_national_arm_and_a_force_s_region_are_one_name() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "Hanwha Defense Australia will build it; the yard went to Navantia UK, and \
             the crews of Submarine Rotational Force-West train with Rheinmetall and \
             Germany.",
        );
        for name in [
            "Hanwha Defense Australia",
            "Navantia UK",
            "Submarine Rotational Force-West",
            "Rheinmetall",
        ] {
            assert!(
                found.contains(&(name.to_string(), EntityType::Organisation)),
                "{name}: {found:?}"
            );
        }
        assert!(found.contains(&("Germany".to_string(), EntityType::Location)));
    }

    #[test]
    fn a_reporting_name_after_a_system_is_a_mention_of_its_kind() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "The Tu-95 \"Bear\" and Tu-22M3 \"Backfire\" flew; two Tu-95MS bombers, known \
             to NATO as the Bear, turned back. He called the Su-35 \"the best jet\".",
        );
        let bears = found
            .iter()
            .filter(|(t, k)| t == "Bear" && *k == EntityType::MilitaryPlatform)
            .count();
        assert_eq!(bears, 2, "{found:?}");
        assert!(found.contains(&("Backfire".to_string(), EntityType::MilitaryPlatform)));
        assert!(!found.iter().any(|(t, _)| t.contains("best")));
    }

    #[test]
    fn a_german_class_names_its_number_alone() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "Die Boote ergänzen die sechs Einheiten der Klasse 212A.",
        );
        assert!(
            found.contains(&("212A".to_string(), EntityType::MilitaryPlatform)),
            "{found:?}"
        );
    }

    #[test]
    fn where_an_organisation_sits_is_no_part_of_its_name() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "The Seoul-based Center for Peninsula Security Studies and the Kyiv-based \
             Razumkov Centre disagree.",
        );
        for (name, kind) in [
            (
                "Center for Peninsula Security Studies",
                EntityType::Organisation,
            ),
            ("Razumkov Centre", EntityType::Organisation),
            ("Seoul", EntityType::Location),
        ] {
            assert!(
                found.contains(&(name.to_string(), kind)),
                "{name}: {found:?}"
            );
        }
    }

    #[test]
    fn a_type_noun_in_capitals_is_no_part_of_the_system_s_name() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "Die Brigade erhält den Schützenpanzer Puma und die Panzerhaubitze 2000. \
             Germany may order more Puma IFVs.",
        );
        let systems: Vec<&str> = found
            .iter()
            .filter(|(_, k)| *k == EntityType::MilitaryPlatform)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(systems, ["Puma", "Panzerhaubitze 2000", "Puma"]);
    }

    #[test]
    fn a_systems_name_before_a_type_noun_is_the_system_and_so_are_its_other_mentions() {
        let r = Recognizer::new();
        let e = r.entities(
            "Warsaw now relies on Patriot and Narew batteries. Engineers moved six Akash \
             launchers to the border; Akash crews followed a week later. Funding for the \
             Wisła and Narew programmes rose again.",
        );
        assert_eq!(
            of_kind(&e, EntityType::MilitaryPlatform),
            ["Patriot", "Narew", "Akash", "Akash", "Wisła", "Narew"],
            "{e:?}"
        );
        // Without a type noun or the system in full, the river is a river and the
        // name a name; a people before a type noun stays a people.
        let found = kinds(
            &r,
            "The Wisła floods every spring, Akash said. Chinese missiles were seen.",
        );
        assert!(found.iter().all(|(_, k)| !k.is_system()), "{found:?}");
        assert!(found.contains(&("Wisła".to_string(), EntityType::Location)));
        assert!(found.contains(&("Chinese".to_string(), EntityType::Nationality)));
        // A class of the name in the text is what the name stands for.
        let hunter: Vec<Option<String>> = r
            .entities("Canberra ordered six Hunter-class frigates. The Hunter programme slipped.")
            .into_iter()
            .filter(|e| e.text == "Hunter")
            .map(|e| e.canonical)
            .collect();
        assert_eq!(hunter, [Some("Type 26 frigate".to_string())]);
        // After its type: "missiles such as the Asef and Rampage".
        let e = r.entities(
            "Yemen's arsenal holds anti-ship missiles such as the Asef and Rampage. The \
             Asef itself is Iranian.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Weapon),
            ["Asef", "Rampage", "Asef"],
            "{e:?}"
        );
        // The same system's class is no other.
        let found = kinds(
            &r,
            "Barrow builds the Dreadnought class; four Dreadnought boats are on order.",
        );
        assert_eq!(
            found
                .iter()
                .filter(|(t, k)| t == "Dreadnought" && k.is_system())
                .count(),
            2,
            "{found:?}"
        );
    }

    #[test]
    fn an_unknown_name_before_a_missile_is_a_weapon_when_the_noun_heads_the_phrase() {
        // Made-up names, so that only the head noun can tell.
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "The frigate carries launch cells for Kalibr, Vorlak and Tsirkon missiles. \
             The rebels fired Tezhar ballistic missiles at the port, and the Quillon \
             cruise missile, on Friday.",
        );
        for name in ["Vorlak", "Tezhar", "Quillon", "Kalibr", "Tsirkon"] {
            assert!(
                found.contains(&(name.to_string(), EntityType::Weapon)),
                "{name}: {found:?}"
            );
        }
        // A sentence's first word, an origin, a date, a modifier noun and a known
        // nationality are no weapons.
        let found = kinds(
            &r,
            "Cheaper missiles are coming. Kyiv asked for Chinese-made missiles after a \
             Tuesday missile strike, the Varnok missile defence and Iranian missiles.",
        );
        let weapons: Vec<&str> = found
            .iter()
            .filter(|(_, k)| *k == EntityType::Weapon)
            .map(|(t, _)| t.as_str())
            .collect();
        assert!(weapons.is_empty(), "{weapons:?}");
        assert!(found.contains(&("Iranian".to_string(), EntityType::Nationality)));
    }

    #[test]
    fn a_class_name_leaves_out_its_owner_and_the_sentence_before_it() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "Up to four US Virginia-class boats and one Royal Navy Astute-class submarine \
             will rotate. The fleet sits at Severomorsk. Its Borei-class boats carry \
             Bulava. First Virginia-class boat arrives in 2032, and the Fridtjof \
             Nansen-class frigates stay.",
        );
        let classes: Vec<&str> = found
            .iter()
            .filter(|(t, k)| *k == EntityType::MilitaryPlatform && t.ends_with("-class"))
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            classes,
            [
                "Virginia-class",
                "Astute-class",
                "Borei-class",
                "Virginia-class",
                "Fridtjof Nansen-class"
            ]
        );
    }

    #[test]
    fn a_ship_the_gazetteer_knows_by_its_prefix_is_named_bare_after_the() {
        let r = Recognizer::new();
        let ship = |name: &str| (name.to_string(), EntityType::MilitaryPlatform);
        let found = kinds(
            &r,
            "The new carrier dwarfs the Liaoning and the Shandong, which the navy bought \
             first.",
        );
        assert!(found.contains(&ship("Liaoning")), "{found:?}");
        assert!(found.contains(&ship("Shandong")), "{found:?}");
        // A list after a plural ship type and a comma, each name after the one before.
        let found = kinds(
            &r,
            "Barrow is finishing the last two Astute-class submarines, Agamemnon and \
             Agincourt.",
        );
        assert!(found.contains(&ship("Agamemnon")), "{found:?}");
        assert!(found.contains(&ship("Agincourt")), "{found:?}");
        // A noun after the name, no "the" or list, no navy in the text, or a place of
        // several words: no ship.
        for text in [
            "The navy trains off the Shandong peninsula and the Delhi government pays.",
            "The navy met Shandong officials.",
            "The navy's submarines and Agamemnon, the play, share a stage.",
            "Investors backed the Liaoning and the Shandong, which are provinces.",
            "The navy band played in the District of Columbia.",
        ] {
            let found = kinds(&r, text);
            assert!(
                !found
                    .iter()
                    .any(|(_, k)| *k == EntityType::MilitaryPlatform),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_shorter_alias_is_found_when_the_longest_is_cut_inside_a_word() {
        // "Mk 54 lightweight torpedo" is an alias; "torpedoes" is not its plural.
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "The SeaGuardians can carry Mk 54 lightweight torpedoes.",
        );
        assert!(
            found.contains(&("Mk 54".to_string(), EntityType::Weapon)),
            "{found:?}"
        );
    }

    #[test]
    fn german_numbered_units_and_federal_bodies_are_organisations() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "Das Panzerbataillon 203 aus Augustdorf und zwei Eurofighter des Taktischen \
             Luftwaffengeschwaders 73 verlegen; die Bundesregierung und die Deutschen Marine \
             bestätigten es, ebenso die Joint Headquarters in Bodø, das 1. \
             Ubootgeschwader und die Flugabwehrraketengruppe 26.",
        );
        for name in [
            "1. Ubootgeschwader",
            "Flugabwehrraketengruppe 26",
            "Panzerbataillon 203",
            "Taktischen Luftwaffengeschwaders 73",
            "Bundesregierung",
            "Deutschen Marine",
            "Joint Headquarters",
        ] {
            assert!(
                found.contains(&(name.to_string(), EntityType::Organisation)),
                "{name}: {found:?}"
            );
        }
    }

    #[test]
    fn numbered_satellites_are_platforms() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "Cosmos 2576 shadowed USA 314, and Kosmos-2558 followed. The USA 2024 budget grew.",
        );
        for name in ["Cosmos 2576", "USA 314", "Kosmos-2558"] {
            assert!(
                found.contains(&(name.to_string(), EntityType::MilitaryPlatform)),
                "{name}: {found:?}"
            );
        }
        assert!(
            !found
                .iter()
                .any(|(t, _)| t.contains("2024") && t.contains("USA")),
            "{found:?}"
        );
    }

    /// The substring scan finds what an Aho-Corasick automaton with leftmost-longest
    /// semantics finds, overlapping and nested names included.
    #[test]
    fn leftmost_longest_agrees_with_an_automaton() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "Kim met Kim Jong Un and Kimberly",
                &["Kim", "Kim Jong Un", "Kimberly"],
            ),
            ("aaaa", &["aa", "aaa"]),
            (
                "the Shandong and the Liaoning, Shandong’s",
                &["Shandong", "Liaoning", "Shan"],
            ),
            ("abcd bcde", &["bc", "abc", "cde", "d b"]),
            ("nothing here", &["Zelensky"]),
        ];
        for (text, names) in cases {
            let automaton = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(names)
                .unwrap();
            let expected: Vec<(usize, usize)> = automaton
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(leftmost_longest(text, names), expected, "{text}");
        }
    }

    #[test]
    fn longest_wins_and_offsets_are_characters() {
        let r = Recognizer::new();
        let text = "Iran’s Syrian Arab Army received Su-34 jets on March 5, 2020.";
        let e = r.entities(text);
        let got: Vec<(&str, EntityType)> = e.iter().map(|e| (e.text.as_str(), e.kind)).collect();
        assert!(
            got.contains(&("Syrian Arab Army", EntityType::Organisation)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Su-34", EntityType::MilitaryPlatform)),
            "{got:?}"
        );
        assert!(
            got.contains(&("March 5, 2020", EntityType::Temporal)),
            "{got:?}"
        );
        for x in &e {
            assert_eq!(
                dechaff_schema::char_slice(text, x.start, x.end),
                Some(x.text.as_str())
            );
        }
    }

    #[test]
    fn a_ship_named_in_apposition_after_its_type() {
        let r = Recognizer::new();
        let kinds = |t: &str| kinds(&r, t);
        let mp = EntityType::MilitaryPlatform;
        let named = kinds(
            "China commissioned its third aircraft carrier, the Fujian (hull number 18), in a \
             ceremony. The Fujian is the first Chinese carrier with catapults.",
        );
        assert_eq!(
            named
                .iter()
                .filter(|(t, k)| t == "Fujian" && *k == mp)
                .count(),
            2,
            "{named:?}"
        );
        // A speaker set off by commas is no ship.
        let said = kinds("The frigate, the Royal Navy said, was shadowing the tanker.");
        assert!(!said.iter().any(|(_, k)| *k == mp), "{said:?}");
    }

    #[test]
    fn ships_by_pennant_number_and_by_name_before_type() {
        let r = Recognizer::new();
        let kinds = |t: &str| kinds(&r, t);
        let mp = EntityType::MilitaryPlatform;
        let listed = kinds("The ships are Nanchang (101), Lhasa (102) and Anshan (103).");
        for name in ["Nanchang", "Lhasa", "Anshan"] {
            assert!(listed.contains(&(name.to_string(), mp)), "{listed:?}");
        }
        let prefixed = kinds("The frigate sailed with Duncan (D37) to the Gulf.");
        assert!(
            prefixed.contains(&("Duncan".to_string(), mp)),
            "{prefixed:?}"
        );
        // The pennant number is the ship's identifier.
        let id = EntityType::CommsIdentifier;
        assert!(prefixed.contains(&("D37".to_string(), id)), "{prefixed:?}");
        assert!(listed.contains(&("102".to_string(), id)), "{listed:?}");
        // An age after a name is not a pennant number, nor an identifier.
        let age = kinds("Olena Kovalenko (45) said the shelling lasted all night.");
        assert!(!age.iter().any(|(_, k)| *k == mp || *k == id), "{age:?}");
        let before = kinds(
            "China sent the Shandong aircraft carrier east; the Shandong's escorts followed.",
        );
        assert_eq!(
            before
                .iter()
                .filter(|(t, k)| t == "Shandong" && *k == mp)
                .count(),
            2,
            "{before:?}"
        );
    }

    #[test]
    fn quarters_and_halves_of_a_year_are_times() {
        let r = Recognizer::new();
        let found = kinds(&r, "Order intake rose in Q3 2025 and will slow in H1 2026.");
        for t in ["Q3 2025", "H1 2026"] {
            assert!(
                found.contains(&(t.to_string(), EntityType::Temporal)),
                "{found:?}"
            );
        }
    }

    #[test]
    fn documents_and_identifiers_named_as_such() {
        let r = Recognizer::new();
        let doc = EntityType::DocumentReference;
        let got = kinds(
            &r,
            "Under the Geneva Agreement, and under Article 4 of the North Atlantic Treaty, \
             the Treaty on the Non-Proliferation of Nuclear Weapons still applies.",
        );
        for name in [
            "Geneva Agreement",
            "Article 4 of the North Atlantic Treaty",
            "Treaty on the Non-Proliferation of Nuclear Weapons",
        ] {
            assert!(got.contains(&(name.to_string(), doc)), "{name}: {got:?}");
        }
        // A date after the name is no part of it; Russia's doctrines are titled
        // "Fundamentals of ...".
        let got = kinds(
            &r,
            "Under the National Defense Authorization Act of December 2023 and the Treaty \
             of Rome in May, Putin approved the Fundamentals of State Policy on Nuclear \
             Deterrence.",
        );
        for name in [
            "National Defense Authorization Act",
            "Treaty of Rome",
            "Fundamentals of State Policy on Nuclear Deterrence",
        ] {
            assert!(got.contains(&(name.to_string(), doc)), "{name}: {got:?}");
        }
        assert!(got.contains(&("December 2023".to_string(), EntityType::Temporal)));
        let got = kinds(
            &r,
            "The tanker, MMSI 620999538, and the ship with hull number 51.",
        );
        for id in ["620999538", "51"] {
            assert!(
                got.contains(&(id.to_string(), EntityType::CommsIdentifier)),
                "{id}: {got:?}"
            );
        }
    }

    #[test]
    fn speakers_and_titled_names_are_people() {
        let r = Recognizer::new();
        assert_eq!(
            people(
                &r,
                "“It is not a drill,” said Łukasz Pietrzak, a defence analyst."
            ),
            ["Łukasz Pietrzak"]
        );
        assert_eq!(
            people(
                &r,
                "“We are ready,” said Maj. Étienne Laroche, a project officer."
            ),
            ["Étienne Laroche"]
        );
        // A possessive or a company after "said" is no speaker.
        assert!(people(&r, "The deal was done, said Lockheed Martin.").is_empty());
        assert!(people(&r, "It said Russia’s Defence Ministry had lied.").is_empty());
    }

    #[test]
    fn a_designation_and_its_name_are_one_mention() {
        let r = Recognizer::new();
        let got = kinds(
            &r,
            "Finland will replace its F/A-18C/D Hornets with the F-35A.",
        );
        assert!(
            got.contains(&(
                "F/A-18C/D Hornets".to_string(),
                EntityType::MilitaryPlatform
            )),
            "{got:?}"
        );
        let got = kinds(&r, "Each ship carries the SPY-6(V)1 radar.");
        assert!(
            got.contains(&("SPY-6(V)1".to_string(), EntityType::MilitaryPlatform)),
            "{got:?}"
        );
    }

    #[test]
    fn names_stop_at_a_sentence_end() {
        let r = Recognizer::new();
        let got = kinds(
            &r,
            "Turkey showed the Bozdoğan. The US Navy watched the U.S. Army.",
        );
        let orgs: Vec<&str> = got
            .iter()
            .filter(|(_, k)| *k == EntityType::Organisation)
            .map(|(t, _)| t.as_str())
            .collect();
        assert!(orgs.contains(&"US Navy"), "{got:?}");
        assert!(!orgs.iter().any(|o| o.contains("Bozdoğan")), "{got:?}");
    }

    #[test]
    fn civilian_vessels_are_vehicles() {
        let r = Recognizer::new();
        let got = kinds(
            &r,
            "Houthi forces sank the bulk carriers Magic Seas and Eternity C. The Chinese bulk \
             carrier Yi Peng 3 was shadowed, and later Yi Peng 3 sailed on. Crews seized the \
             Galaxy Leader car carrier.",
        );
        let vehicles: Vec<&str> = got
            .iter()
            .filter(|(_, k)| *k == EntityType::Vehicle)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            vehicles,
            [
                "Magic Seas",
                "Eternity C",
                "Yi Peng 3",
                "Yi Peng 3",
                "Galaxy Leader"
            ]
        );
        // A navy's auxiliary of a civilian type is a navy's ship.
        let got = kinds(&r, "The group sailed with the tanker RFA Wave Knight.");
        assert!(
            got.contains(&("RFA Wave Knight".to_string(), EntityType::MilitaryPlatform)),
            "{got:?}"
        );
    }

    #[test]
    fn generic_heads_and_leads_leave_the_name() {
        fn cut(t: &str) -> &str {
            let (s, e) = strip_generic_head(t, 0, t.len());
            &t[s..e]
        }
        assert_eq!(cut("Gerbera drone"), "Gerbera");
        assert_eq!(cut("submarine Kazan"), "Kazan");
        assert_eq!(cut("Narew air defence system"), "Narew");
        assert_eq!(cut("cruiser Moskva"), "Moskva");
        assert_eq!(cut("Pantsir-S1"), "Pantsir-S1");
        // Nothing of a name would remain: the span stays.
        assert_eq!(cut("attack submarine"), "attack submarine");
        let r = Recognizer::new();
        let e = r.entities("Russia launched a Gerbera drone at Kyiv.");
        assert!(
            e.iter()
                .any(|x| x.text == "Gerbera" && x.canonical.is_some()),
            "{e:?}"
        );
    }

    #[test]
    fn systems_carry_canonical_names_and_families() {
        let r = Recognizer::new();
        let e = r.entities("An SA-21 Growler battery and two Pantsir-S1 units.");
        let by_text = |t: &str| e.iter().find(|x| x.text == t).unwrap();
        assert_eq!(
            by_text("SA-21 Growler").canonical.as_deref(),
            Some("S-400 Triumf")
        );
        assert_eq!(by_text("Pantsir-S1").family.as_deref(), Some("Pantsir-S"));
    }

    #[test]
    fn a_branch_named_alone_is_an_organisation() {
        let r = Recognizer::new();
        let kinds = |t: &str| kinds(&r, t);
        let navy = ("Navy".into(), EntityType::Organisation);
        assert!(kinds("The Navy said the frigate was back.").contains(&navy));
        assert!(kinds("Army officials declined to comment.")
            .contains(&("Army".into(), EntityType::Organisation)));
        // The scan's first letters are the branches' own.
        for branch in BARE_FORCE_NAMES {
            assert!(
                BARE_FORCES.iter().any(|c| branch.starts_with(*c)),
                "{branch}"
            );
        }
        // Part of a longer name, or not a name at all.
        assert!(!kinds("The Indian Navy commissioned her.").contains(&navy));
        assert!(kinds("He joined the army in 2001.")
            .iter()
            .all(|(t, _)| t != "army"));
    }

    #[test]
    fn country_abbreviations_as_adjectives() {
        let r = Recognizer::new();
        let kinds = |t: &str| kinds(&r, t);
        assert!(kinds("US officials said").contains(&("US".into(), EntityType::Nationality)));
        assert!(kinds("the US said it would").contains(&("US".into(), EntityType::Location)));
        // A verb of the news after it: the country acts.
        assert!(kinds("the US carried out strikes").contains(&("US".into(), EntityType::Location)));
        assert!(kinds("Talks with the UK get going").contains(&("UK".into(), EntityType::Location)));
        assert!(kinds("a US-made radar").contains(&("US".into(), EntityType::Nationality)));
        // Before a title, a designation or another people, the adjective still.
        let nationality = ("US".into(), EntityType::Nationality);
        assert!(kinds("US Secretary of State Marco Rubio said").contains(&nationality));
        assert!(kinds("seven US B-2 Spirit bombers").contains(&nationality));
        assert!(kinds("US and British forces struck").contains(&nationality));
        assert!(kinds("the US, South Korean and Japanese ministers").contains(&nationality));
        // Coordinated with a country, or closing a clause, the place.
        let location = ("US".into(), EntityType::Location);
        assert!(kinds("troops left the US and Canada").contains(&location));
        assert!(kinds("he flew to the US, then home").contains(&location));
    }

    #[test]
    fn titles_are_not_part_of_names_and_surnames_propagate() {
        let r = Recognizer::new();
        let e = r.entities("General Oleksandr Syrskyi visited. Later, Syrskyi left.");
        let people: Vec<&str> = e
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(people, ["Oleksandr Syrskyi", "Syrskyi"]);
        // An honour is a title too.
        for (line, name) in [
            (
                "Prime Minister Sir Keir Starmer confirmed the order.",
                "Keir Starmer",
            ),
            ("Defence Secretary Sir John Hallam said so.", "John Hallam"),
        ] {
            let e = r.entities(line);
            assert!(
                e.iter()
                    .any(|e| e.kind == EntityType::Person && e.text == name),
                "{e:?}"
            );
        }
        // A date before "the" is no part of an organisation's name.
        let e = r.entities("In June the Wagner Group marched on Moscow.");
        assert!(
            e.iter()
                .any(|e| e.kind == EntityType::Organisation && e.text == "Wagner Group"),
            "{e:?}"
        );
    }

    fn of_kind(e: &[Entity], kind: EntityType) -> Vec<&str> {
        e.iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.text.as_str())
            .collect()
    }

    #[test]
    fn a_system_named_in_full_makes_its_short_form_a_mention() {
        let r = Recognizer::new();
        let platforms = |text: &str| {
            of_kind(&r.entities(text), EntityType::MilitaryPlatform)
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        // Alone, a storm; after the Eurofighter Typhoon, the aircraft, plural and all.
        assert!(platforms("The Typhoons battered the coast.").is_empty());
        assert_eq!(
            platforms("Ankara ordered 20 Eurofighter Typhoon jets. The Typhoons arrive in 2030."),
            ["Eurofighter Typhoon", "Typhoons"]
        );
        // One family's short form does not follow another's mention.
        assert_eq!(
            platforms("The AH-1Z Viper flew. The Vipers landed; the Mirage did not."),
            ["AH-1Z Viper", "Vipers"]
        );
        // A listed short form keeps its variant's mark.
        assert_eq!(
            platforms("The Altay tank entered service; the Altay T2 follows."),
            ["Altay", "Altay T2"]
        );
        // A class's bare name after an article is a ship of the class; an operation
        // named like a short form stays no mention.
        assert_eq!(
            platforms(
                "Japan's Mogami-class design won. The Mogami carries 32 cells, and Mogami said so."
            ),
            ["Mogami-class", "Mogami"]
        );
        assert_eq!(
            platforms("NATO flies E-3 Sentry aircraft for Eastern Sentry."),
            ["E-3 Sentry"]
        );
        // The short form stands for its own row, for its canonical id.
        let e = r.entities("The MQ-4C Triton and the RQ-4 Global Hawk fly. The Triton is naval.");
        let triton = e
            .iter()
            .rfind(|e| e.text == "Triton")
            .map(|e| e.canonical.clone());
        assert_eq!(triton.flatten().as_deref(), Some("MQ-4C Triton"));
    }

    #[test]
    fn organisation_names_stay_in_their_paragraph_and_universities_are_organisations() {
        let r = Recognizer::new();
        let orgs = |text: &str| {
            of_kind(&r.entities(text), EntityType::Organisation)
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            orgs("a researcher at the Korea Institute for Defense Analyses.\n\nKAI is pitching."),
            ["Korea Institute for Defense Analyses", "KAI"]
        );
        assert_eq!(
            orgs("a historian at the University of Warsaw said."),
            ["University of Warsaw"]
        );
        assert_eq!(
            orgs("sagte Carolina Wendt von der Universität Bielefeld. Das Auswärtige Amt schwieg."),
            ["Universität Bielefeld", "Auswärtige Amt"]
        );
        // A news agency writes its name in lower case.
        assert_eq!(orgs("Vilnius (dpa) - Germany formally"), ["dpa"]);
    }

    #[test]
    fn german_genitives_and_declined_names_are_places() {
        let r = Recognizer::new();
        let places = |text: &str| {
            of_kind(&r.entities(text), EntityType::Location)
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            places("Chinas Streitkräfte haben am Montag ein Manöver um Taiwan begonnen, sagte die Regierung."),
            ["China", "Taiwan"]
        );
        assert_eq!(
            places("Die Fregatte soll im Sommer in das Rote Meer verlegen, sagte die Marine der Vereinigten Staaten."),
            ["Rote Meer", "Vereinigten Staaten"]
        );
        // English keeps its plural: no genitive rule there.
        assert!(places("The Koreas met.").is_empty());
    }

    #[test]
    fn a_class_and_a_ship_of_it_side_by_side_are_two_mentions() {
        let r = Recognizer::new();
        let e = r.entities("The newest boat, the Borei-A Knyaz Pozharsky, joined the fleet.");
        assert_eq!(
            of_kind(&e, EntityType::MilitaryPlatform),
            ["Borei-A", "Knyaz Pozharsky"]
        );
        // A designation and its name stay one mention.
        let e = r.entities("Colombia ordered the F/A-18C/D Hornets.");
        assert_eq!(
            of_kind(&e, EntityType::MilitaryPlatform),
            ["F/A-18C/D Hornets"]
        );
    }

    #[test]
    fn a_civilian_vessel_beside_its_type_is_a_vehicle() {
        let r = Recognizer::new();
        let e = r.entities("The Belize-flagged bulk carrier Rubymar sank; the tanker Jaguar left.");
        assert_eq!(of_kind(&e, EntityType::Vehicle), ["Rubymar", "Jaguar"]);
        assert!(of_kind(&e, EntityType::MilitaryPlatform).is_empty());
    }

    #[test]
    fn a_count_ends_at_its_plural_noun() {
        let r = Recognizer::new();
        let counts = |text: &str| {
            of_kind(&r.entities(text), EntityType::Quantity)
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            counts("About 36 missiles struck populated areas."),
            ["36 missiles"]
        );
        assert_eq!(
            counts("It serves in ten countries besides Korea."),
            ["ten countries"]
        );
        assert_eq!(counts("Later the two men shook hands."), ["two men"]);
        // Modifiers still join the count, "-ous" ones too.
        assert_eq!(
            counts("They bought three new inspection vessels and 40 various radars."),
            ["three new inspection vessels", "40 various radars"]
        );
    }

    #[test]
    fn a_place_before_and_is_no_part_of_the_organisation_after_it() {
        let r = Recognizer::new();
        let e = r.entities(
            "Jiangnan Shipyard in Shanghai and Dalian Shipbuilding Industry Company launched them.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            ["Jiangnan Shipyard", "Dalian Shipbuilding Industry Company"]
        );
        assert_eq!(of_kind(&e, EntityType::Location), ["Shanghai"]);
        // Two forces coordinated stay two.
        let e = r.entities("The US Army and US Marine Corps trained together.");
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            ["US Army", "US Marine Corps"]
        );
    }

    #[test]
    fn a_dateline_in_capitals_is_a_place() {
        let r = Recognizer::new();
        let e = r.entities("NEW DELHI — India signed.\nKYIV, March 10 (Reuters) - Talks.");
        assert_eq!(
            of_kind(&e, EntityType::Location),
            ["NEW DELHI", "India", "KYIV"]
        );
        // Capitals that spell no place are no dateline.
        let e = r.entities("NATO, the alliance, met.\nBREAKING — Talks.");
        assert!(of_kind(&e, EntityType::Location).is_empty());
    }

    #[test]
    fn a_name_does_not_run_across_a_paragraph_break() {
        let r = Recognizer::new();
        let e = r.entities("It sailed between Asia and Europe.\n\nThe UN Security Council met.");
        let orgs = of_kind(&e, EntityType::Organisation);
        assert_eq!(orgs, ["UN Security Council"]);
    }

    #[test]
    fn the_organisation_a_role_is_held_at_is_an_organisation() {
        let r = Recognizer::new();
        // Invented names, which no gazetteer holds.
        let e = r.entities(
            "\"No,\" said Jana Kovar, a senior analyst at the Brno-based Vltava Risk \
             Partners in Prague. A researcher at the Centre for Sahel Port Studies agreed, \
             and so did a program manager at the QJPO.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            [
                "Vltava Risk Partners",
                "Centre for Sahel Port Studies",
                "QJPO"
            ],
            "{e:?}"
        );
        // No role, a small word or a single word after "at": no organisation.
        let e = r.entities(
            "Jets flew at Qarvenko Point. An analyst at home said so, and an analyst at \
             Qarvenko.",
        );
        assert!(of_kind(&e, EntityType::Organisation).is_empty(), "{e:?}");
    }

    #[test]
    fn an_unknown_name_after_a_place_preposition_is_a_place() {
        let r = Recognizer::new();
        // Invented names, which no gazetteer holds.
        let e = r.entities("Jets flew from Qarvenko Field and a camp near Ostravel.");
        assert_eq!(
            of_kind(&e, EntityType::Location),
            ["Qarvenko Field", "Ostravel"]
        );
        // Not a company, a numbered item, a month or a sentence's own words.
        let e = r.entities("Built at Qarvenko Shipyard Limited in Lot 17 in March at The end.");
        assert!(of_kind(&e, EntityType::Location).is_empty(), "{e:?}");
        // A number capitalised in a headline.
        let e = r.entities("The Qarvenko Agency at Five");
        assert!(of_kind(&e, EntityType::Location).is_empty(), "{e:?}");
        // German capitalises its nouns: the rule keeps out of German text.
        let e = r.entities("Das Schiff wurde in Dienst gestellt und die Crew ist in Hause.");
        assert!(of_kind(&e, EntityType::Location).is_empty(), "{e:?}");
        // A settlement's kind and "of" name it too, and a list that goes on from it,
        // or from a place the gazetteer knows, and closes with "and".
        let e = r.entities(
            "Gunmen hit the border town of Ostravel. Boats sail from the ports of Qarvenko \
             and Veltrasund. Jets were heard in Moray, Dunvarrow and Kelspie.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Location),
            [
                "Ostravel",
                "Qarvenko",
                "Veltrasund",
                "Moray",
                "Dunvarrow",
                "Kelspie"
            ]
        );
        // A list from a guessed name, a brand's words and a list without "and" are no
        // places.
        let e = r.entities(
            "Tools from Qarvenko, Veltrasund and Kelspie help. Credit in Google AdWords \
             was spent on TikTok. Jets were heard in Moray, Dunvarrow, then home.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Location),
            ["Qarvenko", "Moray"],
            "{e:?}"
        );
    }

    #[test]
    fn a_variant_mark_stays_with_its_system() {
        for (rest, len) in [
            (" F4 jets", 3),
            (" C10/C12 jets", 8),
            (" E/F fighters", 4),
            ("/F Tigers", 2),
            (" MkIV, which", 5),
            (" Block 70 jets", 9),
            (" Flight IIA and", 11),
            (" Block 30/40/50 jets", 15),
            (" Tranche 5 aircraft", 10),
            (" Block 1B.", 9),
            (" M beat", 2),
            // Not a mark: a word, an article, a pronoun, a long acronym.
            (" jets", 0),
            (" A second", 0),
            (" I think", 0),
            (" NATO said", 0),
            (" F4-like", 0),
            (" Block 3 Aircraft", 8),
            (" Flight III/ and", 11),
        ] {
            assert_eq!(variant_suffix(rest), len, "{rest:?}");
        }
    }

    #[test]
    fn navies_ships_by_prefix_armed_type_and_class() {
        let r = Recognizer::new();
        let e = r.entities(
            "The replenishment ship HMNZS Aotearoa and ARC Almirante Padilla sailed past the \
             BRP Sierra Madre. The patrol icebreaker Ivan Papanin, unlike the icebreaker \
             Polar Star, carries a gun. Project 15B follows the Kolkata class. Two Kolkata \
             class ships remain. FS Forbin escorts FS Charles de Gaulle.",
        );
        assert_eq!(
            of_kind(&e, EntityType::MilitaryPlatform),
            [
                "HMNZS Aotearoa",
                "ARC Almirante Padilla",
                "BRP Sierra Madre",
                "Ivan Papanin",
                "Project 15B",
                "Kolkata",
                "Kolkata",
                "FS Forbin",
                "FS Charles de Gaulle"
            ]
        );
        assert_eq!(of_kind(&e, EntityType::Vehicle), ["Polar Star"]);
        assert!(of_kind(&e, EntityType::Location).is_empty(), "{e:?}");
    }

    #[test]
    fn an_acronym_that_spells_an_organisation_and_its_place_joins_them() {
        let r = Recognizer::new();
        let e = r.entities(
            "The state-run Associated Press of Pakistan (APP) reported it. The drill is led \
             by U.S. Army Southern European Task Force, Africa (SETAF-AF) in Ghana. Troops \
             from Kenya (KDF) came.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            [
                "Associated Press of Pakistan",
                "APP",
                "U.S. Army Southern European Task Force, Africa",
                "SETAF-AF",
                "KDF"
            ]
        );
        assert_eq!(of_kind(&e, EntityType::Location), ["Ghana", "Kenya"]);
    }

    #[test]
    fn the_agency_after_a_dateline_is_an_organisation() {
        let r = Recognizer::new();
        let e = r.entities(
            "DUBAI, April 13 (Harbour Wire) - Forces seized a ship.\nKYIV (Reuters) — Drones \
             hit. The talks (Geneva Format) - a new idea.\nLONDON, May 2 (see map) - fine.\n\
             ZÜRICH, June 1 (Alpine Wire) - Ships sailed x x x x x x x x x x x x x x x x x x x x x x x x x x x ßß.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            ["Harbour Wire", "Reuters", "Alpine Wire"]
        );
        // Between slashes, or after a date without a dash, and the agency's name
        // wherever else the text gives it; a line's parenthesis is not the next line's.
        let e = r.entities(
            "MOSCOW, May 28. /VESTA/. A frigate sailed.\nNEW DELHI, Mar 11 (PNS) India \
             tested a missile, an officer told VESTA.\nPARIS, May 3 - Ships.\n(Seen) here.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            ["VESTA", "PNS", "VESTA"],
            "{e:?}"
        );
    }

    #[test]
    fn an_arabic_surname_is_also_mentioned_without_its_article() {
        let r = Recognizer::new();
        let e =
            r.entities("Carter met Haider al-Abadi in Baghdad. Abadi thanked al-Abadi's aides.");
        assert_eq!(
            of_kind(&e, EntityType::Person),
            ["Haider al-Abadi", "Abadi", "al-Abadi"]
        );
    }

    #[test]
    fn a_persons_surname_that_a_city_shares_is_theirs_unless_the_text_places_it() {
        let r = Recognizer::new();
        let e = r.entities(
            "Defense Secretary Lloyd Austin visited troops. Austin said aid would continue. \
             He flew to Austin, Texas, and the talks in Austin ended.",
        );
        assert_eq!(of_kind(&e, EntityType::Person), ["Lloyd Austin", "Austin"]);
        assert_eq!(
            of_kind(&e, EntityType::Location)
                .into_iter()
                .filter(|t| *t == "Austin")
                .count(),
            2,
            "{e:?}"
        );
    }

    #[test]
    fn a_plural_ship_type_names_a_list_of_ships() {
        let r = Recognizer::new();
        let e = r.entities(
            "China sent the carriers Liaoning and Shandong, and the destroyers Nanchang, \
             Lhasa and Dalian. The frigates met Russia and China. It keeps submarines such as \
             Kazan and Arkhangelsk at sea.",
        );
        assert_eq!(
            of_kind(&e, EntityType::MilitaryPlatform),
            [
                "Liaoning",
                "Shandong",
                "Nanchang",
                "Lhasa",
                "Dalian",
                "Kazan",
                "Arkhangelsk"
            ]
        );
        assert_eq!(
            of_kind(&e, EntityType::Location),
            ["China", "Russia", "China"]
        );
    }

    #[test]
    fn a_variant_s_number_list_is_no_count() {
        let r = Recognizer::new();
        let e = r.entities(
            "Turkey flies F-16C/D Block 30/40/50 jets and Arleigh Burke Flight IIA ships.",
        );
        assert_eq!(
            of_kind(&e, EntityType::MilitaryPlatform),
            ["F-16C/D Block 30/40/50", "Arleigh Burke Flight IIA"]
        );
        assert!(of_kind(&e, EntityType::Quantity).is_empty(), "{e:?}");
    }

    #[test]
    fn a_german_ship_is_named_in_quotes_after_its_type() {
        let r = Recognizer::new();
        let e = r.entities(
            "Die Fregatte „Hessen“ kehrt zurück. Die „Hessen“ gehört zur Sachsen-Klasse, wie Zerstörer vom Typ 055 nicht.",
        );
        assert_eq!(
            of_kind(&e, EntityType::MilitaryPlatform),
            ["Hessen", "Hessen", "Sachsen-Klasse", "Typ 055"]
        );
    }

    #[test]
    fn a_variant_mark_stops_at_the_next_mention() {
        // "G7" is a mention of its own: the mark after "T14" must not swallow it (the
        // spans overlapped, and turning them into character offsets panicked).
        let r = Recognizer::new();
        let e = r.entities("Lenovo showed the ThinkPad T14 G7 at the fair.");
        let spans: Vec<(usize, usize)> = e.iter().map(|e| (e.start, e.end)).collect();
        assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "{e:?}");
    }

    #[test]
    fn an_acronym_defined_in_parentheses_is_its_own_mention_everywhere() {
        let r = Recognizer::new();
        let e = r.entities(
            "The Qarvenko Defence Forces (QDF) advanced. Later the QDF withdrew; QDFX did not.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            ["Qarvenko Defence Forces", "QDF", "QDF"]
        );
        // No acronym spells a date or an amount: a time zone stays out.
        let e = r.entities("The launch came at 10:40 on 11 March (QST). QST is late.");
        assert!(
            !e.iter()
                .any(|x| x.text == "QST" && x.kind == EntityType::Temporal),
            "{e:?}"
        );
    }

    #[test]
    fn coordinated_forces_are_two_mentions() {
        let r = Recognizer::new();
        let e = r.entities("Troops of the Qarvenko Army and Ostravel Navy trained.");
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            ["Qarvenko Army", "Ostravel Navy"]
        );
        let e = r.entities("The Ministry of Trade and Industry said so.");
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            ["Ministry of Trade and Industry"]
        );
    }

    #[test]
    fn a_the_name_that_runs_on_is_another_name() {
        // "The Australian" is a newspaper; "The Australian Submarine Agency" is not it.
        let r = Recognizer::new();
        let e = r.entities("The Australian Submarine Agency was set up.");
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            ["Australian Submarine Agency"]
        );
    }

    #[test]
    fn either_apostrophe_finds_a_name() {
        let r = Recognizer::new();
        for text in [
            "The People’s Liberation Army Navy sailed.",
            "The People's Liberation Army Navy sailed.",
        ] {
            let e = r.entities(text);
            assert_eq!(of_kind(&e, EntityType::Organisation).len(), 1, "{e:?}");
            assert!(
                of_kind(&e, EntityType::Organisation)[0].starts_with("People"),
                "{e:?}"
            );
        }
    }

    #[test]
    fn no_rule_panics_on_any_cut_of_multibyte_text() {
        // Every rule slices text by byte offsets; cut a text dense with multibyte
        // characters, quotes and names at every character boundary and run them all.
        let r = Recognizer::new();
        let sample = "KYIV — Poland’s „Hessen“ met ‘Tobias Ellwood’ in Šenov; \
                      Über 5 km, the Rafale F4/F3 (RAF) near Ostravel. \
                      Müller Kübsch, Jan Christian Kaack und „Ölfeld“ — €2 bn.\n\
                      ŁÓDŹ, Mai 3 (dpa) - Die Fregatte „Sachsen“ in Dienst.";
        let cuts: Vec<usize> = sample.char_indices().map(|(i, _)| i).collect();
        for &i in &cuts {
            r.entities(&sample[i..]);
            r.entities(&sample[..i]);
            // A dateline's capitals before each cut: the rules that read a
            // paragraph's head by bytes meet every multibyte character there.
            r.entities(&format!("BERLIN, {}", &sample[i..]));
        }
    }

    #[test]
    fn a_given_name_and_a_surname_are_a_person() {
        let r = Recognizer::new();
        let e = r.entities(
            "Tobias Qarvenko met Jan Christian Ostravel and Dinesh K Zarkov. Later Qarvenko left.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Person),
            [
                "Tobias Qarvenko",
                "Jan Christian Ostravel",
                "Dinesh K Zarkov",
                "Qarvenko"
            ]
        );
        // A given name alone, a named base or school, a ship after "the", a class.
        let e = r.entities(
            "David said so at Luke Qarvenko Air Force Base, near the George Ostravel, \
             aboard a Harry Zarkov-class ship.",
        );
        assert!(of_kind(&e, EntityType::Person).is_empty(), "{e:?}");
    }

    #[test]
    fn a_designation_keeps_its_popular_name_and_a_class_gives_its_name() {
        let r = Recognizer::new();
        let e = r.entities(
            "Canada flies CH-146 Griffon helicopters and IA-63 Pampa III trainers; the Su-34 \
             Monday sortie flew. Canberra picked the Qarvenko class, not a First class cabin.",
        );
        assert_eq!(
            of_kind(&e, EntityType::MilitaryPlatform),
            ["CH-146 Griffon", "IA-63 Pampa III", "Su-34", "Qarvenko"]
        );
    }

    #[test]
    fn counts_in_german_text_and_at_a_sentence_start() {
        let r = Recognizer::new();
        let e = r.entities(
            "Die Fregatte begleitete 27 Handelsschiffe und schoss zwei anfliegende Drohnen ab. \
             Für rund 400 Soldatinnen und Soldaten beginnt im Jahr 2024 ein neuer Abschnitt.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Quantity),
            [
                "27 Handelsschiffe",
                "zwei anfliegende Drohnen",
                "400 Soldatinnen und Soldaten"
            ]
        );
        let e = r.entities("Two people were injured. Dozens of mercenaries were killed.");
        assert_eq!(
            of_kind(&e, EntityType::Quantity),
            ["Two people", "Dozens of mercenaries"]
        );
    }

    #[test]
    fn a_name_before_a_place_noun_is_a_place() {
        let r = Recognizer::new();
        let e = r.entities(
            "Drones hit the Qarvenko region and Russia's Ostravel air base. \
             Key facts: Disputed area about 160,000 sq km.",
        );
        let places = of_kind(&e, EntityType::Location);
        assert!(places.contains(&"Qarvenko"), "{e:?}");
        assert!(places.contains(&"Ostravel"), "{e:?}");
        assert!(
            !places
                .iter()
                .any(|p| p.contains("Disputed") || p.contains('\'')),
            "{e:?}"
        );
    }

    #[test]
    fn bases_named_by_a_prefix_are_places() {
        let r = Recognizer::new();
        let e = r.entities(
            "Flights from 19 Wing Comox, RAAF Base Amberley and Marine Corps Air Station New \
             River. Troops left Air Base 201.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Location),
            [
                "19 Wing Comox",
                "RAAF Base Amberley",
                "Marine Corps Air Station New River",
                "Air Base 201"
            ]
        );
    }

    #[test]
    fn a_place_with_a_class_in_apposition_is_a_ship() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "The Kazan, the first Yasen-M, entered service. Kazan and Arkhangelsk, both \
             Yasen-M boats, carry Kalibr. The Kazan sailed; Kazan is a city.",
        );
        let kazan: Vec<EntityType> = found
            .iter()
            .filter(|(t, _)| t == "Kazan")
            .map(|(_, k)| *k)
            .collect();
        use EntityType::{Location, MilitaryPlatform};
        assert_eq!(
            kazan,
            [
                MilitaryPlatform,
                MilitaryPlatform,
                MilitaryPlatform,
                Location
            ]
        );
        assert!(
            found.contains(&("Arkhangelsk".to_string(), MilitaryPlatform)),
            "{found:?}"
        );
        // A place after a class and its ship's type, set off by commas, is the ship;
        // a place after a type without commas is where it went.
        let found = kinds(
            &r,
            "The first Type 076 amphibious assault ship, Sichuan, left the yard. A Type \
             076 amphibious assault ship visited Sichuan.",
        );
        let sichuan: Vec<EntityType> = found
            .iter()
            .filter(|(t, _)| t == "Sichuan")
            .map(|(_, k)| *k)
            .collect();
        assert_eq!(sichuan, [MilitaryPlatform, Location]);
    }

    #[test]
    fn a_vessel_named_before_its_type_in_apposition_is_a_vehicle() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "Police boarded the Eagle S, a tanker flying the flag of the Cook Islands. \
             Eagle S was held.",
        );
        assert_eq!(
            found
                .iter()
                .filter(|(t, _)| t == "Eagle S")
                .map(|(_, k)| *k)
                .collect::<Vec<_>>(),
            [EntityType::Vehicle, EntityType::Vehicle]
        );
    }

    #[test]
    fn ranges_and_compound_spans_of_time_are_one_mention() {
        let r = Recognizer::new();
        let e = r.entities(
            "It adds 10 to 14 days. Training takes two to three years. On the night of 8 to \
             9 July, on 17 and 18 November 2024 and in 2023–2024, in the winter of 2022-23. \
             It took one year, six months and nine days. In 2023 and 2024 it grew. At \
             6:14 a.m. it flew.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Temporal),
            [
                "10 to 14 days",
                "two to three years",
                "8 to 9 July",
                "17 and 18 November 2024",
                "2023–2024",
                "winter of 2022-23",
                "one year, six months and nine days",
                "2023",
                "2024",
                "6:14 a.m."
            ]
        );
    }

    #[test]
    fn an_east_asian_family_name_comes_first() {
        let r = Recognizer::new();
        let e = r.entities(
            "Defence minister Li Shangfu spoke on Sunday. Li said the strait was calm. \
             General He Weidong was absent. He had been in Beijing.",
        );
        let people = of_kind(&e, EntityType::Person);
        assert!(people.contains(&"Li"), "{e:?}");
        assert!(!people.contains(&"He"), "{e:?}");
    }

    #[test]
    fn a_person_is_named_without_the_titles_before_the_name() {
        let r = Recognizer::new();
        let e = r.entities(
            "The spokesman Rear Admiral Daniel Zorvik said so, and Chief of the Defence \
             Force Admiral David Kellner agreed. President Xi Jinping came.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Person),
            ["Daniel Zorvik", "David Kellner", "Xi Jinping"]
        );
    }

    #[test]
    fn a_number_in_a_name_or_a_share_of_a_group_is_no_count() {
        let r = Recognizer::new();
        let e = r.entities(
            "Pillar 2 covers hypersonic work and Lot 18 accounts for most jets. The guns \
             destroyed seven of the drones. Berlin promised Ukraine 300 tanks. About 300 \
             troops left. The turret mounts a Qarvenko Mk4 30mm cannon.",
        );
        // A calibre closed up on its number is a measure even after a name.
        assert_eq!(
            of_kind(&e, EntityType::Quantity),
            ["300 tanks", "300 troops", "30mm"]
        );
    }

    #[test]
    fn a_shore_base_named_like_a_ship_is_a_place() {
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "The boats will be based at HMAS Stirling, and HMS Trent sails.",
        );
        assert!(
            found.contains(&("HMAS Stirling".to_string(), EntityType::Location)),
            "{found:?}"
        );
        assert!(
            found.contains(&("HMS Trent".to_string(), EntityType::MilitaryPlatform)),
            "{found:?}"
        );
    }

    #[test]
    fn operations_and_exercises_are_no_entities() {
        // "Aspides" would otherwise be the plural of the Aspide missile.
        let r = Recognizer::new();
        let found = kinds(
            &r,
            "The frigate joined Aspides, while Talisman Sabre and Operation Prosperity \
             Guardian went on.",
        );
        assert!(
            !found.iter().any(|(t, _)| t.contains("Aspide")
                || t.contains("Sabre")
                || t.contains("Guardian")),
            "{found:?}"
        );
    }

    #[test]
    fn every_name_of_a_listed_plural_place_noun_is_a_place() {
        let r = Recognizer::new();
        let e = r.entities(
            "Attacks on the Zarnova, Pelkino and Tulmar regions were repelled. \
             On Friday, Vostrel and Mirkov districts lost power.",
        );
        let places = of_kind(&e, EntityType::Location);
        for name in ["Zarnova", "Pelkino", "Tulmar", "Vostrel", "Mirkov"] {
            assert!(places.contains(&name), "{name}: {e:?}");
        }
        assert!(!places.iter().any(|p| p.contains("Friday")), "{e:?}");
    }

    #[test]
    fn a_span_of_time_with_an_article_is_not_a_rate() {
        let r = Recognizer::new();
        let e = r.entities(
            "The fleet retired a decade ago. The plan took a year and a half, and the plant \
             makes 650 missiles a year.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Temporal),
            ["a decade ago", "a year and a half"]
        );
    }

    #[test]
    fn numbered_units_companies_in_pairs_and_leading_words() {
        let r = Recognizer::new();
        let e = r.entities(
            "Jets of 333 Squadron and the 3rd Qarvenko Air Defence Missile Brigade flew. \
             The laser came from Qarvenko Systems and Ostravel Industries. \
             Expect the Qarvenko Fleet to sail.",
        );
        assert_eq!(
            of_kind(&e, EntityType::Organisation),
            [
                "333 Squadron",
                "3rd Qarvenko Air Defence Missile Brigade",
                "Qarvenko Systems",
                "Ostravel Industries",
                "Qarvenko Fleet"
            ]
        );
    }
}
