"""Model fields shared by several apps."""

from __future__ import annotations

from typing import Any

from django.db import models


class AsciiKeyField(models.CharField):
    """A text field that only ever holds ASCII keys (codes, identifiers, search keys), compared byte by byte.

    On PostgreSQL its column gets the « C » collation: the same order as SQLite (which compares
    bytes), whatever the locale the database was created with (a French locale would ignore the
    spaces of « saint etienne » in a first pass), and faster sorts, which compare bytes with
    abbreviated keys instead of calling the locale's ``strcoll``: the organisations' indexes build
    in about a fifth less time (docs/adr/0015). The same keys give the same order either way: on ASCII, « C » and
    « C.UTF-8 » agree. SQLite keeps its default (BINARY), which is that order already.
    """

    def db_parameters(self, connection: Any) -> dict[str, Any]:
        parameters = super().db_parameters(connection)
        if connection.vendor == "postgresql" and not self.db_collation:
            parameters["collation"] = "C"
        return parameters
