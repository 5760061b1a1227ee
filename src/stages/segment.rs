//! Stage 5: units to articles.
//!
//! This module owns where one article ends and the next begins. A run of display
//! lines (with a printed date line) before body text is a headline group; it starts a
//! new article when anything says so: a credit follows it (本报讯…, 本报记者 X), it holds
//! a Markdown heading that is not a numbered section title (nor a single heading set
//! deeper than every sure headline of the page, inside a running article: a subhead),
//! it has two or more lines, it holds a printed date, the previous article was closed
//! by a signature or a 下转 jump, the body after it starts with 上接, or blank lines set
//! it apart on a page whose paragraphs run on with none between them. A run of short
//! lines a page that marks its headings left unmarked, or a run longer than a head group
//! with no punctuation, under a running article, is that article's listing (its
//! paragraphs), not a head group nor a kicker (issue 13, 申報 advertisements); such
//! a run over a credit is that article's end, and only its last line heads the next one. Otherwise a
//! display line inside a body is a subhead (小标题). Text before any headline, or after 上接 in another article's
//! body, is an article without a headline. A group with no body after it goes to
//! `leftovers` as a rubric. Furniture goes to `leftovers`, noise to `removed`.

use crate::stages::limits::*;
use crate::stages::assemble::{Unit, UnitKind};
use crate::rules::byline::{self, Credit};
use crate::lines::Layout;
use crate::rules::BlockFacts;
use crate::rules::numbering::{brief_item, editor_note};
use crate::rules::headline::{self, GroupLine};
use crate::model::{Article, Block, Head, HeadRole, BlockKind, JumpDirection, Page, PageInfo, Removed, RemovedReason, SCHEMA};
use crate::rules::chars::{PrintedDate, iso_year};

use crate::rules::byline::OWN_DISPATCH;

#[derive(Default)]
struct Draft {
    article: Article,
    /// Display and date lines of the headline group.
    group: Vec<Unit>,
    has_credit: bool,
    /// The printed lines of the first credit read.
    credit_lines: Option<[usize; 2]>,
    credit_date: Option<PrintedDate>,
    closed: bool,
}

impl Draft {
    fn touch(&mut self, lines: [usize; 2]) {
        let l = &mut self.article.lines;
        if l[0] == 0 || lines[0] < l[0] {
            l[0] = lines[0];
        }
        l[1] = l[1].max(lines[1]);
    }

    fn set_credit(&mut self, c: &Credit, lines: [usize; 2]) {
        let a = &mut self.article;
        if self.has_credit {
            // A second credit line ("通讯员 李明" under "本报记者 王强"): one byline,
            // appended in place (rebuilding it was quadratic in the number of credits).
            let byline = a.byline.get_or_insert_with(String::new);
            byline.push(' ');
            byline.push_str(&c.byline);
        } else {
            a.byline = Some(c.byline.clone());
        }
        if a.dateline.is_none() || c.dateline.is_some() {
            if let Some(d) = &c.dateline {
                a.dateline = Some(d.clone());
            }
        }
        a.authors.extend(c.authors.iter().cloned());
        // A credit that is a dateline and nothing else ("本报讯") is where the dateline was read.
        let dateline_only = c.authors.is_empty() && c.dateline.as_deref() == Some(c.byline.as_str());
        a.heads.push(Head::new(if dateline_only { HeadRole::Dateline } else { HeadRole::Byline }, lines));
        self.credit_date = self.credit_date.or(c.date);
        self.credit_lines = self.credit_lines.or(Some(lines));
        self.has_credit = true;
        self.touch(lines);
    }

    /// Whether the dispatch `c`, with no headline of its own above it, opens the next
    /// brief of this article rather than a new article: a briefs column (要聞簡報) whose
    /// items each open with their own dispatch ("本報九江電", "漢口電"). Both this
    /// article's credit and `c` are dispatches only (no person credited), and the article
    /// already has a body paragraph, the line before; `c` is printed bare, as a run-in
    /// tag, or is the paper's own ([`OWN_DISPATCH`]) in a column whose dateline is the
    /// paper's own too (another bracketed dispatch, 「哈瓦斯十日巴黎電」 or 【本報訊】 under
    /// a 中央社 one, opens an article whose headline a multi-column read may have put
    /// elsewhere: eval h016), or whatever it is in an article that
    /// [`Draft::collects_dispatches`] (a 〔又電〕 paragraph), or naming the day the
    /// article's dispatch names ([`Draft::same_day_dispatch`]). Cheap: reads the parsed
    /// credits and the last block's kind, and the blocks only for a dispatch the other
    /// tests let through.
    fn takes_dispatch(&self, c: &Credit) -> bool {
        let dispatch_only = |authors: &[crate::model::Author], dateline: Option<&String>| authors.is_empty() && dateline.is_some();
        self.has_credit
            && dispatch_only(&self.article.authors, self.article.dateline.as_ref())
            && dispatch_only(&c.authors, c.dateline.as_ref())
            && self.article.blocks.last().is_some_and(|b| b.kind == BlockKind::Paragraph)
            && (c.dateline.as_deref() == Some(c.byline.as_str())
                || [self.article.dateline.as_deref(), c.dateline.as_deref()].iter().all(|d| d.is_some_and(|d| OWN_DISPATCH.iter().any(|w| d.starts_with(w))))
                || self.same_day_dispatch(c)
                || self.collects_dispatches())
    }

