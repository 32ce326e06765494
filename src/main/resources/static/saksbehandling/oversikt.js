// The overview of an embete's cycles: /api/oversikt with the Tasklist login, the diagram drawn by bpmn-js's viewer.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var params = new URLSearchParams(window.location.search);
  var headers = { 'Accept': 'application/json', 'X-Requested-With': 'oversikt' };

  function kroner(ore) {
    var negative = ore < 0;
    var abs = Math.abs(ore);
    var whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    var cents = String(abs % 100).padStart(2, '0');
    return (negative ? '−' : '') + whole + ',' + cents + '\u00a0kr';
  }

  function get(url, type) {
    return fetch(url, { credentials: 'same-origin', headers: type ? { 'Accept': type, 'X-Requested-With': 'oversikt' } : headers })
      .then(function (response) {
        if (response.status === 401) {
          throw new Error('Du er ikke logget inn. Logg inn i Tasklist først, og åpne siden igjen.');
        }
        if (response.status === 403) {
          throw new Error('Oversikten er for saksbehandlerne, revisorene og administratorene i embetet.');
        }
        if (!response.ok) {
          throw new Error('Oversikten kunne ikke hentes (feil ' + response.status + '). Prøv igjen senere.');
        }
        return type ? response.text() : response.json();
      });
  }

  function cell(tr, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    tr.appendChild(td);
    return td;
  }

  function options(select, choices, chosen) {
    select.innerHTML = '';
    choices.forEach(function (c) {
      var option = document.createElement('option');
      option.value = c.value; option.textContent = c.text;
      if (String(c.value) === String(chosen)) { option.selected = true; }
      select.appendChild(option);
    });
  }

  function drawDiagram(container, diagram) {
    container.innerHTML = '';
    container.setAttribute('aria-label', 'Modellen «' + diagram.navn + '» med antall saker i hvert steg');
    if (typeof BpmnJS === 'undefined') {
      container.textContent = 'Diagrammet kunne ikke vises i denne nettleseren.';
      return;
    }
    var viewer = new BpmnJS({ container: container });
    get('/api/oversikt/modeller/' + encodeURIComponent(diagram.definisjonId), 'application/xml')
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        // as tall as the model is at the page's width, so that a wide model is not drawn small in a tall box
        var canvas = viewer.get('canvas');
        var inner = canvas.viewbox().inner;
        var height = Math.round(container.clientWidth * inner.height / Math.max(1, inner.width)) + 60;
        container.style.height = Math.max(220, Math.min(640, height)) + 'px';
        canvas.resized();
        canvas.zoom('fit-viewport');
        var registry = viewer.get('elementRegistry');
        var overlays = viewer.get('overlays');
        Object.keys(diagram.antall).forEach(function (id) {
          if (!registry.get(id)) { return; }
          var counts = diagram.antall[id];
          if (counts[0] > 0) {
            overlays.add(id, { position: { top: -10, right: 10 },
              html: '<span class="merke aktive" title="Saker her nå">' + counts[0] + '</span>' });
          }
          if (counts[1] > 0) {
            overlays.add(id, { position: { bottom: 10, right: 10 },
              html: '<span class="merke ferdige" title="Saker som har vært her">' + counts[1] + '</span>' });
          }
        });
      })
      .catch(function (problem) {
        container.textContent = 'Diagrammet kunne ikke vises: ' + problem.message;
      });
  }

  function showCycle(cycle, officeName) {
    var section = document.getElementById('syklusmal').content.firstElementChild.cloneNode(true);
    section.id = 'syklus-' + cycle.ordning;
    section.querySelector('.navn').textContent = cycle.ordning + ' ' + cycle.aar + ' – ' + cycle.ordningNavn
        + (officeName === cycle.kjortAv ? '' : ' (' + cycle.kjortAv + ')');
    section.querySelector('.fase').textContent = 'Står nå i: ' + cycle.fase + '. Startet ' + cycle.startet + '.'
      + (cycle.godkjenning ? ' ' + cycle.godkjenning : '') + (cycle.klager ? ' ' + cycle.klager : '');
    if (!document.getElementById('revisjon').hidden) {
      var account = document.createElement('a');
      account.href = '/revisjon/sykluser/' + encodeURIComponent(cycle.syklusId);
      account.textContent = ' Les saksforløpet.';
      section.querySelector('.fase').appendChild(account);
      var networks = document.createElement('a');
      networks.href = '/saksbehandling/nettverk.html?syklus=' + encodeURIComponent(cycle.syklusId);
      networks.textContent = ' Nettverk (felles søknader).';
      section.querySelector('.fase').appendChild(networks);
    }
    ['ramme', 'overfortInn', 'sokt', 'innstilt', 'vedtatt', 'utbetalt', 'ikkeFordelt'].forEach(function (key) {
      section.querySelector('.summer .' + key).textContent = kroner(cycle.summer[key + 'Ore']);
    });
    section.querySelector('.overfortInnRad').style.display = cycle.summer.overfortInnOre ? '' : 'none';
    var s = cycle.soknader;
    section.querySelector('.soknader').textContent = 'Søknader: ' + s['Sendt'] + ' sendt · ' + s['Ikke sendt']
      + ' ikke sendt ennå · ' + s['For sent'] + ' for sent · ' + s['Fristen forlenget'] + ' med forlenget frist · '
      + s['Deltar ikke'] + ' deltar ikke.';
    var blocked = section.querySelector('.blokkert');
    section.querySelector('.blokkertTittel').textContent = cycle.blokkert.length
      ? 'Står fast (' + cycle.blokkert.length + ')' : 'Ingenting står fast.';
    if (cycle.blokkert.length) { blocked.classList.add('har'); }
    cycle.blokkert.forEach(function (b) {
      var li = document.createElement('li');
      var what = document.createElement('strong'); what.textContent = b.hva; li.appendChild(what);
      li.appendChild(document.createTextNode(' (siden ' + b.siden + '). ' + b.handling + ' '));
      var a = document.createElement('a'); a.href = b.lenke;
      a.textContent = b.lenke.indexOf('/tasklist/') >= 0 ? 'Åpne oppgaven' : 'Åpne Cockpit';
      li.appendChild(a);
      section.querySelector('.blokkertListe').appendChild(li);
    });
    var select = section.querySelector('.modell');
    options(select, cycle.diagrammer.map(function (d, i) { return { value: i, text: d.navn }; }), 0);
    var container = section.querySelector('.diagram');
    if (cycle.diagrammer.length) {
      select.addEventListener('change', function () { drawDiagram(container, cycle.diagrammer[select.value]); });
    }
    section.querySelector('.eiere summary').textContent = 'Eierne og mottakerne (' + cycle.eiere.length + ')';
    var body = section.querySelector('.eiere tbody');
    cycle.eiere.forEach(function (line) {
      var tr = document.createElement('tr');
      if (line.soknadStatus === 'For sent') { tr.className = 'sent'; }
      cell(tr, line.navn);
      cell(tr, line.organisasjonsnummer);
      cell(tr, line.soknad, 'soknad');
      cell(tr, String(line.tiltak), 'tall');
      [line.soktOre, line.innstiltOre, line.vedtattOre, line.utbetaltOre].forEach(function (ore) {
        cell(tr, kroner(ore), 'tall');
      });
      cell(tr, line.brev);
      cell(tr, line.egenvurdering);
      body.appendChild(tr);
    });
    document.getElementById('sykluser').appendChild(section);
    if (cycle.diagrammer.length) {
      drawDiagram(container, cycle.diagrammer[0]);
    } else {
      container.textContent = 'Syklusen har ingen saker i motoren ennå.';
    }
  }

  function load(embete, year) {
    var query = year ? '?aar=' + encodeURIComponent(year) : '';
    status.textContent = 'Henter oversikten …';
    return get('/api/oversikt/' + encodeURIComponent(embete) + query).then(function (view) {
      document.getElementById('tittel').textContent = 'Oversikt over syklusene – ' + view.embeteNavn + ' ' + view.aar;
      options(document.getElementById('aar'), (view.aarValg.length ? view.aarValg : [view.aar])
        .map(function (y) { return { value: y, text: String(y) }; }), view.aar);
      document.getElementById('csv').href = '/api/oversikt/' + encodeURIComponent(embete) + '/csv?aar=' + view.aar;
      document.getElementById('sykluser').innerHTML = '';
      document.getElementById('ingen').hidden = view.sykluser.length > 0;
      view.sykluser.forEach(function (cycle) { showCycle(cycle, view.embeteNavn); });
      var followUps = document.getElementById('oppfolgingRader');
      followUps.innerHTML = '';
      view.oppfolginger.forEach(function (f) {
        var tr = document.createElement('tr');
        cell(tr, f.kommune); cell(tr, f.organisasjonsnummer); cell(tr, String(f.uttrekk), 'tall'); cell(tr, f.fase);
        cell(tr, f.veileder); cell(tr, f.analysefrist); cell(tr, f.rapporterGodkjent + ' av 3', 'tall');
        followUps.appendChild(tr);
      });
      document.getElementById('oppfolging').hidden = view.oppfolginger.length === 0;
      var blocked = view.sykluser.reduce(function (n, c) { return n + c.blokkert.length; }, 0);
      status.textContent = view.sykluser.length + (view.sykluser.length === 1 ? ' syklus' : ' sykluser') + ', '
        + (blocked === 0 ? 'ingenting står fast.' : blocked + (blocked === 1 ? ' sak står fast.' : ' saker står fast.'));
      document.getElementById('innhold').hidden = false;
      var url = new URL(window.location.href);
      url.searchParams.set('embete', embete); url.searchParams.set('aar', view.aar);
      window.history.replaceState(null, '', url);
    });
  }

  // Udir, auditors and administrators also see the country
  fetch('/api/nasjonalt/aar', { credentials: 'same-origin', headers: headers }).then(function (response) {
    document.getElementById('landet').hidden = !response.ok;
  }).catch(function () { /* the link stays hidden */ });

  // auditors and administrators also read each case's account: known before the cycles are shown
  var mayAudit = fetch('/revisjon/tilgang', { credentials: 'same-origin', headers: headers }).then(function (response) {
    document.getElementById('revisjon').hidden = !response.ok;
  }).catch(function () { /* the link stays hidden */ });

  mayAudit.then(function () { return get('/api/oversikt/embeter'); }).then(function (embeter) {
    if (!embeter.length) {
      throw new Error('Oversikten er for saksbehandlerne, revisorene og administratorene i embetet.');
    }
    var wanted = params.get('embete');
    var chosen = embeter.some(function (e) { return e.embete === wanted; }) ? wanted : embeter[0].embete;
    var embeteSelect = document.getElementById('embete');
    options(embeteSelect, embeter.map(function (e) { return { value: e.embete, text: e.navn }; }), chosen);
    embeteSelect.addEventListener('change', function () { load(embeteSelect.value).catch(fail); });
    var yearSelect = document.getElementById('aar');
    yearSelect.addEventListener('change', function () { load(embeteSelect.value, yearSelect.value).catch(fail); });
    document.getElementById('valg').addEventListener('submit', function (e) { e.preventDefault(); });
    return load(chosen, params.get('aar'));
  }).catch(fail);

  function fail(problem) {
    status.textContent = problem && problem.message ? problem.message : 'Oversikten kunne ikke hentes.';
  }
}());
