import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  serveTasks,
  workerRefiner
} from "./chunk-KZBC3YUE.js";
import "./chunk-JHL4LHGG.js";
import "./chunk-TTYDF3A2.js";
import "./chunk-KQJYSLP4.js";
import "./chunk-PJHNB5KN.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";

// src/io/refine-worker.ts
serveTasks((data) => workerRefiner(data));
