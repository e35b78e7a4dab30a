//! Bytes to text: byte-order marks, strict UTF-8, detection, and refusal of
//! binary or undecodable input.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Share of replacement characters above which a detected encoding is refused.
const MAX_MALFORMED_SHARE: f64 = 0.001;
/// Share of control characters (other than white space) above which input is binary.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Decoded input.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: &'static Encoding,
    /// Length of the byte-order mark that was removed.
    pub bom_len: usize,
    /// Byte offsets in the input of malformed sequences that were replaced
    /// with U+FFFD (only when few enough to accept the file).
    pub malformed: Vec<usize>,
}

impl Decoded {
    /// The encoding's name as written to `document.encoding`.
    pub fn encoding_name(&self) -> String {
        encoding_display_name(self.encoding)
    }

    /// Byte offset in the original input of the decoded text's byte `offset`.
    pub fn input_offset(&self, offset: usize) -> usize {
        let prefix = &self.text[..floor_boundary(&self.text, offset)];
        let encoded = if self.encoding == UTF_8 {
            prefix.len()
        } else if self.encoding == UTF_16LE || self.encoding == UTF_16BE {
            prefix.encode_utf16().count() * 2
        } else {
            self.encoding.encode(prefix).0.len()
        };
        self.bom_len + encoded
    }
}

/// The name qingdan writes for an encoding: the WHATWG name, with the
/// Chinese national encodings in their usual capitals.
pub fn encoding_display_name(encoding: &'static Encoding) -> String {
    match encoding.name() {
        "gb18030" => "GB18030".to_owned(),
        name => name.to_owned(),
    }
}

/// Why input could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The input holds NUL bytes or control characters: not text.
    #[error("binary data at byte {offset}: this is not a text file")]
    Binary {
        /// Offset of the first offending byte.
        offset: usize,
    },
    /// The input is not valid in the encoding given or detected.
    #[error("invalid {encoding} at byte {offset}")]
    Malformed {
        /// The encoding tried.
        encoding: String,
        /// Offset of the first malformed byte.
        offset: usize,
    },
    /// `--encoding` named no known encoding.
    #[error("unknown encoding `{0}`")]
    UnknownEncoding(String),
}

impl DecodeError {
    /// The error in both languages.
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            DecodeError::Binary { offset } => crate::tr!(
                "binary data at byte {offset}: this is not a text file",
                "第 {offset} 字节处是二进制数据：这不是文本文件"
            ),
            DecodeError::Malformed { encoding, offset } => {
                crate::tr!("invalid {encoding} at byte {offset}", "第 {offset} 字节处不是有效的 {encoding}")
            }
            DecodeError::UnknownEncoding(name) => crate::tr!("unknown encoding `{name}`", "未知的编码 `{name}`"),
        }
    }
}

/// `bytes` as text when they are UTF-8, else the offset of the first byte
/// that is not. SIMD validation (simdutf8): a validate run reads hundreds of
/// megabytes of mostly three-byte characters, which the standard library
/// checks one character at a time.
pub fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0))
}

/// Looks up an encoding by label (`utf-8`, `gbk`, `gb18030`, `utf-16le` …).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, DecodeError> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| DecodeError::UnknownEncoding(label.to_owned()))
}

/// Decodes `bytes`: a forced encoding if given, else the byte-order mark,
/// else strict UTF-8, else the detected encoding (GBK read as GB18030).
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(encoding) = forced {
        let (encoding, bom_len) = match Encoding::for_bom(bytes) {
            Some((bom_encoding, len)) if bom_encoding == encoding => (encoding, len),
            _ => (encoding, 0),
        };
        let text = decode_strict(encoding, &bytes[bom_len..]).map_err(|offset| DecodeError::Malformed {
            encoding: encoding_display_name(encoding),
            offset: bom_len + offset,
        })?;
        return finish(text, encoding, bom_len, Vec::new());
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let text = decode_strict(encoding, &bytes[bom_len..]).map_err(|offset| DecodeError::Malformed {
            encoding: encoding_display_name(encoding),
            offset: bom_len + offset,
        })?;
        return finish(text, encoding, bom_len, Vec::new());
    }
    if let Some(offset) = memchr_nul(bytes) {
        // UTF-16 written without a byte-order mark has NULs too: in the high
        // byte of every ASCII character (digits, tabs, line ends).
        if let Some(encoding) = utf16_without_bom(bytes) {
            if let Ok(text) = decode_strict(encoding, bytes) {
                return finish(text, encoding, 0, Vec::new());
            }
        }
        return Err(DecodeError::Binary { offset });
    }
    if let Ok(text) = utf8(bytes) {
        return finish(text.to_owned(), UTF_8, 0, Vec::new());
    }
    // UTF-8 with a damaged byte or two (a file cut mid-character, a stray
    // byte): UTF-8 still, its bad sequences replaced and reported. Text in
    // another encoding breaks UTF-8 at nearly every character instead.
    if mostly_utf8(bytes) {
        let (text, malformed) = decode_lossy(UTF_8, bytes);
        return finish(text, UTF_8, 0, malformed);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let mut encoding = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    if encoding.name() == "GBK" {
        // GB18030 decodes all of GBK and also its four-byte sequences.
        encoding = GB18030;
    }
    match decode_strict(encoding, bytes) {
        Ok(text) => finish(text, encoding, 0, Vec::new()),
        Err(first_bad) => {
            let (text, malformed) = decode_lossy(encoding, bytes);
            if malformed.len() as f64 > (text.chars().count() as f64 * MAX_MALFORMED_SHARE).max(1.0) {
                return Err(DecodeError::Malformed { encoding: encoding_display_name(encoding), offset: first_bad });
            }
            finish(text, encoding, 0, malformed)
        }
    }
}

