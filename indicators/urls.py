from django.urls import path

from indicators import views

app_name = "indicators"

urlpatterns = [
    path("", views.index, name="index"),
    path("indicateurs.csv", views.indicators_csv, name="indicators_csv"),
    path("valeurs-approuvees.csv", views.approved_values_csv, name="approved_values_csv"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/graphique.svg", views.chart, name="chart"),
    path("<slug:slug>/valeurs.csv", views.values_csv, name="values_csv"),
    path("<slug:slug>/saisir/", views.enter, name="enter"),
]
