"""Developer step: compile forms/*.ui and refresh the translations.

`python -m inspector_app.ui.build` runs pyside6-uic on every form into `ui/generated/` and
pyside6-lupdate/lrelease on the UI sources. Compiled forms (not QUiLoader) because: widget
attributes are plain Python names checked at import, promoted widgets (chart, signature pad,
placement drawing) need no loader registration, startup does not parse XML, and the app does not
depend on QtUiTools at run time. A test fails when a form and its generated module disagree.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from inspector_app.paths import resource, shipped_dir

UI_DIR = Path(__file__).resolve().parent
GENERATED = UI_DIR / "generated"
TS_NAME = "inspector_zh_CN"


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def forms() -> list[Path]:
    return sorted(shipped_dir("forms").glob("*.ui"))


def compile_form(ui_file: Path) -> str:
    """pyside6-uic output for one form, as text."""
    out = subprocess.run([_tool("pyside6-uic"), str(ui_file)], check=True, capture_output=True,
                         text=True)
    return out.stdout


def generated_path(ui_file: Path) -> Path:
    return GENERATED / f"{ui_file.stem}.py"


def compile_forms() -> list[Path]:
    GENERATED.mkdir(exist_ok=True)
    init = GENERATED / "__init__.py"
    if not init.exists():
        init.write_text('"""pyside6-uic output of forms/*.ui: regenerate, never edit."""\n')
    written = []
    for ui_file in forms():
        target = generated_path(ui_file)
        target.write_text(compile_form(ui_file), encoding="utf-8")
        written.append(target)
    return written


def translation_sources() -> list[str]:
    """Files lupdate scans: UI Python modules (not generated) and the forms."""
    py = [str(p) for p in sorted(UI_DIR.rglob("*.py")) if GENERATED not in p.parents]
    return py + [str(p) for p in forms()]


def update_translations(ts_file: Path | None = None, *, no_obsolete: bool = True) -> Path:
    ts_file = ts_file or resource("i18n", f"{TS_NAME}.ts")
    args = [_tool("pyside6-lupdate"), *translation_sources(), "-ts", str(ts_file)]
    if no_obsolete:
        args.insert(1, "-no-obsolete")
    subprocess.run(args, check=True, capture_output=True)
    return ts_file


def release_translations() -> Path:
    ts_file = resource("i18n", f"{TS_NAME}.ts")
    qm_file = ts_file.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True,
                   capture_output=True)
    return qm_file


def main() -> int:
    for path in compile_forms():
        print("compiled", path.relative_to(UI_DIR.parent.parent))
    print("updated", update_translations())
    print("released", release_translations())
    return 0


if __name__ == "__main__":
    sys.exit(main())
