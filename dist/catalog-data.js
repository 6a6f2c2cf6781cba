import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  BUNDLED_CATALOG_JSON,
  BUNDLED_CATALOG_SOURCE,
  BUNDLED_CATALOG_UPDATED_AT
} from "./chunk-7LTUR6G6.js";
import "./chunk-LQK3ML4U.js";
export {
  BUNDLED_CATALOG_JSON,
  BUNDLED_CATALOG_SOURCE,
  BUNDLED_CATALOG_UPDATED_AT
};
