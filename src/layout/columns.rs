//! The columns a 权责清单 table has, how their headers are written, and how
//! to tell a column's kind from its cells when the header is lost.

use crate::text::is_han;

/// A column of a list table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// 序号.
    Seq,
    /// 实施机构 / 实施主体 / 行使主体.
    Department,
    /// 部门职责.
    Responsibility,
    /// 事项名称.
    Item,
    /// 子项名称.
    SubItem,
    /// 事项编码.
    Code,
    /// 子项编码.
    SubCode,
    /// 事项类型.
    Type,
    /// 承办机构.
    Office,
    /// 设定、行使依据.
    LegalBasis,
    /// 实施层级.
    Level,
    /// 实施权限.
    Scope,
    /// 对应责任事项.
    Duties,
    /// 追责情形及依据.
    Liability,
    /// 备注.
    Remarks,
    /// A column the format does not name (实施对象, 办理时限 …): the
    /// `n`-th of the headers a layout keeps beside its records
    /// ([`super::Laid::extra_headers`]).
    Extra(u8),
    /// 对应责任事项 under a header of two rows whose second names its groups
    /// (直接实施责任, 指导监督责任) as columns of their own: the group is the
    /// `n`-th of the headers a layout keeps beside its records.
    DutyGroup(u8),
}

impl Column {
    /// Every column, in the usual order.
    pub const ALL: [Column; 15] = [
        Column::Seq,
        Column::Department,
        Column::Responsibility,
        Column::Item,
        Column::SubItem,
        Column::Code,
        Column::SubCode,
        Column::Type,
        Column::Office,
        Column::LegalBasis,
        Column::Level,
        Column::Scope,
        Column::Duties,
        Column::Liability,
        Column::Remarks,
    ];

    /// Whether each 实施层级 row has its own value of this column.
    pub fn is_per_tier(self) -> bool {
        matches!(self, Column::Level | Column::Scope | Column::Duties | Column::DutyGroup(_))
    }

    /// The usual header text.
    pub fn header(self) -> &'static str {
        match self {
            Column::Seq => "序号",
            Column::Department => "实施机构",
            Column::Responsibility => "部门职责",
            Column::Item => "事项名称",
            Column::SubItem => "子项名称",
            Column::Code => "事项编码",
            Column::SubCode => "子项编码",
            Column::Type => "事项类型",
            Column::Office => "承办机构",
            Column::LegalBasis => "设定依据",
            Column::Level => "实施层级",
            Column::Scope => "实施权限",
            Column::Duties | Column::DutyGroup(_) => "责任事项",
            Column::Liability => "追责情形",
            Column::Remarks => "备注",
            Column::Extra(_) => "",
        }
    }
}

/// Header texts (without spaces) and the column each names, most specific
/// first: a header is matched by the first entry it contains.
const HEADER_KEYWORDS: &[(&str, Column)] = &[
    ("子项地方权力编码", Column::SubCode),
    ("子项编码", Column::SubCode),
    ("子项编号", Column::SubCode),
    ("子项名称", Column::SubItem),
    ("子项目", Column::SubItem),
    ("事项子项", Column::SubItem),
    ("地方权力编码", Column::Code),
    ("权力编码", Column::Code),
    ("事项编码", Column::Code),
    ("基本编码", Column::Code),
    // A list's own number for a power, not a running count: 编号 alone may be either.
    ("权力编号", Column::Code),
    ("事项编号", Column::Code),
    ("职权编号", Column::Code),
    ("权责编号", Column::Code),
    ("编码", Column::Code),
    ("代码", Column::Code),
    ("权力事项类型", Column::Type),
    ("事项类型", Column::Type),
    ("权力类型", Column::Type),
    ("职权类型", Column::Type),
    ("类型", Column::Type),
    ("类别", Column::Type),
    ("追责情形", Column::Liability),
    ("追责依据", Column::Liability),
    ("追责", Column::Liability),
    ("问责", Column::Liability),
    ("追究", Column::Liability),
    ("责任事项", Column::Duties),
    ("责任内容", Column::Duties),
    ("设定、行使依据", Column::LegalBasis),
    ("设定依据", Column::LegalBasis),
    ("实施依据", Column::LegalBasis),
    ("行使依据", Column::LegalBasis),
    ("法律法规规章依据", Column::LegalBasis),
    ("法定依据", Column::LegalBasis),
    ("依据", Column::LegalBasis),
    ("实施层级", Column::Level),
    ("办事层级", Column::Level),
    ("行使层级", Column::Level),
    ("层级", Column::Level),
    ("实施权限", Column::Scope),
    ("服务内容", Column::Scope),
    ("权限", Column::Scope),
    ("部门职责", Column::Responsibility),
    ("职责", Column::Responsibility),
    ("承办机构", Column::Office),
    ("承办", Column::Office),
    ("内设机构", Column::Office),
    ("责任处室", Column::Office),
    ("责任科室", Column::Office),
    ("办理机构", Column::Office),
    ("处室", Column::Office),
    ("科室", Column::Office),
    ("股室", Column::Office),
    ("实施机构", Column::Department),
    ("实施主体", Column::Department),
    ("行使主体", Column::Department),
    ("责任主体", Column::Department),
    ("所属部门", Column::Department),
    ("实施部门", Column::Department),
    ("执行部门", Column::Department),
    ("行使部门", Column::Department),
    ("责任部门", Column::Department),
    ("执法主体", Column::Department),
    ("实施机关", Column::Department),
    ("执法机关", Column::Department),
    ("行使机关", Column::Department),
    ("主管部门", Column::Department),
    ("实施单位", Column::Department),
    ("责任单位", Column::Department),
    ("主体", Column::Department),
    ("事项名称", Column::Item),
    ("权责事项", Column::Item),
    ("名称", Column::Item),
    ("序号", Column::Seq),
    ("备注", Column::Remarks),
];

/// Headers of columns lists print that the format does not name: who a
/// power applies to, time limits, fees, telephone numbers, places, forms of
/// supervision. Known so that vertical text, whose header words run
/// together, can tell them from the words around them, and so that a word
/// inside one (`收费依据` holds `依据`) is not taken for a column of the format.
const OTHER_HEADER_WORDS: &[&str] = &[
    "实施对象",
    "服务对象",
    "适用对象",
    "行使对象",
    "办理时限",
    "承诺时限",
    "法定时限",
    "办结时限",
    "法定期限",
    "承诺期限",
    "是否收费",
    "收费依据",
    "收费标准",
    "收费情况",
    "咨询电话",
    "监督电话",
    "投诉电话",
    "联系电话",
    "办理地点",
    "办公地址",
    "办理流程",
    "运行流程",
    "流程图",
    "申请材料",
    "申报材料",
    "权力来源",
    "责任事项依据",
    "行使方式",
    "实施方式",
    "监督方式",
    "监督措施",
    "廉政风险点",
    "风险防控措施",
    "防控措施",
    "是否进驻",
    "网上办理",
];

/// The place of `header` in `headers` (kept beside a layout's records),
/// added when new. `None` past the places a column can index: a table with
/// more such columns keeps the rest unplaced, reported.
pub(crate) fn header_index(headers: &mut Vec<String>, header: String) -> Option<u8> {
    let index = headers.iter().position(|h| *h == header).unwrap_or_else(|| {
        headers.push(header);
        headers.len() - 1
    });
    u8::try_from(index).ok()
}

/// The header word of a column the format does not name that `rest` starts with.
fn other_header_word_at(rest: &str) -> Option<&'static str> {
    OTHER_HEADER_WORDS.iter().copied().filter(|w| rest.starts_with(w)).max_by_key(|w| w.len())
}

/// The column a header cell names, if any.
pub fn column_for_header(cell: &str) -> Option<Column> {
    let compact = compact(cell);
    if compact.is_empty() || compact.chars().count() > 40 || other_header_word_at(&compact).is_some() {
        return None;
    }
    // A parenthesised note (（所属部门）, （无需填写）) must not decide the match
    // when the words before it do.
    let head: String = match compact.find(['（', '(']) {
        Some(i) if i > 0 => compact[..i].to_owned(),
        _ => compact.clone(),
    };
    for text in [&head, &compact] {
        // The first keyword of the list that the text holds: of all found, the one listed first.
        if let Some(m) = HEADER_KEYWORD_SEARCH.find_overlapping_iter(text.as_str()).min_by_key(|m| m.pattern()) {
            return Some(HEADER_KEYWORDS[m.pattern().as_usize()].1);
        }
    }
    WHOLE_HEADER_WORDS.iter().find(|(w, _)| head == *w).map(|&(_, col)| col)
}

/// [`HEADER_KEYWORDS`], found in one pass over a header cell rather than
/// searched for one by one.
static HEADER_KEYWORD_SEARCH: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    // Without a full table of moves, which would cost more to build than it saves.
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(HEADER_KEYWORDS.iter().map(|&(k, _)| k))
        .expect("fixed header words")
});

/// [`HEADER_KEYWORDS`], the longest a text starts with found in one pass
/// over its first characters rather than by trying every word: header runs
/// ask it at every character of every line that may begin a header.
static HEADER_KEYWORD_PREFIX: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(HEADER_KEYWORDS.iter().map(|&(k, _)| k))
        .expect("fixed header words")
});

/// Header words that name a column only as a whole cell: inside a longer
/// header (`子项地方权力编` wrapped before its `码`, `权力事项编码`) they would
/// take the column of another word.
const WHOLE_HEADER_WORDS: &[(&str, Column)] = &[("子项", Column::SubItem), ("权力事项", Column::Item)];

/// Every column a (possibly merged) header cell names, in reading order.
pub fn columns_in_header(cell: &str) -> Vec<Column> {
    if let Some(c) = column_for_header(cell) {
        // A cell holding two headers side by side (`实施层级 实施权限`).
        let parts: Vec<&str> = cell.split_whitespace().collect();
        if parts.len() >= 2 {
            let cols: Vec<Column> = parts.iter().filter_map(|p| column_for_header(p)).collect();
            let mut dedup = cols.clone();
            dedup.dedup();
            if dedup.len() >= 2 {
                return dedup;
            }
        }
        return vec![c];
    }
    Vec::new()
}

