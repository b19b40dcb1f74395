"""Back-office forms of the roadmap (Wagtail admin)."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminModelForm


class BilanForm(WagtailAdminModelForm):
    """A bilan's date and programme are fixed once frozen; its title, summary and publication are not."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("programme", "date", "slug"):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = "Figé à la création du bilan."
