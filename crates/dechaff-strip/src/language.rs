//! Stop-word lists per language, and picking a page's language from them.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A language dechaff has stop words and cues for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    German,
}

const EN: &str = include_str!("../data/stopwords-en.txt");
const DE: &str = include_str!("../data/stopwords-de.txt");

fn parse(list: &str) -> HashSet<&str> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

fn list(language: Language) -> &'static HashSet<&'static str> {
    static LISTS: OnceLock<[HashSet<&'static str>; 2]> = OnceLock::new();
    let lists = LISTS.get_or_init(|| [parse(EN), parse(DE)]);
    match language {
        Language::English => &lists[0],
        Language::German => &lists[1],
    }
}

impl Language {
    /// Share of `words` that are stop words of this language.
    /// Tokens without a letter (numbers, times, symbols) are not words and do not
    /// count, so a sentence full of figures is not mistaken for a table.
    pub fn stopword_density(self, words: &[&str]) -> f32 {
        let words: Vec<&&str> = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        if words.is_empty() {
            return 0.0;
        }
        let stop = list(self);
        let hits = words
            .iter()
            .filter(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                stop.contains(w) || stop.contains(w.to_lowercase().as_str())
            })
            .count();
        hits as f32 / words.len() as f32
    }

    /// The language whose stop words cover more of the page.
    pub fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> Language {
        let words: Vec<&str> = texts.flat_map(str::split_whitespace).collect();
        if Language::German.stopword_density(&words) > Language::English.stopword_density(&words) {
            Language::German
        } else {
            Language::English
        }
    }
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
    }
}
