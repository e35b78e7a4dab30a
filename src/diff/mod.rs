//! `diff`: what changed between two versions of a list, item by item.
//!
//! Items are matched by code, then, for items whose code changed, by name.
//! Text is compared character by character (what works for Chinese),
//! citations as sets, tiers and duties entry by entry.

mod render;

pub use render::{render_human, render_markdown, render_stat};

use crate::model::{Citation, ExtraCell, Item, List, Tier};
use serde::Serialize;
use std::collections::HashMap;

/// What happened to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ItemChange {
    /// In the new list only.
    Added,
    /// In the old list only.
    Removed,
    /// Its name changed.
    Renamed,
    /// Its code changed.
    Recoded,
    /// Its type changed.
    Retyped,
    /// It moved: another section, or another place among the items.
    Moved,
    /// Something else in it changed.
    Changed,
}

/// One change inside a matched item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldChange {
    /// A text field changed.
    Text {
        /// The field (`item`, `tier[0].scope`, `legal_basis[社会保险法].text` …).
        field: String,
        /// Before.
        old: String,
        /// After.
        new: String,
    },
    /// A citation or entry was added.
    Added {
        /// `legal_basis`, `liability`, `tier[市].duties` …
        field: String,
        /// The entry, in words.
        entry: String,
    },
    /// A citation or entry was removed.
    Removed {
        /// Where.
        field: String,
        /// The entry, in words.
        entry: String,
    },
    /// The same instrument is cited for other articles.
    Articles {
        /// Where.
        field: String,
        /// The instrument.
        title: String,
        /// Articles before.
        old: Vec<String>,
        /// Articles after.
        new: Vec<String>,
    },
}

/// The changes of one item.
#[derive(Debug, Clone, Serialize)]
pub struct ItemDiff {
    /// Index in the old list.
    pub old: Option<usize>,
    /// Index in the new list.
    pub new: Option<usize>,
    /// The code (the new one when it changed).
    pub code: String,
    /// The name (the new one when it changed).
    pub name: String,
    /// What happened to it.
    pub changes: Vec<ItemChange>,
    /// The field changes.
    pub fields: Vec<FieldChange>,
}

/// The changes between two lists.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListDiff {
    /// Name of the old list.
    pub old_name: String,
    /// Name of the new list.
    pub new_name: String,
    /// Changed, added and removed items, in the new list's order (removed items where they stood).
    pub items: Vec<ItemDiff>,
}

/// Counts of changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DiffStat {
    /// Items added.
    pub added: usize,
    /// Items removed.
    pub removed: usize,
    /// Items renamed.
    pub renamed: usize,
    /// Items recoded.
    pub recoded: usize,
    /// Items retyped.
    pub retyped: usize,
    /// Items moved.
    pub moved: usize,
    /// Items with any other change.
    pub changed: usize,
    /// Items the same in both.
    pub unchanged: usize,
}

impl ListDiff {
    /// Whether anything differs.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Counts.
    pub fn stat(&self, total_matched: usize) -> DiffStat {
        let mut s = DiffStat::default();
        for i in &self.items {
            for c in &i.changes {
                match c {
                    ItemChange::Added => s.added += 1,
                    ItemChange::Removed => s.removed += 1,
                    ItemChange::Renamed => s.renamed += 1,
                    ItemChange::Recoded => s.recoded += 1,
                    ItemChange::Retyped => s.retyped += 1,
                    ItemChange::Moved => s.moved += 1,
                    ItemChange::Changed => s.changed += 1,
                }
            }
        }
        s.unchanged =
            total_matched.saturating_sub(self.items.iter().filter(|i| i.old.is_some() && i.new.is_some()).count());
        s
    }
}

/// Character-bigram Dice similarity of two texts, 0 to 1.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let c: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        let mut v: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
        if v.is_empty() {
            v.extend(c.first().map(|&x| (x, x)));
        }
        v.sort_unstable();
        v
    };
    let (x, y) = (grams(a), grams(b));
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    let n = crate::text::count_shared(&x, &y);
    2.0 * n as f64 / (x.len() + y.len()) as f64
}

/// Least similarity for items matched by name when their codes differ.
const NAME_MATCH: f64 = 0.6;

