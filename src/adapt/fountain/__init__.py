"""Fountain in and out: the one format adapt both reads and writes."""
