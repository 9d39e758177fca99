// Shared by the page targets: the whole pipeline on one input, and the invariants
// every article must keep whatever the input.

use dechaff_extract::Extractor;
use dechaff_schema::char_slice;
use dechaff_strip::{decode_page, strip, Format, Limits, Options};

pub fn pipeline(data: &[u8], format: Format) {
    let Ok(page) = decode_page(data, &Limits::default()) else {
        return;
    };
    let options = Options {
        format: Some(format),
        ..Options::default()
    };
    let stripped = strip(&page, &options);
    assert_eq!(stripped.decisions.len(), stripped.document.blocks.len());
    let article = Extractor::shared().extract(&stripped);
    let chars = article.text.chars().count();
    for e in &article.entities {
        assert!(e.start < e.end && e.end <= chars, "span {e:?} outside text");
        assert_eq!(char_slice(&article.text, e.start, e.end), Some(e.text.as_str()));
    }
}
