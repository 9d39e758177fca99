//! Article fields from a stripped page: the body tells where the article is, and the
//! chaff around it holds the title, section, date, byline, credits and related links.

use crate::dates::{days_apart, parse_date, swapped, url_date};
use crate::gazetteer::Gazetteer;
use crate::header::{
    byline_of, forum_author_line, header, is_date_line, is_name_line, last_crumb, leading_name,
    section, without_permalink_mark, CRUMB_SEPARATORS, OTHER_ROLES, REPORTER_ROLES,
};
use dechaff_schema::{Embed, Entity, EntityType};
use dechaff_strip::{Block, CueKind, Decision, Flags, Format, Stripped};
use regex::Regex;
use std::sync::OnceLock;

/// The fields, before the body and entities join them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    pub title: Option<String>,
    pub section: Option<String>,
    pub published: Option<String>,
    pub byline: Option<String>,
    pub sources: Vec<String>,
    pub related: Vec<String>,
    pub embeds: Vec<Embed>,
}

struct FieldPatterns {
    dateline_agency: Regex,
    embed: Regex,
    related_prefix: Regex,
    /// The heading of a teaser list, alone on its line.
    list_heading: Regex,
    /// A newsletter's sign-off naming its writers ([`signed_off_by`]).
    sign_off: Regex,
    sign_off_de: Regex,
    attribution_prefix: Regex,
    reporter_place: Regex,
    /// List numbers and "Read more" before a related title ([`clean_related`]).
    related_lead: Regex,
    /// A date run into a related title from a neighbouring element.
    related_glued_date: Regex,
    /// A date at the end of a block, after a space ([`related_link_title`]).
    trailing_date: Regex,
    /// Wording of account, legal and support links, in lower case ([`is_interface_link`]).
    interface_link: Regex,
    /// Items of a list that are no article's title: a time stamp ("an hour ago") and
    /// the entries of a ticker or a video list, which open with a clock time or a
    /// running time ("09:14 Kenya shilling steady", "1:45 'We are not for sale'").
    not_a_title: Regex,
    /// A box's call to the reader among the teasers: a newsletter, an app, an event
    /// stand ("Get the top stories delivered to your inbox", "Scan the QR code to
    /// download", "Meet the team at DSEI — Stand S4-210").
    promotion: Regex,
    /// What runs into a name in a byline block from neighbouring inline elements
    /// ("Korin MillerPublished: Jan 29", "BeauHD on Friday"): [`clean_byline`].
    byline_tail: Regex,
}

/// A date as a list of teasers prints it after a headline: "Jan. 31, 2024", "26 Apr
/// 2025".
const LISTED_DATE: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}, \d{4}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}";

/// Compiles the field, date and byline patterns now (see [`crate::Extractor::new`]).
pub fn warm_up() {
    field_patterns();
    date_labels();
    crate::dates::warm_up();
    crate::header::warm_up();
}

fn field_patterns() -> &'static FieldPatterns {
    static P: OnceLock<FieldPatterns> = OnceLock::new();
    P.get_or_init(|| {
        // Constant patterns: a failure to compile is a build defect.
        let re = crate::patterns::compile;
        FieldPatterns {
            // "WARSAW, Sept 10 (Reuters) -", and a press-release wire's "SAN DIEGO, Oct.
            // 15, 2024 /PRNewswire/ --".
            // Without a dash: "MOSCOW, May 28. /TASS/. The ..." and, after a place in
            // capitals and a date, "NEW DELHI, Mar 11 (PTI) India ...".
            dateline_agency: re(r"^(?:(?:[^()]{0,80}\(([A-Za-z][A-Za-z.&/\- ]{1,30})\)|[^()/]{0,80}\s/([A-Za-z][A-Za-z.&\- ]{1,30})/)\s*[-–—]|[^()/]{0,80}\s/([A-Z][A-Za-z.&\- ]{1,30})/\.\s|[A-Z][A-Z .'-]{1,30}, [A-Z][a-z]{2,8}\.? \d{1,2},? \(([A-Z][A-Za-z]{1,12})\) [A-Z])"),
            embed: re(r"^(.*?)\s*((?:pic\.twitter\.com|https?://t\.co|https?://(?:www\.)?(?:twitter|x)\.com)/\S+?)?\s*[—–-]\s*([^—–()]{1,80}?)\s*\((@\w+)\)\s+(.+)$"),
            related_prefix: re(r"(?i)^[^:|–—]{0,40}[:|–—-]\s*"),
            sign_off: re(r"(?i)^(?:today['’]s|this|this week['’]s|this morning['’]s|tonight['’]s)(?: [\w-]+){0,2} (?:briefing|newsletter|edition|issue|email|e-mail|digest|brief|note)\s*(?::|was|has been)? ?(?:written|compiled|put together|prepared|reported) by (?P<names>(?-i:[A-Z])[^.;:()]{2,80}?)(?:,? (?:and |with )?(?:edited|produced|copy-edited) by\b.*|\.)?$"),
            sign_off_de: re(r"(?i)^(?:die|diese) (?:heutige |aktuelle )?(?:ausgabe|morgenlage|newsletter|briefing)(?: \S+)? (?:wurde|hat) von (?P<names>(?-i:[A-Z])[^.;:()]{2,80}?) (?:geschrieben|verfasst|zusammengestellt|erstellt)\b.*$"),
            list_heading: re(r"(?i)^(?:related(?: articles?| stories| posts| coverage| reading| news| fact[ -]checks| reports| analysis| explainers| videos)?|trending(?: now| stories| news)?|most (?:popular|read|viewed|shared|commented)(?: stories| articles| now| this week| today)?(?: in .{1,25})?|similar (?:topics|threads|content|articles|posts|stories)|also in .{1,30}|(?:more |other |latest )?releases from .{1,40}|popular(?: now| stories| posts)?(?: in .{1,25})?|read (?:more|next|also)|more (?:from|on|in) .{1,30}|(?:more|other|latest) (?:stories|news|headlines|articles|releases|fact[ -]checks|explainers)|also from .{1,30}|latest(?: news| stories| headlines| (?:on|from|in) .{1,30})?|recent (?:posts|entries|articles|stories|news)|recommended(?: for you| reading)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|(?:all|related) press releases|trending on .+|top stories|editor'?s picks|further reading|what to read next|don't miss|see also|meistgelesen|verwandte artikel|weitere (?:nachrichten|artikel|meldungen|themen|pressemitteilungen)(?: aus .{1,30})?|aktuelle pressemitteilungen|top-?themen|top themen|from (?:the|this) (?:same )?issue|from the [\w ]{1,20} issue|(?:also |more )?in this issue|(?:latest|recent|other|more) (?:press|news) releases|mehr zum thema|auch interessant|das könnte sie auch interessieren|(?:previous|earlier) (?:editions|issues|briefings|newsletters)|past editions|(?:frühere|vorherige|ältere|letzte) ausgaben)\s*:?$"),
            attribution_prefix: re(r"(?i)^(?:with (?:additional )?(?:files|reporting|information|material|contributions) (?:from|by)(?: the)?|with information (?:from|by)|information from|sources?|credits?|via|originally published (?:by|in|on)|this (?:article|story|report|page|post) (?:includes|contains) (?:additional )?reporting (?:from|by)|quellen?|mit (?:informationen|material) (?:von|aus)|mitarbeit|read more at|forwarded from|weitergeleitet von|mehr dazu (?:bei|in|im|auf)(?: der| dem| den)?|with)\s*[:：]?\s*"),
            reporter_place: re(r"\s+in\s+[A-Z][\w .’'-]*$"),
            related_lead: Regex::new(r"^(?:\d{1,2}[.)]\s+|(?i:read more|read also|also read)\s*:?\s+|(?i:previous|next) (?i:post|article|story|roundup|episode|issue|edition)\s*:\s+)")
                .expect("related prefix pattern compiles"),
            related_glued_date: Regex::new(&format!(r"(?:\p{{Ll}}|[?!’”])({LISTED_DATE})$"))
                .expect("glued date pattern compiles"),
            trailing_date: Regex::new(&format!(r"\s(?:{LISTED_DATE})$"))
                .expect("trailing date pattern compiles"),
            interface_link: re(r"opens? (?:in )?(?:a )?new (?:tab|window)|already a (?:subscriber|member)|(?-u:\b)(?:sign|log) ?(?:in|up)(?-u:\b)|privacy (?:policy|notice|settings)|terms of (?:use|service)|cookie (?:settings|policy|preferences)|^cookies on |^support (?:the|us)(?-u:\b)|^(?:privacy|terms|careers|contact us|about us)(?-u:\b)|^(?:über uns|impressum|datenschutz(?:erklärung)?|kontakt)$|^(?:official website of|hosted by|subscribe to|report a problem) |^was this page helpful|\(pdf(?-u:\b)|^(?:tel|phone|fax|e-?mail) ?:|©|^(?:tags?|topics?) ?:|^powered by |^get it on |^download on the |^contact for |^alle (?:artikel|nachrichten) |(?-u:\b)gmbh(?-u:\b)|& co\. kg|[0-9]+ [a-z .]+ (?:street|avenue|road|st\.|ave\.)(?-u:\b)|^(?:rue|via|calle) |^subscribe (?:for|now|today)(?-u:\b)|^call \+?[0-9(]|^for more information,? visit |^more news releases |^source [a-z0-9&.' -]+$|^[0-9]+k\+ |^in association with |^(?:sponsored|promoted|presented) by |(?-u:\b)is (?:a )?part of (?:the )?[a-z .&'-]{1,40} (?:media|group|network|publishing|newspapers?)(?: ltd| limited| inc\.?| plc)?$|^more [a-z .&'-]{1,40} (?:news|stories)$|^(?:view|see|show) (?:all|more)(?-u:\b)|^(?:alle|mehr) (?:meldungen|pressemitteilungen|news)(?: anzeigen)?$|(?-u:\b)(?:pdf|zip|jpe?g|png),? [0-9.,]+ ?[kmg]b\)?$|^diese (?:website|seite) verwendet cookies|^(?:this|our) (?:website|site) uses cookies"),
            not_a_title: re(r"(?i)^(?:(?:(?:updated|posted) )?(?:an?|\d+) (?:minute|hour|day|week)s? ago(?: [\d/:.+ ]*(?:[ap]m [\d/:.+ ]*)?)?|\d{1,2}:\d{2}\s.+)$"),
            promotion: re(r"(?i)(?-u:\b)(?:inbox|newsletters?|subscribe)(?-u:\b)|scan the qr code|^download (?:the|our|it|now)(?-u:\b)|wherever you are|delivered to your|stories of the day|first and in brief|^write to (?:the|us|our)(?-u:\b)|^meet (?:the|our) .{1,40} at |(?-u:\b)stand [a-z]?[0-9]"),
            byline_tail: Regex::new(concat!(
                r"(?:\s*[·•|]\s*|\s+(?:on|at)\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|",
                r"\s*\b(?:Published|Updated|Posted|Last updated|Sponsored|Read more|Follow)\b|",
                r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b|",
                r"(?-u:\B)(?:Published|Updated|Posted|In\s|On\s|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|",
                r",\s*(?:[A-Za-z]+\s+){0,2}(?:[Ee]ditor|[Ww]riter|[Rr]eporter|[Cc]orrespondent|[Cc]ontributor|[Cc]olumnist|[Pp]roducer|[Aa]nalyst)\b).*$"
            ))
            .expect("byline tail pattern compiles"),
        }
    })
}

/// Body blocks after which a date line no longer belongs to the article's header.
const HEADER_BODY_BLOCKS: usize = 3;

/// How many body blocks the dateline ("WARSAW, Sept 10 (Reuters) -") is sought in: a
/// wire story may open with a few key-point lines above it.
const DATELINE_BLOCKS: usize = 6;

/// Reads every field off the page.
/// Whether `name` is a press release's issuer, which a wire prints under "News provided
/// by" (or "Issued by") and closes the release with ("SOURCE Hanwha Aerospace"): the
/// organisation the release is from, no byline (annotations/README.md).
fn is_issuer(name: &str, blocks: &[Block]) -> bool {
    // The cheap comparisons first: the label test lowercases its line.
    blocks.iter().enumerate().any(|(i, b)| {
        b.text.strip_prefix("SOURCE ") == Some(name)
            || (blocks.get(i + 1).is_some_and(|next| next.text == name)
                && crate::header::is_issuer_label(&b.text))
            || b.text
                .strip_suffix(name)
                .is_some_and(|head| crate::header::is_issuer_label(head.trim()))
    })
}

pub fn fields(stripped: &Stripped, gazetteer: &Gazetteer) -> Fields {
    let blocks = &stripped.document.blocks;
    let decisions = &stripped.decisions;
    let first_body = decisions
        .iter()
        .position(|d| d.body)
        .unwrap_or(blocks.len());
    let before_body = &blocks[..first_body];
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            stripped
                .document
                .meta
                .meta
                .iter()
                .find(|(key, v)| key == k && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())
        })
    };
    let is_html = stripped.document.format == Format::Html;

    let head = header(before_body, &decisions[..first_body]);
    let title = if is_html {
        html_title(stripped, &meta)
    } else {
        // A newsletter prints its own name twice above the post, as a thread prints
        // its title: the header zone's headline then.
        let not_site = |t: &String| !names_the_site(blocks, decisions, t);
        text_title(blocks, decisions, first_body, head.title.clone())
            .filter(not_site)
            .or_else(|| repeated_headline(blocks, decisions, first_body).filter(not_site))
            .or(head.title.filter(not_site))
    }
    .map(without_breadcrumb)
    .map(without_permalink_mark);

    let shown = section(before_body, &decisions[..first_body], title.as_deref());
    // The declared section, unless the page shows a narrower one under it ("World /
    // Europe" above the headline, where the meta tag says "World"): the label is
    // scored as displayed.
    // Declared in a meta tag, schema.org microdata or JSON-LD.
    let declared = meta(&["article:section", "articlesection"])
        .or_else(|| json_ld_field(stripped, "articleSection"));
    let section = match (declared, shown) {
        (Some(declared), Some(shown))
            if last_crumb(&shown) != shown
                && shown.to_lowercase().starts_with(&declared.to_lowercase()) =>
        {
            Some(last_crumb(&shown).to_string())
        }
        // The page's own title names the shown section ("Brazil's first new frigate |
        // Brazil | The Albion Courier" over a meta tag's "World news").
        (Some(_), Some(shown))
            if title_tag_names(stripped.document.meta.title.as_deref(), last_crumb(&shown)) =>
        {
            Some(last_crumb(&shown).to_string())
        }
        // The same words, printed otherwise ("Aerospace, Defense" declared, "Aerospace &
        // Defense" shown): as displayed.
        (Some(declared), Some(shown)) if same_words(&declared, &shown) => Some(shown),
        (Some(declared), _) => Some(declared),
        (None, shown) => shown,
    }
    // A newsletter's name over its posts is the site, not a section.
    .filter(|s| {
        !meta(&["og:site_name", "application-name"]).is_some_and(|n| n.eq_ignore_ascii_case(s))
            && !names_the_site(blocks, decisions, s)
    });

    // The header zone: above the body and its first few blocks.
    let header_end = decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.body)
        .nth(HEADER_BODY_BLOCKS)
        .map_or(blocks.len(), |(i, _)| i);
    let published = meta(&[
        "article:published_time",
        "datepublished",
        "og:published_time",
        "publish-date",
        "pubdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "parsely-pub-date",
        "sailthru.date",
        "published-date",
        "article.published",
        "date.published",
        "datecreated",
        "dc.date.created",
        "ms.date",
        "published",
        "publishdate",
        "publish_date",
        "date_published",
        "article:published",
    ])
    .and_then(|d| parse_date(&d))
    // Of several time elements (a list of events or posts around the article), the one
    // whose date the header shows nearest the body's start; else the first.
    .or_else(|| {
        let times: Vec<String> = stripped
            .document
            .meta
            .times
            .iter()
            .filter_map(|t| parse_date(t))
            .collect();
        if times.len() > 1 {
            let nearest_first = before_body
                .iter()
                .rev()
                .chain(&blocks[first_body..header_end]);
            let shown = nearest_first
                .filter(|b| !b.nearest.intersects(Flags::COMMENT))
                .filter_map(|b| parse_date(&b.text))
                .find(|d| times.contains(d));
            if shown.is_some() {
                return shown;
            }
        }
        times.into_iter().next()
    })
    // A forum thread's date is its opening post's, not an author card's "Joined": it
    // is sought from the author line on, which may open the body zone ("by Outer
    // Armatonisdaristan » Tue Aug 27, 2019 1:47 am" under a title the classifier
    // kept). Without an author line, the first date above the body.
    .or_else(|| {
        let header = &blocks[..header_end];
        forum_author_line(header).and_then(|from| {
            header[from..]
                .iter()
                .filter(|b| !is_profile_date(&b.text))
                .find_map(|b| parse_date(&b.text))
        })
    })
    .or_else(|| opening_post_date(blocks))
    .or_else(|| {
        before_body
            .iter()
            .filter(|b| !is_profile_date(&b.text))
            .find_map(|b| parse_date(&b.text))
    })
    .or_else(|| json_ld_field(stripped, "datePublished").and_then(|d| parse_date(&d)))
    // A date line among the first blocks of the body zone ("Published" / "Feb 2,
    // 2023" under an intro the classifier kept): still the article's header, not yet
    // the comments or teasers, whose dates come later.
    .or_else(|| {
        blocks[first_body..header_end]
            .iter()
            .zip(&decisions[first_body..header_end])
            // Kept as body or not: a short date line is no paragraph of the article.
            .filter(|(b, _)| is_date_line(&b.text))
            .find_map(|(b, _)| parse_date(&b.text))
            .or_else(|| {
                blocks[first_body..header_end]
                    .iter()
                    .find_map(|b| labelled_date(&b.text))
            })
    })
    // A date the page labels as its own ("Published On: 15 August 2025", "Posted on
    // April 13, 2023"), wherever the template puts it: some print it under the article.
    // Outside the body and outside comments, whose posts carry dates of their own.
    .or_else(|| {
        blocks
            .iter()
            .zip(decisions)
            .filter(|(b, d)| !d.body && !b.nearest.intersects(Flags::COMMENT))
            .find_map(|(b, _)| labelled_date(&b.text))
    })
    // The label on a line of its own, the date on the next ("Published" / "Feb 2,
    // 2023").
    .or_else(|| {
        blocks.windows(2).zip(decisions).find_map(|(pair, d)| {
            (!d.body
                && !pair[0].nearest.intersects(Flags::COMMENT)
                && is_date_label(&pair[0].text)
                && is_date_line(&pair[1].text))
            .then(|| parse_date(&pair[1].text))
            .flatten()
        })
    })
    // A messenger channel's post prints its date under its text, among its view
    // count and its clock time: the first date line right under the body, once such
    // a line says this is the post's footer. (Any date line under the body was wrong
    // more often than right on WCXB's pages: an update, a comment, a teaser.)
    .or_else(|| {
        let last_body = decisions.iter().rposition(|d| d.body)?;
        let footer: Vec<&Block> = blocks[last_body + 1..]
            .iter()
            .zip(&decisions[last_body + 1..])
            .take(POST_FOOTER_REACH)
            .take_while(|(b, d)| d.cue != Some(CueKind::Close) && !is_list_heading(&b.text))
            .map(|(b, _)| b)
            .collect();
        let date = footer
            .iter()
            .position(|b| is_date_line(&b.text) && has_year(&b.text))?;
        footer[..date]
            .iter()
            .any(|b| is_post_stamp(&b.text))
            .then(|| parse_date(&footer[date].text))
            .flatten()
    })
    // A page that states only when it was last changed: that is the date it shows.
    .or_else(|| {
        meta(&[
            "article:modified_time",
            "last-modified",
            "og:updated_time",
            "datemodified",
        ])
        .and_then(|d| parse_date(&d))
    })
    .or_else(|| json_ld_field(stripped, "dateModified").and_then(|d| parse_date(&d)));
    // A numeric date whose day and month could be read either way ("09.10.2024" on a
    // US site) is read the way the page's structured data says, when it says.
    let published = published.map(|date| {
        swapped(&date)
            .filter(|other| {
                json_ld_field(stripped, "datePublished").and_then(|d| parse_date(&d))
                    == Some(other.clone())
            })
            .unwrap_or(date)
    });
    // A time stamp in UTC can fall on the next day, or the one before, of the date the
    // site printed: the date in the page's own address ("/2025/12/18/") is the local one.
    let published = match (
        published,
        meta(&["og:url", "twitter:url", "canonical"]).and_then(|u| url_date(&u)),
    ) {
        (Some(date), Some(local)) if days_apart(&date, &local) == Some(1) => Some(local),
        // "03/10/2023" under "/2023/october/03/": a British site's day comes first.
        (Some(date), Some(local)) if swapped(&date).as_ref() == Some(&local) => Some(local),
        (published, _) => published,
    };

    // The byline as the page displays it ("A and B") beats the meta tag ("A, B").
    // Each source's candidate is cleaned and checked before the next source is asked:
    // a JSON-LD author of ", USA TODAY" is a credit, and the link to the staff page
    // still names the writer.
    let usable = |b: String| {
        clean_byline(&b)
            .map(|b| without_trailing_place(b, gazetteer))
            .map(crate::header::without_role)
            // "dpa/AFP" credits news agencies, which are sources, not authors.
            .filter(|b| !is_agency_credit(b, gazetteer))
    };
    let byline = head
        .byline
        .and_then(usable)
        .or_else(|| {
            before_body
                .iter()
                .filter(|b| b.flags.intersects(Flags::AUTHOR | Flags::META))
                .find_map(|b| {
                    // "AFP By Rana Haddad Published June 7": the name after "By".
                    match b.text.find("By") {
                        Some(at) => byline_of(&b.text[at..]),
                        None if b.flags.contains(Flags::AUTHOR) => leading_name(&b.text),
                        // A meta line ("Taras Melnyk 2 days ago"): a name followed by
                        // a date or a count, not a label such as "Use Case".
                        None => leading_name(&b.text).filter(|name| {
                            b.text[name.len().min(b.text.len())..]
                                .chars()
                                .any(|c| c.is_ascii_digit())
                        }),
                    }
                })
                .and_then(usable)
        })
        .or_else(|| {
            meta(&["author", "article:author", "parsely-author", "dc.creator"])
                .filter(|a| !a.starts_with("http"))
                .and_then(usable)
        })
        .or_else(|| json_ld_author(stripped).and_then(usable))
        // A forum's author line that opens the body zone, as its date does above.
        .or_else(|| {
            forum_author_line(&blocks[..header_end])
                .and_then(|i| byline_of(&blocks[i].text))
                .and_then(usable)
        })
        // A dated byline line that opens the body zone ("Posted by BeauHD on Friday
        // December 19, 2025 @08:00PM"), which the classifier kept with the story: the
        // date tells it from a sentence that opens with "By".
        .or_else(|| {
            blocks[first_body..header_end]
                .iter()
                .filter(|b| {
                    !b.nearest.intersects(Flags::COMMENT)
                        && b.text.split_whitespace().count() <= DATED_BYLINE_WORDS
                        && parse_date(&b.text).is_some()
                })
                .find_map(|b| byline_of(&b.text))
                .and_then(usable)
        })
        // A link to the author's page ("/author/jane-roe"), as many CMSs print the
        // byline: its text, when it is a name.
        .or_else(|| {
            stripped
                .document
                .meta
                .author_links
                .iter()
                .find(|t| is_name_line(t))
                .cloned()
                .and_then(usable)
        })
        // A newsletter signs off under its items: "Today's briefing was written by X
        // and edited by Y", "Die heutige Ausgabe wurde von X geschrieben".
        .or_else(|| {
            blocks[first_body..]
                .iter()
                .find_map(|b| signed_off_by(&b.text))
                .and_then(usable)
        });

    // A role run into the name from a span of its own ("Hélène Marchetti Director,
    // ..."), where the page declares the name alone (its meta tag, its JSON-LD, the
    // link to the author's page): the declared name. Not more names after it ("A and
    // B" declared as "A").
    let byline = byline.map(|b| {
        meta(&["author", "article:author", "parsely-author", "dc.creator"])
            .into_iter()
            // Lazily: the page's JSON-LD is searched only if the meta tags did not
            // answer.
            .chain(std::iter::once_with(|| json_ld_author(stripped)).flatten())
            .chain(stripped.document.meta.author_links.iter().cloned())
            .find(|name| {
                b.strip_prefix(name.as_str())
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| {
                        // The name printed twice (a card's link and its text).
                        rest == name
                            || rest.starts_with(char::is_uppercase)
                                && !rest.contains('&')
                                && !rest.contains(" and ")
                                && !rest.contains(" und ")
                                && !rest.split([' ', ',']).any(crate::context::is_given_name)
                    })
            })
            .unwrap_or(b)
    });
    let byline = byline.filter(|b| !is_issuer(b, blocks));
    let section = section.filter(|s| !is_the_posters_handle(s, byline.as_deref()));

    let mut sources = Vec::new();
    let mut related = Vec::new();
    let mut embeds = Vec::new();
    let p = field_patterns();
    let mut other_list: Option<u32> = None;
    // The parent of the last related title, when that title was a heading.
    let mut card_heading: Option<u32> = None;
    let parent_of = |b: &Block| b.ancestors.iter().rev().nth(1).copied();
    // A newsletter platform's post is a newsletter from top to bottom (Substack's
    // `newsletter-post`): when every body block says so, the hint marks no box around
    // a post it embeds ("Iron Dome at twelve"), whose title is then a related one.
    // (Exempting every hint the body carries, for every link, let in the links of
    // pages laid out inside a header or footer container; exempting this one for every
    // link, a newsletter's job ads and "Click here" lines.)
    let page_hints = stripped
        .body()
        .map(|b| b.flags)
        .reduce(Flags::and)
        .unwrap_or(Flags::empty())
        .and(Flags::NEWSLETTER);
    for (b, d) in blocks.iter().zip(decisions) {
        match d.cue {
            Some(CueKind::Attribution) => sources.extend(
                attribution_names(&b.text)
                    .into_iter()
                    .filter(|name| names_a_source(name, gazetteer)),
            ),
            Some(CueKind::Related) => {
                let title = p.related_prefix.replace(&b.text, "").trim().to_string();
                if !title.is_empty() {
                    related.push(Related::Cued(title));
                }
            }
            Some(CueKind::Embed) => embeds.extend(embed_of(&b.text)),
            _ => {}
        }
        // Under "Programme" or "Media contact", a box of the site's own pages or
        // names, as far as the heading's container reaches.
        if is_other_list_heading(&b.text) {
            other_list = b.ancestors.iter().rev().nth(1).copied();
            continue;
        }
        if other_list.is_some_and(|id| !b.ancestors.contains(&id)) || is_list_heading(&b.text) {
            other_list = None;
        }
        let in_other_list = other_list.is_some();
        // A list's own heading ("More on Land Systems", "You might also like") is a cue
        // line, not a title.
        if !d.body && is_html && d.cue.is_none() && !in_other_list {
            // A card's lead under its headline, in the same link: "Greenland,
            // Pituffik and the US radar chain" over "Why a Cold War base matters
            // again."
            let lead =
                b.heading == 0 && card_heading.is_some_and(|parent| parent_of(b) == Some(parent));
            match related_link_title(b, page_hints) {
                Some(title) if !lead => {
                    related.push(Related::Found(title.to_string()));
                    card_heading = (b.heading > 0).then(|| parent_of(b)).flatten();
                }
                _ => card_heading = None,
            }
        }
    }
    if !is_html {
        related.extend(teaser_titles(blocks, decisions));
    }
    let mut related = clean_related(related, gazetteer);
    // A table of contents links the article's own subheadings, and a list of the
    // site's latest stories may hold the article itself: neither relates to it.
    related.retain(|t| !stripped.body().any(|b| b.text == *t) && title.as_deref() != Some(t));
    // The dateline opens the article, though a caption or a standfirst kept as body may
    // come first.
    // Further down, a live page's entries open with datelines of their own, whose
    // place is printed in capitals ("DUBAI, April 13 (Harbour Wire) -").
    let datelines = stripped.body().enumerate().filter_map(|(i, b)| {
        let c = p.dateline_agency.captures(&b.text)?;
        (i < DATELINE_BLOCKS || opens_with_place_in_capitals(&b.text)).then_some(c)
    });
    let mut at = 0;
    for c in datelines {
        // "(Reuters) -", "(dpa/AFP) –": each agency; a lowercase one only when it is
        // short like an agency's initials ("dpa"), so "(see below) -" is none.
        let credited = (1..=4).find_map(|g| c.get(g)).map_or("", |m| m.as_str());
        let agencies = credited.split('/').map(str::trim).filter(|a| {
            a.starts_with(char::is_uppercase)
                || a.len() <= 4 && a.chars().all(|c| c.is_ascii_alphabetic())
        });
        for agency in agencies {
            sources.insert(at, agency.to_string());
            at += 1;
        }
    }
    Fields {
        title,
        published,
        byline,
        sources: dedup(sources),
        related: related_titles(related, section.as_deref()),
        section,
        embeds,
    }
}

