use crate::entities::{align_entities, entity_counts, entity_errors, EntityMatch};
use crate::fields::{field_matches, Field};
use crate::words::words_prf;
use crate::{paragraph_counts, Counts, Prf};
use dechaff_schema::{Article, Entity, EntityType};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

/// A page whose prediction keeps under this share of the gold body's words has lost
/// its body; such pages are listed by name in every report.
const LOST_BODY_RECALL: f64 = 0.5;

/// Everything measured on one page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PageScore {
    pub id: String,
    pub words: Prf,
    pub word_counts: Counts,
    pub paragraphs: Counts,
    /// Fields the gold knows, and whether the prediction got each right.
    pub fields: Vec<(Field, bool)>,
    pub entities_exact: BTreeMap<EntityType, Counts>,
    pub entities_overlap: BTreeMap<EntityType, Counts>,
    /// Entities extracted from the gold body itself: extraction alone, without
    /// stripping errors. Absent when the caller did not run that.
    pub gold_body_exact: Option<BTreeMap<EntityType, Counts>>,
    pub gold_body_overlap: Option<BTreeMap<EntityType, Counts>>,
    /// Under half of the gold body's words came out.
    pub lost_body: bool,
    /// Extraction on the gold body: gold mentions missed and predictions not in the
    /// gold, as (type, text).
    pub missed: Vec<(EntityType, String)>,
    pub spurious: Vec<(EntityType, String)>,
}

impl PageScore {
    /// Scores a prediction against gold. `fields` are the fields the gold knows (a body
    /// benchmark knows none); `gold_entities` says whether the gold lists entities at
    /// all; `entities_from_gold_body` are entities extracted from the gold text, when
    /// the caller ran extraction on it.
    pub fn new(
        id: &str,
        gold: &Article,
        predicted: &Article,
        fields: &[Field],
        gold_entities: bool,
        entities_from_gold_body: Option<&[Entity]>,
    ) -> PageScore {
        let (words, word_counts) = words_prf(&gold.text, &predicted.text);
        let aligned = if gold_entities {
            align_entities(&gold.paragraphs, &predicted.paragraphs, &predicted.entities)
        } else {
            Vec::new()
        };
        let entities_from_gold_body = entities_from_gold_body.filter(|_| gold_entities);
        PageScore {
            id: id.to_string(),
            words,
            word_counts,
            paragraphs: paragraph_counts(&gold.paragraphs, &predicted.paragraphs),
            fields: field_matches(gold, predicted)
                .into_iter()
                .filter(|(f, _)| fields.contains(f))
                .collect(),
            entities_exact: entity_counts(&gold.entities, &aligned, EntityMatch::Exact),
            entities_overlap: entity_counts(&gold.entities, &aligned, EntityMatch::Overlap),
            gold_body_exact: entities_from_gold_body
                .map(|e| entity_counts(&gold.entities, e, EntityMatch::Exact)),
            gold_body_overlap: entities_from_gold_body
                .map(|e| entity_counts(&gold.entities, e, EntityMatch::Overlap)),
            lost_body: word_counts.tp + word_counts.fn_ > 0 && words.recall < LOST_BODY_RECALL,
            missed: Vec::new(),
            spurious: Vec::new(),
        }
        .with_errors(gold, entities_from_gold_body)
    }

    fn with_errors(mut self, gold: &Article, on_gold_body: Option<&[Entity]>) -> PageScore {
        if let Some(pred) = on_gold_body {
            let (missed, spurious) = entity_errors(&gold.entities, pred);
            let pairs = |v: Vec<Entity>| v.into_iter().map(|e| (e.kind, e.text)).collect();
            self.missed = pairs(missed);
            self.spurious = pairs(spurious);
        }
        self
    }
}

/// One row of an entity table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TypeCounts {
    #[serde(rename = "type")]
    pub kind: String,
    pub counts: Counts,
    pub score: Prf,
}

