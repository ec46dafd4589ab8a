#!/usr/bin/env python
"""Django's command-line utility; `pledge` is the friendlier name for the same thing."""

import sys

from pledge.cli import main

if __name__ == "__main__":
    sys.exit(main())
