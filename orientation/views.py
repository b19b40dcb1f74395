"""« Par où commencer ? »: step 1 (profile, commune), step 2 (the profile's questions), the result page.

Works without JavaScript: step 1 is a GET form (the address of step 2 carries the profile and the
commune), step 2 a POST that keeps the answers and leads to the result's unguessable address.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.breadcrumbs import breadcrumb
from core.demo import hide_demo
from core.params import text_param
from nearby.session import remembered_commune
from orientation import services
from orientation.comparison import movement
from orientation.engine import Questionnaire, questionnaire_of
from orientation.forms import QuestionsForm, StartAnswers, initial_from, read_start
from orientation.modalities import reference as modality_reference
from orientation.models import AnswerSet, Choice, QuestionnaireVersion
from orientation.selectors import orientation_result
from reference.models import PartnershipModality
from territories.models import Commune

TITLE = "Par où commencer ?"
STEPS = 3


def _questionnaire() -> tuple[QuestionnaireVersion, Questionnaire] | None:
    version = QuestionnaireVersion.objects.current()
    return (version, questionnaire_of(version)) if version is not None else None


def _unavailable(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "orientation/unavailable.html",
        {"page_title": TITLE, "breadcrumb_data": breadcrumb(TITLE)},
        status=503,
    )


def visible_answer_set(request: HttpRequest, token: str) -> AnswerSet | None:
    """An anonymous result to whoever has its address; a signed-in person's result to them only."""
    answer_set = AnswerSet.objects.select_related("version", "user").filter(token=token[:40]).first() if token else None
    if answer_set is None:
        return None
    if answer_set.user_id is not None and getattr(request.user, "pk", None) != answer_set.user_id:
        return None
    return answer_set


def _earlier(request: HttpRequest, token: str) -> tuple[AnswerSet | None, dict[str, set[str]]]:
    """The answer set the person starts again from (``depuis``), and its answers by question key."""
    earlier = visible_answer_set(request, token)
    keys: dict[str, set[str]] = {}
    if earlier is not None:
        for question_key, choice_key in earlier.choices.values_list("question__key", "key"):
            keys.setdefault(question_key, set()).add(choice_key)
    return earlier, keys


def start(request: HttpRequest) -> HttpResponse:
    found = _questionnaire()
    if found is None:
        return _unavailable(request)
    _, questionnaire = found
    earlier, keys = _earlier(request, text_param(request.GET, "depuis", max_length=40))
    profile_key = (
        next(iter(keys.get(questionnaire.profile_question.key, [])), "") if questionnaire.profile_question else ""
    )
    commune = None
    if earlier is not None and earlier.commune_code:
        commune = Commune.objects.filter(code=earlier.commune_code).first()
    commune = commune or remembered_commune(request)
    return _start_page(
        request, questionnaire, StartAnswers(), profile_key=profile_key, commune=commune, earlier=earlier
    )


def _start_page(
    request: HttpRequest,
    questionnaire: Questionnaire,
    found: StartAnswers,
    *,
    profile_key: str = "",
    commune: Commune | None = None,
    earlier: AnswerSet | None = None,
) -> HttpResponse:
    errors = found.errors
    title = f"Erreur : {TITLE}" if errors else TITLE
    return render(
        request,
        "orientation/start.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(TITLE),
            "questionnaire": questionnaire,
            "found": found,
            "profile_key": found.profile.key if found.profile else profile_key,
            "commune_value": found.commune_query or (f"{commune.name} ({commune.departement_id})" if commune else ""),
            "commune_code": commune.code if commune and not found.commune_query else "",
            "earlier": earlier,
            "steps": STEPS,
        },
    )


