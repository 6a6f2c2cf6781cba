import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  GenerateFindingRecommendation$,
  GetFindingRecommendation$,
  _ep0,
  _mw0,
  accessAnalyzerSource,
  command,
  describeAwsError,
  paginate,
  toJson
} from "./chunk-DA5RBJWS.mjs";
import {
  mapConcurrent
} from "./chunk-ZYU4R6PG.mjs";
import {
  RECOMMENDATION_KEY,
  readRecommendation
} from "./chunk-MBW5WFYS.mjs";
import {
  ConfigurationError
} from "./chunk-SYRML5ZZ.mjs";

// node_modules/@aws-sdk/client-accessanalyzer/dist-es/commands/GenerateFindingRecommendationCommand.js
var GenerateFindingRecommendationCommand = class extends command(_ep0, _mw0, "GenerateFindingRecommendation", GenerateFindingRecommendation$) {
};

// node_modules/@aws-sdk/client-accessanalyzer/dist-es/commands/GetFindingRecommendationCommand.js
var GetFindingRecommendationCommand = class extends command(_ep0, _mw0, "GetFindingRecommendation", GetFindingRecommendation$) {
};

// src/findings/recommendations.ts
var RECOMMENDATIONS_TIME_LIMIT_MS = 18e4;
var POLL_FIRST_DELAY_MS = 1e3;
var POLL_MAX_DELAY_MS = 8e3;
var STEPS_PER_PAGE = 1e3;
var RECOMMENDATION_CONCURRENCY = 4;
async function fetchRecommendations(client, analyzerArn, requests, options = {}) {
  const log = options.log ?? (() => void 0);
  const deadline = Date.now() + (options.timeLimitMs ?? RECOMMENDATIONS_TIME_LIMIT_MS);
  const fetched = await mapConcurrent(
    requests,
    RECOMMENDATION_CONCURRENCY,
    (request) => fetchRecommendation(client, analyzerArn, request, deadline)
  );
  const available = fetched.filter((f) => f.recommendation.status === "available").length;
  for (const f of fetched) {
    if (f.recommendation.status === "unavailable") {
      log(`no recommendation for ${f.recommendation.principal}: ${f.recommendation.reason}`);
    }
  }
  if (requests.length > 0) {
    log(`${available} of ${requests.length} IAM Access Analyzer recommendation(s) read`);
  }
  return fetched;
}
async function fetchRecommendation(client, analyzerArn, request, deadline) {
  const { id, resource } = request;
  const unavailable = (reason) => ({
    recommendation: { principal: resource, status: "unavailable", reason, source: `finding ${id}` }
  });
  try {
    let first = await getFirstPage(client, analyzerArn, id);
    let generated = false;
    if (first === void 0 || first.status === "FAILED") {
      await send(
        "GenerateFindingRecommendation",
        () => client.send(new GenerateFindingRecommendationCommand({ analyzerArn, id }))
      );
      generated = true;
      first = await getFirstPage(client, analyzerArn, id);
    }
    let delay = POLL_FIRST_DELAY_MS;
    while ((first === void 0 ? generated : first.status === "IN_PROGRESS") && Date.now() + delay <= deadline) {
      await sleep(delay);
      delay = Math.min(delay * 2, POLL_MAX_DELAY_MS);
      first = await getFirstPage(client, analyzerArn, id);
    }
    if (first === void 0) {
      return unavailable(
        generated ? "IAM Access Analyzer started the recommendation but did not find it afterwards" : "IAM Access Analyzer has no recommendation for the finding"
      );
    }
    const steps = [...first.recommendedSteps ?? []];
    if (first.status === "SUCCEEDED" && first.nextToken) {
      let token = first.nextToken;
      await paginate("GetFindingRecommendation", async () => {
        const page = await getPage(client, analyzerArn, id, token);
        if (page === void 0)
          throw new ConfigurationError("the recommendation disappeared between two pages");
        steps.push(...page.recommendedSteps ?? []);
        token = page.nextToken;
        return token;
      });
    }
    const response = toJson({
      startedAt: first.startedAt,
      completedAt: first.completedAt,
      error: first.error,
      resourceArn: first.resourceArn,
      recommendedSteps: steps,
      recommendationType: first.recommendationType,
      status: first.status
    });
    const recommendation = readRecommendation(
      response,
      "",
      (path, what) => {
        throw new ConfigurationError(
          `GetFindingRecommendation answered for finding ${id}: ${path}: ${what}`
        );
      },
      `finding ${id}`,
      resource
    );
    if (recommendation.status === "unavailable" && first.status === "IN_PROGRESS") {
      return {
        recommendation: {
          ...recommendation,
          reason: `${recommendation.reason}, still in progress at the time limit`
        },
        response
      };
    }
    return { recommendation, response };
  } catch (error) {
    return unavailable(error instanceof ConfigurationError ? error.message : String(error));
  }
}
function getFirstPage(client, analyzerArn, id) {
  return getPage(client, analyzerArn, id, void 0);
}
async function getPage(client, analyzerArn, id, nextToken) {
  try {
    return await client.send(
      new GetFindingRecommendationCommand({
        analyzerArn,
        id,
        maxResults: STEPS_PER_PAGE,
        ...nextToken ? { nextToken } : {}
      })
    );
  } catch (error) {
    if (error.name === "ResourceNotFoundException") return void 0;
    throw describe(error, "GetFindingRecommendation");
  }
}
async function send(operation, run) {
  try {
    return await run();
  } catch (error) {
    throw describe(error, operation);
  }
}
function describe(error, operation) {
  const name = error.name;
  if (name === "ThrottlingException") {
    return new ConfigurationError(
      `IAM Access Analyzer kept throttling ${operation}; the recommendation is unavailable for this run`,
      { cause: error }
    );
  }
  return describeAwsError(error, operation);
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
async function attachRecommendations(client, exported, options = {}) {
  const requests = exported.findings.filter(
    (f) => f.findingType === "UnusedPermission" && typeof f.id === "string" && typeof f.resource === "string"
  ).map((f) => ({ id: f.id, resource: f.resource }));
  const fetched = await fetchRecommendations(client, exported.analyzerArn, requests, options);
  const byId = new Map(requests.map((r, i) => [r.id, fetched[i]?.response]));
  return {
    ...exported,
    findings: exported.findings.map((f) => {
      const response = byId.get(String(f.id));
      return response ? { ...f, [RECOMMENDATION_KEY]: response } : f;
    })
  };
}
function recommendingAccessAnalyzerSource(client, options) {
  const source = accessAnalyzerSource(client, options);
  let requests = [];
  return {
    description: source.description,
    async load() {
      const parsed = await source.load();
      requests = parsed.flatMap(
        (p) => p.principals.filter((u) => !u.wholePrincipal).flatMap((u) => u.sources.map((id) => ({ id, resource: u.principal })))
      );
      return parsed;
    },
    async recommend(principals) {
      const wanted = new Set(principals);
      const mine = requests.filter((r) => wanted.has(r.resource));
      const analyzerArn = options.analyzerArn;
      if (mine.length === 0 || analyzerArn === void 0) return [];
      const fetched = await fetchRecommendations(client, analyzerArn, mine, options);
      return fetched.map((f) => f.recommendation);
    }
  };
}

export {
  RECOMMENDATIONS_TIME_LIMIT_MS,
  POLL_FIRST_DELAY_MS,
  POLL_MAX_DELAY_MS,
  STEPS_PER_PAGE,
  RECOMMENDATION_CONCURRENCY,
  fetchRecommendations,
  attachRecommendations,
  recommendingAccessAnalyzerSource
};
