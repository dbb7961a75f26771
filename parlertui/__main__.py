"""`python -m parlertui`."""

import sys

from parlertui.cli import main

sys.exit(main())
