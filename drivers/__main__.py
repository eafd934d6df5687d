"""`python -m drivers ...`: see drivers.cli."""

import sys

from .cli import main

sys.exit(main())
