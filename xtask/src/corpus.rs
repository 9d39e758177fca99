//! The corpus layout: `corpus/<id>.{txt,html}` pages, `annotations/<id>.json` gold,
//! `corpus/templates.tsv` naming each template's split.

use anyhow::{bail, Context, Result};
use dechaff_schema::GoldFile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One corpus page and where its gold lives.
#[derive(Clone, Debug)]
pub struct Page {
    pub id: String,
    pub path: PathBuf,
    pub gold_path: PathBuf,
}

/// A corpus directory: pages, their gold and the template splits.
#[derive(Debug)]
pub struct Corpus {
    /// Short name used in reports and the baseline ("bundled" for the repo's own).
    pub name: String,
    pub pages: Vec<Page>,
    /// Annotation files with no page.
    pub orphan_gold: Vec<PathBuf>,
    /// template -> split.
    pub splits: BTreeMap<String, String>,
    pub templates_path: PathBuf,
}

pub const PAGE_EXTENSIONS: [&str; 2] = ["txt", "html"];

/// The repository root (xtask lives one level below it).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

impl Corpus {
    /// Opens a corpus root: a directory holding `corpus/` and `annotations/` (the repo
    /// root), or a `corpus/` directory with `annotations/` beside it.
    pub fn open(root: &Path, name: &str) -> Result<Corpus> {
        let (pages_dir, gold_dir) = if root.join("corpus").is_dir() {
            (root.join("corpus"), root.join("annotations"))
        } else if root.file_name().is_some_and(|n| n == "corpus") {
            let parent = root.parent().unwrap_or(Path::new("."));
            (root.to_path_buf(), parent.join("annotations"))
        } else {
            bail!(
                "{}: not a corpus in dechaff's layout (expected corpus/<id>.txt|html and annotations/<id>.json)",
                root.display()
            );
        };
        if !gold_dir.is_dir() {
            bail!("{}: no annotations directory", gold_dir.display());
        }
        let mut pages = Vec::new();
        for entry in
            std::fs::read_dir(&pages_dir).with_context(|| pages_dir.display().to_string())?
        {
            let path = entry?.path();
            let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
                continue;
            };
            if !PAGE_EXTENSIONS.contains(&ext) {
                continue;
            }
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .context("page name is not UTF-8")?
                .to_string();
            if id == "README" {
                continue;
            }
            pages.push(Page {
                gold_path: gold_dir.join(format!("{id}.json")),
                id,
                path,
            });
        }
        pages.sort_by(|a, b| a.id.cmp(&b.id));
        let mut orphan_gold = Vec::new();
        for entry in std::fs::read_dir(&gold_dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "json") {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                if stem != "baseline" && !pages.iter().any(|p| p.id == stem) {
                    orphan_gold.push(path);
                }
            }
        }
        orphan_gold.sort();
        let templates_path = pages_dir.join("templates.tsv");
        let splits = read_splits(&templates_path)?;
        Ok(Corpus {
            name: name.to_string(),
            pages,
            orphan_gold,
            splits,
            templates_path,
        })
    }

    /// The split of a template, or "unsplit" when the corpus names none.
    pub fn split_of(&self, template: &str) -> &str {
        self.splits.get(template).map_or("unsplit", String::as_str)
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

/// Reads and parses one gold file.
pub fn load_gold(path: &Path) -> Result<GoldFile> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    GoldFile::parse(&text).with_context(|| path.display().to_string())
}
