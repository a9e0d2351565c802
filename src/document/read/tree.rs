//! Roles where headings nest (Markdown, org-mode, TaskPaper): decided per heading, top
//! down, from what a heading says, what is under it and its siblings.
//!
//! In order: what the command line says; the heading rules that decide alone (a
//! separator, a day heading, a wishlist); a file that is one talk; the document title.
//! Then, from the top, each heading under no session is a group when its words say so
//! (or it is a lightning-talks heading over separately headed talks, or most headings
//! under it look like talks), a section when its words say so (or only a checklist is
//! under it, or it stands beside a group of talks among sections with nothing of a
//! talk itself), and otherwise a session, whose sub-headings are its parts. A heading
//! "looks like a talk" by strong signs only: a speaker in it or right under it, a
//! label ("Keynote:", "Panel"), a session code, a schedule block.

use super::units::{self, Form, Unit};
use super::{Decision, ReadOptions, Role, Why, people};
use crate::document::rules::{byline, day_heading, heading, speaker_label, status, title};
use crate::outline::{Kind, Outline, Syntax};

/// The roles of `units`, one per unit.
pub(crate) fn decide(outline: &Outline, units: &[Unit], options: &ReadOptions) -> Vec<Decision> {
    let mut decisions = vec![Decision::new(Role::Part, Why::Part); units.len()];
    if units.is_empty() {
        return decisions;
    }
    let reader = Reader {
        outline,
        units,
        syntax: outline.syntax(),
    };
    if options.one_talk {
        if let Some(top) = units.iter().position(|u| u.form == Form::Heading) {
            decisions[top] = Decision::new(Role::Session, Why::Told);
        }
        return decisions;
    }
    if let Some(level) = options.session_level {
        return reader.by_level(level);
    }
    if let Some(why) = reader.one_talk() {
        decisions[0] = Decision::new(Role::Session, Why::OneTalk(why));
        return decisions;
    }
    let title = reader.title();
    let roots: Vec<usize> = (0..units.len())
        .filter(|&u| units[u].parent.is_none())
        .collect();
    reader.assign(&roots, title, &mut decisions);
    decisions
}

/// A heading of the form "Title by Name": the speaker follows "by".
fn says_by_name(text: &str) -> bool {
    let speakers = byline(text).speakers;
    let lower = text.to_lowercase();
    speakers.first().is_some_and(|first| {
        lower.rfind(" by ").is_some_and(|at| {
            lower[at + 4..]
                .trim_start()
                .starts_with(&first.to_lowercase())
        })
    })
}

struct Reader<'r, 'a> {
    outline: &'r Outline<'a>,
    units: &'r [Unit],
    syntax: Syntax,
}

/// Where the document title is, and whether its own lines are a header (the talks
/// follow it as its siblings, not under it).
#[derive(Debug, Clone, Copy)]
struct Title {
    unit: usize,
    header: bool,
    why: &'static str,
}

impl Reader<'_, '_> {
    /// The role a unit's text alone decides: separator, day heading, wishlist.
    fn fixed(&self, u: usize) -> Option<Decision> {
        let unit = &self.units[u];
        let text = unit.rule_text();
        if heading::is_separator(&text) {
            Some(Decision::new(Role::Separator, Why::Separator))
        } else if let Some(day) = day_heading(&unit.text) {
            Some(Decision::new(Role::Day(day), Why::Day))
        } else if status::is_wishlist_heading(&text) {
            Some(Decision::new(Role::Wishlist, Why::Wishlist))
        } else if speaker_label(&unit.text).is_some() {
            Some(Decision::new(Role::Part, Why::SpeakerLabel))
        } else {
            None
        }
    }

    /// The heading's text as the title and speaker rules read it.
    fn cleaned(&self, u: usize) -> String {
        let text = &self.units[u].text;
        let text = title::status_prefix(text).map_or(text.as_str(), |(t, ..)| t);
        title::clean(text).into_owned()
    }

