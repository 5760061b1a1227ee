#!/usr/bin/env python3
"""banmian view in a real browser (issue 16): headless Chromium through chromedriver's
WebDriver protocol, spoken with the standard library only (no Selenium).

For the seed (a text page) and one real PaddleOCR page it writes the viewer's HTML,
opens it, takes a screenshot, checks the article count and every article's texts in
the DOM, clicks article k with a WebDriver element click and checks that exactly the
elements of article k (its boxes or lines, and its entry in the list) gain the class
`hl`, and reads the load time the page records in <body data-load-ms>.

usage: view_browser.py BANMIAN SHARED OUTDIR [--max-load-ms N]
Needs Debian's chromium and chromium-driver (.ci/run installs them).
"""
import base64, json, os, pathlib, socket, subprocess, sys, time, urllib.request

W3C_ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Driver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]}}}}
        self.sid = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)["value"]

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.sid}{path}", body)

    def js(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def click(self, css):
        found = self.s("POST", "/element", {"using": "css selector", "value": css})
        el = found.get(W3C_ELEMENT) or found.get("ELEMENT")
        assert el, f"no element {css}: {found}"
        self.s("POST", f"/element/{el}/click", {})


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, **kw)
    if r.returncode != 0:
        sys.exit(f"FAILED: {' '.join(map(str, cmd))}: {r.stderr.decode(errors='replace')}")
    return r.stdout


def check(driver, name, html, page, max_load_ms, outdir):
    driver.s("POST", "/url", {"url": pathlib.Path(html).resolve().as_uri()})
    for _ in range(100):
        load = driver.js("return document.body && document.body.getAttribute('data-load-ms');")
        if load:
            break
        time.sleep(0.05)
    load = float(load)
    shot = base64.b64decode(driver.s("GET", "/screenshot"))
    assert shot.startswith(b"\x89PNG") and len(shot) > 5000, f"{name}: screenshot of {len(shot)} bytes"
    (outdir / f"{name}.png").write_bytes(shot)
    arts = page["articles"]
    n = driver.js("return document.querySelectorAll('#articles li.article').length;")
    assert n == len(arts), f"{name}: {n} articles in the DOM, {len(arts)} in the page"
    for a in arts:
        t = driver.js("return document.querySelector('#articles li.article[data-article=\"' + arguments[0] + '\"]').textContent;", a["id"])
        for v in [a.get("headline")] + [b["text"] for b in a["blocks"]]:
            assert v is None or v in t, f"{name}: article {a['id']} lacks {v[:30]!r} in the DOM"
    boxed = any(b.get("bbox") for a in arts for b in a["blocks"])
    k = len(arts) // 2
    driver.click(f"#articles li.article[data-article=\"{k}\"]")
    lit = driver.js("return Array.from(document.querySelectorAll('.hl')).map(e => [e.tagName.toLowerCase(), e.getAttribute('data-article')]);")
    assert lit and all(a == str(k) for _, a in lit), f"{name}: after clicking article {k}, lit: {lit[:10]}"
    if boxed:
        want = sum(1 for b in arts[k]["blocks"] + arts[k].get("heads", []) if b.get("bbox"))
        got = sum(1 for tag, _ in lit if tag == "g")
        assert got == want, f"{name}: article {k} has {want} boxes, {got} lit"
    else:
        got = sum(1 for tag, _ in lit if tag == "li") - 1
        span = arts[k]["lines"][1] - arts[k]["lines"][0] + 1
        assert 1 <= got <= span, f"{name}: article {k} spans {span} lines, {got} lit"
    # Clicking on the page (a box or a line of another article) moves the highlight there.
    other = 0 if k else min(1, len(arts) - 1)
    sel = f"g.box[data-article=\"{other}\"] rect" if boxed else f"li.line[data-article=\"{other}\"]"
    driver.click(sel)
    lit2 = driver.js("return Array.from(document.querySelectorAll('.hl')).map(e => e.getAttribute('data-article'));")
    assert lit2 and set(lit2) == {str(other)}, f"{name}: clicking the page lit {set(lit2)}"
    assert load < max_load_ms, f"{name}: load {load:.0f} ms, over {max_load_ms} ms"
    print(f"{name}: {len(arts)} articles in the DOM, texts present; click on article {k} lit {got} {'boxes' if boxed else 'lines'} of it and nothing else; load {load:.0f} ms; screenshot {len(shot)} bytes, HTML {os.path.getsize(html)} bytes")


def main():
    args = sys.argv[1:]
    max_load_ms = 3000.0
    if "--max-load-ms" in args:
        i = args.index("--max-load-ms")
        max_load_ms = float(args[i + 1])
        del args[i:i + 2]
    binary, shared, outdir = args
    outdir = pathlib.Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    pages = [("seed", pathlib.Path(shared) / "gold/seed.txt")]
    paddle = sorted((pathlib.Path(shared) / "realpages/bha21-leaflets/raw_paddleocr").glob("*.json"))
    if paddle:
        pages.append(("paddleocr", paddle[0]))
    else:
        print("SKIPPED (visibly): no real PaddleOCR page under", shared, "- the seed only")
    port = free_port()
    drv_proc = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        driver = Driver(port)
        try:
            for name, src in pages:
                page_json = outdir / f"{name}.json"
                page_json.write_bytes(run([binary, str(src)]))
                html = outdir / f"{name}.html"
                extra = ["--input", str(src)] if name == "seed" else []
                run([binary, "view", str(page_json), *extra, "-o", str(html)])
                check(driver, name, html, json.loads(page_json.read_text(encoding="utf-8")), max_load_ms, outdir)
        finally:
            driver.call("DELETE", f"/session/{driver.sid}")
    finally:
        drv_proc.terminate()
        drv_proc.wait()


if __name__ == "__main__":
    main()
