#!/usr/bin/env python3
"""Makes the app icon tiles in src/main/resources/static/img/apps/ from Simple Icons (CC0).

Run by hand when an app with an icon is added to catalog/Apps.java; nothing runs at build time:

    npm pack simple-icons@16.37.0 && tar xzf simple-icons-16.37.0.tgz
    python3 docs/tools/app-icons.py package

Each tile is the brand's glyph on its brand colour, in white or near-black, whichever contrasts more,
so it reads the same on a dark or a light page.
"""
import json
import pathlib
import re
import sys

VERSION = "16.37.0"
root = pathlib.Path(__file__).resolve().parents[2]
package = pathlib.Path(sys.argv[1])
out = root / "src/main/resources/static/img/apps"
apps = (root / "src/main/java/app/flowmarket/catalog/Apps.java").read_text()
slugs = sorted(set(re.findall(r'a\("[^"]+", "([a-z0-9]+)"', apps)))
data = json.loads((package / "data/simple-icons.json").read_text())
icons = {i["slug"]: i for i in (data if isinstance(data, list) else data["icons"])}


def luminance(hex_colour):
    def channel(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = hex_colour[0:2], hex_colour[2:4], hex_colour[4:6]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b):
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


out.mkdir(parents=True, exist_ok=True)
for old in out.glob("*.svg"):
    old.unlink()
for slug in slugs:
    icon = icons[slug]
    svg = (package / "icons" / f"{slug}.svg").read_text()
    path = re.search(r'<path d="([^"]+)"', svg).group(1)
    bg = icon["hex"].upper()
    lum = luminance(bg)
    glyph = "#FFFFFF" if contrast(lum, 1.0) >= contrast(lum, luminance("111827")) else "#111827"
    (out / f"{slug}.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" rx="7" fill="#{bg}"/>'
        f'<path transform="translate(6 6) scale(.8333)" fill="{glyph}" d="{path}"/></svg>\n')
(out / "LICENSE.md").write_text(
    f"The icons here are made from Simple Icons {VERSION} (https://simpleicons.org, npm package `simple-icons`),\n"
    "placed on a tile of the brand's colour by docs/tools/app-icons.py. Simple Icons is released under CC0 1.0;\n"
    "its licence follows. The brands themselves are their owners' trademarks.\n\n" + (package / "LICENSE.md").read_text())
print(len(slugs), "icons")