    /// Whether `c` names the same day as this article's dispatch
    /// ([`byline::dispatch_day`]): another agency's report of the same day's event, set
    /// on under the first with no headline of its own (〔合眾社青石七日電〕 after the body
    /// of a （路透社青石城七日電） article; issue 13, local 申報 pages). A dispatch of
    /// another day (「哈瓦斯十日巴黎電」 under 南京十五日專電, eval h016) or naming none
    /// (【本報訊】) is not taken. Asked before [`Draft::collects_dispatches`]: it is cheap.
    fn same_day_dispatch(&self, c: &Credit) -> bool {
        let ours = self.article.dateline.as_deref().and_then(byline::dispatch_day);
        ours.is_some_and(|d| c.dateline.as_deref().and_then(byline::dispatch_day) == Some(d))
    }

    /// Whether this article collects several dispatches under its headline: a body
    /// paragraph opens with a repeated dispatch's tag (〔又電〕, [`byline::repeat_dispatch_tag`]).
    /// Then any dispatch after a paragraph, bracketed and whatever its source
    /// (「本報白沙十一日電」, 〔中央社紅嶺十一日電〕 under a 中央社 dateline), is the
    /// next report of the collection, not a new article. Linear in the article's blocks
    /// (stopping at the tag, near the article's start, when there is one), asked last of
    /// the tests of [`Draft::takes_dispatch`]; a dispatch it refuses opens a new article,
    /// so a page's blocks are walked about once.
    fn collects_dispatches(&self) -> bool {
        self.article.blocks.iter().any(|b| b.kind == BlockKind::Paragraph && byline::repeat_dispatch_tag(&b.text))
    }

    /// A dispatch whose reporter the wrap put on the next line: "本报北京7月3日电" read
    /// as this article's credit, naming no one, on the line right above a body that
    /// opens "（记者吴丹）7月3日，…" (a narrow column wrapped at the dispatch's end). The
    /// two read together as one credit ([`byline::leading`]) that goes on into the body
    /// and names someone replace the dispatch: the byline, dateline and authors are the
    /// joined credit's, its head spans both lines. Returns the body's text after the
    /// credit, or `None` (nothing changed) when the article already has text, names
    /// someone, or its credit is not the line right above `line`.
    fn complete_dispatch(&mut self, text: &str, line: usize) -> Option<String> {
        let a = &self.article;
        let at = self.credit_lines.filter(|l| l[1] + 1 == line && a.blocks.is_empty() && a.authors.is_empty())?;
        let printed = a.byline.as_deref().filter(|b| a.dateline.as_deref().is_some_and(|d| b.contains(d)))?;
        let joined = format!("{printed}{text}");
        let c = byline::leading(&joined).filter(|c| c.len > printed.len() && !c.authors.is_empty())?;
        let rest = crate::rules::chars::trim(&joined[c.len..]).to_string();
        let a = &mut self.article;
        a.byline = Some(c.byline);
        a.dateline = c.dateline.or(a.dateline.take());
        a.authors = c.authors;
        if let Some(h) = a.heads.iter_mut().find(|h| h.lines == at) {
            h.role = HeadRole::Byline;
            h.lines = [at[0], line];
        }
        self.credit_lines = Some([at[0], line]);
        self.credit_date = self.credit_date.or(c.date);
        self.touch([line, line]);
        Some(rest)
    }

    /// `facts`: the facts record read from `text` ([`BlockFacts`]), which the block carries.
    fn push_block(&mut self, kind: BlockKind, text: String, lines: [usize; 2], facts: BlockFacts) {
        self.article.blocks.push(Block::with_facts(kind, text, lines, facts));
        self.touch(lines);
    }
}

struct Builder {
    layout: Layout,
    articles: Vec<Draft>,
    cur: Option<Draft>,
    group: Vec<Unit>,
    leftovers: Vec<Block>,
    removed: Vec<Removed>,
    page_year: Option<u32>,
    /// The Markdown heading level the page gives its headlines ([`headline_level`]).
    headline_level: Option<u8>,
    /// The unit after the one being pushed is body text.
    body_follows: bool,
    /// The page marks its display type: a text page holding at least
    /// [`MARKED_PAGE_MIN_HEADINGS`] Markdown headings ([`marks_headings`]). Box pages,
    /// whose heading levels the geometry guesses from line heights, are not marked.
    marked: bool,
    /// The units come from a text page, not from OCR boxes ([`segment_from`]).
    text: bool,
}

/// Segments a text page's units into articles, leftovers and removed noise. The texts
/// are as printed; repair comes later. As [`segment_from`] with `text` true.
pub fn segment(units: Vec<Unit>, layout: Layout) -> Page {
    segment_from(units, layout, true)
}

/// Segments a page's units into articles, leftovers and removed noise; `text`: the
/// units come from a text page (Markdown headings are the converter's marks), not from
/// OCR boxes (heading levels the geometry guessed from line heights).
pub fn segment_from(units: Vec<Unit>, layout: Layout, text: bool) -> Page {
    let mut info = PageInfo::default();
    for u in &units {
        if let UnitKind::Furniture(f) = &u.kind {
            f.apply(&mut info);
        }
    }
    let mut b = Builder {
        layout,
        articles: Vec::new(),
        cur: None,
        group: Vec::new(),
        leftovers: Vec::new(),
        removed: Vec::new(),
        page_year: info.date.as_deref().and_then(iso_year),
        headline_level: headline_level(&units),
        body_follows: false,
        marked: text && marks_headings(&units),
        text,
    };
    let mut units = units.into_iter().peekable();
    while let Some(u) = units.next() {
        b.body_follows = units.peek().is_some_and(|n| n.kind == UnitKind::Body);
        b.push(u);
    }
    b.finish(info)
}

