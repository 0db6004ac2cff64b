// The cumulative budget, actual spend to date and forecast of the placement lines, month by month.
// Every figure is also in the table under the chart; the chart is for people who would rather look than read.
(function () {
  var canvas = document.getElementById('budget-chart');
  var source = document.getElementById('budget-chart-data');
  if (!canvas || !source || typeof Chart === 'undefined') return;
  var data = JSON.parse(source.textContent);
  var pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.months,
      datasets: [
        { label: 'Budget', data: data.budget, borderColor: '#505a5f', backgroundColor: '#505a5f', borderDash: [6, 4] },
        { label: 'Actual', data: data.actual, borderColor: '#00703c', backgroundColor: '#00703c', spanGaps: false },
        { label: 'Forecast', data: data.forecast, borderColor: '#1d70b8', backgroundColor: '#1d70b8' }
      ]
    },
    options: {
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return pounds.format(v); } } } },
      plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + pounds.format(c.parsed.y); } } } }
    }
  });
})();
