"""casus.store"""
