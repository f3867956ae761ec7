"""The Django admin is for staff only, and its sign-in is allauth's (rate limits, MFA)."""

from urllib.parse import parse_qs, urlsplit

from django.urls import reverse


def test_anonymous_visitor_is_sent_from_the_admin_to_allauths_login(login):
    client = login(None)
    response = client.get("/admin/", follow=True)
    final_path, _status = response.redirect_chain[-1]
    assert urlsplit(final_path).path == reverse("account_login")
    assert response.status_code == 200
    assert b"site administration" not in response.content.lower()


def test_admin_login_is_allauths_login(login):
    response = login(None).get(reverse("admin:login"), {"next": "/admin/"})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("account_login")
    assert parse_qs(location.query)["next"] == ["/admin/"]


def test_signed_in_user_without_staff_status_cannot_reach_the_admin(world, login):
    for user in (world.stakeholder, world.owner, world.coordinator):
        client = login(user)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("admin:login")
        # allauth's secure_admin_login refuses signed-in non-staff instead of showing a form.
        assert client.get(response["Location"]).status_code == 403


def test_admin_login_does_not_accept_a_password(world, login):
    """Django's own admin login form cannot be used to bypass allauth."""
    response = login(None).post(
        reverse("admin:login"), {"username": world.superuser.email, "password": "x"}
    )
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("account_login")


def test_superuser_opens_the_admin(world, login):
    assert login(world.superuser).get("/admin/").status_code == 200
