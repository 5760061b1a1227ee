//! The documents inside the repository: `docs/contract.md` is `../shared/CONTRACT.md`
//! (checked when the shared folder is here), and the JSON Schemas of
//! `docs/schema/` hold for what banmian really writes: every page object of
//! `corpus/`, of every kind of `evaluation/set` (text, Markdown and box pages), of the
//! real pages in `../shared/realpages` when they are here, and the error lines of a
//! JSON Lines stream. A test that needs `../shared` is ignored, with the reason, when
//! it is absent (`build.rs` sets `banmian_shared`; `BANMIAN_SHARED` names another
//! folder).

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

fn validator(path: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options().offline().should_validate_formats(true).build(&schema).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn page_validator() -> jsonschema::Validator {
    validator("docs/schema/page.schema.json")
}

/// The JSON lines banmian writes for `args`.
fn lines(args: &[&str], stdin: &[u8]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Validates every page object of a folder run over `dir`; returns how many there were.
fn check_folder(v: &jsonschema::Validator, dir: &Path) -> usize {
    let pages = lines(&[dir.to_str().unwrap(), "--jsonl", "-q"], b"");
    for p in &pages {
        let errors: Vec<String> = v.iter_errors(p).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", p["source"]);
    }
    pages.len()
}

#[test]
fn page_schema_holds_for_every_corpus_and_evaluation_page() {
    let v = page_validator();
    assert_eq!(check_folder(&v, Path::new("corpus")), 14);
    // The evaluation set's inputs (some gzipped, which the command line does not
    // read), each written as `banmian` writes it.
    let pipeline = banmian::Pipeline::new(banmian::Options::default()).unwrap();
    let (mut pages, mut boxes) = (0, 0);
    let mut kinds = std::collections::BTreeSet::new();
    for set_page in banmian::eval::walk(Path::new("evaluation/set")).unwrap() {
        let Ok(input) = &set_page.input else { continue };
        if !set_page.is_read() {
            continue;
        }
        let mut bytes = fs::read(input).unwrap();
        if input.extension().is_some_and(|e| e == "gz") {
            let mut plain = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut plain).unwrap();
            bytes = plain;
        }
        let page = pipeline.process_bytes(&set_page.id, &bytes).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let json: Value = serde_json::from_slice(&banmian::OutputFormat::Json.render(&page).unwrap()).unwrap();
        let errors: Vec<String> = v.iter_errors(&json).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", input.display());
        pages += 1;
        boxes += usize::from(json["page"]["unit"].is_string());
        kinds.insert(set_page.kind.clone());
    }
    assert!(kinds.len() >= 8 && pages > 100 && boxes > 50, "{kinds:?}: {pages} pages, {boxes} box pages");
}

#[test]
fn page_schema_refuses_what_the_contract_forbids() {
    let v = page_validator();
    let page = lines(&["corpus/01_seed.md", "--jsonl"], b"").remove(0);
    assert!(v.is_valid(&page));
    let mut missing = page.clone();
    missing.as_object_mut().unwrap().remove("removed");
    let mut kind = page.clone();
    kind["articles"][0]["blocks"][0]["kind"] = "sidebar".into();
    let mut schema = page.clone();
    schema["schema"] = "banmian.page/2".into();
    let mut lines_ = page.clone();
    lines_["articles"][0]["lines"] = serde_json::json!([1]);
    for (what, bad) in [("no removed", missing), ("unknown block kind", kind), ("another schema", schema), ("one line number", lines_)] {
        assert!(!v.is_valid(&bad), "{what}");
    }
}

#[test]
fn error_schema_holds_for_a_streams_error_lines() {
    let v = validator("docs/schema/error.schema.json");
    let pages = page_validator();
    let out = lines(&["--input-jsonl", "-q"], "{\"id\": 1, \"text\": \"会议举行。\"}\nnot json\n{\"id\": 2}\n".as_bytes());
    assert_eq!(out.len(), 3);
    assert!(pages.is_valid(&out[0]), "{}", out[0]);
    for e in &out[1..] {
        assert!(v.iter_errors(e).next().is_none(), "{e}");
        assert!(!pages.is_valid(e));
    }
    assert!(!v.is_valid(&out[0]), "a page is no error line");
    let mut zero = out[1].clone();
    zero["line"] = 0.into();
    assert!(!v.is_valid(&zero));
}

/// `docs/contract.md` is the shared contract, word for word.
#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn contract_copy_is_the_shared_contract() {
    let shared = Path::new(env!("BANMIAN_SHARED_DIR")).join("CONTRACT.md");
    assert_eq!(
        fs::read_to_string(&shared).unwrap(),
        fs::read_to_string("docs/contract.md").unwrap(),
        "copy {} to docs/contract.md",
        shared.display()
    );
}

/// The real pages (third-party box pages, never committed) give valid page objects.
#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn page_schema_holds_for_the_real_pages() {
    let dir = Path::new(env!("BANMIAN_SHARED_DIR")).join("realpages");
    assert!(check_folder(&page_validator(), &dir) >= 35);
}
