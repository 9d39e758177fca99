//! A single streaming pass over HTML that emits blocks with their container context.
//!
//! No DOM is built: the pass keeps its own tag stack, where each entry carries what its
//! ancestors said about it (cumulative class/id flags, the nearest marked container, the
//! innermost block tag, heading level, link state, a path hash). That makes the pass
//! linear in the page size, free of recursion (a million nested `<div>`s only grow a
//! `Vec`), and about as fast as a tokenizer can be.

use crate::block::{Block, Flags};
use crate::entities::decode_entities;
use std::borrow::Cow;

/// Elements whose text is never visible.
///
/// `<noscript>` is not among them: a crawler runs no script, and single-page apps
/// (Discourse forums, some news sites) serve their whole content inside it. What else
/// sits there ("please enable JavaScript", tracking pixels) is short and classified
/// as chaff like any other short block.
const SKIPPED: [&str; 9] = [
    "script", "style", "template", "svg", "math", "iframe", "object", "canvas", "textarea",
];

/// Raw-text elements: their content is not parsed as markup.
const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The element's name as a `'static` string when it starts and ends a block of text.
fn block_tag(name: &str) -> Option<&'static str> {
    // A `match` compiles to a length-then-bytes decision tree; this runs on every
    // start and end tag.
    Some(match name {
        "address" => "address",
        "article" => "article",
        "aside" => "aside",
        "blockquote" => "blockquote",
        "body" => "body",
        "caption" => "caption",
        "center" => "center",
        "dd" => "dd",
        "details" => "details",
        "dialog" => "dialog",
        "div" => "div",
        "dl" => "dl",
        "dt" => "dt",
        "fieldset" => "fieldset",
        "figcaption" => "figcaption",
        "figure" => "figure",
        "footer" => "footer",
        "form" => "form",
        "h1" => "h1",
        "h2" => "h2",
        "h3" => "h3",
        "h4" => "h4",
        "h5" => "h5",
        "h6" => "h6",
        "header" => "header",
        "hr" => "hr",
        "li" => "li",
        "main" => "main",
        "menu" => "menu",
        "nav" => "nav",
        "ol" => "ol",
        "option" => "option",
        "p" => "p",
        "pre" => "pre",
        "section" => "section",
        "select" => "select",
        "summary" => "summary",
        "table" => "table",
        "td" => "td",
        "th" => "th",
        "tr" => "tr",
        "ul" => "ul",
        "button" => "button",
        _ => return None,
    })
}

/// How far down the stack an end tag looks for its start tag. Bounded so that a page of
/// unmatched end tags over a deep stack stays linear.
const END_TAG_SEARCH: usize = 256;

/// How many enclosing elements a block remembers (the innermost ones), so that memory
/// stays linear on pathologically deep pages.
const MAX_ANCESTORS: usize = 512;

/// Metadata the page carries outside its blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlMeta {
    /// `<title>` text.
    pub title: Option<String>,
    /// `<meta name|property|itemprop=K content=V>` pairs, keys lowercased, in page order;
    /// `<link rel="canonical" href=V>` as the pair ("canonical", V).
    pub meta: Vec<(String, String)>,
    /// `datetime` attributes of `<time>` elements, or their text when they have none,
    /// and the `created-timestamp` of a Reddit post, in page order.
    pub times: Vec<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Contents of `<script type="application/ld+json">` elements (schema.org data:
    /// headline, datePublished, author), raw.
    pub json_ld: Vec<String>,
    /// Texts of the first links to an author page (`href` with `/author/`, or
    /// `rel="author"`), in page order: the byline of many CMSs.
    pub author_links: Vec<String>,
}

impl HtmlMeta {
    /// The host of the page's own address (`<link rel="canonical">`, else `og:url`),
    /// lowercased and without "www.": which site the page belongs to, for site memory
    /// when the caller does not know where the page came from.
    pub fn site(&self) -> Option<String> {
        let url = ["canonical", "og:url"]
            .iter()
            .find_map(|key| self.meta.iter().find(|(k, _)| k == key).map(|(_, v)| v))?;
        let rest = url.split_once("://").map(|(_, r)| r)?;
        let host = rest
            .split(['/', '?', '#', ':'])
            .next()?
            .to_ascii_lowercase();
        let host = host.trim_start_matches("www.");
        (host.contains('.') && !host.contains(char::is_whitespace)).then(|| host.to_string())
    }
}

/// Author links remembered per page.
const MAX_AUTHOR_LINKS: usize = 4;

#[derive(Clone)]
struct Entry<'p> {
    /// Lowercased; borrowed from the page when it was written in lowercase.
    name: Cow<'p, str>,
    /// Whether the element starts and ends a block of text.
    is_block: bool,
    flags: Flags,
    nearest: Flags,
    block_tag: &'static str,
    heading: u8,
    in_link: bool,
    /// Inside an element named a title or headline (see [`Flags::ITEM_TITLE`]).
    item_title: bool,
    hidden: bool,
    path: u64,
    /// Sequential element number, for telling containers apart.
    id: u32,
}

struct Builder<'p> {
    stack: Vec<Entry<'p>>,
    next_id: u32,
    blocks: Vec<Block>,
    buf: String,
    link_chars: usize,
    /// Where in `buf` the link being read started, while one is.
    link_start: Option<usize>,
    /// The longest link's text in `buf` so far (start, end).
    longest_link: (usize, usize),
    /// The first run of text in `buf` inside an element named a title (start, end).
    item_title: (usize, usize),
    meta: HtmlMeta,
    /// What each class/id value of the page said: a page repeats a few dozen values
    /// on thousands of elements. Bounded so that a page of unique values costs memory
    /// linear in nothing but this cap.
    hints: foldhash::HashMap<&'p str, Flags>,
    /// The text of the author link being read, if one is open.
    author_link: Option<String>,
    /// The text of a `<time>` element without a `datetime` attribute, while it is
    /// open: many templates print the date only as the element's text.
    time_text: Option<String>,
    /// The attributes of the tag being read (a buffer reused from tag to tag).
    attrs: Vec<Attribute<'p>>,
}

impl HtmlMeta {
    /// Whether a tag has named the page's author (the pair ("author", ...)): the
    /// first one named stands.
    fn names_an_author(&self) -> bool {
        self.meta.iter().any(|(key, _)| key == "author")
    }
}

/// A `<time>` element's text longer than this is no date ("Updated 22 June 2020, 14:05
/// BST" fits).
const MAX_TIME_TEXT: usize = 64;

/// Class/id values remembered per page.
const MAX_REMEMBERED_HINTS: usize = 4096;

/// Splits an HTML page into blocks and page metadata.
#[cfg(test)]
pub fn parse_html(page: &str) -> (Vec<Block>, HtmlMeta) {
    parse_html_until(page, None).unwrap_or_default()
}

/// Page bytes per block on real pages is a few hundred (Dragnet about 300, WCXB more):
/// the blocks vector starts at the page's size over this, and grows on a dense page.
const BYTES_PER_BLOCK: usize = 400;

/// Tags parsed between two looks at the clock: often enough to stop within a
/// millisecond of a deadline, rarely enough to cost nothing.
const TAGS_PER_CLOCK_CHECK: u32 = 1024;

/// Splits an HTML page into blocks and page metadata; `None` when `deadline` passed
/// before the page was parsed.
pub fn parse_html_until(
    page: &str,
    deadline: Option<std::time::Instant>,
) -> Option<(Vec<Block>, HtmlMeta)> {
    let mut b = Builder {
        // Sized for a typical page (a block every few hundred bytes, a few dozen open
        // elements), so that growing them does not copy a page's blocks over and over.
        stack: Vec::with_capacity(64),
        next_id: 1,
        blocks: Vec::with_capacity(page.len() / BYTES_PER_BLOCK),
        buf: String::with_capacity(1024),
        link_chars: 0,
        link_start: None,
        longest_link: (0, 0),
        item_title: (0, 0),
        meta: HtmlMeta::default(),
        // A seeded hash: the keys are the page's, and a page could be written to collide
        // under an unkeyed one. foldhash, seeded at random per map, costs a third of
        // SipHash here.
        hints: foldhash::HashMap::with_capacity_and_hasher(64, Default::default()),
        author_link: None,
        time_text: None,
        attrs: Vec::new(),
    };
    let bytes = page.as_bytes();
    let mut pos = 0;
    let mut tags = 0u32;
    while pos < bytes.len() {
        tags += 1;
        if tags == TAGS_PER_CLOCK_CHECK {
            tags = 0;
            if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                return None;
            }
        }
        let Some(lt) = find_byte(bytes, pos, b'<') else {
            b.text(&page[pos..]);
            break;
        };
        if lt > pos {
            b.text(&page[pos..lt]);
        }
        pos = b.markup(page, lt);
    }
    b.flush();
    Some((b.blocks, b.meta))
}

fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr::memchr(needle, &bytes[from..]).map(|i| i + from)
}

fn find_str(hay: &str, from: usize, needle: &str) -> Option<usize> {
    memchr::memmem::find(&hay.as_bytes()[from..], needle.as_bytes()).map(|i| i + from)
}

/// `s` in ASCII lowercase, borrowed when it already is.
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether an inline style hides the element (`display: none`, `visibility:hidden`),
/// read without allocating: spaces and case do not matter.
fn style_hides(style: &str) -> bool {
    let squeezed = style
        .bytes()
        .filter(|b| *b != b' ')
        .map(|b| b.to_ascii_lowercase());
    // A small state machine over the squeezed bytes for the two needles.
    const NEEDLES: [&[u8]; 2] = [b"display:none", b"visibility:hidden"];
    let mut matched = [0usize; 2];
    for b in squeezed {
        for (n, needle) in NEEDLES.iter().enumerate() {
            // Both needles have no proper prefix that is also a suffix, so a mismatch
            // restarts at 0 (or 1 when the byte opens the needle again).
            matched[n] = if needle[matched[n]] == b {
                matched[n] + 1
            } else if needle[0] == b {
                1
            } else {
                0
            };
            if matched[n] == needle.len() {
                return true;
            }
        }
    }
    false
}

/// Finds the `</script` that ends a script's text at or after `from`. As browsers read
/// it: inside a comment opener (`<!--`), a `<script` written into the page
/// (`document.write('<script src=...></script>')`) opens a nested one whose
/// `</script` does not end the outer script. Old forum templates (vBulletin) do this,
/// and a parser that stops at the first `</script` keeps the rest of the code as text.
fn find_script_end(page: &str, from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let bytes = page.as_bytes();
    let mut state = State::Data;
    let mut at = from;
    // Outside a comment opener only `<` matters: scripts are long and full of `-`.
    let next = |state: &State, at: usize| match state {
        State::Data => memchr::memchr(b'<', &bytes[at..]),
        _ => memchr::memchr2(b'<', b'-', &bytes[at..]),
    };
    while let Some(i) = next(&state, at).map(|i| i + at) {
        let rest = &bytes[i..];
        let tag_at = |prefix: &[u8]| {
            rest.len() > prefix.len()
                && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
                && matches!(
                    rest[prefix.len()],
                    b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
                )
        };
        if tag_at(b"</script") {
            match state {
                State::DoubleEscaped => state = State::Escaped,
                _ => return Some(i),
            }
        } else if rest.starts_with(b"<!--") && state == State::Data {
            state = State::Escaped;
            at = i + 4;
            continue;
        } else if tag_at(b"<script") && state == State::Escaped {
            state = State::DoubleEscaped;
        } else if rest.starts_with(b"-->") {
            state = State::Data;
            at = i + 3;
            continue;
        }
        at = i + 1;
    }
    None
}

/// Finds `</name` (ASCII case-insensitive) at or after `from`.
fn find_end_tag(page: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = page.as_bytes();
    let mut at = from;
    while let Some(lt) = find_str(page, at, "</") {
        let start = lt + 2;
        let end = start + name.len();
        if end <= bytes.len() && bytes[start..end].eq_ignore_ascii_case(name.as_bytes()) {
            let next = bytes.get(end).copied().unwrap_or(b'>');
            if next == b'>' || next == b'/' || next.is_ascii_whitespace() {
                return Some(lt);
            }
        }
        at = start;
    }
    None
}

impl<'p> Builder<'p> {
    fn top(&self) -> Option<&Entry<'p>> {
        self.stack.last()
    }

    fn skipping(&self) -> bool {
        self.top().is_some_and(|e| e.flags.contains(Flags::SKIPPED))
    }

    fn text(&mut self, raw: &str) {
        if self.skipping() {
            return;
        }
        let decoded = decode_entities(raw);
        if let Some(link) = &mut self.author_link {
            if link.len() < 200 {
                link.push_str(&decoded);
            }
        }
        if let Some(time) = &mut self.time_text {
            if time.len() < MAX_TIME_TEXT {
                time.push_str(&decoded);
            }
        }
        if self.top().is_some_and(|e| e.item_title) {
            // The first run only: a second title element in one block is not the
            // card's headline continued.
            let (start, end) = self.item_title;
            if start == end || end == self.buf.len() {
                let start = if start == end { self.buf.len() } else { start };
                self.item_title = (start, self.buf.len() + decoded.len());
            }
        }
        if !self.top().is_some_and(|e| e.in_link) {
            self.link_start = None;
            self.buf.push_str(&decoded);
            return;
        }
        self.link_chars += decoded.chars().filter(|c| !c.is_whitespace()).count();
        let start = *self.link_start.get_or_insert(self.buf.len());
        self.buf.push_str(&decoded);
        if self.buf.len() - start > self.longest_link.1 - self.longest_link.0 {
            self.longest_link = (start, self.buf.len());
        }
    }

    /// Handles the markup at `lt` and returns the position after it.
    fn markup(&mut self, page: &'p str, lt: usize) -> usize {
        let bytes = page.as_bytes();
        let rest = &page[lt..];
        if rest.starts_with("<!--") {
            return find_str(page, lt + 4, "-->").map_or(page.len(), |i| i + 3);
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return find_byte(bytes, lt, b'>').map_or(page.len(), |i| i + 1);
        }
        let closing = rest.starts_with("</");
        let name_start = lt + if closing { 2 } else { 1 };
        let name_end = bytes[name_start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b':'))
            .map_or(bytes.len(), |i| i + name_start);
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            // A lone '<' is text, as browsers treat it.
            self.text("<");
            return lt + 1;
        }
        let name = lowercase(&page[name_start..name_end]);
        // One attribute buffer for the whole page rather than one per tag.
        let mut attrs = std::mem::take(&mut self.attrs);
        attrs.clear();
        let (tag_end, self_closing) = scan_attributes(page, name_end, &mut attrs);
        let end = self.tag(page, name, closing, &attrs, tag_end, self_closing);
        self.attrs = attrs;
        end
    }

    /// Handles a tag whose attributes are read, and returns the position after it (past
    /// the raw text of a `<script>`, `<style>` or `<title>`).
    fn tag(
        &mut self,
        page: &'p str,
        name: Cow<'p, str>,
        closing: bool,
        attrs: &[Attribute<'p>],
        tag_end: usize,
        self_closing: bool,
    ) -> usize {
        let bytes = page.as_bytes();
        if closing {
            self.end_tag(&name);
            return tag_end;
        }
        self.start_tag(name.clone(), attrs, self_closing);
        if RAW_TEXT.contains(&&*name) && !self_closing {
            let close = if name == "script" {
                find_script_end(page, tag_end)
            } else {
                find_end_tag(page, tag_end, &name)
            }
            .unwrap_or(page.len());
            if name == "title" && self.meta.title.is_none() {
                let title = crate::block::normalize(&decode_entities(&page[tag_end..close]));
                if !title.is_empty() {
                    self.meta.title = Some(title);
                }
            } else if name == "script"
                && attrs
                    .iter()
                    .any(|(k, v)| k == "type" && v.to_ascii_lowercase().contains("ld+json"))
            {
                self.meta.json_ld.push(page[tag_end..close].to_string());
            }
            self.end_tag(&name);
            return find_byte(bytes, close, b'>').map_or(page.len(), |i| i + 1);
        }
        tag_end
    }

    fn start_tag(&mut self, tag: Cow<'p, str>, attrs: &[Attribute<'p>], self_closing: bool) {
        let name: &str = &tag.clone();
        let attr = |k: &str| attrs.iter().find(|(key, _)| key == k).map(|(_, v)| v);
        match name {
            "meta" => {
                let key = attr("property").or(attr("name")).or(attr("itemprop"));
                if let (Some(k), Some(v)) = (key, attr("content")) {
                    // Microdata's author: `<div itemprop="author" ...><meta
                    // itemprop="name" content="Pup">` (a Q&A site's asker, an article's
                    // writer) is the page's author, unless a tag named one before.
                    let author_name = k.eq_ignore_ascii_case("name")
                        && attr("itemprop").is_some()
                        && self.top().is_some_and(|e| e.flags.contains(Flags::AUTHOR))
                        && !self.meta.names_an_author();
                    let key = if author_name {
                        "author".to_string()
                    } else {
                        k.to_ascii_lowercase()
                    };
                    self.meta.meta.push((key, v.trim().to_string()));
                }
            }
            // The page's own address, kept with the meta tags under the key
            // "canonical" (extraction reads dates and the site's name from it).
            "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = attr("href") {
                    self.meta
                        .meta
                        .push(("canonical".to_string(), href.trim().to_string()));
                }
            }
            "time" => match attr("datetime") {
                Some(dt) => self.meta.times.push(dt.trim().to_string()),
                // A commenter's "registered <time>Oct 16, 2012</time>" dates no page.
                None if !self
                    .top()
                    .is_some_and(|e| e.flags.intersects(Flags::COMMENT)) =>
                {
                    self.time_text = Some(String::new())
                }
                None => {}
            },
            // A Reddit thread's opening post carries its title, date and poster as
            // attributes only (its `<title>` is the site's slogan): the title and the
            // poster go with the meta tags, as "og:title" and "author" would say them.
            "shreddit-post" => {
                if let Some(title) = attr("post-title") {
                    let title = title.trim();
                    if !title.is_empty() && !self.meta.meta.iter().any(|(k, _)| k == "og:title") {
                        self.meta
                            .meta
                            .push(("og:title".to_string(), title.to_string()));
                    }
                }
                if let Some(ts) = attr("created-timestamp") {
                    self.meta.times.push(ts.trim().to_string());
                }
                if let Some(author) = attr("author") {
                    let author = author.trim();
                    if !author.is_empty() && !self.meta.names_an_author() {
                        self.meta
                            .meta
                            .push(("author".to_string(), author.to_string()));
                    }
                }
            }
            "html" => {
                if let Some(lang) = attr("lang") {
                    self.meta.lang = Some(lang.to_ascii_lowercase());
                }
            }
            _ => {}
        }
        if name == "br" || name == "hr" {
            self.flush();
            return;
        }
        if VOID.contains(&name) || self_closing {
            return;
        }
        // Implied ends: a new <p> or <li> closes an open one, as browsers do.
        if matches!(
            name,
            "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option"
        ) {
            let implied = self.top().and_then(|top| {
                let closes = &*top.name == name
                    || (name == "td" || name == "th") && matches!(&*top.name, "td" | "th");
                closes.then(|| top.name.clone())
            });
            if let Some(open) = implied {
                self.end_tag(&open);
            }
        }
        let block_tag = block_tag(name);
        if block_tag.is_some() {
            self.flush();
        }
        let mut own = Flags::from_tag(name);
        // <html> and <body> classes describe the whole page ("has-sidebar",
        // "single-post"), not a region of it.
        let attributes = if matches!(name, "html" | "body") {
            [].as_slice()
        } else {
            ["class", "id", "role", "itemprop"].as_slice()
        };
        // The attributes every element is asked for, found in one pass over them
        // (asked one by one, their names were compared a dozen times a tag).
        let mut common = CommonAttributes::default();
        for (key, value) in attrs {
            match &**key {
                "class" => common.class = common.class.or(Some(value)),
                "id" => common.id = common.id.or(Some(value)),
                "role" => common.role = common.role.or(Some(value)),
                "itemprop" => common.itemprop = common.itemprop.or(Some(value)),
                "rel" => common.rel = common.rel.or(Some(value)),
                "href" => common.href = common.href.or(Some(value)),
                "style" => common.style = common.style.or(Some(value)),
                "aria-hidden" => common.aria_hidden = common.aria_hidden.or(Some(value)),
                "hidden" => common.hidden = true,
                _ => {}
            }
        }
        // The class's own hints too: an author link is known by its class alone.
        let mut class_hints = Flags::empty();
        for key in attributes {
            let value = match *key {
                "class" => common.class,
                "id" => common.id,
                "role" => common.role,
                _ => common.itemprop,
            };
            if let Some(v) = value {
                let hints = self.hints_of(v.clone());
                if *key == "class" {
                    class_hints = hints;
                }
                own |= hints;
            }
        }
        // A paid link (`rel="sponsored"`, the web's mark for one) holds an advert.
        if name == "a" && common.rel.is_some_and(|r| r.contains("sponsored")) {
            own |= Flags::AD;
        }
        let item_title = own.contains(Flags::ITEM_TITLE);
        own = own.without(Flags::ITEM_TITLE);
        if name == "a" && self.meta.author_links.len() < MAX_AUTHOR_LINKS {
            // A link to an author's page, or one the page names an author's
            // (`class="authors"`: a byline's link to a staff page).
            let to_author = common.href.is_some_and(|h| {
                let h = lowercase(h);
                h.contains("/author/") || h.contains("/authors/")
            }) || common.rel.is_some_and(|r| r.contains("author"))
                || class_hints.contains(Flags::AUTHOR);
            if to_author {
                self.author_link = Some(String::new());
            }
        }
        let hidden = common.hidden
            || common.aria_hidden.is_some_and(|v| v == "true")
            || common.style.is_some_and(|s| style_hides(s));
        if SKIPPED.contains(&name) {
            own |= Flags::SKIPPED;
        }
        let parent = self.stack.last();
        let heading = match name.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => d - b'0',
            _ => parent.as_ref().map_or(0, |p| p.heading),
        };
        let path = fnv(
            parent.as_ref().map_or(0xcbf2_9ce4_8422_2325, |p| p.path),
            name.as_bytes(),
        );
        let path = common.class.map_or(path, |c| fnv(path, c.as_bytes()));
        let entry = Entry {
            is_block: block_tag.is_some(),
            name: tag,
            flags: parent.as_ref().map_or(Flags::empty(), |p| p.flags) | own,
            // A standfirst's name describes its text, not a container.
            nearest: if own.without(Flags::STANDFIRST).is_empty() {
                parent.as_ref().map_or(Flags::empty(), |p| p.nearest)
            } else {
                own.without(Flags::STANDFIRST)
            },
            block_tag: block_tag
                .or(parent.as_ref().map(|p| p.block_tag))
                .unwrap_or(""),
            heading,
            // A section heading that links to itself ("<h2><a href="#hubs">") is the
            // page's own text: the table of contents repeats it as a link.
            in_link: (name == "a"
                && !(heading > 0 && to_this_page(common.href.map(|h| h.as_ref()))))
                || parent.as_ref().is_some_and(|p| p.in_link),
            item_title: item_title || parent.as_ref().is_some_and(|p| p.item_title),
            hidden: hidden || parent.as_ref().is_some_and(|p| p.hidden),
            path,
            id: self.next_id,
        };
        self.next_id = self.next_id.wrapping_add(1);
        self.stack.push(entry);
    }

    fn end_tag(&mut self, name: &str) {
        if name == "time" {
            if let Some(time) = self.time_text.take() {
                let text = crate::block::normalize(&time);
                if !text.is_empty() && text.len() < MAX_TIME_TEXT {
                    self.meta.times.push(text);
                }
            }
        }
        if name == "a" {
            self.link_start = None;
            if let Some(link) = self.author_link.take() {
                let text = crate::block::normalize(&link);
                if !text.is_empty() && !self.meta.author_links.contains(&text) {
                    self.meta.author_links.push(text);
                }
            }
        }
        let depth = self.stack.len();
        let found = self
            .stack
            .iter()
            .rev()
            .take(END_TAG_SEARCH)
            .position(|e| &*e.name == name);
        let Some(from_top) = found else { return };
        let closes_block = self.stack[depth - 1 - from_top..]
            .iter()
            .any(|e| e.is_block);
        if closes_block {
            self.flush();
        }
        self.stack.truncate(depth - 1 - from_top);
    }

    /// What a class, id, role or itemprop value says, remembered per page.
    fn hints_of(&mut self, value: Cow<'p, str>) -> Flags {
        let Cow::Borrowed(value) = value else {
            return Flags::from_attribute(&value);
        };
        if let Some(flags) = self.hints.get(value) {
            return *flags;
        }
        let flags = Flags::from_attribute(value);
        if self.hints.len() < MAX_REMEMBERED_HINTS {
            self.hints.insert(value, flags);
        }
        flags
    }

    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let link_chars = std::mem::take(&mut self.link_chars);
        self.link_start = None;
        let longest_link = std::mem::take(&mut self.longest_link);
        let item_title = std::mem::take(&mut self.item_title);
        // Most flushes hold only the whitespace between tags: no string for those.
        if self.buf.bytes().all(|b| b.is_ascii_whitespace()) {
            self.buf.clear();
            return;
        }
        let text = crate::block::normalize(&self.buf);
        if text.is_empty() {
            self.buf.clear();
            return;
        }
        let top = self.stack.last();
        let mut flags = top.map_or(Flags::empty(), |e| e.flags);
        if top.is_some_and(|e| e.hidden) {
            flags |= Flags::HIDDEN;
        }
        // A card's headline apart from its kicker, date and summary: the element
        // named its title, else, in a teaser box, its longest link. Other blocks spare
        // the copy.
        // Of a title element and a link, one inside the other, the inner one ("<h3
        // class="title"><a>Headline</a></h3>", "<a><span>Previous</span><span
        // class="title">Headline</span></a>"); side by side, the longer ("<strong
        // class="title">Related:</strong> <a>Headline</a>", "<h3 class="title">
        // Headline</h3> <a>Read more</a>").
        let has_link = longest_link.1 > longest_link.0;
        let len = |(start, end): (usize, usize)| end - start;
        let span = if item_title.1 > item_title.0 {
            let link_inside = item_title.0 <= longest_link.0 && longest_link.1 <= item_title.1;
            let title_inside = longest_link.0 <= item_title.0 && item_title.1 <= longest_link.1;
            let link_wins =
                has_link && (link_inside || !title_inside && len(longest_link) > len(item_title));
            Some(if link_wins { longest_link } else { item_title })
        } else {
            // A list item's link beside its author or summary ("<li><a>Headline</a>
            // <span>Author</span></li>"), as a magazine lists an issue's essays.
            let list_item = top.is_some_and(|e| e.block_tag == "li");
            ((flags.intersects(Flags::RELATED | Flags::TEASER) || list_item) && has_link)
                .then_some(longest_link)
        };
        let link_text = span
            .map(|(start, end)| crate::block::normalize(&self.buf[start..end]))
            .filter(|link| !link.is_empty() && link.len() < text.len());
        self.buf.clear();
        self.blocks.push(Block {
            text,
            tag: top.map_or("", |e| e.block_tag),
            heading: top.map_or(0, |e| e.heading),
            link_chars,
            link_text,
            flags,
            nearest: top.map_or(Flags::empty(), |e| e.nearest),
            depth: self.stack.len(),
            path: top.map_or(0, |e| e.path),
            ancestors: self.stack[self.stack.len().saturating_sub(MAX_ANCESTORS)..]
                .iter()
                .map(|e| e.id)
                .collect(),
        });
    }
}

