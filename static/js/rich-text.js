// The rich-text editor replaces each textarea with an editable area: give that area the
// textarea's label and help text, so screen readers announce it as the field it stands for.
(function () {
  "use strict";
  function label(area, textarea) {
    if (!area || !textarea || area.hasAttribute("aria-labelledby")) return;
    const fieldLabel = document.querySelector(`label[for="${textarea.id}"]`);
    if (fieldLabel) {
      fieldLabel.id = fieldLabel.id || `${textarea.id}-label`;
      area.setAttribute("aria-labelledby", fieldLabel.id);
    }
    const description = textarea.getAttribute("aria-describedby");
    if (description) area.setAttribute("aria-describedby", description);
    if (textarea.getAttribute("aria-invalid") === "true") area.setAttribute("aria-invalid", "true");
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
  }
  document.addEventListener("prose-editor:ready", (event) => {
    label(event.detail.editor.view.dom, event.detail.textarea);
  });
})();
