/*
 * Language of the Camunda webapps (Tasklist, Cockpit, Admin, Welcome).
 *
 * Norwegian bokmål (nb) is the default whatever the browser's language; English stays selectable with
 * the link in the lower right corner (or ?sprak=en / ?sprak=nb in the address). The choice is kept in
 * the browser's localStorage. Each app's scripts/config.js imports this module.
 */
const STORAGE_KEY = 'kompetansemidler.sprak';
const SUPPORTED = ['nb', 'en'];
const DEFAULT_LANGUAGE = 'nb';

function chosenLanguage() {
  const fromAddress = new URLSearchParams(window.location.search).get('sprak');
  if (SUPPORTED.includes(fromAddress)) {
    window.localStorage.setItem(STORAGE_KEY, fromAddress);
    return fromAddress;
  }
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return SUPPORTED.includes(stored) ? stored : DEFAULT_LANGUAGE;
}

export const language = chosenLanguage();

/** Only the chosen language is offered, so the browser's language cannot override the choice. */
export const locales = {availableLocales: [language], fallbackLocale: language};

function addLanguageSwitch() {
  if (document.getElementById('km-sprakvalg')) {
    return;
  }
  const other = language === 'nb' ? 'en' : 'nb';
  const link = document.createElement('a');
  link.id = 'km-sprakvalg';
  link.href = '#';
  link.lang = other;
  link.textContent = other === 'en' ? 'English' : 'Norsk (bokmål)';
  link.title = other === 'en' ? 'Switch to English' : 'Bytt til norsk';
  // in the middle of the footer line, where it covers nothing (in a corner it covered a form's «Fullfør»)
  link.setAttribute('style', 'position:fixed;left:50%;transform:translateX(-50%);bottom:3px;z-index:2000;'
      + 'font-size:12px;line-height:16px;background:#fff;padding:0 6px;border:1px solid #ccc;border-radius:3px');
  link.addEventListener('click', event => {
    event.preventDefault();
    window.localStorage.setItem(STORAGE_KEY, other);
    window.location.reload();
  });
  document.body.appendChild(link);
}

/*
 * Camunda Forms (form-js) checks fields in the browser with English messages, and shows an English "Select"
 * placeholder, that no locale file reaches; in Norwegian they are rewritten as they appear. The patterns the forms use get a message that says what
 * to write instead of showing the regular expression.
 */
const PATTERN_MESSAGES = [
  [/\\d\{1,3\}/, 'Skriv et beløp i kroner, for eksempel 1 234 567,89.'],
  [/\\d\{3\}\\s\?\\d\{3\}/, 'Skriv et organisasjonsnummer med ni sifre, for eksempel 964 338 531.'],
  [/\[0-9\]\{4\}\[\. \]\?\[0-9\]\{2\}/, 'Skriv et kontonummer med elleve sifre, for eksempel 1503.12.34562.']
];

export function norwegianFormMessage(message) {
  let match;
  if (message === 'Field is required.') {
    return 'Feltet må fylles ut.';
  }
  if (message === 'Field must be a valid email.') {
    return 'Skriv en gyldig e-postadresse.';
  }
  if (message.startsWith('Field must be a valid  international phone number')) {
    return 'Skriv et gyldig internasjonalt telefonnummer, for eksempel +4722000000.';
  }
  if ((match = /^Field must have minimum length of (\d+)\.$/.exec(message))) {
    return `Feltet må ha minst ${match[1]} tegn.`;
  }
  if ((match = /^Field must have maximum length of (\d+)\.$/.exec(message))) {
    return `Feltet kan ha høyst ${match[1]} tegn.`;
  }
  if ((match = /^Field must have minimum value of (.+)\.$/.exec(message))) {
    return `Verdien må være minst ${match[1]}.`;
  }
  if ((match = /^Field must have maximum value of (.+)\.$/.exec(message))) {
    return `Verdien kan være høyst ${match[1]}.`;
  }
  if ((match = /^Field must match pattern (.+)\.$/.exec(message))) {
    const known = PATTERN_MESSAGES.find(([pattern]) => pattern.test(match[1]));
    return known ? known[1] : 'Feltet har feil format.';
  }
  return message;
}

