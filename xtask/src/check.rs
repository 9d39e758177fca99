//! `cargo xtask check`: every gold file against the schema and against its page.

use crate::corpus::{load_gold, Corpus, Layout};
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
        let gold: GoldFile = match load_gold(&page.gold_path) {
            Ok(g) => g,
            Err(e) => {
                let msg = format!("{:#}", e);
                let msg = msg
                    .strip_prefix(&format!("{}: ", page.gold_path.display()))
                    .unwrap_or(&msg)
                    .to_string();
                push(&page.gold_path, "json", msg);
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
