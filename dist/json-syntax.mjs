import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  firstJsonSyntaxError
} from "./chunk-OFSIRHZY.mjs";
import "./chunk-GO6UHQG7.mjs";
import "./chunk-NNKK245H.mjs";
export {
  firstJsonSyntaxError
};
