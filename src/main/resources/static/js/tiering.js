// Draws the tiering console's bar charts from each canvas's data-chart JSON ({series, labels, values}): the tier
// distribution in tier colours, an explanation's indicator contributions as horizontal bars. Runs on page load and on
// every piece of content htmx swaps in (a run's scored state, the customer's tier panel).
(function () {
  var TIER_COLOURS = ['#d69e2e', '#1f5fbf', '#2f855a', '#8795a1', '#9f7aea', '#dd6b20'];

  function draw(root) {
    if (typeof Chart === 'undefined' || !root.querySelectorAll) {
      return;
    }
    var canvases = Array.prototype.slice.call(root.querySelectorAll('canvas[data-chart]'));
    if (root.matches && root.matches('canvas[data-chart]')) {
      canvases.push(root);
    }
    canvases.forEach(function (canvas) {
      if (Chart.getChart(canvas)) {
        return;
      }
      var data = JSON.parse(canvas.dataset.chart);
      var contributions = canvas.dataset.chartKind === 'contributions';
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: data.labels,
          datasets: [{
            label: data.series,
            data: data.values,
            backgroundColor: contributions ? '#1f5fbf' : data.labels.map(function (label, i) {
              return TIER_COLOURS[i % TIER_COLOURS.length];
            })
          }]
        },
        options: {
          indexAxis: contributions ? 'y' : 'x',
          animation: false,
          maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: contributions ? { x: { beginAtZero: true } } : { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:load', function (event) { draw(event.detail.elt); });
})();
