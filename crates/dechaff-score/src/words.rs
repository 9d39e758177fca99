use crate::{Counts, Prf};
use std::collections::HashMap;

/// Lowercased `\w+` tokens (letters, digits, marks and `_`), as WCXB's scorer takes them.
pub fn word_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Combining marks, which Python's `\w` includes (Devanagari vowel signs, for one).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f | 0x900..=0x97f | 0x1ab0..=0x1aff | 0x20d0..=0x20ff)
        && !c.is_alphanumeric()
        && !c.is_whitespace()
}

/// Word-token precision, recall and F1 of `predicted` against `gold`, as bags.
pub fn words_prf(gold: &str, predicted: &str) -> (Prf, Counts) {
    let mut bag: HashMap<String, usize> = HashMap::new();
    let gold_tokens = word_tokens(gold);
    for t in &gold_tokens {
        *bag.entry(t.clone()).or_default() += 1;
    }
    let predicted_tokens = word_tokens(predicted);
    let mut tp = 0;
    for t in &predicted_tokens {
        if let Some(n) = bag.get_mut(t) {
            if *n > 0 {
                *n -= 1;
                tp += 1;
            }
        }
    }
    let counts = Counts {
        tp,
        fp: predicted_tokens.len() - tp,
        fn_: gold_tokens.len() - tp,
    };
    (counts.prf(), counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lowercase_words() {
        assert_eq!(
            word_tokens("S-400 Triumf’s range: 400km!"),
            ["s", "400", "triumf", "s", "range", "400km"]
        );
        assert_eq!(word_tokens("Złoczów über_alles"), ["złoczów", "über_alles"]);
    }

    #[test]
    fn bag_overlap() {
        let (p, c) = words_prf("the army the navy", "the the the army");
        assert_eq!(
            c,
            Counts {
                tp: 3,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(p.precision, 0.75);
        let (p, _) = words_prf("some body", "");
        assert_eq!(p.f1, 0.0);
    }
}
