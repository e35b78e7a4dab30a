//! `qingdan diff`.

use super::output::{self, Global};
use clap::{Args, ValueEnum};
use qingdan::diff::{diff_lists, render_human, render_markdown, render_stat, ListDiff};
use qingdan::i18n::Message;
use qingdan::model::List;
use qingdan::tr;
use qingdan::yaml::{self, YamlLimits};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `qingdan diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old list (a file, or a directory whose lists are paired by name).
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The new list, or directory.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// The rest of git's arguments when run as git's external diff driver
    /// (`path old-file old-hex old-mode new-file new-hex new-mode`).
    #[arg(hide = true, num_args = 0..)]
    pub git_rest: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Counts only.
    #[arg(long)]
    pub stat: bool,
    /// Only items in both lists (matched by code or name): leave out added and removed items.
    #[arg(long)]
    pub shared: bool,
    /// Run as git's external diff driver: the arguments are git's seven, and
    /// the exit code is 0 whenever the lists could be read.
    #[arg(long)]
    pub git_external: bool,
}

/// Diff output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Grouped by item, coloured on a terminal.
    Human,
    /// Markdown for a pull-request comment.
    Markdown,
    /// JSON.
    Json,
}

/// An error about a file, to print.
type FileError = (String, Message);

fn load(path: &str) -> Result<List<'static>, FileError> {
    if path == "/dev/null" || path.is_empty() {
        return Ok(List { qingdan: 1, ..List::default() });
    }
    let text = std::fs::read_to_string(path).map_err(|e| (path.to_owned(), output::both(&e)))?;
    yaml::load(&text, &YamlLimits::default()).map(|l| l.list.into_owned()).map_err(|e| (path.to_owned(), e.message))
}

fn list_files(dir: &Path) -> Result<Vec<String>, FileError> {
    let rd = std::fs::read_dir(dir).map_err(|e| (dir.display().to_string(), output::both(&e)))?;
    let mut v: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    Ok(v)
}

/// The pairs to compare: one pair of files, or the lists of two directories paired by name.
fn pairs(old: &str, new: &str) -> Result<Vec<(String, String, String)>, FileError> {
    let (po, pn) = (Path::new(old), Path::new(new));
    if po.is_dir() != pn.is_dir() && po.exists() && pn.exists() {
        return Err((
            format!("{old}, {new}"),
            tr!("compare a file with a file, or a directory with a directory", "只能文件对文件、目录对目录比较"),
        ));
    }
    if !po.is_dir() {
        return Ok(vec![(old.to_owned(), new.to_owned(), new.to_owned())]);
    }
    let (a, b) = (list_files(po)?, list_files(pn)?);
    let mut names: Vec<&String> = a.iter().chain(b.iter()).collect();
    names.sort();
    names.dedup();
    Ok(names
        .into_iter()
        .map(|n| {
            let o = if a.contains(n) { po.join(n).display().to_string() } else { "/dev/null".into() };
            let w = if b.contains(n) { pn.join(n).display().to_string() } else { "/dev/null".into() };
            (o, w, n.clone())
        })
        .collect())
}

/// Runs `qingdan diff`.
pub fn run(args: &DiffArgs, global: &Global) -> ExitCode {
    // As git's driver: OLD is the path, NEW the old file, and the rest follows.
    let (old, new) = if args.git_external {
        match (args.new.as_str(), args.git_rest.get(2)) {
            (o, Some(n)) => (o.to_owned(), n.clone()),
            _ => {
                output::error_plain(&tr!(
                    "--git-external takes git's seven arguments",
                    "--git-external 需要 git 传入的七个参数"
                ));
                return ExitCode::from(2);
            }
        }
    } else {
        if !args.git_rest.is_empty() {
            output::error_plain(&tr!("diff takes two paths (OLD NEW)", "diff 需要两个路径（旧 新）"));
            return ExitCode::from(2);
        }
        (args.old.clone(), args.new.clone())
    };
    let pairs = match pairs(&old, &new) {
        Ok(p) => p,
        Err((file, e)) => {
            output::error(&file, &e);
            return ExitCode::from(2);
        }
    };
    let mut any = false;
    let mut out = std::io::stdout().lock();
    let mut json = Vec::new();
    for (o, n, _) in pairs {
        let (a, b) = match (load(&o), load(&n)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err((file, e)), _) | (_, Err((file, e))) => {
                output::error(&file, &e);
                return ExitCode::from(2);
            }
        };
        let mut d: ListDiff = diff_lists(&a, &b);
        if args.shared {
            d.items.retain(|i| i.old.is_some() && i.new.is_some());
        }
        d.old_name = if args.git_external { format!("a/{}", args.old) } else { o.clone() };
        d.new_name = if args.git_external { format!("b/{}", args.old) } else { n.clone() };
        let matched = b.items.len().min(a.items.len());
        let stat = d.stat(matched);
        any |= !d.is_empty();
        if args.stat {
            let _ = out.write_all(render_stat(&d, &stat, output::lang()).as_bytes());
            continue;
        }
        match args.format {
            DiffFormat::Human => {
                if !d.is_empty() {
                    let _ = out.write_all(render_human(&d, global.color, output::lang()).as_bytes());
                }
            }
            DiffFormat::Markdown => {
                if !d.is_empty() {
                    let _ = out.write_all(render_markdown(&d, &stat, output::lang()).as_bytes());
                }
            }
            DiffFormat::Json => json.push(serde_json::json!({ "old": o, "new": n, "stat": stat, "items": d.items })),
        }
    }
    if args.format == DiffFormat::Json && !args.stat {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&json).unwrap_or_default());
    }
    if args.git_external || !any {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
