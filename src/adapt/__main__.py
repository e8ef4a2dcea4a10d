"""``python -m adapt``."""
from adapt.cli import entry

entry()
