// biome-ignore lint/suspicious/noRedundantUseStrict: served as a classic script (not a module), where strict mode is not the default
'use strict';
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: the scope that keeps the script's functions out of the page's globals
(() => {
  var root = document.documentElement;
  var KEY = 'opendata-lang';

  function stored() {
    try {
      return localStorage.getItem(KEY);
    } catch (_e) {
      return null;
    }
  }
  function store(lang) {
    try {
      localStorage.setItem(KEY, lang);
    } catch (_e) {
      /* private mode: the choice lasts this page */
    }
  }

  function setLanguage(lang) {
    var english = lang === 'en';
    root.classList.toggle('lang-en', english);
    root.lang = english ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-en]').forEach((el) => {
      if (!el.hasAttribute('data-zh')) el.setAttribute('data-zh', el.textContent);
      el.textContent = el.getAttribute(english ? 'data-en' : 'data-zh');
    });
  }

  function setUpLanguageToggle() {
    setLanguage(stored() === 'en' ? 'en' : 'zh');
    document.querySelectorAll('[data-lang-toggle]').forEach((button) => {
      button.hidden = false;
      button.addEventListener('click', () => {
        var next = root.classList.contains('lang-en') ? 'zh' : 'en';
        store(next);
        setLanguage(next);
      });
    });
  }

  // biome-ignore lint/complexity/noExcessiveLinesPerFunction: the filters and the sort share the table's rows and state
  function setUpFiguresTable() {
    var table = document.querySelector('[data-figures]');
    var filters = document.querySelector('[data-filters]');
    if (!table || !filters) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var count = document.querySelector('[data-count]');
    var report = filters.querySelector('[data-filter="report"]');
    var section = filters.querySelector('[data-filter="section"]');
    var label = filters.querySelector('[data-filter="label"]');
    filters.hidden = false;

    function apply() {
      var wantReport = report.value;
      var wantSection = section.value;
      var wantLabel = label.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach((row) => {
        var rowSection = row.getAttribute('data-section');
        var match =
          (!wantReport || row.getAttribute('data-report') === wantReport) &&
          (!wantSection ||
            rowSection === wantSection ||
            rowSection.indexOf(`${wantSection} \u203a `) === 0) &&
          (!wantLabel || row.getAttribute('data-label').toLowerCase().indexOf(wantLabel) !== -1);
        row.hidden = !match;
        if (match) shown++;
      });
      if (count) {
        count.innerHTML = '';
        const zh = document.createElement('span');
        zh.className = 'zh';
        zh.textContent = `显示 ${shown} / ${rows.length} 个数字`;
        const en = document.createElement('span');
        en.className = 'en';
        en.lang = 'en';
        en.textContent = `Showing ${shown} of ${rows.length} figures`;
        count.append(zh, en);
      }
    }
    report.addEventListener('change', apply);
    section.addEventListener('change', apply);
    label.addEventListener('input', apply);

    table.querySelectorAll('th[data-sortable]').forEach((th) => {
      var button = document.createElement('button');
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', () => {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var sorted = rows.slice().sort((a, b) => {
          var diff = Number(a.getAttribute('data-value')) - Number(b.getAttribute('data-value'));
          return ascending ? diff : -diff;
        });
        sorted.forEach((row) => {
          body.appendChild(row);
        });
      });
    });
  }

  /** Escape hides a figure's details (WCAG 1.4.13) by moving focus off it. */
  function setUpTooltips() {
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      var active = document.activeElement;
      if (active?.closest?.('mark.fig')) active.blur();
    });
  }

  setUpLanguageToggle();
  setUpFiguresTable();
  setUpTooltips();
})();
