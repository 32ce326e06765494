/*
 * Login through the identity providers in the Camunda webapps (docs/sikkerhet.md, «Innlogging»).
 *
 * On the login page: a button for each configured provider (the staff's, ID-porten) above the password form; the
 * form is hidden where local users are off. Logging out of a provider's login goes through /logout, which ends the
 * session here and at the provider. What there is comes from /innlogging/status. Each app's scripts/config.js
 * imports this module.
 */
let status = null;

async function loginStatus() {
  if (status === null) {
    try {
      const response = await fetch('/innlogging/status', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
      status = response.ok ? await response.json() : {leverandorer: [], lokaleBrukere: true, innloggetGjennom: null};
    } catch (e) {
      status = {leverandorer: [], lokaleBrukere: true, innloggetGjennom: null};
    }
  }
  return status;
}

function addProviders(container, known) {
  if (container.querySelector('#km-innlogging')) {
    return;
  }
  if (known.leverandorer.length === 0) {
    return;
  }
  const box = document.createElement('div');
  box.id = 'km-innlogging';
  box.setAttribute('style', 'margin:1em 0');
  for (const provider of known.leverandorer) {
    const link = document.createElement('a');
    link.href = provider.adresse;
    link.className = 'btn btn-primary btn-lg btn-block';
    link.textContent = 'Logg inn: ' + provider.navn;
    link.setAttribute('style', 'margin-bottom:.5em;white-space:normal');
    box.appendChild(link);
  }
  const header = container.querySelector('.login-header');
  if (header && header.nextSibling) {
    header.parentNode.insertBefore(box, header.nextSibling);
  } else {
    container.prepend(box);
  }
  if (!known.lokaleBrukere) {
    container.querySelectorAll('form').forEach(form => { form.style.display = 'none'; });
  }
}

function logoutAtProvider(event) {
  const target = event.target.closest('[ng-click="logout()"]');
  if (!target || !status || !status.innloggetGjennom) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  window.location.assign(status.utlogging);
}

async function watch() {
  const known = await loginStatus();
  const check = () => {
    const container = document.querySelector('.form-signin');
    if (container) {
      addProviders(container, known);
    }
  };
  new MutationObserver(check).observe(document.documentElement, {childList: true, subtree: true});
  check();
  document.addEventListener('click', logoutAtProvider, true);
}

watch();
