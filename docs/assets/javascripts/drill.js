/* Drill mode for the flashcards page: one card at a time, shuffled, "not yet" cards come back sooner,
   progress kept per card in localStorage. The cards themselves work without this script. */
(function () {
  "use strict";

  var STORAGE_KEY = "stalin-guide:drill:v1";
  var RETRY_GAP = 3; // a card marked "not yet" comes back after this many other cards

  function loadProgress() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function saveProgress(progress) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
    } catch (error) {
      /* storage full or disabled: the drill still works for this visit */
    }
  }

  function cardId(question) {
    var hash = 0;
    for (var i = 0; i < question.length; i += 1) {
      hash = (hash * 31 + question.charCodeAt(i)) | 0;
    }
    return "c" + (hash >>> 0).toString(36);
  }

  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i -= 1) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  }

  function collectCards() {
    // Walk headings and cards in document order: each card belongs to the chapter heading above it.
    var cards = [];
    var chapter = null;
    document.querySelectorAll("article h2, article details.flashcard").forEach(function (node) {
      if (node.tagName === "H2") {
        chapter = node;
        return;
      }
      var question = node.querySelector("summary").textContent.trim();
      var answer = node.cloneNode(true);
      answer.querySelector("summary").remove();
      cards.push({
        id: cardId(question),
        question: question,
        answerHtml: answer.innerHTML,
        deck: chapter ? chapter.id : "all",
        deckTitle: chapter ? chapter.textContent.replace(/¶/g, "").trim() : ""
      });
    });
    return cards;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function setUp(root) {
    var cards = collectCards();
    if (!cards.length) {
      return;
    }
    var progress = loadProgress();
    var queue = [];
    var current = null;

    var decks = [];
    cards.forEach(function (card) {
      if (card.deck !== "all" && decks.every(function (deck) { return deck.id !== card.deck; })) {
        decks.push({ id: card.deck, title: card.deckTitle });
      }
    });

    root.textContent = "";
    root.appendChild(element("h2", { id: "drill-mode" }, "Drill mode"));
    var controls = element("div", { class: "drill-controls" });
    var label = element("label", { for: "drill-deck" }, "Cards: ");
    var select = element("select", { id: "drill-deck" });
    select.appendChild(element("option", { value: "all" }, "All chapters"));
    decks.forEach(function (deck) {
      select.appendChild(element("option", { value: deck.id }, deck.title));
    });
    label.appendChild(select);
    var start = element("button", { type: "button", class: "md-button md-button--primary", "data-drill": "start" }, "Start drill");
    var reset = element("button", { type: "button", class: "md-button", "data-drill": "reset" }, "Reset progress");
    controls.appendChild(label);
    controls.appendChild(start);
    controls.appendChild(reset);
    root.appendChild(controls);

    var status = element("p", { class: "drill-status", role: "status", "aria-live": "polite" });
    root.appendChild(status);

    var panel = element("div", { class: "drill-card", hidden: "" });
    var question = element("p", { class: "drill-question", tabindex: "-1" });
    var reveal = element("button", { type: "button", class: "md-button", "data-drill": "reveal" }, "Show answer");
    var answer = element("div", { class: "drill-answer", tabindex: "-1", hidden: "" });
    var marks = element("div", { class: "drill-marks", hidden: "" });
    var knew = element("button", { type: "button", class: "md-button md-button--primary", "data-drill": "knew" }, "Knew it");
    var notYet = element("button", { type: "button", class: "md-button", "data-drill": "not-yet" }, "Not yet");
    marks.appendChild(knew);
    marks.appendChild(notYet);
    panel.appendChild(question);
    panel.appendChild(reveal);
    panel.appendChild(answer);
    panel.appendChild(marks);
    root.appendChild(panel);
    root.hidden = false;

    function deckCards() {
      return cards.filter(function (card) {
        return select.value === "all" || card.deck === select.value;
      });
    }

    function describeProgress() {
      var inDeck = deckCards();
      var known = inDeck.filter(function (card) { return (progress[card.id] || {}).box > 0; }).length;
      return "You know " + known + " of " + inDeck.length + " cards.";
    }

    function show(card) {
      current = card;
      panel.hidden = false;
      question.textContent = card.question;
      answer.innerHTML = card.answerHtml;
      answer.hidden = true;
      marks.hidden = true;
      reveal.hidden = false;
      status.textContent = (queue.length + 1) + " cards left in this round. " + describeProgress();
      question.focus();
    }

    function next() {
      if (!queue.length) {
        current = null;
        panel.hidden = true;
        status.textContent = "Round finished. " + describeProgress() + " Start again to review.";
        start.focus();
        return;
      }
      show(queue.shift());
    }

    function startRound() {
      // Cards known least well come first; within the same level the order is random.
      var byBox = {};
      shuffle(deckCards().slice()).forEach(function (card) {
        var box = (progress[card.id] || {}).box || 0;
        (byBox[box] = byBox[box] || []).push(card);
      });
      queue = [];
      Object.keys(byBox).sort(function (a, b) { return a - b; }).forEach(function (box) {
        queue = queue.concat(byBox[box]);
      });
      next();
    }

    function mark(knewIt) {
      var record = progress[current.id] || { box: 0, seen: 0 };
      record.seen += 1;
      record.box = knewIt ? record.box + 1 : 0;
      progress[current.id] = record;
      saveProgress(progress);
      if (!knewIt) {
        queue.splice(Math.min(RETRY_GAP, queue.length), 0, current);
      }
      next();
    }

    start.addEventListener("click", startRound);
    reset.addEventListener("click", function () {
      progress = {};
      saveProgress(progress);
      queue = [];
      panel.hidden = true;
      status.textContent = "Progress reset. " + describeProgress();
    });
    reveal.addEventListener("click", function () {
      answer.hidden = false;
      marks.hidden = false;
      reveal.hidden = true;
      answer.focus();
    });
    knew.addEventListener("click", function () { mark(true); });
    notYet.addEventListener("click", function () { mark(false); });
    select.addEventListener("change", function () {
      queue = [];
      panel.hidden = true;
      status.textContent = describeProgress();
    });
    status.textContent = describeProgress();
  }

  function init() {
    var root = document.getElementById("drill");
    if (root && !root.dataset.ready) {
      root.dataset.ready = "true";
      setUp(root);
    }
  }

  // Material's instant navigation swaps pages without reloading; document$ announces each new page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
