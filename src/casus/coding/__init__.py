"""casus.coding"""