/// The columns named in running header text, in reading order: the header
/// of vertical text is one cell's lines after another, so its words arrive
/// joined (`序号实施机构部门职责事项名称…`). Notes in brackets are skipped.
/// A column the format does not name is known by its word
/// (`OTHER_HEADER_WORDS`): its header is added to `others`, once, and its
/// column is [`Column::Extra`] of that place. Groups of duties named after
/// 对应责任事项 ([`crate::model::DUTY_GROUPS`]) are columns of those groups, in its
/// place ([`Column::DutyGroup`], their names in `others` too).
pub fn columns_in_running_text(text: &str, others: &mut Vec<String>) -> Vec<Column> {
    let compact = compact(text);
    let mut out: Vec<Column> = Vec::new();
    let mut i = 0;
    let mut depth = 0i32;
    // Where the last known header word ended, and the word.
    let mut last: Option<(usize, &str)> = None;
    // Where 编号 stands among the columns, if it does.
    let mut numbering_at: Option<usize> = None;
    while i < compact.len() {
        let rest = &compact[i..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth == 0 {
            let grouping = out.iter().any(|c| matches!(c, Column::Duties | Column::DutyGroup(_)));
            if let Some(word) = crate::model::DUTY_GROUPS.iter().find(|w| rest.starts_with(*w)).filter(|_| grouping) {
                let col = Column::DutyGroup(header_index(others, (*word).to_owned()).unwrap_or(u8::MAX));
                // The merged cell over the groups is no column of its own.
                if out.last() == Some(&Column::Duties) {
                    out.pop();
                }
                if !out.contains(&col) {
                    out.push(col);
                }
                i += word.len();
                continue;
            }
            let known = HEADER_KEYWORDS.iter().filter(|(k, _)| rest.starts_with(k)).max_by_key(|(k, _)| k.len());
            let other = other_header_word_at(rest).filter(|w| known.is_none_or(|(k, _)| w.len() > k.len()));
            if let Some(word) = other {
                let col = Column::Extra(header_index(others, word.to_owned()).unwrap_or(u8::MAX));
                if !out.contains(&col) {
                    out.push(col);
                }
                i += word.len();
                continue;
            }
            if known.is_none() && rest.starts_with(NUMBERING_WORD) {
                numbering_at = Some(out.len());
                i += NUMBERING_WORD.len();
                last = Some((i, NUMBERING_WORD));
                continue;
            }
            if let Some(&(k, col)) = known {
                // A bare word (名称, 依据) that runs on from the header word
                // before it, naming its column again (权责事项名称) or joined
                // to it (追责情形及依据), ends that word: no column of its own.
                let runs_on = last.is_some_and(|(end, _)| {
                    is_bare_header_word(k)
                        && (end == i && out.last() == Some(&col) || is_joiner(&compact[end.min(i)..i]))
                });
                if runs_on {
                    i += k.len();
                    last = Some((i, k));
                    continue;
                }
                // Two columns under names of one field stand side by side
                // (追责情形 then 追责依据, 设定依据 then 实施依据): each is a
                // column. Joined by 及 or 、 they are one column's name.
                let beside = out.last() == Some(&col) && last.is_some_and(|(end, word)| end == i && word != k);
                if !out.contains(&col) || beside {
                    out.push(col);
                }
                i += k.len();
                last = Some((i, k));
                continue;
            }
        }
        i += c.len_utf8();
    }
    if let Some(at) = numbering_at.filter(|_| numbering_is_seq(&out)) {
        out.insert(at, Column::Seq);
    }
    out
}

/// 编号 alone, a header that may be a running count (序号) or the list's
/// own code for each power.
pub const NUMBERING_WORD: &str = "编号";

/// Whether a header's 编号 is its 序号: when another column holds the code
/// and none is named 序号.
pub fn numbering_is_seq(columns: &[Column]) -> bool {
    columns.contains(&Column::Code) && !columns.contains(&Column::Seq)
}

/// A header word of two characters that names what a column holds
/// without saying whose (名称, 编码, 依据): the end of a longer header as
/// often as a header of its own. 序号 and 备注 are always columns.
fn is_bare_header_word(word: &str) -> bool {
    word.chars().count() == 2 && !matches!(word, "序号" | "备注")
}

/// A word joining two names of one header (`追责情形及依据`).
fn is_joiner(between: &str) -> bool {
    matches!(between, "及" | "和" | "与" | "、" | "或")
}

/// The header keyword starting at byte `at` of compact text, if any.
pub fn header_keyword_at(compact: &str, at: usize) -> Option<Column> {
    longest_header_keyword(compact.get(at..)?).map(|(_, c)| c)
}

/// The longest of [`HEADER_KEYWORDS`] that `rest` starts with, and its column.
fn longest_header_keyword(rest: &str) -> Option<(&'static str, Column)> {
    let input = aho_corasick::Input::new(rest).anchored(aho_corasick::Anchored::Yes);
    HEADER_KEYWORD_PREFIX.find(input).map(|m| HEADER_KEYWORDS[m.pattern().as_usize()])
}

/// Whether some header word, of the format's columns or of others, starts
/// with `c`: most characters of running text start none, and are passed
/// over without trying every word.
fn may_start_header_word(c: char) -> bool {
    static FIRSTS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let words = HEADER_KEYWORDS.iter().map(|&(k, _)| k).chain(OTHER_HEADER_WORDS.iter().copied());
        let mut firsts: Vec<char> = words.filter_map(|w| w.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        firsts
    });
    FIRSTS.binary_search(&c).is_ok()
}

/// How many header words running text holds, and how many characters they cover.
pub fn header_coverage(text: &str) -> (usize, usize) {
    HeaderCoverage::default().of(&compact(text))
}

/// [`header_coverage`] of a text that grows at its end, call after call:
/// what was read of it before is read again only where a word could now
/// run on into the new end.
#[derive(Debug, Default)]
pub struct HeaderCoverage {
    /// Where reading resumes: every word found before it stays found.
    at: usize,
    hits: usize,
    covered: usize,
}

impl HeaderCoverage {
    /// The coverage of `compact` (white space removed), which begins with
    /// the text of the call before.
    pub fn of(&mut self, compact: &str) -> (usize, usize) {
        // Bytes of the longest word: a step taken that far from the end
        // reads no byte a longer text could change.
        static LONGEST: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
            HEADER_KEYWORDS
                .iter()
                .map(|&(k, _)| k.len())
                .chain(OTHER_HEADER_WORDS.iter().map(|w| w.len()))
                .max()
                .unwrap_or(0)
        });
        let (mut i, mut hits, mut covered) = (self.at.min(compact.len()), self.hits, self.covered);
        while i < compact.len() {
            let settled = i + *LONGEST <= compact.len();
            let rest = &compact[i..];
            let first = rest.chars().next().unwrap_or_default();
            let word = if may_start_header_word(first) {
                longest_header_keyword(rest)
                    .map(|(k, _)| k)
                    // A column the format does not name is a header word too:
                    // a header run ending in one (`是否收费`) ends after it.
                    .or_else(|| other_header_word_at(rest))
            } else {
                None
            };
            match word {
                Some(k) => {
                    hits += 1;
                    covered += k.chars().count();
                    i += k.len();
                }
                None => i += first.len_utf8(),
            }
            if settled {
                (self.at, self.hits, self.covered) = (i, hits, covered);
            }
        }
        (hits, covered)
    }
}

/// How many header words running text holds (for telling header lines from data).
pub fn header_hits(text: &str) -> usize {
    header_coverage(text).0
}

/// Whether `t`, a text without spaces, has the shape of a power's code:
/// 6 to 40 digits and capitals, at least half of them digits, perhaps in
/// parts joined by hyphens (`XK-0001-000`). A hyphenated text holds a
/// capital: digits alone joined by hyphens are telephone numbers
/// (`0938-1234567`) and dates.
pub fn code_shaped(t: &str) -> bool {
    let (mut n, mut digits, mut upper, mut hyphens) = (0, 0, 0, 0);
    // A code's hyphen may be printed as another dash (`XK－0001`): extraction makes it `-`.
    let hyphen = |c: char| c == '-' || crate::text::is_dash_variant(c);
    for c in t.chars() {
        match c {
            c if hyphen(c) => hyphens += 1,
            '0'..='9' => digits += 1,
            'A'..='Z' => upper += 1,
            _ => {}
        }
        n += usize::from(!hyphen(c));
    }
    let parts_whole = hyphens == 0 || (upper > 0 && t.split(hyphen).all(|p| !p.is_empty()));
    (6..=40).contains(&n) && (digits + upper) * 10 >= n * 9 && digits * 2 >= n && parts_whole
}

/// Whether a line opens a numbered list with its first marker, in any of
/// the ways lists number (`1.`, `1、`, `（一）`, `(1)`, `一、`, `①`).
pub fn opens_numbered_list(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['1', '（', '(', '一', '①'])
        && ["1.", "1、", "1．", "（一）", "(一)", "（1）", "(1)", "一、", "①"].iter().any(|w| t.starts_with(w))
}

/// Text without white space, copied a run at a time: a byte that begins no
/// white space is passed over by one look-up, and no character is decoded.
pub fn compact(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut run, mut at) = (0, 0);
    while at < b.len() {
        match crate::text::white_space_len(b, at) {
            0 => at += 1,
            n => {
                out.push_str(&s[run..at]);
                at += n;
                run = at;
            }
        }
    }
    out.push_str(&s[run..]);
    out
}

/// Names that are not national types but stand in the type column of real
/// lists (some provinces' own types: 行政备案, 审核转报 …).
const TYPE_LOOKALIKES: &[&str] =
    &["行政征用", "行政监督", "其他权力", "其他职权", "其他行政职权", "行政备案", "行政指导", "审核转报", "内部审批"];

/// Whether a type cell's text names a type, or a name lists use as one.
pub(crate) fn is_type_name(t: &str) -> bool {
    crate::model::ITEM_TYPES.contains(&t) || TYPE_LOOKALIKES.contains(&t)
}

/// Whether a cell's whole text (spaces removed) is one of the short values a
/// cell holds alone: a type name or a level (`行政处罚`, `市级`).
pub fn is_whole_short_value(t: &str) -> bool {
    is_type_name(t) || is_level_text(t)
}

/// Whether short text holds a type name.
fn holds_type_name(t: &str) -> bool {
    // One pass over the text for every name, not a search per name: the
    // vertical layout asks this of every short window it weighs.
    static NAMES: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(crate::model::ITEM_TYPES.iter().chain(TYPE_LOOKALIKES)).expect("fixed names")
    });
    NAMES.is_match(t)
}

/// What scoring needs to know of a cell's text, cheap to combine when a
/// cell is built from pieces (the vertical layout tries many).
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Non-space characters.
    pub chars: usize,
    /// Han ideographs.
    pub han: usize,
    /// ASCII digits.
    pub digits: usize,
    /// ASCII capitals.
    pub upper: usize,
    /// The first few characters, spaces removed.
    pub first: Snippet<{ EDGE * 4 }>,
    /// The last few characters, spaces removed.
    pub last: Snippet<{ EDGE * 4 }>,
    /// The whole text without spaces, while it is short.
    pub short: Option<Snippet<{ SHORT * 4 }>>,
    /// Holds 《.
    pub title_mark: bool,
    /// Titles opened (《) less titles closed (》): more than none is a text
    /// cut short inside a title.
    pub open_titles: i32,
    /// Holds 条.
    pub article: bool,
    /// Holds 【.
    pub tag: bool,
    /// Holds words of liability (追究, 处分, 相应责任 …).
    pub liability_words: bool,
    /// Holds words of duties (阶段责任, 实施责任 …).
    pub duty_words: bool,
    /// Holds words of scope (属地 …).
    pub scope_words: bool,
    /// Lines that start a numbered list afresh (`1.`).
    pub list_starts: usize,
}

/// Characters kept of a text's start and end.
pub const EDGE: usize = 12;
const SHORT: usize = 48;

/// A short text held inline: cells' features are combined for every window
/// the vertical layout tries, and a heap string each time would cost more
/// than the scoring. `N` bytes is room for `N / 4` characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snippet<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Default for Snippet<N> {
    fn default() -> Self {
        Snippet { bytes: [0; N], len: 0 }
    }
}

