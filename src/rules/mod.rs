//! Rules: what `validate` checks, one per file, grouped by family (like
//! ruff's). Each rule has a stable code and name in [`registry`], a
//! documentation page with a bad and a good example ([`RuleDoc`]), and
//! tests that run both examples.
//!
//! Most rules read one text value at a time (document numbers, brackets,
//! the form of characters): such a rule says so and checks a [`Value`], and
//! a run checks each distinct value once, remembering what it found
//! ([`Memo`]), since lists repeat their texts from item to item and from
//! list to list.

pub mod citations;
pub mod codes;
mod context;
mod memo;
pub mod registry;
pub mod structure;
pub mod text;

pub use context::{CitationRef, Context, Place, TextRef};
pub use memo::{Memo, ValueFindings};

use std::ops::Range;

/// One finding of a rule, located by the path of the value it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Path of the value (`items[3].legal_basis[0].doc_number`).
    pub path: String,
    /// Index of the item, when the finding concerns one.
    pub item: Option<usize>,
    /// What is wrong.
    pub message: crate::i18n::Message,
    /// Byte range within the string value, when the finding is about part of it.
    pub part: Option<Range<usize>>,
    /// The value with the problem fixed, when the rule can fix it.
    pub fix: Option<String>,
}

impl Finding {
    /// A finding about the value at `path`.
    pub fn new(path: impl Into<String>, item: Option<usize>, message: crate::i18n::Message) -> Self {
        Finding { path: path.into(), item, message, part: None, fix: None }
    }

    /// Narrows it to part of the value.
    pub fn part(mut self, range: Range<usize>) -> Self {
        self.part = Some(range);
        self
    }

    /// Offers a fix: the whole value, corrected.
    pub fn fix(mut self, value: impl Into<String>) -> Self {
        self.fix = Some(value.into());
        self
    }
}

/// A rule's documentation page.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    /// What it finds and why that matters.
    pub explanation: &'static str,
    /// The same, in Chinese.
    pub explanation_zh: &'static str,
    /// A list that breaks the rule.
    pub bad: &'static str,
    /// The same list, right.
    pub good: &'static str,
}

/// A check over one list.
pub trait Rule: Send + Sync {
    /// The rule's code (`QD201`), its key in [`registry::RULES`].
    fn code(&self) -> &'static str;
    /// Its documentation.
    fn doc(&self) -> &'static RuleDoc;
    /// Runs the check.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
    /// Whether the rule reads each text value alone: its findings on a
    /// value depend on nothing but the value, its field and the year, so
    /// [`Rule::check_value`] says all it finds, and a run may check each
    /// distinct value once (texts repeat across the items and lists of a
    /// department, a city and a province).
    fn reads_values_alone(&self) -> bool {
        false
    }
    /// The check of one text value, for a rule that
    /// [reads values alone](Rule::reads_values_alone).
    fn check_value(&self, _value: &Value, _out: &mut Vec<ValueFinding>) {}
}

/// A text value as the rules that read one value alone see it.
pub struct Value<'a> {
    /// The value.
    pub text: &'a str,
    /// The key it sits under (`doc_number`; `articles` for an article).
    pub field: &'static str,
    /// The current year, for checking document-number years.
    pub this_year: i32,
    doc_numbers: std::cell::OnceCell<Vec<[Range<usize>; 8]>>,
}

impl<'a> Value<'a> {
    /// A value of `field`.
    pub fn new(text: &'a str, field: &'static str, this_year: i32) -> Self {
        Value { text, field, this_year, doc_numbers: std::cell::OnceCell::new() }
    }

    /// The document numbers in the value, searched once for the rules that
    /// read them: each match's ranges, whole and per group.
    pub fn doc_number_ranges(&self) -> &[[Range<usize>; 8]] {
        self.doc_numbers.get_or_init(|| citations::doc_number_ranges(self.text))
    }
}

/// A finding about one text value, wherever the value stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueFinding {
    /// What is wrong.
    pub message: crate::i18n::Message,
    /// Byte range within the value, when the finding is about part of it.
    pub part: Option<Range<usize>>,
    /// The value with the problem fixed, when the rule can fix it.
    pub fix: Option<String>,
}

impl ValueFinding {
    /// A finding about the whole value.
    pub fn new(message: crate::i18n::Message) -> Self {
        ValueFinding { message, part: None, fix: None }
    }

    /// Narrows it to part of the value.
    pub fn part(mut self, range: Range<usize>) -> Self {
        self.part = Some(range);
        self
    }

    /// Offers a fix: the whole value, corrected.
    pub fn fix(mut self, value: impl Into<String>) -> Self {
        self.fix = Some(value.into());
        self
    }

    /// The finding placed at the value `t`.
    pub fn at(&self, t: &TextRef) -> Finding {
        Finding {
            path: t.path(),
            item: t.item,
            message: self.message.clone(),
            part: self.part.clone(),
            fix: self.fix.clone(),
        }
    }
}

