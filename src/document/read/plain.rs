//! Roles in the plain outline, where every unindented line is a heading.
//!
//! Two ways of writing notes meet here. Where the notes are **indented** under
//! unindented session lines (the bundled notes), the v1 rules read the headings in
//! order: the title, day headings, wishlists, the note-or-session rule, the speaker
//! rule, with a preamble rule and general sections besides. Where the notes are
//! themselves **unindented** lines, a session is what lies between rule lines (`----`,
//! `--`) or after a run of blank lines, titled by its first line, and the other
//! unindented lines are its notes.
//!
//! The file is cut at rule lines into parts; a part is read as indented notes when at
//! least half its unindented lines have indented lines under them (and the file's do
//! too), else as unindented notes.

use std::ops::Range;

use super::units::{self, Form, Unit};
use super::{Decision, ReadOptions, Role, Why};
use crate::document::rules::{byline, day_heading, heading, speaker, status};
use crate::outline::syntax::setext_underline;
use crate::outline::{Kind, Outline};

/// The units and their roles for a plain outline.
pub(crate) fn read(outline: &Outline, options: &ReadOptions) -> (Vec<Unit>, Vec<Decision>) {
    let (units, decisions, _) = read_piece(outline, options, None);
    (units, decisions)
}

/// A piece of a plain outline read on its own (see [`super::pieces`]): what the whole
/// file decides for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PieceFacts {
    /// The file's notes are indented under its unindented lines.
    pub indented: bool,
    /// The piece starts at a heading after the file's first, where the v1 rules stand
    /// settled ([`Settled`]).
    pub resumed: bool,
}

/// The v1 rules stood settled at the end of a piece: a heading after it is read the
/// same whatever came before it, once the heading itself has notes under it and is
/// not a `Speaker:` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Settled(pub bool);

/// The units and roles of a plain outline, or of a piece of one, and whether the
/// rules stand settled after its last heading.
pub(crate) fn read_piece(
    outline: &Outline,
    options: &ReadOptions,
    piece: Option<PieceFacts>,
) -> (Vec<Unit>, Vec<Decision>, Settled) {
    let resumed = piece.is_some_and(|p| p.resumed);
    let layout = Layout::new(outline, piece.map(|p| p.indented));
    let mut units = Vec::new();
    let mut fixed: Vec<Option<Decision>> = Vec::new();
    for part in &layout.parts {
        if part.indented {
            layout.indented_units(part.lines.clone(), &mut units, &mut fixed);
        } else {
            layout.unindented_units(part, &mut units, &mut fixed);
        }
    }
    // Numbered items over notes under a heading that holds talks, or before any.
    let mut stand_ins = Vec::new();
    for (u, unit) in units.iter().enumerate() {
        let next = units.get(u + 1).map_or(outline.len(), |n| n.line);
        if unit.form == Form::Heading
            && units::two_numbered_items(outline, unit.line + 1..next)
            && units::holds_numbered_talks(&unit.text, u == 0 && !resumed)
        {
            let found = units::numbered(outline, unit.line + 1..next);
            if !found.is_empty() {
                fixed[u] = Some(owner_decision(u == 0 && !resumed, &unit.text, found.len()));
                stand_ins.extend(found);
            }
        }
    }
    let before_any = units.first().map_or(outline.len(), |first| first.line);
    stand_ins.extend(units::numbered(outline, 0..before_any));
    for unit in stand_ins {
        let at = units.partition_point(|u| u.line < unit.line);
        let decision = if let Some(day) = day_heading(&unit.text) {
            Decision::new(Role::Day(day), Why::Day)
        } else if status::is_wishlist_heading(&unit.text) {
            Decision::new(Role::Wishlist, Why::Wishlist)
        } else if heading::is_section(&unit.text) {
            Decision::new(Role::Section, Why::SectionWords)
        } else {
            Decision::new(Role::Session, Why::Talk("it is a numbered item over notes"))
        };
        units.insert(at, unit);
        fixed.insert(at, Some(decision));
    }
    // Every unit is a root of the plain outline: each runs to the next.
    for u in 0..units.len() {
        units[u].end = units.get(u + 1).map_or(outline.len(), |n| n.line);
    }
    let (decisions, settled) = if options.one_talk {
        let decisions = units
            .iter()
            .enumerate()
            .map(|(u, _)| {
                let role = if u == 0 { Role::Session } else { Role::Part };
                Decision::new(role, Why::Told)
            })
            .collect();
        (decisions, Settled(false))
    } else {
        Rules::new(outline, &units).decide(&fixed, resumed)
    };
    (units, decisions, settled)
}

