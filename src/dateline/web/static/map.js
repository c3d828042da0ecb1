// The offline world map: Natural Earth 1:50m countries (world-atlas) drawn with d3-geo,
// events from /api/map.geojson. No tiles, no network beyond this server.
//
// - zoom and pan: buttons, mouse wheel, drag, two-finger pinch, keyboard (arrows, + -);
//   the land is one SVG group under a transform, markers are redrawn in screen space
//   so they keep their size;
// - clusters: markers closer than CELL pixels on screen are one numbered bubble,
//   recomputed at every zoom, so they split as you zoom in; a bubble whose events all
//   sit on one spot lists them instead;
// - shape per type (the page's SVG symbols, shared with the lists), colour per family,
//   size by people killed; region- and country-level places drawn as dashed areas;
// - a time slider (and play) over the data's days, with 24 h / 7 d / 30 d windows;
// - the events in view listed beside the map; details on click, tap or Enter.
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var CELL = 44;          // px: markers closer than this on screen are clustered
  var MAX_ZOOM = 200;
  var LIST_MAX = 150;     // events listed beside the map
  var COARSE = { region: 1.2, country: 3.5 };  // degrees of latitude an imprecise place spans
  var DAY = 86400000;

  var holder = document.getElementById("map");
  var form = document.getElementById("map-filters");
  var status = document.getElementById("map-status");
  var details = document.getElementById("map-details");
  var list = document.getElementById("map-list");
  var listTitle = document.getElementById("map-list-title");
  var timeBar = document.getElementById("time-bar");
  var slider = document.getElementById("time-slider");
  var windowOut = document.getElementById("time-window");
  var playButton = document.getElementById("time-play");

  var width = holder.clientWidth || 960;
  // The world is about half as tall as wide; a phone gets a taller frame to zoom into.
  var height = width < 600 ? Math.round(Math.max(280, Math.min(window.innerHeight * 0.5, width * 0.8)))
    : Math.round(width * 0.5);
  var svg = el("svg", { viewBox: "0 0 " + width + " " + height, "class": "world",
                        width: width, height: height, "aria-hidden": "false" });
  var land = el("g", { "class": "land" });
  var areas = el("g", { "class": "areas" });
  var marks = el("g", { "class": "events" });
  svg.appendChild(land);
  svg.appendChild(areas);
  svg.appendChild(marks);
  holder.appendChild(svg);

  var projection = d3.geoEqualEarth().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
  var path = d3.geoPath(projection);
  var view = { k: 1, x: 0, y: 0 };
  var data = { features: [], total: 0, aggregated: false };
  var fetched = null;      // {box, complete}: what the last response covers
  var selectedKey = null;

  function el(name, attrs) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

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
      var p = el("path", { d: path(f) || "", "class": "country" });
      var title = el("title");
      title.textContent = (f.properties && f.properties.name) || "";
      p.appendChild(title);
      land.appendChild(p);
    });
  }

  // -- view: zoom and pan --------------------------------------------------------------
  function clampView() {
    view.k = Math.max(1, Math.min(MAX_ZOOM, view.k));
    // keep some of the world on screen
    view.x = Math.min(width * 0.5, Math.max(width * 0.5 - width * view.k, view.x));
    view.y = Math.min(height * 0.5, Math.max(height * 0.5 - height * view.k, view.y));
  }

  function zoomAt(factor, sx, sy) {
    var k = Math.max(1, Math.min(MAX_ZOOM, view.k * factor));
    factor = k / view.k;
    view.x = sx - (sx - view.x) * factor;
    view.y = sy - (sy - view.y) * factor;
    view.k = k;
    changed();
  }

  function panBy(dx, dy) {
    view.x += dx;
    view.y += dy;
    changed();
  }

  function fitBox(box) {  // [minLon, minLat, maxLon, maxLat]
    if (box[0] <= -180 && box[2] >= 180) { view = { k: 1, x: 0, y: 0 }; changed(); return; }
    var corners = [];
    for (var i = 0; i <= 4; i++) {
      for (var j = 0; j <= 4; j++) {
        var xy = projection([box[0] + (box[2] - box[0]) * i / 4, box[1] + (box[3] - box[1]) * j / 4]);
        if (xy) corners.push(xy);
      }
    }
    var xs = corners.map(function (c) { return c[0]; });
    var ys = corners.map(function (c) { return c[1]; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var k = Math.min(MAX_ZOOM, 0.92 * Math.min(width / (x1 - x0), height / (y1 - y0)));
    view = { k: k, x: width / 2 - k * (x0 + x1) / 2, y: height / 2 - k * (y0 + y1) / 2 };
    changed();
  }

  var frame = null;
  var settle = null;
  function changed() {
    clampView();
    holder.setAttribute("data-zoom", view.k.toFixed(2));
    if (!frame) frame = requestAnimationFrame(function () { frame = null; render(); });
    clearTimeout(settle);
    settle = setTimeout(maybeRefetch, 350);
  }

  function screen(lonlat) {
    var xy = projection(lonlat);
    return xy ? [view.k * xy[0] + view.x, view.k * xy[1] + view.y] : null;
  }

  function visibleBox() {
    if (view.k < 1.8) return [-180, -90, 180, 90];
    var lons = [], lats = [];
    for (var i = 0; i <= 6; i++) {
      for (var j = 0; j <= 6; j++) {
        var p = projection.invert([(width * i / 6 - view.x) / view.k, (height * j / 6 - view.y) / view.k]);
        if (p && isFinite(p[0]) && isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90) {
          lons.push(p[0]);
          lats.push(p[1]);
        }
      }
    }
    if (lons.length < 4) return [-180, -90, 180, 90];
    var box = [Math.min.apply(null, lons), Math.min.apply(null, lats), Math.max.apply(null, lons), Math.max.apply(null, lats)];
    var padX = (box[2] - box[0]) * 0.15 + 0.5, padY = (box[3] - box[1]) * 0.15 + 0.5;
    return [Math.max(-180, box[0] - padX), Math.max(-90, box[1] - padY),
            Math.min(180, box[2] + padX), Math.min(90, box[3] + padY)].map(function (v) { return +v.toFixed(3); });
  }

  function contains(outer, inner) {
    return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
  }

  function maybeRefetch() {
    // A response grouped by place (over 5,000 events) is refetched for the box in view,
    // where there may be few enough to show one by one; a complete one is kept.
    if (!fetched) return;
    var box = visibleBox();
    if (fetched.complete && contains(fetched.box, box)) return;
    if (!fetched.complete && fetched.box.join() === box.join()) return;
    load(box);
  }

  // -- pointer, wheel and keyboard -----------------------------------------------------
  var pointers = {};
  var gesture = null;
  var moved = 0;
  function local(e) {
    var r = svg.getBoundingClientRect();
    return [(e.clientX - r.left) * width / r.width, (e.clientY - r.top) * height / r.height];
  }
  function pointerList() { return Object.keys(pointers).map(function (id) { return pointers[id]; }); }
  function startGesture() {
    var ps = pointerList();
    if (ps.length === 1) gesture = { kind: "pan", at: ps[0] };
    else if (ps.length >= 2) {
      gesture = { kind: "pinch", dist: Math.hypot(ps[0][0] - ps[1][0], ps[0][1] - ps[1][1]) || 1,
                  mid: [(ps[0][0] + ps[1][0]) / 2, (ps[0][1] + ps[1][1]) / 2] };
    } else gesture = null;
  }
  svg.addEventListener("pointerdown", function (e) {
    if (e.pointerType === "mouse" && e.button !== 0) return;
    pointers[e.pointerId] = local(e);
    moved = 0;
    startGesture();
  });
  svg.addEventListener("pointermove", function (e) {
    if (!(e.pointerId in pointers) || !gesture) return;
    pointers[e.pointerId] = local(e);
    var ps = pointerList();
    if (gesture.kind === "pan" && ps.length === 1) {
      var dx = ps[0][0] - gesture.at[0], dy = ps[0][1] - gesture.at[1];
      moved += Math.abs(dx) + Math.abs(dy);
      if (moved > 4) {
        if (!svg.classList.contains("dragging")) {
          svg.classList.add("dragging");
          try { svg.setPointerCapture(e.pointerId); } catch (err) { /* pointer already gone */ }
        }
        gesture.at = ps[0];
        panBy(dx, dy);
      }
    } else if (gesture.kind === "pinch" && ps.length >= 2) {
      var dist = Math.hypot(ps[0][0] - ps[1][0], ps[0][1] - ps[1][1]) || 1;
      var mid = [(ps[0][0] + ps[1][0]) / 2, (ps[0][1] + ps[1][1]) / 2];
      moved += 10;
      view.x += mid[0] - gesture.mid[0];
      view.y += mid[1] - gesture.mid[1];
      zoomAt(dist / gesture.dist, mid[0], mid[1]);
      gesture.dist = dist;
      gesture.mid = mid;
    }
  });
  function endPointer(e) {
    delete pointers[e.pointerId];
    svg.classList.remove("dragging");
    startGesture();
  }
  svg.addEventListener("pointerup", endPointer);
  svg.addEventListener("pointercancel", endPointer);
  svg.addEventListener("click", function (e) {
    if (moved > 4) { e.stopPropagation(); e.preventDefault(); }  // a drag is not a click
  }, true);
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var at = local(e);
    zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0022)), at[0], at[1]);
  }, { passive: false });
  holder.addEventListener("keydown", function (e) {
    var step = 60;
    var keys = {
      ArrowLeft: function () { panBy(step, 0); }, ArrowRight: function () { panBy(-step, 0); },
      ArrowUp: function () { panBy(0, step); }, ArrowDown: function () { panBy(0, -step); },
      "+": function () { zoomAt(1.6, width / 2, height / 2); }, "=": function () { zoomAt(1.6, width / 2, height / 2); },
      "-": function () { zoomAt(1 / 1.6, width / 2, height / 2); }, "0": function () { fitBox([-180, -90, 180, 90]); }
    };
    if (keys[e.key] && !e.altKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); keys[e.key](); }
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoomAt(2, width / 2, height / 2); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomAt(0.5, width / 2, height / 2); });
  document.getElementById("zoom-reset").addEventListener("click", function () { fitBox([-180, -90, 180, 90]); });

  // -- markers and clusters ------------------------------------------------------------
  function killed(p) { return p.fatalities || 0; }
  function keyOf(f) { return f.properties.id ? "e:" + f.properties.id : "p:" + f.properties.place + "@" + f.geometry.coordinates.join(","); }
  function label(p) {
    if (data.aggregated || !p.id) return (p.place || "?") + ": " + p.count + " events" + (p.fatalities ? ", " + p.fatalities + " killed" : "");
    return (p.type || p.family || "event").replace(/_/g, " ") + " · " + (p.place || "?") +
      (p.date ? " · " + p.date : "") + (p.fatalities ? " · " + p.fatalities + " killed" : "") +
      (COARSE[p.precision] ? " · placed to the " + p.precision + " only" : "") +
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

  function drawArea(f) {
    var p = f.properties;
    var span = COARSE[p.precision];
    if (!span) return;
    var c = f.geometry.coordinates;
    var a = screen(c), b = screen([c[0], Math.min(89, c[1] + span)]);
    if (!a || !b) return;
    areas.appendChild(el("circle", { cx: a[0].toFixed(1), cy: a[1].toFixed(1),
      r: Math.max(10, Math.abs(b[1] - a[1])).toFixed(1), "class": "area fam-" + (p.family || "other") }));
  }

  function drawMarker(f) {
    var p = f.properties;
    var single = !data.aggregated && p.id;
    var r = Math.min(26, 8 + Math.sqrt(killed(p)) * 1.6);
    var g = el("g", { "class": "marker fam-" + (p.family || "other") + (COARSE[p.precision] ? " imprecise" : "") +
                      (p.confidence != null && p.confidence < 0.7 ? " low-confidence" : ""),
                      transform: "translate(" + f.screen[0].toFixed(1) + " " + f.screen[1].toFixed(1) + ")",
                      "data-key": keyOf(f), "data-place": p.place || "", "data-family": p.family || "",
                      "data-country": p.country || "", "data-type": p.type || "" });
    if (single) g.setAttribute("data-event-id", p.id);
    if (p.precision) g.setAttribute("data-precision", p.precision);
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
    if (spread > 0.5 && view.k < MAX_ZOOM) {  // they separate further in: zoom to them
      var factor = Math.min(MAX_ZOOM / view.k, Math.max(2, (CELL * 1.5) / Math.max(spread, 1)));
      view.x += width / 2 - group.x;
      view.y += height / 2 - group.y;
      zoomAt(Math.min(factor, 8), width / 2, height / 2);
      return;
    }
    select(node, group.members);  // all on one spot: list them
  }

  function render() {
    land.setAttribute("transform", "translate(" + view.x.toFixed(2) + " " + view.y.toFixed(2) + ") scale(" + view.k.toFixed(4) + ")");
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

  // -- time: slider, windows, play ------------------------------------------------------
  var first = timeBar.getAttribute("data-first");
  var windowDays = 0;  // 0: all dates
  var playing = null;
  function dayAt(i) { return new Date(Date.parse(first + "T00:00:00Z") + i * DAY).toISOString().slice(0, 10); }
  function timeWindow() {
    if (!first || !windowDays) return null;
    var end = +slider.value;
    return { since: dayAt(end - windowDays + 1), until: dayAt(end) };
  }
  function showWindow() {
    var w = timeWindow();
    windowOut.textContent = w ? (w.since === w.until ? w.until : w.since + " → " + w.until) : "all dates";
    timeBar.setAttribute("data-since", w ? w.since : "");
    timeBar.setAttribute("data-until", w ? w.until : "");
  }
  function setWindow(days) {
    windowDays = days;
    Array.prototype.forEach.call(timeBar.querySelectorAll("[data-window]"), function (b) {
      b.setAttribute("aria-pressed", String(+b.getAttribute("data-window") === days));
    });
    showWindow();
  }
  function stop() {
    clearInterval(playing);
    playing = null;
    playButton.setAttribute("aria-pressed", "false");
    playButton.textContent = "▶ Play";
  }
  Array.prototype.forEach.call(timeBar.querySelectorAll("[data-window]"), function (b) {
    b.addEventListener("click", function () { setWindow(+b.getAttribute("data-window")); load(); });
  });
  var sliding = null;
  slider.addEventListener("input", function () {
    if (!windowDays) setWindow(7);  // moving through time means a window, not everything
    showWindow();
    clearTimeout(sliding);
    sliding = setTimeout(load, 150);
  });
  playButton.addEventListener("click", function () {
    if (playing) { stop(); return; }
    if (!windowDays) setWindow(7);
    if (+slider.value >= +slider.max) slider.value = String(Math.min(+slider.max, windowDays - 1));
    playButton.setAttribute("aria-pressed", "true");
    playButton.textContent = "❚❚ Pause";
    showWindow();
    load();
    playing = setInterval(function () {
      if (+slider.value >= +slider.max) { stop(); return; }
      slider.value = String(+slider.value + 1);
      showWindow();
      load();
    }, 900);
  });

  // -- data ---------------------------------------------------------------------------------
  function query(box) {
    var params = new URLSearchParams();
    params.set("bbox", box.join(","));
    var boxes = form.querySelectorAll("input[name=family]");
    var checked = Array.prototype.filter.call(boxes, function (b) { return b.checked; });
    if (checked.length === 0) params.append("family", "none");
    if (checked.length < boxes.length) checked.forEach(function (b) { params.append("family", b.value); });
    var w = timeWindow();
    if (w) { params.set("since", w.since); params.set("until", w.until); }
    return params.toString();
  }

  var asked = 0;
  function load(box) {
    box = box || visibleBox();
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
      if (e.target.value) fitBox(e.target.value.split(",").map(Number));
      return;
    }
    load();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); load(); });

  setWindow(0);
  fetch(holder.getAttribute("data-atlas"))
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      drawLand(topojson.feature(topo, topo.objects.countries));
      render();
    });
  load([-180, -90, 180, 90]);
})();
