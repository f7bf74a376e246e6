"""Loading into the graph: vocabularies, articles and registers, through one batched writer."""
