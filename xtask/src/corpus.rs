//! Corpus layouts the harness reads.
//!
//! - **dechaff**: `corpus/<id>.{txt,html}` pages, `annotations/<id>.json` gold,
//!   `corpus/templates.tsv` naming each template's split (the repo's own corpus).
//! - **benchmark**: `html/<id>.html.gz` or `text/<id>.txt` pages, `gold/<id>.txt` main
//!   content, `meta.jsonl` (WCXB and Dragnet as `../shared/data` holds them). Only the
//!   body and the fields `meta.jsonl` knows are scored.
//! - **re3d**: `<id>.txt` documents with `<id>.json` entity lists and `index.tsv`.
//!   The whole document is the body (`--no-strip`); only entities are scored.

use anyhow::{bail, Context, Result};
use dechaff_schema::{Article, Entity, EntityType, GoldFile};
use dechaff_score::Field;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How a corpus is laid out, and so how its pages are run and scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    Dechaff,
    Benchmark,
    Re3d,
}

/// One page and where its gold lives.
#[derive(Clone, Debug)]
pub struct Page {
    pub id: String,
    pub path: PathBuf,
    pub gold_path: PathBuf,
}

/// A page's gold, with what it knows.
pub struct Gold {
    pub article: Article,
    pub template: String,
    pub split: String,
    /// Fields the gold states; only these are scored.
    pub fields: Vec<Field>,
    /// Whether the gold lists entities (a body benchmark does not).
    pub entities: bool,
}

/// A corpus directory.
#[derive(Debug)]
pub struct Corpus {
    /// Short name used in reports and the baseline ("bundled" for the repo's own).
    pub name: String,
    pub layout: Layout,
    pub pages: Vec<Page>,
    /// Annotation files with no page (dechaff layout).
    pub orphan_gold: Vec<PathBuf>,
    /// template -> split (dechaff layout).
    pub splits: BTreeMap<String, String>,
    pub templates_path: PathBuf,
    /// id -> meta.jsonl object (benchmark) or index.tsv row (re3d).
    meta: BTreeMap<String, serde_json::Value>,
    /// The gold body starts with the headline (Dragnet's convention), so the
    /// prediction is scored as title + body.
    pub title_in_body: bool,
}

pub const PAGE_EXTENSIONS: [&str; 2] = ["txt", "html"];

/// The repository root (xtask lives one level below it).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn stem(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    Some(name.split('.').next()?.to_string())
}

