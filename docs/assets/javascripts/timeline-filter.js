/* Keeps the timeline filter's choice in the address (?phase=…&kind=…), so that it survives a reload and
 * can be shared, and leaves out of the table of contents the years the filter empties. The filtering
 * itself is CSS generated with the page, and works without this script (the contents then list every
 * year). Values read from the address are used only if a radio with exactly that value exists.
 */
(function () {
  "use strict";
  var form = document.querySelector("form.tl-filters");
  if (!form) {
    return;
  }
  // The filters are the page's own radio groups (tl-phase, tl-kind...), so a new one needs no change here.
  var NAMES = [];
  Array.prototype.forEach.call(form.querySelectorAll('input[type="radio"][name^="tl-"]'), function (radio) {
    var name = radio.name.slice("tl-".length);
    if (NAMES.indexOf(name) === -1) {
      NAMES.push(name);
    }
  });

  function radios(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type="radio"][name="tl-' + name + '"]'));
  }

  var params = new URLSearchParams(window.location.search);
  NAMES.forEach(function (name) {
    var wanted = params.get(name);
    var match = radios(name).filter(function (radio) {
      return radio.value === wanted;
    })[0];
    if (match) {
      match.checked = true;
    }
  });

  // A year with no event left is hidden by the filter's CSS; its entry in the table of contents would
  // lead nowhere. (Material writes the links as whole addresses, so each is matched by its #fragment.)
  function matchContents() {
    var links = document.querySelectorAll('.md-nav--secondary a[href*="#year-"]');
    Array.prototype.forEach.call(links, function (link) {
      var heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      var item = link.closest("li");
      if (heading && item) {
        item.hidden = heading.getClientRects().length === 0;
      }
    });
  }
  matchContents();

  form.addEventListener("change", function () {
    matchContents();
    var url = new URL(window.location.href);
    NAMES.forEach(function (name) {
      var checked = radios(name).filter(function (radio) {
        return radio.checked;
      })[0];
      if (checked && checked.value !== "all") {
        url.searchParams.set(name, checked.value);
      } else {
        url.searchParams.delete(name);
      }
    });
    // Material's instant navigation keeps its own state in history.state: pass it on untouched.
    window.history.replaceState(window.history.state, "", url.href);
  });
})();
