"""The reminders bench's table and JSON."""

from __future__ import annotations

from typing import Any

from bench.reminders.measured import SERIES_ORDER, Measured
from bench.reminders.options import REMINDERS_BEFORE, Options
from bench.stats import Summary, summary_lines


def summaries(measured: Measured) -> list[Summary]:
    return [Summary(label, measured.series.get(label, [])) for label in SERIES_ORDER]


def format_report(options: Options, measured: Measured) -> str:
    lines = [
        f"reminder punctuality: {options.cases} cases, window {options.window['repressive']} "
        f"with reminders {', '.join(REMINDERS_BEFORE)} before; delay after the due time",
        "",
        *summary_lines(summaries(measured), "worst ms"),
    ]
    if measured.setup:
        lines += ["", _setup_line(measured.setup)]
    for title, items in (
        ("missing", measured.missing),
        ("duplicated", measured.duplicated),
        (f"delivered later than {options.late_ms:.0f} ms", measured.late),
        ("bot log warnings and errors", measured.warnings),
    ):
        lines.append(f"{title}: {len(items) or 'none'}")
        lines += [f"  {item}" for item in items]
    return "\n".join(lines)


def _setup_line(setup: dict[str, Any]) -> str:
    never = setup["setup_rows_undelivered"]
    return (
        f"setup: {setup['rooms_opened']} incident rooms, the last one opened "
        f"{_relative(setup['last_room_vs_first_due_ms'])} the first due time; the "
        f"{setup['setup_rows']} outbox rows queued before it were all delivered "
        f"{_relative(setup['setup_drained_vs_first_due_ms'])} it"
        + (f" ({never} never)" if never else "")
    )


def _relative(ms: float | None) -> str:
    if ms is None:
        return "(unknown) relative to"
    return f"{abs(ms) / 1000:.1f} s {'after' if ms > 0 else 'before'}"


def _series(summary: Summary) -> dict[str, Any]:
    return {
        "label": summary.label,
        "n": len(summary.samples_ms),
        "median_ms": round(summary.median, 2),
        "p95_ms": round(summary.p95, 2),
        "worst_ms": round(summary.max, 2),
        "samples_ms": [round(value, 2) for value in summary.samples_ms],
    }


def report(options: Options, measured: Measured) -> dict[str, Any]:
    return {
        "cases": options.cases,
        "spread_s": options.spread,
        "window": options.window,
        "series": [_series(summary) for summary in summaries(measured)],
        "setup": measured.setup,
        "missing": measured.missing,
        "duplicated": measured.duplicated,
        "late": measured.late,
        "bot_log_warnings": measured.warnings,
        "reminders": measured.reminders,
        "baseline": measured.baseline,
    }
