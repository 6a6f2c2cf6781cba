import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readJsonFile
} from "./chunk-MBW5WFYS.mjs";
import {
  bundledCatalog,
  isRecord,
  parseCatalog
} from "./chunk-EDNVQGKR.mjs";

// src/io/live-catalog.ts
var SERVICE_REFERENCE_URL = "https://servicereference.us-east-1.amazonaws.com/";
var SERVICE_REFERENCE_URL_ENV = "IAM_REFINE_SERVICE_REFERENCE_URL";
var CATALOG_MAX_AGE_DAYS = 90;
var cache = /* @__PURE__ */ new Map();
async function loadLiveCatalog(options) {
  const baseUrl = options.baseUrl ?? process.env[SERVICE_REFERENCE_URL_ENV] ?? SERVICE_REFERENCE_URL;
  let pending = cache.get(baseUrl);
  if (!pending) {
    pending = fetchServiceReference(baseUrl, options);
    cache.set(baseUrl, pending);
  }
  try {
    return await pending;
  } catch (error) {
    cache.delete(baseUrl);
    const fallback = bundledCatalog();
    options.warn(
      `could not read the AWS service reference at ${baseUrl} (${error.message}); using the bundled catalog (${fallback.source}${fallback.updatedAt ? `, ${fallback.updatedAt}` : ""})`
    );
    return fallback;
  }
}
async function fetchServiceReference(baseUrl, options) {
  const fetch = options.fetch ?? globalThis.fetch;
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 6e4;
  const timer = setTimeout(
    () => controller.abort(new Error(`no answer within ${timeoutMs / 1e3} s`)),
    timeoutMs
  );
  try {
    const base = new URL(baseUrl);
    const getJson = async (url) => {
      const response = await fetch(url, {
        signal: controller.signal,
        headers: { accept: "application/json" }
      });
      if (!response.ok) throw new Error(`${url.href} answered HTTP ${response.status}`);
      return await response.json();
    };
    const index = await getJson(base);
    if (!Array.isArray(index) || index.length === 0) {
      throw new Error('its index is not a list of {"service", "url"}');
    }
    const entries = index.map((entry) => {
      if (!isRecord(entry) || typeof entry.service !== "string" || typeof entry.url !== "string") {
        throw new Error('its index is not a list of {"service", "url"}');
      }
      const url = new URL(entry.url, base);
      if (url.origin !== base.origin) {
        throw new Error(`its index points outside ${base.origin} (${url.href})`);
      }
      return { service: entry.service, url };
    });
    const services = /* @__PURE__ */ new Map();
    const bodies = await mapConcurrent(entries, options.concurrency ?? 8, async (entry) => ({
      entry,
      body: await getJson(entry.url)
    }));
    for (const { entry, body } of bodies) {
      const actions = readServiceActions(body, entry.service);
      const key = entry.service.toLowerCase();
      services.set(key, [...services.get(key) ?? [], ...actions]);
    }
    return {
      source: `AWS service reference (${base.href})`,
      updatedAt: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10),
      services
    };
  } finally {
    clearTimeout(timer);
  }
}
function readServiceActions(body, service) {
  if (!/^[a-z0-9-]+$/i.test(service)) throw new Error(`"${service}" is not a service prefix`);
  if (!isRecord(body) || !Array.isArray(body.Actions)) {
    throw new Error(`the file of ${service} has no "Actions" list`);
  }
  return body.Actions.map((action) => {
    const name = isRecord(action) ? action.Name : void 0;
    if (typeof name !== "string" || !/^[A-Za-z0-9_-]+$/.test(name)) {
      throw new Error(`the file of ${service} holds an action without a valid "Name"`);
    }
    return name;
  });
}
function catalogAgeWarning(catalog, now) {
  if (catalog.updatedAt === void 0) return void 0;
  const updated = Date.parse(catalog.updatedAt);
  if (Number.isNaN(updated)) return void 0;
  const days = Math.floor((now.getTime() - updated) / 864e5);
  if (days <= CATALOG_MAX_AGE_DAYS) return void 0;
  return `the action catalog (${catalog.source}) is from ${catalog.updatedAt.slice(0, 10)}, ${days} days ago: actions AWS added since are unknown to it. Update iam-refine, or use \`catalog: live\`.`;
}
async function mapConcurrent(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
async function catalogFromInput(value, options) {
  const trimmed = value?.trim();
  let catalog;
  if (trimmed === "live") {
    catalog = await loadLiveCatalog({
      warn: options.warn,
      ...options.baseUrl === void 0 ? {} : { baseUrl: options.baseUrl }
    });
  } else if (trimmed) {
    catalog = parseCatalog(await readJsonFile(trimmed, "catalog"), trimmed);
  } else {
    catalog = bundledCatalog();
  }
  if (catalog === bundledCatalog()) {
    const stale = catalogAgeWarning(catalog, options.now ?? /* @__PURE__ */ new Date());
    if (stale) options.warn(stale);
  }
  return catalog;
}

export {
  mapConcurrent,
  catalogFromInput
};
