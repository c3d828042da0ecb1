// Swagger UI for /api/docs, served from the vendored bundle (no CDN, no inline script).
(function () {
  "use strict";
  var holder = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: holder.getAttribute("data-spec"), dom_id: "#swagger-ui" });
})();
