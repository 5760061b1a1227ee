//! One lexicon of cue words, written once in Simplified Chinese; the Traditional, Hong
//! Kong and Taiwan forms are generated through OpenCC into [`table`] (the checked-in
//! `table.rs`, "generated, do not edit"), which the rules read.
//!
//! To change a list: edit [`SOURCE`] here, then regenerate the table with
//! `cargo run --example lexicon > src/rules/lexicon/table.rs`; a test fails when the
//! table is not what [`generate`] makes of the source with the default OpenCC backend.
//! A variant OpenCC does not produce goes in the family's `manual` list, with the
//! reason.
//!
//! Each form of a word is kept once, in the order: the word, then its `s2t`, `s2hk`
//! and `s2tw` forms; the manual additions last. The lists are read order-free (any
//! ending, or the longest match), so the order is only for the reader.

use crate::convert::Config;

#[rustfmt::skip]
pub mod table;

/// A family of cue words: the source of one list of [`table`].
#[derive(Debug, Clone, Copy)]
pub struct Family {
    /// The name of its constant in [`table`].
    pub name: &'static str,
    /// What the words cue, for the table's doc comment.
    pub doc: &'static str,
    /// The words, in Simplified Chinese (and script-neutral forms, such as `:`).
    pub words: &'static [&'static str],
    /// Forms OpenCC does not produce from `words`, kept by hand.
    pub manual: &'static [&'static str],
}

/// The OpenCC configurations whose forms the table holds.
pub const VARIANTS: &[Config] = &[Config::S2t, Config::S2hk, Config::S2tw];

