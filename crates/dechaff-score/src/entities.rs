use crate::Counts;
use dechaff_schema::{Entity, EntityType, PARAGRAPH_SEPARATOR};
use std::collections::BTreeMap;

/// How a predicted entity must meet a gold one to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityMatch {
    /// Same type, same start and end.
    Exact,
    /// Same type, spans share at least one character; each entity matches at most once.
    Overlap,
}

/// Character offsets at which each paragraph starts in the joined text.
fn paragraph_starts(paragraphs: &[String]) -> Vec<usize> {
    let sep = PARAGRAPH_SEPARATOR.chars().count();
    let mut starts = Vec::with_capacity(paragraphs.len());
    let mut at = 0;
    for p in paragraphs {
        starts.push(at);
        at += p.chars().count() + sep;
    }
    starts
}

/// Moves predicted entities into the gold text's coordinates.
///
/// Predicted paragraphs are matched to equal gold paragraphs in order; an entity in a
/// matched paragraph is shifted by the difference of the paragraph starts. An entity in
/// a paragraph the gold does not have is placed past the end of the gold text, where
/// it can match nothing and counts as spurious.
pub fn align_entities(
    gold_paragraphs: &[String],
    predicted_paragraphs: &[String],
    predicted: &[Entity],
) -> Vec<Entity> {
    let gold_starts = paragraph_starts(gold_paragraphs);
    let pred_starts = paragraph_starts(predicted_paragraphs);
    let gold_len: usize = gold_paragraphs.last().map_or(0, |p| {
        gold_starts[gold_starts.len() - 1] + p.chars().count()
    });
    // Paragraph i of the prediction -> paragraph j of the gold, monotonic.
    let mut mapping = vec![None; predicted_paragraphs.len()];
    let mut next_gold = 0;
    for (i, p) in predicted_paragraphs.iter().enumerate() {
        if let Some(offset) = gold_paragraphs[next_gold.min(gold_paragraphs.len())..]
            .iter()
            .position(|g| g == p)
        {
            let j = next_gold + offset;
            mapping[i] = Some(j);
            next_gold = j + 1;
        }
    }
    predicted
        .iter()
        .map(|e| {
            // The paragraph holding the entity: the last one starting at or before it.
            let i = pred_starts
                .partition_point(|&s| s <= e.start)
                .saturating_sub(1);
            let shifted = match mapping.get(i).copied().flatten() {
                Some(j) => (
                    e.start - pred_starts[i] + gold_starts[j],
                    e.end - pred_starts[i] + gold_starts[j],
                ),
                None => (gold_len + 1 + e.start, gold_len + 1 + e.end),
            };
            Entity {
                start: shifted.0,
                end: shifted.1,
                ..e.clone()
            }
        })
        .collect()
}

/// Gold entities no prediction matches exactly (missed), and predictions that match no
/// gold entity exactly (spurious).
pub fn entity_errors(gold: &[Entity], predicted: &[Entity]) -> (Vec<Entity>, Vec<Entity>) {
    let key = |e: &Entity| (e.kind, e.start, e.end);
    let gold_keys: std::collections::HashSet<_> = gold.iter().map(key).collect();
    let pred_keys: std::collections::HashSet<_> = predicted.iter().map(key).collect();
    let missed = gold
        .iter()
        .filter(|e| !pred_keys.contains(&key(e)))
        .cloned()
        .collect();
    let spurious = predicted
        .iter()
        .filter(|e| !gold_keys.contains(&key(e)))
        .cloned()
        .collect();
    (missed, spurious)
}

/// Per-type matches of predicted against gold entities (both in gold coordinates).
pub fn entity_counts(
    gold: &[Entity],
    predicted: &[Entity],
    how: EntityMatch,
) -> BTreeMap<EntityType, Counts> {
    let mut out: BTreeMap<EntityType, Counts> = BTreeMap::new();
    let mut used = vec![false; predicted.len()];
    for g in gold {
        let hit = predicted.iter().enumerate().position(|(k, p)| {
            !used[k]
                && p.kind == g.kind
                && match how {
                    EntityMatch::Exact => p.start == g.start && p.end == g.end,
                    EntityMatch::Overlap => p.start < g.end && g.start < p.end,
                }
        });
        let c = out.entry(g.kind).or_default();
        match hit {
            Some(k) => {
                used[k] = true;
                c.tp += 1;
            }
            None => c.fn_ += 1,
        }
    }
    for (k, p) in predicted.iter().enumerate() {
        if !used[k] {
            out.entry(p.kind).or_default().fp += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(kind: EntityType, text: &str, start: usize) -> Entity {
        Entity::new(kind, text, start, start + text.chars().count())
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn alignment_shifts_through_shared_paragraphs() {
        let gold = strings(&["Intro.", "Russia sent S-400."]);
        let pred = strings(&["Menu", "Russia sent S-400."]);
        // In the prediction, "Russia" starts at 6 (after "Menu\n\n").
        let aligned = align_entities(
            &gold,
            &pred,
            &[
                e(EntityType::Location, "Menu", 0),
                e(EntityType::Location, "Russia", 6),
            ],
        );
        assert_eq!(aligned[1].start, 8);
        assert!(
            aligned[0].start > 26,
            "unaligned entity lands past the gold text"
        );
    }

    #[test]
    fn exact_and_overlap() {
        use EntityType::*;
        let gold = [
            e(Organisation, "Syrian Arab Army", 4),
            e(Temporal, "2020", 30),
        ];
        let pred = [
            e(Organisation, "the Syrian Arab Army", 0),
            e(Temporal, "2020", 30),
            e(Location, "Syria", 40),
        ];
        let exact = entity_counts(&gold, &pred, EntityMatch::Exact);
        assert_eq!(
            exact[&Organisation],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            exact[&Temporal],
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            exact[&Location],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        let overlap = entity_counts(&gold, &pred, EntityMatch::Overlap);
        assert_eq!(
            overlap[&Organisation],
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }
}