/// The related titles found, each once, without interface lines and without the
/// section's own label, which a list of links repeats as navigation, not as a headline.
fn related_titles(found: Vec<String>, section: Option<&str>) -> Vec<String> {
    dedup(
        found
            .into_iter()
            .filter(|t| !is_interface_line(t))
            .filter(|t| !section.is_some_and(|s| s.eq_ignore_ascii_case(t)))
            .collect(),
    )
}

/// A line that speaks to the reader, shouts or runs the board, which no headline in a
/// list does: a forum's posting rules ("You may not post new threads"), a reading
/// notice ("You're reading WL24 in your browser"), list headings run together in
/// capitals ("RELATED ARTICLESMORE FROM AUTHOR"), a board's settings ("BB code is On",
/// "Smilies are Off"), its replies and who is browsing it.
fn is_interface_line(text: &str) -> bool {
    let shouted = text.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && !text.chars().any(char::is_lowercase);
    // A board's own links: a reply's subject ("Re: ...") and the way back to the
    // board ("Return to “Taiwan Strait”").
    let to_the_reader = ["You ", "You're ", "You’re ", "Re: ", "Return to "]
        .iter()
        .any(|p| text.starts_with(p));
    let setting = [" is On", " is Off", " are On", " are Off"]
        .iter()
        .any(|s| text.ends_with(s));
    // "Recently Browsing 0 members", "12 users online": who is on the board.
    let mut last = text.split_whitespace().rev();
    let (noun, number) = match (last.next(), last.next()) {
        (Some("online"), Some(noun)) => (noun, last.next()),
        (Some(noun), number) => (noun, number),
        _ => ("", None),
    };
    let presence = matches!(noun, "members" | "users" | "guests" | "visitors")
        && number.is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    shouted || to_the_reader || setting || presence
}

/// The writers a newsletter's sign-off names ("Today's briefing was written by Ellen
/// Whitcombe and edited by Marcus Oyelaran." gives "Ellen Whitcombe"; "Die heutige
/// Ausgabe wurde von Jonas Breitkreuz geschrieben" gives "Jonas Breitkreuz"); editors
/// are not authors.
fn signed_off_by(text: &str) -> Option<String> {
    let p = field_patterns();
    let c = p
        .sign_off
        .captures(text)
        .or_else(|| p.sign_off_de.captures(text))?;
    let names = c.name("names")?.as_str().trim();
    names
        .split([',', '&'])
        .flat_map(|g| g.split(" and ").flat_map(|g| g.split(" und ")))
        .all(|who| is_name_line(who.trim()))
        .then(|| names.to_string())
}

/// Whether a byline names news agencies only ("dpa/AFP", "Reuters and AP").
fn is_agency_credit(byline: &str, gazetteer: &Gazetteer) -> bool {
    byline
        .split(['/', ',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .all(|part| gazetteer.is_media(part))
}

/// Whether two labels hold the same words, whatever joins them ("Aerospace, Defense",
/// "Aerospace & Defense", "Aerospace and Defense").
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("and"))
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

/// Whether a `<title>` of parts ("Headline | Section | Site") has `section` as a part
/// after the headline.
fn title_tag_names(title: Option<&str>, section: &str) -> bool {
    const SEPARATORS: [&str; 4] = [" | ", " – ", " — ", " - "];
    let Some(title) = title else { return false };
    SEPARATORS.iter().any(|sep| {
        title
            .split(sep)
            .skip(1)
            .any(|part| part.trim().eq_ignore_ascii_case(section))
    })
}

/// Whether the page calls `name` its own ("Thanks for reading Blue Water Brief!",
/// "Subscribe to Southern Flank to keep reading", "Discover more from ..."), as
/// newsletters and blogs print it in the boxes around each post: the name after such a
/// phrase, then a punctuation mark or a following "to"/"for"/"and". Only the chaff is
/// searched, for this one name: the body is the post, not the site's boxes.
fn names_the_site(blocks: &[Block], decisions: &[Decision], name: &str) -> bool {
    const PHRASES: [&str; 5] = [
        "thanks for reading ",
        "subscribe to ",
        "discover more from ",
        "welcome to ",
        "support ",
    ];
    if name.is_empty() {
        return false;
    }
    let finder = memchr::memmem::Finder::new(name);
    blocks
        .iter()
        .zip(decisions)
        .filter(|(_, d)| !d.body)
        .any(|(b, _)| {
            let text = b.text.as_str();
            finder.find_iter(text.as_bytes()).any(|at| {
                let after = &text[at + name.len()..];
                let phrase = PHRASES
                    .iter()
                    .any(|p| ends_with_ignore_case(&text[..at], p));
                let whole = after.is_empty()
                    || after.starts_with(|c: char| !c.is_alphanumeric() && c != ' ')
                    || [" to ", " for ", " and "]
                        .iter()
                        .any(|w| after.starts_with(w));
                phrase && whole
            })
        })
}

/// Words a page puts before its own date.
const DATE_LABELS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "last updated",
    "last modified",
    "originally published",
    "veröffentlicht",
    "aktualisiert",
];

/// `DATE_LABELS` as one automaton, any case: this runs on many lines per page.
fn date_labels() -> &'static aho_corasick::AhoCorasick {
    static A: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    A.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(DATE_LABELS)
            // A constant list of plain words: a failure is a build defect.
            .expect("date labels compile")
    })
}

/// A line that is nothing but a date label ("Published", "Last updated:").
fn is_date_label(text: &str) -> bool {
    is_label_of(text, DATE_LABELS)
        || is_label_of(text, &["posted on", "published on", "updated on"])
}

/// A poster's handle over a thread's title ("EuroStepJam") is its author, not its
/// section: a one-word section that is the byline. (A label of several words that the
/// byline also took may be either.)
fn is_the_posters_handle(section: &str, byline: Option<&str>) -> bool {
    !section.contains(' ') && byline == Some(section)
}

/// A dated byline line has at most this many words ("Posted by X on <date> from the
/// Y dept.").
const DATED_BYLINE_WORDS: usize = 25;

/// A vBulletin thread's date: the line just before its opening post's number ("30th
/// March 2025, 16:26", "#1 | Link"). Sought on the whole page, because the forum's
/// welcome box above the thread may have opened the body zone.
fn opening_post_date(blocks: &[Block]) -> Option<String> {
    let first = blocks.iter().position(|b| is_first_post_number(&b.text))?;
    blocks[first.saturating_sub(2)..first]
        .iter()
        .rev()
        .find(|b| is_date_line(&b.text))
        .and_then(|b| parse_date(&b.text))
}

/// "#1", "#1 | Link": the number of a thread's first post, not "#12" or a hashtag.
fn is_first_post_number(text: &str) -> bool {
    text.strip_prefix("#1")
        .is_some_and(|rest| rest.len() <= 12 && !rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// A line that dates a member or an organisation, not the page: an author card's
/// "Joined: Mar 2016", a group's "Founded: Dec 11, 2021".
fn is_profile_date(text: &str) -> bool {
    const LABELS: [&str; 7] = [
        "joined",
        "join date",
        "member since",
        "registered",
        "founded",
        "established",
        "birthday",
    ];
    let head = text.trim_start();
    LABELS.iter().any(|l| starts_with_ignore_case(head, l))
}

/// A line this long is prose that mentions a date, not a label with one.
const LABELLED_DATE_MAX_WORDS: usize = 16;
/// The same in bytes, the cheaper test, tried first (sixteen long words).
const LABELLED_DATE_MAX_BYTES: usize = 200;

/// The date of a short line that labels it as the page's ("Updated: 10/31/2024",
/// "By Jane Roe · Updated November 18, 2025"): the label must come before the date.
fn labelled_date(text: &str) -> Option<String> {
    // The cheap refusals first: this runs on every line outside the body of a page
    // whose metadata gave no date. Every date form has a digit.
    if text.len() > LABELLED_DATE_MAX_BYTES
        || !text.bytes().any(|b| b.is_ascii_digit())
        || text
            .split_whitespace()
            .nth(LABELLED_DATE_MAX_WORDS)
            .is_some()
    {
        return None;
    }
    let label_at = date_labels().find(text)?.start();
    let date = parse_date(text)?;
    // The date's own position: the first digit after the label.
    let digit_at = text[label_at..].find(|c: char| c.is_ascii_digit())? + label_at;
    let between = &text[label_at..digit_at];
    // "Published in Defense News on 3 May": the label and its date stay close.
    (between.split_whitespace().count() <= 4).then_some(date)
}

/// The string value that follows `"key":` in `text`. A plain search, not a JSON
/// parse: sites ship JSON-LD that is not valid JSON often enough.
fn string_after_key<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let needle = format!("\"{key}\"");
    let at = text.find(&needle)? + needle.len();
    let value = text[at..].trim_start().strip_prefix(':')?.trim_start();
    let value = value.strip_prefix('"')?;
    Some(&value[..value.find('"')?])
}

/// The first string value of `key` in the page's JSON-LD blocks.
fn json_ld_field(stripped: &Stripped, key: &str) -> Option<String> {
    let blocks = &stripped.document.meta.json_ld;
    blocks
        .iter()
        .find_map(|b| string_after_key(b, key))
        .map(str::to_string)
}

/// How far after `"author"` its `"name"` may stand.
const AUTHOR_NAME_REACH: usize = 400;

/// The first author name in the page's JSON-LD (`"author": {"name": ...}` or a list
/// of such objects).
fn json_ld_author(stripped: &Stripped) -> Option<String> {
    stripped.document.meta.json_ld.iter().find_map(|block| {
        let at = block.find("\"author\"")?;
        // Cut the reach on a character boundary: a byte offset may fall inside one.
        let mut end = block.len().min(at + AUTHOR_NAME_REACH);
        while !block.is_char_boundary(end) {
            end -= 1;
        }
        let name = string_after_key(&block[at..end], "name")?.trim();
        (!name.is_empty()).then(|| name.to_string())
    })
}

pub fn dedup(items: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|s| !s.is_empty() && seen.insert(s.to_lowercase()))
        .collect()
}

/// An HTML page's title: the `<h1>` that agrees with the page's declared title, else
/// the declared title without its site-name suffix.
/// The part of `heading` after a kicker in capitals, when that part is `declared` (in
/// any case).
fn after_capitals_kicker<'h>(heading: &'h str, declared: &str) -> Option<&'h str> {
    let start = heading.len().checked_sub(declared.len())?;
    let (kicker, rest) = (heading.get(..start)?, heading.get(start..)?);
    // Two words at least: a lone acronym opens many headlines ("NATO allies ...").
    let kicker_in_capitals = kicker.split_whitespace().nth(1).is_some()
        && dechaff_strip::in_capitals(kicker)
        && kicker.ends_with(' ');
    (kicker_in_capitals && rest.to_lowercase() == declared.to_lowercase()).then_some(rest)
}

fn html_title(stripped: &Stripped, meta: &dyn Fn(&[&str]) -> Option<String>) -> Option<String> {
    // Collapsed as block text is: "Headline&nbsp;|&nbsp;Site" splits on its separator.
    let collapse = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let declared = meta(&["og:title", "twitter:title"])
        .or_else(|| stripped.document.meta.title.clone())
        .map(collapse)
        .filter(|t| !t.is_empty());
    let h1s: Vec<&Block> = stripped
        .document
        .blocks
        .iter()
        .filter(|b| b.heading == 1 && !b.nearest.intersects(Flags::CHAFF))
        .collect();
    let site = meta(&["og:site_name", "application-name"]);
    let host = declared_host(meta);
    if let Some(declared) = &declared {
        let d = declared.to_lowercase();
        // The declared title without its site name: an <h1> that only repeats the
        // site's name ("Pacific Armour Forum" of "First Abrams arrive - Pacific Armour
        // Forum") is the masthead, not the headline.
        let head = strip_site_name(declared, site.as_deref(), host.as_deref()).to_lowercase();
        let only_the_site = |h: &Block| {
            let t = h.text.to_lowercase();
            head != d && !head.contains(&t) && d[head.len()..].contains(&t)
        };
        let h1s: Vec<&Block> = h1s.into_iter().filter(|h| !only_the_site(h)).collect();
        if let Some(h) = h1s.iter().find(|h| {
            let t = h.text.to_lowercase();
            d.contains(&t) || t.contains(&d)
        }) {
            // A headline that repeats the whole declared title ("... | WRAL") carries
            // its site name too.
            if h.text.eq_ignore_ascii_case(declared) {
                return Some(strip_site_name(&h.text, site.as_deref(), host.as_deref()));
            }
            // A kicker in capitals set inside the heading ("CHAOS IN MÜNCHEN
            // Drohnen-Alarm! ..."), where the declared title has none.
            if let Some(rest) = after_capitals_kicker(&h.text, declared) {
                return Some(rest.to_string());
            }
            return Some(h.text.clone());
        }
        // Several headings: the one that shares most words with the declared title
        // ("Contact Us" in a modal is not the page's headline).
        let best = h1s
            .iter()
            .map(|h| (word_overlap(&h.text, declared), h))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((overlap, h)) = best {
            if overlap >= MIN_TITLE_OVERLAP {
                return Some(h.text.clone());
            }
        }
    }
    let title = declared.map(|t| strip_site_name(&t, site.as_deref(), host.as_deref()))?;
    // A declared title the page prints as a heading wins over one it does not: an
    // `og:title` may be the site's tagline ("Official Blog of the National Football
    // League") where `<title>` names the article that an `<h2>` heads.
    let headings: Vec<&Block> = stripped
        .document
        .blocks
        .iter()
        .filter(|b| (1..=3).contains(&b.heading) && !b.nearest.intersects(Flags::CHAFF))
        .collect();
    let printed = |t: &str| headings.iter().find(|h| h.text.eq_ignore_ascii_case(t));
    if printed(&title).is_none() {
        let others = [
            stripped.document.meta.title.clone(),
            meta(&["twitter:title"]),
        ];
        for other in others.into_iter().flatten().map(collapse) {
            let other = strip_site_name(&other, site.as_deref(), host.as_deref());
            if let Some(h) = printed(&other) {
                return Some(h.text.clone());
            }
        }
    }
    Some(title)
}

/// Words a headline at the end of a crumb trail has at least.
const CRUMB_MIN_TITLE_WORDS: usize = 3;

/// First elements that make a line a crumb trail.
const HOME_CRUMBS: [&str; 5] = ["home", "blog", "news", "startseite", "start"];

/// A headline printed at the end of its breadcrumb trail ("Home » Blog » Top Mental
/// Health Tips for 2025") without the trail. A trail says so: "You are here:", a first
/// element such as "Home", or three elements or more; a headline with one " / " in it
/// is no trail.
fn without_breadcrumb(title: String) -> String {
    let labelled = title.strip_prefix("You are here:");
    let trail = labelled.unwrap_or(&title).trim();
    let Some(sep) = CRUMB_SEPARATORS.into_iter().find(|sep| trail.contains(sep)) else {
        return title;
    };
    let parts: Vec<&str> = trail.split(sep).map(str::trim).collect();
    let first = parts[0].to_lowercase();
    let is_trail = labelled.is_some() || HOME_CRUMBS.contains(&first.as_str()) || parts.len() >= 3;
    match parts.last() {
        Some(last) if is_trail && last.split_whitespace().count() >= CRUMB_MIN_TITLE_WORDS => {
            last.to_string()
        }
        _ => title,
    }
}

/// The byline without a reporter's place the page prints after it without "in"
/// ("Lucía Fernández Buenos Aires"). Only a place of several words: a single one
/// after a name is as often a last surname ("Cathy Horvath Buchanan").
fn without_trailing_place(byline: String, gazetteer: &Gazetteer) -> String {
    let place = gazetteer.find(&byline).into_iter().rev().find(|h| {
        h.end == byline.len()
            && byline[h.start..h.end].contains(' ')
            && gazetteer.entry(h.entry).kind == EntityType::Location
    });
    // Each name keeps two words at least: "... and Daniel Moore" ends in a surname
    // that is also a town.
    let keeps_full_names = |names: &str| {
        names
            .rsplit([',', '&'])
            .next()
            .and_then(|last| last.rsplit(" and ").next())
            .is_some_and(|last| last.split_whitespace().count() >= 2)
    };
    match place {
        Some(h) if h.start > 0 => {
            let names = byline[..h.start].trim_end();
            if is_name_line(names) && keeps_full_names(names) {
                names.to_string()
            } else {
                byline
            }
        }
        _ => byline,
    }
}

/// The news outlets the article's text credits for what it reports: "according to
/// Les Echos", "reported by Ynet", "told Reuters", "the state news agency KCNA said",
/// "the Associated Press of Pakistan (APP) reported". Read off the organisations the
/// recogniser found in `text` (offsets in characters), so the text is not searched
/// twice; only those the gazetteer knows as media count: a ministry quoted the same
/// way is no source.
pub fn credited_sources(text: &str, entities: &[Entity], gazetteer: &Gazetteer) -> Vec<String> {
    let mut sources = Vec::new();
    // Character offsets to byte offsets, walking the text once (entities are sorted).
    let mut chars = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let (mut char_at, mut byte_at) = (0, chars.next().unwrap_or(0));
    let mut byte_of = |c: usize| {
        while char_at < c {
            byte_at = chars.next().unwrap_or(text.len());
            char_at += 1;
        }
        byte_at
    };
    for e in entities {
        if e.kind != EntityType::Organisation {
            continue;
        }
        let (start, end) = (byte_of(e.start), byte_of(e.end));
        if is_credited(text, start, end) && gazetteer.is_media(&e.text) {
            sources.push(e.text.clone());
        }
    }
    sources
}

/// Whether a paragraph opens with a dateline's place in capitals and a comma
/// ("DUBAI,", "KYIV, Ukraine,").
fn opens_with_place_in_capitals(text: &str) -> bool {
    let Some((place, _)) = text.split_once(',') else {
        return false;
    };
    place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && place.len() <= 30
        && !place.chars().any(char::is_lowercase)
}

