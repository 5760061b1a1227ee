//! Script conversion (`--convert`) on pages written in Traditional script: the layout
//! found is the same with and without conversion, every text field but `removed` is
//! converted, and the converted text is OpenCC's.
//!
//! Every expected converted string below was produced by Debian 12's OpenCC 1.1.6
//! command-line tool (`opencc -c CONFIG.json`, package `opencc` 1.1.6+ds1-1) and is
//! also what ferrous-opencc 0.4.0 gives, so these tests pass with either backend
//! (default, or `--features system-opencc`).

use std::path::Path;
use std::process::Command;

use banmian::{Article, BlockKind, Config, Converter, JumpDirection, Options, Page, Pipeline};

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn pipeline(convert: Option<Config>) -> Pipeline {
    Pipeline::new(Options::default().convert(convert)).unwrap()
}

/// Hong Kong page (corpus/12_traditional.md): 「」 quotes, 本報訊（記者 X）, 上接/下轉.
const HK_PAGE: &str = "corpus/12_traditional.md";
/// Taiwan page (corpus/14_traditional_tw.txt): 民國 date, 記者X／臺北報導, 續見.
const TW_PAGE: &str = "corpus/14_traditional_tw.txt";

/// What layout recovery decided, without the text: which roles each article has,
/// its credits' shape, jumps, block kinds and input lines, and the leftovers' lines.
#[derive(Debug, PartialEq, Eq)]
struct Structure {
    page: (Option<u32>, Option<String>, Option<String>),
    articles: Vec<ArticleShape>,
    leftovers: Vec<(BlockKind, [usize; 2])>,
    removed: usize,
}

#[derive(Debug, PartialEq, Eq)]
struct ArticleShape {
    roles: [bool; 6],
    authors: usize,
    date: Option<String>,
    jumps: Vec<(JumpDirection, Option<u32>)>,
    blocks: Vec<(BlockKind, [usize; 2])>,
    lines: [usize; 2],
}

fn shape(a: &Article) -> ArticleShape {
    ArticleShape {
        roles: [&a.kicker, &a.headline, &a.subheadline, &a.rubric, &a.byline, &a.dateline].map(Option::is_some),
        authors: a.authors.len(),
        date: a.date.clone(),
        jumps: a.jumps.iter().map(|j| (j.direction, j.page)).collect(),
        blocks: a.blocks.iter().map(|b| (b.kind, b.lines)).collect(),
        lines: a.lines,
    }
}

fn structure(p: &Page) -> Structure {
    Structure {
        page: (p.page.number, p.page.label.clone(), p.page.date.clone()),
        articles: p.articles.iter().map(shape).collect(),
        leftovers: p.leftovers.iter().map(|b| (b.kind, b.lines)).collect(),
        removed: p.removed.len(),
    }
}

