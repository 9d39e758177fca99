//! Article fields and typed defence entities from a stripped page.
//!
//! [`Extractor::extract`] takes what `dechaff-strip` decided about a page and returns
//! the [`Article`] that gold annotations also use: the fields read off the chaff around
//! the body (title, section, date, byline, credited sources, related links, embedded
//! posts), the body paragraphs, and the entities in the body with character offsets.
//!
//! Entities come from gazetteers kept as data files in `data/` (systems, organisations,
//! places, nationalities, people, designation prefixes), shape patterns (dates, amounts,
//! quantities, designations, coordinates, frequencies) and head-word and title rules.
//! Of overlapping candidates the longest wins, which is the annotation convention.
//!
//! ```
//! let extractor = dechaff_extract::Extractor::new();
//! let article = extractor.extract_text("Russia moved a Pantsir-S1 to Hmeimim Air Base.");
//! let names: Vec<&str> = article.entities.iter().map(|e| e.text.as_str()).collect();
//! assert!(names.contains(&"Hmeimim Air Base"));
//! ```

mod context;
mod dates;
mod entities;
mod error;
mod fields;
mod gazetteer;
mod header;
mod patterns;
mod style;

pub use dates::parse_date;
pub use error::Error;
pub use fields::Fields;
pub use style::Style;

use dechaff_schema::Article;
use dechaff_strip::Stripped;
use std::sync::OnceLock;
use std::time::Instant;

/// Reads fields and entities. Building one compiles the gazetteers and patterns, so
/// build it once and share it (it is `Send + Sync`); [`Extractor::shared`] does that.
pub struct Extractor {
    recognizer: entities::Recognizer,
}

impl Extractor {
    /// Builds the gazetteer and compiles every pattern, those of the fields too, so
    /// that the first page extracted pays for none of it.
    pub fn new() -> Extractor {
        fields::warm_up();
        Extractor {
            recognizer: entities::Recognizer::new(),
        }
    }

    /// A process-wide extractor, built on first use.
    pub fn shared() -> &'static Extractor {
        static SHARED: OnceLock<Extractor> = OnceLock::new();
        SHARED.get_or_init(Extractor::new)
    }

    /// The article of a stripped page.
    pub fn extract(&self, stripped: &Stripped) -> Article {
        // Without a deadline there is nothing to time out.
        self.extract_by(stripped, None).unwrap_or_default()
    }

    /// [`Extractor::extract`] with a time limit: an error once `deadline` has passed.
    ///
    /// The clock is read between fields and entities; both are linear in the body's
    /// length, so the call returns soon after the deadline, not exactly at it.
    pub fn extract_until(&self, stripped: &Stripped, deadline: Instant) -> Result<Article, Error> {
        self.extract_by(stripped, Some(deadline))
    }

    fn extract_by(&self, stripped: &Stripped, deadline: Option<Instant>) -> Result<Article, Error> {
        let started = Instant::now();
        let late = || deadline.is_some_and(|d| Instant::now() >= d);
        let f = fields::fields(stripped, self.recognizer.gazetteer());
        if late() {
            return Err(Error::timed_out("reading fields", started.elapsed()));
        }
        let paragraphs = stripped.paragraphs();
        let text = Article::join_paragraphs(&paragraphs);
        let entities = self.recognizer.entities(&text);
        if late() {
            return Err(Error::timed_out("finding entities", started.elapsed()));
        }
        let mut sources = f.sources;
        sources.extend(fields::credited_sources(
            &text,
            &entities,
            self.recognizer.gazetteer(),
        ));
        Ok(Article {
            title: f.title,
            section: f.section,
            published: f.published,
            byline: f.byline,
            sources: fields::one_name_per_outlet(
                fields::dedup(sources),
                self.recognizer.gazetteer(),
            ),
            related: f.related,
            embeds: f.embeds,
            paragraphs,
            text,
            entities,
        })
    }

    /// The article of a text taken whole as the body: `text` is `body` verbatim and
    /// entity offsets point into it. No fields are read.
    pub fn extract_text(&self, body: &str) -> Article {
        Article {
            entities: self.recognizer.entities(body),
            paragraphs: if body.is_empty() {
                Vec::new()
            } else {
                vec![body.to_string()]
            },
            text: body.to_string(),
            ..Article::default()
        }
    }

    /// Entities in `text`, offsets in characters.
    pub fn entities(&self, text: &str) -> Vec<dechaff_schema::Entity> {
        self.recognizer.entities(text)
    }

    /// Entities in `text` in the given annotation [`Style`].
    pub fn entities_styled(&self, text: &str, style: Style) -> Vec<dechaff_schema::Entity> {
        self.restyle(text, self.recognizer.entities(text), style)
    }

    /// Rewrites entities found in `text` (dechaff style) into `style`; an article's
    /// `entities` with its `text`.
    pub fn restyle(
        &self,
        text: &str,
        entities: Vec<dechaff_schema::Entity>,
        style: Style,
    ) -> Vec<dechaff_schema::Entity> {
        style::restyle(text, entities, style, self.recognizer.gazetteer())
    }
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}
