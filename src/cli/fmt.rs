//! `qingdan fmt`.

use super::output::{self, Global};
use clap::Args;
use qingdan::format::{format_text, FormatOptions};
use qingdan::i18n::Message;
use qingdan::parallel;
use qingdan::rules::registry;
use qingdan::tr;
use qingdan::validate::Config;
use std::io::{Read, Write};
use std::ops::ControlFlow;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `qingdan fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// List files or directories (walked for *.yaml and *.yml); `-` formats stdin to stdout.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<String>,
    /// Change nothing; exit 1 when a file would change.
    #[arg(long)]
    pub check: bool,
    /// Change nothing; print a unified diff of what would change.
    #[arg(long)]
    pub diff: bool,
    /// Apply only these rules' fixes (codes or names), comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Do not apply these rules' fixes, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// URL or path of the JSON Schema for the `# yaml-language-server` line of lists
    /// that have none (default: `schema` in qingdan.toml, else the nearest qingdan.schema.json).
    #[arg(long, value_name = "URL|PATH")]
    pub schema: Option<String>,
    /// Configuration file, instead of the nearest qingdan.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
}

fn list_files(paths: &[String]) -> (Vec<String>, Vec<(String, Message)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if p == "-" || path.is_file() {
            files.push(p.clone());
        } else if path.is_dir() {
            let mut found = Vec::new();
            for e in ignore::WalkBuilder::new(path)
                .hidden(false)
                .require_git(false)
                .filter_entry(|e| e.file_name() != ".git")
                .build()
            {
                match e {
                    Ok(e)
                        if e.file_type().is_some_and(|t| t.is_file())
                            && e.path().extension().is_some_and(|x| x == "yaml" || x == "yml") =>
                    {
                        found.push(e.path().display().to_string())
                    }
                    Ok(_) => {}
                    Err(err) => errors.push((p.clone(), Message::same(err.to_string()))),
                }
            }
            found.sort();
            files.extend(found);
        } else {
            errors.push((p.clone(), tr!("no such file or directory", "文件或目录不存在")));
        }
    }
    (files, errors)
}

/// What formatting one file came to.
enum FileOutcome {
    /// It could not be read, formatted or written: where, and why (in both languages).
    Failed(String, Message),
    /// Formatted stdin, to print.
    Stdout(String),
    /// Already canonical.
    Unchanged,
    /// Not canonical: rewritten, or (with `--diff`) the diff to print.
    Changed(Option<String>),
}

/// Reads, formats and (unless checking) rewrites one file.
fn format_one(f: &str, args: &FmtArgs, options: &FormatOptions, configured_schema: Option<&str>) -> FileOutcome {
    let text = if f == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().lock().read_to_string(&mut s) {
            return FileOutcome::Failed("stdin".into(), output::both(&e));
        }
        s
    } else {
        match std::fs::read_to_string(f) {
            Ok(s) => s,
            Err(e) => return FileOutcome::Failed(f.to_owned(), output::both(&e)),
        }
    };
    // Each list points at the schema from where it lies.
    let dir = if f == "-" { Path::new(".") } else { Path::new(f).parent().unwrap_or(Path::new(".")) };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let schema = args.schema.clone().or_else(|| qingdan::yaml::schema_reference(dir, configured_schema));
    let options = FormatOptions { schema, ..options.clone() };
    let formatted = match format_text(&text, &options) {
        Ok(t) => t,
        Err(e) => {
            let at = e.range.as_ref().map(|r| {
                let lc = qingdan::text::SourceFile::new(f, text.as_str()).line_col(r.start);
                format!(":{}:{}", lc.line, lc.column)
            });
            return FileOutcome::Failed(format!("{f}{}", at.unwrap_or_default()), e.message);
        }
    };
    if f == "-" && !args.check && !args.diff {
        return FileOutcome::Stdout(formatted);
    }
    if formatted == text {
        return FileOutcome::Unchanged;
    }
    if args.diff {
        let diff = similar::TextDiff::from_lines(&text, &formatted);
        return FileOutcome::Changed(Some(
            diff.unified_diff().context_radius(2).header(&format!("a/{f}"), &format!("b/{f}")).to_string(),
        ));
    }
    if !args.check {
        if let Err(e) = qingdan::io::write_atomic(Path::new(f), formatted.as_bytes()) {
            return FileOutcome::Failed(f.to_owned(), output::both(&e));
        }
    }
    FileOutcome::Changed(None)
}

/// Runs `qingdan fmt`.
pub fn run(args: &FmtArgs, global: &Global) -> ExitCode {
    let started = std::time::Instant::now();
    let config = match &args.config {
        Some(p) => Config::read(p),
        None => {
            args.paths.first().map(Path::new).and_then(Config::find).map_or(Ok(Config::default()), |p| Config::read(&p))
        }
    };
    let config = match config {
        Ok(c) => c.with_cli(&args.select, &args.ignore, None),
        Err(e) => {
            output::error("config", &output::ConfigError(&e));
            return ExitCode::from(2);
        }
    };
    let fixes: Vec<String> = registry::RULES
        .iter()
        .filter(|m| registry::is_fixable(m.code) && config.enabled(m.code, m.name))
        .map(|m| m.code.to_owned())
        .collect();
    let options = FormatOptions { fixes: Some(fixes), ..FormatOptions::default() };
    let (files, errors) = list_files(&args.paths);
    let mut trouble = !errors.is_empty();
    for (file, e) in errors {
        output::error(&file, &e);
    }
    let mut changed = 0usize;
    let mut out = std::io::stdout().lock();
    let progress = output::Progress::files(files.len(), &tr!("formatting", "格式化中"), files.len() > 1, global);
    // Files are formatted (and rewritten) in parallel; what is printed comes
    // in the order given, a few files per thread held at a time.
    let format_file = |f: &String| {
        let outcome = format_one(f, args, &options, config.schema.as_deref());
        progress.advance();
        (f.clone(), outcome)
    };
    let report = |(f, outcome): (String, FileOutcome)| {
        progress.suspend(|| match outcome {
            FileOutcome::Failed(place, e) => {
                output::error(&place, &e);
                trouble = true;
            }
            FileOutcome::Stdout(text) => {
                let _ = out.write_all(text.as_bytes());
            }
            FileOutcome::Unchanged => {}
            FileOutcome::Changed(diff) => {
                changed += 1;
                if let Some(diff) = diff {
                    let _ = out.write_all(diff.as_bytes());
                } else if args.check {
                    let _ = writeln!(out, "{}", tr!("would reformat {f}", "需要重新格式化 {f}").get(output::lang()));
                } else if !global.quiet {
                    output::note(&tr!("reformatted {f}", "已重新格式化 {f}"));
                }
            }
        });
        ControlFlow::Continue(())
    };
    parallel::map_in_order(&files, global.threads, global.threads * 8, format_file, report);
    drop(progress);
    let stdin_only = files.len() == 1 && files[0] == "-";
    if !global.quiet && !stdin_only {
        let n = files.len();
        let s = if n == 1 { "" } else { "s" };
        let ms = started.elapsed().as_millis();
        output::note(&if args.check || args.diff {
            tr!(
                "{n} file{s} checked, {changed} would be reformatted ({ms} ms)",
                "检查了 {n} 个文件，{changed} 个需要重新格式化（{ms} 毫秒）"
            )
        } else {
            tr!(
                "{n} file{s} checked, {changed} reformatted ({ms} ms)",
                "检查了 {n} 个文件，重新格式化了 {changed} 个（{ms} 毫秒）"
            )
        });
    }
    if trouble {
        ExitCode::from(2)
    } else if (args.check || args.diff) && changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
