"""`python -m confnotes ...`: the same as the `confnotes` command."""

import sys

from .cli import main

sys.exit(main())
