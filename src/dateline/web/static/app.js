// Small page helpers (no framework): bring a highlighted evidence sentence into
// view, and fill filter boxes' suggestion lists from /api/places and /api/actors.
(function () {
  "use strict";
  var focus = document.getElementById("evidence");
  if (focus && focus.scrollIntoView) {
    focus.scrollIntoView({ block: "center" });
    window.scrollTo(0, 0);
  }

  function fill(list, values) {
    while (list.firstChild) list.removeChild(list.firstChild);
    values.forEach(function (v) {
      var option = document.createElement("option");
      option.value = v.value;
      if (v.label) option.label = v.label;
      list.appendChild(option);
    });
  }

  // What each box suggests, from which endpoint: the API answers "q" as a substring.
  var SOURCES = {
    places: function (q) {
      return fetch("/api/places?limit=20&q=" + encodeURIComponent(q)).then(function (r) { return r.json(); })
        .then(function (d) {
          return d.places.map(function (p) {
            return { value: p.name, label: (p.country ? p.country + " · " : "") + p.events + " events" };
          });
        });
    },
    actors: function (q) {
      return fetch("/api/actors?limit=20&q=" + encodeURIComponent(q)).then(function (r) { return r.json(); })
        .then(function (d) {
          var seen = {};
          return d.actors.filter(function (a) {
            var key = a.name.toLowerCase();
            if (seen[key]) return false;
            seen[key] = true;
            return true;
          }).map(function (a) { return { value: a.name, label: a.role + " · " + a.mentions + " mentions" }; });
        });
    },
    countries: function () {
      return fetch("/api/places?limit=100").then(function (r) { return r.json(); })
        .then(function (d) {
          var counts = {};
          d.places.forEach(function (p) { if (p.country) counts[p.country] = (counts[p.country] || 0) + p.events; });
          return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; })
            .map(function (c) { return { value: c, label: counts[c] + " events (top places)" }; });
        });
    }
  };

  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), function (input) {
    var source = SOURCES[input.getAttribute("data-suggest")];
    var list = document.getElementById(input.getAttribute("list"));
    if (!source || !list) return;
    var timer = null;
    var asked = null;
    function suggest() {
      var q = input.value.trim();
      if (q === asked) return;
      asked = q;
      source(q).then(function (values) {
        if (asked === q) fill(list, values);
        input.setAttribute("data-suggested", String(values.length));
      }).catch(function () { asked = null; });
    }
    input.addEventListener("focus", suggest);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 200);
    });
  });
})();

// Charts come after the page (/chart counts events by day, slow on a large store):
// the fragment is this server's own autoescaped HTML.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-chart-src]"), function (slot) {
    fetch(slot.getAttribute("data-chart-src"), { headers: { Accept: "text/html" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.text(); })
      .then(function (html) {
        slot.innerHTML = html;
        slot.setAttribute("data-loaded", "true");
      })
      .catch(function (e) { slot.textContent = "The chart could not be loaded: " + e.message; });
  });
})();
