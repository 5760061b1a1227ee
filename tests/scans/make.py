"""Makes the two scan pages of the `--ocr` CI step (.ci/run, issue 15): A5 at 150 dpi
(874 x 1240 px), grey PNG, text written for this test (no source text). Needs Pillow and
Debian's fonts-noto-cjk. Run from this folder: python3 make.py"""
from PIL import Image, ImageDraw, ImageFont

W, H = 874, 1240
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
PAGES = {
    "01.png": ("城市公园春季延长开放", "本报讯（记者 王立）",
               ["市园林局昨日宣布，全市十二座公园将于下周一起延长开放时间，",
                "每天早六点至晚十点向市民免费开放。",
                "园内新增座椅二百余张，并在湖边步道加装照明设施。",
                "园林局负责人表示，开放期间将增派人员维护秩序，",
                "请市民爱护花木，文明游园。"]),
    "02.png": ("新图书馆今日投入使用", "本报讯（通讯员 李静）",
               ["位于城东的新图书馆今天正式开馆，馆内藏书三十万册，",
                "设有少儿阅览室、自习区和电子阅读区。",
                "读者凭身份证即可办理借书证，每人每次可借五本书。",
                "开馆首日共接待读者四千余人次。"]),
}


def page(name, headline, byline, body):
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    head, text = ImageFont.truetype(BOLD, 44, index=2), ImageFont.truetype(FONT, 26, index=2)
    y = 90
    d.text((70, y), headline, font=head, fill=0)
    y += 90
    d.text((70, y), byline, font=text, fill=0)
    y += 50
    for line in body:
        d.text((70, y), line, font=text, fill=0)
        y += 44
    im.save(name, optimize=True, dpi=(150, 150))


for name, (headline, byline, body) in PAGES.items():
    page(name, headline, byline, body)
