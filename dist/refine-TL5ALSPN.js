import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
} from "./chunk-O4C3TF3G.js";
import "./chunk-CEWICDBE.js";
import "./chunk-WVAMR6CT.js";
import "./chunk-JDPFHPFK.js";
import "./chunk-A75KXUUH.js";
import "./chunk-Z6W5CLTF.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";
export {
  REFINE_USAGE,
  loadCatalog,
  refineCommand
};
