"""Draw the app icons and the sharing image from static/img/favicon.svg, once; the PNGs are
committed (static/img/icon-*.png, static/img/share.png).

    .venv/bin/python scripts/make_icons.py

Chromium (Playwright, /usr/bin/chromium) draws them, so the PNGs match what browsers show for
the SVG. The maskable icon keeps the letters inside the central 80 % that launchers never crop.
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

IMG = Path(__file__).resolve().parent.parent / "static" / "img"
ICON = (IMG / "favicon.svg").read_text()
STARS = (IMG / "star-ring.svg").read_text()

SQUARE = "<style>html,body{{margin:0;background:transparent}}svg{{display:block}}</style>{svg}"
MASKABLE = (
    "<style>html,body{{margin:0;background:#039}}div{{padding:{pad}px}}svg{{display:block}}"
    "</style><div>{svg}</div>"
)
# 1200 x 630: the size Open Graph readers (social networks, chat apps) expect.
SHARE = """<style>
html,body{{margin:0;width:1200px;height:630px;background:#039;color:#fff;font-family:sans-serif}}
.stars{{position:absolute;right:80px;top:115px;width:400px;height:400px}}
.stars svg{{width:400px;height:400px}}
.text{{position:absolute;left:80px;top:170px;width:640px}}
h1{{margin:0 0 24px;font-size:84px;letter-spacing:2px}}
p{{margin:0;font-size:36px;line-height:1.35;color:#fc0}}
</style>
<div class="stars">{stars}</div>
<div class="text"><h1>INTER VENTURES</h1>
<p>Five EU border regions helping small firms go international</p></div>"""


def sized(svg: str, size: int) -> str:
    return svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)


def shoot(page, html: str, width: int, height: int, path: Path, transparent: bool) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.set_content(html)
    page.screenshot(path=str(path), omit_background=transparent)


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
        )
        page = browser.new_page()
        for size in (32, 180, 192, 512):
            html = SQUARE.format(svg=sized(ICON, size))
            shoot(page, html, size, size, IMG / f"icon-{size}.png", transparent=True)
        pad = 512 // 10
        html = MASKABLE.format(pad=pad, svg=sized(ICON, 512 - 2 * pad))
        shoot(page, html, 512, 512, IMG / "icon-maskable-512.png", transparent=False)
        shoot(page, SHARE.format(stars=STARS), 1200, 630, IMG / "share.png", transparent=False)
        browser.close()


if __name__ == "__main__":
    main()
