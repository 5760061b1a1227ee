//! banmian's own OpenCC engine: OpenCC 1.4.2's text dictionaries and
//! configurations, vendored in `src/convert/opencc/` (Apache-2.0; see the NOTICE
//! there), applied the way OpenCC 1.4 applies them.
//!
//! A configuration (`opencc/config/NAME.json`, OpenCC's own file) has three parts,
//! run in this order (OpenCC's `Config.cpp`, `SingleStageConverter.cpp`):
//! 1. `normalization`: conversions over the whole text (CJK compatibility
//!    ideographs to their unified forms);
//! 2. `segmentation` (optional, type `mmseg`): the text is cut into segments by
//!    greedy longest match against a dictionary; each match is one segment and each
//!    run of unmatched characters another (`MaxMatchSegmentation.cpp`). Without it the
//!    whole text is one segment;
//! 3. `conversion_chain`: each segment goes through each conversion in turn; a
//!    conversion replaces, left to right, the longest dictionary key that starts at
//!    the current position by its first value, and copies an unmatched character
//!    (or a whole ideographic description sequence, `⿰氵工`) as it is
//!    (`Conversion.cpp`). Matches never cross a segment boundary.
//!
//! A dictionary is a text file (`key<TAB>value [value ...]`, `#` comments) or a
//! group of them: `short_circuit` takes the first member that has any match at the
//! position (its longest), `union` the longest match of any member, the first on a
//! tie (`DictGroup.cpp`). Dictionaries marked `may_output_tofu` are used, as OpenCC
//! does by default.
//!
//! One addition to OpenCC: wherever a configuration uses `STPhrases.txt`, banmian's
//! corrections (`src/convert/corrections/STPhrases.txt`, each entry citing the test
//! that shows it) join it in a `union` that prefers them on an equal key.
//!
//! Each dictionary expression becomes one character trie whose every node already
//! holds the expression's answer for a match ending there, so a lookup is one walk
//! down the trie. Tables are built at first use of a configuration (tens of
//! milliseconds in a release build) and shared by every converter of it.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::Config;

/// The vendored dictionaries, by the file names the configurations use.
const DICTIONARIES: &[(&str, &str)] = &[
    ("CJK_Compatibility_Ideographs.txt", include_str!("opencc/CJK_Compatibility_Ideographs.txt")),
    ("HKVariants.txt", include_str!("opencc/HKVariants.txt")),
    ("HKVariantsPhrases.txt", include_str!("opencc/HKVariantsPhrases.txt")),
    ("HKVariantsRev.txt", include_str!("opencc/HKVariantsRev.txt")),
    ("HKVariantsRevPhrases.txt", include_str!("opencc/HKVariantsRevPhrases.txt")),
    ("STCharacters.txt", include_str!("opencc/STCharacters.txt")),
    ("STPhrases.txt", include_str!("opencc/STPhrases.txt")),
    ("STPhrases_GeneratedFromRegionalPhrases.txt", include_str!("opencc/STPhrases_GeneratedFromRegionalPhrases.txt")),
    ("TSCharacters.txt", include_str!("opencc/TSCharacters.txt")),
    ("TSCharactersExt.txt", include_str!("opencc/TSCharactersExt.txt")),
    ("TSPhrases.txt", include_str!("opencc/TSPhrases.txt")),
    ("TWPhrases.txt", include_str!("opencc/TWPhrases.txt")),
    ("TWPhrasesRev.txt", include_str!("opencc/TWPhrasesRev.txt")),
    ("TWVariants.txt", include_str!("opencc/TWVariants.txt")),
    ("TWVariantsPhrases.txt", include_str!("opencc/TWVariantsPhrases.txt")),
    ("TWVariantsRev.txt", include_str!("opencc/TWVariantsRev.txt")),
    ("TWVariantsRevPhrases.txt", include_str!("opencc/TWVariantsRevPhrases.txt")),
];

/// banmian's corrections to STPhrases.txt (see the file's header), joined to it
/// wherever a configuration names it.
const ST_CORRECTIONS: &str = include_str!("corrections/STPhrases.txt");

