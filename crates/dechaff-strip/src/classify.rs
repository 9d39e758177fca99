//! Body or chaff: each block's own features first, then its context.
//!
//! The scheme follows jusText: a block is first classed on its own (good, near-good,
//! short, bad) from its length, stop-word density, link density, cue wording and
//! container hints; short and near-good blocks then take their class from their
//! neighbours, because a one-line paragraph between two paragraphs of prose is prose and
//! one between two menu items is a menu. On top of that come two page-level rules that
//! a line-by-line classifier cannot see: a closing cue ("NEWSLETTER SUBSCRIPTION",
//! "0 Comments") ends the article, and when the page marks an article container, text
//! outside it is chaff.

use crate::block::{Block, Flags};
use crate::cues::{cue_of, CueKind};

/// Which error a user would rather have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Favor {
    /// Keep a doubtful block only when both neighbours are body.
    Precision,
    /// Keep a doubtful block when one neighbour is body.
    #[default]
    Balanced,
    /// Keep a doubtful block unless both neighbours are chaff.
    Recall,
}

/// A block's class on its own, before context (jusText's four classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Good => "good",
            Class::NearGood => "near-good",
            Class::Short => "short",
            Class::Bad => "bad",
        }
    }
}

/// The verdict on one block and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub body: bool,
    /// The class the block had on its own.
    pub class: Class,
    /// The cue its wording matched, if any.
    pub cue: Option<CueKind>,
    /// What gave the block its own class; the later rules read it back.
    pub basis: Basis,
    /// The rule that decided, in words, for `--explain`; empty unless
    /// `Options::explain` asked for it.
    pub reason: String,
}

/// What gave a block its own class, before context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Hidden,
    Cue,
    Ticker,
    /// HTML source printed as text.
    Markup,
    TitleHeading,
    RepeatedLink,
    RepeatedLine,
    Container,
    LinkDensity,
    Short,
    Ellipsis,
    /// Length and stop-word density.
    Density,
    /// Long prose with many links.
    LinkedProse,
    /// A heading-like line of a text dump.
    HeadingLike,
}

impl Basis {
    /// Whether the stop-word density decided (and no cue, container or link).
    fn is_density(self) -> bool {
        matches!(
            self,
            Basis::Density | Basis::LinkedProse | Basis::HeadingLike
        )
    }
}

/// Thresholds, in characters and ratios. Set once for all pages (jusText's defaults,
/// moved down for news, whose one-sentence paragraphs are short).
const LENGTH_LOW: usize = 40;
const LENGTH_HIGH: usize = 110;
/// The longest block that ending in an ellipsis makes a truncated teaser.
const MAX_TEASER_CHARS: usize = 3 * LENGTH_HIGH;
const STOPWORDS_LOW: f32 = 0.22;
const STOPWORDS_HIGH: f32 = 0.28;
const MAX_LINK_DENSITY: f32 = 0.35;
/// Link density long prose may have and still be near-good.
const MAX_PROSE_LINK_DENSITY: f32 = 0.55;
/// A repeated line this short is a header or a label, not a paragraph.
const REPEATED_MAX_WORDS: usize = 12;
/// Characters of good body that must precede a comment-section cue for it to end the
/// article.
const MIN_PROSE_BEFORE_COMMENTS: usize = 200;
/// How many blocks after a subheading may hold the prose that makes it body.
const HEADING_REACH: usize = 3;

/// Classes every block of a page.
/// `densities` are the blocks' stop-word densities in the page's language.
pub fn classify(blocks: &[Block], densities: &[f32], options: &crate::Options) -> Vec<Decision> {
    let favor = options.favor;
    let repeated = repeated_lines(blocks);
    let mut trusted = trusted_hints(blocks, densities);
    if options.comments {
        // Comment containers are content then; their cue lines still are not.
        trusted = trusted.without(Flags::COMMENT);
    }
    let mut out: Vec<Decision> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| own_class(b, repeated[i], densities[i], trusted, options.explain))
        .collect();
    // Above the article's first paragraph, a heading-like or repeated line of a text
    // dump is the header zone (headline, section label, byline), not the body.
    let first_good = out.iter().position(|d| d.class == Class::Good);
    for (i, d) in out.iter_mut().enumerate() {
        let doubtful = matches!(d.basis, Basis::HeadingLike | Basis::RepeatedLine);
        if doubtful && first_good.is_none_or(|g| i < g) {
            d.class = Class::Bad;
            if !d.reason.is_empty() {
                d.reason = format!("{}, above the first paragraph", d.reason);
            }
        }
    }
    let own: Vec<Class> = out.iter().map(|d| d.class).collect();
    // Captions, embeds, "Also read" lines, paywall boxes and the like are objects
    // inserted into the text: context looks through them to the paragraphs on either side.
    let inserted: Vec<bool> = blocks
        .iter()
        .zip(&out)
        .map(|(b, d)| {
            matches!(
                d.cue,
                Some(CueKind::Related | CueKind::Embed | CueKind::Inset)
            ) || b.nearest.intersects(Flags::INSERTED.and(trusted))
        })
        .collect();

    // Context: headings, then short blocks, then near-good blocks.
    let mut ctx = own.clone();
    // Lines under one that ends with a colon ("... the targets included:") are the
    // items of a list, not headings, as long as they keep a heading's shape, in the
    // article (a menu's "Categories:" opens no list of the article's).
    let mut in_list = false;
    for i in 0..blocks.len() {
        let in_article = first_good.is_some_and(|g| i > g);
        let heading_like = is_text_heading(&blocks[i]);
        in_list = in_article
            && (opens_list(&blocks[i - 1].text, out[i - 1].cue) || in_list)
            && heading_like
            && own[i] != Class::Bad;
        let text_heading = heading_like && in_article && !in_list;
        if (blocks[i].heading >= 2 || text_heading) && ctx[i] != Class::Bad {
            let prose_follows = (i + 1..blocks.len())
                .take(HEADING_REACH)
                .any(|j| matches!(own[j], Class::Good | Class::NearGood));
            ctx[i] = if prose_follows {
                Class::NearGood
            } else {
                Class::Bad
            };
        } else if in_list && ctx[i] == Class::Short {
            // An item is as good as the list's neighbours make it.
            ctx[i] = Class::NearGood;
        }
    }
    let resolved = short_then_near_good(&ctx, &inserted, favor);
    for (i, d) in out.iter_mut().enumerate() {
        d.body = resolved[i] == Class::Good;
        if d.class != resolved[i] && d.class != Class::Bad && !d.reason.is_empty() {
            d.reason = format!(
                "{}; context makes it {}",
                d.reason,
                if d.body { "body" } else { "chaff" }
            );
        }
    }

    keep_lists_between_body(blocks, &mut out);
    keep_links_between_body(blocks, &mut out);
    let exempt = if options.comments {
        Flags::COMMENT
    } else {
        Flags::empty()
    };
    keep_main_container(blocks, &mut out, trusted, exempt);
    // A "Comments (34)" link or the article's own byline and date above its prose are
    // not a comment section: each cut needs real prose before it. The cuts only demote
    // blocks after that point, so it is found once for all three.
    if let Some(from) = prose_reached(blocks, &out).filter(|_| !options.comments) {
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        close_at_comments(blocks, &mut out, from);
        close_at_comment_thread(blocks, &mut out, &texts, from);
        close_at_reply_cards(&texts, &mut out, from);
    }
    close_after_cue(blocks, &mut out);
    keep_inside_article_container(blocks, &mut out, exempt);
    keep_densest_region(blocks, &mut out);
    keep_lead_before_body(blocks, densities, &mut out);
    keep_closing_facts_of_dump(blocks, &mut out);
    keep_live_entry_headlines(blocks, &mut out);
    drop_teasers_of_the_list_below(blocks, &mut out);
    drop_header_above_byline(blocks, &mut out);
    if favor == Favor::Recall {
        second_context(blocks, &mut out);
    }
    keep_closing_list(blocks, &mut out);
    drop_captions(blocks, &mut out);
    let guessed = never_empty(blocks, &mut out, trusted);
    keep_listing(blocks, &mut out, trusted, guessed);
    drop_repeated_body(blocks, &mut out);
    drop_pull_quotes(blocks, &mut out);
    drop_items_under_more_on(blocks, &mut out);
    drop_fact_boxes_of_dump(blocks, &mut out);
    out
}

/// A fact box set into a text dump's article: a heading that names itself a box
/// ("Syria at a glance", "AUKUS in brief", "HMS QUEEN ELIZABETH FACTFILE") and the
/// fact lines under it ("Population: about 23 million"). It is
/// the page's sidebar, not the article's text; a heading that ends with a colon
/// ("Die Klasse 212CD im Überblick:") introduces the article's own list, and "Key
/// facts" closing an explainer is its text (`keep_closing_facts_of_dump`).
fn drop_fact_boxes_of_dump(blocks: &[Block], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    // One box: a listicle that gives each of its items one ("Maven in brief", then
    // its features) is made of them.
    let mut boxes = (0..blocks.len()).filter(|&i| names_a_fact_box(&blocks[i].text));
    let (Some(heading), None) = (boxes.next(), boxes.next()) else {
        return;
    };
    let items = (heading + 1..blocks.len())
        .take_while(|&j| out[j].cue.is_none() && is_fact_line(&blocks[j].text))
        .count();
    if items < FACT_BOX_MIN_ITEMS {
        return;
    }
    for d in &mut out[heading..=heading + items] {
        if d.body {
            demote(d, format_args!("in the fact box under block {heading}"));
        }
    }
}

/// Fact lines a box holds at least.
const FACT_BOX_MIN_ITEMS: usize = 2;

/// A short line that names a box: "... at a glance", "... in brief", a fact file; not
/// one ending with a colon or a sentence.
fn names_a_fact_box(text: &str) -> bool {
    if text.split_whitespace().count() > 8 || text.ends_with([':', '.', '?', '!']) {
        return false;
    }
    let lower = text.to_lowercase();
    lower.ends_with(" at a glance")
        || lower.ends_with(" in brief")
        || lower.contains("factfile")
        || lower.contains("fact file")
}

