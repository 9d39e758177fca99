//! Per-page cost of stripping, of extraction alone and of both, on the bundled corpus's
//! pages (criterion).
//! Whole-batch throughput on real pages is `cargo xtask bench`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dechaff_extract::Extractor;
use dechaff_strip::{decode_page, strip, Limits, Options};
use std::path::Path;

fn corpus_pages() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "txt"))
        .filter(|p| p.file_stem().is_some_and(|s| s != "README"))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable page");
            let text = decode_page(&bytes, &Limits::default()).expect("decodable page");
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    pages.sort();
    pages
}

fn bench(c: &mut Criterion) {
    let pages = corpus_pages();
    let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
    let extractor = Extractor::shared();
    let options = Options::default();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("strip", |b| {
        b.iter(|| {
            for (_, text) in &pages {
                std::hint::black_box(strip(text, &options));
            }
        })
    });
    // Extraction alone, on pages stripped beforehand.
    let stripped: Vec<_> = pages.iter().map(|(_, t)| strip(t, &options)).collect();
    group.bench_function("extract", |b| {
        b.iter(|| {
            for page in &stripped {
                std::hint::black_box(extractor.extract(page));
            }
        })
    });
    group.bench_function("strip+extract", |b| {
        b.iter(|| {
            for (_, text) in &pages {
                std::hint::black_box(extractor.extract(&strip(text, &options)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
