import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  serveTasks,
  workerRefiner
} from "./chunk-WQ7A4EHO.js";
import "./chunk-JHL4LHGG.js";
import "./chunk-ZPV5UK3X.js";
import "./chunk-H45TOCJT.js";
import "./chunk-VXH57YIK.js";
import "./chunk-KQJYSLP4.js";
import "./chunk-NWSP4R6C.js";
import "./chunk-LF3BJJ7O.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";

// src/io/refine-worker.ts
serveTasks((data) => workerRefiner(data));