    /// True when the unit's own lines hold nothing but blank lines and metadata before
    /// its first sub-unit.
    fn no_lines_before_children(&self, u: usize) -> bool {
        self.units[u].body(self.units).all(|i| {
            let line = self.outline.line(i);
            line.is_blank() || line.kind() == Kind::Meta
        })
    }

    /// The first sub-unit of `u` when it comes right under `u`'s heading and names
    /// `u`'s speakers ("### Ada Quist", "##Ines Duarte and Tomas Berg").
    fn speaker_heading(&self, u: usize) -> Option<usize> {
        let &first = self.units[u].children.first()?;
        (self.units[first].form == Form::Heading
            && self.no_lines_before_children(u)
            && people::from_sub_heading(&self.units[first].text, true).is_some())
        .then_some(first)
    }

    /// A strong sign that the unit is a talk, and what it is.
    fn talk(&self, u: usize) -> Option<&'static str> {
        let unit = &self.units[u];
        match unit.form {
            Form::Block { .. } => return Some("it is a schedule block with its speaker"),
            Form::Chunk => return Some("it starts a part between rules under lightning talks"),
            Form::Numbered => return Some("it is a numbered item over notes"),
            Form::Heading | Form::TitleLine => {}
        }
        let text = self.cleaned(u);
        if heading::talk_label(&text).is_some() {
            return Some("its label says it is a talk");
        }
        if heading::session_code(&text) {
            return Some("it starts with a session code");
        }
        if !byline(&text).speakers.is_empty() {
            return Some("its heading names a speaker");
        }
        let body = unit.body(self.units);
        if !people::from_lines(self.outline, body.clone(), body).is_empty() {
            return Some("the line under its heading names a speaker");
        }
        if self.speaker_heading(u).is_some() {
            return Some("the heading under it names the speaker");
        }
        None
    }

    /// The role `--session-level N` gives each unit.
    fn by_level(&self, level: u8) -> Vec<Decision> {
        let title = self.title().filter(|t| self.units[t.unit].level < level);
        self.units
            .iter()
            .enumerate()
            .map(|(u, unit)| {
                if unit.form != Form::Heading {
                    return Decision::new(Role::Part, Why::Told);
                }
                if title.is_some_and(|t| t.unit == u) {
                    return Decision::new(Role::Title, Why::Told);
                }
                match unit.level.cmp(&level) {
                    std::cmp::Ordering::Equal => Decision::new(Role::Session, Why::Told),
                    std::cmp::Ordering::Greater => Decision::new(Role::Part, Why::Told),
                    std::cmp::Ordering::Less => match day_heading(&unit.text) {
                        Some(day) => Decision::new(Role::Day(day), Why::Day),
                        None => Decision::new(Role::Group { lightning: false }, Why::Told),
                    },
                }
            })
            .collect()
    }

    /// The file is one talk: its only top heading names a speaker (in itself or right
    /// under it), does not name an event, and nothing under it looks like a talk.
    fn one_talk(&self) -> Option<&'static str> {
        let top = &self.units[0];
        let alone = self.units[1..].iter().all(|u| u.parent.is_some());
        if top.form != Form::Heading || !alone || self.fixed(0).is_some() {
            return None;
        }
        if heading::names_event(&top.text) || self.syntax == Syntax::TaskPaper {
            return None;
        }
        let labelled = top
            .children
            .first()
            .is_some_and(|&c| speaker_label(&self.units[c].text).is_some());
        // The talk's notes start right under its heading, unless the heading says
        // "Title by Name" or a speaker line is under it: a heading that only names a
        // speaker otherwise ("Notes - Ann Lee") may be the author's, over the talks.
        let body = top.body(self.units);
        let speaker_lines = people::from_lines(self.outline, body.clone(), body.clone());
        let notes = body
            .filter(|&i| {
                let line = self.outline.line(i);
                !line.is_blank() && line.kind() != Kind::Meta
            })
            .count();
        let text = self.cleaned(0);
        if !labelled && !says_by_name(&text) && speaker_lines.is_empty() && notes == 0 {
            return None;
        }
        let why = if labelled {
            "a `Speaker:` heading right under it names the speaker"
        } else if !byline(&text).speakers.is_empty() {
            "its heading names the speaker"
        } else {
            if speaker_lines.is_empty() {
                return None;
            }
            "the line under its heading names the speaker"
        };
        // A `Speaker:` heading is the talk's own; any other fixed role is not.
        let fixed_below = |u: usize| self.fixed(u).is_some_and(|d| d.why != Why::SpeakerLabel);
        let talks_below = (1..self.units.len()).any(|u| self.talk(u).is_some() || fixed_below(u));
        (!talks_below).then_some(why)
    }

    /// The document title: the first heading of level 1 when no other heading is of
    /// level 1 (v1), or a first heading that names the event or the notes: over the
    /// talks ("Rustfest 2019, Day Two"), or beside them ("Meetup notes.") with a
    /// short header of its own. Not a day heading, not in TaskPaper.
    fn title(&self) -> Option<Title> {
        if self.syntax == Syntax::TaskPaper || self.units.len() < 2 {
            return None;
        }
        let first = &self.units[0];
        if first.form != Form::Heading || self.fixed(0).is_some() {
            return None;
        }
        let only_level_one = first.level == 1
            && self.units[1..]
                .iter()
                .all(|u| u.form != Form::Heading || u.level > 1);
        if only_level_one {
            return Some(Title {
                unit: 0,
                header: false,
                why: "the only level-1 heading, at the top",
            });
        }
        let names_event =
            heading::names_event(&first.text) && byline(&self.cleaned(0)).speakers.is_empty();
        if !names_event {
            return None;
        }
        // Over all the other headings, it is the title whatever its level; beside them,
        // its own lines are a short header (a date, the author), three headings at most.
        let siblings = self.units[1..].iter().any(|u| u.parent.is_none());
        let descendants = self.units[1..]
            .iter()
            .take_while(|u| u.line < first.end)
            .count();
        (!siblings || descendants <= 3).then_some(Title {
            unit: 0,
            header: siblings,
            why: if siblings {
                "it names the event and the talks follow it"
            } else {
                "it names the event, over all the other headings"
            },
        })
    }

    /// A heading over separately headed talks: a lightning-talks heading with two
    /// sub-units or more, or one whose words name a group of talks.
    fn group(&self, u: usize) -> Option<Decision> {
        let unit = &self.units[u];
        if unit.children.is_empty() || unit.form != Form::Heading {
            return None;
        }
        if heading::is_lightning_talks(&unit.text) && unit.children.len() >= 2 {
            let n = unit.children.len();
            return Some(Decision::new(
                Role::Group { lightning: true },
                Why::Lightning(n),
            ));
        }
        (heading::is_group(&unit.text) && self.talk(u).is_none())
            .then(|| Decision::new(Role::Group { lightning: false }, Why::GroupWords))
    }

    /// A general section by its words, or with only a checklist under it.
    fn section(&self, u: usize) -> Option<Decision> {
        let unit = &self.units[u];
        let stand_in = unit.form != Form::Heading;
        if heading::is_section(&unit.text) && (stand_in || self.talk(u).is_none()) {
            return Some(Decision::new(Role::Section, Why::SectionWords));
        }
        if stand_in {
            return None;
        }
        if units::only_checklist(self.outline, self.units, u) && unit.children.is_empty() {
            return Some(Decision::new(Role::Section, Why::NoNotes("a checklist")));
        }
        None
    }

    /// A bold line read as a heading (Markdown) with nothing under it: emphasis, such as
    /// a subtitle under the title, not a session.
    fn emphasis_line(&self, u: usize) -> bool {
        let unit = &self.units[u];
        let raw = self.outline.content(unit.line);
        unit.form == Form::Heading
            && self.syntax == Syntax::Markdown
            && (raw.starts_with(b"**") || raw.starts_with(b"__"))
            && unit.children.is_empty()
            && unit.body(self.units).all(|i| {
                let line = self.outline.line(i);
                line.is_blank() || line.kind() == Kind::Meta
            })
    }

    /// A heading under which most sub-units look like talks (not counting the parts of
    /// a talk): two or more, at least half. Stand-ins and day headings under it count
    /// at once.
    fn holds_talks(&self, u: usize) -> Option<Why> {
        let unit = &self.units[u];
        if unit.children.is_empty() || self.talk(u).is_some() {
            return None;
        }
        let stand_ins = unit
            .children
            .iter()
            .filter(|&&c| self.units[c].form != Form::Heading)
            .count();
        if stand_ins > 0 {
            return Some(Why::TalksUnder(stand_ins));
        }
        if unit.children.iter().any(|&c| self.is_day(c)) {
            return Some(Why::DaysUnder);
        }
        let speaker = self.speaker_heading(u);
        let candidates: Vec<usize> = unit
            .children
            .iter()
            .copied()
            .filter(|&c| {
                Some(c) != speaker
                    && !heading::is_part(&self.units[c].text)
                    && !heading::is_dialogue(&self.units[c].text)
            })
            .collect();
        let talks = candidates
            .iter()
            .filter(|&&c| self.talk(c).is_some())
            .count();
        (talks >= 2 && talks * 2 >= candidates.len()).then_some(Why::TalksUnder(talks))
    }

    /// Gives roles to `children` (units under no session) and, through them, to what
    /// is under them.
    fn assign(&self, children: &[usize], title: Option<Title>, decisions: &mut [Decision]) {
        let group_beside = children.iter().any(|&c| self.group(c).is_some())
            && children.iter().any(|&c| self.section(c).is_some());
        // Days over their talks: a day heading beside sessions (as an export writes
        // them) holds nothing, and the prose beside it may be a talk's notes.
        let first_day = children
            .iter()
            .position(|&c| self.is_day(c) && !self.units[c].children.is_empty());
        for (i, &c) in children.iter().enumerate() {
            let unit = &self.units[c];
            if let Some(decision) = self.fixed(c) {
                let container = matches!(
                    decision.role,
                    Role::Day(_) | Role::Wishlist | Role::Separator
                );
                decisions[c] = decision;
                if container {
                    self.assign(&unit.children, None, decisions);
                }
                continue;
            }
            if let Some(t) = title.filter(|t| t.unit == c) {
                decisions[c] = Decision::new(Role::Title, Why::Title(t.why));
                if t.header {
                    // Where days head the talks that follow, a header's notes are about
                    // the event ("Goals for this year").
                    let days_follow = self
                        .units
                        .iter()
                        .enumerate()
                        .any(|(d, unit)| unit.parent.is_none() && self.is_day(d));
                    self.header(c, days_follow, decisions);
                } else {
                    self.assign(&unit.children, None, decisions);
                }
                continue;
            }
            if let Some(decision) = self.group(c) {
                decisions[c] = decision;
                self.assign(&unit.children, None, decisions);
                continue;
            }
            if let Some(decision) = self.section(c) {
                decisions[c] = decision;
                continue;
            }
            if self.emphasis_line(c) {
                decisions[c] = Decision::new(Role::Section, Why::Emphasis);
                continue;
            }
            if group_beside && self.talk(c).is_none() {
                decisions[c] = Decision::new(Role::Section, Why::BesideGroup);
                continue;
            }
            let before_days = first_day.is_some_and(|d| i < d);
            if before_days && self.only_prose(c) && self.talk(c).is_none() {
                decisions[c] = Decision::new(Role::Section, Why::ProseBesideDays);
                continue;
            }
            if let Some(why) = self.holds_talks(c) {
                decisions[c] = Decision::new(Role::Group { lightning: false }, why);
                self.assign(&unit.children, None, decisions);
                continue;
            }
            let why = self.talk(c).unwrap_or(if self.no_lines_before_children(c) {
                "a heading under no session"
            } else {
                "a heading with notes under no session"
            });
            decisions[c] = Decision::new(Role::Session, Why::Talk(why));
        }
    }

    /// The title's own lines are the document's header: its day headings count, and a
    /// heading in it is a session only when it looks like a talk or holds notes that
    /// are not a general section's or a part's ("## Pandas internals" over bullets,
    /// before a second top heading); the rest ("## Date", "## Attendees") is header.
    /// With `days_follow` (days head the talks after the title), only the shape of a
    /// talk makes one of them a talk.
    fn header(&self, u: usize, days_follow: bool, decisions: &mut [Decision]) {
        for &c in &self.units[u].children {
            // A heading that is only a name is the author's, in a header.
            let a_name = people::from_sub_heading(&self.units[c].text, false).is_some();
            let own_notes = !days_follow && self.holds_own_notes(c);
            if !a_name && (self.talk(c).is_some() || own_notes) {
                self.assign(&[c], None, decisions);
                continue;
            }
            decisions[c] = match self.fixed(c) {
                Some(
                    d @ Decision {
                        role: Role::Day(_), ..
                    },
                ) => d,
                _ => Decision::new(Role::Part, Why::Header),
            };
            self.header(c, days_follow, decisions);
        }
    }

    /// True when the unit is a day heading.
    fn is_day(&self, u: usize) -> bool {
        matches!(
            self.fixed(u),
            Some(Decision {
                role: Role::Day(_),
                ..
            })
        )
    }

    /// A heading with nothing under it but paragraphs of prose: no sub-heading, no
    /// bullet, no code, and at least one line that ends a sentence.
    fn only_prose(&self, u: usize) -> bool {
        let unit = &self.units[u];
        let mut sentence = false;
        let prose = unit.form == Form::Heading
            && unit.children.is_empty()
            && unit.body(self.units).all(|i| {
                let line = self.outline.line(i);
                let text = self.outline.text(i);
                sentence |= text.trim_end().ends_with(['.', '!', '?']);
                line.is_blank()
                    || line.kind() == Kind::Meta
                    || (line.kind() == Kind::Text && line.column() == 0 && !line.is_code())
            });
        prose && sentence
    }

    /// A heading with notes of its own (bullets, or two lines or more: one line is a
    /// header's name or date) that no rule gives another role: not a day, a section or
    /// a part of a talk, and not the metadata of a header ("Date: …").
    fn holds_own_notes(&self, u: usize) -> bool {
        let unit = &self.units[u];
        let text = self.cleaned(u);
        let mut lines = unit
            .body(self.units)
            .map(|i| self.outline.line(i))
            .filter(|line| !line.is_blank() && line.kind() != Kind::Meta);
        let first = lines.next();
        let notes = first.is_some_and(|line| matches!(line.kind(), Kind::Bullet(_)))
            || lines.next().is_some();
        unit.form == Form::Heading
            && notes
            && self.fixed(u).is_none()
            && self.section(u).is_none()
            && !heading::is_part(&text)
            && !text.contains(':')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// The titles of the sessions of Markdown `src`.
    fn sessions(src: &str) -> Vec<String> {
        let doc = Document::parse_as(src.as_bytes(), Syntax::Markdown);
        doc.sessions()
            .iter()
            .map(|s| s.title().to_string())
            .collect()
    }

    #[test]
    fn by_name_is_a_speaker_after_by() {
        assert!(says_by_name("Making Wasm fast by Ruth Okoye"));
        assert!(!says_by_name("Making Wasm fast - Ruth Okoye"));
        assert!(!says_by_name("Stand by your tests"));
    }

    #[test]
    fn a_talk_over_its_parts_is_one_session() {
        let parts = "## Why\n\n- a\n\n## How\n\n- b\n";
        for top in [
            "# Fast Wasm by Ruth Okoye\n\n",
            "# Fast Wasm\n\nby Ruth Okoye\n\n",
        ] {
            assert_eq!(sessions(&format!("{top}{parts}")), ["Fast Wasm"], "{top}");
        }
        // Notes under a dash heading make it the talk; without them it is over talks.
        assert_eq!(
            sessions(&format!("# Fast Wasm - Ruth Okoye\n\n- intro\n\n{parts}")),
            ["Fast Wasm"]
        );
        assert_eq!(
            sessions(&format!("# Field notes - Ruth Okoye\n\n{parts}")),
            ["Why", "How"]
        );
        // A talk below means the top heading is not one.
        assert_eq!(
            sessions("# Wasm by Ruth Okoye\n\n## Tiers - Bo Li\n\n- a\n\n## GC - Cy Dunn\n\n- b\n"),
            ["Tiers", "GC"]
        );
    }

    #[test]
    fn a_header_keeps_its_talks_and_drops_its_metadata() {
        let src = "# RustConf 2023\n\n## Date: 12 May\n\n## Ann Lee\n\n@annlee\n\n\
                   ## Borrowing\n\n- regions\n\n# Afternoon\n\n## Async\n\n- tasks\n";
        assert_eq!(sessions(src), ["Borrowing", "Async"]);
        let src = "# Meetup notes\n## Written by\nAnn\n# Borrowing - Ann Lee\n- x\n";
        assert_eq!(sessions(src), ["Borrowing"]);
        // With days heading the talks, a header's notes are about the event.
        let src = "# PyCon 2023\n## Goals\n- learn\n# Thursday\n## Async - Bo Li\n- x\n";
        assert_eq!(sessions(src), ["Async"]);
    }

    #[test]
    fn groups_sections_and_talks_by_what_is_under_them() {
        let src = "# Notes\n\n## Introduction\n\nWhy I went.\n\n## Keynotes\n\n\
                   ### Opening - Ann Lee\n\n- a\n\n### Closing - Bo Li\n\n- b\n\n\
                   ## Morning\n\n### Tiers - Cy Dunn\n\n- c\n\n### GC - Di Wu\n\n- d\n";
        assert_eq!(sessions(src), ["Opening", "Closing", "Tiers", "GC"]);
    }

    #[test]
    fn prose_beside_days_is_a_section_and_a_talk_is_not() {
        let days = "## Day 1\n\n### Tiers\n\n- a\n\n## Day 2\n\n### GC\n\n- b\n";
        let prose = "## Our week\n\nAn old factory. Good lunch.\n\n";
        assert_eq!(
            sessions(&format!("# Conf\n\n{prose}{days}")),
            ["Tiers", "GC"]
        );
        // After the first day, prose beside the days is a talk's notes.
        assert_eq!(
            sessions(&format!("# Conf\n\n{days}{prose}")),
            ["Tiers", "GC", "Our week"]
        );
        // Bullets, or a line that ends no sentence, are a talk's notes.
        let notes = "## Our week\n\n- an old factory\n\n";
        assert_eq!(
            sessions(&format!("# Conf\n\n{notes}{days}")),
            ["Our week", "Tiers", "GC"]
        );
        // Beside days that hold no talks, or none, prose under a heading is notes.
        let flat = "## Day 1\n\n## Our week\n\nAn old factory. Good lunch.\n";
        assert_eq!(sessions(&format!("# Conf\n\n{flat}")), ["Our week"]);
        assert_eq!(
            sessions(&format!("# Conf\n\n{prose}## GC\n\n- b\n")),
            ["Our week", "GC"]
        );
    }

    #[test]
    fn a_bold_line_alone_is_emphasis() {
        assert_eq!(
            sessions("# Conf\n\n**a subtitle**\n\n## Talk\n\n- a\n"),
            ["Talk"]
        );
    }
}
