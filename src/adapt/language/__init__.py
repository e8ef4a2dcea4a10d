"""English as every stage reads it: sentences, word tokens, word lists and inflections."""