#[test]
fn opencc_output_for_checked_sentences() {
    let cases: &[(Config, &str, &str)] = &[
        (
            Config::T2s,
            "本報訊（記者 黃志偉）民政事務總署昨日表示，位於觀塘區的新社區會堂工程進展順利。（下轉第四版）",
            "本报讯（记者 黄志伟）民政事务总署昨日表示，位于观塘区的新社区会堂工程进展顺利。（下转第四版）",
        ),
        (
            Config::T2s,
            "樂團行政總裁說：「我們希望讓更多市民聽到『香港製造』的音樂。」",
            "乐团行政总裁说：「我们希望让更多市民听到『香港制造』的音乐。」",
        ),
        // Hong Kong variant 衞 (衛 elsewhere) becomes 卫.
        (
            Config::Hk2s,
            "衞生署提醒市民，市面上的口罩質素參差，選購時要留意包裝上的標籤。",
            "卫生署提醒市民，市面上的口罩质素参差，选购时要留意包装上的标签。",
        ),
        (
            Config::Hk2s,
            "新華社北京1月12日電（記者 林曉 何鑫）國家衞生健康委員會12日發布通知。",
            "新华社北京1月12日电（记者 林晓 何鑫）国家卫生健康委员会12日发布通知。",
        ),
        // Taiwan variant 臺 becomes 台; tw2s keeps Taiwan words (計程車), tw2sp does not.
        (Config::Tw2s, "臺北市公車明年起全面導入電子票證，計程車也將比照辦理。", "台北市公车明年起全面导入电子票证，计程车也将比照办理。"),
        (Config::Tw2s, "記者林美玲／臺北報導", "记者林美玲／台北报导"),
        (Config::Tw2sp, "商圈發展協會協助店家使用軟體，並透過網路平臺公開資訊。", "商圈发展协会协助店家使用软件，并通过网络平台公开信息。"),
        (
            Config::S2t,
            "本报讯（记者 尹明）12日，市十五届人大常委会第三十六次会议举行。（下转第五版）",
            "本報訊（記者 尹明）12日，市十五屆人大常委會第三十六次會議舉行。（下轉第五版）",
        ),
        (Config::S2t, "王兆力在市应对新冠肺炎疫情工作领导小组会议上强调", "王兆力在市應對新冠肺炎疫情工作領導小組會議上強調"),
        (Config::S2hk, "记者从市卫生健康委员会获悉，这里的面积为一千平方米。", "記者從市衞生健康委員會獲悉，這裏的面積為一千平方米。"),
    ];
    for &(config, input, expected) in cases {
        let c = Converter::new(config).unwrap();
        assert_eq!(c.convert(input), expected, "{config} with {}", Converter::BACKEND);
    }
}

#[test]
fn hong_kong_page_keeps_its_layout_under_hk2s() {
    let text = read(HK_PAGE);
    let printed = pipeline(None).process(HK_PAGE, &text);
    let converted = pipeline(Some(Config::Hk2s)).process(HK_PAGE, &text);
    assert_eq!(structure(&converted), structure(&printed));
    assert_eq!(converted.articles.len(), 5);

    let a = &printed.articles[1];
    assert_eq!(a.headline.as_deref(), Some("觀塘新社區會堂明年落成"));
    assert_eq!(a.byline.as_deref(), Some("本報訊（記者 黃志偉）"));

    let a = &converted.articles[0];
    assert_eq!((a.jumps[0].text.as_str(), a.jumps[0].label.as_str()), ("上接第一版", "第一版"));
    assert_eq!(
        a.blocks[1].text,
        "发言人指出，特区政府会与内地有关部门保持紧密沟通，视乎实际情况逐步增加名额及开放更多口岸，「目标是尽快全面恢复正常通关」。"
    );
    let a = &converted.articles[1];
    assert_eq!(a.headline.as_deref(), Some("观塘新社区会堂明年落成"));
    assert_eq!(a.byline.as_deref(), Some("本报讯（记者 黄志伟）"));
    assert_eq!(a.dateline.as_deref(), Some("本报讯"));
    assert_eq!((a.authors[0].name.as_str(), a.authors[0].role.as_deref()), ("黄志伟", Some("记者")));
    assert_eq!((a.jumps[0].direction, a.jumps[0].page, a.jumps[0].text.as_str()), (JumpDirection::ContinuedOn, Some(4), "下转第四版"));
    let a = &converted.articles[2];
    assert_eq!(a.byline.as_deref(), Some("新华社北京1月12日电（记者 林晓 何鑫）"));
    assert_eq!(a.authors[1].org.as_deref(), Some("新华社"));
    assert_eq!(a.date.as_deref(), Some("2023-01-12"));
    let a = &converted.articles[3];
    assert_eq!(a.headline.as_deref(), Some("「港乐新声」音乐会下月举行"));
    assert_eq!(
        a.text.lines().nth(1),
        Some("乐团行政总裁说：「我们希望让更多市民听到『香港制造』的音乐，也给年轻作曲家一个展示自己的舞台。」")
    );
    assert_eq!(converted.articles[4].headline.as_deref(), Some("新春花市下周开锣 十五个场地设摊位逾三千个"));
    assert_eq!(converted.leftovers[0].text, "港闻 2023年1月13日 星期五");
}

