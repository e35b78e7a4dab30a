//! QD309 article-mismatch.

use crate::i18n::Message;
use crate::rules::{Context, Finding, Rule, RuleDoc};
use crate::text::{count_shared, quote_bigrams, quote_bytes, CharMap};
use std::collections::HashMap;

/// The quoted text belongs to another article of the law.
pub struct ArticleMismatch;

static DOC: RuleDoc = RuleDoc {
    explanation: "When the registry knows a law's text, the provision a citation quotes must be the cited article's. A quotation that matches another article better was cited under the wrong number. Across a directory run, the same quotation cited under different articles of one law is reported too.",
    explanation_zh: "法规库收有某部法律的条文时，引文所引的内容必须出自所引的那一条。引文与另一条更相符，说明条号引错了。对整个目录检查时，同一部法律的同一段引文在不同地方引作不同条号，也会报告。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 中华人民共和国社会保险法\n        articles: [第七十七条]\n        text: “社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金”\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 中华人民共和国社会保险法\n        articles: [第八十七条]\n        text: “社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金”\n",
};

/// How much of `quote` is in `article`: the share of the quotation's
/// character bigrams that the article holds (0 to 1).
pub fn similarity(quote: &str, article: &str) -> f64 {
    let q = quote_bigrams(quote);
    if q.is_empty() {
        return 0.0;
    }
    count_shared(&q, &quote_bigrams(article)) as f64 / q.len() as f64
}

/// A quotation's identity: its text without punctuation and spaces, hashed
/// by XXH3 (a run holds hundreds of thousands; two different quotations
/// share a 64-bit hash with a chance far below one in a billion). `bytes`
/// is room to work in.
fn fingerprint(text: &str, bytes: &mut Vec<u8>) -> u64 {
    bytes.clear();
    quote_bytes(text, bytes);
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Fingerprints a thread keeps, by the XXH3-128 hash of the quotation's
/// text as written, before it starts afresh: 64 Ki entries, 1.5 MiB.
const KNOWN_FINGERPRINTS: usize = 1 << 16;

thread_local! {
    /// The fingerprints of the quotations this thread has met, by a hash of
    /// their text as written. Lists quote the same provisions in the same
    /// words (a county's list copies its province's), and hashing the text
    /// as it stands costs a tenth of taking its punctuation out first.
    static FINGERPRINTS: std::cell::RefCell<CharMap<u128, u64>> = std::cell::RefCell::new(CharMap::default());
}

/// [`fingerprint`], looked up first among those this thread has worked out.
fn known_fingerprint(text: &str, bytes: &mut Vec<u8>) -> u64 {
    let written = xxhash_rust::xxh3::xxh3_128(text.as_bytes());
    FINGERPRINTS.with_borrow_mut(|known| {
        if let Some(&f) = known.get(&written) {
            return f;
        }
        if known.len() >= KNOWN_FINGERPRINTS {
            known.clear();
        }
        let f = fingerprint(text, bytes);
        known.insert(written, f);
        f
    })
}

/// A title without the state's name before it (`中华人民共和国`, as often as
/// it stands there): a prefix compared, where a trim sets up a search.
fn without_state_name(mut title: &str) -> &str {
    while let Some(rest) = title.strip_prefix("中华人民共和国") {
        title = rest;
    }
    title
}

/// The single-article quotations of one list, with the names of the laws
/// and articles they cite, each written once.
#[derive(Debug, Clone, Default)]
pub struct Quotes {
    names: Names,
    quotes: Vec<Quote>,
}

/// Names of laws and articles, numbered in the order first met, so that
/// what refers to one holds a number, not a copy.
#[derive(Debug, Clone, Default)]
struct Names {
    names: Vec<String>,
    ids: CharMap<String, u32>,
}

impl Names {
    /// The number of `name`, given it on first meeting.
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }

    fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
}

