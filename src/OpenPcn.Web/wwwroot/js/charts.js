// Draws each <canvas data-chart="bar|line"> with Chart.js from its data-labels and data-series attributes. The page
// always shows the same figures as a table, so nothing is lost if this script does not run.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }

  // NHS colours: blue, dark blue-green, warm yellow, purple, red, grey.
  var colours = ['#005eb8', '#00a499', '#ffb81c', '#330072', '#d5281b', '#768692'];

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var kind = canvas.getAttribute('data-chart');
    var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
    var series = JSON.parse(canvas.getAttribute('data-series') || '[]');
    var stacked = canvas.getAttribute('data-stacked') === 'true';
    new window.Chart(canvas, {
      type: kind,
      data: {
        labels: labels,
        datasets: series.map(function (s, i) {
          return {
            label: s.Label,
            data: s.Values,
            backgroundColor: colours[i % colours.length],
            borderColor: colours[i % colours.length],
            borderWidth: kind === 'line' ? 3 : 0,
            pointRadius: kind === 'line' ? 4 : undefined,
            tension: 0
          };
        })
      },
      options: {
        locale: 'en-GB',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { stacked: stacked, ticks: { autoSkip: false, maxRotation: 60, minRotation: 0 } },
          y: { stacked: stacked, beginAtZero: kind === 'bar' }
        }
      }
    });
    canvas.setAttribute('data-rendered', 'true');
  });
})();
