/**
 * One instance per process, even when a module is loaded twice (once by server.ts and once
 * inside the Remix server build, or again after a dev-server reload).
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __singletons?: Map<string, unknown> }
  store.__singletons ??= new Map()
  if (!store.__singletons.has(name)) store.__singletons.set(name, create())
  return store.__singletons.get(name) as T
}

/** Forget a singleton (tests and the CLI's `db reset` use it to start over). */
export function dropSingleton(name: string) {
  const store = globalThis as unknown as { __singletons?: Map<string, unknown> }
  store.__singletons?.delete(name)
}
