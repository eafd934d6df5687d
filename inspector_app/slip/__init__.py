"""The test slip (测温记录单): a sealed record printed as a PDF, one labelled page per copy.

Qt-free and pure, so the app (preview, print, save), the command line and the office server all
print the same bytes from the same record.
"""

from inspector_app.slip.content import (
    SlipError,
    build_content,
    parse_verify_link,
    verify_link,
)
from inspector_app.slip.render import PAPERS, SlipRender, render, render_slip

__all__ = ["PAPERS", "SlipError", "SlipRender", "build_content", "parse_verify_link", "render",
           "render_slip", "verify_link"]
