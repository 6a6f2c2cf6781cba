import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
} from "./chunk-AEWZ4E7K.js";
import "./chunk-CEWICDBE.js";
import "./chunk-WVAMR6CT.js";
import "./chunk-5E3UU7QA.js";
import "./chunk-TTYDF3A2.js";
import "./chunk-KQJYSLP4.js";
import "./chunk-PJHNB5KN.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";
export {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
};
