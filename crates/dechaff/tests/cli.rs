//! The `dechaff` binary as a user runs it.

use std::io::Write;
use std::process::{Command, Stdio};

fn dechaff(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dechaff"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dechaff runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const DUMP: &str = "NAVAL\nNAVAL\n\
The frigate HMS Example left Portsmouth on Monday for a six-month deployment to the Indo-Pacific, the navy said in a statement.\n\
Also read: Navy orders two more frigates\n\
Its crew of 190 sailors will train with allied ships in the Philippine Sea and call at ports in Japan and Australia.\n\
With information from: Navy News / UKDJ\n\
NEWSLETTER SUBSCRIPTION\n\
Army tests new radar | A teaser lead that reads like a sentence of prose about the army radar test…\n\
3 Comments\n";

#[test]
fn strip_prints_the_body_one_paragraph_per_line() {
    let (code, out, _) = dechaff(&["strip", "-"], DUMP.as_bytes());
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("The frigate"));
    assert!(lines[1].starts_with("Its crew"));
}

#[test]
fn extract_prints_fields_and_entities_as_json() {
    let (code, out, _) = dechaff(&["extract", "-"], DUMP.as_bytes());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON out");
    assert_eq!(v["section"], "NAVAL");
    assert_eq!(v["sources"], serde_json::json!(["Navy News", "UKDJ"]));
    assert_eq!(
        v["related"],
        serde_json::json!(["Navy orders two more frigates"])
    );
    assert!(v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["text"] == "Portsmouth" || e["text"] == "Monday"));
}

#[test]
fn no_strip_offsets_point_into_the_file_verbatim() {
    let body = "  Iran’s S-400 order,\nsigned on March 5, 2020.\n";
    let (code, out, _) = dechaff(&["extract", "--no-strip", "-"], body.as_bytes());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["text"], body);
    let chars: Vec<char> = body.chars().collect();
    for e in v["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let span: String = chars[s..t].iter().collect();
        assert_eq!(span, e["text"].as_str().unwrap());
    }
    assert!(v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["text"] == "March 5, 2020"));
}

#[test]
fn format_override_reads_html_as_text() {
    let page = "<p>The brigade moved to the border on Tuesday after weeks of training, officials said.</p>";
    let (_, as_html, _) = dechaff(&["strip", "-"], page.as_bytes());
    let (_, as_text, _) = dechaff(&["strip", "--format", "text", "-"], page.as_bytes());
    assert!(!as_html.contains("<p>"), "{as_html}");
    assert!(as_text.contains("<p>"), "{as_text}");
}

