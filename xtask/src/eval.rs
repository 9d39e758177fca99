//! `cargo xtask eval`: strip and extract every corpus page in parallel, score against
//! the gold, print the tables, guard the baseline.

use crate::corpus::{Corpus, Gold, Layout, Page};
use anyhow::{bail, Context, Result};
use dechaff_extract::{Extractor, Style};
use dechaff_schema::{Article, Entity};
use dechaff_score::{PageScore, Summary};
use dechaff_strip::{decode_page, strip, Document, Favor, Limits, Options, SiteMemory};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One evaluated page.
#[derive(Serialize)]
pub struct PageResult {
    pub template: String,
    pub split: String,
    pub format: &'static str,
    pub score: PageScore,
    /// The gold body and the predicted body, one paragraph per entry: what the body
    /// diffs are drawn from. Kept out of the JSON report, which holds figures only.
    #[serde(skip)]
    pub gold_paragraphs: Vec<String>,
    #[serde(skip)]
    pub predicted_paragraphs: Vec<String>,
}

impl PageResult {
    /// Worst body F1 first, then by id: the order every listing of pages uses.
    pub fn worse_first(a: &&PageResult, b: &&PageResult) -> std::cmp::Ordering {
        a.score
            .words
            .f1
            .partial_cmp(&b.score.words.f1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.id().cmp(b.id()))
    }

    /// The page's id: its file stem, as every listing names it.
    pub fn id(&self) -> &str {
        &self.score.id
    }

    /// Whether the predicted body is not the gold body, paragraph for paragraph.
    pub fn body_differs(&self) -> bool {
        self.gold_paragraphs != self.predicted_paragraphs
    }

    /// Whether the gold lists entities (a body benchmark does not).
    pub fn has_entities(&self) -> bool {
        self.score.gold_body_exact.is_some()
    }

    /// Entities, type + exact span, end to end, micro over types on this page.
    pub fn entities_exact(&self) -> dechaff_score::Prf {
        let mut c = dechaff_score::Counts::default();
        self.score.entities_exact.values().for_each(|v| c.add(*v));
        c.prf()
    }
}

/// The whole evaluation: summaries per set, and every page.
#[derive(Serialize)]
pub struct Report {
    pub corpus: String,
    pub summaries: Vec<Summary>,
    pub templates: Vec<Summary>,
    pub pages: Vec<PageResult>,
}

/// Runs the pipeline on every page and scores it.
/// How to run the pipeline over a corpus.
#[derive(Clone, Debug, Default)]
pub struct EvalOptions {
    pub favor: Favor,
    /// Keep comment sections as body (`--comments`).
    pub comments: bool,
    /// The entity convention; `None` picks the corpus's own (re3d's for re3d).
    pub style: Option<Style>,
    /// Learn and apply site memory per site (`--site-memory`).
    pub site_memory: bool,
    /// Score another tool's bodies instead of running dechaff: `DIR/<page id>.txt`,
    /// one paragraph per line (`--predicted`). Only body figures mean anything then.
    pub predicted: Option<std::path::PathBuf>,
}

pub fn evaluate(corpus: &Corpus, options: &EvalOptions) -> Result<Report> {
    let strip_options = Options {
        favor: options.favor,
        comments: options.comments,
        ..Options::default()
    };
    let extractor = Extractor::shared();
    let style = options.style.unwrap_or(if corpus.layout == Layout::Re3d {
        Style::Re3d
    } else {
        Style::Dechaff
    });
    let (memories, sites) = if options.site_memory {
        learn_sites(corpus)?
    } else {
        (BTreeMap::new(), HashMap::new())
    };
    let done = AtomicUsize::new(0);
    let total = corpus.pages.len();
    let progress = std::io::stderr().is_terminal() && total > 20;
    let results: Vec<Result<PageResult>> = corpus
        .pages
        .par_iter()
        .map(|page| {
            let memory = sites.get(&page.id).and_then(|site| memories.get(site));
            let r = match &options.predicted {
                Some(dir) => score_predicted(corpus, page, dir),
                None => evaluate_page(corpus, page, extractor, &strip_options, style, memory),
            };
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if progress && (n.is_multiple_of(10) || n == total) {
                eprint!("\r  evaluated {n}/{total} pages");
                if n == total {
                    eprintln!();
                }
            }
            r
        })
        .collect();
    let pages = results.into_iter().collect::<Result<Vec<_>>>()?;
    let mut summaries = Vec::new();
    let all: Vec<&PageScore> = pages.iter().map(|p| &p.score).collect();
    summaries.push(Summary::from_pages("all", &all));
    for split in ["dev", "test"] {
        let these: Vec<&PageScore> = pages
            .iter()
            .filter(|p| p.split == split)
            .map(|p| &p.score)
            .collect();
        if !these.is_empty() {
            summaries.push(Summary::from_pages(split, &these));
        }
    }
    let mut by_template: BTreeMap<&str, Vec<&PageScore>> = BTreeMap::new();
    for p in &pages {
        by_template.entry(&p.template).or_default().push(&p.score);
    }
    let templates = by_template
        .into_iter()
        .map(|(t, scores)| Summary::from_pages(t, &scores))
        .collect();
    Ok(Report {
        corpus: corpus.name.clone(),
        summaries,
        templates,
        pages,
    })
}

