// Putokaz web door: the quick exit. Optional: without JavaScript the exit link works the same.
(function () {
  "use strict";
  var last = 0;
  function out() {
    try { window.sessionStorage.clear(); } catch (e) { /* none kept anyway */ }
    // replace(): this page's entry in the history is swapped for the neutral site.
    window.location.replace("/exit");
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" || e.key === "Esc") {
      var now = Date.now();
      if (now - last < 1500) { out(); }
      last = now;
    }
  });
  var link = document.getElementById("exit");
  if (link) {
    link.addEventListener("click", function (e) { e.preventDefault(); out(); });
  }
  // A page brought back from the back/forward cache is fetched again: it may be from before Leave.
  window.addEventListener("pageshow", function (e) { if (e.persisted) { window.location.reload(); } });
})();