impl Builder {
    fn push(&mut self, u: Unit) {
        // A display line left pending when the page's article gap comes ("帶動鄰里轉作"
        // under a 下转 marker) heads nothing after the gap: a subhead of its article.
        if u.after_gap && self.cur.as_ref().is_some_and(|c| !c.article.blocks.is_empty()) && self.group.iter().all(|g| g.kind == UnitKind::Display) {
            self.flush_group_as_subheads();
        }
        match &u.kind {
            UnitKind::Furniture(_) => self.leftovers.push(Block::new(BlockKind::Furniture, u.text, u.lines)),
            UnitKind::Noise => self.removed.push(Removed::new(RemovedReason::Noise, u.printed, u.lines, None)),
            // The kept copy is the line next to it, inside a block not yet final (dedup
            // may still merge it): no block is named.
            UnitKind::Repeat => self.removed.push(Removed::new(RemovedReason::NearDuplicate, u.printed, u.lines, None)),
            UnitKind::Display => self.group.push(u),
            UnitKind::DateLine(_) => {
                if self.group.is_empty() && self.cur.as_ref().is_some_and(|c| c.article.blocks.is_empty() && !c.group.is_empty()) {
                    let cur = self.cur.as_mut().expect("checked");
                    cur.touch(u.lines);
                    cur.group.push(u);
                } else {
                    self.group.push(u);
                }
            }
            UnitKind::Credit(c) => {
                let c = c.clone();
                // The next brief's dispatch in a briefs column: a paragraph of the column.
                if self.dispatch_taken(&c, &u) {
                    let cur = self.cur_mut();
                    cur.push_block(BlockKind::Paragraph, u.text, u.lines, u.facts);
                    return;
                }
                // A role naming no one (本报评论员) under the last paragraph of a running
                // article, with no headline between and no more text under it: the
                // commentary's signature (落款). With text under it, it credits what
                // follows (a subheadline read as a paragraph above it, 人民日报 box page).
                if self.group.is_empty()
                    && !u.after_gap
                    && !self.body_follows
                    && byline::role_only(&u.text)
                    && self.cur.as_ref().is_some_and(|d| !d.closed && d.article.blocks.last().is_some_and(|b| b.kind == BlockKind::Paragraph))
                {
                    let facts = BlockFacts::read(&u.text);
                    self.push_body(Unit { kind: UnitKind::Signature(None), facts, ..u });
                    return;
                }
                let cur_takes_it = self.group.is_empty()
                    && self.cur.as_ref().is_some_and(|d| d.article.blocks.is_empty() || (!d.has_credit && !u.after_gap));
                // A credit under a pending group heads a new article, as does one
                // the current article cannot take.
                if !cur_takes_it {
                    self.start_article();
                }
                self.cur_mut().set_credit(&c, u.lines);
            }
            UnitKind::Jump => {
                let from = u.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedFrom);
                if from && (!self.group.is_empty() || self.cur.as_ref().is_some_and(|c| !c.article.blocks.is_empty())) {
                    self.start_article();
                } else if !self.group.is_empty() {
                    self.flush_group_as_subheads();
                }
                let cur = self.cur_mut();
                if u.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedOn) {
                    cur.closed = true;
                }
                cur.article.jumps.extend(u.jumps);
                cur.touch(u.lines);
            }
            UnitKind::Body | UnitKind::Caption | UnitKind::Signature(_) => self.push_body(u),
        }
    }

    /// Whether the dispatch `c`, read from `u`, is the next brief of the current
    /// article's briefs column ([`Draft::takes_dispatch`]): no headline group is
    /// pending and no article gap stands before `u`.
    fn dispatch_taken(&self, c: &Credit, u: &Unit) -> bool {
        self.group.is_empty() && !u.after_gap && self.cur.as_ref().is_some_and(|d| d.takes_dispatch(c))
    }

    fn cur_mut(&mut self) -> &mut Draft {
        self.cur.get_or_insert_with(Draft::default)
    }

    /// Keeps display lines read as no head group (a listing's lines, a briefs column's
    /// tag) in the current article, each a paragraph as printed.
    fn keep_as_paragraphs(&mut self, lines: Vec<Unit>) {
        let cur = self.cur_mut();
        for g in lines {
            cur.push_block(BlockKind::Paragraph, g.text, g.lines, g.facts);
        }
    }

    /// Closes the current article and opens one headed by the pending group.
    fn start_article(&mut self) {
        self.shed_unmarked_lead();
        self.shed_listing_lead();
        if let Some(done) = self.cur.take() {
            self.articles.push(done);
        }
        let mut d = Draft::default();
        for g in std::mem::take(&mut self.group) {
            d.touch(g.lines);
            d.group.push(g);
        }
        self.cur = Some(d);
    }

    /// Whether the pending group is display lines the page left unmarked although it
    /// marks its headings ([`Builder::marked`]): no line has a Markdown heading or bold.
    fn unmarked_group(&self) -> bool {
        self.marked && self.group.iter().all(|g| g.kind == UnitKind::Display && g.heading.is_none() && !g.bold)
    }

    /// On a page that marks its headings ([`Builder::marked`]), a run of at least
    /// [`UNMARKED_RUN_MIN_LINES`] unmarked display lines in front of the pending group's
    /// first heading, under a running article's text, is that article's end (a listing's
    /// or an advertisement's lines), not a kicker: a kicker is one line. The lines go to
    /// the current article as paragraphs; the group keeps the heading and what follows.
    fn shed_unmarked_lead(&mut self) {
        if !self.marked || !self.cur.as_ref().is_some_and(|c| !c.article.blocks.is_empty() && !c.closed) {
            return;
        }
        let lead = self.group.iter().take_while(|g| g.kind == UnitKind::Display && g.heading.is_none() && !g.bold).count();
        if lead < UNMARKED_RUN_MIN_LINES || lead == self.group.len() || self.group[lead].heading.is_none() {
            return;
        }
        let rest = self.group.split_off(lead);
        let lead = std::mem::replace(&mut self.group, rest);
        self.keep_as_paragraphs(lead);
    }

    /// On a plain text page, a listing run ([`Builder::listing_group`]) that a new
    /// article's opening cuts short (a credit under its last line: 「開徵臨時財產稅 …」 /
    /// （本報訊）…) ends the running article: the run's lines but the last go to it as
    /// paragraphs (the advertisement's or the chronicle's last lines), the last heads
    /// the new article, as a 申報 page sets a headline, one line over its credit.
    /// Not under a closed article. On a hard-wrapped page every blank line is the
    /// page's article gap, so the gap is no bar here: the run's shape decides.
    /// Source: issue 13, local 申報 plain pages (an advertisement's lines read as a
    /// 9-line kicker).
    fn shed_listing_lead(&mut self) {
        let running = self.cur.as_ref().is_some_and(|c| !c.article.blocks.is_empty() && !c.closed);
        // On a hard-wrapped page a headline wrapped over four lines runs on with no blank
        // line between its pieces (申報 Tesseract multicol h009): the last line must be
        // set apart from the run by a blank line.
        let apart = self.layout.column_width.is_none() || self.group.last().is_some_and(|g| g.after_blank);
        if !self.text || !running || !apart || !self.listing_run() {
            return;
        }
        let head = self.group.split_off(self.group.len() - 1);
        let lead = std::mem::replace(&mut self.group, head);
        self.keep_as_paragraphs(lead);
    }

    /// Whether the pending group is more unmarked display lines than a head group holds
    /// ([`DECK_MAX_LINES`]: kicker, headline, subheadline), or at least
    /// [`UNMARKED_RUN_MIN_LINES`] opening with an advertisement's signer ([`signer_line`]):
    /// a listing's or an advertisement's lines (a theatre's programme, a shop's wares,
    /// an auction column), read as body. On a box page "unmarked" is the geometry's
    /// evidence: lines it measured body-sized (no heading, not bold; local 申報 rapidocr
    /// h003 an advertising rate card's lines, h014 a list of officials' names, read as a head
    /// group before).
    /// Not a listing: lines with a comma or a sentence's end (verse, a wrapped sentence),
    /// a line opening with a credit (an advertisement's own head: （分類廣告 本報訊）…),
    /// or a hard-wrapped page (a narrow column's headline wrapped over several lines).
    fn listing_group(&self) -> bool {
        self.layout.column_width.is_none() && self.listing_run()
    }

    /// [`Builder::listing_group`]'s test of the pending group's lines, whatever the
    /// page's wrap.
    fn listing_run(&self) -> bool {
        (self.group.len() > DECK_MAX_LINES || (self.group.len() >= UNMARKED_RUN_MIN_LINES && self.group.first().is_some_and(|g| signer_line(&g.text))))
            && self.group.iter().all(|g| {
                g.kind == UnitKind::Display
                    && g.heading.is_none()
                    && !g.bold
                    && !listing_punctuation(&g.text)
                    && byline::leading(&g.text).is_none()
                    && !bracketed_dispatch(&g.text)
            })
    }

    fn flush_group_as_subheads(&mut self) {
        let group = std::mem::take(&mut self.group);
        if group.is_empty() {
            return;
        }
        let cur = self.cur_mut();
        if group.iter().all(|g| g.bold) && group.len() > 1 {
            // A subhead set on two bold lines is one subhead.
            let text = group.iter().map(|g| g.text.as_str()).collect::<Vec<_>>().join(" ");
            let lines = [group[0].lines[0], group[group.len() - 1].lines[1]];
            let facts = BlockFacts::read(&text);
            cur.push_block(BlockKind::Subhead, text, lines, facts);
        } else {
            for g in group {
                cur.push_block(BlockKind::Subhead, g.text, g.lines, g.facts);
            }
        }
    }

    /// Whether the pending group heads a new article rather than being subheads of the
    /// current one, given the body unit that follows it.
    /// `next_leads`: `next` is a body that opens with a credit ([`byline::leading`]);
    /// `unmarked`, `listing`: [`Builder::unmarked_group`] and [`Builder::listing_group`]
    /// of the pending group, asked once by the caller.
    fn group_is_headline(&self, next: &Unit, next_leads: bool, unmarked: bool, listing: bool) -> bool {
        let Some(cur) = &self.cur else { return true };
        if cur.article.blocks.is_empty() {
            return cur.group.is_empty();
        }
        let displays: Vec<&Unit> = self.group.iter().filter(|g| g.kind == UnitKind::Display).collect();
        if displays.len() < self.group.len() {
            return true; // a printed date line under a title
        }
        // Set apart by the wider gap the page leaves between articles (an uncredited
        // commentary under a dispatch: 守好群众“钱袋子”).
        if self.group.first().is_some_and(|g| g.after_gap) {
            return true;
        }
        if next.kind == UnitKind::Body && (next_leads || continued_from(next)) {
            return true;
        }
        // Under a photo the OCR read as noise: a one-column page sets its photos over
        // an article's title, not over a subhead.
        if self.group.first().is_some_and(|g| g.under_photo) {
            return true;
        }
        // A title set in phrases parted by a wide gap ("守住青山绿水  留住田园乡愁"):
        // a headline's setting; a subhead's phrases are one space apart.
        if let [only] = displays.as_slice() {
            if headline::wide_phrase_gap(&only.text) {
                return true;
            }
        }
        // Set apart by blank lines above and below on a page whose paragraphs (and
        // subheads) run on with no blank line between them: a headline ("你的脸庞" between
        // blank lines on a page of unparted paragraphs), when the article it would end has
        // a headline of its own. Under a body that has none (a credit and a line of text,
        // the way Tesseract reads a story across columns) it is more likely that body's
        // own headline, read out of place.
        if self.group.first().is_some_and(|g| g.set_apart) && next.after_blank && !cur.group.is_empty() {
            return true;
        }
        // A label over news-in-brief items (新闻简讯 / ★…) heads a column of its own,
        // unless the article is such a column already (a label between its items).
        if next.kind == UnitKind::Body && brief_item(&next.text) && !cur.article.blocks.iter().any(|b| b.kind == BlockKind::Brief) {
            return true;
        }
        if displays.iter().all(|g| g.facts.number.is_some()) {
            return false;
        }
        // A title carrying its column's name ("“空话清单”要不得（晨读札记）") heads an
        // article: subheads carry no column label.
        if let [only] = displays.as_slice() {
            if headline::column_label(&only.text).is_some() {
                return true;
            }
        }
        // A subhead is set in its column; a line wider than the column spans columns.
        if displays.iter().any(|g| g.wide) {
            return true;
        }
        // Under a running article's text and over no credit: on a page that marks its
        // headings, lines it left unmarked; on any text page, a run longer than a head
        // group with no punctuation: the article's listing (a shop's wares, a theatre's
        // programme, 申報), its body.
        if (unmarked || listing) && !cur.closed && !next_leads {
            return false;
        }
        // A heading set deeper than every headline the page heads with a credit or opens
        // with, inside an article still running and over text with no credit: a subhead
        // (## headlines, ### 龙头带动 抱团发展 under two paragraphs of one of them).
        if let ([only], Some(level)) = (displays.as_slice(), self.headline_level) {
            if only.heading.is_some_and(|h| h > level) && !cur.closed {
                return false;
            }
        }
        if displays.iter().any(|g| g.heading.is_some() && g.facts.number.is_none()) {
            return true;
        }
        if displays.iter().all(|g| g.bold) {
            return false;
        }
        cur.closed || displays.len() >= 2
    }

    fn push_body(&mut self, u: Unit) {
        let credit = if u.kind == UnitKind::Body { u.facts.credit.as_deref().cloned() } else { None };
        // Body text set apart by the page's article gap, with no headline over it: the
        // next part of an issue's story (a continuation printed without 上接).
        let gap_opens = u.after_gap && u.kind == UnitKind::Body && self.group.is_empty();
        // A briefs column's bare place tag (漢口電) read as a display line: the next
        // brief's tag, kept in the column as a paragraph, as its parsed dispatches are.
        if let [tag] = self.group.as_slice() {
            let taken = tag.kind == UnitKind::Display && !tag.after_gap && byline::bare_place_tag(&tag.text).is_some_and(|c| self.cur.as_ref().is_some_and(|d| d.takes_dispatch(&c)));
            if taken {
                let tag = std::mem::take(&mut self.group);
                self.keep_as_paragraphs(tag);
            }
        }
        if !self.group.is_empty() {
            let (unmarked, listing) = (self.unmarked_group(), self.listing_group());
            if self.group_is_headline(&u, credit.is_some(), unmarked, listing) {
                let keep_cur = self.cur.as_ref().is_some_and(|c| c.article.blocks.is_empty() && c.group.is_empty());
                if keep_cur {
                    let group = std::mem::take(&mut self.group);
                    let cur = self.cur_mut();
                    for g in group {
                        cur.touch(g.lines);
                        cur.group.push(g);
                    }
                } else {
                    self.start_article();
                }
            } else if (unmarked && self.group.len() >= UNMARKED_RUN_MIN_LINES) || listing {
                // A run of lines the page's converter left unmarked is body text (listing
                // and advertisement lines: 天仙茶園 / 十月十四夜演 over the programme); one
                // such line alone between paragraphs stays a subhead.
                let group = std::mem::take(&mut self.group);
                self.keep_as_paragraphs(group);
            } else {
                self.flush_group_as_subheads();
            }
        }
        let mut text = u.text.clone();
        let first_of_story = self.cur.as_ref().is_none_or(|c| !c.has_credit && c.article.blocks.is_empty());
        let lead = match u.kind {
            UnitKind::Body => credit.or_else(|| if first_of_story { byline::leading_undelimited(&text) } else { None }),
            _ => None,
        };
        let needs_new = match &self.cur {
            None => true,
            Some(c) => {
                // A credit starts a new story, unless it is this story's credit printed
                // again (a duplicated first paragraph), even misread ("本报讯（的者 谭可欣）"
                // over the first paragraph's text again, eval p022).
                let printed_again = |l: &Credit| {
                    c.article.byline.as_deref().is_some_and(|b| same_credit(b, &l.byline))
                        || c.article.blocks.first().is_some_and(|b| same_start(&b.text, crate::rules::chars::trim(&text[l.len..])))
                };
                let new_credit = lead.as_ref().is_some_and(|l| c.has_credit && !printed_again(l) && !self.dispatch_taken(l, &u));
                // A second 上接 opens a second continuation (two on one page), unless its
                // paragraph is one of this article's printed again (every line twice).
                let new_part = continued_from(&u)
                    && (!c.article.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedFrom) || !c.article.blocks.iter().any(|b| same_start(&b.text, &u.text)));
                !c.article.blocks.is_empty() && (new_credit || new_part || gap_opens)
            }
        };
        if needs_new {
            self.start_article();
        }
        let cur = self.cur.as_mut().expect("an article is open");
        // The facts read when the unit was assembled, unless a credit is taken off the
        // front here (then the rest is read: "本报讯 1、…" is an item).
        let mut facts = u.facts;
        if let Some(credit) = lead {
            if !cur.has_credit || cur.article.blocks.is_empty() {
                cur.set_credit(&credit, [u.lines[0], u.lines[0]]);
                text = crate::rules::chars::trim(&text[credit.len..]).to_string();
                facts = BlockFacts::read(&text);
            }
        } else if u.kind == UnitKind::Body {
            if let Some(rest) = cur.complete_dispatch(&text, u.lines[0]) {
                text = rest;
                facts = BlockFacts::read(&text);
            }
        }
        for j in &u.jumps {
            if j.direction == JumpDirection::ContinuedOn {
                cur.closed = true;
            }
        }
        cur.article.jumps.extend(u.jumps.iter().cloned());
        let kind = match u.kind {
            UnitKind::Caption => BlockKind::Caption,
            UnitKind::Signature(d) => {
                cur.closed = true;
                if cur.article.date.is_none() {
                    cur.article.date = d.and_then(|d| d.iso(None));
                }
                BlockKind::Signature
            }
            _ if brief_item(&text) => BlockKind::Brief,
            _ if editor_note(&text) => BlockKind::EditorNote,
            _ if u.bullet => BlockKind::ListItem,
            _ if u.quote => BlockKind::Quote,
            _ if facts.number.is_some() && is_short_item(&text) => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        };
        if text.is_empty() {
            cur.touch(u.lines);
        } else {
            cur.push_block(kind, text, u.lines, facts);
        }
    }

    fn finish(mut self, info: PageInfo) -> Page {
        for g in std::mem::take(&mut self.group) {
            self.leftovers.push(Block::with_facts(BlockKind::Rubric, g.text, g.lines, g.facts));
        }
        if let Some(done) = self.cur.take() {
            self.articles.push(done);
        }
        // A headline group line printed twice (the title repeated by the layout tool)
        // is kept once.
        for d in &mut self.articles {
            let mut seen: Vec<String> = Vec::new();
            let removed = &mut self.removed;

            for g in d.group.iter_mut().filter(|g| g.kind == UnitKind::Display) {
                // A headline printed twice on one line: "青石县推进改造青石县推进改造".
                if let Some(half) = doubled(&g.text) {
                    let copy = g.text[half..].to_string();
                    removed.push(Removed::new(RemovedReason::Duplicate, copy, g.lines, None));
                    g.text.truncate(half);
                }
            }
            d.group.retain(|g| {
                let key = crate::rules::chars::fold(&g.text);
                if g.kind == UnitKind::Display && seen.contains(&key) {
                    removed.push(Removed::new(RemovedReason::Duplicate, g.printed.clone(), g.lines, None));
                    return false;
                }
                seen.push(key);
                true
            });
        }
        lift_lone_heads(&mut self.articles);
        let levels = self.layout.levels_informative;
        let page_year = self.page_year;
        let articles = self
            .articles
            .into_iter()
            .map(|d| finish_article(d, levels, page_year))
            .filter(|a| !a.is_empty())
            .collect();
        self.leftovers.sort_by_key(|b| b.lines);
        Page {
            schema: SCHEMA.to_string(),
            source: String::new(),
            page: info,
            articles,
            leftovers: self.leftovers,
            removed: self.removed,
            warnings: Vec::new(),
        }
    }
}

