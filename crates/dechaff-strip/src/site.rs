//! Site memory: pages of one site repeat the same chaff (menus, footers, "About us"
//! boxes, newsletter pitches), word for word. Given several pages of a site, lines
//! that recur on most of them are boilerplate whatever they look like on one page.

use crate::{Document, Stripped};
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// Fewer pages than this say nothing about what repeats.
const MIN_PAGES: usize = 3;

/// A line on at least this share of a site's pages is the site's, not an article's.
const REPEAT_SHARE: f64 = 0.5;

/// If memory would take more than this share of a page's kept text, the page is most
/// likely a copy of another page of the batch (the same article under two addresses),
/// and memory is not applied to it.
const MAX_SHARE_REMOVED: f64 = 0.5;

/// What recurs across the pages of one site.
#[derive(Clone, Debug, Default)]
pub struct SiteMemory {
    pages: usize,
    /// Block text -> number of distinct pages it appears on.
    lines: HashMap<String, u32>,
    /// Fingerprints of the pages learnt, so that a page given twice counts once.
    fingerprints: HashSet<u64>,
}

impl SiteMemory {
    pub fn new() -> SiteMemory {
        SiteMemory::default()
    }

    /// Learns one page. A page identical to one already learnt is ignored: duplicates
    /// would make an article's own lines look like the site's.
    pub fn learn(&mut self, document: &Document) {
        let mut hasher = DefaultHasher::new();
        for b in &document.blocks {
            b.text.hash(&mut hasher);
        }
        if !self.fingerprints.insert(hasher.finish()) {
            return;
        }
        self.pages += 1;
        let unique: HashSet<&str> = document.blocks.iter().map(|b| b.text.as_str()).collect();
        for text in unique {
            *self.lines.entry(text.to_string()).or_insert(0) += 1;
        }
    }

    /// Distinct pages learnt.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// On how many pages `text` appears, when that makes it the site's boilerplate.
    pub fn repeated(&self, text: &str) -> Option<u32> {
        if self.pages < MIN_PAGES {
            return None;
        }
        let n = *self.lines.get(text)?;
        let needed = (self.pages as f64 * REPEAT_SHARE).max(MIN_PAGES as f64);
        (f64::from(n) >= needed).then_some(n)
    }

    /// Drops the kept blocks of `stripped` that are the site's boilerplate, each with
    /// its reason; returns how many were dropped. Leaves the page alone when memory
    /// would take most of its body (see [`MAX_SHARE_REMOVED`]).
    pub fn apply(&self, stripped: &mut Stripped) -> usize {
        let blocks = &stripped.document.blocks;
        let kept_chars: usize = stripped.body().map(|b| b.text.len()).sum();
        let hits: Vec<(usize, u32)> = blocks
            .iter()
            .zip(&stripped.decisions)
            .enumerate()
            .filter(|(_, (_, d))| d.body)
            .filter_map(|(i, (b, _))| self.repeated(&b.text).map(|n| (i, n)))
            .collect();
        let removed: usize = hits.iter().map(|&(i, _)| blocks[i].text.len()).sum();
        if hits.is_empty() || removed as f64 > kept_chars as f64 * MAX_SHARE_REMOVED {
            return 0;
        }
        for &(i, n) in &hits {
            let d = &mut stripped.decisions[i];
            d.body = false;
            // Empty unless the caller asked for reasons.
            if d.reason.is_empty() {
                continue;
            }
            d.reason = format!(
                "site memory: the same line is on {n} of {} pages of the site",
                self.pages
            );
        }
        hits.len()
    }
}

/// Site memories of a mixed batch, one per site: a page's site is the host of its own
/// canonical address ([`crate::HtmlMeta::site`]). Pages that do not name their address
/// (text dumps, pages without `rel="canonical"` or `og:url`) are neither learnt nor
/// touched.
#[derive(Clone, Debug, Default)]
pub struct SiteMemories {
    by_site: HashMap<String, SiteMemory>,
}

impl SiteMemories {
    pub fn new() -> SiteMemories {
        SiteMemories::default()
    }

    /// Learns one page into its site's memory.
    pub fn learn(&mut self, document: &Document) {
        if let Some(site) = document.meta.site() {
            self.by_site.entry(site).or_default().learn(document);
        }
    }

