// j/k move the focus through the rows of a list (queue rows, field rows);
// every row is already reachable with Tab, this is only a shortcut.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key !== "j" && event.key !== "k") { return; }
    var rows = Array.prototype.slice.call(document.querySelectorAll(".row-link"));
    if (!rows.length) { return; }
    var at = rows.indexOf(document.activeElement);
    var next = event.key === "j" ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0);
    if (at === -1) { next = 0; }
    rows[next].focus();
    event.preventDefault();
  });
}());
