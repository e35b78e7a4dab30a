//! `qingdan validate`.

use super::output::{self, ConfigError, Global};
use super::parse::DiagFormat;
use clap::Args;
use qingdan::diagnostic::{render_human, render_summary, Diagnostic, DiagnosticStream, Format, Severity, Summary};
use qingdan::i18n::Message;
use qingdan::parallel;
use qingdan::text::SourceFile;
use qingdan::tr;
use qingdan::validate::{Config, Engine, FileReport};
use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Arguments of `qingdan validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// List files or directories (walked for *.yaml and *.yml, honouring .gitignore); `-` reads stdin.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<String>,
    /// Output format; `github` is the default when GITHUB_ACTIONS is set.
    #[arg(long, value_enum)]
    pub format: Option<DiagFormat>,
    /// Run only these rules (codes, code prefixes such as QD3, or names), comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Do not run these rules, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Code profile to use (shandong, gansu, or one from a profile directory).
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Configuration file, instead of the nearest qingdan.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Stop reporting after this many diagnostics.
    #[arg(long, value_name = "N")]
    pub max_diagnostics: Option<usize>,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Always exit 0 (unless the command itself fails).
    #[arg(long)]
    pub exit_zero: bool,
}

fn is_list_file(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// The files to check, in a stable order; errors name the path.
fn collect(paths: &[String]) -> (Vec<String>, Vec<(String, Message)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p == "-" {
            files.push("-".to_owned());
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path)
                .hidden(false)
                .require_git(false)
                .filter_entry(|e| e.file_name() != ".git")
                .build()
            {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_list_file(e.path()) => {
                        found.push(e.path().display().to_string())
                    }
                    Ok(_) => {}
                    Err(e) => errors.push((p.clone(), Message::same(e.to_string()))),
                }
            }
            found.sort();
            files.extend(found);
        } else if path.exists() {
            files.push(p.clone());
        } else {
            errors.push((p.clone(), tr!("no such file or directory", "文件或目录不存在")));
        }
    }
    (files, errors)
}

fn read(name: &str) -> Result<Arc<str>, (String, Message)> {
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::stdin().lock().read_to_end(&mut b).map_err(|e| ("stdin".to_owned(), output::both(&e)))?;
        b
    } else {
        std::fs::read(name).map_err(|e| (name.to_owned(), output::both(&e)))?
    };
    qingdan::decode::utf8(&bytes)
        .map(Arc::from)
        .map_err(|at| (name.to_owned(), tr!("not UTF-8 at byte {at}", "第 {at} 字节处不是 UTF-8")))
}

/// A file checked: its report, and each diagnostic in the human format
/// when that is the format asked for and the diagnostic is shown.
type Checked = (FileReport, Vec<Option<String>>);

/// Runs `qingdan validate`.
pub fn run(args: &ValidateArgs, global: &Global) -> ExitCode {
    let started = Instant::now();
    let config = match &args.config {
        Some(p) => Config::read(p),
        None => {
            args.paths.first().map(Path::new).and_then(Config::find).map_or(Ok(Config::default()), |p| Config::read(&p))
        }
    };
    let config = match config {
        Ok(c) => c.with_cli(&args.select, &args.ignore, args.profile.clone()),
        Err(e) => {
            output::error("config", &ConfigError(&e));
            return ExitCode::from(2);
        }
    };
    let problems = config.problems();
    if !problems.is_empty() {
        for p in problems {
            output::error(
                config.origin.as_ref().map_or("--select/--ignore".into(), |o| o.display().to_string()).as_str(),
                &ConfigError(&p),
            );
        }
        return ExitCode::from(2);
    }
    let max = args.max_diagnostics.or(config.max_diagnostics);
    let year = this_year();
    let engine = match Engine::new(config, year) {
        Ok(e) => e,
        Err(e) => {
            output::error("config", &ConfigError(&e));
            return ExitCode::from(2);
        }
    };
    let (files, errors) = collect(&args.paths);
    let mut trouble = !errors.is_empty();
    for (file, e) in errors {
        output::error(&file, &e);
    }
    let format = match args.format {
        Some(f) => Format::from(f),
        None if std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true") => Format::Github,
        None => Format::Human,
    };
    // Formats without source lines need only lines and columns: a file's
    // text is let go as soon as it is checked.
    let detach = format != Format::Human;
    let progress = output::Progress::files(files.len(), &tr!("validating", "检查中"), files.len() > 1, global);
    let mut stream = DiagnosticStream::new(output::stdout_writer(), format, global.render_options());
    let mut corpus = engine.corpus();
    let mut summary = Summary::default();
    let mut counted = 0usize;
    // The count, for the threads that render: past the limit nothing is shown.
    let counted_so_far = AtomicUsize::new(0);
    let shown = |d: &Diagnostic| !matches!(format, Format::Human | Format::Concise) || d.severity >= global.threshold();
    // Each diagnostic, in order: counted, and written unless past the limit
    // or below the threshold (as rendered by the thread that checked its
    // file, when it was).
    let mut emit = |d: &Diagnostic, rendered: Option<&str>, stream: &mut DiagnosticStream<_>, summary: &mut Summary| {
        match d.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => {}
        }
        counted += 1;
        counted_so_far.store(counted, Ordering::Relaxed);
        if max.is_some_and(|m| counted > m) {
            summary.omitted += 1;
            return;
        }
        if !shown(d) {
            return;
        }
        match rendered {
            Some(text) => stream.write_rendered(text),
            None => stream.write(d),
        }
    };
    let options = global.render_options();
    // Files are checked in parallel and reported in the order given, each as
    // soon as those before it are; at most a few per thread wait, so memory
    // holds a handful of files, not the tree.
    // The human format, the costly one to render, is rendered here too,
    // beside the checking, and only written on the main thread.
    let check = |f: &String| -> Result<Checked, (String, Message)> {
        let name = if f == "-" { "<stdin>" } else { f };
        let mut report = read(f).map(|text| engine.check_shared(name, text));
        let mut rendered = Vec::new();
        if let Ok(r) = &mut report {
            if detach && f != "-" {
                let light = Arc::new(SourceFile::new(r.source.name(), ""));
                r.diagnostics = std::mem::take(&mut r.diagnostics).into_iter().map(|d| d.detached(&light)).collect();
                r.source = light;
            }
            if format == Format::Human {
                let room = || max.is_none_or(|m| counted_so_far.load(Ordering::Relaxed) < m);
                rendered =
                    r.diagnostics.iter().map(|d| (shown(d) && room()).then(|| render_human(d, &options))).collect();
            }
        }
        progress.advance();
        report.map(|r| (r, rendered))
    };
    let report_file = |result: Result<Checked, (String, Message)>| {
        progress.suspend(|| match result {
            Ok((mut report, rendered)) => {
                summary.files += 1;
                summary.items += report.items();
                engine.add_to_corpus(&mut corpus, &mut report);
                for (k, d) in report.diagnostics.iter().enumerate() {
                    emit(d, rendered.get(k).and_then(Option::as_deref), &mut stream, &mut summary);
                }
            }
            Err((file, e)) => {
                output::error(&file, &e);
                trouble = true;
            }
        });
        // The reader went away (`| head`): stop, as Unix tools do.
        if stream.reader_gone() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    parallel::map_in_order(&files, global.threads, global.threads * 8, check, report_file);
    drop(progress);
    let stopped = stream.reader_gone();
    // Findings across the lists come last, by file and position.
    if !stopped {
        for d in engine.corpus_diagnostics(corpus, detach) {
            emit(&d, None, &mut stream, &mut summary);
        }
    }
    if let Err(e) = stream.finish() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            output::error("stdout", &e);
            trouble = true;
        }
    }
    summary.millis = started.elapsed().as_millis();
    // A run stopped early has no summary to give.
    if !global.quiet && !stopped && matches!(format, Format::Human | Format::Concise | Format::Github) {
        eprintln!("{}", render_summary(&summary, output::lang()));
    }
    if trouble {
        return ExitCode::from(2);
    }
    if args.exit_zero {
        return ExitCode::SUCCESS;
    }
    if summary.errors > 0 || (args.strict && summary.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The current year, from the system clock (UTC), for checking document-number years.
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    // Days to civil date (Howard Hinnant's algorithm), year only.
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}
