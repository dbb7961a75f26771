"""Imported first by conftest.py: let Python and pytest cache compiled modules even under PYTHONDONTWRITEBYTECODE.

pytest keeps the test modules it has rewritten for their asserts only where Python may write bytecode; with
PYTHONDONTWRITEBYTECODE set (as on the team's machines) each test process would rewrite every test module again,
and compile the package's modules again (an editable install has no bytecode of its own): a second or more of CPU
in every test process and in every `parlertui` the tests start. The caches go to __pycache__ folders, which git
ignores.
"""

import sys

sys.dont_write_bytecode = False
