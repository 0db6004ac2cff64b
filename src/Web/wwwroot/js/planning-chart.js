// Demand for specialist places (line) against commissioned places (bars) for the need chosen in the select.
// The figures are all in the table beneath; the chart is for people who would rather look than read.
(function () {
  var canvas = document.getElementById('planning-chart');
  var source = document.getElementById('planning-chart-data');
  var select = document.getElementById('chart-need');
  if (!canvas || !source || !select || typeof Chart === 'undefined') return;
  var data = JSON.parse(source.textContent);
  function series(need) {
    return data.needs.find(function (n) { return n.need === need; }) || data.needs[0];
  }
  var first = series(select.value);
  var chart = new Chart(canvas, {
    data: {
      labels: data.years,
      datasets: [
        { type: 'bar', label: 'Commissioned places', data: first.places, backgroundColor: '#b1b4b6' },
        { type: 'line', label: 'Specialist demand', data: first.demand, borderColor: '#1d70b8', backgroundColor: '#1d70b8', tension: 0.2 }
      ]
    },
    options: { animation: false, scales: { y: { beginAtZero: true } } }
  });
  select.addEventListener('change', function () {
    var s = series(select.value);
    chart.data.datasets[0].data = s.places;
    chart.data.datasets[1].data = s.demand;
    chart.update();
  });
})();