impl<const N: usize> Snippet<N> {
    /// The characters of `chars` that fit.
    #[cfg(test)]
    fn from_chars(chars: impl Iterator<Item = char>) -> Self {
        let mut s = Snippet::default();
        for c in chars {
            if !s.push(c) {
                break;
            }
        }
        s
    }

    /// The longest start of `s` made of whole characters that fits: its
    /// characters pushed one by one until one does not fit, copied as bytes.
    fn of_str(s: &str) -> Self {
        let mut end = s.len().min(N);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let mut snippet = Snippet::default();
        snippet.bytes[..end].copy_from_slice(&s.as_bytes()[..end]);
        snippet.len = end;
        snippet
    }

    /// Appends `c`; false when there is no room.
    #[cfg(test)]
    fn push(&mut self, c: char) -> bool {
        let n = c.len_utf8();
        if self.len + n > N {
            return false;
        }
        c.encode_utf8(&mut self.bytes[self.len..self.len + n]);
        self.len += n;
        true
    }

    /// Byte length of the first `n` characters (all, when fewer).
    fn prefix_len(&self, n: usize) -> usize {
        let mut seen = 0;
        for (i, b) in self.bytes[..self.len].iter().enumerate() {
            // A byte that is not a continuation byte starts a character.
            if b & 0xC0 != 0x80 {
                if seen == n {
                    return i;
                }
                seen += 1;
            }
        }
        self.len
    }

    /// Byte offset where the last `n` characters start (0, when fewer).
    fn suffix_start(&self, n: usize) -> usize {
        let mut seen = 0;
        for i in (0..self.len).rev() {
            if self.bytes[i] & 0xC0 != 0x80 {
                seen += 1;
                if seen == n {
                    return i;
                }
            }
        }
        0
    }

    /// Appends the bytes `other[..upto]`; false when there is no room.
    fn extend_bytes<const M: usize>(&mut self, other: &Snippet<M>, from: usize, upto: usize) -> bool {
        let n = upto - from;
        if self.len + n > N {
            return false;
        }
        self.bytes[self.len..self.len + n].copy_from_slice(&other.bytes[from..upto]);
        self.len += n;
        true
    }

    /// The text's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only whole characters are ever written.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl Features {
    /// Features of `text`.
    pub fn of(text: &str) -> Features {
        Features::of_compacted(text, &compact(text))
    }

    /// [`Features::of`], given `text` without its white space (`t`, as
    /// [`compact`] gives it) too: the vertical layout keeps each line's.
    pub fn of_compacted(text: &str, t: &str) -> Features {
        debug_assert_eq!(t, compact(text), "the text without white space");
        let mut f = Features::default();
        // The words are found in the pass that counts: few places begin one.
        let mut responsibility = false;
        let bytes = t.as_bytes();
        for (i, c) in t.char_indices() {
            if bytes.get(i + 1).is_some_and(|&next| may_begin_word(bytes[i], next)) {
                for (_, kind) in words_at(&bytes[i..]) {
                    match kind {
                        WordKind::Liability => f.liability_words = true,
                        WordKind::Duty => f.duty_words = true,
                        WordKind::Scope => f.scope_words = true,
                        WordKind::Responsibility => responsibility = true,
                    }
                }
            }
            f.chars += 1;
            if is_han(c) {
                f.han += 1;
            } else if c.is_ascii_digit() {
                f.digits += 1;
            } else if c.is_ascii_uppercase() {
                f.upper += 1;
            }
            match c {
                '《' => {
                    f.title_mark = true;
                    f.open_titles += 1;
                }
                '》' => f.open_titles -= 1,
                '条' => f.article = true,
                '【' => f.tag = true,
                _ => {}
            }
        }
        let first_end = t.char_indices().nth(EDGE).map_or(t.len(), |(i, _)| i);
        f.first = Snippet::of_str(&t[..first_end]);
        let last_start = t.char_indices().rev().nth(EDGE - 1).map_or(0, |(i, _)| i);
        f.last = Snippet::of_str(&t[last_start..]);
        f.short = (f.chars <= SHORT).then(|| Snippet::of_str(t));
        f.duty_words |= responsibility && has_duty_heading(t);
        f.scope_words |= opens_scope(t.as_bytes());
        f.list_starts = crate::text::split_lines(text).filter(|l| opens_numbered_list(l)).count();
        f
    }

    /// The features of consecutive lines, as [`Features::extend`] combines
    /// each line's: `text` runs from the first line's start to the last
    /// one's end, and `compacts` are the lines without white space. Read in
    /// one pass over their text, not line by line with the words across
    /// each join looked for again; `joined` is room for their text.
    pub fn of_lines(text: &str, compacts: &[&str], joined: &mut String) -> Features {
        joined.clear();
        compacts.iter().for_each(|c| joined.push_str(c));
        let mut f = Features::of_compacted(text, joined);
        // A line opening with `负责` tells a scope as a cell opening so does.
        f.scope_words |= compacts.iter().any(|c| opens_scope(c.as_bytes()));
        f
    }

    /// Every character is a Han ideograph.
    fn all_han(&self) -> bool {
        self.tally().all_han()
    }

    /// Six characters in ten or more are Han ideographs.
    fn mostly_han(&self) -> bool {
        self.tally().mostly_han()
    }

    /// Three digits or more, and no Han ideograph.
    fn numeric(&self) -> bool {
        self.tally().numeric()
    }

    /// A title with an article or a tag: a citation.
    fn cites_article(&self) -> bool {
        self.tally().cites_article()
    }

    /// The text ends where it goes on (a 、 or an open bracket, as `ending`
    /// says) or inside a title.
    fn ends_open(&self, ending: Ending) -> bool {
        self.tally().ends_open(ending)
    }

    /// This text's counts and words, as a [`Tally`].
    #[inline]
    pub fn tally(&self) -> Tally {
        let words = [
            (self.title_mark, Tally::TITLE_MARK),
            (self.article, Tally::ARTICLE),
            (self.tag, Tally::TAG),
            (self.liability_words, Tally::LIABILITY),
            (self.duty_words, Tally::DUTY),
            (self.scope_words, Tally::SCOPE),
        ]
        .iter()
        .fold(0, |acc, &(held, word)| if held { acc | word } else { acc });
        Tally {
            chars: self.chars,
            han: self.han,
            digits: self.digits,
            open_titles: self.open_titles,
            list_starts: self.list_starts,
            words,
        }
    }

    /// Features of this text followed by `next`.
    pub fn then(&self, next: &Features) -> Features {
        let mut f = self.clone();
        f.extend(next);
        f
    }

    /// Makes these the features of this text followed by `next`, in place:
    /// what [`Features::of_lines`] and the vertical layout's windows (grown
    /// a block at a time by [`Features::extend_across`]) must equal.
    pub fn extend(&mut self, next: &Features) {
        let junction = Junction::of(self, next);
        self.extend_across(next, junction);
    }

    /// [`Features::extend`], given the words that run across the join: those
    /// of any text whose last [`JUNCTION_REACH`] characters are this one's.
    pub fn extend_across(&mut self, next: &Features, junction: Junction) {
        // Whole characters are copied as bytes: no text is decoded here.
        if self.chars < EDGE {
            let n = next.first.prefix_len(EDGE - self.chars);
            self.first.extend_bytes(&next.first, 0, n);
        }
        if next.chars >= EDGE {
            self.last = next.last;
        } else {
            let mut l = Snippet::default();
            l.extend_bytes(&self.last, self.last.suffix_start(EDGE - next.chars), self.last.len);
            l.extend_bytes(&next.last, 0, next.last.len);
            self.last = l;
        }
        self.extend_short(next);
        self.extend_counts(next, junction);
    }

    /// [`Features::extend_across`] for a text past its edges (of [`EDGE`]
    /// characters or more, and so is the text grown): its first characters
    /// stay, and its last ones are left as they were, for the caller to take
    /// from elsewhere (the vertical layout knows what every window ends with).
    pub fn extend_past_edges(&mut self, next: &Features, junction: Junction) {
        debug_assert!(self.chars >= EDGE, "a text past its edges");
        self.extend_short(next);
        self.extend_counts(next, junction);
    }

    /// Grows the whole text ([`Features::short`]), while it is short: in
    /// place, not copied.
    fn extend_short(&mut self, next: &Features) {
        if self.chars + next.chars > SHORT {
            self.short = None;
        } else {
            if self.chars == 0 {
                self.short = Some(Snippet::default());
            }
            if next.chars > 0 {
                let grown = match (&mut self.short, &next.short) {
                    (Some(short), Some(more)) => short.extend_bytes(more, 0, more.len),
                    _ => false,
                };
                if !grown {
                    self.short = None;
                }
            }
        }
    }

    /// Whether this text is past holding its whole self ([`Features::short`]
    /// is gone for good) and so past every edge: what [`Features::extend_counts`] needs.
    pub fn is_long(&self) -> bool {
        self.chars > SHORT
    }

    /// [`Features::extend_across`] for the counts and words alone, leaving
    /// the edges as they were: for a long text ([`Features::is_long`]), whose
    /// first characters stay and whose last ones the caller takes from
    /// elsewhere (the vertical layout knows what every window ends with).
    /// Copying the edges would cost more than all the rest of a window's growth.
    pub fn extend_counts(&mut self, next: &Features, junction: Junction) {
        self.chars += next.chars;
        self.han += next.han;
        self.digits += next.digits;
        self.upper += next.upper;
        self.title_mark |= next.title_mark;
        self.open_titles += next.open_titles;
        self.article |= next.article;
        self.tag |= next.tag;
        self.liability_words |= next.liability_words || junction.liability;
        self.duty_words |= next.duty_words || junction.duty;
        self.scope_words |= next.scope_words || junction.scope;
        self.list_starts += next.list_starts;
    }
}

/// A text's counts and words, all that a long cell's kinds hang on besides
/// its edges ([`LongCellKey::of_tally`]). Small and flat, unlike
/// [`Features`], so that a window of the vertical layout growing over many
/// blocks keeps its tally in registers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Non-space characters.
    pub chars: usize,
    han: usize,
    digits: usize,
    /// Titles opened less titles closed.
    open_titles: i32,
    /// Lines that start a numbered list afresh.
    list_starts: usize,
    /// The words held, a bit each ([`Tally::TITLE_MARK`] …).
    words: u8,
}

impl Tally {
    const TITLE_MARK: u8 = 1;
    const ARTICLE: u8 = 1 << 1;
    const TAG: u8 = 1 << 2;
    const LIABILITY: u8 = 1 << 3;
    const DUTY: u8 = 1 << 4;
    const SCOPE: u8 = 1 << 5;
    /// How many words a tally tells apart, a bit each.
    const WORDS: usize = 6;

    /// What a text `next` adds to one before it, with the words running
    /// across their join (`junction`): as [`Features::extend_counts`] adds.
    pub fn of_next(next: &Features, junction: Junction) -> Tally {
        let mut t = next.tally();
        for (across, word) in
            [(junction.liability, Tally::LIABILITY), (junction.duty, Tally::DUTY), (junction.scope, Tally::SCOPE)]
        {
            if across {
                t.words |= word;
            }
        }
        t
    }

