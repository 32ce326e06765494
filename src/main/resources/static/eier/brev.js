// The owner's decision letters, listed from /api/brev with the Tasklist login; each opens as a PDF.
(function () {
  'use strict';
  var status = document.getElementById('status');
  fetch('/api/brev', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) {
      if (response.status === 401) {
        status.textContent = 'Du er ikke logget inn. Logg inn i Tasklist først, og åpne siden igjen.';
        return null;
      }
      if (!response.ok) {
        status.textContent = 'Brevene kunne ikke hentes (feil ' + response.status + '). Prøv igjen senere.';
        return null;
      }
      return response.json();
    })
    .then(function (letters) {
      if (!letters) { return; }
      if (!letters.length) {
        status.textContent = 'Du har ingen vedtaksbrev ennå. Du får et når Statsforvalteren har fattet vedtak om søknaden.';
        return;
      }
      status.textContent = letters.length === 1 ? '1 brev.' : letters.length + ' brev.';
      var body = document.querySelector('#brev tbody');
      letters.forEach(function (l) {
        var tr = document.createElement('tr');
        [l.mottakerNavn + ' (' + l.mottaker + ')', l.ordning + ' ' + l.aar, l.embete, l.hva, l.referanse, l.belop,
          l.klagefrist, l.levert || l.statusTekst].forEach(function (text) {
          var td = document.createElement('td'); td.textContent = text; tr.appendChild(td);
        });
        var td = document.createElement('td');
        var a = document.createElement('a');
        a.href = l.lenke; a.textContent = 'Åpne brevet (PDF)';
        a.setAttribute('aria-label', 'Åpne brevet «' + l.tittel + '» til ' + l.mottakerNavn + ' (PDF)');
        td.appendChild(a); tr.appendChild(td);
        body.appendChild(tr);
      });
      document.getElementById('brev').hidden = false;
    })
    .catch(function () {
      status.textContent = 'Brevene kunne ikke hentes. Sjekk nettforbindelsen og prøv igjen.';
    });
}());
