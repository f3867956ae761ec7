// Autosave of an editing form (a report's section, an action plan, an action): the page's
// form[data-autosave-url]. Every few seconds its fields are sent as the writer's private draft
// (never over the shared text); leaving with changes not saved to the form asks first.
// Without this script the form still saves normally.
(function () {
  "use strict";
  const form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  const status = document.getElementById("autosave-status");
  const presence = document.getElementById("presence");
  const INTERVAL_MS = 4000;
  let changed = false;
  let submitting = false;
  let sending = false;

  // The rich-text editor copies its text into its textarea on every change and fires an
  // input event there, so the form's own fields always hold what the writer sees.
  const snapshot = () => new URLSearchParams(new FormData(form)).toString();
  let lastSent = snapshot();

  function say(message, failed) {
    status.textContent = message;
    status.classList.toggle("is-error", Boolean(failed));
  }

  async function autosave() {
    if (!changed || submitting || sending) return;
    const data = new FormData(form);
    const sent = new URLSearchParams(data).toString();
    if (sent === lastSent) return;
    sending = true;
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body: data,
        headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken"), Accept: "application/json" },
        credentials: "same-origin",
      });
      const answer = await response.json().catch(() => ({}));
      // A redirect (to sign in, or to a second factor) is not a save.
      if (!response.ok || response.redirected) {
        say(answer.error || form.dataset.savingFailed, true);
        return;
      }
      lastSent = sent;
      say(answer.message, false);
      if (presence && Array.isArray(answer.others)) {
        presence.textContent = answer.others.length
          ? `${presence.dataset.label} ${answer.others.join(", ")}`
          : "";
      }
    } catch (error) {
      say(form.dataset.offline, true);
    } finally {
      sending = false;
    }
  }

  const markChanged = () => {
    changed = true;
  };
  form.addEventListener("input", markChanged);
  form.addEventListener("change", markChanged);
  form.addEventListener("submit", () => {
    submitting = true;
  });
  window.addEventListener("beforeunload", (event) => {
    if (changed && !submitting) {
      event.preventDefault();
      event.returnValue = form.dataset.unsaved;
    }
  });
  window.setInterval(autosave, INTERVAL_MS);
})();
