// The brief's small map: the same offline world-atlas countries drawn with d3-geo as
// the /map page, fitted to the brief's located events (embedded in the page as JSON,
// so the map shows exactly the lines of the brief). Each circle links to its event.
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var holder = document.getElementById("brief-map");
  var data = document.getElementById("brief-points");
  if (!holder || !data) return;
  var points = JSON.parse(data.textContent || "[]");
  var width = holder.clientWidth || 480;
  var height = Math.round(width * 0.62);
  var svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  svg.setAttribute("class", "world");
  holder.appendChild(svg);

  // The view is fitted to where the fighting is (violence, front line, airspace) when
  // the brief has any: talks in a far capital are still drawn, but do not zoom out to it.
  var FIGHTING = { violence: 1, territory: 1, airspace: 1, movement: 1 };

  function extent() {
    // A box around the points with a margin (at least ~8 degrees wide), else the world.
    if (!points.length) return { type: "Sphere" };
    var near = points.filter(function (p) { return FIGHTING[p.family]; });
    var fit = near.length ? near : points;
    var lons = fit.map(function (p) { return p.lon; });
    var lats = fit.map(function (p) { return p.lat; });
    var x0 = Math.min.apply(null, lons), x1 = Math.max.apply(null, lons);
    var y0 = Math.min.apply(null, lats), y1 = Math.max.apply(null, lats);
    var pad = Math.max(4, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
    x0 = Math.max(-180, x0 - pad); x1 = Math.min(180, x1 + pad);
    y0 = Math.max(-85, y0 - pad); y1 = Math.min(85, y1 + pad);
    // Clockwise ring: d3-geo reads a counter-clockwise one as "the rest of the globe".
    return { type: "Polygon", coordinates: [[[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]]] };
  }

  function add(parent, name, attrs) {
    var el = document.createElementNS(SVG_NS, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    parent.appendChild(el);
    return el;
  }

  fetch(holder.getAttribute("data-atlas"))
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (topo) {
      var projection = d3.geoMercator().fitExtent([[4, 4], [width - 4, height - 4]], extent());
      var path = d3.geoPath(projection);
      var land = add(svg, "g", {});
      add(land, "path", { d: path({ type: "Sphere" }) || "", "class": "sphere" });
      topojson.feature(topo, topo.objects.countries).features.forEach(function (f) {
        add(land, "path", { d: path(f) || "", "class": "country" });
      });
      var dots = add(svg, "g", { "class": "events" });
      points.slice().sort(function (a, b) { return b.deaths - a.deaths; }).forEach(function (p) {
        var xy = projection([p.lon, p.lat]);
        if (!xy) return;
        var link = add(dots, "a", { href: "/events/" + encodeURIComponent(p.id) });
        var c = add(link, "circle", {
          cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (4 + Math.sqrt(p.deaths) * 1.6).toFixed(1),
          "class": "event fam-" + (p.family || "other"), "data-event-id": p.id, "data-place": p.place || ""
        });
        var title = document.createElementNS(SVG_NS, "title");
        title.textContent = (p.place || "?") + (p.date ? " · " + p.date : "") + (p.deaths ? " · " + p.deaths + " killed" : "");
        c.appendChild(title);
      });
      holder.setAttribute("data-loaded", "true");
    })
    .catch(function (e) { holder.setAttribute("data-error", e.message); });
})();
