/* Makes the guide available offline: registers its service worker (built into sw.js at the site's
   root by `make build`; `make serve` leaves this script out) and says, in a small status line, when
   the whole guide is on this device and when a newer version is ready. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var workerUrl = new URL(script.getAttribute("data-worker"), location.href);

  // The state survives Material's instant navigation, which replaces the footer the line lives in.
  var state = { text: "", worker: null };

  function render() {
    var element = document.getElementById("offline-status");
    if (!element) {
      element = document.createElement("div");
      element.id = "offline-status";
      element.setAttribute("role", "status");
      var footer = document.querySelector(".md-footer-meta__inner");
      (footer || document.body).appendChild(element);
    }
    element.className = state.worker ? "offline-status offline-status--update" : "offline-status";
    element.textContent = state.text;
    if (state.worker) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button offline-reload";
      button.textContent = "Reload";
      button.addEventListener("click", function () {
        state.worker.postMessage("skip-waiting");
      });
      element.appendChild(button);
    }
    return element;
  }

  function showReady() {
    state = { text: "Available offline", worker: null };
    render();
  }

  function showUpdate(worker) {
    state = { text: "A newer version of the guide is ready. ", worker: worker };
    render();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      if (state.text) render();
    });
  }

  var reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (navigator.serviceWorker.controller && state.worker && !reloading) {
      reloading = true;
      location.reload();
    }
  });

  navigator.serviceWorker.register(workerUrl.href, { scope: new URL("./", workerUrl).href }).then(function (registration) {
    function watch(worker) {
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) showUpdate(worker);
        if (worker.state === "activated" && !registration.waiting) showReady();
      });
    }
    if (registration.waiting && navigator.serviceWorker.controller) showUpdate(registration.waiting);
    else if (registration.active) showReady();
    if (registration.installing) watch(registration.installing);
    registration.addEventListener("updatefound", function () {
      watch(registration.installing);
    });
  }).catch(function () {
    state = { text: "This browser could not keep an offline copy", worker: null };
    render();
  });
})();
