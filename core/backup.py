"""Backups: one tar.gz with a JSON dump of the database, the media files and a manifest.

Layout of the archive:
    manifest.json           format, date, database engine, models in load order with row counts
    db/NNNN-<app.model>.json  one JSON fixture per model (natural keys), in dependency order
    media/…                 the media files, read through Django's default storage: MEDIA_ROOT, or the
                            S3-compatible bucket (and its S3_PREFIX) when S3_BUCKET is set

Derived or disposable data is left out (content types and permissions are rebuilt by
migrations; sessions, login attempts, search and reference indexes, image renditions and the
embed cache are rebuilt or expire). See docs/adr/0007-abuse-protection-and-backups.md.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import Serializer as JsonSerializer
from django.db import connection, models, transaction

FORMAT_VERSION = 1
MANIFEST = "manifest.json"

# Whole apps or single models that a backup leaves out (derived data, rebuilt or expiring).
EXCLUDED_APPS = {"contenttypes", "sessions", "axes", "wagtailsearch"}
EXCLUDED_MODELS = {
    "auth.permission",
    "wagtailcore.referenceindex",
    "wagtailimages.rendition",
    "wagtailembeds.embed",
    "wagtailadmin.editingsession",
    "core.jobrun",  # claims of scheduled jobs, this backup's own among them
}
# Tables that a restore keeps: they describe the code (filled by migrate), not the data.
KEPT_TABLES = {"django_content_type", "auth_permission"}

# Rows pointing at these tables are written with natural keys (app label, model name, codename):
# their ids differ from one migrated database to another. Every other row keeps its primary key, so
# links between rows and URLs carrying ids (documents, images) stay valid, and Wagtail's tree models
# (pages, collections), whose natural keys do not round-trip for the root node, load unchanged.
NATURAL_KEY_TARGETS = {"contenttypes.contenttype", "auth.permission"}

Progress = Callable[[int], None]
BATCH_SIZE = 1000


class BackupSerializer(JsonSerializer):
    """JSON fixture with natural keys only for references to content types and permissions."""

    def _natural(self, field: models.Field) -> bool:
        return field.remote_field.model._meta.label_lower in NATURAL_KEY_TARGETS

    def handle_fk_field(self, obj: models.Model, field: models.Field) -> None:
        self.use_natural_foreign_keys = self._natural(field)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj: models.Model, field: models.Field) -> None:
        self.use_natural_foreign_keys = self._natural(field)
        super().handle_m2m_field(obj, field)


class RestoreError(Exception):
    """A restore that cannot go on; the message is in French, for the operator."""


@dataclass
class RestoreSummary:
    rows: dict[str, int] = field(default_factory=dict)
    media_files: int = 0


def backed_up_models() -> list[type[models.Model]]:
    """Concrete models whose rows are data, in dependency order (as `dumpdata` sorts them)."""
    chosen = [
        model
        for model in apps.get_models()
        if model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
        and not model._meta.proxy
        and model._meta.managed
    ]
    app_list = {}
    for model in chosen:
        app_list.setdefault(apps.get_app_config(model._meta.app_label), []).append(model)
    return serializers.sort_dependencies(app_list.items(), allow_cycles=True)


def _rows(model: type[models.Model]) -> models.QuerySet:
    return model._base_manager.order_by(model._meta.pk.name)


def media_files() -> list[str]:
    """The names of every media file in the default storage (a local folder or an object storage bucket)."""
    names: list[str] = []
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = default_storage.listdir(folder)
        except FileNotFoundError:  # no MEDIA_ROOT yet
            continue
        names.extend(f"{folder}/{name}" if folder else name for name in files)
        folders.extend(f"{folder}/{name}" if folder else name for name in subfolders)
    return sorted(names)


def media_location() -> str:
    """Where the media files are, in French, for the commands' summaries."""
    if settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage":
        options = settings.STORAGES["default"]["OPTIONS"]
        return f"stockage objet s3://{options['bucket_name']}/{options.get('location', '')}"
    return f"dossier {settings.MEDIA_ROOT}"


def backup_counts() -> dict[str, int]:
    return {model._meta.label: _rows(model).count() for model in backed_up_models()}


