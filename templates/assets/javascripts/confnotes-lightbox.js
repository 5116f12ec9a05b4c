/* Confnotes lightbox: a large picture in a note (a.cn-lightbox, made by hooks/confnotes/
   images.py) opens over the page in a <dialog>; the arrow keys or buttons go to the page's
   other pictures, Esc, the close button or a click on the picture closes it. Without this
   script the link simply opens the picture. Nothing is loaded from elsewhere. */
(() => {
  "use strict";
  let dialog = null;
  let picture = null;
  let caption = null;
  let links = [];
  let index = 0;

  function button(label, text, className, action) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.setAttribute("aria-label", label);
    element.textContent = text;
    element.addEventListener("click", (event) => { event.stopPropagation(); action(); });
    return element;
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "cn-lightbox-dialog";
    dialog.setAttribute("aria-label", "사진 크게 보기");
    const figure = document.createElement("figure");
    picture = document.createElement("img");
    caption = document.createElement("figcaption");
    figure.append(picture, caption);
    dialog.append(
      figure,
      button("이전 사진", "‹", "cn-lightbox-prev", () => show(index - 1)),
      button("다음 사진", "›", "cn-lightbox-next", () => show(index + 1)),
      button("닫기", "×", "cn-lightbox-close", () => dialog.close()),
    );
    dialog.addEventListener("click", () => dialog.close());
    dialog.addEventListener("keydown", (event) => {
      if (event.key === "ArrowLeft") show(index - 1);
      else if (event.key === "ArrowRight") show(index + 1);
    });
    dialog.addEventListener("close", () => { picture.removeAttribute("src"); });
    document.body.append(dialog);
  }

  function show(next) {
    index = (next + links.length) % links.length;
    const link = links[index];
    const thumb = link.querySelector("img");
    picture.src = link.href;
    picture.alt = thumb ? thumb.alt : "";
    caption.textContent = thumb ? (thumb.title || thumb.alt) : "";
    caption.hidden = !caption.textContent;
    const several = links.length > 1;
    dialog.querySelector(".cn-lightbox-prev").hidden = !several;
    dialog.querySelector(".cn-lightbox-next").hidden = !several;
  }

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.cn-lightbox") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey ||
        event.altKey || typeof HTMLDialogElement !== "function") return;
    event.preventDefault();
    if (!dialog) build();
    links = Array.from(document.querySelectorAll("a.cn-lightbox"));
    show(links.indexOf(link));
    dialog.showModal();
  });
})();
