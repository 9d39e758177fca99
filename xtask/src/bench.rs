//! `cargo xtask bench`: whole-batch throughput of the release binary, one thread and
//! all cores, on the bundled corpus and on the real pages in `../shared/data` when
//! they are present. `--criterion` also runs the per-page criterion benches.
//!
//! Each figure is one timed run of the whole `dechaff` process (reading, gunzip,
//! decoding, stripping, extraction, writing JSON Lines to /dev/null), so it is what a
//! user's batch sees. Numbers from a noisy machine move; compare runs made side by side.

use crate::corpus::repo_root;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

struct Set {
    name: &'static str,
    dir: PathBuf,
}

fn sets() -> Vec<Set> {
    let root = repo_root();
    let shared = root.join("../shared/data");
    let mut v = vec![Set {
        name: "bundled corpus",
        dir: root.join("corpus"),
    }];
    for (name, sub) in [
        ("WCXB dev (HTML)", "wcxb-dev/html"),
        ("Dragnet (HTML)", "dragnet/html"),
    ] {
        let dir = shared.join(sub);
        if dir.is_dir() {
            v.push(Set { name, dir });
        } else {
            eprintln!("bench: skipping {name}: {} is absent", dir.display());
        }
    }
    v
}

/// Pages and bytes on disk under `dir` (the files dechaff will read).
fn size_of(dir: &Path) -> Result<(usize, u64)> {
    let mut pages = 0;
    let mut bytes = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).with_context(|| d.display().to_string())? {
            let e = e?;
            let p = e.path();
            if e.file_type()?.is_dir() {
                stack.push(p);
            } else {
                let name = p.to_string_lossy();
                if name.ends_with(".html") || name.ends_with(".txt") || name.ends_with(".html.gz") {
                    if p.file_stem().is_some_and(|s| s == "README") {
                        continue;
                    }
                    pages += 1;
                    bytes += e.metadata()?.len();
                }
            }
        }
    }
    Ok((pages, bytes))
}

/// Wall-clock seconds of one whole `dechaff` run.
fn time_run(binary: &Path, mode: &str, jobs: usize, dir: &Path) -> Result<f64> {
    Ok(time_run_split(binary, mode, jobs, dir)?.whole)
}

/// A run's time, whole process and its batch loop alone.
#[derive(Clone, Copy)]
struct Timing {
    /// Wall clock of the whole process: start-up, every page, exit.
    whole: f64,
    /// The batch loop only (reading, gunzip, every page, writing), as the tool reports
    /// it: dechaff's summary line, peers.py's printed seconds (start-up, imports and
    /// for dechaff the compiling of its patterns excluded).
    batch: f64,
}

impl Timing {
    const NONE: Timing = Timing {
        whole: f64::MAX,
        batch: f64::MAX,
    };

    fn min(self, other: Timing) -> Timing {
        Timing {
            whole: self.whole.min(other.whole),
            batch: self.batch.min(other.batch),
        }
    }
}

/// One whole `dechaff` run, with the batch time its summary line reports.
fn time_run_split(binary: &Path, mode: &str, jobs: usize, dir: &Path) -> Result<Timing> {
    let started = Instant::now();
    let out = Command::new(binary)
        .args([mode, "--jsonl", "--jobs", &jobs.to_string()])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| binary.display().to_string())?;
    let whole = started.elapsed().as_secs_f64();
    if !out.status.success() && out.status.code() != Some(2) {
        bail!(
            "{} {mode} {}: {}",
            binary.display(),
            dir.display(),
            out.status
        );
    }
    // "dechaff: N pages, N ok, 0 failed in 2.08 s (...)"
    let stderr = String::from_utf8_lossy(&out.stderr);
    let batch = stderr
        .lines()
        .filter_map(|l| {
            l.split_once(" failed in ")?
                .1
                .split_once(" s")?
                .0
                .parse()
                .ok()
        })
        .next_back()
        .with_context(|| format!("no summary line from {} {mode}: {stderr}", binary.display()))?;
    Ok(Timing { whole, batch })
}

/// The peers `--peers` times, at the versions the project's issues measured.
const PEERS: [(&str, &str); 2] = [
    ("resiliparse", "resiliparse==2.0.1"),
    ("trafilatura", "trafilatura==2.3.1"),
];

/// Installed beside the peers: trafilatura imports lxml.html.clean, which newer lxml
/// ships as a separate package.
const PEER_EXTRAS: [&str; 1] = ["lxml_html_clean"];