fn finish(
    text: String,
    encoding: &'static Encoding,
    bom_len: usize,
    malformed: Vec<usize>,
) -> Result<Decoded, DecodeError> {
    let decoded = Decoded { text, encoding, bom_len, malformed };
    // Control characters other than line and page breaks are bytes below
    // 0x20, 0x7F, or U+0080..U+009F (bytes C2 80..C2 9F): text without
    // those bytes has none, and its characters need not be counted. C2
    // begins other characters too (`·`, `§`), so the byte after it is read.
    let bytes = decoded.text.as_bytes();
    let may_hold_controls = crate::text::any_byte(&decoded.text, |b| {
        (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x0b)) | (b == 0x7F)
    }) || memchr::memchr_iter(0xC2, bytes)
        .any(|i| matches!(bytes.get(i + 1), Some(0x80..=0x9F)));
    if !may_hold_controls {
        return Ok(decoded);
    }
    let mut controls = 0usize;
    let mut chars = 0usize;
    let mut first = None;
    for (i, c) in decoded.text.char_indices() {
        chars += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c' | '\x0b') {
            controls += 1;
            first.get_or_insert(i);
        }
    }
    if let Some(first) = first {
        if c_share(controls, chars) > MAX_CONTROL_SHARE || decoded.text[first..].starts_with('\0') {
            return Err(DecodeError::Binary { offset: decoded.input_offset(first) });
        }
    }
    Ok(decoded)
}

fn c_share(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        n as f64 / total as f64
    }
}

/// UTF-16LE or BE, when the NUL bytes of `bytes` stand where ASCII
/// characters' high bytes would: nearly all at odd offsets (LE) or at even
/// ones (BE). A few on the other side are characters such as 一 (U+4E00).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let units = bytes.len() / 2;
    let enough = |n: usize| n * 100 >= units;
    if enough(odd) && odd >= even * 4 {
        Some(UTF_16LE)
    } else if enough(even) && even >= odd * 4 {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Decodes without replacement; the error is the offset of the first malformed byte.
fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 3),
    );
    let mut read_total = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => out.reserve(bytes.len() - read_total + 16),
            DecoderResult::Malformed(bad, extra) => {
                return Err(read_total - bad as usize - extra as usize);
            }
        }
    }
}

/// Decodes with replacement, noting where each malformed sequence began.
/// Whether `bytes` are UTF-8 but for a few bad sequences: at most one per
/// ten well-formed non-ASCII characters, of which there are some.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        let (good, next) = match std::str::from_utf8(rest) {
            Ok(s) => (s, None),
            Err(e) => {
                let good = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default();
                let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                (good, Some(skip))
            }
        };
        valid += good.chars().filter(|c| !c.is_ascii()).count();
        match next {
            None => break,
            Some(skip) => {
                bad += 1;
                if bad > 10 && bad * 10 > valid {
                    return false;
                }
                rest = &rest[skip..];
            }
        }
    }
    valid >= 20 && bad * 10 <= valid
}

