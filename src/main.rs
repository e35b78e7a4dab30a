//! The `qingdan` command: argument parsing and printing only; the work is in
//! the library.
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
