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
