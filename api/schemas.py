"""Shapes of the JSON API (the OpenAPI document is generated from them)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class HorizonOut(Schema):
    min: int
    max: int


class WorkstreamOut(Schema):
    number: int
    slug: str
    title: str
    description: str
    progress: int | None
    measures: list[int]
    url: str


class MeasureOut(Schema):
    number: int
    title: str
    dimension: str
    dimension_label: str
    horizon_months: HorizonOut
    workstreams: list[int]
    status: str | None
    status_label: str
    progress: int
    last_review_date: dt.date | None
    url: str


class EvidenceOut(Schema):
    url: str
    label: str


class ReviewOut(Schema):
    date: dt.date
    status: str
    status_label: str
    progress: int
    text: str
    next_steps: str
    next_step_date: dt.date | None
    evidence_links: list[EvidenceOut]
    source: str


class MeasureDetailOut(MeasureOut):
    objective: str
    action_modalities: str
    facilitators: str
    points_of_support: str
    expected_results: str
    expected_delay_months: int | None
    reviews: list[ReviewOut]


class BilanEntryOut(Schema):
    number: int
    title: str
    dimension: str
    status: str | None
    status_label: str
    progress: int
    review_date: dt.date | None


class BilanOut(Schema):
    slug: str
    title: str
    date: dt.date
    summary: str
    progress: int
    url: str
    pdf_url: str
    csv_url: str


class BilanDetailOut(BilanOut):
    entries: list[BilanEntryOut]


class ErrorOut(Schema):
    detail: str