/// A single-article quotation of one list: which law (by its place among
/// the list's names) and quotation, where (item, and which citation of its
/// legal basis or liability) and under which article.
#[derive(Debug, Clone, Copy)]
struct Quote {
    law: u32,
    fingerprint: u64,
    item: u32,
    citation: u32,
    liability: bool,
    article: u32,
}

/// One use of a quotation, kept small: a run holds one per quotation of
/// every list (strings are interned).
#[derive(Debug, Clone, Copy)]
struct Use {
    file: u32,
    item: u32,
    citation: u32,
    liability: bool,
    article: u32,
}

/// Quotations seen across lists: (law, fingerprint) → the articles it was
/// cited under, with the file (by number) and place.
#[derive(Debug, Default)]
pub struct QuoteIndex {
    seen: CharMap<(u32, u64), Vec<Use>>,
    names: Names,
}

impl QuoteIndex {
    /// The single-article quotations of one list.
    pub fn quotes(cx: &Context) -> Quotes {
        let mut out = Quotes::default();
        let mut bytes = Vec::new();
        for c in cx.citations() {
            let cite = c.citation;
            if cite.title.is_empty() || cite.articles.len() != 1 || cite.text.chars().nth(19).is_none() {
                continue;
            }
            let law = c.law.map_or_else(|| without_state_name(&cite.title), |l| &l.title);
            let quote = Quote {
                law: out.names.id(law),
                fingerprint: known_fingerprint(&cite.text, &mut bytes),
                item: c.item as u32,
                citation: c.index as u32,
                liability: c.in_liability,
                article: out.names.id(crate::model::article_of(&cite.articles[0])),
            };
            out.quotes.push(quote);
        }
        out
    }

    /// Records the quotations of the list numbered `file`.
    pub fn add(&mut self, file: usize, quotes: &Quotes) {
        // The list's names as the index numbers them, each looked up once.
        let ids: Vec<u32> = quotes.names.names.iter().map(|n| self.names.id(n)).collect();
        for q in &quotes.quotes {
            let (law, article) = (ids[q.law as usize], ids[q.article as usize]);
            let u = Use { file: file as u32, item: q.item, citation: q.citation, liability: q.liability, article };
            self.seen.entry((law, q.fingerprint)).or_default().push(u);
        }
    }

    /// Quotations cited under more than one article: (file, item, path, message).
    pub fn conflicts(&self) -> Vec<(usize, usize, String, Message)> {
        let mut out = Vec::new();
        for ((law, _), uses) in &self.seen {
            let mut counts: HashMap<u32, usize> = HashMap::new();
            for u in uses {
                *counts.entry(u.article).or_default() += 1;
            }
            if counts.len() < 2 {
                continue;
            }
            let name = |id: u32| self.names.name(id);
            let (&usual, _) =
                counts.iter().max_by_key(|(a, n)| (**n, std::cmp::Reverse(name(**a)))).expect("two or more");
            let (law, usual) = (name(*law), name(usual));
            for u in uses {
                let article = name(u.article);
                if article != usual {
                    let list = if u.liability { "liability" } else { "legal_basis" };
                    out.push((
                        u.file as usize,
                        u.item as usize,
                        format!("items[{}].{list}[{}].articles[0]", u.item, u.citation),
                        crate::tr!(
                            "the same quotation of 《{law}》 is cited elsewhere as {usual}, here as {article}",
                            "同一段《{law}》引文在别处引作{usual}，此处引作{article}"
                        ),
                    ));
                }
            }
        }
        out.sort();
        out
    }
}

