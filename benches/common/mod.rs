//! A deterministic generator of realistic conference notes, for benchmarks.
//!
//! The shape is described in BENCHMARKS.md: conferences of three days built from the
//! PyCon 2014 notes' sessions, with varied titles, speakers, days and bullet glyphs;
//! lines of 30 to 60 bytes at depths 0 to 4; about one line in a thousand containing
//! `decorator` and a third of lines containing `the`.

/// SplitMix64: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `1 / n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SEED: &str = include_str!("../../notes/pycon2014.txt");

const GIVEN: [&str; 24] = [
    "Alex", "Ann", "Bob", "Carol", "Dan", "Erik", "Grace", "Guido", "Hynek", "Jessica", "John",
    "Julie", "Kevin", "Larry", "Miguel", "Nathan", "Noah", "Raymond", "Sarah", "Titus", "Victor",
    "Fernando", "Andrew", "Julien",
];

const FAMILY: [&str; 24] = [
    "Gaynor",
    "Lee",
    "Roe",
    "Willing",
    "Crosta",
    "Rose",
    "Hopper",
    "van Rossum",
    "Schlawack",
    "McKellar",
    "Gill",
    "Pagano",
    "Ballard",
    "Hastings",
    "Grinberg",
    "Yergler",
    "Kantrowitz",
    "Hettinger",
    "Guido",
    "Brown",
    "Stinner",
    "Pérez",
    "Godwin",
    "Phalip",
];

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const GLYPHS: [&str; 6] = ["•", "-", "*", "◦", "▪", "+"];

const REASONS: [&str; 4] = [
    "Missed due to lunch going long",
    "Missed, review on video",
    "Partial, headed to another talk",
    "Missed due to a meeting",
];

/// The seed's words and titles, without `the` and `decorator` so that their frequency is
/// set by the generator alone, and without `Brandon`, which is kept rare.
pub struct Material {
    words: Vec<String>,
    titles: Vec<String>,
}

impl Material {
    pub fn from_seed() -> Material {
        let banned = |w: &str| {
            let lower = w.to_lowercase();
            lower.contains("the") || lower.contains("decorator") || lower.contains("brandon")
        };
        let mut words: Vec<String> = SEED
            .split(|c: char| c.is_whitespace() || c == '•')
            .filter(|w| !w.is_empty() && w.len() <= 14 && !banned(w))
            .map(String::from)
            .collect();
        words.sort();
        words.dedup();
        let titles = SEED
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with(' ') && l.len() > 12)
            .map(|l| {
                let title = l.split([',', '–']).next().unwrap_or(l).trim();
                title
                    .split_whitespace()
                    .filter(|w| !banned(w))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|t| t.len() > 8)
            .collect();
        Material { words, titles }
    }
}

/// Writes about `size` bytes of notes whose bullets go at most `max_depth` levels deep
/// (5 for realistic notes; the deep variant goes to 100).
pub fn generate(size: usize, seed: u64, max_depth: usize) -> String {
    let material = Material::from_seed();
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(size + 4096);
    let mut conference = 0;
    while out.len() < size {
        conference += 1;
        write_conference(&mut out, &material, &mut rng, conference, max_depth);
    }
    out
}

fn write_conference(
    out: &mut String,
    m: &Material,
    rng: &mut Rng,
    number: usize,
    max_depth: usize,
) {
    let glyph = *rng.pick(&GLYPHS);
    let indent = if rng.one_in(4) { "\t" } else { "  " };
    out.push_str(&format!(
        "My notes from PyCon {} ({number}).\n\n",
        2000 + number % 30
    ));
    let first_day = rng.below(5);
    for day in first_day..first_day + 3 {
        let day = DAYS[day % 7];
        match rng.below(3) {
            0 => out.push_str(&format!("{day}\n\n")),
            1 => out.push_str(&format!("Day {} — {day}\n\n", rng.below(3) + 1)),
            _ => {}
        }
        for session in 0..8 + rng.below(7) {
            if session == 0 {
                out.push_str(&format!("Lightning Talks, {day} AM\n\n"));
            } else {
                write_heading(out, m, rng);
            }
            let lines = 3 + rng.below(13) * max_depth / 5;
            write_bullets(out, m, rng, glyph, indent, lines, max_depth);
            out.push('\n');
        }
    }
    out.push_str("Talks I did not see, but looked good:\n\n");
    for _ in 0..3 + rng.below(7) {
        out.push_str(indent);
        out.push_str(glyph);
        out.push(' ');
        write_heading(out, m, rng);
    }
    out.push('\n');
}

fn speaker(rng: &mut Rng) -> String {
    if rng.one_in(200) {
        return "Brandon Rhodes".to_string();
    }
    format!("{} {}", rng.pick(&GIVEN), rng.pick(&FAMILY))
}

fn write_heading(out: &mut String, m: &Material, rng: &mut Rng) {
    let title = rng.pick(&m.titles).clone();
    let line = match rng.below(4) {
        0 => format!("{title} – {}", speaker(rng)),
        1 => format!("{title}, {}", speaker(rng)),
        2 => format!(
            "{title}, {}, @{}",
            speaker(rng),
            rng.pick(&m.words).to_lowercase()
        ),
        _ => title,
    };
    out.push_str(&line);
    out.push('\n');
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn write_bullets(
    out: &mut String,
    m: &Material,
    rng: &mut Rng,
    glyph: &str,
    indent: &str,
    n: usize,
    max_depth: usize,
) {
    let mut depth: usize = 1;
    for i in 0..n {
        // Realistic notes wander between levels; the deep variant mostly descends.
        let step = if max_depth > 5 {
            1 + rng.below(2)
        } else {
            rng.below(3)
        };
        depth = match step {
            0 if depth > 1 => depth - 1,
            1 if depth < max_depth => depth + 1,
            _ => depth,
        };
        let start = out.len();
        for _ in 0..depth {
            out.push_str(indent);
        }
        if i == n - 1 && rng.one_in(12) {
            out.push_str(glyph);
            out.push(' ');
            out.push_str(rng.pick::<&str>(&REASONS));
            out.push('\n');
            continue;
        }
        if rng.one_in(5) {
            out.push_str(&format!("{}. ", 1 + rng.below(9)));
        } else {
            out.push_str(glyph);
            out.push(' ');
        }
        let target = start + 30 + rng.below(31);
        let the = rng.below(100) < 37;
        let decorator = rng.one_in(1000);
        let mut words = 0;
        while out.len() < target || words < 2 {
            if words > 0 {
                out.push(' ');
            }
            if words == 1 && the {
                out.push_str("the");
            } else if words == 2 && decorator {
                out.push_str("decorator");
            } else {
                out.push_str(rng.pick::<String>(&m.words));
            }
            words += 1;
        }
        out.push('\n');
    }
}