/// The Markdown heading level of the page's headlines, when the page shows it
/// consistently: the shallowest heading of each headline group that is surely a
/// headline (the page's first, or one a credit follows: 本报讯…, 新华社记者 X) is the same
/// level in at least [`HEADLINE_LEVEL_MIN_HEADS`] groups. `None` when the page has fewer
/// such groups or they disagree (a page whose levels are set at random by its converter).
/// Source: issue 13, eval m005, m020 (## or # headlines with ### subheads).
fn headline_level(units: &[Unit]) -> Option<u8> {
    let mut levels: Vec<u8> = Vec::new();
    // The shallowest heading of the pending group of display lines, if any.
    let mut pending: Option<Option<u8>> = None;
    let mut seen_body = false;
    for u in units {
        match &u.kind {
            UnitKind::Display => {
                let l = pending.flatten();
                pending = Some(match (l, u.heading) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                });
            }
            UnitKind::DateLine(_) | UnitKind::Furniture(_) | UnitKind::Noise | UnitKind::Repeat => {}
            kind => {
                let sure = matches!(kind, UnitKind::Credit(_)) || !seen_body || u.facts.credit.is_some();
                if let Some(Some(l)) = pending.take() {
                    if sure {
                        levels.push(l);
                    }
                }
                seen_body |= matches!(kind, UnitKind::Body);
            }
        }
    }
    let first = *levels.first()?;
    (levels.len() >= HEADLINE_LEVEL_MIN_HEADS && levels.iter().all(|&l| l == first)).then_some(first)
}