/// What is wrong when `quote`, cited as article `cited` of `law`, is
/// another article's text: `None` when it is the cited article's, or no
/// article's by the margin asked.
fn misquoted(law: &crate::validate::laws::Law, cited: &str, quote: &str) -> Option<Message> {
    let quote = quote_bigrams(quote);
    if quote.is_empty() {
        return None;
    }
    let articles = law.article_bigrams();
    let score = |b: &[u64]| count_shared(&quote, b) as f64 / quote.len() as f64;
    let own = articles.iter().find(|(a, _)| a == cited).map_or(0.0, |(_, b)| score(b));
    if own + 0.25 >= 1.0 {
        return None; // no other article could match better by the margin asked
    }
    let (other, score) = articles
        .iter()
        .filter(|(a, _)| a != cited)
        .map(|(a, b)| (a.as_str(), score(b)))
        .max_by(|x, y| x.1.total_cmp(&y.1))?;
    (score >= 0.6 && score > own + 0.25).then(|| {
        crate::tr!(
            "the quoted text is {other} of 《{}》 ({:.0}% alike), not {cited} ({:.0}%)",
            "引文是《{}》{other}的内容（相似度 {:.0}%），不是{cited}（{:.0}%）",
            law.title,
            score * 100.0,
            own * 100.0
        )
    })
}

impl Rule for ArticleMismatch {
    fn code(&self) -> &'static str {
        "QD309"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for c in cx.citations() {
            let cite = c.citation;
            if cite.articles.len() != 1 || cite.text.chars().nth(11).is_none() {
                continue;
            }
            let Some(law) = c.law else { continue };
            if law.text.is_empty() {
                continue;
            }
            let cited = crate::model::article_of(&cite.articles[0]);
            // Lists quote the same articles in the same words: each
            // (law, article, quotation) is compared with the law's text once a run.
            let found = cx.remembered("article-mismatch", &[&law.title, cited, &cite.text], || {
                misquoted(law, cited, &cite.text).map(crate::rules::ValueFinding::new).into_iter().collect()
            });
            for (_, f) in found.iter() {
                out.push(Finding::new(format!("{}.articles[0]", c.path()), Some(c.item), f.message.clone()));
            }
        }
        // Within one list: the same quotation under different articles,
        // where no finding above already stands (looked up, not scanned: a
        // long list has thousands of each).
        let mut index = QuoteIndex::default();
        index.add(0, cx.quotes());
        let conflicts = index.conflicts();
        if conflicts.is_empty() {
            return;
        }
        let mut reported: std::collections::HashSet<String> = out.iter().map(|f| f.path.clone()).collect();
        for (_, item, path, message) in conflicts {
            if reported.insert(path.clone()) {
                out.push(Finding::new(path, Some(item), message));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::ArticleMismatch);
    }

    #[test]
    fn the_state_name_is_taken_off_as_often_as_it_stands() {
        for title in
            ["社会保险法", "中华人民共和国社会保险法", "中华人民共和国中华人民共和国社会保险法", "中华人民共和国", ""]
        {
            assert_eq!(without_state_name(title), title.trim_start_matches("中华人民共和国"), "{title}");
        }
    }

    #[test]
    fn a_known_fingerprint_is_the_one_worked_out() {
        let mut bytes = Vec::new();
        let texts = [
            "“社会保险经办机构以欺诈手段骗取社会保险基金支出的，”",
            "社会保险经办机构以欺诈手段骗取社会保险基金支出的",
            "另一段引文。",
        ];
        for _ in 0..2 {
            for t in texts {
                assert_eq!(known_fingerprint(t, &mut bytes), fingerprint(t, &mut Vec::new()), "{t}");
            }
        }
        // Punctuation aside, the same quotation: met first or known, one fingerprint.
        assert_eq!(known_fingerprint(texts[0], &mut bytes), known_fingerprint(texts[1], &mut bytes));
        assert_ne!(known_fingerprint(texts[0], &mut bytes), known_fingerprint(texts[2], &mut bytes));
        // Past its size the table starts afresh and answers the same.
        for k in 0..KNOWN_FINGERPRINTS + 10 {
            let t = format!("引文第{k}段");
            assert_eq!(known_fingerprint(&t, &mut bytes), fingerprint(&t, &mut Vec::new()));
        }
        FINGERPRINTS.with_borrow(|known| assert!(known.len() <= KNOWN_FINGERPRINTS));
        assert_eq!(known_fingerprint(texts[2], &mut bytes), fingerprint(texts[2], &mut Vec::new()));
    }
}
