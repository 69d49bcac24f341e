// Browser side of the playground: step previews painted without Blazor renders, file drop/paste into the tray's
// file input, the Ctrl+Enter shortcut, and bringing a job's progress into view.
window.playground = (() => {
  const previews = new WeakMap();
  // One entry per painted frame: { step, latencyMs } where latencyMs runs from the server's end of the step to the
  // frame about to be painted (both on the wall clock of this machine; measured on loopback).
  const paints = [];

  async function paint(canvas, frame) {
    const response = await fetch(frame.url, { cache: "no-store" });
    // 204: the job ended while the frame was asked for; the result or the job's end shows instead.
    if (!response.ok || response.status === 204) return;
    const bitmap = await createImageBitmap(await response.blob());
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext("2d").drawImage(bitmap, 0, 0);
    bitmap.close();
    canvas.dataset.step = String(frame.step);
    canvas.classList.add("painted");
    await new Promise(requestAnimationFrame);
    paints.push({ step: frame.step, latencyMs: performance.timeOrigin + performance.now() - frame.stepEndedMs });
  }

  // Latest frame only: while one frame loads, a newer one replaces whatever was waiting.
  async function pump(canvas, state) {
    state.busy = true;
    // A preview the page has taken away (the result replaced it) fetches nothing more.
    while (state.next && canvas.isConnected) {
      const frame = state.next;
      state.next = null;
      try { await paint(canvas, frame); } catch (e) { console.warn("preview frame failed", e); }
    }
    state.busy = false;
  }

  const shortcuts = new Map();
  let lastShortcut = 0;

  return {
    showPreview(canvas, url, step, stepEndedMs) {
      if (!canvas) return;
      let state = previews.get(canvas);
      if (!state) previews.set(canvas, (state = { busy: false, next: null }));
      state.next = { url, step, stepEndedMs };
      if (!state.busy) pump(canvas, state);
    },
    // The job ended: the frame still waiting is dropped, as the server has let the job's frames go.
    stopPreview(canvas) {
      const state = canvas && previews.get(canvas);
      if (state) state.next = null;
    },
    // After Run the job's progress may be far below, under the form (one column on a phone): bring it into view.
    // Returns whether the progress was there to show.
    revealProgress() {
      const progress = document.querySelector(".output-column [data-testid=job-progress]");
      if (!progress) return false;
      const box = progress.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) progress.scrollIntoView({ block: "start" });
      return true;
    },
    clearPreview(canvas) {
      if (!canvas) return;
      canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
      delete canvas.dataset.step;
      canvas.classList.remove("painted");
    },
    paints,
    attachTray(zone, input) {
      zone.dataset.attached = "true";
      const deliver = files => {
        if (!files || files.length === 0) return false;
        const transfer = new DataTransfer();
        for (const file of files) transfer.items.add(file);
        input.files = transfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
        return true;
      };
      zone.addEventListener("dragover", e => { if (e.dataTransfer?.types.includes("Files")) { e.preventDefault(); zone.classList.add("dropping"); } });
      zone.addEventListener("dragleave", () => zone.classList.remove("dropping"));
      zone.addEventListener("drop", e => {
        zone.classList.remove("dropping");
        if (e.dataTransfer?.files.length) { e.preventDefault(); deliver(e.dataTransfer.files); }
      });
      // Each view has its own tray: a tray that left the page stops taking pastes.
      const paste = e => {
        if (!zone.isConnected) { document.removeEventListener("paste", paste); return; }
        const files = [...(e.clipboardData?.files ?? [])].filter(f => f.type.startsWith("image/"));
        if (files.length && deliver(files)) e.preventDefault();
      };
      document.addEventListener("paste", paste);
    },
    // Each editor registers its own handler and removes only that one: when the view changes, the new editor may
    // register before the old one is gone.
    onCtrlEnter(editor) {
      const handle = ++lastShortcut;
      const handler = e => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          editor.invokeMethodAsync("RunFromShortcut");
        }
      };
      shortcuts.set(handle, handler);
      document.addEventListener("keydown", handler);
      return handle;
    },
    offCtrlEnter(handle) {
      const handler = shortcuts.get(handle);
      if (handler) document.removeEventListener("keydown", handler);
      shortcuts.delete(handle);
    },
  };
})();
