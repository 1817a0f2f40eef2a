// Upload each chosen file on its own request, show its document id at once,
// then poll /api/documents/{id} until processing ends. Without JavaScript the
// form still posts to /upload and the page lists the results.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var input = document.getElementById("files");
  var zone = document.getElementById("drop-zone");
  var tbody = document.querySelector("#progress tbody");
  var DONE = { processed: true, quarantined: true, failed: true };

  function cell(row, cls, text) {
    var td = row.querySelector("." + cls);
    if (td) { td.textContent = text == null ? "" : String(text); }
  }

  function addRow(name) {
    var row = document.createElement("tr");
    ["name", "doc-id", "state", "confirmation", "status"].forEach(function (cls) {
      var td = document.createElement("td");
      td.className = cls;
      row.appendChild(td);
    });
    cell(row, "name", name);
    cell(row, "state", "uploading…");
    tbody.appendChild(row);
    return row;
  }

  function show(row, doc) {
    row.dataset.documentId = doc.id;
    cell(row, "doc-id", doc.id);
    cell(row, "state", doc.state + (doc.reason_code ? " (" + doc.reason_code + ")" : "") + (doc.duplicate ? " (already received)" : ""));
    var app = doc.application || {};
    cell(row, "confirmation", app.confirmation_number);
    cell(row, "status", app.status);
    row.dataset.state = doc.state;
  }

  function poll(row, id, delay) {
    window.setTimeout(function () {
      fetch("/api/documents/" + id, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (doc) {
          show(row, doc);
          if (!DONE[doc.state]) { poll(row, id, Math.min(delay * 1.3, 5000)); }
        })
        .catch(function () { poll(row, id, 5000); });
    }, delay);
  }

  function upload(file, channel) {
    var row = addRow(file.name);
    var body = new FormData();
    body.append("channel", channel);
    body.append("files", file, file.name);
    return fetch("/api/documents", {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, Accept: "application/json" }
    }).then(function (r) { return r.json(); }).then(function (answer) {
      (answer.errors || []).forEach(function (err) {
        row.classList.add("refused");
        cell(row, "state", "refused: " + err.message + " (" + err.code + ")");
      });
      if (answer.error) {
        row.classList.add("refused");
        cell(row, "state", "refused: " + answer.error.message + " (" + answer.error.code + ")");
      }
      (answer.documents || []).forEach(function (doc) {
        show(row, doc);
        if (!DONE[doc.state]) { poll(row, doc.id, 1000); }
      });
    }).catch(function () { cell(row, "state", "upload failed: check the connection and try again"); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var channel = form.querySelector('input[name="channel"]:checked').value;
    Array.prototype.forEach.call(input.files, function (file) { upload(file, channel); });
    form.reset();
  });

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    input.files = event.dataTransfer.files;
  });
}());
