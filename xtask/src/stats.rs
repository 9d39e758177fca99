//! `cargo xtask stats`: what the corpus holds, per template and format.

use crate::check::declared_format;
use crate::corpus::{load_gold, Corpus};
use anyhow::Result;
use dechaff_schema::EntityType;
use dechaff_strip::{decode_page, Document, Limits};
use std::collections::{BTreeMap, HashSet};

#[derive(Default)]
struct Row {
    html: usize,
    text: usize,
    paragraphs: usize,
    chaff_blocks: usize,
    entities: usize,
}

pub fn stats(corpus: &Corpus) -> Result<String> {
    if corpus.layout != crate::corpus::Layout::Dechaff {
        anyhow::bail!("stats counts corpora in dechaff's own layout (corpus/ + annotations/)");
    }
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    let mut per_type: BTreeMap<EntityType, usize> = BTreeMap::new();
    for page in &corpus.pages {
        let gold = load_gold(&page.gold_path)?;
        let bytes = std::fs::read(&page.path)?;
        let text = decode_page(&bytes, &Limits::default())?;
        let format = declared_format(&page.path);
        let doc = Document::parse(&text, Some(format));
        let body: HashSet<&str> = gold.article.paragraphs.iter().map(String::as_str).collect();
        let row = rows.entry(gold.template.clone()).or_default();
        match format {
            dechaff_strip::Format::Html => row.html += 1,
            dechaff_strip::Format::Text => row.text += 1,
        }
        row.paragraphs += gold.article.paragraphs.len();
        row.chaff_blocks += doc
            .blocks
            .iter()
            .filter(|b| !body.contains(b.text.as_str()))
            .count();
        row.entities += gold.article.entities.len();
        for e in &gold.article.entities {
            *per_type.entry(e.kind).or_default() += 1;
        }
    }
    let mut s = String::new();
    s.push_str(&format!(
        "{:<14} {:>5} {:>6} {:>5} {:>5} {:>11} {:>12} {:>9}\n",
        "template", "split", "pages", "html", "text", "paragraphs", "chaff blocks", "entities"
    ));
    let mut total = Row::default();
    for (t, r) in &rows {
        s.push_str(&format!(
            "{:<14} {:>5} {:>6} {:>5} {:>5} {:>11} {:>12} {:>9}\n",
            t,
            corpus.split_of(t),
            r.html + r.text,
            r.html,
            r.text,
            r.paragraphs,
            r.chaff_blocks,
            r.entities
        ));
        total.html += r.html;
        total.text += r.text;
        total.paragraphs += r.paragraphs;
        total.chaff_blocks += r.chaff_blocks;
        total.entities += r.entities;
    }
    s.push_str(&format!(
        "{:<14} {:>5} {:>6} {:>5} {:>5} {:>11} {:>12} {:>9}\n",
        "total",
        "",
        total.html + total.text,
        total.html,
        total.text,
        total.paragraphs,
        total.chaff_blocks,
        total.entities
    ));
    for split in ["dev", "test"] {
        let n: usize = rows
            .iter()
            .filter(|(t, _)| corpus.split_of(t) == split)
            .map(|(_, r)| r.html + r.text)
            .sum();
        let templates = rows.keys().filter(|t| corpus.split_of(t) == split).count();
        s.push_str(&format!("{split}: {n} pages from {templates} templates\n"));
    }
    s.push_str("\nentity mentions per type\n");
    for (k, n) in per_type {
        s.push_str(&format!("  {:<18} {n:>6}\n", k.as_str()));
    }
    Ok(s)
}
