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
} from "./chunk-EU7ESHN7.js";
import "./chunk-6LDC7HQX.js";
import "./chunk-JHL4LHGG.js";
import "./chunk-7VWP2DJO.js";
import "./chunk-LQK3ML4U.js";
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
