import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  BUNDLED_CATALOG_JSON,
  BUNDLED_CATALOG_SOURCE,
  BUNDLED_CATALOG_UPDATED_AT
} from "./chunk-ZS2NZTCM.mjs";
import "./chunk-NNKK245H.mjs";
export {
  BUNDLED_CATALOG_JSON,
  BUNDLED_CATALOG_SOURCE,
  BUNDLED_CATALOG_UPDATED_AT
};