@require_http_methods(["GET", "POST"])
def questions(request: HttpRequest) -> HttpResponse:
    found_version = _questionnaire()
    if found_version is None:
        return _unavailable(request)
    version, questionnaire = found_version
    data = request.POST if request.method == "POST" else request.GET
    start_answers = read_start(questionnaire, data)
    if not start_answers.complete:
        return _start_page(request, questionnaire, start_answers)
    assert start_answers.profile is not None and start_answers.commune is not None
    profile, commune = start_answers.profile, start_answers.commune
    asked = [q for q in questionnaire.questions_for(profile.actor_kind_id) if q.role != "profile"]
    earlier, keys = _earlier(request, text_param(data, "depuis", max_length=40))
    form = QuestionsForm(
        request.POST if request.method == "POST" else None, questions=asked, initial=initial_from(asked, keys)
    )
    if request.method == "POST" and form.is_valid():
        answer_set = _keep(request, version, questionnaire, profile.id, form, commune, earlier)
        return redirect("orientation:result", token=answer_set.token)
    title = "Votre situation"
    return render(
        request,
        "orientation/questions.html",
        {
            "page_title": f"Erreur : {title} — {TITLE}" if form.errors else f"{title} — {TITLE}",
            "breadcrumb_data": breadcrumb(title, (reverse("orientation:start"), TITLE)),
            "profile": profile,
            "commune": commune,
            "rows": form.rows(hints=_modality_hints()),
            "form": form,
            "earlier": earlier,
            "steps": STEPS,
            "modality_reference": modality_reference(),
        },
    )


def _modality_hints() -> dict[int, str]:
    descriptions = modality_reference().descriptions
    return {
        modality.pk: descriptions[modality.slug].summary
        for modality in PartnershipModality.objects.all()
        if modality.slug in descriptions
    }


def _keep(
    request: HttpRequest,
    version: QuestionnaireVersion,
    questionnaire: Questionnaire,
    profile_id: int,
    form: QuestionsForm,
    commune: Commune,
    earlier: AnswerSet | None,
) -> AnswerSet:
    chosen_ids = {profile_id, *(c.id for c in form.chosen())}
    result = orientation_result(questionnaire=questionnaire, chosen_ids=chosen_ids, commune=commune)
    previous = earlier
    if request.user.is_authenticated:
        previous = AnswerSet.objects.of_user(request.user).first() or earlier
    return services.answer_set_create(
        version=version,
        choices=Choice.objects.filter(pk__in=chosen_ids).select_related("question"),
        commune_code=commune.code,
        commune_name=f"{commune.name} ({commune.departement_id})",
        user=request.user,
        previous=previous,
        recommended=result.keys,
    )


def result(request: HttpRequest, token: str) -> HttpResponse:
    answer_set = visible_answer_set(request, token)
    if answer_set is None:
        raise Http404("Ce résultat n'existe pas, ou il n'est visible que par la personne qui l'a obtenu.")
    questionnaire = questionnaire_of(answer_set.version)
    commune = (
        Commune.objects.select_related("departement", "epci").filter(code=answer_set.commune_code).first()
        if answer_set.commune_code
        else None
    )
    hidden = hide_demo(request)
    found = orientation_result(
        questionnaire=questionnaire,
        chosen_ids=set(answer_set.choices.values_list("pk", flat=True)),
        commune=commune,
        hide_demo=hidden,
    )
    previous = answer_set.previous
    if previous is not None and visible_answer_set(request, previous.token) is None:
        previous = None
    title = "Vos prochaines étapes"
    response = render(
        request,
        "orientation/result.html",
        {
            "page_title": f"{title} — {TITLE}",
            "breadcrumb_data": breadcrumb(title, (reverse("orientation:start"), TITLE)),
            "answer_set": answer_set,
            "result": found,
            "movement": movement(previous, found, commune_name=answer_set.commune_name) if previous else None,
            "share_url": request.build_absolute_uri(reverse("orientation:result", kwargs={"token": answer_set.token})),
            "is_owner": answer_set.user_id is not None,
            "is_current_version": answer_set.version_id == getattr(QuestionnaireVersion.objects.current(), "pk", None),
            "modality_reference": modality_reference(),
            "kit_url": reverse("hub:kit"),
            "demo_hidden": hidden,
            "steps": STEPS,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def delete(request: HttpRequest, token: str) -> HttpResponse:
    answer_set = visible_answer_set(request, token)
    if answer_set is None or answer_set.user_id is None:
        raise Http404("Ce résultat n'existe pas.")
    services.answer_set_delete(answer_set=answer_set, user=request.user)
    messages.success(request, "Ce résultat d'orientation est supprimé.")
    return redirect("accounts:dashboard")
