"""Documents staff file in their own systems, as PDF: the brief before a meeting (for the case
system) and the plan (for the provider's records). Text only, A4; nothing is fetched while
printing."""

from flask import render_template
from weasyprint import CSS, HTML

from .models import utcnow

# Pictures stay on screen: the filed copy is text.
_NO_PICTURES = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def _no_fetching(_url: str, *_args, **_kwargs) -> dict:
    return {"string": _NO_PICTURES, "mime_type": "image/svg+xml"}


def render(template: str, **context) -> bytes:
    """The template as a PDF; `made_at` (now) tells the reader when it was made."""
    html = render_template(template, made_at=utcnow(), **context)
    return HTML(string=html, url_fetcher=_no_fetching, base_url="/").write_pdf(
        stylesheets=[CSS(string=PRINT_CSS)]
    )


PRINT_CSS = """
@page { size: A4; margin: 15mm 15mm 15mm 15mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; line-height: 1.3; color: #000; }
h1 { font-size: 14pt; margin: 0 0 2mm; }
h2 { font-size: 10.5pt; margin: 3mm 0 1mm; }
h3 { font-size: 9.5pt; margin: 2.5mm 0 1mm; }
img { display: none; }
p, ul, dl, table, blockquote { margin: 0 0 1.5mm; }
ul { padding-left: 5mm; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .6mm 1.5mm;
  border-bottom: .3pt solid #999; }
.facts { display: grid; grid-template-columns: 42mm auto; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.answer-chip + .answer-chip::before { content: ", "; }
.hint { color: #333; }
.agreed { border: .6pt solid #000; padding: 2mm; margin-top: 3mm; }
.made { color: #333; font-size: 8pt; }
"""
