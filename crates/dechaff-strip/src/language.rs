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

/// The stop words of both lists, looked up two ways.
struct StopWordLists {
    /// Every stop word, for words with non-ASCII letters.
    words: StopWords,
    /// The ASCII ones, for ASCII words.
    packed: PackedStopWords,
    /// The length in bytes of the longest.
    longest: usize,
}

/// The stop words of both lists, built once.
fn stop_words() -> &'static StopWordLists {
    static WORDS: OnceLock<StopWordLists> = OnceLock::new();
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
        StopWordLists {
            packed: PackedStopWords::new(&words),
            words,
            longest,
        }
    })
}

/// The longest a stop word may be, in bytes (the lists' longest is about a dozen): an
/// ASCII one must fit [`pack`].
const MAX_STOP_WORD_BYTES: usize = PACKED_BYTES;

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

/// The ASCII stop words, each packed into an integer (its bytes, little-endian,
/// zero-padded), in an open-addressed table: an ASCII word, nineteen words in twenty,
/// is looked up with a multiply and a compare or two, where hashing its bytes and
/// comparing slices in a `HashMap` cost as much as the rest of the count.
struct PackedStopWords {
    /// `(key, language bits)`; key 0 is an empty slot (no word packs to 0).
    slots: Box<[(u128, u8)]>,
}

/// Slots of [`PackedStopWords`]: a power of two, at least twice the lists' length.
const PACKED_SLOTS: usize = 1024;

/// The longest ASCII word [`pack`] takes, in bytes.
const PACKED_BYTES: usize = 16;

/// `word` (ASCII, at most [`PACKED_BYTES`] bytes) lowercased and packed.
#[inline]
fn pack(word: &[u8]) -> u128 {
    let mut buf = [0u8; PACKED_BYTES];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    u128::from_le_bytes(buf)
}

#[inline]
fn slot_of(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - PACKED_SLOTS.trailing_zeros())) as usize
}

impl PackedStopWords {
    fn new(words: &StopWords) -> PackedStopWords {
        let mut slots = vec![(0u128, 0u8); PACKED_SLOTS].into_boxed_slice();
        let ascii: Vec<_> = words.iter().filter(|(w, _)| w.is_ascii()).collect();
        assert!(
            ascii.len() * 2 <= PACKED_SLOTS,
            "more than {} ASCII stop words",
            PACKED_SLOTS / 2
        );
        for (word, bits) in ascii {
            let key = pack(word);
            let mut i = slot_of(key);
            while slots[i].0 != 0 {
                i = (i + 1) % PACKED_SLOTS;
            }
            slots[i] = (key, *bits);
        }
        PackedStopWords { slots }
    }

    /// The language bits of a packed word, 0 if it is no stop word.
    #[inline]
    fn get(&self, key: u128) -> u8 {
        let mut i = slot_of(key);
        loop {
            let (k, bits) = self.slots[i];
            if k == key {
                return bits;
            }
            if k == 0 {
                return 0;
            }
            i = (i + 1) % PACKED_SLOTS;
        }
    }
}

/// Counts, for each language, the words and the stop words among `words`, in one pass,
/// one lookup per word and one lowercasing buffer.
fn stop_counts<'a, const N: usize>(
    languages: [Language; N],
    words: impl Iterator<Item = &'a str>,
) -> [Counts; N] {
    let mut counts = [Counts { stop: 0, words: 0 }; N];
    let StopWordLists {
        words: stop_words,
        packed,
        longest,
    } = stop_words();
    let longest = *longest;
    let mut lower = String::new();
    for word in words {
        // Most words are ASCII: one pass over their bytes tells whether they have a
        // letter and where their alphanumeric core starts and ends, with no decoding;
        // one longer than every stop word needs no lookup.
        let bytes = word.as_bytes();
        let (mut first, mut last) = (usize::MAX, 0);
        let mut ascii = true;
        let mut has_letter = false;
        for (i, &b) in bytes.iter().enumerate() {
            if b >= 0x80 {
                ascii = false;
                break;
            }
            if b.is_ascii_alphanumeric() {
                if first == usize::MAX {
                    first = i;
                }
                last = i;
                has_letter |= b.is_ascii_alphabetic();
            }
        }
        let bits = if ascii {
            if !has_letter {
                continue;
            }
            for c in counts.iter_mut() {
                c.words += 1;
            }
            let core = &bytes[first..=last];
            if core.len() > longest {
                continue;
            }
            packed.get(pack(core))
        } else {
            if !word.chars().any(char::is_alphabetic) {
                continue;
            }
            for c in counts.iter_mut() {
                c.words += 1;
            }
            // The lists hold lower case only: a word with a capital is looked up
            // lowercased.
            let w = word.trim_matches(|c: char| !c.is_alphanumeric());
            let key = if w.chars().any(char::is_uppercase) {
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                lower.as_bytes()
            } else {
                w.as_bytes()
            };
            stop_words.get(key).copied().unwrap_or(0)
        };
        if bits != 0 {
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
    fn packed_table_finds_every_ascii_stop_word_and_nothing_else() {
        let lists = stop_words();
        for (word, bits) in lists.words.iter().filter(|(w, _)| w.is_ascii()) {
            assert_eq!(lists.packed.get(pack(word)), *bits, "{word:?}");
            let upper = word.to_ascii_uppercase();
            assert_eq!(lists.packed.get(pack(&upper)), *bits, "{upper:?}");
        }
        for word in ["army", "thee", "th", "brigade", "und1", "zzzzzzzzzzzzzzzz"] {
            assert_eq!(lists.packed.get(pack(word.as_bytes())), 0, "{word}");
        }
        // Punctuation around a word and a capital do not hide it.
        let [en] = stop_counts(
            [Language::English],
            ["(The", "army,", "\"and\"", "42"].into_iter(),
        );
        assert_eq!((en.stop, en.words), (2, 3));
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
