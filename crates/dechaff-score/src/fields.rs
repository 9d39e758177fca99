use dechaff_schema::{normalize_whitespace, Article};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The article fields scored by exact match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Section,
    Published,
    Byline,
    Sources,
    Related,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Section,
        Field::Published,
        Field::Byline,
        Field::Sources,
        Field::Related,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Section => "section",
            Field::Published => "published",
            Field::Byline => "byline",
            Field::Sources => "sources",
            Field::Related => "related",
        }
    }
}

/// Typographic variants that say the same thing: curly and straight quotes, dashes.
fn plain_typography(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            '–' | '—' | '‒' => '-',
            c => c,
        })
        .collect()
}

fn same_text(a: &Option<String>, b: &Option<String>, ignore_case: bool) -> bool {
    let norm = |s: &Option<String>| {
        s.as_deref().map(|s| {
            let n = normalize_whitespace(&plain_typography(s));
            if ignore_case {
                n.to_lowercase()
            } else {
                n
            }
        })
    };
    norm(a) == norm(b)
}

fn same_set(a: &[String], b: &[String]) -> bool {
    let set = |v: &[String]| -> BTreeSet<String> {
        v.iter()
            .map(|s| normalize_whitespace(&plain_typography(s)))
            .collect()
    };
    set(a) == set(b)
}

/// Whether the prediction gets each field exactly right (see the crate docs for what
/// "exactly" allows).
pub fn field_matches(gold: &Article, predicted: &Article) -> Vec<(Field, bool)> {
    Field::ALL
        .into_iter()
        .map(|f| {
            let ok = match f {
                Field::Title => same_text(&gold.title, &predicted.title, false),
                Field::Section => same_text(&gold.section, &predicted.section, true),
                Field::Published => gold.published == predicted.published,
                Field::Byline => same_text(&gold.byline, &predicted.byline, false),
                Field::Sources => same_set(&gold.sources, &predicted.sources),
                Field::Related => same_set(&gold.related, &predicted.related),
            };
            (f, ok)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_compare_loosely_where_documented() {
        let gold = Article {
            section: Some("INTERNATIONAL RELATIONS".into()),
            sources: vec!["AMN".into(), "Southfront".into()],
            ..Article::default()
        };
        let pred = Article {
            section: Some("International  Relations".into()),
            sources: vec!["Southfront".into(), "AMN".into(), "AMN".into()],
            title: Some("x".into()),
            ..Article::default()
        };
        let m = field_matches(&gold, &pred);
        assert_eq!(
            m,
            vec![
                (Field::Title, false),
                (Field::Section, true),
                (Field::Published, true),
                (Field::Byline, true),
                (Field::Sources, true),
                (Field::Related, true)
            ]
        );
    }
}
