from django.urls import path

from .views import plans

app_name = "plans"

urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
]
