"""The core's own table: the content versions of the public pages (interventures.public_pages)."""

from django.db import models


class ContentVersion(models.Model):
    """One version key ("practices", "report:12", ...) and the token that changes whenever the
    content behind it changes. Kept in the database so that every server and worker reads and
    bumps the same versions."""

    key = models.CharField(max_length=100, primary_key=True)
    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self):
        return f"{self.key} ({self.token})"
