"""Charts drawn on the server with matplotlib, as inline SVG with real text (not paths), so
they are searchable, scale for print and can be read by assistive technology."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (the backend must be chosen first)

matplotlib.rcParams.update({
    "svg.fonttype": "none",  # keep text as <text>, not glyph paths
    "svg.hashsalt": "bot-report",  # stable ids, so the same data give the same file
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
})

INK = "#1f1f1f"
ACCENT = "#5b2a86"
MUTED = "#6b6b6b"


def _svg(fig: plt.Figure) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = out.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype for inline use


def funnel(funnel_data: dict) -> str | None:
    """Site take-up against the number with an outcome, inside 95% and 99.8% limits."""
    p0 = funnel_data.get("programme_rate")
    if p0 is None:
        return None
    curve = funnel_data["curve"]
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    ns = [c["n"] for c in curve]
    for key, style, label in (("95", "--", "95% limits"), ("998", ":", "99.8% limits")):
        ax.plot(ns, [c[f"upper_{key}"] for c in curve], style, color=MUTED, label=label)
        ax.plot(ns, [c[f"lower_{key}"] for c in curve], style, color=MUTED)
    ax.axhline(p0, color=INK, linewidth=1, label=f"programme rate {p0:.0%}")
    shown = sorted((p for p in funnel_data["points"] if p["rate"] is not None),
                   key=lambda p: p["n"])
    for order, point in enumerate(shown):
        ax.plot(point["n"], point["rate"], "o", color=ACCENT)
        # neighbours in size alternate above and below their dot, so names do not overlap
        ax.annotate(point["site"], (point["n"], point["rate"]), textcoords="offset points",
                    xytext=(5, 5 if order % 2 == 0 else -12), fontsize=9, color=INK)
    ax.set_xscale("log")  # sites differ a hundredfold in size; small ones need room
    ax.set_xlabel("Records with an outcome recorded (log scale)")
    ax.set_ylabel("Took up peer support")
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    return _svg(fig)


def intervals(labels: list[str], series: dict[str, list[tuple[float, float, float] | None]]
              ) -> str | None:
    """Rates with their 95% intervals, one row per label and a marker per series."""
    if not labels or not any(v for values in series.values() for v in values):
        return None
    fig, ax = plt.subplots(figsize=(6.4, 0.45 * len(labels) + 1.2))
    markers = ("o", "s", "^")
    for offset, (name, values) in enumerate(series.items()):
        for y, value in enumerate(values):
            if value is None:
                continue
            rate, low, high = value
            pos = y + (offset - (len(series) - 1) / 2) * 0.25
            ax.errorbar(rate, pos, xerr=[[rate - low], [high - rate]], fmt=markers[offset],
                        color=(ACCENT, INK, MUTED)[offset], capsize=3,
                        label=name if y == next(i for i, v in enumerate(values) if v) else None)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.legend(frameon=False, fontsize=8, loc="lower left", bbox_to_anchor=(0, 1))
    return _svg(fig)


def trends(months: list[str], series: dict[str, list[float | None]]) -> str | None:
    """Rates by month, a line per series; hidden months leave a gap."""
    if len(months) < 2:
        return None
    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    for (name, values), colour in zip(series.items(), (ACCENT, INK, MUTED), strict=False):
        ax.plot(months, [float("nan") if v is None else v for v in values], "o-",
                color=colour, label=name, markersize=3)
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    step = max(1, len(months) // 8)
    ax.set_xticks(range(0, len(months), step))
    ax.set_xticklabels(months[::step], rotation=30, ha="right")
    ax.legend(frameon=False, fontsize=8)
    return _svg(fig)


def bars(labels: list[str], values: list[float | None], xlabel: str) -> str | None:
    """Horizontal bars (shares); a hidden value has no bar."""
    if not labels or all(v is None for v in values):
        return None
    fig, ax = plt.subplots(figsize=(6.4, 0.35 * len(labels) + 1.0))
    ax.barh(range(len(labels)), [v or 0 for v in values], color=ACCENT)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel(xlabel)
    return _svg(fig)
