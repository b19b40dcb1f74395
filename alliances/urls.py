from django.urls import path

from alliances import match_views, member_views, stats_views, suggestion_views, views

app_name = "alliances"

urlpatterns = [
    path("", views.index, name="index"),
    path("annonces.csv", views.listings_csv, name="csv"),
    path("statistiques/", stats_views.statistics, name="statistics"),
    path("statistiques/graphique.svg", stats_views.statistics_chart, name="statistics_chart"),
    path("statistiques/statistiques.csv", stats_views.statistics_csv, name="statistics_csv"),
    path("publier/", member_views.create, name="create"),
    path("mes-annonces/", member_views.mine, name="mine"),
    path("suggestions/", suggestion_views.for_my_organisations, name="suggested_for_me"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/suggestions/", suggestion_views.for_listing, name="suggestions"),
    path("<int:pk>/interet/", views.interest, name="interest"),
    path("<int:pk>/modifier/", member_views.edit, name="edit"),
    path("<int:pk>/renouveler/", member_views.renew, name="renew"),
    path("<int:pk>/cloturer/", member_views.close, name="close"),
    path("mises-en-relation/", match_views.match_list, name="matches"),
    path("mises-en-relation/proposer/", match_views.catalyst_propose, name="propose"),
    path("mises-en-relation/<int:pk>/", match_views.match_detail, name="match"),
    path("mises-en-relation/<int:pk>/accepter/", match_views.match_accept, name="match_accept"),
    path("mises-en-relation/<int:pk>/decliner/", match_views.match_decline, name="match_decline"),
    path("mises-en-relation/<int:pk>/message/", match_views.message_send, name="match_message"),
    path("mises-en-relation/<int:pk>/etape/", match_views.match_step, name="match_step"),
]
