//! The HTML report and the PR summary, opened in headless Chromium.
//!
//! `cargo xtask report` for the bundled corpus is loaded from disk (file://, nothing
//! else: the report fetches nothing), its DOM dumped after load and checked for the
//! charts (laid out with a size, one dot per page, history points) and for one page's
//! diff (opened through the address, lost body and kept chaff marked); then a
//! screenshot goes to `target/report-screenshot.png`. The PR summary of a run that
//! differs from the baseline (`--favor precision`) is rendered the way GitHub shows
//! Markdown (tables, `<details>`, `diff` blocks) and screenshot to
//! `target/pr-summary-screenshot.png`. README.md shows both (`docs/`).
//!
//! Without Chromium (`chromium`, `chromium-browser`, Google Chrome, or `$CHROMIUM`)
//! both tests print "skipped: chromium not found" and pass; `.ci/run` installs
//! Debian's `chromium` for them.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one Chromium run may take before it is killed.
const TIMEOUT: Duration = Duration::from_secs(60);

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM").map(PathBuf::from) {
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// A fresh directory under target/tmp.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The workspace's target directory (the parent of target/tmp).
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp has a parent")
        .to_path_buf()
}

/// Runs Chromium headless on `url` with `extra` flags, a fresh profile, no network
/// chatter; returns its standard output. Killed, with its children, after TIMEOUT.
fn run_chromium(bin: &Path, work: &Path, extra: &[String], url: &str) -> String {
    let profile = work.join(format!("profile-{}", extra.len()));
    let _ = std::fs::remove_dir_all(&profile);
    let out_path = work.join("chromium.out");
    let err_path = work.join("chromium.err");
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(url)
    .stdin(Stdio::null())
    .stdout(File::create(&out_path).unwrap())
    .stderr(File::create(&err_path).unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            // The whole process group: the browser and its renderers.
            #[cfg(unix)]
            let _ = Command::new("kill")
                .args(["-KILL", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium took over {TIMEOUT:?} on {url}; stderr:\n{}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    assert!(
        status.success(),
        "chromium failed ({status}) on {url}:\n{stderr}"
    );
    std::fs::read_to_string(&out_path).unwrap()
}

/// The element that starts at the first `open` (e.g. `<svg class="chart" id="x"`), up
/// to its closing `close`.
fn element<'a>(dom: &'a str, open: &str, close: &str) -> &'a str {
    let start = dom
        .find(open)
        .unwrap_or_else(|| panic!("{open} is not in the rendered DOM"));
    let end = dom[start..]
        .find(close)
        .unwrap_or_else(|| panic!("{open} is not closed"));
    &dom[start..start + end + close.len()]
}

/// A PNG file's width and height, from its IHDR chunk.
fn png_size(path: &Path) -> (u32, u32, u64) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20), bytes.len() as u64)
}

fn xtask(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs");
    out
}

