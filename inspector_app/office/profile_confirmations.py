"""Profile sections confirmed at this office against the published rule, and the provenance in
force here (the profile file's, plus this office's confirmations).

Why: a profile section whose values are reported practice (`unconfirmed`) must not be the basis
of a formal refund ruling until someone accountable at the office has checked it against the
published rule. The confirmation is kept append-only with the document, who and when, and it is
tied to the profile version checked: a new version of the rules needs a new confirmation.
"""

from __future__ import annotations

import re

from inspector_app.core.errors import InspectionError, ProfileError
from inspector_app.core.profile import SECTIONS, Profile, load_profile
from inspector_app.core.provenance import CONFIRMED, Provenance
from inspector_app.office.store import OfficeStore, now_iso

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
MAX_CITATION = 500


class ConfirmationError(InspectionError):
    """A confirmation the office refuses (unknown profile or section, not an admin, no document)."""


def effective(store: OfficeStore, profile: Profile) -> dict[str, Provenance]:
    """Each section's provenance at this office: the file's when it cites a document, else the
    latest confirmation of this profile version, else unconfirmed."""
    out = dict(profile.provenance)
    rows = store.query(
        "SELECT section, citation_zh, citation_en, confirmed_by, confirmed_at"
        " FROM profile_confirmations WHERE profile=? AND profile_version=? ORDER BY id",
        (profile.name, profile.version))
    for section, zh, en, by, at in rows:          # later rows win
        if section in out and not profile.provenance[section].settled:
            out[section] = Provenance(section, CONFIRMED, zh, en, by, at)
    return out


def confirm(store: OfficeStore, profile_name: str, section: str, citation_zh: str,
            citation_en: str, by: str) -> Provenance:
    """Record that admin `by` checked `section` of the profile against the published document
    `citation_zh` (title and number). Returns the provenance now in force."""
    try:
        profile = load_profile(profile_name)
    except ProfileError as exc:
        raise ConfirmationError(exc.message_zh, exc.message_en, field="profile") from exc
    if section not in SECTIONS:
        raise ConfirmationError(f"没有这一节：{section}（可选：{'、'.join(SECTIONS)}）",
                                f"no section {section!r} (one of {', '.join(SECTIONS)})",
                                field="section")
    citation_zh, citation_en = citation_zh.strip(), citation_en.strip()
    if not citation_zh or len(citation_zh) > MAX_CITATION or len(citation_en) > MAX_CITATION:
        raise ConfirmationError("须写明所依据的已发布文件的名称和文号（--citation-zh）",
                                "name the published document, title and number (--citation-zh)",
                                field="citation_zh")
    if "seed" in (citation_zh + citation_en).lower():
        raise ConfirmationError("须写文件的名称和文号", "name the document by title and number",
                                field="citation_zh")
    if _CJK.search(citation_en):
        raise ConfirmationError("英文引用中不能夹中文（文号请用拼音）",
                                "no Chinese characters in --citation-en (romanise the number)",
                                field="citation_en")
    user = store.user(by)
    if user is None or user["role"] != "admin":
        raise ConfirmationError(f"{by} 不是本办公室的管理员账号：只有管理员可以确认规则",
                                f"{by} is not an admin account of this office: only an admin "
                                "may confirm rules", field="by")
    if profile.provenance[section].settled:
        raise ConfirmationError(f"这一节已注明所依据的文件：{profile.provenance[section].citation_zh}",
                                f"this section already cites its document: "
                                f"{profile.provenance[section].citation('en')}", field="section")
    at = now_iso()
    with store.write() as c:
        c.execute("INSERT INTO profile_confirmations (profile, profile_version, section,"
                  " citation_zh, citation_en, confirmed_by, confirmed_at)"
                  " VALUES (?,?,?,?,?,?,?)",
                  (profile.name, profile.version, section, citation_zh, citation_en, by, at))
    return Provenance(section, CONFIRMED, citation_zh, citation_en, by, at)
