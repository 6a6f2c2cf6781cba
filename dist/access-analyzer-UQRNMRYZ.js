import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  AWS_MAX_ATTEMPTS,
  PERMISSIONS,
  accessAnalyzerSource,
  awsClientConfig,
  call,
  createAccessAnalyzerClient,
  describeAwsError,
  exportUnusedAccessFindings,
  exportedFindingsFile,
  findUnusedAccessAnalyzer,
  paginate,
  toJson
} from "./chunk-JXUUEU6J.js";
import "./chunk-H55F4EFC.js";
import "./chunk-5B75XFSJ.js";
import "./chunk-F2GMA2IY.js";
import "./chunk-JDI5KH5J.js";
import "./chunk-7QPQRWCM.js";
import "./chunk-R34RPEIJ.js";
import "./chunk-VOUO67UZ.js";
import "./chunk-2URW6VW7.js";
import "./chunk-WK3WH5NQ.js";
import "./chunk-LTXR7MFA.js";
import "./chunk-7LTUR6G6.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";
export {
  AWS_MAX_ATTEMPTS,
  PERMISSIONS,
  accessAnalyzerSource,
  awsClientConfig,
  call,
  createAccessAnalyzerClient,
  describeAwsError,
  exportUnusedAccessFindings,
  exportedFindingsFile,
  findUnusedAccessAnalyzer,
  paginate,
  toJson
};
