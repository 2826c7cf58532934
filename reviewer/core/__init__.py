"""Pure-Python domain: letters, annotations, anchoring, codebook, commands and summaries."""
