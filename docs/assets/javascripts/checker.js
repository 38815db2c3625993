/* Check your notes: the one implementation of the matching. The "Check your notes" page runs it in the
   browser on rules the build writes (assets/checker-rules.json); scripts/check_notes.py runs the very
   same file under Node for teachers, and the tests run it both ways. Nothing is sent anywhere.
   Precise before clever: where the checker cannot tell, it says nothing. */
(function (root) {
  "use strict";

  var MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"];
  var ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth"];
  // A claim next to one of these is being denied, not made: "not in 1926", "never exiled to Mexico".
  var NEGATIONS = ["not", "never", "no", "none", "nor", "neither", "rather", "instead", "unlike"];
  // A sentence with one of these reports a claim in order to correct it: "the myth that...".
  var REPORTING = ["myth*", "misconception*", "wrongly", "mistaken*", "incorrect*", "falsely", "untrue", "contrary",
    "claim*", "allegedly", "supposedly", "legend", "misconceived", "erroneous*", "says", "say", "saying", "calling",
    "treating", "correct", "statement", "stories", "story", "call", "calls"];
  // An event named after one of these is a point in time for something else: "after Kirov's murder".
  var REFERENCE_POINTS = ["since", "after", "before", "until", "till", "following", "upon", "from", "for"];
  var AUXILIARIES = ["was", "were", "been", "being", "is", "are", "got", "get"];
  // Inside quotation marks, a claim next to one of these is quoted to be corrected.
  var CONTRASTS = ["but", "however", "actually", "fact", "rather", "instead", "correct*", "wrong*", "really"];
  // A date after one of these is not the date of the event: "by 1940 Trotsky was dead".
  var VAGUE = ["by", "before", "after", "until", "till", "since", "around", "about", "circa", "early", "late",
    "mid", "end", "beginning", "start", "from", "following", "within", "throughout"];
  var NEAR = 6; // a person and the verb of an event must be at most this many words apart
  var DATE_NEAR = 10; // and the date at most this many words from the verb
  var ORDINAL_NEAR = 5; // or from the ordinal of a congress
  var WORD = /[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019][A-Za-z\u00C0-\u024F]+)*/g;

  // ---------------------------------------------------------------------------------------- words

  function tokenize(text) {
    var tokens = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var raw = match[0];
      var word = raw.replace(/\u2019/g, "'").toLowerCase();
      var possessive = /'s$/.test(word);
      tokens.push({
        raw: raw,
        w: possessive ? word.slice(0, -2) : word,
        possessive: possessive,
        start: match.index,
        end: match.index + raw.length
      });
    }
    return tokens;
  }

  // A phrase of the data ("heart attack*", "Alma-Ata") as the words it must match, * meaning any ending.
  function phraseWords(phrase) {
    var words = [];
    phrase.split(/\s+/).forEach(function (part) {
      var star = /\*$/.test(part);
      var parts = tokenize(part.replace(/\*$/, ""));
      parts.forEach(function (token, index) {
        words.push({ w: token.w, star: star && index === parts.length - 1 });
      });
    });
    return words;
  }

  var phraseCache = {};
  function cachedPhrase(phrase) {
    if (!Object.prototype.hasOwnProperty.call(phraseCache, phrase)) {
      phraseCache[phrase] = phraseWords(phrase);
    }
    return phraseCache[phrase];
  }

  function wordMatches(token, word) {
    return word.star ? token.w.indexOf(word.w) === 0 : token.w === word.w;
  }

  // Every place where ``phrase`` occurs: a list of [first, last] token indices.
  function find(tokens, phrase) {
    var words = cachedPhrase(phrase);
    var found = [];
    if (!words.length) {
      return found;
    }
    for (var i = 0; i + words.length <= tokens.length; i += 1) {
      var ok = true;
      for (var j = 0; j < words.length && ok; j += 1) {
        ok = wordMatches(tokens[i + j], words[j]);
      }
      if (ok) {
        found.push([i, i + words.length - 1]);
      }
    }
    return found;
  }

  function findAny(tokens, phrases) {
    var found = [];
    phrases.forEach(function (phrase) {
      found = found.concat(find(tokens, phrase));
    });
    return found;
  }

  function isOneOf(token, list) {
    return list.some(function (entry) {
      return /\*$/.test(entry) ? token.w.indexOf(entry.slice(0, -1)) === 0 : token.w === entry;
    });
  }

  function isNegation(token) {
    return isOneOf(token, NEGATIONS) || /n't$/.test(token.w);
  }

  // True when a negation not itself part of the claim stands up to three words before index ``at``.
  function negatedBefore(tokens, at, used) {
    for (var i = Math.max(0, at - 3); i < at; i += 1) {
      if (!used[i] && isNegation(tokens[i])) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------ sentences

  // Lines of a wrapped paragraph are joined; a blank line, a list item or a short heading-like line
  // ends a block. Each block is split into sentences at a full stop, question or exclamation mark
  // followed by a space and a capital letter, a digit or a quotation mark. Offsets are kept.
  var ITEM = /^\s*(?:[\u2022*\u2013\u2014-]|\d+(?:\.\d+)*[.)]?\s)/;

  function blocks(text) {
    var found = [];
    var offset = 0;
    var current = null;
    var last = "";
    text.split("\n").forEach(function (line) {
      var trimmed = line.replace(/\s+$/, "");
      // A line ending in a full stop or a dash, or a short one (a heading), ends its block.
      var joins = current && trimmed && !ITEM.test(line) && !/[.!?:;\u2013\u2014-]["\u201d\u2019')]*\s*$/.test(last) &&
        (last.trim().length >= 60 || /^\s*[a-z]/.test(line));
      last = line;
      if (joins) {
        current.text += " " + line.replace(/^\s+/, "");
        current.map.push([current.text.length - line.replace(/^\s+/, "").length, offset + line.length - line.replace(/^\s+/, "").length]);
      } else {
        if (current) {
          found.push(current);
        }
        current = trimmed ? { text: line, map: [[0, offset]] } : null;
      }
      offset += line.length + 1;
    });
    if (current) {
      found.push(current);
    }
    return found;
  }

  // The offset in the whole text of position ``at`` in a block.
  function original(block, at) {
    var base = block.map[0];
    block.map.forEach(function (pair) {
      if (pair[0] <= at) {
        base = pair;
      }
    });
    return base[1] + (at - base[0]);
  }

  function splitSentences(text) {
    var sentences = [];
    blocks(text).forEach(function (block) {
      var line = block.text;
      var boundary = /[.!?]["\u201d\u2019')]*\s+(?=["\u201c\u2018'(]?[A-Z0-9\u00C0-\u00DE])/g;
      var start = 0;
      var match;
      var pieces = [];
      while ((match = boundary.exec(line)) !== null) {
        pieces.push([start, match.index + match[0].length]);
        start = match.index + match[0].length;
      }
      pieces.push([start, line.length]);
      pieces.forEach(function (piece) {
        var raw = line.slice(piece[0], piece[1]);
        var lead = raw.match(/^[\s\u2022*\u2013\u2014-]*/)[0].length;
        var body = raw.slice(lead).replace(/\s+$/, "");
        if (/[A-Za-z]/.test(body)) {
          var begin = original(block, piece[0] + lead);
          sentences.push({ text: body, start: begin, end: original(block, piece[0] + lead + body.length) });
        }
      });
    });
    return sentences;
  }

  // Which clause each token is in: clauses end at ; : [ ] and at dashes between spaces. Brackets do
  // not end one: "the 14th Congress (December 1925)" dates the congress.
  function clauses(tokens, text) {
    var clause = 0;
    return tokens.map(function (token, index) {
      if (index > 0 && /[;:[\]\u2014]|\s[-\u2013]\s/.test(text.slice(tokens[index - 1].end, token.start))) {
        clause += 1;
      }
      return clause;
    });
  }

  // Character ranges inside quotation marks (straight or curly double quotes, and curly single quotes
  // that open after a space: a plain apostrophe is not a quotation mark).
  function quotedRanges(text) {
    var ranges = [];
    var pattern = /"[^"]*"|\u201c[^\u201d]*\u201d|(?:^|\s)[\u2018'][^\u2019']+[\u2019'](?=[\s.,;:!?)]|$)/g;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      ranges.push([match.index, match.index + match[0].length]);
    }
    return ranges;
  }

  // -------------------------------------------------------------------------------- misconceptions

  function matchPattern(tokens, pattern) {
    var spans = [];
    for (var i = 0; i < pattern.length; i += 1) {
      var found = findAny(tokens, pattern[i]);
      if (!found.length) {
        return null;
      }
      spans.push(found);
    }
    return spans;
  }

  function checkMisconceptions(rules, tokens, sentence) {
    var flags = [];
    var quotes = quotedRanges(sentence.text);
    rules.misconceptions.forEach(function (item) {
      if (item.unless.some(function (phrase) { return find(tokens, phrase).length; })) {
        return;
      }
      for (var p = 0; p < item.patterns.length; p += 1) {
        var spans = matchPattern(tokens, item.patterns[p]);
        if (!spans) {
          continue;
        }
        var used = {};
        spans.forEach(function (found) {
          found.forEach(function (span) {
            for (var k = span[0]; k <= span[1]; k += 1) {
              used[k] = true;
            }
          });
        });
        var others = tokens.filter(function (token, index) { return !used[index]; });
        if (others.some(function (token) { return isOneOf(token, REPORTING); })) {
          continue;
        }
        // Denied if every place an item occurs is negated: "not in 1926".
        var denied = spans.some(function (found) {
          return found.every(function (span) { return negatedBefore(tokens, span[0], used); });
        });
        var quoted = spans.some(function (found) {
          return found.every(function (span) {
            return quotes.some(function (range) {
              return tokens[span[0]].start >= range[0] && tokens[span[1]].end <= range[1];
            });
          });
        });
        if (denied || (quoted && others.some(function (token) { return isOneOf(token, CONTRASTS); }))) {
          continue;
        }
        flags.push({
          kind: "misconception",
          ref: item.id,
          claim: item.claim,
          message: item.correction,
          section: item.section
        });
        return;
      }
    });
    return flags;
  }

  // ---------------------------------------------------------------------------------------- dates

  function yearOf(token) {
    if (!/^\d{4}$/.test(token.w)) {
      return null;
    }
    var year = parseInt(token.w, 10);
    return year >= 1900 && year < 1960 ? year : null;
  }

  function findDates(tokens, text) {
    var dates = [];
    for (var i = 0; i < tokens.length; i += 1) {
      var year = yearOf(tokens[i]);
      if (year === null) {
        continue;
      }
      var date = { first: i, at: i, year: year, month: null, day: null, text: tokens[i].raw };
      var month = i > 0 ? MONTHS.indexOf(tokens[i - 1].w) : -1;
      if (month >= 0) {
        date.first = i - 1;
        date.month = month + 1;
        var day = i > 1 && /^\d{1,2}$/.test(tokens[i - 2].w) ? parseInt(tokens[i - 2].w, 10) : null;
        if (day && day <= 31) {
          date.first = i - 2;
          date.day = day;
        }
      } else if (i > 1 && /^\d{1,2}$/.test(tokens[i - 1].w) && MONTHS.indexOf(tokens[i - 2].w) >= 0) {
        date.first = i - 2; // December 1, 1934
        date.month = MONTHS.indexOf(tokens[i - 2].w) + 1;
        date.day = parseInt(tokens[i - 1].w, 10);
      }
      // A range ("16\u201318 January 1924", "January\u2013February 1934", "26 January to 10 February")
      // is compared only at the precision both ends share.
      if (date.first > 0) {
        var gap = text.slice(tokens[date.first - 1].end, tokens[date.first].start);
        var before = tokens[date.first - 1].w;
        if (/[-\u2013]\s*$/.test(gap) || before === "to" || before === "and") {
          if (date.day !== null && date.first === i - 2 && /^\d{1,2}$/.test(before) && /[-\u2013]\s*$/.test(gap)) {
            date.day = null; // 16\u201318 January: the month is shared
          } else if (date.day === null && MONTHS.indexOf(before) >= 0) {
            date.month = null; // January\u2013February 1934: the year is shared
          } else {
            date.day = null;
            date.month = null; // 26 January to 10 February 1934, between 19 and 24 August
            if (before === "and" && /^\d{1,2}$/.test(tokens[date.first].w)) {
              date.month = MONTHS.indexOf(tokens[date.first + 1].w) + 1 || null;
            }
          }
        }
      }
      date.text = text.slice(tokens[date.first].start, tokens[i].end);
      var after = text.slice(tokens[i].end, tokens[i].end + 4);
      // Ranges (1918-22, 1923/4), decades (1920s) and approximate dates are not compared.
      date.vague = /^\s?[-\u2013/]\s?\d/.test(after) || /^s\b/.test(after) || tokens[i].possessive ||
        (i > 0 && /[-\u2013/]\s?$/.test(text.slice(tokens[i - 1].end, tokens[i].start)) && yearOf(tokens[i - 1]) !== null);
      // "by 1940", "by the end of 1929", "after 1926": the word right before the date (past "the", "of").
      var k = date.first - 1;
      while (k >= 0 && (tokens[k].w === "the" || tokens[k].w === "of")) {
        k -= 1;
      }
      if (k >= 0 && isOneOf(tokens[k], VAGUE)) {
        date.vague = true;
      }
      date.negated = negatedBefore(tokens, date.first, {});
      dates.push(date);
    }
    return dates;
  }

  function agrees(date, event) {
    return date.year === event.date[0] &&
      (date.month === null || event.date[1] === null || date.month === event.date[1]) &&
      (date.day === null || event.date[2] === null || date.day === event.date[2]);
  }

  function ordinalAt(tokens, index, ordinal) {
    var number = ordinal[0];
    var token = tokens[index].w;
    if (token !== String(number) + suffix(number) && token !== ORDINALS[number]) {
      return false;
    }
    var next = index + 1 < tokens.length && tokens[index + 1].w === "party" ? index + 2 : index + 1;
    return next < tokens.length && tokens[next].w === ordinal[1];
  }

  function suffix(number) {
    if (number % 100 >= 11 && number % 100 <= 13) {
      return "th";
    }
    return { 1: "st", 2: "nd", 3: "rd" }[number % 10] || "th";
  }

  // Where in the sentence an event is named, or -1: its ordinal ("the 14th Congress"), or one of its
  // people near one of its verbs, with one of its details where the kind of event needs one.
  function eventAnchor(tokens, event) {
    var i;
    if (event.ordinal) {
      for (i = 0; i < tokens.length; i += 1) {
        if (ordinalAt(tokens, i, event.ordinal)) {
          return i;
        }
      }
      return -1;
    }
    if (event.details.length && !event.details.some(function (detail) {
      var words = cachedPhrase(detail);
      return tokens.some(function (token) {
        return words.length === 1 && (token.w === words[0].w || (words[0].w.length >= 5 && token.w.indexOf(words[0].w) === 0));
      }) || find(tokens, detail).length;
    })) {
      return -1;
    }
    var people = [];
    event.subjects.forEach(function (names) {
      people = people.concat(findAny(tokens, names));
    });
    for (i = 0; i < event.verbs.length; i += 1) {
      var parts = event.verbs[i].split(":");
      var found = find(tokens, parts[0]);
      for (var k = 0; k < found.length; k += 1) {
        if (standsFor(tokens, people, found[k], parts[1] || "") && !negatedBefore(tokens, found[k][0], {})) {
          return found[k][0];
        }
      }
    }
    return -1;
  }

  // Whether one of the event's people is the one the verb happened to (see KIND_VERBS in rules.py).
  function standsFor(tokens, people, verb, role) {
    return people.some(function (person) {
      var gap = verb[0] - person[1]; // words from the end of the name to the verb
      var between = tokens.slice(person[1] + 1, verb[0]);
      if (role === "noun") {
        return (gap === 1 && tokens[person[1]].possessive) ||
          (person[0] > verb[1] && person[0] - verb[1] <= 3 && tokens[verb[1] + 1].w === "of");
      }
      if (role === "passive") {
        return gap === 1 || (gap > 0 && gap <= NEAR && between.some(function (token) { return isOneOf(token, AUXILIARIES); })) ||
          (person[0] > verb[1] && person[0] - verb[1] <= 2);
      }
      return gap > 0 && gap <= NEAR;
    });
  }

  // True when the event is named as a point in time for something else: "after Kirov's murder".
  function referencePoint(tokens, anchor) {
    for (var i = Math.max(0, anchor - 4); i < anchor; i += 1) {
      if (isOneOf(tokens[i], REFERENCE_POINTS)) {
        return true;
      }
    }
    return false;
  }

  function checkDates(rules, tokens, sentence, reporting) {
    var candidates = [];
    rules.events.forEach(function (event) {
      var anchor = eventAnchor(tokens, event);
      if (anchor >= 0) {
        candidates.push({ event: event, anchor: anchor });
      }
    });
    var flags = [];
    if (!candidates.length || reporting) {
      return { flags: flags, candidates: candidates };
    }
    var clause = clauses(tokens, sentence.text);
    var quotes = quotedRanges(sentence.text);
    var contrast = tokens.some(function (token) { return isOneOf(token, CONTRASTS); });
    var dates = findDates(tokens, sentence.text).filter(function (date) {
      // A date quoted in order to be corrected ("the notes say 'in 1926', but...") is not a claim.
      var quoted = quotes.some(function (range) { return tokens[date.first].start >= range[0] && tokens[date.at].end <= range[1]; });
      return !date.vague && !date.negated && !(quoted && contrast);
    });
    var groups = {};
    candidates.forEach(function (candidate) {
      var event = candidate.event;
      if (referencePoint(tokens, candidate.anchor)) {
        return;
      }
      var key = event.ordinal ? event.ordinal.join(" ") : event.kind + ":" + event.subjects.map(function (names) { return names[0]; }).join(",");
      (groups[key] = groups[key] || []).push(candidate);
    });
    Object.keys(groups).forEach(function (key) {
      var group = groups[key];
      var near = dates.filter(function (date) {
        return group.some(function (candidate) {
          // A congress is dated right beside its name ("the 14th Congress in 1926", "(December 1925)").
          var reach = candidate.event.ordinal ? ORDINAL_NEAR : DATE_NEAR;
          var gap = Math.min(Math.abs(date.at - candidate.anchor), Math.abs(date.first - candidate.anchor));
          return gap <= reach && clause[date.at] === clause[candidate.anchor] &&
            clause[date.first] === clause[candidate.anchor];
        });
      });
      if (!near.length) {
        return;
      }
      var agreed = near.some(function (date) {
        return candidates.some(function (candidate) { return agrees(date, candidate.event); });
      });
      if (agreed) {
        return;
      }
      var given = near[0];
      var best = group.slice().sort(function (a, b) {
        return Math.abs(a.event.date[0] - given.year) - Math.abs(b.event.date[0] - given.year);
      })[0].event;
      flags.push({
        kind: "date",
        ref: best.id,
        given: given.text,
        message: "If this is about \u201c" + best.title + "\u201d, the timeline dates it to " + best.display +
          ", not " + given.text + ".",
        section: best.section
      });
    });
    return { flags: flags, candidates: candidates };
  }

  // ------------------------------------------------------------------------------------- spelling

  // Optimal string alignment distance: insertions, deletions, substitutions and swaps of two letters.
  function distance(a, b) {
    var rows = [];
    for (var i = 0; i <= a.length; i += 1) {
      rows.push([i]);
    }
    for (var j = 1; j <= b.length; j += 1) {
      rows[0][j] = j;
    }
    for (i = 1; i <= a.length; i += 1) {
      for (j = 1; j <= b.length; j += 1) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
        }
      }
    }
    return rows[a.length][b.length];
  }

  function closeEnough(word, name, capitalised) {
    if (word[0] !== name[0] || Math.abs(word.length - name.length) > 2) {
      return false;
    }
    var d = distance(word, name);
    if (!capitalised) {
      // An ordinary word counts only as two swapped letters ("factinos"): anything looser is just
      // another English word ("fraction").
      return d === 1 && word.length === name.length && word.split("").sort().join("") === name.split("").sort().join("");
    }
    return (d === 1 && word.length >= 4) ||
      (d === 2 && word.length >= 5 && word.slice(0, 2) === name.slice(0, 2) && word.slice(-1) === name.slice(-1));
  }

  function knownSet(rules) {
    if (!rules._known) {
      var known = {};
      rules.known.forEach(function (word) { known[word] = true; });
      rules.names.forEach(function (name) { known[name.word.toLowerCase()] = true; });
      Object.defineProperty(rules, "_known", { value: known });
    }
    return rules._known;
  }

  function checkSpelling(rules, tokens) {
    var known = knownSet(rules);
    var flags = [];
    var seen = {};
    tokens.forEach(function (token) {
      var word = token.w;
      if (seen[word] || word.length < 4 || !/^[a-z\u00C0-\u024F]+$/.test(word) || token.raw === token.raw.toUpperCase() ||
          known[word] || (/s$/.test(word) && known[word.slice(0, -1)])) {
        return;
      }
      var capitalised = token.raw[0] !== token.raw[0].toLowerCase();
      var best = null;
      var bestDistance = 99;
      var tie = false;
      rules.names.forEach(function (name) {
        var target = name.word.toLowerCase();
        if ((capitalised || name.word === target) && closeEnough(word, target, capitalised)) {
          var d = distance(word, target);
          if (d < bestDistance) {
            best = name;
            bestDistance = d;
            tie = false;
          } else if (d === bestDistance && best.ref !== name.ref) {
            tie = true;
          }
        }
      });
      if (best && !tie) {
        seen[word] = true;
        flags.push({
          kind: "spelling",
          ref: best.ref,
          word: token.raw,
          message: token.raw + ": did you mean " + best.name + "?",
          section: { page: best.page, anchor: best.ref, title: best.name }
        });
      }
    });
    return flags;
  }

  // ------------------------------------------------------------------------------------ the check

  /* Check ``text`` against ``rules``: every sentence the checker has something to say about, with its
     flags (misconception, date, spelling) and the sections to read more in. */
  function checkNotes(rules, text) {
    var results = [];
    splitSentences(String(text || "")).forEach(function (sentence) {
      var tokens = tokenize(sentence.text);
      // A question or a reported claim asserts nothing, so only spelling is checked in it.
      var question = /\?["\u201d\u2019')]*$/.test(sentence.text);
      var reporting = question || tokens.some(function (token) { return isOneOf(token, REPORTING); });
      var flags = question ? [] : checkMisconceptions(rules, tokens, sentence);
      var dates = checkDates(rules, tokens, sentence, reporting);
      if (!flags.length) {
        flags = flags.concat(dates.flags);
      }
      flags = flags.concat(checkSpelling(rules, tokens));
      var more = [];
      var pages = {};
      flags.concat(dates.candidates.map(function (candidate) { return { section: candidate.event.section }; }))
        .forEach(function (item) {
          var key = item.section.page + "#" + item.section.anchor;
          if (!pages[key]) {
            pages[key] = true;
            more.push(item.section);
          }
        });
      if (flags.length || more.length) {
        results.push({ text: sentence.text, start: sentence.start, end: sentence.end, flags: flags, readMore: more });
      }
    });
    return results;
  }

  // ------------------------------------------------------------------------------------- the page

  var LABELS = { misconception: "Known mistake", date: "Date to check", spelling: "Spelling" };

  function sectionUrl(base, section) {
    return base + section.page.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/") + "#" + section.anchor;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text; // data is shown as text, never parsed as HTML
    }
    return node;
  }

  function readMoreLink(base, section) {
    var link = element("a", null, "Read more: " + section.title);
    link.href = sectionUrl(base, section);
    return link;
  }

  function render(container, status, base, results) {
    container.textContent = "";
    var flagged = results.filter(function (result) { return result.flags.length; }).length;
    var count = results.reduce(function (sum, result) { return sum + result.flags.length; }, 0);
    status.textContent = count
      ? "Found " + count + (count === 1 ? " thing" : " things") + " to check in " + flagged +
        (flagged === 1 ? " sentence." : " sentences.")
      : "Nothing to flag. That does not prove the notes right: the checker only knows the mistakes listed in its data.";
    if (!results.length) {
      return;
    }
    var list = element("ol", "checker-results");
    results.forEach(function (result) {
      var item = element("li", "checker-sentence");
      item.appendChild(element("blockquote", null, result.text));
      result.flags.forEach(function (flag) {
        var box = element("div", "checker-flag checker-flag--" + flag.kind);
        box.setAttribute("data-flag", flag.kind);
        box.setAttribute("data-ref", flag.ref);
        var message = element("p");
        message.appendChild(element("strong", null, LABELS[flag.kind] + ": "));
        message.appendChild(document.createTextNode(flag.message));
        box.appendChild(message);
        var more = element("p");
        more.appendChild(readMoreLink(base, flag.section));
        box.appendChild(more);
        item.appendChild(box);
      });
      var shown = result.flags.map(function (flag) { return flag.section.page + "#" + flag.section.anchor; });
      result.readMore.forEach(function (section) {
        if (shown.indexOf(section.page + "#" + section.anchor) < 0) {
          var more = element("p", "checker-more");
          more.appendChild(readMoreLink(base, section));
          item.appendChild(more);
        }
      });
      list.appendChild(item);
    });
    container.appendChild(list);
  }

  function init() {
    var form = document.getElementById("notes-checker");
    if (!form || form.getAttribute("data-ready")) {
      return;
    }
    form.setAttribute("data-ready", "true");
    // The page's own stylesheet, beside the form: it goes when the theme's instant navigation leaves.
    if (form.getAttribute("data-css")) {
      var sheet = document.createElement("link");
      sheet.rel = "stylesheet";
      sheet.href = form.getAttribute("data-css");
      form.parentNode.insertBefore(sheet, form);
    }
    var input = document.getElementById("notes-input");
    var button = document.getElementById("check-notes");
    var status = document.getElementById("notes-status");
    var container = document.getElementById("notes-results");
    var base = form.getAttribute("data-base") || "";
    var rules = null;
    function check() {
      status.textContent = "Checking\u2026";
      var ready = rules || fetch(form.getAttribute("data-rules")).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      });
      Promise.resolve(ready).then(function (loaded) {
        rules = loaded;
        render(container, status, base, checkNotes(rules, input.value));
      }).catch(function () {
        status.textContent = "The checker's rules could not be loaded. Reload the page and try again.";
      });
    }
    button.addEventListener("click", check);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        check();
      }
    });
    form.hidden = false;
    var noscript = document.getElementById("notes-noscript");
    if (noscript) {
      noscript.hidden = true;
    }
  }

  var api = { checkNotes: checkNotes, splitSentences: splitSentences, tokenize: tokenize };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    // Under Node (scripts/check_notes.py, the tests): {"rules": ..., "texts": [...]} on stdin, results out.
    if (typeof require === "function" && require.main === module) {
      var chunks = [];
      process.stdin.on("data", function (chunk) { chunks.push(chunk); });
      process.stdin.on("end", function () {
        var input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        var output = input.texts.map(function (text) { return checkNotes(input.rules, text); });
        process.stdout.write(JSON.stringify(output));
      });
    }
  } else if (root.document) {
    root.notesChecker = api;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }
})(typeof window !== "undefined" ? window : this);
