/* Review comments, enhanced; without this file every form still works (the quote is typed in
   its text area, a mention is written as "@First Last").
   - Select words in a part's text (a report's section, a plan's action: `data-comments` names
     its comment group): a "Comment on this" button opens the part's comment form with the
     words as the quoted passage.
   - Type @ and letters in a comment: a list of the people who can see the page (the listbox
     pattern: up and down arrows move, Enter or Tab picks, Escape closes) inserts a mention. */
(function () {
  "use strict";
  var area = document.getElementById("comments");
  if (!area) return;
  var text = area.dataset;
  var MAX_QUOTE = 500;

  // --- "Comment on this" -------------------------------------------------------------------

  var quoteButton = document.createElement("button");
  quoteButton.type = "button";
  quoteButton.className = "button button-small quote-button";
  quoteButton.textContent = text.quoteLabel;
  quoteButton.hidden = true;
  var chosen = null; // { key, words } of the selection the button offers to quote

  function selectedPassage() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    var start = range.startContainer.parentElement;
    var prose = start && start.closest("[data-comments] .prose");
    if (!prose || !prose.contains(range.endContainer)) return null;
    var words = selection.toString().replace(/\s+/g, " ").trim();
    if (!words) return null;
    return { prose: prose, range: range, words: words.slice(0, MAX_QUOTE) };
  }

  function offerQuote() {
    var passage = selectedPassage();
    if (!passage) {
      if (document.activeElement !== quoteButton) quoteButton.hidden = true;
      return;
    }
    // The part (a report's section, a plan's action) names the group of its comments.
    var section = passage.prose.closest("[data-comments]");
    var form = document.getElementById("comment-form-" + section.dataset.comments);
    if (!form) return;
    chosen = { form: form, words: passage.words };
    passage.prose.after(quoteButton);
    var box = passage.range.getBoundingClientRect();
    var sectionBox = section.getBoundingClientRect();
    quoteButton.style.top = box.bottom - sectionBox.top + 6 + "px";
    quoteButton.style.left = Math.max(0, Math.min(box.left - sectionBox.left, sectionBox.width - 160)) + "px";
    quoteButton.hidden = false;
  }

  // Keep the selection while the button is pressed.
  quoteButton.addEventListener("mousedown", function (event) {
    event.preventDefault();
  });
  quoteButton.addEventListener("click", function () {
    if (!chosen) return;
    var details = chosen.form.closest("details");
    if (details) details.open = true;
    chosen.form.querySelector("[data-quote]").value = chosen.words;
    quoteButton.hidden = true;
    var body = chosen.form.querySelector("[data-mentions]");
    body.scrollIntoView({ block: "center" });
    body.focus();
  });
  document.addEventListener("mouseup", function () {
    setTimeout(offerQuote, 0);
  });
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey || event.key === "Shift") offerQuote();
    if (event.key === "Escape") quoteButton.hidden = true;
  });

  // --- @mentions ---------------------------------------------------------------------------

  var peopleUrl = area.dataset.peopleUrl;
  var counter = 0;

  function mentionBefore(field) {
    var before = field.value.slice(0, field.selectionStart);
    var match = before.match(/(^|\s)@([^\s@[\]()]{1,30}(?: [^\s@[\]()]{0,30})?)$/);
    return match ? { start: before.length - match[2].length - 1, query: match[2] } : null;
  }

  function setUp(field) {
    counter += 1;
    var list = document.createElement("ul");
    list.id = "mention-list-" + counter;
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", text.peopleLabel);
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    field.after(list, status);
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-controls", list.id);
    var people = [];
    var active = -1;
    var mention = null;
    var pending = null;
    var typing = null;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      people = [];
      active = -1;
      field.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      list.querySelectorAll("[role=option]").forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      if (index >= 0) {
        field.setAttribute("aria-activedescendant", list.id + "-" + index);
        list.children[index].scrollIntoView({ block: "nearest" });
      }
    }

    function pick(index) {
      var person = people[index];
      if (!person || !mention) return;
      var end = field.selectionStart;
      var insert = person.token + " ";
      field.value = field.value.slice(0, mention.start) + insert + field.value.slice(end);
      var caret = mention.start + insert.length;
      field.setSelectionRange(caret, caret);
      close();
      status.textContent = text.mentionedLabel.replace("%(name)s", person.name);
      field.focus();
    }

    function show(found) {
      people = found;
      list.replaceChildren();
      found.forEach(function (person, index) {
        var option = document.createElement("li");
        option.id = list.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = person.label;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          pick(index);
        });
        list.append(option);
      });
      list.hidden = found.length === 0;
      status.textContent = found.length
        ? text.foundLabel.replace("%(count)s", found.length)
        : text.noneLabel;
      highlight(found.length ? 0 : -1);
    }

    function lookUp() {
      mention = mentionBefore(field);
      if (!mention) {
        close();
        return;
      }
      if (pending) pending.abort();
      pending = new AbortController();
      fetch(peopleUrl + "?" + new URLSearchParams({ q: mention.query }), {
        signal: pending.signal,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok || response.redirected) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (answer) {
          show(answer.people);
        })
        .catch(function (error) {
          // A newer look-up replaced this one, or it failed: the name can still be typed.
          if (error.name !== "AbortError") close();
        });
    }

    field.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(lookUp, 150);
    });
    field.addEventListener("keydown", function (event) {
      if (list.hidden || !people.length) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + people.length) % people.length);
      } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
        event.preventDefault();
        pick(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    field.addEventListener("blur", close);
  }

  if (peopleUrl && window.fetch) area.querySelectorAll("[data-mentions]").forEach(setUp);
})();
