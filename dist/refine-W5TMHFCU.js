import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
} from "./chunk-63D3I6ER.js";
import "./chunk-CEWICDBE.js";
import "./chunk-WVAMR6CT.js";
import "./chunk-EMJOFIQ2.js";
import "./chunk-A75KXUUH.js";
import "./chunk-A4MNSLML.js";
import "./chunk-NBSQKTAP.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";
export {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
};
