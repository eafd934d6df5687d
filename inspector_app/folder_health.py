"""Is the data folder there, a folder, and writable? OS errors in words.

Kept apart from the database checks (`store.health`) because `paths.data_dir` needs it and
`paths` sits below every layer: it may not import the store.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from inspector_app.core.errors import InspectionError


class StoreError(InspectionError):
    """The data folder or its database cannot be used as it is; nothing was written to it."""


def check_folder(folder: Path) -> None:
    """The data folder exists, is a folder, and this user may write in it."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"数据文件夹 {folder} 是一个文件，不是文件夹：请用 --data-dir 指定一个文件夹，"
                         "或把这个文件移走（不要删除，先确认它是什么）",
                         f"the data folder {folder} is a file, not a folder: name a folder with "
                         "--data-dir, or move that file away (check what it is first)",
                         field="data_dir")
    if not folder.is_dir():
        raise StoreError(f"数据文件夹 {folder} 不存在", f"the data folder {folder} does not exist",
                         field="data_dir")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"数据文件夹 {folder} 不可写入：请检查文件夹权限或磁盘是否只读，"
                         "或用 --data-dir 指定一个可写的文件夹",
                         f"the data folder {folder} is not writable: check its permissions or "
                         "whether the disk is read-only, or name a writable folder with "
                         "--data-dir", field="data_dir")


_ERRNO_WORDS = {
    errno.EACCES: ("没有权限", "permission denied"),
    errno.EPERM: ("没有权限", "permission denied"),
    errno.EROFS: ("磁盘是只读的", "the disk is read-only"),
    errno.ENOSPC: ("磁盘已满", "the disk is full"),
    errno.ENOENT: ("文件或文件夹不存在", "no such file or folder"),
    errno.ENOTDIR: ("路径中有一部分是文件而不是文件夹", "part of the path is a file, not a folder"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.EEXIST: ("已经存在", "it already exists"),
    errno.EIO: ("磁盘读写错误", "a disk input/output error"),
}


def describe_os_error(exc: OSError) -> tuple[str, str]:
    """An OS error in words, with what to do, as (zh, en)."""
    zh, en = _ERRNO_WORDS.get(exc.errno or -1, ("文件读写出错", "a file could not be read or "
                                                             "written"))
    code = errno.errorcode.get(exc.errno or -1, "")
    where = exc.filename or ""
    return (f"{zh}{'（' + code + '）' if code else ''}：{where}。请检查路径、权限和磁盘空间后重试。",
            f"{en}{' (' + code + ')' if code else ''}: {where}. Check the path, permissions "
            "and free disk space, then try again.")
