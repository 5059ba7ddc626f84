"""Custom actions: thin adapters from Rasa's tracker to the logic in ``bot/``."""