/// One site memory per site of the corpus, learnt from all its pages (as a batch run
/// with site memory sees every page of the batch).
/// Site memories, one per site, and the site of each page (by id). A page's site is
/// what the corpus says (a bundled page's template, a benchmark page's URL) or else
/// the host of the page's own canonical address (Dragnet gives no URLs).
fn learn_sites(corpus: &Corpus) -> Result<(BTreeMap<String, SiteMemory>, HashMap<String, String>)> {
    let documents: Vec<Result<Option<(String, String, Document)>>> = corpus
        .pages
        .par_iter()
        .map(|page| {
            if !corpus.strips() {
                return Ok(None);
            }
            let bytes = corpus.read_page(page)?;
            let text = decode_page(&bytes, &Limits::default())
                .with_context(|| page.path.display().to_string())?;
            let document = Document::parse(&text, None);
            let Some(site) = corpus.site(page).or_else(|| document.meta.site()) else {
                return Ok(None);
            };
            Ok(Some((page.id.clone(), site, document)))
        })
        .collect();
    let mut memories: BTreeMap<String, SiteMemory> = BTreeMap::new();
    let mut sites = HashMap::new();
    for d in documents {
        if let Some((id, site, document)) = d? {
            memories.entry(site.clone()).or_default().learn(&document);
            sites.insert(id, site);
        }
    }
    Ok((memories, sites))
}

/// Scores a body another tool wrote for `page`; a missing file is an empty body (the
/// tool returned nothing), so that every page counts.
fn score_predicted(corpus: &Corpus, page: &Page, dir: &Path) -> Result<PageResult> {
    let gold = corpus.gold(page)?;
    let path = dir.join(format!("{}.txt", page.id));
    let body = match std::fs::read_to_string(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| path.display().to_string()),
    };
    let paragraphs: Vec<String> = body
        .lines()
        .map(dechaff_schema::normalize_whitespace)
        .filter(|l| !l.is_empty())
        .collect();
    let predicted = Article {
        text: Article::join_paragraphs(&paragraphs),
        paragraphs,
        ..Article::default()
    };
    Ok(page_result(page, gold, predicted, "predicted", None))
}

/// The page's scores against its gold, with the paragraphs the diffs show.
fn page_result(
    page: &Page,
    gold: Gold,
    predicted: Article,
    format: &'static str,
    on_gold_body: Option<&[Entity]>,
) -> PageResult {
    let score = PageScore::new(
        &page.id,
        &gold.article,
        &predicted,
        &gold.fields,
        gold.entities,
        on_gold_body,
    );
    PageResult {
        split: gold.split,
        template: gold.template,
        format,
        score,
        gold_paragraphs: gold.article.paragraphs,
        predicted_paragraphs: predicted.paragraphs,
    }
}

