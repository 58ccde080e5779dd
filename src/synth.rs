//! A generator of synthetic datasets in the bundled format, for benchmarks and stress
//! tests: deterministic, any size, with accents, curly apostrophes, CJK and links. No I/O
//! but [`write_dir`], which writes one as files.

use std::fmt::Write as _;

/// Sizes of a synthetic dataset.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub events: usize,
    pub quotes: usize,
}

const WORDS: &[&str] = &[
    "gouvernance",
    "mondiale",
    "intelligence",
    "artificielle",
    "coopération",
    "sécurité",
    "équitable",
    "fragmentée",
    "régulation",
    "Pékin",
    "Washington",
    "l’IA",
    "semi-conducteurs",
    "exportations",
    "sommet",
    "déclaration",
    "initiative",
    "organisation",
    "dialogue",
    "souveraineté",
    "algorithmique",
    "inclusive",
    "durable",
    "éthique",
    "puces",
    "talents",
    "innovation",
    "infrastructure",
    "diplomatie",
    "normes",
    "risques",
    "modèles",
    "ouverte",
    "multilatérale",
    "stratégie",
    "contrôles",
    "données",
    "calcul",
    "Sud",
    "global",
    "人工智能",
    "治理",
    "plan",
    "action",
    "accord",
    "trêve",
    "Shanghai",
    "Bruxelles",
    "Genève",
    "New Delhi",
];

const COUNTRIES: &[(&str, &str)] = &[
    ("cn", "China"),
    ("us", "United States"),
    ("eu", "European Union"),
    ("uk", "United Kingdom"),
    ("fr", "France"),
    ("in", "India"),
    ("kr", "South Korea"),
    ("jp", "Japan"),
];

const KINDS: &[&str] = &[
    "responds_to",
    "follows_up",
    "contrasts_with",
    "related",
    "part_of",
];

/// A small deterministic random generator (xorshift), so that every run writes the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    fn words(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(WORDS[self.below(WORDS.len())]);
        }
        s
    }
}

/// The most bytes one file of a synthetic dataset holds (a data file may hold 512 MiB).
const PART_BYTES: usize = 256 << 20;

/// `text` (a dataset from [`generate`]) cut into pieces of at most `max` bytes, each
/// before a `[[table]]` line, so that every piece is a dataset file of its own; a table
/// longer than `max` stays whole.
fn parts(text: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len();
        if cut > max {
            let mut end = max;
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            cut = rest[..end].rfind("\n[[").map_or(cut, |at| at + 1);
        }
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    out
}

/// Writes `text` (a dataset from [`generate`]) into the directory `dir` as
/// `synth-NN.toml` files cut by [`parts`] at [`PART_BYTES`].
pub fn write_dir(dir: &std::path::Path, text: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (i, part) in parts(text, PART_BYTES).into_iter().enumerate() {
        std::fs::write(dir.join(format!("synth-{i:02}.toml")), part)?;
    }
    Ok(())
}

