from django.urls import path

from territories import views

app_name = "territories"

urlpatterns = [
    path("", views.index, name="index"),
    path("regions/<str:code>/", views.region_detail, name="region"),
    path("departements/<str:code>/", views.departement_detail, name="departement"),
    path("epci/<str:code>/", views.epci_detail, name="epci"),
    path("communes/<str:code>/", views.commune_detail, name="commune"),
]
