from django.urls import path

from nearby import views

app_name = "nearby"

urlpatterns = [
    path("", views.where, name="where"),
    path("oublier/", views.forget, name="forget"),
]