/// A set of pages, summed up.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Summary {
    pub name: String,
    pub pages: usize,
    /// Word-token scores averaged over pages.
    pub words: Prf,
    /// Exact paragraphs, micro.
    pub paragraphs: Prf,
    pub paragraph_counts: Counts,
    /// Exact-match accuracy per field, over the pages whose gold knows the field.
    pub fields: BTreeMap<String, f64>,
    /// Per type, then a last row `all` (micro).
    pub entities_exact: Vec<TypeCounts>,
    pub entities_overlap: Vec<TypeCounts>,
    pub gold_body_exact: Vec<TypeCounts>,
    pub gold_body_overlap: Vec<TypeCounts>,
    /// Pages that lost their body.
    pub lost_body: Vec<String>,
    /// The most frequent missed and spurious mentions (extraction on the gold body):
    /// (type, text, count).
    pub top_missed: Vec<(String, String, usize)>,
    pub top_spurious: Vec<(String, String, usize)>,
}

/// How many missed and spurious mentions a summary lists.
const TOP_ERRORS: usize = 15;

fn top_errors<'a>(
    lists: impl Iterator<Item = &'a Vec<(EntityType, String)>>,
) -> Vec<(String, String, usize)> {
    let mut counts: BTreeMap<(EntityType, &str), usize> = BTreeMap::new();
    for list in lists {
        for (k, t) in list {
            *counts.entry((*k, t.as_str())).or_default() += 1;
        }
    }
    let mut v: Vec<_> = counts
        .into_iter()
        .map(|((k, t), n)| (k.as_str().to_string(), t.to_string(), n))
        .collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    v.truncate(TOP_ERRORS);
    v
}

fn entity_table<'a>(
    maps: impl Iterator<Item = &'a BTreeMap<EntityType, Counts>>,
) -> Vec<TypeCounts> {
    let mut per_type: BTreeMap<EntityType, Counts> = BTreeMap::new();
    for m in maps {
        for (k, c) in m {
            per_type.entry(*k).or_default().add(*c);
        }
    }
    if per_type.is_empty() {
        return Vec::new();
    }
    let mut all = Counts::default();
    let mut rows: Vec<TypeCounts> = EntityType::ALL
        .into_iter()
        .filter_map(|k| per_type.get(&k).map(|c| (k, *c)))
        .map(|(k, c)| {
            all.add(c);
            TypeCounts {
                kind: k.as_str().to_string(),
                counts: c,
                score: c.prf(),
            }
        })
        .collect();
    rows.push(TypeCounts {
        kind: "all".into(),
        counts: all,
        score: all.prf(),
    });
    rows
}

impl Summary {
    pub fn from_pages(name: &str, pages: &[&PageScore]) -> Summary {
        let mut paragraph_counts = Counts::default();
        let mut field_hits: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for p in pages {
            paragraph_counts.add(p.paragraphs);
            for (f, ok) in &p.fields {
                let e = field_hits.entry(f.as_str().to_string()).or_default();
                e.0 += usize::from(*ok);
                e.1 += 1;
            }
        }
        let words: Vec<Prf> = pages.iter().map(|p| p.words).collect();
        Summary {
            name: name.to_string(),
            pages: pages.len(),
            words: Prf::mean(&words),
            paragraphs: paragraph_counts.prf(),
            paragraph_counts,
            fields: field_hits
                .into_iter()
                .map(|(f, (hit, n))| (f, hit as f64 / n as f64))
                .collect(),
            entities_exact: entity_table(pages.iter().map(|p| &p.entities_exact)),
            entities_overlap: entity_table(pages.iter().map(|p| &p.entities_overlap)),
            gold_body_exact: entity_table(pages.iter().filter_map(|p| p.gold_body_exact.as_ref())),
            gold_body_overlap: entity_table(
                pages.iter().filter_map(|p| p.gold_body_overlap.as_ref()),
            ),
            lost_body: pages
                .iter()
                .filter(|p| p.lost_body)
                .map(|p| p.id.clone())
                .collect(),
            top_missed: top_errors(pages.iter().map(|p| &p.missed)),
            top_spurious: top_errors(pages.iter().map(|p| &p.spurious)),
        }
    }

    /// The figures the regression gate watches, by stable name.
    pub fn metrics(&self) -> Vec<(String, f64)> {
        let mut m = vec![
            ("body.words.precision".to_string(), self.words.precision),
            ("body.words.recall".to_string(), self.words.recall),
            ("body.words.f1".to_string(), self.words.f1),
            ("body.paragraphs.f1".to_string(), self.paragraphs.f1),
        ];
        for (f, acc) in &self.fields {
            m.push((format!("fields.{f}"), *acc));
        }
        for (name, table) in [
            ("entities.exact", &self.entities_exact),
            ("entities.overlap", &self.entities_overlap),
            ("entities.gold_body.exact", &self.gold_body_exact),
            ("entities.gold_body.overlap", &self.gold_body_overlap),
        ] {
            for row in table {
                m.push((format!("{name}.{}.f1", row.kind), row.score.f1));
            }
        }
        m
    }