function translateFormTexts(root) {
  // text nodes are changed in place: form-js keeps references to them and updates them when a value is chosen
  root.querySelectorAll('.fjs-select-placeholder').forEach(placeholder => {
    placeholder.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE && node.nodeValue === 'Select') {
        node.nodeValue = 'Velg';
      }
    });
  });
  root.querySelectorAll('input.fjs-input[placeholder="Search"]').forEach(search => {
    search.placeholder = 'Søk';
  });
  // a dynamic list's buttons (form-js writes them in English)
  root.querySelectorAll('.fjs-repeat-render-add').forEach(add => {
    add.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE && node.nodeValue.trim() === 'Add new') {
        node.nodeValue = ' Legg til';
      }
    });
  });
  root.querySelectorAll('.fjs-repeat-row-remove[aria-label^="Remove list item"]').forEach(remove => {
    const number = remove.getAttribute('aria-label').replace('Remove list item ', '');
    remove.setAttribute('aria-label', 'Fjern rad ' + number);
    remove.setAttribute('title', 'Fjern rad ' + number);
  });
  const errors = root.querySelectorAll('.fjs-form-field-error');
  errors.forEach(error => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const translated = norwegianFormMessage(node.nodeValue.trim());
      if (translated !== node.nodeValue.trim()) {
        node.nodeValue = translated;
      }
    }
  });
}

/*
 * Dates in forms the Norwegian way. form-js writes and reads a date field in the browser's default format
 * (Intl.DateTimeFormat('default')), which in an English browser is mm/dd/yyyy; in Norwegian the default is nb-NO
 * with two-digit day and month (dd.mm.åååå). Its calendar (flatpickr) gets Norwegian month and day names, and
 * weeks from Monday.
 */
const FLATPICKR_NB = {
  weekdays: {
    shorthand: ['søn', 'man', 'tir', 'ons', 'tor', 'fre', 'lør'],
    longhand: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag']
  },
  months: {
    shorthand: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
    longhand: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
      'november', 'desember']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' til ',
  weekAbbreviation: 'uke',
  scrollTitle: 'Rull for å endre',
  toggleTitle: 'Klikk for å veksle',
  time_24hr: true,
  ordinal: () => '.'
};

function norwegianDates() {
  const original = Intl.DateTimeFormat;
  const norwegianDefault = function (locales, options) {
    if (locales === undefined || locales === 'default') {
      // nb-NO alone writes 1.12.2026; with two digits for day and month, 01.12.2026
      return new original('nb-NO', options || {day: '2-digit', month: '2-digit', year: 'numeric'});
    }
    return new original(locales, options);
  };
  norwegianDefault.prototype = original.prototype;
  norwegianDefault.supportedLocalesOf = original.supportedLocalesOf.bind(original);
  Intl.DateTimeFormat = norwegianDefault;
  let tries = 0;
  const localize = () => {
    if (window.flatpickr && window.flatpickr.localize) {
      window.flatpickr.localize(FLATPICKR_NB);
    } else if (tries++ < 100) {
      window.setTimeout(localize, 100);
    }
  };
  localize();
}

if (language === 'nb') {
  norwegianDates();
}

/*
 * Tasklist counts a Camunda Form as invalid while its error list has any key (Object.keys(errors).length), and the
 * form-js of 7.24 (1.8.7) keeps an empty entry, "Field_X": [], for every field of a dynamic list's row once it has
 * been changed and found valid: after the first row field, «Fullfør» stays disabled for good. The form's own
 * 'changed' event is heard first, and the entries without an error are taken out, so that what counts is the
 * errors a person sees. The server checks every row and field anyway (FormContract, MeasureRows).
 */
function withoutEmptyErrors(errors) {
  if (!errors || typeof errors !== 'object') {
    return;
  }
  Object.keys(errors).forEach(key => {
    const value = errors[key];
    if (value && typeof value === 'object' && !(Array.isArray(value) && value.some(e => typeof e === 'string'))) {
      withoutEmptyErrors(value);
      if (Array.isArray(value) ? !value.some(e => e !== undefined && e !== null) : !Object.keys(value).length) {
        delete errors[key];
      }
    }
  });
}

