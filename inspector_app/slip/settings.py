"""The slip's settings: which paper the inspector's printer takes. (The verification link's
address is the enrolled office's public address, from the enrolment: `sync.config`.)

A small JSON file in the data folder, so the choice survives restarts and is shared by the app
and the command line (`--paper` overrides it for one run). A missing or damaged file gives the
defaults: a broken settings file must never stop a slip from printing.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from inspector_app.atomic_file import write_atomically
from inspector_app.paths import data_dir
from inspector_app.slip.render import PAPERS

SETTINGS_FILE = "slip-settings.json"


@dataclass(frozen=True)
class SlipSettings:
    paper: str = "a4"                     # "a4" or "80mm"

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {PAPERS}, not {self.paper!r}")


def settings_path(folder: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(folder) / SETTINGS_FILE


def load_settings(folder: str | os.PathLike[str] | None = None) -> SlipSettings:
    """The saved settings, or the defaults when the file is missing, unreadable or invalid."""
    try:
        data = json.loads(settings_path(folder).read_text(encoding="utf-8"))
        known = {f.name for f in fields(SlipSettings)}
        return SlipSettings(**{k: v for k, v in data.items() if k in known and isinstance(v, str)})
    except (OSError, ValueError, TypeError, AttributeError):
        return SlipSettings()


def save_settings(settings: SlipSettings, folder: str | os.PathLike[str] | None = None) -> Path:
    """Write atomically (temp file + rename): a crash leaves the old file or the new, never half."""
    path = settings_path(folder)
    text = json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, text.encode("utf-8"))
    return path
