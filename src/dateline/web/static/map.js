// The offline world map: Natural Earth 1:50m countries (world-atlas) drawn with d3-geo,
// events from /api/map.geojson. No tiles, no network beyond this server.
// Zoom and pan are map-view.js's, the time bar map-time.js's; here:
// - clusters: markers closer than CELL pixels on screen share a numbered bubble,
//   recomputed at every zoom, so they split as you zoom in; a bubble whose events all
//   sit on one spot lists them instead;
// - shape per type (the page's SVG symbols, shared with the lists), colour per family,
//   size by people killed; region- and country-level places drawn as areas;
// - the events in view listed beside the map; details on click, tap or Enter;
// - the data for the box in view, asked again when a grouped answer could be finer.
(function () {
  "use strict";
  var CELL = 44;          // px: markers closer than this on screen are clustered
  var LIST_MAX = 150;     // events listed beside the map
  var COARSE = { region: 1.2, country: 3.5 };  // degrees of latitude an imprecise place spans

  var holder = document.getElementById("map");
  var form = document.getElementById("map-filters");
  var status = document.getElementById("map-status");
  var details = document.getElementById("map-details");
  var list = document.getElementById("map-list");
  var listTitle = document.getElementById("map-list-title");

  var map = window.DatelineMapView(holder, { draw: function () { render(); }, settled: function () { maybeRefetch(); } });
  var time = window.DatelineTimeBar(document.getElementById("time-bar"), function () { load(); });
  var el = map.el, screen = map.screen, width = map.width, height = map.height;
  var path = d3.geoPath(map.projection);
  var land = el("g", { "class": "land" });
  var countryAreas = el("g", { "class": "country-areas" });  // under the land's transform
  var areas = el("g", { "class": "areas" });
  var marks = el("g", { "class": "events" });
  var countryPaths = {};  // country name (Natural Earth's) -> its outline, for country-wide events
  [land, countryAreas, areas, marks].forEach(function (g) { map.svg.appendChild(g); });

  var data = { features: [], total: 0, aggregated: false };
  var fetched = null;      // {box, complete}: what the last response covers
  var selectedKey = null;

  function html(name, text, attrs) {
    var node = document.createElement(name);
    if (text != null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  // -- land --------------------------------------------------------------------------
  function drawLand(countries) {
    land.appendChild(el("path", { d: path({ type: "Sphere" }), "class": "sphere" }));
    countries.features.forEach(function (f) {
      var d = path(f) || "";
      if (f.properties && f.properties.name) countryPaths[f.properties.name] = d;
      var p = el("path", { d: d, "class": "country" });
      var title = el("title");
      title.textContent = (f.properties && f.properties.name) || "";
      p.appendChild(title);
      land.appendChild(p);
    });
  }

  function contains(outer, inner) {
    return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
  }

  function maybeRefetch() {
    // A response grouped by place (over 5,000 events) is refetched for the box in view,
    // where there may be few enough to show one by one; a complete one is kept.
    if (!fetched) return;
    var box = map.visibleBox();
    if (fetched.complete && contains(fetched.box, box)) return;
    if (!fetched.complete && fetched.box.join() === box.join()) return;
    load(box);
  }


  // -- markers and clusters ------------------------------------------------------------
  function killed(p) { return p.fatalities || 0; }
  function keyOf(f) { return f.properties.id ? "e:" + f.properties.id : "p:" + f.properties.place + "@" + f.geometry.coordinates.join(","); }
  function label(p) {
    if (data.aggregated || !p.id) return (p.place || "?") + ": " + p.count + " events" + (p.fatalities ? ", " + p.fatalities + " killed" : "");
    return (p.type || p.family || "event").replace(/_/g, " ") + " · " + (p.place || "?") +
      (p.date ? " · " + p.date : "") + (p.fatalities ? " · " + p.fatalities + " killed" : "") +
      (COARSE[precisionOf(p)] ? " · placed to the " + precisionOf(p) + " only" : "") +
      (p.confidence != null && p.confidence < 0.7 ? " · low confidence" : "");
  }

  // Greedy clustering in screen space: each marker joins the first bubble seeded
  // within CELL px of it, else seeds its own. Bubbles are drawn at their seed and are
  // at most CELL/2 in radius, so two never overlap; recomputed at every zoom.
  function clusters() {
    var seeds = {};
    var groups = [];
    var inView = [];
    data.features.forEach(function (f) {
      var s = screen(f.geometry.coordinates);
      if (!s || s[0] < -CELL || s[1] < -CELL || s[0] > width + CELL || s[1] > height + CELL) return;
      f.screen = s;
      if (s[0] >= 0 && s[1] >= 0 && s[0] <= width && s[1] <= height) inView.push(f);
      var cx = Math.floor(s[0] / CELL), cy = Math.floor(s[1] / CELL);
      var home = null;
      for (var dx = -1; dx <= 1 && !home; dx++) {
        for (var dy = -1; dy <= 1 && !home; dy++) {
          (seeds[(cx + dx) + ":" + (cy + dy)] || []).some(function (g) {
            if (Math.hypot(g.x - s[0], g.y - s[1]) < CELL) { home = g; return true; }
            return false;
          });
        }
      }
      if (!home) {
        home = { members: [], count: 0, x: s[0], y: s[1] };
        (seeds[cx + ":" + cy] = seeds[cx + ":" + cy] || []).push(home);
        groups.push(home);
      }
      home.members.push(f);
      home.count += f.properties.count || 1;
    });
    return { groups: groups, inView: inView };
  }

  // SVG shapes are not buttons: Enter and Space are wired to the same action as a click.
  function focusable(node, text, action) {
    node.addEventListener("click", action);
    node.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); e.stopPropagation(); action(); }
    });
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", text);
    var title = el("title");
    title.textContent = text;
    node.appendChild(title);
  }

  // How precisely an event is placed: the feature's own precision when the API gives
  // it; else a place named exactly as a country is the whole country, and one named
  // as a first-level division ("Kherson Oblast", "Krasnodar Krai") a region.
  var REGION_NAME = /\s(Oblast|Krai|Kray|Province|Region|Governorate|Voivodeship|Prefecture)$/;
  function precisionOf(p) {
    if (p.precision) return p.precision;
    if (p.place && countryPaths[p.place]) return "country";
    return p.place && REGION_NAME.test(p.place) ? "region" : null;
  }

  // A country-wide event lights its country's outline; a region-wide one a dashed
  // circle about a region's size. Either way the marker is drawn dashed (imprecise).
  function drawArea(f) {
    var p = f.properties;
    var precision = precisionOf(p);
    var span = COARSE[precision];
    if (!span) return;
    var family = "area fam-" + (p.family || "other");
    if (precision === "country" && countryPaths[p.place]) {
      countryAreas.appendChild(el("path", { d: countryPaths[p.place], "class": family + " country-area",
                                            "data-place": p.place }));
      return;
    }
    var c = f.geometry.coordinates;
    var a = screen(c), b = screen([c[0], Math.min(89, c[1] + span)]);
    if (!a || !b) return;
    areas.appendChild(el("circle", { cx: a[0].toFixed(1), cy: a[1].toFixed(1),
      r: Math.max(10, Math.abs(b[1] - a[1])).toFixed(1), "class": family }));
  }

  function drawMarker(f) {
    var p = f.properties;
    var single = !data.aggregated && p.id;
    var r = Math.min(26, 8 + Math.sqrt(killed(p)) * 1.6);
    var precision = precisionOf(p);
    var g = el("g", { "class": "marker fam-" + (p.family || "other") + (COARSE[precision] ? " imprecise" : "") +
                      (p.confidence != null && p.confidence < 0.7 ? " low-confidence" : ""),
                      transform: "translate(" + f.screen[0].toFixed(1) + " " + f.screen[1].toFixed(1) + ")",
                      "data-key": keyOf(f), "data-place": p.place || "", "data-family": p.family || "",
                      "data-country": p.country || "", "data-type": p.type || "" });
    if (single) g.setAttribute("data-event-id", p.id);
    if (precision) g.setAttribute("data-precision", precision);
    // A round target at least 28 px across under the shape: thin shapes (a chevron,
    // a flag) are hard to hit, on a phone above all.
    g.appendChild(el("circle", { r: Math.max(r + 2, 14).toFixed(1), "class": "hit" }));
    g.appendChild(el("use", { href: "#shape-" + (single && document.getElementById("shape-" + p.type) ? p.type : "other"),
                              x: -r, y: -r, width: 2 * r, height: 2 * r }));
    focusable(g, label(p), function () { select(g, [f]); });
    return g;
  }

  function drawCluster(group) {
    var r = Math.min(CELL / 2, 12 + Math.log2(group.count) * 2.5);
    var g = el("g", { "class": "cluster", transform: "translate(" + group.x.toFixed(1) + " " + group.y.toFixed(1) + ")",
                      "data-count": group.count, "data-key": "c:" + group.members.map(keyOf).sort()[0] });
    g.appendChild(el("circle", { r: r.toFixed(1) }));
    var t = el("text", { "text-anchor": "middle", dy: "4" });
    t.textContent = group.count > 999 ? Math.round(group.count / 1000) + "k" : String(group.count);
    g.appendChild(t);
    var places = {};
    group.members.forEach(function (f) { places[f.properties.place || "?"] = 1; });
    focusable(g, group.count + " events: " + Object.keys(places).slice(0, 4).join(", ") +
              (Object.keys(places).length > 4 ? " and more" : "") + ". Select to split or list them.",
              function () { openCluster(g, group); });
    return g;
  }

  function openCluster(node, group) {
    var xs = group.members.map(function (f) { return f.screen[0]; });
    var ys = group.members.map(function (f) { return f.screen[1]; });
    var spread = Math.max(Math.max.apply(null, xs) - Math.min.apply(null, xs), Math.max.apply(null, ys) - Math.min.apply(null, ys));
    if (spread > 0.5 && map.zoom() < map.MAX_ZOOM) {  // they separate further in: zoom to them
      var factor = Math.max(2, (CELL * 1.5) / Math.max(spread, 1));
      map.center(group.x, group.y);
      map.zoomAt(Math.min(factor, 8), width / 2, height / 2);
      return;
    }
    select(node, group.members);  // all on one spot: list them
  }

  function render() {
    var transform = map.transform();
    land.setAttribute("transform", transform);
    countryAreas.setAttribute("transform", transform);
    while (countryAreas.firstChild) countryAreas.removeChild(countryAreas.firstChild);
    var active = document.activeElement;
    var activeKey = active && active.getAttribute && marks.contains(active) ? active.getAttribute("data-key") : null;
    while (areas.firstChild) areas.removeChild(areas.firstChild);
    while (marks.firstChild) marks.removeChild(marks.firstChild);
    var found = clusters();
    found.groups.sort(function (a, b) { return a.y - b.y || a.x - b.x; });  // tab order: top to bottom
    found.groups.forEach(function (group) {
      // One event alone gets its shape; several, or a place standing for several
      // (a response grouped by place), a numbered bubble.
      if (group.members.length === 1 && (group.count === 1 || !data.aggregated)) {
        drawArea(group.members[0]);
        marks.appendChild(drawMarker(group.members[0]));
      } else {
        marks.appendChild(drawCluster(group));
      }
    });
    if (activeKey || selectedKey) {
      var again = marks.querySelector('[data-key="' + (activeKey || selectedKey).replace(/"/g, '\\"') + '"]');
      if (again && activeKey) again.focus({ preventScroll: true });
      if (again && selectedKey === again.getAttribute("data-key")) again.classList.add("selected");
    }
    drawList(found.inView);
  }

  // -- details and the list beside the map ---------------------------------------------
  function eventLink(p) {
    return p.id ? "/events/" + encodeURIComponent(p.id) : "/events?place=" + encodeURIComponent(p.place || "");
  }

  function icon(p) {
    var s = el("svg", { "class": "icon fam-" + (p.family || "other"), "aria-hidden": "true", focusable: "false" });
    s.appendChild(el("use", { href: "#shape-" + (p.type && document.getElementById("shape-" + p.type) ? p.type : "other") }));
    return s;
  }

  function item(f) {
    var p = f.properties;
    var li = html("li", null, { "data-place": p.place || "", "data-country": p.country || "",
                                "data-date": p.date || "", "data-count": String(p.count || 1) });
    if (p.id) li.setAttribute("data-event-id", p.id);
    li.appendChild(icon(p));
    li.appendChild(html("a", label(p), { href: eventLink(p) }));
    return li;
  }

  function select(node, features) {
    Array.prototype.forEach.call(marks.querySelectorAll(".selected"), function (n) { n.classList.remove("selected"); });
    node.classList.add("selected");
    selectedKey = node.getAttribute("data-key");
    while (details.firstChild) details.removeChild(details.firstChild);
    var head = features.length === 1 ? label(features[0].properties)
      : features.reduce(function (a, f) { return a + (f.properties.count || 1); }, 0) + " events at " + (features[0].properties.place || "one place");
    details.appendChild(html("h3", head));
    var ol = html("ol");
    features.slice(0, LIST_MAX).forEach(function (f) { ol.appendChild(item(f)); });
    details.appendChild(ol);
    var p = features[0].properties;
    var open = html("a", features.length === 1 && p.id ? "Open the event →" : "List these events →",
                    { href: features.length === 1 ? eventLink(p) : "/events?place=" + encodeURIComponent(p.place || ""), "class": "button" });
    details.appendChild(html("p")).appendChild(open);
    holder.setAttribute("data-selected", selectedKey);
  }

  function drawList(inView) {
    inView.sort(function (a, b) {
      return (b.properties.date || "").localeCompare(a.properties.date || "") || (b.properties.count || 1) - (a.properties.count || 1);
    });
    var n = inView.reduce(function (a, f) { return a + (f.properties.count || 1); }, 0);
    listTitle.textContent = n + (n === 1 ? " event" : " events") + " in view" + (inView.length > LIST_MAX ? " (latest " + LIST_MAX + " listed)" : "");
    while (list.firstChild) list.removeChild(list.firstChild);
    inView.slice(0, LIST_MAX).forEach(function (f) { list.appendChild(item(f)); });
    list.setAttribute("data-count", String(inView.length));
  }

  // -- data ---------------------------------------------------------------------------------
  function query(box) {
    var params = new URLSearchParams();
    params.set("bbox", box.join(","));
    var boxes = form.querySelectorAll("input[name=family]");
    var checked = Array.prototype.filter.call(boxes, function (b) { return b.checked; });
    if (checked.length === 0) params.append("family", "none");
    if (checked.length < boxes.length) checked.forEach(function (b) { params.append("family", b.value); });
    var w = time.window();
    if (w) { params.set("since", w.since); params.set("until", w.until); }
    return params.toString();
  }

  var asked = 0;
  function load(box) {
    box = box || map.visibleBox();
    var ticket = ++asked;
    status.textContent = "loading…";
    holder.setAttribute("data-loaded", "false");
    fetch("/api/map.geojson?" + query(box), { headers: { Accept: "application/geo+json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (got) {
        if (ticket !== asked) return;  // a newer request is on its way
        data = got;
        fetched = { box: box, complete: !got.aggregated };
        status.textContent = got.features.length + " shown of " + got.total +
          (got.aggregated ? " (grouped by place; zoom in for single events)" : "");
        render();
        holder.setAttribute("data-loaded", "true");
      })
      .catch(function (e) { if (ticket === asked) status.textContent = "could not load events: " + e.message; });
  }

  form.addEventListener("change", function (e) {
    if (e.target.name === "region") {
      if (e.target.value) map.fitBox(e.target.value.split(",").map(Number));
      return;
    }
    load();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); load(); });

  fetch(holder.getAttribute("data-atlas"))
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      drawLand(topojson.feature(topo, topo.objects.countries));
      render();
    });
  load([-180, -90, 180, 90]);
})();
