import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  firstJsonSyntaxError,
  lineAndColumn
} from "./chunk-KUE5U2GC.mjs";
import "./chunk-GO6UHQG7.mjs";
import "./chunk-NNKK245H.mjs";
export {
  firstJsonSyntaxError,
  lineAndColumn
};
