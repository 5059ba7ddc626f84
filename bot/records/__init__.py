"""Storage: the database tables and engine, the intake record, contact details, risk events,
retention and export. Imports nothing above it but the codebook and sites.
"""
