/*
 * Partner autocomplete on « Proposer un exemple inspirant » (core/static/core/combobox.js).
 *
 * Without JavaScript each partner field is a plain text field the server resolves: a name only one
 * organisation of the directory bears, a SIREN, a SIRET or an RNA number. With it, the field
 * proposes organisations from /api/v1/organisations?q=… (name or identifier); a pick writes
 * « Nom — identifiant », which the server resolves without doubt (alerts/proposals.py).
 */
(function () {
  "use strict";

  var SEPARATOR = " — ";

  function identifier(organisation) {
    return organisation.rna || organisation.siren || organisation.url;
  }

  function label(organisation) {
    var text = organisation.name;
    if (organisation.departement) {
      text += " (" + organisation.departement + ")";
    }
    return text + SEPARATOR + identifier(organisation);
  }

  document.querySelectorAll("form[data-organisation-autocomplete]").forEach(function (form) {
    form.querySelectorAll("input[data-partner-organisation]").forEach(function (input) {
      window.AtCombobox.enhance(input, {
        source: form.getAttribute("data-source"),
        listLabel: "Organisations proposées",
        nouns: ["organisation proposée", "organisations proposées"],
        none: "Aucune organisation de l'annuaire ne correspond.",
        accepts: function (query) {
          return query.length >= 3;
        },
        label: label,
        pick: function (organisation) {
          input.value = organisation.name + SEPARATOR + identifier(organisation);
          return organisation.name + " choisie comme partenaire.";
        },
      });
    });
  });
})();
