"""Storage: the database tables and engine, the intake record, contact details, risk events,
retention and export. Imports only the layer below it (the codebook and sites), never the
conversation, safety, alerts, pages or actions (the import contract in pyproject.toml).
"""