#[test]
fn taiwan_page_keeps_its_layout_under_tw2s() {
    let text = read(TW_PAGE);
    let printed = pipeline(None).process(TW_PAGE, &text);
    let converted = pipeline(Some(Config::Tw2s)).process(TW_PAGE, &text);
    assert_eq!(structure(&converted), structure(&printed));
    assert_eq!((converted.page.number, converted.page.date.as_deref()), (Some(4), Some("2023-03-08")));

    let a = &converted.articles[0];
    assert_eq!(a.kicker.as_deref(), Some("市长在市政会议上强调"));
    assert_eq!(a.headline.as_deref(), Some("加速兴建社会住宅 照顾青年居住需求"));
    assert_eq!(a.subheadline.as_deref(), Some("副市长主持会议"));
    assert_eq!(a.byline.as_deref(), Some("本报记者 陈怡君 通讯员 王建明"));
    assert_eq!(
        a.authors.iter().map(|p| (p.name.as_str(), p.role.as_deref(), p.org.as_deref())).collect::<Vec<_>>(),
        [("陈怡君", Some("记者"), Some("本报")), ("王建明", Some("通讯员"), None)]
    );
    assert_eq!(a.jumps[0].text, "下转第五版");
    let a = &converted.articles[1];
    assert_eq!(a.subheadline.as_deref(), Some("交通部长出席"));
    assert_eq!(a.authors[1].role.as_deref(), Some("实习生"));
    assert_eq!(a.blocks[2].kind, BlockKind::Caption);
    assert_eq!(a.blocks[2].text, "图为捷运环状线北环段动工典礼现场。记者张志豪摄");
    assert_eq!(converted.articles[2].authors[0].role.as_deref(), Some("特约记者"));
    let a = &converted.articles[3];
    assert_eq!((a.byline.as_deref(), a.dateline.as_deref()), (Some("记者林美玲／台北报导"), Some("台北报导")));
    assert_eq!(a.blocks[0].text, "台北市公车明年起全面导入电子票证，悠游卡、一卡通及行动支付都能使用，计程车也将比照办理。");
    assert_eq!((a.jumps[0].direction, a.jumps[0].text.as_str()), (JumpDirection::ContinuedOn, "续见第五版"));
    assert_eq!(converted.leftovers[1].text, "第四版 地方新闻 责任编辑：林美玲");
}

/// Detection runs before conversion, so converting the output is the same as
/// processing text that was converted first: the layout does not depend on the script.
#[test]
fn converting_the_page_first_gives_the_same_page() {
    for (path, config) in [(HK_PAGE, Config::T2s), (HK_PAGE, Config::Hk2s), (TW_PAGE, Config::Tw2s), (TW_PAGE, Config::T2s)] {
        let text = read(path);
        let pre_converted = Converter::new(config).unwrap().convert(&text);
        let simplified_input = pipeline(None).process(path, &pre_converted);
        let converted_output = pipeline(Some(config)).process(path, &text);
        assert_eq!(converted_output, simplified_input, "{path} with {config}");
    }
}

#[test]
fn simplified_page_to_traditional_with_s2t() {
    let page = "\
## 市十五届人大常委会第三十六次会议举行

赵铭主持会议

本报讯(记者 尹明)12日,市十五届人大常委会第三十六次会议举行。(下转第五版)
";
    let printed = pipeline(None).process("-", page);
    let converted = pipeline(Some(Config::S2t)).process("-", page);
    assert_eq!(structure(&converted), structure(&printed));
    let a = &converted.articles[0];
    assert_eq!(a.headline.as_deref(), Some("市十五屆人大常委會第三十六次會議舉行"));
    assert_eq!(a.subheadline.as_deref(), Some("趙銘主持會議"));
    assert_eq!(a.byline.as_deref(), Some("本報訊（記者 尹明）"));
    assert_eq!(a.text, "12日，市十五屆人大常委會第三十六次會議舉行。");
    assert_eq!(a.jumps[0].text, "下轉第五版");
}

