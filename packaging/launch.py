"""The frozen app's entry point (PyInstaller needs a script; this is `reviewer` as installed by pip)."""

import sys

from reviewer.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
