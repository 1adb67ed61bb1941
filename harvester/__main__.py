"""`python -m harvester` runs the pubharvest command."""

import sys

from .cli import main

sys.exit(main())
