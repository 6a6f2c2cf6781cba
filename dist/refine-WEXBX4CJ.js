import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
} from "./chunk-7PWMX3KU.js";
import "./chunk-CEWICDBE.js";
import "./chunk-WVAMR6CT.js";
import "./chunk-XVBDI6UW.js";
import "./chunk-KLK6EZFP.js";
import "./chunk-A75KXUUH.js";
import "./chunk-PA2QRX7X.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";
export {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
};
