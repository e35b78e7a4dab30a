//! Helpers for tests that run the `qingdan` binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The list seeds: every seed except the regulation's text.
pub fn list_seeds() -> Vec<PathBuf> {
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt") && !p.file_name().unwrap().to_string_lossy().starts_with("002_")
        })
        .collect();
    seeds.sort();
    seeds
}

/// Text fixtures (`fixtures/*.txt`).
pub fn text_fixtures() -> Vec<PathBuf> {
    let dir = root().join("fixtures");
    let mut files = files_with_ext(&dir, "txt");
    // Web pages, also those saved under a workbook's name.
    files.extend(files_with_ext(&dir, "html"));
    files.extend(files_with_ext(&dir, "htm"));
    files.extend(
        files_with_ext(&dir, "xls")
            .into_iter()
            .filter(|p| std::fs::read(p).unwrap().trim_ascii_start().starts_with(b"<")),
    );
    files
}

/// YAML fixtures (`fixtures/*.yaml`).
pub fn yaml_fixtures() -> Vec<PathBuf> {
    files_with_ext(&root().join("fixtures"), "yaml")
}

fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut v: Vec<PathBuf> =
        rd.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == ext)).collect();
    v.sort();
    v
}

/// Runs qingdan with `args` in the repository root.
pub fn qingdan(args: &[&str]) -> Output {
    qingdan_with_stdin(args, None)
}

/// Runs qingdan with `args`, feeding `stdin`.
pub fn qingdan_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    qingdan_with_env(args, stdin, &[])
}

/// Runs qingdan with `args`, feeding `stdin`, with extra environment variables.
pub fn qingdan_with_env(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qingdan"));
    // English unless a test asks otherwise: messages are asserted on.
    cmd.args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .envs(env.iter().copied());
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("qingdan runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "qingdan panicked: {stderr}");
    out
}

/// Parses a file and returns its YAML, asserting success.
pub fn parse_yaml(path: &Path) -> String {
    let out = qingdan(&["parse", "--format", "json", path.to_str().unwrap()]);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "parse {} failed: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A fresh temporary directory for one test, removed with everything in
/// it when the test is done with it (dropped), so that runs leave nothing.
pub struct TestDir(tempfile::TempDir);

impl std::ops::Deref for TestDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for TestDir {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<std::ffi::OsStr> for TestDir {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.path().as_os_str()
    }
}

/// A fresh temporary directory for one test, named after it for whoever
/// looks while it runs.
pub fn temp_dir(tag: &str) -> TestDir {
    TestDir(tempfile::Builder::new().prefix(&format!("qingdan-test-{tag}-")).tempdir().unwrap())
}
