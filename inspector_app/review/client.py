"""A supervisor's session with the district office: list, read, review, rule, export.

Qt-free so the same calls serve the app (on worker threads: the GUI never waits on the network)
and scripts. Every failure becomes a `ReviewError` carrying the office's own words in Chinese and
English when it gave them (`reason_zh` / `reason`), or ours for a dead link, a locked account or
an answer that is not from an office (a captive Wi-Fi portal's login page, say).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from inspector_app import __version__
from inspector_app.bounded_json import JsonInputError, read_json
from inspector_app.core.errors import InspectionError
from inspector_app.sync.answers import office_words

USER_AGENT = f"inspector-app-review/{__version__}"
Progress = Callable[[int, int, str], None]
# A spreadsheet is built whole before its first byte is sent (about 16 s per 100,000 rows on a
# small office machine), so an export waits far longer for an answer than a page does.
EXPORT_TIMEOUT = httpx.Timeout(30.0, read=1800.0)
MAX_ANSWER_BYTES = 64 * 1024 * 1024  # a record detail carries its envelope (4 MiB by default)


class ReviewError(InspectionError):
    """The office refused, or could not be reached; `status` is the HTTP status when one came."""

    def __init__(self, message_zh: str, message_en: str, status: int | None = None,
                 code: str = "") -> None:
        super().__init__(message_zh, message_en)
        self.status = status
        self.code = code


def _office_error(response: httpx.Response) -> ReviewError:
    status = response.status_code
    words = office_words(response)
    if words is not None:
        zh, en, code = words
        if status == 429:
            wait = response.headers.get("Retry-After", "?")
            zh = f"{zh}（请 {wait} 秒后再试）"
            en = f"{en} (try again in {wait} s)"
        return ReviewError(zh, en, status, code)
    if status == 401:
        return ReviewError("登录已失效，请重新登录", "the session has ended: log in again", status,
                           "unauthorised")
    return ReviewError(f"办公室返回 HTTP {status}，答复不是办公室的格式",
                       f"the office answered HTTP {status} in a form that is not the office's",
                       status, "not_office")


def _bounded(response: httpx.Response) -> Any:
    """The answer's JSON read as outside input (size and nesting bounded)."""
    return read_json(response.content, max_bytes=MAX_ANSWER_BYTES)


def _transport_error(url: str, exc: httpx.TransportError) -> ReviewError:
    return ReviewError(f"无法连接办公室 {url}：{exc.__class__.__name__}",
                       f"cannot reach the office at {url}: {exc.__class__.__name__}", None,
                       "unreachable")


