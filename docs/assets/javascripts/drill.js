/* Drill mode for the flashcards page: sessions of cards due today, scheduled by FSRS (ts-fsrs, vendored).
   Progress is kept by each card's stable id (data-card-id) in the one revision store. The cards
   themselves work without this script. */
(function () {
  "use strict";

  var Store = window.StalinRevision;
  var Dom = window.StalinRevisionDom;
  var element = Dom && Dom.element;
  var shuffle = Dom && Dom.shuffle;
  var FSRS = window.FSRS;
  var root = document.getElementById("drill");
  if (!Store || !Dom || !FSRS || !root || root.dataset.ready) {
    return;
  }
  root.dataset.ready = "true";

  var RETRY_GAP = 3; // a card rated Again comes back in the same session after this many other cards
  var MISTAKE_DAYS = 7; // "My mistakes": cards rated Again within this many days
  var RATINGS = [
    { grade: 1, name: "Again" },
    { grade: 2, name: "Hard" },
    { grade: 3, name: "Good" },
    { grade: 4, name: "Easy" }
  ];
  // No same-day learning steps: every rating schedules the card for another day, so a card reviewed
  // today is not due again today (Again cards still come back within the session, see RETRY_GAP).
  var scheduler = FSRS.fsrs(FSRS.generatorParameters({ enable_short_term: false, enable_fuzz: true }));

  var cards = [];
  var decks = [];
  document.querySelectorAll("details.flashcard[data-card-id]").forEach(function (node) {
    var deck = node.getAttribute("data-chapter") || "";
    var heading = document.getElementById("cards-" + deck);
    if (deck && decks.every(function (d) { return d.id !== deck; })) {
      decks.push({ id: deck, title: heading ? heading.textContent.replace(/¶/g, "").trim() : deck });
    }
    cards.push({ id: node.getAttribute("data-card-id"), deck: deck, node: node,
      question: node.querySelector("summary").textContent.trim() });
  });
  if (!cards.length) {
    return;
  }

  var loaded = Store.read();
  var store = loaded.data;
  // A card removed from the guide takes its history with it; a reworded card keeps its id and history.
  var known = {};
  cards.forEach(function (card) { known[card.id] = true; });
  var pruned = Object.keys(store.cards).filter(function (id) { return !known[id]; });
  pruned.forEach(function (id) { delete store.cards[id]; });
  if (pruned.length) {
    Store.write(store);
  }

  // ---- the controls ----
  root.textContent = "";
  root.appendChild(element("h2", { id: "drill-mode" }, "Drill mode"));
  root.appendChild(Dom.problemsNote(loaded.problems));

  var controls = element("div", { class: "drill-controls" });
  function labelled(id, text, control) {
    var label = element("label", { for: id }, text + " ");
    label.appendChild(control);
    controls.appendChild(label);
    return control;
  }
  var deckSelect = element("select", { id: "drill-deck" });
  deckSelect.appendChild(element("option", { value: "all" }, "All chapters"));
  decks.forEach(function (deck) {
    deckSelect.appendChild(element("option", { value: deck.id }, deck.title));
  });
  labelled("drill-deck", "Chapter:", deckSelect);
  var modeSelect = element("select", { id: "drill-which" });
  modeSelect.appendChild(element("option", { value: "due" }, "Due today"));
  modeSelect.appendChild(element("option", { value: "mistakes" }, "My mistakes"));
  labelled("drill-which", "Cards:", modeSelect);
  var sizeSelect = element("select", { id: "drill-size" });
  [["10", "10 cards"], ["20", "20 cards"], ["all", "All"]].forEach(function (option) {
    sizeSelect.appendChild(element("option", { value: option[0] }, option[1]));
  });
  labelled("drill-size", "Session:", sizeSelect);
  var newLimit = element("input", { id: "drill-new", type: "number", min: "0", max: "999", step: "1", inputmode: "numeric" });
  newLimit.value = String(store.settings.newPerDay);
  labelled("drill-new", "New cards a day:", newLimit);
  var start = element("button", { type: "button", class: "md-button md-button--primary", "data-drill": "start" }, "Start drill");
  var reset = element("button", { type: "button", class: "md-button", "data-drill": "reset" }, "Reset progress");
  controls.appendChild(start);
  controls.appendChild(reset);
  root.appendChild(controls);

  var status = element("p", { class: "drill-status", role: "status", "aria-live": "polite" });
  root.appendChild(status);

  var panel = element("div", { class: "drill-card", hidden: "" });
  var question = element("p", { class: "drill-question", tabindex: "-1" });
  var reveal = element("button", { type: "button", class: "md-button", "data-drill": "reveal", "aria-keyshortcuts": "Space" },
    "Show answer");
  var answer = element("div", { class: "drill-answer", tabindex: "-1", hidden: "" });
  var marks = element("div", { class: "drill-marks", role: "group", "aria-label": "How well did you know it?", hidden: "" });
  var rateButtons = RATINGS.map(function (rating) {
    var button = element("button", { type: "button", class: "md-button" + (rating.grade === 3 ? " md-button--primary" : ""),
      "data-rating": String(rating.grade), "aria-keyshortcuts": String(rating.grade) });
    button.appendChild(element("span", { class: "drill-rating-name" }, rating.name));
    button.appendChild(element("span", { class: "drill-rating-when" }));
    button.addEventListener("click", function () { rate(rating.grade); });
    marks.appendChild(button);
    return button;
  });
  var hint = element("p", { class: "drill-hint" }, "Keys: Space shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy.");
  panel.appendChild(question);
  panel.appendChild(reveal);
  panel.appendChild(answer);
  panel.appendChild(marks);
  panel.appendChild(hint);
  root.appendChild(panel);
  root.hidden = false;

  // ---- state ----
  var queue = [];
  var current = null;
  var done = 0;

  function inDeck() {
    return cards.filter(function (card) { return deckSelect.value === "all" || card.deck === deckSelect.value; });
  }

  function newLeftToday() {
    var used = store.newCards.day === Store.localDay() ? store.newCards.count : 0;
    return Math.max(0, store.settings.newPerDay - used);
  }

  function isMistake(record, now) {
    return record && record.again_at && now - new Date(record.again_at) <= MISTAKE_DAYS * 864e5;
  }

  function describe() {
    var now = new Date();
    var deckCards = inDeck();
    var due = 0;
    var fresh = 0;
    var seen = 0;
    var mistakes = 0;
    deckCards.forEach(function (card) {
      var record = store.cards[card.id];
      var state = Store.cardStatus(record, now);
      if (record) {
        seen += 1;
      }
      if (state === "due") {
        due += 1;
      } else if (state === "new") {
        fresh += 1;
      }
      if (isMistake(record, now)) {
        mistakes += 1;
      }
    });
    return "Due today: " + due + " cards, plus " + Math.min(fresh, newLeftToday()) + " new. Seen " + seen + " of " +
      deckCards.length + " cards; " + mistakes + " recent mistakes.";
  }

  function setStatus(prefix) {
    status.textContent = (prefix ? prefix + " " : "") + describe();
  }

  function buildQueue() {
    var now = new Date();
    var deckCards = inDeck();
    var chosen;
    if (modeSelect.value === "mistakes") {
      chosen = shuffle(deckCards.filter(function (card) { return isMistake(store.cards[card.id], now); }));
    } else {
      var due = deckCards.filter(function (card) { return Store.cardStatus(store.cards[card.id], now) === "due"; });
      // Most overdue first, so a short session still does the most urgent reviews (each date read once).
      var dueAt = {};
      due.forEach(function (card) { dueAt[card.id] = Date.parse(store.cards[card.id].due); });
      due.sort(function (a, b) { return dueAt[a.id] - dueAt[b.id]; });
      var fresh = shuffle(deckCards.filter(function (card) { return !store.cards[card.id]; })).slice(0, newLeftToday());
      chosen = due.concat(fresh);
    }
    return sizeSelect.value === "all" ? chosen : chosen.slice(0, Number(sizeSelect.value));
  }

  function interval(days) {
    if (days < 1) {
      return "today";
    }
    if (days < 31) {
      return Math.round(days) + (Math.round(days) === 1 ? " day" : " days");
    }
    var months = Math.round(days / 30);
    return months < 12 ? months + (months === 1 ? " month" : " months") : Math.round(days / 365) + " yr";
  }

  function fsrsCard(record) {
    if (!record) {
      return FSRS.createEmptyCard(new Date());
    }
    return { due: new Date(record.due), stability: record.stability, difficulty: record.difficulty,
      elapsed_days: record.elapsed_days, scheduled_days: record.scheduled_days, learning_steps: record.learning_steps,
      reps: record.reps, lapses: record.lapses, state: record.state,
      last_review: record.last_review ? new Date(record.last_review) : undefined };
  }

  function show(card) {
    current = card;
    panel.hidden = false;
    panel.setAttribute("data-card-id", card.id); // a stable hook for tests and tools
    question.textContent = card.question;
    answer.textContent = "";
    // The answer is the card's own rendered block (built from escaped data), copied node by node.
    Array.prototype.forEach.call(card.node.childNodes, function (child) {
      if (child.nodeName !== "SUMMARY") {
        answer.appendChild(child.cloneNode(true));
      }
    });
    answer.hidden = true;
    marks.hidden = true;
    reveal.hidden = false;
    status.textContent = "Card " + (done + 1) + " of " + (done + queue.length + 1) + ". " + card.question;
    question.focus();
    // The rating buttons stay hidden until the answer is shown, so their "see it again in" times (four
    // FSRS previews, the costliest part of showing a card) are worked out once the card is on screen.
    unlabelled = card;
    Dom.afterPaint(function () { labelRatings(card); });
  }

  var unlabelled = null; // the card whose rating buttons still show the previous card's times

  function labelRatings(card) {
    if (unlabelled !== card) {
      return; // already done, or the session moved on
    }
    unlabelled = null;
    var now = new Date();
    var options = scheduler.repeat(fsrsCard(store.cards[card.id]), now);
    rateButtons.forEach(function (button, index) {
      var days = (options[RATINGS[index].grade].card.due - now) / 864e5;
      button.lastChild.textContent = " (" + interval(days) + ")";
      button.setAttribute("aria-label", RATINGS[index].name + ": see it again in " + interval(days));
    });
  }

  function next() {
    if (!queue.length) {
      current = null;
      panel.hidden = true;
      setStatus(done ? "Session finished: " + done + " reviews." : "Nothing to review here right now.");
      start.focus();
      return;
    }
    show(queue.shift());
  }

  function showAnswer() {
    if (!current || reveal.hidden) {
      return;
    }
    labelRatings(current); // at once if the answer was asked for before the times were worked out
    answer.hidden = false;
    marks.hidden = false;
    reveal.hidden = true;
    status.textContent = "Answer shown. Rate it: 1 Again, 2 Hard, 3 Good, 4 Easy.";
    answer.focus();
  }

  function rate(grade) {
    if (!current || marks.hidden) {
      return;
    }
    var now = new Date();
    var record = store.cards[current.id];
    if (!record) {
      var today = Store.localDay(now);
      store.newCards = { day: today, count: (store.newCards.day === today ? store.newCards.count : 0) + 1 };
    }
    var result = scheduler.next(fsrsCard(record), now, grade).card;
    store.cards[current.id] = {
      due: result.due.toISOString(), stability: result.stability, difficulty: result.difficulty,
      elapsed_days: result.elapsed_days, scheduled_days: result.scheduled_days, learning_steps: result.learning_steps,
      reps: result.reps, lapses: result.lapses, state: result.state,
      last_review: now.toISOString(), last_rating: grade,
      again_at: grade === 1 ? now.toISOString() : (record && record.again_at) || null
    };
    Store.write(store);
    done += 1;
    if (grade === 1) {
      queue.splice(Math.min(RETRY_GAP, queue.length), 0, current);
    }
    next();
  }

  start.addEventListener("click", function () {
    queue = buildQueue();
    done = 0;
    next();
  });
  reset.addEventListener("click", function () {
    var deck = deckSelect.value;
    var title = deck === "all" ? "every chapter" : deckSelect.options[deckSelect.selectedIndex].text;
    if (!window.confirm("Reset your flashcard progress for " + title + "? This cannot be undone.")) {
      setStatus("Nothing was reset.");
      return;
    }
    inDeck().forEach(function (card) { delete store.cards[card.id]; });
    Store.write(store);
    queue = [];
    current = null;
    panel.hidden = true;
    setStatus("Progress reset for " + title + ".");
  });
  reveal.addEventListener("click", showAnswer);
  newLimit.addEventListener("change", function () {
    var value = Math.floor(Number(newLimit.value));
    if (isFinite(value) && value >= 0 && value <= 999) {
      store.settings.newPerDay = value;
      Store.write(store);
    }
    newLimit.value = String(store.settings.newPerDay);
    setStatus();
  });
  [deckSelect, modeSelect].forEach(function (select) {
    select.addEventListener("change", function () {
      queue = [];
      current = null;
      panel.hidden = true;
      setStatus();
    });
  });
  // Space reveals and 1-4 rate while a card is showing, unless the focus is in a form control
  // (where those keys already mean something) or a modifier key is held.
  document.addEventListener("keydown", function (event) {
    if (!current || !document.body.contains(root) || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      return;
    }
    if (event.key === " " && !reveal.hidden && tag !== "BUTTON" && tag !== "A") {
      event.preventDefault();
      showAnswer();
    } else if (/^[1-4]$/.test(event.key) && !marks.hidden) {
      event.preventDefault();
      rate(Number(event.key));
    }
  });
  setStatus();
})();
