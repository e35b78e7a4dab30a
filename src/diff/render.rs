//! Writing a list diff: for a terminal (coloured, character-level marks),
//! as Markdown for a pull-request comment, and as counts.

use super::{DiffStat, FieldChange, ItemChange, ListDiff};
use crate::i18n::Lang;
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

fn kinds(changes: &[ItemChange], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    changes
        .iter()
        .map(|c| match (c, zh) {
            (ItemChange::Added, false) => "added",
            (ItemChange::Removed, false) => "removed",
            (ItemChange::Renamed, false) => "renamed",
            (ItemChange::Recoded, false) => "recoded",
            (ItemChange::Retyped, false) => "retyped",
            (ItemChange::Moved, false) => "moved",
            (ItemChange::Changed, false) => "changed",
            (ItemChange::Added, true) => "新增",
            (ItemChange::Removed, true) => "删除",
            (ItemChange::Renamed, true) => "改名",
            (ItemChange::Recoded, true) => "改编码",
            (ItemChange::Retyped, true) => "改类型",
            (ItemChange::Moved, true) => "移动",
            (ItemChange::Changed, true) => "修改",
        })
        .collect::<Vec<_>>()
        .join(if zh { "、" } else { ", " })
}

/// For a terminal: items grouped under their code and name.
pub fn render_human(d: &ListDiff, color: bool, lang: Lang) -> String {
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
        let _ = writeln!(out, "\n{b}{} {}{r} {dim}({}){r}", item.code, item.name, kinds(&item.changes, lang));
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
pub fn render_markdown(d: &ListDiff, stat: &DiffStat, lang: Lang) -> String {
    let (added, removed) = if lang == Lang::Zh { ("新增", "删除") } else { ("added", "removed") };
    let marks = Marks { del: ("~~", "~~"), ins: ("**", "**") };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### qingdan diff{}",
        if d.new_name.is_empty() { String::new() } else { format!(": `{}`", d.new_name) }
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", stat_line(stat, lang));
    for item in &d.items {
        let _ = writeln!(out, "\n#### `{}` {} ({})\n", item.code, item.name, kinds(&item.changes, lang));
        for f in &item.fields {
            match f {
                FieldChange::Text { field, old, new } => {
                    let _ = writeln!(out, "- **{field}**: {}", inline(old, new, &marks));
                }
                FieldChange::Added { field, entry } => {
                    let _ = writeln!(out, "- **{field}** {added}: {entry}");
                }
                FieldChange::Removed { field, entry } => {
                    let _ = writeln!(out, "- **{field}** {removed}: ~~{entry}~~");
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

fn stat_line(s: &DiffStat, lang: Lang) -> String {
    let (a, rm, rn, rc, rt, mv, ch, un) =
        (s.added, s.removed, s.renamed, s.recoded, s.retyped, s.moved, s.changed, s.unchanged);
    crate::tr!(
        "{a} added, {rm} removed, {rn} renamed, {rc} recoded, {rt} retyped, {mv} moved, {ch} changed, {un} unchanged",
        "新增 {a} 项，删除 {rm} 项，改名 {rn} 项，改编码 {rc} 项，改类型 {rt} 项，移动 {mv} 项，修改 {ch} 项，未变 {un} 项"
    )
    .get(lang)
    .to_owned()
}

/// Counts only.
pub fn render_stat(d: &ListDiff, s: &DiffStat, lang: Lang) -> String {
    let name = if d.new_name.is_empty() { String::new() } else { format!("{}: ", d.new_name) };
    format!("{name}{}\n", stat_line(s, lang))
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
