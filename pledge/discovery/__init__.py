"""Discovery: connectors to the council's systems, the identity index and matching, and search records."""