    /// This text's tally followed by a text adding `next` ([`Tally::of_next`]).
    #[inline]
    pub fn then(self, next: Tally) -> Tally {
        Tally {
            chars: self.chars + next.chars,
            han: self.han + next.han,
            digits: self.digits + next.digits,
            open_titles: self.open_titles + next.open_titles,
            list_starts: self.list_starts + next.list_starts,
            words: self.words | next.words,
        }
    }

    fn has(self, word: u8) -> bool {
        self.words & word != 0
    }

    fn all_han(self) -> bool {
        self.han == self.chars
    }

    fn mostly_han(self) -> bool {
        self.han * 10 >= self.chars * 6
    }

    fn numeric(self) -> bool {
        self.digits >= 3 && self.han == 0
    }

    fn cites_article(self) -> bool {
        self.has(Tally::TITLE_MARK) && (self.has(Tally::ARTICLE) || self.has(Tally::TAG))
    }

    fn ends_open(self, ending: Ending) -> bool {
        ending.open || self.open_titles > 0
    }
}

/// How many characters before a join a word found across it may start:
/// one fewer than the longest word [`Features::of`] looks for.
pub const JUNCTION_REACH: usize = 8;

/// Words that run across the join of two texts, which neither holds alone: a
/// cell's lines are joined, and a word broken at a line's end (`没有法律和事实依`
/// / `据`, `2.审查责` / `任：`) is the cell's word all the same.
#[derive(Debug, Clone, Copy, Default)]
pub struct Junction {
    liability: bool,
    duty: bool,
    scope: bool,
}

impl Junction {
    /// The words running across the end of the text of `before` into that of `after`.
    pub fn of(before: &Features, after: &Features) -> Junction {
        let mut j = Junction::default();
        if before.chars == 0 || after.chars == 0 {
            return j;
        }
        // The last characters of one and the first of the other, side by side.
        let mut joined: Snippet<{ JUNCTION_REACH * 8 }> = Snippet::default();
        let from = before.last.suffix_start(JUNCTION_REACH);
        joined.extend_bytes(&before.last, from, before.last.len);
        let at = joined.len;
        joined.extend_bytes(&after.first, 0, after.first.prefix_len(JUNCTION_REACH));
        let bytes = joined.bytes();
        // Only a word beginning before the join runs across it; 责任 is
        // sought after it too.
        let mut responsibility = memchr::memmem::find(&bytes[at..], "责任".as_bytes()).is_some();
        each_word(bytes, at, |start, word, kind| {
            let across = start + word.len() > at;
            match kind {
                WordKind::Liability => j.liability |= across,
                WordKind::Duty => j.duty |= across,
                WordKind::Scope => j.scope |= across,
                // A duty's heading is told by the words around 责任 too
                // (`受理` / `责任：`), so it is sought wherever 责任 stands:
                // one that either text holds alone is already counted.
                WordKind::Responsibility => responsibility = true,
            }
        });
        j.duty |= responsibility && has_duty_heading(joined.as_str());
        // A text of one character and the next may begin `负责` together.
        if before.chars < 2 {
            j.scope |= opens_scope(bytes);
        }
        j
    }
}

/// Whether a text without white space (its UTF-8 bytes) opens as a scope
/// does: `负责…`, `按照…`.
fn opens_scope(t: &[u8]) -> bool {
    t.starts_with("负责".as_bytes()) || t.starts_with("按照".as_bytes())
}

/// What a word [`Features::of`] looks for says of the text holding it.
#[derive(Clone, Copy)]
enum WordKind {
    /// Words of liability (追究, 处分, 相应责任 …).
    Liability,
    /// Words of duties (阶段责任, 实施责任 …).
    Duty,
    /// Words of scope (属地).
    Scope,
    /// 责任, which a duty entry's heading ends in (`受理责任：`).
    Responsibility,
}

/// The words [`Features::of`] looks for, with what each says.
const WORD_LIST: &[(&str, WordKind)] = &[
    ("追究", WordKind::Liability),
    ("处分", WordKind::Liability),
    ("相应责任", WordKind::Liability),
    ("追责", WordKind::Liability),
    ("问责", WordKind::Liability),
    ("监察法", WordKind::Liability),
    ("不正确履行", WordKind::Liability),
    ("没有法律和事实依据", WordKind::Liability),
    ("阶段责任", WordKind::Duty),
    ("实施责任", WordKind::Duty),
    ("监督责任", WordKind::Duty),
    ("属地", WordKind::Scope),
    ("责任", WordKind::Responsibility),
];

/// The first two bytes of each word of [`WORD_LIST`], as bits of a table by
/// their value: most places of a text begin no word, and one look-up says so.
const WORD_HEADS: [u64; 1024] = {
    let mut table = [0u64; 1024];
    let mut i = 0;
    while i < WORD_LIST.len() {
        let b = WORD_LIST[i].0.as_bytes();
        let key = ((b[0] as usize) << 8) | b[1] as usize;
        table[key / 64] |= 1 << (key % 64);
        i += 1;
    }
    table
};

/// Whether a word of [`WORD_LIST`] may begin with the bytes `first` and `second`.
fn may_begin_word(first: u8, second: u8) -> bool {
    let key = (usize::from(first) << 8) | usize::from(second);
    WORD_HEADS[key / 64] & (1 << (key % 64)) != 0
}

