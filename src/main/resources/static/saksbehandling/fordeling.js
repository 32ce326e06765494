// The distribution page: the rows of the forum's innstilling (or the fallback decision, or a correction), prefilled
// from the need reports, checked and saved through /api/sykluser/{id}/fordeling with the Tasklist login.
(function () {
  'use strict';
  var FIELDS = ['organisasjonsnummer', 'belop', 'vekt', 'egenandel', 'lonn', 'tredjepart', 'tiltak', 'art', 'fraAar', 'tilAar'];
  var COLUMNS = ['organisasjonsnummer', 'belop', 'egenandel', 'lonn', 'tredjepart', 'tiltak', 'art', 'fraAar', 'tilAar'];
  var LABELS = { organisasjonsnummer: 'organisasjonsnummer', belop: 'beløp', vekt: 'vekt', egenandel: 'egenandel',
    lonn: 'lønn/frikjøp', tredjepart: 'tredjepart', tiltak: 'tiltak', art: 'art', fraAar: 'fra år', tilAar: 'til år' };
  var cycleId = new URLSearchParams(location.search).get('syklus');
  var api = '/api/sykluser/' + encodeURIComponent(cycleId || '') + '/fordeling';
  var state = { rows: [], names: {}, frameOre: 0, editable: false, errors: {}, rowErrors: {} };
  var $ = function (id) { return document.getElementById(id); };

  function request(method, url, body) {
    return fetch(url, {
      method: method, credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'fordeling' },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        return { status: response.status, body: json };
      });
    });
  }

  /** Øre from an amount as people write it, or NaN; the server decides, this is for the running sum. */
  function ore(typed) {
    var s = String(typed || '').replace(/kr/gi, '').replace(/,-$/, '').replace(/[\s\u00a0\u202f]/g, '');
    if (s === '') { return 0; }
    if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) { s = s.replace(/\./g, ''); }
    var m = /^(\d+)(?:[,](\d{1,2}))?$/.exec(s);
    if (!m) { return NaN; }
    return Number(m[1]) * 100 + (m[2] ? Number(m[2].length === 1 ? m[2] + '0' : m[2]) : 0);
  }

  function kroner(o) {
    var negative = o < 0; o = Math.abs(o);
    var whole = String(Math.floor(o / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    var cents = String(o % 100).padStart(2, '0');
    return (negative ? '−' : '') + whole + ',' + cents + ' kr';
  }

  function key() { return $('nokkel').value; }

  function updateSums() {
    var sum = 0, unknown = false;
    state.rows.forEach(function (row) {
      var o = key() === 'AMOUNTS' ? ore(row.belop) : (row.belopOre || 0);
      if (isNaN(o)) { unknown = true; } else { sum += o; }
    });
    $('ramme').textContent = kroner(state.frameOre);
    $('sum').textContent = kroner(sum) + (unknown ? ' (uten rader med feil beløp)' : '');
    $('igjen').textContent = kroner(state.frameOre - sum);
    $('igjen').classList.toggle('over', sum > state.frameOre);
    $('antall').textContent = String(state.rows.length);
    if (key() !== 'AMOUNTS') {
      $('sum').textContent = kroner(sum) + ' (etter siste kontroll)';
    }
  }

  function input(row, index, field, attrs) {
    var el = document.createElement(field === 'art' ? 'select' : 'input');
    el.id = 'rad-' + index + '-' + field;
    el.setAttribute('aria-label', 'Rad ' + (index + 1) + ': ' + LABELS[field]);
    if (field === 'art') {
      [['etterutdanning', 'Etterutdanning'], ['videreutdanning', 'Videreutdanning']].forEach(function (o) {
        var option = document.createElement('option');
        option.value = o[0]; option.textContent = o[1];
        el.appendChild(option);
      });
    } else {
      el.type = 'text';
      el.autocomplete = 'off';
    }
    Object.keys(attrs || {}).forEach(function (a) { el.setAttribute(a, attrs[a]); });
    el.value = row[field] == null ? '' : row[field];
    el.disabled = !state.editable;
    var problem = (state.errors[index] || {})[field];
    if (problem) { el.setAttribute('aria-invalid', 'true'); el.setAttribute('aria-describedby', 'feil-' + index); }
    el.addEventListener('input', function () {
      row[field] = el.value;
      if (field === 'organisasjonsnummer') {
        var digits = el.value.replace(/\s/g, '');
        row.navn = state.names[digits] || (digits.length === 9 ? 'Ukjent mottaker' : '');
        el.parentNode.querySelector('.navn').textContent = row.navn;
      }
      updateSums();
    });
    return el;
  }

  function cell(tr, className, child) {
    var td = document.createElement('td');
    if (className) { td.className = className; }
    if (child) { td.appendChild(child); }
    tr.appendChild(td);
    return td;
  }

  function render() {
    var body = document.querySelector('#rader tbody');
    body.textContent = '';
    document.querySelector('#rader').classList.toggle('skjul-vekt', key() !== 'WEIGHTS');
    document.querySelectorAll('#rader th.vekt').forEach(function (th) { th.hidden = key() !== 'WEIGHTS'; });
    state.rows.forEach(function (row, i) {
      var tr = document.createElement('tr');
      tr.id = 'rad-' + i;
      var nr = cell(tr, 'nr'); nr.textContent = String(i + 1);
      var who = cell(tr, 'mottaker', input(row, i, 'organisasjonsnummer', { inputmode: 'numeric' }));
      var name = document.createElement('div'); name.className = 'navn'; name.textContent = row.navn || '';
      who.appendChild(name);
      cell(tr, 'penger belop', input(row, i, 'belop', { 'class': 'tall', inputmode: 'decimal' }));
      var weight = cell(tr, 'vekt', input(row, i, 'vekt', { 'class': 'tall', inputmode: 'decimal' }));
      weight.hidden = key() !== 'WEIGHTS';
      cell(tr, 'penger', input(row, i, 'egenandel', { 'class': 'tall', inputmode: 'decimal' }));
      cell(tr, 'penger', input(row, i, 'lonn', { 'class': 'tall', inputmode: 'decimal' }));
      cell(tr, 'penger', input(row, i, 'tredjepart', { 'class': 'tall', inputmode: 'decimal' }));
      cell(tr, 'tiltak', input(row, i, 'tiltak'));
      cell(tr, 'art', input(row, i, 'art'));
      cell(tr, 'aar', input(row, i, 'fraAar', { inputmode: 'numeric' }));
      cell(tr, 'aar', input(row, i, 'tilAar', { inputmode: 'numeric' }));
      var remove = document.createElement('button');
      remove.type = 'button'; remove.className = 'fjern'; remove.textContent = 'Fjern';
      remove.setAttribute('aria-label', 'Fjern rad ' + (i + 1) + (row.navn ? ' (' + row.navn + ')' : ''));
      remove.disabled = !state.editable;
      remove.addEventListener('click', function () {
        state.rows.splice(i, 1); clearErrors(); render();
      });
      cell(tr, '', remove);
      body.appendChild(tr);
      var messages = state.rowErrors[i] || [];
      if (messages.length) {
        var errorRow = document.createElement('tr');
        errorRow.className = 'feil'; errorRow.id = 'feil-' + i;
        var td = document.createElement('td'); td.colSpan = 12;
        td.textContent = messages.join(' ');
        errorRow.appendChild(td); body.appendChild(errorRow);
      }
      if (row.soknad) {
        var applied = document.createElement('tr');
        applied.className = 'soknad'; applied.id = 'soknad-' + i;
        var ad = document.createElement('td'); ad.colSpan = 12;
        ad.textContent = 'Søknaden: ' + row.soknad;
        applied.appendChild(ad); body.appendChild(applied);
      }
      if (row.brudd && row.brudd.length) {
        var breachRow = document.createElement('tr');
        breachRow.className = 'brudd';
        var bd = document.createElement('td'); bd.colSpan = 12;
        bd.textContent = 'Regelbrudd: ' + row.brudd.join(' ');
        breachRow.appendChild(bd); body.appendChild(breachRow);
      }
    });
    updateSums();
  }

  function clearErrors() {
    state.errors = {}; state.rowErrors = {};
    $('feiloppsummering').hidden = true;
  }

  function showErrors(violations) {
    clearErrors();
    var list = $('feilliste');
    list.textContent = '';
    (violations || []).forEach(function (v) {
      var m = /^rader\[(\d+)\]\.(\w+)$/.exec(v.field || '');
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.textContent = v.message + (v.ruleId ? ' (' + v.ruleId + ')' : '');
      if (m) {
        var i = Number(m[1]);
        (state.errors[i] = state.errors[i] || {})[m[2]] = v.message;
        (state.rowErrors[i] = state.rowErrors[i] || []).push(v.message + (v.ruleId ? ' (' + v.ruleId + ')' : ''));
        a.href = '#rad-' + i + '-' + m[2];
      } else {
        a.href = '#nokkel';
      }
      li.appendChild(a); list.appendChild(li);
    });
    render();
    $('feiloppsummering').hidden = false;
    $('feiloppsummering').focus();
  }

  function rowsToSend() {
    return state.rows.map(function (row) {
      var out = {};
      FIELDS.forEach(function (f) { out[f] = row[f] == null ? '' : String(row[f]); });
      return out;
    });
  }

  /** Pasted spreadsheet rows: tab-separated (a spreadsheet's copy) or semicolon-separated, one recipient per line. */
  function pasted(text) {
    var rows = [], local = [];
    text.split(/\r?\n/).forEach(function (line) {
      if (!line.trim() || line.trim().charAt(0) === '#') { return; }
      var cells = line.split(line.indexOf('\t') >= 0 ? '\t' : ';').map(function (c) { return c.trim(); });
      var row = { brudd: [] };
      COLUMNS.forEach(function (column, c) {
        var field = column === 'belop' && key() === 'WEIGHTS' ? 'vekt' : column;
        row[field] = c < cells.length ? cells[c] : '';
      });
      if (!row.art) { row.art = 'etterutdanning'; }
      row.art = row.art.toLowerCase();
      var digits = (row.organisasjonsnummer || '').replace(/\s/g, '');
      row.navn = state.names[digits] || 'Ukjent mottaker';
      if (cells.length !== COLUMNS.length) {
        local.push({ index: rows.length, text: 'Raden har ' + cells.length + ' kolonner, men skal ha ' + COLUMNS.length + '.' });
      }
      rows.push(row);
    });
    return { rows: rows, local: local };
  }

  function importRows(replace) {
    var result = pasted($('limInnTekst').value);
    var offset = replace ? 0 : state.rows.length;
    state.rows = replace ? result.rows : state.rows.concat(result.rows);
    $('limInnTekst').value = '';
    check().then(function () {
      result.local.forEach(function (l) {
        (state.rowErrors[offset + l.index] = state.rowErrors[offset + l.index] || []).unshift(l.text);
      });
      if (result.local.length) { render(); }
    });
  }

  function check() {
    return request('POST', api + '/kontroll', { nokkel: key(), rader: rowsToSend() }).then(function (answer) {
      if (answer.status === 200) {
        clearErrors();
        answer.body.rader.forEach(function (r, i) {
          state.rows[i].belopOre = r.belopOre;
          if (key() !== 'AMOUNTS') { state.rows[i].belop = r.belop; }
          state.rows[i].navn = r.navn;
        });
        render();
        $('lagret').textContent = 'Kontrollert: radene kan lagres.';
      } else {
        handleRefusal(answer);
      }
    });
  }

  function handleRefusal(answer) {
    $('lagret').textContent = '';
    if (answer.status === 400 && answer.body) {
      showErrors(answer.body.violations && answer.body.violations.length ? answer.body.violations
        : [{ field: 'rader', ruleId: null, message: answer.body.message }]);
    } else {
      fail(answer);
    }
  }

  function save() {
    $('lagre').disabled = true;
    request('POST', api, { nokkel: key(), rader: rowsToSend() }).then(function (answer) {
      $('lagre').disabled = !state.editable;
      if (answer.status === 201) {
        clearErrors();
        show(answer.body);
        $('lagret').textContent = 'Versjon ' + answer.body.versjon + ' er lagret. Gå tilbake til oppgaven og fullfør den.';
        $('lagret').focus();
      } else {
        handleRefusal(answer);
      }
    });
  }

  function fail(answer) {
    var text = answer.status === 401 ? 'Du er ikke logget inn. Logg inn fra Tasklist, og åpne fordelingen fra oppgaven igjen.'
      : answer.status === 403 ? 'Du har ikke tilgang til denne fordelingen. Den er for saksbehandlerne i embetet.'
        : answer.status === 404 ? 'Fant ingen syklus med denne lenken. Åpne fordelingen fra oppgaven i Tasklist.'
          : (answer.body && answer.body.message) || 'Noe gikk galt (' + answer.status + '). Prøv igjen.';
    $('status').textContent = text;
    $('status').classList.add('feil');
  }

  function show(view) {
    state.frameOre = view.summer.rammeOre;
    state.editable = view.kanEndres;
    state.rows = view.rader.map(function (r) { return Object.assign({}, r); });
    $('nokkel').value = view.nokkel;
    $('nokkel').disabled = !view.kanEndres;
    $('tittel').textContent = 'Fordelingen – ' + view.embete + ' (' + view.ordning + ' ' + view.aar + ')';
    $('status').textContent = (view.versjon ? 'Versjon ' + view.versjon + ', lagret ' + view.lagret + ' av ' + view.lagretAv + '.'
      : view.kilde + ' – ikke lagret ennå.') + (view.kanEndres ? ' Oppgave: «' + view.oppgave + '».'
      : ' Fordelingen kan ikke endres nå: syklusen venter ikke på en fordeling.');
    if (view.oppgaveId) { $('tilbake').href = '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(view.oppgaveId); }
    ['leggTil', 'kontroller', 'lagre', 'erstatt', 'leggTilInnlimt'].forEach(function (id) { $(id).disabled = !view.kanEndres; });
    var breaches = $('bruddliste'); breaches.textContent = '';
    var anyBreach = view.brudd.length > 0 || view.rader.some(function (r) { return r.brudd && r.brudd.length; });
    view.brudd.forEach(function (b) { var li = document.createElement('li'); li.textContent = b; breaches.appendChild(li); });
    if (anyBreach && !view.brudd.length) {
      var li = document.createElement('li'); li.textContent = 'Bruddene står på radene de gjelder.'; breaches.appendChild(li);
    }
    $('regelbrudd').hidden = !anyBreach;
    var versions = document.querySelector('#versjoner tbody'); versions.textContent = '';
    view.versjoner.forEach(function (v) {
      var tr = document.createElement('tr');
      [String(v.versjon), v.lagret, v.lagretAv, v.kilde,
        v.kontrollert ? (v.antallBrudd ? v.antallBrudd + ' regelbrudd' : 'Uten regelbrudd') : 'Ikke kontrollert']
        .forEach(function (text) { var td = document.createElement('td'); td.textContent = text; tr.appendChild(td); });
      versions.appendChild(tr);
    });
    if (!view.versjoner.length) {
      var none = document.createElement('tr'); var td = document.createElement('td'); td.colSpan = 5;
      td.textContent = 'Ingen versjon er lagret ennå.'; none.appendChild(td); versions.appendChild(none);
    }
    $('innhold').hidden = false;
    render();
  }

  function load() {
    if (!cycleId) { fail({ status: 404 }); return; }
    Promise.all([request('GET', api), request('GET', api + '/mottakere')]).then(function (answers) {
      if (answers[1].status === 200) { state.names = answers[1].body; }
      if (answers[0].status !== 200) { fail(answers[0]); return; }
      show(answers[0].body);
    });
  }

  $('nokkel').addEventListener('change', function () { clearErrors(); render(); });
  $('leggTil').addEventListener('click', function () {
    var year = state.rows.length ? state.rows[state.rows.length - 1].fraAar : '';
    state.rows.push({ organisasjonsnummer: '', navn: '', belop: '', vekt: '', egenandel: '', lonn: '', tredjepart: '',
      tiltak: '', art: 'etterutdanning', fraAar: year, tilAar: year, brudd: [] });
    render();
    $('rad-' + (state.rows.length - 1) + '-organisasjonsnummer').focus();
  });
  $('kontroller').addEventListener('click', check);
  $('lagre').addEventListener('click', save);
  $('erstatt').addEventListener('click', function () { importRows(true); });
  $('leggTilInnlimt').addEventListener('click', function () { importRows(false); });
  load();
})();