/// `sources` with one name per news outlet: an outlet named in two forms ("Korean
/// Central News Agency (KCNA) reported", later "KCNA said") keeps the form that is its
/// canonical name, where the first form stood, else its first form.
pub fn one_name_per_outlet(sources: Vec<String>, gazetteer: &Gazetteer) -> Vec<String> {
    let outlets: Vec<Option<&str>> = sources.iter().map(|s| gazetteer.media_name(s)).collect();
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        let Some(outlet) = outlets[i] else {
            out.push(source.clone());
            continue;
        };
        if seen.contains(&outlet) {
            continue;
        }
        seen.push(outlet);
        let canonical_printed = sources
            .iter()
            .zip(&outlets)
            .any(|(s, o)| *o == Some(outlet) && s == outlet);
        out.push(if canonical_printed {
            outlet.to_string()
        } else {
            source.clone()
        });
    }
    out
}

/// Whether `text` ends with the ASCII phrase `suffix`, in any case.
fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether `text` starts with `prefix`, ASCII case aside.
pub(crate) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether the name at `start..end` of `text` is credited for a report: a crediting
/// phrase before it ("according to", "reported by", "told") or after it ("said",
/// "reported", past an acronym in brackets: "(APP) reported").
fn is_credited(text: &str, start: usize, end: usize) -> bool {
    const BEFORE: [&str; 8] = [
        "according to",
        "according to the",
        "reported by",
        "reported by the",
        "cited by",
        "quoted by",
        "via",
        "told",
    ];
    const AFTER: [&str; 9] = [
        "reported",
        "reports",
        "report",
        "said",
        "says",
        "quoted",
        "cited",
        "news agency said",
        "news agency reported",
    ];
    let credited_by = |before: &str| {
        BEFORE.iter().any(|w| {
            ends_with_ignore_case(before, w)
                && before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| matches!(c, ' ' | ',' | '(' | '\n'))
        })
    };
    let before = text[..start].trim_end();
    // "according to the state broadcaster Press TV": a few words that say what the
    // outlet is may stand between.
    let described = (1..=MAX_OUTLET_DESCRIPTION_WORDS).any(|n| {
        let mut cut = before;
        for _ in 0..n {
            match cut.rsplit_once(' ') {
                Some((head, word)) if !word.contains([',', '.', ';', ':', '"', '”']) => {
                    cut = head.trim_end();
                }
                _ => return false,
            }
        }
        // "according to the", "quoted by the", "reported by the" ...
        cut.strip_suffix(" the")
            .is_some_and(|phrase| credited_by(phrase.trim_end()))
    });
    // A credit in brackets closing a paragraph, after its last sentence: "... left
    // over from the last administration. (Bloomberg)".
    let closing = before
        .strip_suffix('(')
        .is_some_and(|b| b.trim_end().ends_with(['.', '!', '?', '"', '”']))
        && text[end..]
            .strip_prefix(')')
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('\n'));
    if closing {
        return true;
    }
    let credited_before = credited_by(before) || described;
    let mut after = text[end..].trim_start();
    if after.starts_with('(') {
        if let Some(close) = after.find(')').filter(|&c| c <= 12) {
            after = after[close + 1..].trim_start();
        }
    }
    // "TASS and RIA Novosti report": past the other outlet's capitalised name.
    if let Some(rest) = after.strip_prefix("and ") {
        let skipped = rest
            .split(' ')
            .take_while(|w| w.starts_with(char::is_uppercase))
            .take(MAX_OUTLET_DESCRIPTION_WORDS)
            .map(|w| w.len() + 1)
            .sum::<usize>();
        if skipped > 0 {
            after = rest[skipped.min(rest.len())..].trim_start();
            after = after.strip_prefix(',').map_or(after, str::trim_start);
        }
    }
    // "RIA Novosti, citing a Kremlin source, ...".
    let citing = after.starts_with(", citing ") || after.starts_with("citing ");
    let credited_after = citing
        || AFTER.iter().any(|w| {
            after
                .strip_prefix(w)
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        });
    credited_before || credited_after
}

/// Words that may describe an outlet between a crediting phrase and its name, or
/// name a second outlet before the verb.
const MAX_OUTLET_DESCRIPTION_WORDS: usize = 4;

/// A byline without what ran into it; `None` when nothing of a name is left.
fn clean_byline(byline: &str) -> Option<String> {
    let cut = field_patterns().byline_tail.replace(byline, "");
    // ", USA TODAY": the name itself was missing.
    if !cut.trim().starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let cut = cut
        .trim()
        .trim_end_matches([',', '·', '|', '-', '–'])
        .trim();
    Some(cut.to_string())
}

/// Blocks past the first body block where a text dump's headline may still sit.
const TEXT_TITLE_REACH: usize = 3;

/// A text dump's title. HTML-to-text converters print the page's `<title>` first
/// ("Headline | Site"); the headline itself comes again further down, above the body.
/// That repetition is the title; failing it, the header zone's headline; failing
/// that, the first line without its site name.
fn text_title(
    blocks: &[Block],
    decisions: &[Decision],
    first_body: usize,
    header_title: Option<String>,
) -> Option<String> {
    let (first, first_decision) = blocks.first().zip(decisions.first())?;
    let declared = first.text.as_str();
    let words = declared.split_whitespace().count();
    // A section label ("MIDDLE EAST", printed twice) or a cue line is not a title.
    let title_like = (4..=30).contains(&words)
        && first_decision.cue.is_none()
        && declared.chars().any(char::is_lowercase);
    if !title_like {
        return repeated_headline(blocks, decisions, first_body).or(header_title);
    }
    // Only a first line in the shape of a page title ("Headline | Site") stands in for
    // a missing headline.
    let site_suffixed = [" | ", " – ", " — ", " - "]
        .iter()
        .any(|sep| declared.contains(sep));
    // The headline's repeat is sought for the page title without its site name, which
    // the site's own name line ("Rust Blog") would match as well.
    let head = if site_suffixed {
        // The site's name, when the page prints it on a line of its own (a masthead),
        // is cut however long it is.
        let site = blocks[1..]
            .iter()
            .map(|b| b.text.as_str())
            .find(|t| t.len() < declared.len() && declared.ends_with(t));
        strip_site_name(declared, site, None)
    } else {
        declared.to_string()
    };
    let end = blocks.len().min(first_body + TEXT_TITLE_REACH);
    let repeated = (1..end)
        .map(|i| (&blocks[i], &decisions[i]))
        .find(|(b, d)| {
            d.cue.is_none()
                && b.text.split_whitespace().count() >= 2
                // A crumb trail shares the site's name with the page title.
                && last_crumb(&b.text) == b.text
                && word_overlap(&b.text, &head) >= MIN_TITLE_OVERLAP
                && word_overlap(&head, &b.text) >= MIN_TITLE_OVERLAP / 2.0
        });
    repeated
        .map(|(b, _)| b.text.clone())
        // A headline the page prints twice above the body (a forum thread's title and
        // its first post's subject) beats a first line too short for a headline or
        // that opens with the site's domain ("NavalDebate.net - Navies, Ships and Sea
        // Power").
        .or_else(|| {
            let domain_led = head.split_whitespace().next().is_some_and(|w| {
                w.contains('.')
                    && w.rsplit('.').next().is_some_and(|tld| {
                        (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
                    })
            });
            let short = head.split_whitespace().count() < REPEATED_HEADLINE_WORDS;
            (domain_led || short)
                .then(|| repeated_headline(blocks, decisions, first_body))
                .flatten()
        })
        .or_else(|| site_suffixed.then_some(head))
        .or(header_title)
}

/// How many blocks under the body a post's own date line may stand.
const POST_FOOTER_REACH: usize = 15;

/// A messenger post's view count or clock time on a line of its own ("👁 94.6K",
/// "12.3K views", "09:41").
fn is_post_stamp(text: &str) -> bool {
    let t = text.trim_start_matches('👁').trim();
    let count = |w: &str| {
        w.trim_end_matches(['K', 'k', 'M'])
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            && w.starts_with(|c: char| c.is_ascii_digit())
    };
    let views = t.strip_suffix(" views").unwrap_or(t);
    let clock = t.len() == 5
        && t.as_bytes()[2] == b':'
        && t.bytes().filter(u8::is_ascii_digit).count() == 4;
    (text.starts_with('👁') || t.ends_with(" views")) && count(views) || clock
}

/// Whether a date line states its year: a teaser's "March 6" under a feed does not.
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")))
}

/// Words a repeated line needs to be taken for the headline.
const REPEATED_HEADLINE_WORDS: usize = 5;

/// A headline-long line above the body that the page prints again above the body (a
/// forum thread's title in its header and as its first post's subject): the title of a
/// text dump whose first line is no page title.
fn repeated_headline(
    blocks: &[Block],
    decisions: &[Decision],
    first_body: usize,
) -> Option<String> {
    (0..first_body.min(blocks.len())).find_map(|i| {
        let t = blocks[i].text.as_str();
        let words = t.split_whitespace().count();
        let headline = decisions[i].cue.is_none()
            && (REPEATED_HEADLINE_WORDS..=30).contains(&words)
            && !t.ends_with(['.', ':'])
            && !dechaff_strip::is_two_sentences(t)
            && !crate::header::is_details_line(t);
        // Printed again above the body too: a site's name repeats in its footer.
        let again = || {
            blocks[..first_body]
                .iter()
                .enumerate()
                .any(|(j, b)| j != i && (b.text == t || b.text.strip_prefix("Re: ") == Some(t)))
        };
        (headline && again()).then(|| t.to_string())
    })
}

/// Share of a heading's words in the declared title for the heading to be the title.
const MIN_TITLE_OVERLAP: f32 = 0.5;

/// Share of `heading`'s words (lowercased, letters and digits only) found in `declared`.
fn word_overlap(heading: &str, declared: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let h = words(heading);
    let d = words(declared);
    if h.is_empty() {
        return 0.0;
    }
    h.iter().filter(|w| d.contains(w)).count() as f32 / h.len() as f32
}

