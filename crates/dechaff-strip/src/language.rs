//! Stop-word lists per language, and picking a page's language from them.

use crate::fnv::Fnv;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Every stop word with the languages it is one of (a bit per [`Language`]): one
/// lookup answers for both lists.
/// Keyed by bytes: a lowercased ASCII buffer is looked up without validating it.
type StopWords = HashMap<&'static [u8], u8, BuildHasherDefault<Fnv>>;

/// A language dechaff has stop words and cues for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    German,
}

const EN: &str = include_str!("../data/stopwords-en.txt");
const DE: &str = include_str!("../data/stopwords-de.txt");

impl Language {
    /// This language's bit in [`StopWords`].
    fn bit(self) -> u8 {
        match self {
            Language::English => 1,
            Language::German => 2,
        }
    }
}

/// The stop words of both lists, and the length in bytes of the longest.
fn stop_words() -> &'static (StopWords, usize) {
    static WORDS: OnceLock<(StopWords, usize)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = StopWords::default();
        for (list, language) in [(EN, Language::English), (DE, Language::German)] {
            for word in list
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
            {
                *words.entry(word.as_bytes()).or_insert(0) |= language.bit();
            }
        }
        // `stop_counts` looks a capitalised word up in lower case only.
        assert!(
            words
                .keys()
                .all(|w| !String::from_utf8_lossy(w).chars().any(char::is_uppercase)),
            "stop-word lists are written in lower case"
        );
        let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
        assert!(
            longest <= MAX_STOP_WORD_BYTES,
            "a stop word is longer than {MAX_STOP_WORD_BYTES} bytes"
        );
        (words, longest)
    })
}

/// The longest a stop word may be, in bytes (the lists' longest is about a dozen).
const MAX_STOP_WORD_BYTES: usize = 32;

/// Loads the stop-word lists now (see [`crate::warm_up`]).
pub fn warm_up() {
    stop_words();
}

impl Language {
    /// Share of `words` that are stop words of this language.
    /// Tokens without a letter (numbers, times, symbols) are not words and do not
    /// count, so a sentence full of figures is not mistaken for a table.
    pub fn stopword_density<'a>(self, words: impl Iterator<Item = &'a str>) -> f32 {
        let [hits] = stop_counts([self], words);
        hits.density()
    }

    /// The language whose stop words cover more of the page's prose.
    ///
    /// Reads blocks of at least [`PROSE_WORDS`] words (navigation and lists say little
    /// about a language) and stops after [`SAMPLE_WORDS`] words: a few thousand words
    /// decide, and a long page costs no more than a short one. A page without prose
    /// is judged on all its words.
    pub fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> Language {
        Language::with_densities(texts).0
    }

    /// [`Language::detect`], and each text's stop-word density in that language
    /// ([`Language::stopword_density`]), from one pass over the words: the
    /// classifier reads every block's density, and the page's language came from
    /// the same counts read a second time.
    pub fn with_densities<'a>(texts: impl Iterator<Item = &'a str>) -> (Language, Vec<f32>) {
        let both = [Language::English, Language::German];
        let texts: Vec<&str> = texts.collect();
        // Each text's counts for both languages, and its number of words (every
        // whitespace-separated token, as the prose test and the sample count them).
        let per_text: Vec<([Counts; 2], usize)> = texts
            .iter()
            .map(|text| {
                let mut tokens = 0;
                let counts = stop_counts(both, crate::block::words(text).inspect(|_| tokens += 1));
                (counts, tokens)
            })
            .collect();
        let mut sample = [Counts::default(); 2];
        let mut any_prose = false;
        let mut room = SAMPLE_WORDS;
        for (text, (counts, tokens)) in texts.iter().zip(&per_text) {
            if room == 0 {
                break;
            }
            if *tokens < PROSE_WORDS {
                continue;
            }
            any_prose = true;
            // The sample ends inside this text: its first words only.
            let counts = if *tokens > room {
                stop_counts(both, crate::block::words(text).take(room))
            } else {
                *counts
            };
            room -= (*tokens).min(room);
            add(&mut sample, &counts);
        }
        if !any_prose {
            for (counts, _) in &per_text {
                add(&mut sample, counts);
            }
        }
        let language = likelier(sample);
        let which = usize::from(language == Language::German);
        let densities = per_text.iter().map(|(c, _)| c[which].density()).collect();
        (language, densities)
    }
}

