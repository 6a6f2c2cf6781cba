import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  serveTasks,
  workerRefiner
} from "./chunk-3XZNQSIO.js";
import "./chunk-JHL4LHGG.js";
import "./chunk-KQJYSLP4.js";
import "./chunk-LTXR7MFA.js";
import "./chunk-7LTUR6G6.js";
import "./chunk-ZPV5UK3X.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";

// src/io/refine-worker.ts
serveTasks((data) => workerRefiner(data));