/// Pairs old and new items: by code, then by name.
fn match_items(old: &List, new: &List) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut new_by_code: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (j, it) in new.items.iter().enumerate() {
        if !it.code.is_empty() {
            new_by_code.entry((&*it.code, &*it.sub_code)).or_default().push(j);
        }
    }
    let mut used_new = vec![false; new.items.len()];
    let mut used_old = vec![false; old.items.len()];
    for (i, it) in old.items.iter().enumerate() {
        if let Some(js) = new_by_code.get_mut(&(&*it.code, &*it.sub_code)) {
            if let Some(pos) = js.iter().position(|&j| !used_new[j]) {
                let j = js[pos];
                used_new[j] = true;
                used_old[i] = true;
                pairs.push((i, j));
            }
        }
    }
    // Items whose code changed: the most alike names first.
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in old.items.iter().enumerate().filter(|(i, _)| !used_old[*i]) {
        for (j, b) in new.items.iter().enumerate().filter(|(j, _)| !used_new[*j]) {
            let s = text_similarity(&a.item, &b.item);
            if s >= NAME_MATCH {
                candidates.push((s, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j) in candidates {
        if !used_old[i] && !used_new[j] {
            used_old[i] = true;
            used_new[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_by_key(|p| p.1);
    pairs
}

/// Positions (into `pairs`, sorted by new index) that keep their relative
/// order: the longest increasing run of old indices. The others moved.
fn in_order(pairs: &[(usize, usize)]) -> Vec<bool> {
    let n = pairs.len();
    let mut tails: Vec<usize> = Vec::new(); // indices into pairs
    let mut prev = vec![usize::MAX; n];
    for k in 0..n {
        let v = pairs[k].0;
        let pos = tails.partition_point(|&t| pairs[t].0 < v);
        if pos > 0 {
            prev[k] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut keep = vec![false; n];
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        keep[k] = true;
        k = prev[k];
    }
    keep
}

/// The changes from `old` to `new`.
pub fn diff_lists(old: &List, new: &List) -> ListDiff {
    let pairs = match_items(old, new);
    let keep = in_order(&pairs);
    let mut out: Vec<ItemDiff> = Vec::new();
    let matched_old: Vec<bool> = {
        let mut v = vec![false; old.items.len()];
        for &(i, _) in &pairs {
            v[i] = true;
        }
        v
    };
    let matched_new: Vec<bool> = {
        let mut v = vec![false; new.items.len()];
        for &(_, j) in &pairs {
            v[j] = true;
        }
        v
    };
    let mut by_new: HashMap<usize, (usize, bool)> = HashMap::new();
    for (k, &(i, j)) in pairs.iter().enumerate() {
        by_new.insert(j, (i, keep[k]));
    }
    // Removed items are shown where they stood: before the first new item
    // matched to an old item after them.
    let mut removed: Vec<usize> = (0..old.items.len()).filter(|&i| !matched_old[i]).collect();
    removed.reverse();
    for (j, b) in new.items.iter().enumerate() {
        if let Some(&(i, _)) = by_new.get(&j) {
            while removed.last().is_some_and(|&r| r < i) {
                let r = removed.pop().expect("checked");
                out.push(removed_item(r, &old.items[r]));
            }
        }
        if !matched_new[j] {
            out.push(ItemDiff {
                old: None,
                new: Some(j),
                code: b.code.to_string(),
                name: b.item.to_string(),
                changes: vec![ItemChange::Added],
                fields: Vec::new(),
            });
            continue;
        }
        let (i, ordered) = by_new[&j];
        let a = &old.items[i];
        let mut changes = Vec::new();
        if a.item != b.item {
            changes.push(ItemChange::Renamed);
        }
        if a.code != b.code || a.sub_code != b.sub_code {
            changes.push(ItemChange::Recoded);
        }
        if a.kind != b.kind {
            changes.push(ItemChange::Retyped);
        }
        if a.section != b.section || !ordered {
            changes.push(ItemChange::Moved);
        }
        let fields = item_fields(a, b);
        let only_named_kinds = fields.iter().all(|f| matches!(f, FieldChange::Text { field, .. } if matches!(field.as_str(), "item" | "code" | "sub_code" | "type" | "section")));
        if !only_named_kinds {
            changes.push(ItemChange::Changed);
        }
        if !changes.is_empty() {
            out.push(ItemDiff {
                old: Some(i),
                new: Some(j),
                code: b.code.to_string(),
                name: b.item.to_string(),
                changes,
                fields,
            });
        }
    }
    while let Some(r) = removed.pop() {
        out.push(removed_item(r, &old.items[r]));
    }
    ListDiff { old_name: String::new(), new_name: String::new(), items: out }
}

fn removed_item(i: usize, a: &Item) -> ItemDiff {
    ItemDiff {
        old: Some(i),
        new: None,
        code: a.code.to_string(),
        name: a.item.to_string(),
        changes: vec![ItemChange::Removed],
        fields: Vec::new(),
    }
}

fn text(out: &mut Vec<FieldChange>, field: &str, a: &str, b: &str) {
    if a != b {
        out.push(FieldChange::Text { field: field.to_owned(), old: a.to_owned(), new: b.to_owned() });
    }
}

fn item_fields(a: &Item, b: &Item) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let seq = |s: Option<u64>| s.map(|v| v.to_string()).unwrap_or_default();
    text(&mut out, "seq", &seq(a.seq), &seq(b.seq));
    text(&mut out, "section", &a.section, &b.section);
    text(&mut out, "item", &a.item, &b.item);
    text(&mut out, "sub_item", &a.sub_item, &b.sub_item);
    text(&mut out, "code", &a.code, &b.code);
    text(&mut out, "sub_code", &a.sub_code, &b.sub_code);
    text(&mut out, "type", &a.kind, &b.kind);
    text(&mut out, "department", &a.department, &b.department);
    text(&mut out, "office", &a.office, &b.office);
    text(&mut out, "responsibility", &a.responsibility, &b.responsibility);
    citations(&mut out, "legal_basis", &a.legal_basis, &b.legal_basis);
    tiers(&mut out, &a.tier, &b.tier);
    text(&mut out, "liability_preamble", &a.liability_preamble, &b.liability_preamble);
    citations(&mut out, "liability", &a.liability, &b.liability);
    text(&mut out, "remarks", &a.remarks, &b.remarks);
    extra_cells(&mut out, &a.extra, &b.extra);
    let ignore = |v: &[crate::model::Text]| v.join(", ");
    text(&mut out, "ignore", &ignore(&a.ignore), &ignore(&b.ignore));
    out
}

fn bare_title<'a>(c: &'a Citation) -> &'a str {
    c.title.strip_prefix("中华人民共和国").unwrap_or(&c.title)
}

/// A citation in words, for added and removed entries.
pub fn describe_citation(c: &Citation) -> String {
    let mut s = String::new();
    if !c.tag.is_empty() {
        s.push_str(&format!("【{}】", c.tag));
    }
    if !c.title.is_empty() {
        s.push_str(&format!("《{}》", c.title));
    }
    if !c.doc_number.is_empty() {
        s.push_str(&format!("（{}）", c.doc_number));
    }
    s.push_str(&c.articles.join("、"));
    if c.title.is_empty() {
        s.push_str(&c.text);
    }
    s
}

/// Citations as sets: by instrument and articles; entries without a title by their text.
fn citations(out: &mut Vec<FieldChange>, field: &str, a: &[Citation], b: &[Citation]) {
    let key = |c: &Citation| {
        if c.title.is_empty() {
            format!("text:{}", c.text)
        } else {
            format!("{}|{}", bare_title(c), c.articles.join(","))
        }
    };
    let mut b_left: Vec<bool> = vec![true; b.len()];
    let mut a_left: Vec<bool> = vec![true; a.len()];
    // Same instrument and articles: compare the rest.
    for (i, ca) in a.iter().enumerate() {
        if let Some(j) = (0..b.len()).find(|&j| b_left[j] && key(&b[j]) == key(ca)) {
            b_left[j] = false;
            a_left[i] = false;
            let cb = &b[j];
            let label = if ca.title.is_empty() {
                format!("{field}[{}]", j)
            } else {
                format!("{field}《{}》{}", bare_title(cb), cb.articles.join("、"))
            };
            text(out, &format!("{label}.tag"), &ca.tag, &cb.tag);
            text(out, &format!("{label}.edition"), &ca.edition, &cb.edition);
            text(out, &format!("{label}.doc_number"), &ca.doc_number, &cb.doc_number);
            if !ca.title.is_empty() {
                text(out, &format!("{label}.text"), &ca.text, &cb.text);
            }
        }
    }
    // Same instrument, other articles.
    for (i, ca) in a.iter().enumerate() {
        if !a_left[i] || ca.title.is_empty() {
            continue;
        }
        if let Some(j) =
            (0..b.len()).find(|&j| b_left[j] && !b[j].title.is_empty() && bare_title(&b[j]) == bare_title(ca))
        {
            b_left[j] = false;
            a_left[i] = false;
            out.push(FieldChange::Articles {
                field: field.to_owned(),
                title: bare_title(ca).to_owned(),
                old: ca.articles.iter().map(|a| a.to_string()).collect(),
                new: b[j].articles.iter().map(|a| a.to_string()).collect(),
            });
            text(out, &format!("{field}《{}》.text", bare_title(ca)), &ca.text, &b[j].text);
        }
    }
    // Untitled entries changed in place: pair by similarity.
    for (i, ca) in a.iter().enumerate() {
        if !a_left[i] || !ca.title.is_empty() {
            continue;
        }
        if let Some(j) = (0..b.len())
            .filter(|&j| b_left[j] && b[j].title.is_empty())
            .max_by(|&x, &y| text_similarity(&ca.text, &b[x].text).total_cmp(&text_similarity(&ca.text, &b[y].text)))
        {
            if text_similarity(&ca.text, &b[j].text) >= 0.5 {
                b_left[j] = false;
                a_left[i] = false;
                text(out, &format!("{field}[{j}]"), &ca.text, &b[j].text);
            }
        }
    }
    for (_, ca) in a.iter().enumerate().filter(|(i, _)| a_left[*i]) {
        out.push(FieldChange::Removed { field: field.to_owned(), entry: describe_citation(ca) });
    }
    for (_, cb) in b.iter().enumerate().filter(|(j, _)| b_left[*j]) {
        out.push(FieldChange::Added { field: field.to_owned(), entry: describe_citation(cb) });
    }
}

/// Cells of other columns, matched by header and level (the n-th cell
/// under a header and level with the n-th): a changed text is an edit, an
/// unmatched cell is added or removed.
fn extra_cells(out: &mut Vec<FieldChange>, a: &[ExtraCell], b: &[ExtraCell]) {
    let same_place = |x: &ExtraCell, y: &ExtraCell| x.header == y.header && x.level == y.level;
    let nth = |cells: &[ExtraCell], k: usize| cells[..k].iter().filter(|c| same_place(c, &cells[k])).count();
    let label =
        |c: &ExtraCell| if c.level.is_empty() { c.header.to_string() } else { format!("{}[{}]", c.header, c.level) };
    let mut b_left = vec![true; b.len()];
    for (i, ca) in a.iter().enumerate() {
        let n = nth(a, i);
        match (0..b.len()).find(|&j| b_left[j] && same_place(&b[j], ca) && nth(b, j) == n) {
            Some(j) => {
                b_left[j] = false;
                text(out, &format!("extra.{}", label(ca)), &ca.text, &b[j].text);
            }
            None => {
                out.push(FieldChange::Removed { field: "extra".into(), entry: format!("{}：{}", label(ca), ca.text) })
            }
        }
    }
    for (_, cb) in b.iter().enumerate().filter(|&(j, _)| b_left[j]) {
        out.push(FieldChange::Added { field: "extra".into(), entry: format!("{}：{}", label(cb), cb.text) });
    }
}

/// Tiers entry by entry, matched by level.
fn tiers(out: &mut Vec<FieldChange>, a: &[Tier], b: &[Tier]) {
    let label =
        |t: &Tier, k: usize| if t.level.is_empty() { format!("tier[{k}]") } else { format!("tier[{}]", t.level) };
    let mut b_left = vec![true; b.len()];
    for (i, ta) in a.iter().enumerate() {
        let j = (0..b.len())
            .find(|&j| b_left[j] && b[j].level == ta.level)
            .or_else(|| (ta.level.is_empty() && i < b.len() && b_left[i]).then_some(i));
        let Some(j) = j else {
            out.push(FieldChange::Removed {
                field: "tier".into(),
                entry: if ta.level.is_empty() {
                    ta.scope.to_string()
                } else {
                    format!("{}级：{}", ta.level, ta.scope)
                },
            });
            continue;
        };
        b_left[j] = false;
        let tb = &b[j];
        let l = label(tb, j);
        text(out, &format!("{l}.scope"), &ta.scope, &tb.scope);
        // Duties in order: the same text is unchanged; a similar one is an edit.
        let da: Vec<String> = ta.duties.iter().map(|d| d.text.to_string()).collect();
        let db: Vec<String> = tb.duties.iter().map(|d| d.text.to_string()).collect();
        let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &da, &db);
        for op in ops {
            match op {
                similar::DiffOp::Equal { .. } => {}
                similar::DiffOp::Delete { old_index, old_len, .. } => {
                    for d in &da[old_index..old_index + old_len] {
                        out.push(FieldChange::Removed { field: format!("{l}.duties"), entry: d.clone() });
                    }
                }
                similar::DiffOp::Insert { new_index, new_len, .. } => {
                    for d in &db[new_index..new_index + new_len] {
                        out.push(FieldChange::Added { field: format!("{l}.duties"), entry: d.clone() });
                    }
                }
                similar::DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    let n = old_len.min(new_len);
                    for k in 0..n {
                        text(out, &format!("{l}.duties[{}]", new_index + k), &da[old_index + k], &db[new_index + k]);
                    }
                    for d in &da[old_index + n..old_index + old_len] {
                        out.push(FieldChange::Removed { field: format!("{l}.duties"), entry: d.clone() });
                    }
                    for d in &db[new_index + n..new_index + new_len] {
                        out.push(FieldChange::Added { field: format!("{l}.duties"), entry: d.clone() });
                    }
                }
            }
        }
    }
    for (_, tb) in b.iter().enumerate().filter(|(j, _)| b_left[*j]) {
        out.push(FieldChange::Added {
            field: "tier".into(),
            entry: if tb.level.is_empty() { tb.scope.to_string() } else { format!("{}级：{}", tb.level, tb.scope) },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Duty;

    fn item(code: &'static str, name: &'static str, kind: &'static str) -> Item<'static> {
        Item { item: name.into(), code: code.into(), kind: kind.into(), ..Default::default() }
    }

    fn list(items: Vec<Item<'static>>) -> List<'static> {
        List { qingdan: 1, items, ..Default::default() }
    }

    #[test]
    fn same_lists_have_no_diff() {
        let l = list(vec![item("1", "甲事项的处罚", "行政处罚")]);
        assert!(diff_lists(&l, &l).is_empty());
    }

    #[test]
    fn added_removed_renamed_recoded_retyped_moved() {
        let old = list(vec![
            item("1", "对骗取医疗保险基金支出的处罚", "行政处罚"),
            item("2", "医疗救助资金的拨付", "行政给付"),
            item("3", "医疗保险关系转入", "公共服务"),
            item("4", "已取消的事项", "行政确认"),
        ]);
        let new = list(vec![
            item("3", "医疗保险关系转入", "行政确认"),
            item("1", "对骗取医疗保障基金支出的处罚", "行政处罚"),
            item("9", "医疗救助资金的拨付", "行政给付"),
            item("5", "新增的事项", "公共服务"),
        ]);
        let d = diff_lists(&old, &new);
        let kinds =
            |code: &'static str| d.items.iter().find(|i| i.code == code).map(|i| i.changes.clone()).unwrap_or_default();
        assert!(kinds("1").contains(&ItemChange::Renamed));
        assert!(kinds("9").contains(&ItemChange::Recoded));
        assert!(kinds("3").contains(&ItemChange::Retyped));
        assert!(kinds("3").contains(&ItemChange::Moved) || kinds("1").contains(&ItemChange::Moved));
        assert_eq!(kinds("5"), vec![ItemChange::Added]);
        assert_eq!(kinds("4"), vec![ItemChange::Removed]);
    }

    #[test]
    fn other_columns_matched_by_header() {
        let cell =
            |h: &'static str, t: &'static str| ExtraCell { header: h.into(), text: t.into(), ..Default::default() };
        let mut a = item("1", "甲", "行政处罚");
        a.extra = vec![cell("办理时限", "90日"), cell("实施对象", "公民"), cell("办理时限", "60日")];
        let mut b = a.clone();
        b.extra = vec![cell("实施对象", "公民"), cell("办理时限", "30日"), cell("是否收费", "否")];
        let d = diff_lists(&list(vec![a]), &list(vec![b]));
        let f = &d.items[0].fields;
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(f.iter().any(|c| matches!(c, FieldChange::Text { field, old, new } if field == "extra.办理时限" && old == "90日" && new == "30日")));
        assert!(f.iter().any(|c| matches!(c, FieldChange::Removed { entry, .. } if entry == "办理时限：60日")));
        assert!(f.iter().any(|c| matches!(c, FieldChange::Added { entry, .. } if entry == "是否收费：否")));
        // A tier's own cell is matched by its level too.
        let tiered =
            |l: &'static str, t: &'static str| ExtraCell {
                header: "办理时限".into(), level: l.into(), text: t.into()
            };
        let mut a = item("1", "甲", "行政处罚");
        a.extra = vec![tiered("市", "5日"), tiered("县", "3日")];
        let mut b = a.clone();
        b.extra = vec![tiered("市", "5日"), tiered("县", "2日")];
        let d = diff_lists(&list(vec![a]), &list(vec![b]));
        let f = &d.items[0].fields;
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            matches!(&f[0], FieldChange::Text { field, old, new } if field == "extra.办理时限[县]" && old == "3日" && new == "2日")
        );
    }

    #[test]
    fn citations_as_sets() {
        let cite = |title: &'static str, art: &'static str| Citation {
            title: title.into(),
            articles: vec![art.into()],
            ..Default::default()
        };
        let mut a = item("1", "甲", "行政处罚");
        a.legal_basis = vec![cite("中华人民共和国社会保险法", "第八十七条"), cite("监察法", "第六十五条")];
        let mut b = a.clone();
        b.legal_basis = vec![cite("社会保险法", "第八十八条"), cite("医疗保障基金使用监督管理条例", "第三十七条")];
        let d = diff_lists(&list(vec![a]), &list(vec![b]));
        let f = &d.items[0].fields;
        assert!(f.iter().any(|c| matches!(c, FieldChange::Articles { title, old, new, .. } if title == "社会保险法" && old[0] == "第八十七条" && new[0] == "第八十八条")));
        assert!(f.iter().any(|c| matches!(c, FieldChange::Removed { entry, .. } if entry.contains("监察法"))));
        assert!(f
            .iter()
            .any(|c| matches!(c, FieldChange::Added { entry, .. } if entry.contains("医疗保障基金使用监督管理条例"))));
    }

    #[test]
    fn tiers_and_duties_entry_by_entry() {
        let duty = |t: &'static str| Duty { group: Default::default(), text: t.into() };
        let mut a = item("1", "甲", "行政处罚");
        a.tier = vec![Tier {
            level: "市".into(),
            scope: "负责本市".into(),
            duties: vec![duty("受理"), duty("审查"), duty("决定")],
        }];
        let mut b = a.clone();
        b.tier[0].scope = "负责本市行政区域".into();
        b.tier[0].duties = vec![duty("受理"), duty("决定"), duty("送达")];
        b.tier.push(Tier { level: "县".into(), scope: "负责本县".into(), duties: vec![] });
        let d = diff_lists(&list(vec![a]), &list(vec![b]));
        let f = &d.items[0].fields;
        assert!(f.iter().any(|c| matches!(c, FieldChange::Text { field, .. } if field == "tier[市].scope")));
        assert!(f.iter().any(|c| matches!(c, FieldChange::Removed { entry, .. } if entry == "审查")));
        assert!(f.iter().any(|c| matches!(c, FieldChange::Added { entry, .. } if entry == "送达")));
        assert!(f
            .iter()
            .any(|c| matches!(c, FieldChange::Added { field, entry } if field == "tier" && entry.starts_with("县级"))));
    }

    #[test]
    fn order_kept_by_the_longest_run() {
        // Old order 0, 2, 1, 3: one of the middle two moved, the rest kept their order.
        let keep = in_order(&[(0, 0), (2, 1), (1, 2), (3, 3)]);
        assert!(keep[0] && keep[3]);
        assert_eq!(keep.iter().filter(|k| !**k).count(), 1);
        assert_eq!(in_order(&[(0, 0), (1, 1), (2, 2)]), vec![true; 3]);
    }
}
