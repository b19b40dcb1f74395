// « Suivre cette recherche »: after live filtering (HTMX pushes the address), the subscription and
// the feed follow the state shown, not the first one. A static file, not an inline script, so the
// Content-Security-Policy can be script-src 'self' and pages served from the public cache keep working.
(function () {
  "use strict";
  function follow() {
    var form = document.getElementById("abonnement-recherche");
    if (form && !form.dataset.follows) {
      form.dataset.follows = "1";
      form.addEventListener("submit", function () { form.elements.query.value = window.location.search.replace(/^\?/, ""); });
    }
    var feed = document.getElementById("flux-recherche");
    if (feed && !feed.dataset.follows) {
      feed.dataset.follows = "1";
      feed.addEventListener("click", function () { feed.href = feed.pathname + window.location.search; });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", follow); } else { follow(); }
})();
