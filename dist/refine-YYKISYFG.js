import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
} from "./chunk-3MGBKOBV.js";
import "./chunk-MRP5RKTU.js";
import "./chunk-WVAMR6CT.js";
import "./chunk-X7BF223F.js";
import "./chunk-VXH57YIK.js";
import "./chunk-KQJYSLP4.js";
import "./chunk-NWSP4R6C.js";
import "./chunk-LF3BJJ7O.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";
export {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
};