fn evaluate_page(
    corpus: &Corpus,
    page: &Page,
    extractor: &Extractor,
    options: &Options,
    style: Style,
    memory: Option<&SiteMemory>,
) -> Result<PageResult> {
    let gold = corpus.gold(page)?;
    let bytes = corpus.read_page(page)?;
    let text =
        decode_page(&bytes, &Limits::default()).with_context(|| page.path.display().to_string())?;
    let (mut predicted, format): (Article, &'static str) = if corpus.strips() {
        let mut stripped = strip(&text, options);
        if let Some(memory) = memory {
            memory.apply(&mut stripped);
        }
        let mut article = extractor.extract(&stripped);
        if corpus.title_in_body {
            if let Some(title) = article.title.clone() {
                article.paragraphs.insert(0, title);
                article.text = Article::join_paragraphs(&article.paragraphs);
            }
        }
        (article, stripped.document.format.as_str())
    } else {
        (extractor.extract_text(&text), "text")
    };
    predicted.entities = extractor.restyle(&predicted.text, predicted.entities, style);
    let on_gold_body = gold
        .entities
        .then(|| extractor.entities_styled(&gold.article.text, style));
    Ok(page_result(
        page,
        gold,
        predicted,
        format,
        on_gold_body.as_deref(),
    ))
}

impl Report {
    /// The half a template's pages are in: "dev", "test", or "both" when a benchmark's
    /// page type spans the two (its halves split by site, not by type).
    pub fn split_of(&self, template: &str) -> &str {
        let mut splits = self
            .pages
            .iter()
            .filter(|p| p.template == template)
            .map(|p| p.split.as_str());
        let Some(first) = splits.next() else {
            return "";
        };
        if splits.all(|s| s == first) {
            first
        } else {
            "both"
        }
    }

    /// The tables a person reads: one block per set, then body F1 per template.
    pub fn render(&self) -> String {
        let mut s = String::new();
        for summary in &self.summaries {
            s.push_str(&summary.render());
            s.push('\n');
        }
        s.push_str(&format!(
            "{:<14} {:>5} {:>6} | {:>7} {:>7} {:>7} | {:>9} | {:>9}\n",
            "template", "split", "pages", "words P", "words R", "F1", "para F1", "ents F1"
        ));
        for t in &self.templates {
            let split = self.split_of(&t.name);
            let ents = t.entities_exact.last().map_or(0.0, |r| r.score.f1);
            s.push_str(&format!(
                "{:<14} {:>5} {:>6} | {:>7.3} {:>7.3} {:>7.3} | {:>9.3} | {:>9.3}\n",
                t.name,
                split,
                t.pages,
                t.words.precision,
                t.words.recall,
                t.words.f1,
                t.paragraphs.f1,
                ents
            ));
        }
        s.push_str(&self.render_formats());
        s
    }

    /// Body figures per page format and split, when the corpus mixes HTML pages and
    /// text dumps: the stripping goals are set per format (text dumps' paragraph F1),
    /// and a table of both together hides the weaker one.
    fn render_formats(&self) -> String {
        let mut groups: BTreeMap<(&str, &str), Vec<&PageScore>> = BTreeMap::new();
        for p in &self.pages {
            groups
                .entry((p.format, p.split.as_str()))
                .or_default()
                .push(&p.score);
        }
        let formats: std::collections::BTreeSet<&str> = groups.keys().map(|k| k.0).collect();
        if formats.len() < 2 {
            return String::new();
        }
        let mut s = format!(
            "\n{:<14} {:>5} {:>6} | {:>7} {:>7} {:>7} | {:>9}\n",
            "format", "split", "pages", "words P", "words R", "F1", "para F1"
        );
        for ((format, split), scores) in &groups {
            let t = Summary::from_pages(format, scores);
            s.push_str(&format!(
                "{:<14} {:>5} {:>6} | {:>7.3} {:>7.3} {:>7.3} | {:>9.3}\n",
                format,
                split,
                t.pages,
                t.words.precision,
                t.words.recall,
                t.words.f1,
                t.paragraphs.f1
            ));
        }
        s
    }

