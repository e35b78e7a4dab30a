//! `qingdan law`.

use clap::{Args, Subcommand};
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
                    eprintln!("error: {file}: {e}");
                    return ExitCode::from(2);
                }
            };
            let text = match qingdan::decode::decode(&bytes, None) {
                Ok(d) => d.text,
                Err(e) => {
                    eprintln!("error: {file}: {e}");
                    return ExitCode::from(2);
                }
            };
            let Some(imported) = import_law(&text) else {
                eprintln!("error: {file}: no articles (第…条) found");
                return ExitCode::from(2);
            };
            let toml = format!(
                "# Imported by qingdan law import from {}.\n{}",
                std::path::Path::new(file).file_name().map_or(file.clone(), |f| f.to_string_lossy().into_owned()),
                to_toml(std::slice::from_ref(&imported.law))
            );
            let written = match output {
                Some(p) => qingdan::io::write_atomic(p, toml.as_bytes()).map_err(|e| format!("{}: {e}", p.display())),
                None => {
                    print!("{toml}");
                    Ok(())
                }
            };
            if let Err(e) = written {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
            eprintln!(
                "{}: {} articles{}{}",
                imported.law.title,
                imported.law.text.len(),
                if imported.gaps.is_empty() { String::new() } else { format!("; missing: {:?}", imported.gaps) },
                if imported.out_of_order.is_empty() {
                    String::new()
                } else {
                    format!("; out of order: {:?}", imported.out_of_order)
                }
            );
            if imported.gaps.is_empty() && imported.out_of_order.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}