/// OpenCC's configuration file for `config`.
fn config_json(config: Config) -> &'static str {
    match config {
        Config::S2t => include_str!("opencc/config/s2t.json"),
        Config::T2s => include_str!("opencc/config/t2s.json"),
        Config::S2tw => include_str!("opencc/config/s2tw.json"),
        Config::Tw2s => include_str!("opencc/config/tw2s.json"),
        Config::S2hk => include_str!("opencc/config/s2hk.json"),
        Config::Hk2s => include_str!("opencc/config/hk2s.json"),
        Config::S2twp => include_str!("opencc/config/s2twp.json"),
        Config::Tw2sp => include_str!("opencc/config/tw2sp.json"),
        Config::T2tw => include_str!("opencc/config/t2tw.json"),
        Config::T2hk => include_str!("opencc/config/t2hk.json"),
        Config::Tw2t => include_str!("opencc/config/tw2t.json"),
        Config::Hk2t => include_str!("opencc/config/hk2t.json"),
    }
}

/// The version of OpenCC the tables come from.
pub(super) const OPENCC_VERSION: &str = "1.4.2";

// ---- configuration files (the subset of OpenCC's schema its own configs use) ----

#[derive(Deserialize)]
struct ConfigFile {
    #[serde(default)]
    normalization: Vec<Step>,
    segmentation: Option<Segmentation>,
    conversion_chain: Vec<Step>,
}

#[derive(Deserialize)]
struct Step {
    dict: DictSpec,
}

#[derive(Deserialize)]
struct Segmentation {
    #[serde(rename = "type")]
    kind: String,
    dict: DictSpec,
}

#[derive(Deserialize)]
struct DictSpec {
    #[serde(rename = "type")]
    kind: String,
    file: Option<String>,
    match_policy: Option<String>,
    #[serde(default)]
    dicts: Vec<DictSpec>,
}

/// A dictionary expression over numbered text dictionaries (leaves).
enum Expr {
    Leaf(usize),
    /// `short_circuit`: the first member with a match.
    First(Vec<Expr>),
    /// `union`: the longest match of any member, the first on a tie.
    Longest(Vec<Expr>),
}