/// Whether the page marks its display type: at least [`MARKED_PAGE_MIN_HEADINGS`]
/// display lines carry a Markdown heading. On such a page (a converter's Markdown)
/// a short line left unmarked is body text, not a headline.
/// Source: issue 13, local 申報 Markdown pages (listing and advertisement lines).
fn marks_headings(units: &[Unit]) -> bool {
    units.iter().filter(|u| u.kind == UnitKind::Display && u.heading.is_some()).count() >= MARKED_PAGE_MIN_HEADINGS
}

/// Whether `text` holds a comma or a sentence's end, which a listing's line does not
/// ([`Builder::listing_group`]). A single dash between Han characters (禮拜—拍買, —日)
/// is the OCR's reading of 一, not a dash: a dash is printed doubled (——).
/// Source: issue 13, local 申報 plain pages.
fn listing_punctuation(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        let misread_one = c == '—' && i.checked_sub(1).is_none_or(|p| crate::rules::chars::is_han(chars[p])) && chars.get(i + 1).is_some_and(|&n| crate::rules::chars::is_han(n));
        (crate::rules::chars::is_terminal(c) && !misread_one) || matches!(c, '，' | ',' | '、' | '；')
    })
}

/// Whether `text` is an advertisement's signer: it ends with 啓 (啟), "(the firm)
/// announces" (隆茂行啓, 老悅生號謹啓). Under it starts the next advertisement of the
/// same column, not a new article. Source: issue 13, local 申報 plain pages.
fn signer_line(text: &str) -> bool {
    text.ends_with(['啓', '啟'])
}

