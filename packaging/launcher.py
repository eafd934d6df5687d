"""Entry point of the frozen build: one program, two names.

PyInstaller builds two executables, `inspector-app` and `inspector-office`, from this one script
and one analysis, so they share `_internal/` (Qt, Python, the resources) and the build analyses
the code once. The name the executable was started under picks the command line to run.
"""

import os
import sys
from pathlib import Path


def _program() -> str:
    return Path(sys.executable).stem.lower()


def _utf8_locale() -> None:
    """Started with no locale at all (a bare service environment), Qt switches to C.UTF-8 and
    says so on stderr; choosing it first keeps stderr for real problems."""
    if sys.platform != "win32" and not any(os.environ.get(k) for k in ("LC_ALL", "LC_CTYPE",
                                                                       "LANG")):
        os.environ["LC_CTYPE"] = "C.UTF-8"


if __name__ == "__main__":
    _utf8_locale()
    if _program() == "inspector-office":
        from inspector_app.office.cli import main
    else:
        from inspector_app.cli import main
    sys.exit(main())
