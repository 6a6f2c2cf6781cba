import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  attachRecommendations
} from "./chunk-6BV5BZHR.mjs";
import {
  awsClientConfig,
  call,
  createAccessAnalyzerClient,
  defaultProvider,
  exportUnusedAccessFindings,
  exportedFindingsFile,
  paginate
} from "./chunk-DA5RBJWS.mjs";
import "./chunk-M2GNFQXR.mjs";
import {
  AwsQueryProtocol,
  AwsSdkSigV4Signer,
  NODE_AUTH_SCHEME_PREFERENCE_OPTIONS,
  resolveAwsSdkSigV4Config
} from "./chunk-SUY63WVC.mjs";
import {
  Sha256Node
} from "./chunk-2FUNREKX.mjs";
import {
  NodeHttpHandler
} from "./chunk-2CWEX36R.mjs";
import {
  BinaryDecisionDiagram,
  Client,
  DEFAULT_RETRY_MODE,
  DefaultIdentityProviderConfig,
  EndpointCache,
  NODE_APP_ID_CONFIG_OPTIONS,
  NODE_MAX_ATTEMPT_CONFIG_OPTIONS,
  NODE_RETRY_MODE_CONFIG_OPTIONS,
  NoOpLogger,
  ServiceException,
  awsEndpointFunctions,
  createDefaultUserAgentProvider,
  customEndpointFunctions,
  decideEndpoint,
  emitWarningIfUnsupportedVersion,
  emitWarningIfUnsupportedVersion2,
  getAwsRegionExtensionConfiguration,
  getDefaultExtensionConfiguration,
  getDefaultSocketTimeout,
  getEndpointPlugin,
  getHostHeaderPlugin,
  getHttpAuthSchemeEndpointRuleSetPlugin,
  getHttpSigningPlugin,
  getLoggerPlugin,
  getRecursionDetectionPlugin,
  getRetryPlugin,
  getUserAgentPlugin,
  loadConfigsForDefaultMode,
  makeBuilder,
  resolveAwsRegionExtensionConfiguration,
  resolveDefaultRuntimeConfig,
  resolveEndpointConfig,
  resolveHostHeaderConfig,
  resolveRetryConfig,
  resolveUserAgentConfig
} from "./chunk-KKAK7Q5Q.mjs";
import {
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
  NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
  getContentLengthPlugin,
  getHttpHandlerExtensionConfiguration,
  loadConfig,
  resolveDefaultsModeConfig,
  resolveHttpHandlerRuntimeConfig,
  resolveRegionConfig
} from "./chunk-OYMLWL2Y.mjs";
import {
  TypeRegistry,
  calculateBodyLength,
  fromBase64,
  fromUtf8,
  getSchemaSerdePlugin,
  getSmithyContext,
  normalizeProvider,
  parseUrl,
  streamCollector,
  toBase64,
  toUtf8
} from "./chunk-3LSRESYA.mjs";
import "./chunk-JPLLETMU.mjs";
import {
  mapConcurrent
} from "./chunk-ZYU4R6PG.mjs";
import {
  EXIT,
  guarded,
  parseOptions
} from "./chunk-RBDZV54H.mjs";
import "./chunk-MBW5WFYS.mjs";
import "./chunk-2C3UKXPJ.mjs";
import "./chunk-EDNVQGKR.mjs";
import "./chunk-ZS2NZTCM.mjs";
import {
  ConfigurationError
} from "./chunk-SYRML5ZZ.mjs";
import "./chunk-NNKK245H.mjs";

// src/commands/findings.ts
import { writeFile } from "node:fs/promises";

// node_modules/@aws-sdk/client-iam/dist-es/auth/httpAuthSchemeProvider.js
var defaultIAMHttpAuthSchemeParametersProvider = async (config, context, input) => {
  return {
    operation: getSmithyContext(context).operation,
    region: await normalizeProvider(config.region)() || (() => {
      throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
    })()
  };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
  return {
    schemeId: "aws.auth#sigv4",
    signingProperties: {
      name: "iam",
      region: authParameters.region
    },
    propertiesExtractor: (config, context) => ({
      signingProperties: {
        config,
        context
      }
    })
  };
}
var defaultIAMHttpAuthSchemeProvider = (authParameters) => {
  const options = [];
  switch (authParameters.operation) {
    default: {
      options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
    }
  }
  return options;
};
var resolveHttpAuthSchemeConfig = (config) => {
  const config_0 = resolveAwsSdkSigV4Config(config);
  return Object.assign(config_0, {
    authSchemePreference: normalizeProvider(config.authSchemePreference ?? [])
  });
};

// node_modules/@aws-sdk/client-iam/dist-es/endpoint/EndpointParameters.js
var resolveClientEndpointParameters = (options) => {
  return Object.assign(options, {
    useDualstackEndpoint: options.useDualstackEndpoint ?? false,
    useFipsEndpoint: options.useFipsEndpoint ?? false,
    defaultSigningName: "iam"
  });
};
var commonParams = {
  UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
  Endpoint: { type: "builtInParams", name: "endpoint" },
  Region: { type: "builtInParams", name: "region" },
  UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" }
};

// node_modules/@aws-sdk/client-iam/package.json
var package_default = {
  name: "@aws-sdk/client-iam",
  version: "3.1169.0",
  description: "AWS SDK for JavaScript Iam Client for Node.js, Browser and React Native",
  homepage: "https://github.com/aws/aws-sdk-js-v3/tree/main/clients/client-iam",
  license: "Apache-2.0",
  author: {
    name: "AWS SDK for JavaScript Team",
    url: "https://aws.amazon.com/sdk-for-javascript/"
  },
  repository: {
    type: "git",
    url: "https://github.com/aws/aws-sdk-js-v3.git",
    directory: "clients/client-iam"
  },
  files: [
    "dist-*/**"
  ],
  sideEffects: false,
  main: "./dist-cjs/index.js",
  module: "./dist-es/index.js",
  browser: {
    "./dist-es/runtimeConfig": "./dist-es/runtimeConfig.browser"
  },
  types: "./dist-types/index.d.ts",
  typesVersions: {
    "<4.5": {
      "dist-types/*": [
        "dist-types/ts3.4/*"
      ]
    }
  },
  "react-native": {
    "./dist-es/runtimeConfig": "./dist-es/runtimeConfig.native"
  },
  scripts: {
    build: "concurrently 'yarn:build:types' 'yarn:build:es' && yarn build:cjs",
    "build:cjs": "node ../../scripts/compilation/inline",
    "build:es": "premove dist-es && tsc -p tsconfig.es.json",
    "build:include:deps": 'yarn g:turbo run build -F="$npm_package_name"',
    "build:types": "premove dist-types && tsc -p tsconfig.types.json",
    "build:types:downlevel": "downlevel-dts dist-types dist-types/ts3.4",
    clean: "premove dist-cjs dist-es dist-types",
    "extract:docs": "api-extractor run --local",
    "generate:client": "node ../../scripts/generate-clients/single-service",
    test: "yarn g:vitest run --passWithNoTests",
    "test:watch": "yarn g:vitest watch --passWithNoTests",
    "test:integration": "yarn g:vitest run --passWithNoTests -c vitest.config.integ.mts",
    "test:integration:watch": "yarn g:vitest watch --passWithNoTests -c vitest.config.integ.mts",
    "test:e2e": "yarn g:vitest run -c vitest.config.e2e.mts",
    "test:e2e:watch": "yarn g:vitest watch -c vitest.config.e2e.mts",
    "test:index": "tsc -p tsconfig.test.json && node ./test/index-objects.spec.mjs"
  },
  dependencies: {
    "@aws-sdk/core": "^3.981.0",
    "@aws-sdk/credential-provider-node": "^3.972.97",
    "@aws-sdk/types": "^3.975.1",
    "@smithy/core": "^3.40.0",
    "@smithy/fetch-http-handler": "^5.8.1",
    "@smithy/node-http-handler": "^4.14.2",
    "@smithy/types": "^4.20.0",
    tslib: "^2.6.2"
  },
  devDependencies: {
    "@smithy/snapshot-testing": "^2.4.0",
    "@tsconfig/node20": "20.1.8",
    "@types/node": "^20.14.8",
    concurrently: "7.0.0",
    "downlevel-dts": "0.10.1",
    premove: "4.0.0",
    typescript: "~7.0.2",
    vitest: "^4.0.17"
  },
  engines: {
    node: ">=20.0.0"
  }
};

