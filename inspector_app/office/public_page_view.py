"""The residents' verification page as HTML: small, Chinese first (English on request), readable
on a phone, complete without JavaScript.

A short inline script only saves typing: it reads the hash after `#` in the slip's QR link and
compares it with the record's hash in the page (one record under the id), or hands it to the
same form a resident without JavaScript fills in by hand (several records under the id: the
office chooses by the hash). Every recorded text is escaped.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from html import escape

from inspector_app.office.public_page import PublicRecord

TEXT: dict[str, tuple[str, str]] = {
    "title": ("测温记录核验", "Test record check"),
    "authority": ("区供热主管部门", "District heating authority"),
    "other_lang": ("English", "中文"),
    "held": ("本办公室存有这条检测记录", "The office holds this test record"),
    "held_many": ("本办公室存有编号为 {id} 的记录", "The office holds records numbered {id}"),
    "held_many_how": ("请输入测温记录单上印的校验值（SHA-256），以确定是哪一条。",
                      "Enter the hash (SHA-256) printed on the slip to find which one."),
    "match": ("✓ 一致：校验值与本单相同，本单与办公室存档一致。",
              "✓ Match: the hash is the slip's; the slip matches the office's record."),
    "mismatch": ("✗ 不一致：办公室存档的这条记录校验值与本单不同。本单可能被改动或不是原件，请联系区供热主管部门。",
                 "✗ No match: the office's record has a different hash. The slip may have been "
                 "altered or is not the original: contact the district heating authority."),
    "compare": ("请核对：测温记录单上印的校验值应为", "Check: the hash printed on the slip should be"),
    "unknown": ("本办公室没有这条记录", "The office holds no such record"),
    "unknown_how": ("没有编号为 {id} 的检测记录。请核对记录编号；如记录刚刚完成，检测人员的电脑可能尚未上传，"
                    "请稍后再查或联系区供热主管部门。",
                    "There is no test record numbered {id}. Check the number; a record made just "
                    "now may not have been uploaded by the inspector's laptop yet: try again later "
                    "or contact the district heating authority."),
    "training": ("这是培训记录，不是正式检测", "This is a training record, not a formal test"),
    "training_how": ("编号为 {id} 的记录是检测人员练习时生成的，不能作为室温检测结果或退费依据。",
                     "Record {id} was made in practice: it is not a test result and cannot be the "
                     "basis of a refund."),
    "failed": ("这条记录未通过办公室的核验", "This record failed the office's verification"),
    "failed_how": ("办公室存有编号为 {id} 的记录，但其签名或校验值未通过核验，不能作为依据。请联系区供热主管部门。",
                   "The office holds a record numbered {id}, but its signature or hash did not "
                   "verify: it is not evidence. Contact the district heating authority."),
    "bad_hash": ("校验值应为 64 位数字和字母 a–f（可带空格）。", "A hash is 64 digits and letters a–f "
                 "(spaces allowed)."),
    "record_id": ("记录编号", "Record number"),
    "test_at": ("检测时间", "Tested"),
    "verdict": ("检测结论", "Result"),
    "district": ("所在区", "District"),
    "place": ("小区及楼栋", "Community and building"),
    "building": ("{building}栋", "building {building}"),
    "rooms": ("各房间平均温度", "Room means"),
    "room": ("房间", "Room"),
    "mean": ("平均温度", "Mean"),
    "room_verdict": ("结论", "Result"),
    "hash_label": ("测温记录单上的校验值（SHA-256）", "Hash on the slip (SHA-256)"),
    "submit": ("核对", "Check"),
    "privacy": ("本页不显示姓名、电话和门牌号。", "This page shows no names, phone numbers or flat "
                "numbers."),
    "slow_down": ("查询过于频繁，请 {seconds} 秒后再试。", "Too many requests: try again in "
                  "{seconds} seconds."),
    "verdict.pass": ("合格", "Pass"),
    "verdict.fail": ("不合格", "Fail"),
    "verdict.incomplete": ("未完成", "Incomplete"),
    "kind.bedroom": ("卧室", "bedroom"),
    "kind.living_room": ("起居室（厅）", "living room"),
    "kind.other": ("其他", "other"),
}

SCRIPT = (
    "(function(){function run(){var h=location.hash.slice(1).replace(/\\s/g,'').toLowerCase();"
    "if(!/^[0-9a-f]{64}$/.test(h))return;var b=document.getElementById('check');"
    "if(b&&b.dataset.sha256){var ok=h===b.dataset.sha256;b.className=ok?'ok':'bad';"
    "b.textContent=ok?b.dataset.ok:b.dataset.bad;var d=document.getElementById('details');"
    "if(d)d.hidden=!ok;return;}"
    "var f=document.getElementById('hashform');if(f&&!f.dataset.asked){f.sha256.value=h;"
    "f.submit();}}run();window.addEventListener('hashchange',run);})();")
SCRIPT_CSP = "'sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode() + "'"
CSP = (f"default-src 'none'; style-src 'unsafe-inline'; script-src {SCRIPT_CSP}; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

STYLE = """
body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
 font-size:17px;line-height:1.5;color:#1b1b1b;background:#f4f5f7}
