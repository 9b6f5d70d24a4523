"""Entry point of the packaged command line (`briefer`): the same `briefer.cli.main` as a checkout.

`freeze_support()` comes first: the PDF reader starts worker processes (forkserver/spawn), and in a
frozen build those re-enter this executable.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from briefer.cli import main

    sys.exit(main())