/// The teasers a "MORE ON THE RED SEA CRISIS" heading sets into a text dump's article:
/// headline-shaped lines (four words or more, a capital first, no full stop) right
/// under it, each perhaps under a kicker in capitals, up to the first line of another
/// shape, where the article goes on. The
/// heading closes nothing (a listicle's "More on HBS:" heads its own items), so
/// context kept its teasers with the paragraphs around them.
fn drop_items_under_more_on(blocks: &[Block], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    let mut i = 0;
    while i < blocks.len() {
        let heading = out[i].cue == Some(CueKind::Chaff)
            && blocks[i]
                .text
                .get(..8)
                .is_some_and(|h| h.eq_ignore_ascii_case("more on "));
        i += 1;
        if !heading {
            continue;
        }
        // A tabloid sets a kicker in capitals over each ("SPY SATELLITE").
        let teaser_at = |i: usize| {
            is_teaser_line(&blocks[i].text)
                || is_capitals_kicker(&blocks[i].text)
                    && blocks.get(i + 1).is_some_and(|b| is_teaser_line(&b.text))
        };
        while i < blocks.len() && out[i].cue.is_none() && teaser_at(i) {
            if out[i].body {
                demote(&mut out[i], "a teaser under a \"More on\" heading");
            }
            i += 1;
        }
    }
}

/// A kicker over a teaser's headline: a few words in capitals ("HERMIT KINGDOM").
fn is_capitals_kicker(text: &str) -> bool {
    text.split_whitespace().count() <= 4 && crate::block::in_capitals(text)
}

/// A teaser's headline: four words or more, a capital first, no full stop at its end.
fn is_teaser_line(text: &str) -> bool {
    text.split_whitespace().nth(3).is_some()
        && text.starts_with(char::is_uppercase)
        && !text.ends_with(['.', '!', '…', ':'])
        && !crate::block::is_two_sentences(text)
}

/// Whether the blocks are the lines of a text dump (no containers, no links).
fn is_text_dump(blocks: &[Block]) -> bool {
    blocks.first().is_some_and(|b| b.tag == "line")
}

/// Body blocks at least this long are compared for copies; shorter lines repeat for
/// innocent reasons ("Read more", a refrain).
const COPY_MIN_CHARS: usize = 40;

/// Pages that ship their article twice (a desktop and a mobile layout, a print copy in
/// a hidden div) would give their body twice: a body paragraph that repeats an earlier
/// body paragraph word for word is the copy.
fn drop_repeated_body(blocks: &[Block], out: &mut [Decision]) {
    let mut seen: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    for (i, (b, d)) in blocks.iter().zip(out.iter_mut()).enumerate() {
        if !d.body || b.text.len() < COPY_MIN_CHARS {
            continue;
        }
        match seen.get(b.text.as_str()) {
            Some(first) => demote(d, format_args!("a copy of body block {first}")),
            None => {
                seen.insert(&b.text, i);
            }
        }
    }
}

/// The shortest quotation that can be a pull quote: shorter quotes ("“No.”") repeat
/// for innocent reasons.
const PULL_QUOTE_MIN_CHARS: usize = 30;

/// How much longer than the quote the paragraph it comes from is: a testimonial
/// carousel repeats a quote with only a name and a company added.
const PULL_QUOTE_SOURCE_MORE: usize = 60;

/// A magazine sets a sentence of the article in large type between its paragraphs, in
/// quotation marks: a block that is one quotation, found word for word inside another
/// block of the page, is that pull quote, not a paragraph of its own.
///
/// Text dumps only: in HTML the markup tells a pull quote apart, and where it does
/// not, Dragnet's gold keeps the quote (its dev half: R731, R860, R16 lost 0.002 to
/// 0.007 each).
fn drop_pull_quotes(blocks: &[Block], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    for i in 0..blocks.len() {
        if !out[i].body {
            continue;
        }
        let Some(quoted) = quotation(&blocks[i].text) else {
            continue;
        };
        let finder = memchr::memmem::Finder::new(quoted);
        let source = (0..blocks.len()).find(|&j| {
            j != i
                && out[j].body
                && blocks[j].text.len() >= quoted.len() + PULL_QUOTE_SOURCE_MORE
                && finder.find(blocks[j].text.as_bytes()).is_some()
        });
        if let Some(j) = source {
            demote(&mut out[i], format_args!("a pull quote of block {j}"));
        }
    }
}

/// The words of a block that is one quotation ("“We will hold.”"), without its marks
/// and its last punctuation, if it is one and long enough to be a pull quote.
fn quotation(text: &str) -> Option<&str> {
    const OPEN: &[char] = &['“', '"', '„', '«', '‘', '»'];
    const CLOSE: &[char] = &['”', '"', '“', '»', '’', '«'];
    let inner = text.strip_prefix(OPEN)?.strip_suffix(CLOSE)?;
    // A block of two quotations ("“Yes,” he said. “No.”") is no single quotation
    // (single marks inside are apostrophes or a quotation within the quotation).
    if inner.contains(['“', '”', '"', '„', '«', '»']) {
        return None;
    }
    let inner = inner.trim_end_matches(['.', ',', '!', '?', '…']).trim();
    (inner.len() >= PULL_QUOTE_MIN_CHARS).then_some(inner)
}

/// Below this many characters of body (a sentence or two), a page with much more text
/// elsewhere is not an article that lost its body: it is a listing, a shop or a front
/// page, whose content is its list of items. Set on the dev halves of WCXB and Dragnet:
/// 300 or 600 gained a little more on WCXB and cost Dragnet's short blog posts.
const THIN_BODY_CHARS: usize = 150;

/// A body block at least this long that ends a sentence is a paragraph of prose, the
/// unit an article has several of. Set on the dev halves of WCXB and Dragnet together
/// (150 without the sentence test gained more on WCXB and took a short news brief of
/// the bundled corpus for a list).
const PROSE_CHARS: usize = 100;

/// Above this share of link text, the text outside the body is a link farm (menus,
/// teaser rails), not a page's items. Set on the dev halves of WCXB and Dragnet
/// together (0.50 and 0.65 both gained less).
const LISTING_MAX_LINK_SHARE: f32 = 0.55;

/// A page with a large remainder outside chaff containers (a front page, a list of
/// results, a shop's category, a service page of short sections) keeps every block there
/// that no cue condemns: for such a page the list is the content, links and all. That
/// is a page whose body is thin (a sentence or two), or one with at most one paragraph
/// of prose whose remainder is mostly not links: an article has a run of paragraphs,
/// and what surrounds it is menus and teaser rails, mostly links. Measured on the dev
/// halves: WCXB (all page types) 0.796 -> 0.810, its articles unchanged, Dragnet
/// 0.912 -> 0.914.
///
/// A body [`never_empty`] had to guess (`guessed`) counts as none: a page of linked
/// teasers has no prose, and its longest teaser alone is no article. Measured on the
/// dev halves: WCXB (all page types) 0.807 -> 0.809 (collections 0.535 -> 0.564),
/// Dragnet unchanged at three decimals (two pages a little down). Guessed prose
/// paragraphs still count: Dragnet's short posts are made of them.
fn keep_listing(blocks: &[Block], out: &mut [Decision], trusted: Flags, guessed: bool) {
    if is_text_dump(blocks) {
        // Text dumps have no containers to tell the list from the chrome.
        return;
    }
    let (mut kept, mut prose) = (0, 0);
    for (b, d) in blocks.iter().zip(out.iter()) {
        // A body that [`never_empty`] guessed is no body: the page had none.
        if d.body && !guessed {
            kept += b.text.len();
            prose += usize::from(b.text.len() >= PROSE_CHARS && ends_sentence(&b.text));
        }
    }
    if prose > 1 {
        return;
    }
    let candidates: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            !out[i].body
                && out[i].cue.is_none()
                && !is_chaff_container(&blocks[i], trusted)
                && !blocks[i].flags.intersects(Flags::CHAFF.and(trusted))
        })
        .collect();
    let rest: usize = candidates.iter().map(|&i| blocks[i].text.len()).sum();
    let links: usize = candidates.iter().map(|&i| blocks[i].link_chars).sum();
    let (why, thin_body) = if links as f32 <= LISTING_MAX_LINK_SHARE * rest as f32 {
        (
            "kept: the page is a list (at most one paragraph of prose, the text outside \
             chaff containers mostly not links)",
            false,
        )
    } else if kept < THIN_BODY_CHARS && rest >= THIN_BODY_CHARS * 3 {
        (
            "kept: the page is a list (thin body, much text outside chaff containers)",
            true,
        )
    } else {
        return;
    };
    // A thin post with a comment section (a video or photo post: "Post a comment",
    // "12 Comments" as text, not as a link in a menu) is an article whose body is
    // short; its rails of links are other posts' headlines, not its items. Measured
    // on the dev halves: Dragnet 0.9176 -> 0.9183 (6 pages up, 3 down), WCXB
    // unchanged.
    let comments = blocks
        .iter()
        .zip(out.iter())
        .position(|(b, d)| d.cue == Some(CueKind::Comments) && b.link_density() < 0.5);
    // A heading that names the comment section ("Comments", "Leave a reply") ends
    // a post's items; "Sort by:" heads a shop's products as often as comments.
    // Measured on the dev halves: Dragnet 0.9207 -> 0.9231 (19 pages up, 1 down),
    // WCXB all types unchanged.
    let named = comments.filter(|&c| names_comments(&blocks[c].text));
    let post_with_comments = thin_body && comments.is_some();
    for i in candidates {
        if post_with_comments && blocks[i].link_density() >= 0.5 {
            continue;
        }
        if named.is_some_and(|c| i > c) {
            continue;
        }
        promote(&mut out[i], why);
    }
}

