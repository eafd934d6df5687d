"""Qt Linguist translations: English source strings, Chinese (the default) from the shipped .qm.

English sources keep the code readable to any maintainer and let lupdate/lrelease do the usual
job; `inspector_zh_CN.qm` is loaded unless the inspector switched to English. Domain messages
from `core` already carry both languages (message_zh / message_en); `pick` chooses one.
"""

from __future__ import annotations

from inspector_app.paths import resource
from inspector_app.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

QM_NAME = "inspector_zh_CN"

_installed: list[QTranslator] = []
_current = "zh"


def install_language(lang: str) -> str:
    """Install the translators for `lang` ("zh" or "en") on the running application."""
    global _current
    app = QCoreApplication.instance()
    wanted = "zh" if lang != "en" else "en"
    if _installed and wanted == _current or not _installed and wanted == "en" == _current:
        return _current  # already so: no LanguageChange storm through every widget
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current = "zh" if lang != "en" else "en"
    if _current == "zh":
        ours = QTranslator(app)
        if not ours.load(QM_NAME, str(resource("i18n"))):
            raise RuntimeError(f"missing translation {QM_NAME}.qm in {resource('i18n')}")
        app.installTranslator(ours)
        _installed.append(ours)
        qtbase = QTranslator(app)  # standard dialogs' buttons (OK, Cancel, Print...)
        if qtbase.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qtbase)
            _installed.append(qtbase)
    return _current


def current() -> str:
    return _current


def pick(zh: str, en: str) -> str:
    """Choose a core message's language to match the UI."""
    return zh if _current == "zh" else en


def error_text(exc: BaseException) -> str:
    """A user-facing message for a domain error (both languages carried), a thermometer error
    (English str(), Chinese `message_zh`), or any other error."""
    message = getattr(exc, "message", None)
    if callable(message):
        return message(_current)
    message_zh = getattr(exc, "message_zh", None)
    if isinstance(message_zh, str) and message_zh:
        return pick(message_zh, str(exc))
    return str(exc)
