//! The `# yaml-language-server: $schema=…` line at the top of a list, which
//! lets editors that use yaml-language-server validate and complete a list
//! while it is edited.

use std::path::{Component, Path, PathBuf};

/// The line's start; the schema's URL or path follows.
pub const MODELINE_PREFIX: &str = "# yaml-language-server: $schema=";

/// The file name the schema is looked for under (as `qingdan schema > qingdan.schema.json` writes it).
pub const SCHEMA_FILE: &str = "qingdan.schema.json";

/// The modeline `text` begins with, if it has one.
pub fn modeline(text: &str) -> Option<&str> {
    let first = text.lines().next()?;
    first.starts_with(MODELINE_PREFIX).then_some(first)
}

/// `yaml` with the modeline for `schema` above it.
pub fn with_modeline(yaml: &str, schema: &str) -> String {
    format!("{MODELINE_PREFIX}{schema}\n{yaml}")
}

/// The schema reference for a list written into `list_dir`: `configured` (a
/// URL as it is; a path made relative to `list_dir`), else the nearest
/// `qingdan.schema.json` in `list_dir` or a parent (or in a `schema/` folder
/// there), relative to `list_dir`. `None` when there is none to point at.
pub fn schema_reference(list_dir: &Path, configured: Option<&str>) -> Option<String> {
    if let Some(c) = configured {
        if c.contains("://") {
            return Some(c.to_owned());
        }
        return Some(relative_to(list_dir, Path::new(c)));
    }
    let dir = std::fs::canonicalize(list_dir).ok()?;
    let found = dir
        .ancestors()
        .find_map(|d| [d.join(SCHEMA_FILE), d.join("schema").join(SCHEMA_FILE)].into_iter().find(|p| p.is_file()))?;
    Some(relative_to(&dir, &found))
}

/// `target` as a path relative to `dir` (with `/` separators, as URLs and
/// yaml-language-server want), or as given when the two share no root.
fn relative_to(dir: &Path, target: &Path) -> String {
    let (Ok(dir), Ok(target)) = (std::fs::canonicalize(dir), std::fs::canonicalize(target)) else {
        return target.to_string_lossy().replace('\\', "/");
    };
    let from: Vec<Component> = dir.components().collect();
    let to: Vec<Component> = target.components().collect();
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if shared == 0 {
        return target.to_string_lossy().replace('\\', "/");
    }
    let mut path = PathBuf::new();
    for _ in shared..from.len() {
        path.push("..");
    }
    path.extend(&to[shared..]);
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_upward_and_made_relative() {
        let dir = tempfile::Builder::new().prefix("qingdan-modeline-").tempdir().unwrap();
        let root = dir.path();
        let lists = root.join("lists/2024");
        std::fs::create_dir_all(&lists).unwrap();
        std::fs::create_dir_all(root.join("schema")).unwrap();
        assert_eq!(schema_reference(&lists, None), None);
        std::fs::write(root.join("schema").join(SCHEMA_FILE), "{}").unwrap();
        assert_eq!(schema_reference(&lists, None).as_deref(), Some("../../schema/qingdan.schema.json"));
        std::fs::write(root.join(SCHEMA_FILE), "{}").unwrap();
        assert_eq!(schema_reference(&lists, None).as_deref(), Some("../../qingdan.schema.json"));
        std::fs::write(lists.join(SCHEMA_FILE), "{}").unwrap();
        assert_eq!(schema_reference(&lists, None).as_deref(), Some("qingdan.schema.json"));
        let url = "https://example.org/qingdan.schema.json";
        assert_eq!(schema_reference(&lists, Some(url)).as_deref(), Some(url));
        let configured = root.join("schema").join(SCHEMA_FILE);
        assert_eq!(
            schema_reference(&lists, Some(configured.to_str().unwrap())).as_deref(),
            Some("../../schema/qingdan.schema.json")
        );
    }

    #[test]
    fn modeline_read_and_written() {
        let text = with_modeline("qingdan: 1\n", "../qingdan.schema.json");
        assert_eq!(text, "# yaml-language-server: $schema=../qingdan.schema.json\nqingdan: 1\n");
        assert_eq!(modeline(&text), Some("# yaml-language-server: $schema=../qingdan.schema.json"));
        assert_eq!(modeline("qingdan: 1\n"), None);
    }
}
