// The actor graph: nodes are actors, edges their events, coloured by mean Goldstein score.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  var form = document.getElementById("graph-filter");
  var status = document.getElementById("graph-status");
  var detail = document.getElementById("edge-detail");
  var cy = null;

  function tone(goldstein) {
    if (goldstein > 0.5) return "#2e7d32";
    if (goldstein < -0.5) return "#c62828";
    return "#8d8d8d";
  }

  function elements(data) {
    var nodes = data.nodes.map(function (n) {
      return {
        data: { id: n.id, label: n.label, actorId: n.actor_id, code: n.code, events: n.events }
      };
    });
    var edges = data.edges.map(function (e, i) {
      return {
        data: {
          id: "e" + i, source: e.source, target: e.target, events: e.events,
          goldstein: e.goldstein, color: tone(e.goldstein),
          width: Math.min(12, 1.5 + 1.5 * Math.log2(1 + e.events)),
          cooperation: e.cooperation, conflict: e.conflict
        }
      };
    });
    return nodes.concat(edges);
  }

  function draw(data) {
    if (cy) cy.destroy();
    cy = cytoscape({
      container: box,
      elements: elements(data),
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 12, "color": "#1d2330",
          "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis",
          "text-max-width": "140px", "text-background-color": "#ffffff",
          "text-background-opacity": 0.75, "text-background-padding": "1px",
          "background-color": "#3b5b92", "border-width": 2, "border-color": "#fff",
          "width": "mapData(events, 1, 30, 18, 54)", "height": "mapData(events, 1, 30, 18, 54)"
        } },
        { selector: "edge", style: {
          "width": "data(width)", "line-color": "data(color)", "curve-style": "bezier",
          "target-arrow-shape": "triangle", "target-arrow-color": "data(color)", "opacity": 0.8
        } },
        { selector: ":selected", style: { "border-color": "#f29f05", "line-color": "#f29f05" } }
      ],
      layout: {
        name: "cose", animate: false, padding: 30, nodeRepulsion: 12000, idealEdgeLength: 90,
        componentSpacing: 40, nodeOverlap: 20, randomize: false
      }
    });
    cy.on("tap", "node", function (evt) {
      var node = evt.target.data();
      if (node.actorId) window.location.href = "/actors/" + encodeURIComponent(node.actorId);
      else if (node.code) window.location.href = "/actors?q=" + encodeURIComponent(node.code);
    });
    cy.on("tap", "edge", function (evt) {
      var d = evt.target.data();
      document.getElementById("edge-title").textContent =
        cy.getElementById(d.source).data("label") + " → " + cy.getElementById(d.target).data("label");
      document.getElementById("edge-summary").textContent =
        d.events + " events: " + d.cooperation + " cooperative, " + d.conflict +
        " conflictual, mean Goldstein " + d.goldstein.toFixed(1);
      detail.hidden = false;
    });
    box.dataset.nodes = String(data.nodes.length);
    box.dataset.edges = String(data.edges.length);
    status.textContent = data.nodes.length
      ? data.nodes.length + " actors, " + data.edges.length + " relations"
      : "No coded events between actors in this period.";
    window.newsgraphGraph = cy;
  }

  function load() {
    var params = new URLSearchParams();
    var since = form.elements.since.value, until = form.elements.until.value;
    if (since) params.set("since", since);
    if (until) params.set("until", until);
    if (form.elements.by_country.checked) params.set("by_country", "true");
    status.textContent = "Loading…";
    fetch("/api/graph?" + params.toString())
      .then(function (r) {
        if (!r.ok) return r.json().then(function (b) { throw new Error(b.detail || r.statusText); });
        return r.json();
      })
      .then(draw)
      .catch(function (err) { status.textContent = "Could not load the graph: " + err.message; });
  }

  form.addEventListener("submit", function (evt) { evt.preventDefault(); load(); });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      form.elements.since.value = "";
      form.elements.until.value = "";
      load();
    }, 0);
  });
  form.elements.since.addEventListener("change", load);
  form.elements.until.addEventListener("change", load);
  form.elements.by_country.addEventListener("change", load);
  load();
})();
