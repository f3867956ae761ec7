/* A background job's progress page (templates/_progress.html: the compendium, a report's PDF),
   live: polls the status JSON and updates the bar, the status text (an aria-live region) and,
   when the PDF is ready, reveals the download link.
   Without this file the page shows the state at load time and a "Refresh" link. */
(function () {
  "use strict";

  var INTERVAL = 1500; // milliseconds between two polls
  var MAX_INTERVAL = 15000; // after network errors, wait longer, up to this

  function start(root) {
    var url = root.getAttribute("data-status-url");
    var bar = root.querySelector("progress");
    var text = root.querySelector("[data-progress-text]");
    var refresh = root.querySelector("[data-refresh]");
    var download = root.querySelector("[data-download]");
    var failure = root.querySelector("[data-failure]");
    var error = root.querySelector("[data-error]");
    var delay = INTERVAL;

    function show(element, visible) {
      if (element) {
        element.hidden = !visible;
      }
    }

    function update(state) {
      root.setAttribute("data-status", state.status);
      if (bar) {
        bar.max = state.bar_max;
        if (state.bar_value === null) {
          bar.removeAttribute("value"); // indeterminate: one step, no share done to show
        } else {
          bar.value = state.bar_value;
        }
      }
      if (text && text.textContent !== state.message) {
        text.textContent = state.message;
      }
      if (state.status === "done" && download) {
        var link = download.querySelector("a");
        if (link && state.download_url) {
          link.href = state.download_url;
        }
      }
      show(download, state.status === "done");
      show(failure, state.status === "failed");
      if (error) {
        error.textContent = state.error || "";
      }
      show(refresh, !state.finished);
    }

    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        })
        .then(function (state) {
          delay = INTERVAL;
          update(state);
          if (!state.finished) {
            window.setTimeout(poll, delay);
          }
        })
        .catch(function () {
          // Offline or the server is restarting: keep the page as it is and try again later.
          delay = Math.min(delay * 2, MAX_INTERVAL);
          window.setTimeout(poll, delay);
        });
    }

    var status = root.getAttribute("data-status");
    if (status !== "done" && status !== "failed") {
      window.setTimeout(poll, INTERVAL);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-progress]").forEach(start);
  });
})();