/// The dataset as one TOML text: countries, people, sources, events and quotes.
pub fn generate(spec: Spec) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let people = (spec.events / 100).max(10);
    let sources = (spec.events / 5).max(5);
    let mut out = String::with_capacity(spec.events * 450 + spec.quotes * 400);
    for (id, name) in COUNTRIES {
        let _ = writeln!(
            out,
            "[[actor]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"country\"\nsummary = \"{}\"\n",
            rng.words(20)
        );
    }
    for p in 0..people {
        let (country, _) = COUNTRIES[p % COUNTRIES.len()];
        let _ = writeln!(
            out,
            "[[actor]]\nid = \"person-{p}\"\nname = \"Person {p} {}\"\nkind = \"person\"\ncountry = \"{country}\"\nrole = \"{}\"\naliases = [\"P{p}\"]\n",
            rng.words(1),
            rng.words(4)
        );
    }
    for s in 0..sources {
        let _ = writeln!(
            out,
            "[[source]]\nid = \"source-{s}\"\ntitle = \"{}\"\npublisher = \"Publisher {}\"\npublished = \"{}-{:02}\"\nlanguage = \"fr\"\nurl = \"https://example.org/{s}\"\nsummary = \"{}\"\n",
            rng.words(8),
            s % 97,
            2017 + s % 10,
            1 + s % 12,
            rng.words(20)
        );
    }
    for e in 0..spec.events {
        let year = 2017 + (e * 10 / spec.events.max(1));
        let date = match e % 10 {
            0 => format!("{year}"),
            1 | 2 => format!("{year}-{:02}", 1 + rng.below(12)),
            _ => format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
        };
        let (c, _) = COUNTRIES[rng.below(COUNTRIES.len())];
        let person = rng.below(people);
        let _ = write!(
            out,
            "[[event]]\nid = \"event-{e}\"\ndate = \"{date}\"\ntitle = \"{}\"\nplace = \"{}\"\nsummary = \"{}\"\nactors = [\"{c}\", \"person-{person}\"]\ntags = [\"tag-{}\"]\nsources = [\"source-{}\"]\n",
            rng.words(7),
            rng.words(1),
            rng.words(22),
            e % 20,
            rng.below(sources)
        );
        // link to an earlier event (part_of only to a much earlier one: no cycles)
        if e > 0 && e % 3 == 0 {
            let to = rng.below(e);
            let kind = KINDS[rng.below(KINDS.len())];
            let _ = writeln!(
                out,
                "links = [{{ to = \"event-{to}\", kind = \"{kind}\" }}]"
            );
        }
        out.push('\n');
    }
    for q in 0..spec.quotes {
        let _ = writeln!(
            out,
            "[[quote]]\nid = \"quote-{q}\"\nspeaker = \"person-{}\"\nevent = \"event-{}\"\nsource = \"source-{}\"\nlang = \"fr\"\ntext = \"{}\"\ntranslation = \"{}\"\n",
            rng.below(people),
            rng.below(spec.events.max(1)),
            rng.below(sources),
            rng.words(24),
            rng.words(20)
        );
    }
    out
}

/// A fan-in: one hub event and `spokes` events that each respond to it, the worst case
/// for what an event pane, its backlinks and the link graph have to show.
pub fn fan_in(spokes: usize) -> String {
    let mut t = String::from(
        "[[actor]]\nid = \"cn\"\nname = \"China\"\nkind = \"country\"\n\n\
         [[source]]\nid = \"src\"\ntitle = \"S\"\npublisher = \"P\"\npublished = \"2025\"\n\
         language = \"en\"\nsummary = \"s\"\n\n\
         [[event]]\nid = \"hub\"\ndate = \"2020-01-01\"\ntitle = \"The hub\"\nsummary = \"s\"\n\
         actors = [\"cn\"]\nsources = [\"src\"]\n\n",
    );
    for i in 0..spokes {
        let _ = write!(
            t,
            "[[event]]\nid = \"spoke-{i}\"\ndate = \"2021-{:02}-{:02}\"\ntitle = \"Spoke {i}\"\n\
             summary = \"s\"\nactors = [\"cn\"]\nsources = [\"src\"]\n\
             links = [{{ to = \"hub\", kind = \"responds_to\" }}]\n\n",
            1 + i % 12,
            1 + i % 28
        );
    }
    t
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn generated_data_is_valid_and_deterministic() {
        let spec = Spec {
            events: 300,
            quotes: 200,
        };
        let text = generate(spec);
        assert_eq!(text, generate(spec));
        let mut raw = crate::load::parse::RawDataset::default();
        let mut diags = Vec::new();
        crate::load::parse::parse_file(0, &text, &mut raw, &mut diags);
        let graph = crate::validate::validate(raw, &mut diags);
        let errors: Vec<_> = diags
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        let g = graph.unwrap();
        assert_eq!((g.events.len(), g.quotes.len()), (300, 200));
    }

    #[test]
    fn parts_cut_before_tables_and_never_inside_a_character() {
        let text = generate(Spec {
            events: 200,
            quotes: 200,
        });
        // Every cut point between 1,000 and 1,100 bytes: some fall inside an accented
        // or CJK character.
        for max in 1_000..1_100 {
            let parts = parts(&text, max);
            assert!(parts.len() > 1, "{max}");
            assert_eq!(parts.concat(), text);
            for p in &parts {
                assert!(p.starts_with("[[") || p.as_ptr() == text.as_ptr(), "{max}");
            }
        }
    }
}
