"""casus.ingest"""
