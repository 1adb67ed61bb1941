"""Atomic, write-only-if-changed output: a reader never sees half a file.

Each file is written to a temporary name in its own folder, flushed to disk, then renamed
over the old one (`os.replace`), so a crash leaves the previous version intact. Bytes equal
to what is on disk are not written at all, so unchanged files keep their mtime (and ETag).
Every target must lie inside the output folder.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from harvester.errors import HarvestError

_TEMP_PREFIX = ".pubharvest-"
_TEMP_SUFFIX = ".tmp"
_MODE = 0o644


@dataclass
class Pending:
    """A file being written: write to `file`; `written` says afterwards if it was replaced."""

    file: BinaryIO
    written: bool = False


def inside(root: Path, path: Path) -> Path:
    """Return path resolved, or raise HarvestError if it is not inside root.

    Raises:
        HarvestError: the path escapes the output folder (`..`, a symlink, an absolute path).
    """
    base = root.resolve()
    target = (base / path).resolve()
    if target == base or not target.is_relative_to(base):
        raise HarvestError(f"refusing to write {path}: outside the output folder {base}")
    return target


def write_bytes(root: Path, path: Path | str, data: bytes) -> bool:
    """Write data to root/path atomically unless the file already holds exactly those bytes.

    Returns:
        True if the file was written, False if it was already up to date.

    Raises:
        HarvestError: the path escapes root, or the file cannot be written (one-line reason).
    """
    target = inside(root, Path(path))
    if _same_bytes(target, data):
        return False
    with atomic_file(root, target) as pending:
        pending.file.write(data)
    return pending.written


@contextlib.contextmanager
def atomic_file(root: Path, path: Path | str) -> Iterator[Pending]:
    """Yield a temporary file that replaces root/path when the block ends without error.

    If the new content equals the old file byte for byte, the old file is kept untouched
    (and `Pending.written` stays False).

    Raises:
        HarvestError: the path escapes root, or the file cannot be written.
    """
    target = inside(root, Path(path))
    temp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=_TEMP_PREFIX + target.name,
                                         suffix=_TEMP_SUFFIX, delete=False) as handle:
            temp = Path(handle.name)
            pending = Pending(handle)
            yield pending
            handle.flush()
            os.fsync(handle.fileno())
        if target.is_file() and filecmp.cmp(temp, target, shallow=False):
            return
        os.chmod(temp, _mode_of(target))
        os.replace(temp, target)
        temp = None
        pending.written = True
        _sync_dir(target.parent)
    except OSError as exc:
        raise HarvestError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)


def remove_file(root: Path, path: Path | str) -> bool:
    """Remove root/path if it exists (never outside root); return whether it existed.

    Raises:
        HarvestError: the path escapes root, or the file cannot be removed.
    """
    target = inside(root, Path(path))
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise HarvestError(f"cannot remove {target}: {exc.strerror or exc}") from None
    return True


def remove_dir_if_empty(root: Path, path: Path | str) -> None:
    """Remove an empty folder inside root, after clearing temp files a crash left there."""
    target = inside(root, Path(path))
    if target.is_symlink() or not target.is_dir():
        return
    for leftover in target.glob(_TEMP_PREFIX + "*" + _TEMP_SUFFIX):
        leftover.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        target.rmdir()


def _same_bytes(target: Path, data: bytes) -> bool:
    """Tell whether target is a file holding exactly data."""
    try:
        if target.stat().st_size != len(data):
            return False
        return target.read_bytes() == data
    except OSError:
        return False


def _mode_of(target: Path) -> int:
    """Return the permission bits to give the new file: the old file's, else rw-r--r--."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return _MODE


def _sync_dir(folder: Path) -> None:
    """Flush a folder's entries to disk so the rename survives a power cut (POSIX only)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
