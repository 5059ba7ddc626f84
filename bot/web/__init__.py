"""The web app (aiohttp): the demo page, the embeddable chat widget and the chat gateway.

See docs/web.md. Run it with ``python -m bot.web`` (``make run`` starts it with Rasa).
"""
