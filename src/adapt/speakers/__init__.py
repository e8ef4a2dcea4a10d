"""Who speaks each quotation: the cast and its names, speech tags, attribution passes, turn-taking."""
