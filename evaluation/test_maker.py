#!/usr/bin/env python3
"""Unit tests of the set maker's standard-library parts (CI runs them with plain python3):
the join rule, the byline cut, OCR-line-to-printed-line matching and the gold it gives,
a box merged across a gutter shared by its printed lines,
and the text damage's bookkeeping (order and oracle against the page it wrote)."""
import json
import unittest

import boxgold
import common
import textdamage


class FakeLine:
    def __init__(self, article, role, block, text, bbox):
        self.article, self.role, self.block, self.text, self.bbox = article, role, block, text, bbox


ART = {"id": "t1", "script": "zh-Hans", "era": "modern", "paper": "测试日报", "section": "要闻",
       "kicker": None, "headline": "测试标题", "subheadline": None, "rubric": None,
       "byline": "本报讯（记者 甲乙）", "byline_print": "本报讯（记者 甲乙）", "byline_inline": True,
       "dateline": "本报讯", "authors": [{"name": "甲乙", "role": "记者", "org": None}], "date": None,
       "jumps": [], "blocks": [{"kind": "paragraph", "text": "第一段正文内容。"},
                                {"kind": "paragraph", "text": "第二段。"}]}


class JoinTest(unittest.TestCase):
    def test_join_wrapped(self):
        self.assertEqual(common.join_wrapped(["城市 ", " 更新"]), "城市更新")
        self.assertEqual(common.join_wrapped(["PP-OCR", "model"]), "PP-OCR model")
        self.assertEqual(common.join_wrapped(["2024", "年"]), "2024年")

    def test_drop_prefix_counts_non_space(self):
        self.assertEqual(common.drop_prefix("本报讯（记者甲乙）第一段", "本报讯（记者 甲乙）"), "第一段")
        self.assertEqual(common.drop_prefix("本 报 讯 正文", "本报讯"), "正文")

    def test_cut_printed_prefix_follows_ocr_errors(self):
        printed = "本报讯（记者 甲乙）第一段正文内容。"
        ocr = "本报讯(记者甲乙)第一段正文内容。"
        self.assertEqual(boxgold.cut_printed_prefix(ocr, printed, len("本报讯（记者 甲乙）")), "第一段正文内容。")


class BoxGoldTest(unittest.TestCase):
    def setUp(self):
        self.printed = [
            FakeLine(None, "furniture", None, "测试日报", [0, 0, 200, 30]),
            FakeLine(0, "headline", None, "测试标题", [0, 50, 300, 100]),
            FakeLine(0, "body", 0, "本报讯（记者 甲乙）第一段", [0, 120, 400, 150]),
            FakeLine(0, "body", 0, "正文内容。", [0, 160, 400, 190]),
            FakeLine(0, "body", 1, "第二段。", [0, 200, 400, 230]),
        ]

    def test_assign_by_largest_overlap(self):
        ocr = [[0, 0, 190, 28], [0, 118, 400, 152], [0, 158, 400, 195], [500, 500, 600, 520]]
        self.assertEqual(boxgold.assign(ocr, self.printed), [0, 2, 3, None])

    def test_build_order_and_oracle(self):
        ocr = [("测试日报", [0, 0, 190, 28], 0), ("正文内容。", [0, 158, 400, 195], 1),
               ("测试标题", [0, 52, 300, 98], 2), ("第二段。", [0, 198, 400, 232], 3),
               ("本报讯(记者甲乙)第一段", [0, 118, 400, 152], 4)]
        garts, order, stats = boxgold.build([ART], self.printed, ocr, False, "rapidocr", "boxes")
        self.assertEqual([e["boxes"] for e in order], [[2], [4], [1], [3]])
        self.assertEqual([e["role"] for e in order], ["headline", "body", "body", "body"])
        self.assertEqual(garts[0]["oracle"], "第一段正文内容。\n第二段。")
        self.assertEqual(garts[0]["blocks"][0]["boxes"], [1, 4])
        self.assertEqual(stats["printed_lines_reached"], 4)


