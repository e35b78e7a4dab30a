//! The law registry: what is known of the instruments lists cite, from
//! `schema/laws/*.toml` and any extra directories the configuration names.

use crate::text::CharMap;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One law, regulation or rule.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// Full title, without 《》.
    pub title: String,
    /// Other titles it is cited by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Kind under 立法法: 法律, 行政法规, 地方性法规, 部门规章, 地方政府规章, 规范性文件.
    pub kind: String,
    /// Promulgation number (国务院令第735号 …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub promulgation: String,
    /// The edition the article count and texts are of.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub edition: String,
    /// Number of articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<u32>,
    /// Article counts of particular editions, by year.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub editions: BTreeMap<String, u32>,
    /// Texts of articles, by 第…条.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub text: BTreeMap<String, String>,
    /// Each article's text as quotation bigrams, worked out on first use:
    /// a run compares many quotations with the same articles.
    #[serde(skip)]
    bigrams: ArticleBigrams,
}

/// A law's article bigrams once worked out: derived from its text, so two
/// laws are equal whether or not either has worked them out yet.
#[derive(Debug, Clone, Default)]
struct ArticleBigrams(std::sync::OnceLock<Vec<(String, Vec<u64>)>>);

impl PartialEq for ArticleBigrams {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ArticleBigrams {}

#[derive(Debug, Deserialize)]
struct LawFile {
    #[serde(default)]
    law: Vec<Law>,
}

/// Every known law.
#[derive(Debug, Clone, Default)]
pub struct LawRegistry {
    laws: Vec<Law>,
    /// Each title and alias, without 中华人民共和国, to the first law that
    /// bears it: every citation of a run is looked up (under the Fx hash,
    /// as titles are the user's own).
    by_title: CharMap<String, usize>,
}

/// The 中华人民共和国 prefix is often dropped in citations.
fn bare(title: &str) -> &str {
    title.strip_prefix("中华人民共和国").unwrap_or(title)
}

impl LawRegistry {
    /// The laws shipped with qingdan.
    pub fn builtin() -> LawRegistry {
        let mut r = LawRegistry::default();
        for text in
            [include_str!("../../schema/laws/national.toml"), include_str!("../../schema/laws/shandong-345.toml")]
        {
            // The shipped files are tested to parse.
            let _ = r.add_toml(text);
        }
        r
    }

    /// Adds the laws of a TOML file.
    pub fn add_toml(&mut self, text: &str) -> Result<usize, String> {
        let file: LawFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let n = file.law.len();
        for law in file.law {
            let at = self.laws.len();
            for name in std::iter::once(&law.title).chain(&law.aliases) {
                self.by_title.entry(bare(name).to_owned()).or_insert(at);
            }
            self.laws.push(law);
        }
        Ok(n)
    }

    /// The law cited by `title`.
    pub fn find(&self, title: &str) -> Option<&Law> {
        self.by_title.get(bare(title.trim())).map(|&at| &self.laws[at])
    }

    /// Number of laws.
    pub fn len(&self) -> usize {
        self.laws.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.laws.is_empty()
    }
}

impl Law {
    /// A law known by its title and kind alone.
    pub fn new(title: String, kind: String) -> Law {
        Law {
            title,
            kind,
            aliases: Vec::new(),
            promulgation: String::new(),
            edition: String::new(),
            articles: None,
            editions: BTreeMap::new(),
            text: BTreeMap::new(),
            bigrams: ArticleBigrams::default(),
        }
    }

    /// Each article with the sorted bigrams of its text
    /// ([`crate::text::quote_bigrams`]), in article order.
    pub fn article_bigrams(&self) -> &[(String, Vec<u64>)] {
        self.bigrams
            .0
            .get_or_init(|| self.text.iter().map(|(a, t)| (a.clone(), crate::text::quote_bigrams(t))).collect())
    }

    /// The article count for a citation whose edition note is `edition`.
    pub fn article_count(&self, edition: &str) -> Option<u32> {
        self.editions.iter().find(|(year, _)| edition.contains(year.as_str())).map(|(_, n)| *n).or(self.articles)
    }
}

/// Writes laws as a registry TOML file.
pub fn to_toml(laws: &[Law]) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        law: &'a [Law],
    }
    toml::to_string(&Out { law: laws }).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_law_is_equal_to_itself_before_and_after_its_bigrams_are_worked_out() {
        let r = LawRegistry::builtin();
        let law = r.find("社会保险法").unwrap();
        let fresh = law.clone();
        assert!(!law.article_bigrams().is_empty());
        assert_eq!(*law, fresh);
    }

    #[test]
    fn builtin_registry() {
        let r = LawRegistry::builtin();
        let sbf = r.find("社会保险法").unwrap();
        assert_eq!(sbf.articles, Some(98));
        assert!(r.find("中华人民共和国社会保险法").is_some());
        assert_eq!(r.find("医疗保障基金使用监督管理条例").unwrap().promulgation, "国务院令第735号");
        let jcf = r.find("监察法").unwrap();
        assert_eq!(jcf.article_count("2018年3月通过"), Some(69));
        assert_eq!(jcf.article_count(""), Some(78));
        let sd = r.find("山东省医疗保障基金监督管理办法").unwrap();
        assert_eq!(sd.articles, Some(37));
        assert_eq!(sd.kind, "地方政府规章");
    }

    #[test]
    fn a_title_or_alias_finds_the_first_law_that_bears_it() {
        let mut r = LawRegistry::default();
        r.add_toml("[[law]]\ntitle = \"中华人民共和国甲法\"\naliases = [\"乙法\"]\nkind = \"法律\"\n").unwrap();
        r.add_toml(
            "[[law]]\ntitle = \"乙法\"\nkind = \"行政法规\"\n[[law]]\ntitle = \"丙条例\"\nkind = \"行政法规\"\n",
        )
        .unwrap();
        assert_eq!(r.find(" 甲法 ").unwrap().title, "中华人民共和国甲法");
        assert_eq!(r.find("中华人民共和国乙法").unwrap().kind, "法律");
        assert_eq!(r.find("丙条例").unwrap().title, "丙条例");
        assert!(r.find("丁法").is_none());
    }
}
