//! The report's charts, drawn as inline SVG strings: no script, no library, nothing
//! fetched. Every chart is an `<svg class="chart" id=...>` so the browser test and a
//! reader's stylesheet can find it; every mark carries a `<title>` (the browser shows it
//! on hover) and, when it stands for a page, a link to that page's diff.

use super::html::escape;
use std::fmt::Write;

/// Okabe–Ito colours: told apart by colour-blind readers too.
pub const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999", "#000000",
];

/// A chart's size and its plot area's margins.
#[derive(Clone, Copy)]
struct Frame {
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Frame {
    fn plot_w(&self) -> f64 {
        self.width - self.left - self.right
    }
    fn plot_h(&self) -> f64 {
        self.height - self.top - self.bottom
    }
}

/// A value range mapped onto pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

impl Scale {
    /// Ticks from `lo` to `hi` by `step`.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n).map(|i| self.lo + self.step * i as f64).collect()
    }

    fn at(&self, v: f64, from: f64, to: f64) -> f64 {
        let span = (self.hi - self.lo).max(f64::EPSILON);
        from + (v.clamp(self.lo, self.hi) - self.lo) / span * (to - from)
    }
}

/// A range covering `min..max` with round ticks (1, 2 or 5 times a power of ten), at
/// most about six of them, kept inside 0..1 when the values are.
pub fn nice_scale(min: f64, max: f64) -> Scale {
    let (min, max) = if min.is_finite() && max.is_finite() && min <= max {
        (min, max)
    } else {
        (0.0, 1.0)
    };
    let span = (max - min).max(0.01);
    let raw = span / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let mut lo = (min / step).floor() * step;
    let mut hi = (max / step).ceil() * step;
    if hi - lo < step {
        hi = lo + step;
    }
    if min >= 0.0 {
        lo = lo.max(0.0);
    }
    if max <= 1.0 {
        hi = hi.min(1.0);
    }
    // Round away float dust (0.30000000000000004).
    let r = |v: f64| (v / step).round() * step;
    Scale {
        lo: r(lo),
        hi: r(hi),
        step,
    }
}

fn fmt_tick(v: f64, step: f64) -> String {
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    format!("{v:.decimals$}")
}

fn open(s: &mut String, id: &str, label: &str, f: &Frame) {
    let _ = write!(
        s,
        r#"<svg class="chart" id="{}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{}" font-family="system-ui, sans-serif" font-size="12">"#,
        escape(id),
        escape(label),
        w = f.width,
        h = f.height
    );
}

/// Grid lines, tick labels and axis titles.
fn axes(s: &mut String, f: &Frame, x: Option<(&Scale, &str)>, y: (&Scale, &str)) {
    let (x0, x1) = (f.left, f.left + f.plot_w());
    let (y0, y1) = (f.top + f.plot_h(), f.top);
    let (ys, ylabel) = y;
    for t in ys.ticks() {
        let py = ys.at(t, y0, y1);
        let _ = write!(
            s,
            r##"<line x1="{x0:.1}" y1="{py:.1}" x2="{x1:.1}" y2="{py:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#444">{}</text>"##,
            x0 - 6.0,
            py + 4.0,
            fmt_tick(t, ys.step)
        );
    }
    let _ = write!(
        s,
        r##"<text transform="translate(14 {:.1}) rotate(-90)" text-anchor="middle" fill="#222">{}</text>"##,
        (y0 + y1) / 2.0,
        escape(ylabel)
    );
    if let Some((xs, xlabel)) = x {
        for t in xs.ticks() {
            let px = xs.at(t, x0, x1);
            let _ = write!(
                s,
                r##"<line x1="{px:.1}" y1="{y0:.1}" x2="{px:.1}" y2="{y1:.1}" stroke="#ddd"/><text x="{px:.1}" y="{:.1}" text-anchor="middle" fill="#444">{}</text>"##,
                y0 + 16.0,
                fmt_tick(t, xs.step)
            );
        }
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#222">{}</text>"##,
            (x0 + x1) / 2.0,
            f.height - 6.0,
            escape(xlabel)
        );
    }
    let _ = write!(
        s,
        r##"<rect x="{x0:.1}" y="{y1:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#888"/>"##,
        f.plot_w(),
        f.plot_h()
    );
}

