from django.urls import path

from opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("datapackage.json", views.catalogue_datapackage, name="catalogue_datapackage"),
    path("<slug:name>/", views.dataset_page, name="dataset"),
    path("<slug:name>/schema.json", views.dataset_schema, name="schema"),
    path("<slug:name>/datapackage.json", views.dataset_datapackage, name="datapackage"),
    path("<slug:name>/<slug:filename>.csv", views.dataset_csv, name="csv"),
]
