//! The article schema that dechaff's gold annotations and its predictions share.
//!
//! Gold files in `annotations/` and the JSON that `dechaff extract` prints are the same
//! shape, so the scorer compares like with like and a user can diff one against the
//! other. Entity offsets count Unicode scalar values (what Python's `str` indexes), not
//! bytes, because annotators and downstream tools in other languages count that way.
//!
//! This crate also validates gold files ([`GoldFile::parse`], [`GoldFile::problems`]):
//! every problem is reported with the field it is in, so a hand-edited corpus can be
//! fixed from the messages alone.

use serde::{Deserialize, Serialize};
use std::fmt;

mod error;
pub use error::Error;

/// The entity types of the re3d defence schema, plus `Coordinate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    Organisation,
    Person,
    Location,
    Nationality,
    Weapon,
    MilitaryPlatform,
    Vehicle,
    Temporal,
    Quantity,
    Money,
    DocumentReference,
    CommsIdentifier,
    Frequency,
    Coordinate,
}

impl EntityType {
    /// Every type, in the order reports list them.
    pub const ALL: [EntityType; 14] = [
        EntityType::Organisation,
        EntityType::Person,
        EntityType::Location,
        EntityType::Nationality,
        EntityType::Weapon,
        EntityType::MilitaryPlatform,
        EntityType::Vehicle,
        EntityType::Temporal,
        EntityType::Quantity,
        EntityType::Money,
        EntityType::DocumentReference,
        EntityType::CommsIdentifier,
        EntityType::Frequency,
        EntityType::Coordinate,
    ];

    /// The name used in JSON and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Organisation => "Organisation",
            EntityType::Person => "Person",
            EntityType::Location => "Location",
            EntityType::Nationality => "Nationality",
            EntityType::Weapon => "Weapon",
            EntityType::MilitaryPlatform => "MilitaryPlatform",
            EntityType::Vehicle => "Vehicle",
            EntityType::Temporal => "Temporal",
            EntityType::Quantity => "Quantity",
            EntityType::Money => "Money",
            EntityType::DocumentReference => "DocumentReference",
            EntityType::CommsIdentifier => "CommsIdentifier",
            EntityType::Frequency => "Frequency",
            EntityType::Coordinate => "Coordinate",
        }
    }

    /// Named military systems and vehicles: the types the gazetteer gives canonical
    /// names and families, and whose plurals keep their "s".
    pub fn is_system(self) -> bool {
        matches!(
            self,
            EntityType::MilitaryPlatform | EntityType::Weapon | EntityType::Vehicle
        )
    }

    /// Parses a type name as written in JSON.
    pub fn from_name(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entity mention: `text` is exactly the characters `start..end` of the article text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub text: String,
    /// Start offset in Unicode scalar values into [`Article::text`].
    pub start: usize,
    /// End offset (exclusive) in Unicode scalar values.
    pub end: usize,
    /// For a named system: its canonical name ("S-400 Triumf" for "SA-21 Growler"),
    /// so that mentions can be counted and joined. Predictions only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// For a named system: the canonical name of its family ("Pantsir-S" for
    /// "Pantsir-S1"). Predictions only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
}

impl Entity {
    /// A mention with no canonical name.
    pub fn new(kind: EntityType, text: impl Into<String>, start: usize, end: usize) -> Entity {
        Entity {
            kind,
            text: text.into(),
            start,
            end,
            canonical: None,
            family: None,
        }
    }
}

/// A social-media post embedded in the page; never part of the body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Embed {
    pub platform: Option<String>,
    pub author: Option<String>,
    pub handle: Option<String>,
    /// `YYYY-MM-DD` when the embed shows a date.
    pub date: Option<String>,
    pub text: Option<String>,
    pub url: Option<String>,
}

/// An article: its fields, its body and the entities in the body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    pub section: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub byline: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub embeds: Vec<Embed>,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub entities: Vec<Entity>,
}

/// The separator between paragraphs in [`Article::text`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

impl Article {
    /// Joins paragraphs into the canonical `text` form.
    pub fn join_paragraphs(paragraphs: &[String]) -> String {
        paragraphs.join(PARAGRAPH_SEPARATOR)
    }
}

/// Returns the characters `start..end` (Unicode scalar values) of `text`, or `None`
/// when the range does not lie inside it.
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut indices = text.char_indices().map(|(i, _)| i).chain(Some(text.len()));
    let from = indices.nth(start)?;
    let to = if end == start {
        from
    } else {
        indices.nth(end - start - 1)?
    };
    Some(&text[from..to])
}