/// The width a legend entry takes.
fn legend_width(name: &str) -> f64 {
    7.0 * name.chars().count() as f64 + 22.0
}

/// Legend entries in rows no wider than `max_w`, in order: the indices per row.
fn legend_rows(entries: &[(&str, String)], max_w: f64) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut used = f64::INFINITY;
    for (i, (_, name)) in entries.iter().enumerate() {
        let w = legend_width(name);
        if used + w > max_w {
            rows.push(Vec::new());
            used = 0.0;
        }
        used += w;
        if let Some(row) = rows.last_mut() {
            row.push(i);
        }
    }
    rows
}

/// Coloured squares with names above the plot, right-aligned, wrapped into rows (the
/// frame's top margin must leave 16 px per row).
fn legend(s: &mut String, f: &Frame, entries: &[(&str, String)]) {
    let rows = legend_rows(entries, f.plot_w());
    for (r, row) in rows.iter().enumerate() {
        let y = f.top - 16.0 * (rows.len() - r) as f64;
        let mut x = f.left + f.plot_w()
            - row
                .iter()
                .map(|i| legend_width(&entries[*i].1))
                .sum::<f64>();
        for i in row {
            let (color, name) = &entries[*i];
            let _ = write!(
                s,
                r##"<rect x="{x:.1}" y="{y:.1}" width="10" height="10" fill="{}"/><text x="{:.1}" y="{:.1}" fill="#222">{}</text>"##,
                escape(color),
                x + 14.0,
                y + 9.0,
                escape(name)
            );
            x += legend_width(name);
        }
    }
}

fn no_data(s: &mut String, f: &Frame, why: &str) {
    let _ = write!(
        s,
        r##"<text class="no-data" x="{:.1}" y="{:.1}" text-anchor="middle" fill="#666">{}</text>"##,
        f.left + f.plot_w() / 2.0,
        f.top + f.plot_h() / 2.0,
        escape(why)
    );
}

/// Wraps a mark in a link to `href` when there is one, with a hover title.
fn mark(s: &mut String, href: Option<&str>, title: &str, shape: &str) {
    match href {
        Some(h) => {
            let _ = write!(
                s,
                r#"<a href="{}"><title>{}</title>{shape}</a>"#,
                escape(h),
                escape(title)
            );
        }
        None => {
            let _ = write!(s, r#"<g><title>{}</title>{shape}</g>"#, escape(title));
        }
    }
}

/// One point of a scatter chart.
#[derive(Clone, Debug)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub color: &'static str,
    pub title: String,
    pub href: Option<String>,
}

