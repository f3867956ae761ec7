"""ASGI entry point; production servers use the prod settings unless told otherwise."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.prod")

application = get_asgi_application()
