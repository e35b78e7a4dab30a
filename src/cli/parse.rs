//! `qingdan parse`.

use super::output::{self, Global};
use clap::{Args, ValueEnum};
use qingdan::diagnostic::{render_summary, DiagnosticStream, Format, Severity, Summary};
use qingdan::parallel;
use qingdan::parse::{parse_bytes, ParseError, ParseOptions, DEFAULT_MAX_INPUT_BYTES};
use qingdan::tr;
use std::io::{Read, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `qingdan parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// A list document: extracted text, a workbook (.xlsx .xls .xlsb .ods), CSV, a Word document
    /// (.docx) or a web page (.html); `-` reads stdin.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Write the YAML to this file instead of stdout (one input only).
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write one `<stem>.yaml` per input into this directory.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Decode input with this encoding (utf-8, gbk, gb18030, utf-16le …) instead of detecting it.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Diagnostics format on stderr.
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
    /// URL or path of the JSON Schema for the `# yaml-language-server` line
    /// (default: `schema` in qingdan.toml, else the nearest qingdan.schema.json).
    #[arg(long, value_name = "URL|PATH")]
    pub schema: Option<String>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_BYTES)]
    pub max_input_bytes: usize,
}

/// Diagnostic formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// Graphical, with the source line shown.
    Human,
    /// One line per diagnostic.
    Concise,
    /// A JSON array.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

impl From<DiagFormat> for Format {
    fn from(f: DiagFormat) -> Self {
        match f {
            DiagFormat::Human => Format::Human,
            DiagFormat::Concise => Format::Concise,
            DiagFormat::Json => Format::Json,
            DiagFormat::Github => Format::Github,
            DiagFormat::Sarif => Format::Sarif,
        }
    }
}

/// Reads an input, never more than `limit + 1` bytes: a larger input is
/// refused by size before it fills memory.
fn read_input(name: &str, limit: usize) -> std::io::Result<Vec<u8>> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut buf = Vec::new();
    if name == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut buf)?;
    } else {
        let file = std::fs::File::open(name)?;
        if file.metadata()?.is_dir() {
            return Err(std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory, not a file"));
        }
        file.take(cap).read_to_end(&mut buf)?;
    }
    Ok(buf)
}

fn out_path(dir: &Path, input: &str) -> PathBuf {
    let stem = Path::new(input).file_stem().map_or_else(|| "stdin".into(), |s| s.to_string_lossy().into_owned());
    dir.join(format!("{stem}.yaml"))
}

/// The schema reference for the lists this run writes: `--schema`, else
/// qingdan.toml's `schema`, else the nearest qingdan.schema.json, seen from
/// where the lists go.
fn schema_for(args: &ParseArgs) -> Result<Option<String>, String> {
    let dir = match (&args.output, &args.out_dir) {
        (Some(file), _) => {
            file.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        }
        (None, Some(dir)) => dir.clone(),
        (None, None) => PathBuf::from("."),
    };
    if let Some(s) = &args.schema {
        return Ok(Some(s.clone()));
    }
    let configured = match qingdan::validate::Config::find(&dir) {
        Some(path) => qingdan::validate::Config::read(&path)?.schema,
        None => None,
    };
    Ok(qingdan::yaml::schema_reference(&dir, configured.as_deref()))
}

/// What parsing one input came to.
#[derive(Default)]
struct Outcome {
    /// 0 parsed, 1 parsed with errors, 2 not parsed or not written.
    exit: u8,
    /// Whether a list came out.
    parsed: bool,
    /// Its items.
    items: usize,
    diagnostics: Vec<qingdan::diagnostic::Diagnostic>,
    /// stdout was closed by its reader.
    broken_pipe: bool,
}

/// Inputs from this size on get a spinner while they are parsed.
const LARGE_INPUT: usize = 4 * 1024 * 1024;

