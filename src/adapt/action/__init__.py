"""Narration → screenplay action: third person, present tense, the narrator's inner voice."""