/// The role of a heading over numbered talks: a day when it is a day heading, the
/// title when it is the file's `first` line, else a group.
fn owner_decision(first: bool, text: &str, talks: usize) -> Decision {
    if let Some(day) = day_heading(text) {
        Decision::new(Role::Day(day), Why::Day)
    } else if first {
        Decision::new(
            Role::Title,
            Why::Title("it is the first line, over numbered talks"),
        )
    } else {
        let lightning = heading::is_lightning_talks(text);
        Decision::new(Role::Group { lightning }, Why::TalksUnder(talks))
    }
}

/// A part of the file between rule lines.
#[derive(Debug, Clone)]
struct Part {
    lines: Range<usize>,
    indented: bool,
    /// The rule that ends it is a minor one (`--`).
    minor_end: bool,
}

/// How the file is laid out: its rule lines and its parts.
struct Layout<'o, 'a> {
    outline: &'o Outline<'a>,
    parts: Vec<Part>,
    /// Rule lines, with their lengths.
    rules: Vec<(usize, usize)>,
}

impl<'o, 'a> Layout<'o, 'a> {
    /// The layout of `outline`; `indented` says how its notes are written when the
    /// whole file has decided it (for a piece of it).
    fn new(outline: &'o Outline<'a>, indented: Option<bool>) -> Layout<'o, 'a> {
        let standalone: Vec<(usize, usize)> = (0..outline.len())
            .filter_map(|i| {
                let line = outline.line(i);
                let rule = line.is_heading() && line.column() == 0;
                rule.then(|| heading::rule_length(&outline.text(i)).map(|n| (i, n)))
                    .flatten()
            })
            .collect();
        // Where rules divide the notes, a line of dashes under a note line is a rule
        // too, not a setext underline.
        let rules: Vec<(usize, usize)> = if standalone.len() >= 2 {
            (0..outline.len())
                .filter_map(|i| {
                    let line = outline.line(i);
                    let candidate = (line.is_heading() || line.kind() == Kind::Meta)
                        && line.column() == 0
                        && (line.is_heading() || setext_underline(outline.content(i)).is_some());
                    candidate
                        .then(|| heading::rule_length(&outline.text(i)).map(|n| (i, n)))
                        .flatten()
                })
                .collect()
        } else {
            standalone
        };
        let has_major = rules.iter().any(|&(_, n)| n > 2);
        let mut bounds: Vec<(usize, bool)> = rules
            .iter()
            .map(|&(i, n)| (i, has_major && n == 2))
            .collect();
        bounds.push((outline.len(), false));
        let mut parts = Vec::new();
        let mut start = 0;
        for (end, minor) in bounds {
            parts.push(Part {
                lines: start..end,
                indented: true,
                minor_end: minor,
            });
            start = end + 1;
        }
        let mut layout = Layout {
            outline,
            parts,
            rules,
        };
        match indented {
            Some(indented) => layout.parts.iter_mut().for_each(|p| p.indented = indented),
            None => layout.choose_modes(),
        }
        layout
    }

    fn is_rule(&self, i: usize) -> bool {
        self.rules.binary_search_by_key(&i, |&(l, _)| l).is_ok()
    }

