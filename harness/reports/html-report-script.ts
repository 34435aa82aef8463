/**
 * The report's filters and search, inline and plain: the page is complete without it (the
 * toolbar stays hidden and every scenario is listed), so JavaScript only narrows the list.
 * A scenario matches when every chosen filter matches and the search words all appear in its
 * text (name, file, messages, transcripts), case-insensitively.
 */
export const HTML_REPORT_SCRIPT = `(function () {
  var toolbar = document.getElementById('toolbar');
  if (!toolbar) return;
  toolbar.hidden = false;
  var scenarios = Array.prototype.slice.call(document.querySelectorAll('details.scenario'));
  var texts = scenarios.map(function (s) { return s.textContent.toLowerCase(); });
  var search = document.getElementById('search');
  var selects = Array.prototype.slice.call(toolbar.querySelectorAll('select[data-filter]'));
  var count = document.getElementById('count');
  function apply() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    scenarios.forEach(function (scenario, i) {
      var ok = selects.every(function (select) {
        if (!select.value) return true;
        var values = (scenario.getAttribute('data-' + select.getAttribute('data-filter')) || '').split('|');
        return values.indexOf(select.value) !== -1;
      }) && words.every(function (word) { return texts[i].indexOf(word) !== -1; });
      scenario.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + scenarios.length + ' shown';
  }
  search.addEventListener('input', apply);
  selects.forEach(function (select) { select.addEventListener('change', apply); });
  apply();
})();`;
