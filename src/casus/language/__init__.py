"""casus.language"""
