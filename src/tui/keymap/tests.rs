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
    assert_eq!(lookup(Mode::Browse(Pane::Event), Key::Char('t')), None);
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
