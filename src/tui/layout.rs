//! Where each pane goes for a terminal size: the full layout from 100×30, a compact one
//! (Countries and Timeline share a column) down to the minimum, and "too small" below.
//! Shared by the view, mouse hit-testing and scroll clamping. No I/O.

use ratatui::layout::{Position, Rect};

use super::action::Pane;

/// The smallest usable terminal.
pub const MIN_WIDTH: u16 = 60;
/// The smallest usable terminal.
pub const MIN_HEIGHT: u16 = 16;
/// From this size up, all four panes are shown.
pub const FULL_WIDTH: u16 = 100;
/// From this size up, all four panes are shown.
pub const FULL_HEIGHT: u16 = 30;

/// The rectangles of one frame. A pane not shown has an empty rectangle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub too_small: bool,
    /// Countries and Timeline share one column; only the focused one (or Timeline) shows.
    pub compact: bool,
    pub header: Rect,
    /// Everything between the header and the status bar (the compare view and the link
    /// graph take it whole).
    pub body: Rect,
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

/// The layout for `area` with `focus` on a pane.
pub fn layout(area: Rect, focus: Pane) -> Panes {
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
    if area.width >= FULL_WIDTH && area.height >= FULL_HEIGHT {
        let quotes_h = (body.height * 35 / 100).max(8);
        let top_h = body.height - quotes_h;
        let countries_w = 24;
        let rest = body.width - countries_w;
        let timeline_w = rest * 47 / 100;
        let top = |x: u16, width: u16| Rect {
            x,
            y: body.y,
            width,
            height: top_h,
        };
        Panes {
            too_small: false,
            compact: false,
            header,
            body,
            countries: top(body.x, countries_w),
            timeline: top(body.x + countries_w, timeline_w),
            event: top(body.x + countries_w + timeline_w, rest - timeline_w),
            quotes: Rect {
                y: body.y + top_h,
                height: quotes_h,
                ..body
            },
            status,
        }
    } else {
        let left_w = body.width * 45 / 100;
        let right_w = body.width - left_w;
        let left = Rect {
            width: left_w,
            ..body
        };
        let event_h = body.height * 55 / 100;
        let (countries, timeline) = if focus == Pane::Countries {
            (left, Rect::default())
        } else {
            (Rect::default(), left)
        };
        Panes {
            too_small: false,
            compact: true,
            header,
            body,
            countries,
            timeline,
            event: Rect {
                x: body.x + left_w,
                width: right_w,
                height: event_h,
                ..body
            },
            quotes: Rect {
                x: body.x + left_w,
                y: body.y + event_h,
                width: right_w,
                height: body.height - event_h,
            },
            status,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(w: u16, h: u16) -> Rect {
        Rect::new(0, 0, w, h)
    }

    #[test]
    fn full_layout_from_100x30_shows_every_pane_inside_the_area() {
        for (w, h) in [(100, 30), (120, 40), (200, 60)] {
            let p = layout(area(w, h), Pane::Timeline);
            assert!(!p.compact && !p.too_small);
            for pane in Pane::ALL {
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
    fn compact_layout_at_80x24_and_too_small_below_the_minimum() {
        let p = layout(area(80, 24), Pane::Timeline);
        assert!(p.compact && p.countries.is_empty() && !p.timeline.is_empty());
        let p = layout(area(80, 24), Pane::Countries);
        assert!(!p.countries.is_empty() && p.timeline.is_empty());
        assert!(layout(area(59, 24), Pane::Timeline).too_small);
        assert!(layout(area(80, 15), Pane::Timeline).too_small);
        assert!(layout(area(0, 0), Pane::Timeline).too_small);
    }
}