/// Precision (x) against recall (y), one dot per page, over curves of equal F1. Both
/// axes run from a round value below the lowest figure up to 1.
pub fn scatter(
    id: &str,
    label: &str,
    dots: &[Dot],
    axis_titles: (&str, &str),
    legend_entries: &[(&str, String)],
) -> String {
    let f = Frame {
        width: 520.0,
        height: 500.0,
        left: 56.0,
        right: 16.0,
        top: 30.0,
        bottom: 44.0,
    };
    let mut s = String::new();
    open(&mut s, id, label, &f);
    let low = dots
        .iter()
        .map(|d| d.x.min(d.y))
        .fold(f64::INFINITY, f64::min);
    let low = if low.is_finite() {
        ((low * 10.0).floor() / 10.0).min(0.8)
    } else {
        0.0
    };
    let scale = nice_scale(low, 1.0);
    axes(
        &mut s,
        &f,
        Some((&scale, axis_titles.0)),
        (&scale, axis_titles.1),
    );
    legend(&mut s, &f, legend_entries);
    let (x0, x1) = (f.left, f.left + f.plot_w());
    let (y0, y1) = (f.top + f.plot_h(), f.top);
    // Curves of equal F1: R = F·P / (2P − F), defined for P ≥ F / (2 − F).
    for target in [0.5_f64, 0.7, 0.8, 0.9, 0.95] {
        let p_min = (target / (2.0 - target)).max(scale.lo);
        if p_min >= 1.0 {
            continue;
        }
        let mut d = String::new();
        for i in 0..=60 {
            let p = p_min + (1.0 - p_min) * f64::from(i) / 60.0;
            let r = target * p / (2.0 * p - target);
            if !(scale.lo..=1.0 + 1e-9).contains(&r) {
                continue;
            }
            let cmd = if d.is_empty() { 'M' } else { 'L' };
            let _ = write!(
                d,
                "{cmd}{:.1} {:.1} ",
                scale.at(p, x0, x1),
                scale.at(r, y0, y1)
            );
        }
        if d.is_empty() {
            continue;
        }
        // Labelled where the curve crosses the diagonal (P = R = F1), where the
        // labels of neighbouring curves stay apart.
        let _ = write!(
            s,
            r##"<path class="iso-f1" d="{}" fill="none" stroke="#bbb" stroke-dasharray="4 3"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#999" font-size="10">F1 {target}</text>"##,
            d.trim_end(),
            scale.at(target, x0, x1) - 4.0,
            scale.at(target, y0, y1) + 12.0
        );
    }
    if dots.is_empty() {
        no_data(&mut s, &f, "no pages");
    }
    for dot in dots {
        let shape = format!(
            r#"<circle cx="{:.1}" cy="{:.1}" r="4.5" fill="{}" fill-opacity="0.55" stroke="{}"/>"#,
            scale.at(dot.x, x0, x1),
            scale.at(dot.y, y0, y1),
            dot.color,
            dot.color
        );
        mark(&mut s, dot.href.as_deref(), &dot.title, &shape);
    }
    s.push_str("</svg>");
    s
}

/// Two figures side by side for one item (precision and recall of one page).
#[derive(Clone, Debug)]
pub struct PairedBar {
    pub a: f64,
    pub b: f64,
    pub title: String,
    pub href: Option<String>,
}

/// One pair of bars per item, in the given order, on a 0..1 axis.
pub fn paired_bars(
    id: &str,
    label: &str,
    bars: &[PairedBar],
    names: (&str, &str),
    x_title: &str,
) -> String {
    let f = Frame {
        width: 1000.0,
        height: 280.0,
        left: 56.0,
        right: 16.0,
        top: 30.0,
        bottom: 30.0,
    };
    let mut s = String::new();
    open(&mut s, id, label, &f);
    let scale = Scale {
        lo: 0.0,
        hi: 1.0,
        step: 0.2,
    };
    axes(&mut s, &f, None, (&scale, "score"));
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#222">{}</text>"##,
        f.left + f.plot_w() / 2.0,
        f.height - 8.0,
        escape(x_title)
    );
    legend(
        &mut s,
        &f,
        &[(PALETTE[0], names.0.into()), (PALETTE[1], names.1.into())],
    );
    if bars.is_empty() {
        no_data(&mut s, &f, "no pages");
    }
    let slot = f.plot_w() / bars.len().max(1) as f64;
    let bar_w = slot * 0.42;
    let (y0, y1) = (f.top + f.plot_h(), f.top);
    for (i, bar) in bars.iter().enumerate() {
        let x = f.left + slot * i as f64 + slot * 0.08;
        let mut shape = String::new();
        for (k, v) in [bar.a, bar.b].into_iter().enumerate() {
            let top = scale.at(v, y0, y1);
            let _ = write!(
                shape,
                r#"<rect x="{:.2}" y="{top:.1}" width="{bar_w:.2}" height="{:.1}" fill="{}"/>"#,
                x + bar_w * k as f64,
                y0 - top,
                PALETTE[k]
            );
        }
        mark(&mut s, bar.href.as_deref(), &bar.title, &shape);
    }
    s.push_str("</svg>");
    s
}

/// One line of a line chart: (x position, value, hover title) per point.
#[derive(Clone, Debug)]
pub struct Series {
    pub name: String,
    pub color: &'static str,
    pub points: Vec<(usize, f64, String)>,
}

