"""Atomic, write-only-if-changed output: a reader never sees half a file.

Each file is written to a temporary name in its own folder, flushed to disk, then renamed
over the old one (`os.replace`), so a crash leaves the previous version intact. Bytes equal
to what is on disk are not written at all, so unchanged files keep their mtime (and ETag).
Every target must lie inside the output folder.

A `Writer` holds an exclusive `flock` on the output folder itself while it writes, so two
processes publishing into one folder take turns, and the temporary files a killed writer
left behind (nobody else can be writing them then) are removed when the next one starts.
"""

from __future__ import annotations

import contextlib
import fcntl
import filecmp
import os
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from harvester.errors import OutputError

_TEMP_PREFIX = ".pubharvest-"
#: Threads that write files: fsync waits on the disk, not the CPU, and overlapping them
#: lets the file system commit several in one journal flush.
WRITERS = 8
_TEMP_SUFFIX = ".tmp"
_MODE = 0o644
#: How long a Writer waits for another process to finish writing the same output folder.
LOCK_WAIT = 300.0


@dataclass
class Pending:
    """A file being written: write to `file`; `written` says afterwards if it was replaced."""

    file: BinaryIO
    written: bool = False


def inside(root: Path, path: Path) -> Path:
    """Return path resolved, or raise OutputError if it is not inside root.

    Raises:
        OutputError: the path escapes the output folder (`..`, a symlink, an absolute path).
    """
    base = root.resolve()
    target = (base / path).resolve()
    if target == base or not target.is_relative_to(base):
        raise OutputError(f"refusing to write {path}: outside the output folder {base}")
    return target


def write_bytes(root: Path, path: Path | str, data: bytes, *, sync_dir: bool = True) -> bool:
    """Write data to root/path atomically unless the file already holds exactly those bytes.

    Returns:
        True if the file was written, False if it was already up to date.

    Raises:
        OutputError: the path escapes root, or the file cannot be written (one-line reason).
    """
    return _write_target(inside(root, Path(path)), data, sync_dir=sync_dir)


def _write_target(target: Path, data: bytes, *, sync_dir: bool) -> bool:
    """Write data to a target already checked by `inside`, unless it holds those bytes."""
    if _same_bytes(target, data):
        return False
    with _replacing(target, sync_dir=sync_dir) as pending:
        pending.file.write(data)
    return pending.written


@contextlib.contextmanager
def atomic_file(root: Path, path: Path | str, *, sync_dir: bool = True) -> Iterator[Pending]:
    """Yield a temporary file that replaces root/path when the block ends without error.

    If the new content equals the old file byte for byte, the old file is kept untouched
    (and `Pending.written` stays False). `sync_dir=False` leaves flushing the folder's
    entry to the caller (see `Writer`).

    Raises:
        OutputError: the path escapes root, or the file cannot be written.
    """
    with _replacing(inside(root, Path(path)), sync_dir=sync_dir) as pending:
        yield pending


@contextlib.contextmanager
def _replacing(target: Path, *, sync_dir: bool) -> Iterator[Pending]:
    """Do the work of `atomic_file` for a target already checked by `inside`."""
    temp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=_TEMP_PREFIX + target.name,
                                         suffix=_TEMP_SUFFIX, delete=False) as handle:
            temp = Path(handle.name)
            pending = Pending(handle)
            yield pending
            handle.flush()
            if target.is_file() and filecmp.cmp(temp, target, shallow=False):
                return
            # The data must be on disk before the rename, or a power cut could leave an
            # empty file under the old name.
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_of(target))
        os.replace(temp, target)
        temp = None
        pending.written = True
        if sync_dir:
            sync_folder(target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)


def remove_file(root: Path, path: Path | str) -> bool:
    """Remove root/path if it exists (never outside root); return whether it existed.

    Raises:
        OutputError: the path escapes root, or the file cannot be removed.
    """
    target = inside(root, Path(path))
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputError(f"cannot remove {target}: {exc.strerror or exc}") from None
    return True


def remove_dir_if_empty(root: Path, path: Path | str) -> None:
    """Remove an empty folder inside root, after clearing temp files a crash left there."""
    target = inside(root, Path(path))
    if target.is_symlink() or not target.is_dir():
        return
    with contextlib.suppress(OSError):
        for leftover in target.glob(_TEMP_PREFIX + "*" + _TEMP_SUFFIX):
            leftover.unlink(missing_ok=True)
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


def lock_folder(root: Path, wait: float) -> int:
    """Create root if needed and take an exclusive flock on it; return the descriptor.

    Raises:
        OutputError: root cannot be created or opened, or stays locked `wait` seconds.
    """
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise OutputError(f"cannot write {root}: {exc.strerror or exc}") from None
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise OutputError(f"output folder {root} is being written by another process "
                                  f"(waited {wait:g} s)") from None
            time.sleep(0.05)


def remove_leftovers(root: Path) -> int:
    """Remove the temporary files killed writers left under root; return how many.

    Only safe while holding root's lock (`lock_folder`): no live writer has one open then.
    """
    removed = 0
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if name.startswith(_TEMP_PREFIX) and name.endswith(_TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))
                    removed += 1
    return removed


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk so the rename survives a power cut (POSIX only)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class Writer:
    """Writes many files atomically on a few threads; each folder is flushed once at the end.

    Use as a context manager: `submit()` files, `wait()` for a barrier, leave the block to
    finish. Outcomes are kept in submission order in `written` and `unchanged`.
    """

    def __init__(self, root: Path, workers: int = WRITERS, lock_wait: float = LOCK_WAIT) -> None:
        """Prepare a writer into root."""
        self.root = root
        self.written: list[Path] = []
        self.unchanged = 0
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pubharvest-write")
        self._pending: deque[tuple[Path, Future[bool]]] = deque()
        self._limit = 4 * workers
        self._folders: set[Path] = set()
        self._lock_wait = lock_wait
        self._lock: int | None = None

    def __enter__(self) -> Writer:
        """Take the output folder's lock and clear what killed writers left; return self.

        Raises:
            OutputError: the folder cannot be created, or another process kept it locked
                for longer than `lock_wait` seconds.
        """
        try:
            self._lock = lock_folder(self.root, self._lock_wait)
            remove_leftovers(self.root)
        except BaseException:
            self._pool.shutdown(wait=False)
            raise
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        """Finish every write (or, after an error, cancel those not started); unlock."""
        try:
            if error is None:
                self.wait()
                for folder in sorted(self._folders):
                    sync_folder(folder)
        finally:
            self._pool.shutdown(wait=True, cancel_futures=error is not None)
            if self._lock is not None:
                os.close(self._lock)  # closing the descriptor releases the flock

    def submit(self, path: Path | str, data: bytes) -> None:
        """Queue one file (at most a few dozen wait, so memory stays bounded).

        Raises:
            OutputError: the path escapes root, or an earlier write failed.
        """
        target = inside(self.root, Path(path))
        future = self._pool.submit(_write_target, target, data, sync_dir=False)
        self._pending.append((self.root / path, future))
        while len(self._pending) > self._limit:
            self._settle(*self._pending.popleft())

    def wait(self) -> None:
        """Wait for every queued file; raise the first error once all have finished.

        Raises:
            OutputError: a file could not be written.
        """
        first: OutputError | None = None
        while self._pending:
            try:
                self._settle(*self._pending.popleft())
            except OutputError as exc:
                first = first or exc
        if first is not None:
            raise first

    def _settle(self, shown: Path, future: Future[bool]) -> None:
        """Record one finished write."""
        if future.result():
            self.written.append(shown)
            self._folders.add(shown.parent)
        else:
            self.unchanged += 1
