//! Printing: colour choice, verbosity, and diagnostics to stderr.

use super::ColorChoice;
use qingdan::diagnostic::{render, Diagnostic, Format, RenderOptions, Severity};
use std::io::{IsTerminal, Write};

/// Settings every command shares.
#[derive(Debug, Clone, Copy)]
pub struct Global {
    /// Colour stderr.
    pub color: bool,
    /// Errors only.
    pub quiet: bool,
    /// Notes too.
    pub verbose: bool,
}

impl Global {
    pub fn new(choice: ColorChoice, quiet: bool, verbose: bool) -> Self {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Global { color, quiet, verbose }
    }

    /// The lowest severity shown in human output.
    pub fn threshold(&self) -> Severity {
        if self.quiet {
            Severity::Error
        } else if self.verbose {
            Severity::Info
        } else {
            Severity::Warning
        }
    }

    /// Options for the human renderer.
    pub fn render_options(&self) -> RenderOptions {
        RenderOptions { color: self.color, width: terminal_width() }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&w| w >= 40).unwrap_or(100)
}

/// Writes diagnostics to stderr in `format`; machine formats get all of them.
pub fn emit(diagnostics: &[Diagnostic], format: Format, global: &Global) {
    let shown: Vec<Diagnostic> = match format {
        Format::Human | Format::Concise => {
            diagnostics.iter().filter(|d| d.severity >= global.threshold()).cloned().collect()
        }
        _ => diagnostics.to_vec(),
    };
    if shown.is_empty() && matches!(format, Format::Human | Format::Concise | Format::Github) {
        return;
    }
    let text = render(&shown, format, &global.render_options());
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
}

/// Prints a one-line error about a file to stderr.
pub fn error(file: &str, message: impl std::fmt::Display) {
    eprintln!("error: {file}: {message}");
}
