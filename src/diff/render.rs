//! Writing a list diff: for a terminal (coloured, character-level marks),
//! as Markdown for a pull-request comment, and as counts.

use super::{DiffStat, FieldChange, ItemChange, ListDiff};
use similar::{ChangeTag, TextDiff};
use std::fmt::Write as _;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Marks for deleted and inserted runs of characters.
struct Marks {
    del: (&'static str, &'static str),
    ins: (&'static str, &'static str),
}

/// `old` → `new` in one line, changed characters marked.
fn inline(old: &str, new: &str, m: &Marks) -> String {
    let diff = TextDiff::from_chars(old, new);
    let mut out = String::new();
    let mut current: Option<ChangeTag> = None;
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        if current != Some(tag) {
            match current {
                Some(ChangeTag::Delete) => out.push_str(m.del.1),
                Some(ChangeTag::Insert) => out.push_str(m.ins.1),
                _ => {}
            }
            match tag {
                ChangeTag::Delete => out.push_str(m.del.0),
                ChangeTag::Insert => out.push_str(m.ins.0),
                ChangeTag::Equal => {}
            }
            current = Some(tag);
        }
        out.push_str(change.value());
    }
    match current {
        Some(ChangeTag::Delete) => out.push_str(m.del.1),
        Some(ChangeTag::Insert) => out.push_str(m.ins.1),
        _ => {}
    }
    out
}

fn kinds(changes: &[ItemChange]) -> String {
    changes
        .iter()
        .map(|c| match c {
            ItemChange::Added => "added",
            ItemChange::Removed => "removed",
            ItemChange::Renamed => "renamed",
            ItemChange::Recoded => "recoded",
            ItemChange::Retyped => "retyped",
            ItemChange::Moved => "moved",
            ItemChange::Changed => "changed",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// For a terminal: items grouped under their code and name.
pub fn render_human(d: &ListDiff, color: bool) -> String {
    let marks = if color {
        Marks { del: (RED, RESET), ins: (GREEN, RESET) }
    } else {
        Marks { del: ("[-", "-]"), ins: ("{+", "+}") }
    };
    let (b, r, dim, red, green) = if color { (BOLD, RESET, DIM, RED, GREEN) } else { ("", "", "", "", "") };
    let mut out = String::new();
    if !d.old_name.is_empty() || !d.new_name.is_empty() {
        let _ = writeln!(out, "{b}--- {}{r}\n{b}+++ {}{r}", d.old_name, d.new_name);
    }
    for item in &d.items {
        let _ = writeln!(out, "\n{b}{} {}{r} {dim}({}){r}", item.code, item.name, kinds(&item.changes));
        for f in &item.fields {
            match f {
                FieldChange::Text { field, old, new } => {
                    let _ = writeln!(out, "  {field}: {}", inline(old, new, &marks));
                }
                FieldChange::Added { field, entry } => {
                    let _ = writeln!(out, "  {green}+ {field}: {entry}{r}");
                }
                FieldChange::Removed { field, entry } => {
                    let _ = writeln!(out, "  {red}- {field}: {entry}{r}");
                }
                FieldChange::Articles { field, title, old, new } => {
                    let _ = writeln!(out, "  {field}《{title}》: {}", inline(&old.join("、"), &new.join("、"), &marks));
                }
            }
        }
    }
    out
}

/// Markdown, ready to paste as a pull-request comment.
pub fn render_markdown(d: &ListDiff, stat: &DiffStat) -> String {
    let marks = Marks { del: ("~~", "~~"), ins: ("**", "**") };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### qingdan diff{}",
        if d.new_name.is_empty() { String::new() } else { format!(": `{}`", d.new_name) }
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", stat_line(stat));
    for item in &d.items {
        let _ = writeln!(out, "\n#### `{}` {} ({})\n", item.code, item.name, kinds(&item.changes));
        for f in &item.fields {
            match f {
                FieldChange::Text { field, old, new } => {
                    let _ = writeln!(out, "- **{field}**: {}", inline(old, new, &marks));
                }
                FieldChange::Added { field, entry } => {
                    let _ = writeln!(out, "- **{field}** added: {entry}");
                }
                FieldChange::Removed { field, entry } => {
                    let _ = writeln!(out, "- **{field}** removed: ~~{entry}~~");
                }
                FieldChange::Articles { field, title, old, new } => {
                    let _ = writeln!(
                        out,
                        "- **{field}** 《{title}》: {}",
                        inline(&old.join("、"), &new.join("、"), &marks)
                    );
                }
            }
        }
    }
    out
}

fn stat_line(s: &DiffStat) -> String {
    format!(
        "{} added, {} removed, {} renamed, {} recoded, {} retyped, {} moved, {} changed, {} unchanged",
        s.added, s.removed, s.renamed, s.recoded, s.retyped, s.moved, s.changed, s.unchanged
    )
}

/// Counts only.
pub fn render_stat(d: &ListDiff, s: &DiffStat) -> String {
    let name = if d.new_name.is_empty() { String::new() } else { format!("{}: ", d.new_name) };
    format!("{name}{}\n", stat_line(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_level_marks() {
        let m = Marks { del: ("[-", "-]"), ins: ("{+", "+}") };
        assert_eq!(
            inline("对骗取医疗保险基金的处罚", "对骗取医疗保障基金的处罚", &m),
            "对骗取医疗保[-险-]{+障+}基金的处罚"
        );
    }
}
