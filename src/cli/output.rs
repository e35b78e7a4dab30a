//! Printing: colour choice, verbosity, and diagnostics to stderr.

use super::ColorChoice;
use qingdan::diagnostic::{RenderOptions, Severity};
use qingdan::i18n::{Lang, Message};
use qingdan::tr;
use std::io::IsTerminal;
use std::sync::OnceLock;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language of every message for the rest of the run (once, at start).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language messages are written in.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Something that can be said in either language.
pub trait Localized {
    /// The text in `lang`.
    fn text(&self, lang: Lang) -> String;
}

/// `e` in both languages, for errors kept to be printed later.
pub fn both(e: &dyn Localized) -> Message {
    Message::new(e.text(Lang::En), e.text(Lang::Zh))
}

impl Localized for Message {
    fn text(&self, lang: Lang) -> String {
        self.get(lang).to_owned()
    }
}

impl Localized for std::io::Error {
    fn text(&self, lang: Lang) -> String {
        use std::io::ErrorKind::*;
        if lang == Lang::En {
            return self.to_string();
        }
        let what = match self.kind() {
            NotFound => "文件或目录不存在",
            PermissionDenied => "没有权限",
            IsADirectory => "是目录，不是文件",
            AlreadyExists => "已存在",
            InvalidData => "内容无效",
            StorageFull => "磁盘已满",
            ReadOnlyFilesystem => "文件系统只读",
            _ => return format!("输入输出错误：{self}"),
        };
        what.to_owned()
    }
}

impl Localized for qingdan::parse::ParseError {
    fn text(&self, lang: Lang) -> String {
        self.message().get(lang).to_owned()
    }
}

impl Localized for qingdan::decode::DecodeError {
    fn text(&self, lang: Lang) -> String {
        self.message().get(lang).to_owned()
    }
}

impl Localized for qingdan::yaml::LoadError {
    fn text(&self, lang: Lang) -> String {
        self.message.get(lang).to_owned()
    }
}

impl Localized for qingdan::export::ExportError {
    fn text(&self, lang: Lang) -> String {
        self.message().get(lang).to_owned()
    }
}

/// A configuration or registry error, worded by the file's reader (TOML
/// errors quote the file), with a Chinese lead.
pub struct ConfigError<'a>(pub &'a str);

impl Localized for ConfigError<'_> {
    fn text(&self, lang: Lang) -> String {
        let e = self.0;
        tr!("{e}", "配置有误：{e}").get(lang).to_owned()
    }
}

/// Settings every command shares.
#[derive(Debug, Clone, Copy)]
pub struct Global {
    /// Colour stderr.
    pub color: bool,
    /// Errors only.
    pub quiet: bool,
    /// Notes too.
    pub verbose: bool,
    /// Files worked on at once.
    pub threads: usize,
}

impl Global {
    pub fn new(choice: ColorChoice, quiet: bool, verbose: bool, threads: Option<u16>) -> Self {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        let threads = threads
            .map_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get), usize::from);
        Global { color, quiet, verbose, threads }
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
        RenderOptions { color: self.color, width: terminal_width(), lang: lang() }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&w| w >= 40).unwrap_or(100)
}

/// A progress bar on stderr for long runs: drawn only when stderr is a
/// terminal, never with `--quiet`, and cleared when the run ends so that only
/// the summary line stays.
pub struct Progress {
    bar: indicatif::ProgressBar,
}

impl Progress {
    /// A bar over `total` files, labelled `what`; hidden unless the run is long
    /// enough (`shown`) and stderr is a terminal.
    pub fn files(total: usize, what: &Message, shown: bool, global: &Global) -> Progress {
        let visible = shown && !global.quiet && std::io::stderr().is_terminal();
        if !visible {
            return Progress { bar: indicatif::ProgressBar::hidden() };
        }
        let bar = indicatif::ProgressBar::with_draw_target(Some(total as u64), indicatif::ProgressDrawTarget::stderr());
        let template = match lang() {
            Lang::En => "{msg} {bar:30} {pos}/{len} files, {elapsed} (eta {eta})",
            Lang::Zh => "{msg} {bar:30} {pos}/{len} 个文件，已用 {elapsed}（预计还需 {eta}）",
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("█▉▊▋▌▍▎▏ "));
        }
        bar.set_message(what.get(lang()).to_owned());
        bar.tick();
        Progress { bar }
    }

    /// A spinner for one large input.
    pub fn working(what: &Message, global: &Global) -> Progress {
        if global.quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: indicatif::ProgressBar::hidden() };
        }
        let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
            bar.set_style(style);
        }
        bar.set_message(what.get(lang()).to_owned());
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress { bar }
    }

    /// One more file done.
    pub fn advance(&self) {
        self.bar.inc(1);
    }

    /// Runs `f` without the bar in the way of what it prints.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

/// Standard output for a report: line by line on a terminal, so that it
/// is read as it comes, and in large blocks into a file or a pipe, where a
/// system call per line would cost more than the report's making.
pub fn stdout_writer() -> Box<dyn std::io::Write> {
    let stdout = std::io::stdout();
    if stdout.is_terminal() {
        Box::new(stdout.lock())
    } else {
        Box::new(std::io::BufWriter::with_capacity(64 << 10, stdout.lock()))
    }
}

/// Prints a one-line error about a file to stderr.
pub fn error(file: &str, message: &dyn Localized) {
    let text = message.text(lang());
    match lang() {
        Lang::En => eprintln!("error: {file}: {text}"),
        Lang::Zh => eprintln!("错误：{file}：{text}"),
    }
}

/// Prints a one-line error that concerns no one file.
pub fn error_plain(message: &dyn Localized) {
    let text = message.text(lang());
    match lang() {
        Lang::En => eprintln!("error: {text}"),
        Lang::Zh => eprintln!("错误：{text}"),
    }
}

/// Prints a line of progress or of a summary to stderr, in the run's language.
pub fn note(message: &Message) {
    eprintln!("{}", message.get(lang()));
}
