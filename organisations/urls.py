from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.detail, name="detail"),
]
