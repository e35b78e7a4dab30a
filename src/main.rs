//! The `qingdan` command: argument parsing and printing only; the work is in
//! the library.
#![forbid(unsafe_code)]

mod cli;

/// mimalloc rather than the system allocator: validate and parse build and
/// drop many small strings per item, and glibc's malloc spent a fifth of a
/// validate run on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
