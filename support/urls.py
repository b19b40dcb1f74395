from django.urls import path

from support import demand_views, desk_views, views

app_name = "support"

urlpatterns = [
    path("demander/", views.ask, name="ask"),
    path("mes-demandes/<int:pk>/", views.mine_detail, name="mine_detail"),
    path("mes-demandes/<int:pk>/message/", views.mine_message, name="mine_message"),
    path("mes-demandes/<int:pk>/retirer/", views.mine_withdraw, name="mine_withdraw"),
    path("tableau-de-bord/", desk_views.desk_index, name="desk_index"),
    path("tableau-de-bord/plateforme/", desk_views.desk_platform, name="desk_platform"),
    path("tableau-de-bord/catalyseur/<slug:slug>/", desk_views.desk, name="desk"),
    path("demandes/<int:pk>/", desk_views.desk_request, name="desk_request"),
    path("demandes/<int:pk>/prendre-en-charge/", desk_views.desk_take, name="desk_take"),
    path("demandes/<int:pk>/repondre/", desk_views.desk_answer, name="desk_answer"),
    path("demandes/<int:pk>/clore/", desk_views.desk_close, name="desk_close"),
    path("demandes-sans-catalyseur/", demand_views.unserved, name="unserved"),
    path("demandes-sans-catalyseur.csv", demand_views.unserved_csv, name="unserved_csv"),
]
