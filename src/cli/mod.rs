//! Command-line interface.

mod completions;
mod diff;
mod export;
mod fmt;
mod help_zh;
mod law;
mod output;
mod parse;
mod rule;
mod validate;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use qingdan::i18n::Lang;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  qingdan parse list.txt                                  YAML on stdout, warnings on stderr
  qingdan parse list.txt -o list.yaml                     write the list to a file
  qingdan parse *.txt --out-dir lists/                    one <stem>.yaml per input
  qingdan parse --encoding gbk old.txt                    override encoding detection
  qingdan validate lists/                                 check every list under lists/
  qingdan validate --format sarif lists/ > out.sarif      SARIF 2.1.0 for code scanning
  qingdan fmt --check lists/                              CI: fail when a list is not canonical
  qingdan diff old/list.yaml new/list.yaml                what changed, item by item
  qingdan export list.yaml --to xlsx                      the list as an Excel workbook
  qingdan parse list.xlsx                                 read a published spreadsheet
  qingdan rule QD201                                      what a rule finds, with examples
  qingdan law import regulation.txt -o laws/x.toml        add a regulation to the law registry
  qingdan schema > qingdan.schema.json                    the JSON Schema of the format";

/// Turn 权责清单 documents into canonical YAML lists, and check them.
#[derive(Debug, Parser)]
#[command(name = "qingdan", version, about, long_about = None, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print notes about every repair.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Language of messages and help: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_name = "LANG", global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Files read at once by parse --out-dir, validate and fmt (default: one per core).
    #[arg(short = 'j', long, value_name = "N", global = true, env = "QINGDAN_THREADS", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stderr is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse a list document (extracted text, xlsx/xls/ods or CSV) into a canonical YAML list.
    Parse(parse::ParseArgs),
    /// Check list files: codes, types, citations, structure and text.
    Validate(validate::ValidateArgs),
    /// Rewrite list files in canonical form, with the fixes of the fixable rules.
    Fmt(fmt::FmtArgs),
    /// Show what changed between two versions of a list (or two directories of lists).
    Diff(diff::DiffArgs),
    /// Write a list as a spreadsheet (xlsx or CSV), one row per item and tier.
    Export(export::ExportArgs),
    /// Explain a rule (`qingdan rule QD201`), or list them all (`--list`).
    Rule(rule::RuleArgs),
    /// Work with the law registry.
    Law(law::LawArgs),
    /// Print the JSON Schema of the list format.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff): `qingdan man > qingdan.1`.
    Man,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}` is not a language qingdan speaks: zh or en"))
}

/// The language asked for with `--lang`, looked for before the arguments are
/// parsed, since the help itself is written in it.
fn lang_from_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--lang") {
        Some(rest) if rest.starts_with('=') => Lang::parse(&rest[1..]),
        Some("") => args.get(i + 1).and_then(|v| Lang::parse(v)),
        _ => None,
    })
}

/// The command tree, with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    match lang {
        Lang::En => Cli::command(),
        Lang::Zh => help_zh::localize(Cli::command()),
    }
}

/// Runs the command line.
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = lang_from_args(&args).unwrap_or_else(Lang::from_env);
    output::set_lang(lang);
    let cli = match command(lang).try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let global = output::Global::new(cli.color, cli.quiet, cli.verbose, cli.threads);
    match cli.command {
        Command::Parse(args) => parse::run(&args, &global),
        Command::Validate(args) => validate::run(&args, &global),
        Command::Rule(args) => rule::run(&args),
        Command::Fmt(args) => fmt::run(&args, &global),
        Command::Diff(args) => diff::run(&args, &global),
        Command::Export(args) => export::run(&args),
        Command::Law(args) => law::run(&args),
        Command::Completions(args) => completions::completions(&args),
        Command::Man => completions::man(),
        Command::Schema => {
            print!("{}", qingdan::SCHEMA);
            ExitCode::SUCCESS
        }
    }
}
