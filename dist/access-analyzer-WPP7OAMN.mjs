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
} from "./chunk-5QYYG3JI.mjs";
import "./chunk-M2GNFQXR.mjs";
import "./chunk-SUY63WVC.mjs";
import "./chunk-2FUNREKX.mjs";
import "./chunk-2CWEX36R.mjs";
import "./chunk-KKAK7Q5Q.mjs";
import "./chunk-OYMLWL2Y.mjs";
import "./chunk-3LSRESYA.mjs";
import "./chunk-262MWACK.mjs";
import "./chunk-XF47WS7M.mjs";
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
