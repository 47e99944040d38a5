// Runs before the first paint: a Skydeck opened in the dark must not flash a bright screen.
(function () {
  try {
    var theme = localStorage.getItem('skydeck.theme') === 'night' ? 'night' : 'dark';
    var root = document.documentElement;
    root.dataset.theme = theme;
    if (theme === 'night') {
      root.style.background = '#000000';
      var meta = document.querySelector('meta[name="theme-color"]');
      if (meta) meta.setAttribute('content', '#000000');
    }
  } catch {
    // Storage may be unavailable (private mode): the dark theme stays.
  }
})();
