"""Site configuration: what each local programme offers, loaded from sites/*.yml and checked at
start-up.
"""