fn list(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| dir.display().to_string())? {
        let path = entry?.path();
        if path.to_str().is_some_and(|p| p.ends_with(suffix)) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

impl Corpus {
    /// Opens a corpus root and tells its layout from what it holds.
    pub fn open(root: &Path, name: &str) -> Result<Corpus> {
        if root.join("gold").is_dir() && root.join("meta.jsonl").is_file() {
            return Corpus::open_benchmark(root, name);
        }
        if root.join("index.tsv").is_file() {
            return Corpus::open_re3d(root, name);
        }
        let (pages_dir, gold_dir) = if root.join("corpus").is_dir() {
            (root.join("corpus"), root.join("annotations"))
        } else if root.file_name().is_some_and(|n| n == "corpus") {
            let parent = root.parent().unwrap_or(Path::new("."));
            (root.to_path_buf(), parent.join("annotations"))
        } else {
            bail!(
                "{}: not a corpus dechaff knows: expected corpus/ + annotations/ (dechaff), \
                 gold/ + meta.jsonl (WCXB, Dragnet) or index.tsv (re3d)",
                root.display()
            );
        };
        if !gold_dir.is_dir() {
            bail!("{}: no annotations directory", gold_dir.display());
        }
        let mut pages = Vec::new();
        for ext in PAGE_EXTENSIONS {
            for path in list(&pages_dir, &format!(".{ext}"))? {
                let id = stem(&path).context("page name is not UTF-8")?;
                if id == "README" {
                    continue;
                }
                pages.push(Page {
                    gold_path: gold_dir.join(format!("{id}.json")),
                    id,
                    path,
                });
            }
        }
        pages.sort_by(|a, b| a.id.cmp(&b.id));
        let mut orphan_gold = Vec::new();
        for path in list(&gold_dir, ".json")? {
            let id = stem(&path).unwrap_or_default();
            if id != "baseline" && !pages.iter().any(|p| p.id == id) {
                orphan_gold.push(path);
            }
        }
        let templates_path = pages_dir.join("templates.tsv");
        let splits = read_splits(&templates_path)?;
        Ok(Corpus {
            name: name.to_string(),
            layout: Layout::Dechaff,
            pages,
            orphan_gold,
            splits,
            templates_path,
            meta: BTreeMap::new(),
            title_in_body: false,
        })
    }

    fn open_benchmark(root: &Path, name: &str) -> Result<Corpus> {
        let meta_path = root.join("meta.jsonl");
        let mut meta = BTreeMap::new();
        let text =
            std::fs::read_to_string(&meta_path).with_context(|| meta_path.display().to_string())?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{}: line {}", meta_path.display(), n + 1))?;
            let id = v["id"]
                .as_str()
                .with_context(|| format!("{}: line {}: no id", meta_path.display(), n + 1))?
                .to_string();
            meta.insert(id, v);
        }
        let pages_dir = if root.join("html").is_dir() {
            root.join("html")
        } else {
            root.join("text")
        };
        let mut pages = Vec::new();
        for path in list(&pages_dir, "")? {
            let Some(id) = stem(&path) else { continue };
            if !meta.contains_key(&id) {
                continue;
            }
            pages.push(Page {
                gold_path: root.join("gold").join(format!("{id}.txt")),
                id,
                path,
            });
        }
        Ok(Corpus {
            name: name.to_string(),
            layout: Layout::Benchmark,
            pages,
            orphan_gold: Vec::new(),
            splits: BTreeMap::new(),
            templates_path: meta_path,
            // Dragnet's gold is "the article text, title usually included"; its
            // meta.jsonl is recognisable by the has_comments field it alone carries.
            title_in_body: meta
                .values()
                .next()
                .is_some_and(|m| m.get("has_comments").is_some()),
            meta,
        })
    }

    fn open_re3d(root: &Path, name: &str) -> Result<Corpus> {
        let index = root.join("index.tsv");
        let mut meta = BTreeMap::new();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .quoting(false)
            .flexible(true)
            .from_path(&index)
            .with_context(|| index.display().to_string())?;
        for row in reader.records() {
            let row = row.with_context(|| index.display().to_string())?;
            let id = row.get(0).unwrap_or("").to_string();
            let source = row.get(1).unwrap_or("").to_string();
            meta.insert(id, serde_json::json!({ "source": source }));
        }
        let pages = meta
            .keys()
            .map(|id| Page {
                id: id.clone(),
                path: root.join(format!("{id}.txt")),
                gold_path: root.join(format!("{id}.json")),
            })
            .collect();
        Ok(Corpus {
            name: name.to_string(),
            layout: Layout::Re3d,
            pages,
            orphan_gold: Vec::new(),
            splits: BTreeMap::new(),
            templates_path: index,
            meta,
            title_in_body: false,
        })
    }

    /// The split of a template, or "unsplit" when the corpus names none.
    pub fn split_of(&self, template: &str) -> &str {
        self.splits.get(template).map_or("unsplit", String::as_str)
    }

    /// Whether pages are stripped (a body benchmark, the repo's corpus) or taken whole.
    pub fn strips(&self) -> bool {
        self.layout != Layout::Re3d
    }

    /// The site a page belongs to, for site memory: the template of a bundled page, the
    /// host of a benchmark page's URL; `None` when the corpus does not say.
    pub fn site(&self, page: &Page) -> Option<String> {
        match self.layout {
            Layout::Dechaff => Some(load_gold(&page.gold_path).ok()?.template),
            Layout::Benchmark => {
                let url = self.meta.get(&page.id)?.get("url")?.as_str()?;
                let rest = url.split_once("://").map_or(url, |(_, r)| r);
                let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
                (!host.is_empty()).then(|| host.trim_start_matches("www.").to_string())
            }
            Layout::Re3d => None,
        }
    }

    /// The page's bytes, gunzipped when the name ends in `.gz`.
    pub fn read_page(&self, page: &Page) -> Result<Vec<u8>> {
        let bytes = std::fs::read(&page.path).with_context(|| page.path.display().to_string())?;
        if page.path.extension().is_some_and(|e| e == "gz") {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .with_context(|| format!("{}: not valid gzip", page.path.display()))?;
            return Ok(out);
        }
        Ok(bytes)
    }

    /// The page's gold.
    pub fn gold(&self, page: &Page) -> Result<Gold> {
        match self.layout {
            Layout::Dechaff => {
                let g = load_gold(&page.gold_path)?;
                Ok(Gold {
                    split: self.split_of(&g.template).to_string(),
                    template: g.template,
                    article: g.article,
                    fields: Field::ALL.to_vec(),
                    entities: true,
                })
            }
            Layout::Benchmark => self.benchmark_gold(page),
            Layout::Re3d => self.re3d_gold(page),
        }
    }

    fn benchmark_gold(&self, page: &Page) -> Result<Gold> {
        let text = std::fs::read_to_string(&page.gold_path)
            .with_context(|| page.gold_path.display().to_string())?;
        let text = repair_utf16_residue(&text).unwrap_or(text);
        let paragraphs: Vec<String> = without_comments(&text)
            .lines()
            .map(dechaff_schema::normalize_whitespace)
            .filter(|l| !l.is_empty())
            .collect();
        let meta = &self.meta[&page.id];
        let string = |k: &str| meta.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let field = |k: &str| meta_field(meta, k);
        let mut article = Article {
            text: Article::join_paragraphs(&paragraphs),
            paragraphs,
            ..Article::default()
        };
        let mut fields = Vec::new();
        if let Some(t) = field("title") {
            article.title = Some(t);
            fields.push(Field::Title);
        }
        if let Some(p) = field("published").filter(|p| dechaff_schema::is_iso_date(p)) {
            article.published = Some(p);
            fields.push(Field::Published);
        }
        if let Some(a) = field("author") {
            article.byline = Some(a);
            fields.push(Field::Byline);
        }
        let template = string("page_type").unwrap_or_else(|| self.name.clone());
        // Dragnet's authors split it; WCXB's dev split is split here by site, so one
        // site's pages never fall on both sides.
        let split = match string("split").as_deref() {
            Some("train") => "dev".to_string(),
            Some(other) => other.to_string(),
            None => site_split(string("url").as_deref().unwrap_or(&page.id)).to_string(),
        };
        Ok(Gold {
            article,
            template,
            split,
            fields,
            entities: false,
        })
    }

    fn re3d_gold(&self, page: &Page) -> Result<Gold> {
        let text =
            std::fs::read_to_string(&page.path).with_context(|| page.path.display().to_string())?;
        let json = std::fs::read_to_string(&page.gold_path)
            .with_context(|| page.gold_path.display().to_string())?;
        let raw: Vec<serde_json::Value> = serde_json::from_str(&json)
            .with_context(|| format!("{}: not a list of entities", page.gold_path.display()))?;
        let mut entities = Vec::with_capacity(raw.len());
        for (i, e) in raw.iter().enumerate() {
            let field = |k: &str| format!("{}: [{i}].{k}", page.gold_path.display());
            let kind = e["type"].as_str().with_context(|| field("type"))?;
            let kind = EntityType::from_name(kind)
                .with_context(|| format!("{}: unknown entity type {kind:?}", field("type")))?;
            let start = e["start"].as_u64().with_context(|| field("start"))? as usize;
            let end = e["end"].as_u64().with_context(|| field("end"))? as usize;
            let span = e["text"].as_str().with_context(|| field("text"))?;
            if dechaff_schema::char_slice(&text, start, end) != Some(span) {
                bail!(
                    "{}: span {start}..{end} does not match {span:?}",
                    field("text")
                );
            }
            entities.push(Entity::new(kind, span, start, end));
        }
        entities.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
        let source = self.meta[&page.id]["source"]
            .as_str()
            .unwrap_or("re3d")
            .to_string();
        // The held-apart half: documents whose id starts with an odd hex digit.
        let odd = page
            .id
            .chars()
            .next()
            .and_then(|c| c.to_digit(16))
            .is_some_and(|d| d % 2 == 1);
        Ok(Gold {
            article: Article {
                paragraphs: vec![text.clone()],
                text,
                entities,
                ..Article::default()
            },
            template: source,
            split: if odd { "test" } else { "dev" }.to_string(),
            fields: Vec::new(),
            entities: true,
        })
    }
}

