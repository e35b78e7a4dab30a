//! `fmt`: a list in its canonical form. Key order and quoting come from the
//! canonical writer; text values get the normalisation passes of the
//! fixable rules that are enabled.

use crate::model::{Citation, List};
use crate::normalize::{self, Change, ChangeKind};
use crate::text::Text;
use crate::yaml::{self, LoadError, YamlLimits};

/// Which fixes to apply, by rule code; all when `None`.
#[derive(Debug, Clone, Default)]
pub struct FormatOptions {
    /// Codes of the fixable rules whose fixes apply; `None` for all.
    pub fixes: Option<Vec<String>>,
    /// Limits for reading.
    pub limits: YamlLimits,
    /// Schema reference for the `# yaml-language-server` line of a list
    /// that has none (a list that has one keeps its own).
    pub schema: Option<String>,
}

impl FormatOptions {
    fn allows(&self, kind: ChangeKind) -> bool {
        // Line ends, odd spaces and full-width digits are form, not findings: always fixed.
        kind.rule_code().is_none_or(|code| self.fixes.as_ref().is_none_or(|f| f.iter().any(|c| c == code)))
    }
}

/// A normalisation pass.
type Pass = fn(Text, &mut Vec<Change>) -> Text;

/// Most rounds of normalisation for one value. Every pass only converts
/// one way (half to full width, radicals to ideographs) or removes (spaces,
/// markup), so rounds reach a fixed point; the bound keeps a hostile value
/// from costing more than this many passes.
const MAX_ROUNDS: usize = 64;

/// One text value in canonical form, under `options`: normalised again
/// until nothing changes, so that fmt is idempotent.
pub fn format_value(value: &str, options: &FormatOptions) -> String {
    let mut current = format_round(value, options);
    // A round that changed nothing is already the fixed point (a round is a
    // function of its value alone): most values of a committed list are
    // canonical, and need one round, not two.
    if current == value {
        return current;
    }
    for _ in 1..MAX_ROUNDS {
        let next = format_round(&current, options);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// One round of the passes over a value.
fn format_round(value: &str, options: &FormatOptions) -> String {
    let mut changes: Vec<Change> = Vec::new();
    let fixed = normalize::join_lines(&normalize::value(Text::from_source(value), &mut changes)).into_string();
    if changes.iter().all(|c| options.allows(c.kind)) {
        return fixed;
    }
    // Some fixes are not wanted: apply the allowed passes one by one.
    let mut t = Text::from_source(value);
    let passes: [(ChangeKind, Pass); 9] = [
        (ChangeKind::LineEnd, normalize::line_ends),
        (ChangeKind::Space, normalize::spaces),
        (ChangeKind::CompatIdeograph, normalize::ideographs),
        (ChangeKind::FullwidthAlphanumeric, normalize::fullwidth_alphanumerics),
        (ChangeKind::Html, normalize::html),
        (ChangeKind::LiteralEscape, normalize::literal_escapes),
        (ChangeKind::HalfwidthPunctuation, normalize::punctuation_width),
        (ChangeKind::DocNumberBrackets, normalize::doc_number_brackets),
        (ChangeKind::LayoutSpace, normalize::layout_spaces),
    ];
    for (kind, pass) in passes {
        if options.allows(kind) {
            t = pass(t, &mut Vec::new());
        }
    }
    let joined = normalize::join_lines(&t).into_string();
    if joined.trim() == joined {
        joined
    } else {
        joined.trim().to_owned()
    }
}

fn format_citation(c: &mut Citation, o: &FormatOptions) {
    for v in [&mut c.tag, &mut c.title, &mut c.edition, &mut c.doc_number, &mut c.text] {
        *v = format_value(v, o).into();
    }
    for a in &mut c.articles {
        *a = format_value(a, o).into();
    }
}

/// The list with every text value in canonical form.
pub fn format_list<'a>(list: &List<'a>, options: &FormatOptions) -> List<'a> {
    let mut l = list.clone();
    let d = &mut l.document;
    for v in [&mut d.title, &mut d.issuer, &mut d.doc_number].into_iter().chain(d.notes.iter_mut()) {
        *v = format_value(v, options).into();
    }
    for item in &mut l.items {
        for v in [
            &mut item.section,
            &mut item.item,
            &mut item.sub_item,
            &mut item.kind,
            &mut item.department,
            &mut item.office,
            &mut item.responsibility,
            &mut item.liability_preamble,
            &mut item.remarks,
        ] {
            *v = format_value(v, options).into();
        }
        for cell in &mut item.extra {
            cell.header = format_value(&cell.header, options).into();
            cell.level = format_value(&cell.level, options).into();
            cell.text = format_value(&cell.text, options).into();
        }
        item.code = item.code.trim().to_owned().into();
        item.sub_code = item.sub_code.trim().to_owned().into();
        for c in item.legal_basis.iter_mut().chain(item.liability.iter_mut()) {
            format_citation(c, options);
        }
        for tier in &mut item.tier {
            tier.level = format_value(&tier.level, options).into();
            tier.scope = format_value(&tier.scope, options).into();
            for duty in &mut tier.duties {
                duty.group = format_value(&duty.group, options).into();
                duty.text = format_value(&duty.text, options).into();
            }
        }
    }
    l
}

/// A list file's text in canonical form.
pub fn format_text(text: &str, options: &FormatOptions) -> Result<String, LoadError> {
    let loaded = yaml::load(text, &options.limits)?;
    let canonical = yaml::to_canonical_string(&format_list(&loaded.list, options));
    let schema_line = yaml::modeline(text).map(|l| l[yaml::MODELINE_PREFIX.len()..].trim().to_owned());
    Ok(match schema_line.or_else(|| options.schema.clone()) {
        Some(schema) => yaml::with_modeline(&canonical, &schema),
        None => canonical,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_normalised() {
        let o = FormatOptions::default();
        assert_eq!(format_value("对 医 疗 保 险<p>的处罚</p>", &o), "对医疗保险的处罚");
        assert_eq!(format_value("人社部[2016]120号", &o), "人社部〔2016〕120号");
        assert_eq!(format_value("参保⼈员,医疗费⽤", &o), "参保人员，医疗费用");
    }

    #[test]
    fn only_enabled_fixes_apply() {
        let o = FormatOptions { fixes: Some(vec!["QD403".into()]), ..Default::default() };
        assert_eq!(format_value("对 医 疗,保险", &o), "对医疗,保险");
    }

    #[test]
    fn idempotent_on_messy_text() {
        let o = FormatOptions::default();
        let text = "qingdan: 1\nitems:\n  - item: \"对 医 疗 保 险,\\n经办机构&ldquo;处罚&rdquo;\"\n    code: ' 3700000236009'\n    type: 行政处罚\n    ignore: [QD203]\n";
        let once = format_text(text, &o).unwrap();
        let twice = format_text(&once, &o).unwrap();
        assert_eq!(once, twice);
        assert!(once.contains("item: 对医疗保险，经办机构“处罚”"), "{once}");
        assert!(once.contains("ignore: [QD203]"));
    }
}
