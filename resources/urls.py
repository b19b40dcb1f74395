from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    path("outils-et-methodes/", views.tools, name="tools"),
    path("outils-et-methodes/cartographie/", views.tool_map, name="tool_map"),
    path("outils-et-methodes/<slug:slug>/", views.tool_detail, name="tool"),
    path("etudes-et-rapports/", views.studies, name="studies"),
    path("etudes-et-rapports/<slug:slug>/", views.study_detail, name="study"),
    path("actualites/", views.news, name="news_index"),
    path("actualites/<slug:slug>/", views.news_detail, name="news"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/<slug:slug>/", views.event_detail, name="event"),
]
