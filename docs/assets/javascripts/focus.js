/* Keyboard focus that follows the reader: to the new page's heading after instant navigation, and back
 * to the search button when Escape closes the search. Material leaves focus on the body in both cases,
 * so a keyboard or screen-reader user would start again from the top of the page.
 */
(function () {
  "use strict";
  if (window.guideFocus) {
    return;
  }
  window.guideFocus = true;

  var SEARCH_BUTTON = 'label.md-header__button[for="__search"]';

  // On a phone the search opens from a label, which Material leaves out of the tab order.
  function makeSearchButtonFocusable() {
    var button = document.querySelector(SEARCH_BUTTON);
    if (button && !button.hasAttribute("tabindex")) {
      button.setAttribute("tabindex", "0");
      button.setAttribute("role", "button");
      button.setAttribute("aria-label", "Search");
      button.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          button.click();
          var input = document.querySelector(".md-search__input");
          if (input) {
            input.focus();
          }
        }
      });
    }
  }

  function focusHeading() {
    var target = null;
    if (location.hash.length > 1) {
      target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    }
    target = target || document.querySelector(".md-content article h1");
    if (target) {
      if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, textarea, summary")) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus({ preventScroll: true });
    }
  }

  var first = true;
  function onPage() {
    makeSearchButtonFocusable();
    if (!first) {
      focusHeading();
    }
    first = false;
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
      var button = document.querySelector(SEARCH_BUTTON);
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
