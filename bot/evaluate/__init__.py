"""Evaluator analytics: aggregate take-up figures by site and mechanism, with uncertainty.

One job per module: ``data`` reads coded fields, ``statistics`` computes intervals, control
limits and agreement, ``disclosure`` hides small counts, ``model`` builds the report,
``charts``/``html``/``tidy`` render it, ``dictionary`` describes the codebook, ``cli`` and
``pages`` are the two ways in.
"""

#: The report's output formats (here, so ``bot --help`` need not import the statistics).
FORMATS = ("html", "csv", "json")
