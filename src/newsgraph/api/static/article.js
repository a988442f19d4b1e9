// Show or hide each highlight layer of an article's text.
(function () {
  "use strict";
  var text = document.getElementById("text");
  if (!text) return;
  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });
})();
