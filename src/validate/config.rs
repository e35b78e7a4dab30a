//! `qingdan.toml`: rule selection, severities, the code profile and extra
//! law directories, found upward from the files being checked.

use crate::diagnostic::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The configuration file's name.
pub const CONFIG_FILE: &str = "qingdan.toml";

/// Settings from `qingdan.toml` and the command line.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Rules to run, by code, code prefix (`QD3`) or name; all when empty.
    #[serde(default)]
    pub select: Vec<String>,
    /// Rules not to run, likewise.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per rule (`QD203 = "error"`), or `"off"`.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    /// The code profile to use, by name, instead of the one most codes fit.
    #[serde(default)]
    pub profile: Option<String>,
    /// Extra directories of profile files.
    #[serde(default)]
    pub profile_dirs: Vec<PathBuf>,
    /// Extra directories of law files.
    #[serde(default)]
    pub law_dirs: Vec<PathBuf>,
    /// Largest number of diagnostics to report.
    #[serde(default)]
    pub max_diagnostics: Option<usize>,
    /// YAML nesting limit.
    #[serde(default)]
    pub max_yaml_depth: Option<usize>,
    /// YAML alias limit.
    #[serde(default)]
    pub max_yaml_aliases: Option<usize>,
    /// URL or path (relative to this file) of the JSON Schema that parse and
    /// fmt name in each list's `# yaml-language-server` line.
    #[serde(default)]
    pub schema: Option<String>,
    /// Where the file was read from (directories in it are relative to its folder).
    #[serde(skip)]
    pub origin: Option<PathBuf>,
}

/// Does `pattern` (a code, a code prefix, or a name) name the rule?
fn matches(pattern: &str, code: &str, name: &str) -> bool {
    let p = pattern.trim();
    p.eq_ignore_ascii_case("all")
        || p.eq_ignore_ascii_case(name)
        || (p.len() >= 2 && code.to_ascii_uppercase().starts_with(&p.to_ascii_uppercase()))
}

impl Config {
    /// Reads a configuration file.
    pub fn read(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut c: Config = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        c.law_dirs = c.law_dirs.iter().map(|d| base.join(d)).collect();
        c.profile_dirs = c.profile_dirs.iter().map(|d| base.join(d)).collect();
        if let Some(schema) = &c.schema {
            if !schema.contains("://") {
                c.schema = Some(base.join(schema).to_string_lossy().into_owned());
            }
        }
        c.origin = Some(path.to_path_buf());
        Ok(c)
    }

    /// The nearest `qingdan.toml` in `start` or a parent directory.
    pub fn find(start: &Path) -> Option<PathBuf> {
        let start = if start.is_file() { start.parent()? } else { start };
        let abs = std::fs::canonicalize(start).ok()?;
        abs.ancestors().map(|d| d.join(CONFIG_FILE)).find(|p| p.is_file())
    }

    /// Whether the rule runs.
    pub fn enabled(&self, code: &str, name: &str) -> bool {
        let selected = self.select.is_empty() || self.select.iter().any(|p| matches(p, code, name));
        let ignored = self.ignore.iter().any(|p| matches(p, code, name));
        let off = self.severity.iter().any(|(k, v)| matches(k, code, name) && v.eq_ignore_ascii_case("off"));
        selected && !ignored && !off
    }

    /// The rule's severity: configured, else its default.
    pub fn severity(&self, code: &str, name: &str, default: Severity) -> Severity {
        for (k, v) in &self.severity {
            if matches(k, code, name) {
                match v.to_ascii_lowercase().as_str() {
                    "error" => return Severity::Error,
                    "warning" | "warn" => return Severity::Warning,
                    "info" | "note" => return Severity::Info,
                    _ => {}
                }
            }
        }
        default
    }

    /// Command-line selections on top of the file's.
    pub fn with_cli(mut self, select: &[String], ignore: &[String], profile: Option<String>) -> Config {
        if !select.is_empty() {
            self.select = select.to_vec();
        }
        self.ignore.extend(ignore.iter().cloned());
        if profile.is_some() {
            self.profile = profile;
        }
        self
    }

    /// Checks the configuration's own words, so a typo does not silently select nothing.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let known = |p: &str| crate::rules::registry::RULES.iter().any(|r| matches(p, r.code, r.name));
        for p in self.select.iter().chain(&self.ignore).chain(self.severity.keys()) {
            if !known(p) {
                out.push(format!("`{p}` names no rule"));
            }
        }
        for v in self.severity.values() {
            if !matches!(v.to_ascii_lowercase().as_str(), "error" | "warning" | "warn" | "info" | "note" | "off") {
                out.push(format!("severity `{v}` is not error, warning, info or off"));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_and_severity() {
        let c: Config = toml::from_str("select = [\"QD2\", \"unbalanced-brackets\"]\nignore = [\"QD203\"]\n[severity]\nQD201 = \"warning\"\nQD202 = \"off\"\n").unwrap();
        assert!(c.enabled("QD201", "code-length"));
        assert!(!c.enabled("QD202", "code-region"));
        assert!(!c.enabled("QD203", "code-checksum"));
        assert!(c.enabled("QD305", "unbalanced-brackets"));
        assert!(!c.enabled("QD101", "missing-field"));
        assert_eq!(c.severity("QD201", "code-length", Severity::Error), Severity::Warning);
        assert!(c.problems().is_empty());
        let bad: Config = toml::from_str("ignore = [\"QD999\"]\n").unwrap();
        assert_eq!(bad.problems().len(), 1);
    }
}
