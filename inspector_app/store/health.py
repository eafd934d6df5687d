"""Is the data folder usable and the database file sound enough to open? Asked before SQLite
touches the file, so a damaged database is left exactly as it was found.

Why before: SQLite opens almost anything and fails only when a damaged page is reached, perhaps
half-way through a command that writes. A file that is not a database, or is shorter than its
own header says, is refused here; the user is sent to `inspector-app doctor`, which works on a
copy. OS and SQLite errors that still happen are put in words by `describe_error`.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path

from inspector_app.folder_health import StoreError, check_folder, describe_os_error

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
DOCTOR_HINT_ZH = "请运行 inspector-app doctor 检查，并尽可能把读数恢复到一个新的数据库文件（原文件不会被改动）"
DOCTOR_HINT_EN = ("run inspector-app doctor to check it and recover what it can into a new "
                  "database file (the original is left untouched)")


def header_fault(path: Path) -> tuple[str, str] | None:
    """Why the file at `path` cannot be a sound SQLite database, as (zh, en); None if it may be.

    An empty file is a valid empty database (SQLite's own rule); whether it *should* be empty
    is the chain head's question (`seal.chain_head`).
    """
    size = path.stat().st_size
    if size == 0:
        return None
    with open(path, "rb") as fh:
        header = fh.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return ("不是 SQLite 数据库文件（文件头不对），可能已损坏或被替换",
                "it is not an SQLite database (wrong file header): damaged or replaced")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return ("文件头中的页大小无效，文件已损坏", "the page size in its header is invalid: damaged")
    change_counter, pages, valid_for = (struct.unpack(">I", header[o:o + 4])[0]
                                        for o in (24, 28, 92))
    if pages and change_counter == valid_for and size < pages * page_size:
        return (f"文件被截断：文件头记录 {pages * page_size} 字节，实际只有 {size} 字节",
                f"it is truncated: its header says {pages * page_size} bytes, the file has "
                f"{size}")
    if size % page_size:
        return (f"文件长度 {size} 字节不是页大小 {page_size} 的整数倍，文件已损坏",
                f"its length ({size} bytes) is not a whole number of {page_size}-byte pages: "
                "damaged")
    return None


def check_database_file(path: Path) -> None:
    """Refuse a database file that is not one, or is cut short; a missing file is fine (new)."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"数据库 {path} 是一个文件夹，不是文件", f"the database {path} is a folder, "
                         "not a file", field="database")
    if not path.exists():
        return
    fault = header_fault(path)
    if fault is not None:
        raise StoreError(f"数据库文件 {path} 无法使用：{fault[0]}。程序没有改动它。{DOCTOR_HINT_ZH}。",
                         f"the database file {path} cannot be used: {fault[1]}. Nothing was "
                         f"written to it; {DOCTOR_HINT_EN}.", field="database")
    if not os.access(path, os.W_OK):
        raise StoreError(f"数据库文件 {path} 是只读的：请检查文件权限",
                         f"the database file {path} is read-only: check its permissions",
                         field="database")


_SQLITE_WORDS = {
    "SQLITE_CORRUPT": ("数据库文件已损坏", "the database file is damaged"),
    "SQLITE_NOTADB": ("不是数据库文件", "the file is not a database"),
    "SQLITE_READONLY": ("数据库是只读的", "the database is read-only"),
    "SQLITE_CANTOPEN": ("无法打开数据库文件（文件夹不可写或路径不对）",
                        "the database file cannot be opened (folder not writable or wrong path)"),
    "SQLITE_FULL": ("磁盘已满", "the disk is full"),
    "SQLITE_IOERR": ("磁盘读写错误", "a disk input/output error"),
    "SQLITE_BUSY": ("数据库正被另一个程序使用", "the database is in use by another program"),
    "SQLITE_LOCKED": ("数据库正被另一个程序使用", "the database is in use by another program"),
    "SQLITE_PERM": ("没有权限", "permission denied"),
}


def describe_error(exc: BaseException) -> tuple[str, str]:
    """An unexpected OS or SQLite error in words, with what to do, as (zh, en)."""
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        base = "_".join(name.split("_")[:2])  # SQLITE_IOERR_SHORT_READ -> SQLITE_IOERR
        zh, en = _SQLITE_WORDS.get(base, ("数据库出错", "a database error"))
        code = f"（{name}）" if name else ""
        if base in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            return (f"{zh}{code}。{DOCTOR_HINT_ZH}。",
                    f"{en}{' (' + name + ')' if name else ''}. {DOCTOR_HINT_EN}.")
        return (f"{zh}{code}：请检查数据文件夹和磁盘后重试；如果问题仍然存在，{DOCTOR_HINT_ZH}。",
                f"{en}{' (' + name + ')' if name else ''}: check the data folder and the disk "
                f"and try again; if it persists, {DOCTOR_HINT_EN}.")
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    return ("出现意外错误", "an unexpected error")


def store_error_from(exc: sqlite3.Error | OSError, path: Path) -> StoreError:
    """A failure to open or upgrade the database at `path`, as a StoreError."""
    folder = Path(path).parent
    try:
        check_folder(folder)
    except StoreError as precise:
        return precise
    zh, en = describe_error(exc)
    return StoreError(f"无法打开数据库 {path}：{zh}", f"cannot open the database {path}: {en}",
                      field="database")
