/* The My revision page: per-chapter flashcard progress, quiz scores, sections marked revised, a red/amber/
   green self-rating, and export, import and reset of the one revision store. Text from storage or from
   an imported file is only ever set with textContent, after the store has validated it. */
(function () {
  "use strict";

  var Store = window.StalinRevision;
  var Dom = window.StalinRevisionDom;
  var element = Dom && Dom.element;
  var source = document.getElementById("revision-data");
  var cardsBox = document.getElementById("revision-cards");
  if (!Store || !Dom || !source || !cardsBox || cardsBox.dataset.ready) {
    return;
  }
  cardsBox.dataset.ready = "true";
  var guide = JSON.parse(source.textContent); // written by the build, not by the user
  var boxes = {};
  ["cards", "quizzes", "sections", "confidence", "backup"].forEach(function (name) {
    boxes[name] = document.getElementById("revision-" + name);
    boxes[name].textContent = "";
  });

  var loaded = Store.read();
  var store = loaded.data;
  var status = element("p", { class: "revision-status", role: "status", "aria-live": "polite" });
  cardsBox.parentNode.insertBefore(Dom.problemsNote(loaded.problems), cardsBox);

  function save() {
    if (!Store.write(store)) {
      status.textContent = "This browser would not save the change; it lasts until you leave the page.";
    }
  }

  // ---- flashcards by chapter ----
  function drawCards() {
    boxes.cards.textContent = "";
    // On a phone each chapter becomes a card with labelled numbers (the guide's stacked tables), rather than
    // six columns so narrow that chapter names break inside words.
    var table = element("table", { class: "revision-table stacked-table" });
    var head = element("tr");
    ["Chapter", "Cards", "Seen", "Due today", "Mastered", "Reset"].forEach(function (title) {
      head.appendChild(element("th", { scope: "col" }, title));
    });
    table.appendChild(element("thead")).appendChild(head);
    var body = table.appendChild(element("tbody"));
    var now = new Date();
    guide.chapters.forEach(function (chapter) {
      var counts = { seen: 0, due: 0, mastered: 0 };
      chapter.cards.forEach(function (id) {
        var record = store.cards[id];
        var state = Store.cardStatus(record, now);
        counts.seen += record ? 1 : 0;
        counts.due += state === "due" ? 1 : 0;
        counts.mastered += state === "mastered" ? 1 : 0;
      });
      var row = element("tr", { "data-chapter": chapter.id });
      var name = element("th", { scope: "row" });
      name.appendChild(element("a", { href: chapter.page }, chapter.title));
      row.appendChild(name);
      row.appendChild(element("td", { "data-stat": "cards", "data-label": "Cards" }, chapter.cards.length));
      row.appendChild(element("td", { "data-stat": "seen", "data-label": "Seen" }, counts.seen));
      row.appendChild(element("td", { "data-stat": "due", "data-label": "Due today" }, counts.due));
      row.appendChild(element("td", { "data-stat": "mastered", "data-label": "Mastered" }, counts.mastered));
      var cell = element("td");
      var reset = element("button", { type: "button", class: "md-button", "data-reset": chapter.id,
        "aria-label": "Reset flashcard progress for " + chapter.title }, "Reset");
      reset.addEventListener("click", function () {
        if (!window.confirm("Reset your flashcard progress for “" + chapter.title + "”? This cannot be undone.")) {
          status.textContent = "Nothing was reset.";
          return;
        }
        chapter.cards.forEach(function (id) { delete store.cards[id]; });
        save();
        drawCards();
        status.textContent = "Flashcard progress reset for " + chapter.title + ".";
      });
      cell.appendChild(reset);
      row.appendChild(cell);
      body.appendChild(row);
    });
    boxes.cards.appendChild(table);
  }

  // ---- quiz scores ----
  function drawQuizzes() {
    boxes.quizzes.textContent = "";
    if (!store.quizzes.length) {
      boxes.quizzes.appendChild(element("p", { "data-empty": "" }, "No quiz of 10 finished yet."));
      return;
    }
    var list = element("ol", { class: "revision-quizzes", reversed: "" });
    store.quizzes.slice(-5).reverse().forEach(function (quiz) {
      var when = new Date(quiz.at);
      list.appendChild(element("li", {}, quiz.score + " out of " + quiz.total + " on " + when.toLocaleDateString("en-GB",
        { day: "numeric", month: "long", year: "numeric" })));
    });
    boxes.quizzes.appendChild(list);
  }

  // ---- sections marked revised ----
  function drawSections() {
    boxes.sections.textContent = "";
    var any = false;
    guide.chapters.forEach(function (chapter) {
      var done = chapter.sections.filter(function (section) { return store.revised[chapter.id + "#" + section[0]]; });
      if (!done.length) {
        return;
      }
      any = true;
      boxes.sections.appendChild(element("h3", {}, chapter.title + ": " + done.length + " revised"));
      var list = element("ul", { "data-chapter": chapter.id });
      done.forEach(function (section) {
        var item = element("li");
        item.appendChild(element("a", { href: chapter.page + "#" + section[0] }, section[1]));
        list.appendChild(item);
      });
      boxes.sections.appendChild(list);
    });
    if (!any) {
      boxes.sections.appendChild(element("p", { "data-empty": "" }, "No section marked as revised yet."));
    }
  }

  // ---- red, amber, green ----
  function drawConfidence() {
    boxes.confidence.textContent = "";
    guide.chapters.forEach(function (chapter) {
      var id = "rag-" + chapter.id;
      var label = element("label", { for: id, class: "revision-rag" }, chapter.title + " ");
      var select = element("select", { id: id, "data-chapter": chapter.id });
      [["", "Not rated"], ["red", "Red: not yet"], ["amber", "Amber: getting there"], ["green", "Green: confident"]]
        .forEach(function (option) { select.appendChild(element("option", { value: option[0] }, option[1])); });
      select.value = store.rag[chapter.id] || "";
      select.addEventListener("change", function () {
        if (select.value) {
          store.rag[chapter.id] = select.value;
        } else {
          delete store.rag[chapter.id];
        }
        save();
        status.textContent = chapter.title + ": " + select.options[select.selectedIndex].text + ".";
      });
      label.appendChild(select);
      boxes.confidence.appendChild(label);
    });
  }

  // ---- export, import, reset everything ----
  function drawBackup() {
    var controls = element("div", { class: "drill-controls" });
    var exportButton = element("button", { type: "button", class: "md-button md-button--primary", "data-backup": "export" },
      "Export progress");
    var importLabel = element("label", { for: "revision-import", class: "md-button" }, "Import progress");
    var importInput = element("input", { type: "file", id: "revision-import", accept: "application/json,.json",
      class: "revision-file" });
    var resetAll = element("button", { type: "button", class: "md-button", "data-backup": "reset-all" }, "Reset everything");
    controls.appendChild(exportButton);
    controls.appendChild(importLabel);
    controls.appendChild(importInput);
    controls.appendChild(resetAll);
    boxes.backup.appendChild(controls);
    boxes.backup.appendChild(status);

    exportButton.addEventListener("click", function () {
      var blob = new Blob([Store.exportText(store)], { type: "application/json" });
      var link = element("a", { href: URL.createObjectURL(blob), download: "stalin-guide-revision-" + Store.localDay() + ".json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      status.textContent = "Progress exported as " + link.getAttribute("download") + ".";
    });
    importInput.addEventListener("change", function () {
      var file = importInput.files && importInput.files[0];
      if (!file) {
        return;
      }
      if (file.size > 2000000) {
        status.textContent = "That file is too large to be exported progress, so it was ignored.";
        importInput.value = "";
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var result = Store.parse(String(reader.result), "The file " + file.name);
        importInput.value = "";
        if (!result.data) {
          status.textContent = result.problems.join(" ");
          return;
        }
        if (!window.confirm("Replace the progress in this browser with the progress in " + file.name + "?")) {
          status.textContent = "Nothing was imported.";
          return;
        }
        store = result.data;
        save();
        drawAll();
        status.textContent = "Progress imported. " + result.problems.join(" ");
      };
      reader.onerror = function () {
        status.textContent = "The file could not be read, so nothing was imported.";
      };
      reader.readAsText(file);
    });
    resetAll.addEventListener("click", function () {
      if (!window.confirm("Reset all your revision progress: flashcards, quiz scores, revised sections and ratings?")) {
        status.textContent = "Nothing was reset.";
        return;
      }
      store = Store.empty();
      save();
      drawAll();
      status.textContent = "All progress reset.";
    });
  }

  function drawAll() {
    drawCards();
    drawQuizzes();
    drawSections();
    drawConfidence();
  }

  drawAll();
  drawBackup();
})();
