// Draws the customer 360 page's monthly spend chart from the canvas's data attributes.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('spend-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: canvas.dataset.labels.split(','),
      datasets: [{ label: canvas.dataset.series, data: canvas.dataset.values.split(',').map(Number) }]
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
  });
});
