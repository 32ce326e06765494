// The cycle's networks (joint applications): /api/sykluser/{id}/nettverk with the Tasklist login; the caseworker
// registers a network with its lead and members, and every refusal is shown with the field it concerns.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var cycleId = new URLSearchParams(window.location.search).get('syklus');
  var headers = { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'nettverk' };
  var LABELS = { navn: 'Nettverkets navn', leder: 'Leder', medlemmer: 'Medlemmer' };

  function problem(response) {
    if (response.status === 401) { return 'Du er ikke logget inn. Logg inn i Tasklist først, og åpne siden igjen.'; }
    if (response.status === 403) { return 'Nettverkene leses av embetets saksbehandlere, revisorer og administratorer.'; }
    if (response.status === 404) { return 'Fant ikke syklusen. Åpne siden fra oversikten over syklusene.'; }
    return 'Noe gikk galt (feil ' + response.status + '). Prøv igjen senere.';
  }

  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function when(instant) {
    return new Date(instant).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit',
      year: 'numeric', hour: '2-digit', minute: '2-digit' }).replace(', ', ' kl. ');
  }

  function render(data) {
    document.getElementById('tittel').textContent = 'Nettverk – ' + data.ordning + ' ' + data.aar + ', ' + data.embete;
    var body = document.querySelector('#nettverk tbody');
    body.textContent = '';
    data.nettverk.forEach(function (n) {
      var tr = document.createElement('tr');
      cell(tr, n.navn);
      cell(tr, n.lederNavn + ' (' + n.leder + ')');
      var members = cell(tr, '');
      var list = document.createElement('ul');
      n.medlemmer.filter(function (m) { return m.svar !== 'LEDER'; }).forEach(function (m) {
        var li = document.createElement('li');
        li.textContent = m.navn + ': ' + m.svarTekst + (m.begrunnelse ? ' («' + m.begrunnelse + '»)' : '')
          + (m.svartAv ? ', ' + m.svartAv + ' ' + when(m.svart) : '');
        list.appendChild(li);
      });
      members.appendChild(list);
      cell(tr, n.soknadSendt ? 'Sendt: ' + n.soknad.join('; ') : 'Ikke sendt ennå');
      cell(tr, when(n.registrert) + ' av ' + n.registrertAv);
      body.appendChild(tr);
    });
    document.getElementById('ingen').hidden = data.nettverk.length > 0;
    document.querySelector('#nettverk').hidden = data.nettverk.length === 0;

    var lead = document.getElementById('leder');
    var members = document.getElementById('medlemmer');
    lead.textContent = '';
    members.textContent = '';
    var none = document.createElement('option');
    none.value = ''; none.textContent = 'Velg lederen';
    lead.appendChild(none);
    data.eiere.forEach(function (o) {
      var free = !o.sendt && !o.nettverk;
      var why = o.nettverk ? ' – med i «' + o.nettverk + '»' : o.sendt ? ' – har sendt behovsmeldingen' : '';
      if (free) {
        var option = document.createElement('option');
        option.value = o.organisasjonsnummer; option.textContent = o.navn + ' (' + o.organisasjonsnummer + ')';
        lead.appendChild(option);
      }
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox'; box.value = o.organisasjonsnummer; box.disabled = !!o.nettverk;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + o.navn + ' (' + o.organisasjonsnummer + ')' + why));
      if (!free) { label.className = 'utilgjengelig'; }
      members.appendChild(label);
    });
    document.getElementById('innhold').hidden = false;
    status.textContent = data.nettverk.length === 1 ? '1 nettverk.' : data.nettverk.length + ' nettverk.';
  }

  function load() {
    return fetch('/api/sykluser/' + encodeURIComponent(cycleId) + '/nettverk', { credentials: 'same-origin', headers: headers })
      .then(function (response) {
        if (!response.ok) { throw new Error(problem(response)); }
        return response.json();
      })
      .then(render);
  }

  function showErrors(violations) {
    var list = document.getElementById('feilliste');
    list.textContent = '';
    ['navn', 'leder', 'medlemmer'].forEach(function (f) { document.getElementById(f).removeAttribute('aria-invalid'); });
    violations.forEach(function (v) {
      var li = document.createElement('li');
      li.textContent = (LABELS[v.field] ? LABELS[v.field] + ': ' : '') + v.message + ' (' + v.ruleId + ')';
      list.appendChild(li);
      if (LABELS[v.field]) { document.getElementById(v.field).setAttribute('aria-invalid', 'true'); }
    });
    var summary = document.getElementById('feiloppsummering');
    summary.hidden = violations.length === 0;
    if (violations.length) { summary.focus(); }
  }

  document.getElementById('registrer').addEventListener('click', function () {
    var chosen = Array.prototype.slice.call(document.querySelectorAll('#medlemmer input:checked'))
      .map(function (box) { return box.value; });
    document.getElementById('registrert').textContent = '';
    fetch('/api/sykluser/' + encodeURIComponent(cycleId) + '/nettverk', { method: 'POST', credentials: 'same-origin',
      headers: headers, body: JSON.stringify({ navn: document.getElementById('navn').value,
        leder: document.getElementById('leder').value, medlemmer: chosen }) })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; });
      })
      .then(function (answer) {
        if (answer.status === 400 && answer.body.violations) { showErrors(answer.body.violations); return; }
        if (!answer.ok) { showErrors([{ field: '', ruleId: 'FEIL ' + answer.status, message: answer.body.message || problem(answer) }]); return; }
        showErrors([]);
        document.getElementById('navn').value = '';
        document.getElementById('registrert').textContent = 'Nettverket «' + answer.body.navn + '» er registrert med '
          + answer.body.medlemmer.length + ' eiere.';
        return load();
      })
      .catch(function (e) { status.textContent = e.message; });
  });

  if (!cycleId) {
    status.textContent = 'Åpne siden fra oversikten over syklusene (lenken «Nettverk» ved syklusen).';
  } else {
    load().catch(function (e) { status.textContent = e.message; status.classList.add('feil'); });
  }
})();
