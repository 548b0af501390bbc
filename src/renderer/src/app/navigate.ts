import { useEffect, useState } from 'react'

/** The route at start and after a route nobody knows: the day's work. */
export const homeRoute = '/workbench'

/**
 * Moves to a screen. The route lives in the URL hash (#/settings/dictionary) so that a
 * reload returns to the same screen; every move goes through here, so a later router
 * (or a route guard for staff accounts) changes one function.
 */
export function navigate(route: string): void {
  window.location.hash = route
}

export function currentRoute(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, '')) || homeRoute
}

/** The current route, re-rendering on every move (the hash also changes by links and Back). */
export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute)
  useEffect(() => {
    const onChange = (): void => setRoute(currentRoute())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
