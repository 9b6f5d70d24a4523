"""`python -m briefer ...` runs the CLI."""

import sys

from briefer.cli import main

sys.exit(main())
