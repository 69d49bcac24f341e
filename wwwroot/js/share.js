// The before/after slider of a share link's page, which is plain HTML without a Blazor circuit: the same markup and
// styles as the playground's CompareSlider component, moved by the range input here instead of by the server.
for (const compare of document.querySelectorAll(".compare")) {
  const range = compare.querySelector("input[type=range]");
  const before = compare.querySelector(".compare-before");
  const handle = compare.querySelector(".compare-handle");
  const move = () => {
    before.style.clipPath = `inset(0 ${100 - Number(range.value)}% 0 0)`;
    handle.style.left = `${range.value}%`;
  };
  range.addEventListener("input", move);
  move();
}
