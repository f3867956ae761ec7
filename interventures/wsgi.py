"""WSGI entry point; production servers use the prod settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.prod")

application = get_wsgi_application()
