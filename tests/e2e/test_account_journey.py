"""A person creates an account, confirms it from the e-mail written under the mail directory, signs in,
saves a search with an alert and finds it in « Mon espace »."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import pytest

from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.e2e

EMAIL = "dominique.exemple@example.invalid"
PASSWORD = "une-phrase-de-passe-solide-2026"


@pytest.fixture
def mail_dir(settings, tmp_path: Path) -> Path:
    """The local profile's file backend (var/mails/ by default), here under the test's own directory."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mails")
    return tmp_path / "mails"


def _mails(mail_dir: Path) -> list[email.message.EmailMessage]:
    files = sorted(mail_dir.glob("*.log"), key=lambda path: path.stat().st_mtime) if mail_dir.exists() else []
    messages = []
    for path in files:
        # the file backend separates messages with a line of 79 dashes
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if raw.strip():
                messages.append(email.message_from_bytes(raw.strip(), policy=policy.default))
    return messages


def test_sign_up_confirm_sign_in_save_a_search_and_find_it_in_my_space(page, mail_dir) -> None:
    page.goto("/")
    page.get_by_role("link", name="Se connecter").first.click()
    page.wait_for_url("**/connexion/")
    assert_accessible(page)
    page.get_by_role("link", name="Créer un compte").click()
    page.wait_for_url("**/inscription/")
    assert_accessible(page)

    page.get_by_label("Adresse e-mail").fill(EMAIL)
    page.get_by_label("Mot de passe", exact=False).first.fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url("**/inscription/confirmez-votre-adresse/")
    assert page.get_by_role("heading", level=1).inner_text() == "Confirmez votre adresse e-mail"
    assert_accessible(page)

    (message,) = _mails(mail_dir)
    assert message["To"] == EMAIL
    assert message["Subject"] == "[Alliances & Territoires] Confirmez votre adresse e-mail"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "L'équipe Alliances & Territoires" in text
    assert message.get_body(preferencelist=("html",)) is not None
    link = re.search(r"https?://\S+/confirmer-mon-adresse/\S+/", text).group(0)

    page.goto(re.sub(r"^https?://[^/]+", "", link))
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer mon adresse").click()
    page.wait_for_url("**/mon-espace/")

    page.get_by_role("button", name="Se déconnecter").first.click()
    page.wait_for_url(re.compile(r"/$"))
    page.get_by_role("link", name="Se connecter").first.click()
    page.get_by_label("Adresse e-mail").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/mon-espace/")
    assert "Vous n'avez pas encore de recherche enregistrée" in page.locator("main").inner_text()

    page.goto("/recherche/?q=recyclerie")
    page.get_by_label("Chaque semaine").check()
    page.get_by_role("button", name="S'abonner à cette recherche").click()
    page.wait_for_url("**/recherches-enregistrees/")

    page.get_by_role("link", name="Mon espace").first.click()
    page.wait_for_url("**/mon-espace/")
    main = page.locator("main").inner_text()
    assert "Texte : « recyclerie »" in main
    assert "Alertes : chaque semaine" in main
    assert EMAIL in main
    assert_accessible(page)
