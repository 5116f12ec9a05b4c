// Filters a listing as the reader types. Works offline; no search index needed.
// Hangul is compared after NFC, so text typed on any keyboard matches.
(function () {
  "use strict";
  function setup(input) {
    var items = Array.prototype.slice.call(document.querySelectorAll(input.dataset.cnFilter));
    var groups = Array.prototype.slice.call(document.querySelectorAll("[data-cn-group]"));
    var empty = document.querySelector(".cn-filter-empty");
    function apply() {
      var query = input.value.normalize("NFC").toLowerCase().trim();
      var words = query.split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var text = (item.dataset.cnText || "").normalize("NFC");
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        item.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-cn-text]:not([hidden])");
        var heading = group.querySelector("[id]");
        var jump = heading && document.querySelector('a[href="#' + heading.id + '"]');
        if (jump) jump.hidden = group.hidden;
      });
      if (empty) empty.hidden = shown !== 0;
    }
    input.addEventListener("input", apply);
    apply();
  }
  function init() {
    document.querySelectorAll("input[data-cn-filter]").forEach(setup);
  }
  // Material's instant navigation swaps pages without a reload; it offers document$.
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
