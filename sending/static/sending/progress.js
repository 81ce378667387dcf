// Refreshes a send's progress from its JSON endpoint while it is running or scheduled.
(() => {
  const root = document.querySelector("[data-sending-progress]");
  if (!root) return;
  const url = root.dataset.sendingProgress;
  const field = (name) => root.querySelector(`[data-progress="${name}"]`);
  const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
  const live = ["running", "scheduled", "paused"];

  async function refresh() {
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) return;
    const data = await response.json();
    for (const name of ["sent", "total", "failed", "uncertain", "cancelled", "status_label"]) {
      const element = field(name);
      if (element) element.textContent = data[name];
    }
    field("bar").value = data.percent;
    field("estimated_end").textContent = data.estimated_end ? dateFormat.format(new Date(data.estimated_end)) : "—";
    // A new state brings other actions (pause, resume): reload the page to show them.
    if (data.status !== root.dataset.status) {
      window.location.reload();
    } else {
      window.setTimeout(refresh, 2000);
    }
  }

  if (live.includes(root.dataset.status)) {
    window.setTimeout(refresh, 2000);
  }
})();
