//! The frame of a full-screen view (compare, link graph): inside its border a heading
//! line, the main area, a rule and a footer, the footer shorter on short terminals. No I/O.

use ratatui::layout::Rect;
use ratatui::widgets::Block;

/// The parts of a full-screen view (compare, link graph) inside its border: a heading
/// line, the main area, a rule and a footer about the selection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Framed {
    pub inner: Rect,
    pub heading: Rect,
    pub main: Rect,
    pub rule: Rect,
    pub footer: Rect,
}

impl Framed {
    /// Splits `body`: the footer has three lines from `tall` rows inside, two from ten,
    /// none below (nor the rule).
    pub fn new(body: Rect, tall: u16) -> Self {
        let inner = Block::bordered().inner(body);
        let footer_h = match inner.height {
            h if h >= tall => 3,
            10.. => 2,
            _ => 0,
        };
        let rule_h = u16::from(footer_h > 0);
        let heading_h = inner.height.min(1);
        let main_h = inner.height.saturating_sub(heading_h + rule_h + footer_h);
        let line = |y: u16, height: u16| Rect { y, height, ..inner };
        Self {
            inner,
            heading: line(inner.y, heading_h),
            main: line(inner.y + heading_h, main_h),
            rule: line(inner.y + heading_h + main_h, rule_h),
            footer: line(inner.y + heading_h + main_h + rule_h, footer_h),
        }
    }
}
