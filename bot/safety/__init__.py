"""Detecting risk in a mother's message: the rule net, its Rasa NLU component. The response itself
is in bot.conversation; telling staff is bot.alerts.

The public API of the rule net is importable from here.
"""

from bot.safety.matcher import (
    CATEGORY_PRIORITY,
    NO_RISK,
    RISK_CATEGORIES,
    SafetyAssessment,
    assess,
    find_risks,
    rule_language,
    rule_names,
)

__all__ = ["CATEGORY_PRIORITY", "NO_RISK", "RISK_CATEGORIES", "SafetyAssessment", "assess",
           "find_risks", "rule_language", "rule_names"]