/// The words of [`WORD_LIST`] that the UTF-8 text `rest` begins with.
fn words_at(rest: &[u8]) -> impl Iterator<Item = (&'static str, WordKind)> + '_ {
    // Each word's first character is three bytes, and a text that passed
    // [`may_begin_word`] shares the first two with some word: the third tells
    // nearly every other word apart before its bytes are compared in full.
    let third = rest.get(2).copied();
    WORD_LIST
        .iter()
        .copied()
        .filter(move |(word, _)| word.as_bytes().get(2).copied() == third && rest.starts_with(word.as_bytes()))
}

/// Calls `found` with every word of [`WORD_LIST`] in the UTF-8 text `b`
/// that begins before byte `starting_before`, overlaps and all: where it
/// begins, the word and its kind. Read as bytes, nothing decoded: each
/// character's first byte tells how far the next is.
fn each_word(b: &[u8], starting_before: usize, mut found: impl FnMut(usize, &'static str, WordKind)) {
    // From one character's first byte to the next's: a word begins at none other.
    let mut i = 0;
    while i + 1 < b.len() && i < starting_before {
        if may_begin_word(b[i], b[i + 1]) {
            words_at(&b[i..]).for_each(|(word, kind)| found(i, word, kind));
        }
        i += match b[i] {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
}

/// Whether a text holds a duty entry's heading such as `受理责任：` or
/// `检查责任:`: a word of two or more ideographs before `责任：`, other than the
/// `相应责任：` that heads a liability preamble.
fn has_duty_heading(t: &str) -> bool {
    t.match_indices("责任").any(|(i, w)| {
        let colon = t[i + w.len()..].starts_with(['：', ':']);
        let mut before = t[..i].chars().rev();
        let two_han = before.next().is_some_and(is_han) && before.next().is_some_and(is_han);
        colon && two_han && !t[..i].ends_with("相应")
    })
}

/// Whether a cell reads as a 序号: a number other than 0 in digits (`12`),
/// or in Chinese numerals (`十二`), as some lists number their items.
pub fn is_seq_text(t: &str) -> bool {
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return !t.trim_start_matches('0').is_empty();
    }
    t.chars().count() <= 3
        && t.chars().all(|c| "一二三四五六七八九十".contains(c))
        && crate::text::chinese_number(t).is_some_and(|n| n > 0)
}

/// Whether a level cell (its text without spaces) goes on in the next
/// line's: a bracket left open, or a separator at its end (`县（市、` /
/// `区）`, `市级、` / `县级`).
pub(crate) fn level_goes_on(t: &str) -> bool {
    t.ends_with(crate::model::LEVEL_SEPARATORS) || t.matches(['（', '(']).count() > t.matches(['）', ')']).count()
}

/// Whether a cell names one level or several (`市级`, `省、市、县`,
/// `县（市、区）`, `乡镇街道`).
pub(crate) fn is_level_text(t: &str) -> bool {
    // Every level word begins with one of these: most text is told at once.
    if !t.starts_with(['省', '市', '县', '区', '乡', '镇', '村', '国', '设', '地', '州', '盟', '旗', '街', '社'])
    {
        return false;
    }
    // A bracket sets levels side by side as a separator does: `县（市、区）`.
    let bracket = |c: char| matches!(c, '（' | '）' | '(' | ')');
    let mut parts = t
        .trim_end_matches('级')
        .split(|c: char| c == ' ' || bracket(c) || crate::model::LEVEL_SEPARATORS.contains(&c))
        .filter(|p| !p.is_empty())
        .peekable();
    // A level cell broken over lines is no level yet; nor is one closing a bracket it did not open.
    let balanced = !level_goes_on(t) && t.matches(['（', '(']).count() == t.matches(['）', ')']).count();
    t.chars().count() <= 12
        && !t.starts_with(bracket)
        && balanced
        && parts.peek().is_some()
        && parts.all(|p| {
            matches!(
                p.trim_end_matches('级'),
                "省" | "市"
                    | "县"
                    | "区"
                    | "县区"
                    | "区县"
                    | "县市"
                    | "市区"
                    | "县市区"
                    | "市县区"
                    | "乡"
                    | "镇"
                    | "乡镇"
                    | "街道"
                    | "乡镇街道"
                    | "镇街"
                    | "村"
                    | "社区"
                    | "国家"
                    | "省市县"
                    | "市县"
                    | "省市"
                    | "设区的市"
                    | "地市"
                    | "市州"
                    | "州"
                    | "盟"
                    | "旗"
                    | "盟市"
                    | "旗县"
            )
        })
}

/// How well a cell's text fits each column, from its content alone: a score
/// in about -3 (surely not) to 3 (surely), 0 when the content says nothing.
pub fn content_score(column: Column, text: &str) -> f32 {
    feature_score(column, &Features::of(text))
}

/// [`content_score`] from [`Features`].
pub fn feature_score(column: Column, f: &Features) -> f32 {
    kind_score(column, &Kinds::of(f))
}

/// The longest cell [`kind_score`] tells apart from a longer one: its
/// thresholds on a cell's length all lie at or below it.
const LENGTHS_TOLD_APART: usize = 100;

/// The lengths from which [`kind_score`] scores a cell otherwise than a
/// shorter one (its thresholds: at most 3, 4, 6, 15, 30 or 100 characters).
const LENGTH_STEPS: [usize; 6] = [4, 5, 7, 16, 31, LENGTHS_TOLD_APART + 1];

/// A cell's length as [`kind_score`] tells it: the step of
/// [`LENGTH_STEPS`] it has reached, or one. Cells of lengths that score
/// alike have the same kinds, and the vertical layout works out each
/// kinds' scores once.
fn told_length(chars: usize) -> usize {
    LENGTH_STEPS.iter().rev().copied().find(|&step| chars >= step).unwrap_or(1)
}

/// What a cell's content looks like, worked out once and scored for each
/// column. Only what [`kind_score`] reads is kept, so that two cells with
/// equal kinds score alike in every column: the vertical layout scores a
/// window again only when its kinds change as it grows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kinds {
    empty: bool,
    /// Non-space characters, as far as scores tell them apart ([`told_length`]).
    chars: usize,
    /// Every character is a Han ideograph.
    all_han: bool,
    /// Six characters in ten or more are Han ideographs.
    mostly_han: bool,
    /// Three digits or more, and no Han ideograph.
    numeric: bool,
    list_starts: usize,
    code_like: bool,
    seq_like: bool,
    /// A 序号 in Chinese numerals (`十二`): told as one only of a whole cell.
    seq_in_numerals: bool,
    type_like: bool,
    level_like: bool,
    citation_like: bool,
    liability_like: bool,
    duty_like: bool,
    duty_words: bool,
    dept_like: bool,
    office_like: bool,
    scope_like: bool,
    /// Reads as an item's name, and is short enough to be one.
    item_like: bool,
    long_prose: bool,
    ends_with_colon: bool,
    /// Ends with a 、 or an opening bracket (`市级、`, `县（`), or inside a
    /// title (`《…管理条`): its text goes on in the next piece.
    ends_open: bool,
    duty_verb: bool,
}

impl Kinds {
    /// Every field in one number, different for different kinds: a key
    /// hashed as two words instead of field by field.
    #[inline]
    pub fn key(&self) -> u128 {
        // Every field by name, none left to `..`: a field added to the kinds
        // does not compile here until the key holds it.
        let Kinds {
            empty,
            chars,
            all_han,
            mostly_han,
            numeric,
            list_starts,
            code_like,
            seq_like,
            seq_in_numerals,
            type_like,
            level_like,
            citation_like,
            liability_like,
            duty_like,
            duty_words,
            dept_like,
            office_like,
            scope_like,
            item_like,
            long_prose,
            ends_with_colon,
            ends_open,
            duty_verb,
        } = *self;
        let flags = [
            empty,
            all_han,
            mostly_han,
            numeric,
            code_like,
            seq_like,
            seq_in_numerals,
            type_like,
            level_like,
            citation_like,
            liability_like,
            duty_like,
            duty_words,
            dept_like,
            office_like,
            scope_like,
            item_like,
            long_prose,
            ends_with_colon,
            ends_open,
            duty_verb,
        ];
        // The flags fit in 32 bits (the type says how many there are), which
        // are cheaper to fold than 128.
        let flags: [bool; 21] = flags;
        let bits = flags.iter().enumerate().fold(0u32, |acc, (i, &f)| acc | u32::from(f) << i);
        // Lengths are counted up to LENGTHS_TOLD_APART + 1, so eight bits hold one.
        const _: () = assert!(LENGTHS_TOLD_APART < 255);
        u128::from(bits) | (chars.min(255) as u128) << 32 | (list_starts as u128) << 64
    }
}

/// What a long cell's kinds hang on: see [`Kinds::long_cell_key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongCellKey {
    marks: u16,
    list_starts: usize,
}

impl LongCellKey {
    /// How many marks a key holds: five, then a bit for each word a [`Tally`] holds.
    const MARKS: usize = 5 + Tally::WORDS;

    /// A number [`LongCellKey::with_opening`] never gives: the bit between
    /// the marks and the count of lists is never set.
    pub const NONE: u64 = 1 << 15;

    /// What the kinds of a cell longer than [`LENGTHS_TOLD_APART`]
    /// characters, with these features, hang on besides its opening, which
    /// a growing window keeps: two such cells with the same opening and the
    /// same key have the same kinds (every test that reads vertical text
    /// checks this, in debug builds). A window of the vertical layout soon
    /// grows past that length and then keeps its kinds over many blocks:
    /// comparing keys tells so without working the kinds out.
    pub fn of(f: &Features, ending: Ending) -> LongCellKey {
        LongCellKey::of_tally(f.tally(), ending)
    }

    /// [`LongCellKey::of`] a cell whose counts and words are `t`.
    #[inline]
    pub fn of_tally(t: Tally, ending: Ending) -> LongCellKey {
        // What `with_edges` reads of a cell this long: its length is told as
        // one past LENGTHS_TOLD_APART; every kind of a short cell (a code, a
        // name, a department, a seq …) is ruled out by length alone. The
        // words are kept as they are (whether an article is cited, and the
        // rest, are told by them alone): fewer steps than a mark each.
        let marks = u16::from(t.all_han())
            | u16::from(t.mostly_han()) << 1
            | u16::from(t.numeric()) << 2
            | u16::from(ending.colon) << 3
            | u16::from(t.ends_open(ending)) << 4
            | u16::from(t.words) << 5;
        LongCellKey { marks, list_starts: t.list_starts }
    }

    /// One number for this key and the cell's `opening`, different for
    /// different pairs: all that the kinds of a cell this long hang on.
    pub fn with_opening(self, opening: Opening) -> u64 {
        let Opening { liability, receives, addresses, duty_verb } = opening;
        let opening =
            [liability, receives, addresses, duty_verb].iter().rev().fold(0, |acc, &m| acc << 1 | u64::from(m));
        const _: () = assert!(4 + LongCellKey::MARKS <= 15 && (Tally::SCOPE as usize) < 1 << Tally::WORDS);
        opening | u64::from(self.marks) << 4 | (self.list_starts as u64) << 16
    }
}

/// What a cell's first characters say of its kind. A window of the
/// vertical layout that has grown past [`EDGE`] characters keeps its first
/// characters, so this is worked out once per window start.
#[derive(Debug, Clone, Copy, Default)]
pub struct Opening {
    liability: bool,
    receives: bool,
    addresses: bool,
    duty_verb: bool,
}

impl Opening {
    /// What text opening with these bytes says. Compared as bytes: a whole
    /// UTF-8 string is a prefix (suffix) of a text exactly when its bytes
    /// are, and decoding here would cost a fifth of the vertical layout's time.
    pub fn of(first: &[u8]) -> Opening {
        let starts = |p: &str| first.starts_with(p.as_bytes());
        Opening {
            liability: starts("因不履行"),
            receives: starts("受理"),
            addresses: starts("对"),
            duty_verb: ["负责", "拟订", "承担", "组织实施", "贯彻执行"].iter().any(|w| starts(w)),
        }
    }
}

/// What a cell's last characters say of its kind. A window of the vertical
/// layout that holds [`EDGE`] characters or more ends as all the text up to
/// its end does, so this is worked out once per block end.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ending {
    department: bool,
    office: bool,
    /// A name in a list of them (`规划财务科、基金监管科`): an office's or a department's, then 、.
    listed: bool,
    measure: bool,
    service: bool,
    colon: bool,
    open: bool,
}

/// How offices' names end (`基金监管科`, `执法队`).
const OFFICE_ENDINGS: [&str; 5] = ["科", "处", "室", "股", "队"];

impl Ending {
    /// What text ending with these bytes says.
    pub fn of(last: &[u8]) -> Ending {
        let ends = |p: &&str| last.ends_with(p.as_bytes());
        Ending {
            department: ["局", "厅", "委", "中心", "办", "政府", "部", "院", "站", "所", "委员会", "办公室"]
                .iter()
                .any(ends),
            office: OFFICE_ENDINGS.iter().any(ends),
            // Most texts hold no 、 at all: one search tells.
            listed: memchr::memmem::find_iter(last, "、".as_bytes()).any(|at| {
                let name = &last[..at];
                OFFICE_ENDINGS.iter().chain(&["局", "中心"]).any(|e| name.ends_with(e.as_bytes()))
            }),
            measure: ["处罚", "强制", "检查", "措施", "的"].iter().any(ends),
            service: [
                "登记", "给付", "支付", "确认", "奖励", "许可", "征收", "结算", "备案", "审核", "核定", "待遇", "服务",
                "转移", "办理", "报销", "封存", "查询", "检查",
            ]
            .iter()
            .any(ends),
            colon: ends(&"：") || ends(&":"),
            // Not a comma: lines end in one so often that a window's kinds
            // would change, and be scored again, at every other line.
            open: ["、", "（", "(", "《"].iter().any(ends),
        }
    }
}

impl Kinds {
    /// The kinds of a cell with these features.
    pub fn of(f: &Features) -> Kinds {
        Kinds::with_edges(f, Opening::of(f.first.bytes()), Ending::of(f.last.bytes()))
    }

    /// What the kinds of a cell longer than [`LENGTHS_TOLD_APART`]
    /// characters hang on besides its opening ([`LongCellKey::of`]); `None`
    /// for a shorter cell.
    pub fn long_cell_key(f: &Features, ending: Ending) -> Option<LongCellKey> {
        (f.chars > LENGTHS_TOLD_APART).then(|| LongCellKey::of(f, ending))
    }

    /// The kinds of a cell with these features, whose first and last
    /// characters say `opening` and `ending` (worked out from `f.first` and
    /// `f.last`, or kept from a window with the same edges).
    pub fn with_edges(f: &Features, opening: Opening, ending: Ending) -> Kinds {
        if f.chars == 0 {
            return Kinds { empty: true, ..Kinds::default() };
        }
        let chars = f.chars;
        // Only short cells are read whole (a seq, type, level or `无`); reading
        // longer ones would cost more than all the rest of the scoring.
        let short = if chars <= 12 { f.short.as_ref().map(Snippet::as_str) } else { None };
        // No department's name is one character (`市医保` / `局`: `局` is its last piece).
        let dept_like = (2..=24).contains(&chars) && f.han * 10 >= chars * 8 && ending.department;
        let liability_like = opening.liability || f.liability_words;
        let mostly_han = f.mostly_han();
        Kinds {
            empty: false,
            chars: told_length(chars),
            all_han: f.all_han(),
            mostly_han,
            numeric: f.numeric(),
            list_starts: f.list_starts,
            // Counts first: a code has at most one Han character in ten.
            code_like: chars <= 48 && f.han * 10 <= chars && f.short.as_ref().is_some_and(|s| code_shaped(s.as_str())),
            seq_like: chars <= 5 && f.digits == chars && short.is_some_and(is_seq_text),
            seq_in_numerals: chars <= 3 && f.digits == 0 && short.is_some_and(is_seq_text),
            type_like: short.is_some_and(|t| is_type_name(t) || (chars <= 8 && holds_type_name(t))),
            level_like: short.is_some_and(is_level_text),
            citation_like: f.cites_article(),
            liability_like,
            duty_like: (f.duty_words || opening.receives) && !opening.liability,
            duty_words: f.duty_words,
            dept_like,
            // Several offices listed are one cell (`医药管理科、规划财务科、基金监管科`),
            // as long as several departments' may be.
            office_like: dept_like
                || (ending.office && (chars <= 16 || (chars <= 24 && f.han * 10 >= chars * 8 && ending.listed))),
            scope_like: f.scope_words || short == Some("无"),
            // An item's name is short: a longer cell is scored as no name
            // however it ends, and kept apart from shorter ones by that alone.
            item_like: chars <= 80 && ((opening.addresses && ending.measure) || ending.service),
            long_prose: chars > 40 && mostly_han,
            ends_with_colon: ending.colon,
            ends_open: f.ends_open(ending),
            duty_verb: opening.duty_verb,
        }
    }
}

