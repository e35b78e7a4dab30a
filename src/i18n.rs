//! Chinese and English: every message qingdan writes exists in both.
//!
//! A [`Message`] carries both texts from the moment it is made, so the
//! language is chosen only where output is written, and a message can never
//! lack one of them: [`tr!`](crate::tr) formats the same arguments into both
//! templates, and the compiler refuses a template that leaves one out.

/// An output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language a locale names: Chinese for `zh…` (`zh_CN.UTF-8`, `zh-Hans`),
    /// else English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language of the environment, by the POSIX order of precedence:
    /// `LC_ALL`, then `LC_MESSAGES`, then `LANG`; the first one set decides.
    pub fn from_env() -> Lang {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.trim().is_empty())
            .map_or(Lang::En, |value| Self::from_locale(&value))
    }

    /// Reads `zh` or `en` (and the locale forms `zh_CN`, `en-US`).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// A text in English and Chinese.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Message {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

impl Message {
    /// A message from its two texts.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Message {
        Message { en: en.into(), zh: zh.into() }
    }

    /// A text that reads the same in both languages (a quotation, a code).
    pub fn same(text: impl Into<String>) -> Message {
        let text = text.into();
        Message { zh: text.clone(), en: text }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// Appends `other` to both texts.
    pub fn append(&mut self, other: &Message) {
        self.en.push_str(&other.en);
        self.zh.push_str(&other.zh);
    }
}

/// A [`Message`] from an English and a Chinese format string over the same
/// arguments: `tr!("code has {n} characters", "编码有 {n} 位")`.
#[macro_export]
macro_rules! tr {
    ($en:literal, $zh:literal $(, $arg:expr)* $(,)?) => {
        $crate::i18n::Message { en: format!($en $(, $arg)*), zh: format!($zh $(, $arg)*) }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "zh_TW")])), Lang::Zh);
        assert_eq!(Lang::from_vars(env(&[("LC_ALL", ""), ("LANG", "zh_CN")])), Lang::Zh);
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
    }

    #[test]
    fn both_texts_formatted() {
        let n = 7;
        let m = crate::tr!("code has {} characters", "编码有 {} 位", n);
        assert_eq!(m.get(Lang::En), "code has 7 characters");
        assert_eq!(m.get(Lang::Zh), "编码有 7 位");
        assert_eq!(Lang::parse("zh_CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
