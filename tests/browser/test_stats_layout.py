"""The statistics fit the screen: at 1280 px every table and chart is whole with nothing to
scroll; on a phone a wide table scrolls inside its own labelled region, and nothing is cut off
or wider than the screen."""

import os
from pathlib import Path

from app import datagen
from tests.browser.steps import heading, log_in_as_staff

PAGES = ["/personal/statistik", "/personal/statistik/enheter", "/personal/statistik/trend"]
# Whatever is wider than its box and does not scroll is cut off.
MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  // A table inside a wrapper that scrolls is reached by scrolling; everything else must fit.
  const boxes = [...document.querySelectorAll('.stats table, .stats svg, .stats-table-wrap')]
    .filter(b => !(b.tagName === 'TABLE' && b.closest('.stats-table-wrap')
                   && getComputedStyle(b.closest('.stats-table-wrap')).overflowX === 'auto'));
  return {
    page: document.documentElement.scrollWidth - width,
    outside: boxes.filter(b => b.getBoundingClientRect().right > width + 0.5).length,
    scrolling: [...document.querySelectorAll('.stats-table-wrap')]
      .filter(w => w.scrollWidth > w.clientWidth + 1)
      .map(w => w.getAttribute('aria-labelledby')),
    unlabelled: [...document.querySelectorAll('.stats-table-wrap')]
      .filter(w => !(w.getAttribute('role') === 'region' && w.getAttribute('aria-labelledby')))
      .length,
    cut: [...document.querySelectorAll('.stats-table-wrap, .stats figure')]
      .filter(w => getComputedStyle(w).overflowX === 'hidden'
                   && w.scrollWidth > w.clientWidth + 1).length,
  };
}"""


def test_every_table_and_chart_fits(app, new_page, make_staff, tmp_path):
    datagen.generate(app.extensions["db_engine"], 300, seed=2)
    manager = make_staff("manager")
    page = new_page()
    log_in_as_staff(page, manager.username)
    heading(page, "Statistik")
    shots = Path(os.environ.get("STATS_SHOTS", tmp_path))
    for width, height in ((1280, 900), (360, 740)):
        page.set_viewport_size({"width": width, "height": height})
        for path in PAGES:
            page.goto(path)
            found = page.evaluate(MEASURE)
            page.screenshot(
                path=shots / f"{path.strip('/').replace('/', '-')}-{width}.png", full_page=True
            )
            assert found["page"] <= 0, (path, width, found)
            assert found["outside"] == 0, (path, width, found)
            assert found["cut"] == 0, (path, width, found)
            assert found["unlabelled"] == 0, (path, width, found)
            if width == 1280:
                assert found["scrolling"] == [], (path, width, found)
