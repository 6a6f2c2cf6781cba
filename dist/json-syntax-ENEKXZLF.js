import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  firstJsonSyntaxError,
  lineAndColumn
} from "./chunk-CR5E7HQL.js";
import "./chunk-ZPV5UK3X.js";
import "./chunk-LQK3ML4U.js";
export {
  firstJsonSyntaxError,
  lineAndColumn
};
