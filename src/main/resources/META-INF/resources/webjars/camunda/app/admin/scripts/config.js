// Kompetansemidler: Norwegian bokmål by default, English selectable (see ../../kompetansemidler/sprak.js).
import {locales} from '../../kompetansemidler/sprak.js';

export default {
  locales
};
