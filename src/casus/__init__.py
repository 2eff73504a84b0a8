"""casus: multilingual political event data from news, with modality, attribution and evidence."""

__version__ = "0.1.0"