/// dev or test by a stable hash of the page's host.
fn site_split(url: &str) -> &'static str {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or(url)
        .trim_start_matches("www.");
    let mut h: u32 = 2_166_136_261;
    for b in host.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(16_777_619);
    }
    if h.is_multiple_of(2) {
        "dev"
    } else {
        "test"
    }
}

fn read_splits(path: &Path) -> Result<BTreeMap<String, String>> {
    let mut splits = BTreeMap::new();
    if !path.exists() {
        return Ok(splits);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .flexible(true)
        .from_path(path)
        .with_context(|| path.display().to_string())?;
    for (n, row) in reader.records().enumerate() {
        let row = row.with_context(|| format!("{}: row {}", path.display(), n + 2))?;
        let (Some(template), Some(split)) = (row.get(0), row.get(1)) else {
            bail!(
                "{}: row {}: expected template<TAB>split<TAB>description",
                path.display(),
                n + 2
            );
        };
        if !matches!(split, "dev" | "test") {
            bail!(
                "{}: row {}: split {split:?} is neither dev nor test",
                path.display(),
                n + 2
            );
        }
        splits.insert(template.to_string(), split.to_string());
    }
    Ok(splits)
}

/// A field of a page's `meta.jsonl` object, as gold: a blank string (WCXB gives some
/// pages `"author": ""`) says there is none, as `null` does, and is not scored: no
/// extractor can match it.
fn meta_field(meta: &serde_json::Value, key: &str) -> Option<String> {
    meta.get(key)
        .and_then(|v| v.as_str())
        .filter(|v| !v.trim().is_empty())
        .map(str::to_string)
}

/// Reads and parses one gold file.
/// Some benchmark gold files hold UTF-16 text that was re-saved as UTF-8: every other
/// character a NUL, the byte-order mark turned into U+FFFD. Read as is, such a gold
/// body matches nothing; without the NULs it is the text its annotator meant.
/// `None` when `text` is not in that state.
fn repair_utf16_residue(text: &str) -> Option<String> {
    let nuls = text.chars().filter(|c| *c == '\0').count();
    if nuls * 4 < text.chars().count() {
        return None;
    }
    Some(
        text.trim_start_matches('\u{fffd}')
            .chars()
            .filter(|c| *c != '\0')
            .collect(),
    )
}

/// The content part of a gold file that carries its readers' comments too.
/// Dragnet's annotators saved some pages as content, then a separator line
/// (`!@#$%^&*() COMMENTS`, often mangled by re-encoding: `!@ $%^&*()  COMMENTS`), then
/// the comments; Dragnet's own tools split there and score the content alone, as its
/// README says the gold does. About twenty of its 1,381 gold files still hold both.
fn without_comments(text: &str) -> &str {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(marks) = trimmed.strip_suffix("COMMENTS") {
            let symbols = marks.chars().filter(|c| "!@#$%^&*()".contains(*c)).count();
            if symbols >= 4
                && marks
                    .chars()
                    .all(|c| c.is_whitespace() || "!@#$%^&*()".contains(c))
            {
                return &text[..at];
            }
        }
        at += line.len();
    }
    text
}

