"""Extract the current official geography (COG) from the npm package @etalab/decoupage-administratif.

Run by hand when a new vintage is published (the platform itself never needs npm or the network):

    cd /tmp && npm pack @etalab/decoupage-administratif@<version> && tar xzf etalab-decoupage-administratif-*.tgz
    python scripts/extract_territories.py /tmp/package --published YYYY-MM-DD

It writes data/territories/cog.json.gz (deterministic: same input, same bytes) and copies the
package's LICENSE next to it. Kept: the 18 régions and 101 départements (métropole and DROM, not the
collectivités d'outre-mer), the EPCI à fiscalité propre, the « communes actuelles » of those
départements. The municipal arrondissements (Paris, Lyon, Marseille) are not communes: their INSEE
codes and postcodes are attached to their commune.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from pathlib import Path
from typing import Any

ZONES = {"metro", "drom"}
OUTPUT_DIR = Path(__file__).resolve().parent.parent / "data" / "territories"


def _read(package: Path, name: str) -> Any:
    with (package / "data" / f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def extract(package: Path, published: str) -> dict[str, Any]:
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    regions = [r for r in _read(package, "regions") if r["zone"] in ZONES]
    departements = [d for d in _read(package, "departements") if d["zone"] in ZONES]
    epcis = _read(package, "epci")
    all_communes = _read(package, "communes")

    epci_of: dict[str, str] = {}
    for epci in epcis:
        for member in epci["membres"]:
            epci_of[member["code"]] = epci["code"]

    arrondissements: dict[str, list[dict[str, Any]]] = {}
    for item in all_communes:
        if item["type"] == "arrondissement-municipal":
            arrondissements.setdefault(item["commune"], []).append(item)

    communes = []
    for item in all_communes:
        if item["type"] != "commune-actuelle" or item["zone"] not in ZONES:
            continue
        parts = arrondissements.get(item["code"], [])
        postcodes = set(item.get("codesPostaux", []))
        for part in parts:
            postcodes.update(part.get("codesPostaux", []))
        aliases = sorted(set(item.get("anciensCodes", [])) | {part["code"] for part in parts})
        communes.append(
            [
                item["code"],
                item["nom"],
                item["departement"],
                item["region"],
                epci_of.get(item["code"], ""),
                item.get("siren", ""),
                item.get("population", 0),
                sorted(postcodes),
                aliases,
            ]
        )
    communes.sort(key=lambda row: row[0])

    return {
        "source": {
            "package": meta["name"],
            "version": meta["version"],
            "published": published,
            "licence": meta["license"],
            "repository": meta["repository"],
        },
        "regions": {
            "columns": ["code", "name"],
            "rows": sorted([r["code"], r["nom"]] for r in regions),
        },
        "departements": {
            "columns": ["code", "name", "region"],
            "rows": sorted([d["code"], d["nom"], d["region"]] for d in departements),
        },
        "epci": {
            "columns": ["siren", "name", "kind", "population"],
            "rows": sorted([e["code"], e["nom"], e["type"], e.get("populationMunicipale", 0)] for e in epcis),
        },
        "communes": {
            "columns": ["code", "name", "departement", "region", "epci", "siren", "population", "postcodes", "aliases"],
            "rows": communes,
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("package", type=Path, help="the unpacked npm package (the folder holding package.json)")
    parser.add_argument("--published", required=True, help="publication date of that version on npm (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    data = extract(args.package, args.published)
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with (OUTPUT_DIR / "cog.json.gz").open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(payload)
    shutil.copyfile(args.package / "LICENSE", OUTPUT_DIR / "LICENSE")
    counts = ", ".join(f"{len(data[key]['rows'])} {key}" for key in ("regions", "departements", "epci", "communes"))
    sys.stdout.write(f"{data['source']['package']} {data['source']['version']} : {counts}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
