"""The ProConnect sign-in (button → ProConnect → back, signed in) and the return from ProConnect's end of session.

Every view answers 404 while ProConnect is off. The flow is django-allauth's OAuth2 login and callback views.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url

from proconnect import conf, logout
from proconnect.client import ProConnectOAuth2Adapter
from proconnect.pages import TITLE_BAD_LOGOUT, render_page


def _only_when_enabled(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not conf.is_enabled():
            raise Http404
        return view(request, *args, **kwargs)

    return login_not_required(wrapper)


class CallbackView(OAuth2CallbackView):
    adapter: ProConnectOAuth2Adapter

    def _get_state(self, request: HttpRequest, provider: Any) -> tuple[dict[str, Any] | None, HttpResponse | None]:
        state, response = super()._get_state(request, provider)
        if state is not None:
            self.adapter.expected_nonce = state.get("nonce")
        return state, response

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().dispatch(request, *args, **kwargs)
        # Signed in as the ProConnect subject of this callback: keep its ID token for the end of session.
        if (
            self.adapter.id_token
            and request.user.is_authenticated
            and SocialAccount.objects.filter(
                provider=conf.PROVIDER_ID, uid=self.adapter.subject, user=request.user
            ).exists()
        ):
            request.session[conf.ID_TOKEN_SESSION_KEY] = self.adapter.id_token
        return response


@_only_when_enabled
def login(request: HttpRequest) -> HttpResponse:
    """The button's form (POST): off to ProConnect's authorisation page. A GET goes back to the sign-in page."""
    if request.method != "POST":
        return redirect("account_login")
    return OAuth2LoginView.adapter_view(ProConnectOAuth2Adapter(request))(request)


@_only_when_enabled
def callback(request: HttpRequest) -> HttpResponse:
    return CallbackView.adapter_view(ProConnectOAuth2Adapter(request))(request)


@_only_when_enabled
def logout_callback(request: HttpRequest) -> HttpResponse:
    """Back from ProConnect's end of session (``post_logout_redirect_uri``): the state must be one we signed."""
    if not logout.is_valid_state(request.GET.get("state", "")):
        return render_page(request, "proconnect/bad_logout.html", TITLE_BAD_LOGOUT, status=400)
    return redirect(resolve_url(settings.ACCOUNT_LOGOUT_REDIRECT_URL))
