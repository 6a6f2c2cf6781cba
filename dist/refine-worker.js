import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  serveTasks,
  workerRefiner
} from "./chunk-FDH5X3AA.js";
import "./chunk-JHL4LHGG.js";
import "./chunk-KLK6EZFP.js";
import "./chunk-A75KXUUH.js";
import "./chunk-PA2QRX7X.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";

// src/io/refine-worker.ts
serveTasks((data) => workerRefiner(data));