fn decode_lossy(encoding: &'static Encoding, bytes: &[u8]) -> (String, Vec<usize>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let mut malformed = Vec::new();
    let mut read_total = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => return (out, malformed),
            DecoderResult::OutputFull => out.reserve(bytes.len() - read_total + 16),
            DecoderResult::Malformed(bad, extra) => {
                malformed.push(read_total - bad as usize - extra as usize);
                out.push('\u{FFFD}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_gives_the_text_or_the_first_bad_byte() {
        assert_eq!(utf8("医保 list".as_bytes()), Ok("医保 list"));
        let mut bytes = "医保".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xe5, 0x8c]); // a character cut short
        assert_eq!(utf8(&bytes), Err(6));
        assert_eq!(utf8(b"ab\xffcd"), Err(2));
    }

    const SAMPLE: &str = "序号\t事项名称\t事项编码\r\n1\t对医疗保险经办机构的处罚\t3700000236009\r\n";

    #[test]
    fn utf8_plain() {
        let d = decode(SAMPLE.as_bytes(), None).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding_name(), "UTF-8");
        assert_eq!(d.bom_len, 0);
    }

    #[test]
    fn utf8_with_bom() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.bom_len, 3);
        assert_eq!(d.input_offset(3), 6);
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in SAMPLE.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding_name(), "UTF-16LE");
        // 序 is one UTF-16 unit: text offset 3 is input byte 2 + 2.
        assert_eq!(d.input_offset(3), 4);
    }

    #[test]
    fn utf16be_with_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        for u in SAMPLE.encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding_name(), "UTF-16BE");
    }

    #[test]
    fn utf16_without_bom_is_known_by_its_nuls() {
        // 一 (U+4E00) has a NUL byte on the other side: still LE.
        let text = "序号\t事项名称\n1\t一、对骗取医疗保障基金的处罚\n2\t一次性给付\n";
        for (encoding, bytes) in [
            ("UTF-16LE", text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()),
            ("UTF-16BE", text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        ] {
            let d = decode(&bytes, None).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.encoding_name(), encoding);
        }
        // NULs on both sides are not text.
        assert!(matches!(decode(b"\0a\0\0b\0\0\0", None), Err(DecodeError::Binary { .. })));
    }

    #[test]
    fn control_characters_of_every_encoding_are_found() {
        // Beside plain text, ASCII controls, DEL and the C1 controls (two
        // bytes in UTF-8) each make too large a share to be text.
        for control in ['\u{1}', '\u{1b}', '\u{7f}', '\u{80}', '\u{9f}'] {
            let text = format!("序号{}", control.to_string().repeat(5));
            assert!(matches!(decode(text.as_bytes(), None), Err(DecodeError::Binary { .. })), "{control:?}");
        }
        // Line and page breaks, and characters that merely share a byte, are text.
        let text = "序号\t事项\r\n编码\x0c备注\x0b“引号” \u{a0}é\u{3000}";
        assert_eq!(decode(text.as_bytes(), None).unwrap().text, text);
    }

    #[test]
    fn utf8_with_a_damaged_byte_stays_utf8() {
        let text = "序号\t事项名称\t事项编码\t事项类型\n1\t对医疗保险经办机构以及医疗机构骗取医疗保险基金支出的处罚\t3700000236009\t行政处罚\n";
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(20, 0xFF); // between 称\t and 事
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding_name(), "UTF-8");
        assert_eq!(d.malformed, [20]);
        assert!(d.text.contains('\u{FFFD}') && d.text.contains("骗取医疗保险基金"));
        // GBK is not damaged UTF-8.
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk, None).unwrap().encoding_name(), "GB18030");
    }

    #[test]
    fn gbk_without_bom_is_detected() {
        let text = "济南市医疗保障局权责清单\n序号 事项名称 事项编码 事项类型\n1 对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料骗取医疗保险基金支出的处罚 3700000236009 行政处罚\n";
        let (bytes, _, bad) = encoding_rs::GBK.encode(text);
        assert!(!bad);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding_name(), "GB18030");
        assert_eq!(d.input_offset("济南".len()), 4);
    }

    #[test]
    fn gb18030_four_byte_sequences() {
        // 𠀀 (U+20000) and ⺁ (U+2E81) need four bytes in GB18030.
        let text = "社会保险法第八十七条𠀀⺁规定，医疗保障部门依法处罚。医疗保障基金使用监督管理条例第三十七条。";
        let (bytes, _, bad) = GB18030.encode(text);
        assert!(!bad);
        let d = decode(&bytes, Some(GB18030)).unwrap();
        assert_eq!(d.text, text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, text);
    }

    #[test]
    fn crlf_is_kept_for_the_normaliser() {
        let d = decode(b"a\r\nb\rc", None).unwrap();
        assert_eq!(d.text, "a\r\nb\rc");
    }

    #[test]
    fn binary_is_refused_with_offset() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(decode(png, None).unwrap_err(), DecodeError::Binary { offset: 8 });
    }

    #[test]
    fn forced_utf8_reports_first_bad_byte() {
        let mut bytes = "序号".as_bytes().to_vec();
        bytes.push(0xC3);
        bytes.extend_from_slice(b"abc");
        let err = decode(&bytes, Some(UTF_8)).unwrap_err();
        assert_eq!(err, DecodeError::Malformed { encoding: "UTF-8".into(), offset: 6 });
    }

    #[test]
    fn truncated_utf16_is_refused() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "序号".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        bytes.push(0x41);
        let err = decode(&bytes, None).unwrap_err();
        assert!(matches!(err, DecodeError::Malformed { offset: 6, .. }), "{err:?}");
    }

    #[test]
    fn unknown_label() {
        assert!(encoding_for_label("klingon").is_err());
        assert_eq!(encoding_for_label("GBK").unwrap(), encoding_rs::GBK);
    }
}
