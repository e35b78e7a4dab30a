//! `qingdan rule`.

use super::output;
use clap::Args;
use qingdan::i18n::Lang;
use qingdan::rules::{self, registry};
use qingdan::tr;
use std::process::ExitCode;

/// Arguments of `qingdan rule`.
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// A rule's code (QD201) or name (code-length).
    #[arg(value_name = "RULE", required_unless_present = "list")]
    pub rule: Option<String>,
    /// List every rule.
    #[arg(long)]
    pub list: bool,
}

/// Runs `qingdan rule`.
pub fn run(args: &RuleArgs) -> ExitCode {
    let all = rules::all();
    if args.list {
        let zh = output::lang() == Lang::Zh;
        for meta in registry::RULES {
            let fixable = registry::is_fixable(meta.code);
            let (family, severity, summary, fix) = if zh {
                (
                    meta.family.name_zh(),
                    meta.severity.name_zh(),
                    meta.summary_zh,
                    if fixable { "（可修复）" } else { "" },
                )
            } else {
                (meta.family.as_str(), meta.severity.as_str(), meta.summary, if fixable { " (fixable)" } else { "" })
            };
            // Pad by display width: a Chinese character takes two columns.
            let pad = |s: &str, width: usize| {
                let w: usize = s.chars().map(|c| if qingdan::text::is_cjk(c) { 2 } else { 1 }).sum();
                format!("{s}{}", " ".repeat(width.saturating_sub(w)))
            };
            println!("{}  {:<24} {} {} {summary}{fix}", meta.code, meta.name, pad(family, 10), pad(severity, 8));
        }
        return ExitCode::SUCCESS;
    }
    let wanted = args.rule.as_deref().unwrap_or_default();
    let meta = registry::by_code(wanted).or_else(|| registry::by_name(wanted));
    match meta {
        Some(meta) => match all.iter().find(|r| r.code() == meta.code) {
            Some(rule) => {
                print!("{}", rules::render_doc(rule.as_ref(), output::lang()));
                ExitCode::SUCCESS
            }
            None => {
                let (family, severity, summary) = if output::lang() == Lang::Zh {
                    (meta.family.name_zh(), meta.severity.name_zh(), meta.summary_zh)
                } else {
                    (meta.family.as_str(), meta.severity.as_str(), meta.summary)
                };
                println!("{} {} ({family}, {severity})\n\n{summary}", meta.code, meta.name);
                ExitCode::SUCCESS
            }
        },
        None => {
            output::error_plain(&tr!(
                "no rule `{wanted}`; `qingdan rule --list` lists them",
                "没有规则 `{wanted}`；`qingdan rule --list` 列出全部规则"
            ));
            ExitCode::from(2)
        }
    }
}
