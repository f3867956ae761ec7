"""Background tasks of the reports app, run by django-tasks-db's worker (`manage.py db_worker`)."""

from django.tasks import task

from .compendium import compendium_build


@task
def build_compendium(compendium_id: str) -> str:
    """Make a compendium's PDF; its progress and outcome are kept in the `Compendium` row."""
    return compendium_build(compendium_id=compendium_id)
