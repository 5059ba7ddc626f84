"""The intake conversation's logic: reading her answers, choosing the next question, wording
replies from the message catalogue.
"""
