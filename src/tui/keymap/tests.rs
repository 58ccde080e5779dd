//! The keymap table's invariants: no key twice per context, every pane can move and quit.

use super::super::action::{Action, Pane};
use super::{BINDINGS, Key, Mode, hints, lookup};

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            if a.context == b.context {
                for k in a.keys {
                    assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.context);
                }
            }
        }
    }
}

#[test]
fn every_pane_can_move_leave_and_quit() {
    for p in Pane::ALL {
        let m = Mode::Browse(p);
        assert_eq!(lookup(m, Key::Down), Some(Action::MoveDown));
        assert_eq!(lookup(m, Key::Char('j')), Some(Action::MoveDown));
        assert_eq!(lookup(m, Key::Tab), Some(Action::FocusNext));
        assert_eq!(lookup(m, Key::Ctrl('c')), Some(Action::Quit));
        assert_eq!(lookup(m, Key::Char('q')), Some(Action::Quit));
        assert!(hints(m).iter().any(|(k, w)| k == "?" && *w == "help"));
    }
    assert_eq!(lookup(Mode::Help, Key::Esc), Some(Action::ToggleHelp));
    // `t` works from any pane; Esc never quits from the main view.
    assert_eq!(
        lookup(Mode::Browse(Pane::Event), Key::Char('t')),
        Some(Action::ToggleTranslation)
    );
    assert_eq!(
        lookup(Mode::Browse(Pane::Timeline), Key::Esc),
        Some(Action::Escape)
    );
}

#[test]
fn hints_join_paired_keys() {
    let h = hints(Mode::Browse(Pane::Timeline));
    assert_eq!(h[0], ("↑↓".to_string(), "move"));
    assert!(h.iter().any(|(k, w)| k == "⌫" && *w == "back"));
}

#[test]
fn search_mode_types_printable_keys_and_binds_the_rest() {
    assert_eq!(
        lookup(Mode::Browse(Pane::Timeline), Key::Char('/')),
        Some(Action::OpenSearch)
    );
    assert_eq!(
        lookup(Mode::Search, Key::Char('q')),
        Some(Action::SearchInput('q'))
    );
    assert_eq!(
        lookup(Mode::Search, Key::Char('/')),
        Some(Action::SearchInput('/'))
    );
    assert_eq!(lookup(Mode::Search, Key::Esc), Some(Action::SearchCancel));
    assert_eq!(lookup(Mode::Search, Key::Enter), Some(Action::SearchAccept));
    assert_eq!(lookup(Mode::Search, Key::Tab), None);
    assert_eq!(
        lookup(Mode::Browse(Pane::Quotes), Key::Char('n')),
        Some(Action::NextHit)
    );
    let h = hints(Mode::Search);
    assert!(h.iter().any(|(k, w)| k == "Enter" && *w == "go to"));
    assert!(
        hints(Mode::Browse(Pane::Timeline))
            .iter()
            .any(|(k, w)| k == "/" && *w == "search")
    );
}

#[test]
fn compare_and_graph_have_their_keys_and_leave_with_esc() {
    for p in Pane::ALL {
        let m = Mode::Browse(p);
        assert_eq!(lookup(m, Key::Char('c')), Some(Action::ToggleCompare));
        assert_eq!(lookup(m, Key::Char('L')), Some(Action::ToggleGraph));
    }
    let c = Mode::Compare;
    for (key, action) in [
        (Key::Char('j'), Action::MoveDown),
        (Key::Up, Action::MoveUp),
        (Key::Char('h'), Action::MoveLeft),
        (Key::Right, Action::MoveRight),
        (Key::Char(']'), Action::NextYear),
        (Key::Char('['), Action::PrevYear),
        (Key::Char('>'), Action::NextCountry),
        (Key::Char('<'), Action::PrevCountry),
        (Key::Char('s'), Action::SwapSides),
        (Key::Enter, Action::Follow),
        (Key::Backspace, Action::GoBack),
        (Key::Char('L'), Action::ToggleGraph),
        (Key::Esc, Action::ToggleCompare),
        (Key::Char('q'), Action::ToggleCompare),
        (Key::Char('?'), Action::ToggleHelp),
        (Key::Ctrl('c'), Action::Quit),
    ] {
        assert_eq!(lookup(c, key), Some(action), "{key:?}");
    }
    assert_eq!(
        lookup(c, Key::Tab),
        None,
        "the hidden panes do not take keys"
    );
    let g = Mode::Graph;
    for (key, action) in [
        (Key::Char('k'), Action::MoveUp),
        (Key::Left, Action::MoveLeft),
        (Key::Char('l'), Action::MoveRight),
        (Key::Enter, Action::Follow),
        (Key::Backspace, Action::GoBack),
        (Key::Char('o'), Action::OpenEvent),
        (Key::Esc, Action::ToggleGraph),
        (Key::Char('L'), Action::ToggleGraph),
        (Key::Ctrl('c'), Action::Quit),
    ] {
        assert_eq!(lookup(g, key), Some(action), "{key:?}");
    }
    let bar = |m| {
        hints(m)
            .into_iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        bar(c),
        [
            "↑↓ move",
            "←→ column",
            "[] year",
            "<> country",
            "Enter open",
            "L graph",
            "Esc leave",
            "? help",
            "/ search"
        ]
    );
    assert_eq!(
        bar(g),
        [
            "↑↓←→ move",
            "Enter centre",
            "⌫ back",
            "o open",
            "Esc leave",
            "? help",
            "/ search"
        ]
    );
}

#[test]
fn help_lists_the_compare_and_graph_keys_from_the_table() {
    let sections = super::help_sections(Mode::Browse(Pane::Timeline));
    assert_eq!(sections[0].0, "Everywhere");
    assert_eq!(super::help_sections(Mode::Compare)[0].0, "Compare (c)");
    assert_eq!(super::help_sections(Mode::Graph)[0].0, "Link graph (L)");
    let find = |heading: &str| {
        sections
            .iter()
            .find(|(h, _)| *h == heading)
            .map(|(_, rows)| rows.clone())
            .unwrap_or_default()
    };
    let global = find("Everywhere");
    assert!(global.contains(&("c".to_string(), "compare two countries side by side")));
    assert!(global.contains(&("L".to_string(), "link graph of the selected event")));
    let compare = find("Compare (c)");
    assert!(compare.contains(&("<".to_string(), "previous country in the chosen column")));
    assert!(compare.contains(&("Esc q c".to_string(), "leave compare")));
    let graph = find("Link graph (L)");
    assert!(graph.contains(&("Enter".to_string(), "centre the graph on the selected node")));
    assert!(graph.contains(&("Backspace".to_string(), "back to the previous centre")));
    // Every binding of the table is in the help.
    let rows: usize = sections.iter().map(|(_, r)| r.len()).sum();
    assert_eq!(rows, super::BINDINGS.len());
}
