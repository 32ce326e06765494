// The owner's receipts, listed from /api/kvitteringer with the Tasklist login; each opens as a PDF.
(function () {
  'use strict';
  var status = document.getElementById('status');
  fetch('/api/kvitteringer', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) {
      if (response.status === 401) {
        status.textContent = 'Du er ikke logget inn. Logg inn i Tasklist først, og åpne siden igjen.';
        return null;
      }
      if (!response.ok) {
        status.textContent = 'Kvitteringene kunne ikke hentes (feil ' + response.status + '). Prøv igjen senere.';
        return null;
      }
      return response.json();
    })
    .then(function (receipts) {
      if (!receipts) { return; }
      if (!receipts.length) {
        status.textContent = 'Du har ingen kvitteringer ennå. Du får en når virksomheten din sender en behovsmelding eller en egenvurdering.';
        return;
      }
      status.textContent = receipts.length === 1 ? '1 kvittering.' : receipts.length + ' kvitteringer.';
      var body = document.querySelector('#kvitteringer tbody');
      receipts.forEach(function (r) {
        var tr = document.createElement('tr');
        [r.eierNavn + ' (' + r.eier + ')', r.ordning + ' ' + r.aar, r.embete, r.hva, r.sendt, r.sendtAv].forEach(function (text) {
          var td = document.createElement('td'); td.textContent = text; tr.appendChild(td);
        });
        var td = document.createElement('td');
        var a = document.createElement('a');
        a.href = r.lenke; a.textContent = 'Åpne kvitteringen (PDF)';
        a.setAttribute('aria-label', 'Åpne kvitteringen for ' + r.hva.toLowerCase() + ' fra ' + r.eierNavn + ', ' + r.ordning
          + ' ' + r.aar + ' (PDF)');
        td.appendChild(a); tr.appendChild(td);
        body.appendChild(tr);
      });
      document.getElementById('kvitteringer').hidden = false;
    })
    .catch(function () {
      status.textContent = 'Kvitteringene kunne ikke hentes. Sjekk nettforbindelsen og prøv igjen.';
    });
}());
