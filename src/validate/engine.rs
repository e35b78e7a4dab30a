//! Running the rules over list files: loading with positions, turning
//! findings into located diagnostics, honouring configuration and each
//! item's `ignore`, and the checks that need every file of a run.

use super::config::Config;
use super::laws::LawRegistry;
use super::profile::{builtin_profiles, parse_profile, Profile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::citations::{QuoteIndex, Quotes};
use crate::rules::registry::{self, RuleMeta};
use crate::rules::{self, Context, Finding, Memo, Rule};
use crate::text::SourceFile;
use crate::yaml::{self, Loaded, SpanIndex, YamlLimits};
use std::sync::Arc;

/// The rules, data and configuration of a run.
pub struct Engine {
    /// The rules that read the list as a whole.
    rules: Vec<(&'static RuleMeta, Box<dyn Rule>)>,
    /// The rules that read values alone, run over each distinct value once.
    value_rules: Vec<Box<dyn Rule>>,
    /// The registry's entry of each of `value_rules`, in their order.
    value_metas: Vec<&'static RuleMeta>,
    /// What the rules that read values alone found on each value met so far.
    memo: Memo,
    profiles: Vec<Profile>,
    laws: LawRegistry,
    config: Config,
    limits: YamlLimits,
    this_year: i32,
}

/// Bytes of texts and findings a run remembers, so that a value met again
/// is not checked again (see [`Memo`]).
const MEMO_BUDGET: usize = 16 << 20;

/// What checking one file gave.
pub struct FileReport {
    /// The file, as read.
    pub source: Arc<SourceFile>,
    /// Its diagnostics, in order of position.
    pub diagnostics: Vec<Diagnostic>,
    /// Number of items read (0 when the list did not load).
    pub items: usize,
    /// Whether the list loaded.
    pub loaded: bool,
    /// Its single-article quotations, for the check across the run's lists
    /// (taken by [`Engine::check_corpus`]); the list itself is not kept.
    pub quotes: Quotes,
}

impl FileReport {
    /// Number of items read.
    pub fn items(&self) -> usize {
        self.items
    }
}

impl Engine {
    /// An engine with the built-in data, the configuration's extra
    /// directories and its rule selection.
    pub fn new(config: Config, this_year: i32) -> Result<Engine, String> {
        let mut profiles = builtin_profiles().to_vec();
        for dir in &config.profile_dirs {
            for path in files_with_ext(dir, "toml")? {
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                let p = parse_profile(&text).map_err(|e| format!("{}: {e}", path.display()))?;
                profiles.retain(|q| q.name != p.name);
                profiles.push(p);
            }
        }
        if let Some(name) = &config.profile {
            if !profiles.iter().any(|p| &p.name == name) {
                return Err(format!(
                    "profile `{name}` not found (known: {})",
                    profiles.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
                ));
            }
        }
        let mut laws = LawRegistry::builtin();
        for dir in &config.law_dirs {
            for path in files_with_ext(dir, "toml")? {
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                laws.add_toml(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        let limits = YamlLimits {
            max_depth: config.max_yaml_depth.unwrap_or(YamlLimits::default().max_depth),
            max_aliases: config.max_yaml_aliases.unwrap_or(YamlLimits::default().max_aliases),
            ..YamlLimits::default()
        };
        // Each rule with its registry entry, looked up once here, not per finding.
        let (value_rules, rules): (Vec<_>, Vec<_>) = rules::all()
            .into_iter()
            .filter_map(|r| Some((registry::by_code(r.code()).filter(|m| config.enabled(m.code, m.name))?, r)))
            .partition(|(_, r)| r.reads_values_alone());
        let (value_metas, value_rules) = value_rules.into_iter().unzip();
        Ok(Engine {
            rules,
            value_rules,
            value_metas,
            memo: Memo::new(MEMO_BUDGET),
            profiles,
            laws,
            config,
            limits,
            this_year,
        })
    }

    /// The configuration in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks one list file's text.
    pub fn check_text(&self, name: &str, text: &str) -> FileReport {
        self.check_shared(name, Arc::from(text))
    }

    /// [`Engine::check_text`] of a text the caller hands over: one copy of
    /// it, shared by the report and the reader.
    pub fn check_shared(&self, name: &str, shared: Arc<str>) -> FileReport {
        let source = Arc::new(SourceFile::new(name, shared));
        let loaded = match yaml::load_source(&source, &self.limits) {
            Ok(l) => l,
            Err(e) => {
                let meta = registry::by_code("QD100").unwrap_or(&registry::UNREGISTERED);
                let mut d = Diagnostic::new(meta.code, meta.name, Severity::Error, e.message);
                if let Some(r) = e.range {
                    d = d.at(&source, r);
                }
                return FileReport { source, diagnostics: vec![d], items: 0, loaded: false, quotes: Quotes::default() };
            }
        };
        let cx = Context::new(&loaded.list, &self.profiles, self.config.profile.as_deref(), &self.laws, self.this_year)
            .with_memo(&self.memo);
        let mut diagnostics = Vec::new();
        let mut findings = Vec::new();
        for (meta, rule) in &self.rules {
            rule.check(&cx, &mut findings);
            for f in findings.drain(..) {
                if let Some(d) = self.diagnostic(meta, f, &loaded, &source) {
                    diagnostics.push(d);
                }
            }
        }
        rules::check_values(&self.value_rules, &cx, Some(&self.memo), |k, f| {
            let meta = self.value_metas[k];
            if let Some(d) = self.diagnostic(meta, f, &loaded, &source) {
                diagnostics.push(d);
            }
        });
        Diagnostic::sort(&mut diagnostics);
        let quotes =
            if self.rules.iter().any(|(m, _)| m.code == "QD309") { cx.into_quotes() } else { Quotes::default() };
        let items = loaded.list.items.len();
        // The list borrows the source's text.
        drop(loaded);
        FileReport { source, diagnostics, items, loaded: true, quotes }
    }

    /// The diagnostic for a finding, or `None` when the item silences the rule.
    fn diagnostic(
        &self,
        meta: &'static RuleMeta,
        f: Finding,
        loaded: &Loaded,
        source: &Arc<SourceFile>,
    ) -> Option<Diagnostic> {
        let item = f.item.and_then(|i| loaded.list.items.get(i));
        if item.is_some_and(|it| it.ignore.iter().any(|r| r.eq_ignore_ascii_case(meta.code) || r == meta.name)) {
            return None;
        }
        let severity = self.config.severity(meta.code, meta.name, meta.severity);
        let located = locate(loaded.spans(), source.text(), &f.path, f.part);
        let mut d =
            Diagnostic::new(meta.code, meta.name, severity, f.message).with_path(f.path).fixable(f.fix.is_some());
        if let Some(item) = item {
            d = d.for_item(if item.code.is_empty() {
                item.seq.map(|s| s.to_string()).unwrap_or_default()
            } else {
                item.code.to_string()
            });
        }
        if let Some(range) = located {
            d = d.at(source, range);
        }
        if let Some(fix) = &f.fix {
            let shown: String = fix.chars().take(60).collect();
            let more = if fix.chars().count() > 60 { "…" } else { "" };
            d = d.with_help(crate::tr!("fmt writes: {shown}{more}", "fmt 将写为：{shown}{more}"));
        }
        Some(d)
    }

    /// A record of the run's lists for the checks that need all of them:
    /// the same quotation cited under different articles in different files.
    pub fn corpus(&self) -> Corpus {
        Corpus { enabled: self.rules.iter().any(|(m, _)| m.code == "QD309"), ..Corpus::default() }
    }

    /// Adds a checked file to `corpus`, taking its quotations.
    pub fn add_to_corpus(&self, corpus: &mut Corpus, report: &mut FileReport) {
        let file = corpus.files.len();
        let reported = report.diagnostics.iter().filter(|d| d.code == "QD309").filter_map(|d| d.path.clone()).collect();
        // A file that cannot be read again (stdin) keeps its text for placing findings.
        let kept = (report.loaded && !report.source.text().is_empty() && report.source.name() == "<stdin>")
            .then(|| Arc::clone(&report.source));
        // Only the name is kept: the text goes with the report.
        let source = Arc::new(SourceFile::new(report.source.name(), ""));
        corpus.files.push(CorpusFile { source, kept, reported, loaded: report.loaded });
        if corpus.enabled {
            corpus.index.add(file, &std::mem::take(&mut report.quotes));
        }
    }

    /// The findings across the lists of `corpus`, by file and position. A
    /// file with any is read again once to place them; with `detach`, they
    /// point into files without their text (see `Diagnostic::detached`).
    pub fn corpus_diagnostics(&self, corpus: Corpus, detach: bool) -> Vec<Diagnostic> {
        let Some(meta) = registry::by_code("QD309") else { return Vec::new() };
        if !corpus.enabled {
            return Vec::new();
        }
        let mut by_file: std::collections::BTreeMap<usize, Vec<(usize, String, crate::i18n::Message)>> =
            Default::default();
        for (file, item, path, message) in corpus.index.conflicts() {
            by_file.entry(file).or_default().push((item, path, message));
        }
        let mut out = Vec::new();
        for (k, conflicts) in by_file {
            let f = &corpus.files[k];
            if !f.loaded {
                continue;
            }
            let full = match &f.kept {
                Some(source) => Arc::clone(source),
                None => match std::fs::read_to_string(f.source.name()) {
                    Ok(text) => Arc::new(SourceFile::new(f.source.name(), text)),
                    Err(_) => continue,
                },
            };
            let Ok(loaded) = yaml::load(full.text(), &self.limits) else { continue };
            for (item, path, message) in conflicts {
                if f.reported.contains(&path) {
                    continue;
                }
                let finding = Finding::new(path, Some(item), {
                    let (en, zh) = (message.en, message.zh);
                    crate::tr!("{en} (across the lists of this run)", "{zh}（在本次检查的各清单之间）")
                });
                if let Some(d) = self.diagnostic(meta, finding, &loaded, &full) {
                    out.push(if detach { d.detached(&f.source) } else { d });
                }
            }
        }
        Diagnostic::sort(&mut out);
        out
    }
}

/// What the checks across a run's lists keep of each file: its quotations
/// (as hashes) and where to find it again; never its list.
#[derive(Debug, Default)]
pub struct Corpus {
    enabled: bool,
    index: QuoteIndex,
    files: Vec<CorpusFile>,
}

#[derive(Debug)]
struct CorpusFile {
    source: Arc<SourceFile>,
    kept: Option<Arc<SourceFile>>,
    reported: Vec<String>,
    loaded: bool,
}

/// The byte range a finding points at: the value at `path` (or its nearest
/// ancestor), narrowed to `part` when the value is written plainly enough to
/// find the part in it.
fn locate(
    spans: &SpanIndex,
    text: &str,
    path: &str,
    part: Option<std::ops::Range<usize>>,
) -> Option<std::ops::Range<usize>> {
    let span = spans.get(path).or_else(|| spans.nearest(path))?;
    let value = span.value.clone();
    let Some(part) = part else { return Some(value) };
    let raw = text.get(value.clone())?;
    let inner_start = if raw.starts_with('"') || raw.starts_with('\'') { value.start + 1 } else { value.start };
    let start = inner_start + part.start;
    let end = inner_start + part.end;
    // Only when the written scalar holds the value unescaped do offsets agree.
    if end <= value.end && !raw.contains('\\') {
        Some(start..end)
    } else {
        Some(value)
    }
}

fn files_with_ext(dir: &std::path::Path, ext: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut v: Vec<_> =
        rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == ext)).collect();
    v.sort();
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        Engine::new(Config::default(), 2026).unwrap()
    }

    #[test]
    fn points_at_the_part_of_the_value() {
        let yaml = "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 关于做好工作的通知\n        doc_number: 人社部[2016]120号\n";
        let r = engine().check_text("list.yaml", yaml);
        let d = r.diagnostics.iter().find(|d| d.code == "QD301").unwrap();
        let loc = d.location.as_ref().unwrap();
        assert_eq!(&yaml[loc.range.clone()], "[2016]");
        assert_eq!(d.path.as_deref(), Some("items[0].legal_basis[0].doc_number"));
        assert_eq!(d.item.as_deref(), Some("3700000236009"));
        assert!(d.fixable);
    }

    #[test]
    fn item_ignore_silences() {
        let yaml =
            "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    ignore: [QD105]\n";
        let r = engine().check_text("list.yaml", yaml);
        assert!(r.diagnostics.iter().all(|d| d.code != "QD105"), "{:?}", r.diagnostics);
    }

    #[test]
    fn schema_violation_is_a_diagnostic() {
        let r = engine().check_text("bad.yaml", "qingdan: 1\nitems:\n  - item: 甲\n    colour: red\n");
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].code, "QD100");
        assert!(r.diagnostics[0].location.is_some());
    }

    #[test]
    fn a_clean_fixture_gets_nothing() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/clean.yaml")).unwrap();
        let r = engine().check_text("clean.yaml", &text);
        assert!(
            r.diagnostics.is_empty(),
            "{:#?}",
            r.diagnostics.iter().map(|d| (&d.code, &d.message)).collect::<Vec<_>>()
        );
    }
}
