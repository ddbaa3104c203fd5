"""Recorded voices for administrators: which texts lack a recording, recording and removing."""

from flask import abort, g, redirect, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from ..access import staff_required
from ..extensions import csrf
from ..i18n import LANGUAGES, code
from ..models import Role
from ..web import render
from . import audio, bp, recordings, sound, texts, voice
from .forms import PROBLEMS, RecordingForm

admin_only = staff_required(Role.admin)
# A recording may be 2 MB; the form around it a little more. Other forms take 64 kB.
UPLOAD_LIMIT = recordings.MAX_BYTES + 64 * 1024


@bp.get("/admin/ljud")
@admin_only
def admin_list():
    """Every fixed text of one language: those without a recording first."""
    language = request.args.get("sprak", code())
    if language not in LANGUAGES:
        abort(404)
    lines = recordings.lines(language)
    return render(
        "speech/admin_list.html",
        language_code=language,
        lines=lines,
        missing=sum(1 for line in lines if line.recording is None),
        server_voice=voice.available(language),
        can_record=sound.ffmpeg() is not None,
    )


def _line_or_404(language: str, text_key: str) -> tuple[str, recordings.Recording | None]:
    if language not in LANGUAGES:
        abort(404)
    recording = recordings.find(language, text_key)
    text = texts.fixed_texts(language).get(text_key) or (recording.text if recording else None)
    if text is None:
        abort(404)
    return text, recording


@bp.route("/admin/ljud/<language>/<text_key>", methods=["GET", "POST"])
@admin_only
@csrf.exempt  # checked by the form, once the larger limit for sound files is set
def admin_record(language, text_key):
    """Record one text in the browser (listen before saving) or upload a sound file."""
    text, recording = _line_or_404(language, text_key)
    request.max_content_length = UPLOAD_LIMIT
    problem = None
    try:
        form = RecordingForm()
        if form.validate_on_submit():
            upload = form.audio.data
            data = upload.read(recordings.MAX_BYTES + 1) if upload else b""
            recordings.save(language, text_key, text, data, g.staff)
            return redirect(url_for("speech.admin_list", sprak=language), 303)
    except RequestEntityTooLarge:
        form, problem = RecordingForm(formdata=None), "too_large"
    except recordings.RecordingError as error:
        problem = str(error)
    if problem:
        form.audio.errors = [PROBLEMS[problem]]
    return render(
        "speech/admin_record.html",
        form=form,
        language_code=language,
        text_key=text_key,
        text=text,
        recording=recording,
        recording_url=audio.recording_address(recording) if recording else None,
        server_voice=voice.available(language),
        status=422 if form.errors or request.method == "POST" else 200,
    )


@bp.post("/admin/ljud/<language>/<text_key>/ta-bort")
@admin_only
def admin_remove(language, text_key):
    """Remove a recording: the text is read by the phone's or the server's voice again."""
    _line_or_404(language, text_key)
    recordings.remove(language, text_key)
    return redirect(url_for("speech.admin_list", sprak=language), 303)