/// The language whose stop words cover more of the words counted (English, German);
/// English on a tie.
fn likelier([en, de]: [Counts; 2]) -> Language {
    if de.density() > en.density() {
        Language::German
    } else {
        Language::English
    }
}

fn add(sum: &mut [Counts; 2], counts: &[Counts; 2]) {
    for (s, c) in sum.iter_mut().zip(counts) {
        s.stop += c.stop;
        s.words += c.words;
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
        likelier(stop_counts([Language::English, Language::German], words))
    }
}

/// Stop words and words counted by [`stop_counts`].
#[derive(Clone, Copy, Default)]
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

/// `word` without the non-alphanumeric bytes at either end (an ASCII word's
/// `trim_matches(|c| !c.is_alphanumeric())`, without decoding).
fn trim_ascii_non_alphanumeric(word: &[u8]) -> &[u8] {
    let start = word
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(word.len());
    let end = word
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |i| i + 1);
    &word[start..end]
}

/// Counts, for each language, the words and the stop words among `words`, in one pass,
/// one lookup per word and one lowercasing buffer.
fn stop_counts<'a, const N: usize>(
    languages: [Language; N],
    words: impl Iterator<Item = &'a str>,
) -> [Counts; N] {
    let mut counts = [Counts { stop: 0, words: 0 }; N];
    let (stop_words, longest) = stop_words();
    let longest = *longest;
    let mut lower = String::new();
    // An ASCII word longer than every stop word is not looked up, so this holds any
    // word that is.
    let mut ascii_lower = [0u8; MAX_STOP_WORD_BYTES];
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
        let key: &[u8] = if ascii {
            let w = trim_ascii_non_alphanumeric(word.as_bytes());
            if w.len() > longest {
                continue;
            }
            if w.iter().any(u8::is_ascii_uppercase) {
                let buf = &mut ascii_lower[..w.len()];
                buf.copy_from_slice(w);
                buf.make_ascii_lowercase();
                buf
            } else {
                w
            }
        } else {
            let w = word.trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().any(char::is_uppercase) {
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                lower.as_bytes()
            } else {
                w.as_bytes()
            }
        };
        if let Some(bits) = stop_words.get(key) {
            for (language, c) in languages.iter().zip(counts.iter_mut()) {
                if bits & language.bit() != 0 {
                    c.stop += 1;
                }
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_gives_each_block_its_density_and_the_sample_its_limit() {
        let en = "The army began the exercise on Monday, and it will run until Friday.";
        let de = "Die Bundeswehr hat am Montag mit der Übung begonnen, die bis zum Freitag dauert.";
        // English prose fills the sample; German after it must not count.
        let long_en = [en; 300].join(" ");
        let long_de = [de; 400].join(" ");
        let texts = [
            "Home",
            long_en.as_str(),
            long_de.as_str(),
            "und die der 12:00",
        ];
        let (language, densities) = Language::with_densities(texts.into_iter());
        assert_eq!(language, Language::English);
        assert_eq!(densities.len(), texts.len());
        for (text, density) in texts.iter().zip(&densities) {
            assert_eq!(
                *density,
                Language::English.stopword_density(text.split_whitespace())
            );
        }
        // The German block on its own is German, with German densities.
        let (language, densities) = Language::with_densities([long_de.as_str()].into_iter());
        assert_eq!(language, Language::German);
        assert_eq!(
            densities[0],
            Language::German.stopword_density(long_de.split_whitespace())
        );
    }

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