def backup_create(*, path: Path, progress: Progress | None = None) -> dict[str, Any]:
    """Write the archive at `path` (database dump, media, manifest) and return the manifest."""
    progress = progress or (lambda n: None)
    model_list = backed_up_models()
    media = media_files()
    files: list[dict[str, Any]] = []
    path.parent.mkdir(parents=True, exist_ok=True)
    # One read transaction: the dump is a consistent snapshot even while the site serves writes.
    with transaction.atomic(), tarfile.open(path, "w:gz") as archive:
        for index, model in enumerate(model_list):
            name = f"db/{index:04d}-{model._meta.label_lower}.json"
            buffer = io.StringIO()
            count = 0

            def counted(queryset: models.QuerySet) -> Iterator[models.Model]:
                nonlocal count
                for obj in queryset.iterator(chunk_size=2000):
                    count += 1
                    progress(1)
                    yield obj

            BackupSerializer().serialize(counted(_rows(model)), stream=buffer, use_natural_foreign_keys=True)
            _add_bytes(archive, name, buffer.getvalue().encode())
            files.append({"file": name, "model": model._meta.label, "rows": count})
        for name in media:
            info = tarfile.TarInfo(f"media/{name}")
            info.size = default_storage.size(name)
            info.mtime = int(default_storage.get_modified_time(name).timestamp())
            with default_storage.open(name, "rb") as source:
                archive.addfile(info, source)
            progress(1)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": dt.datetime.now(tz=dt.UTC).isoformat(timespec="seconds"),
            "engine": connection.vendor,
            "models": files,
            "media_files": len(media),
        }
        _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
    return manifest


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(dt.datetime.now(tz=dt.UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def read_manifest(path: Path) -> dict[str, Any]:
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest = json.load(member)
    except (OSError, tarfile.TarError, KeyError, ValueError) as exc:
        raise RestoreError(f"« {path} » n'est pas une sauvegarde lisible de la plateforme ({exc}).") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise RestoreError(f"Format de sauvegarde non pris en charge : {manifest.get('format')!r}.")
    return manifest


def database_is_empty() -> bool:
    """No account and no row in the platform's own apps (migrations only created Wagtail's scaffolding)."""
    base_dir = Path(settings.BASE_DIR).resolve()
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    if user_model._base_manager.exists():
        return False
    for model in backed_up_models():
        app_path = Path(apps.get_app_config(model._meta.app_label).path).resolve()
        own_app = app_path.is_relative_to(base_dir) and not {".venv", "site-packages"} & set(app_path.parts)
        if own_app and _rows(model).exists():
            return False
    return True


def _flush_data_tables() -> None:
    """Empty every table except content types and permissions, as `flush` does, inside the transaction."""
    tables = [t for t in connection.introspection.django_table_names(only_existing=True) if t not in KEPT_TABLES]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks pending in this transaction would block TRUNCATE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for sql in connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=False):
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def backup_restore(*, path: Path, force: bool = False, progress: Progress | None = None) -> RestoreSummary:
    """Load the archive into this database (all or nothing), restore media, check the row counts."""
    from django.contrib.contenttypes.models import ContentType

    progress = progress or (lambda n: None)
    manifest = read_manifest(path)
    known = {model._meta.label for model in backed_up_models()}
    unknown = sorted({entry["model"] for entry in manifest["models"]} - known)
    if unknown:
        raise RestoreError(f"La sauvegarde contient des modèles inconnus de ce code : {', '.join(unknown)}.")
    summary = RestoreSummary()
    with transaction.atomic():
        if not database_is_empty() and not force:
            raise RestoreError(
                "La base de données n'est pas vide : restauration refusée. "
                "Utilisez --force pour l'effacer avant de restaurer la sauvegarde."
            )
        _flush_data_tables()
        ContentType.objects.clear_cache()
        with tarfile.open(path, "r:gz") as archive:
            _load_database(archive, manifest, progress)
            summary.rows = _check_counts(manifest)
            summary.media_files = _restore_media(archive, progress)
    return summary


def _load_database(archive: tarfile.TarFile, manifest: dict[str, Any], progress: Progress) -> None:
    """What `loaddata` does, file by file with progress: raw saves, then one constraint check."""
    loaded_models: set[type[models.Model]] = set()
    with_deferred_fields = []
    with connection.constraint_checks_disabled():
        for entry in manifest["models"]:
            member = archive.extractfile(entry["file"])
            if member is None:
                raise RestoreError(f"Fichier manquant dans la sauvegarde : {entry['file']}.")
            batch: list[models.Model] = []
            for obj in serializers.deserialize("json", member, handle_forward_references=True):
                model = type(obj.object)
                loaded_models.add(model)
                if obj.deferred_fields:
                    with_deferred_fields.append(obj)
                if _bulk_insertable(model) and not obj.m2m_data and not obj.deferred_fields:
                    batch.append(obj.object)
                    if len(batch) >= BATCH_SIZE:
                        model._base_manager.bulk_create(batch)
                        batch = []
                else:
                    obj.save(force_insert=True)  # the tables were emptied: no UPDATE attempt needed
                progress(1)
            if batch:
                type(batch[0])._base_manager.bulk_create(batch)
        for obj in with_deferred_fields:
            obj.save_deferred_fields()
    connection.check_constraints(table_names=[model._meta.db_table for model in loaded_models])
    sequences = connection.ops.sequence_reset_sql(no_style(), list(loaded_models))
    if sequences:
        with connection.cursor() as cursor:
            for sql in sequences:
                cursor.execute(sql)


def _bulk_insertable(model: type[models.Model]) -> bool:
    """Rows of a model without multi-table parents can be inserted in batches."""
    return not model._meta.parents


def _check_counts(manifest: dict[str, Any]) -> dict[str, int]:
    found = backup_counts()
    differences = [
        f"{entry['model']} : {found.get(entry['model'], 0)} ligne(s) au lieu de {entry['rows']}"
        for entry in manifest["models"]
        if found.get(entry["model"], 0) != entry["rows"]
    ]
    if differences:
        raise RestoreError("Restauration incomplète, rien n'a été enregistré. " + " ; ".join(differences))
    return {entry["model"]: entry["rows"] for entry in manifest["models"]}


def _restore_media(archive: tarfile.TarFile, progress: Progress) -> int:
    """Write the archive's media into the default storage (a local folder or a bucket), replacing same names."""
    count = 0
    for member in archive.getmembers():
        if not member.name.startswith("media/") or not member.isfile():
            continue
        name = member.name.removeprefix("media/")
        parts = PurePosixPath(name).parts
        if not parts or name.startswith("/") or ".." in parts:
            raise RestoreError(f"Chemin refusé dans la sauvegarde : {member.name}.")
        source = archive.extractfile(member)
        if source is None:
            continue
        with source:
            content = File(source, name=PurePosixPath(name).name)
            content.size = member.size
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, content)
        if saved != name:
            raise RestoreError(f"Fichier média restauré sous un autre nom : {name} → {saved}.")
        count += 1
        progress(1)
    return count
