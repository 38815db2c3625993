/* Chapter pages: a small "Mark as revised" toggle under each section heading, kept in the revision store
   (see revision-store.js) and listed on the My revision page. */
(function () {
  "use strict";

  var Store = window.StalinRevision;
  var article = document.querySelector("article");
  var match = window.location.pathname.match(/\/chapters\/([a-z0-9-]+)\/?$/);
  if (!Store || !article || !match || article.dataset.revisedReady) {
    return;
  }
  article.dataset.revisedReady = "true";
  var chapter = match[1];

  article.querySelectorAll("h2[id]").forEach(function (heading) {
    var key = chapter + "#" + heading.id;
    var title = heading.textContent.replace(/¶/g, "").trim();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "revised-toggle";
    button.setAttribute("data-section", key);

    function draw(on) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "✓ Revised" : "Mark as revised";
      button.setAttribute("aria-label", (on ? "Revised: " : "Mark as revised: ") + title);
    }

    draw(Boolean(Store.read().data.revised[key]));
    button.addEventListener("click", function () {
      // Read afresh: another tab or page may have changed the store since this page loaded.
      var store = Store.read().data;
      if (store.revised[key]) {
        delete store.revised[key];
      } else {
        store.revised[key] = new Date().toISOString();
      }
      Store.write(store);
      draw(Boolean(store.revised[key]));
    });
    heading.parentNode.insertBefore(button, heading.nextSibling);
  });
})();
