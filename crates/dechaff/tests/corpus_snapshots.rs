//! One snapshot per corpus page: what dechaff makes of it, in a form that reads well as
//! a diff. A pull request that changes stripping or extraction shows here exactly which
//! pages changed and how (`cargo insta review` to accept).

use dechaff_extract::Extractor;
use dechaff_schema::Article;
use dechaff_strip::{decode_page, strip, Limits, Options};
use std::fmt::Write;

/// Fields, then the body one paragraph per line, then one entity per line.
fn render(article: &Article) -> String {
    let mut s = String::new();
    let field = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let _ = writeln!(s, "title:     {}", field(&article.title));
    let _ = writeln!(s, "section:   {}", field(&article.section));
    let _ = writeln!(s, "published: {}", field(&article.published));
    let _ = writeln!(s, "byline:    {}", field(&article.byline));
    let _ = writeln!(s, "sources:   {}", article.sources.join(" / "));
    for r in &article.related {
        let _ = writeln!(s, "related:   {r}");
    }
    for e in &article.embeds {
        let _ = writeln!(
            s,
            "embed:     {} {} {}",
            field(&e.author),
            field(&e.handle),
            field(&e.date)
        );
    }
    let _ = writeln!(s, "\n-- body ({} paragraphs)", article.paragraphs.len());
    for p in &article.paragraphs {
        let _ = writeln!(s, "{p}");
    }
    let _ = writeln!(s, "\n-- entities ({})", article.entities.len());
    for e in &article.entities {
        let canonical = match &e.canonical {
            Some(c) if *c != e.text => format!("  = {c}"),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "{:<17} {:>6}..{:<6} {}{canonical}",
            e.kind.as_str(),
            e.start,
            e.end,
            e.text
        );
    }
    s
}

#[test]
fn corpus_pages() {
    let extractor = Extractor::shared();
    insta::glob!("../../../corpus", "*.{txt,html}", |path| {
        let bytes = std::fs::read(path).expect("corpus page is readable");
        let text = decode_page(&bytes, &Limits::default()).expect("corpus page decodes");
        let article = extractor.extract(&strip(&text, &Options::default()));
        insta::assert_snapshot!(render(&article));
    });
}
