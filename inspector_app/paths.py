"""Where the shipped folders (`forms/`, `resources/`) and the user's data live.

An installed wheel carries `forms/` and `resources/` inside the package; a source checkout has
them at the top of the repository. One lookup serves both so no caller needs to care.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "heating-inspector"


def shipped_dir(name: str) -> Path:
    """Return the folder `name` ("forms" or "resources") shipped with the program."""
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    beside = _PACKAGE_DIR.parent / name
    if beside.is_dir():
        return beside
    raise FileNotFoundError(f"shipped folder {name!r} not found beside {_PACKAGE_DIR}")


def resource(*parts: str) -> Path:
    """Path of a file under `resources/`."""
    return shipped_dir("resources").joinpath(*parts)


def form(name: str) -> Path:
    """Path of a Qt Designer file under `forms/`."""
    return shipped_dir("forms") / name


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: `--data-dir`, else `INSPECTOR_DATA_DIR`, else the platform's user folder."""
    chosen = explicit or os.environ.get("INSPECTOR_DATA_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    from inspector_app.folder_health import StoreError, check_folder, describe_os_error

    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocking = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), path)
        check_folder(blocking)  # names the file in the way
        raise StoreError(f"数据文件夹 {path} 的路径上有一个文件，不能创建文件夹：请用 --data-dir 指定"
                         "另一个文件夹", f"a file is in the way of the data folder {path}: name "
                         "another folder with --data-dir", field="data_dir") from None
    except OSError as exc:
        zh, en = describe_os_error(exc)
        raise StoreError(f"无法创建数据文件夹 {path}：{zh}",
                         f"cannot create the data folder {path}: {en}", field="data_dir") from exc
    return path