/// A rule that reads each text value alone: it is a [`Rule`] whose check
/// of a list is its check of every text value of the list, in order.
pub trait ValueRule: Send + Sync {
    /// The rule's code, as [`Rule::code`].
    fn code(&self) -> &'static str;
    /// Its documentation, as [`Rule::doc`].
    fn doc(&self) -> &'static RuleDoc;
    /// The check of one value, as [`Rule::check_value`].
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>);
}

impl<R: ValueRule + 'static> Rule for R {
    fn code(&self) -> &'static str {
        ValueRule::code(self)
    }
    fn doc(&self) -> &'static RuleDoc {
        ValueRule::doc(self)
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let me: &dyn Rule = self;
        check_values(&[me], cx, None, |_, f| out.push(f));
    }
    fn reads_values_alone(&self) -> bool {
        true
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        ValueRule::check_value(self, value, out);
    }
}

/// Runs `rules`, each of which reads values alone, over every text value of
/// the list in order, handing `each` the index of the rule among `rules` and
/// its finding placed at the value. With a `memo` (one per set of rules and
/// year), each distinct value is checked once for as long as the memo lasts.
pub fn check_values<R: std::borrow::Borrow<dyn Rule>>(
    rules: &[R],
    cx: &Context,
    memo: Option<&Memo>,
    mut each: impl FnMut(usize, Finding),
) {
    let mut found = Vec::new();
    for t in cx.texts() {
        let field = t.field();
        let mut check = || {
            let value = Value::new(t.text, field, cx.this_year);
            let mut all = Vec::new();
            for (k, rule) in rules.iter().enumerate() {
                rule.borrow().check_value(&value, &mut found);
                all.extend(found.drain(..).map(|f| (k, f)));
            }
            all
        };
        match memo {
            Some(memo) => memo.findings(field, t.text, check).iter().for_each(|(k, f)| each(*k, f.at(t))),
            None => check().into_iter().for_each(|(k, f)| each(k, f.at(t))),
        }
    }
}

/// Every rule, in code order.
pub fn all() -> Vec<Box<dyn Rule>> {
    let mut rules: Vec<Box<dyn Rule>> = Vec::new();
    rules.extend(structure::rules());
    rules.extend(codes::rules());
    rules.extend(citations::rules());
    rules.extend(text::rules());
    rules.sort_by_key(|r| r.code());
    rules
}

/// Renders a rule's documentation page.
pub fn render_doc(rule: &dyn Rule, lang: crate::i18n::Lang) -> String {
    let meta = registry::by_code(rule.code()).unwrap_or(&registry::UNREGISTERED);
    let doc = rule.doc();
    if lang == crate::i18n::Lang::Zh {
        return format!(
            "{} {}（{}，默认{}{}）\n\n{}\n\n{}\n\n## 错误示例\n\n```yaml\n{}```\n\n## 正确示例\n\n```yaml\n{}```\n",
            meta.code,
            meta.name,
            meta.family.name_zh(),
            meta.severity.name_zh(),
            if registry::is_fixable(meta.code) { "，fmt 可修复" } else { "" },
            meta.summary_zh,
            doc.explanation_zh,
            doc.bad,
            doc.good
        );
    }
    format!(
        "{} {} ({}, {} by default{})\n\n{}\n\n{}\n\n## Bad\n\n```yaml\n{}```\n\n## Good\n\n```yaml\n{}```\n",
        meta.code,
        meta.name,
        meta.family.as_str(),
        meta.severity.as_str(),
        if registry::is_fixable(meta.code) { ", fixable" } else { "" },
        meta.summary,
        doc.explanation,
        doc.bad,
        doc.good
    )
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs a rule on YAML text.
    use super::*;
    use crate::validate::laws::LawRegistry;

    /// Findings of `rule` on the list in `yaml`.
    pub fn run(rule: &dyn Rule, yaml: &str) -> Vec<Finding> {
        let loaded = crate::yaml::load(yaml, &Default::default())
            .unwrap_or_else(|e| panic!("example does not load: {e}\n{yaml}"));
        let laws = LawRegistry::builtin();
        let profiles = crate::validate::profile::builtin_profiles();
        let cx = Context::new(&loaded.list, profiles, None, &laws, 2026);
        let mut out = Vec::new();
        rule.check(&cx, &mut out);
        out
    }

    /// Checks that the bad example is found and the good one is not.
    pub fn check_examples(rule: &dyn Rule) {
        let doc = rule.doc();
        assert!(!run(rule, doc.bad).is_empty(), "{}: the bad example passes", rule.code());
        let good = run(rule, doc.good);
        assert!(good.is_empty(), "{}: the good example fails: {good:?}", rule.code());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_rule_is_implemented_and_documented() {
        let implemented: Vec<&str> = all().iter().map(|r| r.code()).collect();
        for meta in registry::RULES.iter().filter(|m| m.code.starts_with("QD") && m.code != "QD100") {
            assert!(implemented.contains(&meta.code), "{} has no implementation", meta.code);
        }
        for rule in all() {
            assert!(registry::by_code(rule.code()).is_some(), "{} is not registered", rule.code());
            assert!(!rule.doc().explanation.is_empty());
            testing::check_examples(rule.as_ref());
        }
    }
}