/// The score of a whole cell of these kinds in `column`: [`kind_score`],
/// less when the cell ends in a 、 or an opening bracket (`市级、`, `县（`) or
/// inside a title (`《…管理条`), where a cell broken over lines goes on
/// (`市级、` / `县级`, `《…管理条` / `例》第三十八条`); a 序号 in Chinese
/// numerals (`十二`) scores as one in digits. A piece of a row's cell, which
/// may be one line of it or a numeral of a scrambled cell, is scored by
/// `kind_score` alone.
pub fn whole_cell_score(column: Column, k: &Kinds) -> f32 {
    if k.seq_in_numerals && column == Column::Seq {
        return SEQ_SCORE;
    }
    kind_score(column, k) - if k.ends_open { 1.0 } else { 0.0 }
}

/// The score of a 序号 in its column.
const SEQ_SCORE: f32 = 2.5;

/// The score of content of these kinds in `column`.
pub fn kind_score(column: Column, k: &Kinds) -> f32 {
    if k.empty {
        return 0.0;
    }
    let Kinds {
        chars,
        all_han,
        mostly_han,
        numeric,
        code_like,
        seq_like,
        type_like,
        level_like,
        citation_like,
        liability_like,
        duty_like,
        dept_like,
        office_like,
        scope_like,
        item_like,
        long_prose,
        ..
    } = *k;
    let s: f32 = match column {
        Column::Seq => {
            if seq_like {
                SEQ_SCORE
            } else {
                -3.0
            }
        }
        Column::Code | Column::SubCode => {
            if code_like {
                3.0
            } else if numeric {
                1.0
            } else {
                -3.0
            }
        }
        Column::Type => {
            if type_like {
                3.0
            } else if chars <= 6 && all_han {
                0.0
            } else {
                -2.5
            }
        }
        Column::Level => {
            if level_like {
                3.0
            } else if chars <= 3 {
                0.0
            } else {
                -2.5
            }
        }
        Column::LegalBasis => {
            // A duty's heading (`立案阶段责任：`) opens the duties after the citations.
            let duty_penalty = if k.duty_words { 1.0 } else { 0.0 };
            (if citation_like && !liability_like {
                2.0
            } else if citation_like {
                1.0
            } else if long_prose || (chars > 15 && mostly_han) {
                0.0
            } else {
                -1.0
            }) - duty_penalty
        }
        Column::Liability => {
            // Duty headings (监督责任 …) belong to the duties before it.
            let duty_penalty = if k.duty_words { 1.5 } else { 0.0 };
            (if liability_like {
                2.0
            } else if citation_like {
                0.5
            } else {
                -0.5
            }) - duty_penalty
        }
        Column::Duties | Column::DutyGroup(_) => {
            if duty_like {
                2.5
            } else if long_prose {
                0.0
            } else {
                -1.0
            }
        }
        Column::Department => {
            if dept_like {
                2.0
            } else {
                -1.5
            }
        }
        Column::Office => {
            if office_like {
                1.5
            } else {
                -1.5
            }
        }
        Column::Scope => {
            if scope_like {
                1.5
            } else if long_prose {
                -0.5
            } else {
                0.0
            }
        }
        Column::Item | Column::SubItem => {
            if k.duty_verb {
                -1.0 // `负责……`, `拟订……`: a department's responsibility, never an item's name
            } else if item_like {
                1.5
            } else if chars <= 100 && !citation_like && !duty_like {
                0.0
            } else {
                -1.5
            }
        }
        Column::Responsibility => {
            if chars > 15 && mostly_han && !citation_like && !duty_like && !liability_like {
                0.5
            } else {
                -0.5
            }
        }
        Column::Remarks => {
            if citation_like || chars > 30 {
                -2.0
            } else {
                -0.5
            }
        }
        // Nothing is known of what a column the format does not name holds:
        // its place under the header decides.
        Column::Extra(_) => 0.0,
    };
    // A code is nothing else.
    if code_like && !matches!(column, Column::Code | Column::SubCode) {
        return s.min(-2.0);
    }
    // A cell ending in a colon stops before what the colon announces
    // (`2.办理责任：`): its text goes on in the next piece.
    let cut_short = if k.ends_with_colon && chars > 4 { 1.0 } else { 0.0 };
    // A list numbered afresh is a second cell.
    s - cut_short - 1.5 * k.list_starts.saturating_sub(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_where_it_stands_overlaps_and_all() {
        for t in [
            "对不正确履行相应责任的追究责任",
            "属地监督责任追责问责",
            "没有法律和事实依据阶段责任实施责任",
            "处分处分",
            "责",
            "",
        ] {
            let mut scanned: Vec<(usize, &str)> = Vec::new();
            each_word(t.as_bytes(), t.len(), |i, w, _| scanned.push((i, w)));
            let mut searched: Vec<(usize, &str)> =
                WORD_LIST.iter().flat_map(|&(w, _)| t.match_indices(w).map(move |(i, _)| (i, w))).collect();
            scanned.sort_unstable();
            searched.sort_unstable();
            assert_eq!(scanned, searched, "{t}");
        }
    }

    #[test]
    fn a_cell_naming_several_offices_is_an_offices_cell() {
        for cell in ["基金监管科", "医药管理科、规划财务科、基金监管科", "待遇保障科、各县区医保局"]
        {
            assert!(content_score(Column::Office, cell) > 0.0, "{cell}");
        }
        // Not prose that ends in 处 or 室, however short its sentences.
        let prose = "对违反规定的单位，由社会保险行政部门责令改正并处";
        assert!(content_score(Column::Office, prose) < 0.0);
    }

    #[test]
    fn a_snippet_of_a_text_is_its_characters_pushed_until_one_does_not_fit() {
        for text in ["", "a", "社会保险法", "第八十七条：社会保险经办机构", "ab𠀀c社", "𠀀𠀁𠀂𠀃"]
        {
            assert_eq!(Snippet::<8>::of_str(text), Snippet::<8>::from_chars(text.chars()), "{text}");
            assert_eq!(Snippet::<9>::of_str(text), Snippet::<9>::from_chars(text.chars()), "{text}");
            assert_eq!(Snippet::<48>::of_str(text), Snippet::<48>::from_chars(text.chars()), "{text}");
        }
        assert_eq!(Snippet::<8>::of_str("社会保险").as_str(), "社会");
    }

    #[test]
    fn lengths_told_alike_score_alike() {
        // Kinds of every sort, each at every length: scored with the length
        // told (as kinds hold it) or counted up to LENGTHS_TOLD_APART + 1.
        let makes = [
            "1",
            "十二",
            "行政处罚",
            "市级、",
            "3700000236009",
            "医疗保障局",
            "对用人单位未按时足额缴纳社会保险费的处罚",
            "依据《中华人民共和国社会保险法》第八十六条处以罚款。",
            "1.受理责任：依法受理。",
            "追究相应责任",
            "按照属地管理原则",
            "无",
        ];
        for make in makes {
            for chars in 1..=LENGTHS_TOLD_APART + 20 {
                let text: String = make.chars().cycle().take(chars).collect();
                let f = Features::of(&text);
                let told = Kinds::of(&f);
                let counted = Kinds { chars: f.chars.min(LENGTHS_TOLD_APART + 1), ..told };
                for c in Column::ALL {
                    assert_eq!(kind_score(c, &told), kind_score(c, &counted), "{text} in {c:?}");
                    assert_eq!(whole_cell_score(c, &told), whole_cell_score(c, &counted), "{text} in {c:?}");
                }
            }
        }
    }

    #[test]
    fn long_cells_of_one_make_have_the_same_kinds_and_scores() {
        // The vertical layout scores a growing window again only when its
        // kinds change: a long cell's must not change with its length alone.
        let makes = [
            "依据《中华人民共和国社会保险法》第八十六条处以罚款。",
            "1.受理责任：依法受理或者不予受理，并一次性告知理由。",
            "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任：",
            "对用人单位未按时足额缴纳社会保险费的处罚服务",
            "abcdefghijklmnopqrstuvwxyz 0123456789",
        ];
        for make in makes {
            let at_least = |n: usize| make.repeat(n / make.chars().count() + 1);
            let (short, long) = (Features::of(&at_least(LENGTHS_TOLD_APART + 1)), Features::of(&at_least(3000)));
            assert_eq!(Kinds::of(&short), Kinds::of(&long), "{make}");
            for c in Column::ALL {
                assert_eq!(feature_score(c, &short), feature_score(c, &long), "{make} in {c:?}");
            }
        }
        // An item's name ending is told only of a short cell.
        let name = Features::of("对用人单位未按时足额缴纳社会保险费的处罚");
        assert!(feature_score(Column::Item, &name) > 1.0);
        let long = Features::of(&"对用人单位未按时足额缴纳社会保险费的处罚".repeat(5));
        assert!(feature_score(Column::Item, &long) <= 0.0);
    }

    #[test]
    fn long_cells_alike_in_what_their_kinds_hang_on_are_of_the_same_kinds() {
        // Cells made of every order of pieces that move one mark or another
        // (a title and its article, a list, words of duties and liability, a
        // colon or an open bracket at the end, digits, Latin letters), each
        // opening alike: equal keys must give equal kinds.
        let pieces = [
            "《中华人民共和国社会保险法》",
            "第八十六条",
            "\n1.受理责任：依法受理。\n",
            "追究相应责任",
            "属地管理",
            "实施责任",
            "ABC0123456789",
            "由社会保险行政部门责令限期改正",
            "：",
            "（",
            "【法律】",
        ];
        let mut seen: Vec<(LongCellKey, Kinds)> = Vec::new();
        let mut compared = 0;
        for mask in 1u32..1 << pieces.len() {
            let mut text = String::from("对用人单位未按时足额缴纳社会保险费的处罚");
            // The pieces chosen, from a place the mask also picks, so that
            // they come in several orders.
            let start = mask as usize % pieces.len();
            while Features::of(&text).chars <= LENGTHS_TOLD_APART {
                for k in 0..pieces.len() {
                    let i = (start + k) % pieces.len();
                    if mask & 1 << i != 0 {
                        text.push_str(pieces[i]);
                    }
                }
                text.push_str("的处罚");
            }
            for end in ["", "：", "（", "、", "局"] {
                let cell = format!("{text}{end}");
                let f = Features::of(&cell);
                let ending = Ending::of(f.last.bytes());
                let key = Kinds::long_cell_key(&f, ending).expect("a long cell");
                let kinds = Kinds::with_edges(&f, Opening::of(f.first.bytes()), ending);
                match seen.iter().find(|(k, _)| *k == key) {
                    Some((_, same)) => {
                        compared += 1;
                        assert_eq!(*same, kinds, "{cell}");
                    }
                    None => seen.push((key, kinds)),
                }
            }
        }
        assert!(seen.len() > 20 && compared > 1000, "{} keys, {compared} compared", seen.len());
        // A short cell has no such key: its kinds hang on all of it.
        let short = Features::of("行政处罚");
        assert_eq!(Kinds::long_cell_key(&short, Ending::of(short.last.bytes())), None);
    }

    #[test]
    fn the_longest_header_keyword_a_text_starts_with_is_found_as_by_trying_every_word() {
        // Every keyword names one column and is two characters or more: the
        // longest that a text starts with is the one word to find.
        for (i, (k, _)) in HEADER_KEYWORDS.iter().enumerate() {
            assert!(k.chars().count() >= 2, "{k}");
            assert!(HEADER_KEYWORDS[..i].iter().all(|(other, _)| other != k), "{k} twice");
        }
        let by_trying = |rest: &str| {
            HEADER_KEYWORDS.iter().filter(|(k, _)| rest.starts_with(k)).max_by_key(|(k, _)| k.len()).copied()
        };
        for (k, _) in HEADER_KEYWORDS {
            for (i, _) in k.char_indices() {
                for tail in ["", "名称", "编码及依据", "（备注）", "x"] {
                    let text = format!("{}{tail}", &k[i..]);
                    assert_eq!(longest_header_keyword(&text), by_trying(&text), "{text}");
                }
            }
        }
        assert_eq!(longest_header_keyword("序号"), Some(("序号", Column::Seq)));
        assert_eq!(longest_header_keyword("对应的序号"), None);
    }

    #[test]
    fn compact_drops_every_white_space_character_and_nothing_else() {
        let white: String = (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        let all_white_leads =
            white.chars().all(|c| c.is_ascii() || matches!(c.to_string().as_bytes()[0], 0xC2 | 0xE1 | 0xE2 | 0xE3));
        assert!(all_white_leads, "a white space character begins with another byte");
        for s in [
            "",
            " ",
            "社会 保险\n法\u{3000}第\u{a0}八\u{2028}条\u{85}",
            "“引号”　全角\t",
            &white,
            "𠀀 a\u{1680}b\u{205f}",
        ] {
            let plain: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(compact(s), plain, "{s:?}");
        }
    }

    #[test]
    fn a_type_name_is_held_wherever_it_stands() {
        for t in ["行政处罚", "对行政处罚类", "其他行政职权事项", "审核转报", "xx内部审批", "公共服务事项"]
        {
            let by_search = crate::model::ITEM_TYPES.iter().chain(TYPE_LOOKALIKES).any(|k| t.contains(k));
            assert_eq!(holds_type_name(t), by_search, "{t}");
            assert!(by_search, "{t}");
        }
        for t in ["", "行政", "处罚", "市级", "3700000236009", "行 政 处 罚"] {
            assert!(!holds_type_name(t), "{t}");
        }
    }

    #[test]
    fn kinds_told_apart_have_keys_told_apart() {
        let cells = [
            "",
            "1",
            "12",
            "3700000236009",
            "行政处罚",
            "市级",
            "无",
            "依据《社会保险法》第八十六条",
            "1.受理责任：2.审查责任：",
            "负责",
            "对医疗保险经办机构的处罚",
        ];
        let mut all: Vec<Kinds> = cells.iter().map(|c| Kinds::of(&Features::of(c))).collect();
        all.extend(cells.iter().map(|c| Kinds::of(&Features::of(&c.repeat(40)))));
        for a in &all {
            for b in &all {
                assert_eq!(a == b, a.key() == b.key(), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn code_shapes() {
        for code in
            ["3700000236009", "11620700MB1234567X3620236001000", "XK-0001-000", "370100-CF-0001", "XK－0001－000"]
        {
            assert!(code_shaped(code), "{code}");
        }
        // Telephone numbers and dates are digits joined by hyphens; a code
        // is not cut off at a hyphen.
        for other in
            ["0938-1234567", "2019-01-01", "XK-0001-", "-XK0001", "12345", "行政处罚", "第123456号", "2019－01－01"]
        {
            assert!(!code_shaped(other), "{other}");
        }
    }

    #[test]
    fn duty_headings_but_not_the_liability_preamble() {
        assert!(has_duty_heading("1.受理责任：依法受理。"));
        assert!(has_duty_heading("检查责任:按照规定开展检查"));
        assert!(!has_duty_heading("有下列情形的，应承担相应责任："));
        assert!(!has_duty_heading("责任：")); // a line's end of a broken-off word says nothing
        assert!(!has_duty_heading("依法追究责任"));
    }

    #[test]
    fn citations_running_on_into_a_duty_heading_score_lower_as_the_basis() {
        let citation = "《中华人民共和国社会保险法》第八十八条：“以欺诈手段骗取社会保险待遇的，处罚款。”";
        let with_duty = format!("{citation}立案阶段责任：发现骗取医疗保险待遇的，予以审查。");
        let (alone, run_on) = (Kinds::of(&Features::of(citation)), Kinds::of(&Features::of(&with_duty)));
        assert!(kind_score(Column::LegalBasis, &run_on) < kind_score(Column::LegalBasis, &alone));
        // The heading is the duties' all the same.
        assert!(kind_score(Column::Duties, &run_on) > kind_score(Column::LegalBasis, &run_on));
    }

    #[test]
    fn a_department_s_name_is_more_than_its_last_character() {
        let dept = |t: &str| kind_score(Column::Department, &Kinds::of(&Features::of(t)));
        assert!(dept("市医保局") > 0.0);
        assert!(dept("县市场监督管理局") > 0.0);
        assert!(dept("局") < 0.0);
    }

    #[test]
    fn level_cells_may_name_several_levels() {
        for t in [
            "市级",
            "省、市、县",
            "市级；县级",
            "省级,市级",
            "市级及县级",
            "设区的市级",
            "县（市、区）",
            "县(市、区)级",
            "乡镇（街道）",
            "市州级",
            "旗县",
        ] {
            assert!(is_level_text(t), "{t}");
        }
        for t in ["市场监管", "县级以上人民政府", "本级", "（市）", "", "、", "县（市、", "区）", "市级、"]
        {
            assert!(!is_level_text(t), "{t}");
        }
    }

    #[test]
    fn a_seq_in_chinese_numerals_is_told_only_of_a_whole_cell() {
        for t in ["1", "12", "007", "一", "十二", "九十九"] {
            assert!(is_seq_text(t), "{t}");
        }
        for t in ["0", "", "零", "一百二十三", "一、", "12a", "第一"] {
            assert!(!is_seq_text(t), "{t}");
        }
        // A whole cell `五` is a 序号; a piece of a row's cell may be a
        // numeral of a scrambled cell (`五` / `立健障…`), and is not.
        let kinds = Kinds::of(&Features::of("五"));
        assert!(whole_cell_score(Column::Seq, &kinds) > 0.0);
        assert!(kind_score(Column::Seq, &kinds) < 0.0);
        assert_eq!(
            whole_cell_score(Column::Seq, &Kinds::of(&Features::of("5"))),
            kind_score(Column::Seq, &Kinds::of(&Features::of("5")))
        );
    }

    #[test]
    fn a_whole_cell_ending_in_a_separator_scores_lower() {
        let (open, whole) = (Kinds::of(&Features::of("市级、")), Kinds::of(&Features::of("市级、县级")));
        assert!(whole_cell_score(Column::Level, &open) < kind_score(Column::Level, &open));
        assert_eq!(whole_cell_score(Column::Level, &whole), kind_score(Column::Level, &whole));
        // So does one cut short inside a title, told of its pieces combined.
        let cut = Features::of("《社会保险法》第八十七条②《医疗保障基金使用监督管理条");
        let rest = Features::of("例》第三十八条");
        assert!(
            whole_cell_score(Column::LegalBasis, &Kinds::of(&cut)) < kind_score(Column::LegalBasis, &Kinds::of(&cut))
        );
        let whole = Kinds::of(&cut.then(&rest));
        assert_eq!(whole_cell_score(Column::LegalBasis, &whole), kind_score(Column::LegalBasis, &whole));
    }

    #[test]
    fn features_of_a_whole_are_those_of_its_parts_combined() {
        let parts = [
            "对医疗",
            "保险经办机构以及医疗机构、药品经营单位",
            "",
            "等",
            "医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保障基金支出的处罚",
            "A1",
            "〔2019〕9号",
            "没有法律和事实依",
            "据",
            "2.审查责",
            "任：审查",
            "负",
            "责",
        ];
        for i in 0..parts.len() {
            for j in i..parts.len() {
                let whole: String = parts[i..=j].concat();
                let combined = parts[i + 1..=j].iter().fold(Features::of(parts[i]), |f, p| f.then(&Features::of(p)));
                let direct = Features::of(&whole);
                assert_eq!(combined.first.as_str(), direct.first.as_str(), "{whole}");
                assert_eq!(combined.last.as_str(), direct.last.as_str(), "{whole}");
                assert_eq!(
                    combined.short.map(|s| s.as_str().to_owned()),
                    direct.short.map(|s| s.as_str().to_owned()),
                    "{whole}"
                );
                assert_eq!(combined.chars, direct.chars);
                assert_eq!(combined.liability_words, direct.liability_words, "{whole}");
                assert_eq!(combined.duty_words, direct.duty_words, "{whole}");
                assert_eq!(combined.scope_words, direct.scope_words, "{whole}");
            }
        }
    }

    /// Every field of features, the snippets as their text.
    fn fields(f: &Features) -> String {
        let Features {
            chars,
            han,
            digits,
            upper,
            first,
            last,
            short,
            title_mark,
            open_titles,
            article,
            tag,
            liability_words,
            duty_words,
            scope_words,
            list_starts,
        } = f;
        let short = short.as_ref().map(Snippet::as_str);
        format!(
            "{chars} {han} {digits} {upper} {} {} {short:?} {title_mark} {open_titles} {article} {tag} \
             {liability_words} {duty_words} {scope_words} {list_starts}",
            first.as_str(),
            last.as_str()
        )
    }

    #[test]
    fn features_of_lines_are_those_of_each_line_combined() {
        let lines = [
            "1.没有法律和事实依",
            "据实施行政处罚的；",
            "负",
            "责本行政区域内",
            "负责审核",
            "按照属地",
            "  2.审查责",
            "任：审查申请材料。",
            "《社会保险法》第八十七条",
            "【法律】《医疗保障基金使用监督管理条",
            "例》第三十八条 ABC 12",
            "相应",
            "责任：追究",
            "（一）",
            "",
            "A",
        ];
        let mut joined = String::new();
        for i in 0..lines.len() {
            for j in i..lines.len() {
                let text = lines[i..=j].join("\n");
                let compacts: Vec<String> = lines[i..=j].iter().map(|l| compact(l)).collect();
                let compacts: Vec<&str> = compacts.iter().map(String::as_str).collect();
                let each = lines[i + 1..=j].iter().fold(Features::of(lines[i]), |mut f, l| {
                    f.extend(&Features::of(l));
                    f
                });
                assert_eq!(fields(&Features::of_lines(&text, &compacts, &mut joined)), fields(&each), "{text}");
            }
        }
    }

    #[test]
    fn a_tally_grows_as_the_features_it_tallies() {
        let parts = [
            "1.没有法律和事实依",
            "据实施行政处罚的；",
            "负",
            "责本行政区域内",
            "按照属地",
            "2.审查责",
            "任：审查申请材料。",
            "【法律】《医疗保障基金使用监督管理条",
            "例》第三十八条 ABC 123",
            "相应",
            "责任：追究",
            "",
            "A1、",
        ];
        for i in 0..parts.len() {
            let mut f = Features::of(parts[i]);
            let mut tally = f.tally();
            for part in &parts[i + 1..] {
                let next = Features::of(part);
                let junction = Junction::of(&f, &next);
                f.extend_counts(&next, junction);
                tally = tally.then(Tally::of_next(&next, junction));
                assert_eq!(tally, f.tally(), "{} … {part}", parts[i]);
                for ending in [Ending::of("科".as_bytes()), Ending::of("：".as_bytes()), Ending::of("（".as_bytes())]
                {
                    assert_eq!(LongCellKey::of_tally(tally, ending), LongCellKey::of(&f, ending));
                }
            }
        }
        // Every word has a bit of its own.
        let words = Features::of("《条例》第三条【法律】追究责任 阶段责任 属地").tally();
        assert_eq!(words.words, 0b11_1111, "{words:?}");
    }

    #[test]
    fn words_broken_at_a_lines_end_are_the_cells_words() {
        let broken = [
            (["1.没有法律和事实依", "据实施行政处罚的；"], "liability"),
            (["依法追", "究责任"], "liability"),
            (["2.审查责", "任：审查申请材料。"], "duty"),
            (["受理", "责任：依法受理。"], "duty"),
            (["实施", "责任"], "duty"),
            (["负", "责本行政区域内"], "scope"),
            (["按属", "地管理"], "scope"),
        ];
        for ([a, b], kind) in broken {
            let (fa, fb) = (Features::of(a), Features::of(b));
            let whole = Features::of(&format!("{a}{b}"));
            let joined = fa.then(&fb);
            let flag = |f: &Features| match kind {
                "liability" => f.liability_words,
                "duty" => f.duty_words,
                _ => f.scope_words,
            };
            assert!(!flag(&fa) && !flag(&fb), "{a}/{b}: neither part alone");
            assert!(flag(&whole) && flag(&joined), "{a}/{b}");
        }
        // A join that makes no word adds none; 相应责任： heads no duty.
        let (a, b) = (Features::of("有下列情形的，承担相应"), Features::of("责任："));
        assert!(!a.then(&b).duty_words);
        assert!(a.then(&b).liability_words); // 相应责任 is liability's word
        assert!(!Features::of("审查").then(&Features::of("申请材料")).duty_words);
    }

    #[test]
    fn header_synonyms() {
        assert_eq!(column_for_header("事项名称"), Some(Column::Item));
        assert_eq!(column_for_header("地方权力编码"), Some(Column::Code));
        assert_eq!(column_for_header("子项地方权力编码"), Some(Column::SubCode));
        assert_eq!(column_for_header("权力事项类型"), Some(Column::Type));
        assert_eq!(column_for_header("行使主体（所属部门）"), Some(Column::Department));
        assert_eq!(column_for_header("承办机构（实施主体）"), Some(Column::Office));
        assert_eq!(column_for_header("设定、行使依据及有关条款"), Some(Column::LegalBasis));
        assert_eq!(column_for_header("法律法规规章依据"), Some(Column::LegalBasis));
        assert_eq!(column_for_header("办事层级"), Some(Column::Level));
        assert_eq!(column_for_header("服务内容"), Some(Column::Scope));
        assert_eq!(column_for_header("责任事项内容"), Some(Column::Duties));
        assert_eq!(column_for_header("对应责任事项"), Some(Column::Duties));
        assert_eq!(column_for_header("追责情形及依 据"), Some(Column::Liability));
        assert_eq!(column_for_header("序 号"), Some(Column::Seq));
        assert_eq!(column_for_header("备注"), Some(Column::Remarks));
        assert_eq!(column_for_header("对医疗保险经办机构的处罚"), None);
        for department in ["实施部门", "执行部门", "责任部门", "执法主体"] {
            assert_eq!(column_for_header(department), Some(Column::Department), "{department}");
        }
        assert_eq!(column_for_header("部门职责"), Some(Column::Responsibility));
        assert_eq!(column_for_header("权力名称"), Some(Column::Item));
        assert_eq!(column_for_header("职权类别"), Some(Column::Type));
        for office in ["实施科室", "牵头处室", "责任股室"] {
            assert_eq!(column_for_header(office), Some(Column::Office), "{office}");
        }
        assert_eq!(column_for_header("权力事项"), Some(Column::Item));
        assert_eq!(column_for_header("子项"), Some(Column::SubItem));
        assert_eq!(column_for_header("子项目名称"), Some(Column::SubItem));
        // Inside longer headers, those words decide nothing.
        assert_eq!(column_for_header("子项地方权力编"), None);
        assert_eq!(column_for_header("权力事项编码"), Some(Column::Code));
        for code in ["权力编号", "事项编号", "职权编号"] {
            assert_eq!(column_for_header(code), Some(Column::Code), "{code}");
        }
    }

    #[test]
    fn merged_header_cells() {
        assert_eq!(columns_in_header("实施层级 实施权限"), vec![Column::Level, Column::Scope]);
        assert_eq!(columns_in_header("部门职责 事项名称"), vec![Column::Responsibility, Column::Item]);
        assert_eq!(columns_in_header("事项 名称"), vec![Column::Item]);
    }

    #[test]
    fn two_columns_under_names_of_one_field_side_by_side_are_two_columns() {
        let mut others = Vec::new();
        let cols = |t: &str, o: &mut Vec<String>| columns_in_running_text(t, o);
        assert_eq!(
            cols("序号事项名称设定依据实施依据追责情形追责依据", &mut others),
            [Column::Seq, Column::Item, Column::LegalBasis, Column::LegalBasis, Column::Liability, Column::Liability]
        );
        // Joined by a word, they name one column; a word met again apart from
        // its column names none.
        assert_eq!(
            cols("事项名称设定依据及实施依据追责情形及依据", &mut others),
            [Column::Item, Column::LegalBasis, Column::Liability]
        );
        assert_eq!(cols("事项名称备注名称", &mut others), [Column::Item, Column::Remarks]);
        // Groups of duties after 对应责任事项 are columns in its place; before it, no header words.
        let mut groups = Vec::new();
        assert_eq!(
            cols("序号对应责任事项直接实施责任指导监督责任追责情形", &mut groups),
            [Column::Seq, Column::DutyGroup(0), Column::DutyGroup(1), Column::Liability]
        );
        assert_eq!(groups, ["直接实施责任", "指导监督责任"]);
        assert_eq!(cols("序号直接实施责任备注", &mut Vec::new()), [Column::Seq, Column::Remarks]);
        // A bare word running on from a header word, the same column's or
        // joined to it, ends that header: no column of its own.
        assert_eq!(cols("序号权责事项名称事项编码", &mut others), [Column::Seq, Column::Item, Column::Code]);
        assert_eq!(
            cols("序号事项名称追责情形及依据备注", &mut others),
            [Column::Seq, Column::Item, Column::Liability, Column::Remarks]
        );
        // Bare words after another column's word are columns: a terse header.
        assert_eq!(
            cols("序号名称编码类型依据备注", &mut others),
            [Column::Seq, Column::Item, Column::Code, Column::Type, Column::LegalBasis, Column::Remarks]
        );
        // 编号 is the 序号 of a header naming the code elsewhere, and no column otherwise.
        assert_eq!(
            cols("编号事项名称事项编码事项类型", &mut others),
            [Column::Seq, Column::Item, Column::Code, Column::Type]
        );
        assert_eq!(cols("编号事项名称事项类型实施依据", &mut others), [Column::Item, Column::Type, Column::LegalBasis]);
        assert_eq!(cols("序号子项编号事项编码", &mut others), [Column::Seq, Column::SubCode, Column::Code]);
        // 责任事项依据 is a column the format does not name, not more duties.
        assert_eq!(cols("责任事项责任事项依据", &mut others), [Column::Duties, Column::Extra(0)]);
        assert_eq!(others, ["责任事项依据"]);
    }

    #[test]
    fn running_header_text() {
        let mut others = Vec::new();
        assert_eq!(
            columns_in_running_text("序号实施机构部门职责 事项名称事项编码事项类型设定、行使依据及有关条款实施层级实施权限 对应责任事项 追责情形及依据备注", &mut others),
            vec![Column::Seq, Column::Department, Column::Responsibility, Column::Item, Column::Code, Column::Type, Column::LegalBasis, Column::Level, Column::Scope, Column::Duties, Column::Liability, Column::Remarks]
        );
        assert_eq!(
            columns_in_running_text(
                "事项名称无需填写）力编码子项时无需填写）行使主体（所属部门）承办机构（实施主体）实施依据 责任事项内容",
                &mut others
            ),
            vec![Column::Item, Column::Code, Column::Department, Column::Office, Column::LegalBasis, Column::Duties]
        );
        assert!(others.is_empty());
        // Columns the format does not name, by their words; a word inside
        // one (`依据` in 收费依据) is not a column of the format.
        assert_eq!(
            columns_in_running_text(
                "序号权力名称权力编码行使主体实施对象法律依据收费依据办理时限（工作日）备注",
                &mut others
            ),
            vec![
                Column::Seq,
                Column::Item,
                Column::Code,
                Column::Department,
                Column::Extra(0),
                Column::LegalBasis,
                Column::Extra(1),
                Column::Extra(2),
                Column::Remarks
            ]
        );
        assert_eq!(others, ["实施对象", "收费依据", "办理时限"]);
        assert_eq!(column_for_header("收费依据及标准"), None);
        assert_eq!(column_for_header("设定依据"), Some(Column::LegalBasis));
        assert_eq!(header_hits("序号实施机构"), 2);
        assert_eq!(header_hits("济南市医保局"), 0);
        // Words of columns the format does not name count as header words.
        assert_eq!(header_coverage("追责情形是否收费"), (2, 8));
        // Read as it grows, a line at a time, the same as read whole.
        let lines = [
            "序",
            "号",
            "实施",
            "机构",
            "部门职责",
            "事项名称",
            "事项",
            "编码",
            "事项",
            "类型",
            "设定、行使依据",
            "追责",
            "情形",
            "是否收费",
            "备",
            "注",
        ];
        let mut growing = HeaderCoverage::default();
        let mut joined = String::new();
        for line in lines {
            joined.push_str(line);
            assert_eq!(growing.of(&joined), header_coverage(&joined), "{joined}");
        }
    }

    #[test]
    fn content_kinds() {
        assert!(content_score(Column::Code, "3700000 236009") > 2.0);
        assert!(content_score(Column::Code, "11620500MB161709673620236001000") > 2.0);
        assert!(content_score(Column::Seq, "11620500MB161709673620236001000") < 0.0);
        assert!(content_score(Column::Type, "行政处罚") > 2.0);
        assert!(content_score(Column::Type, "行政 处罚") > 2.0);
        assert!(content_score(Column::Level, "市级") > 2.0);
        assert!(content_score(Column::Level, "省") > 2.0);
        assert!(content_score(Column::Seq, "4160") > 2.0);
        assert!(content_score(Column::Department, "山丹县医保局") > 1.0);
        assert!(content_score(Column::LegalBasis, "1.【法律】《社会保险法》第八十七条：社会保险经办机构") > 1.0);
        assert!(content_score(Column::Duties, "直接实施责任：1.执行") > 2.0);
        assert!(content_score(Column::Type, "对医疗保险经办机构的处罚") < 0.0);
    }
}
