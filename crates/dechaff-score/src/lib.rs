//! Gold versus prediction: precision, recall and F1 for bodies, fields and entities.
//!
//! Each measure is defined once here so that the eval harness, the CLI and the tests
//! agree on it:
//!
//! - **Body, word tokens** (the WCXB metric): lowercase, take `\w+` tokens, compare the
//!   two bags (a token counts as often as it occurs in both); per page, then averaged
//!   over pages. An empty prediction against a non-empty gold scores 0.
//! - **Body, paragraphs**: exact paragraph matches (bags), summed over pages (micro).
//! - **Fields**: exact match per field, as fractions of pages.
//! - **Entities**: type + exact span, and type + overlapping span (one-to-one), per type
//!   and micro over types. A predicted body need not equal the gold body, so predicted
//!   entities are first moved into gold coordinates through the paragraphs both share;
//!   an entity in a paragraph the gold does not have is spurious.

mod entities;
mod fields;
mod report;
mod words;

pub use entities::{align_entities, entity_counts, entity_errors, EntityMatch};
pub use fields::{field_matches, Field};
pub use report::{PageScore, Summary, TypeCounts};
pub use words::{word_tokens, words_prf};

use serde::{Deserialize, Serialize};

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    pub fn prf(self) -> Prf {
        Prf::from_counts(self.tp, self.tp + self.fp, self.tp + self.fn_)
    }
}

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// From matches and the two totals. Nothing predicted and nothing expected is a
    /// perfect score; one side empty scores 0 on the side that has no matches.
    pub fn from_counts(matched: usize, predicted: usize, expected: usize) -> Prf {
        if predicted == 0 && expected == 0 {
            return Prf {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0,
            };
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(matched, predicted);
        let recall = ratio(matched, expected);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }

    /// The mean of several scores, each component averaged separately.
    pub fn mean(scores: &[Prf]) -> Prf {
        if scores.is_empty() {
            return Prf::default();
        }
        let n = scores.len() as f64;
        Prf {
            precision: scores.iter().map(|s| s.precision).sum::<f64>() / n,
            recall: scores.iter().map(|s| s.recall).sum::<f64>() / n,
            f1: scores.iter().map(|s| s.f1).sum::<f64>() / n,
        }
    }
}

/// Matches between two bags of paragraphs.
pub fn paragraph_counts(gold: &[String], predicted: &[String]) -> Counts {
    let mut remaining: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for p in gold {
        *remaining.entry(p.as_str()).or_default() += 1;
    }
    let mut tp = 0;
    for p in predicted {
        if let Some(n) = remaining.get_mut(p.as_str()) {
            if *n > 0 {
                *n -= 1;
                tp += 1;
            }
        }
    }
    Counts {
        tp,
        fp: predicted.len() - tp,
        fn_: gold.len() - tp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_edge_cases() {
        assert_eq!(Prf::from_counts(0, 0, 0).f1, 1.0);
        assert_eq!(Prf::from_counts(0, 0, 5).f1, 0.0);
        let p = Prf::from_counts(2, 4, 2);
        assert_eq!((p.precision, p.recall), (0.5, 1.0));
        assert!((p.f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn paragraphs_are_bags() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let c = paragraph_counts(&s(&["a", "b", "b"]), &s(&["b", "b", "b", "c"]));
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 2,
                fn_: 1
            }
        );
    }
}
