//! Hostile pages, generated here rather than stored in git: every one must give a clean
//! result or a clear error, never a panic, and every entity span must lie inside the
//! text and match it. The full-size cases (a 50 MB page, a million nested elements)
//! are `#[ignore]`d here and run in release mode by `.ci/run`; the default run uses
//! smaller versions of the same shapes.

use dechaff_extract::Extractor;
use dechaff_schema::{char_slice, Article};
use dechaff_strip::{decode_page, strip, Format, Limits, Options};
use proptest::prelude::*;

fn run(bytes: &[u8]) -> Result<Article, String> {
    let text = decode_page(bytes, &Limits::default()).map_err(|e| e.to_string())?;
    let article = Extractor::shared().extract(&strip(&text, &Options::default()));
    check_invariants(&article);
    Ok(article)
}

fn check_invariants(a: &Article) {
    assert_eq!(a.text, Article::join_paragraphs(&a.paragraphs));
    // Byte offset of every character, once: slicing per entity with char_slice would
    // make this check quadratic on a large page.
    let offsets: Vec<usize> = a
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain(Some(a.text.len()))
        .collect();
    let mut last_end = 0;
    for e in &a.entities {
        let span = &a.text[offsets[e.start]..offsets[e.end]];
        assert_eq!(span, e.text, "{e:?}");
        assert!(e.start >= last_end, "entities sorted and disjoint: {e:?}");
        last_end = e.end;
    }
    for p in &a.paragraphs {
        assert!(!p.is_empty());
        assert_eq!(*p, dechaff_schema::normalize_whitespace(p));
    }
}

const PARAGRAPH: &str = "<p>The brigade moved its Leopard 2A6 tanks towards Narva on 5 March 2024, officials in Tallinn said on Monday.</p>\n";

/// A paragraph in the shapes the extractor's context rules read (a person in
/// apposition to a role, an organisation after it, a system's name before its type and
/// after "such as", a settlement's name, a list of places): each rule must stay linear
/// in the number of such shapes on a page.
const CONTEXT_PARAGRAPH: &str = "<p>Jana Kovar, an analyst at the Brno-based Vltava Risk Partners in Prague, said Narew batteries, missiles such as the Asef and the border town of Diboli in Moray, Burghead and Duffus matter, as Raytheon Co. and Tidewater Hull & Mechanical LLC said.</p>\n";

/// An article of `bytes` bytes, its paragraphs numbered: identical paragraphs would be
/// taken for a page that ships its body twice. Every fourth is a [`CONTEXT_PARAGRAPH`].
fn big_page(bytes: usize) -> Vec<u8> {
    let mut page = String::from("<html><body><article>");
    let mut n = 0;
    while page.len() < bytes {
        n += 1;
        let paragraph = if n % 4 == 0 {
            CONTEXT_PARAGRAPH
        } else {
            PARAGRAPH
        };
        page.push_str(&paragraph.replacen("<p>", &format!("<p>Report {n}: "), 1));
    }
    page.push_str("</article></body></html>");
    page.into_bytes()
}

