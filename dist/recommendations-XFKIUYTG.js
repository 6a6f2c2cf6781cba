import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  POLL_FIRST_DELAY_MS,
  POLL_MAX_DELAY_MS,
  RECOMMENDATIONS_TIME_LIMIT_MS,
  RECOMMENDATION_CONCURRENCY,
  STEPS_PER_PAGE,
  attachRecommendations,
  fetchRecommendations,
  recommendingAccessAnalyzerSource
} from "./chunk-4JRWU4F5.js";
import "./chunk-VJZVB2IB.js";
import "./chunk-H55F4EFC.js";
import "./chunk-5B75XFSJ.js";
import "./chunk-F2GMA2IY.js";
import "./chunk-JDI5KH5J.js";
import "./chunk-7QPQRWCM.js";
import "./chunk-R34RPEIJ.js";
import "./chunk-VOUO67UZ.js";
import "./chunk-LNGLIJZC.js";
import "./chunk-H45TOCJT.js";
import "./chunk-X7BF223F.js";
import "./chunk-NWSP4R6C.js";
import "./chunk-LF3BJJ7O.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";
export {
  POLL_FIRST_DELAY_MS,
  POLL_MAX_DELAY_MS,
  RECOMMENDATIONS_TIME_LIMIT_MS,
  RECOMMENDATION_CONCURRENCY,
  STEPS_PER_PAGE,
  attachRecommendations,
  fetchRecommendations,
  recommendingAccessAnalyzerSource
};