/// Whether a comment-section cue says so in words, not only by its place ("Sort by:").
fn names_comments(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "comment",
        "repl",
        "respons",
        "discussion",
        "conversation",
        "kommentar",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// What a chaff block costs the region around it, beyond its length: a run of short
/// navigation lines weighs as much as a paragraph.
const REGION_GAP_COST: i64 = 10;

/// A text dump's lead is at least this long: a paragraph, not a headline.
const LEAD_MIN_CHARS: usize = 150;
/// Stop-word density a lead needs still: a line of tags or names has next to none.
const LEAD_MIN_STOPWORDS: f32 = 0.12;

/// A news lead dense with names ("The Prime Minister, Shri Narendra Modi,
/// commissioned three frontline naval combatants – INS Surat, INS Nilgiri and INS
/// Vaghsheer – at ...") has too few stop words to pass for prose, and right above the
/// article's first paragraph its context cannot save it: the header is chaff. In a
/// text dump, a paragraph-long line that only its stop words condemned, right before
/// the first body line, is the article's lead.
fn keep_lead_before_body(blocks: &[Block], densities: &[f32], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    let Some(first) = out.iter().position(|d| d.body).filter(|&f| f > 0) else {
        return;
    };
    let lead = first - 1;
    let d = &out[lead];
    if d.class == Class::Bad
        && d.cue.is_none()
        && d.basis.is_density()
        && blocks[lead].text.len() >= LEAD_MIN_CHARS
        && densities[lead] >= LEAD_MIN_STOPWORDS
    {
        promote(
            &mut out[lead],
            "the article's lead, right before its first paragraph",
        );
    }
}

/// Lists of facts that close the article of a text dump, each under a short heading
/// ("Key facts", then "Range: more than 500 km"; "Timeline", then "May 2023 — Kyiv
/// asks for Taurus."): the dump's counterpart of the closing lists that HTML marks
/// as list items in the content container. Two items at least under each heading.
fn keep_closing_facts_of_dump(blocks: &[Block], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    let Some(mut last) = out.iter().rposition(|d| d.body) else {
        return;
    };
    // A list the body already began (its first items kept by their context, under
    // "Timeline" or after a paragraph) goes on as long as its lines keep the shape:
    // the items after them lost their context only to the chaff below the list.
    let begun = last >= 1
        && out[last - 1].body
        && is_fact_line(&blocks[last].text)
        && is_fact_line(&blocks[last - 1].text);
    if begun {
        let items = (last + 1..blocks.len())
            .take_while(|&j| out[j].cue.is_none() && is_fact_line(&blocks[j].text))
            .count();
        for d in &mut out[last + 1..=last + items] {
            promote(d, "a list of facts the body began");
        }
        last += items;
    }
    let mut heading = last + 1;
    while heading < blocks.len()
        && out[heading].cue.is_none()
        && is_text_heading(&blocks[heading])
        && blocks[heading].text.len() < 40
    {
        let items = (heading + 1..blocks.len())
            .take_while(|&j| out[j].cue.is_none() && is_fact_line(&blocks[j].text))
            .count();
        if items < 2 {
            break;
        }
        promote(
            &mut out[heading],
            "the heading of a list of facts closing the article",
        );
        for d in &mut out[heading + 1..=heading + items] {
            promote(d, "a list of facts closing the article");
        }
        heading += items + 1;
    }
}

/// Lines of a teaser box: a headline and one or two lines of summary or labels.
const TEASER_LINES_MIN: usize = 2;
const TEASER_LINES_MAX: usize = 4;
/// A teaser's line is at most this long; a paragraph of the article is longer.
const TEASER_LINE_MAX_CHARS: usize = 250;

/// A box set into a text dump's article that teases another story ("Fehlalarm:
/// Fregatte feuert auf US-Drohne", then its summary) repeats, line for line, that
/// story's entry in the related list under the article. Two lines in a row at least,
/// so that a headline the page prints twice stays.
fn drop_teasers_of_the_list_below(blocks: &[Block], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    let Some(last) = out.iter().rposition(|d| d.body) else {
        return;
    };
    let below: foldhash::HashSet<&str> = (last + 1..blocks.len())
        .filter(|&i| !out[i].body)
        .map(|i| blocks[i].text.as_str())
        .collect();
    if below.is_empty() {
        return;
    }
    let mut i = 0;
    while i <= last {
        let start = i;
        while i <= last && below.contains(blocks[i].text.as_str()) {
            i += 1;
        }
        // A teaser is a headline and a line or two of summary; a longer run, or one
        // of long paragraphs, is the article printed twice, whose first copy stays.
        let teaser = (TEASER_LINES_MIN..=TEASER_LINES_MAX).contains(&(i - start))
            && blocks[start..i]
                .iter()
                .all(|b| b.text.len() <= TEASER_LINE_MAX_CHARS);
        if teaser {
            for d in &mut out[start..i] {
                if d.body {
                    demote(d, "a teaser repeating lines of the list under the article");
                }
            }
        }
        i = i.max(start + 1);
    }
}

/// Time stamps a text dump must show for its entries to be a live page's.
const LIVE_STAMPS_MIN: usize = 3;
/// A live entry's headline is at most this long.
const LIVE_HEADLINE_MAX_CHARS: usize = 120;

/// A live page's entries each open with a time stamp ("14:30", "2:10 p.m. KST",
/// "1h ago") and a headline over their prose. A headline reads like a header line, so
/// the first one, above the article's first paragraph, is taken for the page's
/// header, and one over prose that only a later pass kept loses its context; on a
/// page of three stamps or more, the line under a stamp is its entry's headline when
/// body follows it.
fn keep_live_entry_headlines(blocks: &[Block], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    let stamps: Vec<usize> = (0..blocks.len())
        .filter(|&i| out[i].cue.is_some() && is_live_stamp(&blocks[i].text))
        .collect();
    if stamps.len() < LIVE_STAMPS_MIN {
        return;
    }
    let mut count: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    for b in blocks {
        *count.entry(b.text.as_str()).or_default() += 1;
    }
    for s in stamps {
        // The entry's author, role and label ("Helena Marsh", "Defence Correspondent",
        // "Key update") stand between the stamp and the headline: short capitalised
        // lines the page repeats over its entries.
        let mut headline = s + 1;
        while headline < blocks.len()
            && headline - s <= LIVE_ENTRY_HEAD_LINES
            && is_entry_head_line(
                &blocks[headline].text,
                count[blocks[headline].text.as_str()],
            )
        {
            if out[headline].body {
                demote(&mut out[headline], "a live entry's author or label");
            }
            headline += 1;
        }
        let prose = headline + 1;
        if prose < blocks.len()
            && !out[headline].body
            && out[headline].cue.is_none()
            && blocks[headline].text.len() <= LIVE_HEADLINE_MAX_CHARS
            && out[prose].body
        {
            promote(
                &mut out[headline],
                "the headline of a live entry, under its time stamp",
            );
        }
    }
}

/// Whether a line ends with a colon that opens a list of the article's ("The contract
/// covers:"), not one of links to other pages ("More on Ross:", "Related:").
fn opens_list(text: &str, cue: Option<CueKind>) -> bool {
    const LINK_LISTS: [&str; 10] = [
        "more ",
        "related",
        "read ",
        "see ",
        "also ",
        "other ",
        "latest",
        "popular",
        "recommended",
        "further ",
    ];
    text.ends_with(':')
        && cue.is_none()
        && !LINK_LISTS.iter().any(|w| {
            text.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w))
        })
}

/// How many author, role and label lines a live entry's head may have.
const LIVE_ENTRY_HEAD_LINES: usize = 3;

/// Whether a line under a live entry's stamp is its author, the author's role or a
/// label: one to four capitalised words without digits or sentence punctuation, that
/// the page shows `count` times (its reporters write several entries each), or a
/// label live pages print.
fn is_entry_head_line(text: &str, count: usize) -> bool {
    const LABELS: &[&str] = &[
        "key update",
        "key event",
        "breaking",
        "pinned",
        "pinned post",
    ];
    if LABELS.iter().any(|l| text.eq_ignore_ascii_case(l)) {
        return true;
    }
    let words = text.split_whitespace().count();
    count >= 2
        && (1..=4).contains(&words)
        && text.len() <= 40
        && text.starts_with(char::is_uppercase)
        && !text.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '?' | '!'))
}

/// Whether a line is only a time stamp: a clock time with its marks and zone
/// ("16:05", "2:10 p.m. KST", "7:30 am ET") or an age ("1h ago", "5 min ago").
fn is_live_stamp(text: &str) -> bool {
    const MARKS: &[&str] = &[
        "am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk",
        "est", "edt", "et", "pst", "pdt", "ist", "kst", "jst", "local", "time",
    ];
    if text.len() > 24 || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    if lower.ends_with(" ago") {
        return true;
    }
    let mut words = lower.split_whitespace();
    let clock = words.next().is_some_and(|w| {
        // "6.31pm": the mark glued to the minutes.
        let w = w
            .strip_suffix("am")
            .or_else(|| w.strip_suffix("pm"))
            .unwrap_or(w);
        w.split_once([':', '.']).is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        })
    });
    clock && words.all(|w| MARKS.contains(&w))
}