#[test]
fn removed_text_keeps_the_printed_script() {
    // The second article repeats the first one's paragraph: the copy goes to `removed`.
    let page = "\
## 觀塘新社區會堂明年落成

本報訊（記者 黃志偉）民政事務總署昨日表示，位於觀塘區的新社區會堂工程進展順利，預計明年第三季落成啟用。

觀塘區議會主席表示，區內人口近七十萬，現有社區設施長期不敷應用。

## 新春花市下周開鑼

本報訊（記者 何詠詩）康樂及文化事務署公布，今年年宵市場將於下周一起一連七日舉行。

觀塘區議會主席表示，區內人口近七十萬，現有社區設施長期不敷應用。
";
    let converted = pipeline(Some(Config::T2s)).process("-", page);
    assert_eq!(converted.removed.len(), 1);
    assert_eq!(converted.removed[0].text, "觀塘區議會主席表示，區內人口近七十萬，現有社區設施長期不敷應用。");
    assert_eq!(converted.articles[0].blocks[1].text, "观塘区议会主席表示，区内人口近七十万，现有社区设施长期不敷应用。");
}

fn banmian(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_banmian")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn cli_convert_option_on_a_traditional_page() {
    let printed = json(&banmian(&[HK_PAGE]));
    let converted = json(&banmian(&["--convert", "t2s", HK_PAGE]));
    let a = &printed["articles"][1];
    assert_eq!(a["byline"], "本報訊（記者 黃志偉）");
    assert_eq!(a["jumps"][0]["text"], "下轉第四版");
    let a = &converted["articles"][1];
    assert_eq!(a["headline"], "观塘新社区会堂明年落成");
    assert_eq!(a["byline"], "本报讯（记者 黄志伟）");
    assert_eq!(a["authors"][0]["name"], "黄志伟");
    assert_eq!(a["authors"][0]["role"], "记者");
    assert_eq!(a["jumps"][0]["text"], "下转第四版");
    assert_eq!(a["jumps"][0]["page"], 4);
    // The same layout: every article spans the same lines, every block keeps its kind and lines.
    for key in ["lines", "date"] {
        let pick = |p: &serde_json::Value| p["articles"].as_array().unwrap().iter().map(|a| a[key].clone()).collect::<Vec<_>>();
        assert_eq!(pick(&converted), pick(&printed), "{key}");
    }
    let blocks = |p: &serde_json::Value| {
        p["articles"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|a| a["blocks"].as_array().unwrap().iter().map(|b| (b["kind"].clone(), b["lines"].clone())))
            .collect::<Vec<_>>()
    };
    assert_eq!(blocks(&converted), blocks(&printed));
}

#[test]
fn cli_rejects_an_unknown_configuration() {
    let out = banmian(&["--convert", "t2x", HK_PAGE]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown configuration \"t2x\""), "{err}");
    assert!(err.contains("hk2s"), "{err}");
}

/// One converter, shared by reference, gives every thread the same output (with the
/// system backend this exercises OpenCC's converter from several threads at once).
#[test]
fn one_converter_serves_many_threads() {
    let text = read(HK_PAGE);
    let pipeline = pipeline(Some(Config::Hk2s));
    let expected = pipeline.process(HK_PAGE, &text);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| (0..10).map(|_| pipeline.process(HK_PAGE, &text)).collect::<Vec<_>>())).collect();
        for h in handles {
            for page in h.join().unwrap() {
                assert_eq!(page, expected);
            }
        }
    });
}
