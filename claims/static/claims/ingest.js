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

  // The proposals list: one box ticks every proposal of the page that can be accepted as it is.
  function setUpSelectAll(all) {
    var boxes = Array.from(document.querySelectorAll("input.select-proposal:not(:disabled)"));
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        all.checked = boxes.every(function (b) { return b.checked; });
      });
    });
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
  });
})();
