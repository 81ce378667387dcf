// Starts Redoc on /api/docs/ from the page's data: the public CSP allows no inline script.
(function () {
  var element = document.getElementById("redoc-ui");
  var settings = JSON.parse(document.getElementById("redoc-settings").textContent);
  Redoc.init(element.dataset.openapiUrl, settings, element);
})();
