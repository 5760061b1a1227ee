//! Stage 1: bytes to text.
//!
//! This module owns the question "what encoding is this page in". It reads UTF-8
//! (with or without BOM), UTF-16 LE/BE (with BOM, or detected by its zero bytes or,
//! for Chinese text without a BOM, by what it decodes to),
//! GB18030/GBK and Big5 (detected with chardetng, decoded with encoding_rs), drops NUL
//! bytes, and refuses bytes no encoding explains with an error naming the byte offset,
//! rather than returning a page of mojibake. Line ends are left to `lines`.

use encoding_rs::{BIG5, DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Warning, WarningKind};

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM and NUL characters.
    pub text: String,
    /// The WHATWG name of the encoding it was read in ("UTF-8", "gb18030", "UTF-16LE", "Big5").
    pub encoding: &'static str,
    /// Page-level warnings of kind `encoding`: not UTF-8, NUL bytes dropped, malformed
    /// UTF-16 replaced.
    pub warnings: Vec<Warning>,
}

/// Share of control characters (other than tab, line feed, carriage return, form feed)
/// above which decoded bytes are taken for binary data rather than text.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Decodes one page. Errors: [`ErrorKind::Decode`] with the byte offset of the first
/// byte that no encoding explains, or when the result is mostly control characters.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    let mut warnings = Vec::new();
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (
            utf8_damaged(rest, 3, &mut warnings)
                .ok_or_else(|| not_text(3 + std::str::from_utf8(rest).err().map_or(0, |e| e.valid_up_to())))?,
            "UTF-8",
        )
    } else if let Some((enc, bom)) = utf16_kind(bytes) {
        utf16(enc, &bytes[bom..], &mut warnings)
    } else {
        // Valid UTF-8, the common case, is checked with SIMD; the error's offset, when
        // there is one, comes from std's validator, which says where.
        match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
            Ok(s) => (s.to_string(), "UTF-8"),
            // UTF-16 read by its content first: Chinese UTF-16 bytes can pass as UTF-8
            // with a little damage, while damaged UTF-8 never reads as UTF-16 text.
            Err(utf8_err) => match utf16_by_content(bytes) {
                Some(enc) => utf16(enc, bytes, &mut warnings),
                None => match utf8_damaged(bytes, 0, &mut warnings) {
                    Some(text) => (text, "UTF-8"),
                    None => legacy(bytes, utf8_err.valid_up_to())?,
                },
            },
        }
    };
    if encoding != "UTF-8" {
        warnings.insert(0, warning(format!("page was decoded from {encoding}, not UTF-8")));
    }
    let nuls = memchr::memchr_iter(0, text.as_bytes()).count();
    let text = if nuls > 0 {
        warnings.push(warning(format!("{nuls} NUL characters dropped")));
        text.replace('\0', "")
    } else {
        text
    };
    check_texty(&text)?;
    Ok(Decoded { text, encoding, warnings })
}

fn warning(message: String) -> Warning {
    Warning { kind: WarningKind::Encoding, block: None, message }
}

/// Most invalid UTF-8 sequences a page may have and still be read as UTF-8 with
/// damage: three, or one per thousand bytes.
fn tolerated(len: usize) -> usize {
    (len / 1000).max(3)
}

/// UTF-8 with a few damaged bytes (a bad sector, a cut multi-byte character) is still
/// UTF-8: the damage becomes U+FFFD with a warning. More damage than [`tolerated`]
/// means another encoding (or none): `None`. `offset` is where `bytes` starts in the file.
fn utf8_damaged(bytes: &[u8], offset: usize, warnings: &mut Vec<Warning>) -> Option<String> {
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Some(s.to_string());
    }
    let mut bad = 0usize;
    let mut first_bad = None;
    let mut at = 0usize;
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            bad += 1;
            first_bad.get_or_insert(offset + at);
            out.push('\u{FFFD}');
            at += chunk.invalid().len();
        }
    }
    if bad > tolerated(bytes.len()) {
        return None;
    }
    if let Some(first) = first_bad {
        warnings.push(warning(format!("{bad} invalid UTF-8 sequences replaced with U+FFFD, the first at byte {first}")));
    }
    Some(out)
}

