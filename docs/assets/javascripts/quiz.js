/* The Quick quiz: turns each question's listed choices into buttons (or drop-downs for order and match),
   marks the answer at once with why and a link, and runs a "quiz of 10" that mixes chapters and leans
   towards cards the student found hard. Without this script each question shows its answer on request. */
(function () {
  "use strict";

  var Store = window.StalinRevision;
  var Dom = window.StalinRevisionDom;
  var element = Dom && Dom.element;
  var shuffle = Dom && Dom.shuffle;
  var root = document.getElementById("quiz");
  if (!Store || !Dom || !root || root.dataset.ready) {
    return;
  }
  root.dataset.ready = "true";
  var QUIZ_SIZE = 10;
  var SHOWN_AT_ONCE = 2; // questions of a new quiz drawn in the same frame as the tap (see "start" below)
  var ORDINALS = ["1st", "2nd", "3rd"];

  var loaded = Store.read();
  var questions = Array.prototype.slice.call(document.querySelectorAll(".quiz-question[data-question-id]"));
  var round = null; // {questions, answered, right} while a quiz of 10 runs
  var dropDowns = {}; // the drop-downs of each order or match question, by question id (see putAwayDropDowns)

  // ---- the panel: start a quiz of 10, show all, the score ----
  root.textContent = "";
  root.appendChild(Dom.problemsNote(loaded.problems));
  var controls = element("div", { class: "drill-controls" });
  var start = element("button", { type: "button", class: "md-button md-button--primary", "data-quiz": "start" }, "Start a quiz of 10");
  var showAll = element("button", { type: "button", class: "md-button", "data-quiz": "all", hidden: "" }, "Show all questions");
  controls.appendChild(start);
  controls.appendChild(showAll);
  root.appendChild(controls);
  var status = element("p", { class: "quiz-status", role: "status", "aria-live": "polite" },
    questions.length + " questions. Pick an answer to check it.");
  root.appendChild(status);
  root.hidden = false;
  var roundBox = element("div", { class: "quiz-round" });
  root.parentNode.insertBefore(roundBox, root.nextSibling);

  function feedback(question, right, message) {
    var box = question.querySelector(".quiz-feedback");
    box.textContent = "";
    box.className = "quiz-feedback " + (right ? "quiz-right" : "quiz-wrong");
    box.appendChild(element("strong", {}, right ? "Right. " : "Not quite. "));
    box.appendChild(document.createTextNode(message));
    box.hidden = false;
    var details = question.querySelector("details.quiz-answer");
    details.open = true; // the answer, why, and the link to the section
    question.setAttribute("data-result", right ? "right" : "wrong");
    if (round && round.questions.indexOf(question) >= 0 && !question.dataset.counted) {
      question.dataset.counted = "true";
      round.answered += 1;
      round.right += right ? 1 : 0;
      if (round.answered === round.questions.length) {
        finishRound();
      } else {
        status.textContent = (right ? "Right. " : "Not quite. ") + round.answered + " of " + round.questions.length + " answered.";
      }
    } else {
      status.textContent = (right ? "Right. " : "Not quite. ") + message;
    }
  }

  function choiceText(question, index) {
    return question.querySelector('.quiz-choices li[data-choice="' + index + '"]').textContent;
  }

  function setUpChoices(question) {
    var answer = question.getAttribute("data-answer").split(" ").map(Number);
    var kind = question.getAttribute("data-kind");
    var list = question.querySelector(".quiz-choices");
    var promptId = question.querySelector(".quiz-prompt").id;
    var feedbackBox = element("p", { class: "quiz-feedback", tabindex: "-1", hidden: "" });
    var count = list.children.length;
    if (kind === "order" || kind === "match") {
      // One drop-down per item: its place in the order, or the post of each person.
      var form = element("div", { class: "quiz-selects", role: "group", "aria-labelledby": promptId });
      var selects = [];
      var items = kind === "order"
        ? Array.prototype.map.call(list.children, function (li) { return li.textContent; })
        : Array.prototype.map.call(question.querySelectorAll(".quiz-people li"), function (li) { return li.textContent; });
      items.forEach(function (text, index) {
        var id = promptId + "-" + index;
        var label = element("label", { for: id }, text + " ");
        var select = element("select", { id: id });
        select.appendChild(element("option", { value: "" }, kind === "order" ? "Place…" : "Post…"));
        for (var i = 0; i < count; i += 1) {
          select.appendChild(element("option", { value: String(i) },
            kind === "order" ? ORDINALS[i] || (i + 1) + "th" : String.fromCharCode(65 + i) + ". " + choiceText(question, i)));
        }
        label.appendChild(select);
        form.appendChild(label);
        selects.push(select);
      });
      var check = element("button", { type: "button", class: "md-button md-button--primary", "data-quiz": "check" },
        kind === "order" ? "Check the order" : "Check the matches");
      check.addEventListener("click", function () {
        if (selects.some(function (select) { return select.value === ""; })) {
          status.textContent = "Choose an answer for every line first.";
          return;
        }
        var wrong = 0;
        selects.forEach(function (select, index) {
          var ok = Number(select.value) === answer[index];
          wrong += ok ? 0 : 1;
          select.setAttribute("aria-invalid", ok ? "false" : "true");
        });
        feedback(question, wrong === 0, wrong === 0 ? "All " + count + " correct." : wrong + " of " + count + " not right: see the answer below.");
      });
      form.appendChild(check);
      dropDowns[question.getAttribute("data-question-id")] = form;
      list.parentNode.insertBefore(form, list.nextSibling);
      if (kind === "order") {
        list.hidden = true; // the drop-downs name every event
      }
      form.parentNode.insertBefore(feedbackBox, form.nextSibling);
      return;
    }
    var group = element("div", { class: "quiz-options", role: "group", "aria-labelledby": promptId });
    Array.prototype.forEach.call(list.children, function (li, index) {
      var button = element("button", { type: "button", class: "md-button quiz-option", "data-choice": String(index) },
        String.fromCharCode(65 + index) + ". " + li.textContent);
      button.addEventListener("click", function () {
        group.querySelectorAll("button").forEach(function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
          other.classList.toggle("quiz-chosen-right", other === button && index === answer[0]);
          other.classList.toggle("quiz-chosen-wrong", other === button && index !== answer[0]);
        });
        // After a wrong choice the right option is marked too, where the reader is already looking.
        group.querySelectorAll("button").forEach(function (other, otherIndex) {
          other.classList.toggle("quiz-the-answer", index !== answer[0] && otherIndex === answer[0]);
        });
        var right = index === answer[0];
        feedback(question, right, right ? "It is " + li.textContent + "." : "The answer is " + choiceText(question, answer[0]) + ".");
        feedbackBox.focus(); // the verdict is read out next, and the "why" follows it
      });
      group.appendChild(button);
    });
    list.hidden = true;
    list.parentNode.insertBefore(group, list.nextSibling);
    group.parentNode.insertBefore(feedbackBox, group.nextSibling);
  }

  questions.forEach(setUpChoices);

  // ---- a quiz of 10: weak cards first, chapters taken in turn ----
  // Each question's card and chapter, read from the page once rather than at every tap.
  var facts = questions.map(function (q) {
    return { question: q, card: q.getAttribute("data-card-id"), chapter: q.getAttribute("data-chapter") };
  });

  function weight(fact, store) {
    var record = fact.card ? store.cards[fact.card] : null;
    if (record && Store.isWeak(record)) {
      return 0; // found hard in the drill
    }
    return record ? 2 : 1; // unseen before well known
  }

  function pickRound() {
    var store = Store.read().data;
    var byChapter = {};
    // Each question weighed once; the sort is stable, so questions of equal weight keep the shuffled order.
    var weighed = shuffle(facts.map(function (fact) { return { fact: fact, weight: weight(fact, store) }; }));
    weighed.sort(function (a, b) { return a.weight - b.weight; }).forEach(function (item) {
      (byChapter[item.fact.chapter] = byChapter[item.fact.chapter] || []).push(item.fact.question);
    });
    var chapters = shuffle(Object.keys(byChapter));
    var picked = [];
    while (picked.length < QUIZ_SIZE && chapters.some(function (c) { return byChapter[c].length; })) {
      chapters.forEach(function (chapter) {
        if (picked.length < QUIZ_SIZE && byChapter[chapter].length) {
          picked.push(byChapter[chapter].shift());
        }
      });
    }
    return { questions: picked, chapters: chapters.length };
  }

  function reset(question) {
    question.removeAttribute("data-result");
    delete question.dataset.counted;
    var box = question.querySelector(".quiz-feedback");
    box.hidden = true;
    box.textContent = "";
    question.querySelector("details.quiz-answer").open = false;
    question.querySelectorAll("button.quiz-option").forEach(function (button) {
      button.removeAttribute("aria-pressed");
      button.classList.remove("quiz-chosen-right", "quiz-chosen-wrong");
    });
    var form = dropDowns[question.getAttribute("data-question-id")];
    (form ? form.querySelectorAll("select") : []).forEach(function (select) {
      select.value = "";
      select.removeAttribute("aria-invalid");
    });
  }

  function finishRound() {
    var store = Store.read().data;
    store.quizzes.push({ at: new Date().toISOString(), score: round.right, total: round.questions.length });
    store.quizzes = store.quizzes.slice(-20);
    Store.write(store);
    status.textContent = "Quiz finished: " + round.right + " out of " + round.questions.length + ". Saved on My revision.";
    round = null;
  }

  // When a form field takes focus, Chrome looks at every form field on the page, and one inside set-aside
  // questions makes it lay all of them out again: a third of a second on a slow phone, at the first tap on
  // a drop-down in a quiz. So the drop-downs of the questions not in the quiz leave the page until their
  // question is drawn into one.
  function putAwayDropDowns() {
    Object.keys(dropDowns).forEach(function (id) {
      var form = dropDowns[id];
      if (form.parentNode && !form.parentNode.classList.contains("quiz-picked")) {
        form.parentNode.removeChild(form);
      }
    });
  }

  function bringBackDropDowns(question) {
    var form = dropDowns[question.getAttribute("data-question-id")];
    if (form && !form.parentNode) {
      var feedbackBox = question.querySelector(".quiz-feedback");
      feedbackBox.parentNode.insertBefore(form, feedbackBox);
    }
  }

  var touched = []; // questions answered or picked so far: only these need resetting

  start.addEventListener("click", function () {
    var drawn = pickRound();
    var picked = drawn.questions;
    touched.concat(questions.filter(function (q) { return q.hasAttribute("data-result"); })).forEach(reset);
    touched = picked.slice();
    // One class on the container of every question sets them aside (see .quiz-set-aside in extra.css): far
    // cheaper on a phone than hiding each of them, or hiding the container, which tears down their layout.
    var all = document.querySelector(".quiz-all");
    if (all) {
      all.classList.add("quiz-set-aside");
    }
    roundBox.querySelectorAll(".quiz-question").forEach(function (question) {
      question.classList.remove("quiz-picked");
    });
    function place(question, index) {
      question.classList.add("quiz-picked");
      question.querySelector(".quiz-prompt").setAttribute("data-number", String(index + 1));
      bringBackDropDowns(question);
      roundBox.appendChild(question); // together under the panel, in quiz order
    }
    // The first questions fill the screen; the rest, below them, follow once that is painted, so that
    // the tap is answered quickly on a slow phone (each moved question is styled and laid out afresh).
    var thisRound = { questions: picked, answered: 0, right: 0 };
    round = thisRound;
    picked.slice(0, SHOWN_AT_ONCE).forEach(place);
    Dom.afterPaint(function () {
      if (round === thisRound) {
        picked.slice(SHOWN_AT_ONCE).forEach(function (question, index) { place(question, index + SHOWN_AT_ONCE); });
        putAwayDropDowns();
      }
    });
    showAll.hidden = false;
    start.textContent = "New quiz of 10";
    status.textContent = "Quiz of 10 started: questions from " + Math.min(drawn.chapters, picked.length) + " chapters.";
    // Focus goes to the first question itself, which a screen reader then reads; Tab reaches its answers.
    // (Not to its first answer: focusing a drop-down there would make the browser lay out the questions
    // set aside, see putAwayDropDowns.)
    var first = picked[0] && picked[0].querySelector(".quiz-prompt");
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.focus();
    }
  });
  showAll.addEventListener("click", function () {
    window.location.reload(); // the page's own order, every question, nothing answered
  });
})();
