"""Entry point of the frozen build: one program, two names.

PyInstaller builds two executables, `inspector-app` and `inspector-office`, from this one script
and one analysis, so they share `_internal/` (Qt, Python, the resources) and the build analyses
the code once. The name the executable was started under picks the command line to run.
"""

import sys
from pathlib import Path


def _program() -> str:
    return Path(sys.executable).stem.lower()


if __name__ == "__main__":
    if _program() == "inspector-office":
        from inspector_app.office.cli import main
    else:
        from inspector_app.cli import main
    sys.exit(main())
