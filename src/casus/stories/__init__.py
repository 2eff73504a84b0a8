"""Stories and claims across documents: copies (MinHash), stories (multilingual embeddings + actors + dates),
canonical events with their independent sources, and the status history of claims. Needs the `stories` extra."""