    /// The summary as a plain-text table a person reads at a glance.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "== {} ({} pages) ==", self.name, self.pages);
        let _ = writeln!(
            s,
            "{:<34} {:>9} {:>9} {:>9}",
            "body", "precision", "recall", "F1"
        );
        let row = |s: &mut String, label: &str, p: &Prf| {
            let _ = writeln!(
                s,
                "{label:<34} {:>9.3} {:>9.3} {:>9.3}",
                p.precision, p.recall, p.f1
            );
        };
        row(&mut s, "  word tokens (mean per page)", &self.words);
        let c = self.paragraph_counts;
        row(
            &mut s,
            &format!("  paragraphs (micro, {}/{} gold)", c.tp, c.tp + c.fn_),
            &self.paragraphs,
        );
        if !self.lost_body.is_empty() {
            const SHOWN: usize = 12;
            let mut names = self.lost_body[..self.lost_body.len().min(SHOWN)].join(", ");
            if self.lost_body.len() > SHOWN {
                names.push_str(&format!(
                    " and {} more (all in --json)",
                    self.lost_body.len() - SHOWN
                ));
            }
            let _ = writeln!(
                s,
                "  lost body (<50% of gold words) on {} of {} pages ({:.1}%): {names}",
                self.lost_body.len(),
                self.pages,
                100.0 * self.lost_body.len() as f64 / self.pages.max(1) as f64
            );
        }
        if !self.fields.is_empty() {
            let _ = writeln!(s, "{:<34} {:>9}", "fields", "accuracy");
            for (f, acc) in &self.fields {
                let _ = writeln!(s, "  {f:<32} {acc:>9.3}");
            }
        }
        for (title, exact, overlap) in [
            ("entities", &self.entities_exact, &self.entities_overlap),
            (
                "entities on gold body",
                &self.gold_body_exact,
                &self.gold_body_overlap,
            ),
        ] {
            if exact.is_empty() {
                continue;
            }
            let _ = writeln!(
                s,
                "{title:<20} {:>6} {:>6} | {:>7} {:>7} {:>7} | {:>7} {:>7} {:>7}",
                "gold", "pred", "P exact", "R exact", "F1", "P over", "R over", "F1"
            );
            for (e, o) in exact.iter().zip(overlap) {
                let _ = writeln!(
                    s,
                    "  {:<18} {:>6} {:>6} | {:>7.3} {:>7.3} {:>7.3} | {:>7.3} {:>7.3} {:>7.3}",
                    e.kind,
                    e.counts.tp + e.counts.fn_,
                    e.counts.tp + e.counts.fp,
                    e.score.precision,
                    e.score.recall,
                    e.score.f1,
                    o.score.precision,
                    o.score.recall,
                    o.score.f1
                );
            }
        }
        for (title, list) in [
            ("top missed mentions (on gold body)", &self.top_missed),
            ("top spurious mentions (on gold body)", &self.top_spurious),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(s, "{title}");
            let line: Vec<String> = list
                .iter()
                .map(|(k, t, n)| format!("{t} [{k}] x{n}"))
                .collect();
            for chunk in line.chunks(3) {
                let _ = writeln!(s, "  {}", chunk.join(" · "));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_body_is_flagged() {
        let gold = Article {
            paragraphs: vec!["one two three four".into()],
            text: "one two three four".into(),
            ..Article::default()
        };
        let pred = Article {
            paragraphs: vec!["one".into()],
            text: "one".into(),
            ..Article::default()
        };
        let p = PageScore::new("p1", &gold, &pred, &Field::ALL, true, None);
        assert!(p.lost_body);
        let s = Summary::from_pages("all", &[&p]);
        assert_eq!(s.lost_body, ["p1"]);
        assert!(s.render().contains("lost body"));
        assert_eq!(s.fields["title"], 1.0);
    }
}
