// The action (action.yml runs dist/index.js), an ES module.
import("./index.mjs")