/// Whether a link's target is a place on the page itself ("#what-is-a-hub"); a bare
/// "#" (a script's menu toggle) is not.
fn to_this_page(href: Option<&str>) -> bool {
    href.and_then(|h| h.trim().strip_prefix('#'))
        .is_some_and(|fragment| fragment.starts_with(|c: char| c.is_alphanumeric()))
}

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= 0xff;
    h.wrapping_mul(0x0100_0000_01b3)
}

/// An attribute's lowercased name and entity-decoded value, borrowed from the page
/// when they need no change (nearly always).
type Attribute<'p> = (Cow<'p, str>, Cow<'p, str>);

/// The attributes [`Builder::start_tag`] reads of every element (the first of each
/// name, as a browser reads a repeated one).
#[derive(Default)]
struct CommonAttributes<'a, 'p> {
    class: Option<&'a Cow<'p, str>>,
    id: Option<&'a Cow<'p, str>>,
    role: Option<&'a Cow<'p, str>>,
    itemprop: Option<&'a Cow<'p, str>>,
    rel: Option<&'a Cow<'p, str>>,
    href: Option<&'a Cow<'p, str>>,
    style: Option<&'a Cow<'p, str>>,
    aria_hidden: Option<&'a Cow<'p, str>>,
    hidden: bool,
}

