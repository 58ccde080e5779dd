//! Planned events against the calendar: a warning for each `status = "scheduled"` event
//! dated (or ending) before today, so that nobody reads an announcement as news, and for
//! each `"unconfirmed"` one still to come or without a `note` saying what is known. Today
//! is given by the caller (the command line reads the clock). No I/O.

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::graph::Status;
use crate::load::parse::RawDataset;

/// Warns on every scheduled event whose last day is before `today`, and on every
/// unconfirmed one that is still to come or says nothing of what is known.
pub fn passed(raw: &RawDataset, today: NaiveDate, diags: &mut Vec<Diagnostic>) {
    for e in &raw.events {
        let (Some(status), Some(date)) = (&e.status, &e.date) else {
            continue;
        };
        let last = e.end.as_ref().map_or(date.value, |end| end.value);
        let past = last.last_day() < today;
        let when = match &e.end {
            Some(end) => format!("{} to {}", date.value, end.value),
            None => date.value.to_string(),
        };
        let (message, hint) = match status.value {
            Status::Scheduled if past => (
                format!("scheduled for {when}, which has passed: confirm it or update it"),
                "remove `status` once a source says it happened (cite it), or write \
                 status = \"unconfirmed\" with a `note` saying what is known",
            ),
            Status::Unconfirmed if !past => (
                format!("unconfirmed, but {when} is still to come"),
                "write status = \"scheduled\" until the date has passed",
            ),
            Status::Unconfirmed if e.note.as_deref().is_none_or(|n| n.trim().is_empty()) => (
                format!("unconfirmed ({when}) without a `note`"),
                "say in `note` what the sources read do and do not confirm",
            ),
            _ => continue,
        };
        diags.push(Diagnostic::warning(e.at.file, status.span.clone(), message).with_hint(hint));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::load::parse::parse_file;

    fn warnings(text: &str, today: &str) -> Vec<String> {
        let mut raw = RawDataset::default();
        let mut diags = Vec::new();
        parse_file(0, text, &mut raw, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        passed(&raw, today.parse().unwrap(), &mut diags);
        diags.into_iter().map(|d| d.message).collect()
    }

    const PLANNED: &str = "[[event]]\nid = \"a\"\ndate = \"2026-08-02\"\ntitle = \"A\"\nstatus = \"scheduled\"\n\n\
        [[event]]\nid = \"b\"\ndate = \"2026-11\"\ntitle = \"B\"\nstatus = \"scheduled\"\n\n\
        [[event]]\nid = \"c\"\ndate = \"2026-11-18\"\nend = \"2026-11-19\"\ntitle = \"C\"\nstatus = \"scheduled\"\n\n\
        [[event]]\nid = \"d\"\ndate = \"2020\"\ntitle = \"D\"\n";

    #[test]
    fn a_scheduled_event_warns_once_its_last_day_has_passed() {
        assert_eq!(
            warnings(PLANNED, "2026-12-01"),
            [
                "scheduled for 2026-08-02, which has passed: confirm it or update it",
                "scheduled for 2026-11, which has passed: confirm it or update it",
                "scheduled for 2026-11-18 to 2026-11-19, which has passed: confirm it or update it",
            ]
        );
        // A month counts until its last day, a span until its end; what happened is never
        // checked.
        assert_eq!(
            warnings(PLANNED, "2026-11-19"),
            ["scheduled for 2026-08-02, which has passed: confirm it or update it"]
        );
        assert!(warnings(PLANNED, "2026-08-02").is_empty());
    }

    #[test]
    fn an_unconfirmed_event_is_past_and_says_why() {
        let text = "[[event]]\nid = \"a\"\ndate = \"2026-11-18\"\ntitle = \"A\"\nstatus = \"unconfirmed\"\n\
            note = \"announced; no source read says it was held\"\n\n\
            [[event]]\nid = \"b\"\ndate = \"2026-11\"\ntitle = \"B\"\nstatus = \"unconfirmed\"\n";
        assert_eq!(
            warnings(text, "2026-12-01"),
            ["unconfirmed (2026-11) without a `note`"]
        );
        assert_eq!(
            warnings(text, "2026-11-18"),
            [
                "unconfirmed, but 2026-11-18 is still to come",
                "unconfirmed, but 2026-11 is still to come",
            ]
        );
    }
}
