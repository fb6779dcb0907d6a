import sys

from bench.reminders.cli import main

sys.exit(main())