function formContext(vnode, depth) {
  if (!vnode || depth > 12) {
    return null;
  }
  if (vnode.props && vnode.props.value && typeof vnode.props.value.getService === 'function') {
    return vnode.props.value;
  }
  const children = vnode.__k || [];
  for (let i = 0; i < children.length; i++) {
    const found = formContext(children[i], depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
}

function countOnlyVisibleErrors(root) {
  root.querySelectorAll('.fjs-container').forEach(container => {
    if (container.dataset.kmErrors || !container.__k || !container.querySelector('.fjs-form-field-dynamiclist')) {
      return;
    }
    const context = formContext(container.__k, 0);
    const eventBus = context && context.getService('eventBus', false);
    if (eventBus) {
      container.dataset.kmErrors = 'ja';
      eventBus.on('changed', 1500, event => withoutEmptyErrors(event.errors));
    }
  });
}

/* A link at the foot of Tasklist's pages, beside the language choice. */
function addFooterLink(id, href, textNb, textEn, left) {
  const link = document.createElement('a');
  link.id = id;
  link.href = href;
  link.textContent = language === 'nb' ? textNb : textEn;
  link.setAttribute('style', 'position:fixed;left:calc(50% + ' + left + 'px);bottom:3px;z-index:2000;'
      + 'font-size:12px;line-height:16px;background:#fff;padding:0 6px;border:1px solid #ccc;border-radius:3px');
  document.body.appendChild(link);
}

/* In Tasklist, the owners' receipts (Mine kvitteringer), at the foot of every page. */
function addReceiptsLink() {
  if (document.getElementById('km-kvitteringer') || !window.location.pathname.includes('/tasklist/')) {
    return;
  }
  addFooterLink('km-kvitteringer', '/eier/kvitteringer.html', 'Mine kvitteringer', 'My receipts', 70);
}

/*
 * Links shown only to those the server answers for: the overview (Oversikt over syklusene) for those who may read an
 * embete's cycles (caseworkers, auditors, administrators), Mine nettverk for owners in a network (a joint
 * application), and Mine brev for owners that have decision letters. Each is asked again after each change of page until the person is logged in.
 */
const askedLinks = [
  {id: 'km-oversikt', api: '/api/oversikt/embeter', href: '/saksbehandling/oversikt.html',
    nb: 'Oversikt over syklusene', en: 'Overview of the cycles', left: 200, shows: embeter => embeter.length > 0},
  {id: 'km-nettverk', api: '/api/nettverk', href: '/eier/nettverk.html',
    nb: 'Mine nettverk', en: 'My networks', left: 200, shows: answer => answer.nettverk.length > 0},
  {id: 'km-brev', api: '/api/brev', href: '/eier/brev.html',
    nb: 'Mine brev', en: 'My letters', left: 310, shows: letters => letters.length > 0}
];

function addAskedLinks() {
  askedLinks.forEach(link => {
    if (link.asked || document.getElementById(link.id) || !window.location.pathname.includes('/tasklist/')) {
      return;
    }
    link.asked = true;
    fetch(link.api, {credentials: 'same-origin', headers: {'Accept': 'application/json', 'X-Requested-With': 'tasklist'}})
      .then(response => response.status === 401 ? null : response.ok ? response.json() : undefined)
      .then(answer => {
        if (answer === null) {
          link.asked = false; // not logged in yet
        } else if (answer !== undefined && link.shows(answer)) {
          addFooterLink(link.id, link.href, link.nb, link.en, link.left);
        }
      })
      .catch(() => {
        link.asked = false;
      });
  });
}

function start() {
  addLanguageSwitch();
  addReceiptsLink();
  addAskedLinks();
  window.addEventListener('hashchange', event => {
    if (String(event.oldURL).includes('#/login')) {
      // someone logged in without the page loading anew: ask again for them
      askedLinks.forEach(link => {
        const old = document.getElementById(link.id);
        if (old) {
          old.remove();
        }
        link.asked = false;
      });
    }
    addAskedLinks();
  });
  new MutationObserver(() => {
    if (language === 'nb') {
      translateFormTexts(document.body);
    }
    countOnlyVisibleErrors(document.body);
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}

document.documentElement.lang = language;
if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}
