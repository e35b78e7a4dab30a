//! What rules see: the list, the document's code profile, the law registry,
//! and iterators over every text value and citation with its path.

use crate::model::{Citation, Item, List, Text};
use crate::validate::laws::{Law, LawRegistry};
use crate::validate::profile::Profile;

/// Everything a rule may consult.
pub struct Context<'a> {
    /// The list.
    pub list: &'a List<'a>,
    /// The code profile of the document: configured, or the one most codes fit.
    pub profile: Option<&'a Profile>,
    /// The law registry.
    pub laws: &'a LawRegistry,
    /// The current year, for checking document-number years.
    pub this_year: i32,
    texts: std::sync::OnceLock<Vec<TextRef<'a>>>,
    quotes: std::sync::OnceLock<crate::rules::citations::Quotes>,
    citations: std::sync::OnceLock<Vec<CitationRef<'a>>>,
    memo: Option<&'a crate::rules::Memo>,
}

/// A text value and where it is.
pub struct TextRef<'a> {
    /// Where it is; [`TextRef::path`] spells it out when a finding needs it.
    pub place: Place,
    /// Its item, if any.
    pub item: Option<usize>,
    /// The value.
    pub text: &'a str,
}

/// Where a text value is, without a string per value (a list has hundreds
/// of thousands of them, and findings name a few).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `document.<field>`.
    Document(&'static str),
    /// `items[i].<field>`.
    Item(usize, &'static str),
    /// `items[i].<list>[c].<field>`, `list` being legal_basis or liability.
    Citation(usize, &'static str, usize, &'static str),
    /// `items[i].<list>[c].articles[a]`.
    Article(usize, &'static str, usize, usize),
    /// `items[i].tier[t].<field>`.
    Tier(usize, usize, &'static str),
    /// `items[i].tier[t].duties[k].<field>`.
    Duty(usize, usize, usize, &'static str),
    /// `items[i].extra[x].<field>`.
    Extra(usize, usize, &'static str),
    /// `document.notes[k]`.
    Note(usize),
}

impl TextRef<'_> {
    /// Its path (`items[3].legal_basis[0].doc_number`).
    pub fn path(&self) -> String {
        match self.place {
            Place::Document(f) => format!("document.{f}"),
            Place::Item(i, f) => format!("items[{i}].{f}"),
            Place::Citation(i, list, c, f) => format!("items[{i}].{list}[{c}].{f}"),
            Place::Article(i, list, c, a) => format!("items[{i}].{list}[{c}].articles[{a}]"),
            Place::Tier(i, t, f) => format!("items[{i}].tier[{t}].{f}"),
            Place::Duty(i, t, k, f) => format!("items[{i}].tier[{t}].duties[{k}].{f}"),
            Place::Extra(i, x, f) => format!("items[{i}].extra[{x}].{f}"),
            Place::Note(k) => format!("document.notes[{k}]"),
        }
    }

    /// The key the value sits under (`doc_number`; `articles` for an article).
    pub fn field(&self) -> &'static str {
        match self.place {
            Place::Document(f) | Place::Item(_, f) | Place::Citation(_, _, _, f) | Place::Tier(_, _, f) => f,
            Place::Duty(_, _, _, f) | Place::Extra(_, _, f) => f,
            Place::Article(..) => "articles",
            Place::Note(_) => "notes",
        }
    }
}

/// A citation and where it is.
pub struct CitationRef<'a> {
    /// Its item.
    pub item: usize,
    /// Whether it is in `liability` rather than `legal_basis`.
    pub in_liability: bool,
    /// Its place in that list.
    pub index: usize,
    /// The citation.
    pub citation: &'a Citation<'a>,
    /// The law of the registry it cites, if the registry knows it: looked
    /// up once for the rules that consult it.
    pub law: Option<&'a Law>,
}

impl CitationRef<'_> {
    /// Path of the citation (`items[0].legal_basis[1]`), spelt out when a
    /// finding needs it.
    pub fn path(&self) -> String {
        let list = if self.in_liability { "liability" } else { "legal_basis" };
        format!("items[{}].{list}[{}]", self.item, self.index)
    }
}

impl<'a> Context<'a> {
    /// A context; the profile is `configured` if given, else the one that
    /// most of the list's codes fit.
    pub fn new(
        list: &'a List,
        profiles: &'a [Profile],
        configured: Option<&str>,
        laws: &'a LawRegistry,
        this_year: i32,
    ) -> Self {
        let profile = match configured {
            Some(name) => profiles.iter().find(|p| p.name == name),
            None => profiles
                .iter()
                .map(|p| (p, list.items.iter().filter(|i| p.fits(&i.code)).count()))
                .filter(|(_, n)| *n > 0)
                .max_by_key(|(_, n)| *n)
                .map(|(p, _)| p),
        };
        Context {
            list,
            profile,
            laws,
            this_year,
            texts: std::sync::OnceLock::new(),
            quotes: std::sync::OnceLock::new(),
            citations: std::sync::OnceLock::new(),
            memo: None,
        }
    }

    /// The context with a run's memo, where a rule may keep what it found on
    /// a value of its own keying for the run's other lists (see [`Context::remembered`]).
    pub fn with_memo(mut self, memo: &'a crate::rules::Memo) -> Self {
        self.memo = Some(memo);
        self
    }

    /// What `find` finds on the value made of `key` (a rule's own key, in
    /// parts, under a `field` that no text value has): remembered for the
    /// run when the context has a memo. The key must hold everything `find`
    /// reads that the run does not fix.
    pub fn remembered(
        &self,
        field: &'static str,
        key: &[&str],
        find: impl FnOnce() -> Vec<crate::rules::ValueFinding>,
    ) -> crate::rules::ValueFindings {
        let find = || find().into_iter().map(|f| (0, f)).collect();
        match self.memo {
            Some(memo) => memo.findings_of_parts(field, key, find),
            None => crate::rules::ValueFindings::from(find()),
        }
    }

    /// The items with their index.
    pub fn items(&self) -> impl Iterator<Item = (usize, &'a Item<'a>)> {
        self.list.items.iter().enumerate()
    }

    /// Every citation of every item, with where it is: gathered once for all rules.
    pub fn citations(&self) -> &[CitationRef<'a>] {
        self.citations.get_or_init(|| {
            let count = self.list.items.iter().map(|item| item.legal_basis.len() + item.liability.len()).sum();
            let mut out = Vec::with_capacity(count);
            for (i, item) in self.list.items.iter().enumerate() {
                for (in_liability, cites) in [(false, &item.legal_basis), (true, &item.liability)] {
                    for (index, citation) in cites.iter().enumerate() {
                        let law = self.laws.find(&citation.title);
                        out.push(CitationRef { item: i, in_liability, index, citation, law });
                    }
                }
            }
            out
        })
    }

    /// The list's single-article quotations, gathered once: the
    /// article-mismatch rule and the check across a run's lists both use them.
    pub fn quotes(&self) -> &crate::rules::citations::Quotes {
        self.quotes.get_or_init(|| crate::rules::citations::QuoteIndex::quotes(self))
    }

    /// [`Context::quotes`], taken when the rules are done with the list.
    pub fn into_quotes(self) -> crate::rules::citations::Quotes {
        self.quotes();
        self.quotes.into_inner().unwrap_or_default()
    }

    /// Every text value of the list, with its path: document fields, item
    /// fields, citations, tiers and duties. Gathered once for all rules.
    pub fn texts(&self) -> &[TextRef<'a>] {
        self.texts.get_or_init(|| self.gather_texts())
    }

    /// How many values [`Context::gather_texts`] may gather: every text
    /// field of the list, empty or not.
    fn text_slots(&self) -> usize {
        let d = &self.list.document;
        let items: usize = self
            .list
            .items
            .iter()
            .map(|item| {
                let citations: usize =
                    item.legal_basis.iter().chain(&item.liability).map(|c| 5 + c.articles.len()).sum();
                let tiers: usize = item.tier.iter().map(|t| 2 + 2 * t.duties.len()).sum();
                9 + citations + tiers + 3 * item.extra.len()
            })
            .sum();
        3 + d.notes.len() + items
    }

    fn gather_texts(&self) -> Vec<TextRef<'a>> {
        // Room for every value, counted first: a list holds hundreds of
        // thousands, and a vector grown by doubling copies them all again.
        let mut out = Vec::with_capacity(self.text_slots());
        let mut push = |place: Place, item: Option<usize>, text: &'a str| {
            if !text.is_empty() {
                out.push(TextRef { place, item, text });
            }
        };
        let d = &self.list.document;
        for (k, v) in [("title", &d.title), ("issuer", &d.issuer), ("doc_number", &d.doc_number)] {
            push(Place::Document(k), None, v);
        }
        for (k, note) in d.notes.iter().enumerate() {
            push(Place::Note(k), None, note);
        }
        for (i, item) in self.list.items.iter().enumerate() {
            let fields: [(&'static str, &'a Text<'a>); 9] = [
                ("section", &item.section),
                ("item", &item.item),
                ("sub_item", &item.sub_item),
                ("type", &item.kind),
                ("department", &item.department),
                ("office", &item.office),
                ("responsibility", &item.responsibility),
                ("liability_preamble", &item.liability_preamble),
                ("remarks", &item.remarks),
            ];
            for (k, v) in fields {
                push(Place::Item(i, k), Some(i), v);
            }
            for (list_name, cites) in [("legal_basis", &item.legal_basis), ("liability", &item.liability)] {
                for (c, cite) in cites.iter().enumerate() {
                    for (k, v) in [
                        ("tag", &cite.tag),
                        ("title", &cite.title),
                        ("edition", &cite.edition),
                        ("doc_number", &cite.doc_number),
                        ("text", &cite.text),
                    ] {
                        push(Place::Citation(i, list_name, c, k), Some(i), v);
                    }
                    for (a, art) in cite.articles.iter().enumerate() {
                        push(Place::Article(i, list_name, c, a), Some(i), art);
                    }
                }
            }
            for (t, tier) in item.tier.iter().enumerate() {
                push(Place::Tier(i, t, "level"), Some(i), &tier.level);
                push(Place::Tier(i, t, "scope"), Some(i), &tier.scope);
                for (k, duty) in tier.duties.iter().enumerate() {
                    push(Place::Duty(i, t, k, "group"), Some(i), &duty.group);
                    push(Place::Duty(i, t, k, "text"), Some(i), &duty.text);
                }
            }
            for (x, cell) in item.extra.iter().enumerate() {
                push(Place::Extra(i, x, "header"), Some(i), &cell.header);
                push(Place::Extra(i, x, "level"), Some(i), &cell.level);
                push(Place::Extra(i, x, "text"), Some(i), &cell.text);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list whose every text field holds a value.
    const FULL: &str = "qingdan: 1
document:
  title: 标题
  issuer: 某局
  doc_number: 某发〔2021〕7号
  notes:
    - 注一
    - 注二
items:
  - seq: 1
    section: 行政处罚
    item: 甲
    sub_item: 甲一
    code: \"3700000236009\"
    type: 行政处罚
    department: 某局
    office: 某处
    responsibility: 职责
    legal_basis:
      - tag: 法律
        title: 社会保险法
        edition: 2018年修正
        doc_number: 主席令第35号
        articles: [第八十七条, 第八十八条]
        text: 引文
    tier:
      - level: 市
        scope: 全部
        duties:
          - group: 直接实施责任
            text: 受理
    liability_preamble: 有下列情形的：
    liability:
      - tag: 追责
        title: 监察法
        edition: 2018年
        doc_number: 主席令第3号
        articles: [第六十五条]
        text: 情形
    remarks: 备注
    extra:
      - header: 办理时限
        level: 市
        text: 5日
";

    #[test]
    fn room_is_counted_for_every_value() {
        let loaded = crate::yaml::load(FULL, &Default::default()).unwrap();
        let laws = LawRegistry::default();
        let cx = Context::new(&loaded.list, &[], None, &laws, 2026);
        // Every field holds a value: the count is exact.
        assert_eq!(cx.texts().len(), cx.text_slots());
        assert_eq!(cx.texts().len(), 3 + 2 + 9 + (5 + 2) + (5 + 1) + 2 + 2 + 3);
        assert_eq!(cx.citations().len(), 2);
        // Empty fields are counted but not gathered.
        let text = FULL.replace("    remarks: 备注\n", "").replace("  issuer: 某局\n", "");
        let loaded = crate::yaml::load(&text, &Default::default()).unwrap();
        let cx = Context::new(&loaded.list, &[], None, &laws, 2026);
        assert_eq!(cx.texts().len() + 2, cx.text_slots());
    }
}
