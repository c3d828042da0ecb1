// The map's time bar: a slider over the days from the first event to the last (it
// sets the window's last day), windows of 24 h / 7 d / 30 d or all dates, and Play,
// which moves the window a day at a time. changed() runs whenever the window moves.
(function () {
  "use strict";
  var DAY = 86400000;

  window.DatelineTimeBar = function (timeBar, changed) {
    var slider = timeBar.querySelector("input[type=range]");
    var windowOut = timeBar.querySelector("output");
    var playButton = timeBar.querySelector("#time-play");
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
      b.addEventListener("click", function () { setWindow(+b.getAttribute("data-window")); changed(); });
    });
    var sliding = null;
    slider.addEventListener("input", function () {
      if (!windowDays) setWindow(7);  // moving through time means a window, not everything
      showWindow();
      clearTimeout(sliding);
      sliding = setTimeout(changed, 150);
    });
    playButton.addEventListener("click", function () {
      if (playing) { stop(); return; }
      if (!windowDays) setWindow(7);
      if (+slider.value >= +slider.max) slider.value = String(Math.min(+slider.max, windowDays - 1));
      playButton.setAttribute("aria-pressed", "true");
      playButton.textContent = "❚❚ Pause";
      showWindow();
      changed();
      playing = setInterval(function () {
        if (+slider.value >= +slider.max) { stop(); return; }
        slider.value = String(+slider.value + 1);
        showWindow();
        changed();
      }, 900);
    });


    setWindow(0);
    return { window: timeWindow };
  };
})();
