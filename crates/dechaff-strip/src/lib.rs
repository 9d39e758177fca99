//! Boilerplate stripping: a scraped page to blocks, and blocks to body or chaff.
//!
//! A page is either raw HTML or a text dump (one block per line, as HTML-to-text
//! converters and many scrapers hand pages over). Both become a [`Document`]: a list of
//! [`Block`]s with the features that survive the format (a text dump has no tags and no
//! links), plus the page's metadata. [`classify`] then decides, block by block and with
//! context, what is the article's body; every decision carries its reason so that
//! `dechaff strip --explain` can show it.
//!
//! ```
//! let page = "WORLD\nWORLD\nThe frigate left port on Monday with a crew of two hundred sailors aboard, the navy said.\n0 Comments\n";
//! let stripped = dechaff_strip::strip(page, &dechaff_strip::Options::default());
//! assert_eq!(stripped.paragraphs(), ["The frigate left port on Monday with a crew of two hundred sailors aboard, the navy said."]);
//! ```

mod block;
mod classify;
mod cues;
mod entities;
mod error;
mod fnv;
mod html;
mod input;
mod language;
mod required;
mod site;
mod threads;

pub use block::{in_capitals, is_two_sentences, normalize, Block, Flags};
pub use classify::{classify, Basis, Class, Decision, Favor};
pub use cues::{cue_of, CueKind};
pub use entities::decode_entities;
pub use error::Error;
pub use html::HtmlMeta;
pub use input::{decode_page, decode_page_declared, decode_page_owned, Limits};
pub use language::Language;
pub use site::{SiteMemories, SiteMemory};

use std::time::Instant;

/// The two shapes a scraped page comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
}

/// How much of a page `Format::detect` reads, in characters.
const DETECT_CHARS: usize = 4096;

impl Format {
    /// Detects HTML from the content: a doctype, an `<html>`, `<head>` or `<body>` tag,
    /// or several block tags near the start. Anything else is a text dump.
    pub fn detect(page: &str) -> Format {
        // The first 4096 characters, lowercased: found by their end, not collected
        // one character at a time (this runs on every page).
        let end = page
            .char_indices()
            .nth(DETECT_CHARS)
            .map_or(page.len(), |(i, _)| i);
        let head = page[..end].to_ascii_lowercase();
        let trimmed = head.trim_start_matches('\u{feff}').trim_start();
        if trimmed.starts_with("<!doctype html")
            || trimmed.starts_with("<html")
            || trimmed.starts_with("<?xml")
            || trimmed.starts_with("<!--")
        {
            return Format::Html;
        }
        let markers = [
            "<html", "<head", "<body", "<div", "<p>", "<p ", "<meta", "<article",
        ];
        let hits: usize = markers.iter().map(|m| head.matches(m).count()).sum();
        // A fragment that opens with a tag and closes one is markup too.
        let fragment = trimmed.starts_with('<')
            && [
                "</p>", "</div>", "</span>", "</a>", "</li>", "</h1>", "</h2>", "</table>",
            ]
            .iter()
            .any(|t| head.contains(t));
        if hits >= 3 || fragment {
            Format::Html
        } else {
            Format::Text
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
        }
    }
}

/// A page split into blocks, with what it says about itself.
#[derive(Clone, Debug)]
pub struct Document {
    pub format: Format,
    pub blocks: Vec<Block>,
    /// Metadata from HTML `<head>` and `<time>` elements; empty for text dumps.
    pub meta: HtmlMeta,
    pub language: Language,
    /// Each block's stop-word density in `language`.
    pub stopword_densities: Vec<f32>,
}

impl Document {
    /// Splits a page into blocks. `format` overrides detection.
    pub fn parse(page: &str, format: Option<Format>) -> Document {
        // Without a deadline parsing always finishes.
        Document::parse_until(page, format, None).unwrap_or_else(Document::empty)
    }

    fn empty() -> Document {
        Document {
            format: Format::Text,
            blocks: Vec::new(),
            meta: HtmlMeta::default(),
            language: Language::English,
            stopword_densities: Vec::new(),
        }
    }

    /// Splits a page into blocks, giving up (`None`) once `deadline` has passed.
    fn parse_until(
        page: &str,
        format: Option<Format>,
        deadline: Option<Instant>,
    ) -> Option<Document> {
        let format = format.unwrap_or_else(|| Format::detect(page));
        let (blocks, meta) = match format {
            Format::Html => html::parse_html_until(page, deadline)?,
            Format::Text => (text_blocks(page), HtmlMeta::default()),
        };
        let (language, stopword_densities) =
            Language::with_densities(blocks.iter().map(|b| b.text.as_str()));
        Some(Document {
            format,
            blocks,
            meta,
            language,
            stopword_densities,
        })
    }
}

/// The blocks of a text dump: its non-empty lines.
fn text_blocks(page: &str) -> Vec<Block> {
    page.lines()
        .map(normalize)
        .filter(|l| !l.is_empty())
        .map(Block::line)
        .collect()
}

/// How to strip.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// `None` detects the format from the content.
    pub format: Option<Format>,
    pub favor: Favor,
    /// Keep the comment section (readers' comments, forum replies) as body, as
    /// trafilatura's `include_comments` does; by default it ends the article.
    pub comments: bool,
    /// Write each decision's `reason` (for `--explain`). Off, reasons stay empty: they
    /// cost a formatted string per block, and a batch never reads them.
    pub explain: bool,
}

/// A page with a decision for every block.
#[derive(Clone, Debug)]
pub struct Stripped {
    pub document: Document,
    /// One per block, in order.
    pub decisions: Vec<Decision>,
}

impl Stripped {
    /// The body blocks, in page order.
    pub fn body(&self) -> impl Iterator<Item = &Block> {
        self.document
            .blocks
            .iter()
            .zip(&self.decisions)
            .filter(|(_, d)| d.body)
            .map(|(b, _)| b)
    }

    /// The body blocks' texts.
    pub fn paragraphs(&self) -> Vec<String> {
        self.body().map(|b| b.text.clone()).collect()
    }
}

/// Splits a page into blocks and decides which are body.
/// Compiles the cue lines and loads the stop-word lists now rather than on the first
/// page, so that a batch's first page does not pay for them (nor count them against
/// its time limit).
pub fn warm_up() {
    cues::warm_up();
    language::warm_up();
}

pub fn strip(page: &str, options: &Options) -> Stripped {
    // Without a deadline there is nothing to time out.
    strip_by(page, options, None).unwrap_or_else(|_| Stripped {
        document: Document::empty(),
        decisions: Vec::new(),
    })
}

/// [`strip`] with a time limit: an error once `deadline` has passed.
///
/// Every stage is linear in the page's size, so the limit is a guard against pages
/// that are merely huge, not against hangs. The clock is read every thousand tags
/// while parsing and between stages, so the call returns within about a millisecond
/// of the deadline (plus the classifier's pass, a small share of the time).
pub fn strip_until(page: &str, options: &Options, deadline: Instant) -> Result<Stripped, Error> {
    strip_by(page, options, Some(deadline))
}

