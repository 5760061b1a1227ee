//! The outputs people read (issue 16): `--format text|markdown|ninjs`, their
//! extensions and `--jsonl` pairings, `--split articles`, and `banmian view`.
//! Round trips on every corpus page: the text output split at blank lines gives each
//! article's headline lines then exactly its block texts; the Markdown output read
//! back gives the same kicker, headline, subheadline, byline and block texts; every
//! ninjs object validates against the vendored IPTC ninjs 3.1 schema, formats checked.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use banmian::write::{self, text};
use banmian::{Options, OutputFormat, Page, Pipeline};
use serde_json::Value;

fn banmian() -> Command {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
}

fn corpus() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir("corpus").unwrap().map(|e| e.unwrap().path()).collect();
    v.sort();
    assert!(v.len() >= 14, "corpus/ has its pages");
    v
}

fn process(p: &Pipeline, path: &Path) -> Page {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    p.process_bytes(&name, &fs::read(path).unwrap()).unwrap()
}

/// What the round trips compare: per article, kicker, headline, subheadline, byline, block texts.
fn reading(page: &Page) -> Vec<(Vec<Option<String>>, Vec<String>)> {
    page.articles
        .iter()
        .map(|a| {
            (
                vec![a.kicker.clone(), a.headline.clone(), a.subheadline.clone(), a.byline.clone()],
                a.blocks.iter().map(|b| b.text.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn text_output_splits_back_into_headline_lines_and_block_texts() {
    let p = Pipeline::new(Options::default()).unwrap();
    let mut articles = 0;
    for path in corpus() {
        let page = process(&p, &path);
        let out = String::from_utf8(OutputFormat::Text.render(&page).unwrap()).unwrap();
        let paragraphs: Vec<&str> = out.trim_end().split("\n\n").collect();
        let mut sections: Vec<Vec<&str>> = vec![vec![]];
        for para in paragraphs {
            if para == text::ARTICLE_BREAK {
                sections.push(vec![]);
            } else {
                sections.last_mut().unwrap().push(para);
            }
        }
        let leftovers = if sections.last().is_some_and(|s| s.first() == Some(&text::LEFTOVERS_BREAK)) { sections.pop() } else { None };
        assert_eq!(sections.len(), page.articles.len().max(1), "{}", path.display());
        for (a, s) in page.articles.iter().zip(&sections) {
            let head = text::head_lines(a);
            let (h, blocks) = if head.is_empty() { (&[][..], &s[..]) } else { s.split_at(1) };
            assert_eq!(
                h.first().map(|h| h.split('\n').map(str::to_string).collect::<Vec<_>>()).unwrap_or_default(),
                head,
                "{}",
                path.display()
            );
            let want: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
            assert_eq!(blocks, &want[..], "{} article {}", path.display(), a.id);
            articles += 1;
        }
        let want: Vec<&str> = page.leftovers.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(leftovers.map(|l| l[1..].to_vec()).unwrap_or_default(), want, "{}", path.display());
    }
    assert!(articles >= 60, "{articles} articles");
}

#[test]
fn markdown_output_reads_back_to_the_same_articles_on_every_corpus_page() {
    let p = Pipeline::new(Options::default()).unwrap();
    for path in corpus() {
        let page = process(&p, &path);
        let md = String::from_utf8(OutputFormat::Markdown.render(&page).unwrap()).unwrap();
        let back = p.process("back.md", &md);
        assert_eq!(reading(&back), reading(&page), "{}:\n{md}", path.display());
        assert_eq!((&back.page.label, &back.page.date), (&page.page.label, &page.page.date), "{}", path.display());
        let jumps = |pg: &Page| pg.articles.iter().map(|a| a.jumps.iter().map(|j| j.text.clone()).collect::<Vec<_>>()).collect::<Vec<_>>();
        assert_eq!(jumps(&back), jumps(&page), "{}", path.display());
    }
}

#[test]
fn markdown_syntax_escapes_line_starts_and_keeps_leftovers_as_comments() {
    let p = Pipeline::new(Options::default()).unwrap();
    let page = p.process("01.txt", "第3版\n\n## 会议举行\n\n本报讯 会议举行。\n");
    let md = String::from_utf8(OutputFormat::Markdown.render(&page).unwrap()).unwrap();
    assert!(md.starts_with("---\npage: 第3版\n---\n\n# 会议举行\n\n本报讯\n\n会议举行。\n"), "{md}");
    assert!(md.contains("<!-- leftover: "), "{md}");
}

fn ninjs_validator() -> jsonschema::Validator {
    let read = |p: &str| serde_json::from_str::<Value>(&fs::read_to_string(p).unwrap()).unwrap();
    let schema = read("schemas/ninjs/ninjs-schema_3.1.json");
    let geojson = read("schemas/ninjs/GeoJSON.stand-in.json");
    let registry = Box::leak(Box::new(
        jsonschema::Registry::new().add("https://geojson.org/schema/GeoJSON.json", geojson).unwrap().prepare().unwrap(),
    ));
    jsonschema::options().offline().should_validate_formats(true).with_registry(registry).build(&schema).unwrap()
}

#[test]
fn ninjs_of_every_corpus_page_validates_against_the_ninjs_3_1_schema() {
    let v = ninjs_validator();
    // The schema does check: a bad uri and an unknown property fail.
    assert!(!v.is_valid(&serde_json::json!({"uri": "not a uri"})));
    assert!(!v.is_valid(&serde_json::json!({"uri": "urn:x:y", "headline": "x"})));
    let p = Pipeline::new(Options::default()).unwrap();
    let mut objects = 0;
    for path in corpus().into_iter().chain([PathBuf::from(BOX_PAGE)]) {
        let page = process(&p, &path);
        let items: Value = serde_json::from_slice(&OutputFormat::Ninjs.render(&page).unwrap()).unwrap();
        let items = items.as_array().unwrap();
        assert_eq!(items.len(), page.articles.len());
        for (it, a) in items.iter().zip(&page.articles) {
            let errors: Vec<String> = v.iter_errors(it).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{} article {}: {errors:?}\n{it}", path.display(), a.id);
            assert_eq!(it["uri"], format!("urn:banmian:{}#{}", page.source, a.id));
            assert_eq!(it["bodies"][0]["value"].as_str().unwrap_or(""), a.text);
            assert_eq!(it.get("by").and_then(Value::as_str), a.byline.as_deref());
            objects += 1;
        }
        for (name, bytes) in write::split::files(&page, OutputFormat::Ninjs).unwrap() {
            let it: Value = serde_json::from_slice(&bytes).unwrap();
            assert!(v.is_valid(&it), "{} {name}", path.display());
        }
    }
    assert!(objects >= 60, "{objects} objects");
}

#[test]
fn ninjs_mapping_of_a_dispatch() {
    let p = Pipeline::new(Options::default()).unwrap();
    let page = p.process("2021/01.txt", "王兆力强调\n\n## 会议举行\n\n新华社北京1月12日电（记者 张三）12日，会议举行。\n");
    let it = &write::ninjs::items(&page)[0];
    let a = &page.articles[0];
    assert_eq!(
        it["headlines"][0],
        serde_json::json!({"role": "main", "contentType": "text/plain", "value": a.headline.as_deref().unwrap()})
    );
    assert_eq!(it["located"], "北京");
    assert_eq!(it["by"], "新华社北京1月12日电（记者 张三）");
    assert_eq!(it["people"][0], serde_json::json!({"name": "张三", "rel": "记者"}));
    assert_eq!(it["altIds"][0], serde_json::json!({"role": "source", "value": "2021/01.txt"}));
    assert_eq!(it["standard"]["version"], "3.1");
    // The dateline has no year and the page no date: no contentCreated.
    assert!(it.get("contentCreated").is_none(), "{it}");
}

#[test]
fn format_picks_the_extension_of_a_folder_runs_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in/2021");
    fs::create_dir_all(&input).unwrap();
    fs::copy("corpus/01_seed.md", input.join("01.md")).unwrap();
    for (format, ext) in [("json", "json"), ("text", "txt"), ("markdown", "md"), ("ninjs", "ninjs.json")] {
        let out = dir.path().join(format!("out-{format}"));
        let st = banmian().arg(dir.path().join("in")).arg("-o").arg(&out).args(["--format", format, "-q"]).status().unwrap();
        assert_eq!(st.code(), Some(0), "{format}");
        let want = out.join(format!("2021/01.md.{ext}"));
        assert!(want.is_file(), "{}", want.display());
    }
    // The old spelling still works.
    let out = dir.path().join("out-alias");
    let st = banmian().arg(dir.path().join("in")).arg("-o").arg(&out).args(["--output-format", "text", "-q"]).status().unwrap();
    assert_eq!((st.code(), out.join("2021/01.md.txt").is_file()), (Some(0), true));
}

#[test]
fn jsonl_takes_json_and_ninjs_and_refuses_the_reading_views() {
    let ninjs = banmian().args(["corpus/01_seed.md", "--jsonl", "--format", "ninjs"]).output().unwrap();
    assert_eq!(ninjs.status.code(), Some(0));
    let line: Value = serde_json::from_slice(&ninjs.stdout).unwrap();
    assert_eq!(line.as_array().unwrap().len(), 7);
    assert_eq!(ninjs.stdout.iter().filter(|b| **b == b'\n').count(), 1);
    let stream = banmian().args(["--input-jsonl", "--format", "ninjs"]).stdin(fs::File::open(write_jsonl()).unwrap()).output().unwrap();
    let lines: Vec<Value> =
        stream.stdout.split(|b| *b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1][0]["uri"], "urn:banmian:b#0");
    for format in ["text", "markdown"] {
        for flag in ["--jsonl", "--input-jsonl"] {
            let out = banmian().args(["corpus/01_seed.md", flag, "--format", format]).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{flag} {format}");
            assert!(String::from_utf8_lossy(&out.stderr).contains("json or ninjs"), "{flag} {format}");
        }
    }
}

fn write_jsonl() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("banmian-outputs-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let p = dir.join("in.jsonl");
    fs::write(&p, "{\"id\": \"a\", \"text\": \"## 会议举行\\n\\n本报讯 会议举行。\"}\n{\"id\": \"b\", \"text\": \"## 工厂复工\\n\\n本报讯 工厂复工。\"}\n").unwrap();
    p
}

#[test]
fn split_articles_writes_one_file_per_article_and_the_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in/2021");
    fs::create_dir_all(&input).unwrap();
    fs::copy("corpus/04_jumps.md", input.join("01.md")).unwrap();
    fs::copy("corpus/10_furniture.txt", input.join("02.txt")).unwrap();
    let out = dir.path().join("out");
    let split_run = || {
        banmian()
            .arg(dir.path().join("in"))
            .arg("-o")
            .arg(&out)
            .args(["--split", "articles", "--format", "markdown", "-q"])
            .status()
            .unwrap()
    };
    assert_eq!(split_run().code(), Some(0));
    let p = Pipeline::new(Options::default()).unwrap();
    for (rel, src) in [("2021/01.md", "corpus/04_jumps.md"), ("2021/02.txt", "corpus/10_furniture.txt")] {
        let page = p.process_bytes(rel, &fs::read(src).unwrap()).unwrap();
        let folder = out.join(rel);
        // The folder's record of what banmian wrote there (hidden) aside.
        let mut names: Vec<String> = fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n != banmian::batch::SPLIT_RECORD)
            .collect();
        names.sort();
        let mut want = write::split::names(&page, OutputFormat::Markdown);
        want.push("leftovers.md".into());
        want.sort();
        assert_eq!(names, want, "{rel}");
        // Each article file reads back as that one article.
        for (a, name) in page.articles.iter().zip(write::split::names(&page, OutputFormat::Markdown)) {
            let back = p.process(&name, &fs::read_to_string(folder.join(&name)).unwrap());
            let one = Page { articles: vec![a.clone()], ..page.clone() };
            assert_eq!(reading(&back)[..1], reading(&one)[..], "{rel} {name}");
        }
    }
    // 10_furniture has leftovers: they are in leftovers.md, as comments.
    let left = fs::read_to_string(out.join("2021/02.txt/leftovers.md")).unwrap();
    assert!(left.contains("<!-- leftover: "), "{left}");
    // A rerun with fewer articles leaves no stale article file.
    fs::write(input.join("01.md"), "## 会议举行\n\n本报讯 会议举行。\n").unwrap();
    assert_eq!(split_run().code(), Some(0));
    let mut names: Vec<String> = fs::read_dir(out.join("2021/01.md"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != banmian::batch::SPLIT_RECORD)
        .collect();
    names.sort();
    assert_eq!(names, ["0-会议举行.md", "leftovers.md"]);
    // Usage errors: no -o, or with --jsonl.
    for args in [&["corpus/01_seed.md", "--split", "articles"][..], &["corpus", "--split", "articles", "--jsonl"][..]] {
        assert_eq!(banmian().args(args).output().unwrap().status.code(), Some(2), "{args:?}");
    }
}

/// The page object of a RapidOCR box page of the evaluation set, as `banmian` writes it.
const BOX_PAGE: &str = "evaluation/set/rapidocr/h024.json";

fn box_page_json() -> Value {
    let out = banmian().arg(BOX_PAGE).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn view_draws_each_articles_boxes_in_its_colour_and_lists_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("h024.json");
    let v = box_page_json();
    fs::write(&json, v.to_string()).unwrap();
    let page: Page = serde_json::from_value(v).unwrap();
    let html_path = dir.path().join("h024.html");
    let st = banmian().arg("view").arg(&json).arg("-o").arg(&html_path).status().unwrap();
    assert_eq!(st.code(), Some(0));
    let html = fs::read_to_string(&html_path).unwrap();
    for a in &page.articles {
        let drawn = html.matches(&format!("<g class=\"box\" data-article=\"{}\" ", a.id)).count();
        let heads = a.heads.iter().filter(|h| h.provenance.bbox.is_some()).count();
        assert_eq!(drawn, heads + a.blocks.iter().filter(|b| b.provenance.bbox.is_some()).count(), "article {}", a.id);
        // Each head is drawn with its role as the label.
        if let Some(h) = a.heads.iter().find(|h| h.role == banmian::HeadRole::Headline) {
            let [x0, y0, ..] = h.provenance.bbox.unwrap();
            assert!(html.contains(&format!("<rect x=\"{x0}\" y=\"{y0}\"")), "article {}: headline box drawn", a.id);
        }
        assert!(html.contains(&format!("<li class=\"article\" data-article=\"{}\"", a.id)));
    }
    let grey = html.matches("<g class=\"box grey\"").count();
    assert_eq!(
        grey,
        page.leftovers.iter().filter(|b| b.provenance.bbox.is_some()).count()
            + page.removed.iter().filter(|r| r.provenance.bbox.is_some()).count()
    );
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"), "self-contained");
    // Processing the input directly gives the same drawing.
    let direct = banmian().args(["view", BOX_PAGE]).output().unwrap();
    assert_eq!(direct.status.code(), Some(0));
    let direct = String::from_utf8(direct.stdout).unwrap();
    assert_eq!(direct.matches("<g class=\"box").count(), html.matches("<g class=\"box").count());
}

#[test]
fn view_of_a_text_page_colours_the_input_lines_by_article() {
    let out = banmian().args(["view", "corpus/10_furniture.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    let page = process(&Pipeline::new(Options::default()).unwrap(), Path::new("corpus/10_furniture.txt"));
    let input = fs::read_to_string("corpus/10_furniture.txt").unwrap();
    assert_eq!(html.matches("<li class=\"line").count(), input.lines().count());
    for a in &page.articles {
        let lines = html.matches(&format!("<li class=\"line\" data-article=\"{}\"", a.id)).count();
        assert!(lines >= 1 && lines <= a.lines[1] - a.lines[0] + 1, "article {} has {lines} lines", a.id);
    }
    assert!(html.contains("<li class=\"line grey leftover\">"));
}

#[test]
fn view_refuses_another_schema_and_warns_about_a_scan_of_other_proportions() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("issue.json");
    fs::write(&other, r#"{"schema": "banmian.page/2", "source": "x"}"#).unwrap();
    let out = banmian().arg("view").arg(&other).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("banmian.page/2"), "{}", String::from_utf8_lossy(&out.stderr));
    let missing = banmian().args(["view", "corpus/01_seed.md", "--image", "no/such.png"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such.png"));
    // A 100 × 400 PNG for a 1000 × 1000 page: drawn, with a visible warning.
    let page = dir.path().join("p.json");
    let mut v = box_page_json();
    v["page"]["width"] = 1000.into();
    v["page"]["height"] = 1000.into();
    fs::write(&page, v.to_string()).unwrap();
    let img = dir.path().join("scan.png");
    image::DynamicImage::new_luma8(100, 400).save(&img).unwrap();
    let out = banmian().arg("view").arg(&page).arg("--image").arg(&img).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("<p class=\"warning\">the image is 100 × 400 pixels"), "warning shown");
    assert!(html.contains("viewBox=\"0 0 1000 1000\""));
    assert!(html.contains("href=\"data:image/png;base64,iVBORw0KGgo"));
}

#[test]
fn view_embeds_a_tiff_scan_re_encoded_as_png() {
    // Browsers do not draw TIFF, the archives' usual scan format: the viewer re-encodes it.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.json");
    let mut v = box_page_json();
    v["page"]["width"] = 600.into();
    v["page"]["height"] = 800.into();
    fs::write(&page, v.to_string()).unwrap();
    let img = dir.path().join("scan.tif");
    image::DynamicImage::new_luma8(600, 800).save(&img).unwrap();
    let out = banmian().arg("view").arg(&page).arg("--image").arg(&img).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("href=\"data:image/png;base64,iVBORw0KGgo"), "a PNG is embedded");
    assert!(!html.contains("class=\"warning\""), "same proportions: no warning");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("scan.tif: TIFF 600 × 800 px re-encoded as PNG 600 × 800 px"), "{stderr}");
    let gif = dir.path().join("scan.gif");
    fs::write(&gif, b"GIF89a\x01\0\x01\0").unwrap();
    let out = banmian().arg("view").arg(&page).arg("--image").arg(&gif).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("scan.gif: not a PNG, JPEG or TIFF image (a Gif file)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_200_box_page_views_in_under_a_megabyte() {
    // 200 boxes in 20 articles of 10 lines each, drawn from a generated PaddleOCR page.
    let mut results = Vec::new();
    for k in 0..20 {
        let (x0, y0) = ((k % 4) * 700, (k / 4) * 800);
        results.push(serde_json::json!({"text": format!("第{k}篇稿件的标题"), "score": 0.99, "box": [[x0, y0], [x0 + 600, y0], [x0 + 600, y0 + 60], [x0, y0 + 60]]}));
        for i in 1..10 {
            let y = y0 + 60 + i * 60;
            let text = "这是正文的一行文字，记者在现场看到，工人们正在紧张施工";
            results
                .push(serde_json::json!({"text": text, "score": 0.98, "box": [[x0, y], [x0 + 600, y], [x0 + 600, y + 50], [x0, y + 50]]}));
        }
    }
    let page = serde_json::json!({"ocr_results": results}).to_string();
    let p = Pipeline::new(Options::default()).unwrap();
    let page = p.process_bytes("gen.json", page.as_bytes()).unwrap();
    let boxes: usize = page
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .chain(&page.leftovers)
        .filter_map(|b| b.provenance.boxes.as_ref())
        .map(Vec::len)
        .sum::<usize>()
        + page.removed.iter().filter_map(|r| r.provenance.boxes.as_ref()).map(Vec::len).sum::<usize>();
    let heads: usize = page.articles.iter().flat_map(|a| &a.heads).filter_map(|h| h.provenance.boxes.as_ref()).map(Vec::len).sum();
    // Every box is drawn once: a headline box in its head (no block of its own), the
    // others in blocks, leftovers or removed.
    assert_eq!(heads + boxes, 200, "{heads} boxes in heads, {boxes} in blocks");
    assert!(heads >= 4, "{heads} boxes in heads");
    let html = write::view::html(&page, &write::view::ViewOptions::default());
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
    let drawn = page.articles.iter().flat_map(|a| &a.blocks).chain(&page.leftovers).filter(|b| b.provenance.bbox.is_some()).count()
        + page.removed.iter().filter(|r| r.provenance.bbox.is_some()).count()
        + page.articles.iter().flat_map(|a| &a.heads).filter(|h| h.provenance.bbox.is_some()).count();
    assert_eq!(html.matches("<g class=\"box").count(), drawn);
}
