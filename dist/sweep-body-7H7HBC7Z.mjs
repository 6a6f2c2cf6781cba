import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CLOSING_MARKER,
  GITHUB_BODY_LIMIT,
  LEFT_ALONE_MARKER,
  MAX_PULL_REQUEST_BODY,
  MAX_SWEEP_SUMMARY_BYTES,
  SWEEP_MARKER,
  SWEEP_TRAILER,
  fitSections,
  isSweepCommit,
  renderClosingComment,
  renderCommitMessage,
  renderLeftAloneComment,
  renderSweepBody,
  renderSweepSummary
} from "./chunk-X3MQBB7E.mjs";
import "./chunk-OGRZKBIY.mjs";
import "./chunk-LQBJJJ4V.mjs";
import "./chunk-SYRML5ZZ.mjs";
import "./chunk-NNKK245H.mjs";
export {
  CLOSING_MARKER,
  GITHUB_BODY_LIMIT,
  LEFT_ALONE_MARKER,
  MAX_PULL_REQUEST_BODY,
  MAX_SWEEP_SUMMARY_BYTES,
  SWEEP_MARKER,
  SWEEP_TRAILER,
  fitSections,
  isSweepCommit,
  renderClosingComment,
  renderCommitMessage,
  renderLeftAloneComment,
  renderSweepBody,
  renderSweepSummary
};
