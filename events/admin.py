from django.contrib import admin

from .models import Event, Registration

REGISTRATION_FIELDS = [
    "user",
    "status",
    "created_at",
    "promoted_at",
    "cancelled_at",
    "anonymised_at",
]


class RegistrationInline(admin.TabularInline):
    """Participants are listed, not edited: registrations go through the portal's services."""

    model = Registration
    extra = 0
    fields = REGISTRATION_FIELDS
    readonly_fields = REGISTRATION_FIELDS
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "host_region", "starts_at", "format", "status", "is_published"]
    list_filter = ["kind", "format", "status", "is_published", "host_region"]
    search_fields = ["title", "summary", "planned_place", "actual_place"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["regions", "practices"]
    date_hierarchy = "starts_at"
    list_select_related = ["host_region"]
    inlines = [RegistrationInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "created_at", "cancelled_at", "anonymised_at"]
    list_filter = ["status", "event__host_region"]
    list_select_related = ["event", "user"]
    readonly_fields = ["event", *REGISTRATION_FIELDS]

    def has_add_permission(self, request):
        return False
