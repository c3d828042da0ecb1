// Bring the highlighted evidence sentence into view inside its scroll box.
(function () {
  "use strict";
  var focus = document.getElementById("evidence");
  if (focus && focus.scrollIntoView) {
    focus.scrollIntoView({ block: "center" });
    window.scrollTo(0, 0);
  }
})();
