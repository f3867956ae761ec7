"""ASGI entry point; production servers use the prod settings unless told otherwise (in the
environment or in `.env`)."""

import os

from django.core.asgi import get_asgi_application

from interventures.settings.env import read_dotenv_file

read_dotenv_file()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.prod")

application = get_asgi_application()