/// Whether `text` opens with a bracket whose inside names a dispatch (訊 or 電, either
/// script) in words [`byline::leading`] does not read: "（分類廣告 本報訊）…", an
/// advertisement column's credit.
fn bracketed_dispatch(text: &str) -> bool {
    let mut chars = text.chars();
    if !chars.next().is_some_and(crate::rules::chars::is_opener) {
        return false;
    }
    let inside: String = chars.take_while(|&c| !crate::rules::chars::is_closer(c)).collect();
    inside.contains(['訊', '讯', '電', '电'])
}

/// A line printed alone, without any punctuation, at most [`LONE_HEAD_MAX_CHARS`]
/// long: the shape of a headline that was read as a one-line paragraph.
fn lone_head(b: &Block) -> bool {
    let n = b.text.chars().count();
    b.kind == BlockKind::Paragraph
        && b.lines[0] == b.lines[1]
        && (2..=LONE_HEAD_MAX_CHARS).contains(&n)
        && !b.text.contains(|c: char| crate::rules::chars::is_terminal(c) || matches!(c, '，' | ',' | '、' | '；' | ';' | '：' | ':'))
}

/// A headline read as a one-line paragraph (a headline as wide as a narrow column,
/// with no credit under it, looks like a wrapped body line), lifted into the headline
/// group where the page leaves no other reading (issue 13, eval p006, p014):
/// - an article without a headline opens with such a line and goes on with more
///   text: the line is its headline;
/// - an article under a lone short label (本埠新聞, at most four characters, which the
///   headline rules read as a rubric) opens so: the line joins the label's group;
/// - an article without a headline is nothing but such a line, and the next article
///   starts on the next printed line with a headline group and no kicker: the line
///   heads that group (its headline; the old headline becomes the subheadline, as
///   the headline rules read two plain lines).
///
/// A continuation (上接…) is looked at only when a blank line sets its first line apart
/// from the text under it: its own title (issue 13, eval p021); a short piece of a
/// sentence with the text going on under it stays body.
fn lift_lone_heads(drafts: &mut Vec<Draft>) {
    let display = |b: &Block| Unit {
        kind: UnitKind::Display,
        text: b.text.clone(),
        printed: b.text.clone(),
        lines: b.lines,
        heading: None,
        bold: false,
        quote: false,
        bullet: false,
        jumps: Vec::new(),
        after_blank: true,
        after_gap: false,
        wide: false,
        set_apart: false,
        under_photo: false,
        facts: Default::default(),
    };
    let label = |g: &[Unit]| g.len() == 1 && g[0].kind == UnitKind::Display && g[0].text.chars().count() <= LABEL_MAX_CHARS;
    let mut i = 0;
    while i < drafts.len() {
        let d = &drafts[i];
        let blocks = &d.article.blocks;
        // The head of a continuation (上接…) is the other page's: it is not looked for here.
        let continued = d.article.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedFrom);
        // A line the credit was read from ("（本報訊）花柳聖藥…") is the body's first line.
        let after_credit = |b: &Block| d.credit_lines.is_some_and(|c| c[0] <= b.lines[1]);
        // ... unless a blank line sets the line apart from the text under it: a
        // continuation's own title ("（上接第一版）" / "河谷新区项目加快落地" / blank / body).
        let set_apart = blocks.first().zip(blocks.get(1)).is_some_and(|(a, b)| b.lines[0] > a.lines[1] + 1);
        let opens = blocks.first().is_some_and(|b| lone_head(b) && !after_credit(b)) && (!continued || set_apart);
        if opens && blocks.len() >= 2 && (d.group.is_empty() || label(&d.group)) {
            let d = &mut drafts[i];
            let b = d.article.blocks.remove(0);
            d.group.push(display(&b));
        } else if opens && blocks.len() == 1 && d.group.is_empty() && !d.has_credit && d.article.jumps.is_empty() {
            let last = blocks[0].lines[1];
            let next_heads = drafts.get(i + 1).is_some_and(|n| {
                n.group.first().is_some_and(|g| g.kind == UnitKind::Display && g.lines[0] <= last + 2) && n.group.len() == 1
            });
            if next_heads {
                let d = drafts.remove(i);
                let n = &mut drafts[i];
                n.group.insert(0, display(&d.article.blocks[0]));
                n.touch(d.article.lines);
                continue;
            }
        }
        i += 1;
    }
}

