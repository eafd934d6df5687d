"""The laptop's link to its office: URL, device credential, and the office's certificate if pinned.

Kept in the data folder as `office.json` with mode 0600 (written to a temporary file and renamed,
so a crash never leaves half a credential). The token is a bearer secret: anyone who reads it can
upload as this laptop, but only records signed by this laptop's key will verify, so the damage is
limited to noise; the office can revoke the device.

TLS: when enrolment is given the office's certificate (`--office-cert PEM`), a copy is kept as
`office-cert.pem` and becomes the *only* trust anchor for the link. That pins the office without
trusting any public CA — right for a district office with a self-signed certificate.
"""

from __future__ import annotations

import json
import shutil
import ssl
from dataclasses import asdict, dataclass
from pathlib import Path

from inspector_app.atomic_file import write_atomically
from inspector_app.bounded_json import JsonInputError, read_json
from inspector_app.core.errors import InspectionError

LINK_FILENAME = "office.json"
CERT_FILENAME = "office-cert.pem"


class NotEnrolled(InspectionError):
    """No office link on this laptop yet."""


@dataclass
class OfficeLink:
    office_url: str
    device_id: str
    token: str
    enrolled_at: str
    label: str = ""
    pinned_cert: bool = False
    public_url: str = ""    # the office's public address for residents (slip QR links); "" unset

    def verify_for(self, folder: Path) -> ssl.SSLContext | bool:
        """What httpx should trust: only the pinned certificate, else the system's CAs."""
        if self.pinned_cert:
            return ssl.create_default_context(cafile=str(Path(folder) / CERT_FILENAME))
        return True


def save_link(folder: Path, link: OfficeLink, cert_pem: Path | None = None) -> Path:
    """Write the link with mode 0600; copy the office certificate beside it when given."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if cert_pem is not None:
        shutil.copyfile(cert_pem, folder / CERT_FILENAME)
        link.pinned_cert = True
    path = folder / LINK_FILENAME
    text = json.dumps(asdict(link), ensure_ascii=False, indent=2)
    return write_atomically(path, text.encode("utf-8"), private=True)  # holds the credential


def load_link(folder: Path) -> OfficeLink:
    """The saved link, or NotEnrolled with what to do about it."""
    path = Path(folder) / LINK_FILENAME
    if not path.exists():
        raise NotEnrolled("本机尚未注册到办公室：请先执行 inspector-app enroll --office 地址 --code 注册码",
                          "this laptop is not enrolled with an office yet: run "
                          "inspector-app enroll --office URL --code CODE", field="office")
    try:
        data = read_json(path.read_bytes(), max_bytes=64 * 1024, max_depth=2)
        return OfficeLink(**data)
    except (JsonInputError, TypeError) as exc:
        raise NotEnrolled(f"办公室连接文件 {path} 已损坏：请重新注册",
                          f"the office link {path} is damaged: enrol again",
                          field="office") from exc


def enrolled_office_url(folder: Path) -> str | None:
    """The public address of the office this laptop is enrolled with (for slips' QR links), or
    None when it is not enrolled or the office gave none."""
    try:
        return load_link(folder).public_url or None
    except NotEnrolled:
        return None
