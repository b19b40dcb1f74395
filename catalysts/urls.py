from django.urls import path

from catalysts import views

app_name = "catalysts"

urlpatterns = [
    path("catalyseurs/", views.catalyst_list, name="list"),
    path("catalyseurs/<slug:slug>/", views.catalyst_detail, name="detail"),
    path("carte/", views.catalyst_map, name="map"),
    path("carte.svg", views.catalyst_map_svg, name="map_svg"),
    path("territoires-sans-accompagnement.csv", views.uncovered_csv, name="uncovered_csv"),
]
