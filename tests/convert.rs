//! Script conversion (`--convert`) on pages written in Traditional script: the layout
//! found is the same with and without conversion, every text field but `removed` is
//! converted, and the converted text is OpenCC's.
//!
//! Every expected converted string below was produced by Debian 12's OpenCC 1.1.6
//! command-line tool (`opencc -c CONFIG.json`, package `opencc` 1.1.6+ds1-1), is
//! also what ferrous-opencc 0.4.0 gives, and was checked against OpenCC 1.4.2 (PyPI
//! `opencc` 1.4.2, whose tables the default `builtin` backend uses); the one
//! sentence where OpenCC 1.4 changed its tables says so. These tests pass with every
//! backend (default, `--features ferrous-opencc`, `--features system-opencc`).

use std::path::Path;
use std::process::Command;

use banmian::{Article, BlockKind, Config, Converter, JumpDirection, Options, Overrides, Page, Pipeline};

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
        // OpenCC 1.4 dropped 透過 → 通過 from TWPhrasesRev (OpenCC commit 1e29fed9, "remove
        // over-conversion of 通過→透過 in s2twp/tw2sp", #1162): 1.4.2 keeps 透过.
        (
            Config::Tw2sp,
            "商圈發展協會協助店家使用軟體，並透過網路平臺公開資訊。",
            if Converter::BACKEND == "builtin" {
                "商圈发展协会协助店家使用软件，并透过网络平台公开信息。"
            } else {
                "商圈发展协会协助店家使用软件，并通过网络平台公开信息。"
            },
        ),
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

/// Words Chinese papers print often, as (Simplified, Traditional in OpenCC's standard
/// forms): each must convert right both ways, s2t and t2s, alone and in a run of
/// them. Many are one-to-many characters (发 髮/發, 历 歷/曆, 干 乾/幹/干, 后 後/后,
/// 里 裏/里, 只 隻/只, 复 複/復/覆, 台 臺/颱/台, 松 鬆/松, 征 徵/征, 获 獲/穫, 系 係/繫/系,
/// 饥 飢/饑) that OpenCC 1.1/1.3's tables get wrong in some of these words (s2t 发表
/// → 髮表, 历程 → 曆程). The pairs were written by hand and agree with OpenCC 1.4.2
/// (PyPI `opencc` 1.4.2, `OpenCC("s2t")`/`OpenCC("t2s")`).
const NEWSPAPER_WORDS: &[(&str, &str)] = &[
    ("发表", "發表"),
    ("历程", "歷程"),
    ("于是", "於是"),
    ("里程", "里程"),
    ("后来", "後來"),
    ("皇后", "皇后"),
    ("面条", "麪條"),
    ("头发", "頭髮"),
    ("一干二净", "一乾二淨"),
    ("乾隆", "乾隆"),
    ("发展", "發展"),
    ("出发", "出發"),
    ("理发", "理髮"),
    ("干部", "幹部"),
    ("干净", "乾淨"),
    ("干涉", "干涉"),
    ("历史", "歷史"),
    ("日历", "日曆"),
    ("公里", "公里"),
    ("里面", "裏面"),
    ("一只", "一隻"),
    ("只有", "只有"),
    ("钟表", "鐘錶"),
    ("范围", "範圍"),
    ("系统", "系統"),
    ("联系", "聯繫"),
    ("关系", "關係"),
    ("制造", "製造"),
    ("制度", "制度"),
    ("复杂", "複雜"),
    ("恢复", "恢復"),
    ("答复", "答覆"),
    ("台风", "颱風"),
    ("放松", "放鬆"),
    ("松树", "松樹"),
    ("征收", "徵收"),
    ("长征", "長征"),
    ("获得", "獲得"),
    ("收获", "收穫"),
    ("旅游", "旅遊"),
    ("游泳", "游泳"),
    ("冲突", "衝突"),
    ("准备", "準備"),
    ("尽管", "儘管"),
    ("剩余", "剩餘"),
    ("斗争", "鬥爭"),
    ("北斗", "北斗"),
    ("云南", "雲南"),
    ("丰富", "豐富"),
    ("了解", "瞭解"),
    ("著作", "著作"),
    ("乾坤", "乾坤"),
    ("下面", "下面"),
    ("前后", "前後"),
    ("以后", "以後"),
    ("后天", "後天"),
    ("皇太后", "皇太后"),
    ("周年", "週年"),
    ("周恩来", "周恩來"),
    ("老板", "老闆"),
    ("开采", "開採"),
    ("文采", "文采"),
    ("签署", "簽署"),
    ("标签", "標籤"),
    ("冬天", "冬天"),
    ("严重", "嚴重"),
    ("合并", "合併"),
    ("并且", "並且"),
    ("只是", "只是"),
    ("船只", "船隻"),
    ("秋天", "秋天"),
    ("秋千", "鞦韆"),
    ("咸阳", "咸陽"),
    ("饥饿", "飢餓"),
    ("饥荒", "饑荒"),
];

