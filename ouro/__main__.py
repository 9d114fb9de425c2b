"""`python3 -m ouro ...` is the same as the `ouro` command."""

import sys

from ouro.cli import main

sys.exit(main())
