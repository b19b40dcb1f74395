/*
 * The platform's autocomplete: a WAI-ARIA 1.2 combobox over a text field, fed by a public API that
 * answers {count, items} (progressive enhancement: without JavaScript the field is a plain text
 * field the server resolves).
 *
 * Arrow keys move in the list, Enter or a click picks a proposal, Escape closes the list; a polite
 * live region says how many proposals there are. Each use says what it proposes:
 *
 *   AtCombobox.enhance(input, {
 *     source: "/api/v1/…",                 // GET source?limit=8&q=…
 *     listLabel: "Communes proposées",
 *     nouns: ["commune proposée", "communes proposées"],
 *     none: "Aucune commune ne correspond.",
 *     accepts: function (query) { … },   // optional: is the text worth a request?
 *     label: function (item) { … },      // the text of a proposal
 *     pick: function (item) { … },       // fills the field(s), returns what the live region says
 *     edited: function () { … },         // optional: the person typed again
 *   });
 *
 * Used by nearby/static/nearby/commune-autocomplete.js and alerts/static/alerts/partner-autocomplete.js.
 */
(function () {
  "use strict";

  var LIMIT = 8;
  var DELAY_MS = 200;

  function enhance(input, options) {
    var listId = input.id + "-propositions";
    var list = document.createElement("ul");
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", options.listLabel);
    list.className = "at-autocomplete__list";
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "fr-sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    input.parentNode.classList.add("at-autocomplete");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var accepts = options.accepts || function (query) {
      return query.length >= 2;
    };
    var found = [];
    var active = -1;
    var timer = null;
    var lastQuery = input.value.trim();
    var request = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var proposals = list.querySelectorAll('[role="option"]');
      proposals.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && proposals[index]) {
        input.setAttribute("aria-activedescendant", proposals[index].id);
        proposals[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function pick(index) {
      var item = found[index];
      if (!item) {
        return;
      }
      status.textContent = options.pick(item);
      lastQuery = input.value.trim();
      close();
    }

    function render(items, total) {
      found = items;
      list.textContent = "";
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "at-autocomplete__option";
        option.textContent = options.label(item);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the field
          pick(index);
        });
        list.appendChild(option);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent =
          items.length + " " + options.nouns[items.length > 1 ? 1 : 0] +
          (total > items.length ? " sur " + total : "") + ".";
      } else {
        close();
        status.textContent = options.none;
      }
      active = -1;
    }

    function search() {
      var query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (!accepts(query)) {
        render([], 0);
        status.textContent = "";
        return;
      }
      request += 1;
      var mine = request;
      var url = options.source + "?limit=" + LIMIT + "&q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (data && mine === request) {
            render(data.items || [], data.count || 0);
          }
        })
        .catch(function () {
          /* the field still works without the proposals: the server resolves what is typed */
        });
    }

    input.addEventListener("input", function () {
      if (options.edited) {
        options.edited();
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && found.length > 0;
      if (event.key === "ArrowDown") {
        if (open) {
          event.preventDefault();
          highlight(active + 1 < found.length ? active + 1 : 0);
        }
      } else if (event.key === "ArrowUp") {
        if (open) {
          event.preventDefault();
          highlight(active > 0 ? active - 1 : found.length - 1);
        }
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          pick(active);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  window.AtCombobox = { enhance: enhance };
})();
