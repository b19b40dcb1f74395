"""Declaring a dataset: the registry refuses what would make a file and its schema disagree."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from opendata import files
from opendata.registry import Column, Dataset, DatasetError, register_dataset


def _dataset(
    name: str = "essai", columns: tuple[Column, ...] | None = None, rows: list[Sequence[object]] | None = None, **kw
) -> Dataset:
    columns = columns or (Column("numero", "integer", "Numéro."), Column("nom", "string", "Nom."))
    data: list[Sequence[object]] = rows if rows is not None else [["numero", "nom"], [1, "un"]]
    return Dataset(
        name=name,
        title="Essai",
        description="Un jeu d'essai.",
        columns=columns,
        rows=lambda: iter(data),
        count=lambda: len(data) - 1,
        last_modified=lambda: None,
        demo="Aucun exemple fictif.",
        **kw,
    )


@pytest.mark.parametrize("name", ["", "Majuscules", "avec espace", "point.csv"])
def test_a_dataset_name_is_lowercase_letters_digits_and_dashes(name) -> None:
    with pytest.raises(DatasetError, match="Nom de jeu de données invalide"):
        register_dataset(_dataset(name))


def test_a_dataset_cannot_declare_a_column_twice() -> None:
    columns = (Column("nom", "string", "Nom."), Column("nom", "string", "Encore le nom."))
    with pytest.raises(DatasetError, match="Colonnes en double"):
        register_dataset(_dataset(columns=columns))


def test_a_primary_key_names_declared_columns() -> None:
    with pytest.raises(DatasetError, match="Clé primaire"):
        register_dataset(_dataset(primary_key=("identifiant",)))


def test_two_datasets_cannot_share_a_name(monkeypatch) -> None:
    from opendata import registry

    monkeypatch.setattr(registry, "_DATASETS", {})
    first = _dataset("doublon")
    register_dataset(first)
    register_dataset(first)  # the same declaration again (a second ready()) changes nothing
    with pytest.raises(DatasetError, match="Deux jeux de données"):
        register_dataset(_dataset("doublon"))


def test_a_builder_whose_header_drifted_from_the_columns_is_refused_before_any_byte() -> None:
    drifted = _dataset(rows=[["numero", "libelle"], [1, "un"]])
    with pytest.raises(DatasetError, match="ne sont pas celles du schéma"):
        files.opened_rows(drifted)


def test_a_row_with_a_missing_cell_is_refused() -> None:
    dataset = _dataset(rows=[["numero", "nom"], [1]])
    with pytest.raises(DatasetError, match="1 cellules au lieu de 2"):
        "".join(files.csv_chunks(dataset, files.opened_rows(dataset)))


def test_the_csv_streams_in_chunks_with_one_bom_and_semicolons() -> None:
    data: list[Sequence[object]] = [
        ["numero", "nom"],
        *([n, f"nom; {n}"] for n in range(1, files.ROWS_PER_CHUNK * 2 + 2)),
    ]
    dataset = _dataset(rows=data)
    chunks = list(files.csv_chunks(dataset, files.opened_rows(dataset)))
    assert len(chunks) == 3
    text = "".join(chunks)
    assert text.startswith('\ufeffnumero;nom\r\n1;"nom; 1"\r\n')
    assert text.count("\ufeff") == 1
    assert text.count("\r\n") == len(data)
