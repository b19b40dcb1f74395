/*
 * Commune autocomplete on the « Près de chez moi » forms (core/static/core/combobox.js).
 *
 * Without JavaScript the form still works: the server resolves the text and asks which commune when
 * several match. With it, the field proposes communes from /api/v1/territories/communes?q=… and a
 * pick puts the commune's INSEE code in the hidden « code » field.
 */
(function () {
  "use strict";

  function label(commune) {
    var postcodes = commune.postcodes || [];
    var text = commune.name + " (" + commune.departement + ")";
    if (postcodes.length) {
      text += " — " + postcodes.slice(0, 3).join(", ") + (postcodes.length > 3 ? "…" : "");
    }
    return text;
  }

  document.querySelectorAll("form[data-commune-autocomplete]").forEach(function (form) {
    var input = form.querySelector('input[name="commune"]');
    var code = form.querySelector('input[name="code"]');
    if (!input || !code) {
      return;
    }
    window.AtCombobox.enhance(input, {
      source: form.getAttribute("data-source"),
      listLabel: "Communes proposées",
      nouns: ["commune proposée", "communes proposées"],
      none: "Aucune commune ne correspond.",
      accepts: function (query) {
        // a postcode is worth a request once complete; a name from its second letter
        return /^\d+$/.test(query) ? query.length >= 5 : query.length >= 2;
      },
      label: label,
      pick: function (commune) {
        input.value = commune.name + " (" + commune.departement + ")";
        code.value = commune.code;
        return commune.name + " choisie. Validez le formulaire pour voir ce qui s'y passe.";
      },
      edited: function () {
        code.value = ""; // the text changed: the server resolves it again
      },
    });
  });
})();
