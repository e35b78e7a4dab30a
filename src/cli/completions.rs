//! `qingdan completions` and `qingdan man`.

use clap::{Args, ValueEnum};
use std::io::Write;
use std::process::ExitCode;

/// Shells completions are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
    /// Elvish.
    Elvish,
}

/// Arguments of `qingdan completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Writes the completion script for a shell to stdout.
pub fn completions(args: &CompletionsArgs) -> ExitCode {
    use clap_complete::{generate, shells};
    let mut cmd = super::command(super::output::lang());
    // Written to a buffer first: the generator panics on a closed pipe.
    let mut out: Vec<u8> = Vec::new();
    match args.shell {
        Shell::Bash => generate(shells::Bash, &mut cmd, "qingdan", &mut out),
        Shell::Zsh => generate(shells::Zsh, &mut cmd, "qingdan", &mut out),
        Shell::Fish => generate(shells::Fish, &mut cmd, "qingdan", &mut out),
        Shell::Powershell => generate(shells::PowerShell, &mut cmd, "qingdan", &mut out),
        Shell::Elvish => generate(shells::Elvish, &mut cmd, "qingdan", &mut out),
    }
    let _ = std::io::stdout().lock().write_all(&out);
    ExitCode::SUCCESS
}

/// Writes the man page (roff) to stdout.
pub fn man() -> ExitCode {
    let cmd = super::command(super::output::lang());
    let mut buf = Vec::new();
    if clap_mangen::Man::new(cmd).render(&mut buf).is_err() {
        super::output::error_plain(&qingdan::tr!("could not render the man page", "无法生成 man 手册页"));
        return ExitCode::from(2);
    }
    let _ = std::io::stdout().lock().write_all(&buf);
    ExitCode::SUCCESS
}