    /// The unindented lines of `lines` that are not rules, and how many have
    /// indented lines under them.
    fn heads(&self, lines: Range<usize>) -> (Vec<usize>, usize) {
        let heads: Vec<usize> = lines
            .filter(|&i| self.outline.line(i).is_heading() && !self.is_rule(i))
            .collect();
        let with_notes = heads.iter().filter(|&&h| self.has_notes(h)).count();
        (heads, with_notes)
    }

    /// True when non-blank lines are under line `h`.
    fn has_notes(&self, h: usize) -> bool {
        self.outline
            .subtree(h)
            .any(|j| !self.outline.line(j).is_blank() && self.outline.line(j).kind() != Kind::Meta)
    }

    /// True when the notes of `lines` are indented under their unindented lines: at
    /// least half of those have lines under them, or too few read as sentences (three
    /// at least, or a quarter of them) for the notes to be unindented.
    fn indented(&self, lines: Range<usize>) -> bool {
        let (heads, with_notes) = self.heads(lines);
        if with_notes * 2 >= heads.len() {
            return true;
        }
        let sentences = heads
            .iter()
            .filter(|&&h| !title_shaped(&self.outline.text(h)))
            .count();
        sentences < 3 && sentences * 4 < heads.len()
    }

    /// Reads each part as indented or unindented notes: a part as the file when it has
    /// one unindented line or none, else as both it and the file say.
    fn choose_modes(&mut self) {
        let whole = 0..self.outline.len();
        let file_indented = self.indented(whole.clone());
        let modes: Vec<bool> = self
            .parts
            .iter()
            .map(|part| {
                // A part that is the whole file is as the file is.
                if !file_indented || part.lines == whole {
                    return file_indented;
                }
                let (heads, _) = self.heads(part.lines.clone());
                heads.len() <= 1 || self.indented(part.lines.clone())
            })
            .collect();
        for (part, indented) in self.parts.iter_mut().zip(modes) {
            part.indented = indented;
        }
    }

    fn unit(&self, line: usize, form: Form) -> Unit {
        let level = match self.outline.line(line).kind() {
            Kind::Heading { level } => level,
            _ => 0,
        };
        Unit {
            level,
            ..Unit::stand_in(line, line + 1, form, self.outline.text(line).into_owned())
        }
    }

    /// Every heading of an indented part is a unit, rules included (as separators).
    fn indented_units(
        &self,
        lines: Range<usize>,
        units: &mut Vec<Unit>,
        fixed: &mut Vec<Option<Decision>>,
    ) {
        let start = lines.start.saturating_sub(1);
        for i in start..lines.end {
            if !self.outline.line(i).is_heading() || (i < lines.start && !self.is_rule(i)) {
                continue;
            }
            if i < lines.start && units.last().is_some_and(|u| u.line == i) {
                continue;
            }
            units.push(self.unit(i, Form::Heading));
            fixed.push(
                self.is_rule(i)
                    .then(|| Decision::new(Role::Separator, Why::Separator)),
            );
        }
    }

