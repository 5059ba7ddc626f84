"""The staff workspace: accounts and sign-in, queues, conversations, notes, outcomes, audit.

Imports go one way: pages (``pages.py``, ``cli.py``) -> domain (``accounts``, ``audit``,
``security``, ``access``...) -> storage (bot.records). docs/staff.md describes it.
"""