/// A line of a fact box or a timeline: "Range: more than 500 km" (a short capitalised
/// label and a value) or "14 March 2024 — The Bundestag votes." (a date, a dash and
/// what happened).
fn is_fact_line(text: &str) -> bool {
    if let Some((label, value)) = text.split_once(": ") {
        let words = label.split_whitespace().count();
        if (1..=5).contains(&words)
            && label.len() <= 40
            && label.starts_with(char::is_uppercase)
            && !label.contains('.')
            && !value.trim().is_empty()
        {
            return true;
        }
    }
    let dash = [" — ", " – ", " - "]
        .iter()
        .filter_map(|d| text.find(d))
        .min();
    dash.is_some_and(|at| {
        let date = &text[..at];
        at <= 30
            && date.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
            && date
                .split_whitespace()
                .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// A text dump has no containers, so the article is found as the densest stretch of
/// body: the run of blocks where body characters most outweigh chaff (a maximum-sum
/// segment, body counting for its length and chaff against it, at a quarter of its
/// length plus a fixed cost). Body outside that
/// stretch (a teaser lead, a sidebar blurb that read like prose) is chaff.
fn keep_densest_region(blocks: &[Block], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    let weight = |i: usize| -> i64 {
        let n = blocks[i].text.len() as i64;
        if out[i].body {
            n
        } else if is_code_like(&blocks[i].text)
            || (out[i].cue.is_none() && is_fact_line(&blocks[i].text))
        {
            // A line of program code weighs as a gap, not by its length: a tutorial's
            // snippets break its prose, they do not end the article. So does a fact
            // line ("Location: Las Vegas, USA"): a listicle's items carry a few each
            // between their paragraphs (WCXB text dev +0.39 summed, test +0.28).
            -REGION_GAP_COST
        } else {
            -(n / 4 + REGION_GAP_COST)
        }
    };
    // Kadane's algorithm.
    let (mut best, mut best_range) = (0i64, None);
    let (mut sum, mut start) = (0i64, 0usize);
    for i in 0..blocks.len() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += weight(i);
        if sum > best {
            best = sum;
            best_range = Some((start, i));
        }
    }
    let Some((from, to)) = best_range else { return };
    for (i, d) in out.iter_mut().enumerate() {
        if d.body && !(from..=to).contains(&i) {
            demote(d, "outside the densest stretch of body");
        }
    }
    // Inside the stretch, between body on both sides, a sentence-long line that only
    // its few stop words condemned is an item of the article's own list (a checklist,
    // "Range: more than 500 km"): telegraphic, not chaff.
    let body: Vec<bool> = out.iter().map(|d| d.body).collect();
    for i in from..=to {
        let d = &mut out[i];
        let by_density = d.class == Class::Bad && d.cue.is_none() && d.basis.is_density();
        if !d.body
            && by_density
            && framed(&body, from, i, to)
            && blocks[i].text.len() >= LIST_ITEM_CHARS
        {
            promote(d, "a list item inside the densest stretch of body");
        } else if !d.body
            && d.cue.is_none()
            && framed(&body, from, i, to)
            && is_code_like(&blocks[i].text)
        {
            promote(d, "program code inside the densest stretch of body");
        }
    }
}

/// jusText's context once more inside the article's stretch, now that list items are
/// body: a near-good line that a list item's low stop-word density left without a good
/// neighbour ("Central Command said the barrage included 18 drones, two cruise
/// missiles ..." then the next paragraph) takes its class from the body around it.
/// Cue lines are looked through, as inserted objects are the first time. Text dumps
/// only, between the first and the last body block, and only when recall is favoured:
/// on the dev halves it traded precision for recall (WCXB text dumps 0.906 -> 0.910 in
/// word F1, the bundled text dumps 0.944 -> 0.940 in paragraph F1).
fn second_context(blocks: &[Block], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    let (Some(from), Some(to)) = (
        out.iter().position(|d| d.body),
        out.iter().rposition(|d| d.body),
    ) else {
        return;
    };
    let classes: Vec<Class> = out[from..=to]
        .iter()
        .map(|d| match d.class {
            _ if d.body => Class::Good,
            Class::NearGood | Class::Short if d.cue.is_none() => d.class,
            _ => Class::Bad,
        })
        .collect();
    // A closing or comments cue ends a stretch of article; other cue lines are
    // inserted objects.
    let inserted: Vec<bool> = out[from..=to]
        .iter()
        .map(|d| {
            d.cue
                .is_some_and(|c| !matches!(c, CueKind::Close | CueKind::Comments))
        })
        .collect();
    let body: Vec<bool> = out.iter().map(|d| d.body).collect();
    // Balanced rules: recall mode's own would keep every near-good line next to body.
    let resolved = short_then_near_good(&classes, &inserted, Favor::Balanced);
    for (k, class) in resolved.into_iter().enumerate() {
        let i = from + k;
        let d = &mut out[i];
        if class == Class::Good && !d.body && d.cue.is_none() && framed(&body, from, i, to) {
            promote(d, "body around it once list items are kept");
        }
    }
}

/// Whether a line reads as program code: brackets, semicolons and operators make up a
/// twenty-fifth of it or more (four at least), and a statement's end, a block or an
/// assignment is among them; a parenthesis or two in prose ("FREMM (Bergamini class)")
/// is not code.
fn is_code_like(text: &str) -> bool {
    let symbols = text
        .bytes()
        .filter(|b| {
            matches!(
                b,
                b'{' | b'}' | b'(' | b')' | b';' | b'=' | b'<' | b'>' | b'[' | b']'
            )
        })
        .count();
    symbols >= 4
        && symbols * 25 >= text.len()
        && text.bytes().any(|b| matches!(b, b';' | b'{' | b'}' | b'='))
}

/// A line at least this long inside a text dump's article may be a list item.
const LIST_ITEM_CHARS: usize = 40;

/// Body blocks at most this many above a byline line count as the header zone (a
/// section label, the headline, the standfirst).
const HEADER_BLOCKS: usize = 4;

/// In a text dump, a byline ("By Jane Roe", "Analysis by ...", "Von ...") below the
/// first few body blocks says those were the header: the label, headline and
/// standfirst that precede the byline on most news sites, not the article. A line with
/// a full date says so too when the first of those blocks is short (a label or a
/// headline): a live blog's first entry, which the next entry's time stamp may follow,
/// is a paragraph.
fn drop_header_above_byline(blocks: &[Block], out: &mut [Decision]) {
    if !is_text_dump(blocks) {
        return;
    }
    let Some(first_body) = out.iter().position(|d| d.body) else {
        return;
    };
    let reach = (first_body + HEADER_BLOCKS + 4).min(blocks.len());
    // The header ends at a byline, or at a dated line under a short first block (a
    // label or a headline): a live blog's entry, which its time stamp may follow, is a
    // paragraph.
    let headline_first = blocks[first_body].text.len() <= HEADLINE_MAX_CHARS;
    let Some(byline) = (first_body..reach).find(|&i| {
        !out[i].body
            && (is_byline(&blocks[i].text)
                || is_issuer_label(&blocks[i].text)
                || headline_first && is_dated_line(&blocks[i].text))
    }) else {
        return;
    };
    let body_chars = |from: usize, to: usize| -> usize {
        (from..to)
            .filter(|&i| out[i].body)
            .map(|i| blocks[i].text.len())
            .sum()
    };
    let above: Vec<usize> = (first_body..byline).filter(|&i| out[i].body).collect();
    let before = body_chars(first_body, byline);
    let after = body_chars(byline + 1, blocks.len());
    if above.len() > HEADER_BLOCKS || after <= before {
        return;
    }
    for i in above {
        demote(&mut out[i], "above the byline: the headline or standfirst");
    }
}

/// Headlines in a ticker have at least this many words; the items of a spec line ("1-4
/// Players • Ages 14+ • 90 minutes") or of a tag list have fewer.
const TICKER_ITEM_WORDS: usize = 4;

/// A news ticker flattened into one line: three items or more, each a headline of a few
/// words, strung with bullets ("Maersk pauses all Red Sea transits • Brent crude up
/// 1.8% at $78.40 • ...").
fn is_ticker(text: &str) -> bool {
    if !text.contains(['•', '|']) {
        return false;
    }
    let (mut items, mut words) = (0, 0);
    for word in text.split_whitespace().chain(["•"]) {
        if word == "•" || word == "|" {
            if words < TICKER_ITEM_WORDS {
                return false;
            }
            items += 1;
            words = 0;
        } else {
            words += 1;
        }
    }
    items >= 3
}

/// HTML tags a block of text must show to be markup rather than prose that quotes a
/// tag or two ("the parser crashed on <table><li>").
const MARKUP_MIN_TAGS: usize = 8;

/// Block-level and inline HTML elements whose tags mark a block as HTML source.
const MARKUP_TAGS: &[&[u8]] = &[
    b"p",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"div",
    b"span",
    b"a",
    b"br",
    b"strong",
    b"em",
    b"b",
    b"i",
    b"li",
    b"ul",
    b"ol",
    b"img",
    b"figure",
    b"figcaption",
    b"script",
    b"iframe",
    b"blockquote",
    b"table",
    b"tr",
    b"td",
    b"th",
    b"section",
    b"article",
    b"abbr",
    b"code",
    b"pre",
    b"sup",
    b"sub",
    b"small",
    b"cite",
    b"q",
    b"s",
    b"del",
];

/// Whether a block is HTML source shown as text: the article's own HTML in a "republish
/// this story" box, a page's embed code, a JSX sample. A text dump keeps these as
/// lines; their tags are never the article's words.
fn is_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut tags = 0;
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[from..]).map(|i| from + i) {
        from = at + 1;
        let name_start = at + 1 + usize::from(bytes.get(at + 1) == Some(&b'/'));
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &bytes[name_start..name_start + name_len];
        let after = bytes.get(name_start + name_len).copied();
        let closes = matches!(after, Some(b'>' | b'/' | b' ' | b'\t' | b'\n'));
        if closes && MARKUP_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name)) {
            tags += 1;
            if tags >= MARKUP_MIN_TAGS {
                return true;
            }
        }
    }
    false
}

/// A caption is at most this long; a longer block above a credit is a paragraph that a
/// picture without a caption follows.
const CAPTION_MAX_CHARS: usize = 200;

/// The short block right above a media credit line ("Photo: Reuters", "Video: US
/// Navy") is the picture's caption, however much it reads like prose: "Fire crews at a
/// burning fuel depot in Port Sudan." A block of two sentences or more is a paragraph.
fn drop_captions(blocks: &[Block], out: &mut [Decision]) {
    for i in 1..blocks.len() {
        if out[i].cue != Some(CueKind::Credit) || !out[i - 1].body {
            continue;
        }
        let caption = &blocks[i - 1].text;
        if caption.chars().count() <= CAPTION_MAX_CHARS && !crate::block::is_two_sentences(caption)
        {
            demote(&mut out[i - 1], "a caption: the line above a media credit");
        }
    }
}

/// The longest first block that [`drop_header_above_byline`] reads as a label or a
/// headline above a dated line.
const HEADLINE_MAX_CHARS: usize = 120;