/// Lines over positions `0..x_labels.len()` (the blessed runs, oldest first); the
/// value axis spans the values with round ticks.
pub fn line_chart(
    id: &str,
    label: &str,
    series: &[Series],
    x_labels: &[String],
    y_title: &str,
) -> String {
    let entries: Vec<(&str, String)> = series.iter().map(|l| (l.color, l.name.clone())).collect();
    let mut f = Frame {
        width: 1000.0,
        height: 300.0,
        left: 56.0,
        right: 24.0,
        top: 30.0,
        bottom: 48.0,
    };
    // Room for every legend row above the plot.
    let extra = 16.0 * legend_rows(&entries, f.plot_w()).len().saturating_sub(1) as f64;
    f.top += extra;
    f.height += extra;
    let mut s = String::new();
    open(&mut s, id, label, &f);
    let values = series.iter().flat_map(|l| l.points.iter().map(|p| p.1));
    let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let scale = nice_scale(min, max);
    axes(&mut s, &f, None, (&scale, y_title));
    legend(&mut s, &f, &entries);
    let n = x_labels.len();
    let (x0, x1) = (f.left + 20.0, f.left + f.plot_w() - 20.0);
    let px = |i: usize| {
        if n <= 1 {
            (x0 + x1) / 2.0
        } else {
            x0 + (x1 - x0) * i as f64 / (n - 1) as f64
        }
    };
    let (y0, y1) = (f.top + f.plot_h(), f.top);
    // At most about eight labels along the bottom.
    let every = n.div_ceil(8).max(1);
    for (i, l) in x_labels.iter().enumerate() {
        if i % every == 0 || i + 1 == n {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#444">{}</text>"##,
                px(i),
                y0 + 16.0,
                escape(l)
            );
        }
    }
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#222">blessed runs, oldest first</text>"##,
        f.left + f.plot_w() / 2.0,
        f.height - 8.0
    );
    if series.iter().all(|l| l.points.is_empty()) {
        no_data(&mut s, &f, "no blessed runs yet");
    }
    for line in series {
        let d: Vec<String> = line
            .points
            .iter()
            .enumerate()
            .map(|(k, (i, v, _))| {
                format!(
                    "{}{:.1} {:.1}",
                    if k == 0 { 'M' } else { 'L' },
                    px(*i),
                    scale.at(*v, y0, y1)
                )
            })
            .collect();
        if line.points.len() > 1 {
            let _ = write!(
                s,
                r#"<path class="series" d="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
                d.join(" "),
                line.color
            );
        }
        for (i, v, title) in &line.points {
            let shape = format!(
                r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{}"/>"#,
                px(*i),
                scale.at(*v, y0, y1),
                line.color
            );
            mark(&mut s, None, title, &shape);
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    #[test]
    fn scales_are_round_and_stay_in_unit_range() {
        let s = nice_scale(0.93, 0.97);
        assert_eq!((s.lo, s.hi, s.step), (0.93, 0.97, 0.01));
        let s = nice_scale(0.0, 1.0);
        assert_eq!((s.lo, s.hi, s.step), (0.0, 1.0, 0.2));
        let s = nice_scale(0.942, 0.942);
        assert!(s.lo <= 0.942 && s.hi >= 0.942 && s.hi <= 1.0, "{s:?}");
        assert_eq!(
            s.ticks().len(),
            ((s.hi - s.lo) / s.step).round() as usize + 1
        );
        let s = nice_scale(f64::INFINITY, f64::NEG_INFINITY);
        assert_eq!((s.lo, s.hi), (0.0, 1.0));
        assert_eq!(fmt_tick(0.25, 0.05), "0.25");
        assert_eq!(fmt_tick(0.4, 0.2), "0.4");
    }

    #[test]
    fn scatter_draws_one_linked_dot_per_page_and_escapes_titles() {
        let dots = vec![
            Dot {
                x: 0.9,
                y: 1.0,
                color: PALETTE[0],
                title: "a<b> & \"c\"".into(),
                href: Some("#page-x-a".into()),
            },
            Dot {
                x: 0.3,
                y: 0.6,
                color: PALETTE[1],
                title: "d".into(),
                href: None,
            },
        ];
        let svg = scatter("pr", "P vs R", &dots, ("precision", "recall"), &[]);
        assert!(svg.starts_with(r#"<svg class="chart" id="pr""#), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert_eq!(count(&svg, "<circle"), 2);
        assert!(
            svg.contains(r##"<a href="#page-x-a"><title>a&lt;b&gt; &amp; &quot;c&quot;</title>"##)
        );
        assert!(!svg.contains("a<b>"));
        // The low dot pulls the axis down to 0.2, and iso-F1 curves are drawn.
        assert!(svg.contains(">0.2</text>"), "{svg}");
        assert!(count(&svg, r#"class="iso-f1""#) >= 4);
        let empty = scatter("pr", "P vs R", &[], ("p", "r"), &[]);
        assert!(empty.contains("no pages"));
    }

    #[test]
    fn bars_come_in_pairs_scaled_to_the_plot() {
        let bars = vec![
            PairedBar {
                a: 1.0,
                b: 0.5,
                title: "p1".into(),
                href: None,
            },
            PairedBar {
                a: 0.0,
                b: 0.25,
                title: "p2".into(),
                href: Some("#p2".into()),
            },
        ];
        let svg = paired_bars("bars", "bars", &bars, ("precision", "recall"), "pages");
        // Two bars per page, plus the frame and two legend squares.
        assert_eq!(count(&svg, "<rect"), 4 + 1 + 2);
        // Plot height 220: a full bar is 220 high, a half bar 110, an empty one 0.
        assert!(svg.contains(r##"height="220.0" fill="#0072B2""##), "{svg}");
        assert!(svg.contains(r##"height="110.0" fill="#E69F00""##), "{svg}");
        assert!(svg.contains(r##"height="0.0" fill="#0072B2""##), "{svg}");
    }

    #[test]
    fn line_chart_joins_points_and_handles_one_run() {
        let series = vec![Series {
            name: "bundled/all".into(),
            color: PALETTE[2],
            points: vec![(0, 0.94, "a".into()), (1, 0.95, "b".into())],
        }];
        let labels = vec!["2026-11-24".to_string(), "2026-11-25".to_string()];
        let svg = line_chart("h", "history", &series, &labels, "words F1");
        assert_eq!(count(&svg, r#"class="series""#), 1);
        assert_eq!(count(&svg, "<circle"), 2);
        assert!(svg.contains(">2026-11-25</text>"));
        let one = vec![Series {
            points: vec![(0, 0.94, "a".into())],
            ..series[0].clone()
        }];
        let svg = line_chart("h", "history", &one, &labels[..1], "words F1");
        assert_eq!(count(&svg, r#"class="series""#), 0);
        assert_eq!(count(&svg, "<circle"), 1);
        let none = line_chart("h", "history", &[], &[], "words F1");
        assert!(none.contains("no blessed runs yet"));
    }

    #[test]
    fn a_long_legend_wraps_inside_the_chart() {
        let series: Vec<Series> = (0..12)
            .map(|i| Series {
                name: format!("wcxb-dev-text/test-{i}"),
                color: PALETTE[i % PALETTE.len()],
                points: vec![(0, 0.9, String::new())],
            })
            .collect();
        let svg = line_chart("h", "history", &series, &["d".into()], "F1");
        // 22 characters: 176 px an entry, five to a 920 px row, so three rows.
        assert!(svg.contains(r#"viewBox="0 0 1000 332""#), "{}", &svg[..200]);
        let xs: Vec<f64> = svg
            .match_indices(r#"<rect x=""#)
            .map(|(i, m)| {
                let rest = &svg[i + m.len()..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            })
            .collect();
        assert!(xs.iter().all(|x| (56.0..1000.0).contains(x)), "{xs:?}");
        assert_eq!(legend_rows(&[], 100.0), Vec::<Vec<usize>>::new());
    }
}
