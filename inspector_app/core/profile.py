"""Jurisdiction profiles: a city's rules as data (TOML in `resources/profiles`), validated on load.

A profile may `extends` a base file and overrides whole keys of it. Every section keeps a
maintainer's `source` note and states its provenance (`core.provenance`: `status` cited or
unconfirmed, `citation_zh`, `citation_en`), which is what slips and rulings print. A section a
file redefines without restating its provenance is unconfirmed: a city that changes a value never
inherits the base's citation for it. A profile that does not validate is refused with the file and
the key named; nothing half-loaded is ever used.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector_app.core.decimal_math import ROUNDING_MODES, dec
from inspector_app.core.errors import ProfileError
from inspector_app.core.monitoring_quality import MonitoringRule
from inspector_app.core.provenance import CITED, STATUSES, Provenance
from inspector_app.core.provenance import KEYS as PROVENANCE_KEYS
from inspector_app.core.record_time import DEFAULT_OFFSET, parse_offset
from inspector_app.paths import resource

DEFAULT_PROFILE = "changchun"
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ROOM_KINDS = ("bedroom", "living_room", "other")
SECTIONS = (
    "profile", "standard", "rooms", "points", "stability", "preconditions", "schedule",
    "instrument", "refund", "slip", "refusal", "monitoring",
)


@dataclass(frozen=True)
class PointRule:
    max_area_m2: float
    points: int


@dataclass(frozen=True)
class Labelled:
    key: str
    zh: str
    en: str

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class RefundBand:
    """One refund band. `basis` "measured": from_c ≤ T < to_c (open ends as None).
    `basis` "below_standard": the deficit d = standard − T with previous max < d ≤ below_max_c."""

    share: Decimal
    from_c: Decimal | None = None
    to_c: Decimal | None = None
    below_max_c: Decimal | None = None


BAND_BASES = ("each_test", "month_mean")


@dataclass(frozen=True)
class CaseRule:
    """How a household's case is ruled (`[refund]` keys; see docs/cases.md). `band_basis`:
    each_test → the governing test's room mean decides the band; month_mean → the mean of the
    month's tests does. A company-caused stop of ≥ `stop_min_hours` raises a stop day to
    `company_stop_48h_multiplier` × the daily fee × the heated area (None: stops raise nothing).
    A day the company failed to test or sign counts at `company_failure_share` of the fee."""

    band_basis: str = "each_test"
    stop_min_hours: Decimal = Decimal(48)
    company_stop_48h_multiplier: Decimal | None = None
    company_failure_share: Decimal = Decimal("1.00")


@dataclass(frozen=True)
class Profile:
    name: str
    version: str
    title_zh: str
    title_en: str
    min_temp_c: Decimal
    display_decimals: int
    rounding: str
    rooms_tested: tuple[str, ...]
    point_rules: tuple[PointRule, ...]
    height_m: float
    height_tolerance_m: float
    outer_wall_min_m: float
    inner_wall_min_m: float
    people_min_distance_m: float
    stability_window_s: float
    stability_tolerance_c: Decimal
    readings_per_point: int
    reading_spacing_s: float
    preconditions: tuple[Labelled, ...]
    exemptions: tuple[Labelled, ...]
    min_closed_minutes: int
    contact_within_min: int
    test_hours: tuple[tuple[str, str], ...]
    max_tests_per_day: int
    resolution_c: float
    max_error_c: float
    refund_basis: str
    refund_bands: tuple[RefundBand, ...]
    season_fee_per_m2: Decimal
    season_days: int
    refund_day_rule: str
    slip_copies: tuple[Labelled, ...]
    roll_copies: int          # how many of slip_copies (the first ones) the roll printer prints
    refusal_day_counts_as: str
    refusal_witness_required: bool
    witness_roles: tuple[str, ...]
    sources: dict[str, str]
    provenance: dict[str, Provenance]
    raw: dict[str, Any]
    utc_offset: str = DEFAULT_OFFSET   # the zone every time of the record is shown in
    witness_roles_en: tuple[str, ...] = ()   # `witness_roles` in English, in the same order
    case_rule: CaseRule = CaseRule()
    monitoring: MonitoringRule = MonitoringRule()
    # `[refusal] company_failure_counts_as`: whether a day the company failed to test or to
    # sign counts as failing (at `case_rule.company_failure_share`) or passing
    company_failure_counts_as: str = "fail"

    def witness_role_label(self, role: str, lang: str = "zh") -> str:
        """A witness role as a reader of `lang` sees it; the record keeps the profile's words."""
        if lang.startswith("zh") or role not in self.witness_roles:
            return role
        index = self.witness_roles.index(role)
        return self.witness_roles_en[index] if index < len(self.witness_roles_en) else role

    @property
    def zone(self) -> timezone:
        return parse_offset(self.utc_offset)

    @property
    def daily_fee_per_m2(self) -> Decimal:
        return self.season_fee_per_m2 / Decimal(self.season_days)

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang.startswith("zh") else self.title_en


