"""`pulumi up` from the repository root runs the quick-start program, examples/basic/__main__.py.

Why a file here rather than `main: examples/basic/` in Pulumi.yaml: the engine starts the dynamic provider's
plugin in the program's directory and hands it the `virtualenv` option as written, so a relative `.venv`
would name examples/basic/.venv for the provider while the program itself ran in ./.venv. With the program
at the root, both find the repository's .venv.
"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parent / "examples" / "basic" / "__main__.py"), run_name="__main__")
