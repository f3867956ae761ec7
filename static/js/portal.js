/* Small progressive enhancements; every page works without this file. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Close the account menu and the phone's menu (native <details>) with Escape or a click
    // elsewhere; Escape closes the innermost open one (the account menu is inside the other).
    var menus = document.querySelectorAll("details.account-menu, details.site-menu");
    menus.forEach(function (menu) {
      menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open) {
          menu.open = false;
          menu.querySelector("summary").focus();
          event.stopPropagation();
        }
      });
    });
    document.addEventListener("click", function (event) {
      menus.forEach(function (menu) {
        if (menu.open && !menu.contains(event.target)) {
          menu.open = false;
        }
      });
    });
    // Move focus to the error summary after a failed submission, so it is read first.
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
      // A rich-text field's textarea is hidden behind its editor: the summary's link to it
      // moves focus to the editor's editable area instead.
      summary.querySelectorAll("a[href^='#']").forEach(function (link) {
        link.addEventListener("click", function (event) {
          var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
          if (!target || target.getClientRects().length > 0) return;
          var area = target.parentElement.querySelector("[contenteditable=true]");
          if (area) {
            event.preventDefault();
            area.focus();
          }
        });
      });
    }
  });
})();
