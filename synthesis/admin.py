from django.contrib import admin

from .models import Citation, Synthesis, SynthesisSection


class SynthesisSectionInline(admin.StackedInline):
    model = SynthesisSection
    extra = 0
    can_delete = False
    readonly_fields = ["key", "position", "version", "last_edited_by", "last_edited_at"]


@admin.register(Synthesis)
class SynthesisAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    inlines = [SynthesisSectionInline]
    # The synthesis changes state only through the review workflow, which logs and notifies.
    readonly_fields = ["status", "created_by"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "cited_version", "cited_at", "confirmed_at"]
    # What was cited is a record of the citing: kept as it was.
    readonly_fields = ["cited_version", "cited_text", "cited_by", "cited_at", "confirmed_at"]
    raw_id_fields = ["section", "source"]
