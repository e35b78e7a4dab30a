//! `qingdan rule`.

use clap::Args;
use qingdan::rules::{self, registry};
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
        for meta in registry::RULES {
            let fix = if registry::is_fixable(meta.code) { " (fixable)" } else { "" };
            println!(
                "{}  {:<24} {:<10} {:<8} {}{fix}",
                meta.code,
                meta.name,
                meta.family.as_str(),
                meta.severity.as_str(),
                meta.summary
            );
        }
        return ExitCode::SUCCESS;
    }
    let wanted = args.rule.as_deref().unwrap_or_default();
    let meta = registry::by_code(wanted).or_else(|| registry::by_name(wanted));
    match meta {
        Some(meta) => match all.iter().find(|r| r.code() == meta.code) {
            Some(rule) => {
                print!("{}", rules::render_doc(rule.as_ref()));
                ExitCode::SUCCESS
            }
            None => {
                println!(
                    "{} {} ({}, {})\n\n{}",
                    meta.code,
                    meta.name,
                    meta.family.as_str(),
                    meta.severity.as_str(),
                    meta.summary
                );
                ExitCode::SUCCESS
            }
        },
        None => {
            eprintln!("error: no rule `{wanted}`; `qingdan rule --list` lists them");
            ExitCode::from(2)
        }
    }
}