    /// In an unindented part, a session per block of lines after a rule or a run of
    /// blank lines, titled by its first line; day headings, the document's title and
    /// lightning-talks groups besides.
    fn unindented_units(
        &self,
        part: &Part,
        units: &mut Vec<Unit>,
        fixed: &mut Vec<Option<Decision>>,
    ) {
        let outline = self.outline;
        let first_part = part.lines.start == 0;
        let mut want_title = true;
        let mut blank_run = 0;
        let mut first_line = true;
        let lines = part.lines.clone();
        for i in lines.clone() {
            let line = outline.line(i);
            if line.is_blank() {
                blank_run += 1;
                continue;
            }
            let after_blanks = std::mem::replace(&mut blank_run, 0) >= 2;
            if !line.is_heading() || self.is_rule(i) {
                first_line = false;
                continue;
            }
            let text = outline.text(i);
            if after_blanks && !want_title && title_shaped(&text) {
                want_title = true;
            }
            if let Some(day) = day_heading(&text) {
                units.push(self.unit(i, Form::Heading));
                fixed.push(Some(Decision::new(Role::Day(day), Why::Day)));
                continue;
            }
            if status::is_wishlist_heading(&text) {
                units.push(self.unit(i, Form::Heading));
                fixed.push(Some(Decision::new(Role::Wishlist, Why::Wishlist)));
                want_title = false;
                continue;
            }
            if !want_title {
                first_line = false;
                continue;
            }
            if first_part
                && first_line
                && units.is_empty()
                && heading::names_event(&text)
                && title_shaped(&text)
            {
                units.push(self.unit(i, Form::Heading));
                fixed.push(Some(Decision::new(
                    Role::Title,
                    Why::Title("the first line names the event"),
                )));
                first_line = false;
                continue;
            }
            first_line = false;
            let next_title = self.next_head(i + 1, lines.end);
            let lightning = heading::is_lightning_talks(&text)
                && next_title.is_some_and(|n| title_shaped(&outline.text(n)))
                && (part.minor_end || self.rule_length_after(lines.end) == Some(2));
            if lightning {
                units.push(self.unit(i, Form::Heading));
                fixed.push(Some(Decision::new(
                    Role::Group { lightning: true },
                    Why::TitleLines,
                )));
                continue;
            }
            units.push(self.unit(i, Form::TitleLine));
            fixed.push(None);
            want_title = false;
        }
    }

    /// The next unindented non-rule line in `from..end`.
    fn next_head(&self, from: usize, end: usize) -> Option<usize> {
        (from..end).find(|&j| {
            let line = self.outline.line(j);
            !line.is_blank() && line.is_heading() && !self.is_rule(j)
        })
    }

    /// The length of the rule on line `i`, if it is one.
    fn rule_length_after(&self, i: usize) -> Option<usize> {
        self.rules
            .binary_search_by_key(&i, |&(l, _)| l)
            .ok()
            .map(|k| self.rules[k].1)
    }
}

/// A line that can title a session after a run of blank lines: short, and not a
/// sentence (it does not end with a full stop, a comma or a semicolon).
fn title_shaped(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.len() <= 120
        && text.split_whitespace().count() <= 16
        && !text.ends_with(['.', ',', ';'])
        && !text.starts_with(char::is_lowercase)
}

/// The v1 rules of the plain outline, applied in file order.
struct Rules<'r, 'a> {
    outline: &'r Outline<'a>,
    units: &'r [Unit],
}

impl<'r, 'a> Rules<'r, 'a> {
    fn new(outline: &'r Outline<'a>, units: &'r [Unit]) -> Self {
        Rules { outline, units }
    }

    /// True when lines are under the unit's heading.
    fn has_notes(&self, u: usize) -> bool {
        let unit = &self.units[u];
        (unit.line + 1..unit.end).any(|j| {
            let line = self.outline.line(j);
            !line.is_blank() && line.kind() != Kind::Meta
        })
    }

