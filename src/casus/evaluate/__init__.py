"""casus.evaluate"""