/// Collapses whitespace runs to one space and trims: the normal form of a paragraph.
pub fn normalize_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Fields a gold file may carry; anything else is reported as unknown.
const GOLD_FIELDS: [&str; 11] = [
    "template",
    "title",
    "section",
    "published",
    "byline",
    "sources",
    "related",
    "embeds",
    "paragraphs",
    "text",
    "entities",
];

/// One hand-annotated gold file: the article plus the site template of its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldFile {
    pub template: String,
    #[serde(flatten)]
    pub article: Article,
}

/// One thing wrong with a gold file, located by field path (`entities[3].end`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl GoldFile {
    /// Parses a gold file strictly: the first shape problem (see
    /// [`GoldFile::parse_lenient`]) is an error. JSON syntax errors carry line and
    /// column.
    pub fn parse(json: &str) -> Result<GoldFile, Error> {
        let (gold, problems) = GoldFile::parse_lenient(json)?;
        match problems.into_iter().next() {
            Some(p) => Err(Error::shape(&p.field, &p.message)),
            None => Ok(gold),
        }
    }

    /// Parses a gold file and lists its shape problems (unknown fields, unknown entity
    /// types) instead of stopping at the first, so that a checker can report every
    /// problem of a file in one run. An entity of unknown type is kept, as
    /// `Organisation`, so that the span checks of [`GoldFile::problems`] still see it at
    /// its index. Only what leaves no file to check is an error: bad JSON syntax, a
    /// top level that is not an object, a missing required field, a field of the wrong
    /// JSON shape.
    pub fn parse_lenient(json: &str) -> Result<(GoldFile, Vec<Problem>), Error> {
        let mut value: serde_json::Value = serde_json::from_str(json).map_err(Error::json)?;
        let mut problems = Vec::new();
        let object = value
            .as_object_mut()
            .ok_or_else(|| Error::shape("top level", "expected a JSON object"))?;
        for required in ["template", "paragraphs", "text", "entities"] {
            if !object.contains_key(required) {
                return Err(Error::shape(required, "missing field"));
            }
        }
        let unknown: Vec<String> = object
            .keys()
            .filter(|k| !GOLD_FIELDS.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            object.remove(&key);
            problems.push(Problem {
                field: key,
                message: "unknown field".into(),
            });
        }
        if let Some(entities) = object.get_mut("entities").and_then(|e| e.as_array_mut()) {
            for (i, entity) in entities.iter_mut().enumerate() {
                let Some(kind) = entity.get("type").and_then(|t| t.as_str()) else {
                    continue;
                };
                if EntityType::from_name(kind).is_none() {
                    problems.push(Problem {
                        field: format!("entities[{i}].type"),
                        message: format!("unknown entity type {kind:?}"),
                    });
                    entity["type"] = serde_json::Value::from("Organisation");
                }
            }
        }
        let gold = serde_json::from_value(value).map_err(Error::json)?;
        Ok((gold, problems))
    }

    /// Every inconsistency inside the file: `text` that is not the joined paragraphs,
    /// entity spans outside `text` or not matching it, unsorted or overlapping spans,
    /// paragraphs not in normal form, dates not in ISO form.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut push = |field: String, message: String| out.push(Problem { field, message });
        let a = &self.article;
        if self.template.trim().is_empty() {
            push("template".into(), "empty".into());
        }
        if let Some(date) = &a.published {
            if !is_iso_date(date) {
                push("published".into(), format!("{date:?} is not YYYY-MM-DD"));
            }
        }
        for (i, embed) in a.embeds.iter().enumerate() {
            if let Some(date) = &embed.date {
                if !is_iso_date(date) {
                    push(
                        format!("embeds[{i}].date"),
                        format!("{date:?} is not YYYY-MM-DD"),
                    );
                }
            }
        }
        for (i, p) in a.paragraphs.iter().enumerate() {
            if p.is_empty() {
                push(format!("paragraphs[{i}]"), "empty paragraph".into());
            } else if *p != normalize_whitespace(p) {
                push(
                    format!("paragraphs[{i}]"),
                    "whitespace not collapsed or not trimmed".into(),
                );
            }
        }
        if a.text != Article::join_paragraphs(&a.paragraphs) {
            push(
                "text".into(),
                "is not the paragraphs joined with a blank line".into(),
            );
        }
        let mut previous_end = 0;
        let text_chars = a.text.chars().count();
        for (i, e) in a.entities.iter().enumerate() {
            match char_slice(&a.text, e.start, e.end) {
                None => push(
                    format!("entities[{i}]"),
                    format!(
                        "span {}..{} lies outside text ({} characters)",
                        e.start, e.end, text_chars
                    ),
                ),
                Some(found) if found != e.text => push(
                    format!("entities[{i}]"),
                    format!(
                        "span {}..{} is {found:?} in text, not {:?}",
                        e.start, e.end, e.text
                    ),
                ),
                Some(_) => {}
            }
            if e.start >= e.end {
                push(format!("entities[{i}]"), "empty span".into());
            }
            if e.text != e.text.trim() {
                push(
                    format!("entities[{i}]"),
                    format!("{:?} has whitespace at its edge", e.text),
                );
            }
            if i > 0 && e.start < previous_end {
                push(
                    format!("entities[{i}]"),
                    format!(
                        "{:?} at {} overlaps or precedes the previous entity (ends at {previous_end}); entities must be sorted and not nested",
                        e.text, e.start
                    ),
                );
            }
            // A span outside the text is reported once, not again as an overlap with
            // every entity after it.
            if e.end <= text_chars {
                previous_end = previous_end.max(e.end);
            }
        }
        out
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_slice_counts_characters_not_bytes() {
        let t = "Iran’s S-400";
        assert_eq!(char_slice(t, 7, 12), Some("S-400"));
        assert_eq!(char_slice(t, 0, 0), Some(""));
        assert_eq!(char_slice(t, 12, 12), Some(""));
        assert_eq!(char_slice(t, 11, 13), None);
        assert_eq!(char_slice(t, 5, 4), None);
    }

    #[test]
    fn normalize_collapses_and_trims() {
        assert_eq!(normalize_whitespace("  a \t b\n c "), "a b c");
    }

    fn gold(entities: &str) -> String {
        format!(
            r#"{{"template":"t","title":null,"section":null,"published":"2020-10-09","byline":null,
            "sources":[],"related":[],"embeds":[],"paragraphs":["Russia’s S-400","Tor-M2"],
            "text":"Russia’s S-400\n\nTor-M2","entities":{entities}}}"#
        )
    }

    #[test]
    fn lenient_parse_reports_every_problem_of_a_file() {
        let json = gold(
            r#"[{"type":"Spaceship","text":"Russia","start":0,"end":6},
                {"type":"Weapon","text":"S-400","start":9,"end":999},
                {"type":"Starship","text":"nonsense","start":16,"end":22}]"#,
        )
        .replace(r#""template":"t","#, r#""template":"t","colour":"red","#);
        assert!(GoldFile::parse(&json).is_err(), "strict parse stops");
        let (g, shape) = GoldFile::parse_lenient(&json).unwrap();
        let shape: Vec<String> = shape.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            shape,
            [
                "colour: unknown field",
                "entities[0].type: unknown entity type \"Spaceship\"",
                "entities[2].type: unknown entity type \"Starship\""
            ]
        );
        let rest: Vec<String> = g.problems().iter().map(|p| p.field.clone()).collect();
        // The span out of range and the text mismatch, with no cascade of overlaps.
        assert_eq!(rest, ["entities[1]", "entities[2]"]);
    }

    #[test]
    fn valid_gold_has_no_problems() {
        let g = GoldFile::parse(&gold(
            r#"[{"type":"Location","text":"Russia","start":0,"end":6},
               {"type":"MilitaryPlatform","text":"S-400","start":9,"end":14},
               {"type":"MilitaryPlatform","text":"Tor-M2","start":16,"end":22}]"#,
        ))
        .unwrap();
        assert_eq!(g.problems(), vec![]);
    }

    #[test]
    fn mismatched_and_overlapping_spans_are_named() {
        let g = GoldFile::parse(&gold(
            r#"[{"type":"Location","text":"Russia","start":0,"end":7},
               {"type":"MilitaryPlatform","text":"S-400","start":5,"end":10},
               {"type":"MilitaryPlatform","text":"Tor-M2","start":16,"end":99}]"#,
        ))
        .unwrap();
        let p = g.problems();
        let fields: Vec<&str> = p.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["entities[0]", "entities[1]", "entities[1]", "entities[2]"]
        );
        assert!(p[3].message.contains("outside text"), "{}", p[3]);
    }

    #[test]
    fn unknown_type_and_field_are_errors() {
        let e = GoldFile::parse(&gold(
            r#"[{"type":"Tank","text":"Russia","start":0,"end":6}]"#,
        ))
        .unwrap_err();
        assert!(e.to_string().contains("entities[0].type"), "{e}");
        let e = GoldFile::parse(
            r#"{"template":"t","paragraphs":[],"text":"","entities":[],"colour":1}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("colour"), "{e}");
        let e = GoldFile::parse("{\n  \"template\": ").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2020-03-05"));
        assert!(!is_iso_date("2020-13-05"));
        assert!(!is_iso_date("5 March 2020"));
    }
}