/// Reads attributes from `from` (just after the tag name) to the closing `>`.
/// Returns the attributes, the position after `>`, and whether the tag ended in `/>`.
fn scan_attributes<'p>(
    page: &'p str,
    from: usize,
    attrs: &mut Vec<Attribute<'p>>,
) -> (usize, bool) {
    let bytes = page.as_bytes();
    let mut i = from;
    let mut self_closing = false;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        if i >= bytes.len() {
            return (bytes.len(), false);
        }
        if bytes[i] == b'>' {
            return (i + 1, self_closing);
        }
        self_closing = false;
        let name_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let name = lowercase(&page[name_start..i]);
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = Cow::Borrowed("");
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                match find_byte(bytes, i + 1, quote) {
                    Some(close) => {
                        value = decode_entities(&page[i + 1..close]);
                        i = close + 1;
                    }
                    None => {
                        // An unclosed quote: end the tag at the next '>' rather than
                        // swallowing the rest of the page.
                        let end = find_byte(bytes, i, b'>').map_or(bytes.len(), |g| g + 1);
                        return (end, false);
                    }
                }
            } else {
                let v_start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = decode_entities(&page[v_start..i]);
            }
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &str) -> Vec<String> {
        parse_html(page).0.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn blocks_follow_block_elements_and_br() {
        let page = "<html><body><div>Intro <b>bold</b> text<p>First &amp; <a href=x>linked</a></p>tail<br>after</div></body></html>";
        assert_eq!(
            texts(page),
            ["Intro bold text", "First & linked", "tail", "after"]
        );
    }

    #[test]
    fn scripts_styles_and_comments_are_invisible() {
        let page = "<p>a</p><script>if (a < b) { document.write('<p>x</p>') }</script><style>p{}</style><!-- <p>c</p> --><p>d</p>";
        assert_eq!(texts(page), ["a", "d"]);
    }

    #[test]
    fn metadata_is_collected() {
        let page = r#"<html lang="en-GB"><head><title>T &amp; U</title><meta property="og:title" content="OG"><meta name="author" content="Jane"></head><body><time datetime="2024-03-05T10:00">5 March</time></body></html>"#;
        let (_, m) = parse_html(page);
        assert_eq!(m.title.as_deref(), Some("T & U"));
        assert_eq!(m.meta[0], ("og:title".into(), "OG".into()));
        assert_eq!(m.times, ["2024-03-05T10:00"]);
        assert_eq!(m.lang.as_deref(), Some("en-gb"));
    }

    #[test]
    fn a_time_element_without_datetime_gives_its_text() {
        let page = r#"<article><h4>Sarah Knowles</h4><time class="article__datetime">
            22 June <b>2020</b>
        </time><p>Body</p><shreddit-post author="Kerch_Strait" created-timestamp="2026-03-03T09:47:05+0000"></shreddit-post></article>"#;
        let (blocks, m) = parse_html(page);
        assert_eq!(m.times, ["22 June 2020", "2026-03-03T09:47:05+0000"]);
        // The date is still the page's text as well.
        assert!(blocks.iter().any(|b| b.text == "22 June 2020"));
        let page = r#"<article><p>Body</p><div class="comments"><p>Good point</p><span>registered <time class="reg-date">Oct 16, 2012</time></span></div></article>"#;
        assert!(parse_html(page).1.times.is_empty());
    }

    #[test]
    fn a_reddit_posts_title_and_poster_and_microdatas_author_are_the_pages() {
        let page = r#"<shreddit-post post-title="Storm Shadow stocks: how many are left?" author="Kerch_Strait" created-timestamp="2026-03-03T09:47:05+0000"></shreddit-post>"#;
        let (_, m) = parse_html(page);
        assert_eq!(
            m.meta,
            [
                (
                    "og:title".to_string(),
                    "Storm Shadow stocks: how many are left?".to_string()
                ),
                ("author".to_string(), "Kerch_Strait".to_string())
            ]
        );
        let page = r#"<div class="post-signature owner"><div class="user-details" itemprop="author" itemscope><a href="/users/68293/pup">Pup</a><meta itemprop="name" content="Pup"/></div></div><div itemprop="author"><meta itemprop="name" content="Answerer"/></div>"#;
        let (_, m) = parse_html(page);
        assert_eq!(
            m.meta,
            [
                ("author".to_string(), "Pup".to_string()),
                ("name".to_string(), "Answerer".to_string())
            ]
        );
    }

    #[test]
    fn author_links_are_recorded() {
        let page = r#"<p>By <a href="/author/jane-roe/">Jane <b>Roe</b></a> and <a rel="author" href="/u/1">John Doe</a> with <a class=authors href=/staff/26/brian-truitt/>Brian Truitt</a></p><a href="/news/">News</a>"#;
        let (_, m) = parse_html(page);
        assert_eq!(m.author_links, ["Jane Roe", "John Doe", "Brian Truitt"]);
    }

    #[test]
    fn container_flags_and_links_are_recorded() {
        let page = r#"<nav class="main-menu"><ul><li><a href="/">Home</a></li></ul></nav><article><p>Body text</p></article>"#;
        let (blocks, _) = parse_html(page);
        assert!(blocks[0].flags.contains(Flags::NAV));
        assert_eq!(blocks[0].link_chars, 4);
        assert!(blocks[1].flags.contains(Flags::CONTENT));
        assert_eq!(blocks[1].tag, "p");
    }

    #[test]
    fn a_teaser_card_keeps_its_longest_link_apart() {
        let page = r#"<ul class="teaser-list"><li><span>Report</span> <a href="/a"><span>Letzter</span> <span>P-3C-Flug geplant</span></a> <a href="/b">Politik</a> <span>Nach fast zwei Jahrzehnten.</span></li><li><a href="/c">Only a link</a></li></ul><p>Text with <a href="/d">a link</a> in it.</p>"#;
        let (blocks, _) = parse_html(page);
        let links: Vec<Option<&str>> = blocks.iter().map(|b| b.link_text.as_deref()).collect();
        // A block that is all link, and one outside a teaser box, keep no copy.
        assert_eq!(links, [Some("Letzter P-3C-Flug geplant"), None, None]);
    }

    #[test]
    fn a_card_keeps_the_element_named_its_title_apart() {
        let card = |inner: &str| {
            let (blocks, _) = parse_html(&format!("<aside><ul><li>{inner}</li></ul></aside>"));
            blocks[0].link_text.clone()
        };
        // The whole card is one link: its title element, not its summary.
        assert_eq!(
            card(r#"<a href="/k9"><span class="card__title">Why Europe buys the K9</span><span class="card__summary">From Finland to Romania.</span></a>"#).as_deref(),
            Some("Why Europe buys the K9")
        );
        // A link inside the title element is the title; beside a short label named a
        // title, the link is; beside a "Read more" link, the title element is.
        assert_eq!(
            card(r#"<h3 class="teaser-headline">Kicker: <a href="/a">Frigate home after six weeks</a></h3><p>The crew is back.</p>"#).as_deref(),
            Some("Frigate home after six weeks")
        );
        assert_eq!(
            card(r#"<strong class="related__title">Related:</strong> <a href="/b">How to rent a car</a>"#).as_deref(),
            Some("How to rent a car")
        );
        assert_eq!(
            card(r#"<span class="title">Frigate home after six weeks</span> <a href="/c">Read more</a>"#).as_deref(),
            Some("Frigate home after six weeks")
        );
    }

    #[test]
    fn a_script_written_inside_a_script_does_not_end_it() {
        let page = r#"<script><!--
document.write('<script src="a.js"></script>');
var sidebar = 'right';
// --></script><p>Body text</p>"#;
        assert_eq!(texts(page), ["Body text"]);
        // Without the comment opener the first end tag ends the script, as in a
        // browser; so does a comment closed before it.
        assert_eq!(texts("<script>a = 1;</script><p>Body</p>"), ["Body"]);
        assert_eq!(
            texts("<script><!-- a = 1; --> document.write('<script></script>'); b();</script><p>Body</p>"),
            ["'); b();", "Body"]
        );
    }

    #[test]
    fn broken_markup_does_not_lose_text() {
        assert_eq!(
            texts("<p>a < b and c<d</p><p class=\"x>e</p>"),
            ["a < b and c", "e"]
        );
        assert_eq!(texts("<p>unclosed <!-- comment"), ["unclosed"]);
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let depth = 200_000;
        let page = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(texts(&page), ["text"]);
    }
}
