//! Stop-word lists per language, and picking a page's language from them.

use crate::fnv::Fnv;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

type StopWords = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// A language dechaff has stop words and cues for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    German,
}

const EN: &str = include_str!("../data/stopwords-en.txt");
const DE: &str = include_str!("../data/stopwords-de.txt");

fn parse(list: &'static str) -> StopWords {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

/// The stop-word lists and the length in bytes of their longest word.
fn lists() -> &'static ([StopWords; 2], usize) {
    static LISTS: OnceLock<([StopWords; 2], usize)> = OnceLock::new();
    LISTS.get_or_init(|| {
        let lists = [parse(EN), parse(DE)];
        // `stop_counts` looks a capitalised word up in lower case only.
        assert!(
            lists
                .iter()
                .flatten()
                .all(|w| !w.chars().any(char::is_uppercase)),
            "stop-word lists are written in lower case"
        );
        let longest = lists.iter().flatten().map(|w| w.len()).max().unwrap_or(0);
        (lists, longest)
    })
}

fn list(language: Language) -> &'static StopWords {
    let (lists, _) = lists();
    match language {
        Language::English => &lists[0],
        Language::German => &lists[1],
    }
}

fn longest_stop_word() -> usize {
    lists().1
}

/// Loads the stop-word lists now (see [`crate::warm_up`]).
pub fn warm_up() {
    list(Language::English);
}

impl Language {
    /// Share of `words` that are stop words of this language.
    /// Tokens without a letter (numbers, times, symbols) are not words and do not
    /// count, so a sentence full of figures is not mistaken for a table.
    pub fn stopword_density<'a>(self, words: impl Iterator<Item = &'a str>) -> f32 {
        let [hits] = stop_counts([list(self)], words);
        hits.density()
    }

    /// The language whose stop words cover more of the page's prose.
    ///
    /// Reads blocks of at least [`PROSE_WORDS`] words (navigation and lists say little
    /// about a language) and stops after [`SAMPLE_WORDS`] words: a few thousand words
    /// decide, and a long page costs no more than a short one. A page without prose
    /// is judged on all its words.
    pub fn detect<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Language {
        let prose = texts
            .clone()
            .filter(|t| t.split_whitespace().nth(PROSE_WORDS - 1).is_some())
            .flat_map(str::split_whitespace)
            .take(SAMPLE_WORDS);
        let sampled: Vec<&str> = prose.collect();
        let lists = [list(Language::English), list(Language::German)];
        let [en, de] = if sampled.is_empty() {
            stop_counts(lists, texts.flat_map(str::split_whitespace))
        } else {
            stop_counts(lists, sampled.into_iter())
        };
        if de.density() > en.density() {
            Language::German
        } else {
            Language::English
        }
    }
}

/// A block with fewer words is not prose for [`Language::detect`].
const PROSE_WORDS: usize = 8;

/// Words [`Language::detect`] reads at most.
const SAMPLE_WORDS: usize = 3000;

impl Language {
    #[cfg(test)]
    fn detect_all<'a>(texts: impl Iterator<Item = &'a str>) -> Language {
        let words = texts.flat_map(str::split_whitespace);
        let [en, de] = stop_counts([list(Language::English), list(Language::German)], words);
        if de.density() > en.density() {
            Language::German
        } else {
            Language::English
        }
    }
}

/// Stop words and words counted by [`stop_counts`].
#[derive(Clone, Copy)]
struct Counts {
    stop: usize,
    words: usize,
}

impl Counts {
    fn density(self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stop as f32 / self.words as f32
        }
    }
}

/// Counts, for each list, the words and the stop words among `words`, in one pass and
/// with one lowercasing buffer for all lists.
fn stop_counts<'a, const N: usize>(
    lists: [&StopWords; N],
    words: impl Iterator<Item = &'a str>,
) -> [Counts; N] {
    let mut counts = [Counts { stop: 0, words: 0 }; N];
    let longest = longest_stop_word();
    let mut lower = String::new();
    for word in words {
        // Most words are ASCII: their test, trimming and lowercasing need no decoding,
        // and one longer than every stop word needs no lookup. The lists hold lower
        // case only, so a word with a capital is looked up lowercased alone.
        let ascii = word.is_ascii();
        let has_letter = if ascii {
            word.bytes().any(|b| b.is_ascii_alphabetic())
        } else {
            word.chars().any(char::is_alphabetic)
        };
        if !has_letter {
            continue;
        }
        for c in counts.iter_mut() {
            c.words += 1;
        }
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        let key: &str = if ascii {
            if w.len() > longest {
                continue;
            }
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                lower.clear();
                lower.push_str(w);
                lower.make_ascii_lowercase();
                &lower
            } else {
                w
            }
        } else if w.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            &lower
        } else {
            w
        };
        for (list, c) in lists.iter().zip(counts.iter_mut()) {
            if list.contains(key) {
                c.stop += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_german_and_english() {
        let de = "Die Bundeswehr hat am Montag mit der Übung begonnen, die bis zum Freitag dauert.";
        let en = "The army began the exercise on Monday, and it will run until Friday.";
        assert_eq!(Language::detect([de].into_iter()), Language::German);
        assert_eq!(Language::detect([en].into_iter()), Language::English);
        assert_eq!(
            Language::detect(["Home", "Suche", de].into_iter()),
            Language::German
        );
        assert_eq!(
            Language::detect_all(["und die der"].into_iter()),
            Language::German
        );
        assert_eq!(
            Language::detect(["und die der"].into_iter()),
            Language::German
        );
    }
}
