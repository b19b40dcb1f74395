from django.urls import path

from orientation import views

app_name = "orientation"

urlpatterns = [
    path("", views.start, name="start"),
    path("questions/", views.questions, name="questions"),
    path("resultat/<str:token>/", views.result, name="result"),
    path("resultat/<str:token>/supprimer/", views.delete, name="delete"),
]