// node_modules/@aws-sdk/client-iam/dist-es/endpoint/bdd.js
var v = "ref";
var w = "authSchemes";
var x = "name";
var y = "signingRegion";
var a = -1;
var b = true;
var c = "isSet";
var d = "PartitionResult";
var e = "stringEquals";
var f = "booleanEquals";
var g = "getAttr";
var h = { [v]: "Endpoint" };
var i = { "fn": g, "argv": [{ [v]: d }, "name"] };
var j = { [v]: d };
var k = { [w]: [{ [x]: "sigv4", [y]: "us-east-1" }] };
var l = { [w]: [{ [x]: "sigv4", [y]: "cn-north-1" }] };
var m = { [w]: [{ [x]: "sigv4", [y]: "us-gov-west-1" }] };
var n = { [w]: [{ [x]: "sigv4", [y]: "us-iso-east-1" }] };
var o = { [w]: [{ [x]: "sigv4", [y]: "us-isob-east-1" }] };
var p = { [w]: [{ [x]: "sigv4", [y]: "eu-isoe-west-1" }] };
var q = { [w]: [{ [x]: "sigv4", [y]: "us-isof-south-1" }] };
var s = { [w]: [{ [x]: "sigv4", [y]: "eusc-de-east-1" }] };
var t = { [w]: [{ [x]: "sigv4", [y]: "{PartitionResult#implicitGlobalRegion}" }] };
var u = [{ [v]: "Region" }];
var _data = {
  conditions: [
    [c, [h]],
    [c, u],
    ["aws.partition", u, d],
    [e, [i, "aws"]],
    [e, [i, "aws-cn"]],
    [e, [i, "aws-us-gov"]],
    [e, [i, "aws-iso"]],
    [f, [{ [v]: "UseFIPS" }, b]],
    [f, [{ [v]: "UseDualStack" }, b]],
    [e, [i, "aws-iso-b"]],
    [e, [i, "aws-iso-e"]],
    [e, [i, "aws-iso-f"]],
    [e, [i, "aws-eusc"]],
    [f, [{ fn: g, argv: [j, "supportsDualStack"] }, b]],
    [f, [{ fn: g, argv: [j, "supportsFIPS"] }, b]]
  ],
  results: [
    [a],
    [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
    [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
    [h, {}],
    ["https://iam.amazonaws.com", k],
    ["https://iam-fips.amazonaws.com", k],
    ["https://iam.global.api.aws", k],
    ["https://iam-fips.global.api.aws", k],
    ["https://iam.global.api.amazonwebservices.com.cn", l],
    ["https://iam-fips.api.amazonwebservices.com.cn", l],
    ["https://iam.cn-north-1.amazonaws.com.cn", l],
    ["https://iam-fips.amazonaws.com.cn", l],
    ["https://iam.us-gov.api.aws", m],
    ["https://iam.us-gov.amazonaws.com", m],
    ["https://iam.us-iso-east-1.c2s.ic.gov", n],
    ["https://iam-fips.us-iso-east-1.c2s.ic.gov", n],
    ["https://iam.api.aws.ic.gov", n],
    ["https://iam-fips.api.aws.ic.gov", n],
    ["https://iam.us-isob-east-1.sc2s.sgov.gov", o],
    ["https://iam-fips.us-isob-east-1.sc2s.sgov.gov", o],
    ["https://iam.api.aws.scloud", o],
    ["https://iam-fips.api.aws.scloud", o],
    ["https://iam.eu-isoe-west-1.cloud.adc-e.uk", p],
    ["https://iam-fips.cloud.adc-e.uk", p],
    ["https://iam.api.cloud-aws.adc-e.uk", p],
    ["https://iam-fips.api.cloud-aws.adc-e.uk", p],
    ["https://iam.us-isof-south-1.csp.hci.ic.gov", q],
    ["https://iam-fips.csp.hci.ic.gov", q],
    ["https://iam.api.aws.hci.ic.gov", q],
    ["https://iam-fips.api.aws.hci.ic.gov", q],
    ["https://iam.eusc-de-east-1.amazonaws.eu", s],
    ["https://iam-fips.amazonaws.eu", s],
    ["https://iam.global.api.amazonwebservices.eu", s],
    ["https://iam-fips.api.amazonwebservices.eu", s],
    ["https://iam-fips.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dualStackDnsSuffix}", t],
    [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
    ["https://iam-fips.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dnsSuffix}", t],
    [a, "FIPS is enabled but this partition does not support FIPS"],
    ["https://iam.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dualStackDnsSuffix}", t],
    [a, "DualStack is enabled but this partition does not support DualStack"],
    ["https://iam.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dnsSuffix}", t],
    [a, "Invalid Configuration: Missing Region"]
  ]
};
var root = 2;
var r = 1e8;
var nodes = new Int32Array([
  -1,
  1,
  -1,
  0,
  42,
  3,
  1,
  4,
  r + 41,
  2,
  5,
  r + 41,
  3,
  39,
  6,
  4,
  36,
  7,
  5,
  35,
  8,
  6,
  32,
  9,
  7,
  20,
  10,
  8,
  15,
  11,
  9,
  r + 18,
  12,
  10,
  r + 22,
  13,
  11,
  r + 26,
  14,
  12,
  r + 30,
  r + 40,
  9,
  r + 20,
  16,
  10,
  r + 24,
  17,
  11,
  r + 28,
  18,
  12,
  r + 32,
  19,
  13,
  r + 38,
  r + 39,
  8,
  26,
  21,
  9,
  r + 19,
  22,
  10,
  r + 23,
  23,
  11,
  r + 27,
  24,
  12,
  r + 31,
  25,
  14,
  r + 36,
  r + 37,
  9,
  r + 21,
  27,
  10,
  r + 25,
  28,
  11,
  r + 29,
  29,
  12,
  r + 33,
  30,
  13,
  31,
  r + 35,
  14,
  r + 34,
  r + 35,
  7,
  34,
  33,
  8,
  r + 16,
  r + 14,
  8,
  r + 17,
  r + 15,
  8,
  r + 12,
  r + 13,
  7,
  38,
  37,
  8,
  r + 8,
  r + 10,
  8,
  r + 9,
  r + 11,
  7,
  41,
  40,
  8,
  r + 6,
  r + 4,
  8,
  r + 7,
  r + 5,
  7,
  r + 1,
  43,
  8,
  r + 2,
  r + 3
]);
var bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

// node_modules/@aws-sdk/client-iam/dist-es/endpoint/endpointResolver.js
var cache = new EndpointCache({
  size: 50,
  params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"]
});
var defaultEndpointResolver = (endpointParams, context = {}) => {
  return cache.get(endpointParams, () => decideEndpoint(bdd, {
    endpointParams,
    logger: context.logger
  }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

// node_modules/@aws-sdk/client-iam/dist-es/models/IAMServiceException.js
var IAMServiceException = class _IAMServiceException extends ServiceException {
  static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.iam#IAMServiceException";
  constructor(options) {
    super(options);
    Object.setPrototypeOf(this, _IAMServiceException.prototype);
  }
};

// node_modules/@aws-sdk/client-iam/dist-es/models/errors.js
var ConcurrentModificationException = class _ConcurrentModificationException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ConcurrentModificationException";
  name = "ConcurrentModificationException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ConcurrentModificationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ConcurrentModificationException.prototype);
  }
};
var NoSuchEntityException = class _NoSuchEntityException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#NoSuchEntityException";
  name = "NoSuchEntityException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "NoSuchEntityException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _NoSuchEntityException.prototype);
  }
};
var ServiceFailureException = class _ServiceFailureException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ServiceFailureException";
  name = "ServiceFailureException";
  $fault = "server";
  constructor(opts) {
    super({
      name: "ServiceFailureException",
      $fault: "server",
      ...opts
    });
    Object.setPrototypeOf(this, _ServiceFailureException.prototype);
  }
};
var AccountNotManagementOrDelegatedAdministratorException = class _AccountNotManagementOrDelegatedAdministratorException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#AccountNotManagementOrDelegatedAdministratorException";
  name = "AccountNotManagementOrDelegatedAdministratorException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AccountNotManagementOrDelegatedAdministratorException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AccountNotManagementOrDelegatedAdministratorException.prototype);
    this.Message = opts.Message;
  }
};
var EntityAlreadyExistsException = class _EntityAlreadyExistsException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#EntityAlreadyExistsException";
  name = "EntityAlreadyExistsException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "EntityAlreadyExistsException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _EntityAlreadyExistsException.prototype);
  }
};
var InvalidInputException = class _InvalidInputException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidInputException";
  name = "InvalidInputException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidInputException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidInputException.prototype);
  }
};
var LimitExceededException = class _LimitExceededException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#LimitExceededException";
  name = "LimitExceededException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "LimitExceededException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _LimitExceededException.prototype);
  }
};
var MalformedPolicyDocumentException = class _MalformedPolicyDocumentException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#MalformedPolicyDocumentException";
  name = "MalformedPolicyDocumentException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "MalformedPolicyDocumentException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _MalformedPolicyDocumentException.prototype);
  }
};
var NameConflictException = class _NameConflictException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#NameConflictException";
  name = "NameConflictException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "NameConflictException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _NameConflictException.prototype);
  }
};
var RoleModifiedException = class _RoleModifiedException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#RoleModifiedException";
  name = "RoleModifiedException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "RoleModifiedException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _RoleModifiedException.prototype);
  }
};
var RoleTemplateDisabledException = class _RoleTemplateDisabledException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#RoleTemplateDisabledException";
  name = "RoleTemplateDisabledException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "RoleTemplateDisabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _RoleTemplateDisabledException.prototype);
  }
};
var UnmodifiableEntityException = class _UnmodifiableEntityException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#UnmodifiableEntityException";
  name = "UnmodifiableEntityException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "UnmodifiableEntityException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _UnmodifiableEntityException.prototype);
  }
};
var PolicyNotAttachableException = class _PolicyNotAttachableException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#PolicyNotAttachableException";
  name = "PolicyNotAttachableException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "PolicyNotAttachableException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyNotAttachableException.prototype);
  }
};
var EntityTemporarilyUnmodifiableException = class _EntityTemporarilyUnmodifiableException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#EntityTemporarilyUnmodifiableException";
  name = "EntityTemporarilyUnmodifiableException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "EntityTemporarilyUnmodifiableException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _EntityTemporarilyUnmodifiableException.prototype);
  }
};
var InvalidUserTypeException = class _InvalidUserTypeException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidUserTypeException";
  name = "InvalidUserTypeException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidUserTypeException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidUserTypeException.prototype);
  }
};
var PasswordPolicyViolationException = class _PasswordPolicyViolationException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#PasswordPolicyViolationException";
  name = "PasswordPolicyViolationException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "PasswordPolicyViolationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PasswordPolicyViolationException.prototype);
  }
};
var OpenIdIdpCommunicationErrorException = class _OpenIdIdpCommunicationErrorException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#OpenIdIdpCommunicationErrorException";
  name = "OpenIdIdpCommunicationErrorException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "OpenIdIdpCommunicationErrorException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OpenIdIdpCommunicationErrorException.prototype);
  }
};
var ServiceNotSupportedException = class _ServiceNotSupportedException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ServiceNotSupportedException";
  name = "ServiceNotSupportedException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ServiceNotSupportedException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ServiceNotSupportedException.prototype);
  }
};
var DeleteConflictException = class _DeleteConflictException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#DeleteConflictException";
  name = "DeleteConflictException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "DeleteConflictException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DeleteConflictException.prototype);
  }
};
var OrganizationNotFoundException = class _OrganizationNotFoundException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#OrganizationNotFoundException";
  name = "OrganizationNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "OrganizationNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OrganizationNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var OrganizationNotInAllFeaturesModeException = class _OrganizationNotInAllFeaturesModeException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#OrganizationNotInAllFeaturesModeException";
  name = "OrganizationNotInAllFeaturesModeException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "OrganizationNotInAllFeaturesModeException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OrganizationNotInAllFeaturesModeException.prototype);
    this.Message = opts.Message;
  }
};
var ServiceAccessNotEnabledException = class _ServiceAccessNotEnabledException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ServiceAccessNotEnabledException";
  name = "ServiceAccessNotEnabledException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ServiceAccessNotEnabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ServiceAccessNotEnabledException.prototype);
    this.Message = opts.Message;
  }
};
var FeatureDisabledException = class _FeatureDisabledException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#FeatureDisabledException";
  name = "FeatureDisabledException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "FeatureDisabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _FeatureDisabledException.prototype);
  }
};
var InvalidAuthenticationCodeException = class _InvalidAuthenticationCodeException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidAuthenticationCodeException";
  name = "InvalidAuthenticationCodeException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidAuthenticationCodeException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidAuthenticationCodeException.prototype);
  }
};
var CallerIsNotManagementAccountException = class _CallerIsNotManagementAccountException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#CallerIsNotManagementAccountException";
  name = "CallerIsNotManagementAccountException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "CallerIsNotManagementAccountException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _CallerIsNotManagementAccountException.prototype);
    this.Message = opts.Message;
  }
};
var FeatureEnabledException = class _FeatureEnabledException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#FeatureEnabledException";
  name = "FeatureEnabledException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "FeatureEnabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _FeatureEnabledException.prototype);
  }
};
var ReportGenerationLimitExceededException = class _ReportGenerationLimitExceededException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#ReportGenerationLimitExceededException";
  name = "ReportGenerationLimitExceededException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ReportGenerationLimitExceededException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ReportGenerationLimitExceededException.prototype);
  }
};
var CredentialReportExpiredException = class _CredentialReportExpiredException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#CredentialReportExpiredException";
  name = "CredentialReportExpiredException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "CredentialReportExpiredException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _CredentialReportExpiredException.prototype);
  }
};
var CredentialReportNotPresentException = class _CredentialReportNotPresentException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#CredentialReportNotPresentException";
  name = "CredentialReportNotPresentException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "CredentialReportNotPresentException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _CredentialReportNotPresentException.prototype);
  }
};
var CredentialReportNotReadyException = class _CredentialReportNotReadyException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#CredentialReportNotReadyException";
  name = "CredentialReportNotReadyException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "CredentialReportNotReadyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _CredentialReportNotReadyException.prototype);
  }
};
var UnrecognizedPublicKeyEncodingException = class _UnrecognizedPublicKeyEncodingException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#UnrecognizedPublicKeyEncodingException";
  name = "UnrecognizedPublicKeyEncodingException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "UnrecognizedPublicKeyEncodingException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _UnrecognizedPublicKeyEncodingException.prototype);
  }
};
var PolicyEvaluationException = class _PolicyEvaluationException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#PolicyEvaluationException";
  name = "PolicyEvaluationException";
  $fault = "server";
  constructor(opts) {
    super({
      name: "PolicyEvaluationException",
      $fault: "server",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyEvaluationException.prototype);
  }
};
var KeyPairMismatchException = class _KeyPairMismatchException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#KeyPairMismatchException";
  name = "KeyPairMismatchException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "KeyPairMismatchException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _KeyPairMismatchException.prototype);
  }
};
var MalformedCertificateException = class _MalformedCertificateException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#MalformedCertificateException";
  name = "MalformedCertificateException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "MalformedCertificateException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _MalformedCertificateException.prototype);
  }
};
var DuplicateCertificateException = class _DuplicateCertificateException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#DuplicateCertificateException";
  name = "DuplicateCertificateException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "DuplicateCertificateException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DuplicateCertificateException.prototype);
  }
};
var InvalidCertificateException = class _InvalidCertificateException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidCertificateException";
  name = "InvalidCertificateException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidCertificateException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidCertificateException.prototype);
  }
};
var DuplicateSSHPublicKeyException = class _DuplicateSSHPublicKeyException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#DuplicateSSHPublicKeyException";
  name = "DuplicateSSHPublicKeyException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "DuplicateSSHPublicKeyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DuplicateSSHPublicKeyException.prototype);
  }
};
var InvalidPublicKeyException = class _InvalidPublicKeyException extends IAMServiceException {
  static shapeId = "com.amazonaws.iam#InvalidPublicKeyException";
  name = "InvalidPublicKeyException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidPublicKeyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidPublicKeyException.prototype);
  }
};

