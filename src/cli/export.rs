//! `qingdan export`.

use super::output;
use clap::{Args, ValueEnum};
use qingdan::export::{Export, ExportFormat};
use qingdan::text::SourceFile;
use qingdan::yaml::{self, YamlLimits};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `qingdan export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The list to export; `-` reads stdin.
    #[arg(value_name = "LIST")]
    pub list: String,
    /// Spreadsheet format; by default the output's extension, else xlsx.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: Option<ToFormat>,
    /// Output file (`-` for stdout); by default the list's name with the format's extension.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Spreadsheet formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ToFormat {
    /// Excel workbook, one sheet per section, header row frozen, text wrapped.
    Xlsx,
    /// CSV, UTF-8 with a byte-order mark.
    Csv,
}

impl ToFormat {
    fn extension(self) -> &'static str {
        match self {
            ToFormat::Xlsx => "xlsx",
            ToFormat::Csv => "csv",
        }
    }
}

/// Runs `qingdan export`.
pub fn run(args: &ExportArgs) -> ExitCode {
    let by_extension = args.output.as_deref().and_then(|p| p.extension()).and_then(|x| {
        let x = x.to_string_lossy().to_ascii_lowercase();
        ToFormat::from_str(&x, true).ok()
    });
    let to = args.to.or(by_extension).unwrap_or(ToFormat::Xlsx);
    let text = match read(&args.list) {
        Ok(t) => t,
        Err(e) => {
            output::error(&args.list, &e);
            return ExitCode::from(2);
        }
    };
    let list = match yaml::load(&text, &YamlLimits::default()) {
        Ok(loaded) => loaded.list,
        Err(e) => {
            let place = e.range.clone().map(|r| SourceFile::new(args.list.as_str(), text.as_str()).line_col(r.start));
            let name = match place {
                Some(lc) => format!("{}:{}:{}", args.list, lc.line, lc.column),
                None => args.list.clone(),
            };
            output::error(&name, &e);
            return ExitCode::from(2);
        }
    };
    let format = match to {
        ToFormat::Xlsx => ExportFormat::Xlsx,
        ToFormat::Csv => ExportFormat::Csv,
    };
    let bytes = match Export::new(&list).write(format) {
        Ok(b) => b,
        Err(e) => {
            output::error(&args.list, &e);
            return ExitCode::from(2);
        }
    };
    let target = match &args.output {
        Some(p) => p.clone(),
        None if args.list == "-" => PathBuf::from("-"),
        None => Path::new(&args.list).with_extension(to.extension()),
    };
    let written = if target.as_os_str() == "-" {
        std::io::stdout().lock().write_all(&bytes)
    } else {
        qingdan::io::write_atomic(&target, &bytes)
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::error(&target.display().to_string(), &e);
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> std::io::Result<String> {
    if path == "-" {
        std::io::read_to_string(std::io::stdin().lock())
    } else {
        std::fs::read_to_string(path)
    }
}
