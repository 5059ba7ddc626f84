"""Detecting risk in a mother's message: the rule net, its Rasa NLU component. The response itself
is in bot.conversation; telling staff is bot.alerts.
"""