// node_modules/@aws-sdk/client-iam/dist-es/schemas/schemas_0.js
var _A = "Arn";
var _AAc = "AccountAliases";
var _ABO = "AllowedByOrganizations";
var _ABPB = "AllowedByPermissionsBoundary";
var _AI = "ApproverId";
var _AMP = "AttachedManagedPolicies";
var _AN = "AttachmentName";
var _ANMODAE = "AccountNotManagementOrDelegatedAdministratorException";
var _ANc = "ActionNames";
var _ANct = "ActionName";
var _AP = "AttachedPolicy";
var _APB = "AttachedPermissionsBoundary";
var _ARPDT = "AssumeRolePolicyDocumentTemplate";
var _AT = "AttachmentType";
var _C = "Code";
var _CA = "CallerArn";
var _CD = "CreateDate";
var _CE = "ContextEntry";
var _CELT = "ContextEntryListType";
var _CEo = "ContextEntries";
var _CIDL = "ClientIDList";
var _CINMAE = "CallerIsNotManagementAccountException";
var _CKN = "ContextKeyName";
var _CKNo = "ContextKeyNames";
var _CKT = "ContextKeyType";
var _CKV = "ContextKeyValues";
var _CME = "ConcurrentModificationException";
var _COIDCPR = "CreateOpenIDConnectProviderRequest";
var _CREE = "CredentialReportExpiredException";
var _CRNPE = "CredentialReportNotPresentException";
var _CRNRE = "CredentialReportNotReadyException";
var _CT = "CreateTimestamp";
var _Ce = "Certifications";
var _Col = "Column";
var _D = "Description";
var _DCE = "DeleteConflictException";
var _DCEu = "DuplicateCertificateException";
var _DMV = "DefaultMinorVersion";
var _DORCMRi = "DisableOrganizationsRootCredentialsManagementResponse";
var _DORSRi = "DisableOrganizationsRootSessionsResponse";
var _DP = "DelegationPermission";
var _DR = "DelegationRequest";
var _DRI = "DelegationRequestId";
var _DSSHPKE = "DuplicateSSHPublicKeyException";
var _DV = "DefaultValue";
var _E = "Error";
var _EAEE = "EntityAlreadyExistsException";
var _EAN = "EvalActionName";
var _EDD = "EvalDecisionDetails";
var _EDn = "EnableDate";
var _EDr = "ErrorDetails";
var _EDv = "EvalDecision";
var _EF = "EnabledFeatures";
var _EORCMRn = "EnableOrganizationsRootCredentialsManagementResponse";
var _EORSRn = "EnableOrganizationsRootSessionsResponse";
var _EPn = "EndPosition";
var _ER = "EvaluationResult";
var _ERD = "EvalResourceDecision";
var _ERN = "EvalResourceName";
var _ET = "ExpirationTime";
var _ETUE = "EntityTemporarilyUnmodifiableException";
var _Ena = "Enabled";
var _F = "Filter";
var _FDE = "FeatureDisabledException";
var _FEE = "FeatureEnabledException";
var _GAADR = "GetAccountAuthorizationDetailsRequest";
var _GAPRe = "GetAccountPropertiesResponse";
var _GASR = "GetAccountSummaryResponse";
var _GCKFCPR = "GetContextKeysForCustomPolicyRequest";
var _GCKFPPR = "GetContextKeysForPrincipalPolicyRequest";
var _GCKFPR = "GetContextKeysForPolicyResponse";
var _GL = "GroupList";
var _GMFADRe = "GetMFADeviceResponse";
var _GOIDCPRe = "GetOpenIDConnectProviderResponse";
var _GSLAD = "GenerateServiceLastAccessedDetails";
var _GSLADR = "GenerateServiceLastAccessedDetailsRequest";
var _GSLADRe = "GenerateServiceLastAccessedDetailsResponse";
var _GSLADRet = "GetServiceLastAccessedDetailsRequest";
var _GSLADRete = "GetServiceLastAccessedDetailsResponse";
var _GSLADe = "GetServiceLastAccessedDetails";
var _Gr = "Granularity";
var _IACE = "InvalidAuthenticationCodeException";
var _ICE = "InvalidCertificateException";
var _IIE = "InvalidInputException";
var _IPIT = "InlinePolicyIdentifierType";
var _IPIn = "InlinePolicyIdentifier";
var _IPKE = "InvalidPublicKeyException";
var _IPN = "InstanceProfileName";
var _IPT = "InlinePolicyTemplates";
var _IPn = "InlinePolicy";
var _IR = "IsRequired";
var _IT = "IsTruncated";
var _IUTE = "InvalidUserTypeException";
var _Im = "Immutable";
var _JCD = "JobCreationDate";
var _JCDo = "JobCompletionDate";
var _JI = "JobId";
var _JS = "JobStatus";
var _JT = "JobType";
var _K = "Key";
var _KPME = "KeyPairMismatchException";
var _LA = "LastAuthenticated";
var _LAARi = "ListAccountAliasesResponse";
var _LAE = "LastAuthenticatedEntity";
var _LAEa = "LastAccessedEntity";
var _LAR = "LastAuthenticatedRegion";
var _LARa = "LastAccessedRegion";
var _LATa = "LastAccessedTime";
var _LEE = "LimitExceededException";
var _LGPRi = "ListGroupPoliciesResponse";
var _LOFRi = "ListOrganizationsFeaturesResponse";
var _LPGSAR = "ListPoliciesGrantingServiceAccessRequest";
var _LRPRi = "ListRolePoliciesResponse";
var _LUPRi = "ListUserPoliciesResponse";
var _Li = "Line";
var _M = "Message";
var _MBT = "ManagedByType";
var _MBV = "ManagedByValue";
var _MCE = "MalformedCertificateException";
var _MCV = "MissingContextValues";
var _MI = "MaxItems";
var _MPAa = "ManagedPolicyArns";
var _MPDE = "MalformedPolicyDocumentException";
var _MS = "MatchedStatements";
var _MSD = "MaxSessionDuration";
var _MV = "MinorVersion";
var _MVa = "MajorVersion";
var _Ma = "Marker";
var _N = "Name";
var _NCE = "NameConflictException";
var _NSEE = "NoSuchEntityException";
var _No = "Notes";
var _OAI = "OwnerAccountId";
var _ODD = "OrganizationsDecisionDetail";
var _OI = "OwnerId";
var _OIDCPA = "OpenIDConnectProviderArn";
var _OIICEE = "OpenIdIdpCommunicationErrorException";
var _OIr = "OrganizationId";
var _ONFE = "OrganizationNotFoundException";
var _ONIAFME = "OrganizationNotInAllFeaturesModeException";
var _OOPIL = "OrderedOrganizationPolicyInputList";
var _OOPT = "OrderedOrganizationPolicyType";
var _OPLT = "OrganizationPolicyListType";
var _OSBO = "OnlySendByOwner";
var _P = "Permissions";
var _PA = "PolicyArn";
var _PAPR = "PutAccountPropertiesRequest";
var _PB = "PermissionsBoundary";
var _PBA = "PermissionsBoundaryArn";
var _PBAe = "PermissionBoundaryArn";
var _PBDD = "PermissionsBoundaryDecisionDetail";
var _PBPIL = "PermissionsBoundaryPolicyInputList";
var _PBT = "PermissionsBoundaryType";
var _PD = "PolicyDocument";
var _PDa = "ParameterDefinition";
var _PDar = "ParametersDefinition";
var _PDo = "PolicyDetail";
var _PEE = "PolicyEvaluationException";
var _PEL = "PolicyExclusionList";
var _PELT = "PolicyExclusionsListType";
var _PIL = "PolicyInputList";
var _PIo = "PolicyIdentifier";
var _PN = "PolicyName";
var _PNAE = "PolicyNotAttachableException";
var _PNo = "PolicyNames";
var _PP = "PermissionPolicy";
var _PPVE = "PasswordPolicyViolationException";
var _PPo = "PolicyParameter";
var _PSA = "PolicySourceArn";
var _PT = "PolicyType";
var _PTA = "PolicyTemplateArn";
var _Pa = "Path";
var _Par = "Parameters";
var _Pos = "Position";
var _Pr = "Properties";
var _R = "Region";
var _RA = "ResourceArns";
var _RDP = "RoleDescriptionPattern";
var _RGLEE = "ReportGenerationLimitExceededException";
var _RHO = "ResourceHandlingOption";
var _RI = "RequestorId";
var _RM = "RequestMessage";
var _RME = "RoleModifiedException";
var _RN = "RoleName";
var _RNP = "RoleNamePattern";
var _RNe = "RequestorName";
var _RO = "ResourceOwner";
var _RP = "ResourcePolicy";
var _RPP = "RolePathPattern";
var _RPRA = "RolePermissionRestrictionArns";
var _RR = "RejectionReason";
var _RSR = "ResourceSpecificResults";
var _RSRLT = "ResourceSpecificResultListType";
var _RSRe = "ResourceSpecificResult";
var _RTDE = "RoleTemplateDisabledException";
var _RTT = "RoleTagsTemplate";
var _RTV = "RoleTemplateVersion";
var _RU = "RedirectUrl";
var _RUT = "RoleUsageType";
var _RVE = "ReplacementValueEntry";
var _Res = "Resources";
var _SAMLPA = "SAMLProviderArn";
var _SANEE = "ServiceAccessNotEnabledException";
var _SCN = "ServerCertificateName";
var _SCPIL = "ServiceControlPolicyInputList";
var _SCPR = "SimulateCustomPolicyRequest";
var _SD = "SessionDuration";
var _SFE = "ServiceFailureException";
var _SLA = "ServicesLastAccessed";
var _SLAe = "ServiceLastAccessed";
var _SLT = "StatementListType";
var _SM = "SummaryMap";
var _SN = "ServiceName";
var _SNSE = "ServiceNotSupportedException";
var _SNe = "ServiceNamespace";
var _SNer = "SerialNumber";
var _SNerv = "ServiceNamespaces";
var _SPI = "SourcePolicyId";
var _SPPR = "SimulatePrincipalPolicyRequest";
var _SPT = "SourcePolicyType";
var _SPt = "StartPosition";
var _ST = "SubType";
var _St = "State";
var _Sta = "Statement";
var _T = "Tags";
var _TA = "TemplateArn";
var _TAE = "TotalAuthenticatedEntities";
var _TALA = "TrackedActionsLastAccessed";
var _TALAr = "TrackedActionLastAccessed";
var _TK = "TagKeys";
var _TL = "ThumbprintList";
var _TN = "TemplateName";
var _TT = "TagTemplate";
var _TVI = "TemplateVersionId";
var _Ta = "Tag";
var _Ty = "Type";
var _U = "Url";
var _UDs = "UserDetail";
var _UEE = "UnmodifiableEntityException";
var _UI = "UserId";
var _UIPR = "UntagInstanceProfileRequest";
var _UMFADR = "UntagMFADeviceRequest";
var _UN = "UserName";
var _UOIDCPR = "UntagOpenIDConnectProviderRequest";
var _UOIDCPTR = "UpdateOpenIDConnectProviderThumbprintRequest";
var _UPKEE = "UnrecognizedPublicKeyEncodingException";
var _UPL = "UserPolicyList";
var _UPR = "UntagPolicyRequest";
var _URR = "UntagRoleRequest";
var _USAMLPR = "UntagSAMLProviderRequest";
var _USCR = "UntagServerCertificateRequest";
var _UT = "UpdatedTime";
var _UTp = "UpdateTimestamp";
var _UUR = "UntagUserRequest";
var _VE = "VersionEnabled";
var _Va = "Values";
var _Val = "Value";
var _aPLT = "attachedPoliciesListType";
var _aQE = "awsQueryError";
var _c = "client";
var _e = "error";
var _hE = "httpError";
var _iPTLT = "inlinePolicyTemplateListType";
var _m = "message";
var _pDLT = "parametersDefinitionListType";
var _pDLTo = "policyDetailListType";
var _pPLT = "policyParameterListType";
var _s = "smithy.ts.sdk.synthetic.com.amazonaws.iam";
var _se = "server";
var _tLT = "tagListType";
var _tTLT = "tagTemplateListType";
var n0 = "com.amazonaws.iam";
var _s_registry = new TypeRegistry(_s);
var IAMServiceException$ = [-3, _s, "IAMServiceException", 0, [], []];
_s_registry.registerError(IAMServiceException$, IAMServiceException);
var n0_registry = new TypeRegistry(n0);
var AccountNotManagementOrDelegatedAdministratorException$ = [
  -3,
  n0,
  _ANMODAE,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(AccountNotManagementOrDelegatedAdministratorException$, AccountNotManagementOrDelegatedAdministratorException);
var CallerIsNotManagementAccountException$ = [
  -3,
  n0,
  _CINMAE,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(CallerIsNotManagementAccountException$, CallerIsNotManagementAccountException);
var ConcurrentModificationException$ = [
  -3,
  n0,
  _CME,
  { [_aQE]: [`ConcurrentModification`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(ConcurrentModificationException$, ConcurrentModificationException);
var CredentialReportExpiredException$ = [
  -3,
  n0,
  _CREE,
  { [_aQE]: [`ReportExpired`, 410], [_e]: _c, [_hE]: 410 },
  [_m],
  [0]
];
n0_registry.registerError(CredentialReportExpiredException$, CredentialReportExpiredException);
var CredentialReportNotPresentException$ = [
  -3,
  n0,
  _CRNPE,
  { [_aQE]: [`ReportNotPresent`, 410], [_e]: _c, [_hE]: 410 },
  [_m],
  [0]
];
n0_registry.registerError(CredentialReportNotPresentException$, CredentialReportNotPresentException);
var CredentialReportNotReadyException$ = [
  -3,
  n0,
  _CRNRE,
  { [_aQE]: [`ReportInProgress`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(CredentialReportNotReadyException$, CredentialReportNotReadyException);
var DeleteConflictException$ = [
  -3,
  n0,
  _DCE,
  { [_aQE]: [`DeleteConflict`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(DeleteConflictException$, DeleteConflictException);
var DuplicateCertificateException$ = [
  -3,
  n0,
  _DCEu,
  { [_aQE]: [`DuplicateCertificate`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(DuplicateCertificateException$, DuplicateCertificateException);
var DuplicateSSHPublicKeyException$ = [
  -3,
  n0,
  _DSSHPKE,
  { [_aQE]: [`DuplicateSSHPublicKey`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(DuplicateSSHPublicKeyException$, DuplicateSSHPublicKeyException);
var EntityAlreadyExistsException$ = [
  -3,
  n0,
  _EAEE,
  { [_aQE]: [`EntityAlreadyExists`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(EntityAlreadyExistsException$, EntityAlreadyExistsException);
var EntityTemporarilyUnmodifiableException$ = [
  -3,
  n0,
  _ETUE,
  { [_aQE]: [`EntityTemporarilyUnmodifiable`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(EntityTemporarilyUnmodifiableException$, EntityTemporarilyUnmodifiableException);
var FeatureDisabledException$ = [
  -3,
  n0,
  _FDE,
  { [_aQE]: [`FeatureDisabled`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(FeatureDisabledException$, FeatureDisabledException);
var FeatureEnabledException$ = [
  -3,
  n0,
  _FEE,
  { [_aQE]: [`FeatureEnabled`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(FeatureEnabledException$, FeatureEnabledException);
var InvalidAuthenticationCodeException$ = [
  -3,
  n0,
  _IACE,
  { [_aQE]: [`InvalidAuthenticationCode`, 403], [_e]: _c, [_hE]: 403 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidAuthenticationCodeException$, InvalidAuthenticationCodeException);
var InvalidCertificateException$ = [
  -3,
  n0,
  _ICE,
  { [_aQE]: [`InvalidCertificate`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidCertificateException$, InvalidCertificateException);
var InvalidInputException$ = [
  -3,
  n0,
  _IIE,
  { [_aQE]: [`InvalidInput`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidInputException$, InvalidInputException);
var InvalidPublicKeyException$ = [
  -3,
  n0,
  _IPKE,
  { [_aQE]: [`InvalidPublicKey`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidPublicKeyException$, InvalidPublicKeyException);
var InvalidUserTypeException$ = [
  -3,
  n0,
  _IUTE,
  { [_aQE]: [`InvalidUserType`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidUserTypeException$, InvalidUserTypeException);
var KeyPairMismatchException$ = [
  -3,
  n0,
  _KPME,
  { [_aQE]: [`KeyPairMismatch`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(KeyPairMismatchException$, KeyPairMismatchException);
var LimitExceededException$ = [
  -3,
  n0,
  _LEE,
  { [_aQE]: [`LimitExceeded`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(LimitExceededException$, LimitExceededException);
var MalformedCertificateException$ = [
  -3,
  n0,
  _MCE,
  { [_aQE]: [`MalformedCertificate`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(MalformedCertificateException$, MalformedCertificateException);
var MalformedPolicyDocumentException$ = [
  -3,
  n0,
  _MPDE,
  { [_aQE]: [`MalformedPolicyDocument`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(MalformedPolicyDocumentException$, MalformedPolicyDocumentException);
var NameConflictException$ = [
  -3,
  n0,
  _NCE,
  { [_aQE]: [`NameConflict`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(NameConflictException$, NameConflictException);
var NoSuchEntityException$ = [
  -3,
  n0,
  _NSEE,
  { [_aQE]: [`NoSuchEntity`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(NoSuchEntityException$, NoSuchEntityException);
var OpenIdIdpCommunicationErrorException$ = [
  -3,
  n0,
  _OIICEE,
  { [_aQE]: [`OpenIdIdpCommunicationError`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(OpenIdIdpCommunicationErrorException$, OpenIdIdpCommunicationErrorException);
var OrganizationNotFoundException$ = [
  -3,
  n0,
  _ONFE,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(OrganizationNotFoundException$, OrganizationNotFoundException);
var OrganizationNotInAllFeaturesModeException$ = [
  -3,
  n0,
  _ONIAFME,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(OrganizationNotInAllFeaturesModeException$, OrganizationNotInAllFeaturesModeException);
var PasswordPolicyViolationException$ = [
  -3,
  n0,
  _PPVE,
  { [_aQE]: [`PasswordPolicyViolation`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(PasswordPolicyViolationException$, PasswordPolicyViolationException);
var PolicyEvaluationException$ = [
  -3,
  n0,
  _PEE,
  { [_aQE]: [`PolicyEvaluation`, 500], [_e]: _se, [_hE]: 500 },
  [_m],
  [0]
];
n0_registry.registerError(PolicyEvaluationException$, PolicyEvaluationException);
var PolicyNotAttachableException$ = [
  -3,
  n0,
  _PNAE,
  { [_aQE]: [`PolicyNotAttachable`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(PolicyNotAttachableException$, PolicyNotAttachableException);
var ReportGenerationLimitExceededException$ = [
  -3,
  n0,
  _RGLEE,
  { [_aQE]: [`ReportGenerationLimitExceeded`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(ReportGenerationLimitExceededException$, ReportGenerationLimitExceededException);
var RoleModifiedException$ = [
  -3,
  n0,
  _RME,
  { [_aQE]: [`RoleModified`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(RoleModifiedException$, RoleModifiedException);
var RoleTemplateDisabledException$ = [
  -3,
  n0,
  _RTDE,
  { [_aQE]: [`RoleTemplateDisabled`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(RoleTemplateDisabledException$, RoleTemplateDisabledException);
var ServiceAccessNotEnabledException$ = [
  -3,
  n0,
  _SANEE,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(ServiceAccessNotEnabledException$, ServiceAccessNotEnabledException);
var ServiceFailureException$ = [
  -3,
  n0,
  _SFE,
  { [_aQE]: [`ServiceFailure`, 500], [_e]: _se, [_hE]: 500 },
  [_m],
  [0]
];
n0_registry.registerError(ServiceFailureException$, ServiceFailureException);
var ServiceNotSupportedException$ = [
  -3,
  n0,
  _SNSE,
  { [_aQE]: [`NotSupportedService`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(ServiceNotSupportedException$, ServiceNotSupportedException);
var UnmodifiableEntityException$ = [
  -3,
  n0,
  _UEE,
  { [_aQE]: [`UnmodifiableEntity`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(UnmodifiableEntityException$, UnmodifiableEntityException);
var UnrecognizedPublicKeyEncodingException$ = [
  -3,
  n0,
  _UPKEE,
  { [_aQE]: [`UnrecognizedPublicKeyEncoding`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(UnrecognizedPublicKeyEncodingException$, UnrecognizedPublicKeyEncodingException);
var errorTypeRegistries = [
  _s_registry,
  n0_registry
];
var AttachedPermissionsBoundary$ = [
  3,
  n0,
  _APB,
  0,
  [_PBT, _PBA],
  [0, 0]
];
var AttachedPolicy$ = [
  3,
  n0,
  _AP,
  0,
  [_PN, _PA],
  [0, 0]
];
var ContextEntry$ = [
  3,
  n0,
  _CE,
  0,
  [_CKN, _CKV, _CKT],
  [0, 64 | 0, 0]
];
var CreateOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _COIDCPR,
  0,
  [_U, _CIDL, _TL, _T],
  [0, 64 | 0, 64 | 0, () => tagListType],
  1
];
var DelegationPermission$ = [
  3,
  n0,
  _DP,
  0,
  [_PTA, _Par],
  [0, () => policyParameterListType]
];
var DelegationRequest$ = [
  3,
  n0,
  _DR,
  0,
  [_DRI, _OAI, _D, _RM, _P, _PP, _RPRA, _OI, _AI, _St, _ET, _RI, _RNe, _CD, _SD, _RU, _No, _RR, _OSBO, _UT],
  [0, 0, 0, 0, () => DelegationPermission$, 0, 64 | 0, 0, 0, 0, 4, 0, 0, 4, 1, 0, 0, 0, 2, 4]
];
var DisableOrganizationsRootCredentialsManagementResponse$ = [
  3,
  n0,
  _DORCMRi,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var DisableOrganizationsRootSessionsResponse$ = [
  3,
  n0,
  _DORSRi,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var EnableOrganizationsRootCredentialsManagementResponse$ = [
  3,
  n0,
  _EORCMRn,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var EnableOrganizationsRootSessionsResponse$ = [
  3,
  n0,
  _EORSRn,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var ErrorDetails$ = [
  3,
  n0,
  _EDr,
  0,
  [_M, _C],
  [0, 0],
  2
];
var EvaluationResult$ = [
  3,
  n0,
  _ER,
  0,
  [_EAN, _EDv, _ERN, _MS, _MCV, _ODD, _PBDD, _EDD, _RSR],
  [0, 0, 0, () => StatementListType, 64 | 0, () => OrganizationsDecisionDetail$, () => PermissionsBoundaryDecisionDetail$, 128 | 0, () => ResourceSpecificResultListType],
  2
];
var GenerateServiceLastAccessedDetailsRequest$ = [
  3,
  n0,
  _GSLADR,
  0,
  [_A, _Gr],
  [0, 0],
  1
];
var GenerateServiceLastAccessedDetailsResponse$ = [
  3,
  n0,
  _GSLADRe,
  0,
  [_JI],
  [0]
];
var GetAccountAuthorizationDetailsRequest$ = [
  3,
  n0,
  _GAADR,
  0,
  [_F, _MI, _Ma],
  [64 | 0, 1, 0]
];
var GetAccountPropertiesResponse$ = [
  3,
  n0,
  _GAPRe,
  0,
  [_Pr],
  [128 | 0]
];
var GetAccountSummaryResponse$ = [
  3,
  n0,
  _GASR,
  0,
  [_SM],
  [128 | 1]
];
var GetContextKeysForCustomPolicyRequest$ = [
  3,
  n0,
  _GCKFCPR,
  0,
  [_PIL],
  [64 | 0],
  1
];
var GetContextKeysForPolicyResponse$ = [
  3,
  n0,
  _GCKFPR,
  0,
  [_CKNo],
  [64 | 0]
];
var GetContextKeysForPrincipalPolicyRequest$ = [
  3,
  n0,
  _GCKFPPR,
  0,
  [_PSA, _PIL],
  [0, 64 | 0],
  1
];
var GetMFADeviceResponse$ = [
  3,
  n0,
  _GMFADRe,
  0,
  [_SNer, _UN, _EDn, _Ce],
  [0, 0, 4, 128 | 0],
  1
];
var GetOpenIDConnectProviderResponse$ = [
  3,
  n0,
  _GOIDCPRe,
  0,
  [_U, _CIDL, _TL, _CD, _T],
  [0, 64 | 0, 64 | 0, 4, () => tagListType]
];
var GetServiceLastAccessedDetailsRequest$ = [
  3,
  n0,
  _GSLADRet,
  0,
  [_JI, _MI, _Ma],
  [0, 1, 0],
  1
];
var GetServiceLastAccessedDetailsResponse$ = [
  3,
  n0,
  _GSLADRete,
  0,
  [_JS, _JCD, _SLA, _JCDo, _JT, _IT, _Ma, _E],
  [0, 4, () => ServicesLastAccessed, 4, 0, 2, 0, () => ErrorDetails$],
  4
];
var InlinePolicy$ = [
  3,
  n0,
  _IPn,
  0,
  [_PN, _PD],
  [0, 0],
  2
];
var InlinePolicyIdentifierType$ = [
  3,
  n0,
  _IPIT,
  0,
  [_PN, _AT, _AN],
  [0, 0, 0],
  3
];
var ListAccountAliasesResponse$ = [
  3,
  n0,
  _LAARi,
  0,
  [_AAc, _IT, _Ma],
  [64 | 0, 2, 0],
  1
];
var ListGroupPoliciesResponse$ = [
  3,
  n0,
  _LGPRi,
  0,
  [_PNo, _IT, _Ma],
  [64 | 0, 2, 0],
  1
];
var ListOrganizationsFeaturesResponse$ = [
  3,
  n0,
  _LOFRi,
  0,
  [_OIr, _EF],
  [0, 64 | 0]
];
var ListPoliciesGrantingServiceAccessRequest$ = [
  3,
  n0,
  _LPGSAR,
  0,
  [_A, _SNerv, _Ma],
  [0, 64 | 0, 0],
  2
];
var ListRolePoliciesResponse$ = [
  3,
  n0,
  _LRPRi,
  0,
  [_PNo, _IT, _Ma],
  [64 | 0, 2, 0],
  1
];
var ListUserPoliciesResponse$ = [
  3,
  n0,
  _LUPRi,
  0,
  [_PNo, _IT, _Ma],
  [64 | 0, 2, 0],
  1
];
var OrderedOrganizationPolicyType$ = [
  3,
  n0,
  _OOPT,
  0,
  [_SCPIL],
  [64 | 0]
];
var OrganizationsDecisionDetail$ = [
  3,
  n0,
  _ODD,
  0,
  [_ABO],
  [2]
];
var ParameterDefinition$ = [
  3,
  n0,
  _PDa,
  0,
  [_N, _Ty, _ST, _D, _IR, _DV, _Im],
  [0, 0, 0, 0, 2, 0, 2],
  2
];
var PermissionsBoundaryDecisionDetail$ = [
  3,
  n0,
  _PBDD,
  0,
  [_ABPB],
  [2]
];
var PolicyDetail$ = [
  3,
  n0,
  _PDo,
  0,
  [_PN, _PD],
  [0, 0]
];
var PolicyParameter$ = [
  3,
  n0,
  _PPo,
  0,
  [_N, _Va, _Ty],
  [0, 64 | 0, 0]
];
var Position$ = [
  3,
  n0,
  _Pos,
  0,
  [_Li, _Col],
  [1, 1]
];
var PutAccountPropertiesRequest$ = [
  3,
  n0,
  _PAPR,
  0,
  [_Pr],
  [128 | 0],
  1
];
var ReplacementValueEntry$ = [
  3,
  n0,
  _RVE,
  0,
  [_Va],
  [64 | 0],
  1
];
var ResourceSpecificResult$ = [
  3,
  n0,
  _RSRe,
  0,
  [_ERN, _ERD, _MS, _MCV, _EDD, _PBDD],
  [0, 0, () => StatementListType, 64 | 0, 128 | 0, () => PermissionsBoundaryDecisionDetail$],
  2
];
var RoleTemplateVersion$ = [
  3,
  n0,
  _RTV,
  0,
  [_TA, _TN, _TVI, _D, _MVa, _DMV, _MBT, _MBV, _Ena, _MV, _RNP, _RPP, _RDP, _ARPDT, _IPT, _MPAa, _PBAe, _PDar, _RTT, _MSD, _VE, _CT, _UTp],
  [0, 0, 0, 0, 1, 1, 0, 0, 2, 1, 0, 0, 0, 0, () => inlinePolicyTemplateListType, 64 | 0, 0, () => parametersDefinitionListType, () => tagTemplateListType, 1, 2, 4, 4]
];
var RoleUsageType$ = [
  3,
  n0,
  _RUT,
  0,
  [_R, _Res],
  [0, 64 | 0]
];
var ServiceLastAccessed$ = [
  3,
  n0,
  _SLAe,
  0,
  [_SN, _SNe, _LA, _LAE, _LAR, _TAE, _TALA],
  [0, 0, 4, 0, 0, 1, () => TrackedActionsLastAccessed],
  2
];
var SimulateCustomPolicyRequest$ = [
  3,
  n0,
  _SCPR,
  0,
  [_PIL, _ANc, _PBPIL, _OOPIL, _RA, _RP, _RO, _CA, _CEo, _RHO, _MI, _Ma],
  [64 | 0, 64 | 0, 64 | 0, () => OrganizationPolicyListType, 64 | 0, 0, 0, 0, () => ContextEntryListType, 0, 1, 0],
  2
];
var SimulatePrincipalPolicyRequest$ = [
  3,
  n0,
  _SPPR,
  0,
  [_PSA, _ANc, _PIL, _PBPIL, _PEL, _RA, _RP, _RO, _CA, _CEo, _RHO, _MI, _Ma],
  [0, 64 | 0, 64 | 0, 64 | 0, () => PolicyExclusionsListType, 64 | 0, 0, 0, 0, () => ContextEntryListType, 0, 1, 0],
  2
];
var Statement$ = [
  3,
  n0,
  _Sta,
  0,
  [_SPI, _SPT, _SPt, _EPn],
  [0, 0, () => Position$, () => Position$]
];
var Tag$ = [
  3,
  n0,
  _Ta,
  0,
  [_K, _Val],
  [0, 0],
  2
];
var TagTemplate$ = [
  3,
  n0,
  _TT,
  0,
  [_K, _Val],
  [0, 0],
  2
];
var TrackedActionLastAccessed$ = [
  3,
  n0,
  _TALAr,
  0,
  [_ANct, _LAEa, _LATa, _LARa],
  [0, 0, 4, 0]
];
var UntagInstanceProfileRequest$ = [
  3,
  n0,
  _UIPR,
  0,
  [_IPN, _TK],
  [0, 64 | 0],
  2
];
var UntagMFADeviceRequest$ = [
  3,
  n0,
  _UMFADR,
  0,
  [_SNer, _TK],
  [0, 64 | 0],
  2
];
var UntagOpenIDConnectProviderRequest$ = [
  3,
  n0,
  _UOIDCPR,
  0,
  [_OIDCPA, _TK],
  [0, 64 | 0],
  2
];
var UntagPolicyRequest$ = [
  3,
  n0,
  _UPR,
  0,
  [_PA, _TK],
  [0, 64 | 0],
  2
];
var UntagRoleRequest$ = [
  3,
  n0,
  _URR,
  0,
  [_RN, _TK],
  [0, 64 | 0],
  2
];
var UntagSAMLProviderRequest$ = [
  3,
  n0,
  _USAMLPR,
  0,
  [_SAMLPA, _TK],
  [0, 64 | 0],
  2
];
var UntagServerCertificateRequest$ = [
  3,
  n0,
  _USCR,
  0,
  [_SCN, _TK],
  [0, 64 | 0],
  2
];
var UntagUserRequest$ = [
  3,
  n0,
  _UUR,
  0,
  [_UN, _TK],
  [0, 64 | 0],
  2
];
var UpdateOpenIDConnectProviderThumbprintRequest$ = [
  3,
  n0,
  _UOIDCPTR,
  0,
  [_OIDCPA, _TL],
  [0, 64 | 0],
  2
];
var UserDetail$ = [
  3,
  n0,
  _UDs,
  0,
  [_Pa, _UN, _UI, _A, _CD, _UPL, _GL, _AMP, _PB, _T],
  [0, 0, 0, 0, 4, () => policyDetailListType, 64 | 0, () => attachedPoliciesListType, () => AttachedPermissionsBoundary$, () => tagListType]
];
var accountAliasListType = 64 | 0;
var ActionNameListType = 64 | 0;
var ArnListType = 64 | 0;
var attachedPoliciesListType = [
  1,
  n0,
  _aPLT,
  0,
  () => AttachedPolicy$
];
var clientIDListType = 64 | 0;
var ContextEntryListType = [
  1,
  n0,
  _CELT,
  0,
  () => ContextEntry$
];
var ContextKeyNamesResultListType = 64 | 0;
var ContextKeyValueListType = 64 | 0;
var entityListType = 64 | 0;
var FeaturesListType = 64 | 0;
var groupNameListType = 64 | 0;
var inlinePolicyTemplateListType = [
  1,
  n0,
  _iPTLT,
  0,
  () => InlinePolicy$
];
var managedPolicyArnListType = 64 | 0;
var OrganizationPolicyListType = [
  1,
  n0,
  _OPLT,
  0,
  () => OrderedOrganizationPolicyType$
];
var parametersDefinitionListType = [
  1,
  n0,
  _pDLT,
  0,
  () => ParameterDefinition$
];
var policyDetailListType = [
  1,
  n0,
  _pDLTo,
  0,
  () => PolicyDetail$
];
var PolicyExclusionsListType = [
  1,
  n0,
  _PELT,
  0,
  () => PolicyIdentifier$
];
var policyNameListType = 64 | 0;
var policyParameterListType = [
  1,
  n0,
  _pPLT,
  0,
  () => PolicyParameter$
];
var policyParameterValuesListType = 64 | 0;
var replacementValueListType = 64 | 0;
var ResourceNameListType = 64 | 0;
var ResourceSpecificResultListType = [
  1,
  n0,
  _RSRLT,
  0,
  () => ResourceSpecificResult$
];
var rolePermissionRestrictionArnListType = 64 | 0;
var serviceNamespaceListType = 64 | 0;
var ServicesLastAccessed = [
  1,
  n0,
  _SLA,
  0,
  () => ServiceLastAccessed$
];
var SimulationPolicyListType = 64 | 0;
var StatementListType = [
  1,
  n0,
  _SLT,
  0,
  () => Statement$
];
var tagKeyListType = 64 | 0;
var tagListType = [
  1,
  n0,
  _tLT,
  0,
  () => Tag$
];
var tagTemplateListType = [
  1,
  n0,
  _tTLT,
  0,
  () => TagTemplate$
];
var thumbprintListType = 64 | 0;
var TrackedActionsLastAccessed = [
  1,
  n0,
  _TALA,
  0,
  () => TrackedActionLastAccessed$
];
var accountPropertiesMapType = 128 | 0;
var CertificationMapType = 128 | 0;
var EvalDecisionDetailsType = 128 | 0;
var summaryMapType = 128 | 1;
var PolicyIdentifier$ = [
  4,
  n0,
  _PIo,
  0,
  [_PT, _PA, _IPIn],
  [0, 0, () => InlinePolicyIdentifierType$]
];
var GenerateServiceLastAccessedDetails$ = [
  9,
  n0,
  _GSLAD,
  0,
  () => GenerateServiceLastAccessedDetailsRequest$,
  () => GenerateServiceLastAccessedDetailsResponse$
];
var GetServiceLastAccessedDetails$ = [
  9,
  n0,
  _GSLADe,
  0,
  () => GetServiceLastAccessedDetailsRequest$,
  () => GetServiceLastAccessedDetailsResponse$
];

// node_modules/@aws-sdk/client-iam/dist-es/runtimeConfig.shared.js
var getRuntimeConfig = (config) => {
  return {
    apiVersion: "2010-05-08",
    base64Decoder: config?.base64Decoder ?? fromBase64,
    base64Encoder: config?.base64Encoder ?? toBase64,
    disableHostPrefix: config?.disableHostPrefix ?? false,
    endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
    extensions: config?.extensions ?? [],
    httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultIAMHttpAuthSchemeProvider,
    httpAuthSchemes: config?.httpAuthSchemes ?? [
      {
        schemeId: "aws.auth#sigv4",
        identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
        signer: new AwsSdkSigV4Signer()
      }
    ],
    logger: config?.logger ?? new NoOpLogger(),
    protocol: config?.protocol ?? AwsQueryProtocol,
    protocolSettings: config?.protocolSettings ?? {
      defaultNamespace: "com.amazonaws.iam",
      errorTypeRegistries,
      xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
      version: "2010-05-08",
      serviceTarget: "AWSIdentityManagementV20100508"
    },
    serviceId: config?.serviceId ?? "IAM",
    sha256: config?.sha256 ?? Sha256Node,
    urlParser: config?.urlParser ?? parseUrl,
    utf8Decoder: config?.utf8Decoder ?? fromUtf8,
    utf8Encoder: config?.utf8Encoder ?? toUtf8
  };
};

// node_modules/@aws-sdk/client-iam/dist-es/runtimeConfig.js
var getRuntimeConfig2 = (config) => {
  emitWarningIfUnsupportedVersion2(process.version);
  const defaultsMode = resolveDefaultsModeConfig(config);
  const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
  const clientSharedValues = getRuntimeConfig(config);
  emitWarningIfUnsupportedVersion(process.version);
  const loaderConfig = {
    profile: config?.profile,
    logger: clientSharedValues.logger
  };
  return {
    ...clientSharedValues,
    ...config,
    runtime: "node",
    defaultsMode,
    authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
    bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
    credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
    defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 3e5),
    defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: package_default.version }),
    maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
    region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
    requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
    retryMode: config?.retryMode ?? loadConfig({
      ...NODE_RETRY_MODE_CONFIG_OPTIONS,
      default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE
    }, config),
    streamCollector: config?.streamCollector ?? streamCollector,
    useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig)
  };
};

// node_modules/@aws-sdk/client-iam/dist-es/auth/httpAuthExtensionConfiguration.js
var getHttpAuthExtensionConfiguration = (runtimeConfig) => {
  const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
  let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
  let _credentials = runtimeConfig.credentials;
  return {
    setHttpAuthScheme(httpAuthScheme) {
      const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
      if (index === -1) {
        _httpAuthSchemes.push(httpAuthScheme);
      } else {
        _httpAuthSchemes.splice(index, 1, httpAuthScheme);
      }
    },
    httpAuthSchemes() {
      return _httpAuthSchemes;
    },
    setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
      _httpAuthSchemeProvider = httpAuthSchemeProvider;
    },
    httpAuthSchemeProvider() {
      return _httpAuthSchemeProvider;
    },
    setCredentials(credentials) {
      _credentials = credentials;
    },
    credentials() {
      return _credentials;
    }
  };
};
var resolveHttpAuthRuntimeConfig = (config) => {
  return {
    httpAuthSchemes: config.httpAuthSchemes(),
    httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
    credentials: config.credentials()
  };
};

// node_modules/@aws-sdk/client-iam/dist-es/runtimeExtensions.js
var resolveRuntimeExtensions = (runtimeConfig, extensions) => {
  const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
  extensions.forEach((extension) => extension.configure(extensionConfiguration));
  return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

// node_modules/@aws-sdk/client-iam/dist-es/IAMClient.js
var IAMClient = class extends Client {
  config;
  constructor(...[configuration]) {
    const _config_0 = getRuntimeConfig2(configuration || {});
    super(_config_0);
    this.initConfig = _config_0;
    const _config_1 = resolveClientEndpointParameters(_config_0);
    const _config_2 = resolveUserAgentConfig(_config_1);
    const _config_3 = resolveRetryConfig(_config_2);
    const _config_4 = resolveRegionConfig(_config_3);
    const _config_5 = resolveHostHeaderConfig(_config_4);
    const _config_6 = resolveEndpointConfig(_config_5);
    const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
    const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
    this.config = _config_8;
    this.middlewareStack.use(getSchemaSerdePlugin(this.config));
    this.middlewareStack.use(getUserAgentPlugin(this.config));
    this.middlewareStack.use(getRetryPlugin(this.config));
    this.middlewareStack.use(getContentLengthPlugin(this.config));
    this.middlewareStack.use(getHostHeaderPlugin(this.config));
    this.middlewareStack.use(getLoggerPlugin(this.config));
    this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
    this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
      httpAuthSchemeParametersProvider: defaultIAMHttpAuthSchemeParametersProvider,
      identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
        "aws.auth#sigv4": config.credentials
      })
    }));
    this.middlewareStack.use(getHttpSigningPlugin(this.config));
  }
  destroy() {
    super.destroy();
  }
};

// node_modules/@aws-sdk/client-iam/dist-es/commandBuilder.js
var command = makeBuilder(commonParams, "AWSIdentityManagementV20100508", "IAMClient", getEndpointPlugin);
var _ep0 = {};
var _mw0 = (Command, cs, config, o2) => [];

// node_modules/@aws-sdk/client-iam/dist-es/commands/GenerateServiceLastAccessedDetailsCommand.js
var GenerateServiceLastAccessedDetailsCommand = class extends command(_ep0, _mw0, "GenerateServiceLastAccessedDetails", GenerateServiceLastAccessedDetails$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetServiceLastAccessedDetailsCommand.js
var GetServiceLastAccessedDetailsCommand = class extends command(_ep0, _mw0, "GetServiceLastAccessedDetails", GetServiceLastAccessedDetails$) {
};

// src/findings/last-accessed.ts
var DEFAULT_UNUSED_DAYS = 90;
function createIamClient(options = {}) {
  return new IAMClient(awsClientConfig(options));
}
var PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/.+$/;
async function lastAccessedFindings(client, principals, options = {}) {
  const unusedDays = options.unusedDays ?? DEFAULT_UNUSED_DAYS;
  if (!Number.isInteger(unusedDays) || unusedDays < 1) {
    throw new ConfigurationError(
      `unused-days must be a whole number of days, 1 or more; got ${unusedDays}`
    );
  }
  for (const arn of principals) {
    if (!PRINCIPAL_ARN.test(arn)) {
      throw new ConfigurationError(
        `"${arn}" is not the ARN of an IAM role or user (arn:aws:iam::123456789012:role/Name)`
      );
    }
  }
  const log = options.log ?? (() => void 0);
  const now = options.now ?? /* @__PURE__ */ new Date();
  const reports = await mapConcurrent(
    [...new Set(principals)],
    4,
    (arn) => readLastAccessedReport(client, arn, options)
  );
  const findings = [];
  for (const report of reports) {
    const finding = unusedFromLastAccessed(report, { unusedDays, now });
    if (finding) findings.push(finding);
    else
      log(
        `${report.principal}: every service and tracked action was used within ${unusedDays} days`
      );
  }
  return findings;
}
async function readLastAccessedReport(client, principal, options = {}) {
  const { JobId: jobId } = await call(
    "GenerateServiceLastAccessedDetails",
    () => client.send(
      new GenerateServiceLastAccessedDetailsCommand({ Arn: principal, Granularity: "ACTION_LEVEL" })
    )
  );
  if (!jobId) throw new ConfigurationError(`IAM started no last-accessed job for ${principal}`);
  const timeoutMs = options.timeoutMs ?? 6e4;
  const deadline = Date.now() + timeoutMs;
  let delay = options.pollDelayMs ?? 1e3;
  for (; ; ) {
    const first = await call(
      "GetServiceLastAccessedDetails",
      () => client.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId }))
    );
    if (first.JobStatus === "FAILED") {
      throw new ConfigurationError(
        `IAM's last-accessed report for ${principal} failed: ${first.Error?.Message ?? "no reason given"}` + (first.Error?.Code ? ` (${first.Error.Code})` : "")
      );
    }
    if (first.JobStatus === "COMPLETED") {
      const services = [...first.ServicesLastAccessed ?? []];
      if (first.IsTruncated && first.Marker) {
        const firstMarker = first.Marker;
        await paginate("GetServiceLastAccessedDetails", async (marker) => {
          const page = await call(
            "GetServiceLastAccessedDetails",
            () => client.send(
              new GetServiceLastAccessedDetailsCommand({
                JobId: jobId,
                Marker: marker ?? firstMarker
              })
            )
          );
          services.push(...page.ServicesLastAccessed ?? []);
          return page.IsTruncated ? page.Marker : void 0;
        });
      }
      return {
        principal,
        services,
        ...first.JobCreationDate ? { jobCreationDate: first.JobCreationDate } : {},
        ...first.JobCompletionDate ? { jobCompletionDate: first.JobCompletionDate } : {}
      };
    }
    if (Date.now() + delay > deadline) {
      throw new ConfigurationError(
        `IAM's last-accessed report for ${principal} did not finish within ${timeoutMs / 1e3} s; try again later`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 1.5, 5e3);
  }
}
function unusedFromLastAccessed(report, { unusedDays, now }) {
  const cutoff = now.getTime() - unusedDays * 864e5;
  const unusedSince = (date) => date === void 0 || date.getTime() < cutoff;
  const details = [];
  for (const service of report.services) {
    const namespace = service.ServiceNamespace;
    if (!namespace) continue;
    if (unusedSince(service.LastAuthenticated)) {
      details.push({
        unusedPermissionDetails: {
          serviceNamespace: namespace,
          ...service.LastAuthenticated ? { lastAccessed: service.LastAuthenticated.toISOString() } : {}
        }
      });
      continue;
    }
    const actions = [];
    for (const tracked of service.TrackedActionsLastAccessed ?? []) {
      const name = actionName(tracked.ActionName, namespace);
      if (name === void 0 || !unusedSince(tracked.LastAccessedTime)) continue;
      actions.push({
        action: name,
        ...tracked.LastAccessedTime ? { lastAccessed: tracked.LastAccessedTime.toISOString() } : {}
      });
    }
    if (actions.length > 0) {
      details.push({
        unusedPermissionDetails: {
          serviceNamespace: namespace,
          actions,
          lastAccessed: service.LastAuthenticated.toISOString()
        }
      });
    }
  }
  if (details.length === 0) return void 0;
  const parts = report.principal.split(":");
  const analyzed = (report.jobCompletionDate ?? now).toISOString();
  return {
    id: `last-accessed:${report.principal}`,
    analyzedAt: analyzed,
    createdAt: (report.jobCreationDate ?? now).toISOString(),
    updatedAt: analyzed,
    resource: report.principal,
    resourceType: parts[5]?.startsWith("user/") ? "AWS::IAM::User" : "AWS::IAM::Role",
    resourceOwnerAccount: parts[4] ?? "",
    status: "ACTIVE",
    findingType: "UnusedPermission",
    findingDetails: details
  };
}
function actionName(raw, namespace) {
  if (!raw) return void 0;
  const colon = raw.indexOf(":");
  if (colon < 0) return raw;
  return raw.slice(0, colon).toLowerCase() === namespace.toLowerCase() ? raw.slice(colon + 1) : void 0;
}

// src/commands/findings.ts
var FINDINGS_USAGE = `usage: iam-refine findings export [--analyzer-arn ARN] [--principal ARN]... [--out FILE]
                                 [--without-recommendations]
       iam-refine findings export --last-accessed ARN... [--unused-days N] [--out FILE]
  Writes the active unused-access findings as a JSON array of GetFindingV2 objects (the form
  --findings reads), each UnusedPermission finding with IAM Access Analyzer's recommendation next
  to it ("findingRecommendation"; --without-recommendations leaves them out). Without
  --analyzer-arn, the account's unused-access analyzer is used.
  --last-accessed reads IAM's last-accessed data of the roles or users named instead (add
  --analyzer-arn to read both). AWS credentials and region come from the environment.`;
var defaultDeps = {
  accessAnalyzer: () => createAccessAnalyzerClient(),
  iam: () => createIamClient(),
  now: () => /* @__PURE__ */ new Date()
};
function createFindingsCommand(deps = defaultDeps) {
  return async (args, io) => {
    const [sub, ...rest] = args;
    if (sub !== "export") {
      throw new ConfigurationError(
        `${sub === void 0 ? "name a subcommand" : `unknown subcommand "${sub}"`}
${FINDINGS_USAGE}`
      );
    }
    const { values, positionals } = parseOptions(
      rest,
      {
        "analyzer-arn": { type: "string" },
        principal: { type: "string", multiple: true },
        out: { type: "string" },
        "last-accessed": { type: "string", multiple: true },
        "unused-days": { type: "string" },
        "without-recommendations": { type: "boolean" }
      },
      FINDINGS_USAGE
    );
    if (positionals.length > 0) {
      throw new ConfigurationError(`unexpected argument "${positionals[0]}"
${FINDINGS_USAGE}`);
    }
    const analyzerArn = values["analyzer-arn"];
    const principals = values.principal;
    const lastAccessed = values["last-accessed"] ?? [];
    const unusedDays = readUnusedDays(values["unused-days"]);
    if (unusedDays !== void 0 && lastAccessed.length === 0) {
      throw new ConfigurationError(`--unused-days applies to --last-accessed
${FINDINGS_USAGE}`);
    }
    const log = (line) => io.err(`${line}
`);
    const findings = [];
    let coverage = {};
    if (analyzerArn !== void 0 || lastAccessed.length === 0) {
      const client = deps.accessAnalyzer();
      let exported = await exportUnusedAccessFindings(client, {
        ...analyzerArn === void 0 ? {} : { analyzerArn },
        ...principals === void 0 ? {} : { resources: principals },
        log
      });
      if (values["without-recommendations"] !== true) {
        exported = await attachRecommendations(client, exported, { log });
      }
      const { findings: own, ...rest2 } = exportedFindingsFile(exported);
      coverage = rest2;
      findings.push(...own);
    }
    if (lastAccessed.length > 0) {
      const synthesized = await lastAccessedFindings(deps.iam(), lastAccessed, {
        unusedDays: unusedDays ?? DEFAULT_UNUSED_DAYS,
        now: deps.now(),
        log
      });
      log(`${synthesized.length} principal(s) with unused access in IAM's last-accessed data`);
      findings.push(...synthesized);
      const asked = [
        ...coverage.coveredPrincipals ?? [],
        ...lastAccessed
      ];
      coverage = { ...coverage, coveredPrincipals: [...new Set(asked)] };
    }
    const text = `${JSON.stringify({ ...coverage, findings }, null, 2)}
`;
    const out = values.out;
    if (out === void 0) io.out(text);
    else {
      try {
        await writeFile(out, text, "utf8");
      } catch (error) {
        throw new ConfigurationError(
          `${out}: cannot write the findings (${error.code ?? String(error)})`
        );
      }
      log(`wrote ${findings.length} finding(s) to ${out}`);
    }
    return EXIT.ok;
  };
}
var findingsCommand = createFindingsCommand();
function readUnusedDays(raw) {
  if (raw === void 0) return void 0;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ConfigurationError(
      `--unused-days must be a whole number of days, 1 or more; got "${raw}"`
    );
  }
  return Number(raw);
}
var main = guarded(findingsCommand);
export {
  FINDINGS_USAGE,
  createFindingsCommand,
  findingsCommand,
  main
};
