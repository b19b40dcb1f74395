from django.urls import path

from alerts import proposals, views

app_name = "alerts"

urlpatterns = [
    path("recherches-enregistrees/", views.saved_search_list, name="list"),
    path("recherches-enregistrees/abonnement/", views.subscribe, name="subscribe"),
    path("recherches-enregistrees/<int:pk>/supprimer/", views.saved_search_delete, name="delete"),
    path("proposer-un-exemple/", proposals.propose_case, name="propose_case"),
    path("recherches-enregistrees/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
