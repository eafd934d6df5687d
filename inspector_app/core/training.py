"""Training data: a plausible visit for demos, drills and tests, always marked as training."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from inspector_app.core.model import Address, Instrument, Visit
from inspector_app.core.profile import Profile

DEMO_PROTOCOL = "center309"


def demo_visit(profile: Profile, rooms: int, now: datetime | None = None) -> Visit:
    """A plausible training visit: a cold-home complaint answered within the limit."""
    now = now or datetime.now().astimezone()
    complaint = now - timedelta(minutes=95)
    return Visit(
        profile_name=profile.name, profile_version=profile.version, training=True,
        ticket=f"DEMO-{now:%Y%m%d-%H%M%S}", channel="12345",
        address=Address(city="长春市", district="朝阳区", street="人民大街", community="示范小区",
                        building="3", unit="2", flat="501"),
        resident_name="演示用户", resident_phone="13800000000", heated_area_m2=86.5,
        company="示范热力有限公司", position=["top", "edge"],
        complaint_at=complaint, contact_at=complaint + timedelta(minutes=12),
        arrival_at=complaint + timedelta(minutes=55), test_at=now, outdoor_temp_c=-18.5,
        inspector="演示检测员", inspector_org="朝阳区供热管理办公室（培训）",
        instrument=Instrument(model="Center 309 (emulated)", serial="EMU-309-0001",
                              certificate_no="DEMO-CERT-0001",
                              certificate_expiry=date(now.year + 1, 12, 31), correction_c=0.0,
                              protocol=DEMO_PROTOCOL),
        preconditions={c.key: True for c in profile.preconditions},
        closed_since=now - timedelta(minutes=profile.min_closed_minutes + 5),
        notes="脚本演示记录（培训），不能作为检测证据",
    )