class SharedBoxTest(unittest.TestCase):
    """A box the detector merged across a gutter: the left column's short last line and the
    right column's first line (two articles). Each printed line gets its own characters."""

    def setUp(self):
        left = dict(ART, headline="左边", blocks=[{"kind": "paragraph", "text": "甲乙丙丁戊己庚辛。"}],
                    byline=None, byline_print=None, byline_inline=False, dateline=None, authors=[])
        right = dict(left, id="t2", headline="右边", blocks=[{"kind": "paragraph", "text": "子丑寅卯辰巳午未申酉"}])
        self.arts = [left, right]
        self.printed = [
            FakeLine(0, "body", 0, "甲乙丙丁戊", [0, 0, 100, 23]),
            FakeLine(0, "body", 0, "己庚辛。", [0, 30, 80, 53]),
            FakeLine(1, "body", 0, "子丑寅卯辰", [120, 30, 220, 53]),
            FakeLine(1, "body", 0, "巳午未申酉", [120, 60, 220, 83]),
        ]

    def test_a_box_merged_across_the_gutter_is_shared_by_its_printed_lines(self):
        ocr = [("甲乙丙丁戊", [0, 0, 100, 24], 0), ("己庚辛。子丑寅卯辰", [0, 29, 220, 54], 1),
               ("巳午未申酉", [120, 59, 220, 84], 2)]
        garts, order, stats = boxgold.build(self.arts, self.printed, ocr, False, "rapidocr", "boxes")
        self.assertEqual([g["oracle"] for g in garts], ["甲乙丙丁戊己庚辛。", "子丑寅卯辰巳午未申酉"])
        self.assertEqual([g["blocks"][0]["boxes"] for g in garts], [[0, 1], [1, 2]])
        # order keeps the whole box at the line it overlaps most
        self.assertEqual([e["boxes"] for e in order], [[0], [1], [2]])
        self.assertEqual(stats["ocr_lines_shared"], 1)
        # before the rule, the right article's first line was in the left one's oracle
        one = boxgold.share([0, 29, 220, 54], "己庚辛。子丑寅卯辰", self.printed, 2, 0)
        self.assertEqual([(i, t) for i, t, _ in one], [(1, "己庚辛。"), (2, "子丑寅卯辰")])

    def test_the_cut_follows_the_printed_text_through_ocr_errors(self):
        # 辛 misread as 幸, the full stop half-width, 丑 lost: the cut still falls after the stop
        parts = boxgold.share([0, 29, 220, 54], "己庚幸.子寅卯辰", self.printed, 2, 0)
        self.assertEqual([t for _, t, _ in parts], ["己庚幸.", "子寅卯辰"])
        # 子 lost next to the stop: the cut falls where the two misread characters end
        self.assertEqual(boxgold.aligned_position("己庚辛。丑寅", "己庚辛。子丑寅", 4), 4)
        self.assertEqual(boxgold.aligned_position("己庚辛丑寅", "己庚辛。子丑寅", 4), 3)

    def test_stacked_lines_and_text_units_are_not_shared(self):
        # a box over two lines of one column is no box merged across a gutter
        tall = boxgold.share([0, 0, 100, 53], "甲乙丙丁戊己庚辛。", self.printed, 0, 0)
        self.assertEqual(tall, [(0, "甲乙丙丁戊己庚辛。", 0)])
        # Tesseract's txt lines: a reader of plain text cannot split a line
        ocr = [("甲乙丙丁戊", [0, 0, 100, 24], 1), ("己庚辛。子丑寅卯辰", [0, 29, 220, 54], 2),
               ("巳午未申酉", [120, 59, 220, 84], 3)]
        garts, _, stats = boxgold.build(self.arts, self.printed, ocr, False, "tesseract-1col", "lines")
        # the whole line goes to the printed line it overlaps most: the right one
        self.assertEqual([g["oracle"] for g in garts], ["甲乙丙丁戊", "己庚辛。子丑寅卯辰巳午未申酉"])
        self.assertNotIn("ocr_lines_shared", stats)


class TextDamageTest(unittest.TestCase):
    def test_order_points_at_the_lines_written(self):
        arts = common.load_articles()
        for kind in ("plain", "markdown"):
            for pid, text, gold in textdamage.make_kind(arts, kind, 5, 1):
                lines = text.split("\n")
                for e in gold["order"]:
                    (n,) = e["lines"]
                    self.assertTrue(lines[n - 1].strip(), f"{pid}: line {n} is blank")
                    if e["role"] == "headline":
                        a = gold["articles"][e["article"]]
                        self.assertIn(lines[n - 1].lstrip("# "), a["headline"])
                for a in gold["articles"]:
                    self.assertTrue(a["oracle"], f"{pid}: empty oracle")
                    self.assertNotIn(a["byline"] or "\0", a["oracle"][:len(a["byline"] or "")])

    def test_same_seed_same_bytes(self):
        arts = common.load_articles()
        one = [(p, t, json.dumps(g, ensure_ascii=False)) for p, t, g in textdamage.make_kind(arts, "plain", 9, 1)]
        two = [(p, t, json.dumps(g, ensure_ascii=False)) for p, t, g in textdamage.make_kind(arts, "plain", 9, 1)]
        self.assertEqual(one, two)
        three = [t for _, t, _ in textdamage.make_kind(arts, "plain", 10, 1)]
        self.assertNotEqual([t for _, t, _ in one], three)


if __name__ == "__main__":
    unittest.main()