/// The byte length of the first half of a text that is one phrase printed twice
/// ("县图书馆开放县图书馆开放", or with a space between the copies), when it is.
fn doubled(text: &str) -> Option<usize> {
    let t = text.trim_end();
    let n = t.chars().count();
    let half = t.char_indices().nth(n / 2)?.0;
    let (a, b) = t.split_at(half);
    let a_trimmed = a.trim_end();
    let (a, b) = if n % 2 == 1 && b.starts_with(' ') { (a_trimmed, b.trim_start()) } else { (a, b) };
    let long = a.chars().filter(|c| crate::rules::chars::is_han(*c)).nth(DOUBLED_MIN_HAN - 1).is_some();
    (long && a == b).then_some(a.len())
}

/// Whether two credits are the same printed again, whatever their brackets and
/// spacing: "（本報南京廿日電）" and "〔本報南京廿日電〕" in one dispatch.
fn same_credit(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars().filter(|&c| !crate::rules::chars::is_space(c) && !matches!(c, '（' | '）' | '(' | ')' | '〔' | '〕' | '【' | '】' | '［' | '］' | '[' | ']')).collect()
    };
    key(a) == key(b)
}

/// Whether two paragraphs open alike (their first [`SAME_START_CHARS`] characters,
/// folded): one printed again with small OCR differences further on.
fn same_start(a: &str, b: &str) -> bool {
    let key = |s: &str| crate::rules::chars::fold(s).chars().take(SAME_START_CHARS).collect::<String>();
    key(a) == key(b)
}