header{background:#1f4e79;color:#fff;padding:12px 16px;display:flex;justify-content:space-between}
header a{color:#fff}
main{max-width:560px;margin:0 auto;padding:12px 16px 24px}
h1{font-size:22px;margin:8px 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;background:#fff;padding:12px;
 border-radius:8px}
dt{color:#555}dd{margin:0;font-weight:600}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px;margin-top:8px}
th,td{padding:6px 8px;border-bottom:1px solid #e3e3e3;text-align:left}
.ok,.bad,.info{padding:12px;border-radius:8px;margin:12px 0;font-weight:600}
.ok{background:#e3f4e6;color:#14532d}.bad{background:#fde8e8;color:#7f1d1d}
.info{background:#fff;color:#1b1b1b;font-weight:400}
code{font-family:monospace;font-size:15px;word-break:break-all}
form{background:#fff;padding:12px;border-radius:8px;margin-top:12px}
input{width:100%;box-sizing:border-box;font:15px monospace;padding:8px;margin:6px 0}
button{font-size:17px;padding:8px 20px}
footer{color:#666;font-size:14px;text-align:center;padding:8px 16px 24px}
"""


@dataclass(frozen=True)
class PageView:
    """What the page says: `state` is one of unknown, training, failed, held, many, match,
    mismatch, slow; `record` the record shown (held, match). A mismatch shows none: the
    office's record under the id may be another device's."""

    record_id: str
    state: str
    lang: str = "zh"
    record: PublicRecord | None = None
    asked_hash: str = ""        # what the resident submitted (shown back in the form)
    bad_hash: bool = False
    retry_after: int = 0


def t(key: str, lang: str, **kw: object) -> str:
    zh, en = TEXT[key]
    return (zh if lang == "zh" else en).format(**{k: escape(str(v)) for k, v in kw.items()})


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return iso


def _hash_groups(sha: str) -> str:
    return " ".join(sha[i:i + 8] for i in range(0, len(sha), 8))


def _coded(prefix: str, value: str, lang: str) -> str:
    """A coded value (verdict, room kind) in words, or the value itself when unknown."""
    key = f"{prefix}.{value}"
    return t(key, lang) if key in TEXT else escape(value)


def _details(r: PublicRecord, lang: str) -> str:
    place = " ".join(p for p in (escape(r.community),
                                 t("building", lang, building=r.building) if r.building else "")
                     if p) or "—"
    open_, close = ("（", "）") if lang == "zh" else (" (", ")")
    rows = "".join(
        f"<tr><td>{escape(room.name)}{open_}{_coded('kind', room.kind, lang)}{close}</td>"
        f"<td>{escape(room.mean) + ' °C' if room.mean else '—'}</td>"
        f"<td>{_coded('verdict', room.verdict, lang)}</td></tr>"
        for room in r.rooms)
    return (f"<dl><dt>{t('record_id', lang)}</dt><dd><code>{escape(r.record_id)}</code></dd>"
            f"<dt>{t('test_at', lang)}</dt><dd>{escape(_when(r.test_at))}</dd>"
            f"<dt>{t('verdict', lang)}</dt><dd>{_coded('verdict', r.verdict, lang)}</dd>"
            f"<dt>{t('district', lang)}</dt><dd>{escape(r.district) or '—'}</dd>"
            f"<dt>{t('place', lang)}</dt><dd>{place}</dd></dl>"
            f"<h2 style=\"font-size:18px\">{t('rooms', lang)}</h2>"
            f"<table><tr><th>{t('room', lang)}</th><th>{t('mean', lang)}</th>"
            f"<th>{t('room_verdict', lang)}</th></tr>{rows}</table>")


def _form(v: PageView, lang: str) -> str:
    asked = ' data-asked="1"' if v.asked_hash or v.bad_hash else ""
    error = f'<p class="bad">{t("bad_hash", lang)}</p>' if v.bad_hash else ""
    hidden_lang = '<input type="hidden" name="lang" value="en">' if lang == "en" else ""
    return (f'<form id="hashform" method="get"{asked}>{error}'
            f'<label for="sha256">{t("hash_label", lang)}</label>'
            f'<input id="sha256" name="sha256" autocomplete="off" autocapitalize="off" '
            f'spellcheck="false" inputmode="text" maxlength="100" value="{escape(v.asked_hash)}">'
            f'{hidden_lang}<button type="submit">{t("submit", lang)}</button></form>')


def render_page(v: PageView) -> str:
    """The whole HTML document."""
    lang, rid = v.lang, v.record_id
    body: list[str] = []
    if v.state == "slow":
        body += [f"<h1>{t('title', lang)}</h1>",
                 f"<p class=\"bad\">{t('slow_down', lang, seconds=v.retry_after)}</p>"]
    elif v.state == "unknown":
        body += [f"<h1>{t('unknown', lang)}</h1>", f"<p>{t('unknown_how', lang, id=rid)}</p>"]
    elif v.state == "training":
        body += [f"<h1>{t('training', lang)}</h1>", f"<p>{t('training_how', lang, id=rid)}</p>"]
    elif v.state == "failed":
        body += [f"<h1>{t('failed', lang)}</h1>", f"<p>{t('failed_how', lang, id=rid)}</p>"]
    elif v.state == "many":
        body += [f"<h1>{t('held_many', lang, id=rid)}</h1>",
                 f"<p>{t('held_many_how', lang)}</p>", _form(v, lang)]
    elif v.state == "mismatch" and v.record is None:   # no record shown for another's hash
        body += [f"<h1>{t('title', lang)}</h1>", f'<div class="bad">{t("mismatch", lang)}</div>',
                 _form(v, lang)]
    elif v.state in ("held", "match") and v.record is not None:
        r = v.record
        if v.state == "held":
            check = (f'<div id="check" class="info" data-sha256="{r.sha256}" '
                     f'data-ok="{t("match", lang)}" data-bad="{t("mismatch", lang)}">'
                     f'{t("compare", lang)}<br><code>{_hash_groups(r.sha256)}</code></div>')
        else:
            check = f'<div class="ok">{t("match", lang)}</div>'
        body += [f"<h1>{t('held', lang)}</h1>", check,
                 f'<div id="details">{_details(r, lang)}</div>', _form(v, lang)]
    other = "en" if lang == "zh" else "zh"
    switch = f'<a href="?lang={other}" hreflang="{other}">{t("other_lang", lang)}</a>'
    return ("<!doctype html>"
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="robots" content="noindex">'
            f"<title>{t('title', lang)} · {t('authority', lang)}</title><style>{STYLE}</style>"
            f"</head><body><header><span>{t('authority', lang)} · {t('title', lang)}</span>"
            f"{switch}</header><main>{''.join(body)}</main>"
            f"<footer>{t('privacy', lang)}</footer><script>{SCRIPT}</script></body></html>")
