/* Makes the guide available offline: registers its service worker (built into sw.js at the site's
   root by `make build`; `make serve` leaves this script out) and says, in a small status line, when
   the whole guide is on this device and when a newer version is ready. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var workerUrl = new URL(script.getAttribute("data-worker"), location.href);

  function status() {
    var element = document.getElementById("offline-status");
    if (!element) {
      element = document.createElement("div");
      element.id = "offline-status";
      element.className = "offline-status";
      element.setAttribute("role", "status");
      document.body.appendChild(element);
    }
    return element;
  }

  function showReady() {
    status().textContent = "Available offline";
  }

  function showUpdate(worker) {
    var element = status();
    element.textContent = "A newer version of the guide is ready. ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button offline-reload";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      worker.postMessage("skip-waiting");
    });
    element.appendChild(button);
  }

  var reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (navigator.serviceWorker.controller && status().querySelector(".offline-reload") && !reloading) {
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
    status().textContent = "Offline copy unavailable in this browser";
  });
})();