fn nested(depth: usize) -> Vec<u8> {
    format!(
        "{}deep text{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
    .into_bytes()
}

#[test]
fn empty_and_blank_pages_give_an_empty_article() {
    for page in ["", "   \n\n\t", "<html></html>", "<!-- only a comment -->"] {
        let a = run(page.as_bytes()).unwrap();
        assert!(a.paragraphs.is_empty(), "{page:?}: {:?}", a.paragraphs);
    }
}

#[test]
fn binary_files_are_refused_by_name() {
    for (bytes, what) in [
        (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "PNG"),
        (&b"%PDF-1.7\n%\xe2\xe3\xcf\xd3"[..], "PDF"),
        (&b"GIF89a\x01\0\x01\0"[..], "GIF"),
        (&b"PK\x03\x04\x14\0"[..], "ZIP"),
    ] {
        let err = run(bytes).unwrap_err();
        assert!(err.contains(what), "{err}");
    }
    let err = run(b"text with a \0 NUL byte").unwrap_err();
    assert!(err.contains("NUL"), "{err}");
}

#[test]
fn invalid_utf8_is_decoded_not_dropped() {
    // Windows-1252 bytes: every one becomes a character, none is lost.
    let page = b"<p>The minister\x92s statement on the \x93Patriot\x94 deal was published on Monday, officials said in Warsaw.</p>";
    let a = run(page).unwrap();
    assert!(
        a.text
            .contains("minister’s statement on the “Patriot” deal"),
        "{}",
        a.text
    );
}

#[test]
fn mixed_encodings_and_utf16_decode() {
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("<p>Kyiv’s air force said on Tuesday that it shot down forty drones over the capital.</p>".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let a = run(&utf16).unwrap();
    assert!(a.text.contains("Kyiv’s air force"), "{}", a.text);
    let mut mixed = "<p>Złoczów and Česká zbrojovka: ".as_bytes().to_vec();
    mixed.extend_from_slice(b"caf\xe9 </p>");
    run(&mixed).unwrap();
}

#[test]
fn broken_markup_keeps_its_text() {
    let pages = [
        "<p>Unclosed paragraph about the frigate HMS Iron Duke sailing to the Baltic Sea in June",
        "<p>text <!-- unclosed comment",
        "<div class=\"x>broken attribute quote</div><p>After it, the body continues here with more words.</p>",
        "<p>a < b > c &amp; &unknown; &#xZZ; &#99999999; </p>",
        "<<<>>></></ p><p/>",
        "<script>document.write('<p>not body</p>')</script><p>The body of the page is this sentence, which is long enough to count.</p>",
        "<style>p { content: '<p>' }</style><p>Styled page with a real paragraph about air defence in Poland.</p>",
    ];
    for page in pages {
        let a = run(page.as_bytes()).unwrap();
        assert!(!a.text.contains("not body"), "{page}: {}", a.text);
        assert!(!a.text.contains("content:"), "{page}: {}", a.text);
    }
}

#[test]
fn many_siblings_and_deep_nesting_are_linear() {
    let siblings = format!("<div>{}</div>", "<p>x</p>".repeat(100_000));
    run(siblings.as_bytes()).unwrap();
    let a = run(&nested(100_000)).unwrap();
    assert_eq!(a.paragraphs, ["deep text"]);
    let unclosed = "<div><span><b>".repeat(50_000);
    run(unclosed.as_bytes()).unwrap();
}

#[test]
fn a_long_line_and_a_large_page_are_processed() {
    let line = "word ".repeat(200_000);
    run(line.as_bytes()).unwrap();
    let a = run(&big_page(2_000_000)).unwrap();
    assert!(a.paragraphs.len() > 10_000);
}

#[test]
fn pages_over_the_limit_are_refused_not_cut() {
    let limits = Limits { max_bytes: 1000 };
    let err = decode_page(&big_page(2000), &limits)
        .unwrap_err()
        .to_string();
    assert!(err.contains("over the limit of 1000 bytes"), "{err}");
}

#[test]
fn text_dumps_with_nul_free_control_characters_survive() {
    let dump = "HEADER\nHEADER\n\u{1}\u{7}\u{1b}[31mThe navy said the corvette returned to port on Friday after a week of exercises.\r\n0 Comments\n";
    let text = decode_page(dump.as_bytes(), &Limits::default()).unwrap();
    let a = Extractor::shared().extract(&strip(
        &text,
        &Options {
            format: Some(Format::Text),
            ..Options::default()
        },
    ));
    check_invariants(&a);
}

#[test]
#[ignore = "full size: run with --release -- --ignored (.ci/run does)"]
fn a_50_mb_page_is_processed() {
    let a = run(&big_page(50_000_000)).unwrap();
    // About 160 bytes a paragraph.
    assert!(a.paragraphs.len() > 250_000);
}

#[test]
#[ignore = "full size: run with --release -- --ignored (.ci/run does)"]
fn a_million_nested_elements_and_a_10_mb_line_are_processed() {
    let a = run(&nested(1_000_000)).unwrap();
    assert_eq!(a.paragraphs, ["deep text"]);
    run("word ".repeat(2_000_000).as_bytes()).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = run(&bytes);
    }

    #[test]
    fn arbitrary_markup_never_panics_and_spans_match(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()),
                Just("</p>".to_string()), Just("<a href=x>".to_string()), Just("</a>".to_string()),
                Just("<!--".to_string()), Just("-->".to_string()), Just("<script>".to_string()),
                Just("</script>".to_string()), Just("&amp;".to_string()), Just("&#".to_string()),
                Just("<br>".to_string()), Just("\n".to_string()),
                "[A-Za-z0-9 ,.’€-]{0,40}".prop_map(|s| s),
                Just("S-400 Triumf near Kyiv on 5 March 2024 for $1.2 billion".to_string()),
            ],
            0..60,
        )
    ) {
        let page = parts.concat();
        let _ = run(page.as_bytes());
    }

    #[test]
    fn no_strip_spans_point_into_the_text(text in "\\PC{0,300}") {
        let a = Extractor::shared().extract_text(&text);
        prop_assert_eq!(&a.text, &text);
        for e in &a.entities {
            prop_assert_eq!(char_slice(&text, e.start, e.end), Some(e.text.as_str()));
        }
    }

    #[test]
    fn re3d_style_spans_point_into_the_text_and_do_not_overlap(
        text in "(We |I |he |The UK has |the Iraqi security forces |two frigates |Minister Tobias Ellwood |the regime |CTF 50 |[A-Za-z’' ,.-]{0,20}){0,30}"
    ) {
        let x = Extractor::shared();
        let entities = x.entities_styled(&text, dechaff_extract::Style::Re3d);
        let mut last_end = 0;
        for e in &entities {
            prop_assert_eq!(char_slice(&text, e.start, e.end), Some(e.text.as_str()));
            prop_assert!(e.start >= last_end, "overlap at {}", e.start);
            last_end = e.end;
        }
    }
}
