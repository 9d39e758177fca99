//! Compiles the gazetteer's aliases into the automaton the library loads at start-up
//! (`OUT_DIR/gazetteer.daac`), so that no run pays for building it.

#[path = "src/gazetteer/aliases.rs"]
#[allow(dead_code)]
mod aliases;

use daachorse::{DoubleArrayAhoCorasickBuilder, MatchKind};

fn main() {
    for file in [
        "src/gazetteer/aliases.rs",
        "data/systems.tsv",
        "data/organisations.tsv",
        "data/locations.tsv",
        "data/cities.tsv",
        "data/nationalities.tsv",
        "data/people.tsv",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    let rows = aliases::all_rows();
    let patterns = aliases::patterns(&rows);
    let automaton = DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build_with_values(patterns)
        .unwrap_or_else(|e| panic!("gazetteer automaton: {e}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("gazetteer.daac");
    std::fs::write(&out, automaton.serialize())
        .unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
