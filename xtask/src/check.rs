//! `cargo xtask check`: every gold file against the schema and against its page.

use crate::corpus::{Corpus, Layout};
use anyhow::Result;
use dechaff_schema::GoldFile;
use dechaff_strip::{decode_page, Document, Format, Limits};
use std::collections::HashSet;

/// One problem, located by file and field.
pub struct Finding {
    pub file: String,
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.message)
    }
}

/// The format a page's extension declares.
pub fn declared_format(path: &std::path::Path) -> Format {
    if path.extension().is_some_and(|e| e == "html") {
        Format::Html
    } else {
        Format::Text
    }
}

/// All problems in the corpus; empty when it checks.
pub fn check(corpus: &Corpus) -> Result<Vec<Finding>> {
    let mut findings = Vec::new();
    let mut push = |file: &std::path::Path, field: &str, message: String| {
        findings.push(Finding {
            file: file.display().to_string(),
            field: field.to_string(),
            message,
        })
    };
    if corpus.layout != Layout::Dechaff {
        // External data: its gold is not ours to fix, but it must load.
        for page in &corpus.pages {
            if let Err(e) = corpus.gold(page) {
                push(&page.gold_path, "gold", format!("{e:#}"));
            }
        }
        return Ok(findings);
    }
    for orphan in &corpus.orphan_gold {
        push(
            orphan,
            "file",
            "annotation file with no corpus page (corpus/<id>.txt or .html)".into(),
        );
    }
    let mut ids = HashSet::new();
    for page in &corpus.pages {
        if !ids.insert(page.id.clone()) {
            push(
                &page.path,
                "file",
                format!("two corpus pages share the id {}", page.id),
            );
        }
        if !page.gold_path.exists() {
            push(
                &page.path,
                "file",
                format!("no annotation file {}", page.gold_path.display()),
            );
            continue;
        }
        let json = match std::fs::read_to_string(&page.gold_path) {
            Ok(j) => j,
            Err(e) => {
                push(&page.gold_path, "file", e.to_string());
                continue;
            }
        };
        // Lenient: every shape problem of the file is reported, not only the first.
        let gold: GoldFile = match GoldFile::parse_lenient(&json) {
            Ok((g, shape_problems)) => {
                for p in shape_problems {
                    push(&page.gold_path, &p.field, p.message);
                }
                g
            }
            Err(e) => {
                push(&page.gold_path, "json", e.to_string());
                continue;
            }
        };
        for p in gold.problems() {
            push(&page.gold_path, &p.field, p.message);
        }
        if !corpus.splits.is_empty() && !corpus.splits.contains_key(&gold.template) {
            push(
                &page.gold_path,
                "template",
                format!(
                    "{:?} is not listed in {}",
                    gold.template,
                    corpus.templates_path.display()
                ),
            );
        }
        let bytes = std::fs::read(&page.path)?;
        let text = match decode_page(&bytes, &Limits::default()) {
            Ok(t) => t,
            Err(e) => {
                push(&page.path, "page", e.to_string());
                continue;
            }
        };
        let doc = Document::parse(&text, Some(declared_format(&page.path)));
        let blocks: HashSet<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        for (i, p) in gold.article.paragraphs.iter().enumerate() {
            if !blocks.contains(p.as_str()) {
                let preview: String = p.chars().take(60).collect();
                push(
                    &page.gold_path,
                    &format!("paragraphs[{i}]"),
                    format!("not a block of {}: {preview:?}", page.path.display()),
                );
            }
        }
    }
    Ok(findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn gold(paragraphs: &[&str], entities: &str) -> String {
        let text = paragraphs.join("\n\n");
        format!(
            r#"{{"template":"t","title":null,"section":null,"published":null,"byline":null,"sources":[],"related":[],"embeds":[],"paragraphs":{},"text":{},"entities":{entities}}}"#,
            serde_json::to_string(paragraphs).unwrap(),
            serde_json::to_string(&text).unwrap()
        )
    }

    #[test]
    fn every_problem_is_named_with_file_and_field() {
        let root = std::env::temp_dir().join(format!("dechaff-check-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        write(
            &root,
            "corpus/templates.tsv",
            "template\tsplit\tdescription\nt\tdev\tx\n",
        );
        let line = "Russia moved an S-400 battery to Kaliningrad on Monday.";
        // Good file.
        write(&root, "corpus/t-01.txt", &format!("HEADER\n{line}\n"));
        write(
            &root,
            "annotations/t-01.json",
            &gold(
                &[line],
                r#"[{"type":"Location","text":"Russia","start":0,"end":6}]"#,
            ),
        );
        // Bad JSON.
        write(&root, "corpus/t-02.txt", line);
        write(&root, "annotations/t-02.json", "{\"template\": \"t\",");
        // Unknown type.
        write(&root, "corpus/t-03.txt", line);
        write(
            &root,
            "annotations/t-03.json",
            &gold(
                &[line],
                r#"[{"type":"Tank","text":"Russia","start":0,"end":6}]"#,
            ),
        );
        // Span out of range, and text not matching.
        write(&root, "corpus/t-04.txt", line);
        write(
            &root,
            "annotations/t-04.json",
            &gold(
                &[line],
                r#"[{"type":"Location","text":"Russia","start":1,"end":7},{"type":"Location","text":"X","start":90,"end":91}]"#,
            ),
        );
        // Paragraph not in the page.
        write(&root, "corpus/t-05.txt", line);
        write(
            &root,
            "annotations/t-05.json",
            &gold(&["A paragraph the page does not have."], "[]"),
        );
        // Missing annotation, and an annotation with no page.
        write(&root, "corpus/t-06.txt", line);
        write(&root, "annotations/t-07.json", &gold(&[line], "[]"));

        let corpus = Corpus::open(&root, "test").unwrap();
        let findings: Vec<String> = check(&corpus)
            .unwrap()
            .iter()
            .map(|f| f.to_string())
            .collect();
        let has = |file: &str, needle: &str| {
            findings
                .iter()
                .any(|f| f.contains(file) && f.contains(needle))
        };
        assert!(
            !findings.iter().any(|f| f.contains("t-01")),
            "{findings:#?}"
        );
        assert!(has("t-02.json", "json: invalid JSON"), "{findings:#?}");
        assert!(has("t-03.json", "entities[0].type"), "{findings:#?}");
        assert!(has("t-04.json", "entities[0]: span 1..7"), "{findings:#?}");
        assert!(
            has("t-04.json", "entities[1]: span 90..91 lies outside text"),
            "{findings:#?}"
        );
        assert!(
            has("t-05.json", "paragraphs[0]: not a block of"),
            "{findings:#?}"
        );
        assert!(has("t-06.txt", "no annotation file"), "{findings:#?}");
        assert!(has("t-07.json", "no corpus page"), "{findings:#?}");
        let _ = std::fs::remove_dir_all(&root);
    }
}