/// A short line that carries a full date ("Wed 3 Sep 2025 17.25 BST", "Published 3
/// September 2025"): a year and a few words. (Stripping has no date parser; extraction's
/// `header::is_date_line` parses the date.)
fn is_dated_line(text: &str) -> bool {
    text.split_whitespace().count() <= 10
        && text
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
}

/// A label on its own line over who issued the page ("From:", as GOV.UK prints it over
/// its departments), which stands where a byline does.
fn is_issuer_label(text: &str) -> bool {
    matches!(text.trim(), "From:" | "Issued by:" | "Herausgeber:")
}

/// A byline: "By" (or "Von", or "Analysis by") and a capitalised name, short.
fn is_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    let rest = [
        "by ",
        "von ",
        "analysis by ",
        "opinion by ",
        "words by ",
        "written by ",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then(|| &text[p.len()..]));
    rest.is_some_and(|r| {
        r.starts_with(char::is_uppercase) && (1..=8).contains(&r.split_whitespace().count())
    })
}

/// A page where context left nothing keeps the blocks that looked like prose on their
/// own: a one-paragraph brief has no good neighbours, and returning nothing is the
/// worst answer a stripper can give.
///
/// Returns whether what it kept is a guess, not prose: the longest block, or lines
/// none of which is a paragraph ([`PROSE_CHARS`], ending a sentence) outside the
/// page's header (a job board's blurb there is no article: WCXB dev-0216 and dev-4354,
/// no other page of any set changed).
fn never_empty(blocks: &[Block], out: &mut [Decision], trusted: Flags) -> bool {
    if out.iter().any(|d| d.body) {
        return false;
    }
    let (mut kept, mut prose) = (false, false);
    for (b, d) in blocks.iter().zip(out.iter_mut()) {
        if matches!(d.class, Class::Good | Class::NearGood) {
            promote(d, "kept because nothing else looked like body");
            kept = true;
            prose |= b.text.len() >= PROSE_CHARS
                && ends_sentence(&b.text)
                && !b.nearest.intersects(Flags::HEADER);
        }
    }
    if kept {
        return !prose;
    }
    // Still nothing: the longest block no cue condemned is the best guess left.
    if let Some(i) = (0..blocks.len())
        .filter(|&i| out[i].cue.is_none() && !is_chaff_container(&blocks[i], trusted))
        .max_by_key(|&i| blocks[i].text.len())
    {
        promote(
            &mut out[i],
            "kept as the longest block of a page with no prose",
        );
    }
    true
}

/// Counts each short line's occurrences; short repeated lines are headers and labels.
/// A line of more than [`REPEATED_MAX_WORDS`] words is never counted (nothing reads
/// whether it repeats), which spares the paragraphs the lowercasing and hashing.
fn repeated_lines(blocks: &[Block]) -> Vec<bool> {
    // Each line lowercased once (not once to count and once to look up); a line
    // already in lowercase is borrowed.
    let lowered: Vec<Option<std::borrow::Cow<str>>> = blocks
        .iter()
        .map(|b| {
            if b.text.split_whitespace().nth(REPEATED_MAX_WORDS).is_some() {
                None
            } else if b.text.is_ascii() {
                if b.text.bytes().any(|c| c.is_ascii_uppercase()) {
                    Some(std::borrow::Cow::Owned(b.text.to_ascii_lowercase()))
                } else {
                    Some(std::borrow::Cow::Borrowed(b.text.as_str()))
                }
            } else if b.text.chars().any(char::is_uppercase) {
                Some(std::borrow::Cow::Owned(b.text.to_lowercase()))
            } else {
                Some(std::borrow::Cow::Borrowed(b.text.as_str()))
            }
        })
        .collect();
    let mut counts: foldhash::HashMap<&str, usize> =
        foldhash::HashMap::with_capacity_and_hasher(lowered.len(), Default::default());
    for line in lowered.iter().flatten() {
        *counts.entry(line).or_insert(0) += 1;
    }
    lowered
        .iter()
        .map(|line| line.as_ref().is_some_and(|l| counts[&**l] > 1))
        .collect()
}

fn own_class(
    b: &Block,
    repeated: bool,
    stop_density: f32,
    trusted: Flags,
    explain: bool,
) -> Decision {
    let decision = |class: Class, basis: Basis, reason: std::fmt::Arguments<'_>| Decision {
        body: false,
        class,
        cue: None,
        basis,
        reason: if explain {
            reason.to_string()
        } else {
            String::new()
        },
    };
    let words = b.text.split_whitespace();
    if b.flags.contains(Flags::HIDDEN) && trusted.contains(Flags::HIDDEN) {
        return decision(Class::Bad, Basis::Hidden, format_args!("hidden element"));
    }
    if let Some(cue) = cue_of(&b.text) {
        return Decision {
            cue: Some(cue),
            ..decision(
                Class::Bad,
                Basis::Cue,
                format_args!("cue line ({})", cue.as_str()),
            )
        };
    }
    if is_ticker(&b.text) {
        return decision(
            Class::Bad,
            Basis::Ticker,
            format_args!("a ticker: headlines strung on one line"),
        );
    }
    if is_markup(&b.text) {
        return decision(
            Class::Bad,
            Basis::Markup,
            format_args!("HTML source shown as text (a republishing box, a code sample)"),
        );
    }
    if b.heading == 1 || (b.flags.contains(Flags::TITLE) && b.heading > 0) {
        return decision(
            Class::Bad,
            Basis::TitleHeading,
            format_args!("title heading"),
        );
    }
    // A repeated link is navigation. A repeated line of a text dump may be a header
    // shown twice or a heading echoed by a table of contents: context decides which
    // occurrence is which.
    if repeated && words.take(REPEATED_MAX_WORDS + 1).count() <= REPEATED_MAX_WORDS {
        if b.link_chars > 0 {
            return decision(
                Class::Bad,
                Basis::RepeatedLink,
                format_args!("short link repeated on the page"),
            );
        }
        if b.tag == "line" {
            return decision(
                Class::Short,
                Basis::RepeatedLine,
                format_args!("short line repeated on the page"),
            );
        }
    }
    if is_chaff_container(b, trusted) {
        let names = if explain {
            b.nearest.names().join("/")
        } else {
            String::new()
        };
        return decision(
            Class::Bad,
            Basis::Container,
            format_args!("inside a {names} container"),
        );
    }
    let link_density = b.link_density();
    let chars = b.text.chars().count();
    // Long prose may carry many links (a blog post citing its sources); it is held
    // back from "good", not thrown out.
    let linked_prose = link_density <= MAX_PROSE_LINK_DENSITY
        && chars > LENGTH_HIGH
        && stop_density >= STOPWORDS_HIGH
        && ends_sentence(&b.text);
    if link_density > MAX_LINK_DENSITY && !linked_prose {
        return decision(
            Class::Bad,
            Basis::LinkDensity,
            format_args!("link density {link_density:.2}"),
        );
    }
    if chars < LENGTH_LOW {
        if b.link_chars > 0 {
            return decision(
                Class::Bad,
                Basis::Short,
                format_args!("short ({chars} chars) with a link"),
            );
        }
        return decision(
            Class::Short,
            Basis::Short,
            format_args!("short ({chars} chars)"),
        );
    }
    // Teasers are cut within a few lines; a longer paragraph that trails off in an
    // ellipsis is prose, and its features decide.
    if (b.text.ends_with('…') || b.text.ends_with("...")) && chars <= MAX_TEASER_CHARS {
        return decision(
            Class::Bad,
            Basis::Ellipsis,
            format_args!("ends in an ellipsis (a truncated teaser)"),
        );
    }
    let features = |class: Class, basis: Basis, tail: &str| {
        decision(
            class,
            basis,
            format_args!("{chars} chars, stop-word density {stop_density:.2}{tail}"),
        )
    };
    if linked_prose && link_density > MAX_LINK_DENSITY {
        let tail = if explain {
            format!(", link density {link_density:.2}")
        } else {
            String::new()
        };
        return features(Class::NearGood, Basis::LinkedProse, &tail);
    }
    if stop_density >= STOPWORDS_HIGH {
        if chars > LENGTH_HIGH {
            features(Class::Good, Basis::Density, "")
        } else {
            features(Class::NearGood, Basis::Density, "")
        }
    } else if stop_density >= STOPWORDS_LOW
        || (chars > 2 * LENGTH_HIGH
            && stop_density >= STOPWORDS_LOW / 2.0
            && ends_sentence(&b.text))
    {
        // Long sentences dense with names and numbers are still prose.
        features(Class::NearGood, Basis::Density, "")
    } else if is_text_heading(b) {
        // A heading of a text dump ("1. Personalised nutrition") has few stop words;
        // whether it heads prose is for context to say.
        features(Class::Short, Basis::HeadingLike, ", heading-like line")
    } else {
        features(Class::Bad, Basis::Density, "")
    }
}

/// A text-dump line shaped like a heading: up to 15 words, starting with a capital or a
/// number, not ending like a sentence.
fn is_text_heading(b: &Block) -> bool {
    if b.tag != "line" {
        return false;
    }
    let words = b.text.split_whitespace().take(16).count();
    // A question heads an explainer's section ("Why has Berlin held back?"); context
    // still asks for prose after it.
    (1..=15).contains(&words)
        && !b.text.ends_with(['.', '!', ':', '…', ',', ';'])
        && b.text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        // "20:15" is a timestamp, not a heading: a heading has words.
        && b
            .text
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// Ends like a sentence: a full stop, question or exclamation mark, maybe in quotes.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', '!', '?'])
}

/// Whether block `i` has body both before it (from `from`) and after it (up to `to`).
fn framed(body: &[bool], from: usize, i: usize, to: usize) -> bool {
    body[from..i].contains(&true) && body[i + 1..=to].contains(&true)
}

