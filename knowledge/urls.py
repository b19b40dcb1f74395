from django.urls import path

from knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("historique/", views.history, name="history"),
    path("forces-du-changement/", views.forces_of_change, name="forces"),
    path("acteurs-de-reference/", views.actors, name="actors"),
    path("acteurs-de-reference/<slug:slug>/", views.actor_detail, name="actor"),
]
