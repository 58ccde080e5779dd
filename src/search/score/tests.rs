use super::*;
use crate::search::query::Query;

fn best(q: &str, text: &str) -> Option<(u8, u8)> {
    let query = Query::parse(q);
    let n = Needle::new(&query.terms[0]);
    n.best(text, (0, crate::search::initials(text)), true, LOOSE, None)
}

#[test]
fn whole_words_beat_prefixes_and_letters_inside_words_are_loose() {
    assert_eq!(best("h20", "nvidia h20 exports"), Some((CLOSE, 9)));
    assert_eq!(best("h20", "nvidia h200 exports"), Some((CLOSE, 6)));
    assert_eq!(best("vance", "j.d. vance"), Some((CLOSE, 9)));
    assert_eq!(best("vance", "advanced chips"), Some((LOOSE, 2)));
    assert_eq!(
        best("eo", "biden signs executive order 14110"),
        Some((CLOSE, 4))
    );
    assert_eq!(
        best("bis", "bureau of industry and security"),
        Some((CLOSE, 4))
    );
    assert_eq!(best("fgmt", "fragmente"), Some((FUZZY, 3)));
    assert_eq!(
        best("bien", "ministry of public security of china"),
        Some((LOOSE, 0))
    );
    assert_eq!(best("李强", "李强"), Some((CLOSE, 9)));
    assert_eq!(best("2023", "2023年"), Some((CLOSE, 9)));
}

#[test]
fn qualities_order_group_then_tier_then_fine() {
    assert!(quality(CLOSE, 2, 0) > quality(FUZZY, 0, 9));
    assert!(quality(CLOSE, 0, 6) > quality(CLOSE, 1, 9));
    assert_eq!(group_of(quality(TYPO, 1, 9)), TYPO);
    assert_eq!(tier_of(quality(TYPO, 1, 9)), 1);
    assert!(same_phrase("eo-14110", "eo 14110"));
}