def profiles_dir() -> Path:
    return resource("profiles")


def available_profiles(folder: Path | None = None) -> list[str]:
    folder = folder or profiles_dir()
    return sorted(p.stem for p in folder.glob("*.toml") if not p.stem.startswith("_"))


def load_profile(name: str = DEFAULT_PROFILE, folder: Path | None = None) -> Profile:
    """Load and validate profile `name`; raise ProfileError naming the file and key on any fault."""
    folder = folder or profiles_dir()
    if name.startswith("_") or not (folder / f"{name}.toml").is_file():
        known = ", ".join(available_profiles(folder))
        raise ProfileError(
            f"未知的地区规则：{name}（可选：{known}）",
            f"unknown profile {name!r} (known: {known})",
            field="profile",
        )
    data, origins = _read_with_bases(folder, name, seen=())
    return _build(data, origins)


def _read_with_bases(folder: Path, name: str,
                     seen: tuple[str, ...]) -> tuple[dict, dict[str, Path]]:
    """The merged tables and, for each section, the file that last defined it."""
    path = folder / f"{name}.toml"
    if name in seen:
        raise ProfileError(f"{path.name}：extends 形成循环", f"{path.name}: extends forms a cycle",
                           field="extends")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ProfileError(f"找不到规则文件 {path.name}", f"profile file {path.name} not found",
                           field="extends") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path.name} 格式错误：{exc}", f"{path.name}: invalid TOML: {exc}") from exc
    base = data.pop("extends", None)
    for section, values in data.items():
        if not isinstance(values, dict) or not isinstance(values.get("source"), str):
            raise ProfileError(f"规则文件 {path.name} 的 {section}.source：每一节都必须注明来源",
                               f"profile {path.name}, key {section}.source: every section must "
                               "name its source", field=f"{section}.source")
    if base is None:
        return data, {section: path for section in data}
    merged, origins = _read_with_bases(folder, base, seen + (name,))
    for section, values in data.items():
        inherited = merged.get(section, {})
        if "status" not in values:  # changed here, not restated: the base's citation won't do
            inherited = {k: v for k, v in inherited.items() if k not in PROVENANCE_KEYS}
        merged[section] = {**inherited, **values}
        origins[section] = path
    return merged, origins


class _Reader:
    """Typed access to one profile file that names the file and key in every complaint."""

    def __init__(self, data: dict, origins: dict[str, Path]) -> None:
        self.data, self.origins = data, origins
        self.main = max(origins.values(), key=lambda p: not p.stem.startswith("_"))

    def fail(self, key: str, zh: str, en: str) -> ProfileError:
        path = self.origins.get(key.split(".")[0].split("[")[0], self.main)
        return ProfileError(f"规则文件 {path.name} 的 {key}：{zh}",
                            f"profile {path.name}, key {key}: {en}", field=key)

    def get(self, section: str, key: str, kind: type | tuple[type, ...]) -> Any:
        where = f"{section}.{key}"
        sect = self.data.get(section)
        if not isinstance(sect, dict) or key not in sect:
            raise self.fail(where, "缺少此项", "missing")
        value = sect[key]
        if kind in (float, Decimal) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        want = float if kind is Decimal else kind
        if not isinstance(value, want) or isinstance(value, bool) and want is not bool:
            raise self.fail(where, "类型不对", f"expected {getattr(want, '__name__', want)}, "
                                              f"got {type(value).__name__}")
        return dec(value) if kind is Decimal else value

    def positive(self, section: str, key: str, kind: type = float) -> Any:
        value = self.get(section, key, kind)
        if value <= 0:
            raise self.fail(f"{section}.{key}", "必须大于零", "must be greater than zero")
        return value

    def labelled(self, section: str, key: str) -> tuple[Labelled, ...]:
        items = self.get(section, key, list)
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in
                                                     ("key", "zh", "en")):
                raise self.fail(f"{section}.{key}[{i}]", "需要 key、zh、en 三项文字",
                                "needs string key, zh and en")
            out.append(Labelled(item["key"], item["zh"], item["en"]))
        return tuple(out)


