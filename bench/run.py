"""`make bench`: measure the platform as `make run` serves it, and print one table.

1. the dataset (generate_dataset --scale small|national, when the command exists);
2. the production server (gunicorn, config/gunicorn.conf.py), SQLite or DATABASE_URL;
3. for each public page type and API list: median and 95th percentile latency (sequential), from the
   warm public page cache and without it (targets are judged without);
4. a mixed load run with locust (headless): requests per second, p95, errors;
5. the same server's ceiling: a locust run on /healthz (one trivial database query).
With ``--nodes 2`` (``make bench NODES=2``, PostgreSQL and Redis required): two servers on the same
database and Redis, the mixed load spread over both, first alone then with a writer publishing one
item per second (bench/writer.py); the table adds the searches' p95 under writes, the longest delay
until a publication is found on every server, and the 429s of one address counted across both.
Targets are printed beside the figures; nothing here fails on timing (CI runs it at small scale).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
PORT = int(os.environ.get("BENCH_PORT", "8799"))
BASE = f"http://127.0.0.1:{PORT}"
LATENCY_SAMPLES = int(os.environ.get("BENCH_SAMPLES", "50"))


def manage(*args: str) -> str:
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def has_command(name: str) -> bool:
    return name in manage("help", "--commands").split()


def page_types() -> list[tuple[str, str, float]]:
    """(label, path, p95 target in ms) for every page type the platform serves today."""
    probe = manage("bench_paths") if has_command("bench_paths") else "{}"
    extra: dict[str, str] = json.loads(probe or "{}")
    types = [
        ("Accueil", "/", 100.0),
        ("Feuille de route", "/feuille-de-route/", 100.0),
        ("Une mesure", "/feuille-de-route/mesures/1/", 100.0),
        ("Un bilan d'ensemble", "/feuille-de-route/bilans/bilan-7-mai-2021/", 100.0),
        ("API mesures", "/api/v1/roadmap/measures", 100.0),
        ("API chantiers", "/api/v1/roadmap/workstreams", 100.0),
        ("API bilans", "/api/v1/roadmap/bilans", 100.0),
    ]
    for label, path in extra.items():
        # 150 ms: a search (issue 4), an orientation result (issue 15), a need's suggestions (issue 14)
        slower = any(word in label.lower() for word in ("recherche", "orientation", "suggestions"))
        types.append((label, path, 150.0 if slower else 100.0))
    return types


def start_server(
    log_path: Path, *, page_cache: bool = True, port: int = PORT, extra: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        # 0 turns the public page cache off: every request is then computed.
        "PUBLIC_PAGE_CACHE_SECONDS": os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "300") if page_cache else "0",
        "PORT": str(PORT),
        "GUNICORN_ACCESS_LOG": "/dev/null",
        # The bench measures capacity from one address: the per-address API limits would refuse it.
        "API_THROTTLE_ANON_RATE": "100000000/min",
        "API_THROTTLE_AUTH_RATE": "100000000/min",
        "SEARCH_RATE": "100000000/min",
        "FORM_RATE": "100000000/min",
        **(extra or {}),
    }
    env["PORT"] = str(port)
    log = log_path.open("wb")
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "config/gunicorn.conf.py", "config.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(240):
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return process
        except requests.RequestException:
            pass
        time.sleep(0.5)
    process.kill()
    raise SystemExit(f"Le serveur n'a pas démarré : voir {log_path}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def percentile(values: list[float], rank: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(rank / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def measure_latency(path: str) -> tuple[float, float, int]:
    session = requests.Session()
    errors = 0
    for _ in range(3):  # warm-up (connections, worker start)
        session.get(BASE + path, timeout=30)
    timings = []
    for _ in range(LATENCY_SAMPLES):
        start = time.perf_counter()
        response = session.get(BASE + path, timeout=30)
        timings.append((time.perf_counter() - start) * 1000)
        errors += response.status_code >= 400
    return statistics.median(timings), percentile(timings, 95), errors


def load_run(
    paths: list[tuple[str, str, int]],
    duration: int,
    users: int,
    workdir: Path,
    name: str,
    hosts: list[str] | None = None,
) -> dict[str, Any]:
    """A headless locust run; with ``hosts``, its users are spread evenly over these servers."""
    prefix = workdir / name
    env = {**os.environ, "BENCH_PATHS": json.dumps(paths), "BENCH_HOSTS": json.dumps(hosts or [])}
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--only-summary",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{duration}s",
            *([] if hosts else ["--host", BASE]),
            "--csv",
            str(prefix),
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
    )
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    total = rows["Aggregated"]
    searches = [float(row["95%"]) for label, row in rows.items() if "echerche" in label and row["95%"] != "N/A"]
    return {
        "rps": float(total["Requests/s"]),
        "p95": float(total["95%"]),
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "search_p95": max(searches, default=0.0),
        "by_label": {label: float(row["95%"]) for label, row in rows.items() if label != "Aggregated"},
    }


def engine() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=["small", "national"], default="small")
    parser.add_argument("--duration", type=int, default=60, help="durée de chaque tir de charge (s)")
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_USERS", "16")))
    parser.add_argument("--nodes", type=int, choices=[1, 2], default=1, help="serveurs d'application")
    args = parser.parse_args()
    if args.nodes == 2 and (
        not os.environ.get("DATABASE_URL", "").startswith("postgres")
        or not os.environ.get("CACHE_URL", "").startswith(("redis://", "rediss://", "unix://"))
    ):
        raise SystemExit("NODES=2 : deux serveurs partagent PostgreSQL et Redis (DATABASE_URL et CACHE_URL requis).")

    if has_command("generate_dataset"):
        print(f"Jeu de données : generate_dataset --scale {args.scale}…", flush=True)
        subprocess.run([PYTHON, "manage.py", "generate_dataset", "--scale", args.scale], cwd=ROOT, check=True)
    else:
        print("Jeu de données : données de référence et de démonstration (generate_dataset pas encore disponible).")

    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    types = page_types()
    if args.nodes == 2:
        report_nodes(args, types, run_nodes(args, types, workdir))
        return
    uncached = {}
    server = start_server(workdir / "server-uncached.log", page_cache=False)
    try:
        for label, path, _ in types:
            uncached[path] = measure_latency(path)
            print(f"  {label:<40} sans cache : médiane {uncached[path][0]:7.1f} ms   p95 {uncached[path][1]:7.1f} ms")
    finally:
        stop_server(server)
    server = start_server(workdir / "server.log")
    try:
        latencies = []
        for label, path, target in types:
            median, p95, errors = measure_latency(path)
            fresh_median, fresh_p95, fresh_errors = uncached[path]
            latencies.append((label, path, median, p95, fresh_median, fresh_p95, errors + fresh_errors, target))
            print(f"  {label:<40} en cache   : médiane {median:7.1f} ms   p95 {p95:7.1f} ms", flush=True)
        mix = load_run([(label, path, 1) for label, path, _ in types], args.duration, args.users, workdir, "mix")
        ceiling = load_run([("/healthz", "/healthz", 1)], args.duration, args.users, workdir, "healthz")
    finally:
        stop_server(server)

    report(args, latencies, mix, ceiling)


FORM_RATE_PER_MINUTE = 30
FORM_POSTS = 40


def run_nodes(args: argparse.Namespace, types: list[tuple[str, str, float]], workdir: Path) -> dict:
    """Two servers on the same PostgreSQL and Redis: the mixed load alone, then with the writer."""
    ports = [PORT, PORT + 10]
    hosts = [f"http://127.0.0.1:{port}" for port in ports]
    # A key prefix of this run's own: the rate-limit counters of earlier runs do not count.
    extra = {"CACHE_KEY_PREFIX": f"bench-{time.strftime('%Y%m%d%H%M%S')}", "FORM_RATE": f"{FORM_RATE_PER_MINUTE}/min"}
    servers = [
        start_server(workdir / f"server-{number}.log", port=port, extra=extra) for number, port in enumerate(ports)
    ]
    try:
        paths = [(label, path, 1) for label, path, _ in types]
        quiet = load_run(paths, args.duration, args.users, workdir, "mix-nodes", hosts)
        print("  mélange sur deux serveurs, sans écriture : fait", flush=True)
        writer = subprocess.Popen(
            [PYTHON, str(ROOT / "bench" / "writer.py"), str(args.duration), *hosts],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        writes = load_run(paths, args.duration, args.users, workdir, "mix-nodes-writes", hosts)
        written = json.loads(writer.communicate()[0].strip().splitlines()[-1])
        print("  mélange sur deux serveurs, une publication par seconde : fait", flush=True)
        session = requests.Session()
        statuses = [
            session.post(f"{hosts[number % 2]}/contact/", data={}, timeout=30).status_code
            for number in range(FORM_POSTS)
        ]
    finally:
        for server in servers:
            stop_server(server)
    return {"quiet": quiet, "writes": writes, "written": written, "throttled": statuses.count(429), "types": types}


def report_nodes(args: argparse.Namespace, types: list[tuple[str, str, float]], result: dict) -> None:
    ok, ko = "✔", "✘"
    quiet, writes, written = result["quiet"], result["writes"], result["written"]
    delays = written["delays"]
    longest = max(delays, default=float("inf")) if not written["missed"] else float("inf")
    expected = FORM_POSTS - FORM_RATE_PER_MINUTE
    lines = [
        "",
        f"# Banc d'essai — deux serveurs, PostgreSQL + Redis, échelle {args.scale}, "
        f"{args.users} utilisateurs répartis sur les deux, {args.duration} s par tir",
        "",
        "| tir de charge | requêtes | req/s | p95 (ms) | p95 recherches (ms) | erreurs |",
        "|---|---:|---:|---:|---:|---:|",
        f"| mélange, sans écriture | {quiet['requests']:.0f} | {quiet['rps']:.1f} | {quiet['p95']:.0f} "
        f"| {quiet['search_p95']:.0f} | {quiet['errors']:.0f} |",
        f"| mélange, une publication par seconde | {writes['requests']:.0f} | {writes['rps']:.1f} "
        f"| {writes['p95']:.0f} | {writes['search_p95']:.0f} | {writes['errors']:.0f} |",
        "",
        "| type de page (sous écritures) | p95 (ms) | cible p95 |",
        "|---|---:|---:|",
    ]
    for label, _, target in types:
        p95 = writes["by_label"].get(label, float("nan"))
        lines.append(f"| {label} | {p95:.0f} | {target:.0f} {ok if p95 < target else ko} |")
    errors = quiet["errors"] + writes["errors"]
    lines += [
        "",
        f"Publications : {written['publications']}, trouvées par la recherche de chaque serveur au plus tard "
        f"après {longest:.2f} s (cible ≤ 2 s {ok if longest <= 2 else ko}) ; "
        f"médiane {statistics.median(delays) if delays else float('nan'):.2f} s ; "
        f"non trouvées : {len(written['missed'])}.",
        f"Limite des formulaires ({FORM_RATE_PER_MINUTE}/min par adresse), {FORM_POSTS} envois alternés sur les "
        f"deux serveurs : {result['throttled']} refus 429 (attendu {expected} si la limite est comptée une fois "
        f"{ok if result['throttled'] == expected else ko}).",
        f"Erreurs : {errors} (cible 0 {ok if errors == 0 else ko}).",
    ]
    text = "\n".join(lines)
    print(text)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out / f"bench-2-noeuds-{args.scale}-{stamp}.md").write_text(text + "\n", encoding="utf-8")


def _load_row(label: str, run: dict[str, float]) -> str:
    return f"| {label} | {run['requests']:.0f} | {run['rps']:.1f} | {run['p95']:.0f} | {run['errors']:.0f} |"


def report(args: argparse.Namespace, latencies: list, mix: dict[str, float], ceiling: dict[str, float]) -> None:
    ok, ko = "✔", "✘"
    lines = [
        "",
        f"# Banc d'essai — moteur {engine()}, échelle {args.scale}, "
        f"{args.users} utilisateurs, {args.duration} s par tir",
        "",
        "Deux mesures par type : en cache (visiteur anonyme, cache des pages publiques chaud) et sans",
        "cache (serveur lancé avec PUBLIC_PAGE_CACHE_SECONDS=0 : chaque requête est calculée). La cible",
        "est jugée sur la mesure sans cache ; les tirs de charge ont le cache, comme en production.",
        "",
        "| type de page | chemin | en cache : médiane / p95 (ms) | sans cache : médiane / p95 (ms) "
        "| cible p95 | erreurs |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for label, path, median, p95, fresh_median, fresh_p95, errors, target in latencies:
        verdict = ok if fresh_p95 < target else ko
        lines.append(
            f"| {label} | `{path}` | {median:.1f} / {p95:.1f} | {fresh_median:.1f} / {fresh_p95:.1f} "
            f"| {target:.0f} {verdict} | {errors} |"
        )
    ratio = mix["rps"] / ceiling["rps"] if ceiling["rps"] else 0.0
    errors = mix["errors"] + ceiling["errors"]
    lines += [
        "",
        "| tir de charge | requêtes | req/s | p95 (ms) | erreurs |",
        "|---|---:|---:|---:|---:|",
        _load_row("mélange des pages ci-dessus", mix),
        _load_row("plafond `/healthz`", ceiling),
        "",
        f"Débit du mélange / plafond : {ratio:.0%} (cible ≥ 50 % {ok if ratio >= 0.5 else ko}) ; "
        f"erreurs : {errors} (cible 0 {ok if errors == 0 else ko}).",
    ]
    text = "\n".join(lines)
    print(text)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out / f"bench-{engine().lower()}-{args.scale}-{stamp}.md").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
