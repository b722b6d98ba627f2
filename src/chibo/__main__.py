import sys

from chibo.cli.main import main

sys.exit(main())
