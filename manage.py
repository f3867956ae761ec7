#!/usr/bin/env python
"""Django's command-line utility for the INTER VENTURES portal."""

import os
import sys


def main() -> None:
    from interventures.settings.env import read_dotenv_file

    read_dotenv_file()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