pub fn load_gold(path: &Path) -> Result<GoldFile> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    GoldFile::parse(&text).with_context(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_gold_field_is_no_field() {
        let meta = serde_json::json!({"author": "", "title": " ", "published": "2025-09-04"});
        assert_eq!(meta_field(&meta, "author"), None);
        assert_eq!(meta_field(&meta, "title"), None);
        assert_eq!(meta_field(&meta, "missing"), None);
        assert_eq!(
            meta_field(&meta, "published").as_deref(),
            Some("2025-09-04")
        );
    }

    #[test]
    fn dragnet_gold_is_cut_at_its_comments_separator() {
        let gold = "Title\nBody line.\n!@ $%^&*()  COMMENTS\nJane 3 May\nFirst!\n";
        assert_eq!(without_comments(gold), "Title\nBody line.\n");
        assert_eq!(without_comments("!@#$%^&*() COMMENTS\r\nx"), "");
        // The word alone, or in a sentence, is no separator.
        let plain = "COMMENTS\nReaders' COMMENTS are closed.\n";
        assert_eq!(without_comments(plain), plain);
    }

    #[test]
    fn utf16_residue_in_gold_is_repaired_and_plain_text_left_alone() {
        let mangled: String = "\u{fffd}\u{fffd}"
            .chars()
            .chain("Forgiving\r\n".chars().flat_map(|c| [c, '\0']))
            .collect();
        assert_eq!(
            repair_utf16_residue(&mangled).as_deref(),
            Some("Forgiving\r\n")
        );
        assert_eq!(repair_utf16_residue("Plain text with one \0 NUL."), None);
    }
}
