"""The register as config-as-code: YAML files that round-trip with the database."""
