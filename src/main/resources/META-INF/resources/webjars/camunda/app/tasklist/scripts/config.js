// Kompetansemidler: Norwegian bokmål by default, English selectable (see ../../kompetansemidler/sprak.js).
import {language, locales} from '../../kompetansemidler/sprak.js';
// login through the identity providers, and logout at the provider (see ../../kompetansemidler/innlogging.js)
import '../../kompetansemidler/innlogging.js';

const nb = language === 'nb';

/*
 * Tasklist sorts a filter's tasks by creation time unless the address names a sorting, whatever the filter says;
 * caseworkers and owners work by deadline, so the task list opens sorted by due date, earliest first. A sorting
 * the user picks is kept.
 */
const BY_DUE_DATE = 'sorting=' + encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash || '#/';
  if (!(hash === '#/' || hash.startsWith('#/?')) || hash.includes('sorting=')) {
    return;
  }
  const sorted = hash === '#/' ? '#/?' + BY_DUE_DATE : hash + '&' + BY_DUE_DATE;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + sorted);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

sortByDueDateUnlessChosen();
window.addEventListener('hashchange', sortByDueDateUnlessChosen);

export default {
  locales,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: nb ? 'tar den valgte oppgaven' : 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: nb ? 'setter fokus på det første filteret i listen' : 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: nb ? 'setter fokus på den første oppgaven i listen' : 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: nb ? 'setter fokus på det første feltet i skjemaet' : 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: nb ? 'åpner dialogen for å starte en prosess' : 'opens the start process modal dialog'
    }
  }
};
