//! Where each pane goes for a terminal size, given what the panes hold: the timeline gets
//! the width its titles need, the countries pane its content's width (or a one-line bar
//! when that would cut titles), the quotes pane its content's height (one line when there
//! are none); `z` gives the focused pane the whole body. Below the minimum, "too small".
//! Shared by the view, mouse hit-testing and scroll clamping, as are the geometries of
//! the full-screen views and the search popup (its submodules). No I/O.

pub mod compare;
pub mod frame;
pub mod graph;
pub mod search;

use ratatui::layout::{Position, Rect};

use super::action::Pane;

/// The smallest usable terminal.
pub const MIN_WIDTH: u16 = 60;
/// The smallest usable terminal.
pub const MIN_HEIGHT: u16 = 16;
/// From this size up, panes sit side by side; below, they stack.
pub const FULL_WIDTH: u16 = 100;
/// From this size up, panes sit side by side; below, they stack.
pub const FULL_HEIGHT: u16 = 30;
/// The event pane is never narrower than this beside the timeline.
pub const EVENT_MIN: u16 = 40;
/// Titles up to this width decide whether the countries pane folds into a bar.
pub const TITLE_KEEP: u16 = 70;
/// Columns of a timeline row before its title (marker, date, spaces).
pub const ROW_LEAD: u16 = 8;

/// The rectangles of one frame. A pane not shown has an empty rectangle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub too_small: bool,
    /// Panes stacked in one column (narrow or short terminals).
    pub compact: bool,
    /// Countries fold into `bar`; the list takes the timeline's place while focused.
    pub folded: bool,
    pub header: Rect,
    /// Everything between the header and the status bar (the compare view and the link
    /// graph take it whole).
    pub body: Rect,
    /// The one-line country bar (folded countries).
    pub bar: Rect,
    pub countries: Rect,
    pub timeline: Rect,
    pub event: Rect,
    pub quotes: Rect,
    pub status: Rect,
}

impl Panes {
    /// The rectangle of a pane (empty when hidden).
    pub fn rect(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Countries => self.countries,
            Pane::Timeline => self.timeline,
            Pane::Event => self.event,
            Pane::Quotes => self.quotes,
        }
    }

    /// The pane under a cell.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|&p| self.rect(p).contains(Position { x, y }))
    }
}

/// What the panes hold, as far as their sizes go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    pub focus: Pane,
    pub zoom: bool,
    /// The countries pane's width for its widest row, borders included.
    pub countries_w: u16,
    /// The widest title of the timeline (display columns).
    pub title_w: u16,
    /// Lines of the quotes at the full width (inside borders); 0 when there are none.
    pub quote_lines: u16,
}

impl Needs {
    /// Needs of nothing in particular: for layouts before an `App` exists.
    pub fn of_focus(focus: Pane) -> Self {
        Self {
            focus,
            zoom: false,
            countries_w: 24,
            title_w: TITLE_KEEP,
            quote_lines: 6,
        }
    }
}

/// The layout for `area` holding `needs`.
pub fn layout(area: Rect, needs: &Needs) -> Panes {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Panes {
            too_small: true,
            ..Panes::default()
        };
    }
    let header = Rect { height: 1, ..area };
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    let compact = area.width < FULL_WIDTH || area.height < FULL_HEIGHT;
    let mut p = if compact {
        stacked(body, *needs)
    } else {
        side_by_side(body, *needs)
    };
    p.header = header;
    p.status = status;
    p.body = body;
    p.compact = compact;
    if needs.zoom {
        let keep = p.rect(needs.focus);
        for pane in Pane::ALL {
            let r = match pane {
                Pane::Countries => &mut p.countries,
                Pane::Timeline => &mut p.timeline,
                Pane::Event => &mut p.event,
                Pane::Quotes => &mut p.quotes,
            };
            *r = if pane == needs.focus && !keep.is_empty() {
                body
            } else {
                Rect::default()
            };
        }
        p.bar = Rect::default();
    }
    p
}

/// The quotes pane's height in `body`: its content and borders, at most `max`; one line
/// (a titled rule) when there are no quotes.
fn quotes_height(needs: Needs, max: u16) -> u16 {
    if needs.quote_lines == 0 {
        1
    } else {
        (needs.quote_lines + 2).min(max).max(3)
    }
}

