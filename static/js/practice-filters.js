/* The good-practice list follows its filters as they change: the results with their download
   links, their count (announced by its live region), the number of active filters and the
   address (so the page can still be shared) are updated in place, and focus stays where it is.
   When the reader has scrolled past the count, the page comes back to it, so the count and
   the top of the new list are in view. Without this file the "Show practices" button does
   the same. */
(function () {
  "use strict";
  var form = document.querySelector("form.practice-filters");
  var results = document.getElementById("practice-results");
  var count = document.getElementById("practice-count");
  var summary = document.getElementById("practice-filter-summary");
  if (!form || !results || !count || !window.fetch || !window.DOMParser) return;
  var pending = null;
  var typing = null;

  function address() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") params.append(name, value);
    });
    var query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  function show(page, url) {
    var newResults = page.getElementById("practice-results");
    var newCount = page.getElementById("practice-count");
    // A value the server refuses keeps the results shown: the button sends the form, and
    // the page that comes back explains the error.
    if (!newResults || !newCount || page.getElementById("error-summary")) return;
    results.innerHTML = newResults.innerHTML;
    count.innerHTML = newCount.innerHTML;
    var newSummary = page.getElementById("practice-filter-summary");
    if (summary && newSummary) summary.textContent = newSummary.textContent;
    history.replaceState(null, "", url);
    if (count.getBoundingClientRect().top < 0) count.scrollIntoView({ block: "start" });
  }

  function update() {
    var url = address();
    if (pending) pending.abort();
    pending = new AbortController();
    results.setAttribute("aria-busy", "true");
    fetch(url, { signal: pending.signal, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        show(new DOMParser().parseFromString(html, "text/html"), url);
        results.removeAttribute("aria-busy");
      })
      .catch(function (error) {
        // A newer request replaced this one, or the network failed: the button still works.
        if (error.name !== "AbortError") results.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("change", function (event) {
    if (event.target.name !== "q") update();
  });
  form.querySelector("[name=q]").addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(update, 400);
  });
})();
