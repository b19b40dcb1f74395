// Suggestions for the territory search field: fills its <datalist> from the API as the person types.
// Progressive enhancement: without JavaScript the form submits to the search page as usual.
(function () {
  "use strict";
  var input = document.getElementById("territoire-q");
  if (!input || !window.fetch) {
    return;
  }
  var list = document.getElementById(input.getAttribute("list"));
  var url = input.dataset.suggestionsUrl;
  var timer = null;
  var lastQuery = "";

  function fill(items) {
    list.replaceChildren();
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.name;
      option.label = item.name + " (" + item.departement + ") — " + item.postcodes.slice(0, 3).join(", ");
      list.appendChild(option);
    });
  }

  function suggest() {
    var query = input.value.trim();
    if (query.length < 2 || query === lastQuery) {
      return;
    }
    lastQuery = query;
    fetch(url + "?limit=8&q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (data) {
        if (query === input.value.trim()) {
          fill(data.items || []);
        }
      })
      .catch(function () { /* suggestions are optional: the form still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, 200);
  });
})();
