/**
 * scorm-again 3.4.3's subpath entries disagree with themselves: `scorm-again/scorm12` (and
 * `/scorm2004`) point their types at a declaration with a default export, while the ESM build
 * exports the class by name (`export { Scorm12API }`). A named import then fails `tsc` and a
 * default import fails at run time, so the classes are taken by name and typed from the default.
 */
import type Scorm12Class from 'scorm-again/scorm12';
import type Scorm2004Class from 'scorm-again/scorm2004';
import * as scorm12 from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';

export const Scorm12API = (scorm12 as unknown as { Scorm12API: typeof Scorm12Class }).Scorm12API;
export const Scorm2004API = (scorm2004 as unknown as { Scorm2004API: typeof Scorm2004Class }).Scorm2004API;
export type Scorm12API = Scorm12Class;
export type Scorm2004API = Scorm2004Class;