/// A virtualenv under `target/` with the peers installed, or why there is none.
fn peer_python(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/peers-venv");
    let python = venv.join("bin/python");
    let installed = || {
        Command::new(&python)
            .args(["-c", "import resiliparse, trafilatura"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if python.exists() && installed() {
        return Ok(python);
    }
    let system = ["python3", "python"]
        .into_iter()
        .find(|p| {
            Command::new(p)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .ok_or("no python3 on PATH")?;
    eprintln!("bench: installing the peers into {}", venv.display());
    let ok = |c: &mut Command| c.status().is_ok_and(|s| s.success());
    if !ok(Command::new(system).args(["-m", "venv"]).arg(&venv)) {
        return Err(format!(
            "could not create a virtualenv at {}",
            venv.display()
        ));
    }
    let mut pip = Command::new(venv.join("bin/pip"));
    pip.args(["install", "--quiet"])
        .args(PEERS.map(|(_, req)| req))
        .args(PEER_EXTRAS);
    if !ok(&mut pip) || !installed() {
        return Err("pip could not install resiliparse and trafilatura".into());
    }
    Ok(python)
}

/// Seconds for a whole peer process over `dir`, interpreter start-up and imports
/// included, as for dechaff.
/// One whole peer run, with the loop time peers.py prints (`pages seconds`).
fn time_peer(python: &Path, script: &Path, tool: &str, dir: &Path) -> Result<Timing> {
    let started = Instant::now();
    let out = Command::new(python)
        .arg(script)
        .arg(tool)
        .arg(dir)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("running {tool}"))?;
    let whole = started.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!("{tool} on {}: {}", dir.display(), out.status);
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let batch = stdout
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("{tool} printed no `pages seconds` line: {stdout}"))?;
    Ok(Timing { whole, batch })
}

/// Timed runs per system in `--peers` (trafilatura: one).
const PEER_RUNS: usize = 3;

/// `--peers`: dechaff and the peers over the same real pages in the same run, one
/// thread each, and the ratios. Only a ratio measured side by side means anything on
/// a shared machine.
fn bench_peers(root: &Path, binary: &Path) -> Result<()> {
    let python = match peer_python(root) {
        Ok(p) => p,
        Err(why) => {
            eprintln!("bench: skipping --peers: {why}");
            return Ok(());
        }
    };
    let script = root.join("xtask/peers/peers.py");
    println!();
    println!(
        "{:<18} {:>6} | {:<22} {:>8} {:>8} | {:>8} {:>8} | {:>13} {:>13}",
        "set",
        "pages",
        "system (1 thread)",
        "whole s",
        "pages/s",
        "batch s",
        "pages/s",
        "whole ratio",
        "batch ratio"
    );
    for set in sets().into_iter().filter(|s| s.name != "bundled corpus") {
        let (pages, _) = size_of(&set.dir)?;
        // The close contest (dechaff against resiliparse) is run several times,
        // interleaved so that a busy spell of the machine hits both, and each keeps its
        // fastest run: noise only ever adds time. trafilatura, an order of magnitude
        // slower, runs once.
        let (mut strip, mut both) = (Timing::NONE, Timing::NONE);
        let mut peer_times = [Timing::NONE; PEERS.len()];
        for run in 0..PEER_RUNS {
            strip = strip.min(time_run_split(binary, "strip", 1, &set.dir)?);
            both = both.min(time_run_split(binary, "extract", 1, &set.dir)?);
            for (i, (tool, _)) in PEERS.iter().enumerate() {
                if run == 0 || *tool != "trafilatura" {
                    peer_times[i] = peer_times[i].min(time_peer(&python, &script, tool, &set.dir)?);
                }
            }
        }
        let mut rows = vec![
            ("dechaff strip".to_string(), strip),
            ("dechaff strip+extract".to_string(), both),
        ];
        for ((tool, _), timing) in PEERS.iter().zip(peer_times) {
            rows.push((tool.to_string(), timing));
        }
        for (name, t) in &rows {
            let (whole_ratio, batch_ratio) = if name.starts_with("dechaff") {
                (String::new(), String::new())
            } else {
                (
                    format!("{:.2}x faster", t.whole / both.whole),
                    format!("{:.2}x faster", t.batch / both.batch),
                )
            };
            println!(
                "{:<18} {:>6} | {:<22} {:>8.2} {:>8.0} | {:>8.2} {:>8.0} | {:>13} {:>13}",
                set.name,
                pages,
                name,
                t.whole,
                pages as f64 / t.whole,
                t.batch,
                pages as f64 / t.batch,
                whole_ratio,
                batch_ratio
            );
        }
    }
    println!(
        "(same pages, same run; fastest of {PEER_RUNS} interleaved runs, trafilatura one run. whole: the process's wall clock; batch: the loop over the pages as each tool reports it, start-up and imports excluded. The ratios are dechaff strip+extract against the peer)"
    );
    Ok(())
}

pub fn bench(criterion: bool, peers: bool) -> Result<()> {
    let root = repo_root();
    eprintln!("bench: building the release binary");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "dechaff"])
        .current_dir(&root)
        .status()?;
    if !status.success() {
        bail!("cargo build --release failed");
    }
    let binary = root.join("target/release/dechaff");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{:<18} {:>6} {:>8} | {:<14} {:>5} | {:>8} {:>8} {:>7}",
        "set", "pages", "MB", "mode", "jobs", "seconds", "pages/s", "MB/s"
    );
    for set in sets() {
        let (pages, bytes) = size_of(&set.dir)?;
        let mb = bytes as f64 / 1e6;
        for mode in ["strip", "extract"] {
            for jobs in [1, cores] {
                let secs = time_run(&binary, mode, jobs, &set.dir)?;
                println!(
                    "{:<18} {:>6} {:>8.1} | {:<14} {:>5} | {:>8.2} {:>8.0} {:>7.1}",
                    set.name,
                    pages,
                    mb,
                    if mode == "extract" {
                        "strip+extract"
                    } else {
                        mode
                    },
                    jobs,
                    secs,
                    pages as f64 / secs,
                    mb / secs
                );
            }
        }
    }
    println!("(MB: bytes on disk, gzip'd where the set is; one run each, whole process)");
    if peers {
        bench_peers(&root, &binary)?;
    }
    if criterion {
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["bench", "-p", "dechaff", "--bench", "pipeline"])
            .current_dir(&root)
            .status()?;
        if !status.success() {
            bail!("cargo bench failed");
        }
    }
    Ok(())
}
