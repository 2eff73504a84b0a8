"""casus.ontology"""
