from django.urls import path

from roadmap import views

app_name = "roadmap"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("avancement.svg", views.progress_chart, name="progress_chart"),
    path("mesures.csv", views.measures_csv, name="measures_csv"),
    path("synthese.csv", views.synthesis_csv, name="synthesis_csv"),
    path("mesures/<int:number>/", views.measure_detail, name="measure"),
    path("chantiers/<slug:slug>/", views.workstream_detail, name="workstream"),
    path("bilans/<slug:slug>/", views.bilan_detail, name="bilan"),
    path("bilans/<slug:slug>/bilan.pdf", views.bilan_pdf, name="bilan_pdf"),
    path("bilans/<slug:slug>/bilan.csv", views.bilan_csv, name="bilan_csv"),
    path("justificatifs/<int:pk>/", views.evidence_file, name="evidence_file"),
]
