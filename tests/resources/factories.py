"""Factories of the resources, through the services (saved, revised, published unless ``draft``, indexed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from resources.models import Event, NewsItem, Study, Tool
from resources.services import event_save, news_item_save, study_save, tool_save


class ToolFactory(factory.Factory[Tool]):
    class Meta:
        model = Tool

    title = factory.Sequence(lambda n: f"Outil d'essai {n}")
    summary = "Un outil pour essayer."
    phase = "concevoir"
    maturity = "decouvrir"
    format = "guide"
    provider = "Centre de ressources fictif"
    publish = True

    class Params:
        draft = factory.Trait(publish=False)

    @classmethod
    def _create(cls, model_class: type[Tool], *args: Any, **kwargs: Any) -> Tool:
        return tool_save(**kwargs)


class StudyFactory(factory.Factory[Study]):
    class Meta:
        model = Study

    title = factory.Sequence(lambda n: f"Étude d'essai {n}")
    summary = "Une étude pour essayer."
    publisher = "Observatoire fictif"
    published_on = dt.date(2025, 6, 1)
    publish = True

    class Params:
        draft = factory.Trait(publish=False)

    @classmethod
    def _create(cls, model_class: type[Study], *args: Any, **kwargs: Any) -> Study:
        return study_save(**kwargs)


class NewsItemFactory(factory.Factory):
    class Meta:
        model = NewsItem

    title = factory.Sequence(lambda n: f"Actualité d'essai {n}")
    summary = "Une actualité pour essayer."
    published_on = dt.date(2026, 2, 1)
    publish = True

    class Params:
        draft = factory.Trait(publish=False)

    @classmethod
    def _create(cls, model_class: type[NewsItem], *args: Any, **kwargs: Any) -> NewsItem:
        return news_item_save(**kwargs)


class EventFactory(factory.Factory[Event]):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Rencontre d'essai {n}")
    summary = "Un événement pour essayer."
    starts_at = factory.LazyFunction(lambda: dt.datetime(2030, 3, 1, 9, 0, tzinfo=dt.UTC))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    place = "Salle fictive"
    publish = True

    class Params:
        draft = factory.Trait(publish=False)

    @classmethod
    def _create(cls, model_class: type[Event], *args: Any, **kwargs: Any) -> Event:
        return event_save(**kwargs)
