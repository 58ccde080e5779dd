//! Where the panes go this frame: the layout (`tui::layout`) given what the panes hold,
//! the quotes pane as tall as its wrapped quotes. Here, above `app`, because measuring the
//! quotes is drawing them. Shared by the view, mouse hit-testing and scroll clamping.

use crate::tui::app::App;
use crate::tui::layout::{Needs, Panes, layout};

impl App {
    /// What the layout needs to know of the panes' contents.
    pub fn needs(&self, area: ratatui::layout::Rect) -> Needs {
        let quote_lines = if self.quotes().is_empty() {
            0
        } else {
            // Wrapped only as far as the layout can use: the quotes pane is never taller
            // than half the body.
            let w = area.width.saturating_sub(2);
            let max = usize::from(area.height / 2).max(1);
            let n = super::quotes::lines(self, w, max).len();
            u16::try_from(n).unwrap_or(u16::MAX)
        };
        Needs {
            focus: self.focus,
            zoom: self.zoom,
            countries_w: self.countries_w,
            title_w: self.title_w,
            quote_lines,
        }
    }

    /// The layout of this frame.
    pub fn panes(&self) -> Panes {
        layout(self.viewport, &self.needs(self.viewport))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::Arc;

    use ratatui::layout::Rect;

    use crate::dataset::Dataset;
    use crate::load::Origin;
    use crate::tui::action::{Action, Pane};
    use crate::tui::app::App;
    use crate::tui::layout::layout;
    use crate::tui::theme::Theme;

    #[test]
    fn quotes_wrapped_as_far_as_the_layout_uses_lay_out_as_all_of_them() {
        let ds = Arc::new(Dataset::load(&Origin::Bundled).unwrap().unwrap());
        let mut app = App::new(ds, Theme::default(), Rect::new(0, 0, 200, 60));
        let mut checked = 0;
        // An event's few quotes, then each country's many.
        let mut steps = vec![Action::Focus(Pane::Timeline); 1];
        steps.extend(std::iter::repeat_n(Action::MoveDown, 40));
        steps.push(Action::Focus(Pane::Countries));
        steps.extend(std::iter::repeat_n(Action::MoveDown, 10));
        for a in steps {
            app.update(a);
            for (w, h) in [(200, 60), (120, 40), (80, 24), (60, 20), (300, 90)] {
                let area = Rect::new(0, 0, w, h);
                let mut all = app.needs(area);
                if !app.quotes().is_empty() {
                    let n = super::super::quotes::lines(&app, w - 2, usize::MAX).len();
                    all.quote_lines = u16::try_from(n).unwrap();
                    checked += usize::from(n > usize::from(h / 2));
                }
                assert_eq!(
                    layout(area, &app.needs(area)),
                    layout(area, &all),
                    "{w}x{h}"
                );
            }
        }
        assert!(checked > 0, "some quotes taller than the layout uses");
    }
}
