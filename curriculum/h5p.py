"""Checking and storing uploaded H5P packages.

A package is checked completely before anything is written: a real zip; every member
with a safe relative path, no links, an allowed file type, bounded size and compression
ratio; a bounded number of members and total size; `h5p.json` with a main library that
the package contains. pyh5p reads and validates the package offline (it is never asked
to reach the H5P Hub). A good package is stored, extracted, in a folder named by the
SHA-256 of its bytes, so the same package uploaded twice is stored once.
"""

import hashlib
import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pyh5p.errors import H5PError
from pyh5p.package import PackageLimits, read_package

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_FILES = 2_000
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 150 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100.0
# H5P's own default allow-list (content files, plus the JavaScript and CSS of libraries):
# what real packages carry, icons in SVG and webfonts included. HTML and anything else
# stays refused. Packages run only on the activity origin (curriculum.activity_origin).
LIBRARY_EXTENSIONS = {"js", "css", "json", "map"}
IMAGE_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "svg", "webp"}
FONT_EXTENSIONS = {"eot", "ttf", "woff", "woff2", "otf"}
MEDIA_EXTENSIONS = {"webm", "mp4", "ogg", "ogv", "mp3", "m4a", "wav", "vtt", "webvtt"}
MODEL_EXTENSIONS = {"gltf", "glb"}
# Kept because H5P keeps them, but never displayed or run: always sent as a download.
INERT_EXTENSIONS = frozenset(
    {"md", "textile", "diff", "patch", "csv", "xml", "rtf", "pdf", "swf"}
    | {"doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"}
)
ALLOWED_EXTENSIONS = frozenset(
    LIBRARY_EXTENSIONS
    | IMAGE_EXTENSIONS
    | FONT_EXTENSIONS
    | MEDIA_EXTENSIONS
    | MODEL_EXTENSIONS
    | {"txt"}
    | INERT_EXTENSIONS
)
LIMITS = PackageLimits(
    max_files=MAX_FILES,
    max_file_size=MAX_FILE_BYTES,
    max_total_size=MAX_TOTAL_BYTES,
    max_compression_ratio=MAX_COMPRESSION_RATIO,
    allowed_extensions=ALLOWED_EXTENSIONS,
)
STORAGE_ROOT = "h5p"
# What reading a damaged or hostile zip can raise, besides our own refusals.
UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    OSError,
    RuntimeError,
    NotImplementedError,
)


def _not_a_zip_message() -> str:
    return _("This file is not an H5P package (not a readable zip archive).")


class PackageRefused(Exception):
    """The package cannot be used; `message` says why, in the person's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedPackage:
    digest: str
    title: str
    main_library: str
    files: dict[str, bytes]


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def package_path_unsafe(name: str) -> bool:
    """Is `name` anything but a plain relative path inside a package? Checked on upload
    and again for every file the activity origin serves. Split by hand: PurePosixPath
    would quietly drop empty and "." segments."""
    if not name or "\x00" in name or "\\" in name or ":" in name:
        return True
    return any(part in {"", ".", ".."} for part in name.split("/"))


def _check_members(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_FILES:
        raise PackageRefused(
            _("The package holds too many files (%(count)d; at most %(max)d).")
            % {"count": len(members), "max": MAX_FILES}
        )
    total = 0
    refused_types = []
    for member in members:
        name = member.filename
        # Checked before is_dir(), which fails on an empty name.
        if package_path_unsafe(name.removesuffix("/")):
            raise PackageRefused(
                _("The package contains an unsafe path: “%(name)s”.") % {"name": name}
            )
        if (member.external_attr >> 16) & 0o170000 == 0o120000:
            raise PackageRefused(
                _("The package contains a link (“%(name)s”); links are not allowed.")
                % {"name": name}
            )
        if member.is_dir():
            continue
        extension = PurePosixPath(name).suffix.lower().lstrip(".")
        if extension not in ALLOWED_EXTENSIONS:
            refused_types.append(name)
            continue
        if member.file_size > MAX_FILE_BYTES:
            raise PackageRefused(
                _("“%(name)s” is too large once unpacked (%(size)s; at most %(max)s).")
                % {
                    "name": name,
                    "size": _megabytes(member.file_size),
                    "max": _megabytes(MAX_FILE_BYTES),
                }
            )
        if member.file_size / max(member.compress_size, 1) > MAX_COMPRESSION_RATIO:
            raise PackageRefused(
                _("“%(name)s” is compressed far more than real content is; the package is refused.")
                % {"name": name}
            )
        total += member.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackageRefused(
                _("The package is too large once unpacked (more than %(max)s).")
                % {"max": _megabytes(MAX_TOTAL_BYTES)}
            )
    if refused_types:
        raise PackageRefused(
            ngettext(
                "The package contains a file of a type H5P does not allow: %(names)s. "
                "Remove it from the package (or export the activity again from an H5P "
                "editor) and upload it again.",
                "The package contains %(count)d files of types H5P does not allow: "
                "%(names)s. Remove them from the package (or export the activity again "
                "from an H5P editor) and upload it again.",
                len(refused_types),
            )
            % {"count": len(refused_types), "names": ", ".join(f"“{n}”" for n in refused_types)}
        )


def package_check(data: bytes) -> CheckedPackage:
    """Check an uploaded .h5p completely; raise PackageRefused with the reason."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise PackageRefused(
            _("The file is too large (%(size)s; at most %(max)s).")
            % {"size": _megabytes(len(data)), "max": _megabytes(MAX_UPLOAD_BYTES)}
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_members(archive)
            broken = archive.testzip()
            if broken is not None:
                raise PackageRefused(
                    _("The package is damaged (“%(name)s” cannot be read).") % {"name": broken}
                )
    except UNREADABLE as error:
        raise PackageRefused(_not_a_zip_message()) from error
    try:
        package = read_package(data, limits=LIMITS)
    except H5PError as error:
        raise PackageRefused(
            _("The package is not valid H5P: %(reason)s.") % {"reason": error}
        ) from error
    except UNREADABLE as error:
        raise PackageRefused(_not_a_zip_message()) from error
    main = package.metadata.get("mainLibrary")
    if not isinstance(main, str) or not main:
        raise PackageRefused(_("h5p.json does not name a main library."))
    if not any(library.id.machine_name == main for library in package.libraries):
        raise PackageRefused(
            _("The main library “%(library)s” is not in the package.") % {"library": main}
        )
    if package.content is None:
        raise PackageRefused(_("The package has no content (content/content.json)."))
    title = package.metadata.get("title")
    return CheckedPackage(
        digest=hashlib.sha256(data).hexdigest(),
        title=title if isinstance(title, str) else "",
        main_library=main,
        files=dict(package.files),
    )


def package_store(checked: CheckedPackage) -> str:
    """Write the checked package's files under h5p/<sha256>/; returns that folder."""
    folder = f"{STORAGE_ROOT}/{checked.digest}"
    if default_storage.exists(f"{folder}/h5p.json"):
        return folder
    # h5p.json goes last: a folder that has it is complete.
    for name in sorted(checked.files, key=lambda n: (n == "h5p.json", n)):
        default_storage.save(f"{folder}/{name}", ContentFile(checked.files[name]))
    return folder
