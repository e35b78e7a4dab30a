//! `qingdan law`.

use super::output;
use clap::{Args, Subcommand};
use qingdan::tr;
use qingdan::validate::law_import::import_law;
use qingdan::validate::laws::to_toml;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `qingdan law`.
#[derive(Debug, Args)]
pub struct LawArgs {
    #[command(subcommand)]
    pub command: LawCommand,
}

/// What to do with laws.
#[derive(Debug, Subcommand)]
pub enum LawCommand {
    /// Turn a regulation's text into a law-registry entry (TOML), articles split and numbered.
    Import {
        /// The regulation's text (UTF-8, GBK …).
        file: String,
        /// Write the entry here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Runs `qingdan law`.
pub fn run(args: &LawArgs) -> ExitCode {
    match &args.command {
        LawCommand::Import { file, output } => {
            let bytes = match std::fs::read(file) {
                Ok(b) => b,
                Err(e) => {
                    output::error(file, &e);
                    return ExitCode::from(2);
                }
            };
            let text = match qingdan::decode::decode(&bytes, None) {
                Ok(d) => d.text,
                Err(e) => {
                    output::error(file, &e);
                    return ExitCode::from(2);
                }
            };
            let Some(imported) = import_law(&text) else {
                output::error(file, &tr!("no articles (第…条) found", "没有找到条文（第……条）"));
                return ExitCode::from(2);
            };
            let toml = format!(
                "# Imported by qingdan law import from {}.\n{}",
                std::path::Path::new(file).file_name().map_or(file.clone(), |f| f.to_string_lossy().into_owned()),
                to_toml(std::slice::from_ref(&imported.law))
            );
            let written = match output {
                Some(p) => qingdan::io::write_atomic(p, toml.as_bytes()).map_err(|e| (p.display().to_string(), e)),
                None => {
                    print!("{toml}");
                    Ok(())
                }
            };
            if let Err((target, e)) = written {
                output::error(&target, &e);
                return ExitCode::from(2);
            }
            let (title, n) = (&imported.law.title, imported.law.text.len());
            let mut line = tr!("{title}: {n} articles", "{title}：{n} 条");
            if !imported.gaps.is_empty() {
                let gaps = imported
                    .gaps
                    .iter()
                    .map(|g| format!("第{}条", qingdan::text::to_chinese(*g)))
                    .collect::<Vec<_>>()
                    .join("、");
                line.append(&tr!("; missing: {gaps}", "；缺少：{gaps}"));
            }
            if !imported.out_of_order.is_empty() {
                let order = imported
                    .out_of_order
                    .iter()
                    .map(|g| format!("第{}条", qingdan::text::to_chinese(*g)))
                    .collect::<Vec<_>>()
                    .join("、");
                line.append(&tr!("; out of order: {order}", "；顺序错乱：{order}"));
            }
            output::note(&line);
            if imported.gaps.is_empty() && imported.out_of_order.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}