def _clean(params: Mapping[str, Any]) -> dict[str, Any]:
    """Query parameters without the empty ones; booleans as the API spells them."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if value is None or value == "":
            continue
        out[key] = ("true" if value else "false") if isinstance(value, bool) else value
    return out


def _ticket_path(channel: str, ticket: str) -> str:
    return f"/api/v1/tickets/{quote(channel, safe='')}/{quote(ticket, safe='')}"


def _case_path(case_id: str) -> str:
    return f"/api/v1/cases/{quote(case_id, safe='')}"


@dataclass(frozen=True)
class User:
    name: str
    role: str
    district: str | None
    expires_at: str


class ReviewSession:
    """One logged-in supervisor. Thread-safe for concurrent requests (httpx.Client is)."""

    def __init__(self, base_url: str, token: str, user: User, *, verify: bool | str = True,
                 timeout: float = 30.0, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.user = user
        self.training_office = False   # set from /health at login: may practise rulings
        self.public_url: str | None = None   # from /health: rulings' QR links to its /v/ page
        self._http = httpx.Client(base_url=self.base_url, verify=verify, timeout=timeout,
                                  transport=transport,
                                  headers={"Authorization": f"Bearer {token}",
                                           "User-Agent": USER_AGENT})

    @classmethod
    def login(cls, base_url: str, name: str, password: str, *, verify: bool | str = True,
              timeout: float = 30.0, transport: httpx.BaseTransport | None = None,
              ) -> ReviewSession:
        """Log in; a wrong password, a lockout or a non-office answer raise ReviewError."""
        base_url = base_url.strip().rstrip("/")
        if not base_url.startswith(("http://", "https://")):
            raise ReviewError("办公室地址应以 http:// 或 https:// 开头",
                              "the office address must start with http:// or https://",
                              code="bad_url")
        try:
            with httpx.Client(base_url=base_url, verify=verify, timeout=timeout,
                              transport=transport, headers={"User-Agent": USER_AGENT}) as http:
                response = http.post("/api/v1/login", json={"name": name, "password": password})
        except httpx.TransportError as exc:
            raise _transport_error(base_url, exc) from exc
        if response.status_code != 200:
            raise _office_error(response)
        try:
            body = _bounded(response)
            user = User(body["name"], body["role"], body.get("district"), body["expires_at"])
            token = body["token"]
        except (JsonInputError, KeyError, TypeError) as exc:
            raise _office_error(httpx.Response(502)) from exc
        session = cls(base_url, token, user, verify=verify, timeout=timeout, transport=transport)
        health = session.health()
        session.training_office = bool(health.get("training"))
        session.public_url = health.get("public_url") or None
        return session

    def health(self) -> dict[str, Any]:
        """The office's self-description (service, version, whether it runs for training)."""
        return self._json("GET", "/api/v1/health")

    # -- plumbing ------------------------------------------------------------------------------
    def _call(self, method: str, path: str, *, ok: tuple[int, ...] = (200,),
              **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise _transport_error(self.base_url, exc) from exc
        if response.status_code not in ok:
            raise _office_error(response)
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._call(method, path, **kwargs)
        try:
            return _bounded(response)
        except JsonInputError as exc:
            raise _office_error(httpx.Response(502)) from exc

    def close(self) -> None:
        self._http.close()

    def logout(self) -> None:
        try:
            self._call("POST", "/api/v1/logout", ok=(204, 401))
        finally:
            self.close()

    # -- records -------------------------------------------------------------------------------
    def list_records(self, filters: Mapping[str, Any], *, sort: str = "test_at",
                     order: str = "desc", limit: int = 100, cursor: str | None = None,
                     ) -> dict[str, Any]:
        """One page: {total, total_exact, items, next_cursor}. Filters as the office names them."""
        params = _clean({**filters, "sort": sort, "order": order, "limit": limit,
                         "cursor": cursor})
        return self._json("GET", "/api/v1/records", params=params)

    # A record is named by its `ref` (device.record id, in every listed item and detail): two
    # devices may hold records under one record id. A bare id works only while it is unique.
    def record(self, ref: str) -> dict[str, Any]:
        return self._json("GET", f"/api/v1/records/{ref}")

    def envelope(self, ref: str) -> tuple[bytes, str]:
        """The exact stored bytes of the sealed record and the sha256 the office states."""
        response = self._call("GET", f"/api/v1/records/{ref}/envelope")
        return response.content, response.headers.get("X-Record-Sha256", "")

    def photo(self, sha256: str) -> bytes:
        """A photo a record of the district cites, checked against its hash (ReviewError if not)."""
        data = self._call("GET", f"/api/v1/photos/{sha256}").content
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ReviewError("照片内容与签封记录中的哈希不符", "the photo does not have the hash the "
                              "sealed record gives it")
        return data

    def set_review(self, ref: str, state: str, comment: str = "") -> dict[str, Any]:
        return self._json("PUT", f"/api/v1/records/{ref}/review",
                          json={"state": state, "comment": comment})

    def add_comment(self, ref: str, comment: str) -> dict[str, Any]:
        return self._json("POST", f"/api/v1/records/{ref}/comments",
                          json={"comment": comment})

    def issue_ruling(self, ref: str, daily_fee_per_m2: str, failing_days: int,
                     comment: str = "", request_key: str | None = None) -> dict[str, Any]:
        """The office recomputes and numbers the ruling; it answers {ruling_no, ..., ruling}.

        Send the same `request_key` again after a lost answer (a timeout while the office was
        writing): the office returns the ruling it issued then instead of issuing another."""
        return self._json("POST", f"/api/v1/records/{ref}/rulings", ok=(200, 201),
                          json={"daily_fee_per_m2": daily_fee_per_m2,
                                "failing_days": failing_days, "comment": comment,
                                "request_key": request_key})

    def company_stats(self, season: str) -> dict[str, Any]:
        return self._json("GET", "/api/v1/companies/stats", params={"season": season})

    # -- tickets -------------------------------------------------------------------------------
    # A ticket is named CHANNEL/TICKET (both parts in the path, each quoted: a ticket number may
    # hold characters a path may not).
    def list_tickets(self, filters: Mapping[str, Any] | None = None, *, limit: int = 50,
                     after: str | None = None) -> dict[str, Any]:
        """One page of the district's tickets, oldest complaint first: {items, next}. Filters:
        state, overdue (bool), inspector, company, channel."""
        params = _clean({**(filters or {}), "limit": limit, "after": after})
        return self._json("GET", "/api/v1/tickets", params=params)

    def ticket(self, channel: str, ticket: str) -> dict[str, Any]:
        """The ticket with its revisions and events (oldest first)."""
        return self._json("GET", _ticket_path(channel, ticket))

    def assign_ticket(self, channel: str, ticket: str, inspector: str) -> dict[str, Any]:
        return self._json("POST", _ticket_path(channel, ticket) + "/assignment",
                          json={"inspector": inspector})

    def ticket_event(self, channel: str, ticket: str, kind: str, *,
                     data: Mapping[str, Any] | None = None, note: str = "",
                     at: str | None = None) -> dict[str, Any]:
        """An office-side event (cancelled with {"reason"}, closed, contacted by phone from the
        office, ...); `at` defaults to the office's now. Answers the ticket."""
        body: dict[str, Any] = {"kind": kind, "data": dict(data or {}), "note": note}
        if at is not None:
            body["at"] = at
        return self._json("POST", _ticket_path(channel, ticket) + "/events", json=body)

    def inspectors(self) -> list[dict[str, Any]]:
        """[{name, district, laptops}] the supervisor may assign to."""
        return self._json("GET", "/api/v1/inspectors")

    def ticket_stats(self, season: str) -> dict[str, Any]:
        """Response figures from the tickets: {season, district, groups, total}."""
        return self._json("GET", "/api/v1/tickets/stats", params={"season": season})

    # -- cases (a household's complaint, tests, re-tests, stops and ruling) ---------------------
    def list_cases(self, filters: Mapping[str, Any] | None = None, *, limit: int = 50,
                   after: str | None = None) -> dict[str, Any]:
        """One page of the district's cases, open ones first: {items, next}. Filters: state
        (open|ruled|withdrawn), season, company, household, q (address words)."""
        params = _clean({**(filters or {}), "limit": limit, "after": after})
        return self._json("GET", "/api/v1/cases", params=params)

    def case(self, case_id: str) -> dict[str, Any]:
        """{case, household, records, tickets, stops, failures, monitor_days, timeline,
        estimate, rulings, history}."""
        return self._json("GET", _case_path(case_id))

    def issue_case_ruling(self, case_id: str, daily_fee_per_m2: str, until: str, *,
                          use_monitoring: bool = False, comment: str = "",
                          request_key: str | None = None) -> dict[str, Any]:
        """The office computes the case's ruling over its stored evidence and numbers it.
        The same `request_key` after a lost answer returns the ruling issued then."""
        return self._json("POST", _case_path(case_id) + "/rulings", ok=(200, 201),
                          json={"daily_fee_per_m2": daily_fee_per_m2, "until": until,
                                "use_monitoring": use_monitoring, "comment": comment,
                                "request_key": request_key})

    def case_ruling_pdf(self, case_id: str, ruling_no: str, lang: str = "zh") -> bytes:
        """The ruling's PDF as the office renders it from what it stored (in `lang`)."""
        response = self._call("GET", _case_path(case_id)
                              + f"/rulings/{quote(ruling_no, safe='')}/pdf",
                              params={"lang": lang})
        if not response.content.startswith(b"%PDF"):
            raise _office_error(httpx.Response(502))
        return response.content

    def withdraw_case(self, case_id: str, reason: str) -> dict[str, Any]:
        return self._json("POST", _case_path(case_id) + "/withdraw", json={"reason": reason})

    def case_event(self, case_id: str, kind: str, day: str, note: str = "") -> dict[str, Any]:
        """A day the company failed to test or to sign (kind company_failed_to_test |
        company_failed_to_sign), counted as failing as the profile says."""
        return self._json("POST", _case_path(case_id) + "/events", ok=(200, 201),
                          json={"kind": kind, "day": day, "note": note})

    def household(self, household_id: str) -> dict[str, Any]:
        return self._json("GET", f"/api/v1/households/{quote(household_id, safe='')}")

    def merge_households(self, household_id: str, into: str, reason: str) -> dict[str, Any]:
        """Household `household_id` becomes part of `into` (audited; a split undoes it)."""
        return self._json("POST", "/api/v1/households/merge", ok=(200, 201),
                          json={"household_id": household_id, "into": into, "reason": reason})

    def split_households(self, change_id: Any, reason: str) -> dict[str, Any]:
        """Undo the merge `change_id` (audited)."""
        return self._json("POST", "/api/v1/households/split", ok=(200, 201),
                          json={"change_id": change_id, "reason": reason})

    # -- company events (stops, heating periods, penalty notice drafts) -------------------------
    # The office checks and numbers each; a refusal (an overlapping stop, an end before the
    # start, a time in the future, a multiple outside the rule's range) arrives as ReviewError
    # with the office's own words and code, and nothing was stored.
    def list_stops(self, filters: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """The district's stops by start time. Filters: company, district, season,
        in_force (bool: leave out withdrawn ones)."""
        return self._json("GET", "/api/v1/company-stops",
                          params=_clean(filters or {}))["items"]

    def add_stop(self, *, company: str, district: str, start_at: str, end_at: str, cause: str,
                 evidence: str = "", communities: list[str] | None = None,
                 buildings: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        """Enter a stop that has ended (RFC 3339 times with their zone); an empty scope is the
        company's whole district. Answers the stored stop with its number."""
        scope = {"communities": list(communities or []),
                 "buildings": [list(b) for b in buildings or []]}
        return self._json("POST", "/api/v1/company-stops", ok=(201,),
                          json={"company": company, "district": district, "scope": scope,
                                "start_at": start_at, "end_at": end_at, "cause": cause,
                                "evidence": evidence})

    def withdraw_stop(self, stop_id: str, reason: str) -> dict[str, Any]:
        """A wrong stop is withdrawn, never deleted (kept with who, when and why)."""
        return self._json("POST", f"/api/v1/company-stops/{quote(stop_id, safe='')}/withdraw",
                          json={"reason": reason})

    def list_heating_periods(self, filters: Mapping[str, Any] | None = None,
                             ) -> list[dict[str, Any]]:
        """Periods with their late-start and early-stop days and notice drafts. Filters:
        season, company, district."""
        return self._json("GET", "/api/v1/heating-periods",
                          params=_clean(filters or {}))["items"]

    def add_heating_period(self, *, season: str, company: str, district: str, area: str,
                           heated_area_m2: str, fee_per_m2: str, announced_start: str,
                           announced_end: str) -> dict[str, Any]:
        """A company's announced heating period for an area (days as YYYY-MM-DD)."""
        return self._json("POST", "/api/v1/heating-periods", ok=(201,),
                          json={"season": season, "company": company, "district": district,
                                "area": area, "heated_area_m2": heated_area_m2,
                                "fee_per_m2": fee_per_m2, "announced_start": announced_start,
                                "announced_end": announced_end})

    def set_actual_days(self, period_id: str, *, actual_start: str | None = None,
                        actual_end: str | None = None) -> dict[str, Any]:
        """The actual start and/or end of heating, once come; a day left None is kept."""
        body = {k: v for k, v in (("actual_start", actual_start), ("actual_end", actual_end))
                if v is not None}
        return self._json("PATCH", f"/api/v1/heating-periods/{quote(period_id, safe='')}",
                          json=body)

    def draft_penalty_notice(self, period_id: str, kind: str, multiple: str,
                             reason: str) -> dict[str, Any]:
        """A numbered draft (kind late_start | early_stop); the range of multiples is the
        district's rules', the office's to apply: one outside it is refused naming it."""
        return self._json("POST", f"/api/v1/heating-periods/{quote(period_id, safe='')}"
                          "/penalty-notices", ok=(201,),
                          json={"kind": kind, "multiple": multiple, "reason": reason})

    def penalty_notice_pdf(self, notice_no: str, lang: str = "zh") -> bytes:
        """The draft's PDF as the office renders it (in `lang`)."""
        response = self._call("GET", f"/api/v1/penalty-notices/{quote(notice_no, safe='')}/pdf",
                              params={"lang": lang})
        if not response.content.startswith(b"%PDF"):
            raise _office_error(httpx.Response(502))
        return response.content

    # -- fixed monitoring points (固定监测点) -----------------------------------------------------
    def list_points(self, filters: Mapping[str, Any] | None = None, *, limit: int = 100,
                    after: str | None = None) -> dict[str, Any]:
        """One page of the district's monitoring points: {items, next}. Filters: district,
        company, state (reporting|silent|flagged|removed), household."""
        params = _clean({**(filters or {}), "limit": limit, "after": after})
        return self._json("GET", "/api/v1/points", params=params)

    def point_state_counts(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """{reporting, silent, flagged, removed} under the district and company filters."""
        return self._json("GET", "/api/v1/monitoring/state-counts", params=_clean(filters or {}))

    def household_monitoring(self, household_id: str, season: str) -> dict[str, Any]:
        """The household's points' days of a season, with its tests: {household, season,
        standard_c, from, to, points, tests}."""
        return self._json("GET", f"/api/v1/households/{quote(household_id, safe='')}"
                          "/monitoring", params={"season": season})

    def point_readings(self, point_id: str, start: str, end: str) -> dict[str, Any]:
        """A point's raw readings with their quality flags: {point_id, items, conflicts, gaps}.
        `start` and `end` are local days (both included) or RFC 3339 times (`end` excluded)."""
        return self._json("GET", f"/api/v1/points/{quote(point_id, safe='')}/readings",
                          params={"from": start, "to": end})

    def below_standard(self, hours: int,
                       filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Households whose point has been below the standard for `hours` or more: {items}."""
        return self._json("GET", "/api/v1/monitoring/below-standard",
                          params=_clean({**(filters or {}), "hours": hours}))

    def open_below_standard_ticket(self, household_id: str,
                                   contact: Mapping[str, str] | None = None) -> dict[str, Any]:
        """A complaint ticket for the dispatcher about a household a point finds too cold
        ({ticket}). `contact` (resident_name, resident_phone) when the household has no
        earlier ticket to take them from (else 422 no_resident_contact); 409 while one is open."""
        return self._json("POST", "/api/v1/monitoring/below-standard/"
                          f"{quote(household_id, safe='')}/ticket", ok=(200, 201),
                          json=dict(contact or {}))

    def export(self, filters: Mapping[str, Any], dest: Path, *, fmt: str = "csv",
               lang: str = "zh", sort: str = "test_at", order: str = "desc",
               progress: Progress | None = None) -> Path:
        """Download the filtered records to `dest` (CSV or xlsx), atomically: a broken download
        leaves no half file and never replaces an earlier good one."""
        dest = Path(dest)
        params = _clean({**filters, "format": fmt, "lang": lang, "sort": sort, "order": order})
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                try:
                    with self._http.stream("GET", "/api/v1/records/export", params=params,
                                           timeout=EXPORT_TIMEOUT) as response:
                        if response.status_code != 200:
                            response.read()
                            raise _office_error(response)
                        total = int(response.headers.get("Content-Length") or 0)
                        done = 0
                        for chunk in response.iter_bytes(1 << 16):
                            out.write(chunk)
                            done += len(chunk)
                            if progress:
                                progress(done, total, dest.name)
                except httpx.TransportError as exc:
                    raise _transport_error(self.base_url, exc) from exc
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return dest
