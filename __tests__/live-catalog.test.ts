import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Catalog } from '../src/engine/catalog.js'
import { bundledCatalog } from '../src/engine/bundled-catalog.js'
import { refinePolicy } from '../src/engine/refine.js'
import {
  catalogAgeWarning,
  catalogFromInput,
  clearLiveCatalogCache,
  loadLiveCatalog,
  SERVICE_REFERENCE_URL_ENV
} from '../src/io/live-catalog.js'
import { setEnv } from './servers/access-analyzer.js'

// A loopback AWS service reference: the index lists {service, url}, each file has Actions[].Name.
const SERVICES: Record<string, string[]> = {
  s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'ListBucket'],
  lambda: ['InvokeFunction', 'GetFunction'],
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`svc${i}`, [`Do${i}`]]))
}

interface Behaviour {
  /** Paths that answer this status instead. */
  status: Map<string, number>
  /** Paths that never answer. */
  hang: Set<string>
  index?: unknown
  requests: string[]
  inFlight: number
  maxInFlight: number
}
const behaviour: Behaviour = {
  status: new Map(),
  hang: new Set(),
  requests: [],
  inFlight: 0,
  maxInFlight: 0
}
let server: Server
let base: string

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/'
    behaviour.requests.push(path)
    if (behaviour.hang.has(path)) return
    behaviour.inFlight++
    behaviour.maxInFlight = Math.max(behaviour.maxInFlight, behaviour.inFlight)
    setTimeout(() => {
      behaviour.inFlight--
      const status = behaviour.status.get(path)
      if (status) {
        res.writeHead(status)
        return res.end('error')
      }
      let body: unknown
      if (path === '/') {
        body =
          behaviour.index ??
          Object.keys(SERVICES).map(service => ({
            service,
            url: `${base}/v1/${service}/${service}.json`
          }))
      } else {
        const service = /^\/v1\/([^/]+)\//.exec(path)?.[1] ?? ''
        const actions = SERVICES[service]
        if (!actions) {
          res.writeHead(404)
          return res.end()
        }
        body = {
          Name: service,
          Actions: actions.map(Name => ({ Name, Annotations: { Properties: {} } })),
          Version: 'v1.4'
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }, 5)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})
afterEach(() => {
  clearLiveCatalogCache()
  Object.assign(behaviour, {
    status: new Map(),
    hang: new Set(),
    index: undefined,
    requests: [],
    inFlight: 0,
    maxInFlight: 0
  })
})

const noWarnings = (message: string) => {
  throw new Error(`unexpected warning: ${message}`)
}