#[test]
fn report_renders_in_headless_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("skipped: chromium not found (install Debian's `chromium`, or set CHROMIUM)");
        return;
    };
    let work = scratch("report-browser");
    let report = work.join("index.html");
    let out = xtask(&["report", "-o", report.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&report).unwrap();
    let charts = html.matches(r#"<svg class="chart""#).count();
    // The worst page's diff: the first one the report lists.
    let marker = r#"<details class="page-diff" id=""#;
    let at = html.find(marker).expect("the report has a page diff") + marker.len();
    let diff_id = &html[at..at + html[at..].find('"').unwrap()];

    let url = format!("file://{}#{diff_id}", report.display());
    let dom = run_chromium(&bin, &work, &["--dump-dom".into()], &url);

    // Every chart was laid out with a size (the report's script counts them).
    assert!(charts >= 3, "{charts} charts in the report");
    assert!(
        dom.contains(&format!(r#"data-charts-laid-out="{charts}""#)),
        "not every one of the {charts} charts was laid out"
    );
    // One dot per page in the precision/recall chart, one pair of bars per page.
    let heading = element(&dom, r#"<span class="muted">· "#, " pages</span>");
    let pages: usize = heading
        .trim_start_matches(r#"<span class="muted">· "#)
        .trim_end_matches(" pages</span>")
        .parse()
        .expect("the corpus heading names its page count");
    assert!(pages >= 100, "{pages} pages in the bundled corpus");
    let scatter = element(
        &dom,
        r#"<svg class="chart" id="pr-scatter-bundled""#,
        "</svg>",
    );
    assert_eq!(scatter.matches("<circle").count(), pages);
    assert!(scatter.matches(r#"class="iso-f1""#).count() >= 3);
    let bars = element(&dom, r#"<svg class="chart" id="pr-bars-bundled""#, "</svg>");
    // Two bars per page, two legend squares, the plot frame.
    assert_eq!(bars.matches("<rect").count(), 2 * pages + 3);
    // The history of blessed runs (eval/history.csv is checked in).
    let history = element(
        &dom,
        r#"<svg class="chart" id="history-words-f1""#,
        "</svg>",
    );
    assert!(history.matches("<circle").count() >= 1);
    // The page named in the address is open, with its lost body or kept chaff.
    let details = element(
        &dom,
        &format!(r#"<details class="page-diff" id="{diff_id}""#),
        "</details>",
    );
    let open_tag = &details[..details.find('>').unwrap()];
    assert!(
        open_tag.contains("open"),
        "{diff_id} did not open: {open_tag}"
    );
    assert!(
        details.contains(r#"<div class="l lost">"#) || details.contains(r#"<div class="l kept">"#),
        "{diff_id} shows no diff line"
    );

    let shot = target_dir().join("report-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &bin,
        &work,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".into(),
        ],
        &format!("file://{}", report.display()),
    );
    let (w, h, size) = png_size(&shot);
    assert_eq!((w, h), (1280, 2000));
    // A blank page of this size compresses to a few kB; the report is far more.
    assert!(size > 40_000, "screenshot is only {size} bytes");
    eprintln!("screenshot: {}", shot.display());
}

#[test]
fn pr_summary_renders_in_headless_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("skipped: chromium not found (install Debian's `chromium`, or set CHROMIUM)");
        return;
    };
    let work = scratch("summary-browser");
    let md_path = work.join("summary.md");
    // A run that differs from the blessed one, so the summary has changes to show.
    let out = xtask(&[
        "eval",
        "--favor",
        "precision",
        "--summary-md",
        md_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.contains("| set | metric | baseline | now | change |"));
    assert!(
        md.contains('▼') || md.contains('▲'),
        "no change shown:\n{md}"
    );
    assert!(md.contains("<details>") && md.contains("```diff"));
    assert!(md.len() < 1024 * 1024, "over GitHub's step-summary limit");

    let page = work.join("summary.html");
    std::fs::write(&page, github_like_html(&md)).unwrap();
    let url = format!("file://{}", page.display());
    let dom = run_chromium(&bin, &work, &["--dump-dom".into()], &url);
    assert!(dom.matches("<table>").count() >= 2, "tables did not render");
    assert!(dom.contains(r#"<span class="del">"#) || dom.contains(r#"<span class="add">"#));

    let shot = target_dir().join("pr-summary-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &bin,
        &work,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1000,2200".into(),
        ],
        &url,
    );
    let (w, h, size) = png_size(&shot);
    assert_eq!((w, h), (1000, 2200));
    assert!(size > 30_000, "screenshot is only {size} bytes");
    eprintln!("screenshot: {}", shot.display());
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `**bold**` and `` `code` `` inside a line whose HTML is kept as written (the summary
/// escapes its own text).
fn inline(s: &str) -> String {
    let mut out = String::new();
    let mut bold = false;
    let mut code = false;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("**") && !code {
            out.push_str(if bold { "</strong>" } else { "<strong>" });
            bold = !bold;
            rest = &rest[2..];
        } else if c == '`' {
            out.push_str(if code { "</code>" } else { "<code>" });
            code = !code;
            rest = &rest[1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The Markdown the summary uses, the way GitHub renders it: headings, pipe tables,
/// bullet lists, paragraphs, fenced `diff` blocks, raw `<details>`.
fn github_like_html(md: &str) -> String {
    let mut html = String::from(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; color: #1f2328; margin: 0; padding: 24px 32px; max-width: 940px; }
h3 { font-size: 20px; margin: 0 0 16px; } h4 { font-size: 16px; margin: 24px 0 12px; }
table { border-collapse: collapse; margin: 0 0 16px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d0d7de; padding: 5px 12px; } th { font-weight: 600; } tr:nth-child(2n) td { background: #f6f8fa; }
td.r, th.r { text-align: right; } code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: #eff1f3; padding: 2px 4px; border-radius: 6px; }
pre { background: #f6f8fa; border-radius: 6px; padding: 12px 16px; font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; overflow: hidden; white-space: pre-wrap; }
pre span { display: block; } .del { color: #82071e; background: #ffebe9; } .add { color: #116329; background: #dafbe1; } .hunk { color: #8250df; }
details summary { cursor: pointer; margin-bottom: 12px; } ul { padding-left: 24px; }
.frame { border: 1px solid #d0d7de; border-radius: 6px; padding: 16px 24px; } .caption { color: #59636e; font-size: 12px; margin-bottom: 8px; }
</style></head><body><div class="caption">Job summary · check</div><div class="frame">"#,
    );
    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;
    let mut list = false;
    while i < lines.len() {
        let line = lines[i];
        if list && !line.starts_with("- ") {
            html.push_str("</ul>");
            list = false;
        }
        if let Some(fence) = line.strip_suffix("diff").filter(|f| f.starts_with("```")) {
            html.push_str("<pre>");
            i += 1;
            while i < lines.len() && lines[i] != fence {
                let l = lines[i];
                let class = match l.chars().next() {
                    Some('-') => "del",
                    Some('+') => "add",
                    Some('@') => "hunk",
                    _ => "ctx",
                };
                html.push_str(&format!(r#"<span class="{class}">{}</span>"#, escape(l)));
                i += 1;
            }
            html.push_str("</pre>");
        } else if line.starts_with('|') {
            let cells = |l: &str| -> Vec<String> {
                l.trim()
                    .trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect()
            };
            let head = cells(line);
            let align: Vec<bool> = lines
                .get(i + 1)
                .map(|l| cells(l).iter().map(|c| c.ends_with(':')).collect())
                .unwrap_or_default();
            let class = |k: usize| {
                if align.get(k) == Some(&true) {
                    " class=\"r\""
                } else {
                    ""
                }
            };
            html.push_str("<table><thead><tr>");
            for (k, c) in head.iter().enumerate() {
                html.push_str(&format!("<th{}>{}</th>", class(k), inline(c)));
            }
            html.push_str("</tr></thead><tbody>");
            i += 2;
            while i < lines.len() && lines[i].starts_with('|') {
                html.push_str("<tr>");
                for (k, c) in cells(lines[i]).iter().enumerate() {
                    html.push_str(&format!("<td{}>{}</td>", class(k), inline(c)));
                }
                html.push_str("</tr>");
                i += 1;
            }
            html.push_str("</tbody></table>");
            continue;
        } else if let Some(h) = line.strip_prefix("#### ") {
            html.push_str(&format!("<h4>{}</h4>", inline(h)));
        } else if let Some(h) = line.strip_prefix("### ") {
            html.push_str(&format!("<h3>{}</h3>", inline(h)));
        } else if let Some(item) = line.strip_prefix("- ") {
            if !list {
                html.push_str("<ul>");
                list = true;
            }
            html.push_str(&format!("<li>{}</li>", inline(item)));
        } else if line == "<details>" {
            // The body diffs are shown open, as a reviewer sees them after a click.
            let diffs = lines
                .get(i + 1)
                .is_some_and(|l| l.starts_with("<summary>Body diffs"));
            html.push_str(if diffs { "<details open>" } else { "<details>" });
        } else if line.starts_with("<summary>") || line == "</details>" {
            html.push_str(line);
        } else if !line.trim().is_empty() {
            html.push_str(&format!("<p>{}</p>", inline(line)));
        }
        i += 1;
    }
    if list {
        html.push_str("</ul>");
    }
    html.push_str("</div></body></html>\n");
    html
}