fn not_text(at: usize) -> Error {
    Error::new(ErrorKind::Decode("the bytes are not UTF-8, UTF-16, GB18030 or Big5 text".into())).with_byte(at as u64)
}

/// UTF-16 by its BOM, or without one when zero bytes sit on one parity: ASCII and
/// CJK-heavy UTF-16 text both put zeros (or repeats) in the high byte.
fn utf16_kind(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some((UTF_16LE, 2));
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some((UTF_16BE, 2));
    }
    if bytes.len() < 32 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let half = sample.len() / 2;
    if odd * 4 >= half && even * 20 < half {
        Some((UTF_16LE, 0))
    } else if even * 4 >= half && odd * 20 < half {
        Some((UTF_16BE, 0))
    } else {
        None
    }
}

/// Decodes UTF-16 with replacement: a lone surrogate becomes U+FFFD, with a warning.
fn utf16(enc: &'static Encoding, bytes: &[u8], warnings: &mut Vec<Warning>) -> (String, &'static str) {
    let (cow, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(warning(format!("malformed {} sequences (lone surrogates) replaced with U+FFFD", enc.name())));
    }
    (cow.into_owned(), enc.name())
}

/// Share of characters (per mille) that must be Han, CJK punctuation, printable ASCII
/// or white space for bytes without a BOM to be read as UTF-16 by their content.
const UTF16_TEXT_PER_MILLE: usize = 900;

/// UTF-16 without a BOM and with few zero bytes (Chinese text has none in most code
/// units): the byte order whose decoding is nearly all Han, CJK punctuation, printable
/// ASCII or white space, with at least one ASCII character (a line break, a space, a
/// digit: a code unit with a zero high byte). GB18030 and Big5 bytes read as UTF-16
/// land mostly in Hangul, surrogates and private use; pairs of ASCII bytes land in
/// the Han blocks but never on ASCII, since GB18030 text has no zero bytes. Linear
/// in the page.
fn utf16_by_content(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let texty = |c: char| crate::rules::chars::is_cjk(c) || c.is_ascii_graphic() || crate::rules::chars::is_space(c);
    [UTF_16LE, UTF_16BE]
        .into_iter()
        .filter_map(|enc| {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            let (mut total, mut good, mut ascii) = (0usize, 0usize, 0usize);
            for c in text.chars() {
                total += 1;
                good += usize::from(texty(c));
                ascii += usize::from(c.is_ascii());
            }
            (ascii > 0 && good * 1000 >= total * UTF16_TEXT_PER_MILLE).then_some((good, enc))
        })
        .max_by_key(|&(good, _)| good)
        .map(|(_, enc)| enc)
}

/// Not UTF-8: GB18030 (the superset of GBK and GB2312) unless chardetng is sure of Big5.
/// When only one of the two decodes the bytes, that one is the answer whatever
/// chardetng would guess, so chardetng (a pass far slower than decoding) is asked only
/// when both decode them.
fn legacy(bytes: &[u8], utf8_valid_up_to: usize) -> Result<(String, &'static str)> {
    let (gb, big5) = match (strict_decode(GB18030, bytes), strict_decode(BIG5, bytes)) {
        (Some(text), None) => return Ok((text, GB18030.name())),
        (None, Some(text)) => return Ok((text, BIG5.name())),
        // The error points at the first byte UTF-8 cannot read; GB18030 and Big5 failed too.
        (None, None) => return Err(not_text(utf8_valid_up_to)),
        (Some(gb), Some(big5)) => (gb, big5),
    };
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    if detector.guess(None, chardetng::Utf8Detection::Deny) == BIG5 { Ok((big5, BIG5.name())) } else { Ok((gb, GB18030.name())) }
}

/// Decodes without replacement; `None` at the first malformed sequence.
fn strict_decode(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let mut read_total = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => return Some(out),
            DecoderResult::OutputFull => out.reserve(bytes.len() - read_total + 64),
            DecoderResult::Malformed(..) => return None,
        }
    }
}

