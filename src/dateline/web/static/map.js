// The offline world map: Natural Earth 1:50m countries (world-atlas) drawn with d3-geo,
// events from /api/map.geojson as circles (size: killed, colour: family). No tiles,
// no network beyond this server. Each circle carries data-place and data-event-id.
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var holder = document.getElementById("map");
  var form = document.getElementById("map-filters");
  var status = document.getElementById("map-status");
  var width = holder.clientWidth || 960;
  var height = Math.round(width * 0.55);
  var svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  svg.setAttribute("class", "world");
  var land = document.createElementNS(SVG_NS, "g");
  var dots = document.createElementNS(SVG_NS, "g");
  dots.setAttribute("class", "events");
  svg.appendChild(land);
  svg.appendChild(dots);
  holder.appendChild(svg);
  var countries = null;
  var projection = d3.geoEqualEarth();
  var path = d3.geoPath(projection);

  function bboxPolygon(b) {
    // Clockwise ring: d3-geo reads a counter-clockwise one as "the rest of the globe".
    return { type: "Polygon", coordinates: [[[b[0], b[1]], [b[0], b[3]], [b[2], b[3]], [b[2], b[1]], [b[0], b[1]]]] };
  }

  function region() {
    return form.elements.region.value.split(",").map(Number);
  }

  function drawLand() {
    while (land.firstChild) land.removeChild(land.firstChild);
    var sphere = document.createElementNS(SVG_NS, "path");
    sphere.setAttribute("d", path({ type: "Sphere" }));
    sphere.setAttribute("class", "sphere");
    land.appendChild(sphere);
    countries.features.forEach(function (f) {
      var p = document.createElementNS(SVG_NS, "path");
      p.setAttribute("d", path(f) || "");
      p.setAttribute("class", "country");
      var title = document.createElementNS(SVG_NS, "title");
      title.textContent = (f.properties && f.properties.name) || "";
      p.appendChild(title);
      land.appendChild(p);
    });
  }

  function query() {
    var params = new URLSearchParams();
    params.set("bbox", region().join(","));
    var boxes = form.querySelectorAll("input[name=family]");
    var checked = Array.prototype.filter.call(boxes, function (b) { return b.checked; });
    if (checked.length === 0) params.append("family", "none");
    if (checked.length < boxes.length) checked.forEach(function (b) { params.append("family", b.value); });
    ["since", "until"].forEach(function (k) { if (form.elements[k].value) params.set(k, form.elements[k].value); });
    return params.toString();
  }

  function drawEvents(data) {
    while (dots.firstChild) dots.removeChild(dots.firstChild);
    var feats = data.features.slice().sort(function (a, b) {
      return (b.properties.fatalities || 0) - (a.properties.fatalities || 0);
    });
    feats.forEach(function (f) {
      var xy = projection(f.geometry.coordinates);
      if (!xy) return;
      var p = f.properties;
      var c = document.createElementNS(SVG_NS, "circle");
      var size = (p.fatalities || 0) + (data.aggregated ? p.count : 0);
      c.setAttribute("cx", xy[0].toFixed(1));
      c.setAttribute("cy", xy[1].toFixed(1));
      c.setAttribute("r", (3 + Math.sqrt(size) * 1.5).toFixed(1));
      c.setAttribute("class", "event fam-" + (p.family || "other"));
      c.setAttribute("data-place", p.place || "");
      c.setAttribute("data-family", p.family || "");
      c.setAttribute("data-country", p.country || "");
      if (p.id) c.setAttribute("data-event-id", p.id);
      var title = document.createElementNS(SVG_NS, "title");
      title.textContent = (p.place || "?") + " · " + (p.type || p.family || "") +
        (p.date ? " · " + p.date : "") + (p.fatalities ? " · " + p.fatalities + " killed" : "") +
        (data.aggregated ? " · " + p.count + " events" : "");
      c.appendChild(title);
      c.addEventListener("click", function () {
        window.location.href = p.id ? "/events/" + encodeURIComponent(p.id)
          : "/events?place=" + encodeURIComponent(p.place || "");
      });
      dots.appendChild(c);
    });
    status.textContent = data.features.length + " shown of " + data.total +
      (data.aggregated ? " (grouped by place)" : "");
    holder.setAttribute("data-loaded", "true");
  }

  function refresh() {
    var b = region();
    var world = b[0] <= -180 && b[2] >= 180;
    projection.fitExtent([[4, 4], [width - 4, height - 4]], world ? { type: "Sphere" } : bboxPolygon(b));
    if (countries) drawLand();
    status.textContent = "loading…";
    holder.setAttribute("data-loaded", "false");
    fetch("/api/map.geojson?" + query(), { headers: { Accept: "application/geo+json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(drawEvents)
      .catch(function (e) { status.textContent = "could not load events: " + e.message; });
  }

  fetch(holder.getAttribute("data-atlas"))
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      countries = topojson.feature(topo, topo.objects.countries);
      refresh();
    });
  form.addEventListener("change", refresh);
  form.addEventListener("submit", function (e) { e.preventDefault(); refresh(); });
})();
