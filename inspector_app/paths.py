"""Where the shipped folders (`forms/`, `resources/`) and the user's data live.

An installed wheel carries `forms/` and `resources/` inside the package; a source checkout has
them at the top of the repository; the PyInstaller build (packaging/inspector-app.spec) has them
in its `_internal/` folder, `sys._MEIPASS`. One lookup serves all three so no caller needs to care.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

_PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "heating-inspector"


def shipped_dir(name: str) -> Path:
    """Return the folder `name` ("forms" or "resources") shipped with the program."""
    for base in (*_frozen_dirs(), _PACKAGE_DIR, _PACKAGE_DIR.parent):
        if (base / name).is_dir():
            return base / name
    raise FileNotFoundError(f"shipped folder {name!r} not found beside {_PACKAGE_DIR}")


def _frozen_dirs() -> tuple[Path, ...]:
    """The build's bundle folder when running frozen: a module's `__file__` there is only
    nominal (the code is in an archive), so the bundle's own location is asked first."""
    bundle = getattr(sys, "_MEIPASS", None)
    return (Path(bundle),) if getattr(sys, "frozen", False) and bundle else ()


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