fn check_texty(text: &str) -> Result<()> {
    // Counted on bytes, in passes the compiler vectorizes: a char starts at every byte
    // that is not a continuation byte; control characters are C0 and DEL (one byte)
    // and C1 (0xC2 0x80..=0x9F), so text without such bytes has none.
    let bytes = text.as_bytes();
    let suspect = |b: u8| matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F | 0xC2);
    if !bytes.chunks(64).any(|chunk| chunk.iter().fold(false, |any, &b| any | suspect(b))) {
        return Ok(());
    }
    let total = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    let mut controls = 0usize;
    let mut first_control = None;
    for (i, &b) in bytes.iter().enumerate() {
        let control = match b {
            b'\t' | b'\n' | b'\r' | 0x0C => false,
            0x00..=0x1F | 0x7F => true,
            0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
            _ => false,
        };
        if control {
            controls += 1;
            first_control.get_or_insert(i);
        }
    }
    if total > 0 && controls as f64 > (total as f64 * MAX_CONTROL_SHARE).max(8.0) {
        return Err(Error::new(ErrorKind::Decode(format!(
            "{controls} of {total} characters are control characters: binary data, not a page"
        )))
        .with_byte(first_control.unwrap_or(0) as u64));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("本报讯".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.warnings.len()), ("本报讯", "UTF-8", 0));
        let d = decode(b"\xEF\xBB\xBFab").unwrap();
        assert_eq!(d.text, "ab");
    }

    #[test]
    fn gb18030_is_detected_and_warned() {
        let (bytes, _, _) = GB18030.encode("本报讯（记者 尹明）12日，市十五届人大常委会第三十六次会议举行。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.text, "本报讯（记者 尹明）12日，市十五届人大常委会第三十六次会议举行。");
        assert_eq!(d.warnings[0].kind, WarningKind::Encoding);
    }

    #[test]
    fn big5_is_detected_when_gb18030_reads_it_too() {
        let text = "本報訊（記者 陳大文）昨日，立法會通過《財政預算案》，市民普遍表示歡迎。";
        let (bytes, _, _) = BIG5.encode(text);
        assert!(strict_decode(GB18030, &bytes).is_some(), "the case where chardetng decides");
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("Big5", text));
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let mut le = vec![0xFF, 0xFE];
        for u in "下转第五版\n".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "下转第五版\n");
        let mut be = Vec::new();
        for u in "page one\nline two\n".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("page one\nline two\n", "UTF-16BE"));
    }

    #[test]
    fn control_characters_counted_on_bytes_as_on_chars() {
        let text = "页\u{1}\u{85}\u{9f}\u{a0}\t\u{7f}é\u{c}".repeat(3);
        let by_chars = text.chars().filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')).count();
        assert_eq!(by_chars, 12);
        let err = check_texty(&text).unwrap_err();
        assert!(err.to_string().contains("12 of 27 characters"), "{err}");
        assert_eq!(err.position().byte, Some(3));
    }

    #[test]
    fn chinese_utf16_without_bom_is_read_by_its_content() {
        let text = "## 市十五届人大常委会第三十六次会议举行\n\n本报讯（记者 尹明）12日，会议举行。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode(&bytes).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (text, name));
        }
        let (gb, _, _) = GB18030.encode(text);
        assert_eq!(decode(&gb).unwrap().encoding, "gb18030");
        // Mostly ASCII in GB18030: its byte pairs would read as Han in UTF-16.
        let (gb, _, _) = GB18030.encode("COVID-19 pandemic update, 2021-01-12: cases rose in Harbin 哈尔滨.\nMore at 11.\n");
        assert_eq!(decode(&gb).unwrap().encoding, "gb18030");
    }

    #[test]
    fn nul_bytes_dropped_with_a_warning() {
        let d = decode(b"ab\0c").unwrap();
        assert_eq!(d.text, "abc");
        assert!(d.warnings.iter().any(|w| w.message.contains("NUL")));
    }

    #[test]
    fn a_few_damaged_bytes_in_utf8_are_replaced_with_a_warning() {
        let mut bytes = "## 标题\n\n本报讯（记者 王强）正文一段，内容完整。\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xff\n");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.ends_with("内容完整。\n\u{FFFD}\n"));
        let at = bytes.len() - 2;
        assert_eq!(d.warnings[0].message, format!("1 invalid UTF-8 sequences replaced with U+FFFD, the first at byte {at}"));
    }

    #[test]
    fn random_bytes_are_an_error_with_an_offset() {
        let bytes: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        let err = decode(&bytes).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Decode(_)), "{err}");
        assert!(err.position().byte.is_some());
    }
}
