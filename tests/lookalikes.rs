//! OCR look-alike characters (`rules::lookalike`): repaired where word frequencies
//! call for it, each repair named in a `lookalike` warning, right text left alone,
//! and off unless asked for (`--lookalikes repair` / `Lookalikes::Repair`). Pages written here.

use std::process::Command;

use banmian::{Lookalikes, Options, Page, Pipeline, Punct, WarningKind};

use crate::common;

const PAGE: &str = "## 市场昨夭开业\n\n本报讯 新市场己经开业。市民收人增加，每月收人民币三百元的补贴也已发放。\n\n子曰：学而时习之。\n";

fn process(options: Options) -> Page {
    let page = Pipeline::new(options).expect("pipeline").process("p.md", PAGE);
    common::assert_sane(PAGE, &page);
    page
}

#[test]
fn look_alikes_are_repaired_and_each_repair_is_named() {
    let page = process(Options::default().lookalikes(Lookalikes::Repair));
    let a = &page.articles[0];
    assert_eq!(a.headline.as_deref(), Some("市场昨天开业"));
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["新市场已经开业。市民收入增加，每月收人民币三百元的补贴也已发放。", "子曰：学而时习之。"]);
    let warnings: Vec<(Option<usize>, &str)> =
        a.warnings.iter().filter(|w| w.kind == WarningKind::Lookalike).map(|w| (w.block, w.message.as_str())).collect();
    assert_eq!(
        warnings,
        [
            (None, "headline: printed 昨夭, repaired 昨天"),
            (Some(0), "line 3: printed 己经, repaired 已经"),
            (Some(0), "line 3: printed 收人, repaired 收入")
        ]
    );
}

#[test]
fn by_default_every_character_stays_as_printed() {
    assert_eq!(Options::default().lookalikes, Lookalikes::Keep);
    let page = process(Options::default());
    let a = &page.articles[0];
    assert_eq!(a.headline.as_deref(), Some("市场昨夭开业"));
    assert!(a.blocks[0].text.starts_with("新市场己经开业。市民收人增加"), "{}", a.blocks[0].text);
    assert!(a.warnings.iter().all(|w| w.kind != WarningKind::Lookalike), "{:?}", a.warnings);
}

#[test]
fn traditional_pages_are_repaired_through_simplified_words() {
    let page = Pipeline::new(Options::default().lookalikes(Lookalikes::Repair))
        .expect("pipeline")
        .process("p.txt", "會議昨夭閉幕，代表們己經返回。\n");
    assert_eq!(page.articles[0].blocks[0].text, "會議昨天閉幕，代表們已經返回。");
}

#[test]
fn the_command_line_option_turns_the_repair_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.md");
    std::fs::write(&path, PAGE).expect("page written");
    let run = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_banmian")).arg(&path).args(extra).output().expect("banmian runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let page: Page = serde_json::from_slice(&out.stdout).expect("page JSON");
        page.articles[0].headline.clone()
    };
    assert_eq!(run(&[]).as_deref(), Some("市场昨夭开业"));
    assert_eq!(run(&["--lookalikes", "keep"]).as_deref(), Some("市场昨夭开业"));
    assert_eq!(run(&["--lookalikes", "repair"]).as_deref(), Some("市场昨天开业"));
}

/// The review of issue 13's look-alike change: `--lookalikes` was read in three places
/// (the command line, `banmian eval`, the Python binding), each with its own names.
/// The library's `FromStr` is now the one reading; its names round-trip and an unknown
/// name is an error that names the values.
#[test]
fn option_names_round_trip_through_the_librarys_from_str() {
    for l in Lookalikes::ALL {
        assert_eq!(l.name().parse::<Lookalikes>().unwrap(), *l);
    }
    for p in Punct::ALL {
        assert_eq!(p.name().parse::<Punct>().unwrap(), *p);
    }
    assert_eq!(Lookalikes::ALL.iter().map(|l| l.name()).collect::<Vec<_>>(), ["keep", "repair"]);
    assert_eq!(Punct::ALL.iter().map(|p| p.name()).collect::<Vec<_>>(), ["normalize", "keep"]);
    let e = "Repair".parse::<Lookalikes>().unwrap_err().to_string();
    assert!(e.contains("unknown lookalikes value \"Repair\": one of keep, repair"), "{e}");
    let e = "full".parse::<Punct>().unwrap_err().to_string();
    assert!(e.contains("unknown punct \"full\": one of normalize, keep"), "{e}");
}
