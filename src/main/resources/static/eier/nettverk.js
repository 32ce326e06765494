// The networks of the owner's organisations (/api/nettverk, with the Tasklist login); a member answers for its part.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var container = document.getElementById('nettverk');
  var headers = { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'nettverk' };
  var LABELS = { svar: 'Svar', begrunnelse: 'Begrunnelse', eier: 'Eier' };

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text) { el.textContent = text; }
    if (className) { el.className = className; }
    return el;
  }

  function answerForm(network, member) {
    var form = element('div', null, 'svar');
    var id = network.id + '-' + member.organisasjonsnummer;
    var fieldset = element('fieldset');
    fieldset.appendChild(element('legend', 'Svar for ' + member.navn));
    [['BEKREFT', 'Vi bekrefter vår del av søknaden'], ['AVSLA', 'Vi avslår vår del av søknaden']].forEach(function (o) {
      var label = element('label');
      var radio = element('input');
      radio.type = 'radio'; radio.name = 'svar-' + id; radio.value = o[0];
      label.appendChild(radio);
      label.appendChild(document.createTextNode(' ' + o[1]));
      fieldset.appendChild(label);
      fieldset.appendChild(element('br'));
    });
    form.appendChild(fieldset);
    var reasonLabel = element('label', 'Begrunnelse (må fylles ut ved avslag)');
    reasonLabel.htmlFor = 'begrunnelse-' + id;
    var reason = element('textarea');
    reason.id = 'begrunnelse-' + id; reason.rows = 3;
    form.appendChild(reasonLabel); form.appendChild(element('br')); form.appendChild(reason);
    var errors = element('ul', null, 'feil');
    errors.setAttribute('role', 'alert');
    var button = element('button', 'Send svaret');
    button.type = 'button';
    button.addEventListener('click', function () {
      var chosen = form.querySelector('input[type=radio]:checked');
      fetch('/api/nettverk/' + encodeURIComponent(network.id) + '/svar', { method: 'POST', credentials: 'same-origin',
        headers: headers, body: JSON.stringify({ eier: member.organisasjonsnummer, svar: chosen ? chosen.value : null,
          begrunnelse: reason.value }) })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (answer) {
          errors.textContent = '';
          if (!answer.ok) {
            (answer.body.violations || [{ field: '', ruleId: String(answer.body.status), message: answer.body.message }])
              .forEach(function (v) {
                errors.appendChild(element('li', (LABELS[v.field] ? LABELS[v.field] + ': ' : '') + v.message
                  + ' (' + v.ruleId + ')'));
              });
            return;
          }
          return load().then(function () { status.textContent = 'Svaret er registrert.'; });
        });
    });
    form.appendChild(element('br')); form.appendChild(button); form.appendChild(errors);
    return form;
  }

  function show(networks, mine) {
    container.textContent = '';
    networks.forEach(function (n) {
      var section = element('section', null, 'nettverk');
      section.appendChild(element('h2', n.navn + ' – ' + n.ordning + ' ' + n.aar + ', ' + n.embete));
      section.appendChild(element('p', 'Leder: ' + n.lederNavn + ' (' + n.leder + '), som sender søknaden for alle.'));
      section.appendChild(element('h3', 'Søknaden'));
      if (n.soknadSendt) {
        var measures = element('ul');
        n.soknad.forEach(function (text) { measures.appendChild(element('li', text)); });
        section.appendChild(measures);
      } else {
        section.appendChild(element('p', 'Lederen har ikke sendt søknaden ennå. Dere kan svare når den er sendt.'));
      }
      section.appendChild(element('h3', 'Medlemmene'));
      var list = element('ul');
      n.medlemmer.forEach(function (m) {
        list.appendChild(element('li', m.navn + ' (' + m.organisasjonsnummer + '): ' + m.svarTekst
          + (m.begrunnelse ? ' («' + m.begrunnelse + '»)' : '') + (m.svartAv ? ', av ' + m.svartAv : '')));
      });
      section.appendChild(list);
      n.medlemmer.filter(function (m) {
        return m.svar === 'VENTER' && mine.indexOf(m.organisasjonsnummer) >= 0 && n.soknadSendt;
      }).forEach(function (m) { section.appendChild(answerForm(n, m)); });
      container.appendChild(section);
    });
  }

  function load() {
    return fetch('/api/nettverk', { credentials: 'same-origin', headers: headers })
      .then(function (response) {
        if (response.status === 401) { throw new Error('Du er ikke logget inn. Logg inn i Tasklist først, og åpne siden igjen.'); }
        if (!response.ok) { throw new Error('Noe gikk galt (feil ' + response.status + '). Prøv igjen senere.'); }
        return response.json();
      })
      .then(function (answer) {
        status.textContent = answer.nettverk.length === 0 ? 'Virksomheten din er ikke med i noe nettverk.'
          : answer.nettverk.length === 1 ? '1 nettverk.' : answer.nettverk.length + ' nettverk.';
        show(answer.nettverk, answer.mine);
      });
  }

  load().catch(function (e) { status.textContent = e.message; });
})();
