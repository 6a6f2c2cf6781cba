import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  serveTasks,
  workerRefiner
} from "./chunk-SYRK4TRT.mjs";
import "./chunk-LQBJJJ4V.mjs";
import "./chunk-2C3UKXPJ.mjs";
import "./chunk-EDNVQGKR.mjs";
import "./chunk-ZS2NZTCM.mjs";
import "./chunk-GO6UHQG7.mjs";
import "./chunk-SYRML5ZZ.mjs";
import "./chunk-NNKK245H.mjs";

// src/io/refine-worker.ts
serveTasks((data) => workerRefiner(data));
