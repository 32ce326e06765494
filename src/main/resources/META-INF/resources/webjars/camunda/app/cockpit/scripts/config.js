// Kompetansemidler: Norwegian bokmål by default, English selectable (see ../../kompetansemidler/sprak.js).
import {locales} from '../../kompetansemidler/sprak.js';
// login through the identity providers, and logout at the provider (see ../../kompetansemidler/innlogging.js)
import '../../kompetansemidler/innlogging.js';

export default {
  locales
};