/// Every family, in the table's order.
pub const SOURCE: &[Family] = &[
    Family {
        name: "KICKER_ENDS",
        doc: "Endings of a kicker (引题): a line that introduces what someone said (…强调).",
        words: &[
            "强调", "指出", "要求", "表示", "提出", "希望", "寄语", "批示", "指示", "致信", "讲话", "回信", "贺信", "号召", "宣布",
            "透露", "说", "：", ":",
        ],
        manual: &[],
    },
    Family {
        name: "SUBHEAD_ENDS",
        doc: "Endings of a subheadline (副题) naming who attended or chaired (X出席, X主持会议).",
        words: &[
            "出席", "主持", "主持会议", "出席会议", "出席并讲话", "参加", "陪同", "会见", "致辞", "作报告", "讲话并主持", "等出席",
            "参加会议",
        ],
        manual: &[],
    },
    Family {
        name: "ROLES",
        doc: "Printed roles in a credit (记者, 通讯员, 摄影); matched longest first, so 特约记者 wins over 记者.",
        words: &[
            "特约评论员", "特约记者", "见习记者", "实习记者", "摄影记者", "首席记者", "本报评论员", "记者", "通讯员", "实习生",
            "评论员", "撰稿人", "摄影", "文/图", "文／图", "图/文", "特派员",
            // the investigators credited under an investigation report (调查报告):
            // 《江城日报》《前哨》杂志调查员 (the lead of a tabloid of ../shared/realpages/bha25-tabloids, issue 14)
            "调查员",
        ],
        manual: &[],
    },
    Family {
        name: "ORG_SUFFIXES",
        doc: "Endings of an organisation's name: the issuing body of a signature (落款).",
        words: &[
            "支队", "大队", "总局", "分局", "处", "所", "站", "馆", "团", "联合会", "中心", "委员会", "指挥部", "政府", "办公室",
            "办公厅", "局", "厅", "部", "委", "院", "会", "公司", "集团", "协会", "学会", "银行", "小组", "支部", "党委", "办事处",
            "编辑部", "司令部", "总队", "大学", "学校", "医院",
        ],
        manual: &[],
    },
    Family {
        name: "CLOSING_FORMULAS",
        doc: "Words that close a signed notice after the signer's name (上海市商会 启, 某某 谨启): the line is a signature (落款).",
        words: &["谨启", "敬启", "启"],
        manual: &[],
    },
    Family {
        name: "MEDIA_SUFFIXES",
        doc: "Endings of a news organisation's name printed before a role (黑龙江日报, 哈尔滨电视台).",
        words: &["日报", "晚报", "报", "社", "台", "网", "杂志"],
        manual: &[],
    },
    Family {
        name: "JUMP_VERBS",
        doc: "Verbs of a jump marker (下转第五版, 上接第一版), in the order the pattern tries them (转至 before 转).",
        words: &["下转", "下接", "转至", "转见", "转", "上接", "紧接", "接上", "接", "续见", "续", "承"],
        manual: &[],
    },
    Family {
        name: "JUMP_ON_VERBS",
        doc: "The jump verbs that say the article goes on elsewhere (下转); the others say where it came from (上接).",
        words: &["下转", "下接", "转至", "转见", "续见", "转"],
        manual: &[],
    },
    Family {
        name: "JUMP_DISTINCTIVE_VERBS",
        doc: "Jump verbs that make a marker even inside a sentence, without brackets (下转, 上接, 紧接).",
        words: &["下转", "上接", "紧接"],
        manual: &[],
    },
    Family {
        name: "CAPTION_OPENINGS",
        doc: "Openings of a caption (图片说明): 图为…, 上图…, 题图….",
        words: &["图为", "图：", "图:", "上图", "下图", "左图", "右图", "图片说明", "题图"],
        manual: &[],
    },
    Family {
        name: "CAPTION_ENDINGS",
        doc: "Endings of a caption, before an optional closing bracket: …摄, …供图, 新华社发.",
        words: &["摄", "摄影", "供图", "资料图片", "新华社发"],
        manual: &[],
    },
    Family {
        name: "AGENCIES",
        doc: "News sources a dateline names (本报讯, 新华社北京1月12日电, 据中新社电).",
        words: &[
            "本报", "新华社", "中新社", "中央社", "中新网", "人民网", "央视网", "光明网", "法新社", "路透社", "美联社", "共同社",
            "塔斯社", "合众社", "哈瓦斯", "国民社", "电通社", "海通社", "法国新闻社",
        ],
        manual: &[],
    },
    Family {
        name: "DATELINE_ENDS",
        doc: "Endings of a dateline (…电, …讯, …消息).",
        words: &["电", "讯", "消息", "专电"],
        manual: &[],
    },
    Family {
        name: "SPECIAL_DISPATCH",
        doc: "A paper's own special dispatch with no agency named (南京 十五日專電).",
        words: &["专电"],
        manual: &[],
    },
    Family {
        name: "WIRE_AGENCIES",
        doc: "News agencies a reporter's dispatch is credited to (新华社记者 X): the author's organisation.",
        words: &["新华社", "中新社", "中央社", "法新社", "路透社", "美联社", "共同社", "塔斯社", "合众社", "法国新闻社"],
        manual: &[],
    },
    Family {
        name: "KNOWN_ORGS",
        doc: "Organisations printed before a role without brackets or a media ending (本报记者, 新华社记者).",
        words: &["本报", "新华社", "中新社", "中央社"],
        manual: &[],
    },
    Family {
        name: "REPORTED",
        doc: "The word after the place in a Taiwan credit (記者張志豪／臺北報導).",
        words: &["报道", "报导"],
        manual: &[],
    },
    Family {
        name: "OWN_CORRESPONDENCE",
        doc: "Endings of the paper's own correspondence credited on its own line (本報廣州特約通信), longest first.",
        words: &["特约通信", "通信"],
        manual: &[],
    },
    Family {
        name: "SECTIONS",
        doc: "Section names printed beside the paper's name in a page header (滨江日报 要闻).",
        words: &[
            "要闻", "综合", "国内", "国际", "经济", "社会", "文化", "体育", "副刊", "评论", "专版", "地方", "民生", "时政", "财经",
            "港闻", "新闻",
        ],
        manual: &[],
    },
    Family {
        name: "WEEKDAY_WORDS",
        doc: "Words before the day of a printed weekday (星期一, 礼拜三, 周五).",
        words: &["星期", "礼拜", "周"],
        // OpenCC keeps 周 (week) as it is; 週 is the Traditional form printed on
        // Hong Kong and Taiwan pages.
        manual: &["週"],
    },
    Family {
        name: "STAFF_CREDITS",
        doc: "Page staff in a header or footer (责任编辑, 美编, 校对), in the order the pattern tries them (longest first).",
        words: &["责任编辑", "本版编辑", "美术编辑", "责编", "美编", "版式设计", "校对", "编辑", "制图"],
        manual: &[],
    },
    Family {
        name: "MASTHEAD_WORDS",
        doc: "Words of the masthead and the imprint (邮发代号, 广告热线, 定价): the line is page furniture.",
        words: &[
            "国内统一连续出版物号", "邮发代号", "农历", "本报地址", "社址", "广告热线", "订阅热线", "新闻热线", "投稿邮箱", "邮政编码",
            "传真", "印刷", "零售价", "定价",
        ],
        manual: &[],
    },
    Family {
        name: "PAPER_ENDS",
        doc: "Endings of a paper's name standing alone as a header (滨江日报, 申报).",
        words: &["日报", "晚报", "时报", "商报", "早报", "报"],
        manual: &[],
    },
    Family {
        name: "JUMP_CUT_VERBS",
        doc: "Jump verbs a line may end with when the marker is cut in two at the line's end (（下转 / 第五版）).",
        words: &["下转", "上接", "紧接", "转", "接"],
        manual: &[],
    },
    Family {
        name: "ROC_ERA",
        doc: "The era of a Republic of China year (中华民国112年, 民国三十七年), longest first.",
        words: &["中华民国", "民国"],
        manual: &[],
    },
    Family {
        name: "ACCORDING_TO",
        doc: "The word before the source a dateline quotes (据新华社电).",
        words: &["据"],
        manual: &[],
    },
    Family {
        name: "DATELINE_ROLES",
        doc: "The role of a reporter named inside a dateline (中央社记者程宛婷北港15日电).",
        words: &["记者"],
        manual: &[],
    },
    Family {
        name: "OWN_PAPER",
        doc: "The paper speaking of itself before its own correspondence (本报广州特约通信).",
        words: &["本报"],
        manual: &[],
    },
    Family {
        name: "PHOTO_TAKEN",
        doc: "The mark closing a photo credit (记者郁成摄): the credit belongs to a caption.",
        words: &["摄"],
        manual: &[],
    },
    Family {
        name: "CREDIT_MARKS",
        doc: "Marks before a person in a split credit, with a half- or full-width slash: 文/ (the text), 图/ (the photos).",
        words: &["文/", "文／", "图/", "图／"],
        manual: &[],
    },
    Family {
        name: "DAY_MARKS",
        doc: "The word after the day of a printed date (1月12日, 1月12号).",
        words: &["日", "号"],
        manual: &[],
    },
    Family {
        name: "PAGE_UNITS",
        doc: "The unit after a page number in a page label (第3版, 第四张: a sheet of a Republican paper).",
        words: &["版", "页", "张"],
        manual: &[],
    },
    Family {
        name: "JUMP_PAGE_UNITS",
        doc: "The unit after the page a jump marker names (下转第五版, 续见第3页, 转第二面).",
        words: &["版", "页", "面", "张"],
        manual: &[],
    },
    Family {
        name: "NUMERAL_TWO",
        doc: "Forms of two other than 二 in the page number of a jump marker (下转第两版).",
        words: &["两"],
        manual: &[],
    },
    Family {
        name: "CONTINUATION_OPENERS",
        doc: "Openings of a paragraph that says it continues an article from another page (接上, 续前).",
        words: &["接上", "（接上", "(接上", "续前", "上接"],
        manual: &[],
    },
    Family {
        name: "SHEET_UNITS",
        doc: "The page units of a page label that number a Republican paper's sheets (第四张, four pages each), not its pages.",
        words: &["张"],
        manual: &[],
    },
    Family {
        name: "EDITOR_NOTE_LABELS",
        doc: "Labels that open an editor's note (编者按, 编后 and its forms).",
        words: &["编者按", "编后语", "编后"],
        manual: &[],
    },
    Family {
        name: "BARE_STAFF_WORDS",
        doc: "The staff credits that also end a person's title in running text (副总编辑): page staff only at a line's start or before a colon.",
        words: &["校对", "编辑", "制图"],
        manual: &[],
    },
    Family {
        name: "QUOTATION_LABELS",
        doc: "Labels printed as the first line of a boxed quotation (毛主席语录, 最高指示), as set on Chinese tabloids and leaflets of 1966-1976 (issue 14): the box's label, never a credit.",
        words: &[
            "毛主席语录", "最高指示", "最新指示", "毛主席最新指示", "毛主席教导我们", "伟大领袖毛主席教导我们", "林副主席指示",
            "马克思语录", "列宁语录", "鲁迅语录",
        ],
        manual: &[],
    },
    Family {
        name: "COMMON_SURNAMES",
        doc: "Common single-character family names (about the hundred most frequent of the household-register counts): the first character of a bare name set alone under a headline (任平, a commentary's signed name; stages/classify.rs). A headline of two or three characters is more often no name; the list keeps that rule to likely names. 于, 余 and 范 are left out: their Traditional forms here (於, 餘, 範) open common words, not names.",
        words: &[
            "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
            "梁", "宋", "郑", "谢", "韩", "唐", "冯", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
            "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
            "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史",
            "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文",
            "严", "牛",
        ],
        manual: &[],
    },
    Family {
        name: "KICKER_GENRES",
        doc: "Endings of a kicker (引题) naming the series or genre of the report under it (县域教育均衡发展调查, …流域生态保护修复见闻, …纪实, …侧记): papers set the genre in the kicker and the story's own words in the headline. Counted over the golds (2026-12-01): 2 of 8 kickers of the committed set end so, none of the 184 headlines and 12 subheadlines (committed set 44 and 6, local 人民日报 71 and 2, local 申報 62 and 0, seed 7 and 4).",
        words: &["调查", "见闻", "纪实", "侧记", "巡礼", "纪行"],
        manual: &[],
    },
    Family {
        name: "WRITING_KINDS",
        doc: "Kinds of piece a paper names after a role with no one named: 评论员文章, 本报评论员文章, 记者手记, 评论员观察 (a role of ROLES, then one of these): a column label (栏目, the rubric), never a credit naming a person 文章 (issue 13, eval m005).",
        words: &["文章", "专栏", "手记", "观察", "札记"],
        manual: &[],
    },
    Family {
        name: "FEATURE_REPORTS",
        doc: "What a Taiwan credit names in the place of a place before 报导 (記者X／專題報導, a feature; 獨家報導, an exclusive): the kind of report, not where it was filed from, so no dateline (issue 13, eval m011). 综合 (compiled from several sources, tests/gold/14_traditional_tw) is not one of them.",
        words: &["专题", "独家", "深度", "特别"],
        manual: &[],
    },
];

