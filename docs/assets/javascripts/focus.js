/* Keyboard focus that follows the reader: to the new page's heading after instant navigation, and back
 * to the search button when Escape closes the search. Material leaves focus on the body in both cases,
 * so a keyboard or screen-reader user would start again from the top of the page. A search result that
 * lands on a section whose matching words sit in a folded answer opens that answer.
 */
(function () {
  "use strict";
  if (window.guideFocus) {
    return;
  }
  window.guideFocus = true;

  var SEARCH_BUTTON = 'label.md-header__button[for="__search"]';
  var MENU_BUTTON = 'label.md-header__button[for="__drawer"]';

  // Between a link's click and the new page being on screen, Material's instant navigation has already
  // put the new address in the history, but the old page's watchers still write to it with
  // history.replaceState: the section tracking writes the section reached (250 ms after the scrolling
  // stops) and the scroll memory writes the offset (after 100 ms). A reader who flicks to the foot of a
  // chapter and taps "Next" within that time got the new chapter opened at the old one's offset, and its
  // address stamped with the old one's last section (#exam-question, which every chapter has), so that a
  // reload or a shared link jumped there. Refuse every such write until the new page is shown, and after
  // that a section written into the address that the reader has not reached (below the screen).
  var shownPath = location.pathname;
  var replaceState = history.replaceState;
  history.replaceState = function (state, unused, url) {
    if (location.pathname !== shownPath) {
      return undefined;
    }
    if (url !== undefined && url !== null && url !== "") {
      var next = new URL(String(url), location.href);
      if (next.hash && next.pathname === location.pathname && next.search === location.search) {
        var section = document.getElementById(decodeURIComponent(next.hash.slice(1)));
        if (!section || section.getBoundingClientRect().top > window.innerHeight) {
          return undefined;
        }
      }
    }
    return replaceState.apply(history, arguments);
  };

  // On a phone the menu and the search open from labels, which Material leaves out of the tab order (and
  // ARIA allows no button role on a label). Each gets a real button inside it, holding its icon: a click
  // on it (by mouse, touch, Enter or Space) works the label's hidden checkbox, and from the keyboard
  // ``then`` moves the focus on into what opened. The label's own padding still works it for a pointer.
  function makeFocusable(selector, name, then) {
    var label = document.querySelector(selector);
    if (!label || label.querySelector("button.header-toggle")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "header-toggle";
    button.setAttribute("aria-label", name);
    while (label.firstChild) {
      button.appendChild(label.firstChild);
    }
    label.appendChild(button);
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var toggle = document.getElementById(label.htmlFor);
      if (toggle) {
        toggle.click();
      }
      if (event.detail === 0) {
        then(); // from the keyboard: a pointer leaves the focus where the reader put it
      }
    });
  }

  function makeMenuButtonsFocusable() {
    makeFocusable(SEARCH_BUTTON, "Search", function () {
      var input = document.querySelector(".md-search__input");
      if (input) {
        input.focus();
      }
    });
    makeFocusable(MENU_BUTTON, "Navigation", function () {
      var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[tabindex]");
      if (first) {
        window.setTimeout(function () {
          first.focus();
        }, 50); // once the drawer is visible: a hidden element cannot take the focus
      }
    });
  }

  function focus(target) {
    if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, textarea, summary")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
  }

  // Material announces the new page's document before it moves that page's nodes into this one:
  // wait (a frame at a time, for at most about two seconds) until the new heading is on screen.
  function focusHeadingOf(page) {
    var heading = page.querySelector(".md-content article h1");
    var frames = 120;
    (function wait() {
      if (heading && !document.contains(heading) && frames-- > 0) {
        window.requestAnimationFrame(wait);
        return;
      }
      shownPath = location.pathname;
      // The section the reader asked for, if the link named one; otherwise the page's heading.
      var target = clickedHash ? document.getElementById(decodeURIComponent(clickedHash.slice(1))) : null;
      clickedHash = "";
      target = target || document.querySelector(".md-content article h1");
      if (target) {
        focus(target);
      }
    })();
  }

  var clickedHash = "";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    clickedHash = link ? new URL(link.href, location.href).hash : "";
  }, true);

  // Material's search links to a section with the query in ?h= and highlights the words, but leaves a
  // folded answer (<details>) shut, so the words that made the section match can be invisible. Open
  // the folded answers of that section that hold a searched word missing from its open text; the
  // others stay shut for self-testing.
  function openFoldedMatches() {
    var query = new URLSearchParams(location.search).get("h");
    var heading = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!query || !heading || !/^H[1-6]$/.test(heading.tagName)) {
      return;
    }
    var words = query.toLowerCase().split(/\s+/).filter(function (word) { return word.length > 1; });
    var level = Number(heading.tagName.slice(1));
    var folded = [];
    var open = "";
    for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      if (/^H[1-6]$/.test(node.tagName) && Number(node.tagName.slice(1)) <= level) {
        break;
      }
      if (node.tagName === "DETAILS" && !node.open) {
        folded.push(node);
      } else {
        open += " " + node.textContent.toLowerCase();
      }
    }
    var missing = words.filter(function (word) { return open.indexOf(word) === -1; });
    var opened = false;
    folded.forEach(function (details) {
      var text = details.textContent.toLowerCase();
      if (missing.some(function (word) { return text.indexOf(word) !== -1; })) {
        details.open = true;
        opened = true;
      }
    });
    if (opened) {
      heading.scrollIntoView();  // opening moved nothing above it, but keep the section's heading in view
    }
  }

  var first = true;
  function onPage(page) {
    openFoldedMatches();
    if (!first) {
      focusHeadingOf(page || document);
    }
    first = false;
    makeMenuButtonsFocusable();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else {
    onPage();
  }

  document.addEventListener("keydown", function (event) {
    var toggle = document.getElementById("__search");
    if (event.key !== "Escape" || !toggle || !toggle.checked) {
      return;
    }
    // After Material has closed the search and blurred its field.
    window.setTimeout(function () {
      var button = document.querySelector(SEARCH_BUTTON + " button.header-toggle");
      if (button && button.offsetParent !== null) {
        button.focus();
      } else {
        var input = document.querySelector(".md-search__input");
        var form = input && input.form;
        if (form) {
          // On a wide screen the field itself is the search control; focusing it would reopen the search.
          form.setAttribute("tabindex", "-1");
          form.focus({ preventScroll: true });
        }
      }
    }, 0);
  }, true);
})();
