"""Running the whole system: training when needed, starting and supervising Rasa, the action server
and the web app.
"""
