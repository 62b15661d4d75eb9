/* The article pages (claims.admin_articles): a passage selected in the article's text fills the
   form's start and end, counted in characters (code points) as the server counts them. The page's
   text content is exactly the stored text: the marks around the proposals add none. */
(function () {
  "use strict";

  function characters(text) {
    return Array.from(text).length;
  }

  function setUp(box) {
    var start = document.getElementById(box.dataset.startField);
    var end = document.getElementById(box.dataset.endField);
    var preview = document.getElementById(box.dataset.preview);
    if (!start || !end) {
      return;
    }
    function offsetOf(node, offset) {
      var range = document.createRange();
      range.setStart(box, 0);
      range.setEnd(node, offset);
      return characters(range.toString());
    }
    if (preview && start.value && end.value) {
      // the form came back with an error: show the passage its offsets name
      preview.textContent = Array.from(box.textContent).slice(Number(start.value), Number(end.value)).join("");
    }
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        return;
      }
      var range = selection.getRangeAt(0);
      if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) {
        return;
      }
      start.value = offsetOf(range.startContainer, range.startOffset);
      end.value = offsetOf(range.endContainer, range.endOffset);
      if (preview) {
        preview.textContent = range.toString();
      }
      var folded = start.closest("details");
      if (folded) {
        folded.open = true;  // the form folded under the article opens on a selection
      }
    });
  }

  // The proposals list: one box ticks every proposal of the page that can be accepted as it is. A
  // new remedy's, one whose passage its claim quotes already, and a benefit of a risky remedy are
  // ticked by hand: the first two to reject them, the last after reading its risk.
  function setUpSelectAll(all) {
    var boxes = Array.from(document.querySelectorAll("input.select-proposal:not(:disabled):not(.by-hand)"));
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        all.checked = boxes.every(function (b) { return b.checked; });
      });
    });
  }

  // A claim's remedy is a chosen one or a new one, never both (the server refuses both): choosing one
  // clears the new name and category a proposal came with.
  function setUpRemedyChoice(select) {
    var prefix = select.id.slice(0, -"remedy".length);
    var name = document.getElementById(prefix + "new_remedy_name");
    var category = document.getElementById(prefix + "new_remedy_category");
    if (!name) {
      return;
    }
    function chosen() {
      if (select.value) {
        name.value = "";
        if (category) {
          category.value = "";
        }
      }
    }
    select.addEventListener("change", chosen);
    if (window.django && window.django.jQuery) {
      window.django.jQuery(select).on("change", chosen);  // select2 tells jQuery's listeners only
    }
  }

  // What the page's forms hold: typed in, ticked, chosen, or filled by a selection in the article.
  function formState() {
    var fields = document.querySelectorAll("form input, form textarea, form select");
    return Array.from(fields).map(function (field) {
      return field.type === "checkbox" || field.type === "radio" ? String(field.checked) : field.value;
    }).join("\u0000");
  }

  // A background run's page follows the run by reloading itself, but never while the reviewer is at
  // work on it: a reload would empty what they typed, ticked or selected.
  function setUpRefresh(run) {
    var seconds = Number(run.dataset.refreshSeconds);
    var note = document.getElementById("refresh-note");
    var asLoaded = formState();
    function atWork() {
      var selection = window.getSelection();
      var focused = document.activeElement;
      return (selection && !selection.isCollapsed) || formState() !== asLoaded ||
        document.querySelector("details#add-missed[open], .select2-container--open") !== null ||
        (focused !== null && (focused.tagName === "TEXTAREA" || (focused.tagName === "INPUT" && focused.type !== "checkbox")));
    }
    window.setInterval(function () {
      if (atWork()) {
        if (note) {
          note.textContent = "This page no longer refreshes by itself: you are at work on it. Reload it to see how far the proposer is.";
        }
        return;
      }
      // the page at its address, read again: never the POST whose answer it may be (a refused
      // "Add a claim" sent again by itself, and written once a senior had added its remedy)
      window.location.replace(window.location.pathname + window.location.search);
    }, seconds * 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("article-text");
    if (box && box.dataset.startField) {
      setUp(box);
    }
    var all = document.getElementById("select-all");
    if (all) {
      setUpSelectAll(all);
    }
    document.querySelectorAll("select[id$='remedy']").forEach(setUpRemedyChoice);
    var run = document.getElementById("proposer-run");
    if (run && run.dataset.refreshSeconds) {
      setUpRefresh(run);
    }
  });
})();
