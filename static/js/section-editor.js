// Autosave of the section editor: every few seconds the text is sent as the writer's private
// draft (never over the shared text); leaving with changes not saved to the section asks
// first. Without this
// script the form still saves normally.
(function () {
  "use strict";
  const form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  const textarea = form.querySelector("textarea[name=body]");
  const status = document.getElementById("autosave-status");
  const presence = document.getElementById("presence");
  const INTERVAL_MS = 4000;
  let editor = null;
  let dirty = false;
  let changed = false;
  let submitting = false;
  let lastSent = null;

  const currentText = () => (editor ? editor.getHTML() : textarea.value);

  function say(message, failed) {
    status.textContent = message;
    status.classList.toggle("is-error", Boolean(failed));
  }

  async function autosave() {
    if (!dirty || submitting) return;
    const body = currentText();
    if (body === lastSent) {
      dirty = false;
      return;
    }
    const data = new FormData(form);
    data.set("body", body);
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
      lastSent = body;
      dirty = currentText() !== body;
      say(answer.message, false);
      if (presence && Array.isArray(answer.others)) {
        presence.textContent = answer.others.length
          ? `${presence.dataset.label} ${answer.others.join(", ")}`
          : "";
      }
    } catch (error) {
      say(form.dataset.offline, true);
    }
  }

  const markDirty = () => {
    dirty = true;
    changed = true;
  };
  textarea.addEventListener("input", markDirty);
  // TipTap keeps its editor on the editable element; the ready event may come before or
  // after this script runs, so both paths attach.
  function attach(area) {
    if (editor || !area || !area.editor) return;
    editor = area.editor;
    lastSent = editor.getHTML();
    editor.on("update", markDirty);
  }
  document.addEventListener("prose-editor:ready", (event) => {
    if (event.detail.textarea === textarea) attach(event.detail.editor.view.dom);
  });
  attach(form.querySelector(".ProseMirror"));

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
