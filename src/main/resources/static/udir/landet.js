// The country's year for Udir: /api/nasjonalt with the Tasklist login.
(function () {
  'use strict';
  var status = document.getElementById('status');

  function kroner(ore) {
    var abs = Math.abs(ore);
    var whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return (ore < 0 ? '−' : '') + whole + ',' + String(abs % 100).padStart(2, '0') + '\u00a0kr';
  }

  function cell(tr, content, className) {
    var td = document.createElement('td');
    if (typeof content === 'string') { td.textContent = content; } else { td.appendChild(content); }
    if (className) { td.className = className; }
    tr.appendChild(td);
  }

  function link(href, text) {
    var a = document.createElement('a');
    a.href = href; a.textContent = text;
    return a;
  }

  function load(year) {
    status.textContent = 'Henter tallene …';
    return fetch('/api/nasjonalt' + (year ? '?aar=' + encodeURIComponent(year) : ''), {
      credentials: 'same-origin', headers: { 'Accept': 'application/json', 'X-Requested-With': 'landet' }
    }).then(function (response) {
      if (response.status === 401) { throw new Error('Du er ikke logget inn. Logg inn i Tasklist først, og åpne siden igjen.'); }
      if (response.status === 403) { throw new Error('Tallene for hele landet er for Utdanningsdirektoratet, revisorene og administratorene.'); }
      if (!response.ok) { throw new Error('Tallene kunne ikke hentes (feil ' + response.status + '). Prøv igjen senere.'); }
      return response.json();
    }).then(function (view) {
      document.getElementById('tittel').textContent = 'Hele landet – ' + view.aar;
      var select = document.getElementById('aar');
      select.innerHTML = '';
      (view.aarValg.length ? view.aarValg : [view.aar]).forEach(function (y) {
        var option = document.createElement('option');
        option.value = y; option.textContent = String(y); option.selected = y === view.aar;
        select.appendChild(option);
      });
      document.getElementById('csv').href = '/api/nasjonalt/csv?aar=' + view.aar;
      var country = view.landet;
      document.getElementById('ramme').textContent = kroner(country.rammeOre);
      document.getElementById('vedtatt').textContent = kroner(country.vedtattOre);
      document.getElementById('utbetalt').textContent = kroner(country.utbetaltOre);
      document.getElementById('krav').textContent = kroner(country.tilbakebetalingskravOre);
      document.getElementById('overfort').textContent = kroner(country.overfortOre);
      var schemes = document.querySelector('#ordninger tbody');
      schemes.innerHTML = '';
      view.perOrdning.concat([country]).forEach(function (s) {
        var tr = document.createElement('tr');
        cell(tr, s.ordning);
        cell(tr, String(s.sykluser), 'tall');
        [s.rammeOre, s.vedtattOre, s.utbetaltOre, s.tilbakebetalingskravOre, s.overfortOre].forEach(function (ore) {
          cell(tr, kroner(ore), 'tall');
        });
        cell(tr, String(s.mottakere), 'tall');
        schemes.appendChild(tr);
      });
      var cycles = document.querySelector('#sykluser tbody');
      cycles.innerHTML = '';
      view.sykluser.forEach(function (c) {
        var tr = document.createElement('tr');
        cell(tr, link('/saksbehandling/oversikt.html?embete=' + encodeURIComponent(c.embete) + '&aar=' + view.aar,
          c.embeteNavn));
        cell(tr, c.ordning);
        cell(tr, c.status);
        [c.rammeOre, c.vedtattOre, c.utbetaltOre, c.tilbakebetalingskravOre, c.overfortOre].forEach(function (ore) {
          cell(tr, kroner(ore), 'tall');
        });
        cell(tr, String(c.mottakere), 'tall');
        if (c.arsrapport) {
          var span = document.createElement('span');
          span.appendChild(link(c.arsrapport, 'Side'));
          span.appendChild(document.createTextNode(' · '));
          span.appendChild(link(c.arsrapport + '/json', 'JSON'));
          span.appendChild(document.createTextNode(' · '));
          span.appendChild(link(c.arsrapport + '/csv', 'CSV'));
          cell(tr, span);
        } else {
          cell(tr, 'Ikke laget ennå');
        }
        cycles.appendChild(tr);
      });
      status.textContent = view.sykluser.length + (view.sykluser.length === 1 ? ' syklus' : ' sykluser') + ' i ' + view.aar + '.';
      document.getElementById('innhold').hidden = false;
    });
  }

  function fail(problem) {
    status.textContent = problem && problem.message ? problem.message : 'Tallene kunne ikke hentes.';
  }

  var params = new URLSearchParams(window.location.search);
  document.getElementById('aar').addEventListener('change', function (e) { load(e.target.value).catch(fail); });
  document.getElementById('valg').addEventListener('submit', function (e) { e.preventDefault(); });
  load(params.get('aar')).catch(fail);
}());
