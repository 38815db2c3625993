/* Previews for the guide's cross-links: tap (touch), hover or keyboard focus shows the definition.
 *
 * The build writes each preview into the link's data-preview attributes (scripts/studyguide/link.py);
 * this script only ever copies them with textContent, so a definition can never become markup.
 * Without JavaScript a cross-link is a plain link, described to screen readers by a hidden element.
 * Loaded only on pages that have cross-links (overrides/main.html); with instant navigation the
 * script runs again on each such page, so it installs its listeners once.
 */
(function () {
  "use strict";
  if (window.guidePopovers) {
    return;
  }
  window.guidePopovers = true;

  var LINK = "a.autolink[data-preview]";
  var HOVER_DELAY = 250; // ms: a pointer passing over the text should not open boxes everywhere
  var popover = null;
  var parts = {};
  var owner = null; // the link whose preview is open
  var lastPointer = "mouse";
  var openTimer = 0;
  var closeTimer = 0;
  var refocusing = false; // focus handed back to the link on Escape must not reopen its preview

  function create() {
    var box = document.createElement("span");
    box.className = "preview-popover";
    box.id = "preview-popover";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "false");
    box.setAttribute("aria-labelledby", "preview-popover-title");
    box.hidden = true;
    parts.title = document.createElement("strong");
    parts.title.className = "preview-popover__title";
    parts.title.id = "preview-popover-title";
    parts.text = document.createElement("span");
    parts.text.className = "preview-popover__text";
    parts.open = document.createElement("a");
    parts.open.className = "preview-popover__open";
    box.append(parts.title, parts.text, parts.open);
    box.addEventListener("mouseenter", cancelClose);
    box.addEventListener("mouseleave", function (event) {
      if (!(owner && owner.contains(event.relatedTarget))) {
        scheduleClose();
      }
    });
    return box;
  }

  function isOpen() {
    return popover !== null && !popover.hidden && popover.isConnected && owner !== null;
  }

  function open(link, byTap) {
    cancelClose();
    if (popover === null) {
      popover = create();
    }
    if (owner && owner !== link) {
      owner.removeAttribute("aria-expanded");
    }
    owner = link;
    parts.title.textContent = link.getAttribute("data-preview-title") || link.textContent;
    parts.text.textContent = link.getAttribute("data-preview");
    parts.open.href = link.href;
    parts.open.textContent = link.classList.contains("autolink-person")
      ? "Open in the Who\u2019s who"
      : "Open in the Glossary";
    // Right after its link, so that Tab goes from the link into the preview and on through the text.
    link.after(popover);
    popover.hidden = false;
    if (byTap) {
      link.setAttribute("aria-expanded", "true");
      link.setAttribute("aria-controls", popover.id);
    }
    place();
  }

  function close(returnFocus) {
    cancelClose();
    window.clearTimeout(openTimer);
    if (popover === null || popover.hidden) {
      return;
    }
    var link = owner;
    var hadFocus = popover.contains(document.activeElement);
    popover.hidden = true;
    owner = null;
    if (link) {
      link.removeAttribute("aria-expanded");
      link.removeAttribute("aria-controls");
      if (returnFocus || hadFocus) {
        refocusing = true;
        link.focus();
        refocusing = false;
      }
    }
  }

  function scheduleClose() {
    cancelClose();
    closeTimer = window.setTimeout(function () {
      close(false);
    }, HOVER_DELAY);
  }

  function cancelClose() {
    window.clearTimeout(closeTimer);
  }

  // Below the link's first line, or above it when there is no room; always inside the viewport.
  function place() {
    if (!isOpen()) {
      return;
    }
    var line = owner.getClientRects()[0] || owner.getBoundingClientRect();
    var margin = 8;
    var width = Math.min(360, window.innerWidth - 2 * margin);
    popover.style.width = width + "px";
    var left = Math.min(Math.max(margin, line.left), window.innerWidth - width - margin);
    var height = popover.offsetHeight;
    var top = line.bottom + 6;
    if (top + height > window.innerHeight - margin && line.top - height - 6 > margin) {
      top = line.top - height - 6;
    }
    popover.style.left = left + "px";
    popover.style.top = top + "px";
  }

  function linkFrom(target) {
    return target && target.closest ? target.closest(LINK) : null;
  }

  function inside(target) {
    return (popover && popover.contains(target)) || (owner && owner.contains(target));
  }

  document.addEventListener(
    "pointerdown",
    function (event) {
      lastPointer = event.pointerType || "mouse";
      if (isOpen() && !inside(event.target)) {
        close(false);
      }
    },
    true
  );

  // Capture phase: a tap must be stopped before Material's instant navigation sees the click.
  document.addEventListener(
    "click",
    function (event) {
      var link = linkFrom(event.target);
      // Only a finger or a pen: a mouse click or the Enter key follows the link as usual.
      var tapped = lastPointer === "touch" || lastPointer === "pen";
      if (!link || !tapped || event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      if (isOpen() && owner === link) {
        close(false);
      } else {
        open(link, true);
      }
    },
    true
  );

  document.addEventListener("mouseover", function (event) {
    var link = linkFrom(event.target);
    if (!link || lastPointer !== "mouse") {
      return;
    }
    cancelClose();
    if (isOpen() && owner === link) {
      return;
    }
    window.clearTimeout(openTimer);
    openTimer = window.setTimeout(function () {
      open(link, false);
    }, HOVER_DELAY);
  });

  document.addEventListener("mouseout", function (event) {
    var link = linkFrom(event.target);
    if (!link || link.contains(event.relatedTarget) || (popover && popover.contains(event.relatedTarget))) {
      return;
    }
    window.clearTimeout(openTimer);
    if (isOpen() && owner === link) {
      scheduleClose();
    }
  });

  // Keyboard focus opens the preview; focus leaving both the link and the preview closes it.
  document.addEventListener("focusin", function (event) {
    var link = linkFrom(event.target);
    if (link && lastPointer === "keyboard" && !refocusing) {
      open(link, false);
    } else if (isOpen() && !inside(event.target)) {
      close(false);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      event.stopPropagation();
      close(popover.contains(document.activeElement) || owner === document.activeElement);
    } else if (event.key === "Tab" || event.key.indexOf("Arrow") === 0) {
      lastPointer = "keyboard";
    }
  }, true);

  window.addEventListener("scroll", place, { passive: true });
  window.addEventListener("resize", place);
})();