/// jusText's context: a short block is body between body, chaff between chaff, and on
/// an edge between the two it follows the recall/precision preference; then a near-good
/// block is body next to body (precision: on both sides; recall: unless chaff is on
/// both sides).
fn short_then_near_good(classes: &[Class], inserted: &[bool], favor: Favor) -> Vec<Class> {
    let after_short = resolve(classes, inserted, Class::Short, |prev, next| {
        match (prev, next) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            _ if favor == Favor::Recall => Class::NearGood,
            (Class::NearGood, _) | (_, Class::NearGood) => Class::NearGood,
            _ => Class::Bad,
        }
    });
    resolve(&after_short, inserted, Class::NearGood, |prev, next| {
        let good = |c: Class| c == Class::Good;
        let keep = match favor {
            Favor::Precision => good(prev) && good(next),
            Favor::Balanced => good(prev) || good(next),
            Favor::Recall => !(prev == Class::Bad && next == Class::Bad),
        };
        if keep {
            Class::Good
        } else {
            Class::Bad
        }
    })
}

/// Replaces each `target` class by `rule(previous, next)`, where previous and next are
/// the nearest neighbours not of the target class and not `inserted` (page edges count
/// as bad).
fn resolve(
    classes: &[Class],
    inserted: &[bool],
    target: Class,
    rule: impl Fn(Class, Class) -> Class,
) -> Vec<Class> {
    let n = classes.len();
    let mut prev = vec![Class::Bad; n];
    let mut last = Class::Bad;
    for i in 0..n {
        prev[i] = last;
        if classes[i] != target && !inserted[i] {
            last = classes[i];
        }
    }
    let mut next = Class::Bad;
    let mut out = classes.to_vec();
    for i in (0..n).rev() {
        if classes[i] == target {
            out[i] = rule(prev[i], next);
        } else if !inserted[i] {
            next = classes[i];
        }
    }
    out
}

/// Turns a body block into chaff, saying why (the reason accumulates for --explain;
/// `why` is formatted only then).
fn demote(d: &mut Decision, why: impl std::fmt::Display) {
    d.body = false;
    if !d.reason.is_empty() {
        d.reason = format!("{}; {why}", d.reason);
    }
}

/// Turns a chaff block into body, saying why.
fn promote(d: &mut Decision, why: impl std::fmt::Display) {
    d.body = true;
    if !d.reason.is_empty() {
        d.reason = format!("{}; {why}", d.reason);
    }
}

/// Whether the nearest container with a hint marks the block as chaff.
fn is_chaff_container(b: &Block, trusted: Flags) -> bool {
    b.nearest.intersects(Flags::CHAFF.and(trusted)) && !b.nearest.contains(Flags::CONTENT)
}

/// Share of a page's prose above which a container hint is not believed.
const MAX_HINTED_PROSE: f32 = 0.4;

/// The container hints this page's markup can be trusted with. A hint that sits over
/// most of the page's prose is a theme's naming habit (page builders wrap everything
/// in "widget" and "sidebar-layout" classes), not a statement about that prose.
fn trusted_hints(blocks: &[Block], densities: &[f32]) -> Flags {
    let mut per_hint = [0usize; 32];
    let mut total = 0usize;
    for (b, density) in blocks.iter().zip(densities) {
        let chars = b.text.len();
        if chars < LENGTH_HIGH || *density < STOPWORDS_LOW {
            continue;
        }
        total += chars;
        // Hidden text is judged the same way: server-rendered apps stream whole
        // articles into hidden elements and reveal them with script.
        let hints = b.nearest | b.flags.and(Flags::HIDDEN);
        for (bit, n) in per_hint.iter_mut().enumerate() {
            if hints.contains(Flags::bit(bit)) {
                *n += chars;
            }
        }
    }
    // Comment sections are the one chaff that legitimately outweighs the article.
    let mut trusted = Flags::COMMENT;
    for (bit, n) in per_hint.iter().enumerate() {
        if total == 0 || (*n as f32) <= MAX_HINTED_PROSE * total as f32 {
            trusted |= Flags::bit(bit);
        }
    }
    trusted
}

/// Whether a block is an item of an HTML list or table.
fn is_item(b: &Block) -> bool {
    matches!(b.tag, "li" | "td" | "th" | "dd" | "dt")
}

/// A run of list items or table cells with body on both sides is part of the article:
/// items are short and dense with names and numbers, so on their own they look like
/// menus, but a menu does not sit between two paragraphs of one article. Items that a
/// cue or a chaff container condemned stay chaff.
/// Fewer words than this and a linked line between paragraphs is a button or a call to
/// action ("Start free trial", "Support the Courier").
const LINKED_LINE_MIN_WORDS: usize = 4;

/// A line that is mostly a link, between two body paragraphs ("For tickets, click
/// here.", a cited title, a source URL), belongs to the text around it: navigation
/// comes in runs of links, not one at a time between paragraphs.
fn keep_links_between_body(blocks: &[Block], out: &mut [Decision]) {
    for i in 1..blocks.len().saturating_sub(1) {
        let d = &out[i];
        let lone_link = !d.body
            && d.cue.is_none()
            && d.basis == Basis::LinkDensity
            && out[i - 1].body
            && out[i + 1].body
            && blocks[i]
                .text
                .split_whitespace()
                .nth(LINKED_LINE_MIN_WORDS - 1)
                .is_some();
        if lone_link {
            promote(&mut out[i], "a linked line between body paragraphs");
        }
    }
}

/// Most a closing list's items may be links (a list of the sections a reference page
/// goes on to, "Generics - Types which take parameters"); a related list is all links.
const CLOSING_LIST_MAX_LINK_DENSITY: f32 = 0.5;

/// A list set right after the article's last paragraph, beside it in the same
/// container, closes the article: items of words, not of links ("The targets were:"
/// and its items, a reference page's list of what it covers). A related list is made
/// of links, and a menu sits in a container of its own. Measured: eight pages of the
/// real sets gained (WCXB dev-0669 +0.29, dev-0087 +0.14; Dragnet R78 +0.12), none lost.
fn keep_closing_list(blocks: &[Block], out: &mut [Decision]) {
    let Some(last) = out.iter().rposition(|d| d.body) else {
        return;
    };
    let paragraph = &blocks[last];
    if is_item(paragraph) || paragraph.ancestors.is_empty() {
        return;
    }
    let shared = |a: &[u32], b: &[u32]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let beside = |b: &Block| {
        b.ancestors.len() > paragraph.ancestors.len()
            && shared(&b.ancestors, &paragraph.ancestors) + 1 >= paragraph.ancestors.len()
    };
    let end = (last + 1..blocks.len())
        .find(|&i| {
            let b = &blocks[i];
            !(b.tag == "li"
                && beside(b)
                && out[i].cue.is_none()
                && b.link_density() <= CLOSING_LIST_MAX_LINK_DENSITY
                && b.text.split_whitespace().nth(2).is_some())
        })
        .unwrap_or(blocks.len());
    // One list: its items share their enclosing elements.
    if end - last < 3
        || (last + 2..end).any(|i| {
            blocks[i].ancestors[..blocks[i].ancestors.len() - 1]
                != blocks[last + 1].ancestors[..blocks[last + 1].ancestors.len() - 1]
        })
    {
        return;
    }
    for d in &mut out[last + 1..end] {
        promote(d, "an item of the list that closes the article");
    }
}