/// Reads, parses and writes one input. Errors that stop it are printed at once.
fn parse_one(
    name: &str,
    args: &ParseArgs,
    options: &ParseOptions,
    global: &Global,
    progress: &output::Progress,
    schema: Option<&str>,
) -> Outcome {
    let failed = |e: &dyn output::Localized| {
        progress.suspend(|| output::error(name, e));
        Outcome { exit: 2, ..Outcome::default() }
    };
    let bytes = match read_input(name, args.max_input_bytes) {
        Ok(b) => b,
        Err(e) => return failed(&e),
    };
    let spinner = (args.files.len() == 1 && bytes.len() >= LARGE_INPUT)
        .then(|| output::Progress::working(&tr!("parsing {name}", "正在解析 {name}"), global));
    let parsed = match parse_bytes(name, &bytes, options) {
        Ok(p) => p,
        Err(e) => {
            let e: ParseError = e;
            return failed(&e);
        }
    };
    drop(spinner);
    let mut yaml = qingdan::yaml::to_canonical_string(&parsed.list);
    if let Some(schema) = schema {
        yaml = qingdan::yaml::with_modeline(&yaml, schema);
    }
    let written = match (&args.output, &args.out_dir) {
        (Some(path), _) => {
            qingdan::io::write_atomic(path, yaml.as_bytes()).map_err(|e| (path.display().to_string(), e))
        }
        (None, Some(dir)) => {
            let path = out_path(dir, name);
            qingdan::io::write_atomic(&path, yaml.as_bytes()).map_err(|e| (path.display().to_string(), e))
        }
        (None, None) => std::io::stdout().lock().write_all(yaml.as_bytes()).map_err(|e| ("stdout".into(), e)),
    };
    if let Err((target, e)) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Outcome { broken_pipe: true, ..Outcome::default() };
        }
        progress.suspend(|| output::error(&target, &e));
        return Outcome { exit: 2, ..Outcome::default() };
    }
    Outcome {
        exit: u8::from(parsed.has_errors()),
        parsed: true,
        items: parsed.list.items.len(),
        diagnostics: parsed.diagnostics,
        broken_pipe: false,
    }
}

/// Runs `qingdan parse`.
pub fn run(args: &ParseArgs, global: &Global) -> ExitCode {
    let started = Instant::now();
    if args.files.len() > 1 && args.out_dir.is_none() {
        output::error(
            "parse",
            &tr!(
                "several inputs need --out-dir DIR (one <stem>.yaml each)",
                "多个输入需要 --out-dir 目录（每个输入写一个 <stem>.yaml）"
            ),
        );
        return ExitCode::from(2);
    }
    if let Some(dir) = &args.out_dir {
        if !dir.is_dir() {
            output::error(
                &dir.display().to_string(),
                &tr!("--out-dir is not an existing directory", "--out-dir 不是已存在的目录"),
            );
            return ExitCode::from(2);
        }
    }
    let encoding = match args.encoding.as_deref().map(qingdan::decode::encoding_for_label).transpose() {
        Ok(e) => e,
        Err(e) => {
            output::error("--encoding", &e);
            return ExitCode::from(2);
        }
    };
    let options = ParseOptions { encoding, max_input_bytes: args.max_input_bytes };
    let format: Format = args.format.into();
    let progress = output::Progress::files(args.files.len(), &tr!("parsing", "解析中"), args.files.len() > 1, global);
    let schema = match schema_for(args) {
        Ok(s) => s,
        Err(e) => {
            output::error("config", &output::ConfigError(&e));
            return ExitCode::from(2);
        }
    };
    let one = |name: &String| {
        let outcome = parse_one(name, args, &options, global, &progress, schema.as_deref());
        progress.advance();
        outcome
    };
    let mut stream = DiagnosticStream::new(std::io::stderr(), format, global.render_options());
    let mut worst = 0u8;
    let mut notes = 0usize;
    let mut summary = Summary::default();
    let mut stopped = false;
    let mut report = |outcome: Outcome| {
        worst = worst.max(outcome.exit);
        if outcome.broken_pipe {
            // The reader went away (`| head`): stop quietly, as Unix tools do.
            stopped = true;
            return ControlFlow::Break(());
        }
        if outcome.parsed {
            summary.files += 1;
            summary.items += outcome.items;
        }
        progress.suspend(|| {
            for d in &outcome.diagnostics {
                match d.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                    Severity::Info => notes += 1,
                }
                if matches!(format, Format::Human | Format::Concise) && d.severity < global.threshold() {
                    continue;
                }
                stream.write(d);
            }
        });
        ControlFlow::Continue(())
    };
    // Inputs written to a directory are independent: they are parsed in
    // parallel and reported in the order given, a few per thread held at a
    // time. Otherwise each YAML goes to standard output before the next
    // input is read.
    if args.out_dir.is_some() && args.files.len() > 1 {
        parallel::map_in_order(&args.files, global.threads, global.threads * 4, one, &mut report);
    } else {
        for name in &args.files {
            if report(one(name)).is_break() {
                break;
            }
        }
    }
    if stopped {
        return ExitCode::from(worst);
    }
    drop(progress);
    let _ = stream.finish();
    summary.millis = started.elapsed().as_millis();
    if matches!(format, Format::Human | Format::Concise) && !global.quiet {
        let mut line = render_summary(&summary, output::lang());
        if notes > 0 && !global.verbose {
            line.push_str(
                tr!("; {notes} repair notes (-v lists them)", "；{notes} 条修复说明（-v 列出）").get(output::lang()),
            );
        }
        eprintln!("{line}");
    }
    ExitCode::from(worst)
}