    /// Per-page rows for spreadsheets.
    pub fn write_csv(&self, path: &Path) -> Result<()> {
        let mut w = csv::Writer::from_path(path).with_context(|| path.display().to_string())?;
        w.write_record([
            "id",
            "template",
            "split",
            "format",
            "words_precision",
            "words_recall",
            "words_f1",
            "paragraphs_tp",
            "paragraphs_fp",
            "paragraphs_fn",
            "fields_correct",
            "fields_total",
            "entities_exact_tp",
            "entities_exact_fp",
            "entities_exact_fn",
            "entities_overlap_tp",
            "entities_overlap_fp",
            "entities_overlap_fn",
            "lost_body",
        ])?;
        for p in &self.pages {
            let s = &p.score;
            let sum = |m: &BTreeMap<dechaff_schema::EntityType, dechaff_score::Counts>| {
                let mut c = dechaff_score::Counts::default();
                m.values().for_each(|v| c.add(*v));
                c
            };
            let (ex, ov) = (sum(&s.entities_exact), sum(&s.entities_overlap));
            w.write_record([
                s.id.clone(),
                p.template.clone(),
                p.split.clone(),
                p.format.to_string(),
                format!("{:.4}", s.words.precision),
                format!("{:.4}", s.words.recall),
                format!("{:.4}", s.words.f1),
                s.paragraphs.tp.to_string(),
                s.paragraphs.fp.to_string(),
                s.paragraphs.fn_.to_string(),
                s.fields.iter().filter(|(_, ok)| *ok).count().to_string(),
                s.fields.len().to_string(),
                ex.tp.to_string(),
                ex.fp.to_string(),
                ex.fn_.to_string(),
                ov.tp.to_string(),
                ov.fp.to_string(),
                ov.fn_.to_string(),
                s.lost_body.to_string(),
            ])?;
        }
        w.flush()?;
        Ok(())
    }

    /// The figures the baseline keeps, per set: `<corpus>/<set>` -> metric -> value.
    pub fn metrics(&self) -> BTreeMap<String, BTreeMap<String, f64>> {
        self.summaries
            .iter()
            .map(|s| {
                (
                    format!("{}/{}", self.corpus, s.name),
                    s.metrics().into_iter().collect(),
                )
            })
            .collect()
    }
}

/// The checked-in floor: figures per set, and how far a figure may fall.
#[derive(Serialize, Deserialize)]
pub struct Baseline {
    /// A figure may drop by at most this much (absolute) before `--check` fails;
    /// thread scheduling cannot change the figures, so this only absorbs rounding.
    pub tolerance: f64,
    pub sets: BTreeMap<String, BTreeMap<String, f64>>,
}

pub const DEFAULT_TOLERANCE: f64 = 0.005;

impl Baseline {
    pub fn load(path: &Path) -> Result<Option<Baseline>> {
        if !path.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
        let b = serde_json::from_str(&text)
            .with_context(|| format!("{}: not a baseline file", path.display()))?;
        Ok(Some(b))
    }

    /// Every figure that fell below the baseline by more than the tolerance, and every
    /// set or metric the baseline has that this run lacks.
    pub fn regressions(&self, report: &Report) -> Vec<String> {
        let current = report.metrics();
        let mut out = Vec::new();
        for (set, metrics) in &self.sets {
            if !set.starts_with(&format!("{}/", report.corpus)) {
                continue;
            }
            let Some(now) = current.get(set) else {
                out.push(format!("{set}: set missing from this run"));
                continue;
            };
            for (name, floor) in metrics {
                match now.get(name) {
                    None => out.push(format!(
                        "{set}: {name} missing from this run (baseline {floor:.4})"
                    )),
                    Some(v) if *v < floor - self.tolerance => out.push(format!(
                        "{set}: {name} fell to {v:.4} from {floor:.4} (tolerance {:.4})",
                        self.tolerance
                    )),
                    Some(_) => {}
                }
            }
        }
        out
    }

    /// Replaces this corpus's sets with the current figures, keeping other corpora's.
    pub fn bless(previous: Option<Baseline>, report: &Report) -> Baseline {
        let mut b = previous.unwrap_or(Baseline {
            tolerance: DEFAULT_TOLERANCE,
            sets: BTreeMap::new(),
        });
        b.sets
            .retain(|k, _| !k.starts_with(&format!("{}/", report.corpus)));
        for (set, metrics) in report.metrics() {
            let rounded = metrics
                .into_iter()
                .map(|(k, v)| (k, (v * 10_000.0).round() / 10_000.0))
                .collect();
            b.sets.insert(set, rounded);
        }
        b
    }
}

/// Fails unless the corpus checks: figures from a broken corpus are not figures.
pub fn require_clean(corpus: &Corpus) -> Result<()> {
    let findings = crate::check::check(corpus)?;
    if findings.is_empty() {
        return Ok(());
    }
    for f in findings.iter().take(30) {
        // Shown before the refusal so the first problems can be fixed right away.
        eprintln!("{f}");
    }
    if findings.len() > 30 {
        eprintln!("... and {} more", findings.len() - 30);
    }
    bail!(
        "the corpus has {} annotation problem(s); run `cargo xtask check` and fix them before evaluating",
        findings.len()
    )
}
