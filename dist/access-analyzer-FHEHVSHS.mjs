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
} from "./chunk-DA5RBJWS.mjs";
import "./chunk-M2GNFQXR.mjs";
import "./chunk-SUY63WVC.mjs";
import "./chunk-2FUNREKX.mjs";
import "./chunk-2CWEX36R.mjs";
import "./chunk-KKAK7Q5Q.mjs";
import "./chunk-OYMLWL2Y.mjs";
import "./chunk-3LSRESYA.mjs";
import "./chunk-ZYU4R6PG.mjs";
import "./chunk-MBW5WFYS.mjs";
import "./chunk-EDNVQGKR.mjs";
import "./chunk-ZS2NZTCM.mjs";
import "./chunk-SYRML5ZZ.mjs";
import "./chunk-NNKK245H.mjs";
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
