// Zoom the page images in steps; the scroll box lets a zoomed page be panned.
(function () {
  "use strict";
  var steps = [50, 75, 100, 150, 200, 300];
  var at = 2;
  function apply() {
    Array.prototype.forEach.call(document.querySelectorAll(".page-image"), function (img) {
      img.style.width = steps[at] + "%";
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-zoom]"), function (button) {
    button.addEventListener("click", function () {
      var d = parseInt(button.getAttribute("data-zoom"), 10);
      at = d === 0 ? 2 : Math.max(0, Math.min(steps.length - 1, at + d));
      apply();
    });
  });
}());
