// The map's frame: an SVG over d3-geo's Equal Earth projection, and the view on it
// (zoom k, offset x, y: screen = k * projected + offset), moved by the buttons, the
// mouse wheel, drag, two-finger pinch and the keyboard (arrows pan, + - zoom, 0 resets).
// The land is one SVG group under the view's transform; what is drawn in screen space
// (markers, so they keep their size) is redrawn by hooks.draw on every change, and
// hooks.settled runs once the view has been still for 350 ms.
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var MAX_ZOOM = 200;

  function el(name, attrs) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  window.DatelineMapView = function (holder, hooks) {
    var width = holder.clientWidth || 960;
    // The world is about half as tall as wide; a phone gets a taller frame to zoom into.
    var height = width < 600 ? Math.round(Math.max(280, Math.min(window.innerHeight * 0.5, width * 0.8)))
      : Math.round(width * 0.5);
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, "class": "world",
                          width: width, height: height });
    holder.appendChild(svg);
    var projection = d3.geoEqualEarth().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
    var view = { k: 1, x: 0, y: 0 };

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
      if (!frame) frame = requestAnimationFrame(function () { frame = null; hooks.draw(); });
      clearTimeout(settle);
      settle = setTimeout(hooks.settled, 350);
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

    return {
      svg: svg, width: width, height: height, projection: projection, el: el, MAX_ZOOM: MAX_ZOOM,
      zoom: function () { return view.k; },
      transform: function () {
        return "translate(" + view.x.toFixed(2) + " " + view.y.toFixed(2) + ") scale(" + view.k.toFixed(4) + ")";
      },
      zoomAt: zoomAt, panBy: panBy, fitBox: fitBox, screen: screen, visibleBox: visibleBox,
      center: function (sx, sy) { view.x += width / 2 - sx; view.y += height / 2 - sy; }
    };
  };
})();
