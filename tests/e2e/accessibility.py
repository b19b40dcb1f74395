"""axe-core checks (the axe-playwright-python package ships axe-core; no download)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()
BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page) -> list[str]:
    """Serious or critical axe-core violations of the current page, one line each."""
    results = _AXE.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def assert_accessible(page, *, expected_status: int = 200) -> None:
    """No serious/critical axe violation and no error in the console (CSP, integrity, scripts)."""
    violations = blocking_violations(page)
    assert not violations, f"{page.url}:\n" + "\n".join(violations)
    errors = [e for e in page.console_errors if not (expected_status != 200 and f"status of {expected_status}" in e)]
    assert not errors, f"{page.url}: erreurs dans la console : {errors}"
