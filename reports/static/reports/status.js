// Follows a report's production from its JSON endpoint until the file is ready or has failed.
(() => {
  const root = document.querySelector("[data-report-status]");
  if (!root) return;
  const field = (name) => root.querySelector(`[data-status="${name}"]`);
  const live = ["queued", "running"];

  async function refresh() {
    const response = await fetch(root.dataset.reportStatus, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (response.ok) {
      const data = await response.json();
      field("label").textContent = data.state_label;
      field("bar").value = data.progress;
      field("bar").textContent = `${data.progress} %`;
      if (data.error) {
        field("error").textContent = data.error;
        field("error").hidden = false;
      }
      field("download").hidden = data.state !== "done";
      root.dataset.state = data.state;
    }
    if (live.includes(root.dataset.state)) window.setTimeout(refresh, 1500);
  }

  if (live.includes(root.dataset.state)) window.setTimeout(refresh, 1500);
})();
