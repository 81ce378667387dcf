// Chapter and transcript links move the episode's player to their time instead of leaving the page.
(function () {
  "use strict";
  var player = document.getElementById("lecteur");
  if (!player) {
    return;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-seek]");
    if (!link) {
      return;
    }
    var start = Number(link.getAttribute("data-seek"));
    if (!Number.isFinite(start)) {
      return;
    }
    event.preventDefault();
    player.currentTime = start;
    var playing = player.play();
    if (playing && typeof playing.catch === "function") {
      playing.catch(function () {});
    }
  });
})();
