"""``python -m bot.web``: serve the web app with the settings in the environment."""

from __future__ import annotations

import logging
import sys

from bot.sites.config import SiteConfigError
from bot.web.app import run
from bot.web.config import WebConfig, WebConfigError


def main() -> int:
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        run(WebConfig.from_env())
    except (WebConfigError, SiteConfigError) as exc:
        print(f"Web app configuration error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
