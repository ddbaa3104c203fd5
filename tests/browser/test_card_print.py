"""The unit's card sheet printed from Chromium to A4: whole cards on each page, inside margins
a home printer keeps, and every QR code read back by an independent reader (zbar)."""

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from app.models import LoginCard

from .steps import heading, log_in_as_staff

# A home printer leaves about 4 mm at each edge unprinted; the sheet keeps clear of 6 mm.
PRINTER_MARGIN_MM = 6
DPI = 150


def page_images(pdf: Path, out: Path) -> list[Image.Image]:
    pdftoppm = shutil.which("pdftoppm")
    subprocess.run([pdftoppm, "-r", str(DPI), "-png", str(pdf), str(out / "page")], check=True)  # noqa: S603
    return [Image.open(path).convert("L") for path in sorted(out.glob("page-*.png"))]


def inked_box(image: Image.Image) -> tuple[int, int, int, int]:
    """Where anything is printed on the page: (left, top, right, bottom) in pixels."""
    return Image.eval(image, lambda v: 255 if v < 250 else 0).getbbox()


def qr_codes(image_path: Path) -> list[str]:
    zbarimg = shutil.which("zbarimg")
    result = subprocess.run(  # noqa: S603
        [zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return result.stdout.split()


@pytest.mark.parametrize("people", [7])
def test_a_unit_sheet_prints_whole_cards_on_a4_and_each_qr_code_reads(
    app, db, make_unit, make_staff, make_participant, new_page, tmp_path, people
):
    unit = make_unit("Kaféet")
    make_staff("admin", username="ali")
    # A long first name must not push the right-hand card off the page.
    names = ["Anna", "Maximiliana-Kristina", "Cem", "Dana", "Eli", "Fredrika", "Gunnar"][:people]
    for name in names:
        make_participant(name, unit=unit)

    admin = new_page()
    log_in_as_staff(admin, "ali")
    admin.goto(f"/admin/enheter/{unit.id}/kort")
    for box in admin.locator("input[name=participant]").all():
        box.check()
    admin.get_by_role("button", name="Skapa kort och skriv ut").click()
    heading(admin, "Skriv ut kort")
    # On paper each card keeps its content inside its dashed border.
    admin.emulate_media(media="print")
    spilling = admin.evaluate(
        """() => [...document.querySelectorAll('.login-card')]
          .filter(card => card.scrollHeight > card.clientHeight + 1
                       || card.scrollWidth > card.clientWidth + 1)
          .map(card => card.getAttribute('aria-label'))"""
    )
    assert spilling == []
    pdf = tmp_path / "kort.pdf"
    admin.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)

    images = page_images(pdf, tmp_path)
    width_mm = images[0].width / DPI * 25.4
    assert round(width_mm) == 210, "A4"
    margin = PRINTER_MARGIN_MM / 25.4 * DPI
    for image in images:
        left, top, right, bottom = inked_box(image)
        assert left >= margin and top >= margin, (left, top)
        assert right <= image.width - margin, (
            f"ink {image.width - right:.0f} px from the right edge"
        )
        assert bottom <= image.height - margin

    # A whole number of cards per page: six on a full page.
    per_page = [qr_codes(path) for path in sorted(tmp_path.glob("page-*.png"))]
    assert [len(codes) for codes in per_page] == [6, people - 6]
    decoded = [address for codes in per_page for address in codes]
    db.expire_all()
    assert len(db.exec(select(LoginCard)).all()) == people
    assert all("/k/" in address for address in decoded)
    assert len(set(decoded)) == people
