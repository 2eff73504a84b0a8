"""casus.actors"""