#[test]
#[cfg_attr(
    any(feature = "ferrous-opencc", feature = "system-opencc"),
    ignore = "these words need OpenCC 1.4's tables: the default builtin backend"
)]
fn newspaper_words_convert_right_both_ways() {
    let s2t = Converter::new(Config::S2t).unwrap();
    let t2s = Converter::new(Config::T2s).unwrap();
    let mut wrong = Vec::new();
    for &(simplified, traditional) in NEWSPAPER_WORDS {
        let (to_t, to_s) = (s2t.convert(simplified), t2s.convert(traditional));
        if to_t != traditional || to_s != simplified {
            wrong.push(format!("{simplified} → {to_t} (want {traditional}); {traditional} → {to_s} (want {simplified})"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} words wrong:\n{}", wrong.len(), NEWSPAPER_WORDS.len(), wrong.join("\n"));
    let simplified: Vec<&str> = NEWSPAPER_WORDS.iter().map(|w| w.0).collect();
    let traditional: Vec<&str> = NEWSPAPER_WORDS.iter().map(|w| w.1).collect();
    assert_eq!(s2t.convert(&simplified.join("，")), traditional.join("，"));
    assert_eq!(t2s.convert(&traditional.join("，")), simplified.join("，"));
}

/// The sentence of shared case b30-s2t-fa-li-wan and its Taiwan and Hong Kong forms.
#[test]
#[cfg_attr(
    any(feature = "ferrous-opencc", feature = "system-opencc"),
    ignore = "these words need OpenCC 1.4's tables: the default builtin backend"
)]
fn published_and_history_in_a_sentence() {
    let text = "乙某的文章近日被发表在省报上，回顾了青石县的百年历程，全书共八万字。";
    for (config, expected) in [
        (Config::S2t, "乙某的文章近日被發表在省報上，回顧了青石縣的百年歷程，全書共八萬字。"),
        (Config::S2tw, "乙某的文章近日被發表在省報上，回顧了青石縣的百年歷程，全書共八萬字。"),
        (Config::S2hk, "乙某的文章近日被發表在省報上，回顧了青石縣的百年歷程，全書共八萬字。"),
    ] {
        assert_eq!(Converter::new(config).unwrap().convert(text), expected, "{config}");
    }
}

#[test]
fn overrides_win_over_the_tables() {
    // Without overrides, s2t writes 历程 as 歷程 (1.4) or 曆程 (older tables) and 青石县 as 青石縣.
    let mut overrides = Overrides::new();
    overrides.insert("青石县", "青石邑").unwrap();
    overrides.insert("青石", "靑石").unwrap();
    overrides.insert("百年历", "百年曆").unwrap();
    let c = Converter::with_overrides(Config::S2t, overrides).unwrap();
    // Longest match wins among the overrides (青石县 over 青石); the override 百年历
    // takes 历 away from the tables' 历程, so 程 is converted alone.
    assert_eq!(c.convert("回顾了青石县的百年历程，青石山"), "回顧了青石邑的百年曆程，靑石山");
    assert_eq!(c.convert(""), "");
    assert_eq!(c.convert("记者\0青石"), "記者\0靑石");
    // A later pair replaces an earlier one with the same `from`.
    let mut o = Overrides::new();
    o.insert("发", "發").unwrap();
    o.insert("发", "髮").unwrap();
    assert_eq!(o.len(), 1);
    assert_eq!(Converter::with_overrides(Config::S2t, o).unwrap().convert("头发"), "頭髮");
    assert!(Overrides::new().insert("", "x").is_err());
}

#[test]
fn override_files_are_read_and_bad_lines_named() {
    let o = Overrides::from_tsv("# archive names\n\n青石县\t青石縣城\r\n乙某\t\n").unwrap();
    assert_eq!(o.len(), 2);
    let c = Converter::with_overrides(Config::S2t, o).unwrap();
    assert_eq!(c.convert("乙某在青石县"), "在青石縣城");

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("names.tsv");
    std::fs::write(&bad, "青石县\t青石縣\n没有制表符\n").unwrap();
    let e = Overrides::from_tsv_file(&bad).unwrap_err();
    assert_eq!(e.position().line, Some(2));
    assert_eq!(e.position().path.as_deref(), Some(bad.as_path()));
    assert!(e.to_string().contains("not `from<TAB>to`"), "{e}");
    let missing = dir.path().join("missing.tsv");
    let e = Overrides::from_tsv_file(&missing).unwrap_err();
    assert!(matches!(e.kind(), banmian::ErrorKind::Io(_)), "{e}");
    assert_eq!(e.position().path.as_deref(), Some(missing.as_path()));
    std::fs::write(&bad, b"\xef\xbb\xbf\xe9\x9d\x92\t\xff\n").unwrap();
    let e = Overrides::from_tsv_file(&bad).unwrap_err();
    assert!(e.to_string().contains("not UTF-8"), "{e}");
    assert_eq!(e.position().byte, Some(7));
    std::fs::write(&bad, "\u{feff}青\t靑\n").unwrap();
    assert_eq!(Overrides::from_tsv_file(&bad).unwrap().len(), 1);
}

#[test]
fn cli_convert_dict_overrides_the_tables() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("names.tsv");
    std::fs::write(&dict, "黃志偉\t黄志玮\n觀塘\t官塘\n").unwrap();
    let dict_arg = dict.to_str().unwrap();
    let converted = json(&banmian(&["--convert", "t2s", "--convert-dict", dict_arg, HK_PAGE]));
    let a = &converted["articles"][1];
    assert_eq!(a["headline"], "官塘新社区会堂明年落成");
    assert_eq!(a["byline"], "本报讯（记者 黄志玮）");
    assert_eq!(a["authors"][0]["name"], "黄志玮");

    // A dictionary needs a configuration; a bad one is named with its line.
    let out = banmian(&["--convert-dict", dict_arg, HK_PAGE]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--convert-dict needs --convert") && err.contains("names.tsv"), "{err}");
    std::fs::write(&dict, "黃志偉 黄志玮\n").unwrap();
    let out = banmian(&["--convert", "t2s", "--convert-dict", dict_arg, HK_PAGE]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("names.tsv, line 1") && err.contains("not `from<TAB>to`"), "{err}");
}

/// Newspaper sentences where OpenCC's greedy longest match lets a two-character
/// phrase swallow the first character of the next word (被发|表, 百年|历程 read as
/// 年历, 上海|参加 as 海参): (Simplified, right s2t, OpenCC 1.4.2's s2t). banmian's
/// corrections (src/convert/corrections/STPhrases.txt) cite this test; the last
/// rows show that the words the corrections border on still convert as before.
const NEWSPAPER_SENTENCES: &[(&str, &str, &str)] = &[
    ("文章被发表在省报上", "文章被發表在省報上", "文章被髮表在省報上"),
    ("新规被发布后引起关注", "新規被發布後引起關注", "新規被髮布後引起關注"),
    ("通知被发出以后", "通知被發出以後", "通知被髮出以後"),
    ("这是一个百年历史的老店", "這是一個百年歷史的老店", "這是一個百年曆史的老店"),
    ("回顾五年历程", "回顧五年歷程", "回顧五年曆程"),
    ("经过多年历练", "經過多年歷練", "經過多年曆練"),
    ("踏上新征程", "踏上新征程", "踏上新徵程"),
    ("这是伟大斗争的胜利", "這是偉大鬥爭的勝利", "這是偉大斗爭的勝利"),
    ("他去上海参加会议", "他去上海參加會議", "他去上海蔘加會議"),
    ("有人参与讨论", "有人參與討論", "有人蔘與討論"),
    ("代表团在上海参观访问", "代表團在上海參觀訪問", "代表團在上海蔘觀訪問"),
    ("揭露敌人制造的谣言", "揭露敵人製造的謠言", "揭露敵人制造的謠言"),
    ("他是一个好干部", "他是一個好幹部", "他是一個好乾部"),
    ("审查干部的材料", "審查幹部的材料", "審查干部的材料"),
    ("海参加工企业", "海蔘加工企業", "海蔘加工企業"),
    ("查干湖冬捕开始", "查干湖冬捕開始", "查干湖冬捕開始"),
    ("新年历已经印好", "新年曆已經印好", "新年曆已經印好"),
    ("被发左衽", "被髮左衽", "被髮左衽"),
];

#[test]
#[cfg_attr(
    any(feature = "ferrous-opencc", feature = "system-opencc"),
    ignore = "banmian's corrections are part of the default builtin backend"
)]
fn newspaper_sentences_convert_right() {
    let s2t = Converter::new(Config::S2t).unwrap();
    let t2s = Converter::new(Config::T2s).unwrap();
    let s2tw = Converter::new(Config::S2tw).unwrap();
    for &(simplified, traditional, opencc) in NEWSPAPER_SENTENCES {
        assert_eq!(s2t.convert(simplified), traditional, "s2t {simplified}");
        assert_eq!(t2s.convert(traditional), simplified, "t2s {traditional}");
        if traditional != opencc {
            // s2tw shares the S→T phrases; the corrected sentences have no Taiwan variants.
            assert_eq!(s2tw.convert(simplified), traditional, "s2tw {simplified}");
        }
    }
    let fixed = NEWSPAPER_SENTENCES.iter().filter(|(_, right, opencc)| right != opencc).count();
    assert_eq!(fixed, 14, "rows that OpenCC 1.4.2 gets wrong");
}