/// "Headline | Site" or "Headline - Site" to "Headline". The tail is the site's name
/// when the page declares it so, when it is short, or when the page's address spells
/// it ("Occupational Safety and Health Administration" on osha.gov).
fn strip_site_name(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()))
                || tail.split_whitespace().count() <= 3
                || host.is_some_and(|h| host_spells(h, tail));
            if is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    // The site's name first ("Render | The cloud for builders"): only the declared
    // name or the host's spelling, as a title's first words are often few.
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some((head, tail)) = title.split_once(sep) {
            let is_site = site.is_some_and(|s| head.trim().eq_ignore_ascii_case(s.trim()))
                || host.is_some_and(|h| host_spells(h, head));
            if is_site && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// Whether a label of `host` ("www.osha.gov") is `name` run together or its initials.
fn host_spells(host: &str, name: &str) -> bool {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let joined: String = words.concat();
    // Initials of the words that carry meaning ("and", "of" are often left out).
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let significant: String = words
        .iter()
        .filter(|w| !matches!(w.as_str(), "and" | "of" | "the" | "for" | "in" | "on"))
        .filter_map(|w| w.chars().next())
        .collect();
    host.split('.').any(|label| {
        label.len() >= 3 && (label == joined || label == initials || label == significant)
    })
}

/// The host of the page's declared address (`og:url`, the canonical link), lowercased.
fn declared_host(meta: &dyn Fn(&[&str]) -> Option<String>) -> Option<String> {
    let url = meta(&["og:url", "twitter:url", "canonical"])?;
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Words that open a credit in a credit line ("Editing by ...").
const CREDIT_VERBS: [&str; 7] = [
    "Editing",
    "Additional",
    "Writing",
    "Reporting",
    "Compiled",
    "Graphics",
    "Photos",
];

/// The names credited in an attribution line.
fn attribution_names(text: &str) -> Vec<String> {
    // "Additional reporting: AP" credits as "Additional reporting by AP" does.
    let by_colon = ["additional reporting", "reporting"]
        .iter()
        .find_map(|verb| {
            let head = text.get(..verb.len())?;
            let rest = text[verb.len()..].trim_start().strip_prefix(':')?;
            head.eq_ignore_ascii_case(verb)
                .then(|| format!("{head} by {}", rest.trim_start()))
        });
    let text = by_colon.as_deref().unwrap_or(text);
    let p = field_patterns();
    let mut out = Vec::new();
    // ASCII lowercasing keeps byte offsets, so that they index `text` too.
    let lower = text.to_ascii_lowercase();
    // "Credit: Cpl Tim Laurence/MoD" under a picture credits its photographer, not a
    // source of the report (the line stays an attribution line for stripping, where
    // it is chaff either way).
    if lower.starts_with("credit:") || lower.starts_with("credit :") {
        return out;
    }
    if lower.contains(" by ")
        || lower.starts_with("reporting by")
        || lower.starts_with("(reporting by")
    {
        // One credit a segment: "Reporting by A and B, with additional reporting by C.
        // Editing by D." has three.
        // A stop ends a credit only before the next credit's verb ("J. Smith" is a name).
        let mut credits = text.trim_matches(['(', ')']).replace(", with ", "; with ");
        for verb in CREDIT_VERBS {
            credits = credits.replace(&format!(". {verb}"), &format!("; {verb}"));
        }
        for segment in credits.split(';') {
            let seg = segment.trim();
            let seg_lower = seg.to_ascii_lowercase();
            let Some(at) = seg_lower
                .find(" by ")
                .map(|i| i + 4)
                .or_else(|| seg_lower.starts_with("by ").then_some(3))
            else {
                continue;
            };
            let role = &seg_lower[..at];
            if role.contains("edit") || role.contains("graphic") || role.contains("photo") {
                continue;
            }
            for name in split_names(&seg[at..]) {
                out.push(p.reporter_place.replace(&name, "").trim().to_string());
            }
        }
        return out;
    }
    // "Associated Press writer Erik Sundqvist in Stockholm contributed to this report."
    if let Some(at) = lower.find(" contributed") {
        // After a role ("Associated Press writer"), the name.
        let after_role = [" writer ", " correspondent "]
            .iter()
            .filter_map(|role| lower[..at].rfind(role).map(|i| i + role.len()))
            .max()
            .unwrap_or(0);
        let names = &text[after_role..at];
        return split_names(names)
            .into_iter()
            .map(|n| p.reporter_place.replace(&n, "").trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
    }
    let rest = p.attribution_prefix.replace(text, "");
    // "Source: Xinhua | 2024-05-23 10:42:17 | Editor: Wang Lin": the source is the
    // first field of a line of fields.
    let rest = match rest.split_once(" | ") {
        Some((first, fields)) if fields.contains(':') || parse_date(fields).is_some() => {
            std::borrow::Cow::Owned(first.to_string())
        }
        _ => rest,
    };
    // "Anna Petrenko in Kyiv and Piotr Nowak in Warsaw": the places go.
    split_names(&rest)
        .into_iter()
        .map(|n| p.reporter_place.replace(&n, "").trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// Whether a name taken from a credit line can name a source: a capital first, or a
/// news agency written in lowercase ("dpa"). A street address after "Via" ("dei
/// Coronari 48", "00186 Roma"), a year range or a clause ("either government") cannot.
fn names_a_source(name: &str, gazetteer: &Gazetteer) -> bool {
    // A platform a post was found on ("Source: Telegram, archived") is no outlet.
    const PLATFORMS: [&str; 11] = [
        "Telegram",
        "Twitter",
        "X",
        "Facebook",
        "YouTube",
        "TikTok",
        "Instagram",
        "VK",
        "VKontakte",
        "Reddit",
        "Google Earth",
    ];
    // A channel credited by its handle ("via @kursk_frontline_maps") is one.
    let handle = name.len() > 2
        && name.starts_with('@')
        && name[1..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    (name.starts_with(char::is_uppercase) || handle || gazetteer.is_media(name))
        && !PLATFORMS.contains(&name)
}

fn split_names(list: &str) -> Vec<String> {
    list.split(['/', ',', ';', '&'])
        .flat_map(|s| s.split(" and "))
        .flat_map(|s| s.split(" und "))
        .map(|s| s.trim().trim_end_matches('.').trim())
        // "Reuters and the Associated Press".
        .map(|s| s.strip_prefix("the ").unwrap_or(s).to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn embed_of(text: &str) -> Option<Embed> {
    let c = field_patterns().embed.captures(text)?;
    let body = c
        .get(1)
        .map(|m| m.as_str().trim())
        .filter(|s| !s.is_empty());
    Some(Embed {
        platform: Some("twitter".into()),
        author: Some(c[3].trim().to_string()),
        handle: Some(c[4].to_string()),
        date: parse_date(&c[5]),
        text: body.map(str::to_string),
        url: c.get(2).map(|m| m.as_str().to_string()),
    })
}

/// Headlines of the teaser list that follows a text dump's article: after the first
/// closing cue below the body ("Related", "Read next", a newsletter box), the lines
/// shaped like headlines, up to the comment section. Their leads end like sentences
/// or in an ellipsis and are not taken.
fn teaser_titles(blocks: &[Block], decisions: &[dechaff_strip::Decision]) -> Vec<Related> {
    let mut titles: Vec<Related> = teasers_after_body(blocks, decisions)
        .into_iter()
        .map(Related::Found)
        .collect();
    titles.extend(listed_teasers(blocks, decisions));
    titles.extend(
        embedded_post_titles(blocks, decisions)
            .into_iter()
            .map(Related::Found),
    );
    titles
}

/// The title of a post that a text dump's article embeds, as a newsletter platform
/// prints one: the title, its summary cut with "…", then "Read more" (Substack's card,
/// between its publication's name and its likes). An author's line over a card
/// ("Written by ...") is none.
fn embedded_post_titles(blocks: &[Block], decisions: &[dechaff_strip::Decision]) -> Vec<String> {
    (0..blocks.len().saturating_sub(2))
        .filter(|&i| {
            let (title, summary, more) =
                (&blocks[i].text, &blocks[i + 1].text, &blocks[i + 2].text);
            !decisions[i].body
                && summary.ends_with('…')
                && more.len() <= "read more →".len()
                && starts_with_ignore_case(more, "read more")
                && is_teaser_title(title)
                && crate::header::byline_of(title).is_none()
        })
        .map(|i| blocks[i].text.clone())
        .collect()
}

/// The lines of a text dump that follow a list's own heading ("Most popular",
/// "TRENDING", "Related stories"), wherever the list stands: above the article,
/// beside it or under its comments. A teaser may carry details under its headline (a
/// lead, its author and date, a reply count, its source); the list ends at a cue line,
/// another heading, or the first line that is neither a headline nor such a detail.
fn listed_teasers(blocks: &[Block], decisions: &[dechaff_strip::Decision]) -> Vec<Related> {
    let mut titles = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let opens_list = !decisions[i].body && is_list_heading(&blocks[i].text);
        i += 1;
        if !opens_list {
            continue;
        }
        let mut details = 0;
        // How many details each title of this list has had (author, date): once two
        // titles agree, a line where the next title is due is one, however short
        // ("The Gotland Question" over its author's name).
        let (mut titled, mut rhythm) = (0, None);
        while i < blocks.len()
            && !decisions[i].body
            // A count or a date is a teaser's detail, though each reads as a cue line.
            && (decisions[i].cue.is_none()
                || is_count(&blocks[i].text)
                || crate::header::is_date_line(&blocks[i].text))
            && !is_list_heading(&blocks[i].text)
            && !is_other_list_heading(&blocks[i].text)
        {
            let text = &blocks[i].text;
            // A short line is a title when it carries the details the list's other
            // titles carry: as many as the rhythm says, or, before the rhythm is
            // known, as many as the title before it had ("Hanwha's Long Game" over
            // its author, as the first title was), or, first in its list, the same
            // leads or bylines as the title after it ("Moldova's long winter" over a
            // lead). A menu's short lines carry only short lines.
            let due = is_short_title(text)
                && match rhythm {
                    Some(r) => r > 0 && details == r && details_under(blocks, i + 1, false) > 0,
                    // A name over a byline is an author's card, a counter ("Posts 2",
                    // "ID: 4914") a widget's line; neither is a title.
                    _ if opens_with_given_name(text)
                        || text.ends_with(|c: char| c.is_ascii_digit())
                        || names_its_detail(text, blocks.get(i + 1)) =>
                    {
                        false
                    }
                    None if titled == 1 => {
                        details > 0
                            && details_under(blocks, i + 1, false) == details
                            && blocks.get(i + 1).is_some_and(|b| {
                                let kind = detail_kind(&b.text);
                                kind != DetailKind::Other
                                    && kind == detail_kind(&blocks[i - details].text)
                            })
                    }
                    None => {
                        let carried = details_under(blocks, i + 1, true);
                        titled == 0
                            && carried > 0
                            && blocks
                                .get(i + 1 + carried)
                                .is_some_and(|b| is_teaser_title(&b.text))
                            && details_under(blocks, i + 2 + carried, true) == carried
                    }
                };
            let due = due || is_titled_by_author(text, blocks.get(i + 1).map(|b| b.text.as_str()));
            let title = is_teaser_title(text);
            if (title || due) && !is_interface_link(text) && !heads_promo(&blocks[i + 1..]) {
                titles.push(if title {
                    Related::Found(text.clone())
                } else {
                    Related::Placed(text.clone())
                });
                titled += 1;
                match rhythm {
                    None if titled == 2 => rhythm = Some(details),
                    Some(r) if r != details => rhythm = Some(0),
                    _ => {}
                }
                details = 0;
            } else if details < MAX_TEASER_DETAILS && is_teaser_detail(text) {
                details += 1;
            } else {
                break;
            }
            i += 1;
        }
    }
    titles
}

/// A short title over its author's name ("Iran Under Fire", then "Samira Haddad"): a
/// magazine's list prints each piece so, and the name's given name tells it from a
/// title.
fn is_titled_by_author(text: &str, next: Option<&str>) -> bool {
    // A line that names the author is about them ("Follow Sarah" over "Sarah Lin").
    is_short_title(text)
        && !opens_with_given_name(text)
        && next.is_some_and(|n| {
            crate::header::is_name_line(n)
                && opens_with_given_name(n)
                && !n.split_whitespace().any(|w| text.contains(w))
        })
}

/// How many of the lines from `from` on are a teaser's details, up to
/// [`MAX_TEASER_DETAILS`]: the details of the title just above. `telling` counts only
/// the details no menu item is: a lead, a byline or a date.
fn details_under(blocks: &[Block], from: usize, telling: bool) -> usize {
    blocks
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take(MAX_TEASER_DETAILS)
        .take_while(|b| {
            let t = b.text.as_str();
            let detail = if telling {
                is_telling_detail(t)
            } else {
                is_teaser_detail(t)
            };
            detail && !is_teaser_title(t) && !is_list_heading(t)
        })
        .count()
}

/// A teaser's lead (a sentence), its byline, its date or its author's name: a detail
/// no menu item is.
fn is_telling_detail(text: &str) -> bool {
    detail_kind(text) != DetailKind::Other
}

/// Whether the line under a short title repeats one of its words ("Follow Sarah" over
/// "Sarah Lin"): the line is about the title's subject, not a detail of a story.
fn names_its_detail(title: &str, next: Option<&Block>) -> bool {
    next.is_some_and(|n| {
        n.text
            .split_whitespace()
            .any(|w| title.split_whitespace().any(|t| t == w))
    })
}

/// What a teaser's detail line is, to tell whether two teasers carry the same ones.
#[derive(PartialEq, Eq)]
enum DetailKind {
    Lead,
    Byline,
    Date,
    Name,
    Other,
}

fn detail_kind(text: &str) -> DetailKind {
    if text.ends_with(['.', '…', '!', '?']) {
        DetailKind::Lead
    } else if starts_with_ignore_case(text, "by ") || starts_with_ignore_case(text, "von ") {
        DetailKind::Byline
    } else if crate::parse_date(text).is_some() {
        DetailKind::Date
    } else if crate::header::is_name_line(text) && opens_with_given_name(text) {
        DetailKind::Name
    } else {
        DetailKind::Other
    }
}

fn opens_with_given_name(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(crate::context::is_given_name)
}

/// Detail lines a teaser carries under its headline at most ("by X » date » in
/// Sweden", "212 Replies", "18345 Views").
const MAX_TEASER_DETAILS: usize = 3;

/// A teaser's count of replies or views ("212 Replies"), which reads as a comment
/// counter's cue line but does not end the list.
fn is_count(text: &str) -> bool {
    text.split_whitespace().count() <= 3 && text.starts_with(|c: char| c.is_ascii_digit())
}

/// A line that belongs to the teaser above it: its lead (a sentence), its author, a
/// date, a count of replies or views, a running time, or a short label (its source,
/// "Australian Defence Magazine").
fn is_teaser_detail(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let opens_with = |w: &str| starts_with_ignore_case(text, w);
    words <= 3
        || text.ends_with(['.', '…', '!', '?'])
        || opens_with("by ")
        || opens_with("von ")
        || crate::parse_date(text).is_some()
        || text.starts_with(|c: char| c.is_ascii_digit())
}

/// A list heading is a few words.
const LIST_HEADING_MAX_BYTES: usize = 40;

/// A teaser list's own heading ("Most popular", "Most viewed in World").
fn is_list_heading(text: &str) -> bool {
    text.len() <= LIST_HEADING_MAX_BYTES && field_patterns().list_heading.is_match(text)
}

/// The headline-like lines after the first closing cue under the body (a related list
/// whose heading is not a known one), up to the comments.
fn teasers_after_body(blocks: &[Block], decisions: &[dechaff_strip::Decision]) -> Vec<String> {
    let Some(last_body) = decisions.iter().rposition(|d| d.body) else {
        return Vec::new();
    };
    let Some(start) =
        (last_body + 1..blocks.len()).find(|&i| decisions[i].cue == Some(CueKind::Close))
    else {
        return Vec::new();
    };
    let end = (start + 1..blocks.len())
        .find(|&i| decisions[i].cue == Some(CueKind::Comments))
        .unwrap_or(blocks.len());
    let first_body = decisions.iter().position(|d| d.body).unwrap_or(0);
    let header = &blocks[..first_body];
    let mut titles = Vec::new();
    // Under "Media contact", "Tags" or "Related links" stand names, topics and pages of
    // the site, not articles, up to the next list's heading.
    let mut in_other_list = false;
    // The closing cue itself may head such a list ("Associated links").
    for i in start.max(1)..end {
        let text = &blocks[i].text;
        if is_other_list_heading(text) {
            in_other_list = true;
            continue;
        }
        if is_list_heading(text) || decisions[i].cue == Some(CueKind::Close) {
            in_other_list = false;
            continue;
        }
        if is_capitals_heading(text) {
            in_other_list = false;
        }
        if !in_other_list
            && decisions[i].cue.is_none()
            && is_teaser_title(text)
            && !is_advert_label(&blocks[i - 1].text)
            // The site's name and menu repeated in its footer.
            && !header.iter().any(|b| b.text == *text)
            && !in_menu(&blocks[start..end], i - start)
            && !heads_promo(&blocks[i + 1..])
        {
            titles.push(text.clone());
        }
    }
    titles
}

/// Whether the line at `i` stands in a menu: short labels on both sides of it, two on
/// one side ("Contact us", "Departments and agencies", then "Public service and
/// military", then "News"); the list's edge counts as one. A teaser's neighbours are
/// its details (a date, "By ...", a count, a poster's handle, its tags in lowercase),
/// a summary or another teaser; a kicker sits on one side only.
fn in_menu(lines: &[Block], i: usize) -> bool {
    let label = |j: Option<usize>| {
        j.and_then(|j| lines.get(j)).is_none_or(|b| {
            b.text.split_whitespace().count() <= 3
                && b.text.starts_with(char::is_uppercase)
                && !b.text.contains(|c: char| c.is_ascii_digit() || c == '_')
                && !starts_with_ignore_case(&b.text, "by ")
        })
    };
    let (before, before2) = (label(i.checked_sub(1)), label(i.checked_sub(2)));
    let (after, after2) = (label(Some(i + 1)), label(Some(i + 2)));
    before && after && (before2 || after2)
}

/// A short line in capitals ("OTHER NEWS", "GET STARTED"): a heading of its own,
/// which ends the list before it.
fn is_capitals_heading(text: &str) -> bool {
    text.split_whitespace().count() <= 6 && dechaff_strip::in_capitals(text)
}

/// The heading of a list under an article that holds no articles: contacts, tags and
/// topics, links to the offices and programmes named in the text, videos.
fn is_other_list_heading(text: &str) -> bool {
    const HEADINGS: [&str; 32] = [
        "related links",
        "downloads",
        "upcoming events",
        "events",
        "more events",
        "veranstaltungen",
        "termine",
        "videos",
        "latest videos",
        "more videos",
        "top videos",
        "most watched",
        "weitere videos",
        "neueste videos",
        "media contact",
        "media contacts",
        "press contact",
        "press contacts",
        "contact",
        "contacts",
        "associated links",
        "useful links",
        "helpful links",
        "tags",
        "topics",
        "keywords",
        "programme",
        "programmes",
        "follow us",
        "schlagworte",
        "pressekontakt",
        "folgen sie uns",
    ];
    is_label_of(text, &HEADINGS)
}

/// Whether a line is one of `labels` alone, whatever its case, without a closing colon.
fn is_label_of(text: &str, labels: &[&str]) -> bool {
    let text = text.trim().trim_end_matches(':').trim_end();
    labels.iter().any(|l| text.eq_ignore_ascii_case(l))
}

/// The label over an advert's headline ("Sponsored", "Anzeige"): what follows it links
/// to an advertiser, not to an article.
fn is_advert_label(text: &str) -> bool {
    const LABELS: [&str; 9] = [
        "sponsored",
        "sponsored content",
        "advertisement",
        "ad",
        "promoted",
        "partner content",
        "paid content",
        "anzeige",
        "werbung",
    ];
    is_label_of(text, &LABELS)
}

/// A title too short for [`is_teaser_title`] on its own ("Rheinmetall’s Decade"):
/// two or three words, shaped like a title, no date.
fn is_short_title(text: &str) -> bool {
    (2..MIN_RELATED_WORDS).contains(&text.split_whitespace().count())
        && text.starts_with(|c: char| c.is_uppercase() || OPENING_QUOTES.contains(&c))
        && !(ends_like_sentence(text) || text.ends_with(['…', ':', ',']))
        && crate::parse_date(text).is_none()
}

fn is_teaser_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let open_ended = ends_like_sentence(text) || text.ends_with(['…', ':', '!', ',']);
    (4..=25).contains(&words)
        && !open_ended
        && !is_job_title(text)
        && (!dechaff_strip::is_two_sentences(text) || is_two_part_headline(text))
        && !text.ends_with("...")
        && text.starts_with(|c: char| {
            c.is_uppercase() || c.is_ascii_digit() || OPENING_QUOTES.contains(&c)
        })
        && crate::parse_date(text).is_none()
}

/// A headline that puts a short question, or a phrase, after its statement
/// ("Conscription is back in Europe. Is it working?"); a teaser's lead ends with a full
/// stop.
fn is_two_part_headline(text: &str) -> bool {
    // Or a statement and a phrase without a closing stop ("The January sales are
    // over. Here's what is still worth buying").
    let unstopped = !text.ends_with(['.', '!', '…', ':', ';', ',', '?']);
    (text.ends_with('?') || unstopped)
        && text.split_whitespace().count() <= 12
        && text.rsplit_once(". ").is_some_and(|(statement, tail)| {
            let tail_words = tail.split_whitespace().count();
            let phrase = unstopped
                && tail_words >= 3
                && statement.split_whitespace().count() >= 3
                && !statement.contains(',');
            (phrase || !unstopped && tail_words <= 5)
                && tail.starts_with(char::is_uppercase)
                && !statement.contains(['.', '?', '!', '/'])
        })
}

/// An author card's role under the author's name ("Senior Fellow, Aerospace Security
/// Project"): a role of up to three words, a comma, then where it is held.
fn is_job_title(text: &str) -> bool {
    let Some((role, _)) = text.split_once(", ") else {
        return false;
    };
    role.split_whitespace().count() <= 3
        && role.rsplit(' ').next().is_some_and(|last| {
            REPORTER_ROLES
                .iter()
                .chain(&OTHER_ROLES)
                .any(|w| last.eq_ignore_ascii_case(w))
        })
}

/// App stores: their labels close an app's promotion ("Watch WL24 wherever you are",
/// a line on the app, "App Store", "Google Play").
const STORE_LABELS: [&str; 4] = [
    "app store",
    "google play",
    "download on the app store",
    "get it on google play",
];

/// Social networks: their labels list the site's accounts under the box's heading
/// ("Ministry of National Defence on social media", "Facebook", "X").
const NETWORK_LABELS: [&str; 13] = [
    "facebook",
    "instagram",
    "youtube",
    "linkedin",
    "telegram",
    "tiktok",
    "x",
    "twitter",
    "threads",
    "bluesky",
    "mastodon",
    "whatsapp",
    "rss",
];

/// How many lines under an app's promotion its store labels may start.
const PROMO_REACH: usize = 2;

/// Whether the line before `after` heads a promotion: an app's, whose store labels
/// follow within a few lines, or the site's accounts', whose network labels start on
/// the next line. A list's last teaser may stand a few lines above the accounts' box.
fn heads_promo(after: &[Block]) -> bool {
    let is = |b: &Block, labels: &[&str]| labels.iter().any(|l| b.text.eq_ignore_ascii_case(l));
    after.first().is_some_and(|b| is(b, &NETWORK_LABELS))
        || after.iter().take(PROMO_REACH).any(|b| is(b, &STORE_LABELS))
}

/// A linked headline inside a related-articles container.
/// Related titles as a reader would copy them: without list numbers ("1. "), "Read
/// more" prefixes and dates that ran into them from a neighbouring element; teaser
/// blurbs (sentences) and repeats left out.
fn clean_related(items: Vec<Related>, gazetteer: &Gazetteer) -> Vec<String> {
    let p = field_patterns();
    let (lead, glued_date) = (&p.related_lead, &p.related_glued_date);
    let mut out: Vec<String> = Vec::new();
    let parts = items.iter().flat_map(|i| {
        let cued = matches!(i, Related::Cued(_));
        let placed = matches!(i, Related::Placed(_));
        glued_parts(i.text())
            .into_iter()
            .map(move |part| (part, cued, placed))
    });
    for (item, cued, placed) in parts {
        let mut t = lead.replace(item, "").trim().to_string();
        // A rank run into the title or set before it ("1Japan commissions ...", "2 Storm
        // Amy: ...") is not part of it; a count is ("97 more Tejas").
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=2).contains(&digits) {
            let rest = t[digits..].trim_start();
            if rest.starts_with(|c: char| c.is_uppercase() || OPENING_QUOTES.contains(&c)) {
                t = rest.to_string();
            }
        }
        // A card's kicker run into its title ("ReportChina's space station ...",
        // "Related Russia's Africa Corps ..."): the label, then a capital.
        for kicker in KICKERS {
            if let Some(rest) = t.strip_prefix(kicker) {
                let glued = rest.starts_with(char::is_uppercase);
                let spaced = kicker == "Related"
                    && rest.starts_with(' ')
                    && rest.trim_start().starts_with(char::is_uppercase);
                if glued || spaced {
                    t = rest.trim_start().to_string();
                    break;
                }
            }
        }
        // A card's kicker set before a headline that opens with it ("Marineflieger
        // Marineflieger: Letzter P-3C-Flug ...").
        if let Some(rest) = repeated_kicker(&t) {
            t = rest.to_string();
        }
        if is_interface_link(&t)
            || is_list_heading(&t)
            || p.not_a_title.is_match(&t)
            || p.promotion.is_match(&t)
            || is_contact_card(&t, gazetteer)
        {
            continue;
        }
        if let Some(c) = glued_date.captures(&t) {
            if let Some(m) = c.get(1) {
                t.truncate(m.start());
            }
        }
        let mut t = t.trim().to_string();
        // A source label run into the title from a teaser card ("... tanker AFP").
        if let Some((head, last)) = t.rsplit_once(' ') {
            if head.split_whitespace().count() >= 4 && gazetteer.is_media(last) {
                t = head.trim_end().to_string();
            }
        }
        // Words, not separators ("Wagner / Africa Corps" has three).
        let words = t
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        // A long sentence is a teaser's summary, unless a cue line ("Read more:")
        // names it a headline ("Europe wants more Patriots. The factory can't keep up.").
        let sentence = !cued && ends_like_sentence(&t) && words > 8;
        // A headline has four words or more; three or fewer are a topic, a desk or
        // an office ("Air Defence", "U.S. Southern Command").
        let least = if placed { 2 } else { MIN_RELATED_WORDS };
        if words >= least && !sentence && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Whether a teaser line is a contact or address card ("Hanbit News Agency, Seoul,
/// Republic of Korea", "Anders Lindqvist, Press Officer, Aeronautics"): three or more
/// short comma-separated parts, the last a place or one a role, and no word in small
/// letters but a function word, where a headline has its verb ("Putin, Xi, Modi
/// meet").
fn is_contact_card(text: &str, gazetteer: &Gazetteer) -> bool {
    let parts: Vec<&str> = text.split(", ").collect();
    if parts.len() < 3 || parts.iter().any(|p| p.split_whitespace().count() > 4) {
        return false;
    }
    // A title-case headline's parts are words too ("Generic Types, Traits, and
    // Lifetimes"): a card's closing part is a place, or one part is a role.
    let last = parts[parts.len() - 1];
    let place = gazetteer.find(last).iter().any(|hit| {
        (hit.start, hit.end) == (0, last.len())
            && gazetteer.entry(hit.entry).kind == dechaff_schema::EntityType::Location
    });
    let role = parts.iter().any(|p| {
        p.split_whitespace().last().is_some_and(|w| {
            matches!(
                w,
                "Officer" | "Manager" | "Director" | "Spokesperson" | "Spokesman" | "Head"
            )
        })
    });
    (place || role)
        && text.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            !w.starts_with(|c: char| c.is_lowercase())
                || matches!(w, "of" | "the" | "and" | "de" | "du" | "la" | "von" | "der")
        })
}

/// The headline after a kicker of up to three words that the headline repeats before
/// a colon: "Ukraine war Ukraine war: ..." gives "Ukraine war: ...".
fn repeated_kicker(title: &str) -> Option<&str> {
    let mut end = 0;
    for _ in 0..3 {
        end += title[end..].find(' ').filter(|&i| i > 0)?;
        let (kicker, rest) = (&title[..end], &title[end + 1..]);
        if rest
            .strip_prefix(kicker)
            .is_some_and(|after| after.starts_with(':'))
        {
            return Some(rest);
        }
        end += 1;
    }
    None
}

/// A related title as found: after a cue line that names it one ("Also read: ..."),
/// or as a linked headline or a teaser's title, which the cleaning checks further.
/// Or placed by its list's rhythm where the next title is due, however short.
#[derive(Debug)]
enum Related {
    Cued(String),
    Found(String),
    Placed(String),
}

impl Related {
    fn text(&self) -> &str {
        match self {
            Related::Cued(t) | Related::Found(t) | Related::Placed(t) => t,
        }
    }
}

/// Whether a line ends in a full stop that closes a sentence: a headline may end in
/// an abbreviation ("... sale of Patriot interceptors to U.S.").
fn ends_like_sentence(text: &str) -> bool {
    let Some(head) = text.strip_suffix('.') else {
        return false;
    };
    let last = head.rsplit(' ').next().unwrap_or(head);
    // "U.S", "U.K", "Inc", "Jr": a stop inside the word, or a short abbreviation.
    let abbreviation = last.contains('.') || ["Inc", "Co", "Ltd", "Jr", "Sr", "St"].contains(&last);
    !abbreviation
}

/// The texts of elements a page set side by side without a space, which its style
/// sheet keeps apart: a ticker's links ("... eastern borderTallinn port workers ..."),
/// a card's headline and its summary or label ("... depend on it?Explainer · 5 min").
/// Split where a word of four lower-case letters or more, or a question or exclamation
/// mark, runs into a capital; a name written in camel case ("BrahMos", "GlobalEye",
/// "DeWolf") starts with a capital.
fn glued_parts(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut word_start = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            word_start = i + 1;
            continue;
        }
        if i == 0 || !c.is_uppercase() {
            continue;
        }
        let prev = text[..i].chars().next_back().unwrap_or(' ');
        let left = &text[word_start..i];
        let left_word = if left.chars().all(char::is_lowercase) {
            left.chars().count()
        } else {
            0
        };
        let glued = prev.is_lowercase() && left_word >= 4 || matches!(prev, '?' | '!');
        if glued {
            parts.push(&text[start..i]);
            start = i;
            word_start = i;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Words a related article's title has at least.
const MIN_RELATED_WORDS: usize = 4;

/// Quotation marks a title may open with ("‘A masterclass’: ...").
const OPENING_QUOTES: [char; 4] = ['‘', '“', '"', '\''];

/// Labels of a teaser card that a page may run into its title.
const KICKERS: [&str; 13] = [
    "Related",
    "Latest",
    "Report",
    "Commentary",
    "Analysis",
    "Opinion",
    "Explainer",
    "Feature",
    "Interview",
    "Podcast",
    "Video",
    "Exclusive",
    "Review",
];

/// A link of the page's interface that passed for a headline: account and legal links
/// ("Already a subscriber? Log in", "About Reuters, opens new tab", "Cookies on the
/// Courier"), and a footer's links run into one line ("Privacy ∙ Terms ∙ Collection
/// notice": two separators or more, where a title has at most one, "Poland | Warsaw
/// signs").
fn is_interface_link(title: &str) -> bool {
    let separators = [" | ", " ∙ ", " · ", " • "]
        .iter()
        .map(|s| title.matches(s).count())
        .sum::<usize>();
    // Matched in lower case: a case-insensitive regex of many phrases costs start-up
    // time for every case variant of their letters.
    separators >= 2
        || field_patterns()
            .interface_link
            .is_match(&title.to_lowercase())
}

/// Regions whose links are no headlines: adverts, forms, share bars, the page's header
/// and footer, ...
const NOT_HEADLINES: Flags = Flags::HEADER
    .or(Flags::AD)
    .or(Flags::COOKIE)
    .or(Flags::NEWSLETTER)
    .or(Flags::FORM)
    .or(Flags::SHARE)
    .or(Flags::COMMENT)
    .or(Flags::FOOTER)
    .or(Flags::BREADCRUMB)
    .or(Flags::TAGS)
    .or(Flags::AUTHOR);

/// The title of a related article's linked headline, if the block is one: a list
/// item's date after its headline ("... Iron Wolf Brigade November 12, 2025"), outside
/// the link, is left out, and the link density is the title's.
/// `page_hints` are hints every body block carries, which mark no box around an
/// embedded post.
fn related_link_title(b: &Block, page_hints: Flags) -> Option<&str> {
    let not_headlines = if b.flags.contains(Flags::EMBED) {
        NOT_HEADLINES.without(page_hints)
    } else {
        NOT_HEADLINES
    };
    // Only a linked block that ends in a digit may end in a date: the regexes run on
    // few. A card's date may be run into its title ("... Defense GambleJanuary 31,
    // 2024").
    let date = (b.link_chars > 0 && b.text.ends_with(|c: char| c.is_ascii_digit()))
        .then(|| {
            let p = field_patterns();
            p.trailing_date
                .find(&b.text)
                .map(|m| m.start())
                .or_else(|| {
                    p.related_glued_date
                        .captures(&b.text)
                        .and_then(|c| c.get(1))
                        .map(|m| m.start())
                })
        })
        .flatten();
    let (text, link_density, dated) = match date {
        Some(date) => {
            let title = b.text[..date].trim_end();
            let chars = title.chars().filter(|c| !c.is_whitespace()).count();
            // Only a date outside the link: a linked title may end in one.
            if chars == 0 || b.link_chars > chars {
                (b.text.as_str(), b.link_density(), false)
            } else {
                (title, b.link_chars as f32 / chars as f32, true)
            }
        }
        _ => (b.text.as_str(), b.link_density(), false),
    };
    // Words are counted only for a block the cheaper tests leave in doubt.
    let words = || text.split_whitespace().count();
    // An advert set among a box's teasers ("Promoted" links of a native-ad widget)
    // is no article of the site's.
    let teaser_box = b.flags.intersects(Flags::RELATED | Flags::TEASER)
        && !b.flags.contains(Flags::AD)
        && (link_density > 0.6 || b.heading > 0)
        && words() >= 3;
    // Any other linked headline outside the body ("Most read", a ticker, a list of
    // stories under the article): four words or more, a capital first, no sentence
    // end, not in an advert, a form or a share bar.
    let headline_link = link_density > 0.9
        && (4..=25).contains(&words())
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !(ends_like_sentence(text) || text.ends_with(['…', ':']))
        // A menu run into one block ("Politics Elections Opinions World") has no
        // lowercase word; a headline has, or the date it was published, or it is a
        // heading of its own (a press release's "X Reports Second Quarter Results").
        && (dated
            || b.heading > 0
            || text.split_whitespace().any(|w| w.starts_with(char::is_lowercase)))
        && !text.starts_with("Skip to")
        && !b.flags.intersects(not_headlines);
    // A teaser card: its headline is the element named its title, or its longest
    // link, beside a kicker, a date or a summary. A card links to its story: a
    // player's "Now playing" box names a title and links nowhere.
    let card_title = b
        .link_text
        .as_deref()
        .filter(|_| b.link_chars > 0)
        .filter(|t| {
            (MIN_RELATED_WORDS..=25).contains(&t.split_whitespace().count())
                && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !(ends_like_sentence(t) || t.ends_with(['…', ':']))
        });
    if card_title.is_some() && !b.flags.intersects(not_headlines) {
        return card_title;
    }
    if !(teaser_box || headline_link) {
        return None;
    }
    // A post navigation's links read "Previous <title>" and "Next <title>" (WordPress
    // puts the word in a span of its own); elsewhere a title may open with "Next".
    if b.flags.intersects(Flags::NAV) {
        for word in ["Previous", "Next"] {
            if let Some(rest) = text.strip_prefix(word) {
                let rest = rest
                    .trim_start_matches([' ', ':'])
                    .trim_start_matches("post")
                    .trim_start_matches("article")
                    .trim_start_matches([' ', ':']);
                if rest.starts_with(char::is_uppercase) {
                    return Some(rest);
                }
            }
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields of a page, stripped with the default options.
    fn fields_of(page: &str) -> Fields {
        fields(
            &dechaff_strip::strip(page, &dechaff_strip::Options::default()),
            &Gazetteer::builtin(),
        )
    }

    /// A text dump: `header` lines, four paragraphs of a fact check, then `footer`.
    fn dump(header: &[&str], footer: &[&str]) -> String {
        let para = |n: usize| {
            format!("Paragraph {n} of the check compares each frame of the clip with the simulator upload and finds the same clouds, the same smoke and the same bridge.")
        };
        let mut lines: Vec<String> = header.iter().map(|l| l.to_string()).collect();
        lines.extend((1..=4).map(para));
        lines.extend(footer.iter().map(|l| l.to_string()));
        lines.join("\n")
    }

    #[test]
    fn a_quoted_posts_credit_and_date_are_not_the_articles_header() {
        let header = [
            "Fact checks",
            "No, this video does not show a jet being shot down by a missile",
            "By Rhiannon Pryce",
            "Published 30 August 2024",
            "Share",
            "Facebook",
            "X",
            "WhatsApp",
            "Email",
            "Copy link",
            "VERDICT",
            "False",
            "The video was recorded in a flight simulator and first posted in 2021.",
            "True · Misleading · False · Fabricated",
            "THE CLAIM",
            "\"The first F-16 is down over Zaporizhzhia.\"",
            "Posted on X by @zov_frontline_88, 27 August 2024",
            "Reposted 18.4K times · 41K likes · 4.2M views",
        ];
        let f = fields_of(&dump(&header, &[]));
        assert_eq!(
            f.title.as_deref(),
            Some("No, this video does not show a jet being shot down by a missile")
        );
        assert_eq!(f.byline.as_deref(), Some("Rhiannon Pryce"));
        assert_eq!(f.published.as_deref(), Some("2024-08-30"));
    }

    #[test]
    fn a_byline_that_says_by_outranks_the_desks_line_under_it() {
        // Twelve lines above the body, the header zone starts at the desk's line.
        let header = [
            "Europe",
            "Forged letter claims France is sending troops to Odesa",
            "By Claire Moreau",
            "Lodestar Verify, Paris",
            "Published 14 March 2024",
            "Share",
            "Facebook",
            "Copy link",
            "VERDICT: FABRICATED",
            "The content was invented or doctored.",
            "The rating scale: True | Misleading | False | Fabricated",
            "THE CLAIM",
            "\"France sends soldiers to Odesa from 1 April. Share before it is deleted!\"",
            "Image of a two-page letter shared on X and Telegram",
            "3,870 shares · 12K reactions · 950K views",
        ];
        let f = fields_of(&dump(&header, &[]));
        assert_eq!(f.byline.as_deref(), Some("Claire Moreau"));
    }

    #[test]
    fn short_titles_that_carry_the_lists_details_are_related() {
        // First in its list, over a lead as the title after it is; second in its
        // list, over its author as the first title was.
        let footer = [
            "More in Europe",
            "Moldova’s long winter",
            "Chișinău has survived the energy squeeze so far. The next one may be harder.",
            "The Montreux Convention at ninety",
            "A treaty written for a different war still decides who sails into the sea.",
            "Recommended",
            "How Poland Built Europe’s Largest Army",
            "Magdalena Sowa",
            "Hanwha’s Long Game",
            "Sarah Lindqvist",
            "Related fact checks",
            "Did Russia destroy Patriot launchers in Kyiv? What the evidence shows",
            "Old video of explosions shared as new strike on a border town",
        ];
        let f = fields_of(&dump(&["Europe", "A headline over the check"], &footer));
        for title in [
            "Moldova’s long winter",
            "The Montreux Convention at ninety",
            "How Poland Built Europe’s Largest Army",
            "Hanwha’s Long Game",
            "Did Russia destroy Patriot launchers in Kyiv? What the evidence shows",
        ] {
            assert!(
                f.related.iter().any(|t| t == title),
                "{title}: {:?}",
                f.related
            );
        }
        // A menu's short lines carry only short lines; an author card's name repeats
        // in the line under it.
        let footer = [
            "Related stories",
            "Docker Brings Compose to the Agent Era",
            "Docker Accelerates Agent Development",
            "Docker Desktop",
            "Containerize your applications",
            "Docker Hub",
            "Recent Posts",
            "Follow Sarah",
            "Sarah Rudell Beach",
        ];
        let f = fields_of(&dump(&["Europe", "A headline over the check"], &footer));
        for junk in [
            "Docker Desktop",
            "Containerize your applications",
            "Follow Sarah",
        ] {
            assert!(
                !f.related.iter().any(|t| t == junk),
                "{junk}: {:?}",
                f.related
            );
        }
    }

    #[test]
    fn a_briefings_web_edition_gives_its_headline_sign_off_and_credits() {
        let lines = [
            "Newsletters",
            "Morning Brief",
            "MORNING BRIEF",
            "US halts Ukraine aid shipments as Brussels readies a rearmament plan",
            "No. 412 | Tuesday, 4 March 2025",
            "Share",
            "Copy link",
            "View in browser",
            "Forwarded this email? Sign up here",
            "NORTHGATE MORNING BRIEF",
            "Defence and industry news before your first meeting",
            "No. 412 | Tuesday, 4 March 2025",
            "Presented by Halvorsen Systems",
            "Trump orders pause on military aid to Ukraine",
            "President Donald Trump has ordered a halt to all US military assistance to Ukraine, a White House official said on Monday, three days after a meeting in the Oval Office.",
            "The pause covers equipment that has not yet crossed into Ukraine, including weapons in transit and stocks waiting at the logistics hub in Rzeszów. (Bloomberg)",
            "Von der Leyen's plan for European defence",
            "The European Commission will propose a plan to raise defence spending across the union by hundreds of billions of euros, with loans for joint purchases of air defence.",
            "Read more at The Guardian",
            "Today's Morning Brief: written by Dan Cheverton, edited by Ellen Whitcombe.",
            "Unsubscribe | Manage preferences | Privacy",
        ];
        let f = fields_of(&lines.join("\n"));
        assert_eq!(
            f.title.as_deref(),
            Some("US halts Ukraine aid shipments as Brussels readies a rearmament plan")
        );
        assert_eq!(f.byline.as_deref(), Some("Dan Cheverton"));
        assert_eq!(f.sources, ["The Guardian"]);
    }

    #[test]
    fn an_outlet_in_brackets_closing_a_paragraph_is_credited() {
        let g = Gazetteer::builtin();
        let recognizer = crate::entities::Recognizer::new();
        let credited = |t: &str| credited_sources(t, &recognizer.entities(t), &g);
        assert_eq!(
            credited("The pause covers stocks waiting at the hub in Rzeszów. (Bloomberg)\n\nNext."),
            ["Bloomberg"]
        );
        assert_eq!(
            credited("Output doubled this year. (Les Echos)"),
            ["Les Echos"]
        );
        // Brackets that close no sentence, or that the paragraph goes on after, are
        // no credit.
        assert!(credited("Talks with Bloomberg (Bloomberg) ended.").is_empty());
        assert!(credited("It rose. (Reuters) The ministry denied it.").is_empty());
    }

    #[test]
    fn a_channel_posts_date_under_its_views_and_its_forwarded_and_via_credits() {
        let para = |n: usize| {
            format!("Paragraph {n} of the post: air defence units shot down most of the drones launched overnight against the power plants in the north of the country.")
        };
        let mut lines = vec![
            "Frontline Digest".to_string(),
            "@frontline_digest".to_string(),
            "184.3K subscribers".to_string(),
            "Forwarded from Tavria Skywatch".to_string(),
        ];
        lines.extend((1..=4).map(para));
        lines.extend(
            [
                "via @kursk_frontline_maps",
                "#AirDefence #Energy",
                "🔥 2.4K",
                "👁 94.6K",
                "edited",
                "09:41",
                "March 7, 2025",
                "March 6",
                "How mobile fire groups hunt drones at night",
            ]
            .map(String::from),
        );
        let f = fields_of(&lines.join("\n"));
        assert_eq!(f.published.as_deref(), Some("2025-03-07"));
        for source in ["Tavria Skywatch", "@kursk_frontline_maps"] {
            assert!(
                f.sources.iter().any(|s| s == source),
                "{source}: {:?}",
                f.sources
            );
        }
        // Without the post's stamps, a date under the body is an update's or a
        // comment's, not the article's.
        let plain: Vec<&str> = lines
            .iter()
            .map(String::as_str)
            .filter(|l| !l.starts_with('👁') && *l != "09:41")
            .collect();
        assert_eq!(fields_of(&plain.join("\n")).published, None);
    }

    #[test]
    fn a_govuk_release_keeps_its_headline_and_standfirst_out_of_the_body() {
        let mut lines = vec![
            "Cookies on GOV.UK",
            "We'd like to set additional cookies to understand how you use GOV.UK, remember your settings and improve government services.",
            "Accept additional cookies",
            "Home",
            "Press release",
            "£1.6 billion contract signed for Belfast-built air defence missiles for Ukraine",
            "More than 5,000 Lightweight Multirole Missiles will be produced by Thales in Northern Ireland under a deal paid for through UK Export Finance.",
            "From:",
            "Defence Equipment and Support, Ministry of Defence and The Rt Hon John Healey MP",
            "Published",
            "3 March 2025",
        ];
        let para = "The UK has signed a contract that will see more than five thousand air defence missiles built in Belfast and sent to Ukraine, strengthening its ability to protect its cities.";
        lines.extend([para; 4]);
        let page = lines.join("\n");
        let f = fields_of(&page);
        assert_eq!(
            f.title.as_deref(),
            Some("£1.6 billion contract signed for Belfast-built air defence missiles for Ukraine")
        );
        assert_eq!(f.byline, None);
        let stripped = dechaff_strip::strip(&page, &dechaff_strip::Options::default());
        let body: Vec<&str> = stripped.body().map(|b| b.text.as_str()).collect();
        assert!(body.iter().all(|t| *t == para), "{body:?}");
    }

    #[test]
    fn a_newsletter_posts_embedded_post_is_related() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the post weighs what one interceptor costs against the drone it brings down, and who pays for the difference.</p>")
        };
        let body: String = (1..=4).map(para).collect();
        let page = format!(
            "<html><body><div class=\"post newsletter-post\"><h1>Who paid for the night</h1>{body}<div class=\"embedded-post-wrap\"><a class=\"embedded-post\" href=\"/p/iron-dome\"><div class=\"embedded-post-header\"><span>The Dome Report</span></div><div class=\"embedded-post-title\">Iron Dome at twelve: the economics of a missile defence icon</div><div class=\"embedded-post-body\">When the first battery fired, critics said each shot cost too much…</div></a></div>{}</div></body></html>",
            para(5)
        );
        let f = fields_of(&page);
        assert_eq!(
            f.related,
            ["Iron Dome at twelve: the economics of a missile defence icon"]
        );
    }

    #[test]
    fn a_text_dumps_embedded_post_is_related() {
        let para = |n: usize| {
            format!("Paragraph {n} of the post weighs what one interceptor costs against the drone it brings down, and who pays for the difference.")
        };
        let mut lines: Vec<String> = (1..=4).map(para).collect();
        lines.extend(
            [
                "The Interceptor Ledger",
                "Patriot math: how many batteries does Europe actually need?",
                "Germany has now promised Ukraine more fire units than it kept for itself. That raises…",
                "Read more",
                "8 months ago · 96 likes · 14 comments · Maren Solberg",
            ]
            .map(String::from),
        );
        lines.extend((5..=6).map(para));
        let f = fields_of(&lines.join("\n"));
        assert!(
            f.related
                .iter()
                .any(|t| t == "Patriot math: how many batteries does Europe actually need?"),
            "{:?}",
            f.related
        );
    }

    #[test]
    fn a_live_entrys_dateline_credits_its_agency() {
        let mut lines = vec!["Gulf shipping live: tanker seized near Hormuz".to_string()];
        for i in 0..7 {
            lines.push(format!("Entry {i}: the navy said its ships had kept watch over the strait through the night, and that traffic was moving again by the morning."));
        }
        lines.push("DUBAI, April 13 (Harbour Wire) - Iranian forces seized a container ship in the Gulf of Oman on Saturday, the navy said.".into());
        lines.push("The ship's owner (Gulf Line) - a small company - said it had lost contact with the crew.".into());
        let stripped = dechaff_strip::strip(&lines.join("\n"), &dechaff_strip::Options::default());
        assert_eq!(
            fields(&stripped, &Gazetteer::builtin()).sources,
            ["Harbour Wire"]
        );
    }

    #[test]
    fn an_agencys_dateline_without_a_dash_credits_the_agency() {
        let sources = |dateline: &str| {
            let lines = [
                "Frigate fires hypersonic missile in the White Sea".to_string(),
                dateline.to_string(),
                "The missile covered about a thousand kilometres before it hit the target, the ministry said in a statement on Saturday.".to_string(),
                "The frigate is the first of its class to carry the missile, which is due to enter service with the fleet this year.".to_string(),
            ];
            let stripped =
                dechaff_strip::strip(&lines.join("\n"), &dechaff_strip::Options::default());
            fields(&stripped, &Gazetteer::builtin()).sources
        };
        assert_eq!(
            sources("MOSCOW, May 28. /TASS/. The frigate Admiral Gorshkov fired a hypersonic cruise missile at a naval target in the White Sea."),
            ["TASS"]
        );
        assert_eq!(
            sources("NEW DELHI, Mar 11 (PTI) India on Monday carried out the first flight test of a missile fitted with several warheads."),
            ["PTI"]
        );
        // A number between slashes is no agency.
        assert!(sources("MOSCOW, May 28. The frigate fired 2 /3/ of its missiles at a naval target in the White Sea, it said.").is_empty());
    }

    #[test]
    fn a_source_line_of_fields_credits_its_first() {
        assert_eq!(
            attribution_names("Source: Tianhua | 2024-05-23 10:42:17 | Editor: Wang Lin"),
            ["Tianhua"]
        );
    }

    #[test]
    fn a_press_release_wires_dateline_credits_the_wire() {
        let lines = [
            "Hanwha signs K9 deal with Romania".to_string(),
            "SEOUL, South Korea, July 9, 2024 /PRNewswire/ -- Hanwha Aerospace has signed a contract to supply 54 K9 howitzers to Romania, the company said.".to_string(),
            "Deliveries will begin within two years, and most of the guns will be built in Changwon before they are shipped to Europe.".to_string(),
            "The contract also covers training, spare parts and ammunition supply vehicles for the Romanian Land Forces.".to_string(),
        ];
        let stripped = dechaff_strip::strip(&lines.join("\n"), &dechaff_strip::Options::default());
        assert_eq!(
            fields(&stripped, &Gazetteer::builtin()).sources,
            ["PRNewswire"]
        );
    }

    #[test]
    fn an_outlet_named_twice_is_one_source() {
        let sources = |list: &[&str]| {
            one_name_per_outlet(
                list.iter().map(|s| s.to_string()).collect(),
                &Gazetteer::builtin(),
            )
        };
        assert_eq!(
            sources(&[
                "Yonhap",
                "Korean Central News Agency",
                "Nadia Farouk",
                "KCNA"
            ]),
            ["Yonhap", "KCNA", "Nadia Farouk"]
        );
        // Without its canonical name among them, the first form printed.
        assert_eq!(sources(&["AFP", "Agence France Presse"]), ["AFP"]);
    }

    #[test]
    fn a_source_is_a_name() {
        let gazetteer = Gazetteer::builtin();
        let sources = |line: &str| -> Vec<String> {
            attribution_names(line)
                .into_iter()
                .filter(|n| names_a_source(n, &gazetteer))
                .collect()
        };
        assert_eq!(
            sources("Via dei Coronari 48, 00186 Roma"),
            Vec::<String>::new()
        );
        assert_eq!(
            sources("Reporting by Menadefense, 2024–2025; unconfirmed by either government."),
            ["Menadefense"]
        );
        assert_eq!(sources("Mit Material von dpa und AFP"), ["dpa", "AFP"]);
    }

    #[test]
    fn attribution_lines() {
        assert_eq!(
            attribution_names("With information from: Southfront / TehranTimes / AMN"),
            ["Southfront", "TehranTimes", "AMN"]
        );
        assert_eq!(
            attribution_names("Reporting by Olena Kovalenko in Kyiv; Additional reporting by Mark Hale; Editing by Ann Lee"),
            ["Olena Kovalenko", "Mark Hale"]
        );
        assert_eq!(attribution_names("Source: Defense News"), ["Defense News"]);
        assert_eq!(
            attribution_names(
                "Associated Press writer Erik Sundqvist in Stockholm contributed to this report."
            ),
            ["Erik Sundqvist"]
        );
        assert_eq!(
            attribution_names("Mit Material von dpa und AFP"),
            ["dpa", "AFP"]
        );
        assert_eq!(
            attribution_names("With files from the Associated Press."),
            ["Associated Press"]
        );
        assert_eq!(attribution_names("With AFP"), ["AFP"]);
        assert_eq!(
            attribution_names(
                "Reporting by Mei Ling Tan and J. Arun Nair in Singapore, with additional reporting by Kenji Watanabe in Tokyo. Editing by Joanne Kerr."
            ),
            ["Mei Ling Tan", "J. Arun Nair", "Kenji Watanabe"]
        );
        assert_eq!(
            attribution_names(
                "With contributions from Anna Petrenko in Kyiv and Piotr Nowak in Warsaw."
            ),
            ["Anna Petrenko", "Piotr Nowak"]
        );
        // A letter whose lowercase is longer ("İ") must not shift the offsets.
        assert_eq!(
            attribution_names("İSTANBUL desk; reporting by Ayşe Kaya"),
            ["Ayşe Kaya"]
        );
    }

    #[test]
    fn json_ld_values_are_found_without_splitting_characters() {
        assert_eq!(
            string_after_key(r#"{"datePublished" : "2024-03-05"}"#, "datePublished"),
            Some("2024-03-05")
        );
        assert_eq!(
            string_after_key(r#"{"datePublished": 5}"#, "datePublished"),
            None
        );
        // "author" then two-byte characters past the reach: with either padding, one
        // of the two cuts falls inside a character.
        for pad in ["", "x"] {
            let ld = format!(
                r#"{{"author": {{"x": "{pad}{}", "name": "Jane Roe"}}}}"#,
                "é".repeat(300)
            );
            let page = format!(
                r#"<html><head><script type="application/ld+json">{ld}</script></head><body><p>Text of the article, long enough to be a paragraph of prose here.</p></body></html>"#
            );
            let stripped = dechaff_strip::strip(&page, &dechaff_strip::Options::default());
            assert_eq!(json_ld_author(&stripped), None);
        }
        let near = r#"{"author": {"@type": "Person", "name": "Jane Roe"}}"#;
        let page =
            format!(r#"<script type="application/ld+json">{near}</script><p>Body text.</p>"#);
        let stripped = dechaff_strip::strip(&page, &dechaff_strip::Options::default());
        assert_eq!(json_ld_author(&stripped).as_deref(), Some("Jane Roe"));
    }

    /// The related titles that `related_link_title` reads off an HTML page's blocks.
    fn link_titles(page: &str) -> Vec<String> {
        let stripped = dechaff_strip::strip(page, &dechaff_strip::Options::default());
        stripped
            .document
            .blocks
            .iter()
            .filter_map(|b| related_link_title(b, Flags::empty()))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn a_dated_headline_in_a_list_is_a_related_title_without_its_date() {
        let item = |title: &str, date: &str| {
            format!(r#"<li><a href="/x">{title}</a> <span class="post-date">{date}</span></li>"#)
        };
        let page = format!(
            r#"<html><body><article><h1>Tanks</h1><p>The ministry signed the contract for the tanks on Tuesday, with deliveries to start next year and run for five years.</p></article><aside><h4>Latest news</h4><ul>{}{}{}<li><a href="/y">Explained: why Europe keeps buying howitzers</a><span>January 31, 2024</span></li></ul></aside><nav><ul><li><a href="/a">Politics Elections Opinions World</a></li></ul></nav></body></html>"#,
            item(
                "Ukraine | Bohdana Howitzer Production Doubles",
                "November 11, 2025"
            ),
            item(
                "Lithuania | First Leopard 2A8 Tanks Ordered",
                "12 November 2025"
            ),
            item("North Korea unveils its largest warship yet", "26 Apr 2025"),
        );
        let titles = link_titles(&page);
        assert_eq!(
            titles,
            [
                "Ukraine | Bohdana Howitzer Production Doubles",
                "Lithuania | First Leopard 2A8 Tanks Ordered",
                "North Korea unveils its largest warship yet",
                "Explained: why Europe keeps buying howitzers"
            ]
        );
    }

    #[test]
    fn a_teaser_card_with_its_kicker_and_date_run_in_is_a_related_title() {
        // The kicker and the date, outside the link, are run into the title with no
        // space.
        let page = r#"<html><body><article><h1>Tanks</h1><p>The ministry signed the contract for the tanks on Tuesday, with deliveries to start next year and run for five years.</p></article><ul class="teaser-list"><li class="teaser"><span class="teaser__type">Commentary</span><a href="/g">Javier Milei's Defense Gamble</a><span class="teaser__date">January 31, 2024</span></li></ul></body></html>"#;
        let titles = link_titles(page);
        assert_eq!(titles, ["Javier Milei's Defense Gamble"]);
        // A card's headline is its link, apart from its summary.
        let page = r#"<html><body><article><h1>Tanks</h1><p>The ministry signed the contract for the tanks on Tuesday, with deliveries to start next year and run for five years.</p></article><ul class="teaser-liste"><li class="teaser"><a href="/m"><span>Marineflieger</span> <span>Marineflieger: Letzter P-3C-Flug über der Nordsee geplant</span></a><span>Nach fast zwei Jahrzehnten verabschiedet sich Nordholz von der Orion. Zum Abschied ist ein Überflug über Cuxhaven geplant.</span></li></ul></body></html>"#;
        let titles = link_titles(page);
        assert_eq!(
            titles,
            ["Marineflieger Marineflieger: Letzter P-3C-Flug über der Nordsee geplant"]
        );
    }

    #[test]
    fn post_navigation_links_lose_their_previous_and_next() {
        let page = r#"<html><body><article><h1>Tanks</h1><p>The ministry signed the contract for the tanks on Tuesday, with deliveries to start next year and run for five years.</p></article><nav class="navigation post-navigation"><div class="nav-previous"><a href="/p"><span class="meta-nav">Previous</span> <span>Polish Apaches: first crews begin training in Arizona</span></a></div><div class="nav-next"><a href="/n"><span class="meta-nav">Next</span> <span>K2PL production line opens in Bumar</span></a></div></nav><aside class="related"><ul><li><a href="/g">Next Generation Jammer enters service with the fleet</a></li></ul></aside></body></html>"#;
        let titles = link_titles(page);
        assert_eq!(
            titles,
            [
                "Polish Apaches: first crews begin training in Arizona",
                "K2PL production line opens in Bumar",
                "Next Generation Jammer enters service with the fleet"
            ]
        );
    }

    #[test]
    fn an_advert_under_the_teasers_is_no_related_title() {
        let dump = [
            "Frigate home after six weeks",
            "The frigate returned to its home port on Tuesday after six long weeks of escorting merchant ships through the narrow strait.",
            "Its crew said the last convoy had been the hardest, with drones sighted on three nights running and the weather turning early.",
            "Related",
            "Navy orders two more patrol boats for the northern fleet",
            "Sponsored",
            "Counter-UAS Summit Warsaw — early bird tickets end Friday",
        ]
        .join("\n");
        let stripped = dechaff_strip::strip(&dump, &dechaff_strip::Options::default());
        let titles: Vec<String> = teaser_titles(&stripped.document.blocks, &stripped.decisions)
            .iter()
            .map(|t| t.text().to_string())
            .collect();
        assert!(titles
            .contains(&"Navy orders two more patrol boats for the northern fleet".to_string()));
        assert!(!titles.iter().any(|t| t.contains("Summit")), "{titles:?}");
    }

    #[test]
    fn a_native_ad_in_the_related_box_is_no_related_title() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the report: the frigate returned to its home port after six long weeks of escorting merchant ships through the strait.</p>")
        };
        let body: String = (1..=4).map(para).collect();
        let page = format!(
            "<html><body><main><article><h1>Frigate home after six weeks</h1>{body}</article>\
             <aside class=\"related\"><h2>Related</h2><ul>\
             <li><a href=\"/navy/patrol-boats\">Navy orders two more patrol boats for the northern fleet</a></li>\
             </ul><div id=\"taboola-below-article\" class=\"taboola-wrapper\">\
             <div class=\"trc_item\"><a href=\"https://ads.example/x1\">Doctors stunned: this simple trick helps with knee pain</a><span>Ad</span></div>\
             </div></aside></main></body></html>"
        );
        let related = fields_of(&page).related;
        assert!(
            related
                .contains(&"Navy orders two more patrol boats for the northern fleet".to_string()),
            "{related:?}"
        );
        assert!(
            !related.iter().any(|t| t.contains("Doctors")),
            "{related:?}"
        );
    }

    #[test]
    fn a_short_title_over_its_authors_name_is_a_related_title() {
        let dump = [
            "The Carrier Question",
            "By Samira Haddad",
            "March 3, 2025",
            "The navy's newest carrier left port on Monday for its first long deployment, a cruise of six months that will take it through the Red Sea and into the Indian Ocean.",
            "Officers aboard said the air wing had trained for months to fly from the ship in the heat of the Gulf, where the last carrier's deployment was cut short by engine trouble.",
            "The ship's escorts include two destroyers and a supply ship, and a submarine is expected to join the group before it reaches the Strait of Hormuz.",
            "From the same issue",
            "Iran Under Fire",
            "Samira Haddad",
            "The Carrier Is Not Dead Yet",
            "Follow Sarah",
            "Sarah Lindqvist",
        ]
        .join("\n");
        let related = fields_of(&dump).related;
        assert!(
            related.contains(&"Iran Under Fire".to_string()),
            "{related:?}"
        );
        assert!(
            !related.contains(&"Follow Sarah".to_string()),
            "{related:?}"
        );
    }

    #[test]
    fn a_list_items_linked_title_beside_its_author_is_a_related_title() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the essay: the alliance's new spending pledge will be judged by what the armies buy with it, not by the share of output it names.</p>")
        };
        let body: String = (1..=4).map(para).collect();
        let item = |title: &str, author: &str| {
            format!(
                "<li><a href=\"/essays/{}\">{title}</a> <span class=\"who\">{author}</span></li>",
                title.len()
            )
        };
        let page = format!(
            "<html><body><main><article><h1>The pledge and the arsenal</h1>{body}</article>\
             <aside class=\"same-issue\"><h2>From the August 2025 issue</h2><ul>{}{}</ul></aside></main></body></html>",
            item("What Israel Learned From Twelve Days", "Avi Dressler"),
            item("Belarus, the Silent Co-Belligerent", "Natalia Grebe"),
        );
        let related = fields_of(&page).related;
        assert!(
            related.contains(&"What Israel Learned From Twelve Days".to_string()),
            "{related:?}"
        );
        assert!(
            !related.iter().any(|t| t.contains("Dressler")),
            "{related:?}"
        );
    }

    #[test]
    fn a_linked_heading_in_title_case_is_a_related_title() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the release: the company delivered the first production lot of interceptors to the army ahead of schedule, it said.</p>")
        };
        let body: String = (1..=4).map(para).collect();
        let card = |title: &str| {
            format!("<div class=\"card\"><a href=\"/news/{}\"><h4>{title}</h4></a><p>Jul 22, 2025, 06:55 ET</p></div>", title.len())
        };
        let page = format!(
            "<html><body><main><article><h1>First interceptor lot delivered</h1>{body}</article>\
             <section><h3>Also from this source</h3>{}{}</section></main></body></html>",
            card("Company Signs Agreement on Missile Parts Production in Germany"),
            card("Company Reports Second Quarter 2025 Results"),
        );
        let related = fields_of(&page).related;
        assert!(
            related.contains(&"Company Reports Second Quarter 2025 Results".to_string()),
            "{related:?}"
        );
    }

    #[test]
    fn a_press_releases_issuer_is_no_byline() {
        let release = |label: &str| {
            [
                "News Releases",
                "Shipyard Hands Over Second Offshore Patrol Vessel to the Navy",
                label,
                "Northwind Shipbuilding AS",
                "Sep 17, 2025, 09:05 ET",
                "The shipyard said on Wednesday that it had handed over the second of four offshore patrol vessels to the navy, two months ahead of the contract's schedule.",
                "The vessel will join its sister ship at the naval base in the north after a month of crew training and sea trials off the coast.",
            ]
            .join("\n")
        };
        assert_eq!(fields_of(&release("News provided by")).byline, None);
        assert_eq!(fields_of(&release("Issued by:")).byline, None);
        // Labels that credit an author keep their name.
        assert_eq!(
            fields_of(&release("Written by")).byline.as_deref(),
            Some("Northwind Shipbuilding AS")
        );
    }

    #[test]
    fn the_issuer_under_news_provided_by_is_no_title() {
        let dump = [
            "Government & Policy",
            "Ministry of Defence Completes Acceptance Tests of Laser Interceptor",
            "First high-power laser air defence system declared ready for operational use; initial systems to go to the air force this year",
            "News provided by",
            "Ministry of Defence of Ruritania",
            "Sep 17, 2025, 09:05 ET",
            "The ministry said on Wednesday that the laser interceptor had completed its last series of acceptance tests and would be handed over to the air force by the end of the year.",
            "Officials said the system brought down drones, rockets and mortar bombs during the trials at a range in the south, at a cost of a few dollars for each shot.",
        ]
        .join("\n");
        assert_eq!(
            fields_of(&dump).title.as_deref(),
            Some("Ministry of Defence Completes Acceptance Tests of Laser Interceptor")
        );
    }

    #[test]
    fn a_list_of_titles_and_authors_keeps_its_short_titles_and_not_the_contacts() {
        let dump = [
            "Frigate home after six weeks",
            "The frigate returned to its home port on Tuesday after six long weeks of escorting merchant ships through the narrow strait.",
            "Its crew said the last convoy had been the hardest, with drones sighted on three nights running and the weather turning early.",
            "Media contact",
            "Jane Roe",
            "T: +44 (0)20 7946 0000",
            "Downloads",
            "Frigate image pack (ZIP, 48 MB)",
            "From the same issue",
            "Why the navy keeps its old frigates at sea",
            "Anna Kuusela",
            "What the convoys taught the fleet",
            "Rafael Monteiro",
            "The Gotland Question",
            "Erik Halvorsen",
            "View all news",
        ]
        .join("\n");
        let related = fields_of(&dump).related;
        assert_eq!(
            related,
            [
                "Why the navy keeps its old frigates at sea",
                "What the convoys taught the fleet",
                "The Gotland Question"
            ],
        );
    }

    #[test]
    fn a_role_run_into_the_byline_goes_when_the_page_declares_the_name() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the essay: for sixty years the alliance's deterrent has rested on American bombs, and now its members ask what else could carry it.</p>")
        };
        let body: String = (1..=4).map(para).collect();
        let page = |author: &str, byline: &str, role: &str| {
            format!(
                "<html><head><meta name=\"author\" content=\"{author}\"></head><body><main><article>\
                 <h1>Europe's nuclear question returns</h1><div class=\"entry-meta\"><span class=\"byline\">By {byline}</span> \
                 <span class=\"author-role\">{role}</span></div>{body}</article></main></body></html>"
            )
        };
        let byline = fields_of(&page(
            "Hélène Marchetti",
            "<a href=\"/author/hm\">Hélène Marchetti</a>",
            "Director, Nuclear Policy Programme",
        ))
        .byline;
        assert_eq!(byline.as_deref(), Some("Hélène Marchetti"));
        // More names after the declared one stay.
        let byline = fields_of(&page(
            "Hélène Marchetti",
            "Hélène Marchetti and Jan Novak",
            "",
        ))
        .byline;
        assert_eq!(byline.as_deref(), Some("Hélène Marchetti and Jan Novak"));
        let byline = fields_of(&page("Hélène Marchetti", "Hélène Marchetti, Jan Novak", "")).byline;
        assert_eq!(byline.as_deref(), Some("Hélène Marchetti, Jan Novak"));
    }

    #[test]
    fn a_paid_links_card_is_no_related_title() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the report: the frigate returned to its home port after six long weeks of escorting merchant ships through the strait.</p>")
        };
        let body: String = (1..=4).map(para).collect();
        let card = |href: &str, rel: &str, title: &str| {
            format!("<div class=\"card\"><a href=\"{href}\" rel=\"{rel}\"><p class=\"card-headline\">{title}</p></a></div>")
        };
        let page = format!(
            "<html><body><main><article><h1>Frigate home after six weeks</h1>{body}</article>\
             <section><h2>Top stories</h2>{}</section><section class=\"om-box\"><h2>Partner content</h2>{}</section></main></body></html>",
            card("/navy/patrol-boats", "bookmark", "Navy orders two more patrol boats for the northern fleet"),
            card("https://ads.example/c1", "sponsored nofollow", "The savings account that is paying 5% this spring"),
        );
        let related = fields_of(&page).related;
        assert!(
            related
                .contains(&"Navy orders two more patrol boats for the northern fleet".to_string()),
            "{related:?}"
        );
        assert!(
            !related.iter().any(|t| t.contains("savings")),
            "{related:?}"
        );
    }

    #[test]
    fn a_german_portals_top_themen_are_related_and_its_footer_is_not() {
        let dump = [
            "Fregatte nach sechs Wochen zurück",
            "Die Fregatte ist am Dienstag nach sechs langen Wochen im Geleitschutz für Handelsschiffe in ihren Heimathafen zurückgekehrt.",
            "Die Besatzung sagte, der letzte Geleitzug sei der schwerste gewesen, mit Drohnen in drei Nächten hintereinander.",
            "Top-Themen",
            "Wehrdienst: Was die neuen Pläne für junge Männer bedeuten",
            "Bahn: Generalsanierung legt wichtige Strecke bis Dezember lahm",
            "Über uns",
            "Kontakt",
        ]
        .join("\n");
        assert_eq!(
            fields_of(&dump).related,
            [
                "Wehrdienst: Was die neuen Pläne für junge Männer bedeuten",
                "Bahn: Generalsanierung legt wichtige Strecke bis Dezember lahm"
            ]
        );
    }

    #[test]
    fn a_short_title_over_its_standfirst_is_the_title_and_a_promo_is_not() {
        let dump = [
            "Subscribe",
            "Spring offer: 12 issues and the full archive for £59",
            "Northern Europe",
            "The Inland Sea",
            "With Finland and Sweden inside the alliance, the Baltic looks like an allied lake on the map. On the seabed it is nothing of the kind.",
            "By Katarzyna Lindqvist",
            "The cable between Estonia and Finland went dark a little after noon on Christmas Day, and within hours the navies of the region were asking the same question.",
            "It was not the first time: a gas pipeline and two data cables had been cut the year before by a ship dragging its anchor across the seabed for a hundred miles.",
        ]
        .join("\n");
        let f = fields_of(&dump);
        assert_eq!(f.title.as_deref(), Some("The Inland Sea"));
        assert_eq!(f.section.as_deref(), Some("Northern Europe"));
    }

    #[test]
    fn a_standfirsts_bullet_points_are_no_title() {
        let dump = [
            "World News",
            "Destroyer blasts ballistic missile out of the sky in a navy first",
            "• Defence Secretary hails the warship's crew",
            "• Rebels have fired dozens of missiles at ships this year",
            "By Tom Pryce, Defence Editor",
            "25 April 2024, 9:41 pm",
            "The destroyer shot down a ballistic missile fired at a merchant ship in the Gulf of Aden on Wednesday night, the ministry said.",
            "It is the first time a ship of the class has downed a ballistic missile in combat, and the crew were praised by ministers.",
        ]
        .join("\n");
        assert_eq!(
            fields_of(&dump).title.as_deref(),
            Some("Destroyer blasts ballistic missile out of the sky in a navy first")
        );
        // Nor is a kicker in capitals over the headline, however many its words.
        let kicked = dump.replace("World News\n", "World News\nWE SEE YOU, VLAD\n");
        assert_eq!(
            fields_of(&kicked).title.as_deref(),
            Some("Destroyer blasts ballistic missile out of the sky in a navy first")
        );
    }

    #[test]
    fn a_headline_under_its_date_is_the_title_and_the_label_over_the_date_the_section() {
        let dump = [
            "Newsroom",
            "Press releases",
            "Press release",
            "03 Mar 2025",
            "Company to supply more than 5,000 air defence missiles under a new agreement",
            "Share",
            "BELFAST, 3 March 2025 – The company has signed an agreement to supply more than 5,000 lightweight missiles, the ministry said.",
            "The missiles will be built in Belfast, where the company employs several hundred people, and deliveries begin this year.",
        ]
        .join("\n");
        let f = fields_of(&dump);
        assert_eq!(
            f.title.as_deref(),
            Some("Company to supply more than 5,000 air defence missiles under a new agreement")
        );
        assert_eq!(f.section.as_deref(), Some("Press release"));
    }

    #[test]
    fn a_label_printed_twice_over_the_date_is_no_byline() {
        let dump = [
            "Home",
            "Military & Defense",
            "Military & Defense",
            "28 MAY 2022, 14:05",
            "Frigate hits White Sea target with hypersonic missile on first live firing",
            "MOSCOW, May 28. /TASS/. The frigate fired a hypersonic cruise missile from the Barents Sea at a naval target in the White Sea.",
            "The missile covered about a thousand kilometres before it hit the target, the ministry said in a statement on Saturday.",
        ]
        .join("\n");
        let f = fields_of(&dump);
        assert_eq!(f.byline, None);
        assert_eq!(
            f.title.as_deref(),
            Some("Frigate hits White Sea target with hypersonic missile on first live firing")
        );
    }

    /// A text dump of an article with `tail` under its last paragraph.
    fn dump_with_tail(tail: &[&str]) -> Stripped {
        let mut lines = vec![
            "Frigate home after six weeks",
            "The frigate returned to its home port on Tuesday after six long weeks of escorting merchant ships through the narrow strait.",
            "Its crew said the last convoy had been the hardest, with drones sighted on three nights running and the weather turning early.",
        ];
        lines.extend_from_slice(tail);
        dechaff_strip::strip(&lines.join("\n"), &dechaff_strip::Options::default())
    }

    #[test]
    fn a_teaser_list_goes_on_past_each_teasers_lead_author_and_counts() {
        let stripped = dump_with_tail(&[
            "Similar topics",
            "Sweden's NATO bid: waiting for Ankara and Budapest",
            "by Viking_Oar » Wed May 18, 2022 10:04 am » in Sweden",
            "212 Replies",
            "18345 Views",
            "Finland picks the F-35A: HX decision thread",
            "The air force chose the jet over four rivals after a three-year competition.",
            "‘We just ran’: survivors describe the night the missiles hit",
            // A date on a line of its own is a detail too, though it reads as a cue.
            "By Vardar_Rider,",
            "January 14, 2024",
            "27 replies",
            "Serbian MiG-29 fleet: what is left flying?",
        ]);
        let titles = fields(&stripped, &Gazetteer::builtin()).related;
        assert_eq!(
            titles,
            [
                "Sweden's NATO bid: waiting for Ankara and Budapest",
                "Finland picks the F-35A: HX decision thread",
                "‘We just ran’: survivors describe the night the missiles hit",
                "Serbian MiG-29 fleet: what is left flying?",
            ]
        );
    }

    #[test]
    fn promotions_roles_and_event_lists_are_no_related_titles() {
        let titles = |tail: &[&str]| fields(&dump_with_tail(tail), &Gazetteer::builtin()).related;
        // An app's promotion: its store labels follow within a few lines.
        let app = [
            "Related stories",
            "Frigate returns to Kiel after six weeks at sea",
            "Watch Harbour TV wherever you are",
            "Stream our news channel live in the app.",
            "App Store",
            "Google Play",
        ];
        assert_eq!(
            titles(&app),
            ["Frigate returns to Kiel after six weeks at sea"]
        );
        // The site's accounts: network labels on the very next line. A teaser a few
        // lines above such a box is still a teaser.
        let social = [
            "Related stories",
            "Frigate returns to Kiel after six weeks at sea",
            "More",
            "Ministry of Defence on social media",
            "Facebook",
            "X",
        ];
        assert_eq!(
            titles(&social),
            ["Frigate returns to Kiel after six weeks at sea"]
        );
        // An author card's role, and a list of events.
        let role = [
            "Related stories",
            "Frigate returns to Kiel after six weeks at sea",
            "Senior Fellow, Maritime Security Programme",
        ];
        assert_eq!(
            titles(&role),
            ["Frigate returns to Kiel after six weeks at sea"]
        );
        let events = [
            "Related stories",
            "Frigate returns to Kiel after six weeks at sea",
            "Upcoming events",
            "Naval Power briefing in Kiel this spring",
        ];
        assert_eq!(
            titles(&events),
            ["Frigate returns to Kiel after six weeks at sea"]
        );
        // "Recent Posts" heads a list of the site's stories, and ends the list of
        // events that a category named "Events" seemed to open.
        let recent = [
            "Leave a Reply",
            "Categories",
            "Events",
            "Travel",
            "Recent Posts",
            "Frigate returns to Kiel after six weeks at sea",
        ];
        assert_eq!(
            titles(&recent),
            ["Frigate returns to Kiel after six weeks at sea"]
        );
        // A newsletter's or an event stand's call among the teasers, and a contact
        // card; a title-case headline with commas stays.
        let calls = [
            "Related stories",
            "Frigate returns to Kiel after six weeks at sea",
            "Get the top stories from the Baltic delivered to your inbox every morning",
            "Meet the Harbour Wire team at DSEI 2025 — Stand S4-210, ExCeL London",
            "Harbour Wire News Agency, Kiel, Germany",
            "Jana Kovar, Press Officer, Naval Systems",
            "Drones, Mines, and Missiles in the Baltic Sea",
        ];
        assert_eq!(
            titles(&calls),
            [
                "Frigate returns to Kiel after six weeks at sea",
                "Drones, Mines, and Missiles in the Baltic Sea"
            ]
        );
    }

    #[test]
    fn a_cards_lead_under_its_headline_is_no_related_title() {
        let card = |href: &str, title: &str, lead: &str| {
            format!(r#"<div class="card"><a href="{href}"><h3>{title}</h3><p>{lead}</p></a></div>"#)
        };
        let page = format!(
            r#"<html><body><article><h1>Tanks</h1><p>The ministry signed the contract for the tanks on Tuesday, with deliveries to start next year and run for five years.</p></article><section class="related">{}{}</section></body></html>"#,
            card(
                "/a",
                "Greenland, Pituffik and the US radar chain",
                "Why a Cold War base matters again."
            ),
            card(
                "/b",
                "Sweden’s submarine force returns to Gotland",
                "A new base and a new mission for the fleet."
            ),
        );
        let stripped = dechaff_strip::strip(&page, &dechaff_strip::Options::default());
        assert_eq!(
            fields(&stripped, &Gazetteer::builtin()).related,
            [
                "Greenland, Pituffik and the US radar chain",
                "Sweden’s submarine force returns to Gotland"
            ]
        );
    }

    #[test]
    fn a_video_list_holds_no_related_titles() {
        let stripped = dump_with_tail(&[
            "Most read",
            "Navy orders two more patrol boats for the northern fleet",
            "Latest videos",
            "2:12",
            "Satellite images show damage at the air base after the strikes",
            "1:05",
        ]);
        let titles = fields(&stripped, &Gazetteer::builtin()).related;
        assert_eq!(
            titles,
            ["Navy orders two more patrol boats for the northern fleet"]
        );
        let page = r#"<html><body><article><h1>Tanks</h1><p>The ministry signed the contract for the tanks on Tuesday, with deliveries to start next year and run for five years.</p></article><aside><section><h3>Latest videos</h3><div><a href="/v1"><span>How the air force lost its fighters</span><span>4:02</span></a></div></section></aside></body></html>"#;
        assert!(fields_of(page).related.is_empty());
    }

    #[test]
    fn a_footer_menu_under_the_article_holds_no_related_titles() {
        let stripped = dump_with_tail(&[
            "About government",
            "Related Research",
            "Commentary",
            "Navy orders two more patrol boats for the northern fleet",
            "The boats will patrol the fjords from the spring of next year.",
            "Contact us",
            "Departments and agencies",
            "Public service and military",
            "News",
            "Treaties, laws and regulations",
            "Government-wide reporting",
            "Prime Minister",
            "Privacy",
            "Symbol of the Government of Canada",
        ]);
        let titles = fields(&stripped, &Gazetteer::builtin()).related;
        // The kicker over the teaser sits on one side of it only.
        assert_eq!(
            titles,
            ["Navy orders two more patrol boats for the northern fleet"]
        );
    }

    #[test]
    fn contacts_and_topics_under_the_article_are_no_related_titles() {
        let stripped = dump_with_tail(&[
            "About the Navy",
            "Media contact",
            "Naval Surface Force Atlantic Public Affairs",
            "757-555-0100",
            "Topics",
            "Middle East and North Africa",
            "OTHER NEWS",
            "Navy orders two more patrol boats for the northern fleet",
        ]);
        let titles = fields(&stripped, &Gazetteer::builtin()).related;
        assert_eq!(
            titles,
            ["Navy orders two more patrol boats for the northern fleet"]
        );
    }

    #[test]
    fn a_programme_box_links_no_related_article() {
        let page = r#"<html><body><article><h1>Tanks</h1><p>The ministry signed the contract for the tanks on Tuesday, with deliveries to start next year and run for five years.</p></article><aside><div class="box"><h4>Programme</h4><p><a href="/p">Security Policy and the High North</a></p></div><div class="related"><h3>More from the programme</h3><p><a href="/s">Svalbard and the Limits of Ambiguity</a></p></div></aside></body></html>"#;
        let related = fields_of(page).related;
        assert_eq!(related, ["Svalbard and the Limits of Ambiguity"]);
    }

    #[test]
    fn the_article_itself_in_a_list_of_latest_stories_is_not_related() {
        let dump = [
            "Editor's picks",
            "Frigate returns home after six weeks at sea",
            "Naval",
            "Navy orders two more patrol boats for the fleet",
            "Updated 3 hours ago",
            "The ministry signed the contract for the boats on Tuesday, with deliveries to start next year and run for five years.",
            "The two boats will patrol the northern coast, where the fleet has had only one ship on station for most of the last decade.",
        ]
        .join("\n");
        let fields = fields_of(&dump);
        assert_eq!(
            fields.title.as_deref(),
            Some("Navy orders two more patrol boats for the fleet")
        );
        assert_eq!(
            fields.related,
            ["Frigate returns home after six weeks at sea"]
        );
    }

    #[test]
    fn a_table_of_contents_is_no_list_of_related_titles() {
        let page = r##"<html><body><article><h1>Poland's second K2 order, explained</h1>
<nav class="toc"><p>In this article</p><ul><li><a href="#q1">What has Poland signed?</a></li><li><a href="#q2">Why buy from South Korea?</a></li><li><a href="#q3">When do the Polish-built tanks arrive?</a></li></ul></nav>
<h2 id="q1">What has Poland signed?</h2><p>Warsaw signed a second executive contract for 180 K2 tanks on Friday, with part of the fleet to be built by Bumar-Łabędy in Gliwice from 2026 onwards.</p>
<h2 id="q2">Why buy from South Korea?</h2><p>Hyundai Rotem could deliver tanks within months of signing, while European lines were full for years, and the price per tank was lower than the Leopard 2A8.</p>
<h2 id="q3">When do the Polish-built tanks arrive?</h2><p>The first K2PL tanks assembled in Poland are due in 2026, with local content rising in each batch until the last deliveries around 2030.</p>
</article></body></html>"##;
        let related = fields_of(page).related;
        assert!(
            !related.iter().any(|t| t == "What has Poland signed?"),
            "{related:?}"
        );
    }

    const BODY: [&str; 2] = [
        "The defence investment centre signed for twelve more K9 self-propelled howitzers on Monday, which brings the army's fleet to thirty-six guns by the end of the decade.",
        "Deliveries start next year from Hanwha's plant, and the first battery will train at the central range before it joins the division's artillery battalion in the spring.",
    ];

    #[test]
    fn a_reporters_name_over_a_role_line_anchors_the_header_without_a_date() {
        let mut dump = vec![
            "Watch live",
            "Europe",
            "Baltic security",
            "Estonia orders more K9 howitzers for its artillery battalions",
            "Kadri Tamm",
            "Baltic correspondent",
            "Share",
        ];
        dump.extend(BODY);
        let f = fields_of(&dump.join("\n"));
        assert_eq!(
            f.title.as_deref(),
            Some("Estonia orders more K9 howitzers for its artillery battalions")
        );
        assert_eq!(f.byline.as_deref(), Some("Kadri Tamm"));
        assert_eq!(f.section.as_deref(), Some("Baltic security"));
    }

    #[test]
    fn a_place_between_the_names_and_the_date_is_skipped() {
        let mut dump = vec![
            "Abo",
            "E-Paper",
            "Login",
            "Anzeige",
            "Startseite > Lokales > Tallinn",
            "Tallinn",
            "Marine",
            "Estonia orders more K9 howitzers for its artillery battalions",
            "Kadri Tamm und Jaan Kask",
            "Tallinn",
            "20.04.2024 | 16:05 Uhr",
            "Aktualisiert: 20.04.2024 | 19:32 Uhr",
        ];
        dump.extend(BODY);
        let f = fields_of(&dump.join("\n"));
        assert_eq!(f.byline.as_deref(), Some("Kadri Tamm und Jaan Kask"));
    }

    /// The section of a text dump: the lines `above` the `header` (headline, byline,
    /// date), then three paragraphs "Paragraph N says `says`".
    fn section_under(above: &[&str], header: [&str; 3], says: &str) -> Option<String> {
        let mut lines: Vec<String> = above.iter().chain(&header).map(|l| l.to_string()).collect();
        lines.extend((1..=3).map(|n| format!("Paragraph {n} says {says}")));
        fields_of(&lines.join("\n")).section
    }

    #[test]
    fn the_headline_under_a_kicker_beats_the_summary_lines_under_it() {
        let dump = |kicker: &str| {
            [
                "News",
                "Politik",
                "Ausland",
                kicker,
                "Putins Kampfjets zwölf Minuten über Nato-Gebiet!",
                "Drei MiG-31 dringen in estnischen Luftraum ein",
                "Italienische F-35 steigen auf",
                "Estland ruft die Nato zu Krisengesprächen",
                "Von KARIN WEDEKIND",
                "19.09.2025 - 18:47 Uhr",
                "Drei russische Abfangjäger vom Typ MiG-31 sind am Freitag ohne Erlaubnis in den estnischen Luftraum eingedrungen und blieben dort zwölf Minuten lang.",
                "Italienische Kampfjets der Nato-Mission zur Luftraumüberwachung stiegen auf und begleiteten die Maschinen aus dem Luftraum, teilte die Regierung in Tallinn mit.",
                "Estland beantragte Konsultationen nach Artikel 4 des Nordatlantikvertrags, die Botschafter der Allianz kommen am Dienstag zusammen.",
            ]
            .join("\n")
        };
        let f = fields_of(&dump("ESTLAND-PROVOKATION"));
        assert_eq!(
            f.title.as_deref(),
            Some("Putins Kampfjets zwölf Minuten über Nato-Gebiet!")
        );
        assert_eq!(f.section.as_deref(), Some("Ausland"));
        // A ticker's label heads no headline of the page.
        assert_ne!(
            fields_of(&dump("BREAKING NEWS")).title.as_deref(),
            Some("Putins Kampfjets zwölf Minuten über Nato-Gebiet!")
        );
    }

    /// [`section_under`] one essay's header (headline, byline, date).
    fn section_over_gotland(above: &[&str]) -> Option<String> {
        section_under(
            above,
            [
                "Gotland, the island Sweden forgot it needed",
                "By Karin Holm",
                "March 26, 2025",
            ],
            "the island sits in the middle of the sea lanes, which is why the army came back to it after a decade away.",
        )
    }

    #[test]
    fn a_format_label_under_the_menus_section_is_no_section() {
        let page = section_over_gotland;
        assert_eq!(
            page(&["Latest", "Europe", "Africa", "Europe", "Long Read"]).as_deref(),
            Some("Europe")
        );
        // A paywall's badge is no section either.
        assert_eq!(
            page(&["Lokales", "Kiel", "Kiel", "NOR+"]).as_deref(),
            Some("Kiel")
        );
        // Alone, the format is the section.
        assert_eq!(
            page(&["Support us", "Search", "Commentary"]).as_deref(),
            Some("Commentary")
        );
    }

    #[test]
    fn a_label_run_into_the_date_over_the_headline_is_the_section() {
        let page = |row: &str| section_over_gotland(&["Support us", "Search", row]);
        assert_eq!(
            page("Pressemitteilung 26.03.2025").as_deref(),
            Some("Pressemitteilung")
        );
        // A weekday, a month or a status word before the date is none.
        for row in [
            "Friday 26.03.2025",
            "March 26, 2025",
            "Published 26.03.2025",
        ] {
            let first = row.split(' ').next();
            assert_ne!(page(row).as_deref(), first, "{row}");
        }
    }

    #[test]
    fn a_kicker_in_capitals_is_no_section_and_the_label_above_it_is() {
        let page = |above: &[&str]| {
            section_under(
                above,
                [
                    "Destroyer shoots down drone over the Red Sea in navy first",
                    "By Tom Reed, Defence Editor",
                    "Published: 10:42, 25 Apr 2024",
                ],
                "the destroyer fired a single missile at the drone, the first such shot by the navy in more than thirty years of patrols.",
            )
        };
        assert_eq!(
            page(&["Home", "Politics", "News", "Defence", "BULL'S-EYE"]).as_deref(),
            Some("Defence")
        );
        // Past a badge between the label and the kicker.
        assert_eq!(
            page(&["News", "Ukraine War", "EXCLUSIVE", "CARRIER CHAOS"]).as_deref(),
            Some("Ukraine War")
        );
        // A section in capitals is one the menu names too, or stands alone.
        assert_eq!(
            page(&["Air Defence", "Industry", "Contact", "AIR DEFENCE"]).as_deref(),
            Some("AIR DEFENCE")
        );
        assert_eq!(
            page(&["Donate", "Search the site", "AFRICA"]).as_deref(),
            Some("AFRICA")
        );
    }

    #[test]
    fn the_role_line_under_a_byline_is_no_name() {
        let para = |n: usize| {
            format!("Paragraph {n} says residents heard the jets take off at full power shortly after ten, and that the air base has said nothing since.")
        };
        let page = [
            "Lossiemouth Typhoons scrambled as bombers head for Scottish skies".to_string(),
            "By Callum Grant".to_string(),
            "Defence and Highlands Reporter".to_string(),
            "10:42, 13 MAR 2025".to_string(),
            para(1),
            para(2),
            para(3),
        ]
        .join("\n");
        assert_eq!(fields_of(&page).byline.as_deref(), Some("Callum Grant"));
        // Outside a newsroom too: an author card's name, role and date.
        let card = [
            "Menu".to_string(),
            "Sign in".to_string(),
            "Insights".to_string(),
            "How drones changed the way farms are surveyed".to_string(),
            "Liza Burke".to_string(),
            "Marketing Director".to_string(),
            "May 14, 2025".to_string(),
            "Share".to_string(),
            para(1),
            para(2),
            para(3),
        ]
        .join("\n");
        assert_eq!(fields_of(&card).byline.as_deref(), Some("Liza Burke"));
    }

    #[test]
    fn a_name_before_the_date_on_one_line_is_the_byline() {
        let para = |n: usize| {
            format!("Paragraph {n} says the agreement was signed at the defence fair, the first foreign sale of the fighter since the programme began.")
        };
        for line in [
            "Fatma Nur Aydın  |11.06.2025 - Update : 11.06.2025",
            "Laura Benítez - June 27, 2025",
        ] {
            let page = [
                "Menu".to_string(),
                "Sign in".to_string(),
                "Defense".to_string(),
                "Türkiye to export fighter jets to Indonesia in landmark deal".to_string(),
                line.to_string(),
                "Share".to_string(),
                "Facebook".to_string(),
                para(1),
                para(2),
                para(3),
            ]
            .join("\n");
            let byline = fields_of(&page).byline;
            assert!(
                byline.as_deref().is_some_and(|b| line.starts_with(b)),
                "{line}: {byline:?}"
            );
        }
    }

    #[test]
    fn the_handle_under_a_byline_is_no_name() {
        let para = |n: usize| {
            format!("Paragraph {n} says residents heard the jets take off at full power shortly after ten, and that the air base has said nothing since.")
        };
        let mut page: Vec<String> = [
            "Lossiemouth Typhoons scrambled as bombers head for Scottish skies",
            "By Callum Grant, Defence Reporter",
            "@CallumGrantDef",
            "Published: 10:42, 13 Mar 2025",
        ]
        .map(String::from)
        .to_vec();
        // The share bar and a gallery hold the date far above the first paragraph.
        for n in 1..=10 {
            page.push(format!("Share {n}"));
        }
        page.extend([para(1), para(2), para(3)]);
        assert_eq!(
            fields_of(&page.join("\n")).byline.as_deref(),
            Some("Callum Grant")
        );
    }

    #[test]
    fn a_reporters_place_after_the_name_is_no_part_of_the_byline() {
        let g = Gazetteer::builtin();
        assert_eq!(
            without_trailing_place("Lucía Fernández Buenos Aires".to_string(), &g),
            "Lucía Fernández"
        );
        // A surname that is also a town stays.
        assert_eq!(
            without_trailing_place("Park Seo-yeon and Daniel Moore".to_string(), &g),
            "Park Seo-yeon and Daniel Moore"
        );
    }

    #[test]
    fn outlets_credited_in_the_text_are_sources_and_ministries_are_not() {
        let g = Gazetteer::builtin();
        let recognizer = crate::entities::Recognizer::new();
        let credited = |t: &str| credited_sources(t, &recognizer.entities(t), &g);
        assert_eq!(
            credited("Output rose to 40 a month, according to Les Echos.3"),
            ["Les Echos"]
        );
        assert_eq!(
            credited("Early estimates, reported by Ynet, put the cost higher."),
            ["Ynet"]
        );
        // What the outlet is may stand between; a second outlet before the verb.
        assert_eq!(
            credited("The vote passed, according to the state broadcaster Press TV."),
            ["Press TV"]
        );
        assert_eq!(
            credited("The state news agencies TASS and RIA Novosti, citing a Kremlin source, report that he has arrived."),
            ["TASS", "RIA Novosti"]
        );
        assert_eq!(
            credited("The ministry, quoted by the state news agency RIA Novosti, said so."),
            ["RIA Novosti"]
        );
        assert_eq!(
            credited("It will be repaired at Rajin, the state news agency KCNA said on Friday."),
            ["KCNA"]
        );
        assert_eq!(
            credited("“Someone wanted to see how we react,” an officer in Kraków told Reuters."),
            ["Reuters"]
        );
        // Named, not credited; and a ministry is no outlet.
        assert!(credited("Reuters opened a bureau in Kyiv in 2023.").is_empty());
        assert!(credited("according to the Pentagon, the strike hit a depot").is_empty());
    }

    #[test]
    fn a_dateline_under_a_wire_storys_key_points_credits_its_agency() {
        let page = r#"<html><body><article><h1>Poland downs drones over its territory</h1><ul><li>Dutch F-35s and Polish F-16s were scrambled overnight to meet the drones over the east of the country</li><li>Tusk says that Poland is now closer to an open conflict than at any time since 1945</li><li>Warsaw has asked for consultations with its allies under Article 4 of the NATO treaty</li></ul><p>WARSAW, Sept 10 (Reuters) - Poland said on Wednesday it had shot down drones that entered its airspace during a Russian attack on western Ukraine, the first time a NATO member has fired on them.</p><p>The drones were downed with the help of allied aircraft, the operational command said, and airports in Warsaw and Rzeszów closed for several hours.</p></article></body></html>"#;
        let f = fields_of(page);
        assert_eq!(f.sources, ["Reuters"]);
    }

    #[test]
    fn a_headline_may_end_in_an_abbreviation() {
        assert!(!ends_like_sentence(
            "Japan eases export rules to allow sale of Patriot interceptors to U.S."
        ));
        assert!(!ends_like_sentence(
            "Hanwha opens plant with Austal USA Inc."
        ));
        assert!(ends_like_sentence(
            "The frigate returned to port on Tuesday."
        ));
        let related = clean_related(
            vec![Related::Found(
                "Japan eases export rules to allow sale of Patriot interceptors to U.S.".into(),
            )],
            &Gazetteer::builtin(),
        );
        assert_eq!(related.len(), 1);
        // A sentence is a summary, unless a cue line named it a headline.
        let sentence = "Europe wants more Patriots. The factory can’t keep up with orders.";
        let related = clean_related(
            vec![
                Related::Found(sentence.into()),
                Related::Cued(sentence.into()),
            ],
            &Gazetteer::builtin(),
        );
        assert_eq!(related, [sentence]);
    }

    #[test]
    fn a_newsletters_own_name_is_neither_its_section_nor_its_title() {
        let dump = [
            "Discover more from Harbour Notes",
            "Subscribe",
            "Harbour Notes",
            "Subscribe",
            "Sign in",
            "Share this post",
            "Harbour Notes",
            "The frigate gap nobody wants to talk about",
            "Copy link",
            "Facebook",
            "The frigate gap nobody wants to talk about",
            "Ana Souza",
            "Mar 3, 2025",
            "The navy has fewer escorts at sea today than at any time since the war ended, and the new ships ordered last year will not arrive before the end of the decade.",
            "Until they do, every deployment to the south is paid for by a gap somewhere else, and the crews of the old frigates are the ones who carry it.",
            "Thanks for reading Harbour Notes! Subscribe for free to receive new posts.",
        ]
        .join("\n");
        let stripped = dechaff_strip::strip(&dump, &dechaff_strip::Options::default());
        let f = fields(&stripped, &Gazetteer::builtin());
        assert_eq!(
            f.title.as_deref(),
            Some("The frigate gap nobody wants to talk about")
        );
        assert_eq!(f.section, None);
        let (blocks, decisions) = (&stripped.document.blocks, &stripped.decisions);
        assert!(names_the_site(blocks, decisions, "Harbour Notes"));
        assert!(!names_the_site(blocks, decisions, "Harbour"));
    }

    #[test]
    fn a_section_declared_in_microdata_or_json_ld_is_read() {
        let body = "<h1>Frigate home after six weeks at sea</h1><p>The frigate returned to its home port on Tuesday after six long weeks of escorting merchant ships through the narrow strait.</p><p>Its crew said the last convoy had been the hardest, with drones sighted on three nights running.</p>";
        let microdata = format!(
            r#"<html><body><article><meta itemprop="articleSection" content="Naval Affairs">{body}</article></body></html>"#
        );
        let json_ld = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","articleSection":"Naval Affairs"}}</script></head><body><article>{body}</article></body></html>"#
        );
        for page in [microdata, json_ld] {
            let f = fields_of(&page);
            assert_eq!(f.section.as_deref(), Some("Naval Affairs"), "{page}");
        }
    }

    #[test]
    fn titles_a_ticker_ran_together_are_split_and_camel_case_names_are_not() {
        assert_eq!(
            glued_parts("Latvia to test drone detection along eastern borderTallinn port workers call off strike"),
            ["Latvia to test drone detection along eastern border", "Tallinn port workers call off strike"]
        );
        assert_eq!(
            glued_parts("What is Estlink, and why does Estonia depend on it?Explainer · 5 min"),
            [
                "What is Estlink, and why does Estonia depend on it?",
                "Explainer · 5 min"
            ]
        );
        for name in [
            "BrahMos-ER on the Talwar class: what changes?",
            "Sweden | GlobalEye Enters Service With the Swedish Air Force",
            "Chinese AI start-up DeepSeek rattles investors",
        ] {
            assert_eq!(glued_parts(name), [name]);
        }
    }

    #[test]
    fn a_forum_thread_is_dated_and_signed_by_its_opening_post() {
        let dump = [
            "Northern Defence Board",
            "Register",
            "Search",
            "Board index ‹ Baltic Security ‹ Estonia",
            "Estonia orders more K9 howitzers",
            "Search",
            "12 posts",
            "Tallinn_Gunner",
            "Posts: 880",
            "Joined: Sun Mar 08, 2015 7:42 pm",
            "Estonia orders more K9 howitzers",
            "Post by Tallinn_Gunner » Tue Apr 04, 2023 5:58 pm",
            "The defence investment centre signed for twelve more K9 self-propelled howitzers on Monday, which brings the army's fleet to thirty-six guns by the end of the decade.",
            "Deliveries start next year from Hanwha's plant, and the first battery will train at the central range before it joins the division's artillery battalion in the spring.",
        ]
        .join("\n");
        let f = fields_of(&dump);
        assert_eq!(f.title.as_deref(), Some("Estonia orders more K9 howitzers"));
        assert_eq!(f.byline.as_deref(), Some("Tallinn_Gunner"));
        assert_eq!(f.published.as_deref(), Some("2023-04-04"));
        assert_eq!(f.section.as_deref(), Some("Estonia"));
    }

    #[test]
    fn a_thread_printed_twice_beats_a_first_line_that_is_the_site() {
        let dump = [
            "SeaPowerForum.net - Navies, Ships and Sea Power",
            "Log in",
            "Register",
            "SeaPowerForum.net > Naval Forces > Baltic Navies",
            "Estonian minehunter joins the NATO group in the Baltic",
            "Thread Tools",
            "#1",
            "Old_Tallinn",
            "Join Date: Sep 2014",
            "Estonian minehunter joins the NATO group in the Baltic",
            "The minehunter Admiral Cowan sailed from Tallinn this morning to join the NATO mine countermeasures group for the autumn rotation, the navy said in a short statement.",
            "She will stay with the group until December and take part in two clearance operations off the Latvian coast, where old sea mines still turn up every year.",
        ]
        .join("\n");
        let stripped = dechaff_strip::strip(&dump, &dechaff_strip::Options::default());
        assert_eq!(
            fields(&stripped, &Gazetteer::builtin()).title.as_deref(),
            Some("Estonian minehunter joins the NATO group in the Baltic")
        );
    }

    #[test]
    fn a_masthead_heading_is_no_headline() {
        // The <h1> repeats only the site's name at the end of <title>.
        let page = r#"<html><head><title>First Abrams tanks arrive in Taiwan - Pacific Armour Forum</title></head><body><h1>Pacific Armour Forum</h1><h2>First Abrams tanks arrive in Taiwan</h2><p>The first of Taiwan's new Abrams tanks arrived at the port on Sunday, the first part of an order for more than a hundred that Washington approved.</p></body></html>"#;
        let stripped = dechaff_strip::strip(page, &dechaff_strip::Options::default());
        assert_eq!(
            fields(&stripped, &Gazetteer::builtin()).title.as_deref(),
            Some("First Abrams tanks arrive in Taiwan")
        );
    }

    #[test]
    fn a_declared_title_the_page_prints_wins_over_a_tagline() {
        let page = |og: &str| {
            format!(
                r#"<html><head><title>Frigate home after six weeks - Navy Blog</title><meta property="og:title" content="{og}"></head><body><h1>Navy Blog</h1><article><h2>Frigate home after six weeks</h2><p>The frigate returned to its home port on Tuesday after six long weeks of escorting merchant ships through the narrow strait.</p></article></body></html>"#
            )
        };
        let title = |og: &str| {
            let page = page(og);
            fields_of(&page).title
        };
        // The tagline is printed nowhere; the page's <title> heads the article.
        assert_eq!(
            title("The official voice of the fleet").as_deref(),
            Some("Frigate home after six weeks")
        );
        // An og:title that no heading prints stays when no other declared title is
        // printed either.
        let page = r#"<html><head><title>Navy news</title><meta property="og:title" content="Frigate home at last"></head><body><article><h2>Frigate home after six weeks</h2><p>The frigate returned to its home port on Tuesday after six long weeks of escorting merchant ships through the narrow strait.</p></article></body></html>"#;
        let stripped = dechaff_strip::strip(page, &dechaff_strip::Options::default());
        assert_eq!(
            fields(&stripped, &Gazetteer::builtin()).title.as_deref(),
            Some("Frigate home at last")
        );
    }

    #[test]
    fn the_address_date_is_the_local_one() {
        // A UTC time stamp past midnight gives way to the address's date, a date
        // further off does not.
        let page = |published: &str| {
            format!(
                r#"<html><head><meta property="og:url" content="https://news.example/2025/12/18/frigate-home/"><meta property="article:published_time" content="{published}"></head><body><article><h1>Frigate home</h1><p>The frigate returned to its home port on Tuesday after six long weeks at sea.</p></article></body></html>"#
            )
        };
        let date = |published: &str| {
            let page = page(published);
            fields_of(&page).published
        };
        assert_eq!(
            date("2025-12-19T02:41:41+00:00").as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(
            date("2025-12-25T10:00:00+00:00").as_deref(),
            Some("2025-12-25")
        );
        // A British "03/10/2023" read month first is set right by an address that
        // names the month.
        let british = r#"<html><head><meta property="og:url" content="https://wine.example/blog/2023/october/03/styles/"></head><body><div class="meta">03/10/2023 by the editors</div><article><h1>Wine styles</h1><p>Every wine falls into one of a handful of styles, and knowing them makes any list easier to read.</p></article></body></html>"#;
        let stripped = dechaff_strip::strip(british, &dechaff_strip::Options::default());
        assert_eq!(
            fields(&stripped, &Gazetteer::builtin())
                .published
                .as_deref(),
            Some("2023-10-03")
        );
        // "09.10.2024" reads as 9 October, unless the structured data says 10 September.
        let dotted = |ld: &str| {
            let page = format!(
                r#"<html><head>{ld}</head><body><div class="meta">09.10.2024</div><article><h1>Renovation phases</h1><p>Every renovation moves through the same phases, from the first plans to the last coat of paint on the walls.</p></article></body></html>"#
            );
            fields_of(&page).published
        };
        assert_eq!(dotted("").as_deref(), Some("2024-10-09"));
        assert_eq!(
            dotted(r#"<script type="application/ld+json">{"datePublished": "2024-09-10T16:07:00Z"}</script>"#)
                .as_deref(),
            Some("2024-09-10")
        );
    }

    #[test]
    fn a_pictures_credit_names_no_source() {
        assert!(attribution_names("Credit: Cpl Tim Laurence/MoD").is_empty());
        let g = Gazetteer::builtin();
        assert!(!names_a_source("Telegram", &g));
        assert!(names_a_source("TASS", &g));
        assert_eq!(
            attribution_names("Additional reporting by Reuters and the Associated Press"),
            ["Reuters", "Associated Press"]
        );
        assert_eq!(attribution_names("Additional reporting: AP"), vec!["AP"]);
    }

    #[test]
    fn sponsors_owners_and_subscriptions_are_no_related_titles() {
        for line in [
            "Subscribe for full access",
            "Furness Now is part of Northstar Local Media",
            "In association with Greenhill Garden Centre",
            "Sponsored by Harbour Bank",
            "More Royal Navy news",
            "Call +1 (888) 555-0142",
            "SOURCE Veltmar Defence Group AB",
            "More news releases in similar topics",
        ] {
            assert!(is_interface_link(line), "{line}");
        }
        assert!(!is_interface_link("Why India keeps buying Rafales"));
        // A headline may ask a short question after its statement; a lead may not.
        assert!(is_teaser_title(
            "Conscription is back in Europe. Is it working?"
        ));
        assert!(is_teaser_title(
            "The January sales are over. Here's what is still worth buying"
        ));
        assert!(!is_teaser_title(
            "Latvia, Sweden and Denmark have all widened the draft. The results so far are mixed."
        ));
        assert!(!is_teaser_title(
            "My superpower? Helping you shine online and build a brand. How do I do it?"
        ));
    }

    #[test]
    fn lines_to_the_reader_and_shouted_headings_are_no_related_titles() {
        assert!(is_interface_line("You may not post new threads"));
        assert!(is_interface_line("You're reading WL24 in your browser"));
        assert!(is_interface_line("RELATED ARTICLESMORE FROM AUTHOR"));
        assert!(is_interface_line("BB code is On"));
        assert!(is_interface_line("Smilies are Off"));
        assert!(is_interface_line("Recently Browsing 0 members"));
        assert!(is_interface_line(
            "Re: First M1A2T Abrams tanks arrive in Taiwan"
        ));
        assert!(is_interface_line("Return to “Taiwan Strait”"));
        assert!(is_interface_line("12 users online"));
        assert!(!is_interface_line("Navy to train 400 new members"));
        assert!(!is_interface_line(
            "Tanks are on the move again in the east"
        ));
        assert!(!is_interface_line("Your guide to the new frigates"));
        assert!(!is_interface_line("Young sailors join the fleet"));
        assert!(!is_interface_line(
            "Poland buys 96 AH-64E Apache helicopters"
        ));
        assert!(!is_interface_line("F-35"));
    }

    #[test]
    fn the_sections_label_is_no_related_title() {
        let found = vec![
            "Russia & Former Soviet Navies".to_string(),
            "Snake Island: what happened on 24 February?".to_string(),
            "BB code is On".to_string(),
        ];
        assert_eq!(
            related_titles(found.clone(), Some("Russia & Former Soviet Navies")),
            ["Snake Island: what happened on 24 February?"]
        );
        assert_eq!(related_titles(found, None).len(), 2);
    }

    #[test]
    fn agencies_alone_are_no_byline() {
        let g = Gazetteer::builtin();
        assert!(is_agency_credit("dpa/AFP", &g));
        assert!(is_agency_credit("Reuters and AFP", &g));
        assert!(!is_agency_credit("Jane Roe and AFP", &g));
        assert!(!is_agency_credit("Oliver Brandt", &g));
    }

    #[test]
    fn a_shown_section_the_title_tag_names_beats_the_meta_tag() {
        let page = |title: &str| {
            let body = [
                "Brazil's navy has begun sea trials of the Tamandaré, the first of four frigates being built in Santa Catarina state under a programme meant to rebuild its surface fleet.",
                "The ship left the shipyard at Itajaí on Monday for a week of tests in the South Atlantic, the navy said, and will return to the yard before its delivery next year.",
                "The programme has run years behind its first schedule, and the navy has retired most of the older frigates it was meant to replace while it waited for the new ships.",
                "Officials said the second ship of the class would be launched in the spring, and that the yard had already begun cutting steel for the third and the fourth.",
            ]
            .map(|p| format!("<p>{p}</p>"))
            .concat();
            format!(
                r#"<html><head><title>{title}</title><meta property="article:section" content="World news"></head><body><header class="site-header"><a href="/">The Albion Courier</a><nav><ul><li><a href="/">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header><main><article><nav class="breadcrumbs"><a href="/world">World</a> › <a href="/world/americas">Americas</a> › <a href="/world/brazil">Brazil</a></nav><div class="kicker"><a href="/world/brazil">Brazil</a></div><h1>Brazil's first new frigate heads to sea</h1><div class="meta"><div class="byline">By <a rel="author" href="/profile/lucas-ferraz">Lucas Ferraz</a></div><time datetime="2025-09-09T21:15:03Z">Tue 9 Sep 2025 22.15 BST</time></div><div class="body">{body}</div></article></main></body></html>"#
            )
        };
        let section = |title: &str| fields_of(&page(title)).section;
        assert_eq!(
            section("Brazil's first new frigate heads to sea | Brazil | The Albion Courier")
                .as_deref(),
            Some("Brazil")
        );
        assert_eq!(
            section("Brazil's first new frigate heads to sea | The Albion Courier").as_deref(),
            Some("World news")
        );
    }

    #[test]
    fn a_declared_section_is_scored_as_the_page_prints_it() {
        let page = |declared: &str| {
            let body = [
                "The army has awarded the company a multiyear contract for nearly two thousand interceptors, the largest order in the missile's history.",
                "Deliveries are due to start next year and run to the end of the decade, the company said, with most of the work done at its plant in Texas.",
                "The order includes missiles for several allied countries that buy them through the army's foreign military sales programme.",
            ]
            .map(|p| format!("<p>{p}</p>"))
            .concat();
            format!(
                r#"<html><head><title>Company receives army contract for interceptors</title><meta property="article:section" content="{declared}"></head><body><main><article><p class="release-kicker"><a href="/news-releases/aerospace-defense/">Aerospace &amp; Defense</a></p><h1>Company receives army contract for interceptors</h1><p class="mb-no">Sep 03, 2025, 16:05 ET</p><div class="body">{body}</div></article></main></body></html>"#
            )
        };
        let section = |declared: &str| fields_of(&page(declared)).section;
        assert_eq!(
            section("Aerospace, Defense").as_deref(),
            Some("Aerospace & Defense")
        );
        assert_eq!(section("Contracts").as_deref(), Some("Contracts"));
    }

    #[test]
    fn of_several_time_elements_the_one_the_header_shows_dates_the_page() {
        let page = |shown: &str| {
            format!(
                r#"<html><body><nav><ul><li><a href="/e1">Spring meeting</a> <time datetime="2025-01-31T12:00:00Z">Jan 31</time></li><li><a href="/e2">Exam dates</a> <time datetime="2025-01-06T12:00:00Z">Jan 6</time></li></ul></nav><div class="byline">{shown} by Agatha Caleo <time datetime="2017-03-01T12:00:00Z"></time></div><article><h1>Consulting firm or carrier?</h1><p>A common question from candidates looking for their first actuarial job is which kind of employer suits them better.</p><p>We asked two members who have worked on both sides, and their answers differed more than we expected.</p></article></body></html>"#
            )
        };
        let date = |shown: &str| fields_of(&page(shown)).published;
        assert_eq!(date("03/01/2017").as_deref(), Some("2017-03-01"));
        // A header that shows no date of them: the first time element.
        assert_eq!(date("Last spring").as_deref(), Some("2025-01-31"));
    }

    #[test]
    fn a_reddit_post_gives_its_title_and_poster_and_the_handle_is_no_section() {
        let page = r#"<html><head><title>Reddit - The heart of the internet</title></head><body><shreddit-post post-title="Best laptop for college in 2026?" author="EuroStepJam" created-timestamp="2026-03-04T23:03:50+0000"><div><a href="/r/laptops/">r/laptops</a> •</div><div>EuroStepJam</div><h1>Best laptop for college in 2026?</h1><div><p>I start at university in the autumn and need a laptop that lasts a whole day of lectures without a charger.</p><p>Battery life matters more to me than speed, and it should not weigh much more than a kilogram.</p></div></shreddit-post></body></html>"#;
        let f = fields_of(page);
        assert_eq!(f.title.as_deref(), Some("Best laptop for college in 2026?"));
        assert_eq!(f.byline.as_deref(), Some("EuroStepJam"));
        assert_eq!(f.published.as_deref(), Some("2026-03-04"));
        assert_eq!(f.section, None);
        assert!(is_the_posters_handle("EuroStepJam", Some("EuroStepJam")));
        assert!(!is_the_posters_handle(
            "Mobile App Development",
            Some("Mobile App Development")
        ));
        assert!(!is_the_posters_handle("Cooking", Some("EuroStepJam")));
    }

    #[test]
    fn a_dated_byline_kept_with_the_story_names_the_author() {
        let byline = |line: &str| {
            let page = format!(
                r#"<html><body><h1>Grads find their degrees no longer guarantee jobs</h1><div class="story"><div>{line}</div><p>An anonymous reader quotes a report from the paper: computer science graduates who were once courted by every company in the valley now send hundreds of applications.</p><p>The number of new openings for junior developers has fallen by a third since the peak, and the graduates blame the tools that write code for them.</p></div></body></html>"#
            );
            fields_of(&page).byline
        };
        assert_eq!(
            byline("Posted by BeauHD on Friday December 19, 2025 @08:00PM from the it-was-never-a-promise department").as_deref(),
            Some("BeauHD")
        );
        // Undated, a line opening with "By" may be the story's first sentence.
        assert_eq!(
            byline(
                "By the end of the decade, the valley's firms had stopped hiring juniors at all."
            ),
            None
        );
    }

    #[test]
    fn a_thread_is_dated_by_the_line_over_its_first_post_number() {
        let date = |number: &str| {
            let dump = [
                "Welcome to the Tuning Forum, the place for everyone who builds engines.",
                "Tuning Forum > Engines > Carburettors",
                "Join Date: Mar 2016",
                "30th March 2025, 16:26",
                number,
                "Registered User",
                "I have a carburettor that floods every time the engine is started cold.",
                "2nd April 2025, 13:59",
                "#2 | Link",
            ]
            .join("\n");
            let stripped = dechaff_strip::strip(&dump, &dechaff_strip::Options::default());
            opening_post_date(&stripped.document.blocks)
        };
        assert_eq!(date("#1 | Link").as_deref(), Some("2025-03-30"));
        assert_eq!(date("#1").as_deref(), Some("2025-03-30"));
        // A hashtag or another post's number is no first post's.
        assert_eq!(date("#1Bands | Link"), None);
        assert_eq!(date("#12 | Link"), None);
    }

    #[test]
    fn a_label_on_its_own_line_dates_the_page_by_the_next_line() {
        let page = |label: &str| {
            format!(
                r#"<html><body><article><h1>A treatise on coffee</h1><p>The treatise argued at length that coffee cured a long list of ailments, and its readers believed much of it.</p><p>Its author had practised medicine in the West Indies for many years before he wrote it.</p><p>He sold the book in London, where the coffee houses had been full since the century before.</p><p>Later doctors found little in it to support, though they kept drinking the coffee themselves.</p></article><aside><p>{label}</p><p>Feb 2, 2023</p></aside></body></html>"#
            )
        };
        let date = |label: &str| fields_of(&page(label)).published;
        assert_eq!(date("Published").as_deref(), Some("2023-02-02"));
        assert_eq!(date("Last updated:").as_deref(), Some("2023-02-02"));
        // Any other line above a date does not make it the page's.
        assert_eq!(date("Upcoming events"), None);
    }

    #[test]
    fn a_profile_cards_date_is_not_the_pages() {
        let page = |card: &str| {
            format!(
                r#"<html><body><nav><a href="/">Home</a> <a href="/forums">Forums</a></nav><aside class="sidebar"><p>214 members online</p><p>{card}</p></aside><main><h1>Football season</h1><p class="by">by Outer Armatonisdaristan » Tue Aug 27, 2019 1:47 am</p><p>The new season is one of the wildest in the history of the league, with three clubs level on points after ten rounds.</p><p>Nobody expected the promoted side to sit at the top of the table this late in the autumn, least of all its own fans.</p></main></body></html>"#
            )
        };
        let date = |card: &str| fields_of(&page(card)).published;
        // The opening post's author line dates the thread and names its author, even
        // where it opens the body zone, under the thread's title.
        assert_eq!(date("Dec 11, 2021").as_deref(), Some("2019-08-27"));
        let stripped =
            dechaff_strip::strip(&page("Dec 11, 2021"), &dechaff_strip::Options::default());
        assert_eq!(
            fields(&stripped, &Gazetteer::builtin()).byline.as_deref(),
            Some("Outer Armatonisdaristan")
        );
        // Without an author line, the first date above the body, unless it dates a
        // member or a group.
        let page = |card: &str| {
            format!(
                r#"<html><body><aside class="sidebar"><p>Football Fans</p><p>{card}</p></aside><div class="meta">Aug 27, 2019</div><main><h1>Football season</h1><p>The new season is one of the wildest in the history of the league, with three clubs level on points after ten rounds.</p><p>Nobody expected the promoted side to sit at the top of the table this late in the autumn, least of all its own fans.</p></main></body></html>"#
            )
        };
        let date = |card: &str| fields_of(&page(card)).published;
        assert_eq!(date("Founded: Dec 11, 2021").as_deref(), Some("2019-08-27"));
        assert_eq!(date("Joined Dec 11, 2021").as_deref(), Some("2019-08-27"));
        assert_eq!(date("Dec 11, 2021").as_deref(), Some("2021-12-11"));
    }

    #[test]
    fn labelled_dates() {
        assert_eq!(
            labelled_date("Published On: 15 August 2025").as_deref(),
            Some("2025-08-15")
        );
        assert_eq!(
            labelled_date("By Matthew Richardson ⋅ Review Editor ⋅ Updated November 18, 2025")
                .as_deref(),
            Some("2025-11-18")
        );
        assert_eq!(
            labelled_date("Posted on April 13, 2023").as_deref(),
            Some("2023-04-13")
        );
        // No label, or a date in a sentence: not the page's own date.
        assert_eq!(labelled_date("March 3, 2024"), None);
        assert_eq!(
            labelled_date(
                "The report, published after the talks that ended on March 3, 2024, said"
            ),
            None
        );
    }

    #[test]
    fn embeds() {
        let e = embed_of(
            "In the compound the S-300PM2 pic.twitter.com/mRo— Jane Roe (@janeroe) October 9, 2020",
        )
        .unwrap();
        assert_eq!(e.author.as_deref(), Some("Jane Roe"));
        assert_eq!(e.handle.as_deref(), Some("@janeroe"));
        assert_eq!(e.date.as_deref(), Some("2020-10-09"));
        assert_eq!(e.url.as_deref(), Some("pic.twitter.com/mRo"));
    }

    #[test]
    fn a_headings_permalink_mark_is_no_part_of_the_title() {
        let title = |h1: &str| {
            let page = format!(
                r##"<html><head><title>{h1} — Tutorial 3.14 documentation</title></head><body><div class="section"><h1>{h1}<a class="headerlink" href="#data">¶</a></h1><p>This chapter describes some things you have learned about already in more detail, and adds some new things as well.</p><p>The list data type has some more methods. Here are all of the methods of list objects, with examples of each.</p></div></body></html>"##
            );
            fields_of(&page).title
        };
        assert_eq!(
            title("5. Data Structures").as_deref(),
            Some("5. Data Structures")
        );
        assert_eq!(
            title("Pilcrows ¶ inside").as_deref(),
            Some("Pilcrows ¶ inside")
        );
    }

    #[test]
    fn a_declared_site_name_before_the_title_goes_too() {
        assert_eq!(
            strip_site_name("Render | The cloud for builders", Some("Render"), None),
            "The cloud for builders"
        );
        assert_eq!(
            strip_site_name(
                "HackerNoon - read, write and learn about any technology",
                None,
                Some("hackernoon.com")
            ),
            "read, write and learn about any technology"
        );
        // Undeclared, a short head is the title's own ("Denmark | ...").
        assert_eq!(
            strip_site_name("Denmark | Trial of surveillance USVs at sea", None, None),
            "Denmark | Trial of surveillance USVs at sea"
        );
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(
            strip_site_name("Poland buys K2 tanks | Defence Blog", None, None),
            "Poland buys K2 tanks"
        );
        assert_eq!(
            strip_site_name(
                "Denmark | Trial of Voyager surveillance USVs in the North Sea",
                None,
                None
            ),
            "Denmark | Trial of Voyager surveillance USVs in the North Sea"
        );
        // A long site name that the page's address spells, run together or by its
        // initials.
        assert_eq!(
            strip_site_name(
                "Electrical - Overview | Occupational Safety and Health Administration",
                None,
                Some("www.osha.gov")
            ),
            "Electrical - Overview"
        );
        assert_eq!(
            strip_site_name(
                "Typhoons scramble over the Baltic | The Defence Post Weekly",
                None,
                Some("thedefencepostweekly.com")
            ),
            "Typhoons scramble over the Baltic"
        );
        assert_eq!(
            strip_site_name(
                "Typhoons scramble over the Baltic | Eight Jets From Three Air Bases",
                None,
                Some("www.osha.gov")
            ),
            "Typhoons scramble over the Baltic | Eight Jets From Three Air Bases"
        );
    }

    #[test]
    fn a_dump_titled_by_a_line_it_prints_twice_above_the_body() {
        let title_of = |lines: &[&str]| {
            let stripped =
                dechaff_strip::strip(&lines.join("\n"), &dechaff_strip::Options::default());
            let first_body = stripped.decisions.iter().position(|d| d.body).unwrap();
            repeated_headline(&stripped.document.blocks, &stripped.decisions, first_body)
        };
        let body = [
            "Finland formally joined the alliance on Tuesday when its foreign minister handed the accession documents to the United States in Brussels.",
            "The border with Russia, about 1,340 kilometres long, is now the alliance's longest land frontier with Russia by far, and Helsinki plans more fences along it.",
            "Sweden, which applied at the same time, is still waiting for two parliaments to ratify its accession, and its officials expect that to take months.",
        ];
        let thread = [
            &[
                "Sentinel Defence Forum",
                "Forums",
                "Finland becomes NATO's 31st member",
                "Replies: 27",
                "Karjala_Kid",
                "Finland becomes NATO's 31st member",
            ][..],
            &body[..],
        ]
        .concat();
        assert_eq!(
            title_of(&thread).as_deref(),
            Some("Finland becomes NATO's 31st member")
        );
        // A site's name in its masthead and again in its footer is no title.
        let site = [
            &[
                "Centre for European Defence Policy Studies",
                "Research",
                "Events",
            ][..],
            &body[..],
            &["Centre for European Defence Policy Studies"][..],
        ]
        .concat();
        assert_eq!(title_of(&site), None);
    }

    #[test]
    fn a_kicker_inside_the_heading_is_no_part_of_the_title() {
        assert_eq!(
            after_capitals_kicker(
                "CHAOS IN MÜNCHEN Drohnen-Alarm! Flughafen dicht",
                "Drohnen-Alarm! Flughafen dicht"
            ),
            Some("Drohnen-Alarm! Flughafen dicht")
        );
        // An acronym opening the headline is part of it, and so is a prefix in
        // lower case.
        assert_eq!(
            after_capitals_kicker("NATO allies meet in Vilnius", "allies meet in Vilnius"),
            None
        );
        assert_eq!(
            after_capitals_kicker("Live: Allies meet in Vilnius", "Allies meet in Vilnius"),
            None
        );
    }

    #[test]
    fn a_headline_loses_its_breadcrumb_trail() {
        let cut = |t: &str| without_breadcrumb(t.to_string());
        assert_eq!(
            cut("Home » 34 Top Photography Trends in 2025"),
            "34 Top Photography Trends in 2025"
        );
        assert_eq!(
            cut("You are here: Hub » Social Media » Comparing the 8 Best Platforms"),
            "Comparing the 8 Best Platforms"
        );
        assert_eq!(
            cut("Home > Marketing > 7 Plumbing Trends"),
            "7 Plumbing Trends"
        );
        // One " / " in a headline is no trail.
        assert_eq!(
            cut("Poland buys K2 tanks / Hyundai Rotem deal signed"),
            "Poland buys K2 tanks / Hyundai Rotem deal signed"
        );
    }

    #[test]
    fn related_titles_are_cleaned() {
        let items = [
            "1. Ukraine shows off new FP-5 cruise missile at test site",
            "Read more Inside Israel's race to stop low-flying drones",
            "Inside Israel's race to stop low-flying drones",
            "Guyana’s oil boom, explained in five chartsNovember 20, 2023",
            "Anchors dragged for dozens of kilometres, ships that changed names, and a legal grey zone.",
            "2 Storm Amy: Met Office issues yellow warnings for wind",
            "Iran seizes oil tanker in Gulf of Oman AFP",
            "4 ‘A masterclass’: winger inspires comeback win",
            "ReportChina's Space Station in Patagonia: What We Know",
            "Related Russia's Africa Corps: Old Mercenaries in New Uniforms",
            "Reporters return to Gaza crossing after a year",
            "Poland | Warsaw Signs for 180 More K2 Tanks",
            "Privacy ∙ Terms ∙ Collection notice",
            "About Reuters, opens new tab",
            "Already a subscriber? Log in",
            "Cookies on the Courier",
            "Previous roundup: Contracts roundup: Dutch CV90 upgrades",
            "Next Generation Jammer enters service",
            "an hour ago",
            "Updated 66 minutes ago 7/31/2012 8:34:07 PM +00:00",
            "09:14 Kenya shilling steady at 129.2 to the dollar",
            "You may also be interested in",
            "Air Defence",
            "U.S. Southern Command",
            "Army Air and Missile Defense Strategy (PDF)",
            "Tel: +49 (0)711 729-5551",
            "Official website of the U.S. Army",
            "Was this page helpful?",
            "Continental 24 © 2025",
            "1730 Rhode Island Avenue NW, Washington, DC 20036",
            "Rue de la Loi 155, 1040 Brussels",
            "Jade-Kurier Mediengruppe GmbH & Co. KG",
            "Tags: Türkiye, Air Power, Defence Industry, NATO",
            "Powered by Discourse, best viewed with JavaScript enabled",
            "Get it on Google Play",
            "Wagner / Africa Corps",
            "Marineflieger Marineflieger: Letzter P-3C-Flug über der Nordsee geplant",
            "Ukraine war Ukraine war: Kyiv says 40 drones downed overnight",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            clean_related(
                items.into_iter().map(Related::Found).collect(),
                &Gazetteer::builtin()
            ),
            [
                "Ukraine shows off new FP-5 cruise missile at test site",
                "Inside Israel's race to stop low-flying drones",
                "Guyana’s oil boom, explained in five charts",
                "Storm Amy: Met Office issues yellow warnings for wind",
                "Iran seizes oil tanker in Gulf of Oman",
                "‘A masterclass’: winger inspires comeback win",
                "China's Space Station in Patagonia: What We Know",
                "Russia's Africa Corps: Old Mercenaries in New Uniforms",
                "Reporters return to Gaza crossing after a year",
                "Poland | Warsaw Signs for 180 More K2 Tanks",
                "Contracts roundup: Dutch CV90 upgrades",
                "Next Generation Jammer enters service",
                "Marineflieger: Letzter P-3C-Flug über der Nordsee geplant",
                "Ukraine war: Kyiv says 40 drones downed overnight",
            ]
        );
    }

    #[test]
    fn bylines_lose_a_weekday_that_ran_into_them() {
        assert_eq!(
            clean_byline("Anneli Kask Thursday").as_deref(),
            Some("Anneli Kask")
        );
        assert_eq!(
            clean_byline("Malte Gerdes Freitag, 3. Mai").as_deref(),
            Some("Malte Gerdes")
        );
    }

    #[test]
    fn bylines_lose_what_ran_into_them() {
        assert_eq!(
            clean_byline("Korin MillerPublished: Jan 29").as_deref(),
            Some("Korin Miller")
        );
        assert_eq!(
            clean_byline("BeauHD on Friday December 19").as_deref(),
            Some("BeauHD")
        );
        assert_eq!(
            clean_byline("Gabby BoucherIn Budget Travel").as_deref(),
            Some("Gabby Boucher")
        );
        assert_eq!(
            clean_byline("Audrey Huang, Print Managing Editor").as_deref(),
            Some("Audrey Huang")
        );
        assert_eq!(
            clean_byline("Emily Baron Cadloff·").as_deref(),
            Some("Emily Baron Cadloff")
        );
        assert_eq!(clean_byline(", USA TODAY"), None);
        assert_eq!(
            clean_byline("Doris Munoz-Mantilla, MD, FOMA").as_deref(),
            Some("Doris Munoz-Mantilla, MD, FOMA")
        );
        assert_eq!(
            clean_byline("Olena Kovalenko and Mark Hale").as_deref(),
            Some("Olena Kovalenko and Mark Hale")
        );
    }
}