fn strip_by(page: &str, options: &Options, deadline: Option<Instant>) -> Result<Stripped, Error> {
    let started = Instant::now();
    let late = || deadline.is_some_and(|d| Instant::now() >= d);
    let timed_out = |stage| Error::timed_out(stage, started.elapsed());
    let document = Document::parse_until(page, options.format, deadline)
        .filter(|_| !late())
        .ok_or_else(|| timed_out("parsing"))?;
    let decisions = classify(&document.blocks, &document.stopword_densities, options);
    if late() {
        return Err(timed_out("classifying blocks"));
    }
    Ok(Stripped {
        document,
        decisions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Twelve linked teasers, for a box outside the article: with them a page is no
    /// list for the list fallback, and none of them may be kept.
    fn linked_teasers() -> String {
        (0..12)
            .map(|i| format!("<div><a href=\"/n{i}\">Signal battalion {i} trains with the new satellite terminals in the north</a></div>"))
            .collect()
    }

    #[test]
    fn detects_formats() {
        assert_eq!(Format::detect("<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::detect("\u{feff}  <html lang=en>"), Format::Html);
        assert_eq!(
            Format::detect("Title\nA line about <b> tags.\n"),
            Format::Text
        );
        assert_eq!(Format::detect("<p>One paragraph.</p>"), Format::Html);
        assert_eq!(Format::detect("a < b and <c> is not </p>"), Format::Text);
        assert_eq!(
            Format::detect("<div><p>one</p><p>two</p></div>"),
            Format::Html
        );
    }

    #[test]
    fn an_article_of_one_paragraph_and_a_list_keeps_the_list() {
        // One long paragraph carries nearly all the good text; the changelog under
        // it is short lines in the same content container and is body with it, not
        // outside a "container" that is the paragraph's own element.
        let lead = "The field tablet used by the brigade's signal companies is getting a software update this month, which the maintainers say makes the map viewer faster and fixes the radio pairing that crews had complained about since the spring exercise. The update was tested by two companies during the autumn manoeuvres, where it ran for three weeks without a reset, and it will be pushed to every tablet in the brigade over the coming fortnight. Crews are asked to charge their tablets fully before the update starts, because an interrupted installation needs a visit to the workshop, and to report any fault to their signal officer. The maintainers also published a short list of the changes for crews who want to know what is different before they start.";
        let changes: String = [
            "NEW FUNCTIONS:",
            "- Map viewer 2.1",
            "- Offline route planning",
            "FIXES:",
            "- Radio pairing no longer drops",
            "- Battery gauge corrected",
        ]
        .iter()
        .map(|line| format!("<p>{line}</p>"))
        .collect();
        // A site blurb and linked teasers outside the article, so that the page is
        // no list for the list fallback.
        let teasers = linked_teasers();
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><div class=\"entry-content\"><p>{lead}</p>{changes}</div><div class=\"box\"><p>Our site has covered military field electronics since 2009. It is written by former signal officers who served with armoured and airborne units in three countries.</p></div><div class=\"more\">{teasers}</div><footer><p>All rights reserved 2026</p></footer></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p == "- Battery gauge corrected"),
            "{kept:?}"
        );
        assert!(kept.iter().any(|p| p == "NEW FUNCTIONS:"), "{kept:?}");
        assert!(!kept.iter().any(|p| p.contains("Signal battalion")));
    }

    #[test]
    fn an_article_opened_in_short_paragraphs_keeps_its_opening() {
        // A manifesto's opening: one-line sentences, none long enough to be good on
        // its own, then the paragraphs that are.
        let opening: String = [
            "Software is built on a fragile assumption.",
            "It isn't.",
            "Trains lose connectivity.",
            "Factories operate behind firewalls.",
            "Hospitals isolate systems.",
            "Devices move, disconnect, and fail.",
            "Failure becomes systemic instead of local.",
            "This is not a limitation of hardware.",
            "It is a limitation of mindset.",
            "Computation, storage, identity and application logic stay centralized.",
            "Latency grows unpredictable.",
        ]
        .iter()
        .map(|line| format!("<p>{line}</p>"))
        .collect();
        let good = |n: usize| {
            format!("<p>Paragraph {n} argues that applications should keep working when the network goes away, because the edge is where the data is created and where the decisions have to be made, and the cloud should coordinate rather than control.</p>")
        };
        let teasers = linked_teasers();
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><div class=\"post\"><h1>The Edge-First Manifesto</h1><div class=\"body\">{opening}{}{}{}</div></div><div class=\"more\">{teasers}</div><footer><p>All rights reserved 2026</p></footer></body></html>",
            good(1),
            good(2),
            good(3)
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(kept.iter().any(|p| p == "It isn't."), "{kept:?}");
        assert!(
            kept.iter().any(|p| p == "Trains lose connectivity."),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|p| p.contains("Signal battalion")));
    }

    /// A reference page: the module's title and opening paragraph, then its functions
    /// in a section of their own that holds most of the prose. `above` stands between
    /// the title and the intro, `below` between the intro and the section, `after`
    /// after the page's body.
    fn module_page(above: &str, below: &str, after: &str) -> String {
        let intro = "<p>This module implements a number of building blocks for looping over data, each of them small, fast and memory efficient, which can be combined into tools that are as expressive as those of other languages.</p>";
        let good = |n: usize| {
            format!("<p>Function {n} makes an iterator that returns the elements of its input one after the other, stopping when the input is exhausted, and it keeps no more than one element in memory at any time.</p>")
        };
        let functions: String = (1..=10).map(good).collect();
        format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/docs\">Docs</a></nav><div class=\"body\"><section><h1>itertools</h1>{above}{intro}{below}<section><h2>Functions</h2>{functions}</section></section></div>{after}<footer><p>All rights reserved 2026</p></footer></body></html>"
        )
    }

    #[test]
    fn an_intro_under_the_title_above_the_container_is_body() {
        // A standfirst in the intro's place is the header's, not the article's.
        let standfirst = "<p class=\"article-standfirst\">The header's summary of what follows, which the page names as its standfirst and which is not part of the running text at all.</p>";
        // A linked table of contents between the intro and the section.
        let contents = "<p><a href=\"#f1\">count</a> <a href=\"#f2\">cycle</a> <a href=\"#f3\">repeat</a> <a href=\"#f4\">chain</a></p>";
        let teasers = format!("<div class=\"more\">{}</div>", linked_teasers());
        let page = module_page(standfirst, contents, &teasers);
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("This module implements")),
            "{kept:?}"
        );
        assert!(kept.iter().any(|p| p.starts_with("Function 6")), "{kept:?}");
        assert!(!kept.iter().any(|p| p.starts_with("The header's summary")));
        assert!(!kept.iter().any(|p| p.contains("Signal battalion")));
    }

    #[test]
    fn the_short_lines_below_the_intro_under_the_title_are_body() {
        // A summary table of short cells between the intro and the section of
        // functions is the intro's, as it would be between two of the section's
        // paragraphs. Each row's first cell links to the function's entry: a linked
        // cell is no body, and the short cells beside it are lost to context.
        let table = "<table><tr><td><p>Iterator</p></td><td><p>Arguments</p></td><td><p>Results</p></td></tr><tr><td><p><a href=\"#count\">count()</a></p></td><td><p>start, step</p></td><td><p>start, start+step, …</p></td></tr><tr><td><p><a href=\"#cycle\">cycle()</a></p></td><td><p>p</p></td><td><p>p0, p1, … plast, p0, p1, …</p></td></tr></table>";
        let page = module_page("", table, "");
        let kept = strip(&page, &Options::default()).paragraphs();
        for cell in ["Arguments", "start, step", "p0, p1, … plast, p0, p1, …"] {
            assert!(kept.iter().any(|p| p == cell), "{cell}: {kept:?}");
        }
        assert!(kept.iter().any(|p| p.starts_with("Function 6")), "{kept:?}");
        assert!(!kept
            .iter()
            .any(|p| p == "Home" || p.contains("rights reserved")));
    }

    #[test]
    fn a_front_page_keeps_its_list_of_headlines() {
        let headlines: String = (1..=12)
            .map(|i| format!("<li><a href=\"/a{i}\">Brigade {i} completes its winter exercise near the northern border</a></li>"))
            .collect();
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><main><h1>Latest</h1><ul>{headlines}</ul></main><footer><p>All rights reserved 2026</p></footer></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(kept.len() >= 12, "{kept:?}");
        assert!(kept.iter().any(|p| p.starts_with("Brigade 7 ")));
        assert!(!kept
            .iter()
            .any(|p| p.contains("rights reserved") || p.contains("Home")));
    }

    #[test]
    fn a_timeline_closing_the_article_is_body() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the explainer says what the dispute is about, who holds the land, and why the two governments have argued over it for more than a century.</p>")
        };
        let body: String = (1..=4).map(para).collect();
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a></nav><article><div class=\"article-body\"><h1>The border dispute, explained</h1>{body}<aside><h3>Key facts</h3><ul><li>Area: about 160,000 sq km</li><li>Population: about 125,000</li></ul></aside><h3>Timeline</h3><ul><li>1899 — A tribunal in Paris awards the region to the colony.</li><li>1962 — The neighbour declares the award null and void.</li><li>2018 — The government takes the dispute to the court.</li></ul><p>With files from the Associated Press.</p></div></article><footer><p>All rights reserved 2026</p></footer></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(kept.iter().any(|p| p.starts_with("1962 — ")), "{kept:?}");
        assert!(kept.iter().any(|p| p == "Timeline"), "{kept:?}");
        assert!(!kept.iter().any(|p| p.contains("rights reserved")));
    }

    #[test]
    fn a_closing_cue_over_a_nested_gallery_ends_the_article_however_long_the_gallery() {
        // "Also on ..." over a slideshow whose captions outweigh the article: the
        // captions sit in a box nested under the article's container, deeper than its
        // paragraphs, so the cue closes the article even though more text follows.
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the report says the brigade finished its winter exercise on schedule and that the new radios worked in the cold.</p>")
        };
        let body: String = (1..=3).map(para).collect();
        let captions: String = (1..=8)
            .map(|n| format!("<div class=\"slide\"><div class=\"caption\"><p>Caption {n}: soldiers of the brigade load a tracked carrier onto a rail car at the depot before the winter exercise began in the north.</p></div></div>"))
            .collect();
        let page = format!(
            "<html><body><div class=\"entry-content\">{body}<p>Also on Example News:</p><div class=\"promo\"><div class=\"gallery\"><em>Loading Slideshow</em>{captions}</div></div></div></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("Paragraph 3 ")),
            "{kept:?}"
        );
        assert!(
            !kept
                .iter()
                .any(|p| p.starts_with("Caption") || p.contains("Loading")),
            "{kept:?}"
        );
        // The same amount of text as the article's own paragraphs, at their depth,
        // after a mid-article cue: the cue closes nothing.
        let resumed: String = (4..=12).map(para).collect();
        let page = format!(
            "<html><body><div class=\"entry-content\">{body}<p>Related:</p>{resumed}</div></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("Paragraph 12 ")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_menu_item_reading_top_stories_closes_nothing() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the notice says the club has released the fifth edition of its statistics course, free to audit and open to every member.</p>")
        };
        let body: String = (1..=3).map(para).collect();
        let page = format!(
            "<html><body><div class=\"content\">{body}<ul class=\"tabs\"><li><a href=\"/news\">News</a></li><li><a href=\"/top\">Top Stories</a></li></ul>{}</div></body></html>",
            para(4)
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("Paragraph 4 ")),
            "{kept:?}"
        );
        // A heading that is a link still heads a rail.
        let page = format!(
            "<html><body><div class=\"content\">{body}<h3><a href=\"/popular\">Top Stories</a></h3><p>Another story about the club and its statistics course, free to audit and open to members of the public too.</p></div></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            !kept.iter().any(|p| p.starts_with("Another story")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_teaser_cut_with_an_ellipsis_in_brackets_is_chaff() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the review says the new hatchback is roomy, quiet on the motorway and cheaper to run than the model it replaces.</p>")
        };
        let body: String = (1..=4).map(para).collect();
        let page = format!(
            "<html><body><div class=\"content\">{body}<div><h4>Buying guide</h4><p>Your car has served you well for years, but you must have noticed that it is showing its [...]</p></div></div></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("Paragraph 4 ")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|p| p.ends_with("[...]")), "{kept:?}");
    }

    #[test]
    fn a_one_paragraph_post_does_not_keep_what_follows_its_comment_section() {
        // One paragraph of prose makes the page look like a list, whose items are
        // kept; but a heading that names the comments ends the post, and the blog's
        // sidebar after it ("Archives by Date", "Latest Book") is not its items.
        let sidebar: String = [
            "Blog Menu",
            "Blog Home Page",
            "Archives by Date",
            "Latest Book",
            "Syndication",
            "Full Text Feed",
        ]
        .iter()
        .map(|line| format!("<tr><td>{line}</td></tr>"))
        .collect();
        let page = format!(
            "<html><body><table><tr><td><h1>A blog about security</h1><h2>Camouflage patterns</h2><p>The researchers compared six camouflage patterns against thermal cameras and found that none of them hid a soldier for more than a minute at night.</p><h3>Comments</h3><p>Posted by a reader at 10:14 AM</p></td></tr>{sidebar}</table></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter()
                .any(|p| p.starts_with("The researchers compared")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|p| p == "Latest Book"), "{kept:?}");
    }

    #[test]
    fn a_text_dump_that_prints_the_comments_above_the_article_keeps_the_article() {
        let mut lines = vec![
            "Login",
            "Scaling up air defence production",
            "by a_reader",
            "3 comments, sorted by",
            "top scoring",
            "Really good overview, and I think the point about the missile stocks in particular is one that gets lost in most of the public debate about the war.",
            "Reply",
            "Agreed, though I would have liked more on the radars, which are the real bottleneck for most of the European buyers right now.",
            "Reply",
            "More from a_reader",
        ];
        let article = [
            "Europe is buying air defence faster than at any time since the end of the Cold War, but its factories were sized for peacetime orders and cannot yet keep up.",
            "The missiles are the hardest part. A single interceptor takes months to build, and the rocket motors, seekers and warheads each come from a handful of suppliers.",
            "Several governments have now signed multi-year contracts, which let the makers hire workers and buy machine tools without fearing that the orders will stop next year.",
            "Even so, the first of the new production lines will not run at full rate until the end of the decade, and the gap until then will have to be filled from stocks.",
            "That leaves the planners with a choice between drawing down their own reserves and telling the front that fewer interceptors will arrive in the coming months.",
            "Some have chosen a third way: buying cheaper guns and drones to shoot down the cheapest threats, and saving the missiles for the targets that only they can stop.",
            "Whether that mix holds will depend on the next winter, when the attacks on power stations and cities are likely to be at their heaviest again.",
        ];
        lines.extend(article);
        let kept = strip(&lines.join("\n"), &Options::default()).paragraphs();
        for p in article {
            assert!(kept.iter().any(|k| k == p), "{p:?} lost: {kept:?}");
        }
    }

    #[test]
    fn a_related_box_set_into_the_article_closes_only_itself() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} says the air force will base the jets at the southern brigade, where hangars and a new simulator are being built this year.</p>")
        };
        let before: String = (1..=5).map(para).collect();
        let page = format!(
            "<html><body><article class=\"content\">{before}<aside class=\"related\"><h4>Related</h4><a href=\"/x\">Argentina signs a deal to buy jets from Denmark</a></aside>{}</article></body></html>",
            para(6)
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("Paragraph 6 ")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|p| p.starts_with("Argentina")), "{kept:?}");
    }

    #[test]
    fn a_native_ad_networks_widget_is_an_advert() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} says the yard will build the three supply ships in the city, where the cranes have stood idle for most of the last twenty years.</p>")
        };
        let body: String = (1..=4).map(para).collect();
        let page = format!(
            "<html><body><article>{body}</article><div id=\"taboola-below-article\" class=\"taboola-wrapper\"><div class=\"trc_item\"><a href=\"https://x.example/1\"><span>Doctors stunned: this simple trick helps every single reader with knee pain, and nobody in the city can explain why it works</span></a></div></div></body></html>"
        );
        let stripped = strip(&page, &Options::default());
        let ad = stripped
            .document
            .blocks
            .iter()
            .find(|b| b.text.starts_with("Doctors"))
            .expect("the ad is a block");
        assert!(ad.flags.contains(Flags::AD), "{:?}", ad.flags);
        assert!(!stripped
            .paragraphs()
            .iter()
            .any(|p| p.starts_with("Doctors")));
    }

    #[test]
    fn a_newsletter_box_set_into_the_article_closes_only_itself() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} says the yard will build the three supply ships in the city, where the cranes have stood idle for most of the last twenty years.</p>")
        };
        let before: String = (1..=6).map(para).collect();
        let after: String = (7..=9).map(para).collect();
        // "Sign up to ..." closes an article when it ends the page; in a sign-up box
        // between paragraphs it closes only the box.
        let page = format!(
            "<html><body><article class=\"content\">{before}<div class=\"newsletter-signup\"><h3>Get the biggest stories first</h3><p>Sign up to the Belfast Now daily newsletter for the top stories from across the city.</p><button>Sign up</button></div>{after}</article></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("Paragraph 9 ")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|p| p.starts_with("Sign up")), "{kept:?}");
    }

    #[test]
    fn a_series_box_in_a_text_dump_closes_itself_and_the_subheading_under_it_is_body() {
        let para = |n: usize| {
            format!("Paragraph {n} says the navies learned to keep their most expensive missiles for the threats that matter most, and to share their targets.")
        };
        let lines = [
            para(1),
            para(2),
            para(3),
            "Sea Power".to_string(),
            "Read the series".to_string(),
            "The frigate gap: why Europe's navies are too small".to_string(),
            "Can the submarine still hide?".to_string(),
            "A campaign that did not end".to_string(),
            para(4),
            para(5),
        ];
        let kept = strip(&lines.join("\n"), &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p == "A campaign that did not end"),
            "{kept:?}"
        );
        assert!(
            kept.iter().any(|p| p.starts_with("Paragraph 5")),
            "{kept:?}"
        );
        assert!(
            !kept.iter().any(|p| p.starts_with("Can the submarine")),
            "{kept:?}"
        );
    }

    #[test]
    fn teasers_under_a_more_on_heading_in_a_text_dump_are_chaff() {
        let dump = [
            "Destroyer downs ballistic missile over the Gulf of Aden",
            "The destroyer shot down a ballistic missile fired at a merchant ship in the Gulf of Aden on Wednesday night, the ministry said.",
            "It is the first time a ship of the class has downed a ballistic missile in combat, and the crew were praised by ministers.",
            "MORE ON THE RED SEA CRISIS",
            "Rebels claim drone attack on British oil tanker off Yemen",
            "RAF Typhoons join fresh US strikes on rebel radar sites",
            "Deadly threat",
            "Ballistic missiles are far harder to stop than drones because they plunge on to their targets at several times the speed of sound.",
            "Each interceptor is thought to cost around a million pounds, while the drones the rebels fire cost a few thousand.",
        ]
        .join("\n");
        let kept = strip(&dump, &Options::default()).paragraphs();
        assert!(
            !kept.iter().any(|p| p.starts_with("Rebels claim")),
            "{kept:?}"
        );
        assert!(
            !kept.iter().any(|p| p.starts_with("RAF Typhoons")),
            "{kept:?}"
        );
        assert!(kept.iter().any(|p| p.starts_with("Ballistic missiles are")));
    }

    #[test]
    fn a_fact_box_set_into_a_text_dump_is_chaff_unless_every_item_has_one() {
        let dump = |boxes: usize| {
            let mut lines = vec![
                "Carrier returns to port after propeller shaft fault".to_string(),
                "The carrier returned to Portsmouth on Sunday after engineers found a fault in one of its two propeller shafts during sea trials off the south coast.".to_string(),
                "The ship had been due to lead a task group in the North Sea and off Norway in the spring, carrying jets from both the air force and the navy.".to_string(),
            ];
            for n in 1..=boxes {
                lines.push(format!("CARRIER {n} FACTFILE"));
                lines.push("Commissioned: December 2017".to_string());
                lines.push("Displacement: 65,000 tonnes".to_string());
                lines.push("Crew: around 700, rising to 1,600 with its air group".to_string());
                lines.push("Engineers will now inspect the shaft in dry dock, and the navy says the repair will take several weeks at least.".to_string());
            }
            lines.push("The navy said the fault posed no danger to the crew and that the ship had sailed home under its own power on the other shaft.".to_string());
            lines.join("\n")
        };
        let kept = strip(&dump(1), &Options::default()).paragraphs();
        assert!(
            !kept.iter().any(|p| p.starts_with("Displacement")),
            "{kept:?}"
        );
        assert!(kept.iter().any(|p| p.starts_with("Engineers will now")));
        // A list whose every item has its box is made of them.
        let kept = strip(&dump(3), &Options::default()).paragraphs();
        assert_eq!(
            kept.iter()
                .filter(|p| p.starts_with("Displacement"))
                .count(),
            3,
            "{kept:?}"
        );
    }

    #[test]
    fn a_listicles_fact_lines_do_not_split_its_text_dump() {
        // Each show: a title, five fact lines, a paragraph (two of them short). As chaff
        // weighed by their length, the fact lines cut the article's stretch in two.
        let mut lines: Vec<String> = ["Home", "Services", "Blog", "Contact"]
            .iter()
            .map(|l| l.to_string())
            .collect();
        lines.push("The defence shows to visit this year".to_string());
        for (n, (show, city, long)) in [
            ("Eurosatory", "Paris", true),
            ("DSEI", "London", false),
            ("IDEX", "Abu Dhabi", false),
            ("AUSA", "Washington", true),
        ]
        .into_iter()
        .enumerate()
        {
            lines.push(format!("{}. {show}", n + 1));
            lines.push("Date: June 2026, every two years".to_string());
            lines.push(format!("Location: {city}, exhibition centre"));
            lines.push("Focus: land systems, drones, munitions".to_string());
            lines.push("Pricing: free for trade visitors".to_string());
            lines.push("Exhibitors: about 2,000 companies".to_string());
            lines.push(if long {
                format!("{show} is one of the largest gatherings of the defence industry, where ministries, armies and companies meet to look at new vehicles, weapons and sensors, and where many of the contracts that take years to prepare are finally signed in public.")
            } else {
                format!("{show} is smaller and more specialised than the big shows.")
            });
        }
        lines.push("Sign up for our newsletter".to_string());
        let kept = strip(&lines.join("\n"), &Options::default()).paragraphs();
        for show in ["Eurosatory", "AUSA"] {
            assert!(
                kept.iter()
                    .any(|p| p.starts_with(&format!("{show} is one of"))),
                "{show}: {kept:?}"
            );
        }
    }

    #[test]
    fn kickers_and_teasers_under_a_more_on_heading_are_chaff() {
        let dump = [
            "Destroyer downs ballistic missile over the Gulf of Aden",
            "The destroyer shot down a ballistic missile fired at a merchant ship in the Gulf of Aden on Wednesday night, the ministry said.",
            "It is the first time a ship of the class has downed a ballistic missile in combat, and the crew were praised by ministers.",
            "MORE ON THE RED SEA CRISIS",
            "TANKER ATTACK",
            "Rebels claim drone attack on British oil tanker off Yemen",
            "STRIKES",
            "RAF Typhoons join fresh US strikes on rebel radar sites",
            "Ballistic missiles are far harder to stop than drones because they plunge on to their targets at several times the speed of sound.",
            "Each interceptor is thought to cost around a million pounds, while the drones the rebels fire cost a few thousand.",
        ]
        .join("\n");
        let kept = strip(&dump, &Options::default()).paragraphs();
        for teaser in ["TANKER ATTACK", "Rebels claim", "STRIKES", "RAF Typhoons"] {
            assert!(!kept.iter().any(|p| p.starts_with(teaser)), "{kept:?}");
        }
        assert!(kept.iter().any(|p| p.starts_with("Ballistic missiles are")));
    }

    #[test]
    fn a_pull_quote_repeating_a_paragraph_of_a_text_dump_is_chaff() {
        let para = |n: usize| {
            format!("Paragraph {n} of the feature says the island sits in the middle of the sea lanes, which is why the army came back to it after a decade away.")
        };
        let source = "Swedish officers prefer a blunter image. “Unlike a carrier, the island cannot sail away when the missiles start flying,” one of them said.";
        let quote =
            "“Unlike a carrier, the island cannot sail away when the missiles start flying.”";
        // A quotation of its own that no paragraph repeats is body.
        let alone = "“We will not give up a metre of this island to anyone who comes to take it.”";
        let lines = [
            para(1),
            para(2),
            quote.into(),
            source.into(),
            alone.into(),
            para(3),
        ];
        let kept = strip(&lines.join("\n"), &Options::default()).paragraphs();
        assert!(!kept.iter().any(|p| p == quote), "{kept:?}");
        for p in [source, alone] {
            assert!(kept.iter().any(|k| k == p), "{p:?} lost: {kept:?}");
        }
    }

    #[test]
    fn the_items_of_a_list_a_colon_opens_are_no_headings() {
        let para = |n: usize| {
            format!("Paragraph {n} says the air force struck more than sixty targets at sixteen locations overnight, and that more strikes could follow.")
        };
        let items = [
            "Command and control nodes",
            "Munitions depots",
            "Launch sites for drones and missiles",
            "Production facilities",
            "Air defence radars",
        ];
        let mut lines = vec![
            para(1),
            para(2),
            "Its commander said the targets included:".to_string(),
        ];
        lines.extend(items.iter().map(|i| i.to_string()));
        lines.extend([para(3), para(4)]);
        let kept = strip(&lines.join("\n"), &Options::default()).paragraphs();
        for item in items {
            assert!(kept.iter().any(|k| k == item), "{item:?} lost: {kept:?}");
        }
    }

    #[test]
    fn a_text_dump_keeps_its_question_subheads_and_closing_fact_lists() {
        let para = |n: usize| {
            format!("Paragraph {n} of the explainer says what the missile can reach, who has asked for it, and why the government in Berlin has argued over it for two years.")
        };
        let lines: Vec<String> = [
            "Defence Explained".to_string(),
            para(1),
            para(2),
            "Sign up to our newsletter".to_string(),
            "Enter your email address".to_string(),
            "Why has Berlin held back?".to_string(),
            para(3),
            para(4),
            "Key facts".to_string(),
            "Range: more than 500 km".to_string(),
            "Warhead: 480 kg tandem penetrator".to_string(),
            "Timeline".to_string(),
            "May 2023 — Kyiv submits a formal request.".to_string(),
            "6 May 2025 — Friedrich Merz is elected chancellor.".to_string(),
            "Follow".to_string(),
            "Privacy Policy".to_string(),
        ]
        .to_vec();
        let page = lines.join("\n");
        let kept = strip(&page, &Options::default()).paragraphs();
        for want in [
            "Why has Berlin held back?",
            "Key facts",
            "Range: more than 500 km",
            "Timeline",
            "6 May 2025 — Friedrich Merz is elected chancellor.",
        ] {
            assert!(kept.iter().any(|p| p == want), "{want}: {kept:?}");
        }
        assert!(!kept.iter().any(|p| p == "Privacy Policy" || p == "Follow"));
    }

    #[test]
    fn a_timeline_the_body_began_goes_on_to_its_last_item() {
        let para = |n: usize| {
            format!("Paragraph {n} of the explainer says why the warships escort merchant ships through the strait and who pays for the missiles they fire.")
        };
        let page = [
            para(1),
            para(2),
            para(3),
            "Timeline".to_string(),
            "8 November 2023 — Houthis shoot down a US MQ-9 Reaper off Yemen.".to_string(),
            "19 November 2023 — Galaxy Leader seized in the southern Red Sea.".to_string(),
            "18 December 2023 — Operation Prosperity Guardian announced.".to_string(),
            "12 January 2024 — First American and British strikes on Houthi targets.".to_string(),
            "Share".to_string(),
            "Related coverage".to_string(),
            "Why the frigate ran out of missiles".to_string(),
        ]
        .join("\n");
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("12 January 2024")),
            "{kept:?}"
        );
        assert!(
            !kept.iter().any(|p| p.starts_with("Why the frigate")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_live_pages_first_entry_keeps_its_headline() {
        let entry = |n: usize| {
            format!("Entry {n} reports that the ministry confirmed another launch from the east coast, and that the missile fell into the sea after a long flight.")
        };
        let page = [
            "Menu".to_string(),
            "LIVE".to_string(),
            "16:05".to_string(),
            "Rutte hails historic result as summit closes".to_string(),
            entry(1),
            "Share".to_string(),
            "15:20".to_string(),
            "Leaders agree new spending target".to_string(),
            entry(2),
            "Share".to_string(),
            "14:30".to_string(),
            "UK to buy nuclear-capable jets".to_string(),
            entry(3),
            "Share".to_string(),
        ]
        .join("\n");
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("Rutte hails")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|p| p == "LIVE" || p == "Menu"), "{kept:?}");
    }

    #[test]
    fn a_live_entrys_author_and_role_under_its_stamp_are_chaff() {
        let entry = |n: usize| {
            format!("Entry {n} reports that the ministry confirmed another launch from the east coast, and that the missile fell into the sea after a long flight.")
        };
        let page = [
            "LIVE",
            "6.31pm",
            "Helena Marsh",
            "Council to meet as envoy calls for sanctions",
            &entry(1),
            "5.58pm",
            "Sam Okoye",
            "Defence Correspondent",
            "Key update",
            "How the layered air defences held",
            &entry(2),
            "4.45pm",
            "Helena Marsh",
            &entry(3),
            "3.05pm",
            "Sam Okoye",
            "Defence Correspondent",
            &entry(4),
        ]
        .join("\n");
        let kept = strip(&page, &Options::default()).paragraphs();
        for headline in [
            "Council to meet as envoy calls for sanctions",
            "How the layered air defences held",
        ] {
            assert!(kept.iter().any(|p| p == headline), "{kept:?}");
        }
        for head in [
            "Helena Marsh",
            "Sam Okoye",
            "Defence Correspondent",
            "Key update",
        ] {
            assert!(!kept.iter().any(|p| p == head), "{head}: {kept:?}");
        }
    }

    #[test]
    fn a_teaser_box_in_the_article_that_the_list_below_repeats_is_chaff() {
        let para = |n: usize| {
            format!("Paragraph {n} says the frigate fired two missiles at the drones, and that the navy will ask the maker why both missed their target.")
        };
        let teaser = [
            "False alarm: frigate fires at a friendly drone",
            "Why two missiles missed and what the ministry says about it.",
        ];
        let mut lines: Vec<String> = vec!["Menu".to_string(), para(1), para(2)];
        lines.extend(teaser.iter().map(|t| t.to_string()));
        lines.extend([para(3), para(4), "More on this topic".to_string()]);
        lines.extend(teaser.iter().map(|t| t.to_string()));
        lines.push("Navy base gets a new pier".to_string());
        let kept = strip(&lines.join("\n"), &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("Paragraph 4")),
            "{kept:?}"
        );
        assert!(
            !kept.iter().any(|p| p.starts_with("Why two missiles")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_lead_dense_with_names_before_the_first_paragraph_is_body() {
        let para = |n: usize| {
            format!("Paragraph {n} says the prime minister told the crowd that the ships had been built at home, and that more of them would follow in the coming years.")
        };
        let lead = "The Prime Minister, Shri Narendra Modi, commissioned three frontline naval combatants – INS Surat, INS Nilgiri and INS Vaghsheer – at Naval Dockyard, Mumbai on 15 January 2025.";
        let mut lines: Vec<String> = [
            "Press Information Bureau",
            "Ministry of Defence",
            "Prime Minister commissions three frontline naval combatants",
            "Posted On: 15 JAN 2025 2:05PM by PIB Delhi",
            lead,
        ]
        .map(String::from)
        .to_vec();
        lines.extend((1..=4).map(para));
        let kept = strip(&lines.join("\n"), &Options::default()).paragraphs();
        assert!(kept.iter().any(|p| p == lead), "{kept:?}");
        assert!(!kept.iter().any(|p| p.starts_with("Posted On")), "{kept:?}");
    }

    #[test]
    fn a_paywall_box_under_the_lead_does_not_cut_the_lead_off() {
        // A lead that only reads near-good, a share bar above it and a soft paywall's
        // box under it: context looks through the box to the paragraphs after it.
        let para = |n: usize| {
            format!("Paragraph {n} says the coastal battery will be delivered in 2028 and that the launchers ride on trucks built in Poland.")
        };
        let page = [
            "Subscribe".to_string(),
            "Share".to_string(),
            "LinkedIn".to_string(),
            "OSLO — Kongsberg has signed a contract for a third coastal battery with NSM missiles."
                .to_string(),
            "Subscribe to continue reading".to_string(),
            "Already a subscriber? Sign in".to_string(),
            para(1),
            para(2),
            para(3),
        ]
        .join("\n");
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(kept.iter().any(|p| p.starts_with("OSLO")), "{kept:?}");
        assert!(
            !kept
                .iter()
                .any(|p| p.contains("continue reading") || p.contains("Sign in")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_related_list_between_paragraphs_does_not_end_the_article() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} says the shipyard will deliver the first frigate next spring and the second a year later, if the engines arrive on time.</p>")
        };
        let before: String = (1..=5).map(para).collect();
        let page = format!(
            "<html><body><div class=\"content\">{before}<p>Related:</p><ul><li><a href=\"/a\">Five things to know about the frigate programme</a></li><li><a href=\"/b\">How the navy picked its new radar</a></li></ul><h4>Engines:</h4>{}<h4>Radars:</h4>{}</div><div class=\"content\"><p>Related Posts</p><p><a href=\"/c\">Another story about the navy and its frigates, its radars and its engines</a></p></div></body></html>",
            para(6),
            para(7)
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p.starts_with("Paragraph 7 ")),
            "{kept:?}"
        );
        assert!(
            !kept.iter().any(|p| p.starts_with("Five things")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_section_heading_that_links_to_itself_is_body() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the guide explains how the hub talks to lights, locks and thermostats, and which of them it can run without the cloud.</p>")
        };
        let page = format!(
            "<html><body><div class=\"content\"><ul class=\"toc\"><li><a href=\"#what\">What is a smart home hub?</a></li><li><a href=\"#how\">How I picked the hubs</a></li></ul>{}<h2><a href=\"#what\">What is a smart home hub?</a></h2>{}{}<h2><a href=\"#how\">How I picked the hubs</a></h2>{}{}</div></body></html>",
            para(1),
            para(2),
            para(3),
            para(4),
            para(5)
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p == "How I picked the hubs"),
            "{kept:?}"
        );
        assert_eq!(
            kept.iter()
                .filter(|p| *p == "How I picked the hubs")
                .count(),
            1,
            "{kept:?}"
        );
    }

    #[test]
    fn a_thin_post_with_a_comment_section_does_not_keep_its_headline_rail() {
        // A video post: a title, a byline and no prose, then "Post a comment" and a
        // rail of other posts' headlines. The rail is not the page's content, as a
        // front page's headlines are (see the test above).
        let headlines: String = (1..=12)
            .map(|i| format!("<li><a href=\"/a{i}\">Brigade {i} completes its winter exercise near the northern border</a></li>"))
            .collect();
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a></nav><main><h1>Exercise video</h1><p>Posted by the editors</p><h3>Post a comment</h3><p>Name:</p></main><div><ul>{headlines}</ul></div></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            !kept.iter().any(|p| p.starts_with("Brigade 7 ")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_page_of_linked_teasers_keeps_them_not_only_its_longest() {
        // Every teaser is a link, so nothing looks like prose and the longest
        // summary alone would be kept: that guess is no article body.
        let teasers: String = (1..=8)
            .map(|i| format!("<h2><a href=\"/t{i}\">Corvette {i} joins the coastal squadron</a></h2><p><a href=\"/t{i}\">The corvette number {i} was handed over at the yard this week and will sail to its home port after sea trials in the northern fjords, the navy said on its website on Friday evening.</a></p><div><a href=\"/a\">Staff writer</a> {i} days ago</div>"))
            .collect();
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/navy\">Navy</a> <a href=\"/army\">Army</a></nav><main><h1>Navy</h1>{teasers}</main><footer><p>Copyright 2026 Example Media. All rights reserved.</p></footer></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter()
                .any(|p| p == "Corvette 5 joins the coastal squadron"),
            "{kept:?}"
        );
        assert!(
            kept.iter()
                .filter(|p| p.starts_with("The corvette"))
                .count()
                >= 8
        );
        assert!(!kept.iter().any(|p| p.contains("rights reserved")));
    }

    #[test]
    fn a_job_board_keeps_its_linked_cards_not_only_its_header_blurb() {
        // The blurb in the page's header looks like prose, but a header holds no
        // article: kept only because nothing else was, it is a guess.
        let cards: String = (1..=12)
            .map(|i| format!("<div class=\"job\"><a href=\"/jobs/{i}\"><h3>Systems engineer {i}</h3><div>Remote, anywhere in the world</div><div>Full-time, $90,000 or more</div></a></div>"))
            .collect();
        let page = format!(
            "<html><body><header class=\"site-header\"><nav><a href=\"/\">Jobs</a> <a href=\"/post\">Post a job</a></nav><p>Looking for remote roles? Advance your career with specialised, in-demand jobs from vetted companies hiring worldwide. New positions in software, hardware and security daily.</p></header><main>{cards}</main><footer><p>Copyright 2026 Example Jobs. All rights reserved.</p></footer></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(kept.iter().any(|p| p == "Systems engineer 7"), "{kept:?}");
        assert!(!kept.iter().any(|p| p.contains("rights reserved")));
    }

    #[test]
    fn a_list_beside_the_last_paragraph_closes_the_article_and_a_link_list_does_not() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the guide explains how the brigade plans its river crossings, which engineers it needs and how long each bridge takes to build.</p>")
        };
        let body: String = (1..=3).map(para).collect();
        let items: String = [
            ("/bridges", "Bridges", " - spans, loads and build times"),
            ("/ferries", "Ferries", " - rafts for wide rivers"),
            ("/boats", "Assault boats", " - first-wave crossings"),
        ]
        .iter()
        .map(|(href, name, rest)| format!("<li><a href=\"{href}\">{name}</a>{rest}</li>"))
        .collect();
        let related: String = (1..=4)
            .map(|i| format!("<li><a href=\"/r{i}\">Engineer brigade {i} trains on the river near the border</a></li>"))
            .collect();
        let page = format!(
            "<html><body><main><article><h1>River crossings</h1>{body}<ul>{items}</ul></article>\
             <aside><ul>{related}</ul></aside></main></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p == "Ferries - rafts for wide rivers"),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|p| p.starts_with("Engineer brigade")));
    }

    #[test]
    fn a_category_page_with_one_paragraph_of_intro_keeps_its_items() {
        let items: String = (1..=10)
            .map(|i| format!("<div class=\"card\"><h3>Field radio model {i}</h3><div>Handheld, 5 W, {i}0 channels</div><div>In stock</div></div>"))
            .collect();
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/radios\">Radios</a></nav><main><h1>Field radios</h1><p>Our field radios are built for rain, dust and long patrols, and every model ships with a spare battery, a hand microphone, a belt clip and a two-year warranty against water damage.</p>{items}</main><footer><p>All rights reserved 2026</p></footer></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(
            kept.iter().any(|p| p == "Handheld, 5 W, 70 channels"),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|p| p.contains("rights reserved")));
    }

    #[test]
    fn an_article_of_two_paragraphs_does_not_keep_its_link_rail() {
        let rail: String = (1..=12)
            .map(|i| format!("<li><a href=\"/a{i}\">Brigade {i} completes its winter exercise near the border</a></li>"))
            .collect();
        let page = format!(
            "<html><body><main><h1>Frigate returns</h1><p>The frigate returned to its home port on Tuesday after six long weeks of escorting merchant ships through the strait.</p><p>Its crew said the last convoy had been the hardest, with drones sighted on three nights running and the weather turning early.</p><ul>{rail}</ul></main></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept[1].starts_with("Its crew"));
    }

    #[test]
    fn a_link_to_the_comments_mid_article_does_not_end_it_and_their_heading_does() {
        let paras = [
            "The frigate returned to its home port on Tuesday after six long weeks of escorting merchant ships through the narrow strait.",
            "Its crew said the last convoy had been the hardest, with drones sighted on three nights running and the weather turning early.",
            "The navy said the ship would now spend two months in the yard before it joins the next rotation in the spring of next year.",
            "Officials added that a second frigate would take over the escort duty from the end of the month, with a larger helicopter.",
        ];
        let page = |comments: &str| {
            format!(
                "<html><body><article><h1>Frigate home</h1><p>{}</p><p>{}</p>{comments}<p>{}</p><p>{}</p></article></body></html>",
                paras[0], paras[1], paras[2], paras[3]
            )
        };
        let link = page("<p><a href=\"#comments\">Comments</a></p>");
        let kept = strip(&link, &Options::default()).paragraphs();
        assert!(kept.iter().any(|p| p == paras[3]), "{kept:?}");
        let heading = page("<h3>Comments</h3>");
        let kept = strip(&heading, &Options::default()).paragraphs();
        assert!(!kept.iter().any(|p| p == paras[3]), "{kept:?}");
    }

    #[test]
    fn a_long_paragraph_trailing_off_is_body_and_a_teaser_is_not() {
        let first = "How do you convince the public that an old frigate still matters? The standard answer is a parade, a flypast and a speech by the minister on the quay.";
        let trailing = "In fact the crew had heard it all before, and most of them said so on the record: the refit had been promised three times, the money moved twice to other programmes, and the ship had sailed on with radars older than its youngest sailors, which is how these things tend to go in a navy that has too few hulls, too many tasks and too little time to think about either of them...";
        let teaser =
            "Read how the navy plans to keep its oldest ships at sea for another ten years...";
        let page = format!(
            "<html><body><article><h1>Old frigate</h1><p>{first}</p><p>{trailing}</p><p>{teaser}</p></article></body></html>"
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert!(kept.iter().any(|p| p == trailing), "{kept:?}");
        assert!(!kept.iter().any(|p| p == teaser), "{kept:?}");
    }

    #[test]
    fn program_code_in_a_text_dump_does_not_end_the_article() {
        let code = [
            "var builder = WebApplication.CreateBuilder(args); var services = builder.Services;",
            "services.AddHttpClient(\"Orders\", c => { c.BaseAddress = new Uri(\"https://orders.local\"); });",
            "services.AddHttpClient(\"Stock\").AddPolicyHandler(GetRetryPolicy(3, TimeSpan.FromSeconds(2)));",
            "static IAsyncPolicy<HttpResponseMessage> GetRetryPolicy(int times, TimeSpan wait) =>",
            "    HttpPolicyExtensions.HandleTransientHttpError().WaitAndRetryAsync(times, _ => wait);",
            "var client = factory.CreateClient(\"Orders\"); var id = order.Id.ToString();",
            "var response = await client.GetAsync($\"/api/orders/{id}\"); response.EnsureSuccessStatusCode();",
            "var body = await response.Content.ReadAsStringAsync(); logger.LogInformation(body);",
            "if (response.StatusCode == HttpStatusCode.NotFound) { return Results.NotFound(); }",
            "return Results.Ok(JsonSerializer.Deserialize<Order>(body, options));",
        ];
        let mut lines = vec![
            "Home | Blog | About",
            "Retrying HTTP calls in a small service",
            "Most services talk to other services over HTTP, and most of those calls fail now and then for reasons that have nothing to do with the request itself.",
            "A retry policy with a short back-off hides those failures from the user, as long as the request is safe to send twice.",
        ];
        lines.extend(code);
        lines.extend([
            "The policy above retries three times and waits two seconds between the attempts.",
            "For calls that change data, send an idempotency key with each request so that the server can tell a retry from a second order.",
            "© 2025 Code Notes. All rights reserved.",
        ]);
        let kept = strip(&lines.join("\n"), &Options::default()).paragraphs();
        assert!(
            kept.iter()
                .any(|p| p.starts_with("For calls that change data")),
            "{kept:?}"
        );
        assert!(
            kept.iter()
                .any(|p| p.starts_with("services.AddHttpClient(\"Orders\"")),
            "{kept:?}"
        );
        assert!(
            !kept.iter().any(|p| p.contains("rights reserved")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_dated_line_under_a_text_dumps_headline_ends_the_header() {
        let body = [
            "Ukraine has begun firing a home-built cruise missile that its maker says can reach targets far away, part of a push to hit airbases and refineries.",
            "The missile, nicknamed after the pink paint on an early batch, is made by a Kyiv firm that until last year was known mainly for its long-range drone.",
            "According to the company, the missile carries a warhead of about a tonne and flies low over the ground to avoid the radars of the air defences.",
            "Western officials doubt how quickly it can be built in numbers, and say the first batches were small and slow to reach the units that fire them.",
        ];
        let mut lines = vec![
            "Home",
            "Ukraine war",
            "Ukraine war",
            "Ukraine bets on home-built cruise missile to strike deep inside Russia",
            "The maker says it can fly 3,000km with a one-tonne warhead, but officials doubt how quickly it can be built in numbers",
            "Hannah Whitcombe",
            "Defence and security correspondent",
            "Wed 3 Sep 2025 17.25 BST",
            "Share",
        ];
        lines.extend(body);
        let kept = strip(&lines.join("\n"), &Options::default()).paragraphs();
        assert_eq!(kept, body, "{kept:?}");
    }

    #[test]
    fn favor_moves_a_doubtful_block() {
        let long = "The ministry said the brigade had completed its training cycle and would now move to the eastern border for the winter.";
        let doubtful = "Officials declined to comment on the timing.";
        let page = format!("{long}\n{doubtful}\nHOME\n");
        let kept = |favor| {
            strip(
                &page,
                &Options {
                    favor,
                    ..Options::default()
                },
            )
            .paragraphs()
            .contains(&doubtful.to_string())
        };
        assert!(!kept(Favor::Precision));
        assert!(kept(Favor::Balanced));
        assert!(kept(Favor::Recall));
    }

    #[test]
    fn a_caption_above_a_credit_and_a_ticker_are_chaff() {
        let body = [
            "The frigate returned to its home port on Tuesday after six long weeks of escorting merchant ships through the narrow strait.",
            "Its crew shot down four drones and one anti-ship missile during the deployment, the navy said in a statement on its website.",
            "The ship will now undergo a period of maintenance in the dockyard before a second rotation that is planned for the spring.",
        ];
        let caption = "The frigate entering the harbour at dawn.";
        let ticker = "Markets fall as oil prices climb again • Election campaign enters its final week • Storm warning issued for the northern coast";
        let page = format!(
            "{ticker}\n{}\n{}\n{caption}\nPhoto: Navy Media Office\n{}\n",
            body[0], body[1], body[2]
        );
        let kept = strip(&page, &Options::default()).paragraphs();
        assert_eq!(kept, body, "{kept:?}");
    }

    #[test]
    fn in_recall_mode_a_telegraphic_line_lets_its_neighbours_rejoin_the_body() {
        // The numbers line is body as a list item; the lines after it, near-good and
        // short with no good neighbour the first time (the share line is chaff),
        // follow it.
        let page = "The navy said that its ships were attacked overnight by a large wave of drones that had been launched from the coast.\n\
            Central Command said the barrage included 18 one-way attack drones, 2 cruise missiles and 1 ballistic missile.\n\
            Officials said the ships took no damage at all.\n\
            No one was hurt.\n\
            The navy did not say where the drones came from.\n\
            Share on Facebook\n\
            The destroyers then resumed their escort of the merchant traffic that passes through the southern part of the sea.\n";
        let kept = |favor| {
            strip(
                page,
                &Options {
                    favor,
                    ..Options::default()
                },
            )
            .paragraphs()
            .contains(&"No one was hurt.".to_string())
        };
        assert!(kept(Favor::Recall));
        assert!(!kept(Favor::Balanced));
    }
}
