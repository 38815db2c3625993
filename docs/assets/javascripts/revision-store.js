/* The one local store for revision progress: flashcard scheduling, quiz scores, sections marked revised
   and self-ratings. Everything read from localStorage or from an imported file is validated; anything
   corrupt or foreign is reported and ignored, never trusted. The key and format are documented in
   data/README.md ("Revision progress on the device"). */
(function () {
  "use strict";

  var KEY = "stalin-guide:revision";
  var VERSION = 2;
  var OLD_DRILL_KEY = "stalin-guide:drill:v1"; // version 1: the first drill's boxes, keyed by question text
  var FORMAT = "stalin-guide-revision"; // marks an exported file as ours
  var ID = /^[a-z0-9][a-z0-9-]{0,120}$/;
  var SECTION = /^[a-z0-9][a-z0-9-]{0,120}#[a-z0-9][a-z0-9-]{0,160}$/;
  var DAY = /^\d{4}-\d{2}-\d{2}$/;
  var RAG = ["red", "amber", "green"];
  var MAX_QUIZZES = 20;

  function empty() {
    return { version: VERSION, cards: {}, newCards: { day: "", count: 0 }, settings: { newPerDay: 20 },
      quizzes: [], revised: {}, rag: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isCount(value) {
    return typeof value === "number" && isFinite(value) && value >= 0 && Math.floor(value) === value;
  }

  function isNumber(value) {
    return typeof value === "number" && isFinite(value) && value >= 0;
  }

  function isTime(value) {
    return typeof value === "string" && value.length <= 40 && !isNaN(Date.parse(value));
  }

  // A card's FSRS state as stored: dates as ISO strings, numbers checked one by one.
  function cleanCard(record) {
    if (!isObject(record) || !isTime(record.due)) {
      return null;
    }
    var numbers = ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses"];
    var card = { due: record.due };
    for (var i = 0; i < numbers.length; i += 1) {
      var value = record[numbers[i]] === undefined ? 0 : record[numbers[i]];
      if (!isNumber(value)) {
        return null;
      }
      card[numbers[i]] = value;
    }
    if ([0, 1, 2, 3].indexOf(record.state) < 0) {
      return null;
    }
    card.state = record.state;
    card.last_review = isTime(record.last_review) ? record.last_review : null;
    card.last_rating = [1, 2, 3, 4].indexOf(record.last_rating) >= 0 ? record.last_rating : 0;
    card.again_at = isTime(record.again_at) ? record.again_at : null;
    return card;
  }

  // Keep what is valid, count what is not: a bad entry never spoils the rest.
  function clean(raw, problems) {
    var data = empty();
    if (isObject(raw.cards)) {
      Object.keys(raw.cards).forEach(function (id) {
        var card = ID.test(id) ? cleanCard(raw.cards[id]) : null;
        if (card) {
          data.cards[id] = card;
        } else {
          problems.push("a flashcard record (" + id.slice(0, 40) + ") was not valid and was ignored");
        }
      });
    }
    if (isObject(raw.newCards) && DAY.test(raw.newCards.day) && isCount(raw.newCards.count)) {
      data.newCards = { day: raw.newCards.day, count: raw.newCards.count };
    }
    if (isObject(raw.settings) && isCount(raw.settings.newPerDay) && raw.settings.newPerDay <= 9999) {
      data.settings.newPerDay = raw.settings.newPerDay;
    }
    if (Array.isArray(raw.quizzes)) {
      raw.quizzes.forEach(function (quiz) {
        if (isObject(quiz) && isTime(quiz.at) && isCount(quiz.score) && isCount(quiz.total) && quiz.score <= quiz.total) {
          data.quizzes.push({ at: quiz.at, score: quiz.score, total: quiz.total });
        }
      });
      data.quizzes = data.quizzes.slice(-MAX_QUIZZES);
    }
    if (isObject(raw.revised)) {
      Object.keys(raw.revised).forEach(function (section) {
        if (SECTION.test(section) && isTime(raw.revised[section])) {
          data.revised[section] = raw.revised[section];
        }
      });
    }
    if (isObject(raw.rag)) {
      Object.keys(raw.rag).forEach(function (chapter) {
        if (ID.test(chapter) && RAG.indexOf(raw.rag[chapter]) >= 0) {
          data.rag[chapter] = raw.rag[chapter];
        }
      });
    }
    return data;
  }

  // Migrations from each older version to the next; the data passed in has already been parsed.
  var MIGRATIONS = {
    // Version 1 kept Leitner boxes under another key, by a hash of the question's wording, which cannot
    // be matched to the cards' stable ids: the boxes are dropped and the drill starts afresh.
    1: function () {
      return { version: 2 };
    }
  };

  // Parse and check stored or imported text. Returns {data, problems}; data is null if nothing was usable.
  function parse(text, source) {
    var raw;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { data: null, problems: [source + " is not valid JSON, so it was ignored."] };
    }
    if (isObject(raw) && raw.format === FORMAT && isObject(raw.progress)) {
      raw = raw.progress; // an exported file wraps the store
    }
    if (!isObject(raw) || !isCount(raw.version) || raw.version < 1) {
      return { data: null, problems: [source + " does not hold this guide's revision progress, so it was ignored."] };
    }
    if (raw.version > VERSION) {
      return { data: null, problems: [source + " was made by a newer version of the guide (format " + raw.version +
        "), so it was ignored."] };
    }
    var problems = [];
    while (raw.version < VERSION) {
      raw = MIGRATIONS[raw.version](raw);
    }
    var data = clean(raw, problems);
    return { data: data, problems: problems.length ? [source + ": " + problems.length + " damaged entr" +
      (problems.length === 1 ? "y was" : "ies were") + " ignored."] : [] };
  }

  function read() {
    var text = null;
    var problems = [];
    try {
      text = window.localStorage.getItem(KEY);
      if (text === null && window.localStorage.getItem(OLD_DRILL_KEY) !== null) {
        window.localStorage.removeItem(OLD_DRILL_KEY);
        var migrated = clean(MIGRATIONS[1]({ version: 1 }), problems);
        problems.push("Progress from the old drill (kept by question wording) could not be matched to the cards and was reset.");
        return { data: migrated, problems: problems };
      }
    } catch (error) {
      return { data: empty(), problems: ["This browser does not let the guide keep progress, so nothing will be saved."] };
    }
    if (text === null) {
      return { data: empty(), problems: [] };
    }
    var result = parse(text, "The progress saved in this browser");
    return { data: result.data || empty(), problems: result.problems };
  }

  function write(data) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(data));
      return true;
    } catch (error) {
      return false; // storage full or disabled: the page keeps working for this visit
    }
  }

  function localDay(date) {
    var d = date || new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function endOfToday(now) {
    var end = new Date(now || new Date());
    end.setHours(23, 59, 59, 999);
    return end;
  }

  // The summary of one card's progress shared by the drill, the quiz and the My revision page.
  function cardStatus(record, now) {
    if (!record) {
      return "new";
    }
    if (new Date(record.due) <= endOfToday(now)) {
      return "due";
    }
    // Mastered: the scheduler trusts the memory for three weeks or more.
    return record.state === 2 && record.scheduled_days >= 21 ? "mastered" : "learning";
  }

  function isWeak(record) {
    return !record || record.last_rating === 1 || record.last_rating === 2 || record.lapses > 0;
  }

  function exportText(data) {
    return JSON.stringify({ format: FORMAT, exported: new Date().toISOString(), progress: data }, null, 2);
  }

  function announce(node, problems) {
    if (node && problems.length) {
      node.textContent = problems.join(" ");
      node.hidden = false;
    }
  }

  window.StalinRevision = {
    KEY: KEY,
    VERSION: VERSION,
    empty: empty,
    read: read,
    write: write,
    parse: parse,
    exportText: exportText,
    localDay: localDay,
    endOfToday: endOfToday,
    cardStatus: cardStatus,
    isWeak: isWeak,
    announce: announce,
    RAG: RAG
  };
})();
