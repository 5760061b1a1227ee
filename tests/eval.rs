//! `banmian eval`: the scores on hand-made pages whose values are worked out by hand
//! (found, an edit distance, a swapped pair, a split and a merge), the report and the
//! floor, and the subcommand through the binary (exit statuses 0/3/1/2, `.gz`, the
//! same report whatever the threads), and check_gold.py on committed golds.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use banmian::eval::report::{Floor, Report};
use banmian::eval::score::score_page;
use banmian::eval::{Gold, Outcome, SetPage};
use banmian::{Article, Author, Block, BlockKind, Jump, JumpDirection, Options, Page, PageInfo, Pipeline};
use serde_json::{Value, json};

const FIXTURE: &str = "tests/eval-fixture/set";

fn banmian() -> Command {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
}

fn page(articles: Vec<Article>) -> Page {
    let articles = articles
        .into_iter()
        .enumerate()
        .map(|(i, mut a)| {
            a.id = i;
            a.text = a.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n");
            a
        })
        .collect();
    Page {
        schema: "banmian.page/1".into(),
        source: "t.txt".into(),
        page: PageInfo::default(),
        articles,
        leftovers: vec![],
        removed: vec![],
        warnings: vec![],
    }
}

/// A text-page article: headline, `lines` span, blocks of (text, line span).
fn article(headline: Option<&str>, lines: [usize; 2], blocks: &[(&str, [usize; 2])]) -> Article {
    Article {
        headline: headline.map(str::to_string),
        lines,
        blocks: blocks.iter().map(|(t, l)| Block::new(BlockKind::Paragraph, t.to_string(), *l)).collect(),
        ..Article::default()
    }
}

fn gold(v: Value) -> Gold {
    serde_json::from_value(v).unwrap()
}

fn gold_article(headline: &str, body: &[&str]) -> Value {
    json!({"headline": headline, "authors": [], "jumps": [],
           "blocks": body.iter().map(|t| json!({"kind": "paragraph", "text": t})).collect::<Vec<_>>()})
}

const B1: &str = "今年秋粮收购工作开局平稳";
const B2: &str = "图书馆每天开放十二小时";

#[test]
fn one_of_two_articles_found_gives_found_one_half() {
    let g = gold(json!({"articles": [gold_article("全市秋粮收购进度过半", &[B1]), gold_article("新建社区图书馆正式开放", &[B2])]}));
    let s = score_page(&g, &page(vec![article(Some("全市秋粮收购进度过半"), [1, 2], &[(B1, [2, 2])])]));
    assert_eq!((s.articles, s.found, s.output_articles), (2, 1, 1));
    assert!(s.details[0].found && !s.details[1].found);
    // The missing article counts as wrong in every field; the found one matches all.
    assert_eq!(s.fields, [1; 8]);
    assert_eq!(s.details[0].body_similarity, 1.0);
    // Its best match by body is the only output article: B1 and B2 share 0 of 12 chars.
    assert_eq!(s.details[1].matched, Some(0));
    assert_eq!(s.details[1].body_similarity, 0.0);
    assert_eq!(s.body_similarity_sum, 1.0);
    assert_eq!(s.bodies_0_9, 1);
}

#[test]
fn a_known_edit_distance_and_folded_punctuation() {
    // Gold body: 12 chars. Output: 工作 deleted (2), 稳 read as 隐 (1): distance 3, 1 - 3/12.
    let mut g = json!({"articles": [gold_article("粮价平稳（图）", &[B1])]});
    g["articles"][0]["oracle"] = json!("今年秋粮收购开局平隐");
    let s = score_page(&gold(g), &page(vec![article(Some("粮价平稳(图)"), [1, 2], &[("今年秋粮收购开局平隐", [2, 2])])]));
    assert_eq!(s.details[0].headline_similarity, 1.0, "folded: （） are ()");
    assert_eq!(s.details[0].body_similarity, 0.75);
    assert!(s.details[0].found, "headline folded-equal, body 0.75 >= 0.5");
    assert_eq!(s.details[0].layout_similarity, Some(1.0), "the output is the oracle");
    assert_eq!(s.bodies_0_9, 0);
    // Below 0.5 the article is not found, whatever its headline.
    let g = gold(json!({"articles": [gold_article("粮价平稳", &[B1])]}));
    let s = score_page(&g, &page(vec![article(Some("粮价平稳"), [1, 2], &[("今年秋粮", [2, 2])])]));
    assert!((s.details[0].body_similarity - 4.0 / 12.0).abs() < 1e-12);
    assert!(!s.details[0].found);
}