/// A regex alternation of `words`, escaped, in their order (`a|b|c`): a pattern
/// built from a list of [`table`] instead of typing its forms again.
pub fn alternation(words: &[&str]) -> String {
    words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// The distinct first characters of `words`, in order: the set a prefilter tests a
/// text's opening against (a text opening with none of them opens with no word).
pub fn first_chars(words: &[&str]) -> Vec<char> {
    distinct(words.iter().filter_map(|w| w.chars().next()))
}

/// The distinct last characters of `words`, in order: the set a prefilter tests a
/// text's end against.
pub fn last_chars(words: &[&str]) -> Vec<char> {
    distinct(words.iter().filter_map(|w| w.chars().next_back()))
}

/// The distinct characters of every word of `lists`, in order: the characters a
/// pattern built from those lists can match.
pub fn every_char(lists: &[&[&str]]) -> Vec<char> {
    distinct(lists.iter().flat_map(|words| words.iter().flat_map(|w| w.chars())))
}

fn distinct(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut out = Vec::new();
    for c in chars {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The forms of the words of `family`: each word, then its forms under
/// [`VARIANTS`] (`convert(config, word)`), each kept once, then the manual additions.
pub fn forms(family: &Family, convert: &dyn Fn(Config, &str) -> String) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |w: String| {
        if !out.contains(&w) {
            out.push(w);
        }
    };
    for w in family.words {
        push(w.to_string());
        for &config in VARIANTS {
            push(convert(config, w));
        }
    }
    for w in family.manual {
        push(w.to_string());
    }
    out
}

/// The text of `table.rs` for [`SOURCE`], converting with `convert`.
pub fn generate(convert: &dyn Fn(Config, &str) -> String) -> String {
    let mut s = String::from(
        "// Generated by `cargo run --example lexicon` from the lists in src/rules/lexicon/mod.rs,\n\
         // with OpenCC (s2t, s2hk, s2tw) through banmian's default backend. Do not edit.\n\
         \n\
         //! The cue words of [`super::SOURCE`] with their Traditional, Hong Kong and Taiwan forms.\n",
    );
    for f in SOURCE {
        s.push_str(&format!("\n/// {}\npub const {}: &[&str] = &[\n", f.doc, f.name));
        for w in forms(f, convert) {
            s.push_str(&format!("    {w:?},\n"));
        }
        s.push_str("];\n");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists as they were typed by hand before the lexicon (issue 10), every
    /// Simplified and Traditional form of them.
    const BY_HAND: &[(&str, &[&str])] = &[
        ("KICKER_ENDS", &[
            "强调", "強調", "指出", "要求", "表示", "提出", "希望", "寄语", "寄語", "批示", "指示", "致信", "讲话", "講話", "回信",
            "贺信", "賀信", "号召", "號召", "宣布", "透露", "说", "說", "：", ":",
        ]),
        ("SUBHEAD_ENDS", &[
            "出席", "主持", "主持会议", "主持會議", "出席会议", "出席會議", "出席并讲话", "出席並講話", "参加", "參加", "陪同",
            "会见", "會見", "致辞", "致辭", "作报告", "作報告", "讲话并主持", "等出席", "参加会议", "參加會議",
        ]),
        ("ROLES", &[
            "特约评论员", "特約評論員", "特约记者", "特約記者", "见习记者", "見習記者", "实习记者", "實習記者",
            "摄影记者", "攝影記者", "首席记者", "首席記者", "本报评论员", "記者", "记者", "通讯员", "通訊員",
            "实习生", "實習生", "评论员", "評論員", "撰稿人", "摄影", "攝影", "文/图", "文／图", "图/文", "圖/文", "文/圖", "特派员", "特派員",
        ]),
        ("ORG_SUFFIXES", &[
            "支队", "支隊", "大队", "大隊", "总局", "總局", "分局", "处", "處", "所", "站", "馆", "館", "团", "團", "联合会",
            "聯合會", "中心", "委员会", "委員會", "指挥部", "指揮部", "政府", "办公室", "辦公室", "办公厅", "辦公廳", "局", "厅",
            "廳", "部", "委", "院", "会", "會", "公司", "集团", "集團", "协会", "協會", "学会", "學會", "银行", "銀行", "小组",
            "小組", "支部", "党委", "黨委", "办事处", "辦事處", "编辑部", "編輯部", "司令部", "总队", "總隊", "大学", "大學",
            "学校", "學校", "医院", "醫院",
        ]),
        ("CLOSING_FORMULAS", &["谨启", "謹啟", "敬启", "敬啟", "启", "啟", "啓"]),
        ("MEDIA_SUFFIXES", &["日报", "日報", "晚报", "晚報", "报", "報", "社", "台", "网", "網", "杂志", "雜誌"]),
        ("JUMP_VERBS", &[
            "下转", "下轉", "下接", "转至", "轉至", "转见", "轉見", "转", "轉", "上接", "紧接", "緊接", "接上", "接", "续见", "續見",
            "续", "續", "承",
        ]),
        ("JUMP_ON_VERBS", &["下转", "下轉", "下接", "转至", "轉至", "转见", "轉見", "续见", "續見", "转", "轉"]),
        ("JUMP_DISTINCTIVE_VERBS", &["下转", "下轉", "上接", "紧接", "緊接"]),
        ("CAPTION_OPENINGS", &[
            "图为", "圖為", "图：", "圖：", "图:", "上图", "下图", "左图", "右图", "上圖", "下圖", "图片说明", "圖片說明", "题图",
            "題圖",
        ]),
        ("CAPTION_ENDINGS", &["摄", "攝", "摄影", "攝影", "供图", "供圖", "资料图片", "資料圖片", "新华社发", "新華社發"]),
        ("AGENCIES", &[
            "本报", "本報", "新华社", "新華社", "中新社", "中央社", "中新网", "中新網", "人民网", "人民網", "央视网", "央視網",
            "光明网", "光明網", "法新社", "路透社", "美联社", "美聯社", "共同社", "塔斯社", "合众社", "合眾社", "哈瓦斯", "国民社", "國民社",
            "电通社", "電通社", "海通社",
        ]),
        ("DATELINE_ENDS", &["电", "電", "讯", "訊", "消息", "专电", "專電"]),
        ("SPECIAL_DISPATCH", &["专电", "專電"]),
        ("WIRE_AGENCIES", &["新华社", "新華社", "中新社", "中央社", "法新社", "路透社", "美联社", "美聯社", "共同社", "塔斯社", "合众社", "合眾社"]),
        ("KNOWN_ORGS", &["本报", "本報", "新华社", "新華社", "中新社", "中央社"]),
        ("REPORTED", &["報導", "报导", "報道", "报道"]),
        ("OWN_CORRESPONDENCE", &["特约通信", "特約通信", "通信"]),
        ("SECTIONS", &[
            "要闻", "要聞", "综合", "綜合", "国内", "國內", "国际", "國際", "经济", "經濟", "社会", "社會", "文化", "体育", "體育",
            "副刊", "评论", "評論", "专版", "專版", "地方", "民生", "时政", "時政", "财经", "財經", "港闻", "港聞", "新闻", "新聞",
        ]),
        ("WEEKDAY_WORDS", &["星期", "礼拜", "禮拜", "周", "週"]),
        ("STAFF_CREDITS", &[
            "责任编辑", "責任編輯", "本版编辑", "本版編輯", "美术编辑", "美術編輯", "责编", "責編", "美编", "美編", "版式设计",
            "版式設計", "校对", "校對", "编辑", "編輯", "制图", "製圖",
        ]),
        ("MASTHEAD_WORDS", &[
            "国内统一连续出版物号", "國內統一連續出版物號", "邮发代号", "郵發代號", "农历", "農曆", "本报地址", "本報地址", "社址",
            "广告热线", "廣告熱線", "订阅热线", "訂閱熱線", "新闻热线", "新聞熱線", "投稿邮箱", "投稿郵箱", "邮政编码", "郵政編碼",
            "传真", "傳真", "印刷", "零售价", "零售價", "定价", "定價",
        ]),
        ("JUMP_CUT_VERBS", &["下转", "下轉", "上接", "紧接", "緊接", "转", "轉", "接"]),
        ("ROC_ERA", &["中華民國", "中华民国", "民國", "民国"]),
        ("PAPER_ENDS", &["日报", "日報", "晚报", "晚報", "时报", "時報", "商报", "商報", "早报", "早報", "报", "報"]),
        ("ACCORDING_TO", &["据", "據"]),
        ("DATELINE_ROLES", &["记者", "記者"]),
        ("OWN_PAPER", &["本报", "本報"]),
        ("PHOTO_TAKEN", &["摄", "攝"]),
        ("CREDIT_MARKS", &["文/", "文／", "图/", "图／", "圖/", "圖／"]),
        ("DAY_MARKS", &["日", "号", "號"]),
        ("PAGE_UNITS", &["版", "頁", "页", "張", "张"]),
        ("JUMP_PAGE_UNITS", &["版", "页", "頁", "面", "張", "张"]),
        ("NUMERAL_TWO", &["两", "兩"]),
        ("CONTINUATION_OPENERS", &["接上", "（接上", "(接上", "续前", "續前", "上接"]),
        ("BARE_STAFF_WORDS", &["校对", "校對", "编辑", "編輯", "制图", "製圖"]),
        ("SHEET_UNITS", &["張", "张"]),
        ("EDITOR_NOTE_LABELS", &["编者按", "編者按", "编后语", "編後語", "编后", "編後"]),
        ("QUOTATION_LABELS", &["毛主席语录", "毛主席語錄", "最高指示", "伟大领袖毛主席教导我们", "偉大領袖毛主席教導我們"]),
        ("COMMON_SURNAMES", &["王", "张", "張", "陈", "陳", "任", "钟", "鍾"]),
        ("KICKER_GENRES", &["调查", "調查", "见闻", "見聞", "纪实", "紀實", "侧记", "側記", "巡礼", "巡禮", "纪行", "紀行"]),
        ("WRITING_KINDS", &["文章", "专栏", "專欄", "手记", "手記", "观察", "觀察", "札记", "札記"]),
        ("FEATURE_REPORTS", &["专题", "專題", "独家", "獨家", "深度", "特别", "特別"]),
    ];

    fn table(name: &str) -> &'static [&'static str] {
        match name {
            "KICKER_ENDS" => table::KICKER_ENDS,
            "SUBHEAD_ENDS" => table::SUBHEAD_ENDS,
            "ROLES" => table::ROLES,
            "ORG_SUFFIXES" => table::ORG_SUFFIXES,
            "CLOSING_FORMULAS" => table::CLOSING_FORMULAS,
            "MEDIA_SUFFIXES" => table::MEDIA_SUFFIXES,
            "JUMP_VERBS" => table::JUMP_VERBS,
            "JUMP_ON_VERBS" => table::JUMP_ON_VERBS,
            "JUMP_DISTINCTIVE_VERBS" => table::JUMP_DISTINCTIVE_VERBS,
            "CAPTION_OPENINGS" => table::CAPTION_OPENINGS,
            "CAPTION_ENDINGS" => table::CAPTION_ENDINGS,
            "AGENCIES" => table::AGENCIES,
            "DATELINE_ENDS" => table::DATELINE_ENDS,
            "WIRE_AGENCIES" => table::WIRE_AGENCIES,
            "KNOWN_ORGS" => table::KNOWN_ORGS,
            "REPORTED" => table::REPORTED,
            "OWN_CORRESPONDENCE" => table::OWN_CORRESPONDENCE,
            "SECTIONS" => table::SECTIONS,
            "WEEKDAY_WORDS" => table::WEEKDAY_WORDS,
            "STAFF_CREDITS" => table::STAFF_CREDITS,
            "MASTHEAD_WORDS" => table::MASTHEAD_WORDS,
            "PAPER_ENDS" => table::PAPER_ENDS,
            "JUMP_CUT_VERBS" => table::JUMP_CUT_VERBS,
            "ROC_ERA" => table::ROC_ERA,
            "ACCORDING_TO" => table::ACCORDING_TO,
            "DATELINE_ROLES" => table::DATELINE_ROLES,
            "OWN_PAPER" => table::OWN_PAPER,
            "PHOTO_TAKEN" => table::PHOTO_TAKEN,
            "CREDIT_MARKS" => table::CREDIT_MARKS,
            "DAY_MARKS" => table::DAY_MARKS,
            "PAGE_UNITS" => table::PAGE_UNITS,
            "JUMP_PAGE_UNITS" => table::JUMP_PAGE_UNITS,
            "NUMERAL_TWO" => table::NUMERAL_TWO,
            "CONTINUATION_OPENERS" => table::CONTINUATION_OPENERS,
            "BARE_STAFF_WORDS" => table::BARE_STAFF_WORDS,
            "SHEET_UNITS" => table::SHEET_UNITS,
            "EDITOR_NOTE_LABELS" => table::EDITOR_NOTE_LABELS,
            "QUOTATION_LABELS" => table::QUOTATION_LABELS,
            "SPECIAL_DISPATCH" => table::SPECIAL_DISPATCH,
            "COMMON_SURNAMES" => table::COMMON_SURNAMES,
            "KICKER_GENRES" => table::KICKER_GENRES,
            "WRITING_KINDS" => table::WRITING_KINDS,
            "FEATURE_REPORTS" => table::FEATURE_REPORTS,
            other => panic!("no family {other}"),
        }
    }

    /// The character sets of the prefilters (byline, classify, jump), as they were typed
    /// by hand before they were read from the table.
    #[test]
    fn the_prefilter_sets_are_the_characters_typed_by_hand() {
        let mut dateline = first_chars(table::ACCORDING_TO);
        dateline.extend(first_chars(table::AGENCIES));
        assert_eq!(dateline.iter().collect::<String>(), "据據本新中人央光法路美共塔合哈国國电電海");
        assert_eq!(first_chars(table::CAPTION_OPENINGS).iter().collect::<String>(), "图圖上下左右题題");
        assert_eq!(last_chars(table::CAPTION_ENDINGS).iter().collect::<String>(), "摄攝影图圖片发發");
        assert_eq!(last_chars(table::JUMP_CUT_VERBS).iter().collect::<String>(), "转轉接");
        let marker = every_char(&[table::JUMP_VERBS, table::NUMERAL_TWO, table::JUMP_PAGE_UNITS]);
        assert_eq!(marker.iter().collect::<String>(), "下转轉接至见見上紧緊续續承两兩版页頁面张張");
    }

    #[test]
    fn the_table_holds_every_form_typed_by_hand() {
        assert_eq!(BY_HAND.len(), SOURCE.len());
        for (name, words) in BY_HAND {
            let t = table(name);
            let missing: Vec<&&str> = words.iter().filter(|w| !t.contains(w)).collect();
            assert!(missing.is_empty(), "{name}: the table lacks {missing:?}");
        }
    }

    #[test]
    fn every_family_of_the_source_is_in_the_table_once() {
        let text = include_str!("table.rs");
        for f in SOURCE {
            assert_eq!(text.matches(&format!("pub const {}: ", f.name)).count(), 1, "{}", f.name);
            assert!(table(f.name).len() >= f.words.len());
        }
    }

    /// Regenerating with the default backend (banmian's own engine) changes nothing.
    #[test]
    fn regenerating_the_table_changes_nothing() {
        use crate::convert::Converter;
        let converters: Vec<(Config, Converter)> = VARIANTS.iter().map(|&c| (c, Converter::new(c).unwrap())).collect();
        let convert = |config: Config, w: &str| {
            converters.iter().find(|(c, _)| *c == config).expect("a converter per variant").1.convert(w)
        };
        assert_eq!(generate(&convert), include_str!("table.rs"), "run `cargo run --example lexicon > src/rules/lexicon/table.rs`");
    }
}