/// A match: key length in bytes, replacement.
type Hit = (u32, &'static str);

impl Expr {
    fn eval(&self, best: &[Option<Hit>]) -> Option<Hit> {
        match self {
            Expr::Leaf(i) => best[*i],
            Expr::First(members) => members.iter().find_map(|m| m.eval(best)),
            Expr::Longest(members) => members.iter().filter_map(|m| m.eval(best)).fold(None, |acc: Option<Hit>, hit| match acc {
                Some(a) if a.0 >= hit.0 => Some(a),
                _ => Some(hit),
            }),
        }
    }
}

/// Reads a dictionary spec into an expression, collecting its files as leaves.
fn expr(spec: &DictSpec, leaves: &mut Vec<&'static str>) -> Result<Expr, String> {
    match spec.kind.as_str() {
        "text" | "ocd2" => {
            let file = spec.file.as_deref().ok_or("a dictionary without \"file\"")?;
            let data = DICTIONARIES
                .iter()
                .find(|(name, _)| *name == file)
                .map(|(_, data)| *data)
                .ok_or_else(|| format!("dictionary {file} is not built in"))?;
            leaves.push(data);
            let table = Expr::Leaf(leaves.len() - 1);
            if file != "STPhrases.txt" {
                return Ok(table);
            }
            // The corrections first: a union keeps the first member's match on a tie.
            leaves.push(ST_CORRECTIONS);
            Ok(Expr::Longest(vec![Expr::Leaf(leaves.len() - 1), table]))
        }
        "group" => {
            let members = spec.dicts.iter().map(|d| expr(d, leaves)).collect::<Result<Vec<_>, _>>()?;
            match spec.match_policy.as_deref().unwrap_or("short_circuit") {
                "short_circuit" => Ok(Expr::First(members)),
                "union" => Ok(Expr::Longest(members)),
                other => Err(format!("unknown match_policy {other:?}")),
            }
        }
        other => Err(format!("unknown dictionary type {other:?}")),
    }
}

// ---- the trie ----

/// Longest-match lookup for one dictionary expression.
pub(super) struct Matcher {
    /// Edge (parent node << 32 | character) → child node; node 0 is the root.
    edges: FxHashMap<u64, u32>,
    /// Per node: the expression's match if the text's walk down the trie ends there.
    hits: Vec<Option<Hit>>,
    /// Per node: does any key go on past it?
    inner: Vec<bool>,
    /// The root's children for Basic Multilingual Plane characters, by code point
    /// (0: no key begins with it); other characters go through `edges`.
    root: Box<[u32]>,
}

#[inline]
fn edge(node: u32, c: char) -> u64 {
    (u64::from(node) << 32) | u64::from(c)
}

impl Matcher {
    fn build(spec: &DictSpec) -> Result<Matcher, String> {
        let mut leaves = Vec::new();
        let expr = expr(spec, &mut leaves)?;
        let mut edges: FxHashMap<u64, u32> = FxHashMap::default();
        // Per node: (child, the edge's character).
        let mut children: Vec<Vec<(u32, char)>> = vec![Vec::new()];
        // Per node: (leaf, value) for the keys that end there.
        let mut ends: Vec<Vec<(usize, &'static str)>> = vec![Vec::new()];
        for (leaf, data) in leaves.iter().enumerate() {
            for line in data.lines() {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let (key, values) = line.split_once('\t').ok_or_else(|| format!("line without a tab: {line:?}"))?;
                let value = values.split(' ').next().unwrap_or("");
                if key.is_empty() {
                    continue;
                }
                let mut node = 0u32;
                for c in key.chars() {
                    node = *edges.entry(edge(node, c)).or_insert_with(|| {
                        children.push(Vec::new());
                        ends.push(Vec::new());
                        let child = (children.len() - 1) as u32;
                        children[node as usize].push((child, c));
                        child
                    });
                }
                ends[node as usize].push((leaf, value));
            }
        }
        // Each node's answer, from the longest key of each leaf on its path.
        let mut hits = vec![None; children.len()];
        let mut stack: Vec<(u32, u32, Vec<Option<Hit>>)> = vec![(0, 0, vec![None; leaves.len()])];
        while let Some((node, depth, mut best)) = stack.pop() {
            for &(leaf, value) in &ends[node as usize] {
                best[leaf] = Some((depth, value));
            }
            hits[node as usize] = expr.eval(&best);
            for &(child, c) in &children[node as usize] {
                stack.push((child, depth + c.len_utf8() as u32, best.clone()));
            }
        }
        let inner = children.iter().map(|c| !c.is_empty()).collect();
        let mut root = vec![0u32; 0x10000].into_boxed_slice();
        for &(child, c) in &children[0] {
            if u32::from(c) < 0x10000 {
                root[u32::from(c) as usize] = child;
            }
        }
        Ok(Matcher { edges, hits, inner, root })
    }

    /// The node of the key that begins with `c` (0: none).
    #[inline]
    fn start(&self, c: char) -> u32 {
        let u = u32::from(c);
        if u < 0x10000 { self.root[u as usize] } else { self.edges.get(&edge(0, c)).copied().unwrap_or(0) }
    }

    /// Can a key begin with `c`?
    #[inline]
    fn may_start(&self, c: char) -> bool {
        self.start(c) != 0
    }

    /// The match at the start of `text`: key length in bytes and replacement.
    #[cfg(test)]
    fn longest(&self, text: &str) -> Option<Hit> {
        let mut chars = text.chars();
        let first = chars.next()?;
        self.longest_from(self.start(first), chars)
    }

    /// The match of a walk that went from the root to `node` (0: nowhere) and
    /// goes on with `rest`.
    #[inline]
    fn longest_from(&self, mut node: u32, rest: std::str::Chars<'_>) -> Option<Hit> {
        if node == 0 {
            return None;
        }
        if self.inner[node as usize] {
            for c in rest {
                match self.edges.get(&edge(node, c)) {
                    Some(&child) => node = child,
                    None => break,
                }
                if !self.inner[node as usize] {
                    break;
                }
            }
        }
        self.hits[node as usize]
    }

    /// Is there any key in `text`'s characters' way? (A quick scan that lets the
    /// normalization pass skip texts it would copy unchanged.)
    fn touches(&self, text: &str) -> bool {
        text.chars().any(|c| self.may_start(c))
    }
}

// ---- conversion ----

/// Arity of an ideographic description operator (U+2FF0..U+2FFF), 0 for any other
/// character (OpenCC's `UTF8Util::IdeographicDescriptionOperatorArity`).
fn ids_arity(c: char) -> usize {
    match u32::from(c) {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0..=0x2FFD => 2,
        _ => 0,
    }
}

enum Ids {
    Complete(usize),
    Incomplete,
    Invalid,
}

/// OpenCC's `ConsumeIdeographicDescriptionSequence`: at most 16 levels deep and 64
/// characters long.
fn consume_ids(text: &str, depth_left: usize, count: &mut usize) -> Ids {
    let Some(c) = text.chars().next() else { return Ids::Incomplete };
    if depth_left == 0 || *count >= 64 {
        return Ids::Invalid;
    }
    *count += 1;
    let mut offset = c.len_utf8();
    for _ in 0..ids_arity(c) {
        if offset >= text.len() {
            return Ids::Incomplete;
        }
        match consume_ids(&text[offset..], depth_left - 1, count) {
            Ids::Complete(n) => offset += n,
            other => return other,
        }
    }
    Ids::Complete(offset)
}

/// Bytes an unmatched position copies: a complete ideographic description
/// sequence starting there, or else one character. `text` is not empty.
#[inline]
fn unmatched_len(text: &str) -> usize {
    let c = text.chars().next().expect("unmatched_len on empty text");
    if ids_arity(c) > 0 {
        if let Ids::Complete(n) = consume_ids(text, 16, &mut 0) {
            return n;
        }
    }
    c.len_utf8()
}

/// Where the next match of `m` in `text` from byte `i` on is: (start, key length,
/// replacement), or `None` when there is none.
#[inline]
fn next_match(m: &Matcher, text: &str, mut i: usize) -> Option<(usize, Hit)> {
    while i < text.len() {
        let rest = &text[i..];
        let mut chars = rest.chars();
        let c = chars.next().expect("not at the end");
        let node = m.start(c);
        if node != 0 {
            if let Some(hit) = m.longest_from(node, chars) {
                return Some((i, hit));
            }
        }
        i += if ids_arity(c) > 0 { unmatched_len(rest) } else { c.len_utf8() };
    }
    None
}

/// One conversion: appends `text` converted by `m` to `out`.
fn convert_into(m: &Matcher, text: &str, out: &mut String) {
    let mut copied = 0;
    let mut i = 0;
    while let Some((start, (len, value))) = next_match(m, text, i) {
        out.push_str(&text[copied..start]);
        out.push_str(value);
        i = start + len as usize;
        copied = i;
    }
    out.push_str(&text[copied..]);
}

/// Maximum-match segmentation: calls `f` with each segment of `text` in order.
fn segment(m: &Matcher, text: &str, mut f: impl FnMut(&str)) {
    let mut pending = 0;
    let mut i = 0;
    while let Some((start, (len, _))) = next_match(m, text, i) {
        if start > pending {
            f(&text[pending..start]);
        }
        i = start + len as usize;
        f(&text[start..i]);
        pending = i;
    }
    if text.len() > pending {
        f(&text[pending..]);
    }
}

/// One configuration, ready to convert.
pub(super) struct Plan {
    normalization: Vec<Matcher>,
    segmentation: Option<Matcher>,
    chain: Vec<Matcher>,
}

impl Plan {
    fn build(config: Config) -> Result<Plan, String> {
        let file: ConfigFile = serde_json::from_str(config_json(config)).map_err(|e| format!("{config}.json: {e}"))?;
        let matchers = |steps: &[Step]| steps.iter().map(|s| Matcher::build(&s.dict)).collect::<Result<Vec<_>, _>>();
        let segmentation = match &file.segmentation {
            None => None,
            Some(s) if s.kind == "mmseg" => Some(Matcher::build(&s.dict)?),
            Some(s) => return Err(format!("{config}.json: segmentation type {:?} is not supported", s.kind)),
        };
        Ok(Plan { normalization: matchers(&file.normalization)?, segmentation, chain: matchers(&file.conversion_chain)? })
    }

    /// The plan for `config`, built at first use and kept for the process.
    pub(super) fn get(config: Config) -> Result<&'static Plan, String> {
        static PLANS: [OnceLock<Result<Plan, String>>; Config::ALL.len()] = [const { OnceLock::new() }; Config::ALL.len()];
        let index = Config::ALL.iter().position(|&c| c == config).expect("every Config is in Config::ALL");
        PLANS[index].get_or_init(|| Plan::build(config)).as_ref().map_err(Clone::clone)
    }

    /// Converts `text`.
    pub(super) fn convert(&self, text: &str) -> String {
        let mut normalized = std::borrow::Cow::Borrowed(text);
        for m in &self.normalization {
            if m.touches(&normalized) {
                let mut out = String::with_capacity(normalized.len());
                convert_into(m, &normalized, &mut out);
                normalized = std::borrow::Cow::Owned(out);
            }
        }
        let text = normalized.as_ref();
        let mut out = String::with_capacity(text.len() + text.len() / 5);
        let mut scratch = (String::new(), String::new());
        match &self.segmentation {
            None => self.chain_into(text, &mut out, &mut scratch),
            Some(seg) => segment(seg, text, |s| self.chain_into(s, &mut out, &mut scratch)),
        }
        out
    }

    /// Runs one segment through the conversion chain, appending to `out`.
    fn chain_into(&self, segment: &str, out: &mut String, scratch: &mut (String, String)) {
        let Some((last, first)) = self.chain.split_last() else {
            out.push_str(segment);
            return;
        };
        if first.is_empty() {
            convert_into(last, segment, out);
            return;
        }
        let (a, b) = scratch;
        a.clear();
        a.push_str(segment);
        for m in first {
            b.clear();
            convert_into(m, a, b);
            std::mem::swap(a, b);
        }
        convert_into(last, a, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> DictSpec {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn every_configuration_reads_its_files() {
        for c in Config::ALL {
            let plan = Plan::get(c).unwrap_or_else(|e| panic!("{c}: {e}"));
            assert!(!plan.chain.is_empty(), "{c}");
            assert_eq!(plan.normalization.len(), 1, "{c}");
        }
    }

    /// DictGroup.cpp: short_circuit takes the first member with any match, even a
    /// shorter one; union the longest. TWVariants has 僞 → 偽, TWPhrases 僞代碼 → 虛擬碼.
    #[test]
    fn group_policies_follow_opencc() {
        let group = |policy: &str| {
            let json = format!(
                r#"{{"type":"group","match_policy":"{policy}","dicts":[{{"type":"text","file":"TWVariants.txt"}},{{"type":"text","file":"TWPhrases.txt"}}]}}"#
            );
            Matcher::build(&spec(&json)).unwrap()
        };
        assert_eq!(group("short_circuit").longest("僞代碼好"), Some((3, "偽")));
        assert_eq!(group("union").longest("僞代碼好"), Some((9, "虛擬碼")));
        assert_eq!(group("union").longest("僞代"), Some((3, "偽")));
        assert_eq!(group("union").longest("好僞"), None);
    }

    #[test]
    fn segments_are_matches_and_unmatched_runs() {
        // TSPhrases has 一目瞭然.
        let m = Matcher::build(&spec(r#"{"type":"text","file":"TSPhrases.txt"}"#)).unwrap();
        let mut parts = Vec::new();
        segment(&m, "ab一目瞭然cd一目瞭然", |s| parts.push(s.to_string()));
        assert_eq!(parts, ["ab", "一目瞭然", "cd", "一目瞭然"]);
    }

    /// Text without any key (ASCII, and so on) comes back as it went in.
    #[test]
    fn text_without_keys_is_copied() {
        for c in Config::ALL {
            let plan = Plan::get(c).unwrap();
            assert_eq!(plan.convert("abc 123\n\0\t"), "abc 123\n\0\t", "{c}");
            assert_eq!(plan.convert(""), "", "{c}");
        }
    }

    /// CJK compatibility ideographs are normalized first (U+F900 豈 → U+8C48 豈).
    #[test]
    fn compatibility_ideographs_are_normalized() {
        assert_eq!(Plan::get(Config::T2tw).unwrap().convert("\u{F900}"), "\u{8C48}");
    }

    proptest::proptest! {
        /// Any mix of Han characters, ideographic description operators, astral and
        /// compatibility ideographs, ASCII and NUL converts without a panic, and,
        /// when it holds no description operator (whose operands may be any
        /// character, a newline too), converting it line by line gives the same.
        #[test]
        fn any_text_converts(text in "[\u{4e00}-\u{4e40}发历后里干台參髮發⿰⿱⿲\u{2F800}\u{20000}-\u{20010}\u{F900}-\u{F905}a-c \n\0]{0,40}") {
            for c in [Config::S2t, Config::T2s, Config::S2twp, Config::Hk2s] {
                let plan = Plan::get(c).unwrap();
                let whole = plan.convert(&text);
                if !text.chars().any(|c| ids_arity(c) > 0) {
                    let pieces: Vec<String> = text.split('\n').map(|p| plan.convert(p)).collect();
                    proptest::prop_assert_eq!(whole, pieces.join("\n"));
                }
            }
        }
    }

    #[test]
    fn ideographic_description_sequences_are_copied_whole() {
        assert_eq!(unmatched_len("⿰氵工x"), "⿰氵工".len());
        assert_eq!(unmatched_len("⿰氵"), "⿰".len());
        assert_eq!(unmatched_len("⿱⿰木木木x"), "⿱⿰木木木".len());
        // As OpenCC 1.4.2 does (PyPI opencc 1.4.2, t2s): a sequence is copied as it is,
        // whatever its operands, a newline included; the character after it is converted.
        let t2s = Plan::get(Config::T2s).unwrap();
        assert_eq!(t2s.convert("⿰氵髮髮"), "⿰氵髮发");
        assert_eq!(t2s.convert("⿰\n髮一"), "⿰\n髮一");
        assert_eq!(t2s.convert("髮⿰"), "发⿰");
    }
}
