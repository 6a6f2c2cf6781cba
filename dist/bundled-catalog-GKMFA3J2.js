import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  bundledCatalog
} from "./chunk-H45TOCJT.js";
import "./chunk-LF3BJJ7O.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";
export {
  bundledCatalog
};
