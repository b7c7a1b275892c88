//! Bar charts as inline SVG for `kring report`, drawn with plotters' SVG
//! backend. A bar whose figure rests on fewer than five cases is not drawn:
//! the chart shows "< 5" in its place, so that its height cannot give the
//! number away.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// One bar: its label, and its value or `None` when it is withheld.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    /// An index into [`COLOURS`].
    pub colour: usize,
}

/// Calm colours that stay apart in greyscale print.
pub const COLOURS: [RGBColor; 3] = [
    RGBColor(0x1f, 0x5a, 0x96),
    RGBColor(0xd0, 0x7a, 0x1c),
    RGBColor(0x5b, 0x9b, 0x5a),
];

const INK: RGBColor = RGBColor(0x33, 0x33, 0x33);
const FONT: &str = "sans-serif";
/// The labels' size in the drawing; the page scales the drawing to its width.
const LABEL: u32 = 15;
const WIDTH: u32 = 560;
pub const WITHHELD: &str = "< 5";

/// The top of the value axis: a little above the highest bar, and at
/// least `floor`.
fn top(bars: &[Bar], floor: f64) -> f64 {
    let highest = bars.iter().filter_map(|b| b.value).fold(0.0, f64::max);
    (highest * 1.1).ceil().max(floor)
}

/// The SVG of a drawing, as plotters writes it into a string, with a label
/// for screen readers. Plotters escapes the text it writes.
fn svg(
    size: (u32, u32),
    title: &str,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Drawn,
) -> Result<String, String> {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        draw(&root).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    let label = crate::region::report::escape(title);
    Ok(buf.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{label}\" "),
        1,
    ))
}

/// An axis label: whole numbers only; the ticks between them stay
/// unlabelled (a count of 2.5 does not exist, and "2 2 2" misleads).
fn whole(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        String::new()
    }
}

/// Vertical bars, one per label (months, variants, days).
pub fn columns(title: &str, bars: &[Bar], floor: f64) -> Result<String, String> {
    let n = u32::try_from(bars.len()).unwrap_or(u32::MAX).max(1);
    let top = top(bars, floor);
    svg((WIDTH, 260), title, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(40)
            .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
            .axis_style(INK)
            .x_labels(bars.len())
            .x_label_style((FONT, LABEL).into_font().color(&INK))
            .y_label_style((FONT, LABEL).into_font().color(&INK))
            .x_label_formatter(&|x| match x {
                SegmentValue::CenterOf(i) => bars
                    .get(*i as usize)
                    .map(|b| b.label.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .y_label_formatter(&|y| whole(*y))
            .draw()?;
        chart.draw_series(bars.iter().zip(0u32..).filter_map(|(bar, i)| {
            let value = bar.value?;
            let colour = COLOURS[bar.colour % COLOURS.len()];
            let mut rect = Rectangle::new(
                [
                    (SegmentValue::Exact(i), 0.0),
                    (SegmentValue::Exact(i + 1), value),
                ],
                colour.filled(),
            );
            rect.set_margin(0, 0, 4, 4);
            Some(rect)
        }))?;
        chart.draw_series(
            bars.iter()
                .zip(0u32..)
                .filter(|(b, _)| b.value.is_none())
                .map(|(_, i)| {
                    Text::new(
                        WITHHELD,
                        (SegmentValue::CenterOf(i), top * 0.04),
                        (FONT, LABEL)
                            .into_font()
                            .color(&INK)
                            .pos(Pos::new(HPos::Center, VPos::Bottom)),
                    )
                }),
        )?;
        Ok(())
    })
}

/// Horizontal bars, one per label (topics, scores), from 0 to `max` (or
/// to the highest bar when `max` is `None`).
pub fn rows(title: &str, bars: &[Bar], max: Option<f64>) -> Result<String, String> {
    let n = u32::try_from(bars.len()).unwrap_or(u32::MAX).max(1);
    let right = max.unwrap_or_else(|| top(bars, 5.0));
    let longest = bars
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0);
    let label_width = u32::try_from(longest * 8 + 16).unwrap_or(280).min(280);
    let height = 40 + 26 * n;
    svg((WIDTH, height), title, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(26)
            .y_label_area_size(label_width)
            .build_cartesian_2d(0.0..right, (0..n - 1).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
            .axis_style(INK)
            .y_labels(bars.len())
            .x_label_style((FONT, LABEL).into_font().color(&INK))
            .y_label_style((FONT, LABEL).into_font().color(&INK))
            .y_label_formatter(&|y| match y {
                // Drawn from the bottom up: the first bar at the top.
                SegmentValue::CenterOf(i) => bars
                    .len()
                    .checked_sub(*i as usize + 1)
                    .and_then(|j| bars.get(j))
                    .map(|b| b.label.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .x_label_formatter(&|x| whole(*x))
            .draw()?;
        let slot = |j: usize| n - 1 - u32::try_from(j).unwrap_or(0);
        chart.draw_series(bars.iter().enumerate().filter_map(|(j, bar)| {
            let value = bar.value?;
            let i = slot(j);
            let colour = COLOURS[bar.colour % COLOURS.len()];
            let mut rect = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(i)),
                    (value, SegmentValue::Exact(i + 1)),
                ],
                colour.filled(),
            );
            rect.set_margin(3, 3, 0, 0);
            Some(rect)
        }))?;
        chart.draw_series(
            bars.iter()
                .enumerate()
                .filter(|(_, b)| b.value.is_none())
                .map(|(j, _)| {
                    Text::new(
                        WITHHELD,
                        (right * 0.01, SegmentValue::CenterOf(slot(j))),
                        (FONT, LABEL)
                            .into_font()
                            .color(&INK)
                            .pos(Pos::new(HPos::Left, VPos::Center)),
                    )
                }),
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: Option<f64>) -> Bar {
        Bar {
            label: label.into(),
            value,
            colour: 0,
        }
    }

    #[test]
    fn a_withheld_bar_is_not_drawn_and_says_so() {
        let shown = columns("t", &[bar("jan", Some(7.0)), bar("feb", Some(9.0))], 5.0).unwrap();
        let hidden = columns("t", &[bar("jan", Some(7.0)), bar("feb", None)], 5.0).unwrap();
        let rects = |svg: &str| svg.matches("<rect").count();
        assert_eq!(rects(&shown), rects(&hidden) + 1, "{hidden}");
        assert!(hidden.contains("&lt; 5"), "{hidden}");
        assert!(!shown.contains("&lt; 5"));
        assert!(hidden.starts_with("<svg role=\"img\" aria-label=\"t\" "));
    }

    #[test]
    fn labels_and_titles_are_escaped() {
        let svg = rows(
            "a <b> & \"c\"",
            &[
                bar("<script>alert(1)</script> & co", Some(6.0)),
                bar("ouderen", None),
            ],
            Some(10.0),
        )
        .unwrap();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
            "{svg}"
        );
        assert!(
            svg.contains("aria-label=\"a &lt;b&gt; &amp; &quot;c&quot;\""),
            "{svg}"
        );
    }

    #[test]
    fn no_bars_still_make_a_chart() {
        assert!(columns("t", &[], 5.0).unwrap().contains("</svg>"));
        assert!(rows("t", &[], None).unwrap().contains("</svg>"));
    }
}
