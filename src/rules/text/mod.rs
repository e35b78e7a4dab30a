//! Text: the form of characters, spaces and markup. Every rule here is
//! fixable: the fix is the normalisation pass that parse applies.

mod compat_ideograph;
mod halfwidth_punctuation;
mod layout_space;
mod literal_escape;
mod residual_html;

use super::{Rule, Value, ValueFinding};
use crate::normalize::{self, Change, ChangeKind};
use crate::text::Text;

pub(super) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(residual_html::ResidualHtml),
        Box::new(literal_escape::LiteralEscape),
        Box::new(layout_space::LayoutSpace),
        Box::new(halfwidth_punctuation::HalfwidthPunctuation),
        Box::new(compat_ideograph::CompatIdeograph),
    ]
}

/// A normalisation pass with its pre-check: false when the pass surely
/// leaves a value as it is.
type CheckedPass = (fn(&str) -> bool, fn(Text, &mut Vec<Change>) -> Text);

/// Runs `pass` over the value when `may_change` lets it through (a scan
/// of its bytes spares most values a copy); a value it changes is one
/// finding, located at its first change, with the pass's result (lines
/// joined) as the fix.
fn check_with_pass(
    value: &Value,
    out: &mut Vec<ValueFinding>,
    kind: ChangeKind,
    (may_change, pass): CheckedPass,
    (what, what_zh): (&str, &str),
) {
    if !may_change(value.text) {
        return;
    }
    let mut changes = Vec::new();
    let fixed = pass(Text::from_source(value.text), &mut changes);
    let relevant: Vec<&Change> = changes.iter().filter(|c| c.kind == kind).collect();
    let Some(first) = relevant.first() else { return };
    let fixed = normalize::join_lines(&fixed).into_string();
    let shown = if first.before.chars().count() > 24 {
        format!("{}…", first.before.chars().take(24).collect::<String>())
    } else {
        first.before.clone()
    };
    let more = match relevant.len() {
        1 => crate::i18n::Message::default(),
        n => crate::tr!(" (and {} more)", "（另有 {} 处）", n - 1),
    };
    out.push(
        ValueFinding::new({
            let (shown, more_en, more_zh) = (shown.escape_debug(), more.en, more.zh);
            crate::tr!("{what}: `{shown}`{more_en}", "{what_zh}：`{shown}`{more_zh}")
        })
        .part(first.source.clone())
        .fix(fixed),
    );
}
