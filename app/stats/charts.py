"""Bar charts drawn on the server as SVG: no script, readable by screen readers, printable."""

from markupsafe import Markup, escape

from .suppression import PROTECTED, SMALL

WIDTH = 360
BAR_HEIGHT = 22
LABEL_SPACE = 22
ROW = LABEL_SPACE + BAR_HEIGHT + 12
VALUE_SPACE = 90


def bar_chart(chart_id: str, title: str, bars: list[tuple], shown) -> Markup:
    """Horizontal bars, one per (label, count), each under its label so a phone can read it.
    Hidden counts get no bar, only their words.

    The SVG is an image with a title and a description; the table beside it holds the same
    counts for anyone who cannot see the picture.
    """
    counts = [value for _label, value in bars if isinstance(value, int)]
    largest = max(counts, default=0) or 1
    room = WIDTH - VALUE_SPACE
    height = len(bars) * ROW + 4
    description = "; ".join(f"{label}: {shown(value)}" for label, value in bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for i, (label, value) in enumerate(bars):
        top = i * ROW
        bar_top = top + LABEL_SPACE
        middle = bar_top + BAR_HEIGHT / 2
        parts.append(f'<text x="0" y="{top + 16}" class="chart-label">{escape(str(label))}</text>')
        if value not in (SMALL, PROTECTED):
            length = max(round(room * value / largest, 1), 1)
            parts.append(
                f'<rect x="0" y="{bar_top}" width="{length}" height="{BAR_HEIGHT}" '
                f'class="chart-bar"/>'
            )
            x = length + 6
        else:
            x = 0
        parts.append(
            f'<text x="{x}" y="{middle}" dominant-baseline="middle" class="chart-value">'
            f"{escape(shown(value))}</text>"
        )
    parts.append("</svg>")
    # Every piece of text above went through escape().
    return Markup("".join(parts))  # noqa: S704


COLUMN_HEIGHT = 150
TOP_SPACE = 24
AXIS_SPACE = 26
# About how wide a digit of the 12 px chart text is, in the chart's own units.
DIGIT = 7.5


def year_label(label: str) -> str:
    """ "2017" as "’17": ten years side by side fit a phone, and never run together."""
    text = str(label)
    return f"’{text[2:4]}" if len(text) >= 4 and text[:4].isdigit() else text


def column_chart(chart_id: str, title: str, columns: list[tuple], shown) -> Markup:
    """Upright columns, one per (label, count): a trend over the years, oldest first. A hidden
    count gets no column, only a dash above its year; the table beside it says why. Years are
    written short ("’17"); counts too wide for their column stand upright above it."""
    counts = [value for _label, value in columns if isinstance(value, int)]
    largest = max(counts, default=0) or 1
    step = WIDTH / max(len(columns), 1)
    widest = max((len(str(value)) for value in counts), default=1) * DIGIT
    upright = widest > step - 6
    top_space = round(widest + 10) if upright else TOP_SPACE
    height = top_space + COLUMN_HEIGHT + AXIS_SPACE
    description = "; ".join(f"{label}: {shown(value)}" for label, value in columns)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-trend" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<line x1="0" x2="{WIDTH}" y1="{top_space + COLUMN_HEIGHT}" '
        f'y2="{top_space + COLUMN_HEIGHT}" class="chart-axis"/>',
    ]
    for i, (label, value) in enumerate(columns):
        middle = round(i * step + step / 2, 1)
        bottom = top_space + COLUMN_HEIGHT
        if value in (SMALL, PROTECTED):
            text, top = "–", bottom - 4
        else:
            length = max(round(COLUMN_HEIGHT * value / largest, 1), 1)
            top = round(bottom - length, 1)
            parts.append(
                f'<rect x="{round(middle - step * 0.35, 1)}" y="{top}" '
                f'width="{round(step * 0.7, 1)}" height="{length}" class="chart-bar"/>'
            )
            text = str(value)
        if upright and text != "–":
            parts.append(
                f'<text x="{middle}" y="{top - 5}" dominant-baseline="middle" '
                f'transform="rotate(-90 {middle} {top - 5})" class="chart-value">'
                f"{escape(text)}</text>"
            )
        else:
            parts.append(
                f'<text x="{middle}" y="{top - 5}" text-anchor="middle" class="chart-value">'
                f"{escape(text)}</text>"
            )
        parts.append(
            f'<text x="{middle}" y="{bottom + 18}" text-anchor="middle" class="chart-label">'
            f"{escape(year_label(label))}</text>"
        )
    parts.append("</svg>")
    # Every piece of text above went through escape().
    return Markup("".join(parts))  # noqa: S704