    /// The roles of the units, in order; `resumed` when they are a piece of the file
    /// that starts where the rules stand settled (no title rule, notes seen).
    fn decide(&self, fixed: &[Option<Decision>], resumed: bool) -> (Vec<Decision>, Settled) {
        let units = self.units;
        let mut decisions = Vec::with_capacity(units.len());
        let title = if resumed { None } else { self.title(fixed) };
        // The session the v1 rules have open, and whether nothing is under it yet.
        let mut open: Option<usize> = None;
        let mut open_empty = false;
        let mut seen_notes = resumed;
        // An empty session with no speaker before any session with notes: the preamble,
        // unless the next heading turns out to be its note or its speaker.
        let mut pending: Option<usize> = None;
        let later_notes: Vec<bool> = {
            let mut any = false;
            let mut v: Vec<bool> = (0..units.len())
                .rev()
                .map(|u| {
                    let here = any;
                    any |= self.has_notes(u);
                    here
                })
                .collect();
            v.reverse();
            v
        };
        for (u, unit) in units.iter().enumerate() {
            if Some(u) == title {
                decisions.push(Decision::new(
                    Role::Title,
                    Why::Title("the first line, with a heading after it and nothing under it"),
                ));
                continue;
            }
            if let Some(decision) = fixed[u].clone() {
                if !matches!(decision.role, Role::Separator) {
                    open_empty = false;
                }
                if matches!(decision.role, Role::Session) {
                    seen_notes = true;
                    open = Some(u);
                } else if !matches!(decision.role, Role::Separator) {
                    open = None;
                }
                decisions.push(decision);
                continue;
            }
            let text = unit.text.as_str();
            // "Speaker: Ann Lee" names the speakers of the session above; it is never a
            // session of its own.
            if speaker::speaker_label(text).is_some() {
                let role = if open.is_some() {
                    // The session it names is one, not a preamble; its notes may be
                    // under this line.
                    pending = None;
                    seen_notes |= self.has_notes(u);
                    Decision::new(Role::Part, Why::SpeakerLabel)
                } else {
                    Decision::new(Role::Section, Why::Preamble)
                };
                open_empty = false;
                decisions.push(role);
                continue;
            }
            if unit.form == Form::TitleLine {
                let decision = if heading::is_section(text) && byline(text).speakers.is_empty() {
                    Decision::new(Role::Section, Why::SectionWords)
                } else {
                    Decision::new(
                        Role::Session,
                        Why::Talk("it starts a part of unindented notes"),
                    )
                };
                open = Some(u);
                open_empty = false;
                seen_notes = true;
                decisions.push(decision);
                continue;
            }
            if heading::is_separator(text) {
                decisions.push(Decision::new(Role::Separator, Why::Separator));
                continue;
            }
            if let Some(day) = day_heading(text) {
                open = None;
                open_empty = false;
                decisions.push(Decision::new(Role::Day(day), Why::Day));
                continue;
            }
            if status::is_wishlist_heading(text) {
                open = None;
                open_empty = false;
                decisions.push(Decision::new(Role::Wishlist, Why::Wishlist));
                continue;
            }
            let after_empty = open.filter(|_| open_empty);
            let preamble = pending.take();
            let open_has_speakers =
                after_empty.is_some_and(|o| !byline(&units[o].text).speakers.is_empty());
            let speaker = after_empty.is_some()
                && !open_has_speakers
                && speaker::speaker_line(text, speaker::Position::Plain)
                    .is_some_and(|l| !l.names.is_empty());
            open_empty = false;
            if speaker {
                decisions.push(Decision::new(Role::Part, Why::Speaker));
                continue;
            }
            if after_empty.is_some() && heading::is_note(text) {
                decisions.push(Decision::new(Role::Part, Why::Note));
                continue;
            }
            if let Some(p) = preamble {
                decisions[p] = Decision::new(Role::Section, Why::Preamble);
            }
            let notes = self.has_notes(u);
            // The byline is costly, and only asked for here.
            let named = || !byline(text).speakers.is_empty();
            if heading::is_section(text) && !named() {
                open = None;
                decisions.push(Decision::new(Role::Section, Why::SectionWords));
                continue;
            }
            if !seen_notes && !notes && later_notes[u] && !named() {
                pending = Some(decisions.len());
            }
            open = Some(u);
            open_empty = !notes;
            seen_notes |= notes;
            let why = if notes {
                "an unindented line with notes under it"
            } else {
                "an unindented line"
            };
            decisions.push(Decision::new(Role::Session, Why::Talk(why)));
        }
        (
            decisions,
            Settled(seen_notes && pending.is_none() && !open_empty),
        )
    }

    /// Rule 1: the first heading is the title when nothing is under it, another
    /// heading follows, and it is not a day heading.
    fn title(&self, fixed: &[Option<Decision>]) -> Option<usize> {
        let first = self.units.first()?;
        if fixed[0].is_some() || first.form != Form::Heading {
            return None;
        }
        heading::is_title(&first.text, !self.has_notes(0) && self.units.len() > 1).then_some(0)
    }
}
