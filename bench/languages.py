"""Other languages (issue 19): a blind set per language, through the trained assistant's NLU.

A set is a YAML file with ``language`` (its ISO code), ``risk`` (messages by category),
``safe`` (hard negatives) and ``openings`` (ordinary first messages). Every message is parsed
by the trained model in-process (``models/``, as ``make model`` builds it), so the safety net
reads it exactly as in a conversation. Prints per set:

* recall: risk messages that get the safety response (a ``risk_*`` intent); check-ins on risk
  messages beside it (a question, not the response);
* false alarms: safe messages that get the safety response; check-ins on them beside it;
* her language: risk messages, safe messages and openings detected as the set's language (the
  reply is in her language only then), and openings that go on to the answer in her language.

Measure a new blind set once, before anything is changed because of it, and report that
figure. Asserts nothing.

    .venv/bin/python bench/languages.py path/to/pl.yml path/to/ur.yml --misses
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.language.detect import detect  # noqa: E402
from bot.runtime.training import model_path  # noqa: E402

CHECK_IN = "safety_check_in"


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else "0/0"


async def measure(agent: Any, path: Path, misses: bool) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    language = data["language"]
    risks = [(category, text) for category, texts in data["risk"].items() for text in texts]
    safe = list(data.get("safe") or [])
    openings = list(data.get("openings") or [])

    async def intent(text: str) -> str:
        return (await agent.parse_message(text))["intent"]["name"]

    caught = checked = 0
    lines: list[str] = []
    for category, text in risks:
        name = await intent(text)
        caught += name.startswith("risk_")
        checked += name == CHECK_IN
        if misses and not name.startswith("risk_"):
            lines.append(f"  missed {category} ({name}): {text}")
    alarms = safe_checks = 0
    for text in safe:
        name = await intent(text)
        alarms += name.startswith("risk_")
        safe_checks += name == CHECK_IN
        if misses and (name.startswith("risk_") or name == CHECK_IN):
            lines.append(f"  false {'alarm' if name.startswith('risk_') else 'check-in'} "
                         f"({name}): {text}")
    opened = 0
    for text in openings:
        name = await intent(text)
        opened += detect(text).language == language and name == "nlu_fallback"
    seen = {kind: sum(detect(text).language == language for text in texts)
            for kind, texts in (("risk", [t for _, t in risks]), ("safe", safe),
                                ("openings", openings))}
    head = [
        f"{path.name} ({language}):",
        f"  recall {_share(caught, len(risks))}; check-ins on risks {checked}",
        f"  false alarms {_share(alarms, len(safe))}; check-ins on safe messages {safe_checks}",
        f"  detected as {language}: risk {_share(seen['risk'], len(risks))}, safe "
        f"{_share(seen['safe'], len(safe))}, openings {_share(seen['openings'], len(openings))}",
        f"  openings answered in her language {_share(opened, len(openings))}",
    ]
    return head + lines


async def main_async(paths: list[Path], misses: bool) -> None:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path()))
    for path in paths:
        print("\n".join(await measure(agent, path, misses)), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", type=Path, nargs="+")
    parser.add_argument("--misses", action="store_true", help="list each miss and false alarm")
    args = parser.parse_args(argv)
    asyncio.run(main_async(args.sets, args.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