fn continued_from(u: &Unit) -> bool {
    u.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedFrom)
}

/// A numbered item that is one sentence or less and short: a list item, not a paragraph.
fn is_short_item(text: &str) -> bool {
    let stops = text.chars().filter(|c| matches!(c, '。' | '！' | '？' | '；')).count();
    text.chars().count() <= ITEM_MAX_CHARS && stops <= 1
}

fn finish_article(mut d: Draft, levels_informative: bool, page_year: Option<u32>) -> Article {
    let mut lines = Vec::new();
    // The input lines of each of `lines`, for the heads.
    let mut spans: Vec<[usize; 2]> = Vec::new();
    let mut date_lines: Vec<(PrintedDate, String)> = Vec::new();
    for g in &d.group {
        match g.kind {
            UnitKind::DateLine(p) => {
                d.article.heads.push(Head::new(HeadRole::Dateline, g.lines));
                let t = crate::rules::chars::trim(&g.text).trim_start_matches(['（', '(', '〔', '[']).trim_end_matches(['）', ')', '〕', ']']);
                date_lines.push((p, crate::rules::chars::trim(t).to_string()));
            }
            _ => {
                lines.push(GroupLine { text: g.text.clone(), heading: g.heading, bold: g.bold, after_blank: g.after_blank });
                spans.push(g.lines);
            }
        }
    }
    let roles = headline::assign(&lines, levels_informative);
    let a = &mut d.article;
    a.heads.extend(roles.spans.iter().map(|&(role, first, last)| Head::new(role, [spans[first][0], spans[last][1]])));
    a.heads.sort_by_key(|h| h.lines);
    a.kicker = roles.kicker;
    a.headline = roles.headline;
    a.subheadline = roles.subheadline;
    a.rubric = roles.rubric;
    let signature_date = a.date.take();
    // The first printed date line is the dateline unless the credit gave one; a date
    // line not used so is appended to the dateline after one space, so that no printed
    // text is lost.
    let mut unused: Vec<String> = Vec::new();
    for (i, (p, text)) in date_lines.into_iter().enumerate() {
        if i == 0 {
            a.date = p.iso(page_year);
            if a.dateline.is_none() {
                a.dateline = Some(text);
                continue;
            }
        }
        unused.push(text);
    }
    if !unused.is_empty() {
        let head = a.dateline.take().into_iter();
        a.dateline = Some(head.chain(unused).collect::<Vec<_>>().join(" "));
    }
    if let Some(p) = d.credit_date {
        a.date = p.iso(page_year).or(a.date.take());
    }
    if a.date.is_none() {
        a.date = signature_date;
    }
    d.article
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::{assemble, classify};

    fn page(text: &str) -> Page {
        let lines = crate::lines::split(text);
        let (roles, layout) = classify::classify(&lines);
        segment(assemble::assemble(&lines, &roles, layout), layout)
    }

    #[test]
    fn a_leading_credit_becomes_the_byline_and_a_new_credit_a_new_article() {
        let p = page("## 会议举行\n\n本报讯（记者 尹明）12日，会议在京举行。\n\n会议听取了报告。\n\n## 工厂复工\n\n本报讯（记者 王强）13日，工厂复工。\n");
        assert_eq!(p.articles.len(), 2);
        assert_eq!(p.articles[0].headline.as_deref(), Some("会议举行"));
        assert_eq!(p.articles[0].byline.as_deref(), Some("本报讯（记者 尹明）"));
        assert_eq!(p.articles[0].blocks[0].text, "12日，会议在京举行。");
        assert_eq!(p.articles[0].blocks.len(), 2);
        assert_eq!(p.articles[1].byline.as_deref(), Some("本报讯（记者 王强）"));
        assert_eq!(p.articles[1].authors[0].name, "王强");
    }

    #[test]
    fn numbered_display_lines_inside_a_body_are_subheads() {
        let p = page("## 防疫通告\n\n为做好疫情防控工作，现将有关事项通告如下。\n\n## 一、加强管理\n\n各单位要落实责任，严格执行各项规定。\n\n## 二、做好防护\n\n市民要勤洗手，常通风，少聚集。\n");
        assert_eq!(p.articles.len(), 1, "{:?}", p.articles.iter().map(|a| &a.headline).collect::<Vec<_>>());
        let subheads: Vec<&str> = p.articles[0].blocks.iter().filter(|b| b.kind == BlockKind::Subhead).map(|b| b.text.as_str()).collect();
        assert_eq!(subheads, ["一、加强管理", "二、做好防护"]);
    }

    #[test]
    fn a_credit_in_front_of_a_numbered_item_is_taken_off_and_the_rest_read_again() {
        let p = page("## 通知\n\n本报讯 1、即日起暂停营业。\n");
        let a = &p.articles[0];
        assert_eq!(a.byline.as_deref(), Some("本报讯"));
        assert_eq!((a.blocks[0].kind, a.blocks[0].text.as_str()), (BlockKind::ListItem, "1、即日起暂停营业。"));
    }
}
