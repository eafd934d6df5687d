"""Window state and language in an INI file inside the data folder.

Not the user's global config: a test, a demo and a real visit each get their own folder, and the
inspector's settings travel with the data when a laptop is replaced.
"""

from __future__ import annotations

from pathlib import Path

from inspector_app.ui.qt import QSettings

SETTINGS_FILE = "ui-settings.ini"
LANGUAGES = ("zh", "en")


def open_settings(data_dir: Path) -> QSettings:
    return QSettings(str(Path(data_dir) / SETTINGS_FILE), QSettings.Format.IniFormat)


def language(settings: QSettings, override: str | None = None) -> str:
    """The UI language: an explicit choice wins, then the stored one, then Chinese."""
    if override in LANGUAGES:
        return override
    stored = settings.value("ui/language", "zh")
    return stored if stored in LANGUAGES else "zh"


def paper(settings: QSettings) -> str:
    value = settings.value("slip/paper", "a4")
    return value if value in ("a4", "80mm", "80mm-compact") else "a4"