#[test]
fn a_headline_nine_tenths_similar_is_found() {
    // 10 chars, one wrong: 0.9 similar, found; two wrong: 0.8, not found.
    let g = gold(json!({"articles": [gold_article("全市秋粮收购进度过半", &[B1])]}));
    let s = score_page(&g, &page(vec![article(Some("全市秋粮收购进度过丰"), [1, 2], &[(B1, [2, 2])])]));
    assert_eq!(s.details[0].headline_similarity, 0.9);
    assert!(s.details[0].found);
    assert_eq!(s.fields[1], 0, "the headline field is exact match: wrong");
    let s = score_page(&g, &page(vec![article(Some("全市秋粮收购进废过丰"), [1, 2], &[(B1, [2, 2])])]));
    assert!(!s.details[0].found);
}

/// Gold order of a text page: a0 = headline line 1, body lines 2 and 3; a1 = headline 4, body 5.
fn two_article_order() -> Value {
    json!([{"article": 0, "role": "headline", "lines": [1]}, {"article": 0, "role": "body", "lines": [2]},
           {"article": 0, "role": "body", "lines": [3]}, {"article": 1, "role": "headline", "lines": [4]},
           {"article": 1, "role": "body", "lines": [5]}])
}

#[test]
fn reading_order_of_a_swapped_pair() {
    let g = gold(json!({"articles": [gold_article("甲", &["一", "二"]), gold_article("乙", &["三"])], "order": two_article_order()}));
    // a0's two paragraphs come out swapped: ids 0 2 1 3 4, two substitutions in five.
    let out = page(vec![article(Some("甲"), [1, 3], &[("二", [3, 3]), ("一", [2, 2])]), article(Some("乙"), [4, 5], &[("三", [5, 5])])]);
    let s = score_page(&g, &out);
    assert_eq!(s.reading_order, Some(0.4));
    assert_eq!(s.assignment_f1, Some(1.0));
    // In order: distance 0.
    let out = page(vec![article(Some("甲"), [1, 3], &[("一", [2, 2]), ("二", [3, 3])]), article(Some("乙"), [4, 5], &[("三", [5, 5])])]);
    assert_eq!(score_page(&g, &out).reading_order, Some(0.0));
}

#[test]
fn assignment_f1_of_a_known_split() {
    // a0 (4 lines) split into 2 + 2, a1 (2 lines) whole. Gold pairs 6 + 1 = 7, output
    // pairs 1 + 1 + 1 = 3, all right: P = 1, R = 3/7, F1 = 0.6. The order is untouched.
    let order = json!([{"article": 0, "lines": [1]}, {"article": 0, "lines": [2]}, {"article": 0, "lines": [3]},
                       {"article": 0, "lines": [4]}, {"article": 1, "lines": [5]}, {"article": 1, "lines": [6]}]);
    let g = gold(json!({"articles": [gold_article("甲", &["一二三"]), gold_article("乙", &["四"])], "order": order}));
    let out = page(vec![
        article(Some("甲"), [1, 2], &[("一", [2, 2])]),
        article(None, [3, 4], &[("二", [3, 3]), ("三", [4, 4])]),
        article(Some("乙"), [5, 6], &[("四", [6, 6])]),
    ]);
    let s = score_page(&g, &out);
    assert_eq!(s.reading_order, Some(0.0));
    assert!((s.assignment_f1.unwrap() - 0.6).abs() < 1e-12, "{:?}", s.assignment_f1);
}

