from django.urls import path

from cases import views

app_name = "cases"

urlpatterns = [
    path("", views.index, name="index"),
    path("cibles-odd/<str:code>/", views.sdg_target, name="sdg_target"),
    path("<slug:slug>/", views.detail, name="detail"),
]
