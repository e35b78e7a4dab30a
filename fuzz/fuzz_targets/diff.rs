//! diff of two arbitrary lists (the input split at its first NUL): never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (a, b) = text.split_once('\0').unwrap_or((text, ""));
    let limits = Default::default();
    let (Ok(old), Ok(new)) = (qingdan::yaml::load(a, &limits), qingdan::yaml::load(b, &limits)) else { return };
    let d = qingdan::diff::diff_lists(&old.list, &new.list);
    let stat = d.stat(old.list.items.len().min(new.list.items.len()));
    let _ = qingdan::diff::render_human(&d, true, qingdan::i18n::Lang::Zh);
    let _ = qingdan::diff::render_markdown(&d, &stat, qingdan::i18n::Lang::En);
    let same = qingdan::diff::diff_lists(&old.list, &old.list);
    assert!(same.is_empty(), "a list differs from itself");
});