#[test]
fn bad_input_gets_a_clear_error_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("dechaff-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join("image.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let (code, out, err) = dechaff(&["strip", png.to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("image.png") && err.contains("PNG"), "{err}");
    let (code, _, err) = dechaff(&["strip", dir.join("missing.html").to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert!(err.contains("missing.html"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn empty_input_is_an_empty_body() {
    let (code, out, _) = dechaff(&["strip", "-"], b"");
    assert_eq!(code, 0);
    assert!(out.is_empty());
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dechaff-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use flate2::write::GzEncoder;
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn a_batch_gives_one_record_per_page_in_order_and_survives_bad_pages() {
    let dir = temp_dir("batch");
    std::fs::create_dir_all(dir.join("nested/deeper")).unwrap();
    let html = "<html><body><article><p>The destroyer fired two interceptors at drones over the Red Sea on Tuesday, the navy said in a statement.</p></article></body></html>";
    std::fs::write(dir.join("a.html"), html).unwrap();
    std::fs::write(dir.join("nested/b.txt"), DUMP).unwrap();
    std::fs::write(dir.join("nested/deeper/c.html.gz"), gzip(html.as_bytes())).unwrap();
    std::fs::write(dir.join("nested/d.html"), b"%PDF-1.7 binary").unwrap();
    std::fs::write(dir.join("ignored.png"), b"\x89PNG").unwrap();
    let (code, out, err) = dechaff(
        &["extract", "--jsonl", "--jobs", "2", dir.to_str().unwrap()],
        b"",
    );
    assert_eq!(code, 2, "a failed page makes the exit status 2: {err}");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let sources: Vec<String> = records
        .iter()
        .map(|r| {
            r["source"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(sources, ["a.html", "b.txt", "d.html", "c.html.gz"]);
    assert!(records[0]["article"]["paragraphs"][0]
        .as_str()
        .unwrap()
        .starts_with("The destroyer"));
    assert_eq!(
        records[0]["article"], records[3]["article"],
        "gzip'd page reads the same"
    );
    assert!(records[2]["error"].as_str().unwrap().contains("PDF"));
    assert!(err.contains("4 pages, 3 ok, 1 failed"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_is_the_same_whatever_the_number_of_jobs() {
    let dir = temp_dir("jobs");
    for i in 0..12 {
        let page = format!("<p>Report {i}: the brigade moved {i} kilometres towards the border overnight, officials said on Monday.</p>");
        std::fs::write(dir.join(format!("p{i:02}.html")), page).unwrap();
    }
    let one = dechaff(&["strip", "--jsonl", "-j", "1", dir.to_str().unwrap()], b"").1;
    let four = dechaff(&["strip", "--jsonl", "-j", "4", dir.to_str().unwrap()], b"").1;
    assert_eq!(one.lines().count(), 12);
    assert_eq!(one, four);
    let out_file = dir.join("out.jsonl");
    let (code, stdout, _) = dechaff(
        &[
            "strip",
            "--jsonl",
            "-o",
            out_file.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), one);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_argument_is_an_error_before_any_work() {
    let (code, out, err) = dechaff(&["strip", "/nonexistent/dechaff/page.html"], b"");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("/nonexistent/dechaff/page.html") && err.contains("no such file"),
        "{err}"
    );
}

/// A WARC record, as a crawler writes it (gzip'd per record when `gz`).
fn warc_record(kind: &str, id: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {id}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

#[test]
fn warc_files_give_one_record_per_html_response_and_name_a_cut_record() {
    let dir = temp_dir("warc");
    let article = b"<html><body><article><p>The frigate escorted two tankers through the Strait of Hormuz on Friday, the navy said in a statement.</p></article></body></html>";
    // Windows-1251 declared only by the transport.
    let cyrillic = "<html><body><article><p>Министерство обороны сообщило, что зенитный ракетный комплекс перехватил беспилотник над Белгородом.</p></article></body></html>";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(cyrillic);
    let mut warc = Vec::new();
    warc.extend(gzip(&warc_record(
        "warcinfo",
        "<urn:uuid:0>",
        "",
        b"software: test",
    )));
    warc.extend(gzip(&warc_record(
        "request",
        "<urn:uuid:1>",
        "http://a.example/",
        b"GET / HTTP/1.1\r\n\r\n",
    )));
    warc.extend(gzip(&warc_record(
        "response",
        "<urn:uuid:2>",
        "http://a.example/",
        &http("text/html; charset=utf-8", article),
    )));
    warc.extend(gzip(&warc_record(
        "response",
        "<urn:uuid:3>",
        "http://a.example/logo.png",
        &http("image/png", b"\x89PNG"),
    )));
    warc.extend(gzip(&warc_record(
        "response",
        "<urn:uuid:4>",
        "http://b.example/ru",
        &http("text/html; charset=windows-1251", &cp1251),
    )));
    let mut cut = warc_record(
        "response",
        "<urn:uuid:5>",
        "http://c.example/",
        &http("text/html", article),
    );
    cut.truncate(cut.len() - 40);
    warc.extend(gzip(&cut));
    std::fs::write(dir.join("crawl.warc.gz"), &warc).unwrap();
    std::fs::write(dir.join("page.html"), article).unwrap();

    let (code, out, err) = dechaff(&["extract", "--jsonl", dir.to_str().unwrap()], b"");
    assert_eq!(code, 2, "the cut record is a failure: {err}");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 4, "{out}");
    assert_eq!(records[0]["record_id"], "<urn:uuid:2>");
    assert_eq!(records[0]["uri"], "http://a.example/");
    assert!(records[0]["source"]
        .as_str()
        .unwrap()
        .ends_with("crawl.warc.gz"));
    assert!(records[0]["article"]["text"]
        .as_str()
        .unwrap()
        .starts_with("The frigate"));
    assert!(
        records[1]["article"]["text"]
            .as_str()
            .unwrap()
            .contains("Министерство обороны"),
        "{}",
        records[1]
    );
    assert_eq!(records[2]["record_id"], "<urn:uuid:5>");
    assert!(
        records[2]["error"].as_str().unwrap().contains("truncated"),
        "{}",
        records[2]
    );
    assert!(records[3]["source"]
        .as_str()
        .unwrap()
        .ends_with("page.html"));
    assert_eq!(records[3]["article"], records[0]["article"]);
    assert!(err.contains("4 pages, 3 ok, 1 failed"), "{err}");
    assert!(err.contains("3 WARC records skipped"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_page_over_the_time_limit_is_a_failed_record() {
    // Big enough to take well over a millisecond in any build.
    let page =
        "<div><p>The battalion moved north along the river at dawn.</p></div>".repeat(60_000);
    let (code, out, err) = dechaff(
        &["strip", "--jsonl", "--timeout-ms", "1", "-"],
        page.as_bytes(),
    );
    assert_eq!(code, 2, "{err}");
    let record: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(
        record["error"].as_str().unwrap().contains("timed out"),
        "{record}"
    );
    let (code, _, _) = dechaff(
        &["strip", "--jsonl", "--timeout-ms", "0", "-"],
        page.as_bytes(),
    );
    assert_eq!(code, 0, "0 means no limit");
}

#[test]
fn site_memory_drops_a_line_every_page_of_the_site_repeats() {
    let dir = temp_dir("site");
    let about = "About Frontier Defence Review: an independent newsletter on the armed forces of the Baltic states, published weekly since 2011.";
    let stories = [
        "The Estonian brigade finished its winter exercise near Tapa after three weeks in the field, the army said.",
        "Latvia signed a contract for six more HIMARS launchers, to be delivered by the end of next year, officials said.",
        "Lithuanian engineers opened a new bridge over the Neris for heavy armour, the defence ministry announced.",
    ];
    for (i, story) in stories.iter().enumerate() {
        std::fs::write(
            dir.join(format!("p{i}.txt")),
            format!("{story}\nThe ministry gave no further details on the timing or the cost of project {i}.\n{about}\n"),
        )
        .unwrap();
    }
    let page = dir.join("p1.txt");
    let (_, without, _) = dechaff(&["strip", page.to_str().unwrap()], b"");
    assert!(without.contains("About Frontier"), "{without}");
    let (code, with, err) = dechaff(
        &[
            "strip",
            "--site-corpus",
            dir.to_str().unwrap(),
            page.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!with.contains("About Frontier"), "{with}");
    assert!(with.starts_with("Latvia signed"), "{with}");
    let (_, explained, _) = dechaff(
        &[
            "strip",
            "--explain",
            "--site-corpus",
            dir.to_str().unwrap(),
            page.to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        explained.contains("site memory: the same line is on 3 of 3 pages"),
        "{explained}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn site_memory_from_the_batch_learns_each_canonical_host_apart() {
    let dir = temp_dir("site-batch");
    let stories = [
        "The Estonian brigade finished its winter exercise near Tapa after three weeks in the field, the army said.",
        "Latvia signed a contract for six more HIMARS launchers, to be delivered by the end of next year, officials said.",
        "Lithuanian engineers opened a new bridge over the Neris for heavy armour, the defence ministry announced.",
    ];
    let page = |host: &str, i: usize, story: &str| {
        format!(
            "<html><head><link rel=\"canonical\" href=\"https://{host}/story/{i}\"></head><body><main><p>{story} The ministry gave no further details on the timing or the cost.</p><p>About {host}: an independent newsletter on the armed forces of the Baltic states, published weekly since 2011.</p></main></body></html>"
        )
    };
    for (i, story) in stories.iter().enumerate() {
        std::fs::write(
            dir.join(format!("a{i}.html")),
            page("review.example", i, story),
        )
        .unwrap();
    }
    // One page of another site: nothing of it repeats.
    std::fs::write(dir.join("b0.html"), page("other.example", 0, stories[0])).unwrap();
    let (code, out, err) = dechaff(
        &["strip", "--jsonl", "--site-memory", dir.to_str().unwrap()],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 4);
    for r in &records {
        let text = r["paragraphs"].to_string();
        let source = r["source"].as_str().unwrap();
        assert!(!text.contains("About review.example"), "{source}: {text}");
        if source.ends_with("b0.html") {
            assert!(text.contains("About other.example"), "{text}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_as_json_gives_every_block_with_its_features() {
    let (code, out, _) = dechaff(&["strip", "--explain", "--jsonl", "-"], DUMP.as_bytes());
    assert_eq!(code, 0);
    let record: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let blocks = record["explain"]["blocks"].as_array().unwrap();
    assert_eq!(
        blocks.len(),
        DUMP.lines().filter(|l| !l.trim().is_empty()).count()
    );
    assert!(blocks.iter().any(|b| b["kept"] == true));
    assert!(blocks
        .iter()
        .any(|b| b["kept"] == false && b["cue"].is_string()));
    for b in blocks {
        assert!(b["reason"].as_str().is_some_and(|r| !r.is_empty()));
        assert!(b["stopword_density"].is_number() && b["link_density"].is_number());
    }
}

#[test]
fn comments_flag_keeps_the_comment_section() {
    let article = "The frigate completed its sea trials in the Baltic on Thursday after three weeks of tests of its radar, sonar and the new air-defence missiles, the navy said in a statement.";
    let second = "The ship is expected to join the fleet in the spring, after the crew has finished its training and the last acceptance tests are signed off by the defence ministry.";
    let reply = "I sailed on her sister ship for two years and the radar was the weak point from the very first day, so I am glad they finally replaced the whole mast and its electronics.";
    let page = format!(
        "<html><body><article><p>{article}</p><p>{second}</p></article><section class=\"comments\"><h3>12 Comments</h3><div class=\"comment\"><p>{reply}</p></div></section></body></html>"
    );
    let (_, default, _) = dechaff(&["strip", "-"], page.as_bytes());
    assert!(
        default.contains("sea trials") && !default.contains("sister ship"),
        "{default}"
    );
    let (code, with, _) = dechaff(&["strip", "--comments", "-"], page.as_bytes());
    assert_eq!(code, 0);
    assert!(
        with.contains("sea trials") && with.contains("sister ship"),
        "{with}"
    );
}

#[test]
fn style_re3d_marks_mentions_not_names() {
    let text = "We condemn the attack. The UK has sent two frigates.";
    let kinds = |out: &str| -> Vec<(String, String)> {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["type"].as_str().unwrap().to_string(),
                    e["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let (_, plain, _) = dechaff(&["extract", "--no-strip", "-"], text.as_bytes());
    let (code, re3d, _) = dechaff(
        &["extract", "--no-strip", "--style", "re3d", "-"],
        text.as_bytes(),
    );
    assert_eq!(code, 0);
    let plain = kinds(&plain);
    let re3d = kinds(&re3d);
    assert!(!plain.iter().any(|(_, t)| t == "We"), "{plain:?}");
    assert!(
        re3d.contains(&("Organisation".into(), "We".into())),
        "{re3d:?}"
    );
    assert!(
        re3d.contains(&("Organisation".into(), "The UK".into())),
        "{re3d:?}"
    );
    assert!(
        re3d.contains(&("Quantity".into(), "two".into())),
        "{re3d:?}"
    );
}
