"""Telling staff when a mother may be at risk: channels (SMTP, webhook), the durable outbox and its
sender.
"""
