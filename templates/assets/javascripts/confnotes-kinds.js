// Labels each search result with what kind of page it is (노트, 발표자, 주제, 행사, 시리즈).
// The labels come from the script tag (pages.search_kinds), keyed by the first folder of the
// result's address below the site root; a page in no such folder is a note.
(function () {
  "use strict";
  var script = document.currentScript;
  var kinds = JSON.parse(script.dataset.kinds || "{}");
  var root = new URL(script.dataset.root || ".", document.baseURI).pathname;
  function kindOf(href) {
    var path = decodeURIComponent(new URL(href, document.baseURI).pathname);
    var rest = path.indexOf(root) === 0 ? path.slice(root.length) : path;
    var folder = rest.split("/")[0] + "/";
    if (rest === "" || rest === folder) return null; // the home page and the indexes
    return kinds[folder] || kinds[""] || null;
  }
  function label(list) {
    // An item is a page: its first link is the page itself, the others its sections.
    list.querySelectorAll(".md-search-result__item").forEach(function (item) {
      var link = item.querySelector(".md-search-result__link");
      var title = link && link.querySelector("article h1");
      if (!title || title.querySelector(".cn-kind")) return;
      var kind = kindOf(link.getAttribute("href"));
      if (!kind) return;
      var badge = document.createElement("span");
      badge.className = "cn-kind";
      badge.textContent = kind;
      title.insertBefore(badge, title.firstChild);
    });
  }
  function init() {
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function () { label(list); }).observe(list, {childList: true, subtree: true});
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
