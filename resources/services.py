"""Writes of the hub's resources. Each service is one transaction: it saves all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from hub.services import item_save
from hub.territory import TerritoryLevel
from knowledge.dates import DatePrecision
from reference.models import ActorKind
from resources.models import Event, NewsItem, Study, Tool


@transaction.atomic
def tool_save(
    *,
    tool: Tool | None = None,
    title: str,
    summary: str,
    phase: str,
    maturity: str,
    format: str,
    provider: str,
    audiences: Sequence[ActorKind] = (),
    link: str = "",
    slug: str = "",
    is_demo: bool = False,
    is_generated: bool = False,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
) -> Tool:
    values = {
        "title": title,
        "summary": summary,
        "phase": phase,
        "maturity": maturity,
        "format": format,
        "provider": provider,
        "link": link,
        "is_demo": is_demo,
        "is_generated": is_generated,
    }
    if slug:
        values["slug"] = slug
    return item_save(model=Tool, item=tool, values=values, many={"audiences": audiences}, publish=publish, user=user)


@transaction.atomic
def study_save(
    *,
    study: Study | None = None,
    title: str,
    summary: str,
    publisher: str,
    published_on: dt.date | None,
    key_figures: Sequence[str] = (),
    link: str = "",
    slug: str = "",
    date_precision: str = DatePrecision.DAY,
    source: str = "",
    source_section: str = "",
    source_passage: str = "",
    is_demo: bool = False,
    is_generated: bool = False,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
) -> Study:
    values = {
        "title": title,
        "summary": summary,
        "publisher": publisher,
        "published_on": published_on,
        "key_figures": "\n".join(key_figures),
        "link": link,
        "date_precision": date_precision,
        "source": source,
        "source_section": source_section,
        "source_passage": source_passage,
        "is_demo": is_demo,
        "is_generated": is_generated,
    }
    if slug:
        values["slug"] = slug
    return item_save(model=Study, item=study, values=values, publish=publish, user=user)


@transaction.atomic
def news_item_save(
    *,
    news_item: NewsItem | None = None,
    title: str,
    summary: str,
    published_on: dt.date,
    body: str = "",
    slug: str = "",
    is_demo: bool = False,
    is_generated: bool = False,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
) -> NewsItem:
    values = {
        "title": title,
        "summary": summary,
        "published_on": published_on,
        "body": body,
        "is_demo": is_demo,
        "is_generated": is_generated,
    }
    if slug:
        values["slug"] = slug
    return item_save(model=NewsItem, item=news_item, values=values, publish=publish, user=user)


@transaction.atomic
def event_save(
    *,
    event: Event | None = None,
    title: str,
    summary: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str,
    territory_level: str = TerritoryLevel.FRANCE,
    territory_code: str = "",
    link: str = "",
    slug: str = "",
    date_precision: str = DatePrecision.TIME,
    source: str = "",
    source_section: str = "",
    source_passage: str = "",
    is_demo: bool = False,
    is_generated: bool = False,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
) -> Event:
    values = {
        "title": title,
        "summary": summary,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": place,
        "territory_level": territory_level,
        "territory_code": territory_code,
        "link": link,
        "date_precision": date_precision,
        "source": source,
        "source_section": source_section,
        "source_passage": source_passage,
        "is_demo": is_demo,
        "is_generated": is_generated,
    }
    if slug:
        values["slug"] = slug
    return item_save(model=Event, item=event, values=values, publish=publish, user=user)
