// On a phone, folds the list of a note's talks so the note itself starts on the first screen.
// The list is open in the page, so a reader without scripts still sees it.
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 44.9375em)");
  function init() {
    if (!narrow.matches) return;
    document.querySelectorAll("details[data-cn-fold]").forEach(function (fold) {
      fold.open = false;
    });
  }
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