    /// Sites with enough pages for their memory to act.
    pub fn sites(&self) -> usize {
        self.by_site
            .values()
            .filter(|m| m.pages() >= MIN_PAGES)
            .count()
    }

    /// Applies the memory of the page's site, if any ([`SiteMemory::apply`]).
    pub fn apply(&self, stripped: &mut Stripped) -> usize {
        let site = stripped.document.meta.site();
        site.and_then(|s| self.by_site.get(&s))
            .map_or(0, |memory| memory.apply(stripped))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{strip, Options};

    fn page(story: &str) -> String {
        format!(
            "Home\n{story} The ministry confirmed the figures in a statement released on Tuesday evening.\nAbout Defence Wire: Defence Wire is an independent news service covering the armed forces of Europe since 2009.\n"
        )
    }

    #[test]
    fn lines_on_most_pages_are_dropped_and_copies_count_once() {
        let stories = [
            "The brigade completed its winter exercise near the border after three weeks in the field.",
            "Two frigates left the naval base for a six-month deployment to the eastern Mediterranean.",
            "The air force received its first batch of upgraded fighter jets from the factory this week.",
        ];
        let pages: Vec<String> = stories.iter().map(|s| page(s)).collect();
        let mut memory = SiteMemory::new();
        for p in &pages {
            memory.learn(&Document::parse(p, None));
        }
        // A copy of a page teaches nothing new.
        memory.learn(&Document::parse(&pages[0], None));
        assert_eq!(memory.pages(), 3);
        let mut stripped = strip(&pages[1], &Options::default());
        let about = "About Defence Wire";
        assert!(stripped.paragraphs().iter().any(|p| p.starts_with(about)));
        assert_eq!(memory.apply(&mut stripped), 1);
        let kept = stripped.paragraphs();
        assert!(!kept.iter().any(|p| p.starts_with(about)), "{kept:?}");
        assert!(kept[0].starts_with("Two frigates"));
    }

    /// An HTML page of `host` with a story and the site's footer line.
    fn html_page(host: &str, story: &str) -> String {
        format!(
            "<html><head><link rel=\"canonical\" href=\"https://www.{host}/news/1\"></head><body><main><p>{story} The ministry confirmed the figures in a statement released on Tuesday evening, and the commander spoke to reporters.</p><p>About {host}: an independent news service covering the armed forces of Europe since 2009, with reporters in six capitals.</p></main></body></html>"
        )
    }

    #[test]
    fn a_batch_learns_each_site_apart_by_its_canonical_host() {
        let stories = [
            "The brigade completed its winter exercise near the border after three weeks in the field.",
            "Two frigates left the naval base for a six-month deployment to the eastern Mediterranean.",
            "The air force received its first batch of upgraded fighter jets from the factory this week.",
        ];
        let mut memories = SiteMemories::new();
        for story in stories {
            memories.learn(&Document::parse(&html_page("wire.example", story), None));
        }
        // Another site with one page: its footer has not repeated anywhere.
        memories.learn(&Document::parse(
            &html_page("other.example", stories[0]),
            None,
        ));
        assert_eq!(memories.sites(), 1);
        let mut wire = strip(&html_page("wire.example", stories[1]), &Options::default());
        assert_eq!(memories.apply(&mut wire), 1);
        assert!(!wire.paragraphs().iter().any(|p| p.starts_with("About")));
        let mut other = strip(&html_page("other.example", stories[1]), &Options::default());
        assert_eq!(memories.apply(&mut other), 0);
    }

    #[test]
    fn too_few_pages_or_a_duplicate_page_change_nothing() {
        let mut memory = SiteMemory::new();
        let p = page("The brigade completed its winter exercise near the border after three weeks in the field.");
        memory.learn(&Document::parse(&p, None));
        let mut stripped = strip(&p, &Options::default());
        assert_eq!(memory.apply(&mut stripped), 0, "one page says nothing");
        // Three sites' worth of the same article: memory would take the whole body.
        let mut memory = SiteMemory::new();
        for extra in ["A", "B", "C"] {
            memory.learn(&Document::parse(&format!("{p}{extra}\n"), None));
        }
        assert_eq!(memory.apply(&mut stripped), 0);
    }
}
