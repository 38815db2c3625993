/* Small helpers shared by the pages that draw the revision engine (the drill, the quiz and My revision):
   building elements with text only (never HTML), shuffling, the note that reports damaged progress, and
   deferring work until after the next paint.
   Loaded after revision-store.js and before the page's own script, only on those three pages. */
(function () {
  "use strict";

  // Text is only ever set with textContent, so data can never become markup.
  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined && text !== null && text !== "") {
      node.textContent = String(text);
    }
    return node;
  }

  // Fisher-Yates, in place.
  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i -= 1) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  }

  // The alert that says what in the stored progress was damaged and ignored (hidden when nothing was).
  function problemsNote(problems) {
    var note = element("p", { class: "revision-problems", role: "alert", hidden: "" });
    window.StalinRevision.announce(note, problems);
    return note;
  }

  // Runs work after the next frame is painted, so that it never delays the response to a tap or a key.
  function afterPaint(work) {
    window.requestAnimationFrame(function () { window.setTimeout(work, 0); });
  }

  window.StalinRevisionDom = { element: element, shuffle: shuffle, problemsNote: problemsNote, afterPaint: afterPaint };
})();
