"""`make shell`: chat with the running assistant from a terminal, over the REST webhook."""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
import uuid


def send(url: str, sender: str, text: str, site: str | None) -> list[dict]:
    body = {"sender": sender, "message": text}
    if site:
        body["metadata"] = {"site": site}
    request = urllib.request.Request(url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def main() -> int:
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5005/webhooks/rest/webhook"
    site = sys.argv[2] if len(sys.argv) > 2 else None
    sender = uuid.uuid4().hex
    print("Type a message (buttons: type the number shown). Ctrl-D or /quit to leave.")
    buttons: list[dict] = []
    text = "hi"
    while True:
        try:
            replies = send(url, sender, text, site)
        except (urllib.error.URLError, OSError) as exc:
            print(f"Could not reach the assistant at {url} ({exc}). Is `make run` running?")
            return 1
        buttons = []
        for reply in replies:
            if reply.get("text"):
                print(f"bot> {reply['text']}")
            for button in reply.get("buttons") or []:
                buttons.append(button)
                print(f"     [{len(buttons)}] {button['title']}")
        try:
            text = input("you> ").strip()
        except EOFError:
            return 0
        if text == "/quit":
            return 0
        if text.isdigit() and 1 <= int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]


if __name__ == "__main__":
    raise SystemExit(main())