#[test]
fn box_pages_map_boxes_and_a_merge_halves_f1() {
    // Gold: a0 = boxes 0 (headline), 1; a1 = boxes 2 (headline), 3. Output: one article
    // holding all four, heads 0 and 2, blocks [1] and [3]: sequence 0 2 1 3 (distance
    // 2/4); output pairs 6, gold pairs 2, both right: P = 1/3, R = 1, F1 = 0.5.
    let order =
        json!([{"article": 0, "boxes": [0]}, {"article": 0, "boxes": [1]}, {"article": 1, "boxes": [2]}, {"article": 1, "boxes": [3]}]);
    let g = gold(json!({"articles": [gold_article("甲", &["一"]), gold_article("乙", &["二"])], "order": order}));
    let mut a = article(Some("甲 乙"), [1, 4], &[("一", [2, 2]), ("二", [4, 4])]);
    a.provenance.boxes = Some(vec![0, 1, 2, 3]);
    a.blocks[0].provenance.boxes = Some(vec![1]);
    a.blocks[1].provenance.boxes = Some(vec![3]);
    let s = score_page(&g, &page(vec![a]));
    assert_eq!(s.reading_order, Some(0.5));
    assert!((s.assignment_f1.unwrap() - 0.5).abs() < 1e-12, "{:?}", s.assignment_f1);
}

#[test]
fn fields_are_folded_exact_authors_and_jumps_as_check_gold_reads_them() {
    let mut ga = gold_article("甲", &[B1]);
    ga["byline"] = json!("本报讯（记者 林晓）");
    ga["dateline"] = json!("本报讯");
    ga["authors"] = json!([{"name": "林晓", "role": "记者", "org": "本报"}]);
    ga["jumps"] = json!([{"direction": "continued_on", "page": 5, "label": "第五版", "text": "下转第五版"}]);
    let g = gold(json!({"articles": [ga]}));
    let mut a = article(Some("甲"), [1, 2], &[(B1, [2, 2])]);
    a.byline = Some("本报讯(记者林晓)".into()); // folded equal
    a.dateline = Some("新华社".into()); // wrong
    a.authors = vec![Author { name: "林晓".into(), role: Some("记者".into()), org: None, credit: None }]; // org 本报 not compared
    a.jumps = vec![Jump {
        direction: JumpDirection::ContinuedOn,
        page: Some(4),
        label: "第四版".into(),
        text: "下转第四版".into(),
        target: None,
    }];
    let s = score_page(&g, &page(vec![a]));
    assert_eq!(s.details[0].fields, ["kicker", "headline", "subheadline", "rubric", "byline", "authors"]);
}

fn set_page(kind: &str, id: &str) -> SetPage {
    SetPage {
        kind: kind.into(),
        id: id.into(),
        gold: PathBuf::from(format!("{id}.gold.json")),
        input: Ok(PathBuf::from(format!("{id}.txt"))),
    }
}