def _build(data: dict, origins: dict[str, Path]) -> Profile:
    r = _Reader(data, origins)
    for section in SECTIONS:
        if section not in data:
            raise r.fail(section, "缺少此节", "section missing")
        r.get(section, "source", str)
    rooms = tuple(r.get("rooms", "tested", list))
    for kind in rooms:
        if kind not in ROOM_KINDS:
            raise r.fail("rooms.tested", f"未知房间类型 {kind}", f"unknown room kind {kind!r}")
    rules = []
    for i, rule in enumerate(r.get("points", "rules", list)):
        try:
            rules.append(PointRule(float(rule["max_area_m2"]), int(rule["points"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise r.fail(f"points.rules[{i}]", "需要 max_area_m2 与 points",
                         "needs max_area_m2 and points") from exc
        if rules[-1].points < 1 or (i and rules[-1].max_area_m2 <= rules[-2].max_area_m2):
            raise r.fail(f"points.rules[{i}]", "测点数至少为1且面积上限须递增",
                         "points must be ≥ 1 and areas increasing")
    if not rules:
        raise r.fail("points.rules", "至少需要一条", "needs at least one rule")
    rounding = r.get("standard", "rounding", str)
    if rounding not in ROUNDING_MODES:
        raise r.fail("standard.rounding", "未知的修约方式", f"one of {sorted(ROUNDING_MODES)}")
    basis = r.get("refund", "basis", str)
    if basis not in ("measured", "below_standard"):
        raise r.fail("refund.basis", "只能是 measured 或 below_standard",
                     "must be measured or below_standard")
    bands = _bands(r, basis)
    hours = []
    for i, pair in enumerate(r.get("schedule", "test_hours", list)):
        if not (isinstance(pair, list) and len(pair) == 2 and all(_is_hhmm(x) for x in pair)):
            raise r.fail(f"schedule.test_hours[{i}]", "需要 [\"HH:MM\", \"HH:MM\"]",
                         'needs ["HH:MM", "HH:MM"]')
        hours.append((pair[0], pair[1]))
    refusal = r.get("refusal", "day_counts_as", str)
    if refusal not in ("pass", "fail"):
        raise r.fail("refusal.day_counts_as", "只能是 pass 或 fail", "must be pass or fail")
    company_failure = (r.get("refusal", "company_failure_counts_as", str)
                       if "company_failure_counts_as" in data["refusal"] else "fail")
    if company_failure not in ("pass", "fail"):
        raise r.fail("refusal.company_failure_counts_as", "只能是 pass 或 fail",
                     "must be pass or fail")
    copies = r.labelled("slip", "copies")
    if not copies:
        raise r.fail("slip.copies", "至少需要一联", "needs at least one copy")
    roll_copies = data["slip"].get("roll_copies", len(copies))
    if isinstance(roll_copies, bool) or not isinstance(roll_copies, int) \
            or not 1 <= roll_copies <= len(copies):
        raise r.fail("slip.roll_copies", f"须是 1 到 {len(copies)} 之间的整数",
                     f"must be a whole number from 1 to {len(copies)}")
    return Profile(
        name=r.get("profile", "name", str),
        version=r.get("profile", "version", str),
        title_zh=r.get("profile", "title_zh", str),
        title_en=r.get("profile", "title_en", str),
        min_temp_c=r.get("standard", "min_temp_c", Decimal),
        display_decimals=r.get("standard", "display_decimals", int),
        rounding=rounding,
        rooms_tested=rooms,
        point_rules=tuple(rules),
        height_m=r.positive("points", "height_m"),
        height_tolerance_m=r.get("points", "height_tolerance_m", float),
        outer_wall_min_m=r.get("points", "outer_wall_min_m", float),
        inner_wall_min_m=r.get("points", "inner_wall_min_m", float),
        people_min_distance_m=r.get("points", "people_min_distance_m", float),
        stability_window_s=r.positive("stability", "window_s"),
        stability_tolerance_c=r.get("stability", "tolerance_c", Decimal),
        readings_per_point=r.positive("stability", "readings", int),
        reading_spacing_s=r.get("stability", "spacing_s", float),
        preconditions=r.labelled("preconditions", "items"),
        exemptions=r.labelled("preconditions", "exemptions"),
        min_closed_minutes=r.get("preconditions", "min_closed_minutes", int),
        contact_within_min=r.positive("schedule", "contact_within_min", int),
        test_hours=tuple(hours),
        max_tests_per_day=r.get("schedule", "max_tests_per_day", int),
        resolution_c=r.positive("instrument", "resolution_c"),
        max_error_c=r.positive("instrument", "max_error_c"),
        refund_basis=basis,
        refund_bands=bands,
        season_fee_per_m2=r.get("refund", "season_fee_per_m2", Decimal),
        season_days=r.positive("refund", "season_days", int),
        refund_day_rule=r.get("refund", "day_rule", str),
        slip_copies=copies,
        roll_copies=roll_copies,
        refusal_day_counts_as=refusal,
        refusal_witness_required=r.get("refusal", "witness_required", bool),
        witness_roles=tuple(r.get("refusal", "witness_roles", list)),
        sources={s: data[s]["source"] for s in SECTIONS},
        provenance={s: _provenance(r, s) for s in SECTIONS},
        raw=data,
        utc_offset=_utc_offset(r),
        witness_roles_en=_witness_roles_en(r),
        case_rule=_case_rule(r),
        monitoring=_monitoring_rule(r),
        company_failure_counts_as=company_failure,
    )


def _monitoring_rule(r: _Reader) -> MonitoringRule:
    """The `[monitoring]` thresholds (`core.monitoring_quality`)."""
    def whole(key: str) -> int:
        return r.positive("monitoring", key, int)

    low, high = (r.get("monitoring", k, Decimal) for k in ("valid_min_c", "valid_max_c"))
    if not low < high:
        raise r.fail("monitoring.valid_max_c", "须大于 valid_min_c", "must exceed valid_min_c")
    coverage = r.get("monitoring", "min_coverage", Decimal)
    if not Decimal(0) < coverage <= Decimal(1):
        raise r.fail("monitoring.min_coverage", "须在 0 到 1 之间", "must be in (0, 1]")
    below = r.get("monitoring", "max_minutes_below", int)
    if below < 0:
        raise r.fail("monitoring.max_minutes_below", "不能为负", "must not be negative")
    return MonitoringRule(
        gap_minutes=whole("gap_minutes"),
        spike_c=r.positive("monitoring", "spike_c", Decimal),
        spike_max_samples=whole("spike_max_samples"), flat_minutes=whole("flat_minutes"),
        valid_min_c=low, valid_max_c=high, future_minutes=whole("future_minutes"),
        past_days=whole("past_days"), min_coverage=coverage, max_minutes_below=below)


def _case_rule(r: _Reader) -> CaseRule:
    """The `[refund]` keys of the case rule; each is optional and has CaseRule's default."""
    refund, default = r.data["refund"], CaseRule()
    basis = r.get("refund", "band_basis", str) if "band_basis" in refund else default.band_basis
    if basis not in BAND_BASES:
        raise r.fail("refund.band_basis", "只能是 each_test（每次检测）或 month_mean（当月检测均值）",
                     "must be each_test or month_mean")
    hours = (r.positive("refund", "stop_min_hours", Decimal) if "stop_min_hours" in refund
             else default.stop_min_hours)
    multiplier = None
    if "company_stop_48h_multiplier" in refund:
        multiplier = r.positive("refund", "company_stop_48h_multiplier", Decimal)
    share = default.company_failure_share
    if "company_failure_share" in refund:
        share = r.get("refund", "company_failure_share", Decimal)
        if not Decimal(0) < share <= Decimal(2):
            raise r.fail("refund.company_failure_share", "须在 0 到 2 之间", "must be in (0, 2]")
    return CaseRule(basis, hours, multiplier, share)


def _provenance(r: _Reader, section: str) -> Provenance:
    """The section's stated provenance; a section that states none is unconfirmed."""
    values = r.data[section]
    status = values.get("status", "unconfirmed")
    if status not in STATUSES:
        raise r.fail(f"{section}.status", "只能是 cited（有已发布文件）或 unconfirmed（尚未确认）",
                     "must be cited (a published document) or unconfirmed")
    texts = {}
    for key in ("citation_zh", "citation_en"):
        text = values.get(key, "")
        if not isinstance(text, str):
            raise r.fail(f"{section}.{key}", "须是文字", "must be a string")
        if "seed" in text.lower():
            raise r.fail(f"{section}.{key}", "须写文件名称和文号", "must name the document")
        if key == "citation_en" and _CJK.search(text):
            raise r.fail(f"{section}.{key}", "英文引用中不能夹中文（文号请用拼音）",
                         "no Chinese characters in English (romanise the number)")
        texts[key] = text.strip()
    if status == CITED and not (texts["citation_zh"] and texts["citation_en"]):
        raise r.fail(f"{section}.citation_zh", "cited 须写明所依据文件的名称和文号（中英文）",
                     "cited needs the document's title and number in citation_zh and citation_en")
    return Provenance(section, status, texts["citation_zh"], texts["citation_en"])


def _witness_roles_en(r: _Reader) -> tuple[str, ...]:
    roles = r.data.get("refusal", {}).get("witness_roles", [])
    english = r.data.get("refusal", {}).get("witness_roles_en", [])
    if not isinstance(english, list) or english and len(english) != len(roles) \
            or not all(isinstance(x, str) for x in english):
        raise r.fail("refusal.witness_roles_en", "须与 witness_roles 一一对应的英文",
                     "must be the English of witness_roles, one for each")
    return tuple(english)


def _utc_offset(r: _Reader) -> str:
    text = r.data.get("profile", {}).get("utc_offset", DEFAULT_OFFSET)
    try:
        parse_offset(str(text))
    except ValueError as exc:
        raise r.fail("profile.utc_offset", "须为 +08:00 这样的 UTC 偏移", "must be a UTC "
                     "offset such as +08:00") from exc
    return str(text)


def _is_hhmm(text: object) -> bool:
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        return False
    hh, mm = text[:2], text[3:]
    return hh.isdigit() and mm.isdigit() and int(hh) < 24 and int(mm) < 60


def _bands(r: _Reader, basis: str) -> tuple[RefundBand, ...]:
    bands = []
    for i, raw in enumerate(r.get("refund", "bands", list)):
        where = f"refund.bands[{i}]"
        if not isinstance(raw, dict) or "share" not in raw:
            raise r.fail(where, "缺少 share", "missing share")
        share = dec(float(raw["share"]))
        if not Decimal(0) < share <= Decimal(2):
            raise r.fail(where, "share 必须在 0 到 2 之间", "share must be in (0, 2]")
        fields = {k: dec(float(raw[k])) for k in ("from_c", "to_c", "below_max_c") if k in raw}
        if basis == "measured" and "below_max_c" in fields:
            raise r.fail(where, "measured 规则不用 below_max_c", "below_max_c needs below_standard")
        if basis == "below_standard" and ({"from_c", "to_c"} & fields.keys()):
            raise r.fail(where, "below_standard 规则只用 below_max_c", "use below_max_c only")
        if "from_c" in fields and "to_c" in fields and fields["from_c"] >= fields["to_c"]:
            raise r.fail(where, "from_c 必须小于 to_c", "from_c must be below to_c")
        bands.append(RefundBand(share=share, **fields))
    return tuple(bands)


def points_for_area(profile: Profile, area_m2: float) -> int:
    """How many measuring points a room of `area_m2` needs under `profile`."""
    for rule in profile.point_rules:
        if area_m2 <= rule.max_area_m2:
            return rule.points
    return profile.point_rules[-1].points
