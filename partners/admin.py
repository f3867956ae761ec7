from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import (
    Invitation,
    Membership,
    PartnerOrganisation,
    PolicyInstrument,
    Region,
    Stakeholder,
    User,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_coordinator", "is_staff", "is_active"]
    list_filter = ["is_coordinator", "is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "language"]}),
        (
            _("Roles and permissions"),
            {
                "fields": [
                    "is_active",
                    "is_coordinator",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]
    inlines = [MembershipInline]


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["name", "country", "nuts_code", "ecosystem_stage"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(TranslationAdmin):
    list_display = ["name", "short_name", "kind", "region", "country"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "short_name"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__region"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user"]


@admin.register(PolicyInstrument)
class PolicyInstrumentAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "kind", "period", "status"]
    list_filter = ["region", "kind", "status"]
    search_fields = ["name", "managing_authority"]


@admin.register(Stakeholder)
class StakeholderAdmin(admin.ModelAdmin):
    list_display = ["organisation_name", "region", "kind", "consent_recorded_at"]
    list_filter = ["region", "kind"]
    search_fields = ["organisation_name"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "accepted_at", "revoked_at"]
    list_filter = ["role", "organisation"]
    readonly_fields = ["created_at", "accepted_at", "invited_by"]
    search_fields = ["email"]
