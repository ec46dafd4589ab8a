"""Information-sharing agreements: the register's agreements with their review and expiry, and the gaps."""