describe('the live catalog', () => {
  it('reads the index and every service, from the address the environment names', async () => {
    const restore = setEnv({ [SERVICE_REFERENCE_URL_ENV]: `${base}/` })
    let catalog: Catalog
    try {
      catalog = await loadLiveCatalog({ warn: noWarnings, concurrency: 3 })
    } finally {
      restore()
    }
    expect(catalog.source).toBe(`AWS service reference (${base}/)`)
    expect(catalog.services.get('s3')).toEqual(SERVICES.s3)
    expect(catalog.services.size).toBe(Object.keys(SERVICES).length)
    expect(behaviour.requests).toHaveLength(1 + Object.keys(SERVICES).length)
    expect(behaviour.maxInFlight).toBeLessThanOrEqual(3)
    expect(catalog.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('is read once per run', async () => {
    const first = await loadLiveCatalog({ baseUrl: `${base}/`, warn: noWarnings })
    const second = await loadLiveCatalog({ baseUrl: `${base}/`, warn: noWarnings })
    expect(second).toBe(first)
    expect(behaviour.requests.filter(p => p === '/')).toHaveLength(1)
  })

  it('refines with what AWS lists today', async () => {
    const catalog = await loadLiveCatalog({ baseUrl: `${base}/`, warn: noWarnings })
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject*', Resource: '*' }]
    }
    const principals = [
      {
        principal: 'arn:aws:iam::1:role/R',
        wholePrincipal: false,
        services: [{ service: 's3', actions: [{ action: 'GetObjectAcl' }] }],
        sources: ['test']
      }
    ]
    expect(refinePolicy(policy, { catalog, principals }).document.Statement).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
    ])
  })

  it.each([
    [
      'a service file fails',
      () => behaviour.status.set('/v1/svc3/svc3.json', 500),
      /svc3\.json answered HTTP 500/
    ],
    [
      'the index is not a list',
      () => (behaviour.index = { services: [] }),
      /its index is not a list/
    ],
    [
      'the index points elsewhere',
      () => (behaviour.index = [{ service: 's3', url: 'https://example.com/s3.json' }]),
      /its index points outside http:\/\/127\.0\.0\.1:\d+ \(https:\/\/example\.com\/s3\.json\)/
    ],
    [
      'a service prefix is malformed',
      () =>
        (behaviour.index = [
          { service: 'bad', url: '/v1/s3/s3.json' },
          { service: 'x y', url: '/v1/s3/s3.json' }
        ]),
      /"x y" is not a service prefix/
    ]
  ])('falls back to the bundled catalog with a warning when %s', async (_what, arrange, reason) => {
    arrange()
    const warnings: string[] = []
    const catalog = await loadLiveCatalog({ baseUrl: `${base}/`, warn: m => void warnings.push(m) })
    expect(catalog).toBe(bundledCatalog())
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      new RegExp(`^could not read the AWS service reference at ${base}/ \\(`)
    )
    expect(warnings[0]).toMatch(reason)
    expect(warnings[0]).toContain(`using the bundled catalog (${bundledCatalog().source}`)
  })

  it('falls back when the service does not answer in time, or not at all', async () => {
    behaviour.hang.add('/v1/s3/s3.json')
    const warnings: string[] = []
    const started = Date.now()
    const catalog = await loadLiveCatalog({
      baseUrl: `${base}/`,
      timeoutMs: 200,
      warn: m => void warnings.push(m)
    })
    expect(catalog).toBe(bundledCatalog())
    expect(Date.now() - started).toBeLessThan(2000)
    expect(warnings[0]).toMatch(/no answer within 0.2 s/)

    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise(resolve => closed.close(resolve))
    warnings.length = 0
    expect(
      await loadLiveCatalog({
        baseUrl: `http://127.0.0.1:${port}/`,
        warn: m => void warnings.push(m)
      })
    ).toBe(bundledCatalog())
    expect(warnings[0]).toMatch(
      /could not read the AWS service reference at http:\/\/127\.0\.0\.1:\d+\//
    )
  })

  it('does not keep a failure: the next call tries again', async () => {
    behaviour.status.set('/', 503)
    await loadLiveCatalog({ baseUrl: `${base}/`, warn: () => undefined })
    behaviour.status.clear()
    const catalog = await loadLiveCatalog({ baseUrl: `${base}/`, warn: noWarnings })
    expect(catalog.services.get('lambda')).toEqual(SERVICES.lambda)
  })
})

describe('the catalog input', () => {
  it('reads live, a file, or the bundled catalog', async () => {
    const live = await catalogFromInput('live', { warn: noWarnings, baseUrl: `${base}/` })
    expect(live.source).toContain('AWS service reference')
    const file = await catalogFromInput('__tests__/fixtures/aws/catalog.json', { warn: noWarnings })
    expect(file.services.get('sqs')).toEqual(['SendMessage', 'ReceiveMessage'])
    const fresh = new Date(Date.parse(bundledCatalog().updatedAt as string) + 86_400_000)
    expect(await catalogFromInput(undefined, { warn: noWarnings, now: fresh })).toBe(
      bundledCatalog()
    )
  })
})

describe('the age of the bundled catalog', () => {
  const catalog: Catalog = {
    source: 'bundled 1.0',
    updatedAt: '2026-09-26T04:46:59.905Z',
    services: new Map()
  }

  it('is fine for 90 days', () => {
    expect(catalogAgeWarning(catalog, new Date('2026-12-25T00:00:00Z'))).toBeUndefined()
  })

  it('is worth a sentence after that', () => {
    expect(catalogAgeWarning(catalog, new Date('2027-01-01T00:00:00Z'))).toBe(
      'the action catalog (bundled 1.0) is from 2026-09-26, 96 days ago: actions AWS added since are ' +
        'unknown to it. Update iam-refine, or use `catalog: live`.'
    )
  })

  it('says nothing without a date', () => {
    expect(catalogAgeWarning({ source: 'x.json', services: new Map() }, new Date())).toBeUndefined()
  })

  it('is said when the bundled catalog is used for a stale run', async () => {
    const warnings: string[] = []
    await catalogFromInput('', { warn: m => void warnings.push(m), now: new Date('2030-01-01') })
    expect(warnings[0]).toMatch(/^the action catalog \(@cloud-copilot\/iam-data .*\) is from /)
  })
})
