"""Evidence files: which documents are accepted, told by their content (never by the name or the
type the browser claims), and the name they keep.

A file whose name promises one type and whose content is another (an HTML page saved as
"minutes.pdf") is refused: it would be handed out under a misleading name.
"""

import os
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

from .models import MAX_EVIDENCE_BYTES

NAME_CHARS = 200
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class Kind:
    label: object  # lazy text
    content_type: str
    extension: str
    extensions: frozenset[str]


PDF = Kind(gettext_lazy("PDF"), "application/pdf", ".pdf", frozenset({".pdf"}))
DOCX = Kind(
    gettext_lazy("Word document (DOCX)"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".docx",
    frozenset({".docx"}),
)
ODT = Kind(
    gettext_lazy("OpenDocument text (ODT)"),
    "application/vnd.oasis.opendocument.text",
    ".odt",
    frozenset({".odt"}),
)
PNG = Kind(gettext_lazy("PNG image"), "image/png", ".png", frozenset({".png"}))
JPEG = Kind(gettext_lazy("JPEG image"), "image/jpeg", ".jpg", frozenset({".jpg", ".jpeg"}))
KINDS = (PDF, DOCX, ODT, PNG, JPEG)
KNOWN_EXTENSIONS = {extension: kind for kind in KINDS for extension in kind.extensions}


def accepted_types() -> str:
    """The accepted types, for help texts and messages."""
    return ", ".join(str(kind.label) for kind in KINDS)


def _zipped_kind(upload) -> Kind | None:
    """DOCX or ODT, from the archive's directory and (ODT) its small `mimetype` member; nothing
    else is decompressed, so an archive bomb costs nothing."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if (
                "mimetype" in names
                and archive.getinfo("mimetype").file_size <= 100
                and archive.read("mimetype").strip() == ODT_MIMETYPE
            ):
                return ODT
            if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
                return DOCX
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return None
    return None


def _image_kind(upload) -> Kind | None:
    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        return None
    return {"PNG": PNG, "JPEG": JPEG}.get(image_format or "")


def kind_of(upload) -> Kind | None:
    """The accepted type of the file's content, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"PK\x03\x04"):
            return _zipped_kind(upload)
        if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
            return _image_kind(upload)
        return None
    finally:
        upload.seek(0)


def _one_line(name: str) -> str:
    """The last part of a path, on one line, without control characters."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        " " if unicodedata.category(char).startswith(("C", "Z")) else char for char in name
    )
    return " ".join(name.split()).strip(". ")


def clean_name(name: str, kind: Kind) -> str:
    """The uploader's file name as shown and offered on download: its last part only, one line
    without control characters, at most NAME_CHARS long with an extension of its type."""
    name = _one_line(name)
    stem, extension = os.path.splitext(name)
    if extension.lower() not in kind.extensions:
        stem, extension = name, kind.extension
    stem = stem[: NAME_CHARS - len(extension)].rstrip() or _("document")
    return f"{stem}{extension}"


def check(upload) -> Kind:
    """The file's accepted type; a ValidationError naming the file and the rule otherwise."""
    name = _one_line(upload.name)[:NAME_CHARS]
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s: a file may be at most %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_EVIDENCE_BYTES),
            },
            code="too_large",
        )
    kind = kind_of(upload)
    if kind is None:
        raise ValidationError(
            _(
                "“%(name)s” is not a document of an accepted type: only %(types)s files are "
                "accepted, and the type is checked from the file's content."
            )
            % {"name": name, "types": accepted_types()},
            code="type",
        )
    claimed = KNOWN_EXTENSIONS.get(os.path.splitext(upload.name or "")[1].lower())
    if claimed is not None and claimed is not kind:
        raise ValidationError(
            _(
                "“%(name)s” is named as a %(claimed)s but its content is a %(actual)s: rename "
                "it or choose the right file."
            )
            % {"name": name, "claimed": claimed.label, "actual": kind.label},
            code="mismatch",
        )
    return kind
