// Title suggestions for the search field, from the third letter typed (GET /api/search/autocomplete/).
(function () {
  var input = document.getElementById("recherche-q");
  var list = document.getElementById("recherche-suggestions");
  if (!input || !list || !window.fetch) return;
  var minChars = parseInt(input.dataset.minChars, 10) || 3;
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < minChars) { list.replaceChildren(); return; }
    timer = setTimeout(function () {
      fetch(input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          list.replaceChildren.apply(list, data.results.map(function (result) {
            var option = document.createElement("option");
            option.value = result.title;
            return option;
          }));
        })
        .catch(function () { list.replaceChildren(); });
    }, 200);
  });
})();
