"""The one review workflow of the portal, shared by every reviewed thing (reports, practices,
and whatever comes next): a declared state machine per model (`machine.py`), one service that
takes a step (`services.py`), the reason form, the view helper and the steps shown on a page.

Part of the core package: it imports no app of the project, only the activity log
(`interventures.activity`), whose entries it writes."""
