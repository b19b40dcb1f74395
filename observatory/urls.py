from django.urls import path

from observatory import views

app_name = "observatory"

urlpatterns = [
    path("", views.index, name="index"),
    path("chiffres.csv", views.figures_csv, name="figures_csv"),
    path("indicateurs/<slug:slug>.svg", views.indicator_chart, name="indicator_chart"),
]
