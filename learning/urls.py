from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.path_detail, name="path"),
]
