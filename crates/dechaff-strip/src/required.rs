//! Literals a regex cannot match without. A block that holds none of a cue line's
//! literals cannot match the line, so one Aho-Corasick pass over the block spares it
//! most cue regexes (whose fixed cost per call dominates on short blocks).

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// Literals, in ASCII lower case, of which every match of `hir` holds at least one
/// (compared ignoring ASCII case), or `None` when no such set is known. Exact, not
/// heuristic: a letter class with a non-ASCII member (case-insensitive `k` also
/// matches the Kelvin sign) ends a literal rather than joining it.
pub fn required_literals(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(literal) => {
            let text = std::str::from_utf8(&literal.0).ok()?;
            Some(vec![text.to_ascii_lowercase()])
        }
        HirKind::Class(_) => ascii_letter(hir).map(|c| vec![c.to_string()]),
        HirKind::Capture(capture) => required_literals(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => {
            required_literals(&repetition.sub)
        }
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required_literals(branch)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Concat(children) => {
            // Runs of single characters in a row are literals; any child's own set
            // is a candidate too. The set whose shortest literal is longest filters
            // best.
            let mut candidates: Vec<Vec<String>> = Vec::new();
            let mut run = String::new();
            for child in children {
                if let Some(text) = single_text(child) {
                    run.push_str(&text);
                    continue;
                }
                if !run.is_empty() {
                    candidates.push(vec![std::mem::take(&mut run)]);
                }
                candidates.extend(required_literals(child));
            }
            if !run.is_empty() {
                candidates.push(vec![run]);
            }
            candidates.into_iter().max_by_key(|set| {
                (
                    set.iter().map(String::len).min(),
                    std::cmp::Reverse(set.len()),
                )
            })
        }
        _ => None,
    }
}

/// The bytes a match of `hir` can start with, when it is anchored at the start of the
/// text and the set is known; `None` otherwise. A line anchored this way fails at
/// the block's first byte when it is not in the set, and that one test is much
/// cheaper than the regex engine's fixed cost per call.
pub fn first_bytes(hir: &Hir) -> Option<Box<[bool; 256]>> {
    if !hir.properties().look_set_prefix().contains(Look::Start) {
        return None;
    }
    let prefixes = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_class(64)
        .extract(hir);
    let mut bytes = Box::new([false; 256]);
    for literal in prefixes.literals()? {
        let &first = literal.as_bytes().first()?;
        bytes[usize::from(first)] = true;
    }
    Some(bytes)
}

/// The text a child of a concatenation always matches, when it is fixed: a literal,
/// or one letter in either ASCII case.
fn single_text(hir: &Hir) -> Option<String> {
    match hir.kind() {
        HirKind::Literal(literal) => std::str::from_utf8(&literal.0)
            .ok()
            .map(str::to_ascii_lowercase),
        HirKind::Class(_) => ascii_letter(hir).map(String::from),
        _ => None,
    }
}

/// The letter of a class that is exactly one ASCII character, or one ASCII letter in
/// both cases (`[Aa]`), lowercased.
fn ascii_letter(hir: &Hir) -> Option<char> {
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
        return None;
    };
    let chars: Vec<char> = class
        .ranges()
        .iter()
        .flat_map(|r| r.start()..=r.end())
        .take(3)
        .collect();
    match chars[..] {
        [c] if c.is_ascii() => Some(c.to_ascii_lowercase()),
        [a, b] if a.is_ascii_alphabetic() && a.to_ascii_lowercase() == b => Some(b),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn required(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern)
            .unwrap();
        required_literals(&hir)
    }

    fn starts(pattern: &str) -> Option<String> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern)
            .unwrap();
        first_bytes(&hir).map(|set| {
            (0u8..=255)
                .filter(|&b| set[usize::from(b)])
                .map(char::from)
                .collect()
        })
    }

    #[test]
    fn anchored_lines_know_their_first_bytes() {
        assert_eq!(starts(r"^[0-9]+\s?min$").as_deref(), Some("0123456789"));
        assert_eq!(starts(r"^(?-i:[A-C])\w+ writes").as_deref(), Some("ABC"));
        assert_eq!(starts(r"^read more").as_deref(), Some("Rr"));
        // Not anchored, anchored in one branch only, or an optional start: unknown.
        assert_eq!(starts(r"\bread more"), None);
        assert_eq!(starts(r"^©|\bredistribution\b"), None);
        assert_eq!(starts(r"^[{(]?\s*[0-9]+ comments"), None);
    }

    #[test]
    fn finds_the_literals_a_match_needs() {
        assert_eq!(
            required(r"^[^.!?]{1,60}( · [^.!?]{1,40}){1,4}$"),
            Some(vec![" · ".to_string()])
        );
        // "k" and "s" fold to non-ASCII letters too, so they end a literal.
        assert_eq!(
            required(r"\b(we use cookies|all rights reserved)\b"),
            Some(vec!["all right".to_string(), "e coo".to_string()])
        );
        assert_eq!(required(r"^\d+$"), None);
        assert_eq!(required(r"^(photo|\d+)$"), None);
    }
}