#[test]
fn report_adds_articles_up_and_the_floor_names_what_fell() {
    let g = gold(json!({"articles": [gold_article("甲", &[B1]), gold_article("乙", &[B2])], "order": [
        {"article": 0, "lines": [1]}, {"article": 0, "lines": [2]}, {"article": 1, "lines": [3]}, {"article": 1, "lines": [4]}]}));
    let one = score_page(&g, &page(vec![article(Some("甲"), [1, 2], &[(B1, [2, 2])])]));
    let both = score_page(&g, &page(vec![article(Some("甲"), [1, 2], &[(B1, [2, 2])]), article(Some("乙"), [3, 4], &[(B2, [4, 4])])]));
    let pages = [set_page("plain", "a"), set_page("plain", "b"), set_page("pdf", "c"), set_page("plain", "d")];
    let outcomes = vec![Outcome::Scored(one), Outcome::Scored(both), Outcome::NotReadYet, Outcome::Error("d.gold.json: broken".into())];
    let mut r = Report::build(Path::new("set"), None, &pages, outcomes);
    let plain = r.kind("plain").unwrap();
    assert_eq!((plain.pages, plain.scored, plain.errors, plain.articles, plain.found), (3, 2, 1, 4, 3));
    assert_eq!(plain.found_rate, Some(0.75));
    assert_eq!(plain.fields.headline, Some(0.75));
    // Page a: sequence 0 1, gold 0 1 2 3: distance 2/4; page b: 0. Mean 0.25.
    assert_eq!(plain.reading_order, Some(0.25));
    let unread = r.kind("pdf").unwrap();
    assert_eq!((unread.status, unread.not_read_yet, unread.found_rate), ("not_read_yet", 1, None));
    assert_eq!(r.overall.pages, 3, "not-read-yet pages are not in overall");
    assert_eq!(r.errors.len(), 1);
    assert!(r.table().contains("pdf                      1 not read yet"), "{}", r.table());

    let floor = Floor::parse(
        br#"{"schema": "banmian.evalfloor/1", "note": "x", "kinds": {
            "plain": {"found_rate": 0.75, "reading_order": 0.2, "headline": 0.8},
            "overall": {"body_similarity": 0.5}, "rapidocr": {"found_rate": 0.1}}}"#,
    )
    .unwrap();
    assert!(!r.check_floor(&floor, "floor.json"));
    let below: Vec<(String, String, Option<f64>)> =
        r.floor.as_ref().unwrap().below.iter().map(|b| (b.kind.clone(), b.metric.clone(), b.value)).collect();
    assert_eq!(
        below,
        [
            ("plain".to_string(), "headline".to_string(), Some(0.75)),
            ("plain".to_string(), "reading_order".to_string(), Some(0.25)),
            ("rapidocr".to_string(), "found_rate".to_string(), None),
        ]
    );
    let floor =
        Floor::parse(br#"{"schema": "banmian.evalfloor/1", "kinds": {"plain": {"found_rate": 0.75, "reading_order": 0.25}}}"#).unwrap();
    assert!(r.check_floor(&floor, "floor.json"), "at the floor passes; reading_order is a ceiling");
    let e = Floor::parse(br#"{"schema": "banmian.evalfloor/1", "kinds": {"plain": {"found": 0.5}}}"#).unwrap_err();
    assert!(e.contains("unknown metric \"found\""), "{e}");
}

fn eval(args: &[&str]) -> Output {
    banmian().arg("eval").args(args).output().unwrap()
}

fn report_of(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

fn kind<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["kinds"].as_array().unwrap().iter().find(|k| k["kind"] == name).unwrap()
}

#[test]
fn the_fixture_set_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("eval.json");
    let out = eval(&[FIXTURE, "--json", json.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("pdf                      1 not read yet"), "{stdout}");
    let r = report_of(&json);
    assert_eq!(r["schema"], "banmian.eval/1");
    assert_eq!(r["manifest"]["made_by"], "hand (tests/eval.rs fixture)");
    // plain: one OCR confusion (万 → 方) in a 69-char gold body; the oracle has it too.
    let plain = kind(&r, "plain");
    assert_eq!(plain["found_rate"], 1.0);
    assert!((plain["body_similarity"].as_f64().unwrap() - (1.0 + (1.0 - 1.0 / 69.0)) / 2.0).abs() < 1e-12, "{plain}");
    assert_eq!(plain["layout_similarity"], 1.0);
    assert_eq!(plain["reading_order"], 0.0);
    // markdown: input and gold are both .gz.
    let md = kind(&r, "markdown");
    assert_eq!((md["scored"].as_u64(), md["found"].as_u64(), md["body_similarity"].as_f64()), (Some(1), Some(2), Some(1.0)));
    let boxes = kind(&r, "rapidocr");
    assert_eq!(
        (boxes["found"].as_u64(), boxes["assignment_f1"].as_f64(), boxes["reading_order"].as_f64()),
        (Some(2), Some(1.0), Some(0.0))
    );
    assert_eq!(kind(&r, "pdf")["status"], "not_read_yet");
    assert_eq!(r["overall"]["articles"], 6);
    assert_eq!(r["errors"], json!([]));
}

/// A kind folder given as the set is scored as that kind, with the same figures it has
/// inside the whole set; a folder with no gold anywhere is an error, not an empty table.
#[test]
fn a_kind_folder_alone_is_scored_as_its_kind_and_an_empty_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (whole, alone) = (dir.path().join("whole.json"), dir.path().join("alone.json"));
    assert_eq!(eval(&[FIXTURE, "--json", whole.to_str().unwrap()]).status.code(), Some(0));
    let plain = format!("{FIXTURE}/plain");
    let out = eval(&[&plain, "--json", alone.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let r = report_of(&alone);
    assert_eq!(r["kinds"].as_array().unwrap().len(), 1);
    assert_eq!(kind(&r, "plain"), kind(&report_of(&whole), "plain"));
    assert_eq!(r["overall"]["articles"], kind(&r, "plain")["articles"]);

    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    fs::write(empty.join("notes.txt"), "no gold here").unwrap();
    let out = eval(&[empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no pages"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn exit_status_follows_the_floor() {
    let dir = tempfile::tempdir().unwrap();
    let floor = dir.path().join("floor.json");
    fs::write(&floor, r#"{"schema": "banmian.evalfloor/1", "kinds": {"plain": {"found_rate": 1.0, "reading_order": 0.0}, "overall": {"body_similarity": 0.99}}}"#).unwrap();
    let out = eval(&[FIXTURE, "--floor", floor.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("passed"));
    fs::write(&floor, r#"{"schema": "banmian.evalfloor/1", "kinds": {"plain": {"found_rate": 1.0, "body_similarity": 0.995}}}"#).unwrap();
    let json = dir.path().join("eval.json");
    let out = eval(&[FIXTURE, "--floor", floor.to_str().unwrap(), "--json", json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("plain body_similarity: 0.9928 < floor 0.995"), "{stdout}");
    assert!(!stdout.contains("plain found_rate:"), "{stdout}");
    assert_eq!(report_of(&json)["floor"]["below"][0]["metric"], "body_similarity");
}

/// A copy of the fixture set in a temporary folder.
fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in walkdir::WalkDir::new(FIXTURE) {
        let e = e.unwrap();
        let to = dir.path().join(e.path().strip_prefix(FIXTURE).unwrap());
        if e.file_type().is_dir() {
            fs::create_dir_all(&to).unwrap();
        } else {
            fs::copy(e.path(), &to).unwrap();
        }
    }
    dir
}

#[test]
fn unreadable_files_are_named_and_the_rest_still_scored() {
    let set = fixture_copy();
    fs::write(set.path().join("plain/p02.txt"), "一篇文章\n").unwrap();
    fs::write(set.path().join("plain/p02.gold.json"), "{\"articles\": [").unwrap();
    fs::write(set.path().join("markdown/m02.md.gz"), b"not gzip at all").unwrap();
    fs::write(set.path().join("markdown/m02.gold.json"), r#"{"articles": []}"#).unwrap();
    fs::write(set.path().join("rapidocr/r02.gold.json"), r#"{"articles": []}"#).unwrap();
    let json = set.path().join("eval.json");
    let out = eval(&[set.path().to_str().unwrap(), "--json", json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("p02.gold.json: not a gold file"), "{stderr}");
    assert!(stderr.contains("m02.md.gz"), "{stderr}");
    assert!(stderr.contains("r02.gold.json: no input file r02.* beside the gold"), "{stderr}");
    let r = report_of(&json);
    assert_eq!(r["errors"].as_array().unwrap().len(), 3);
    assert_eq!((kind(&r, "plain")["scored"].as_u64(), kind(&r, "plain")["errors"].as_u64()), (Some(1), Some(1)));
    assert_eq!(r["overall"]["found"], 6, "the readable pages are all scored");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(eval(&[]).status.code(), Some(2), "no SET");
    assert_eq!(eval(&[FIXTURE, "--bogus"]).status.code(), Some(2));
    assert_eq!(eval(&[FIXTURE, "-j", "0"]).status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let floor = dir.path().join("floor.json");
    fs::write(&floor, r#"{"schema": "banmian.evalfloor/1", "kinds": {"plain": {"found": 0.5}}}"#).unwrap();
    let out = eval(&[FIXTURE, "--floor", floor.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown metric \"found\""));
    assert_eq!(eval(&[FIXTURE, "--floor", "/nonexistent/floor.json"]).status.code(), Some(2));
    // A missing set is an unreadable file, not a usage error.
    assert_eq!(eval(&["/nonexistent/set"]).status.code(), Some(1));
}

#[test]
fn a_path_named_eval_is_refused_as_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("eval")).unwrap();
    let out = banmian().current_dir(dir.path()).args(["eval", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("./eval"));
}

#[test]
fn the_report_is_the_same_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    assert_eq!(eval(&[FIXTURE, "-j", "1", "--json", a.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(eval(&[FIXTURE, "-j", "2", "--json", b.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(fs::read(a).unwrap(), fs::read(b).unwrap());
}

/// check_gold.py (../shared/tools) still scores eval golds: run on three committed
/// golds of `evaluation/set` when it exists, and on the fixture's, it reaches its
/// closing "gold: P passed, F failed" line (exit 0 or 1, never a Python error).
#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn check_gold_scores_committed_golds() {
    let script = Path::new(env!("BANMIAN_SHARED_DIR")).join("tools/check_gold.py");
    let script = script.as_path();
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIPPED check_gold_scores_committed_golds: python3 not found");
        return;
    }
    if !script.exists() {
        eprintln!("SKIPPED check_gold_scores_committed_golds: {} not found", script.display());
        return;
    }
    let mut pages = banmian::eval::walk(Path::new(FIXTURE)).unwrap();
    let set = Path::new("evaluation/set");
    if set.is_dir() {
        // Three golds, from as many kinds as there are.
        let all: Vec<SetPage> = banmian::eval::walk(set).unwrap().into_iter().filter(|p| p.is_read() && p.input.is_ok()).collect();
        let mut picked: Vec<SetPage> = Vec::new();
        for p in &all {
            if picked.len() < 3 && !picked.iter().any(|q| q.kind == p.kind) {
                picked.push(p.clone());
            }
        }
        for p in &all {
            if picked.len() < 3 && !picked.contains(p) {
                picked.push(p.clone());
            }
        }
        assert_eq!(picked.len(), 3, "evaluation/set has fewer than three readable golds");
        pages.extend(picked);
    } else {
        eprintln!("SKIPPED (part) check_gold_scores_committed_golds: evaluation/set is not in this tree; fixture golds only");
    }
    let pipeline = Pipeline::new(Options::default()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for (i, p) in pages.iter().filter(|p| p.is_read()).enumerate() {
        let input = p.input.as_ref().unwrap();
        let (gold_bytes, input_bytes) = (banmian::eval::read_file(&p.gold).unwrap(), banmian::eval::read_file(input).unwrap());
        let page = pipeline.process_bytes("x", &input_bytes).unwrap();
        let (g, o, inp) =
            (tmp.path().join(format!("{i}.gold.json")), tmp.path().join(format!("{i}.out.json")), tmp.path().join(format!("{i}.in")));
        fs::write(&g, gold_bytes).unwrap();
        fs::write(&o, serde_json::to_vec(&page).unwrap()).unwrap();
        fs::write(&inp, input_bytes).unwrap();
        let out = Command::new("python3").arg(script).args([&g, &o, &inp]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let last = stdout.lines().last().unwrap_or("");
        assert!(
            matches!(out.status.code(), Some(0 | 1)) && last.starts_with("gold: ") && last.contains(" passed, "),
            "{}: check_gold.py did not finish: {}\n{stdout}",
            p.gold.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        checked += 1;
    }
    assert!(checked >= 3, "{checked}");
}

#[test]
fn box_pages_keep_the_order_inside_a_block_when_the_lines_boxes_are_known() {
    // Gold: headline box 0, then body boxes 2 and 1 (the engine numbered them in
    // another order than they are read). Output: one block of lines 2..3, whose
    // `boxes` field is ascending [1, 2]; lines 2 and 3 are boxes 2 and 1.
    let order = json!([{"article": 0, "boxes": [0]}, {"article": 0, "boxes": [2]}, {"article": 0, "boxes": [1]}]);
    let g = gold(json!({"articles": [gold_article("甲", &["一二"])], "order": order}));
    let mut a = article(Some("甲"), [1, 3], &[("一二", [2, 3])]);
    a.provenance.boxes = Some(vec![0, 1, 2]);
    a.blocks[0].provenance.boxes = Some(vec![1, 2]);
    let out = page(vec![a]);
    let line_boxes = [vec![0], vec![2], vec![1]];
    assert_eq!(banmian::eval::score::score_page_with(&g, &out, Some(&line_boxes)).reading_order, Some(0.0));
    // Without them only the ascending `boxes` field is known: ids 0 2 1, two substitutions in three.
    assert!((score_page(&g, &out).reading_order.unwrap() - 2.0 / 3.0).abs() < 1e-12);
}

#[test]
fn write_floor_writes_the_figures_less_one_point_and_passes_them() {
    let dir = tempfile::tempdir().unwrap();
    let floor = dir.path().join("floor.json");
    assert_eq!(eval(&[FIXTURE, "--write-floor", floor.to_str().unwrap()]).status.code(), Some(0));
    let f = report_of(&floor);
    assert_eq!(f["schema"], "banmian.evalfloor/1");
    // plain: body 0.99275… less 0.01, down to hundredths; reading order 0 plus 0.01, up.
    assert_eq!(f["kinds"]["plain"]["body_similarity"], 0.98);
    assert_eq!(f["kinds"]["plain"]["found_rate"], 0.99);
    assert_eq!(f["kinds"]["plain"]["reading_order"], 0.01);
    assert!(f["kinds"].get("pdf").is_none(), "a kind not read yet has no floor");
    assert_eq!(eval(&[FIXTURE, "--floor", floor.to_str().unwrap()]).status.code(), Some(0));
}

/// `banmian eval --lookalikes repair` scores banmian as `--lookalikes repair` runs it:
/// the fixture's plain page with one more OCR confusion (昨日 printed 昨曰) scores lower
/// as printed (the default) and as the fixture itself once the look-alike is repaired.
#[test]
fn eval_scores_with_the_look_alike_repair_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("set/plain");
    fs::create_dir_all(&plain).unwrap();
    let page = fs::read_to_string(format!("{FIXTURE}/plain/p01.txt")).unwrap();
    assert!(page.contains("截至昨日"));
    fs::write(plain.join("p01.txt"), page.replace("截至昨日", "截至昨曰")).unwrap();
    fs::copy(format!("{FIXTURE}/plain/p01.gold.json"), plain.join("p01.gold.json")).unwrap();
    let body = |extra: &[&str]| {
        let json = dir.path().join("eval.json");
        let set = dir.path().join("set");
        let mut args = vec![set.to_str().unwrap(), "--json", json.to_str().unwrap()];
        args.extend_from_slice(extra);
        let out = eval(&args);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        kind(&report_of(&json), "plain")["body_similarity"].as_f64().unwrap()
    };
    let fixture = (1.0 + (1.0 - 1.0 / 69.0)) / 2.0;
    let (kept, repaired) = (body(&[]), body(&["--lookalikes", "repair"]));
    assert!(kept < fixture - 1e-6, "{kept}");
    assert!((repaired - fixture).abs() < 1e-12, "{repaired}");
    assert_eq!(body(&["--lookalikes", "keep"]), kept);
}