fn keep_lists_between_body(blocks: &[Block], out: &mut [Decision]) {
    let mut i = 0;
    while i < blocks.len() {
        if !is_item(&blocks[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < blocks.len() && is_item(&blocks[i]) {
            i += 1;
        }
        let before = start.checked_sub(1).is_some_and(|j| out[j].body);
        let after = i < blocks.len() && out[i].body;
        let links: usize = blocks[start..i].iter().map(|b| b.link_chars).sum();
        let chars: usize = blocks[start..i].iter().map(|b| b.text.len()).sum();
        // A timeline or a list of facts closing the article ("1899 — Paris tribunal
        // awards the Essequibo to British Guiana."): items of prose without links,
        // after the body inside the article's content container, under a short
        // heading or right under the body.
        let heading = start.checked_sub(1).filter(|&h| {
            blocks[h].heading > 0
                && blocks[h].text.len() < 40
                && out[h].cue.is_none()
                && out[h].basis != Basis::Container
        });
        // Body earlier in the content container: looked for last, as few runs get
        // that far.
        let body_before = || {
            out[..start]
                .iter()
                .zip(&blocks[..start])
                .any(|(d, b)| d.body && b.flags.contains(Flags::CONTENT))
        };
        let closing_facts = !after
            && links == 0
            && blocks[start..i].iter().all(|b| {
                b.flags.contains(Flags::CONTENT)
                    && b.text.len() >= 30
                    && b.text.split_whitespace().nth(4).is_some()
            })
            && (before || (heading.is_some() && body_before()));
        if closing_facts {
            for d in &mut out[start..i] {
                let condemned = d.cue.is_some() || d.basis == Basis::Container;
                if !d.body && !condemned {
                    promote(d, "a list of facts closing the article");
                }
            }
            if let Some(h) = heading.filter(|&h| !out[h].body) {
                promote(
                    &mut out[h],
                    "the heading of a list of facts closing the article",
                );
            }
            continue;
        }
        if before && after && links * 3 < chars {
            for d in &mut out[start..i] {
                let condemned = d.cue.is_some() || d.basis == Basis::Container;
                if !d.body && !condemned {
                    promote(d, "list or table between body paragraphs");
                }
            }
        }
    }
}

/// Share of a page's good text the main container must hold.
const MAIN_CONTAINER_SHARE: usize = 80;
/// A main container holding more than this share of all the page's text is the page
/// itself, and tells nothing.
const MAIN_CONTAINER_MAX_PAGE_SHARE: usize = 85;
/// Link density above which a block inside the main container is still navigation.
const MAIN_CONTAINER_MAX_LINK_DENSITY: f32 = 0.8;

/// The fewest short paragraphs and subheadings above an article's first good block
/// that make its opening: fewer are a standfirst or a caption, which other rules place.
const OPENING_RUN: usize = 6;

/// The deepest element holding most of the page's good text: the article's container,
/// as readability and trafilatura find it, here found from the blocks' ancestor ids.
fn main_container(blocks: &[Block], out: &[Decision]) -> Option<(u32, usize)> {
    let mut share: foldhash::HashMap<u32, (usize, usize)> = foldhash::HashMap::default();
    let mut total = 0;
    for (b, d) in blocks.iter().zip(out) {
        if d.class != Class::Good {
            continue;
        }
        let n = b.text.len();
        total += n;
        let base = b.depth - b.ancestors.len();
        for (k, id) in b.ancestors.iter().enumerate() {
            let e = share.entry(*id).or_insert((0, base + k));
            e.0 += n;
        }
    }
    if total == 0 {
        return None;
    }
    // The elements holding enough of the good text nest in one another; the deepest
    // that holds more than one block is the container. When a single paragraph
    // carries the good text (an article of one long paragraph and a list of short
    // lines), its own element would otherwise be the container and the rest of the
    // article outside it.
    let mut holders: Vec<(u32, usize)> = share
        .into_iter()
        .filter(|(_, (n, _))| n * 100 >= total * MAIN_CONTAINER_SHARE)
        .map(|(id, (_, depth))| (id, depth))
        .collect();
    holders.sort_unstable_by_key(|&(_, depth)| std::cmp::Reverse(depth));
    holders.into_iter().find(|(id, _)| {
        blocks
            .iter()
            .filter(|b| b.ancestors.contains(id))
            .take(2)
            .count()
            == 2
    })
}

/// Inside the main container, between its first and last good block, everything not
/// condemned by a cue, a chaff container or its links is body: headings, list items,
/// code and short lines that jusText's context would lose. Outside it, nothing is.
/// `exempt`: blocks under these hints stay as they are (comment sections when the
/// user asked for them).
fn keep_main_container(blocks: &[Block], out: &mut [Decision], trusted: Flags, exempt: Flags) {
    let Some((id, _)) = main_container(blocks, out) else {
        return;
    };
    let inside: Vec<bool> = blocks.iter().map(|b| b.ancestors.contains(&id)).collect();
    let page_chars: usize = blocks.iter().map(|b| b.text.len()).sum();
    let inside_chars: usize = blocks
        .iter()
        .zip(&inside)
        .filter(|(_, i)| **i)
        .map(|(b, _)| b.text.len())
        .sum();
    let is_whole_page = inside_chars * 100 > page_chars * MAIN_CONTAINER_MAX_PAGE_SHARE;
    let good_inside = |i: usize| inside[i] && out[i].class == Class::Good;
    let (Some(first), Some(last)) = (
        (0..blocks.len()).find(|&i| good_inside(i)),
        (0..blocks.len()).rev().find(|&i| good_inside(i)),
    ) else {
        return;
    };
    // Headings just above the first paragraph belong to it.
    let first = (first.saturating_sub(HEADING_REACH)..first)
        .find(|&i| inside[i] && blocks[i].heading >= 2)
        .unwrap_or(first);
    // An article opened in short paragraphs ("It isn't." "Trains lose connectivity.")
    // that none of them is good enough to mark: the unbroken run of unlinked
    // sentences and subheadings right above the first good one.
    let opening = (0..first)
        .rev()
        .take_while(|&i| {
            let b = &blocks[i];
            let prose = b.tag == "p" && ends_sentence(&b.text) || b.heading >= 2;
            inside[i]
                && prose
                && b.link_chars == 0
                && out[i].cue.is_none()
                && !is_chaff_container(b, trusted)
        })
        .last()
        .unwrap_or(first);
    let first = if first - opening >= OPENING_RUN {
        opening
    } else {
        first
    };
    // The article's opening paragraphs just above the container (an intro outside the
    // section that holds the rest): body blocks reached from the container's first
    // block through nothing but body, headings and short lines.
    let mut lead_in = vec![false; blocks.len()];
    for i in (0..first).rev() {
        if inside[i] {
            continue;
        }
        let b = &blocks[i];
        let d = &out[i];
        let chaff = d.cue.is_some()
            || is_chaff_container(b, trusted)
            || b.link_density() > MAIN_CONTAINER_MAX_LINK_DENSITY
            || b.heading == 1;
        if chaff || !(d.body || b.heading >= 2 || d.class == Class::Short) {
            break;
        }
        lead_in[i] = d.body;
    }
    let intro_fill = mark_intro_under_title(blocks, out, id, first, &inside, trusted, &mut lead_in);
    for i in 0..blocks.len() {
        let d = &mut out[i];
        if intro_fill[i] {
            promote(
                d,
                "between the intro under the title and the main content container",
            );
            continue;
        }
        if !inside[i] {
            if d.body && !is_whole_page && !blocks[i].flags.intersects(exempt) && !lead_in[i] {
                demote(d, "outside the main content container");
            }
            continue;
        }
        let condemned = d.cue.is_some()
            || is_chaff_container(&blocks[i], trusted)
            || (blocks[i].flags.contains(Flags::HIDDEN) && trusted.contains(Flags::HIDDEN))
            || blocks[i].heading == 1
            || blocks[i].link_density() > MAIN_CONTAINER_MAX_LINK_DENSITY;
        let tail = i > last
            && blocks[i].flags.contains(Flags::CONTENT)
            && trusted.contains(Flags::CONTENT);
        if !d.body && !condemned && ((first..=last).contains(&i) || tail) {
            promote(d, "inside the main content container");
        }
    }
}

/// The article's intro between its title and the main container `id`, both in the
/// element that holds the container (a reference page: the module's opening paragraphs
/// under its `<h1>`, its functions in a section below; WCXB and Dragnet gold count it
/// as body), marked in `lead_in`. Up to the byline or date: a summary above them, or
/// one the page names a standfirst, is the header's. Returns the intro's short lines
/// below its first paragraph, to be promoted (also marked in `lead_in`).
fn mark_intro_under_title(
    blocks: &[Block],
    out: &[Decision],
    id: u32,
    first: usize,
    inside: &[bool],
    trusted: Flags,
    lead_in: &mut [bool],
) -> Vec<bool> {
    let mut fill = vec![false; blocks.len()];
    let parent = blocks[first]
        .ancestors
        .iter()
        .position(|a| *a == id)
        .and_then(|k| k.checked_sub(1))
        .map(|k| blocks[first].ancestors[k]);
    let Some(parent) = parent else { return fill };
    let in_parent = |i: usize| blocks[i].ancestors.contains(&parent);
    let Some(title) = (0..first)
        .rev()
        .find(|&i| blocks[i].heading == 1 && in_parent(i))
    else {
        return fill;
    };
    let of_intro = |i: usize| {
        let b = &blocks[i];
        !inside[i]
            && in_parent(i)
            && !b.flags.intersects(Flags::HEADER.or(Flags::STANDFIRST))
            && out[i].cue.is_none()
            && !is_chaff_container(b, trusted)
            && b.link_density() <= MAIN_CONTAINER_MAX_LINK_DENSITY
    };
    let mut opening = None;
    for i in (title + 1..first).rev() {
        let b = &blocks[i];
        if b.flags.intersects(Flags::META.or(Flags::AUTHOR))
            || is_byline(&b.text)
            || is_dated_line(&b.text)
        {
            break;
        }
        if out[i].body && of_intro(i) {
            lead_in[i] = true;
            opening = Some(i);
        }
    }
    // Below the intro's first paragraph, its short lines are the article's too, as
    // they are between the container's paragraphs: a summary table's cells, a
    // subheading (a module's table of its functions above their section).
    for i in opening.map_or(first, |o| o + 1)..first {
        if !out[i].body && of_intro(i) && blocks[i].heading != 1 {
            lead_in[i] = true;
            fill[i] = true;
        }
    }
    fill
}

/// A text dump's comment thread, found by the shape of its posts (`threads.rs`) when no
/// cue announced it: everything from its first commenter on is chaff.
fn close_at_comment_thread(blocks: &[Block], out: &mut [Decision], texts: &[&str], from: usize) {
    if !is_text_dump(blocks) {
        return;
    }
    let Some(start) = crate::threads::thread_start(texts, from + 1) else {
        return;
    };
    for d in &mut out[start..] {
        if d.body {
            demote(d, format_args!("in the comment thread from block {start}"));
        }
    }
}

/// A forum thread's replies: the opening post is the article, and the first reply
/// starts at its author's card ("Joined", "Posts: 876"), which every later reply
/// repeats. HTML and text dumps alike.
fn close_at_reply_cards(texts: &[&str], out: &mut [Decision], from: usize) {
    let Some(start) = crate::threads::reply_cards_start(texts, from + 1) else {
        return;
    };
    for d in &mut out[start..] {
        if d.body {
            demote(
                d,
                format_args!("in a forum reply, from the author card at block {start}"),
            );
        }
    }
}

/// The block at which the good body so far first reaches `MIN_PROSE_BEFORE_COMMENTS`
/// characters: a comment section can only start after it.
fn prose_reached(blocks: &[Block], out: &[Decision]) -> Option<usize> {
    let mut prose_before = 0;
    (0..out.len()).find(|&i| {
        if out[i].body && out[i].class == Class::Good {
            prose_before += blocks[i].text.len();
        }
        prose_before >= MIN_PROSE_BEFORE_COMMENTS
    })
}

/// The comment section ends the article, however long the comments are: body after
/// the first comments cue past `from` (where the article's prose is reached) is chaff.
fn close_at_comments(blocks: &[Block], out: &mut [Decision], from: usize) {
    // A cue that is all link ("Comments", "12 Comments" linking to the thread) points
    // to the comment section from wherever the page puts it, often mid-article; the
    // section's own heading is not a link.
    let Some(close) = (from..out.len())
        .find(|&i| out[i].cue == Some(CueKind::Comments) && blocks[i].link_density() < 0.99)
    else {
        return;
    };
    let cue = blocks[close].text.clone();
    // Only a text dump's converter prints the comments above the article; in HTML a
    // long run of prose after the cue is the comments themselves (an old blog's,
    // signed "Posted by: ..." under each).
    let article = if is_text_dump(blocks) {
        article_after_comments(blocks, out, close)
    } else {
        0..0
    };
    for (i, d) in out.iter_mut().enumerate().skip(close + 1) {
        if d.body && !article.contains(&i) {
            demote(d, format_args!("after the comment-section cue {cue:?}"));
        }
    }
}

/// Body characters the article must hold after a comment section, at least, to be
/// taken for the article.
const MIN_ARTICLE_AFTER_COMMENTS: usize = 1000;

/// The article itself, when a text dump's converter printed the comment section
/// above it: after the cue, a run of body blocks without a comments cue
/// among them that holds more than twice the good prose before the cue. A comment
/// thread's replies are broken up by "Reply" lines, or sit in a comments container;
/// an article's paragraphs do neither.
fn article_after_comments(
    blocks: &[Block],
    out: &[Decision],
    close: usize,
) -> std::ops::Range<usize> {
    let before: usize = (0..close)
        .filter(|&i| out[i].body && out[i].class == Class::Good)
        .map(|i| blocks[i].text.len())
        .sum();
    let mut best = 0..0;
    let mut best_chars = 0;
    let mut i = close + 1;
    while i < out.len() {
        if !out[i].body {
            i += 1;
            continue;
        }
        let start = i;
        let mut chars = 0;
        while i < out.len()
            && out[i].body
            && out[i].cue != Some(CueKind::Comments)
            && !blocks[i].flags.contains(Flags::COMMENT)
        {
            chars += blocks[i].text.len();
            i += 1;
        }
        if chars > best_chars {
            best = start..i;
            best_chars = chars;
        }
        i = i.max(start + 1);
    }
    if best_chars >= MIN_ARTICLE_AFTER_COMMENTS && best_chars > 2 * before {
        best
    } else {
        0..0
    }
}

/// A closing cue after body text ends the article, when more body came before it than
/// would come after it (a "Related" line mid-article does not end it).
fn close_after_cue(blocks: &[Block], out: &mut [Decision]) {
    // Body characters before each block (prefix sums): one pass, not one per cue.
    let mut before = Vec::with_capacity(out.len() + 1);
    before.push(0usize);
    for (b, d) in blocks.iter().zip(out.iter()) {
        let n = if d.body { b.text.len() } else { 0 };
        before.push(before[before.len() - 1] + n);
    }
    let total = before[out.len()];
    let text_dump = is_text_dump(blocks);
    let mut close = None;
    let mut i = 0;
    while i < out.len() {
        // A menu item that reads "Top Stories" links elsewhere and closes nothing here;
        // a linked heading ("Most Popular" over a rail) still heads what follows.
        if out[i].cue == Some(CueKind::Close)
            && (blocks[i].link_density() < 0.99 || blocks[i].heading > 0)
            && !heads_its_own_box(blocks, out, i)
            && before[i] > 0
            && (before[i] > total - before[i + 1] || (!text_dump && boxed_after(blocks, out, i)))
        {
            let resumes = if text_dump {
                article_resumes(blocks, out, i)
            } else {
                article_resumes_after_links(blocks, out, i)
            };
            match resumes {
                Some(resume) => {
                    // An inserted box: its items are chaff, the article goes on.
                    let cue = blocks[i].text.clone();
                    for d in &mut out[i + 1..resume] {
                        if d.body {
                            demote(d, format_args!("in the box opened by {cue:?}"));
                        }
                    }
                    i = resume;
                    continue;
                }
                None => {
                    close = Some(i);
                    break;
                }
            }
        }
        i += 1;
    }
    let Some(close) = close else {
        return;
    };
    let cue = blocks[close].text.clone();
    for d in &mut out[close + 1..] {
        if d.body {
            demote(d, format_args!("after the closing cue {cue:?}"));
        }
    }
}

/// Where the article of an HTML page goes on after the closing cue at `close`, if it
/// does: "Related:" over a few linked titles set between paragraphs, after which the
/// paragraphs come back at the depth they had before the cue.
fn article_resumes_after_links(blocks: &[Block], out: &[Decision], close: usize) -> Option<usize> {
    let depth = (0..close)
        .rev()
        .find(|&i| out[i].body)
        .map(|i| blocks[i].depth)?;
    let prose = |i: usize| {
        out[i].body
            && out[i].class == Class::Good
            && blocks[i].depth == depth
            && blocks[i].link_density() < 0.2
    };
    let mut links = 0;
    for i in close + 1..out.len() {
        if out[i].cue.is_some() {
            return None;
        }
        if blocks[i].link_density() >= 0.5 {
            links += 1;
            if links > 8 {
                return None;
            }
            continue;
        }
        // A subheading of the resumed article.
        if blocks[i].heading > 0 && links > 0 {
            continue;
        }
        // Two paragraphs, subheadings between them aside.
        let next = (i + 1..out.len()).find(|&j| blocks[j].heading == 0);
        return (links > 0 && prose(i) && next.is_some_and(prose)).then_some(i);
    }
    None
}

/// Whether the cue at `close` heads a box of its own (an aside, a related box or a
/// newsletter sign-up box set into the article) after which the article resumes:
/// the next body block is a paragraph of prose outside the box. "Related" over three
/// links mid-article ends the box, not the article.
fn heads_its_own_box(blocks: &[Block], out: &[Decision], close: usize) -> bool {
    let boxed = |b: &Block| {
        b.nearest
            .intersects(Flags::ASIDE | Flags::RELATED | Flags::AD | Flags::NEWSLETTER)
    };
    if !boxed(&blocks[close]) {
        return false;
    }
    (close + 1..out.len())
        .find(|&i| out[i].body)
        .is_some_and(|i| {
            !boxed(&blocks[i]) && matches!(out[i].class, Class::Good | Class::NearGood)
        })
}

/// Whether all body after the cue at `close` sits in a box nested deeper than the
/// paragraphs before it: a slideshow or a teaser block under "Also on ...", however
/// much text it holds. The article's own paragraphs, resumed after a mid-article
/// "Related" line, come back at their own depth.
fn boxed_after(blocks: &[Block], out: &[Decision], close: usize) -> bool {
    let mut by_depth: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
    for (b, d) in blocks[..close].iter().zip(&out[..close]) {
        if d.body {
            *by_depth.entry(b.depth).or_insert(0) += b.text.len();
        }
    }
    let Some(depth) = by_depth
        .into_iter()
        .max_by_key(|&(depth, n)| (n, depth))
        .map(|(depth, _)| depth)
    else {
        return false;
    };
    let mut after = blocks[close + 1..]
        .iter()
        .zip(&out[close + 1..])
        .filter(|(_, d)| d.body)
        .peekable();
    after.peek().is_some() && after.all(|(b, _)| b.depth >= depth + 2)
}

/// Where the article goes on after the closing cue at `close` of a text dump, if it
/// does: a box inserted mid-article ("Mehr zum Thema" and three teasers) closes
/// nothing. Teasers alternate a headline with a one-sentence lead; the article's own
/// text comes back as consecutive paragraphs of prose, before the next cue.
fn article_resumes(blocks: &[Block], out: &[Decision], close: usize) -> Option<usize> {
    let prose = |i: usize| {
        out[i].body && out[i].class == Class::Good && blocks[i].text.len() >= LENGTH_HIGH
    };
    let end = (close + 1..out.len())
        .find(|&i| matches!(out[i].cue, Some(CueKind::Close | CueKind::Comments)))
        .unwrap_or(out.len());
    let resume = (close + 1..end.saturating_sub(1)).find(|&i| prose(i) && prose(i + 1))?;
    // The resumed article's subheading right above its prose is the article's; a
    // teaser's kicker-led title ("Kommentar: Eine Brigade ...") is the box's.
    let heading = resume - 1;
    Some(
        if heading > close
            && out[heading].cue.is_none()
            && is_text_heading(&blocks[heading])
            && !blocks[heading].text.contains(':')
        {
            heading
        } else {
            resume
        },
    )
}

/// When the page marks an article container and most body text is inside it, body
/// outside it is chaff.
fn keep_inside_article_container(blocks: &[Block], out: &mut [Decision], exempt: Flags) {
    let (inside, total) = blocks.iter().zip(out.iter()).filter(|(_, d)| d.body).fold(
        (0, 0),
        |(inside, total), (b, _)| {
            let n = b.text.len();
            let is_in = b.flags.contains(Flags::CONTENT);
            (inside + if is_in { n } else { 0 }, total + n)
        },
    );
    if total == 0 || inside * 2 < total {
        return;
    }
    for (b, d) in blocks.iter().zip(out.iter_mut()) {
        if d.body && !b.flags.contains(Flags::CONTENT) && !b.flags.intersects(exempt) {
            demote(d, "outside the article container");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_live_stamp, is_markup, opens_list, CueKind};

    #[test]
    fn a_colon_opens_the_articles_lists_not_link_lists() {
        assert!(opens_list("The contract covers:", None));
        assert!(!opens_list("More on Ross:", None));
        assert!(!opens_list("Related:", None));
        assert!(!opens_list("Read also:", Some(CueKind::Related)));
        assert!(!opens_list("The contract covers three things.", None));
    }

    #[test]
    fn live_stamps_are_times_and_ages_alone() {
        for stamp in [
            "16:05",
            "2:10 p.m. KST",
            "7.30 am ET",
            "1h ago",
            "5 min ago",
            "6.31pm",
            "12.15am BST",
        ] {
            assert!(is_live_stamp(stamp), "{stamp}");
        }
        for line in [
            "16:05 Rutte speaks",
            "2025",
            "12 killed",
            "1:2 draw in Kyiv",
        ] {
            assert!(!is_live_stamp(line), "{line}");
        }
    }

    #[test]
    fn html_source_is_markup_and_prose_quoting_a_tag_is_not() {
        let republish = "<h1>Title</h1> <p class=\"byline\">by A <br />May 1</p> <p>One.</p> \
                         <p>Two <a href=\"x\">link</a>.</p> <p>Three.</p>";
        assert!(is_markup(republish));
        assert!(!is_markup(
            "The parser crashed on <table></table><li><table></table> in a select."
        ));
        // Comparisons and arrows are no tags.
        assert!(!is_markup("if a < b and c <= d then x<y<z<w<v<u<t<s<r"));
    }
}
