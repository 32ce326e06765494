// Several self-evaluations approved at once: /api/sykluser/{id}/egenvurderinger with the Tasklist login.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var cycleId = new URLSearchParams(window.location.search).get('syklus');
  var headers = { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'egenvurderinger' };
  var button = document.getElementById('godkjenn');

  function kroner(ore) {
    var abs = Math.abs(ore);
    var whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return (ore < 0 ? '−' : '') + whole + ',' + String(abs % 100).padStart(2, '0') + '\u00a0kr';
  }

  function problem(response) {
    if (response.status === 401) { return 'Du er ikke logget inn. Logg inn i Tasklist først, og åpne siden igjen.'; }
    if (response.status === 403) { return 'Egenvurderingene vurderes av saksbehandlerne i embetet.'; }
    if (response.status === 404) { return 'Fant ikke syklusen. Åpne siden fra oppgaven «Vurder egenvurderingen».'; }
    return 'Noe gikk galt (feil ' + response.status + '). Prøv igjen senere.';
  }

  function chosen() {
    return Array.prototype.slice.call(document.querySelectorAll('#egenvurderinger tbody input:checked'))
      .map(function (box) { return box.value; });
  }

  function update() {
    var n = chosen().length;
    button.disabled = n === 0;
    button.textContent = n === 0 ? 'Godkjenn valgte' : 'Godkjenn valgte (' + n + ')';
  }

  function cell(tr, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    tr.appendChild(td);
    return td;
  }

  function load() {
    return fetch('/api/sykluser/' + encodeURIComponent(cycleId) + '/egenvurderinger',
      { credentials: 'same-origin', headers: headers })
      .then(function (response) {
        if (!response.ok) { throw new Error(problem(response)); }
        return response.json();
      })
      .then(function (waiting) {
        var body = document.querySelector('#egenvurderinger tbody');
        body.innerHTML = '';
        waiting.forEach(function (w) {
          var tr = document.createElement('tr');
          var td = document.createElement('td');
          var box = document.createElement('input');
          box.type = 'checkbox'; box.value = w.oppgaveId;
          box.setAttribute('aria-label', 'Godkjenn egenvurderingen fra ' + w.eierNavn);
          box.addEventListener('change', update);
          td.appendChild(box); tr.appendChild(td);
          cell(tr, w.eierNavn + ' (' + w.organisasjonsnummer + ')');
          [w.tildeltOre, w.bruktOre, w.egenfinansieringOre, w.ubruktOre].forEach(function (ore) {
            cell(tr, kroner(ore), 'tall');
          });
          cell(tr, String(w.deltakere), 'tall');
          cell(tr, w.gjennomforteTiltak + ' – «' + w.vurdering + '»');
          cell(tr, w.vedGodkjenning);
          body.appendChild(tr);
        });
        document.getElementById('alle').checked = false;
        status.textContent = waiting.length === 0 ? 'Ingen egenvurderinger venter på vurdering i syklusen.'
          : waiting.length + (waiting.length === 1 ? ' egenvurdering venter' : ' egenvurderinger venter') + ' på vurdering.';
        document.getElementById('innhold').hidden = false;
        update();
      });
  }

  document.getElementById('alle').addEventListener('change', function (e) {
    document.querySelectorAll('#egenvurderinger tbody input').forEach(function (box) { box.checked = e.target.checked; });
    update();
  });

  button.addEventListener('click', function () {
    var tasks = chosen();
    button.disabled = true;
    status.textContent = 'Godkjenner ' + tasks.length + ' …';
    fetch('/api/sykluser/' + encodeURIComponent(cycleId) + '/egenvurderinger/godkjenning', {
      method: 'POST', credentials: 'same-origin', headers: headers,
      body: JSON.stringify({ oppgaver: tasks, overforing: document.getElementById('overforing').checked })
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok) {
          var messages = body && body.violations && body.violations.length ? body.violations.map(function (v) {
            return v.message + (v.ruleId ? ' (' + v.ruleId + ')' : '');
          }) : [body && body.message ? body.message : problem(response)];
          throw new Error(messages.join(' '));
        }
        return body;
      });
    }).then(function (outcomes) {
      var list = document.getElementById('resultatliste');
      list.innerHTML = '';
      outcomes.forEach(function (o) {
        var li = document.createElement('li');
        li.textContent = o.eierNavn + ': ' + o.melding;
        list.appendChild(li);
      });
      var approved = outcomes.filter(function (o) { return o.godkjent; }).length;
      document.getElementById('resultat').hidden = false;
      return load().then(function () {
        status.textContent = approved + (approved === 1 ? ' egenvurdering godkjent. ' : ' egenvurderinger godkjent. ')
          + status.textContent;
      });
    }).catch(function (failure) {
      status.textContent = failure.message;
      update();
    });
  });

  if (!cycleId) {
    status.textContent = 'Åpne siden fra oppgaven «Vurder egenvurderingen» i Tasklist.';
  } else {
    load().catch(function (failure) { status.textContent = failure.message; });
  }
}());