/// Full layout: countries, timeline and event side by side above the quotes.
fn side_by_side(body: Rect, needs: Needs) -> Panes {
    let quotes_h = quotes_height(needs, body.height / 2);
    let top_h = body.height - quotes_h;
    let keep = ROW_LEAD + 2 + needs.title_w.min(TITLE_KEEP);
    let want = ROW_LEAD + 2 + needs.title_w.min(100);
    let countries_w = needs.countries_w.min(26);
    let folded = body.width < countries_w + keep + EVENT_MIN;
    let (bar, top) = if folded {
        (
            Rect { height: 1, ..body },
            Rect {
                y: body.y + 1,
                height: top_h - 1,
                ..body
            },
        )
    } else {
        (
            Rect::default(),
            Rect {
                height: top_h,
                ..body
            },
        )
    };
    let left_w = if folded { 0 } else { countries_w };
    let rest = top.width - left_w;
    let timeline_w = want.min(rest.saturating_sub(EVENT_MIN)).max(rest / 2);
    let col = |x: u16, width: u16| Rect { x, width, ..top };
    let timeline = col(top.x + left_w, timeline_w);
    let (countries, timeline) = match (folded, needs.focus) {
        (false, _) => (col(top.x, countries_w), timeline),
        (true, Pane::Countries) => (timeline, Rect::default()),
        (true, _) => (Rect::default(), timeline),
    };
    Panes {
        folded,
        bar,
        countries,
        timeline,
        event: col(top.x + left_w + timeline_w, rest - timeline_w),
        quotes: Rect {
            y: body.y + top_h,
            height: quotes_h,
            ..body
        },
        ..Panes::default()
    }
}

/// Compact layout: the country bar, then timeline, event and quotes stacked full width
/// (the countries list takes the timeline's place while focused).
fn stacked(body: Rect, needs: Needs) -> Panes {
    let bar = Rect { height: 1, ..body };
    let rest_h = body.height - 1;
    let quotes_h = quotes_height(needs, rest_h / 4);
    let lists_h = rest_h - quotes_h;
    let timeline_h = (lists_h / 2).max(4);
    let row = |y: u16, height: u16| Rect { y, height, ..body };
    let list = row(body.y + 1, timeline_h);
    let (countries, timeline) = if needs.focus == Pane::Countries {
        (list, Rect::default())
    } else {
        (Rect::default(), list)
    };
    Panes {
        folded: true,
        bar,
        countries,
        timeline,
        event: row(body.y + 1 + timeline_h, lists_h - timeline_h),
        quotes: row(body.y + 1 + lists_h, quotes_h),
        ..Panes::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(w: u16, h: u16) -> Rect {
        Rect::new(0, 0, w, h)
    }

    #[test]
    fn side_by_side_from_100x30_shows_every_pane_inside_the_area() {
        for (w, h) in [(100, 30), (120, 40), (200, 60)] {
            let p = layout(area(w, h), &Needs::of_focus(Pane::Timeline));
            assert!(!p.compact && !p.too_small);
            for pane in [Pane::Timeline, Pane::Event, Pane::Quotes] {
                let r = p.rect(pane);
                assert!(r.width >= 20 && r.height >= 8, "{pane:?} {r:?}");
                assert!(area(w, h).contains(Position {
                    x: r.right() - 1,
                    y: r.bottom() - 1
                }));
            }
        }
    }

    #[test]
    fn the_timeline_gets_the_width_of_70_columns_of_title_at_120() {
        let p = layout(area(120, 40), &Needs::of_focus(Pane::Timeline));
        assert!(p.folded && p.countries.is_empty() && p.bar.height == 1);
        assert!(p.timeline.width >= ROW_LEAD + 2 + TITLE_KEEP, "{p:?}");
        assert!(p.event.width >= EVENT_MIN);
        let p = layout(area(200, 60), &Needs::of_focus(Pane::Timeline));
        assert!(!p.folded && p.countries.width == 24 && p.bar.is_empty());
        assert!(p.timeline.width >= ROW_LEAD + 2 + TITLE_KEEP);
    }

    #[test]
    fn the_quotes_pane_is_as_tall_as_its_content() {
        let mut needs = Needs::of_focus(Pane::Timeline);
        needs.quote_lines = 0;
        assert_eq!(layout(area(120, 40), &needs).quotes.height, 1);
        needs.quote_lines = 5;
        assert_eq!(layout(area(120, 40), &needs).quotes.height, 7);
        needs.quote_lines = 500;
        assert_eq!(layout(area(120, 40), &needs).quotes.height, 19);
    }

    #[test]
    fn zoom_gives_the_focused_pane_the_body() {
        let mut needs = Needs::of_focus(Pane::Event);
        needs.zoom = true;
        let p = layout(area(120, 40), &needs);
        assert_eq!(p.event, p.body);
        assert!(p.timeline.is_empty() && p.quotes.is_empty() && p.bar.is_empty());
    }

    #[test]
    fn compact_stacks_at_80x24_and_too_small_below_the_minimum() {
        let p = layout(area(80, 24), &Needs::of_focus(Pane::Timeline));
        assert!(p.compact && p.countries.is_empty() && p.timeline.width == 80);
        let p = layout(area(80, 24), &Needs::of_focus(Pane::Countries));
        assert!(!p.countries.is_empty() && p.timeline.is_empty());
        let n = Needs::of_focus(Pane::Timeline);
        assert!(layout(area(59, 24), &n).too_small);
        assert!(layout(area(80, 15), &n).too_small);
        assert!(layout(area(0, 0), &n).too_small);
    }
}
